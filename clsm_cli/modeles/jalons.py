"""Kinds of milestones of the council's life (``[[jalon]]`` of clsm.toml), in plain Python: no
pydantic, so that records read back from a cache of validated data stay light."""

from __future__ import annotations

from enum import StrEnum


class TypeJalon(StrEnum):
    creation = "creation"
    diagnostic = "diagnostic"
    convention_signee = "convention_signee"
    renouvellement = "renouvellement"
    bilan_intermediaire = "bilan_intermediaire"
    evaluation = "evaluation"
    autre = "autre"


LIBELLES_TYPE_JALON: dict[str, str] = {
    "creation": "Création du CLSM",
    "diagnostic": "Diagnostic partagé",
    "convention_signee": "Signature de la convention",
    "renouvellement": "Renouvellement de la convention",
    "bilan_intermediaire": "Bilan intermédiaire",
    "evaluation": "Évaluation",
    "autre": "Autre étape",
}
