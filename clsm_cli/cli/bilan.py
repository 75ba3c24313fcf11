"""``clsm bilan ANNEE``: the annual bilan (.docx and .xlsx, or its figures in JSON)."""

from __future__ import annotations

from pathlib import Path

import click

from clsm_cli.cli._types import option_en
from clsm_cli.cli.contexte import Contexte, passer_contexte, refuser_format_liste
from clsm_cli.modeles.erreurs import ErreurSaisie


@click.command(
    help="Bilan annuel du CLSM : document Word (sommaire, graphiques, numéros de page) et "
    "classeur Excel (un tableau par feuille, graphiques), écrits dans exports/.",
    epilog="Exemples : clsm bilan 2025 ; clsm bilan 2025 --en xlsx ; clsm bilan 2025 --pdf ; "
    "clsm bilan 2025 --format json (les chiffres, sans document).",
)
@click.argument("annee", type=click.IntRange(1990, 2100), metavar="ANNEE")
@click.option(
    "-o",
    "--sortie",
    type=click.Path(path_type=Path),
    help="Fichier (ou dossier) de sortie ; par défaut exports/bilan-ANNEE.docx et .xlsx ; "
    "« - » : la sortie standard (un seul format).",
)
@option_en("docx", "xlsx", multiple=True, aide="Par défaut : les deux.")
@click.option("--docx", "seulement", flag_value="docx", hidden=True)
@click.option("--xlsx", "seulement", flag_value="xlsx", hidden=True)
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
    en: tuple[str, ...],
    seulement: str | None,
    pdf: bool,
) -> None:
    refuser_format_liste(contexte, "au bilan", json=True)
    if seulement and en and (seulement,) != en:
        raise ErreurSaisie(f"--{seulement} et --en {', '.join(en)} : choisissez.")
    formats = tuple(dict.fromkeys(en)) or ((seulement,) if seulement else ())
    if contexte.format == "json":
        if formats or sortie is not None or pdf:
            raise ErreurSaisie(
                "--format json affiche les chiffres du bilan sans écrire de document : "
                "retirez --en, --pdf et -o, ou retirez --format json."
            )
        contexte.sortie.json(contexte.projet().bilan(annee))
        return
    from clsm_cli.documents import graphiques
    from clsm_cli.documents.fichiers import SORTIE_STANDARD, pour_affichage
    from clsm_cli.documents.production import FORMATS_BILAN, ecrire_bilan

    formats = formats or FORMATS_BILAN
    if "docx" in formats:
        graphiques.prechauffer()  # matplotlib loads in a helper while the folder is read
    try:
        with contexte.sortie.statut(f"Bilan {annee} : lecture du dossier et calcul des chiffres…"):
            produit = ecrire_bilan(contexte.projet(), annee, formats, sortie, pdf=pdf)
    finally:
        graphiques.arreter()
    for chemin in produit.fichiers:
        if chemin != SORTIE_STANDARD:
            contexte.sortie.succes(f"Bilan {annee} écrit : {pour_affichage(chemin)}")
    for avertissement in produit.avertissements:
        contexte.sortie.avertissement(avertissement)
