"""Model of ``diagnostic.toml``: the shared needs assessments and the priorities drawn from
them; and the imprecise dates (« 2018 », « 2018-06 ») that the council's history uses.

``DateImprecise`` here stands in for the shared type announced for ``modeles/communs.py``;
when that one lands, this module should import it instead of defining its own.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import PlainValidator, WithJsonSchema

from clsm_cli.modeles.communs import Fichier, Identifiant, Modele, Texte

MOTIF_DATE_IMPRECISE = r"^(19[5-9]\d|20\d\d|2100)(-(0[1-9]|1[0-2]))?$"
_RE_JOUR = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _lire_date_imprecise(valeur: Any) -> dt.date | str:
    """A TOML date, or "2018" / "2018-06" (a year written as the integer 2018 is accepted,
    "2018-06-12" becomes a date); one clear error otherwise."""
    if isinstance(valeur, int) and not isinstance(valeur, bool):
        valeur = str(valeur)
    if isinstance(valeur, dt.datetime):
        valeur = valeur.date() if valeur.time() == dt.time() and valeur.tzinfo is None else None
    if isinstance(valeur, dt.date):
        return valeur
    if isinstance(valeur, str):
        texte = valeur.strip()
        if re.fullmatch(MOTIF_DATE_IMPRECISE, texte):
            return texte
        if _RE_JOUR.match(texte):
            try:
                return dt.date.fromisoformat(texte)
            except ValueError:
                pass
    raise ValueError(
        "date attendue : une date AAAA-MM-JJ, ou une année « AAAA » ou un mois « AAAA-MM » "
        "entre guillemets"
    )


DateImprecise = Annotated[
    dt.date | str,
    PlainValidator(_lire_date_imprecise),
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


def premier_jour(valeur: dt.date | str) -> dt.date:
    """The first day an imprecise date may mean: "2018" → 2018-01-01."""
    if isinstance(valeur, dt.date):
        return valeur
    annee, _, mois = valeur.partition("-")
    return dt.date(int(annee), int(mois or 1), 1)


def dernier_jour(valeur: dt.date | str) -> dt.date:
    """The last day an imprecise date may mean: "2018" → 2018-12-31, "2018-02" → 2018-02-28."""
    if isinstance(valeur, dt.date):
        return valeur
    annee, _, mois = valeur.partition("-")
    if not mois:
        return dt.date(int(annee), 12, 31)
    suivant = dt.date(int(annee) + (mois == "12"), int(mois) % 12 + 1, 1)
    return suivant - dt.timedelta(days=1)


def cle_date(valeur: dt.date | str) -> tuple[int, int, int]:
    """Sort key: a year sorts before its months, a month before its days."""
    if isinstance(valeur, dt.date):
        return (valeur.year, valeur.month, valeur.day)
    annee, _, mois = valeur.partition("-")
    return (int(annee), int(mois or 0), 0)


def annee_de(valeur: dt.date | str) -> int:
    return premier_jour(valeur).year


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

    def tries(self) -> list[Diagnostic]:
        """From the oldest to the latest (file order between equal dates)."""
        return sorted(self.diagnostic, key=lambda d: cle_date(d.date))

    def dernier(self, avant: dt.date | None = None) -> Diagnostic | None:
        """The latest diagnostic (made on or before ``avant`` when given)."""
        candidats = [d for d in self.tries() if avant is None or premier_jour(d.date) <= avant]
        return candidats[-1] if candidats else None
