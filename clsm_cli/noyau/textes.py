"""Text safety for documents and tables leaving clsm (light module, stdlib only)."""

from __future__ import annotations

import re

_DEBUT_FORMULE = ("=", "+", "-", "@", "\t", "\r")
_CONTROLES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def neutraliser_formule(valeur: object) -> object:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe.

    Numbers and other values are returned as they are.
    """
    if isinstance(valeur, str) and valeur.startswith(_DEBUT_FORMULE):
        return "'" + valeur
    return valeur


def sans_controles(texte: str) -> str:
    """Remove control characters that XML (docx, xlsx) cannot hold; keep tab and newlines."""
    return _CONTROLES.sub("", texte)


def cellule_sure(valeur: object) -> object:
    """A spreadsheet-safe value: control characters removed, formulas neutralised."""
    if isinstance(valeur, str):
        return neutraliser_formule(sans_controles(valeur))
    return valeur


def nombre_fr(n: float | int, decimales: int = 0) -> str:
    """French number format: ``1 234``, ``12,5`` (narrow no-break space for thousands)."""
    texte = f"{n:,.{decimales}f}".replace(",", "\u202f").replace(".", ",")
    return texte


MOIS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def date_fr(jour: object) -> str:
    """« 12 mars 2026 » (« 1er » for the first day of a month).

    A date known only to the month or the year (a ``DatePartielle``) reads « juin 2021 », « 2020 ».
    """
    import datetime as dt

    if not isinstance(jour, dt.date):
        return str(jour)
    precision = _precision(jour)
    if precision == "annee":
        return str(jour.year)
    if precision == "mois":
        return f"{MOIS[jour.month - 1]} {jour.year}"
    numero = "1er" if jour.day == 1 else str(jour.day)
    return f"{numero} {MOIS[jour.month - 1]} {jour.year}"


def _precision(jour: object) -> str:
    """« jour », « mois » or « annee »: what is known of a date (without importing pydantic)."""
    if not hasattr(jour, "mois_connu"):
        return "jour"
    return "mois" if jour.mois_connu else "annee"


def quand_fr(jour: object) -> str:
    """The date as a complement: « le 3 juin 2021 », « en juin 2021 », « en 2020 »."""
    texte = date_fr(jour)
    return f"le {texte}" if _precision(jour) == "jour" else f"en {texte}"


def du_fr(jour: object) -> str:
    """The date after a noun: « du 3 juin 2021 », « de juin 2021 », « de 2020 »."""
    texte = date_fr(jour)
    return f"du {texte}" if _precision(jour) == "jour" else f"de {texte}"


def periode_fr(debut: object, fin: object | None) -> str:
    """« le 3 juin 2021 », or « du 10 au 29 octobre 2024 » for several days."""
    import datetime as dt

    if fin is None or fin == debut or not isinstance(debut, dt.date) or _precision(debut) != "jour":
        return quand_fr(debut)
    if not isinstance(fin, dt.date):
        return quand_fr(debut)
    if (debut.year, debut.month) == (fin.year, fin.month):
        premier = "1er" if debut.day == 1 else str(debut.day)
        return f"du {premier} au {date_fr(fin)}"
    if debut.year == fin.year:
        premier = "1er" if debut.day == 1 else str(debut.day)
        return f"du {premier} {MOIS[debut.month - 1]} au {date_fr(fin)}"
    return f"du {date_fr(debut)} au {date_fr(fin)}"
