"""One library edit of a big file, as a command would do it (for ``run.py``).

    python benchmarks/edition.py DOSSIER

Adds a réalisation to the last action of ``plan.toml`` through ``Projet.edition()``: load the
folder, parse plan.toml with tomlkit, append the block, re-validate the whole folder, write.
"""

from __future__ import annotations

import datetime as dt
import sys


def main(argv: list[str]) -> int:
    from clsm_cli.noyau.projet import Projet
    from clsm_cli.stockage.ecriture import ajouter_enregistrement

    projet = Projet.ouvrir(argv[0])
    derniere = projet.actions[-1]
    with projet.edition() as ed:
        doc = ed.document("plan.toml")
        action = doc["action"][len(projet.actions) - 1]
        assert action["id"] == derniere.id
        ajouter_enregistrement(
            action,
            "realisation",
            {"date": derniere.debut or dt.date(2025, 1, 1), "libelle": "Mesure", "participants": 1},
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
