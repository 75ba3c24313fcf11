"""Imprecise dates of the council's history (« 2018 », « 2018-06 » or a full date), in plain
Python: no pydantic, so that light records and checks can use them.

Stands in for the shared ``DateImprecise`` announced for ``modeles/communs.py``; when that one
lands, these helpers should follow it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any, Protocol, TypeVar

MOTIF_DATE_IMPRECISE = r"^(19[5-9]\d|20\d\d|2100)(-(0[1-9]|1[0-2]))?$"
_RE_JOUR = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def lire_date_imprecise(valeur: Any) -> dt.date | str:
    """A TOML date, or "2018" / "2018-06" (a year written as the integer 2018 is accepted,
    "2018-06-12" becomes a date); one clear ValueError otherwise."""
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


class _Date(Protocol):
    @property
    def date(self) -> dt.date | str: ...


D = TypeVar("D", bound=_Date)


def par_date(elements: Iterable[D]) -> list[D]:
    """Records (diagnostics, milestones) from the oldest; file order between equal dates."""
    return sorted(elements, key=lambda e: cle_date(e.date))


def dernier_avant(elements: Iterable[D], avant: dt.date | None = None) -> D | None:
    """The latest record (dated on or before ``avant`` when given)."""
    candidats = [e for e in par_date(elements) if avant is None or premier_jour(e.date) <= avant]
    return candidats[-1] if candidats else None
