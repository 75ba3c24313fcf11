"""``clsm bilan ANNEE``: the annual bilan (.docx and .xlsx, or its figures in JSON)."""

from __future__ import annotations

from pathlib import Path

import click

from clsm_cli.cli.contexte import Contexte, passer_contexte


@click.command(
    help="Bilan annuel du CLSM : document Word (sommaire, graphiques, numéros de page) et "
    "classeur Excel (un tableau par feuille, graphiques), écrits dans exports/.",
    epilog="Exemple : clsm bilan 2025   (ou clsm bilan 2025 --format json pour les chiffres)",
)
@click.argument("annee", type=click.IntRange(1990, 2100), metavar="ANNEE")
@click.option(
    "-o",
    "--sortie",
    type=click.Path(path_type=Path),
    help="Fichier (ou dossier) de sortie ; par défaut exports/bilan-ANNEE.docx et .xlsx.",
)
@click.option("--docx", "seulement", flag_value="docx", help="Seulement le document Word.")
@click.option("--xlsx", "seulement", flag_value="xlsx", help="Seulement le classeur Excel.")
@click.option(
    "--format",
    "format_",
    type=click.Choice(["json", "docx", "xlsx"]),
    help="json : afficher les chiffres du bilan au lieu d'écrire les fichiers ; docx ou xlsx : "
    "comme --docx ou --xlsx.",
)
@click.option(
    "--pdf",
    is_flag=True,
    help="Convertir aussi le document en PDF avec LibreOffice (s'il est installé).",
)
@passer_contexte
def bilan(
    contexte: Contexte,
    annee: int,
    sortie: Path | None,
    seulement: str | None,
    format_: str | None,
    pdf: bool,
) -> None:
    if format_ == "json" or contexte.format == "json":
        contexte.sortie.json(contexte.projet().bilan(annee))
        return
    from clsm_cli.documents import graphiques
    from clsm_cli.documents.fichiers import pour_affichage
    from clsm_cli.documents.production import FORMATS_BILAN, ecrire_bilan

    seulement = seulement or format_
    formats = (seulement,) if seulement else FORMATS_BILAN
    if "docx" in formats:
        graphiques.prechauffer()  # matplotlib loads in a helper while the folder is read
    try:
        with contexte.sortie.statut(f"Bilan {annee} : lecture du dossier et calcul des chiffres…"):
            produit = ecrire_bilan(contexte.projet(), annee, formats, sortie, pdf=pdf)
    finally:
        graphiques.arreter()
    for chemin in produit.fichiers:
        contexte.sortie.succes(f"Bilan {annee} écrit : {pour_affichage(chemin)}")
    for avertissement in produit.avertissements:
        contexte.sortie.avertissement(avertissement)
