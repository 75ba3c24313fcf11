"""``clsm agenda``: an .ics calendar of the meetings and SISM events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from clsm_cli.cli._types import DATE, option_en
from clsm_cli.cli.contexte import Contexte, passer_contexte, refuser_format_liste


@click.command(
    help="Agenda .ics (réunions des instances et événements de la SISM) à importer dans un "
    "calendrier ; réimporté, il met à jour les événements au lieu de les dupliquer.",
)
@click.option("--depuis", type=DATE, help="Seulement les événements à partir de cette date.")
@option_en("ics")
@click.option(
    "-o",
    "--sortie",
    type=click.Path(path_type=Path),
    help="Fichier (ou dossier) de sortie ; par défaut exports/agenda.ics ; « - » : la sortie "
    "standard.",
)
@passer_contexte
def agenda(contexte: Contexte, depuis: dt.date | None, en: str | None, sortie: Path | None) -> None:
    from clsm_cli.documents.fichiers import SORTIE_STANDARD, pour_affichage
    from clsm_cli.documents.production import ecrire_agenda

    refuser_format_liste(contexte, "à l'agenda")
    produit = ecrire_agenda(contexte.projet(), depuis, sortie)
    if produit.fichiers[0] == SORTIE_STANDARD:
        return
    contexte.sortie.succes(
        f"Agenda écrit : {pour_affichage(produit.fichiers[0])} "
        f"({produit.nombre} événement{'s' if produit.nombre > 1 else ''})"
    )
