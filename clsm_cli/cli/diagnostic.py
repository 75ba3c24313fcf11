"""``clsm diagnostic``: the diagnostics partagés and their priorities (diagnostic.toml)."""

from __future__ import annotations

from typing import Any

import click

from clsm_cli.cli import GroupeParesseux
from clsm_cli.cli.contexte import Contexte, confirmer, demander, passer_contexte
from clsm_cli.cli.membres import afficher_fiche
from clsm_cli.modeles.erreurs import ErreurSaisie

EFFACABLES = ["intitule", "realise_par", "methode", "sources", "constats"]
AIDE_DATE = "Date du diagnostic : AAAA, AAAA-MM ou AAAA-MM-JJ (par exemple 2018)."


@click.group(
    cls=GroupeParesseux,
    help="Diagnostics partagés du territoire et priorités retenues (diagnostic.toml).",
)
def diagnostic() -> None:
    pass


def _donnees(objet: Any) -> Any:
    from clsm_cli.stockage.ecriture import en_donnees

    return en_donnees(objet)


@diagnostic.command("liste", help="Lister les diagnostics, du plus ancien au plus récent.")
@passer_contexte
def liste(contexte: Contexte) -> None:
    from clsm_cli.noyau.diagnostic import diagnostics_tries
    from clsm_cli.noyau.textes import date_fr

    sortie = contexte.sortie
    brut = sortie.format != "table"
    diagnostics = diagnostics_tries(contexte.projet())
    sortie.tableau(
        ["Identifiant", "Date", "Réalisé par", "Méthode", "Priorités"],
        [
            [
                d.id,
                d.date.isoformat() if brut else date_fr(d.date),
                d.realise_par,
                list(d.methode) if brut else ", ".join(d.methode),
                [p.id for p in d.priorite] if brut else len(d.priorite),
            ]
            for d in diagnostics
        ],
        cles=["id", "date", "realise_par", "methode", "priorites"],
        titre=f"Diagnostics ({len(diagnostics)})",
        vide="Aucun diagnostic : ajoutez-en un avec « clsm diagnostic ajouter --date … ».",
    )


@diagnostic.command(
    "voir", help="Afficher un diagnostic (par défaut le plus récent) : constats et priorités."
)
@click.argument("ident", metavar="[ID]", required=False)
@passer_contexte
def voir(contexte: Contexte, ident: str | None) -> None:
    from clsm_cli.noyau.diagnostic import fiche_diagnostic, trouver_diagnostic
    from clsm_cli.noyau.historique import dernier_diagnostic

    projet = contexte.projet()
    d = trouver_diagnostic(projet, ident) if ident else dernier_diagnostic(projet)
    if d is None:
        raise ErreurSaisie(
            "Aucun diagnostic : ajoutez-en un avec « clsm diagnostic ajouter --date … »."
        )
    titre = f"Diagnostic « {d.intitule} »" if d.intitule else f"Diagnostic « {d.id} »"
    afficher_fiche(contexte, titre, fiche_diagnostic(projet, d), _donnees(d))


def _options(commande: Any) -> Any:
    options = [
        click.option("--date", "date_", metavar="AAAA[-MM[-JJ]]", help=AIDE_DATE),
        click.option("--intitule", help="Intitulé (par exemple « Diagnostic santé mentale »)."),
        click.option(
            "--realise-par",
            help="Structure qui l'a réalisé (par exemple « ORS Centre-Val de Loire »), ou "
            "« en interne ».",
        ),
        click.option(
            "--methode",
            "methodes",
            multiple=True,
            help="Méthode (questionnaire, entretiens, données, ateliers…) ; répétable.",
        ),
        click.option("--source", "sources", multiple=True, help="Source utilisée ; répétable."),
        click.option(
            "--constat", "constats", multiple=True, help="Constat (texte court) ; répétable."
        ),
    ]
    for option in reversed(options):
        commande = option(commande)
    return commande


def _champs(options: dict[str, Any]) -> dict[str, Any]:
    from clsm_cli.noyau.diagnostic import en_date_imprecise

    return {
        "date": en_date_imprecise(options["date_"], "--date"),
        "intitule": options["intitule"],
        "realise_par": options["realise_par"],
        "methode": list(options["methodes"]) or None,
        "sources": list(options["sources"]) or None,
        "constats": list(options["constats"]) or None,
    }


@diagnostic.command(
    "ajouter",
    help="Ajouter un diagnostic (identifiant tiré de l'année : diagnostic-2018), avec ses "
    "priorités (--priorite, répétable).",
)
@click.option("--id", "ident", help="Identifiant voulu (lettres minuscules, chiffres, -).")
@_options
@click.option(
    "--priorite",
    "priorites",
    multiple=True,
    metavar="LIBELLÉ",
    help="Priorité retenue (son identifiant est tiré du libellé) ; répétable.",
)
@passer_contexte
def ajouter(
    contexte: Contexte, ident: str | None, priorites: tuple[str, ...], **options: Any
) -> None:
    from clsm_cli.noyau.diagnostic import ajouter_diagnostic
    from clsm_cli.noyau.textes import date_fr

    projet = contexte.projet()
    options["date_"] = demander(options["date_"], "--date", "Date du diagnostic (AAAA)")
    d = ajouter_diagnostic(projet, {"id": ident, **_champs(options)}, priorites)
    sortie = contexte.sortie
    par = f" par {d.realise_par}" if d.realise_par else ""
    sortie.donnees(
        _donnees(d),
        lambda _: sortie.succes(
            f"Diagnostic ajouté : {date_fr(d.date)}{par} — identifiant « {d.id} », "
            f"{len(d.priorite)} priorité(s)."
        ),
    )


