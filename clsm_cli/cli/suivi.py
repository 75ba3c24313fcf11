"""``clsm suivi``: the follow-up items (``[[suivi]]``) of every meeting."""

from __future__ import annotations

import click

from clsm_cli.cli._types import completer_reunions
from clsm_cli.cli.contexte import Contexte, passer_contexte


@click.group(help="Relevé de suivi : ce que les réunions ont décidé de faire, par qui, pour quand.")
def suivi() -> None:
    pass


@suivi.command(
    "liste",
    help="Lister les suivis ouverts de toutes les réunions, échéance la plus proche d'abord "
    "(sans échéance à la fin).",
)
@click.option("--en-retard", is_flag=True, help="Seulement les suivis dont l'échéance est passée.")
@click.option("--tous", is_flag=True, help="Aussi les suivis déjà faits.")
@passer_contexte
def liste(contexte: Contexte, en_retard: bool, tous: bool) -> None:
    from clsm_cli.noyau.reunions import reference, suivis

    items = suivis(contexte.projet(), tous=tous, en_retard=en_retard)
    sortie = contexte.sortie
    colonnes = ["Échéance", "Quoi", "Qui", "Réunion", "N°"]
    cles = ["echeance", "quoi", "qui", "reunion", "numero"]
    if tous:
        colonnes.append("Fait")
        cles.append("fait")
    sortie.tableau(
        colonnes,
        [
            [s["echeance"], s["quoi"], s["qui"], reference(s["reunion"]), s["numero"]]
            + ([s["fait"]] if tous else [])
            for s in items
        ],
        cles=cles,
        titre=f"{'Suivis en retard' if en_retard else 'Suivis' if tous else 'Suivis ouverts'} "
        f"({len(items)})",
        vide="Aucun suivi en retard." if en_retard else "Aucun suivi ouvert.",
    )


@suivi.command(
    "fait",
    help="Marquer fait le suivi n° N d'une réunion (numéros : clsm suivi liste, ou clsm "
    "reunion voir). REUNION : sa date et son instance (2026-03-12-copil), ou sa date seule.",
)
@click.argument("ref", metavar="REUNION", shell_complete=completer_reunions)
@click.argument("numero", metavar="N", type=click.IntRange(min=1))
@passer_contexte
def fait(contexte: Contexte, ref: str, numero: int) -> None:
    from clsm_cli.noyau.reunions import marquer_fait, reference

    chemin, item, deja = marquer_fait(contexte.projet(), ref, numero)
    sortie = contexte.sortie
    message = (
        f"Le suivi n° {numero} de {reference(chemin)} était déjà fait : {item.quoi}."
        if deja
        else f"Suivi n° {numero} de {reference(chemin)} fait : {item.quoi}."
    )
    sortie.donnees(
        {"reunion": reference(chemin), "numero": numero, "quoi": item.quoi, "fait": True},
        lambda _: sortie.message(message) if deja else sortie.succes(message),
    )
