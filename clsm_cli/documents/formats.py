"""French formatting of figures for documents: « 1 234 », « 87 % », « 12 500 € »."""

from __future__ import annotations

import datetime as dt

from clsm_cli.noyau import grammaire as G
from clsm_cli.noyau.textes import date_fr, nombre_fr

NON_RENSEIGNE = "non renseigné"


def nr(libelle: str) -> str:
    """« non renseigné(e)(s) » agreed with the label it stands beside (« Population » →
    « non renseignée »)."""
    return G.non_renseigne(libelle)[len(libelle) + 1 :]


def n(valeur: float | int | None) -> str:
    """A count or quantity: ``1 234``, ``12,5``; « — » when unknown."""
    if valeur is None:
        return "—"
    if isinstance(valeur, float) and not valeur.is_integer():
        return nombre_fr(valeur, 1)
    return nombre_fr(valeur)


def pct(ratio: float | None) -> str:
    """A share (0–1) as a French percentage: ``87 %``."""
    if ratio is None:
        return "—"
    return f"{nombre_fr(round(ratio * 100))}\u00a0%"


def euros(montant: float) -> str:
    decimales = 0 if float(montant).is_integer() else 2
    return f"{nombre_fr(montant, decimales)}\u00a0€"


def d(jour: dt.date | None) -> str:
    return date_fr(jour) if jour else "—"


def cellule_date(jour: dt.date | None) -> object:
    """A date for a spreadsheet cell: a full date stays a date; a date known only to the month
    or the year (``DatePartielle``) is written as its text, « 2024-06 » or « 2020 », never as
    the first day of that month or year."""
    if jour is None or not hasattr(jour, "mois_connu"):
        return jour
    return jour.isoformat()


def heure(texte: str | None) -> str:
    """« 14:00 » or « 14h30 » → « 14 h », « 14 h 30 »."""
    if not texte:
        return ""
    h, _, m = texte.replace("h", ":").partition(":")
    return f"{int(h)}\u00a0h" + (f"\u00a0{m}" if m and m != "00" else "")


def periode(debut: dt.date | None, fin: dt.date | None) -> str:
    """« du 6 au 19 octobre 2025 », « du 1er janvier 2024 au 31 décembre 2027 »."""
    if debut and fin:
        if debut == fin:
            return f"le {date_fr(debut)}"
        if debut.year == fin.year and debut.month == fin.month:
            premier = "1er" if debut.day == 1 else str(debut.day)
            return f"du {premier} au {date_fr(fin)}"
        if debut.year == fin.year:
            return f"du {date_fr(debut).rsplit(' ', 1)[0]} au {date_fr(fin)}"
        return f"du {date_fr(debut)} au {date_fr(fin)}"
    if debut:
        return f"à partir du {date_fr(debut)}"
    if fin:
        return f"jusqu'au {date_fr(fin)}"
    return "non renseignée"


def liste(elements: list[str], vide: str = NON_RENSEIGNE) -> str:
    """« a, b et c »."""
    elements = [e for e in elements if e]
    if not elements:
        return vide
    if len(elements) == 1:
        return elements[0]
    return ", ".join(elements[:-1]) + " et " + elements[-1]


def pluriel(nombre: int, singulier: str, pluriel_: str | None = None) -> str:
    """« 1 réunion », « 3 réunions », « aucune réunion »."""
    return G.compte(nombre, singulier, pluriel_)


def parts(valeurs: list[float]) -> list[str]:
    """Percentages of a column that sum to the « 100 % » of its total row."""
    return [f"{p}\u00a0%" for p in G.parts_arrondies(valeurs)]
