"""``clsm membres``: list, show, add, change, remove and import members."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from clsm_cli.cli import GroupeParesseux
from clsm_cli.cli._types import (
    COLLEGE,
    Choix,
    completer_groupes,
    completer_instances_membre,
    completer_membres,
)
from clsm_cli.cli.contexte import SUFFIXE, Contexte, confirmer, demander, passer_contexte
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


COLONNES_LISTE = ("id", "nom", "prenom", "structure", "fonction", "college", "instances")
"""The columns of ``membres liste`` by default; ``--colonnes`` picks others (courriel…)."""


def _colonnes(texte: str | None) -> list[str]:
    from clsm_cli.noyau.membres import CHAMPS_MEMBRE

    if not texte:
        return list(COLONNES_LISTE)
    choisies = [c.strip() for c in texte.split(",") if c.strip()]
    inconnues = [c for c in choisies if c not in CHAMPS_MEMBRE]
    if inconnues or not choisies:
        raise ErreurSaisie(
            f"--colonnes : colonne inconnue « {(inconnues or [texte])[0]} » (colonnes "
            f"possibles : {', '.join(CHAMPS_MEMBRE)})."
        )
    return list(dict.fromkeys(choisies))


def _valeur(m: Membre, champ: str, format: str) -> Any:
    from clsm_cli.modeles import LIBELLES_COLLEGE

    valeur = getattr(m, champ)
    if champ == "college":
        return m.college.value if format == "json" else LIBELLES_COLLEGE[m.college]
    if champ == "instances":
        return list(valeur) if format == "json" else ", ".join(valeur)
    return valeur


@membres.command(
    "liste",
    help="Lister les membres (par défaut : les membres actifs). --colonnes choisit les "
    "colonnes, par exemple --colonnes nom,prenom,structure,courriel,telephone.",
)
@click.option("--college", type=COLLEGE, help="Seulement les membres de ce collège.")
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
@click.option(
    "--colonnes",
    metavar="CHAMP,CHAMP…",
    help="Colonnes à afficher, dans l'ordre, parmi : id, nom, prenom, structure, fonction, "
    "college, instances, courriel, telephone, depuis, jusqu_a, notes.",
)
@passer_contexte
def liste(
    contexte: Contexte,
    college: str | None,
    instance: str | None,
    groupe: str | None,
    actifs: bool,
    colonnes: str | None,
) -> None:
    from clsm_cli.noyau.membres import LIBELLES_CHAMPS_MEMBRE, membres_filtres

    champs = _colonnes(colonnes)
    trouves = membres_filtres(
        contexte.projet(), college=college, instance=instance, groupe=groupe, actifs=actifs
    )
    sortie = contexte.sortie
    sortie.tableau(
        [LIBELLES_CHAMPS_MEMBRE[c] for c in champs],
        [[_valeur(m, c, sortie.format) for c in champs] for m in trouves],
        cles=champs,
        titre=f"Membres ({len(trouves)})",
        vide="Aucun membre ne correspond.",
    )


OPTIONS_FILTRE = [
    click.option("--college", type=click.Choice(COLLEGES), help="Seulement ce collège."),
    click.option(
        "--instance",
        help="Seulement les membres de cette instance (copil, pleniere, comite_technique, "
        "cellule ou identifiant de groupe).",
    ),
    click.option("--groupe", help="Seulement les membres de ce groupe de travail (identifiant)."),
]


def _filtres(commande: Any) -> Any:
    for option in reversed(OPTIONS_FILTRE):
        commande = option(commande)
    return commande


@membres.command(
    "annuaire",
    help="Annuaire des membres actifs : .xlsx, .csv (Excel, « ; ») et carnet d'adresses "
    "vCard .vcf (à importer dans Outlook, Thunderbird ou un téléphone).",
)
@_filtres
@click.option(
    "--en",
    "formats",
    type=click.Choice(["xlsx", "csv", "vcf"]),
    multiple=True,
    help="Format (répétable) ; par défaut les trois.",
)
@click.option(
    "-o",
    "--sortie",
    type=click.Path(path_type=Path),
    help="Fichier (ou dossier) de sortie ; par défaut exports/annuaire.xlsx, .csv et .vcf.",
)
@passer_contexte
def annuaire(
    contexte: Contexte,
    college: str | None,
    instance: str | None,
    groupe: str | None,
    formats: tuple[str, ...],
    sortie: Path | None,
) -> None:
    from clsm_cli.documents.fichiers import pour_affichage
    from clsm_cli.documents.production import ecrire_annuaire
    from clsm_cli.noyau.membres import membres_filtres

    projet = contexte.projet()
    trouves = membres_filtres(projet, college=college, instance=instance, groupe=groupe)
    produit = ecrire_annuaire(projet, trouves, formats or ("xlsx", "csv", "vcf"), sortie)
    s = contexte.sortie

    def rendu(_: Any) -> None:
        for f in produit.fichiers:
            s.succes(f"Annuaire écrit : {pour_affichage(f)} ({produit.nombre} membre(s))")

    s.donnees({"fichiers": [str(f) for f in produit.fichiers], "membres": produit.nombre}, rendu)


@membres.command(
    "courriels",
    help="Liste d'adresses à coller dans le champ « À » d'un courriel (Outlook, Thunderbird) : "
    "« Nom <adresse> » séparés par « ; ». Les membres sans adresse sont signalés à part.",
)
@_filtres
@passer_contexte
def courriels(
    contexte: Contexte, college: str | None, instance: str | None, groupe: str | None
) -> None:
    from clsm_cli.documents.annuaire import liste_courriels
    from clsm_cli.noyau.membres import adresses, membres_filtres

    trouves = membres_filtres(contexte.projet(), college=college, instance=instance, groupe=groupe)
    paires, sans = adresses(trouves)
    s = contexte.sortie
    if sans:
        s.avertissement(f"{len(sans)} membre(s) sans adresse électronique : {', '.join(sans)}.")
    s.donnees(
        {
            "destinataires": [{"nom": n, "courriel": a} for n, a in paires],
            "sans_courriel": sans,
        },
        lambda _: (
            s.message(liste_courriels(paires))
            if paires
            else s.avertissement("aucune adresse électronique à lister.")
        ),
    )


def afficher_fiche(
    contexte: Contexte,
    titre: str,
    lignes: list[tuple[str, str]],
    donnees: Any,
    rouges: frozenset[str] = frozenset(),
) -> None:
    """A record as (label, value) lines in table mode, or its data in JSON. The lines whose
    label is in ``rouges`` are shown in red on a terminal (what is late)."""

    def rendu(console: Any) -> None:
        from rich.markup import escape
        from rich.table import Table

        table = Table(title=escape(titre), title_justify="left", show_header=False, box=None)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        for libelle, valeur in lignes:
            table.add_row(
                escape(libelle), escape(valeur), style="red" if libelle in rouges else None
            )
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
        click.option("--college", type=COLLEGE, help=AIDE_COLLEGE),
        click.option("--courriel", help="Adresse électronique."),
        click.option("--telephone", help="Numéro de téléphone."),
        click.option("--depuis", metavar="AAAA-MM-JJ", help="Date d'arrivée au CLSM."),
        click.option(
            "--signataire/--non-signataire",
            default=None,
            help="Membre fondateur ou signataire de la convention (partie et signature).",
        ),
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


@membres.command(
    "ajouter",
    help="Ajouter un membre (personne ou structure seule). Au terminal, ses instances sont "
    "demandées : elles servent au calcul des taux de présence.",
)
@options_membre
@click.option("--id", "ident", metavar="ID", help="Identifiant choisi (par défaut : prenom-nom).")
@click.option(
    "--instance",
    "instances",
    multiple=True,
    help="Instance où siège le membre (copil, pleniere, comite_technique, cellule ou "
    "identifiant de groupe) ; répétable.",
    shell_complete=completer_instances_membre,
)
@passer_contexte
def ajouter(
    contexte: Contexte, ident: str | None, instances: tuple[str, ...], **options: Any
) -> None:
    from clsm_cli.cli.contexte import interactif
    from clsm_cli.noyau.membres import ajouter_membre, homonymes, instances_possibles

    projet = contexte.projet()
    if not options["nom"] and not options["structure"]:
        options["nom"] = demander(
            None, "--nom", "Nom de la personne (ou --structure pour une structure seule)"
        )
    options["college"] = demander(options["college"], "--college", "Collège", choix=COLLEGE)
    if not instances and interactif():
        possibles = ", ".join(instances_possibles(projet))
        reponse = click.prompt(
            f"Instances où siège le membre, séparées par des virgules ({possibles})",
            default="",
            show_default=False,
            prompt_suffix=SUFFIXE,
        )
        instances = tuple(i.strip() for i in reponse.replace(";", ",").split(",") if i.strip())
    champs = _champs(**options, instances=list(instances), id=ident)
    doublons = homonymes(
        projet, champs["nom"], champs["prenom"], champs["structure"], champs["fonction"]
    )
    membre = ajouter_membre(projet, champs)
    sortie = contexte.sortie
    if doublons:
        sortie.avertissement(
            "un membre de même nom et de même structure existait déjà ("
            + ", ".join(m.id for m in doublons)
            + ") : vérifiez qu'il ne s'agit pas d'un doublon."
        )
    if sortie.format == "json":
        sortie.json(membre.model_dump(mode="json"))
    else:
        sortie.succes(f"Membre ajouté : {membre.libelle} — identifiant « {membre.id} ».")


@membres.command(
    "renommer",
    help="Changer l'identifiant d'un membre et toutes ses références (groupes, réunions, plan, "
    "SISM, cellule), en une seule écriture.",
)
@click.argument("ancien", metavar="ANCIEN")
@click.argument("nouveau", metavar="NOUVEAU")
@passer_contexte
def renommer(contexte: Contexte, ancien: str, nouveau: str) -> None:
    from clsm_cli.noyau.membres import renommer_membre

    membre, n = renommer_membre(contexte.projet(), ancien, nouveau)
    sortie = contexte.sortie
    sortie.donnees(
        {"ancien": ancien, "nouveau": nouveau, "references": n},
        lambda _: sortie.succes(
            f"Membre « {ancien} » renommé « {nouveau} » : {membre.libelle} "
            f"({n} référence(s) mise(s) à jour)."
        ),
    )


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
    type=Choix(CHAMPS_EFFACABLES),
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
        sortie.signaler(f"Aucun changement : « {ident} » était déjà à jour.")
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
            sortie.signaler("Rien n'a été supprimé.")
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
    sortie.signaler(f"{bilan} — {suite}")
    if rapport.nombre("rejet"):
        sortie.signaler(
            "Corrigez les lignes rejetées dans le fichier puis relancez l'import : les lignes "
            "déjà importées seront reconnues et laissées telles quelles."
        )
        raise click.exceptions.Exit(1)
