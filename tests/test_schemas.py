"""JSON Schemas are generated from the models: the committed ones must be current."""

from __future__ import annotations

import json

from clsm_cli.stockage.schemas import dossier_embarque, generer

from .conftest import RACINE_DEPOT


def test_schemas_a_jour() -> None:
    attendus = generer()
    presents = {p.name for p in dossier_embarque().glob("*.schema.json")}
    assert presents == set(attendus), "lancez : python -m clsm_cli.stockage.schemas"
    for nom, texte in attendus.items():
        assert (dossier_embarque() / nom).read_text(encoding="utf-8") == texte, (
            f"{nom} périmé : lancez python -m clsm_cli.stockage.schemas"
        )


def test_schemas_au_sommet_du_depot() -> None:
    assert (RACINE_DEPOT / "schemas" / "membres.schema.json").is_file()


def test_schema_interdit_les_cles_inconnues() -> None:
    schema = json.loads(generer()["membres.schema.json"])
    membre = schema["$defs"]["Membre"]
    assert membre["additionalProperties"] is False
    assert "college" in membre["required"]
