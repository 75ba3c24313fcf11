"""The one-screen dashboard of ``clsm etat``, computed as plain data."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from clsm_cli.modeles import LIBELLES_COLLEGE, LIBELLES_STATUT_ACTION, libelle_instance
from clsm_cli.noyau.projet import Projet


def suivis_ouverts(projet: Projet) -> list[dict[str, Any]]:
    """Open follow-up items of every meeting, soonest deadline first (no deadline last)."""
    resultat = []
    for chemin, reunion in projet.reunions_triees():
        for i, suivi in enumerate(reunion.suivi):
            if not suivi.fait:
                resultat.append(
                    {
                        "reunion": chemin,
                        "numero": i + 1,
                        "date_reunion": reunion.date,
                        "instance": reunion.instance,
                        "quoi": suivi.quoi,
                        "qui": _nom(projet, suivi.qui),
                        "echeance": suivi.echeance,
                    }
                )
    resultat.sort(key=lambda s: (s["echeance"] is None, s["echeance"] or dt.date.max))
    return resultat


def _nom(projet: Projet, qui: str | None) -> str | None:
    """A member id in ``qui`` shown as the member's name; free text kept as written."""
    membre = projet.membres_par_id.get(qui or "")
    return membre.libelle if membre else qui


def calculer_etat(projet: Projet, annee: int | None = None) -> dict[str, Any]:
    aujourdhui = projet.aujourdhui()
    annee = annee or aujourdhui.year
    actifs = [m for m in projet.membres if m.actif(aujourdhui)]
    par_college = Counter(m.college.value for m in actifs)
    reunions = [r for _, r in projet.reunions_triees() if r.date.year == annee]
    noms = projet.noms_groupes()
    par_instance = Counter(libelle_instance(r.instance, noms) for r in reunions)
    suivis = suivis_ouverts(projet)
    sism = projet.sism_annee(annee)
    return {
        "clsm": projet.nom,
        "territoire": projet.identite.territoire if projet.identite else None,
        "date": aujourdhui,
        "annee": annee,
        "membres": {
            "actifs": len(actifs),
            "par_college": {c: par_college[c] for c in LIBELLES_COLLEGE if par_college[c]},
        },
        "reunions": {
            "tenues": sum(1 for r in reunions if r.date <= aujourdhui),
            "prevues": sum(1 for r in reunions if r.date > aujourdhui),
            "par_instance": dict(sorted(par_instance.items())),
        },
        "actions": {
            "total": len(projet.actions),
            "par_statut": {
                s: n
                for s in LIBELLES_STATUT_ACTION
                if (n := sum(1 for a in projet.actions if a.statut.value == s))
            },
        },
        "suivis": {
            "ouverts": len(suivis),
            "en_retard": sum(1 for s in suivis if s["echeance"] and s["echeance"] < aujourdhui),
            "prochains": suivis[:5],
        },
        "sism": None
        if sism is None
        else {
            "annee": sism.annee,
            "theme": sism.theme,
            "evenements": len(sism.evenement),
            "participants": sum(e.participants or 0 for e in sism.evenement),
        },
        "cellule": _cellule(projet, annee),
    }


def _cellule(projet: Projet, annee: int) -> dict[str, Any]:
    """The cellule's figures of the year exactly as ``clsm cellule statistiques`` publishes
    them (masked): the dashboard adds no figure an attacker could combine with the others."""
    from clsm_cli.cellule.statistiques import montrer, publies

    p = publies(projet, annee)
    return {
        "annee": annee,
        "situations_ouvertes": montrer(p["situations_ouvertes"]),
        "seances": montrer(p["seances"]),
        "examens": montrer(p["examens"]),
    }
