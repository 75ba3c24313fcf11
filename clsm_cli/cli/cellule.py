"""``clsm cellule``: situations (pseudonymised), séances, masked statistics, purge.

The only command that prints situations is ``clsm cellule situation liste``, to a terminal only
(``--export-brut FICHIER`` writes a 0600 CSV, deliberately); everything else that leaves the
cellule is a masked aggregate over closed categories.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from clsm_cli.cli import GroupeParesseux
from clsm_cli.cli._types import DATE, Choix, completer_membres, completer_situations
from clsm_cli.cli.contexte import Contexte, confirmer, demander, passer_contexte
from clsm_cli.modeles.erreurs import ErreurSaisie

PROBLEMATIQUES = [
    "logement",
    "soins",
    "isolement",
    "troubles_voisinage",
    "addictions",
    "precarite",
    "protection",
    "parentalite",
    "autre",
]
TRANCHES_AGE = ["moins_18", "18_24", "25_39", "40_59", "60_74", "75_plus", "inconnue"]
STATUTS = ["ouverte", "suivie", "close"]
AIDE_CONFIDENTIEL = (
    "Jamais de nom, d'adresse, de téléphone, de courriel, de date de naissance ni de numéro de "
    "sécurité sociale : clsm refuse ces textes. Écrivez un rôle (« le médecin traitant »)."
)


def _consentement(
    forme: str | None, date: dt.date | None, existant: Any = None
) -> dict[str, Any] | None:
    """The ``consentement`` table from the options (None: nothing given)."""
    if forme is None and date is None:
        return None
    if forme is None:
        if existant is None or existant.forme is None:
            raise ErreurSaisie("--date-consentement va avec --consentement ecrit|oral.")
        forme = existant.forme.value
    if date is None and existant is not None:
        date = existant.date
    return {"recueilli": True, "date": date, "forme": forme}


@click.group(
    cls=GroupeParesseux,
    help="Cellule de cas complexes (confidentiel) : situations désignées par un code, "
    "séances, statistiques masquées, purge des situations anciennes.",
)
@passer_contexte
def cellule(contexte: Contexte) -> None:
    from clsm_cli.modeles.erreurs import ErreurClsm
    from clsm_cli.noyau.identite import cellule_declaree_absente

    if any(a in ("--help", "-h") for a in click.get_current_context().args):
        return  # help is always available
    try:
        racine = contexte.racine()
    except ErreurClsm:
        return  # no folder here: the command itself will say so
    if cellule_declaree_absente(racine):
        raise ErreurClsm(
            "Ce CLSM n'a pas de cellule de cas complexes ([cellule] active = false dans "
            "clsm.toml) : réactivez-la avec « clsm identite modifier --avec-cellule »."
        )


# --- situations ----------------------------------------------------------------------------


@cellule.group(
    cls=GroupeParesseux,
    help="Situations examinées par la cellule (code S-AAAA-NNN donné par clsm).",
)
def situation() -> None:
    pass


def _options_situation(f: Any) -> Any:
    options = [
        click.option(
            "--origine",
            help="Origine de la saisine, dans la liste fermée (CCAS, bailleur social, "
            "psychiatrie de secteur… ; clsm.toml [cellule] origines pour en ajouter).",
        ),
        click.option("--tranche-age", type=Choix(TRANCHES_AGE), help="Tranche d'âge."),
        click.option(
            "--commune",
            help="Commune ou quartier de résidence, parmi les communes et QPV de clsm.toml "
            "(jamais l'adresse).",
        ),
        click.option("--qpv/--hors-qpv", default=None, help="Réside dans un quartier prioritaire."),
        click.option(
            "--problematique",
            "problematiques",
            multiple=True,
            type=Choix(PROBLEMATIQUES),
            help="Problématique (répétable ; remplace la liste existante).",
        ),
        click.option(
            "--consentement",
            type=Choix(["ecrit", "oral"]),
            help="Consentement de la personne recueilli, par écrit ou oralement.",
        ),
        click.option("--date-consentement", type=DATE, help="Date du consentement."),
        click.option(
            "--referent",
            help="Identifiant du membre référent (membres.toml).",
            shell_complete=completer_membres,
        ),
        click.option(
            "--precision",
            help="Détail libre pour les membres de la cellule : n'apparaît dans aucun "
            "document, export ni statistique.",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


@situation.command("ajouter", help=f"Enregistrer une nouvelle situation. {AIDE_CONFIDENTIEL}")
@click.option("--date-saisine", type=DATE, help="Date de la saisine (par défaut : aujourd'hui).")
@_options_situation
@passer_contexte
def situation_ajouter(
    contexte: Contexte,
    date_saisine: dt.date | None,
    origine: str | None,
    tranche_age: str | None,
    commune: str | None,
    qpv: bool | None,
    problematiques: tuple[str, ...],
    consentement: str | None,
    date_consentement: dt.date | None,
    referent: str | None,
    precision: str | None,
) -> None:
    from clsm_cli.cellule.categories import vocabulaire
    from clsm_cli.cellule.registre import SITUATIONS, ajouter_situation

    projet = contexte.projet()
    donnees = {
        "date_saisine": date_saisine or projet.aujourdhui(),
        "origine": demander(
            origine, "--origine", "Origine de la saisine", choix=vocabulaire(projet, "origines")
        ),
        "tranche_age": demander(tranche_age, "--tranche-age", "Tranche d'âge", choix=TRANCHES_AGE),
        "commune": demander(
            commune, "--commune", "Commune ou quartier", choix=vocabulaire(projet, "communes")
        ),
        "qpv": bool(qpv),
        "problematiques": list(problematiques)
        or [demander(None, "--problematique", "Problématique", choix=PROBLEMATIQUES)],
        "consentement": _consentement(consentement, date_consentement),
        "referent": demander(referent, "--referent", "Identifiant du membre référent"),
        "statut": "ouverte",
        "precision": precision,
    }
    code = ajouter_situation(projet, {k: v for k, v in donnees.items() if v is not None})
    sortie = contexte.sortie
    if consentement is None:
        sortie.avertissement(
            f"consentement de la personne non renseigné : ajoutez-le avec « clsm cellule "
            f"situation modifier {code} --consentement ecrit|oral »."
        )
    sortie.donnees(
        {"code": code, "fichier": SITUATIONS},
        lambda _: sortie.succes(f"Situation {code} enregistrée ({SITUATIONS})."),
    )


@situation.command("modifier", help=f"Modifier une situation. {AIDE_CONFIDENTIEL}")
@click.argument("code", shell_complete=completer_situations)
@_options_situation
@click.option("--statut", type=Choix(["ouverte", "suivie"]), help="Statut.")
@click.option("--issue", help="Issue ou orientation retenue (un rôle, jamais un nom).")
@passer_contexte
def situation_modifier(
    contexte: Contexte,
    code: str,
    origine: str | None,
    tranche_age: str | None,
    commune: str | None,
    qpv: bool | None,
    problematiques: tuple[str, ...],
    consentement: str | None,
    date_consentement: dt.date | None,
    referent: str | None,
    precision: str | None,
    statut: str | None,
    issue: str | None,
) -> None:
    from clsm_cli.cellule.registre import modifier_situation

    projet = contexte.projet()
    existante = projet.situation(code)
    champs = {
        "origine": origine,
        "tranche_age": tranche_age,
        "commune": commune,
        "qpv": qpv,
        "problematiques": list(problematiques) or None,
        "consentement": _consentement(consentement, date_consentement, existante.consentement),
        "referent": referent,
        "statut": statut,
        "issue": issue,
        "precision": precision,
    }
    modifier_situation(projet, code, {k: v for k, v in champs.items() if v is not None})
    contexte.sortie.succes(f"Situation {code} modifiée.")


@situation.command("clore", help=f"Clore une situation en notant son issue. {AIDE_CONFIDENTIEL}")
@click.argument("code", shell_complete=completer_situations)
@click.option("--issue", help="Issue de la situation (un rôle, une orientation, jamais un nom).")
@click.option(
    "--date", "date_cloture", type=DATE, help="Date de clôture (par défaut : aujourd'hui)."
)
@passer_contexte
def situation_clore(
    contexte: Contexte, code: str, issue: str | None, date_cloture: dt.date | None
) -> None:
    from clsm_cli.cellule.registre import clore_situation

    projet = contexte.projet()
    projet.situation(code)
    issue = demander(issue, "--issue", "Issue de la situation")
    clore_situation(projet, code, issue, date_cloture or projet.aujourdhui())
    contexte.sortie.succes(f"Situation {code} close.")


COLONNES_SITUATIONS = [
    ("code", "Code"),
    ("date_saisine", "Saisine"),
    ("statut", "Statut"),
    ("origine", "Origine"),
    ("tranche_age", "Âge"),
    ("commune", "Commune"),
    ("qpv", "QPV"),
    ("problematiques", "Problématiques"),
    ("consentement", "Consentement"),
    ("referent", "Référent"),
    ("date_cloture", "Clôture"),
    ("issue", "Issue"),
    ("precision", "Précision"),
]
COMPACTES = {"code", "date_saisine", "statut", "tranche_age", "commune", "problematiques"}


@situation.command(
    "liste",
    help="Lister les situations, à l'écran seulement (données brutes confidentielles : ni "
    "JSON, ni CSV, ni redirection). Pour un fichier, --export-brut FICHIER (mode 0600).",
)
@click.option("--statut", type=Choix(STATUTS), help="Seulement ce statut.")
@click.option("--annee", type=int, help="Seulement les saisines de cette année.")
@click.option(
    "--export-brut",
    "export_brut",
    type=click.Path(dir_okay=False),
    help="Écrire les situations brutes (CSV) dans ce fichier, lisible par vous seul (0600) : "
    "il contient des données confidentielles, ne le partagez pas.",
)
@passer_contexte
def situation_liste(
    contexte: Contexte, statut: str | None, annee: int | None, export_brut: str | None
) -> None:
    from pathlib import Path

    from clsm_cli.cellule.registre import exporter_brut, lignes_situations

    projet = contexte.projet()
    sortie = contexte.sortie
    lignes = lignes_situations(projet, [c for c, _ in COLONNES_SITUATIONS], statut, annee)
    if export_brut:
        chemin = exporter_brut(Path(export_brut), [t for _, t in COLONNES_SITUATIONS], lignes)
        sortie.avertissement(
            f"{chemin} contient les situations brutes de la cellule (secret professionnel) : "
            "gardez-le pour vous, supprimez-le après usage."
        )
        sortie.succes(f"{len(lignes)} situation(s) écrite(s) dans {chemin} (mode 0600).")
        return
    if sortie.format != "table" or not _terminal():
        raise ErreurSaisie(
            "Les situations brutes ne s'affichent qu'à l'écran d'un terminal (ni JSON, ni CSV, "
            "ni redirection vers un fichier ou un programme). Pour des chiffres à diffuser : "
            "clsm cellule statistiques ; pour un fichier brut, assumé : --export-brut FICHIER."
        )
    colonnes = [i for i, (c, _) in enumerate(COLONNES_SITUATIONS) if c in COMPACTES]
    sortie.tableau(
        [COLONNES_SITUATIONS[i][1] for i in colonnes],
        [[ligne[i] for i in colonnes] for ligne in lignes],
        titre="Situations de la cellule (confidentiel)",
        vide="Aucune situation.",
    )


def _terminal() -> bool:
    """Raw records go to a person's terminal only (CLSM_TERMINAL=1 for tests)."""
    import os
    import sys

    return os.environ.get("CLSM_TERMINAL") == "1" or sys.stdout.isatty()


