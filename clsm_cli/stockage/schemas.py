"""JSON Schemas of the file kinds, generated from the models.

``python -m clsm_cli.stockage.schemas`` rewrites them.

They are shipped in ``clsm_cli/schemas/`` (``schemas/`` at the repository's top is a link to it)
and copied into each folder's ``.clsm/schemas/`` so that editors validate offline.
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

TITRES = {
    "clsm": "clsm.toml — identité et paramètres du CLSM",
    "membres": "membres.toml — membres du CLSM",
    "groupes": "groupes.toml — groupes de travail et instances",
    "diagnostic": "diagnostic.toml — diagnostics partagés et priorités retenues",
    "plan": "plan.toml — plan d'action pluriannuel",
    "reunion": "reunions/AAAA-MM-JJ-<instance>.toml — une réunion",
    "sism": "sism/AAAA.toml — Semaines d'information sur la santé mentale",
    "situations": "cellule/situations.toml — situations (pseudonymisées) de la cellule",
    "seance": "cellule/seances/AAAA-MM-JJ.toml — séance de la cellule",
    "archives": "cellule/archives.toml — décomptes anonymes annuels des situations purgées",
}


def generer() -> dict[str, str]:
    """File name → JSON text of every schema."""
    from clsm_cli.stockage.projet import MODELES

    resultat = {}
    for genre, modele in MODELES.items():
        schema: dict[str, Any] = modele.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = TITRES[genre]
        resultat[f"{genre}.schema.json"] = (
            json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        )
    return resultat


def dossier_embarque() -> Path:
    return Path(str(resources.files("clsm_cli") / "schemas"))


def ecrire(dossier: Path) -> list[Path]:
    dossier.mkdir(parents=True, exist_ok=True)
    ecrits = []
    for nom, texte in generer().items():
        (dossier / nom).write_text(texte, encoding="utf-8")
        ecrits.append(dossier / nom)
    return ecrits


if __name__ == "__main__":  # pragma: no cover - developer script
    cible = Path(sys.argv[1]) if len(sys.argv) > 1 else dossier_embarque()
    for chemin in ecrire(cible):
        print(chemin)
