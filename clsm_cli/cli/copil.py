"""``clsm reunion compte-rendu REUNION``, and ``clsm copil compte-rendu``, its former name
kept as an alias (hidden from ``clsm --help``) for old scripts."""

from __future__ import annotations

from pathlib import Path

import click

from clsm_cli.cli import GroupeParesseux
from clsm_cli.cli._types import completer_reunions, option_en
from clsm_cli.cli.contexte import Contexte, passer_contexte, refuser_format_liste


@click.command(
    "compte-rendu",
    help="Compte rendu d'une réunion (copil, plénière, groupe de travail…) : présents et "
    "excusés par collège, ordre du jour, points, décisions numérotées, relevé de suivi. "
    "REUNION : AAAA-MM-JJ, ou AAAA-MM-JJ-INSTANCE s'il y a plusieurs réunions ce jour-là "
    "(par exemple 2026-03-12-copil, 2025-05-20-groupe-logement).",
)
@click.argument("reunion", metavar="REUNION", shell_complete=completer_reunions)
@option_en(
    "docx",
    "md",
    aide="Par défaut docx ; md : texte Markdown (à coller dans un courriel), affiché sans -o.",
)
@click.option(
    "-o",
    "--sortie",
    type=click.Path(path_type=Path),
    help="Fichier (ou dossier) de sortie ; par défaut exports/compte-rendu-DATE-INSTANCE.docx ; "
    "« - » : la sortie standard.",
)
@click.option(
    "--pdf",
    is_flag=True,
    help="Convertir aussi le document en PDF avec LibreOffice (s'il est installé).",
)
@passer_contexte
def compte_rendu(
    contexte: Contexte, reunion: str, en: str | None, sortie: Path | None, pdf: bool
) -> None:
    from clsm_cli.documents.fichiers import SORTIE_STANDARD, pour_affichage
    from clsm_cli.modeles.erreurs import ErreurSaisie

    refuser_format_liste(contexte, "au compte rendu")
    if pdf and en == "md":
        raise ErreurSaisie("--pdf et --en md : choisissez (le PDF se fait depuis le .docx).")
    projet = contexte.projet()
    if en == "md":
        from clsm_cli.documents.compte_rendu import (
            compte_rendu_markdown,
            preparer_compte_rendu,
            trouver_reunion,
        )

        texte = compte_rendu_markdown(
            preparer_compte_rendu(projet, *trouver_reunion(projet, reunion))
        )
        if sortie is None or sortie == SORTIE_STANDARD:
            contexte.sortie.texte(texte.rstrip("\n"))
            return
        from clsm_cli.documents.fichiers import ecrire

        chemin = ecrire(sortie if sortie.suffix else sortie.with_suffix(".md"), texte.encode())
        contexte.sortie.succes(f"Compte rendu écrit : {pour_affichage(chemin)}")
        return
    from clsm_cli.documents.production import ecrire_compte_rendu

    produit = ecrire_compte_rendu(projet, reunion, sortie, pdf=pdf)
    for chemin in produit.fichiers:
        if chemin != SORTIE_STANDARD:
            contexte.sortie.succes(f"Compte rendu écrit : {pour_affichage(chemin)}")


compte_rendu_reunion = compte_rendu
"""Exposed by ``clsm reunion compte-rendu``."""


@click.group(
    cls=GroupeParesseux,
    help="Ancien nom de « clsm reunion compte-rendu » : « clsm copil compte-rendu DATE » "
    "marche toujours et fait exactement la même chose.",
)
def copil() -> None:
    pass


copil.add_command(compte_rendu, "compte-rendu")
