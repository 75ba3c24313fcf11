"""The one-screen dashboard of ``clsm etat``, computed as plain data."""

from __future__ import annotations

from collections import Counter
from typing import Any

from clsm_cli.modeles import LIBELLES_COLLEGE, LIBELLES_STATUT_ACTION, libelle_instance
from clsm_cli.noyau.projet import Projet
from clsm_cli.noyau.reunions import prochaine_reunion, reference, suivis_ouverts

__all__ = ["calculer_etat", "suivis_ouverts"]


def _prochaine_reunion(projet: Projet, suivis: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The next meeting (today included) and the open items due by its day."""
    trouvee = prochaine_reunion(projet)
    if trouvee is None:
        return None
    chemin, r = trouvee
    return {
        "reunion": reference(chemin),
        "date": r.date,
        "heure": r.heure,
        "lieu": r.lieu,
        "instance": r.instance,
        "libelle": libelle_instance(r.instance, projet.noms_groupes()),
        "suivis_dus": [s for s in suivis if s["echeance"] is not None and s["echeance"] <= r.date],
    }


def calculer_etat(projet: Projet, annee: int | None = None) -> dict[str, Any]:
    aujourdhui = projet.aujourdhui()
    annee = annee or aujourdhui.year
    actifs = [m for m in projet.membres if m.actif(aujourdhui)]
    par_college = Counter(m.college.value for m in actifs)
    reunions = [r for _, r in projet.reunions_triees() if r.date.year == annee]
    noms = projet.noms_groupes()
    par_instance = Counter(libelle_instance(r.instance, noms) for r in reunions)
    suivis = suivis_ouverts(projet)
    for item in suivis:
        item["en_retard"] = item["echeance"] is not None and item["echeance"] < aujourdhui
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
            "en_retard": sum(1 for s in suivis if s["en_retard"]),
            "prochains": suivis[:5],
        },
        "prochaine_reunion": _prochaine_reunion(projet, suivis),
        "sism": None
        if sism is None
        else {
            "annee": sism.annee,
            "theme": sism.theme,
            "evenements": sism.chiffres()["evenements"],
            "participants": sism.chiffres()["participants"],
        },
        "cellule": _cellule(projet, annee)
        if projet.identite is None or projet.identite.cellule.active
        else None,
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
