"""The floor of ``clsm verifier``: read and parse every TOML file of a folder with tomllib alone.

    python benchmarks/plancher.py DOSSIER

Imports nothing from clsm (the same files as ``clsm_cli.stockage.dossier.lister_fichiers``),
so its time is what reading the folder costs at the very least with the standard library.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

FIXES = ("clsm.toml", "membres.toml", "groupes.toml", "plan.toml", "cellule/situations.toml")
DOSSIERS = ("reunions", "sism", "cellule/seances")


def fichiers(racine: Path) -> list[Path]:
    trouves = [racine / f for f in FIXES if (racine / f).is_file()]
    for dossier in DOSSIERS:
        if (racine / dossier).is_dir():
            trouves.extend(sorted((racine / dossier).glob("*.toml")))
    return trouves


def main(argv: list[str]) -> int:
    total = 0
    for chemin in fichiers(Path(argv[0])):
        total += len(tomllib.loads(chemin.read_bytes().decode("utf-8")))
    return 0 if total else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
