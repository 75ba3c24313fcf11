"""``clsm verifier``."""

from __future__ import annotations

import click

from clsm_cli.cli.contexte import Contexte, passer_contexte
from clsm_cli.modeles.problemes import CODES


@click.command(
    help="Lister tous les problèmes de tous les fichiers (sortie 1 s'il y a une erreur)."
)
@click.option("--strict", is_flag=True, help="Les avertissements comptent aussi comme erreurs.")
@click.option("--codes", is_flag=True, help="Afficher la table des codes de problèmes et quitter.")
@passer_contexte
def verifier(contexte: Contexte, strict: bool, codes: bool) -> None:
    sortie = contexte.sortie
    if codes:
        sortie.tableau(
            ["Code", "Signification"], sorted(CODES.items()), cles=["code", "signification"]
        )
        return
    projet = contexte.projet(tolerant=True)  # first: reading starts before heavy imports
    from clsm_cli.noyau.verification import verifier as verifier_projet

    problemes = verifier_projet(projet)
    nb_erreurs = sum(p.est_erreur for p in problemes)
    if sortie.format == "json":
        sortie.json([p.en_dict() for p in problemes])
    elif sortie.format == "csv":
        sortie.tableau(
            ["fichier", "ligne", "champ", "message", "code", "niveau"],
            [[p.fichier, p.ligne, p.champ, p.message, p.code, p.niveau] for p in problemes],
        )
    elif not problemes:
        sortie.succes("Aucun problème.")
    else:
        for p in problemes:
            sortie.message(str(p))
        nb_avert = len(problemes) - nb_erreurs
        sortie.message(f"{nb_erreurs} erreur(s), {nb_avert} avertissement(s).")
    if nb_erreurs or (strict and problemes):
        raise click.exceptions.Exit(1)
