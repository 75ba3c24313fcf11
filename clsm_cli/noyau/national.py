"""``clsm national``: consolidate many CLSM folders into the indicators of an état des lieux.

Each folder is loaded on its own (in a worker process when there are many folders and more
than one core) and reduced to a :class:`Resume`: counts only. No member name, identifier,
situation code or free text of the cellule ever leaves a folder; the CLSM's name, territory and
its number of communes do, as they are public. Cellule figures leave a
folder already masked, exactly as its own bilan and statistiques publish them
(:func:`clsm_cli.cellule.statistiques.publies`); a consolidated figure is the sum of those
published figures (:func:`clsm_cli.cellule.masquage.somme_publiee`): « 37 » when no part is
masked, « ≥ 37 (2 parts masquées) » otherwise. It is computed from what anyone can read, so a
national table, with or without a CLSM, tells nothing its bilans did not.

A folder that cannot be loaded is skipped and reported (file, line, field and the kind of
problem, never the offending value, which could be personal data); the others are consolidated.
"""

from __future__ import annotations

import os
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clsm_cli.cellule.masquage import SEUIL_PAR_DEFAUT, afficher, somme_publiee
from clsm_cli.modeles.problemes import CODES
from clsm_cli.modeles.vocabulaires import (
    LIBELLES_COLLEGE,
    LIBELLES_PROBLEMATIQUE,
    LIBELLES_STATUT_ACTION,
    LIBELLES_TRANCHE_AGE,
    LIBELLES_TYPE_ACTION,
    LIBELLES_TYPE_EVENEMENT,
)
from clsm_cli.stockage import dossier as D
from clsm_cli.stockage import systeme

if TYPE_CHECKING:
    from clsm_cli.modeles.problemes import Probleme
    from clsm_cli.noyau.projet import Projet

SEUIL_NATIONAL = SEUIL_PAR_DEFAUT
"""Masking threshold of consolidated cellule figures."""

PARALLELE_A_PARTIR_DE = 5
"""Below this many folders, a process pool costs more than it saves."""

INSTANCES = {
    "copil": "Comités de pilotage",
    "pleniere": "Assemblées plénières",
    "groupes": "Groupes de travail",
    "comite_technique": "Comités techniques",
    "autre": "Autres réunions",
}

FINANCEURS = {
    "ars": "ARS",
    "communes_epci": "Communes et intercommunalités",
    "departement": "Département",
    "etat_politique_ville": "État et politique de la ville",
    "autre": "Autres financeurs",
}
_MOTS_FINANCEURS: list[tuple[str, tuple[str, ...]]] = [
    ("ars", ("=ars", "agence regionale de sante")),
    (
        "etat_politique_ville",
        (
            "politique de la ville",
            "contrat de ville",
            "prefecture",
            "prefet",
            "=etat",
            "=anct",
            "=cget",
            "ddets",
            "dreets",
            "=ddcs",
            "=fipd",
            "mildeca",
            "drjscs",
        ),
    ),
    ("departement", ("departement", "conseil general", "collectivite europeenne")),
    (
        "communes_epci",
        (
            "ville",
            "commune",
            "communal",
            "communaute",
            "mairie",
            "=ccas",
            "agglomeration",
            "metropole",
            "eurometropole",
            "=epci",
            "intercommunal",
            "etablissement public territorial",
        ),
    ),
]
"""Cues of each kind of funder, tried in order: a cue matches at the start of a word (``=``:
the whole word), accents and case ignored."""

