"""``clsm groupes``: working groups and their composition."""

from __future__ import annotations

from typing import Any

import click

from clsm_cli.cli import GroupeParesseux
from clsm_cli.cli._types import Choix, completer_groupes, completer_membres
from clsm_cli.cli.contexte import Contexte, confirmer, demander, passer_contexte
from clsm_cli.cli.membres import afficher_fiche
from clsm_cli.modeles.erreurs import ErreurSaisie


@click.group(
    cls=GroupeParesseux,
    help="Groupes de travail : lister, voir, créer, modifier, retirer, et gérer leurs membres.",
)
def groupes() -> None:
    pass


@groupes.command("liste", help="Lister les groupes de travail.")
@click.option(
    "--actifs/--tous",
    default=False,
    help="Les groupes actifs seulement, ou tous (par défaut), y compris les groupes désactivés.",
)
@passer_contexte
def liste(contexte: Contexte, actifs: bool) -> None:
    from clsm_cli.noyau.membres import groupes_tries

    projet = contexte.projet()
    sortie = contexte.sortie
    json = sortie.format == "json"
    lignes = []
    for g in groupes_tries(projet, actifs_seulement=actifs):
        pilote = projet.membres_par_id.get(g.pilote) if g.pilote else None
        lignes.append(
            [
                g.id,
                g.nom,
                g.pilote if json or pilote is None else pilote.libelle,
                list(g.membres) if json else len(g.membres),
                g.actif,
            ]
        )
    sortie.tableau(
        ["Identifiant", "Nom", "Pilote", "Membres", "Actif"],
        lignes,
        cles=["id", "nom", "pilote", "membres", "actif"],
        titre=f"Groupes ({len(lignes)})",
        vide="Aucun groupe de travail.",
    )


@groupes.command("voir", help="Afficher un groupe : mission, pilote, membres, actions, réunions.")
@click.argument("ident", metavar="ID", shell_complete=completer_groupes)
@passer_contexte
def voir(contexte: Contexte, ident: str) -> None:
    from clsm_cli.noyau.membres import fiche_groupe, trouver_groupe

    projet = contexte.projet()
    groupe = trouver_groupe(projet, ident)
    afficher_fiche(
        contexte, groupe.nom, fiche_groupe(projet, groupe), groupe.model_dump(mode="json")
    )


def _resultat(contexte: Contexte, groupe: Any, message: str) -> None:
    sortie = contexte.sortie
    if sortie.format == "json":
        sortie.json(groupe.model_dump(mode="json"))
    else:
        sortie.succes(message)


@groupes.command(
    "ajouter",
    help="Créer un groupe de travail (identifiant tiré du nom). Le pilote en est membre ; "
    "chaque membre reçoit le groupe dans ses instances.",
)
@click.option("--nom", help="Nom du groupe, par exemple « Logement et santé mentale ».")
@click.option("--id", "ident", metavar="ID", help="Identifiant choisi (par défaut : tiré du nom).")
@click.option("--mission", help="Mission du groupe.")
@click.option(
    "--pilote",
    metavar="ID",
    help="Identifiant du membre qui pilote le groupe.",
    shell_complete=completer_membres,
)
@click.option(
    "--membre",
    "membres",
    multiple=True,
    metavar="ID",
    help="Identifiant d'un membre ; répétable.",
    shell_complete=completer_membres,
)
@passer_contexte
def ajouter(
    contexte: Contexte,
    nom: str | None,
    ident: str | None,
    mission: str | None,
    pilote: str | None,
    membres: tuple[str, ...],
) -> None:
    from clsm_cli.noyau.membres import ajouter_groupe

    projet = contexte.projet()
    nom = demander(nom, "--nom", "Nom du groupe de travail")
    groupe = ajouter_groupe(
        projet, nom, mission=mission, pilote=pilote, membres=membres, ident=ident
    )
    _resultat(
        contexte,
        groupe,
        f"Groupe créé : {groupe.nom} — identifiant « {groupe.id} », "
        f"{len(groupe.membres)} membre(s).",
    )


@groupes.command(
    "renommer",
    help="Changer l'identifiant d'un groupe : les instances des membres, les actions et les "
    "réunions du groupe (fichiers renommés) suivent, en une seule écriture.",
)
@click.argument("ancien", metavar="ANCIEN")
@click.argument("nouveau", metavar="NOUVEAU")
@passer_contexte
def renommer(contexte: Contexte, ancien: str, nouveau: str) -> None:
    from clsm_cli.noyau.membres import renommer_groupe

    groupe, n = renommer_groupe(contexte.projet(), ancien, nouveau)
    _resultat(
        contexte,
        groupe,
        f"Groupe « {ancien} » renommé « {nouveau} » ({n} référence(s) mise(s) à jour).",
    )


