"""Lister les membres actifs d'un CLSM par collège, avec la bibliothèque clsm_cli.

Utilisation : python examples/membres_par_college.py [DOSSIER]   (par défaut : examples/demo)
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from clsm_cli import Projet
from clsm_cli.modeles import LIBELLES_COLLEGE


def membres_par_college(dossier: Path) -> dict[str, list[str]]:
    projet = Projet.ouvrir(dossier)
    le = projet.aujourdhui()
    groupes: dict[str, list[str]] = defaultdict(list)
    for membre in projet.membres:
        if membre.actif(le):
            groupes[LIBELLES_COLLEGE[membre.college]].append(membre.libelle)
    return {college: sorted(noms) for college, noms in sorted(groupes.items())}


if __name__ == "__main__":
    dossier = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "demo"
    for college, noms in membres_par_college(dossier).items():
        print(f"{college} ({len(noms)})")
        for nom in noms:
            print(f"  - {nom}")