# --- séances -------------------------------------------------------------------------------


@cellule.group(cls=GroupeParesseux, help="Séances de la cellule.")
def seance() -> None:
    pass


@seance.command("ajouter", help=f"Enregistrer une séance. {AIDE_CONFIDENTIEL}")
@click.option("--date", "date_seance", type=DATE, help="Date de la séance.")
@click.option(
    "--present",
    "presents",
    multiple=True,
    help="Membre présent (répétable).",
    shell_complete=completer_membres,
)
@click.option(
    "--situation",
    "situations",
    multiple=True,
    help="Situation examinée, CODE ou CODE:orientation, l'orientation étant prise dans la "
    "liste fermée (soins, logement/hébergement, protection juridique, accompagnement social, "
    "veille, clôture, autre ; clsm.toml [cellule] orientations) (répétable).",
    shell_complete=completer_situations,
)
@passer_contexte
def seance_ajouter(
    contexte: Contexte,
    date_seance: dt.date | None,
    presents: tuple[str, ...],
    situations: tuple[str, ...],
) -> None:
    from clsm_cli.cellule.registre import ajouter_seance, lire_examen

    projet = contexte.projet()
    date_seance = demander(date_seance, "--date", "Date de la séance (AAAA-MM-JJ)", type=DATE)
    chemin = ajouter_seance(projet, date_seance, presents, [lire_examen(s) for s in situations])
    contexte.sortie.succes(f"Séance du {date_seance.isoformat()} enregistrée ({chemin}).")


