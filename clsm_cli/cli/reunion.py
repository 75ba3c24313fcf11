"""``clsm reunion``: meetings of the instances, one file each in reunions/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from clsm_cli.cli import GroupeParesseux
from clsm_cli.cli._types import (
    DATE,
    GroupeAvecDefaut,
    completer_instances_reunion,
    completer_membres,
    completer_reunions,
)
from clsm_cli.cli.contexte import Contexte, confirmer, demander, passer_contexte
from clsm_cli.modeles.erreurs import ErreurSaisie

if TYPE_CHECKING:
    from clsm_cli.modeles import Reunion
    from clsm_cli.noyau.projet import Projet

AIDE_REUNION = (
    "La réunion : sa date et son instance comme dans le nom de son fichier "
    "(2026-03-12-copil, 2026-04-03-groupe-jeunes), ou sa date seule si c'est la seule ce jour-là."
)
AIDE_PERSONNE = (
    "identifiant de membre (membres.toml) ou nom libre d'une personne extérieure "
    "(« Mme Roux, invitée ») ; répétable"
)


@click.group(
    cls=GroupeParesseux,
    paresseuses={
        "compte-rendu": (
            "clsm_cli.cli.copil:compte_rendu_reunion",
            "Compte rendu de la réunion (.docx ou .md).",
        )
    },
    help="Réunions des instances (copil, plénière, comité technique, groupes de travail) : "
    "un fichier par réunion dans reunions/. " + AIDE_REUNION,
)
def reunion() -> None:
    pass


def _libelle(projet: Projet, r: Reunion) -> str:
    from clsm_cli.modeles import libelle_instance

    return libelle_instance(r.instance, projet.noms_groupes())


def _nom(projet: Projet, personne: str) -> str:
    membre = projet.membres_par_id.get(personne)
    return membre.libelle if membre else personne


def _donnees(chemin: str, r: Reunion) -> dict[str, Any]:
    from clsm_cli.noyau.reunions import reference
    from clsm_cli.stockage.ecriture import en_donnees

    return {"reunion": reference(chemin), "fichier": chemin, **en_donnees(r)}


@reunion.command("ajouter", help="Créer le fichier d'une nouvelle réunion.")
@click.option(
    "--instance",
    help="copil, pleniere, comite_technique, autre, ou groupe:<id> pour un groupe de travail.",
    shell_complete=completer_instances_reunion,
)
@click.option("--date", "jour", type=DATE, help="Date de la réunion (AAAA-MM-JJ).")
@click.option("--heure", help="Heure de début (14:00).")
@click.option("--heure-fin", "heure_fin", help="Heure de fin (16:30) : durée dans l'agenda.")
@click.option("--lieu", help="Lieu de la réunion.")
@click.option(
    "--present",
    "presents",
    multiple=True,
    help=f"Présent : {AIDE_PERSONNE}.",
    shell_complete=completer_membres,
)
@click.option(
    "--excuse",
    "excuses",
    multiple=True,
    help=f"Excusé : {AIDE_PERSONNE}.",
    shell_complete=completer_membres,
)
@click.option(
    "--ordre-du-jour",
    "ordre_du_jour",
    multiple=True,
    metavar="TEXTE",
    help="Point de l'ordre du jour (répétable, dans l'ordre).",
)
@passer_contexte
def ajouter(
    contexte: Contexte,
    instance: str | None,
    jour: dt.date | None,
    heure: str | None,
    heure_fin: str | None,
    lieu: str | None,
    presents: tuple[str, ...],
    excuses: tuple[str, ...],
    ordre_du_jour: tuple[str, ...],
) -> None:
    from clsm_cli.noyau.reunions import ajouter_reunion, instances_possibles
    from clsm_cli.noyau.textes import date_fr

    projet = contexte.projet()
    instance = demander(instance, "--instance", "Instance", choix=instances_possibles(projet))
    jour = demander(jour, "--date", "Date de la réunion (AAAA-MM-JJ)", type=DATE)
    chemin, r = ajouter_reunion(
        projet,
        {
            "instance": instance,
            "date": jour,
            "heure": heure,
            "heure_fin": heure_fin,
            "lieu": lieu,
            "presents": list(presents),
            "excuses": list(excuses),
            "ordre_du_jour": list(ordre_du_jour),
        },
    )
    sortie = contexte.sortie
    sortie.donnees(
        _donnees(chemin, r),
        lambda _: sortie.succes(
            f"Réunion créée : {_libelle(projet, r)} du {date_fr(r.date)} ({chemin})."
        ),
    )


@reunion.command("liste", help="Lister les réunions, de la plus ancienne à la plus récente.")
@click.option("--annee", type=int, help="Seulement les réunions de cette année.")
@click.option(
    "--instance",
    help="Seulement cette instance (copil, pleniere, comite_technique, autre, groupe:<id>, "
    "ou groupe pour tous les groupes de travail).",
    shell_complete=completer_instances_reunion,
)
@passer_contexte
def liste(contexte: Contexte, annee: int | None, instance: str | None) -> None:
    from clsm_cli.noyau.reunions import reference, reunions_filtrees

    projet = contexte.projet()
    trouvees = reunions_filtrees(projet, annee=annee, instance=instance)
    sortie = contexte.sortie
    sortie.tableau(
        ["Réunion", "Date", "Instance", "Lieu", "Présents", "Décisions", "Suivis ouverts"],
        [
            [
                reference(c),
                r.date,
                r.instance if sortie.format == "json" else _libelle(projet, r),
                r.lieu,
                len(r.presents),
                len(r.decisions),
                sum(1 for s in r.suivi if not s.fait),
            ]
            for c, r in trouvees
        ],
        cles=["reunion", "date", "instance", "lieu", "presents", "decisions", "suivis_ouverts"],
        titre=f"Réunions ({len(trouvees)})",
        vide="Aucune réunion ne correspond.",
    )


@reunion.command(
    "voir",
    help="Afficher une réunion : présences, ordre du jour, points, "
    "décisions et suivi. " + AIDE_REUNION,
)
@click.argument("ref", metavar="REUNION", shell_complete=completer_reunions)
@passer_contexte
def voir(contexte: Contexte, ref: str) -> None:
    from clsm_cli.cli.membres import afficher_fiche
    from clsm_cli.noyau.reunions import en_retard, trouver_reunion
    from clsm_cli.noyau.textes import date_fr

    projet = contexte.projet()
    chemin, r = trouver_reunion(projet, ref)
    quand = date_fr(r.date) + (f" à {r.heure}" if r.heure else "")
    quand += f" (fin à {r.heure_fin})" if r.heure_fin else ""
    lignes: list[tuple[str, str]] = [
        ("Fichier", chemin),
        ("Date", quand),
        ("Instance", _libelle(projet, r)),
        ("Lieu", r.lieu or "—"),
        ("Présents", "\n".join(_nom(projet, p) for p in r.presents) or "—"),
        ("Excusés", "\n".join(_nom(projet, p) for p in r.excuses) or "—"),
        ("Ordre du jour", "\n".join(f"{i}. {t}" for i, t in enumerate(r.ordre_du_jour, 1)) or "—"),
    ]
    for i, p in enumerate(r.point, 1):
        lignes.append((f"Point {i}", p.titre + (f"\n{p.compte_rendu}" if p.compte_rendu else "")))
    lignes.append(
        ("Décisions", "\n".join(f"{i}. {d}" for i, d in enumerate(r.decisions, 1)) or "—")
    )
    rouges = set()
    for i, s in enumerate(r.suivi, 1):
        details = [s.quoi]
        if s.qui:
            details.append(_nom(projet, s.qui))
        if s.echeance:
            details.append(f"pour le {date_fr(s.echeance)}")
        if s.fait:
            fait = "fait" + (f" le {date_fr(s.fait_le)}" if s.fait_le else "")
            details.append(fait + (f" par {_nom(projet, s.par)}" if s.par else ""))
        elif en_retard(s.echeance, s.fait, projet.aujourdhui()):
            details.append("en retard")
            rouges.add(f"Suivi {i}")
        else:
            details.append("à faire")
        lignes.append((f"Suivi {i}", " — ".join(details)))
    titre = f"{_libelle(projet, r)} du {date_fr(r.date)}"
    afficher_fiche(contexte, titre, lignes, _donnees(chemin, r), frozenset(rouges))


@reunion.command("point", help="Ajouter un point traité (titre et compte rendu). " + AIDE_REUNION)
@click.argument("ref", metavar="REUNION", shell_complete=completer_reunions)
@click.option("--titre", help="Titre du point.")
@click.option("--compte-rendu", "compte_rendu", help="Ce qui a été dit.")
@passer_contexte
def point(contexte: Contexte, ref: str, titre: str | None, compte_rendu: str | None) -> None:
    from clsm_cli.noyau.reunions import ajouter_point, reference, trouver_reunion

    projet = contexte.projet()
    chemin, _ = trouver_reunion(projet, ref)
    titre = demander(titre, "--titre", "Titre du point")
    numero = ajouter_point(projet, ref, titre, compte_rendu)
    sortie = contexte.sortie
    sortie.donnees(
        {"reunion": reference(chemin), "numero": numero, "titre": titre},
        lambda _: sortie.succes(f"Point {numero} ajouté à {reference(chemin)} : {titre}."),
    )


@reunion.command("decision", help="Ajouter une décision au relevé de décisions. " + AIDE_REUNION)
@click.argument("ref", metavar="REUNION", shell_complete=completer_reunions)
@click.argument("texte")
@passer_contexte
def decision(contexte: Contexte, ref: str, texte: str) -> None:
    from clsm_cli.noyau.reunions import ajouter_decision, reference, trouver_reunion

    projet = contexte.projet()
    chemin, _ = trouver_reunion(projet, ref)
    numero = ajouter_decision(projet, ref, texte)
    sortie = contexte.sortie
    sortie.donnees(
        {"reunion": reference(chemin), "numero": numero, "decision": texte.strip()},
        lambda _: sortie.succes(f"Décision {numero} ajoutée à {reference(chemin)}."),
    )


@reunion.command("suivi", help="Ajouter une action au relevé de suivi. " + AIDE_REUNION)
@click.argument("ref", metavar="REUNION", shell_complete=completer_reunions)
@click.option("--quoi", help="Ce qui doit être fait.")
@click.option(
    "--qui",
    help="Qui s'en charge : identifiant de membre (membres.toml) ou texte libre.",
    shell_complete=completer_membres,
)
@click.option("--echeance", type=DATE, help="Échéance (AAAA-MM-JJ).")
@passer_contexte
def suivi(
    contexte: Contexte, ref: str, quoi: str | None, qui: str | None, echeance: dt.date | None
) -> None:
    from clsm_cli.noyau.reunions import ajouter_suivi, reference, trouver_reunion

    projet = contexte.projet()
    chemin, _ = trouver_reunion(projet, ref)
    quoi = demander(quoi, "--quoi", "Ce qui doit être fait")
    numero, est_membre = ajouter_suivi(projet, ref, quoi, qui, echeance)
    sortie = contexte.sortie
    if qui and not est_membre:
        sortie.avertissement(
            f"« {qui} » n'est pas un identifiant de membre : gardé comme texte libre."
        )
    sortie.donnees(
        {"reunion": reference(chemin), "numero": numero, "quoi": quoi},
        lambda _: sortie.succes(
            f"Suivi n° {numero} ajouté à {reference(chemin)} (clsm suivi fait "
            f"{reference(chemin)} {numero} une fois fait)."
        ),
    )


class GroupePresence(GroupeAvecDefaut):
    defaut = "ajouter"


@reunion.group(
    "presence",
    cls=GroupePresence,
    help="Présents et excusés d'une réunion : « clsm reunion presence REUNION --present … » "
    "ajoute (comme « presence ajouter »), « presence retirer » corrige une erreur.",
)
def presence() -> None:
    pass


@presence.command(
    "ajouter",
    help="Ajouter des présents ou des excusés ; une personne déjà inscrite dans l'autre liste "
    "y est retirée. Les identifiants donnés après REUNION sont des présents (relevés sur la "
    "feuille d'émargement : clsm reunion presence 2026-03-12-copil anne-martin paul-durand). "
    + AIDE_REUNION,
)
@click.argument("ref", metavar="REUNION", shell_complete=completer_reunions)
@click.argument("identifiants", metavar="[ID]...", nargs=-1, shell_complete=completer_membres)
@click.option(
    "--present",
    "presents",
    multiple=True,
    help=f"Présent : {AIDE_PERSONNE}.",
    shell_complete=completer_membres,
)
@click.option(
    "--excuse",
    "excuses",
    multiple=True,
    help=f"Excusé : {AIDE_PERSONNE}.",
    shell_complete=completer_membres,
)
@passer_contexte
def presence_ajouter(
    contexte: Contexte,
    ref: str,
    identifiants: tuple[str, ...],
    presents: tuple[str, ...],
    excuses: tuple[str, ...],
) -> None:
    from clsm_cli.noyau.reunions import ajouter_presences, reference, trouver_reunion

    presents = identifiants + presents
    projet = contexte.projet()
    chemin, _ = trouver_reunion(projet, ref)
    if not presents and not excuses:
        raise ErreurSaisie("Valeur manquante : précisez --present ou --excuse.")
    changes = ajouter_presences(projet, ref, presents, excuses)
    sortie = contexte.sortie

    def rendu(_: Any) -> None:
        if not changes["presents"] and not changes["excuses"]:
            sortie.signaler(f"Aucun changement : {reference(chemin)} était déjà à jour.")
            return
        morceaux = []
        if changes["presents"]:
            morceaux.append(f"{len(changes['presents'])} présent(s)")
        if changes["excuses"]:
            morceaux.append(f"{len(changes['excuses'])} excusé(s)")
        deplaces = (
            f" ({', '.join(changes['deplaces'])} changé(s) de liste)" if changes["deplaces"] else ""
        )
        sortie.succes(f"{reference(chemin)} : {' et '.join(morceaux)} ajouté(s){deplaces}.")

    sortie.donnees({"reunion": reference(chemin), **changes}, rendu)


OPTION_SORTIE = click.option(
    "-o",
    "--sortie",
    type=click.Path(path_type=Path),
    help="Fichier (ou dossier) de sortie ; par défaut dans exports/.",
)


@reunion.command(
    "convocation",
    help="Convocation à une réunion (.docx, ou .md avec --en md) : date, heure, lieu, ordre du "
    "jour, membres convoqués (la composition de l'instance), suivis attendus, signée par la "
    "présidence et la coordination. --courriel écrit aussi un message .eml (agenda .ics joint) "
    "à ouvrir et envoyer depuis sa messagerie : clsm n'envoie rien. " + AIDE_REUNION,
)
@click.argument("ref", metavar="REUNION")
@click.option(
    "--en",
    type=click.Choice(["docx", "md"]),
    default="docx",
    show_default=True,
    help="Format de la lettre.",
)
@click.option(
    "--courriel",
    is_flag=True,
    help="Écrire aussi un courriel .eml adressé aux membres convoqués, avec l'invitation .ics.",
)
@OPTION_SORTIE
@passer_contexte
def convocation(contexte: Contexte, ref: str, en: str, courriel: bool, sortie: Path | None) -> None:
    from clsm_cli.documents.fichiers import pour_affichage
    from clsm_cli.documents.production import ecrire_convocation

    produit = ecrire_convocation(contexte.projet(), ref, en, sortie, courriel)
    s = contexte.sortie
    if courriel and not produit.expediteur:
        s.avertissement(
            "pas d'adresse de la coordination dans clsm.toml : l'expéditeur sera à choisir dans "
            "la messagerie (ou : clsm identite modifier --coordination-courriel ADRESSE)."
        )
    if courriel and produit.sans_courriel:
        s.avertissement(
            f"{len(produit.sans_courriel)} membre(s) convoqué(s) sans adresse électronique, à "
            f"prévenir autrement : {', '.join(produit.sans_courriel)}."
        )

    def rendu(_: Any) -> None:
        quois = ("Convocation écrite", "Courriel écrit")
        for quoi, f in zip(quois, produit.fichiers, strict=False):
            s.succes(f"{quoi} : {pour_affichage(f)}")

    s.donnees(
        {
            "fichiers": [str(f) for f in produit.fichiers],
            "convoques": produit.nombre,
            "sans_courriel": produit.sans_courriel,
        },
        rendu,
    )


@presence.command(
    "retirer",
    help="Retirer une personne inscrite par erreur comme présente ou excusée. " + AIDE_REUNION,
)
@click.argument("ref", metavar="REUNION")
@click.argument("personnes", metavar="PERSONNE…", nargs=-1, required=True)
@passer_contexte
def presence_retirer(contexte: Contexte, ref: str, personnes: tuple[str, ...]) -> None:
    from clsm_cli.noyau.reunions import reference, retirer_presences, trouver_reunion

    projet = contexte.projet()
    chemin, _ = trouver_reunion(projet, ref)
    retires = retirer_presences(projet, ref, personnes)
    sortie = contexte.sortie
    noms = [_nom(projet, p) for liste in retires.values() for p in liste]
    sortie.donnees(
        {"reunion": reference(chemin), **retires},
        lambda _: sortie.succes(f"{reference(chemin)} : retiré(s) : {', '.join(noms)}."),
    )


@reunion.command(
    "emargement",
    help="Feuille d'émargement à imprimer (.docx) : nom, structure, collège et signature des "
    "membres convoqués, par collège. Ensuite : clsm reunion presence REUNION ID… " + AIDE_REUNION,
)
@click.argument("ref", metavar="REUNION")
@OPTION_SORTIE
@passer_contexte
def emargement(contexte: Contexte, ref: str, sortie: Path | None) -> None:
    from clsm_cli.documents.fichiers import pour_affichage
    from clsm_cli.documents.production import ecrire_emargement

    produit = ecrire_emargement(contexte.projet(), ref, sortie)
    s = contexte.sortie
    s.donnees(
        {"fichiers": [str(f) for f in produit.fichiers], "convoques": produit.nombre},
        lambda _: s.succes(
            f"Feuille d'émargement écrite : {pour_affichage(produit.fichiers[0])} "
            f"({produit.nombre} membre(s) convoqué(s))"
        ),
    )


@reunion.command(
    "modifier",
    help="Modifier la date (le fichier est renommé), l'heure, le lieu ou l'ordre du jour "
    "(--ordre-du-jour remplace toute la liste). " + AIDE_REUNION,
)
@click.argument("ref", metavar="REUNION")
@click.option("--date", "jour", type=DATE, help="Nouvelle date (AAAA-MM-JJ).")
@click.option("--heure", help="Heure de début (14:00).")
@click.option("--lieu", help="Lieu de la réunion.")
@click.option(
    "--ordre-du-jour",
    "ordre_du_jour",
    multiple=True,
    metavar="TEXTE",
    help="Point de l'ordre du jour (répétable, dans l'ordre) ; remplace l'ordre du jour.",
)
@click.option(
    "--effacer",
    type=click.Choice(["heure", "lieu", "ordre_du_jour"]),
    multiple=True,
    help="Vider un champ (répétable).",
)
@passer_contexte
def modifier(
    contexte: Contexte,
    ref: str,
    jour: dt.date | None,
    heure: str | None,
    lieu: str | None,
    ordre_du_jour: tuple[str, ...],
    effacer: tuple[str, ...],
) -> None:
    from clsm_cli.noyau.reunions import modifier_reunion, reference, trouver_reunion
    from clsm_cli.noyau.saisie import rien_a_modifier

    champs = {"date": jour, "heure": heure, "lieu": lieu, "ordre_du_jour": list(ordre_du_jour)}
    if not any(champs.values()) and not effacer:
        raise rien_a_modifier("reunion modifier")
    projet = contexte.projet()
    ancien, _ = trouver_reunion(projet, ref)
    chemin, r, change = modifier_reunion(projet, ref, champs, effacer)
    deplace = f" (fichier renommé : {ancien} → {chemin})" if chemin != ancien else ""
    message = (
        f"Réunion {reference(chemin)} modifiée{deplace}."
        if change
        else f"Aucun changement : {reference(chemin)} était déjà à jour."
    )
    sortie = contexte.sortie
    sortie.donnees(_donnees(chemin, r), lambda _: sortie.succes(message))


@reunion.command("retirer", help="Supprimer le fichier d'une réunion. " + AIDE_REUNION)
@click.argument("ref", metavar="REUNION", shell_complete=completer_reunions)
@click.option("--oui", is_flag=True, help="Confirmer sans poser de question.")
@passer_contexte
def retirer(contexte: Contexte, ref: str, oui: bool) -> None:
    from clsm_cli.noyau.reunions import reference, retirer_reunion, trouver_reunion
    from clsm_cli.noyau.textes import date_fr

    projet = contexte.projet()
    chemin, r = trouver_reunion(projet, ref)
    sortie = contexte.sortie
    if not confirmer(
        f"Supprimer la réunion {_libelle(projet, r)} du {date_fr(r.date)} ({chemin}) ?", oui
    ):
        sortie.signaler("Rien n'a été supprimé.")
        return
    retirer_reunion(projet, ref)
    sortie.donnees(
        {"reunion": reference(chemin), "fichier": chemin, "supprime": True},
        lambda _: sortie.succes(f"Réunion supprimée : {chemin}."),
    )