THEMES = {
    "jeunesse": "Jeunesse",
    "aidants_familles": "Aidants et familles",
    "formation": "Formation des acteurs",
    "inclusion_logement": "Inclusion sociale et logement",
    "soins_parcours": "Accès aux soins, parcours et aller-vers",
    "coordination": "Coordination et situations complexes",
    "promotion": "Promotion de la santé mentale et déstigmatisation",
    "autre": "Autres thèmes",
}
_MOTS_THEMES: list[tuple[str, tuple[str, ...]]] = [
    (
        "jeunesse",
        ("jeune", "enfan", "adolescen", "=ado", "etudian", "scolaire", "ecole", "college"),
    ),
    ("aidants_familles", ("aidant", "famill", "parentalit", "proches")),
    ("formation", ("form", "competence")),
    (
        "inclusion_logement",
        ("logement", "habitat", "inclusi", "insertion", "emploi", "citoyen", "isolement"),
    ),
    ("soins_parcours", ("soin", "acces", "parcours", "continuite", "aller-vers", "aller vers")),
    (
        "coordination",
        ("coordin", "coordon", "situations complexes", "partenari", "reseau", "concertation"),
    ),
    (
        "promotion",
        ("promo", "preven", "stigmat", "destigmat", "information", "sensibilis", "bien-etre"),
    ),
]

CELLULE_ENTIERS = {
    "situations_ouvertes": "Situations ouvertes (saisines)",
    "situations_closes": "Situations closes",
    "situations_examinees": "Situations examinées",
    "seances": "Séances",
    "examens": "Examens de situation",
}


def _sans_accents(texte: str) -> str:
    decompose = unicodedata.normalize("NFD", texte.casefold())
    return "".join(c for c in decompose if not unicodedata.combining(c))


def _classer(texte: str, regles: list[tuple[str, tuple[str, ...]]]) -> str:
    mots = " " + "".join(c if c.isalnum() or c == "-" else " " for c in _sans_accents(texte))
    mots += " "
    for cle, indices in regles:
        for indice in indices:
            if indice.startswith("="):
                if f" {indice[1:]} " in mots:
                    return cle
            elif f" {indice}" in mots:
                return cle
    return "autre"


def type_de_financeur(financeur: str) -> str:
    """Kind of funder of a free text: ars, communes_epci, departement, etat_politique_ville,
    autre (« ARS Grand Est » → ars, « Préfecture — politique de la ville » → État)."""
    return _classer(financeur, _MOTS_FINANCEURS)


def theme_d_axe(intitule: str) -> str:
    """Theme of an action plan axis from its title (keywords), one of :data:`THEMES`."""
    return _classer(intitule, _MOTS_THEMES)


# --- what leaves a folder ----------------------------------------------------------------


@dataclass
class Resume:
    """Aggregates of one CLSM: counts only, nothing that names a person or a situation."""

    dossier: str
    nom: str
    territoire: str
    communes: int
    population: int | None
    qpv: int
    seuil: int
    membres: dict[str, int]
    instances: dict[int, dict[str, int]]
    actions_par_type: dict[str, int]
    actions_par_statut: dict[str, int]
    actions_par_theme: dict[str, int]
    actions_qpv: int
    realisations: dict[int, tuple[int, int]]
    sism: dict[int, dict[str, Any]]
    cellule: dict[int, dict[str, int | None]]
    """Published (masked) cellule figures by year, flat (``tranches_age:25_39``)."""
    financements: dict[int, dict[str, float]]
    diagnostic: int | None = None
    """Year of the latest diagnostic partagé (made by today), if any."""
    diagnostic_recent: bool = False
    """Latest diagnostic made less than five years before today."""
    cls: bool = False
    ptsm: bool = False

    @property
    def intercommunal(self) -> bool:
        return self.communes > 1


@dataclass
class Ignore:
    """A folder that could not be consolidated, and why (no value from its files)."""

    dossier: str
    problemes: list[str]


def decrire_probleme(p: Probleme) -> str:
    """``membres.toml:12: college: Valeur hors du vocabulaire autorisé (E103)`` — the kind of
    problem, never the message, which may quote a value (a name typed in the wrong field)."""
    lieu = f"{p.fichier}:{p.ligne}" if p.ligne else p.fichier
    champ = f" {p.champ}:" if p.champ else ""
    return f"{lieu}:{champ} {CODES.get(p.code, 'Problème')} ({p.code})"