# --- statistiques --------------------------------------------------------------------------


@cellule.command(
    help="Statistiques anonymes de l'année, par catégories fermées (effectifs de 0 à "
    "seuil − 1 affichés « masqué », comme ceux qui permettraient de les retrouver)."
)
@click.argument("annee", type=int, required=False)
@passer_contexte
def statistiques(contexte: Contexte, annee: int | None) -> None:
    from clsm_cli.cellule.statistiques import INDICATEURS, RUBRIQUES
    from clsm_cli.cellule.statistiques import statistiques as calculer

    projet = contexte.projet()
    d = calculer(projet, annee or projet.aujourdhui().year)
    sortie = contexte.sortie
    if sortie.format == "json":
        sortie.json(d)
        return
    lignes = [["Indicateur", INDICATEURS[k], d[k]] for k in INDICATEURS]
    for rubrique, (titre, libelles) in RUBRIQUES.items():
        for cle, valeur in d[rubrique].items():
            lignes.append([titre, (libelles or {}).get(cle, cle), valeur])
    if sortie.format == "csv":
        sortie.tableau(["Rubrique", "Catégorie", "Effectif"], lignes)
        return
    sortie.message(
        f"Cellule de cas complexes — statistiques {d['annee']} (effectifs de 0 à "
        f"{d['seuil_masquage'] - 1} masqués, et ceux qui permettraient de les retrouver)"
        + (" ; situations purgées incluses (archives)" if d["archives_incluses"] else "")
    )
    for titre in ["Indicateur", *(t for t, _ in RUBRIQUES.values())]:
        sortie.tableau(
            ["Catégorie" if titre != "Indicateur" else "Indicateur", "Effectif"],
            [[c, v] for t, c, v in lignes if t == titre],
            titre=None if titre == "Indicateur" else titre,
        )


