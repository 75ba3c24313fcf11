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
    """« 12 mars 2026 » (« 1er » for the first day of a month)."""
    import datetime as dt

    if not isinstance(jour, dt.date):
        return str(jour)
    numero = "1er" if jour.day == 1 else str(jour.day)
    return f"{numero} {MOIS[jour.month - 1]} {jour.year}"
