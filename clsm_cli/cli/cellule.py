"""``clsm cellule``: situations (pseudonymised), séances, masked statistics, purge.

The only command that prints situations is ``clsm cellule situation liste`` (codes and fields);
everything else that leaves the cellule is a masked aggregate.
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
            help="Profession ou service à l'origine de la saisine, jamais un nom "
            "(ex. : « assistante sociale du CCAS »).",
        ),
        click.option("--tranche-age", type=Choix(TRANCHES_AGE), help="Tranche d'âge."),
        click.option("--commune", help="Commune de résidence (jamais l'adresse)."),
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
) -> None:
    from clsm_cli.cellule.registre import SITUATIONS, ajouter_situation

    projet = contexte.projet()
    donnees = {
        "date_saisine": date_saisine or projet.aujourdhui(),
        "origine": demander(origine, "--origine", "Origine de la saisine (profession)"),
        "tranche_age": demander(tranche_age, "--tranche-age", "Tranche d'âge", choix=TRANCHES_AGE),
        "commune": demander(commune, "--commune", "Commune"),
        "qpv": bool(qpv),
        "problematiques": list(problematiques)
        or [demander(None, "--problematique", "Problématique", choix=PROBLEMATIQUES)],
        "consentement": _consentement(consentement, date_consentement),
        "referent": demander(referent, "--referent", "Identifiant du membre référent"),
        "statut": "ouverte",
    }
    code = ajouter_situation(projet, donnees)
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
]
COMPACTES = {"code", "date_saisine", "statut", "tranche_age", "commune", "problematiques"}


@situation.command(
    "liste",
    help="Lister les situations (codes et champs seulement). Seule commande qui montre des "
    "situations : gardez sa sortie dans la cellule.",
)
@click.option("--statut", type=Choix(STATUTS), help="Seulement ce statut.")
@click.option("--annee", type=int, help="Seulement les saisines de cette année.")
@passer_contexte
def situation_liste(contexte: Contexte, statut: str | None, annee: int | None) -> None:
    projet = contexte.projet()
    lignes = []
    for s in sorted(projet.situations, key=lambda s: (s.date_saisine, s.code)):
        if (statut and s.statut.value != statut) or (annee and s.date_saisine.year != annee):
            continue
        c = s.consentement
        consentement = (
            None
            if c is None
            else " ".join(
                x
                for x in (
                    (c.forme.value if c.forme else "oui") if c.recueilli else "non",
                    c.date.isoformat() if c.date else None,
                )
                if x
            )
        )
        valeurs = {
            **s.model_dump(mode="json"),
            "problematiques": [p.value for p in s.problematiques],
            "consentement": consentement,
        }
        lignes.append([valeurs.get(cle) for cle, _ in COLONNES_SITUATIONS])
    sortie = contexte.sortie
    colonnes = list(range(len(COLONNES_SITUATIONS)))
    if sortie.format == "table":  # a terminal is narrow: the main fields only
        colonnes = [i for i, (c, _) in enumerate(COLONNES_SITUATIONS) if c in COMPACTES]
    sortie.tableau(
        [COLONNES_SITUATIONS[i][1] for i in colonnes],
        [[ligne[i] for i in colonnes] for ligne in lignes],
        cles=[COLONNES_SITUATIONS[i][0] for i in colonnes],
        titre="Situations de la cellule (confidentiel)",
        vide="Aucune situation.",
    )


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
    help="Situation examinée, CODE ou CODE:orientation (répétable).",
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
    help="Statistiques anonymes de l'année (effectifs de 1 à seuil − 1 masqués « < 11 »)."
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
        f"Cellule de cas complexes — statistiques {d['annee']} (effectifs de 1 à "
        f"{d['seuil_masquage'] - 1} masqués)"
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
