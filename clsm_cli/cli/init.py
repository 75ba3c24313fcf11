"""``clsm init``."""

from __future__ import annotations

from pathlib import Path

import click

from clsm_cli.cli.contexte import Contexte, passer_contexte


def droits_reserves_possibles() -> bool:
    """Whether this system can keep cellule/ to its owner (0700/0600): POSIX only."""
    import os

    return os.name == "posix"


@click.command(help="Créer un dossier clsm valide, vide ou rempli d'un CLSM fictif (--demo).")
@click.argument("dossier", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--nom", help="Nom du CLSM, par exemple « CLSM de Valmont ».")
@click.option("--territoire", help="Territoire couvert (commune ou intercommunalité).")
@click.option("--demo", is_flag=True, help="Remplir avec un CLSM fictif réaliste pour essayer.")
@passer_contexte
def init(
    contexte: Contexte, dossier: Path | None, nom: str | None, territoire: str | None, demo: bool
) -> None:
    from clsm_cli.noyau.initialisation import creer_dossier

    cible = dossier or contexte.dossier or Path.cwd()
    racine = creer_dossier(cible, nom=nom, territoire=territoire, demo=demo)
    sortie = contexte.sortie
    if not droits_reserves_possibles():
        from clsm_cli.noyau.verification import CONSEIL_CHIFFREMENT

        sortie.avertissement(CONSEIL_CHIFFREMENT[0].upper() + CONSEIL_CHIFFREMENT[1:] + ".")
    if sortie.format == "json":
        sortie.json({"dossier": str(racine), "demo": demo})
        return
    quoi = "Dossier de démonstration créé" if demo else "Dossier clsm créé"
    sortie.succes(f"{quoi} : {racine}")
    sortie.message(f"Ensuite : clsm -C {cible} etat   (ou clsm -C {cible} verifier)")