# --- purge ---------------------------------------------------------------------------------


@cellule.command(
    help="Supprimer les situations closes ou sans activité depuis plus de conservation_mois "
    "(clsm.toml, 24 par défaut), en gardant leurs décomptes anonymes dans cellule/archives.toml."
)
@click.option("--avant", type=DATE, help="Compter la durée de conservation jusqu'à cette date.")
@click.option("--oui", is_flag=True, help="Ne pas demander de confirmation.")
@passer_contexte
def purger(contexte: Contexte, avant: dt.date | None, oui: bool) -> None:
    from clsm_cli.cellule.registre import a_purger
    from clsm_cli.cellule.registre import purger as purger_situations

    projet = contexte.projet()
    sortie = contexte.sortie
    dus = a_purger(projet, avant)
    if not dus:
        sortie.signaler("Aucune situation à purger.")
        return
    sortie.tableau(
        ["Code", "Saisine", "Clôture", "Dernière activité"],
        [[d.code, d.date_saisine, d.date_cloture, d.derniere_activite] for d in dus],
        cles=["code", "date_saisine", "date_cloture", "derniere_activite"],
        titre="Situations dont la durée de conservation est dépassée",
    )
    question = (
        f"Supprimer définitivement ces {len(dus)} situation(s) et leurs mentions dans les séances ?"
    )
    if not confirmer(question, oui):
        sortie.signaler("Purge annulée : rien n'a été modifié.")
        return
    purges = purger_situations(projet, [d.code for d in dus], avant)
    sortie.succes(
        f"{len(purges)} situation(s) purgée(s) ; leurs décomptes anonymes sont conservés dans "
        "cellule/archives.toml."
    )