def resumer(projet: Projet, dossier: str | None = None) -> Resume:
    """The aggregates of one loaded folder."""
    from clsm_cli.cellule.statistiques import publies

    jour = projet.aujourdhui()
    identite = projet.identite
    membres = Counter(m.college.value for m in projet.membres if m.actif(jour))

    instances: dict[int, Counter[str]] = {}
    for reunion in projet.reunions.values():
        if reunion.date > jour:
            continue  # planned, not held
        genre = reunion.instance
        if genre.startswith("groupe:"):
            genre = "groupes"
        elif genre not in INSTANCES:
            genre = "autre"
        instances.setdefault(reunion.date.year, Counter())[genre] += 1

    themes_axes = {a.id: theme_d_axe(a.intitule) for a in projet.plan.axe}
    realisations: dict[int, list[int]] = {}
    for action in projet.actions:
        for r in action.realisation:
            ligne = realisations.setdefault(r.date.year, [0, 0])
            ligne[0] += 1
            ligne[1] += r.participants or 0

    sism: dict[int, dict[str, Any]] = {}
    for s in projet.sism.values():
        chiffres_sism = s.chiffres()
        sism[s.annee] = {
            "evenements": chiffres_sism["evenements"],
            "participants": chiffres_sism["participants"],
            "qpv": sum(1 for e in s.evenement if e.qpv),
            "types": dict(Counter(e.type.value for e in s.evenement)),
        }

    annees_cellule = {s.date_saisine.year for s in projet.situations}
    annees_cellule |= {s.date_cloture.year for s in projet.situations if s.date_cloture}
    annees_cellule |= {s.date.year for s in projet.seances.values()}
    annees_cellule |= {a.annee for a in projet.archives.annee}
    cellule = {annee: publies(projet, annee) for annee in sorted(annees_cellule)}

    financements: dict[int, dict[str, float]] = {}
    for f in identite.financement if identite else []:
        par_type = financements.setdefault(f.annee, {})
        genre = type_de_financeur(f.financeur)
        par_type[genre] = par_type.get(genre, 0.0) + f.montant

    from clsm_cli.noyau.historique import dernier_diagnostic, diagnostic_recent, liens

    dernier = dernier_diagnostic(projet, jour)
    lien = liens(projet)
    return Resume(
        diagnostic=dernier.date.year if dernier else None,
        diagnostic_recent=diagnostic_recent(projet, jour),
        cls=lien.cls,
        ptsm=lien.ptsm,
        dossier=dossier or projet.racine.name,
        nom=projet.nom,
        territoire=identite.territoire if identite else "",
        communes=len(identite.communes) if identite else 0,
        population=identite.population if identite else None,
        qpv=len(identite.qpv) if identite else 0,
        seuil=identite.cellule.seuil_masquage if identite else SEUIL_PAR_DEFAUT,
        membres=dict(membres),
        instances={a: dict(c) for a, c in sorted(instances.items())},
        actions_par_type=dict(Counter(a.type.value for a in projet.actions)),
        actions_par_statut=dict(Counter(a.statut.value for a in projet.actions)),
        actions_par_theme=dict(Counter(themes_axes.get(a.axe, "autre") for a in projet.actions)),
        actions_qpv=sum(1 for a in projet.actions if a.touche_qpv),
        realisations={a: (n, p) for a, (n, p) in sorted(realisations.items())},
        sism=dict(sorted(sism.items())),
        cellule=cellule,
        financements=dict(sorted(financements.items())),
    )


def resumer_dossier(chemin: str) -> Resume | Ignore:
    """Load one folder and reduce it (runs in a worker process): a Resume, or why not."""
    from clsm_cli.modeles.erreurs import DossierIntrouvable, ErreurChargement
    from clsm_cli.noyau.projet import Projet

    try:
        projet = Projet.ouvrir(chemin)
    except ErreurChargement as exc:
        erreurs = [decrire_probleme(p) for p in exc.problemes if p.est_erreur]
        return Ignore(chemin, erreurs or [str(exc)])
    except DossierIntrouvable:
        if not Path(chemin).is_dir():
            return Ignore(chemin, ["dossier introuvable"])
        return Ignore(chemin, ["pas de clsm.toml : ce n'est pas un dossier clsm"])
    except OSError as exc:
        return Ignore(chemin, [f"lecture impossible ({exc.strerror or exc})"])
    try:
        return resumer(projet, chemin)
    except Exception as exc:  # one odd folder must not abort a national run
        return Ignore(chemin, [f"erreur inattendue pendant le calcul ({type(exc).__name__})"])


