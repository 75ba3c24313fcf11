"""Model of ``diagnostic.toml``: the shared needs assessments and the priorities drawn from
them; and ``DateImprecise`` (« 2018 », « 2018-06 » or a date), which the council's history uses.

``DateImprecise`` here stands in for the shared type announced for ``modeles/communs.py``;
when that one lands, this module should import it instead of defining its own.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import PlainValidator, WithJsonSchema

from clsm_cli.modeles.communs import Fichier, Identifiant, Modele, Texte
from clsm_cli.modeles.dates_imprecises import MOTIF_DATE_IMPRECISE, lire_date_imprecise

DateImprecise = Annotated[
    dt.date | str,
    PlainValidator(lire_date_imprecise),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": MOTIF_DATE_IMPRECISE},
            ],
            "description": "Date AAAA-MM-JJ, année « AAAA » ou mois « AAAA-MM »",
        }
    ),
]
"""A TOML date (2018-06-12), or a year ("2018") or a month ("2018-06") written as a string."""


class Priorite(Modele):
    """A priority the copil drew from the diagnostic; axes of the plan answer it."""

    id: Identifiant
    libelle: Texte


class Diagnostic(Modele):
    id: Identifiant
    date: DateImprecise
    intitule: Texte | None = None
    realise_par: Texte | None = None
    """A structure (« ORS Centre-Val de Loire ») or « en interne »."""
    methode: list[Texte] = []
    """questionnaire, entretiens, données, ateliers…"""
    sources: list[Texte] = []
    constats: list[Texte] = []
    priorite: list[Priorite] = []


class FichierDiagnostic(Fichier):
    """``diagnostic.toml``."""

    diagnostic: list[Diagnostic] = []
