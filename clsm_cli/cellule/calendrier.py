"""Dates of the cellule's retention rules: when a situation is due for purging.

Light on purpose (standard library only): ``verifier`` warns about overdue situations on every
run without importing the register.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clsm_cli.modeles import Situation
    from clsm_cli.stockage.projet import ProjetLu as Projet


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


def derniere_activite(projet: Projet) -> dict[str, dt.date]:
    """Last day each situation was active: saisine, last séance examining it, or closure."""
    derniere = {s.code: s.date_saisine for s in projet.situations}
    for seance in projet.seances.values():
        for examen in seance.examen:
            if examen.code in derniere and seance.date > derniere[examen.code]:
                derniere[examen.code] = seance.date
    for s in projet.situations:
        if s.date_cloture and s.date_cloture > derniere[s.code]:
            derniere[s.code] = s.date_cloture
    return derniere


def situations_a_purger(projet: Projet, avant: dt.date | None = None) -> list[Situation]:
    """Situations closed, or without activity, for longer than ``conservation_mois``.

    ``avant``: count from this day instead of today (``clsm cellule purger --avant``).
    """
    conservation = projet.identite.cellule.conservation_mois if projet.identite else 24
    reference = avant or projet.aujourdhui()
    derniere = derniere_activite(projet)
    resultat = []
    for s in projet.situations:
        depuis = s.date_cloture if s.statut == "close" and s.date_cloture else derniere[s.code]
        if ajouter_mois(depuis, conservation) < reference:
            resultat.append(s)
    return resultat