@groupes.command("modifier", help="Modifier un groupe (son identifiant ne change pas).")
@click.argument("ident", metavar="ID", shell_complete=completer_groupes)
@click.option("--nom", help="Nouveau nom.")
@click.option("--mission", help="Nouvelle mission.")
@click.option(
    "--pilote",
    metavar="ID",
    help="Nouveau pilote (ajouté aux membres s'il n'en est pas).",
    shell_complete=completer_membres,
)
@click.option("--actif/--inactif", default=None, help="Réactiver ou désactiver le groupe.")
@click.option(
    "--effacer",
    type=Choix(["mission", "pilote"]),
    multiple=True,
    help="Vider un champ (répétable).",
)
@passer_contexte
def modifier(
    contexte: Contexte,
    ident: str,
    nom: str | None,
    mission: str | None,
    pilote: str | None,
    actif: bool | None,
    effacer: tuple[str, ...],
) -> None:
    from clsm_cli.noyau.membres import modifier_groupe, trouver_groupe

    champs = {"nom": nom, "mission": mission, "pilote": pilote, "actif": actif}
    if all(v is None for v in champs.values()) and not effacer:
        raise ErreurSaisie(
            "Rien à modifier : indiquez au moins une option (voir « clsm groupes modifier "
            "--help »)."
        )
    for champ in effacer:
        if champs.get(champ) is not None:
            raise ErreurSaisie(f"--{champ} et --effacer {champ} : choisissez.")
    projet = contexte.projet()
    avant = trouver_groupe(projet, ident)
    groupe = modifier_groupe(projet, ident, champs, effacer=effacer)
    if groupe == avant and contexte.sortie.format != "json":
        contexte.sortie.signaler(f"Aucun changement : « {ident} » était déjà à jour.")
        return
    _resultat(contexte, groupe, f"Groupe modifié : {groupe.nom} — {ident}.")


@groupes.command(
    "retirer",
    help="Supprimer un groupe qu'aucune action, réunion ni membre ne cite (sinon la commande "
    "refuse et liste ces références), ou le désactiver avec --desactiver (l'historique reste).",
)
@click.argument("ident", metavar="ID", shell_complete=completer_groupes)
@click.option(
    "--desactiver", is_flag=True, help="Garder le groupe mais le marquer inactif (actif = false)."
)
@click.option("--oui", is_flag=True, help="Confirmer sans poser de question.")
@passer_contexte
def retirer(contexte: Contexte, ident: str, desactiver: bool, oui: bool) -> None:
    from clsm_cli.noyau.membres import (
        modifier_groupe,
        references_groupe,
        supprimer_groupe,
        trouver_groupe,
    )

    projet = contexte.projet()
    groupe = trouver_groupe(projet, ident)
    sortie = contexte.sortie
    if desactiver:
        groupe = modifier_groupe(projet, ident, {"actif": False})
        _resultat(contexte, groupe, f"Groupe désactivé : {groupe.nom} — {ident}.")
        return
    if not references_groupe(projet, ident) and not confirmer(
        f"Supprimer définitivement le groupe « {groupe.nom} » ?", oui
    ):
        sortie.signaler("Rien n'a été supprimé.")
        return
    supprimer_groupe(projet, ident)
    if sortie.format == "json":
        sortie.json({"id": ident, "supprime": True})
    else:
        sortie.succes(f"Groupe supprimé : {groupe.nom} — {ident}.")


@groupes.command(
    "membres",
    help="Ajouter ou retirer des membres d'un groupe ; leurs instances (membres.toml) suivent.",
)
@click.argument("ident", metavar="ID", shell_complete=completer_groupes)
@click.option(
    "--ajouter",
    "ajouts",
    multiple=True,
    metavar="MEMBRE",
    help="Membre à ajouter ; répétable.",
    shell_complete=completer_membres,
)
@click.option(
    "--retirer",
    "retraits",
    multiple=True,
    metavar="MEMBRE",
    help="Membre à retirer ; répétable.",
    shell_complete=completer_membres,
)
@passer_contexte
def composition(
    contexte: Contexte, ident: str, ajouts: tuple[str, ...], retraits: tuple[str, ...]
) -> None:
    from clsm_cli.noyau.membres import changer_composition

    if not ajouts and not retraits:
        raise ErreurSaisie("Rien à faire : indiquez --ajouter MEMBRE ou --retirer MEMBRE.")
    groupe, ajoutes, retires = changer_composition(contexte.projet(), ident, ajouts, retraits)
    morceaux = []
    if ajoutes:
        morceaux.append("ajouté(s) : " + ", ".join(ajoutes))
    deja = [m for m in ajouts if m not in ajoutes]
    if deja:
        morceaux.append("déjà membre(s) : " + ", ".join(deja))
    if retires:
        morceaux.append("retiré(s) : " + ", ".join(retires))
    _resultat(
        contexte,
        groupe,
        f"Groupe {ident} — " + " ; ".join(morceaux) + f" ({len(groupe.membres)} membre(s)).",
    )
