"""Dates of the cellule's retention rules."""

from __future__ import annotations

import datetime as dt


def ajouter_mois(jour: dt.date, mois: int) -> dt.date:
    """``jour`` shifted by ``mois`` months (clamped to the month's last day)."""
    total = jour.year * 12 + jour.month - 1 + mois
    annee, mois0 = divmod(total, 12)
    for fin in (31, 30, 29, 28):
        try:
            return dt.date(annee, mois0 + 1, min(jour.day, fin))
        except ValueError:
            continue
    raise ValueError(jour)  # pragma: no cover - unreachable