@diagnostic.command(
    "modifier",
    help="Modifier un diagnostic (son identifiant ne change pas). Une option répétable "
    "(--methode, --source, --constat) remplace toute la liste.",
)
@click.argument("ident", metavar="ID")
@_options
@click.option(
    "--effacer",
    type=click.Choice(EFFACABLES),
    multiple=True,
    help="Vider un champ (répétable), par exemple --effacer constats.",
)
@passer_contexte
def modifier(contexte: Contexte, ident: str, effacer: tuple[str, ...], **options: Any) -> None:
    from clsm_cli.noyau.diagnostic import (
        OPTIONS_DIAGNOSTIC,
        modifier_diagnostic,
        trouver_diagnostic,
    )
    from clsm_cli.noyau.saisie import rien_a_modifier

    projet = contexte.projet()
    trouver_diagnostic(projet, ident)
    champs = _champs(options)
    if all(v is None for v in champs.values()) and not effacer:
        raise rien_a_modifier("diagnostic modifier")
    for champ in effacer:
        if champs.get(champ) is not None:
            raise ErreurSaisie(f"{OPTIONS_DIAGNOSTIC[champ]} et --effacer {champ} : choisissez.")
    d, change = modifier_diagnostic(projet, ident, champs, effacer)
    message = (
        f"Diagnostic modifié : « {ident} »."
        if change
        else f"Aucun changement : « {ident} » était déjà à jour."
    )
    sortie = contexte.sortie
    sortie.donnees(_donnees(d), lambda _: sortie.succes(message))


@diagnostic.command(
    "retirer",
    help="Retirer un diagnostic et ses priorités (refusé tant qu'un axe du plan répond à "
    "l'une d'elles).",
)
@click.argument("ident", metavar="ID")
@click.option("--oui", is_flag=True, help="Confirmer sans poser de question.")
@passer_contexte
def retirer(contexte: Contexte, ident: str, oui: bool) -> None:
    from clsm_cli.noyau.diagnostic import refuser_si_cite, retirer_diagnostic, trouver_diagnostic

    projet = contexte.projet()
    d = trouver_diagnostic(projet, ident)
    refuser_si_cite(projet, [p.id for p in d.priorite], f"Le diagnostic « {ident} » est utilisé")
    sortie = contexte.sortie
    n = len(d.priorite)
    detail = f" et ses {n} priorité(s)" if n else ""
    if not confirmer(f"Retirer le diagnostic « {ident} »{detail} ?", oui):
        sortie.message("Rien n'a été retiré.")
        return
    retirer_diagnostic(projet, ident)
    sortie.donnees(
        {"id": ident, "retire": True}, lambda _: sortie.succes(f"Diagnostic « {ident} » retiré.")
    )


# --- priorities ------------------------------------------------------------------------------


@diagnostic.group("priorite", help="Priorités retenues à partir d'un diagnostic.")
def priorite() -> None:
    pass


@priorite.command("ajouter", help="Ajouter une priorité à un diagnostic.")
@click.argument("diagnostic_id", metavar="DIAGNOSTIC")
@click.option("--libelle", help="Libellé de la priorité.")
@click.option(
    "--id", "ident", help="Identifiant voulu (par défaut : tiré des premiers mots du libellé)."
)
@passer_contexte
def priorite_ajouter(
    contexte: Contexte, diagnostic_id: str, libelle: str | None, ident: str | None
) -> None:
    from clsm_cli.noyau.diagnostic import ajouter_priorite, trouver_diagnostic

    projet = contexte.projet()
    trouver_diagnostic(projet, diagnostic_id)
    libelle = demander(libelle, "--libelle", "Libellé de la priorité")
    p = ajouter_priorite(projet, diagnostic_id, libelle, ident)
    sortie = contexte.sortie
    sortie.donnees(
        {"diagnostic": diagnostic_id, **_donnees(p)},
        lambda _: sortie.succes(f"Priorité ajoutée : « {p.libelle} » — identifiant « {p.id} »."),
    )


@priorite.command("modifier", help="Changer le libellé d'une priorité (son identifiant reste).")
@click.argument("ident", metavar="ID")
@click.option("--libelle", help="Nouveau libellé.")
@passer_contexte
def priorite_modifier(contexte: Contexte, ident: str, libelle: str | None) -> None:
    from clsm_cli.noyau.diagnostic import modifier_priorite, trouver_priorite

    projet = contexte.projet()
    trouver_priorite(projet, ident)
    libelle = demander(libelle, "--libelle", "Nouveau libellé de la priorité")
    p, change = modifier_priorite(projet, ident, libelle)
    message = (
        f"Priorité « {ident} » : « {p.libelle} »."
        if change
        else f"Aucun changement : « {ident} » était déjà à jour."
    )
    sortie = contexte.sortie
    sortie.donnees(_donnees(p), lambda _: sortie.succes(message))


@priorite.command("retirer", help="Retirer une priorité (refusé tant qu'un axe du plan y répond).")
@click.argument("ident", metavar="ID")
@click.option("--oui", is_flag=True, help="Confirmer sans poser de question.")
@passer_contexte
def priorite_retirer(contexte: Contexte, ident: str, oui: bool) -> None:
    from clsm_cli.noyau.diagnostic import refuser_si_cite, retirer_priorite, trouver_priorite

    projet = contexte.projet()
    p = trouver_priorite(projet, ident)
    refuser_si_cite(projet, [ident], f"La priorité « {ident} » est utilisée")
    sortie = contexte.sortie
    if not confirmer(f"Retirer la priorité « {p.libelle} » ({ident}) ?", oui):
        sortie.message("Rien n'a été retiré.")
        return
    retirer_priorite(projet, ident)
    sortie.donnees(
        {"id": ident, "retire": True}, lambda _: sortie.succes(f"Priorité « {ident} » retirée.")
    )
