"""``clsm copil compte-rendu DATE`` (also ``clsm reunion compte-rendu DATE[-INSTANCE]``)."""

from __future__ import annotations

from pathlib import Path

import click

from clsm_cli.cli import GroupeParesseux
from clsm_cli.cli._types import completer_reunions
from clsm_cli.cli.contexte import Contexte, passer_contexte


@click.group(cls=GroupeParesseux, help="Comité de pilotage : compte rendu de réunion.")
def copil() -> None:
    pass


@copil.command(
    "compte-rendu",
    help="Compte rendu d'une réunion (copil, plénière, groupe de travail…) : présents et "
    "excusés par collège, ordre du jour, points, décisions numérotées, relevé de suivi. "
    "REUNION : AAAA-MM-JJ, ou AAAA-MM-JJ-INSTANCE s'il y a plusieurs réunions ce jour-là "
    "(par exemple 2026-03-12-copil, 2025-05-20-groupe-logement).",
)
@click.argument("reunion", metavar="REUNION", shell_complete=completer_reunions)
@click.option(
    "--format",
    "format_",
    type=click.Choice(["docx", "md"]),
    default="docx",
    show_default=True,
    help="md : texte Markdown affiché (à coller dans un courriel) au lieu du .docx.",
)
@click.option(
    "-o",
    "--sortie",
    type=click.Path(path_type=Path),
    help="Fichier (ou dossier) de sortie ; par défaut exports/compte-rendu-DATE-INSTANCE.docx.",
)
@passer_contexte
def compte_rendu(contexte: Contexte, reunion: str, format_: str, sortie: Path | None) -> None:
    from clsm_cli.documents.fichiers import pour_affichage

    projet = contexte.projet()
    if format_ == "md":
        from clsm_cli.documents.compte_rendu import (
            compte_rendu_markdown,
            preparer_compte_rendu,
            trouver_reunion,
        )

        texte = compte_rendu_markdown(
            preparer_compte_rendu(projet, *trouver_reunion(projet, reunion))
        )
        if sortie is None:
            contexte.sortie.message(texte.rstrip("\n"))
            return
        from clsm_cli.documents.fichiers import ecrire

        chemin = ecrire(sortie if sortie.suffix else sortie.with_suffix(".md"), texte.encode())
        contexte.sortie.succes(f"Compte rendu écrit : {pour_affichage(chemin)}")
        return
    from clsm_cli.documents.production import ecrire_compte_rendu

    produit = ecrire_compte_rendu(projet, reunion, sortie)
    contexte.sortie.succes(f"Compte rendu écrit : {pour_affichage(produit.fichiers[0])}")


compte_rendu_reunion = compte_rendu
"""The same command, exposed by ``clsm reunion compte-rendu``."""
