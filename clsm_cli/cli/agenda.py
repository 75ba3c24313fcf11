"""``clsm agenda``: an .ics calendar of the meetings and SISM events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from clsm_cli.cli._types import DATE
from clsm_cli.cli.contexte import Contexte, passer_contexte


@click.command(
    help="Agenda .ics (réunions des instances et événements de la SISM) à importer dans un "
    "calendrier ; réimporté, il met à jour les événements au lieu de les dupliquer.",
)
@click.option("--depuis", type=DATE, help="Seulement les événements à partir de cette date.")
@click.option(
    "-o",
    "--sortie",
    type=click.Path(path_type=Path),
    help="Fichier (ou dossier) de sortie ; par défaut exports/agenda.ics.",
)
@passer_contexte
def agenda(contexte: Contexte, depuis: dt.date | None, sortie: Path | None) -> None:
    from clsm_cli.documents.fichiers import pour_affichage
    from clsm_cli.documents.production import ecrire_agenda

    produit = ecrire_agenda(contexte.projet(), depuis, sortie)
    contexte.sortie.succes(
        f"Agenda écrit : {pour_affichage(produit.fichiers[0])} "
        f"({produit.nombre} événement{'s' if produit.nombre > 1 else ''})"
    )
