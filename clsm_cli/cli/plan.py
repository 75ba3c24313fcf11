"""``clsm plan``: période, axes, actions, réalisations and indicators of plan.toml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from clsm_cli.cli._types import (
    DATE,
    DATE_IMPRECISE,
    ENTIER,
    NOMBRE,
    STATUT_ACTION,
    TYPE_ACTION,
    Choix,
    GroupeAvecDefaut,
    completer_actions,
    completer_axes,
    completer_groupes,
    completer_membres,
)
from clsm_cli.cli.contexte import Contexte, confirmer, demander, passer_contexte
from clsm_cli.cli.membres import afficher_fiche
from clsm_cli.modeles.erreurs import ErreurSaisie

if TYPE_CHECKING:
    from clsm_cli.modeles import Action
    from clsm_cli.noyau.projet import Projet

TYPES = [
    "information_communication",
    "soutien_soins_prevention",
    "formation_sensibilisation",
    "aller_vers",
    "coordination",
    "autre",
]
STATUTS = ["prevue", "en_cours", "realisee", "reportee", "abandonnee"]
EFFACABLES = [
    "objectif",
    "publics",
    "qpv",
    "pilote",
    "partenaires",
    "groupe",
    "debut",
    "fin",
    "budget",
]
QPV_SANS_NOM = "\x00oui"
AIDE_QPV = (
    "Quartier prioritaire (QPV) visé par l'action : --qpv « Nom du quartier » (répétable), ou "
    "--qpv seul (placé en dernier) pour « en QPV » sans préciser lesquels."
)


@click.group(
    help="Plan d'action (plan.toml) : période, axes, actions, réalisations et indicateurs."
)
def plan() -> None:
    pass


# --- axes and période ------------------------------------------------------------------------


@plan.command("axes", help="Lister les axes du plan avec leur nombre d'actions.")
@passer_contexte
def axes(contexte: Contexte) -> None:
    from clsm_cli.noyau.plan import actions_de_l_axe

    projet = contexte.projet()
    lignes = [[a.id, a.intitule, len(actions_de_l_axe(projet, a.id))] for a in projet.plan.axe]
    contexte.sortie.tableau(
        ["Identifiant", "Intitulé", "Actions"],
        lignes,
        cles=["id", "intitule", "actions"],
        titre=f"Axes du plan ({len(lignes)})",
        vide="Aucun axe : ajoutez-en un avec « clsm plan axe ajouter --intitule … ».",
    )


@plan.group("axe", help="Ajouter, renommer ou retirer un axe du plan.")
def axe() -> None:
    pass


AIDE_PRIORITE = (
    "Priorité du diagnostic à laquelle l'axe répond (identifiant, voir « clsm diagnostic "
    "voir ») ; répétable."
)


def _donnees_axe(axe: Any) -> Any:
    from clsm_cli.stockage.ecriture import en_donnees

    return en_donnees(axe)


@axe.command("ajouter", help="Ajouter un axe à la fin de la liste des axes.")
@click.option("--intitule", help="Intitulé de l'axe.")
@click.option(
    "--id", "ident", help="Identifiant voulu (par défaut : tiré de l'intitulé, ex. « logement »)."
)
@click.option("--priorite", "priorites", multiple=True, metavar="ID", help=AIDE_PRIORITE)
@passer_contexte
def axe_ajouter(
    contexte: Contexte, intitule: str | None, ident: str | None, priorites: tuple[str, ...]
) -> None:
    from clsm_cli.noyau.plan import ajouter_axe

    projet = contexte.projet()
    intitule = demander(intitule, "--intitule", "Intitulé de l'axe")
    nouveau = ajouter_axe(projet, intitule, ident, priorites)
    sortie = contexte.sortie
    sortie.donnees(
        _donnees_axe(nouveau),
        lambda _: sortie.succes(
            f"Axe ajouté : « {nouveau.intitule} » — identifiant « {nouveau.id} »."
        ),
    )


@axe.command(
    "modifier",
    help="Changer l'intitulé d'un axe ou les priorités du diagnostic auxquelles il répond "
    "(son identifiant ne change pas). --priorite, répétable, remplace toute la liste.",
)
@click.argument("ident", metavar="ID", shell_complete=completer_axes)
@click.option("--intitule", help="Nouvel intitulé.")
@click.option("--priorite", "priorites", multiple=True, metavar="ID", help=AIDE_PRIORITE)
@click.option("--aucune-priorite", is_flag=True, help="Retirer toutes les priorités de l'axe.")
@passer_contexte
def axe_modifier(
    contexte: Contexte,
    ident: str,
    intitule: str | None,
    priorites: tuple[str, ...],
    aucune_priorite: bool,
) -> None:
    from clsm_cli.noyau.diagnostic import meme_contenu
    from clsm_cli.noyau.plan import modifier_axe, trouver_axe

    if priorites and aucune_priorite:
        raise ErreurSaisie("--priorite et --aucune-priorite : choisissez.")
    projet = contexte.projet()
    avant = trouver_axe(projet, ident)
    nouvelles = [] if aucune_priorite else (list(priorites) if priorites else None)
    if nouvelles is None:
        intitule = demander(intitule, "--intitule", "Nouvel intitulé de l'axe")
    modifie = modifier_axe(projet, ident, intitule, nouvelles)
    sortie = contexte.sortie
    if meme_contenu(modifie, avant):
        message = f"Aucun changement : « {ident} » était déjà à jour."
    else:
        repond = ", ".join(modifie.priorites) or "aucune"
        precision = f" — priorités : {repond}" if nouvelles is not None else ""
        message = f"Axe « {ident} » : « {modifie.intitule} »{precision}."
    sortie.donnees(_donnees_axe(modifie), lambda _: sortie.succes(message))


@axe.command(
    "retirer",
    help="Retirer un axe du plan (refusé tant que des actions y sont rattachées : elles sont "
    "listées).",
)
@click.argument("ident", metavar="ID", shell_complete=completer_axes)
@click.option("--oui", is_flag=True, help="Confirmer sans poser de question.")
@passer_contexte
def axe_retirer(contexte: Contexte, ident: str, oui: bool) -> None:
    from clsm_cli.noyau.plan import actions_de_l_axe, retirer_axe, trouver_axe

    projet = contexte.projet()
    existant = trouver_axe(projet, ident)
    sortie = contexte.sortie
    if not actions_de_l_axe(projet, ident) and not confirmer(
        f"Retirer l'axe « {existant.intitule} » ({ident}) ?", oui
    ):
        sortie.signaler("Rien n'a été retiré.")
        return
    retirer_axe(projet, ident)
    sortie.donnees(
        {"id": ident, "retire": True}, lambda _: sortie.succes(f"Axe « {ident} » retiré.")
    )


@plan.command("periode", help="Fixer la période couverte par le plan d'action.")
@click.option("--debut", type=DATE, help="Premier jour du plan (AAAA-MM-JJ).")
@click.option("--fin", type=DATE, help="Dernier jour du plan (AAAA-MM-JJ).")
@passer_contexte
def periode(contexte: Contexte, debut: dt.date | None, fin: dt.date | None) -> None:
    from clsm_cli.noyau.plan import definir_periode
    from clsm_cli.noyau.textes import date_fr

    projet = contexte.projet()
    debut = demander(debut, "--debut", "Début du plan (AAAA-MM-JJ)", type=DATE)
    fin = demander(fin, "--fin", "Fin du plan (AAAA-MM-JJ)", type=DATE)
    definir_periode(projet, debut, fin)
    sortie = contexte.sortie
    sortie.donnees(
        {"debut": debut, "fin": fin},
        lambda _: sortie.succes(f"Période du plan : du {date_fr(debut)} au {date_fr(fin)}."),
    )


@plan.command(
    "feuille-de-route",
    help="Feuille de route : les priorités du diagnostic, puis une page par axe avec ses "
    "actions (pilote, échéance, statut). --en md affiche le texte Markdown (ou l'écrit avec -o).",
)
@click.option(
    "--en",
    "format_",
    type=click.Choice(["docx", "md"]),
    default="docx",
    show_default=True,
    help="Format du document.",
)
@click.option(
    "-o",
    "--sortie",
    "fichier",
    type=click.Path(path_type=Path),
    help="Fichier (ou dossier) de sortie ; par défaut exports/feuille-de-route.docx.",
)
@passer_contexte
def feuille_de_route(contexte: Contexte, format_: str, fichier: Path | None) -> None:
    from clsm_cli.documents.feuille_de_route import (
        ecrire_feuille_de_route,
        feuille_de_route_markdown,
    )
    from clsm_cli.documents.fichiers import pour_affichage
    from clsm_cli.noyau.historique import feuille_de_route as calculer

    projet = contexte.projet()
    if format_ == "md" and fichier is None:
        contexte.sortie.message(feuille_de_route_markdown(calculer(projet)).rstrip("\n"))
        return
    chemin = ecrire_feuille_de_route(projet, format_, fichier)
    contexte.sortie.succes(f"Feuille de route écrite : {pour_affichage(chemin)}")


# --- actions ---------------------------------------------------------------------------------


@plan.command("liste", help="Lister les actions du plan, dans l'ordre du fichier.")
@click.option(
    "--axe", help="Seulement les actions de cet axe (identifiant).", shell_complete=completer_axes
)
@click.option("--statut", type=STATUT_ACTION, help="Seulement les actions de ce statut.")
@click.option("--type", "type_", type=TYPE_ACTION, help="Seulement les actions de ce type.")
@passer_contexte
def liste(contexte: Contexte, axe: str | None, statut: str | None, type_: str | None) -> None:
    from clsm_cli.modeles import LIBELLES_STATUT_ACTION, LIBELLES_TYPE_ACTION
    from clsm_cli.noyau.plan import actions_filtrees

    actions = actions_filtrees(contexte.projet(), axe=axe, statut=statut, type=type_)
    sortie = contexte.sortie
    brut = sortie.format == "json"
    sortie.tableau(
        ["Identifiant", "Axe", "Intitulé", "Type", "Statut", "Pilote", "Réalisations"],
        [
            [
                a.id,
                a.axe,
                a.intitule,
                a.type.value if brut else LIBELLES_TYPE_ACTION[a.type],
                a.statut.value if brut else LIBELLES_STATUT_ACTION[a.statut],
                a.pilote,
                len(a.realisation),
            ]
            for a in actions
        ],
        cles=["id", "axe", "intitule", "type", "statut", "pilote", "realisations"],
        titre=f"Actions du plan ({len(actions)})",
        vide="Aucune action ne correspond.",
    )


@plan.group("action", help="Ajouter, modifier, voir ou retirer une action du plan.")
def action() -> None:
    pass


def _options_action(commande: Any) -> Any:
    """Options shared by ``action ajouter`` and ``action modifier``."""
    options = [
        click.option(
            "--axe",
            help="Identifiant de l'axe (voir « clsm plan axes »).",
            shell_complete=completer_axes,
        ),
        click.option("--intitule", help="Intitulé de l'action."),
        click.option("--type", "type_", type=TYPE_ACTION, help="Type d'action."),
        click.option("--statut", type=STATUT_ACTION, help="Statut (par défaut : prevue)."),
        click.option("--objectif", help="Objectif de l'action."),
        click.option("--public", "publics", multiple=True, help="Public visé (répétable)."),
        click.option(
            "--qpv",
            multiple=True,
            is_flag=False,
            flag_value=QPV_SANS_NOM,
            metavar="[NOM]",
            help=AIDE_QPV,
        ),
        click.option(
            "--pilote",
            help="Identifiant du membre pilote (membres.toml).",
            shell_complete=completer_membres,
        ),
        click.option("--partenaire", "partenaires", multiple=True, help="Partenaire (répétable)."),
        click.option(
            "--groupe",
            help="Identifiant du groupe de travail porteur (groupes.toml).",
            shell_complete=completer_groupes,
        ),
        click.option("--debut", type=DATE, help="Date de début (AAAA-MM-JJ)."),
        click.option("--fin", type=DATE, help="Date de fin (AAAA-MM-JJ)."),
        click.option(
            "--budget",
            type=NOMBRE,
            metavar="EUROS",
            help="Budget prévisionnel en euros.",
        ),
    ]
    for option in reversed(options):
        commande = option(commande)
    return commande


def _qpv(valeurs: tuple[str, ...]) -> bool | list[str] | None:
    """``--qpv`` alone: True; ``--qpv NOM…``: the names; nothing: None."""
    if not valeurs:
        return None
    noms = [v.strip() for v in valeurs if v != QPV_SANS_NOM]
    if any(not n for n in noms):
        raise ErreurSaisie("--qpv : nom de quartier vide.")
    return noms or True


def _champs_action(options: dict[str, Any]) -> dict[str, Any]:
    return {
        "axe": options["axe"],
        "intitule": options["intitule"],
        "objectif": options["objectif"],
        "type": options["type_"],
        "publics": list(options["publics"]) or None,
        "qpv": _qpv(options["qpv"]),
        "pilote": options["pilote"],
        "partenaires": list(options["partenaires"]) or None,
        "groupe": options["groupe"],
        "statut": options["statut"],
        "debut": options["debut"],
        "fin": options["fin"],
        "budget": options["budget"],
    }


def _avertir_qpv(contexte: Contexte, projet: Projet, qpv: Any) -> None:
    from clsm_cli.noyau.plan import qpv_inconnus

    for nom in qpv_inconnus(projet, qpv):
        contexte.sortie.avertissement(
            f"le quartier « {nom} » n'est pas dans la liste qpv de clsm.toml "
            "(clsm identite modifier)."
        )


def _donnees_action(action: Action) -> Any:
    from clsm_cli.stockage.ecriture import en_donnees

    return en_donnees(action)


@action.command(
    "ajouter",
    help="Ajouter une action à la fin du plan. Son identifiant est tiré de l'intitulé "
    "(suffixe -2, -3… s'il est déjà pris), sauf --id.",
)
@click.option("--id", "ident", help="Identifiant voulu (lettres minuscules, chiffres, -).")
@_options_action
@passer_contexte
def action_ajouter(contexte: Contexte, ident: str | None, **options: Any) -> None:
    from clsm_cli.noyau.plan import ajouter_action

    projet = contexte.projet()
    axes_connus = [a.id for a in projet.plan.axe]
    if options["axe"] is None and not axes_connus:
        raise ErreurSaisie(
            "Aucun axe dans le plan : créez-en un d'abord avec « clsm plan axe ajouter "
            "--intitule … »."
        )
    options["axe"] = demander(options["axe"], "--axe", "Axe de l'action", choix=axes_connus)
    options["intitule"] = demander(options["intitule"], "--intitule", "Intitulé de l'action")
    options["type_"] = demander(options["type_"], "--type", "Type d'action", choix=TYPE_ACTION)
    champs = _champs_action(options)
    nouvelle = ajouter_action(projet, {"id": ident, **champs})
    _avertir_qpv(contexte, projet, champs["qpv"])
    sortie = contexte.sortie
    sortie.donnees(
        _donnees_action(nouvelle),
        lambda _: sortie.succes(
            f"Action ajoutée : « {nouvelle.intitule} » — identifiant « {nouvelle.id} »."
        ),
    )


@action.command(
    "modifier",
    help="Modifier une action (son identifiant ne change pas). Une option répétable "
    "(--public, --partenaire, --qpv) remplace toute la liste.",
)
@click.argument("ident", metavar="ID", shell_complete=completer_actions)
@_options_action
@click.option(
    "--effacer",
    type=Choix(EFFACABLES),
    multiple=True,
    help="Vider un champ (répétable), par exemple --effacer budget.",
)
@passer_contexte
def action_modifier(
    contexte: Contexte, ident: str, effacer: tuple[str, ...], **options: Any
) -> None:
    from clsm_cli.noyau.plan import modifier_action, trouver_action
    from clsm_cli.noyau.saisie import rien_a_modifier

    projet = contexte.projet()
    trouver_action(projet, ident)
    champs = _champs_action(options)
    if all(v is None for v in champs.values()) and not effacer:
        raise rien_a_modifier("plan action modifier")
    modifiee, change = modifier_action(projet, ident, champs, effacer)
    _avertir_qpv(contexte, projet, champs["qpv"])
    sortie = contexte.sortie
    message = (
        f"Action modifiée : « {modifiee.intitule} » ({ident})."
        if change
        else f"Aucun changement : « {ident} » était déjà à jour."
    )
    sortie.donnees(_donnees_action(modifiee), lambda _: sortie.succes(message))


@action.command("voir", help="Afficher une action avec ses indicateurs et ses réalisations.")
@click.argument("ident", metavar="ID", shell_complete=completer_actions)
@passer_contexte
def action_voir(contexte: Contexte, ident: str) -> None:
    from clsm_cli.noyau.plan import trouver_action

    projet = contexte.projet()
    trouvee = trouver_action(projet, ident)
    lignes = _fiche_action(projet, trouvee)
    afficher_fiche(contexte, f"Action « {trouvee.intitule} »", lignes, _donnees_action(trouvee))


def _fiche_action(projet: Projet, a: Action) -> list[tuple[str, str]]:
    from clsm_cli.modeles import LIBELLES_STATUT_ACTION, LIBELLES_TYPE_ACTION
    from clsm_cli.noyau.textes import date_fr, nombre_fr

    axes = {x.id: x.intitule for x in projet.plan.axe}
    pilote = projet.membres_par_id.get(a.pilote or "")
    groupe = projet.groupes_par_id.get(a.groupe or "")
    qpv = ", ".join(a.qpv) if isinstance(a.qpv, list) else ("oui" if a.qpv else "non")
    lignes: list[tuple[str, str]] = [
        ("Identifiant", a.id),
        ("Axe", f"{axes.get(a.axe, a.axe)} ({a.axe})"),
        ("Type", LIBELLES_TYPE_ACTION[a.type]),
        ("Statut", LIBELLES_STATUT_ACTION[a.statut]),
        ("Objectif", a.objectif or "—"),
        ("Publics", ", ".join(a.publics) or "—"),
        ("QPV", qpv),
        ("Pilote", f"{pilote.libelle} ({a.pilote})" if pilote else a.pilote or "—"),
        ("Partenaires", ", ".join(a.partenaires) or "—"),
        ("Groupe", f"{groupe.nom} ({a.groupe})" if groupe else a.groupe or "—"),
        ("Début", date_fr(a.debut) if a.debut else "—"),
        ("Fin", date_fr(a.fin) if a.fin else "—"),
        (
            "Budget",
            f"{nombre_fr(a.budget, 0 if a.budget.is_integer() else 2)} €"
            if a.budget is not None
            else "—",
        ),
    ]
    for n, i in enumerate(a.indicateur, start=1):
        valeurs = " / ".join(
            f"{t} {nombre_fr(v, 0 if float(v).is_integer() else 2)}"
            for t, v in (("réalisé", i.realise), ("cible", i.cible))
            if v is not None
        )
        unite = f" {i.unite}" if i.unite else ""
        annee = f" ({i.annee})" if i.annee else ""
        lignes.append(
            (f"Indicateur {n}", f"{i.libelle}{annee} : {valeurs or 'non renseigné'}{unite}")
        )
    for n, r in enumerate(a.realisation, start=1):
        participants = f" — {r.participants} participant(s)" if r.participants is not None else ""
        lignes.append((f"Réalisation {n}", f"{date_fr(r.date)} — {r.libelle}{participants}"))
    return lignes


@action.command("retirer", help="Retirer une action du plan (avec ses réalisations).")
@click.argument("ident", metavar="ID", shell_complete=completer_actions)
@click.option("--oui", is_flag=True, help="Confirmer sans poser de question.")
@passer_contexte
def action_retirer(contexte: Contexte, ident: str, oui: bool) -> None:
    from clsm_cli.noyau.plan import retirer_action, trouver_action

    projet = contexte.projet()
    existante = trouver_action(projet, ident)
    sortie = contexte.sortie
    n = len(existante.realisation)
    detail = f" et ses {n} réalisation(s)" if n else ""
    if not confirmer(f"Retirer l'action « {existante.intitule} » ({ident}){detail} ?", oui):
        sortie.signaler("Rien n'a été retiré.")
        return
    retirer_action(projet, ident)
    sortie.donnees(
        {"id": ident, "retire": True}, lambda _: sortie.succes(f"Action « {ident} » retirée.")
    )


# --- réalisations and indicators -------------------------------------------------------------


@plan.group("realisation", help="Réalisations d'une action (séances, événements, livrables).")
def realisation() -> None:
    pass


@realisation.command("ajouter", help="Ajouter une réalisation à la fin de celles d'une action.")
@click.argument("ident", metavar="ACTION", shell_complete=completer_actions)
@click.option(
    "--date",
    "jour",
    type=DATE_IMPRECISE,
    help="Date de la réalisation (AAAA-MM-JJ, ou AAAA-MM, ou AAAA si seule l'année est connue).",
)
@click.option("--libelle", help="Ce qui a été réalisé.")
@click.option("--participants", type=ENTIER, metavar="N", help="Nombre de participants.")
@click.option("--commentaire", help="Commentaire libre.")
@passer_contexte
def realisation_ajouter(
    contexte: Contexte,
    ident: str,
    jour: dt.date | None,
    libelle: str | None,
    participants: int | None,
    commentaire: str | None,
) -> None:
    from clsm_cli.noyau.plan import ajouter_realisation, hors_periode, trouver_action
    from clsm_cli.noyau.textes import date_fr, du_fr
    from clsm_cli.stockage.ecriture import en_donnees

    projet = contexte.projet()
    trouver_action(projet, ident)
    jour = demander(
        jour, "--date", "Date de la réalisation (AAAA-MM-JJ, AAAA-MM ou AAAA)", type=DATE_IMPRECISE
    )
    libelle = demander(libelle, "--libelle", "Libellé de la réalisation")
    champs = {
        "date": jour,
        "libelle": libelle,
        "participants": participants,
        "commentaire": commentaire,
    }
    a, r, numero = ajouter_realisation(projet, ident, champs)
    sortie = contexte.sortie
    if hors_periode(a, r.date):
        sortie.avertissement(
            f"la réalisation {du_fr(r.date)} tombe hors des dates de l'action "
            f"({date_fr(a.debut) if a.debut else '…'} – {date_fr(a.fin) if a.fin else '…'})."
        )
    sortie.donnees(
        {"action": ident, "numero": numero, **en_donnees(r)},
        lambda _: sortie.succes(
            f"Réalisation n° {numero} ajoutée à « {a.intitule} » : {date_fr(r.date)} — {r.libelle}."
        ),
    )


@realisation.command(
    "modifier",
    help="Modifier la réalisation n° N d'une action (numéros : clsm plan action voir ACTION).",
)
@click.argument("ident", metavar="ACTION")
@click.argument("numero", metavar="N", type=click.IntRange(min=1))
@click.option("--date", "jour", type=DATE_IMPRECISE, help="Date (AAAA-MM-JJ, AAAA-MM ou AAAA).")
@click.option("--libelle", help="Ce qui a été réalisé.")
@click.option(
    "--participants", type=click.IntRange(min=0), metavar="N", help="Nombre de participants."
)
@click.option("--commentaire", help="Commentaire libre.")
@click.option(
    "--effacer",
    type=click.Choice(["participants", "commentaire"]),
    multiple=True,
    help="Vider un champ (répétable).",
)
@passer_contexte
def realisation_modifier(
    contexte: Contexte, ident: str, numero: int, effacer: tuple[str, ...], **options: Any
) -> None:
    champs = {
        "date": options["jour"],
        "libelle": options["libelle"],
        "participants": options["participants"],
        "commentaire": options["commentaire"],
    }
    _modifier_sous(contexte, ident, "realisation", numero, champs, effacer)


@realisation.command("retirer", help="Retirer la réalisation n° N d'une action.")
@click.argument("ident", metavar="ACTION")
@click.argument("numero", metavar="N", type=click.IntRange(min=1))
@click.option("--oui", is_flag=True, help="Confirmer sans poser de question.")
@passer_contexte
def realisation_retirer(contexte: Contexte, ident: str, numero: int, oui: bool) -> None:
    _retirer_sous(contexte, ident, "realisation", numero, oui)


def _decrire(table: str, enregistrement: Any) -> str:
    from clsm_cli.noyau.textes import quand_fr

    if table == "realisation":
        return f"« {enregistrement.libelle} » ({quand_fr(enregistrement.date)})"
    annee = f" ({enregistrement.annee})" if enregistrement.annee else ""
    return f"« {enregistrement.libelle} »{annee}"


def _modifier_sous(
    contexte: Contexte,
    ident: str,
    table: str,
    numero: int,
    champs: dict[str, Any],
    effacer: tuple[str, ...],
) -> None:
    from clsm_cli.noyau.plan import modifier_sous_enregistrement
    from clsm_cli.noyau.saisie import rien_a_modifier
    from clsm_cli.stockage.ecriture import en_donnees

    if all(v is None for v in champs.values()) and not effacer:
        raise rien_a_modifier(f"plan {table} modifier")
    projet = contexte.projet()
    nouveau, change = modifier_sous_enregistrement(projet, ident, table, numero, champs, effacer)
    nom = "Réalisation" if table == "realisation" else "Indicateur"
    message = (
        f"{nom} n° {numero} de « {ident} » modifié(e) : {_decrire(table, nouveau)}."
        if change
        else f"Aucun changement : {nom.lower()} n° {numero} de « {ident} » déjà à jour."
    )
    sortie = contexte.sortie
    sortie.donnees(
        {"action": ident, "numero": numero, **en_donnees(nouveau)},
        lambda _: sortie.succes(message),
    )


def _retirer_sous(contexte: Contexte, ident: str, table: str, numero: int, oui: bool) -> None:
    from clsm_cli.noyau.plan import numero_valide, retirer_sous_enregistrement, trouver_action

    projet = contexte.projet()
    existant = numero_valide(trouver_action(projet, ident), table, numero)
    nom = "la réalisation" if table == "realisation" else "l'indicateur"
    sortie = contexte.sortie
    if not confirmer(
        f"Retirer {nom} n° {numero} de « {ident} » {_decrire(table, existant)} ?", oui
    ):
        sortie.message("Rien n'a été retiré.")
        return
    retirer_sous_enregistrement(projet, ident, table, numero)
    sortie.donnees(
        {"action": ident, "numero": numero, "retire": True},
        lambda _: sortie.succes(
            f"{nom[0].upper()}{nom[1:]} n° {numero} de « {ident} » retiré(e) : "
            f"{_decrire(table, existant)} (les suivant(e)s sont renuméroté(e)s)."
        ),
    )


class GroupeIndicateur(GroupeAvecDefaut):
    """``clsm plan indicateur ACTION --libelle …`` stays a shortcut for ``… definir ACTION``."""

    defaut = "definir"


@plan.group(
    "indicateur",
    cls=GroupeIndicateur,
    help="Indicateurs d'une action (cible et réalisé, par année). « clsm plan indicateur "
    "ACTION --libelle … » revient à « clsm plan indicateur definir ACTION --libelle … ».",
)
def indicateur() -> None:
    pass


@indicateur.command(
    "definir",
    help="Créer l'indicateur d'une action, ou mettre à jour celui qui porte ce libellé "
    "(comparé sans tenir compte des majuscules) pour la même année.",
)
@click.argument("ident", metavar="ACTION", shell_complete=completer_actions)
@click.option("--libelle", help="Libellé de l'indicateur (ex. « Personnes formées »).")
@click.option(
    "--annee",
    type=click.IntRange(1990, 2100),
    metavar="AAAA",
    help="Année des valeurs (le bilan de cette année les montre).",
)
@click.option("--cible", type=NOMBRE, metavar="NOMBRE", help="Valeur visée.")
@click.option("--realise", type=NOMBRE, metavar="NOMBRE", help="Valeur atteinte.")
@click.option("--unite", help="Unité (personnes, séances…).")
@passer_contexte
def indicateur_definir(
    contexte: Contexte,
    ident: str,
    libelle: str | None,
    annee: int | None,
    cible: float | None,
    realise: float | None,
    unite: str | None,
) -> None:
    from clsm_cli.noyau.plan import definir_indicateur, trouver_action
    from clsm_cli.stockage.ecriture import en_donnees

    projet = contexte.projet()
    a = trouver_action(projet, ident)
    libelle = demander(libelle, "--libelle", "Libellé de l'indicateur")
    ind, cree = definir_indicateur(
        projet, ident, libelle, cible=cible, realise=realise, unite=unite, annee=annee
    )
    sortie = contexte.sortie
    verbe = "ajouté à" if cree else "mis à jour dans"
    pour = f" ({ind.annee})" if ind.annee else ""
    sortie.donnees(
        {"action": ident, "cree": cree, **en_donnees(ind)},
        lambda _: sortie.succes(f"Indicateur « {ind.libelle} »{pour} {verbe} « {a.intitule} »."),
    )


@indicateur.command(
    "modifier",
    help="Modifier l'indicateur n° N d'une action (numéros : clsm plan action voir ACTION).",
)
@click.argument("ident", metavar="ACTION")
@click.argument("numero", metavar="N", type=click.IntRange(min=1))
@click.option("--libelle", help="Nouveau libellé.")
@click.option("--annee", type=click.IntRange(1990, 2100), metavar="AAAA", help="Année des valeurs.")
@click.option("--cible", type=click.FloatRange(min=0), metavar="NOMBRE", help="Valeur visée.")
@click.option("--realise", type=click.FloatRange(min=0), metavar="NOMBRE", help="Valeur atteinte.")
@click.option("--unite", help="Unité.")
@click.option(
    "--effacer",
    type=click.Choice(["annee", "cible", "realise", "unite"]),
    multiple=True,
    help="Vider un champ (répétable).",
)
@passer_contexte
def indicateur_modifier(
    contexte: Contexte, ident: str, numero: int, effacer: tuple[str, ...], **options: Any
) -> None:
    _modifier_sous(contexte, ident, "indicateur", numero, options, effacer)


@indicateur.command("retirer", help="Retirer l'indicateur n° N d'une action.")
@click.argument("ident", metavar="ACTION")
@click.argument("numero", metavar="N", type=click.IntRange(min=1))
@click.option("--oui", is_flag=True, help="Confirmer sans poser de question.")
@passer_contexte
def indicateur_retirer(contexte: Contexte, ident: str, numero: int, oui: bool) -> None:
    _retirer_sous(contexte, ident, "indicateur", numero, oui)
