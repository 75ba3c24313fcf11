"""The état des lieux of ``clsm national`` as an .xlsx workbook (figures from noyau.national)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clsm_cli.modeles.vocabulaires import (
    LIBELLES_COLLEGE,
    LIBELLES_PROBLEMATIQUE,
    LIBELLES_STATUT_ACTION,
    LIBELLES_TRANCHE_AGE,
    LIBELLES_TYPE_ACTION,
    LIBELLES_TYPE_EVENEMENT,
)
from clsm_cli.noyau.national import CELLULE_ENTIERS, FINANCEURS, INSTANCES, THEMES

if TYPE_CHECKING:
    from clsm_cli.noyau.national import Consolidation


LIBELLES_CELLULE_CLSM = {
    nom: f"Cellule : {libelle.lower()}" for nom, libelle in CELLULE_ENTIERS.items()
}


LIBELLES_LIENS = {
    "diagnostic_recent": "Diagnostic partagé de moins de 5 ans",
    "cls": "Lié à un contrat local de santé (CLS)",
    "ptsm": "Lié à un projet territorial de santé mentale (PTSM)",
}


def classeur(consolidation: Consolidation) -> bytes:
    """The état des lieux as an .xlsx workbook: one sheet per table (text made formula-safe)."""
    from clsm_cli.documents.excel import (
        DECIMAL,
        ENTIER,
        EUROS,
        POURCENT,
        Colonne,
        en_octets,
        feuille,
    )
    from clsm_cli.documents.excel import nouveau_classeur as nouveau

    d = consolidation.en_dict()
    a = consolidation.annee
    wb = nouveau("État des lieux des CLSM")
    tables: set[str] = set()

    def ecrire(nom: str, colonnes: list[Colonne], lignes: list[list[Any]]) -> None:
        feuille(wb, nom, colonnes, lignes, tables=tables)

    def c(entete: str, format_: str | None = ENTIER) -> Colonne:
        return Colonne(entete, format_)

    t, r = d["territoire"], d["resume"]
    synthese = [
        ["Dossiers consolidés", r["dossiers_consolides"]],
        ["Dossiers ignorés", r["dossiers_ignores"]],
        ["Année des chiffres par CLSM", a],
        ["Nombre de CLSM", t["nombre_clsm"]],
        ["Population couverte", t["population_couverte"]],
        ["CLSM sans population renseignée", t["clsm_sans_population"]],
        ["CLSM monocommunaux", t["monocommunaux"]],
        ["CLSM intercommunaux", t["intercommunaux"]],
        ["Communes couvertes", t["communes"]],
        ["CLSM avec au moins un QPV", t["clsm_avec_qpv"]],
        ["QPV couverts", t["qpv_couverts"]],
        ["Membres actifs", d["membres_par_college"]["total"]["total"]],
        ["Actions des plans", d["actions"]["total"]],
        ["Actions touchant un QPV", d["actions"]["qpv"]],
    ]
    ecrire("Synthèse", [c("Indicateur", None), c("Valeur")], synthese)
    ecrire(
        "Membres par collège",
        [
            c("Collège", None),
            c("Total"),
            c("Moyenne par CLSM", DECIMAL),
            c("Minimum"),
            c("Médiane", DECIMAL),
            c("Maximum"),
        ],
        [
            [
                LIBELLES_COLLEGE.get(k, "Total"),
                v["total"],
                v["moyenne"],
                v["min"],
                v["mediane"],
                v["max"],
            ]
            for k, v in d["membres_par_college"].items()
        ],
    )
    ecrire(
        "Instances",
        [
            c("Année", None),
            *(c(v) for v in INSTANCES.values()),
            c("CLSM ayant tenu une plénière"),
            c("CLSM ayant tenu un copil"),
        ],
        [
            [
                annee,
                *(ligne[k] for k in INSTANCES),
                ligne["clsm_avec_pleniere"],
                ligne["clsm_avec_copil"],
            ]
            for annee, ligne in d["instances_par_annee"].items()
        ],
    )
    actions = d["actions"]
    for nom, cle, libelles in (
        ("Actions par type", "par_type", LIBELLES_TYPE_ACTION),
        ("Actions par statut", "par_statut", LIBELLES_STATUT_ACTION),
        ("Actions par thème", "par_theme", THEMES),
    ):
        ecrire(
            nom,
            [c("Catégorie", None), c("Actions")],
            [[libelles[k], n] for k, n in actions[cle].items()],
        )
    ecrire(
        "Réalisations",
        [c("Année", None), c("Réalisations"), c("Participants")],
        [
            [annee, v["realisations"], v["participants"]]
            for annee, v in actions["realisations_par_annee"].items()
        ],
    )
    ecrire(
        "SISM",
        [c("Année", None), c("CLSM participants"), c("Événements"), c("Participants")]
        + [c("Événements en QPV")]
        + [c(libelle) for libelle in LIBELLES_TYPE_EVENEMENT.values()],
        [
            [annee, s["clsm_participants"], s["evenements"], s["participants"]]
            + [s["evenements_en_qpv"]]
            + [s["types"][k] for k in LIBELLES_TYPE_EVENEMENT]
            for annee, s in d["sism_par_annee"].items()
        ],
    )
    cellule = d["cellule_par_annee"]
    ecrire(
        "Cellule",
        [c("Année", None), c("CLSM avec activité")]
        + [c(v) for v in CELLULE_ENTIERS.values()]
        + [c("Situations en QPV")],
        [
            [annee, ligne["clsm_avec_activite"], *(ligne[k] for k in CELLULE_ENTIERS), ligne["qpv"]]
            for annee, ligne in cellule.items()
        ],
    )
    for nom, serie, libelles in (
        ("Cellule problématiques", "problematiques", LIBELLES_PROBLEMATIQUE),
        ("Cellule âges", "tranches_age", LIBELLES_TRANCHE_AGE),
    ):
        ecrire(
            nom,
            [c("Année", None), *(c(v) for v in libelles.values())],
            [[annee, *(ligne[serie][k] for k in libelles)] for annee, ligne in cellule.items()],
        )
    ecrire(
        "Financements",
        [
            c("Année", None),
            *(c(v, EUROS) for v in FINANCEURS.values()),
            c("Total", EUROS),
            c("CLSM financés"),
        ],
        [
            [annee, *(ligne[k] for k in FINANCEURS), ligne["total"], ligne["clsm_finances"]]
            for annee, ligne in d["financements_par_annee"].items()
        ],
    )
    liens = d["diagnostic_et_liens"]
    ecrire(
        "Diagnostic et liens",
        [c("Indicateur", None), c("CLSM"), c("Part des CLSM", POURCENT)],
        [
            [libelle, liens[f"clsm_{cle}"], liens[f"part_{cle}"]]
            for cle, libelle in LIBELLES_LIENS.items()
        ],
    )
    colonnes_clsm = [c(entete, format_) for entete, format_ in _colonnes_clsm(a)]
    ecrire(
        "CLSM",
        colonnes_clsm,
        [
            [("oui" if v else "non") if k in ("cls", "ptsm") else v for k, v in ligne.items()]
            for ligne in d["clsm"]
        ],
    )
    ecrire(
        "Dossiers ignorés",
        [c("Dossier", None), c("Problème", None)],
        [[i["dossier"], p] for i in d["ignores"] for p in i["problemes"]],
    )
    return en_octets(wb)


def _colonnes_clsm(a: int) -> list[tuple[str, str | None]]:
    """Headers of the per-CLSM sheet, in the order of :meth:`Consolidation._par_clsm`."""
    from clsm_cli.documents.excel import ENTIER, EUROS

    return [
        ("Dossier", None),
        ("CLSM", None),
        ("Territoire", None),
        ("Communes", ENTIER),
        ("Intercommunal", None),
        ("Population", ENTIER),
        ("QPV", ENTIER),
        ("Membres actifs", ENTIER),
        (f"Copil {a}", ENTIER),
        (f"Plénières {a}", ENTIER),
        (f"Groupes de travail {a}", ENTIER),
        ("Actions", ENTIER),
        (f"Réalisations {a}", ENTIER),
        (f"Événements SISM {a}", ENTIER),
        (f"Participants SISM {a}", ENTIER),
        *((f"{LIBELLES_CELLULE_CLSM[k]} {a}", ENTIER) for k in CELLULE_ENTIERS),
        (f"Financements {a}", EUROS),
        ("Dernier diagnostic", None),
        ("Lié à un CLS", None),
        ("Lié à un PTSM", None),
        ("Seuil de masquage", ENTIER),
    ]
