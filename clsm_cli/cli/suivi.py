"""``clsm suivi``: the follow-up items (``[[suivi]]``) of every meeting."""

from __future__ import annotations

import datetime as dt

import click

from clsm_cli.cli._types import DATE, completer_reunions
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

    items = suivis(contexte.projet(), tous=tous, en_retard_seulement=en_retard)
    sortie = contexte.sortie
    colonnes = ["Échéance", "Quoi", "Qui", "Réunion", "N°"]
    cles = ["echeance", "quoi", "qui", "reunion", "numero"]
    if tous:
        colonnes += ["Fait", "Fait le", "Par"]
        cles += ["fait", "fait_le", "par"]
    colonnes.append("En retard")
    cles.append("en_retard")
    json = sortie.format == "json"
    sortie.tableau(
        colonnes,
        [
            [s["echeance"], s["quoi"], s["qui"], reference(s["reunion"]), s["numero"]]
            + ([s["fait"], s["fait_le"], s["par"]] if tous else [])
            + [s["en_retard"] if json else ("en retard" if s["en_retard"] else "")]
            for s in items
        ],
        cles=cles,
        styles=["red" if s["en_retard"] else None for s in items],
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
@click.option(
    "--le", "jour", type=DATE, help="Date à laquelle il a été fait (par défaut : aujourd'hui)."
)
@click.option("--par", help="Qui l'a fait : identifiant de membre (membres.toml) ou texte libre.")
@passer_contexte
def fait(contexte: Contexte, ref: str, numero: int, jour: dt.date | None, par: str | None) -> None:
    from clsm_cli.noyau.reunions import marquer_fait, reference
    from clsm_cli.noyau.textes import date_fr

    projet = contexte.projet()
    chemin, item, deja = marquer_fait(projet, ref, numero, jour, par)
    sortie = contexte.sortie
    quand = f" le {date_fr(item.fait_le)}" if item.fait_le else ""
    membre = projet.membres_par_id.get(item.par or "")
    qui = f" par {membre.libelle if membre else item.par}" if item.par else ""
    message = (
        f"Le suivi n° {numero} de {reference(chemin)} était déjà fait{quand}{qui} : {item.quoi}."
        if deja
        else f"Suivi n° {numero} de {reference(chemin)} fait{quand}{qui} : {item.quoi}."
    )
    sortie.donnees(
        {
            "reunion": reference(chemin),
            "numero": numero,
            "quoi": item.quoi,
            "fait": True,
            "fait_le": item.fait_le,
            "par": item.par,
        },
        lambda _: sortie.signaler(message) if deja else sortie.succes(message),
    )