# --- finding folders -----------------------------------------------------------------------


def trouver_dossiers(chemins: Iterable[Path | str], recursif: bool = False) -> list[str]:
    """The clsm folders to consolidate, sorted, without duplicates.

    Without ``recursif`` each path is taken as a clsm folder (a wrong one is reported by
    :func:`consolider`); with it, every folder holding a clsm.toml under each path is found (a
    clsm folder's own sub-folders are not searched).
    """
    trouves: set[str] = set()
    for chemin in chemins:
        racine = Path(chemin)
        if not recursif or (racine / D.FICHIER_IDENTITE).is_file():
            trouves.add(str(racine))
            continue
        for dossier, sous_dossiers, fichiers in os.walk(racine):
            if D.FICHIER_IDENTITE in fichiers:
                trouves.add(dossier)
                sous_dossiers.clear()
            else:
                sous_dossiers[:] = sorted(d for d in sous_dossiers if not d.startswith("."))
    return sorted(trouves)


# --- consolidation -------------------------------------------------------------------------


@dataclass
class Consolidation:
    """The CLSM consolidated, the folders ignored, and the indicators (see :meth:`en_dict`)."""

    annee: int
    resumes: list[Resume] = field(default_factory=list)
    ignores: list[Ignore] = field(default_factory=list)

    @property
    def resume_texte(self) -> str:
        n, m = len(self.resumes), len(self.ignores)
        return f"{n} dossier{'s' if n > 1 else ''} consolidé{'s' if n > 1 else ''}, {m} ignoré" + (
            "s" if m > 1 else ""
        )

    def en_dict(self) -> dict[str, Any]:
        """Every indicator, JSON-ready (a cellule figure with masked parts is the text
        « ≥ N (k parts masquées) »; a CLSM's masked figure is « masqué »)."""
        return {
            "resume": {
                "dossiers_consolides": len(self.resumes),
                "dossiers_ignores": len(self.ignores),
                "annee": self.annee,
                "texte": self.resume_texte,
            },
            "ignores": [{"dossier": i.dossier, "problemes": i.problemes} for i in self.ignores],
            "territoire": self._territoire(),
            "membres_par_college": self._membres(),
            "instances_par_annee": self._instances(),
            "actions": self._actions(),
            "sism_par_annee": self._sism(),
            "cellule_par_annee": self._cellule(),
            "financements_par_annee": self._financements(),
            "diagnostic_et_liens": self._diagnostic_et_liens(),
            "clsm": self._par_clsm(),
        }

    # indicators ------------------------------------------------------------------------
    def _territoire(self) -> dict[str, Any]:
        r = self.resumes
        populations = [x.population for x in r if x.population is not None]
        return {
            "nombre_clsm": len(r),
            "population_couverte": sum(populations),
            "clsm_sans_population": len(r) - len(populations),
            "monocommunaux": sum(1 for x in r if not x.intercommunal),
            "intercommunaux": sum(1 for x in r if x.intercommunal),
            "communes": sum(x.communes for x in r),
            "clsm_avec_qpv": sum(1 for x in r if x.qpv),
            "qpv_couverts": sum(x.qpv for x in r),
        }

    def _diagnostic_et_liens(self) -> dict[str, int | float | None]:
        """How many CLSM (and what share) have a diagnostic less than five years old, and are
        linked to a CLS or to a PTSM."""
        n = len(self.resumes)
        comptes = {
            "diagnostic_recent": sum(1 for x in self.resumes if x.diagnostic_recent),
            "cls": sum(1 for x in self.resumes if x.cls),
            "ptsm": sum(1 for x in self.resumes if x.ptsm),
        }
        resultat: dict[str, int | float | None] = {}
        for cle, nombre in comptes.items():
            resultat[f"clsm_{cle}"] = nombre
            resultat[f"part_{cle}"] = round(nombre / n, 3) if n else None
        return resultat

    def _membres(self) -> dict[str, dict[str, float | int]]:
        resultat = {}
        for college in [*LIBELLES_COLLEGE, "total"]:
            valeurs = [
                sum(x.membres.values()) if college == "total" else x.membres.get(college, 0)
                for x in self.resumes
            ]
            resultat[college] = _distribution(valeurs)
        return resultat

    def _annees(self, attribut: str) -> list[int]:
        return sorted({a for x in self.resumes for a in getattr(x, attribut)})

    def _instances(self) -> dict[int, dict[str, int]]:
        resultat = {}
        for annee in self._annees("instances"):
            ligne = {
                k: sum(x.instances.get(annee, {}).get(k, 0) for x in self.resumes)
                for k in INSTANCES
            }
            ligne["clsm_avec_pleniere"] = sum(
                1 for x in self.resumes if x.instances.get(annee, {}).get("pleniere", 0)
            )
            ligne["clsm_avec_copil"] = sum(
                1 for x in self.resumes if x.instances.get(annee, {}).get("copil", 0)
            )
            resultat[annee] = ligne
        return resultat

    def _actions(self) -> dict[str, Any]:
        def somme(attribut: str, cles: Iterable[str]) -> dict[str, int]:
            return {k: sum(getattr(x, attribut).get(k, 0) for x in self.resumes) for k in cles}

        realisations = {}
        for annee in self._annees("realisations"):
            nombres = [x.realisations.get(annee, (0, 0)) for x in self.resumes]
            realisations[annee] = {
                "realisations": sum(n for n, _ in nombres),
                "participants": sum(p for _, p in nombres),
            }
        return {
            "total": sum(sum(x.actions_par_type.values()) for x in self.resumes),
            "qpv": sum(x.actions_qpv for x in self.resumes),
            "par_type": somme("actions_par_type", LIBELLES_TYPE_ACTION),
            "par_statut": somme("actions_par_statut", LIBELLES_STATUT_ACTION),
            "par_theme": somme("actions_par_theme", THEMES),
            "realisations_par_annee": realisations,
        }

    def _sism(self) -> dict[int, dict[str, Any]]:
        resultat = {}
        for annee in self._annees("sism"):
            lignes = [x.sism[annee] for x in self.resumes if annee in x.sism]
            resultat[annee] = {
                "clsm_participants": len(lignes),
                "evenements": _somme_connue(s["evenements"] for s in lignes),
                "participants": _somme_connue(s["participants"] for s in lignes),
                "evenements_en_qpv": sum(s["qpv"] for s in lignes),
                "types": {
                    t: sum(s["types"].get(t, 0) for s in lignes) for t in LIBELLES_TYPE_EVENEMENT
                },
            }
        return resultat

    def _cellule(self) -> dict[int, dict[str, Any]]:
        """Sums of each CLSM's published (masked) figures: see the module."""
        resultat = {}
        for annee in self._annees("cellule"):
            lignes = [x.cellule[annee] for x in self.resumes if annee in x.cellule]

            def somme(cle: str, lignes: list[dict[str, int | None]] = lignes) -> int | str:
                return somme_publiee(ligne.get(cle, 0) for ligne in lignes).en_json()

            ligne: dict[str, Any] = {"clsm_avec_activite": len(lignes)}
            for nom in CELLULE_ENTIERS:
                ligne[nom] = somme(nom)
            ligne["qpv"] = somme("qpv:oui")
            for serie, libelles in (
                ("problematiques", LIBELLES_PROBLEMATIQUE),
                ("tranches_age", LIBELLES_TRANCHE_AGE),
            ):
                ligne[serie] = {k: somme(f"{serie}:{k}") for k in libelles}
            resultat[annee] = ligne
        return resultat

    def _financements(self) -> dict[int, dict[str, float]]:
        resultat = {}
        for annee in self._annees("financements"):
            ligne = {
                k: round(sum(x.financements.get(annee, {}).get(k, 0.0) for x in self.resumes), 2)
                for k in FINANCEURS
            }
            ligne["total"] = round(sum(ligne.values()), 2)
            ligne["clsm_finances"] = sum(1 for x in self.resumes if annee in x.financements)
            resultat[annee] = ligne
        return resultat

    def _par_clsm(self) -> list[dict[str, Any]]:
        a = self.annee
        lignes = []
        for x in self.resumes:
            instances = x.instances.get(a, {})
            sism = x.sism.get(a, {})
            lignes.append(
                {
                    "dossier": x.dossier,
                    "nom": x.nom,
                    "territoire": x.territoire,
                    "communes": x.communes,
                    "intercommunal": x.intercommunal,
                    "population": x.population,
                    "qpv": x.qpv,
                    "membres": sum(x.membres.values()),
                    **{f"{k}_{a}": instances.get(k, 0) for k in ("copil", "pleniere", "groupes")},
                    "actions": sum(x.actions_par_type.values()),
                    f"realisations_{a}": x.realisations.get(a, (0, 0))[0],
                    f"evenements_sism_{a}": sism.get("evenements", 0),
                    f"participants_sism_{a}": sism.get("participants", 0),
                    **{
                        f"cellule_{nom}_{a}": _montrer(x.cellule.get(a, {}).get(nom, 0), x.seuil)
                        for nom in CELLULE_ENTIERS
                    },
                    f"financements_{a}": round(sum(x.financements.get(a, {}).values()), 2),
                    "dernier_diagnostic": x.diagnostic,
                    "cls": x.cls,
                    "ptsm": x.ptsm,
                    "seuil_masquage": x.seuil,
                }
            )
        return lignes


