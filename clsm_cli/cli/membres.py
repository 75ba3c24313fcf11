"""``clsm membres``: list, show, add, change, remove and import members."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from clsm_cli.cli import GroupeParesseux
from clsm_cli.cli._types import completer_groupes, completer_instances_membre, completer_membres
from clsm_cli.cli.contexte import Contexte, confirmer, demander, passer_contexte
from clsm_cli.modeles.erreurs import ErreurSaisie
from clsm_cli.noyau.membres import COLLEGES, lire_date

if TYPE_CHECKING:
    from clsm_cli.modeles import Membre

CHAMPS_EFFACABLES = (
    "nom",
    "prenom",
    "structure",
    "fonction",
    "instances",
    "courriel",
    "telephone",
    "depuis",
    "jusqu_a",
    "notes",
)

AIDE_COLLEGE = "Collège : " + ", ".join(COLLEGES) + "."


@click.group(
    cls=GroupeParesseux,
    help="Membres du CLSM : lister, voir, ajouter, modifier, retirer, importer depuis un tableur.",
)
def membres() -> None:
    pass


def _colonnes_liste(liste: list[Membre], format: str) -> list[list[Any]]:
    from clsm_cli.modeles import LIBELLES_COLLEGE

    return [
        [
            m.id,
            m.nom,
            m.prenom,
            m.structure,
            m.fonction,
            m.college.value if format == "json" else LIBELLES_COLLEGE[m.college],
            list(m.instances) if format == "json" else ", ".join(m.instances),
        ]
        for m in liste
    ]


@membres.command("liste", help="Lister les membres (par défaut : les membres actifs).")
@click.option("--college", type=click.Choice(COLLEGES), help="Seulement les membres de ce collège.")
@click.option(
    "--instance",
    help="Seulement les membres de cette instance (copil, pleniere, comite_technique, cellule "
    "ou identifiant de groupe).",
    shell_complete=completer_instances_membre,
)
@click.option(
    "--groupe",
    help="Seulement les membres de ce groupe de travail (identifiant).",
    shell_complete=completer_groupes,
)
@click.option(
    "--actifs/--tous",
    default=True,
    help="Les membres actifs seulement (par défaut), ou tous, y compris ceux qui sont partis.",
)
@passer_contexte
def liste(
    contexte: Contexte, college: str | None, instance: str | None, groupe: str | None, actifs: bool
) -> None:
    from clsm_cli.noyau.membres import membres_filtres

    trouves = membres_filtres(
        contexte.projet(), college=college, instance=instance, groupe=groupe, actifs=actifs
    )
    sortie = contexte.sortie
    sortie.tableau(
        ["Identifiant", "Nom", "Prénom", "Structure", "Fonction", "Collège", "Instances"],
        _colonnes_liste(trouves, sortie.format),
        cles=["id", "nom", "prenom", "structure", "fonction", "college", "instances"],
        titre=f"Membres ({len(trouves)})",
        vide="Aucun membre ne correspond.",
    )


def afficher_fiche(
    contexte: Contexte, titre: str, lignes: list[tuple[str, str]], donnees: Any
) -> None:
    """A record as (label, value) lines in table mode, or its data in JSON."""

    def rendu(console: Any) -> None:
        from rich.markup import escape
        from rich.table import Table

        table = Table(title=escape(titre), title_justify="left", show_header=False, box=None)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        for libelle, valeur in lignes:
            table.add_row(escape(libelle), escape(valeur))
        console.print(table)

    contexte.sortie.donnees(donnees, rendu)


@membres.command("voir", help="Afficher la fiche d'un membre.")
@click.argument("ident", metavar="ID", shell_complete=completer_membres)
@passer_contexte
def voir(contexte: Contexte, ident: str) -> None:
    from clsm_cli.noyau.membres import fiche_membre, trouver_membre

    projet = contexte.projet()
    membre = trouver_membre(projet, ident)
    afficher_fiche(
        contexte, membre.libelle, fiche_membre(projet, membre), membre.model_dump(mode="json")
    )


def options_membre(commande: Any) -> Any:
    """The options shared by ``ajouter`` and ``modifier``."""
    options = [
        click.option("--nom", help="Nom de famille (ou rien pour une structure seule)."),
        click.option("--prenom", help="Prénom."),
        click.option("--structure", help="Structure ou organisme (mairie, CMP, GEM…)."),
        click.option("--fonction", help="Fonction dans sa structure."),
        click.option("--college", type=click.Choice(COLLEGES), help=AIDE_COLLEGE),
        click.option("--courriel", help="Adresse électronique."),
        click.option("--telephone", help="Numéro de téléphone."),
        click.option("--depuis", metavar="AAAA-MM-JJ", help="Date d'arrivée au CLSM."),
        click.option("--notes", help="Notes libres."),
    ]
    for option in reversed(options):
        commande = option(commande)
    return commande


def _champs(**valeurs: Any) -> dict[str, Any]:
    valeurs["depuis"] = lire_date(valeurs.get("depuis"), "--depuis")
    if "jusqu_a" in valeurs:
        valeurs["jusqu_a"] = lire_date(valeurs["jusqu_a"], "--jusqu-a")
    return valeurs


@membres.command("ajouter", help="Ajouter un membre (personne ou structure seule).")
@options_membre
@click.option(
    "--instance",
    "instances",
    multiple=True,
    help="Instance où siège le membre (copil, pleniere, comite_technique, cellule ou "
    "identifiant de groupe) ; répétable.",
    shell_complete=completer_instances_membre,
)
@passer_contexte
def ajouter(contexte: Contexte, instances: tuple[str, ...], **options: Any) -> None:
    from clsm_cli.noyau.membres import ajouter_membre, homonymes

    projet = contexte.projet()
    if not options["nom"] and not options["structure"]:
        options["nom"] = demander(
            None, "--nom", "Nom de la personne (ou --structure pour une structure seule)"
        )
    options["college"] = demander(options["college"], "--college", "Collège", choix=COLLEGES)
    champs = _champs(**options, instances=list(instances))
    doublons = homonymes(projet, champs["nom"], champs["prenom"], champs["structure"])
    membre = ajouter_membre(projet, champs)
    sortie = contexte.sortie
    if doublons:
        sortie.avertissement(
            "un membre du même nom existait déjà ("
            + ", ".join(m.id for m in doublons)
            + ") : vérifiez qu'il ne s'agit pas d'un doublon."
        )
    if sortie.format == "json":
        sortie.json(membre.model_dump(mode="json"))
    else:
        sortie.succes(f"Membre ajouté : {membre.libelle} — identifiant « {membre.id} ».")


@membres.command("modifier", help="Modifier la fiche d'un membre (son identifiant ne change pas).")
@click.argument("ident", metavar="ID", shell_complete=completer_membres)
@options_membre
@click.option("--jusqu-a", "jusqu_a", metavar="AAAA-MM-JJ", help="Date de départ du CLSM.")
@click.option(
    "--ajouter-instance",
    "--instance",
    "ajouts",
    multiple=True,
    help="Ajouter une instance (copil, pleniere, comite_technique, cellule ou groupe) ; répétable.",
    shell_complete=completer_instances_membre,
)
@click.option(
    "--retirer-instance",
    "retraits",
    multiple=True,
    help="Retirer une instance ; répétable.",
    shell_complete=completer_instances_membre,
)
@click.option(
    "--effacer",
    type=click.Choice(CHAMPS_EFFACABLES),
    multiple=True,
    help="Vider un champ (répétable), par exemple --effacer telephone.",
)
@passer_contexte
def modifier(
    contexte: Contexte,
    ident: str,
    ajouts: tuple[str, ...],
    retraits: tuple[str, ...],
    effacer: tuple[str, ...],
    **options: Any,
) -> None:
    from clsm_cli.noyau.membres import modifier_membre, trouver_membre

    projet = contexte.projet()
    avant = trouver_membre(projet, ident)
    if not any(v is not None for v in options.values()) and not (ajouts or retraits or effacer):
        raise ErreurSaisie(
            "Rien à modifier : indiquez au moins une option (voir « clsm membres modifier "
            "--help »)."
        )
    for champ in effacer:
        if options.get(champ) is not None:
            raise ErreurSaisie(f"--{champ.replace('_', '-')} et --effacer {champ} : choisissez.")
    membre = modifier_membre(
        projet,
        ident,
        _champs(**options),
        effacer=effacer,
        instances_ajoutees=ajouts,
        instances_retirees=retraits,
    )
    sortie = contexte.sortie
    if sortie.format == "json":
        sortie.json(membre.model_dump(mode="json"))
    elif membre == avant:
        sortie.message(f"Aucun changement : « {ident} » était déjà à jour.")
    else:
        sortie.succes(f"Membre modifié : {membre.libelle} — {ident}.")


@membres.command(
    "retirer",
    help="Enregistrer le départ d'un membre (sa fiche et son historique restent), ou, avec "
    "--supprimer, effacer sa fiche s'il n'est cité nulle part.",
)
@click.argument("ident", metavar="ID", shell_complete=completer_membres)
@click.option(
    "--date", "date_texte", metavar="AAAA-MM-JJ", help="Date de départ (défaut : aujourd'hui)."
)
@click.option(
    "--supprimer",
    is_flag=True,
    help="Effacer la fiche (refusé si le membre est cité dans un groupe, le plan, une "
    "réunion, la SISM ou la cellule).",
)
@click.option("--oui", is_flag=True, help="Confirmer sans poser de question.")
@passer_contexte
def retirer(
    contexte: Contexte, ident: str, date_texte: str | None, supprimer: bool, oui: bool
) -> None:
    from clsm_cli.noyau.membres import (
        references_membre,
        retirer_membre,
        supprimer_membre,
        trouver_membre,
    )
    from clsm_cli.noyau.textes import date_fr

    projet = contexte.projet()
    sortie = contexte.sortie
    if supprimer:
        if date_texte is not None:
            raise ErreurSaisie("--date et --supprimer : choisissez.")
        membre = trouver_membre(projet, ident)
        if not references_membre(projet, ident) and not confirmer(
            f"Effacer définitivement la fiche « {membre.libelle} » ?", oui
        ):
            sortie.message("Rien n'a été supprimé.")
            return
        supprimer_membre(projet, ident)
        if sortie.format == "json":
            sortie.json({"id": ident, "supprime": True})
        else:
            sortie.succes(f"Fiche supprimée : {membre.libelle} — {ident}.")
        return
    membre = retirer_membre(projet, ident, lire_date(date_texte, "--date"))
    if sortie.format == "json":
        sortie.json(membre.model_dump(mode="json"))
    else:
        assert membre.jusqu_a is not None
        sortie.succes(
            f"{membre.libelle} — {ident} : membre jusqu'au {date_fr(membre.jusqu_a)} ; "
            "sa fiche et son historique sont conservés."
        )


def _pluriel(n: int, singulier: str, pluriel: str) -> str:
    return f"{n} {singulier if n <= 1 else pluriel}"


@membres.command(
    "importer",
    help="Importer des membres depuis un tableur .xlsx ou .csv : chaque ligne est ajoutée, "
    "met à jour un membre existant (même courriel, ou même nom et structure) ou est "
    "rejetée avec son motif. Les en-têtes sont reconnus sans tenir compte des accents ni "
    "des majuscules (Nom, Prénom, Structure ou Organisme, Fonction, Collège, Courriel ou "
    "E-mail, Téléphone ou Tél, Instances, Depuis, Notes) ; le collège peut être écrit en "
    "toutes lettres (« Élus », « Usagers / GEM », « Bailleurs », « Police »…). Toutes les "
    "lignes valides sont écrites en une fois ; sortie 1 si une ligne est rejetée.",
)
@click.argument("fichier", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--feuille", metavar="NOM", help="Feuille du classeur (défaut : la première).")
@click.option(
    "--colonne",
    "colonnes",
    multiple=True,
    metavar="CHAMP=EN-TÊTE",
    help='Colonne à utiliser pour un champ, par exemple --colonne courriel="Adresse mail" '
    "(champs : nom, prenom, structure, fonction, college, courriel, telephone, instances, "
    "depuis, notes) ; répétable.",
)
@click.option("--essai", is_flag=True, help="Montrer ce qui serait fait, sans rien écrire.")
@passer_contexte
def importer(
    contexte: Contexte,
    fichier: Path,
    feuille: str | None,
    colonnes: tuple[str, ...],
    essai: bool,
) -> None:
    from clsm_cli.noyau.importation import RESULTATS, lire_option_colonnes
    from clsm_cli.noyau.importation import importer as importer_membres

    projet = contexte.projet()
    rapport = importer_membres(
        projet, fichier, feuille=feuille, colonnes=lire_option_colonnes(colonnes), essai=essai
    )
    sortie = contexte.sortie
    sortie.tableau(
        ["Ligne", "Résultat", "Identifiant", "Membre", "Détail"],
        [
            [
                x.ligne,
                x.resultat if sortie.format == "json" else RESULTATS[x.resultat],
                x.id,
                x.membre,
                x.detail,
            ]
            for x in rapport.lignes
        ],
        cles=["ligne", "resultat", "id", "membre", "detail"],
        titre=f"Import de {fichier.name}",
        vide="Aucune ligne de données sous les en-têtes.",
    )
    bilan = ", ".join(
        [
            _pluriel(rapport.nombre("ajout"), "ajout", "ajouts"),
            _pluriel(rapport.nombre("mise_a_jour"), "mise à jour", "mises à jour"),
            f"{rapport.nombre('inchange')} déjà à jour",
            _pluriel(rapport.nombre("rejet"), "rejet", "rejets"),
        ]
    )
    if essai:
        suite = "essai : rien n'a été écrit."
    elif rapport.a_ecrire:
        suite = "écrit dans membres.toml."
    else:
        suite = "rien à écrire."
    sortie.message(f"{bilan} — {suite}")
    if rapport.nombre("rejet"):
        sortie.message(
            "Corrigez les lignes rejetées dans le fichier puis relancez l'import : les lignes "
            "déjà importées seront reconnues et laissées telles quelles."
        )
        raise click.exceptions.Exit(1)
