"""``clsm init``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from clsm_cli.cli._types import DATE
from clsm_cli.cli.contexte import Contexte, interactif, passer_contexte


@click.command(
    help="Créer un dossier clsm valide, vide ou rempli d'un CLSM fictif (--demo). Au terminal, "
    "le nom, le territoire et la coordination sont demandés."
)
@click.argument("dossier", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--nom", help="Nom du CLSM, par exemple « CLSM de Valmont ».")
@click.option("--territoire", help="Territoire couvert (commune ou intercommunalité).")
@click.option("--coordination-nom", help="Nom de la coordinatrice ou du coordinateur.")
@click.option("--coordination-courriel", help="Courriel de la coordination.")
@click.option(
    "--date-creation",
    type=DATE,
    help="Date de création du CLSM (AAAA-MM-JJ) ; rien n'est écrit sans elle.",
)
@click.option("--demo", is_flag=True, help="Remplir avec un CLSM fictif réaliste pour essayer.")
@passer_contexte
def init(
    contexte: Contexte,
    dossier: Path | None,
    nom: str | None,
    territoire: str | None,
    coordination_nom: str | None,
    coordination_courriel: str | None,
    date_creation: dt.date | None,
    demo: bool,
) -> None:
    from clsm_cli.noyau.initialisation import creer_dossier

    cible = dossier or contexte.dossier or Path.cwd()
    if not demo and interactif():
        nom, territoire, coordination_nom, coordination_courriel = _demander(
            nom, territoire, coordination_nom, coordination_courriel
        )
    coordination = {"nom": coordination_nom or "", "courriel": coordination_courriel or ""}
    racine = creer_dossier(
        cible,
        nom=nom,
        territoire=territoire,
        demo=demo,
        date_creation=date_creation,
        coordination=coordination,
    )
    sortie = contexte.sortie
    if sortie.format == "json":
        sortie.json({"dossier": str(racine), "demo": demo})
        return
    quoi = "Dossier de démonstration créé" if demo else "Dossier clsm créé"
    sortie.succes(f"{quoi} : {racine}")
    sortie.message(f"Ensuite : clsm -C {cible} etat   (ou clsm -C {cible} verifier)")


def _demander(
    nom: str | None, territoire: str | None, coord_nom: str | None, coord_courriel: str | None
) -> tuple[str, str, str, str]:
    """Ask, at a terminal, what was not given (an empty answer leaves coordination blank)."""
    territoire = territoire or click.prompt("Territoire couvert (commune ou intercommunalité)")
    nom = nom or click.prompt("Nom du CLSM", default=f"CLSM de {territoire}")
    coord_nom = coord_nom or click.prompt(
        "Nom de la coordinatrice ou du coordinateur", default="", show_default=False
    )
    coord_courriel = coord_courriel or click.prompt(
        "Courriel de la coordination", default="", show_default=False
    )
    return nom, territoire, coord_nom, coord_courriel
