"""``clsm sism``: the Semaines d'information sur la santé mentale, one file per year."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import click

from clsm_cli.cli import GroupeParesseux
from clsm_cli.cli._types import (
    DATE,
    DATE_IMPRECISE,
    ENTIER,
    TYPE_EVENEMENT,
    Choix,
    completer_annees_sism,
    completer_membres,
)
from clsm_cli.cli.contexte import Contexte, confirmer, demander, passer_contexte
from clsm_cli.modeles.erreurs import ErreurSaisie

if TYPE_CHECKING:
    from clsm_cli.modeles import Evenement

TYPES = [
    "cine_debat",
    "conference",
    "stand",
    "exposition",
    "atelier",
    "marche",
    "portes_ouvertes",
    "theatre",
    "cafe_psy",
    "autre",
]
EFFACABLES = [
    "heure",
    "fin",
    "heure_fin",
    "lieu",
    "commune",
    "qpv",
    "organisateurs",
    "partenaires",
    "public",
    "participants",
    "inscription",
    "description",
]
QPV_SANS_NOM = "\x00oui"
ANNEE = click.IntRange(1990, 2100)


def _options_totaux(commande: Any) -> Any:
    """``--evenements``, ``--partenaires``, ``--participants``: a year known by its totals."""
    for nom, aide in reversed(
        [
            ("evenements", "Nombre total d'événements (année sans détail des événements)."),
            ("partenaires", "Nombre total de partenaires mobilisés."),
            ("participants", "Nombre total de participants."),
        ]
    ):
        commande = click.option(
            f"--{nom}", nom, type=click.IntRange(min=0), metavar="N", help=aide
        )(commande)
    return commande


@click.group(
    cls=GroupeParesseux,
    paresseuses={
        "programme": (
            "clsm_cli.cli.programme:programme",
            "Programme imprimable de la SISM (.docx, --xlsx).",
        )
    },
    help="Semaines d'information sur la santé mentale : une année par fichier (sism/AAAA.toml), "
    "ses événements, son programme.",
)
def sism() -> None:
    pass


@sism.command(
    "nouvelle",
    help="Créer la SISM d'une année. Le thème national est prérempli pour les années connues "
    "(2020 à 2025) ; pour une autre année, --theme est demandé.",
)
@click.argument("annee", metavar="ANNEE", type=ANNEE)
@click.option("--theme", help="Thème de l'année (par défaut : le thème national connu).")
@click.option("--debut", type=DATE, help="Premier jour de la SISM (AAAA-MM-JJ).")
@click.option("--fin", type=DATE, help="Dernier jour de la SISM (AAAA-MM-JJ).")
@click.option(
    "--comite",
    multiple=True,
    help="Membre du comité d'organisation (identifiant ; répétable).",
    shell_complete=completer_membres,
)
@_options_totaux
@passer_contexte
def nouvelle(
    contexte: Contexte,
    annee: int,
    theme: str | None,
    debut: dt.date | None,
    fin: dt.date | None,
    comite: tuple[str, ...],
    **totaux: int | None,
) -> None:
    from clsm_cli.noyau.sism import nouvelle_sism, theme_national

    projet = contexte.projet()
    theme = demander(theme or theme_national(annee), "--theme", f"Thème de la SISM {annee}")
    chemin, cree = nouvelle_sism(projet, annee, theme, debut, fin, comite, totaux)
    sortie = contexte.sortie
    sortie.donnees(
        {"fichier": chemin, "annee": cree.annee, "theme": cree.theme},
        lambda _: sortie.succes(f"SISM {annee} créée ({chemin}) : « {cree.theme} »."),
    )


@sism.command(
    "liste",
    help="Lister les années de SISM avec leurs chiffres (comptés sur les événements, ou les "
    "totaux déclarés quand l'année n'a pas d'événement détaillé).",
)
@passer_contexte
def liste(contexte: Contexte) -> None:
    from clsm_cli.noyau.sism import annees

    trouvees = annees(contexte.projet())
    lignes = []
    for s in trouvees:
        c = s.chiffres()
        lignes.append(
            [s.annee, s.theme, s.debut, s.fin, c["evenements"], c["partenaires"], c["participants"]]
        )
    contexte.sortie.tableau(
        ["Année", "Thème", "Début", "Fin", "Événements", "Partenaires", "Participants"],
        lignes,
        cles=["annee", "theme", "debut", "fin", "evenements", "partenaires", "participants"],
        titre=f"SISM ({len(trouvees)})",
        vide="Aucune SISM : créez-en une avec « clsm sism nouvelle ANNEE ».",
    )


@sism.command(
    "modifier",
    help="Modifier une année de SISM : thème, dates, comité (--comite remplace toute la liste), "
    "totaux déclarés (--evenements, --partenaires, --participants).",
)
@click.argument("annee", metavar="ANNEE", type=ANNEE)
@click.option("--theme", help="Thème de l'année.")
@click.option("--debut", type=DATE, help="Premier jour (AAAA-MM-JJ).")
@click.option("--fin", type=DATE, help="Dernier jour (AAAA-MM-JJ).")
@click.option("--comite", multiple=True, help="Membre du comité (identifiant ; répétable).")
@_options_totaux
@click.option(
    "--effacer",
    type=click.Choice(["debut", "fin", "comite", "evenements", "partenaires", "participants"]),
    multiple=True,
    help="Vider un champ (répétable).",
)
@passer_contexte
def modifier(contexte: Contexte, annee: int, effacer: tuple[str, ...], **options: Any) -> None:
    from clsm_cli.noyau.saisie import rien_a_modifier
    from clsm_cli.noyau.sism import modifier_sism
    from clsm_cli.stockage.ecriture import en_donnees

    champs = {**options, "comite": list(options["comite"]) or None}
    if all(v is None for v in champs.values()) and not effacer:
        raise rien_a_modifier("sism modifier")
    s, change = modifier_sism(contexte.projet(), annee, champs, effacer)
    message = (
        f"SISM {annee} modifiée : « {s.theme} »."
        if change
        else f"Aucun changement : la SISM {annee} était déjà à jour."
    )
    sortie = contexte.sortie
    donnees = {k: v for k, v in en_donnees(s).items() if k != "evenement"}
    sortie.donnees(donnees, lambda _: sortie.succes(message))


# --- events ----------------------------------------------------------------------------------


@sism.group("evenement", help="Événements d'une SISM, numérotés dans l'ordre du fichier.")
def evenement() -> None:
    pass


def _options_evenement(commande: Any) -> Any:
    options = [
        click.option("--titre", help="Titre de l'événement."),
        click.option("--type", "type_", type=TYPE_EVENEMENT, help="Type d'événement."),
        click.option(
            "--date",
            "jour",
            type=DATE_IMPRECISE,
            help="Date (AAAA-MM-JJ), dans l'année ; AAAA-MM ou AAAA si le jour n'est pas connu.",
        ),
        click.option("--heure", help="Heure de début (18:30)."),
        click.option(
            "--fin", type=DATE, help="Dernier jour d'un événement sur plusieurs jours (AAAA-MM-JJ)."
        ),
        click.option("--heure-fin", "heure_fin", help="Heure de fin (20:00)."),
        click.option("--lieu", help="Lieu."),
        click.option("--commune", help="Commune."),
        click.option(
            "--qpv",
            is_flag=False,
            flag_value=QPV_SANS_NOM,
            metavar="[NOM]",
            help="En quartier prioritaire : --qpv « Nom du quartier », ou --qpv seul (placé "
            "en dernier) sans préciser lequel.",
        ),
        click.option(
            "--organisateur", "organisateurs", multiple=True, help="Organisateur (répétable)."
        ),
        click.option("--partenaire", "partenaires", multiple=True, help="Partenaire (répétable)."),
        click.option("--public", help="Public visé (« Tout public », « Lycéens »…)."),
        click.option(
            "--participants",
            type=ENTIER,
            metavar="N",
            help="Nombre de participants.",
        ),
        click.option(
            "--en-ligne/--sur-place", "en_ligne", default=None, help="Événement en ligne ou non."
        ),
        click.option("--inscription", help="Modalités d'inscription ou tarif."),
        click.option("--description", help="Description pour le programme."),
    ]
    for option in reversed(options):
        commande = option(commande)
    return commande


def _champs(options: dict[str, Any]) -> dict[str, Any]:
    qpv = options["qpv"]
    if qpv is not None:
        qpv = True if qpv == QPV_SANS_NOM else qpv.strip()
        if qpv == "":
            raise ErreurSaisie("--qpv : nom de quartier vide.")
    return {
        "titre": options["titre"],
        "type": options["type_"],
        "date": options["jour"],
        "heure": options["heure"],
        "fin": options["fin"],
        "heure_fin": options["heure_fin"],
        "lieu": options["lieu"],
        "commune": options["commune"],
        "qpv": qpv,
        "organisateurs": list(options["organisateurs"]) or None,
        "partenaires": list(options["partenaires"]) or None,
        "public": options["public"],
        "participants": options["participants"],
        "en_ligne": options["en_ligne"],
        "inscription": options["inscription"],
        "description": options["description"],
    }


def _donnees(annee: int, numero: int, e: Evenement) -> dict[str, Any]:
    from clsm_cli.stockage.ecriture import en_donnees

    return {"annee": annee, "numero": numero, **en_donnees(e)}


def _avertir_dates(contexte: Contexte, annee: int, e: Evenement) -> None:
    from clsm_cli.noyau.sism import hors_dates
    from clsm_cli.noyau.textes import date_fr, periode_fr

    projet = contexte.projet()
    s = projet.sism_annee(annee)
    if s is not None and (hors_dates(s, e.date) or (e.fin is not None and hors_dates(s, e.fin))):
        debut = date_fr(s.debut) if s.debut else "…"
        fin = date_fr(s.fin) if s.fin else "…"
        contexte.sortie.avertissement(
            f"{periode_fr(e.date, e.fin)} tombe hors des dates de la SISM {annee} "
            f"({debut} – {fin})."
        )


@evenement.command("ajouter", help="Ajouter un événement à la fin du programme d'une année.")
@click.argument("annee", metavar="ANNEE", type=ANNEE, shell_complete=completer_annees_sism)
@_options_evenement
@passer_contexte
def evenement_ajouter(contexte: Contexte, annee: int, **options: Any) -> None:
    from clsm_cli.noyau.sism import ajouter_evenement, trouver_sism

    projet = contexte.projet()
    trouver_sism(projet, annee)
    options["titre"] = demander(options["titre"], "--titre", "Titre de l'événement")
    options["type_"] = demander(
        options["type_"], "--type", "Type d'événement", choix=TYPE_EVENEMENT
    )
    options["jour"] = demander(
        options["jour"], "--date", "Date (AAAA-MM-JJ, AAAA-MM ou AAAA)", type=DATE_IMPRECISE
    )
    numero, e = ajouter_evenement(projet, annee, _champs(options))
    _avertir_dates(contexte, annee, e)
    sortie = contexte.sortie
    sortie.donnees(
        _donnees(annee, numero, e),
        lambda _: sortie.succes(f"Événement n° {numero} ajouté à la SISM {annee} : {e.titre}."),
    )


@evenement.command(
    "modifier",
    help="Modifier l'événement n° N d'une année (numéros : clsm sism evenement liste ANNEE). "
    "--organisateur et --partenaire remplacent toute la liste.",
)
@click.argument("annee", metavar="ANNEE", type=ANNEE, shell_complete=completer_annees_sism)
@click.argument("numero", metavar="N", type=click.IntRange(min=1))
@_options_evenement
@click.option(
    "--effacer",
    type=Choix(EFFACABLES),
    multiple=True,
    help="Vider un champ (répétable), par exemple --effacer heure.",
)
@passer_contexte
def evenement_modifier(
    contexte: Contexte, annee: int, numero: int, effacer: tuple[str, ...], **options: Any
) -> None:
    from clsm_cli.noyau.saisie import rien_a_modifier
    from clsm_cli.noyau.sism import modifier_evenement, numero_valide, trouver_sism

    projet = contexte.projet()
    numero_valide(trouver_sism(projet, annee)[1], numero)
    champs = _champs(options)
    if all(v is None for v in champs.values()) and not effacer:
        raise rien_a_modifier("sism evenement modifier")
    e, change = modifier_evenement(projet, annee, numero, champs, effacer)
    if change and (champs["date"] is not None or champs["fin"] is not None):
        _avertir_dates(contexte, annee, e)
    sortie = contexte.sortie
    message = (
        f"Événement n° {numero} de la SISM {annee} modifié : {e.titre}."
        if change
        else f"Aucun changement : l'événement n° {numero} était déjà à jour."
    )
    sortie.donnees(_donnees(annee, numero, e), lambda _: sortie.succes(message))


@evenement.command("retirer", help="Retirer l'événement n° N d'une année.")
@click.argument("annee", metavar="ANNEE", type=ANNEE, shell_complete=completer_annees_sism)
@click.argument("numero", metavar="N", type=click.IntRange(min=1))
@click.option("--oui", is_flag=True, help="Confirmer sans poser de question.")
@passer_contexte
def evenement_retirer(contexte: Contexte, annee: int, numero: int, oui: bool) -> None:
    from clsm_cli.noyau.sism import numero_valide, retirer_evenement, trouver_sism
    from clsm_cli.noyau.textes import date_fr

    projet = contexte.projet()
    e = numero_valide(trouver_sism(projet, annee)[1], numero)
    sortie = contexte.sortie
    if not confirmer(
        f"Retirer l'événement n° {numero} de la SISM {annee} « {e.titre} » ({date_fr(e.date)}) ?",
        oui,
    ):
        sortie.signaler("Rien n'a été retiré.")
        return
    retirer_evenement(projet, annee, numero)
    sortie.donnees(
        {"annee": annee, "numero": numero, "titre": e.titre, "retire": True},
        lambda _: sortie.succes(
            f"Événement retiré de la SISM {annee} : {e.titre} (les suivants sont renumérotés)."
        ),
    )


@evenement.command("liste", help="Lister les événements d'une année, avec leur numéro.")
@click.argument("annee", metavar="ANNEE", type=ANNEE, shell_complete=completer_annees_sism)
@passer_contexte
def evenement_liste(contexte: Contexte, annee: int) -> None:
    from clsm_cli.modeles import LIBELLES_TYPE_EVENEMENT
    from clsm_cli.noyau.sism import trouver_sism

    _, s = trouver_sism(contexte.projet(), annee)
    sortie = contexte.sortie
    brut = sortie.format == "json"
    sortie.tableau(
        ["N°", "Date", "Heure", "Titre", "Type", "Lieu", "Commune", "Participants"],
        [
            [
                n,
                e.date,
                e.heure,
                e.titre,
                e.type.value if brut else LIBELLES_TYPE_EVENEMENT[e.type],
                e.lieu,
                e.commune,
                e.participants,
            ]
            for n, e in enumerate(s.evenement, start=1)
        ],
        cles=["numero", "date", "heure", "titre", "type", "lieu", "commune", "participants"],
        titre=f"SISM {annee} — « {s.theme} » ({len(s.evenement)} événement(s))",
        vide=f"Aucun événement : ajoutez-en avec « clsm sism evenement ajouter {annee} … ».",
    )
