"""``clsm financement``: funding of the CLSM by year (``[[financement]]`` of clsm.toml)."""

from __future__ import annotations

from typing import Any

import click

from clsm_cli.cli import GroupeParesseux
from clsm_cli.cli.contexte import Contexte, demander, passer_contexte


@click.group(cls=GroupeParesseux, help="Financements du CLSM par année (clsm.toml).")
def financement() -> None:
    pass


def _ligne(f: Any, format: str) -> list[Any]:
    from clsm_cli.noyau.identite import montant_fr

    montant = f.montant if format != "table" else montant_fr(f.montant)
    if format != "table" and float(f.montant).is_integer():
        montant = int(f.montant)
    return [f.annee, f.financeur, montant, f.objet]


@financement.command("liste", help="Lister les financements, par année puis financeur.")
@click.option("--annee", type=int, help="Seulement cette année.")
@passer_contexte
def liste(contexte: Contexte, annee: int | None) -> None:
    from clsm_cli.noyau.identite import financements, montant_fr

    lignes = financements(contexte.projet().identite, annee)
    sortie = contexte.sortie
    sortie.tableau(
        ["Année", "Financeur", "Montant", "Objet"],
        [_ligne(f, sortie.format) for f in lignes],
        cles=["annee", "financeur", "montant", "objet"],
        titre="Financements" + (f" {annee}" if annee else ""),
        vide="Aucun financement enregistré" + (f" en {annee}." if annee else "."),
    )
    if sortie.format == "table" and lignes:
        sortie.message(f"Total : {montant_fr(sum(f.montant for f in lignes))}")


@financement.command("ajouter", help="Ajouter un financement (année, financeur, montant, objet).")
@click.option("--annee", type=int, help="Année du financement.")
@click.option("--financeur", help="Financeur, par exemple « ARS » ou « Ville de Valmont ».")
@click.option("--montant", help="Montant en euros, par exemple 25000 ou « 12 500,50 ».")
@click.option("--objet", help="Objet du financement (poste de coordination, action…).")
@passer_contexte
def ajouter(
    contexte: Contexte,
    annee: int | None,
    financeur: str | None,
    montant: str | None,
    objet: str | None,
) -> None:
    from clsm_cli.noyau.identite import ajouter_financement, lire_montant, montant_fr

    annee = demander(annee, "--annee", "Année", type=int)
    financeur = demander(financeur, "--financeur", "Financeur")
    montant_lu = lire_montant(demander(montant, "--montant", "Montant en euros"))
    assert montant_lu is not None
    f = ajouter_financement(contexte.projet(), annee, financeur, montant_lu, objet)
    sortie = contexte.sortie
    if sortie.format == "json":
        sortie.json(f.model_dump(mode="json"))
    else:
        sortie.succes(f"Financement ajouté : {f.annee} — {f.financeur} — {montant_fr(f.montant)}.")


@financement.command(
    "retirer",
    help="Retirer le financement d'une année et d'un financeur (précisez --objet s'il y en a "
    "plusieurs).",
)
@click.option("--annee", type=int, help="Année du financement.")
@click.option("--financeur", help="Financeur (sans tenir compte des majuscules ni accents).")
@click.option("--objet", help="Objet, pour choisir entre plusieurs financements.")
@passer_contexte
def retirer(
    contexte: Contexte, annee: int | None, financeur: str | None, objet: str | None
) -> None:
    from clsm_cli.noyau.identite import montant_fr, retirer_financement

    annee = demander(annee, "--annee", "Année", type=int)
    financeur = demander(financeur, "--financeur", "Financeur")
    f = retirer_financement(contexte.projet(), annee, financeur, objet)
    sortie = contexte.sortie
    if sortie.format == "json":
        sortie.json(f.model_dump(mode="json"))
    else:
        sortie.succes(f"Financement retiré : {f.annee} — {f.financeur} — {montant_fr(f.montant)}.")
