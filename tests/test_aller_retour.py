"""Round trip of every file kind: model → TOML text written by clsm → read back → same model."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from pydantic import BaseModel

from clsm_cli.stockage.ecriture import en_donnees, texte_nouveau
from clsm_cli.stockage.lecture import lire_fichier, valider
from clsm_cli.stockage.projet import MODELES

from .strategies import instances

CHEMINS = {
    "clsm": "clsm.toml",
    "membres": "membres.toml",
    "groupes": "groupes.toml",
    "diagnostic": "diagnostic.toml",
    "plan": "plan.toml",
    "reunion": "reunions/2026-03-12-copil.toml",
    "sism": "sism/2026.toml",
    "situations": "cellule/situations.toml",
    "seance": "cellule/seances/2026-03-12.toml",
    "archives": "cellule/archives.toml",
}


@pytest.mark.parametrize("genre", sorted(MODELES))
def test_aller_retour(genre: str) -> None:
    modele = MODELES[genre]
    chemin = CHEMINS[genre]

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(instances(modele))
    def aller_retour(instance: BaseModel) -> None:
        texte = texte_nouveau(chemin, en_donnees(instance))
        assert texte.startswith("#:schema ")
        lu = lire_fichier(Path("."), chemin, texte)
        relu = valider(lu, modele)
        assert lu.problemes == []
        assert relu == instance

    aller_retour()
