"""``clsm sism``: the Semaines d'information sur la santé mentale, one file per year."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import click

from clsm_cli.cli import GroupeParesseux
from clsm_cli.cli._types import DATE, completer_annees_sism, completer_membres
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
@passer_contexte
def nouvelle(
    contexte: Contexte,
    annee: int,
    theme: str | None,
    debut: dt.date | None,
    fin: dt.date | None,
    comite: tuple[str, ...],
) -> None:
    from clsm_cli.noyau.sism import nouvelle_sism, theme_national

    projet = contexte.projet()
    theme = demander(theme or theme_national(annee), "--theme", f"Thème de la SISM {annee}")
    chemin, cree = nouvelle_sism(projet, annee, theme, debut, fin, comite)
    sortie = contexte.sortie
    sortie.donnees(
        {"fichier": chemin, "annee": cree.annee, "theme": cree.theme},
        lambda _: sortie.succes(f"SISM {annee} créée ({chemin}) : « {cree.theme} »."),
    )


@sism.command("liste", help="Lister les années de SISM avec leur nombre d'événements.")
@passer_contexte
def liste(contexte: Contexte) -> None:
    from clsm_cli.noyau.sism import annees

    trouvees = annees(contexte.projet())
    contexte.sortie.tableau(
        ["Année", "Thème", "Début", "Fin", "Événements", "Participants"],
        [
            [
                s.annee,
                s.theme,
                s.debut,
                s.fin,
                len(s.evenement),
                sum(e.participants or 0 for e in s.evenement),
            ]
            for s in trouvees
        ],
        cles=["annee", "theme", "debut", "fin", "evenements", "participants"],
        titre=f"SISM ({len(trouvees)})",
        vide="Aucune SISM : créez-en une avec « clsm sism nouvelle ANNEE ».",
    )


# --- events ----------------------------------------------------------------------------------


@sism.group("evenement", help="Événements d'une SISM, numérotés dans l'ordre du fichier.")
def evenement() -> None:
    pass


def _options_evenement(commande: Any) -> Any:
    options = [
        click.option("--titre", help="Titre de l'événement."),
        click.option("--type", "type_", type=click.Choice(TYPES), help="Type d'événement."),
        click.option("--date", "jour", type=DATE, help="Date (AAAA-MM-JJ), dans l'année."),
        click.option("--heure", help="Heure de début (18:30)."),
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
            type=click.IntRange(min=0),
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
    from clsm_cli.noyau.textes import date_fr

    projet = contexte.projet()
    s = projet.sism_annee(annee)
    if s is not None and hors_dates(s, e.date):
        debut = date_fr(s.debut) if s.debut else "…"
        fin = date_fr(s.fin) if s.fin else "…"
        contexte.sortie.avertissement(
            f"le {date_fr(e.date)} tombe hors des dates de la SISM {annee} ({debut} – {fin})."
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
    options["type_"] = demander(options["type_"], "--type", "Type d'événement", choix=TYPES)
    options["jour"] = demander(options["jour"], "--date", "Date (AAAA-MM-JJ)", type=DATE)
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
    type=click.Choice(EFFACABLES),
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
    if change and champs["date"] is not None:
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
        sortie.message("Rien n'a été retiré.")
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