def _distribution(valeurs: Sequence[int]) -> dict[str, float | int]:
    if not valeurs:
        return {"total": 0, "moyenne": 0, "min": 0, "mediane": 0, "max": 0}
    return {
        "total": sum(valeurs),
        "moyenne": round(statistics.fmean(valeurs), 1),
        "min": min(valeurs),
        "mediane": statistics.median(valeurs),
        "max": max(valeurs),
    }


def _montrer(valeur: int | None, seuil: int) -> int | str:
    return afficher(valeur, seuil) if valeur is None else valeur


def consolider(
    dossiers: Sequence[Path | str],
    *,
    annee: int | None = None,
    progression: Callable[[int, int], None] | None = None,
    processus: int | None = None,
) -> Consolidation:
    """Load and reduce every folder, then consolidate.

    ``annee``: year of the per-CLSM figures (default: last year). ``progression(fait, total)``
    is called after each folder. ``processus``: worker processes (default: one per core when
    there are at least :data:`PARALLELE_A_PARTIR_DE` folders; 1 = in this process).
    """
    from clsm_cli.noyau.projet import aujourdhui

    chemins = [str(d) for d in dossiers]
    resultat = Consolidation(annee=annee or aujourdhui().year - 1)
    coeurs = os.cpu_count() or 1
    if processus is None:
        parallele = len(chemins) >= PARALLELE_A_PARTIR_DE and not systeme.sans_posix()
        processus = coeurs if parallele else 1
    processus = max(1, min(processus, len(chemins)))
    reponses: list[Resume | Ignore] = []
    if processus == 1:
        for chemin in chemins:
            reponses.append(resumer_dossier(chemin))
            if progression:
                progression(len(reponses), len(chemins))
    else:
        from concurrent.futures import ProcessPoolExecutor

        from clsm_cli.noyau import projet as _  # noqa: F401  (loaded once, inherited by workers)

        morceau = max(1, len(chemins) // (processus * 8))
        with ProcessPoolExecutor(max_workers=processus) as pool:
            for reponse in pool.map(resumer_dossier, chemins, chunksize=morceau):
                reponses.append(reponse)
                if progression:
                    progression(len(reponses), len(chemins))
    for reponse in reponses:
        if isinstance(reponse, Resume):
            resultat.resumes.append(reponse)
        else:
            resultat.ignores.append(reponse)
    return resultat


def _somme_connue(valeurs: Iterable[int | None]) -> int | None:
    """Sum of the known figures; None when no CLSM knows it (unknown is not zero)."""
    connues = [v for v in valeurs if v is not None]
    return sum(connues) if connues else None
