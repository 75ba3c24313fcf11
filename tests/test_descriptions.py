"""Every key of every JSON Schema has a French description and a French title (issue 13 §8):
editors (Taplo, VS Code « Even Better TOML ») show them while a person types."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import clsm_cli
from clsm_cli.modeles.descriptions import TITRES, decrire

SCHEMAS = sorted((Path(clsm_cli.__file__).parent / "schemas").glob("*.schema.json"))


def _proprietes(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(model, key, property) of the schema and of every model it defines."""
    modeles = [(schema.get("title", "?"), schema), *schema.get("$defs", {}).items()]
    return [
        (nom, cle, propriete)
        for nom, modele in modeles
        for cle, propriete in modele.get("properties", {}).items()
    ]


@pytest.mark.parametrize("chemin", SCHEMAS, ids=lambda c: c.name)
def test_chaque_cle_a_une_description_en_francais(chemin: Path) -> None:
    schema = json.loads(chemin.read_text(encoding="utf-8"))
    assert schema.get("description"), chemin.name
    sans = [f"{m}.{c}" for m, c, p in _proprietes(schema) if not p.get("description")]
    assert sans == []
    for modele, cle, propriete in _proprietes(schema):
        assert propriete["title"] == TITRES[cle], f"{modele}.{cle}"
        # French, not a developer's English docstring
        assert not re.search(r"\b(the|of|is|and|when)\b", propriete["description"]), (
            f"{modele}.{cle}: {propriete['description']}"
        )


def test_titres_accentues() -> None:
    assert TITRES["jusqu_a"] == "Membre jusqu'à"
    assert TITRES["ordre_du_jour"] == "Ordre du jour"
    assert TITRES["echeance"] == "Échéance"
    assert decrire("Membre", "college") == "Collège du CLSM auquel appartient le membre."
    assert decrire("Realisation", "participants") == decrire("Evenement", "participants")
