"""``clsm sism programme ANNEE``: the printable programme of a SISM (.docx, .xlsx)."""

from __future__ import annotations

from pathlib import Path

import click

from clsm_cli.cli._types import completer_annees_sism, option_en
from clsm_cli.cli.contexte import Contexte, passer_contexte, refuser_format_liste


@click.command(
    help="Programme imprimable de la SISM de l'année : événements par date, avec heure, lieu, "
    "commune, organisateurs, public et inscription (.docx ; .xlsx avec --en xlsx).",
)
@click.argument(
    "annee", type=click.IntRange(1990, 2100), metavar="ANNEE", shell_complete=completer_annees_sism
)
@option_en("docx", "xlsx", multiple=True, aide="Par défaut : docx.")
@click.option("--xlsx", is_flag=True, hidden=True)
@click.option(
    "-o",
    "--sortie",
    type=click.Path(path_type=Path),
    help="Fichier (ou dossier) de sortie ; par défaut exports/sism-programme-ANNEE.docx ; "
    "« - » : la sortie standard (un seul format).",
)
@click.option(
    "--pdf",
    is_flag=True,
    help="Convertir aussi le document en PDF avec LibreOffice (s'il est installé).",
)
@passer_contexte
def programme(
    contexte: Contexte,
    annee: int,
    en: tuple[str, ...],
    xlsx: bool,
    sortie: Path | None,
    pdf: bool,
) -> None:
    from clsm_cli.documents.fichiers import SORTIE_STANDARD, pour_affichage
    from clsm_cli.documents.production import ecrire_programme

    refuser_format_liste(contexte, "au programme")
    formats = tuple(dict.fromkeys(en)) or (("docx", "xlsx") if xlsx else ("docx",))
    produit = ecrire_programme(contexte.projet(), annee, formats=formats, sortie=sortie, pdf=pdf)
    for chemin in produit.fichiers:
        if chemin != SORTIE_STANDARD:
            contexte.sortie.succes(f"Programme SISM {annee} écrit : {pour_affichage(chemin)}")