# --- migration -----------------------------------------------------------------------------


@cellule.command(
    help="Classer les textes libres d'un ancien dossier (origine, commune, orientation) dans "
    "les listes fermées ; l'ancien texte d'une origine ou d'une orientation est gardé dans "
    "« precision », qui ne sort jamais de la cellule."
)
@click.option("--essai", is_flag=True, help="Montrer ce qui changerait, sans rien écrire.")
@click.option(
    "--vers",
    "vers",
    multiple=True,
    metavar="TEXTE=CATEGORIE",
    help="Catégorie d'un texte (répétable).",
)
@click.option(
    "--correspondances",
    type=click.Path(exists=True, dir_okay=False),
    help="Fichier de lignes TEXTE=CATEGORIE (# pour un commentaire).",
)
@passer_contexte
def migrer(
    contexte: Contexte, essai: bool, vers: tuple[str, ...], correspondances: str | None
) -> None:
    from pathlib import Path

    from clsm_cli.cellule.registre import correspondances_a_faire, lire_correspondances
    from clsm_cli.cellule.registre import migrer as appliquer
    from clsm_cli.cli.contexte import interactif

    projet = contexte.projet()
    sortie = contexte.sortie
    lignes = list(vers)
    if correspondances:
        lignes += Path(correspondances).read_text(encoding="utf-8-sig").splitlines()
    donnees = lire_correspondances(lignes)
    a_faire = correspondances_a_faire(
        projet, donnees, _choisir if interactif() and not essai else None
    )
    if not a_faire:
        sortie.message("Rien à classer : tous les textes sont dans les listes fermées.")
        return
    sortie.tableau(
        ["Fichier", "Champ", "Texte", "Catégorie"],
        [[c.fichier, c.champ, c.texte, c.categorie] for c in a_faire],
        titre="Textes classés" + (" (essai : rien n'est écrit)" if essai else ""),
    )
    if essai:
        sortie.message(f"Essai : {len(a_faire)} texte(s) seraient classés ; rien n'a été écrit.")
        return
    n = appliquer(projet, a_faire)
    sortie.succes(f"{n} texte(s) classé(s) dans les listes fermées.")


def _choisir(champ: str, texte: str, liste: list[str]) -> str | None:
    """At a terminal: propose the closest category; o = yes, n = leave it, or a number."""
    from clsm_cli.cellule.categories import proches

    proposition = (proches(texte, liste) or [liste[-1]])[0]
    click.echo(f"\n{champ} : « {texte} »")
    for i, categorie in enumerate(liste, 1):
        click.echo(f"  {i}. {categorie}")
    while True:
        reponse = click.prompt(
            f"Catégorie proposée : « {proposition} » — o (oui), n (laisser) ou numéro",
            default="o",
        ).strip()
        if reponse.lower() in ("o", "oui"):
            return proposition
        if reponse.lower() in ("n", "non"):
            return None
        if reponse.isdigit() and 1 <= int(reponse) <= len(liste):
            return liste[int(reponse) - 1]
        click.echo("Répondez o, n ou un numéro de la liste.")
