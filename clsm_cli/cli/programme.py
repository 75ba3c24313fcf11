"""``clsm sism programme ANNEE``: the printable programme of a SISM (.docx, .xlsx)."""

from __future__ import annotations

from pathlib import Path

import click

from clsm_cli.cli._types import completer_annees_sism
from clsm_cli.cli.contexte import Contexte, passer_contexte


@click.command(
    help="Programme imprimable de la SISM de l'année : événements par date, avec heure, lieu, "
    "commune, organisateurs, public et inscription (.docx ; .xlsx aussi avec --xlsx).",
)
@click.argument(
    "annee", type=click.IntRange(1990, 2100), metavar="ANNEE", shell_complete=completer_annees_sism
)
@click.option("--xlsx", is_flag=True, help="Écrire aussi le programme en classeur Excel.")
@click.option(
    "-o",
    "--sortie",
    type=click.Path(path_type=Path),
    help="Fichier (ou dossier) de sortie ; par défaut exports/sism-programme-ANNEE.docx.",
)
@passer_contexte
def programme(contexte: Contexte, annee: int, xlsx: bool, sortie: Path | None) -> None:
    from clsm_cli.documents.fichiers import pour_affichage
    from clsm_cli.documents.production import ecrire_programme

    produit = ecrire_programme(contexte.projet(), annee, xlsx, sortie)
    for chemin in produit.fichiers:
        contexte.sortie.succes(f"Programme SISM {annee} écrit : {pour_affichage(chemin)}")
