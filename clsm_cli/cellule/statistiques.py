"""Anonymous aggregates of the cellule de cas complexes, masked before they leave it.

Counts of a year ``Y`` (the same definitions as the bilan's cellule section):

- situations *ouvertes* (referred in Y) and their breakdowns by problématique (several per
  situation), origine, tranche d'âge, commune and QPV;
- situations *closes* in Y and their délai de traitement (saisine → clôture) in bands;
- séances held in Y, examens (a situation examined in a séance) by orientation, and the
  number of distinct situations examined.

Every count is *additive* over situations, so ``clsm cellule purger`` can keep the
contribution of the situations it removes in ``cellule/archives.toml``; those tallies are added
back here, and the figures of a past year do not change with a purge. Séance files are never
removed by the purge: archived ``seances`` stay 0 unless a person removed séance files.

:func:`comptes` gives raw figures (never to be shown); :func:`statistiques` the masked ones,
every figure going through :mod:`clsm_cli.cellule.masquage` (0 to ``seuil_masquage - 1`` shown as
« masqué », with secondary suppression over the equations the figures satisfy). Breakdowns are
by closed category (:mod:`clsm_cli.cellule.categories`): a free text is never a key.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from clsm_cli.cellule.calendrier import ajouter_mois
from clsm_cli.cellule.categories import NON_PRECISE, categorie, vocabulaire
from clsm_cli.modeles.vocabulaires import (
    DELAIS,
    LIBELLES_DELAI,
    LIBELLES_PROBLEMATIQUE,
    LIBELLES_TRANCHE_AGE,
)

if TYPE_CHECKING:
    from clsm_cli.modeles.archives import BilanArchive
    from clsm_cli.stockage.projet import ProjetLu as Projet


ENTIERS = (
    "situations_ouvertes",
    "situations_closes",
    "situations_examinees",
    "seances",
    "examens",
    "qpv",
)
SERIES = (
    "problematiques",
    "origines",
    "tranches_age",
    "communes",
    "orientations",
    "delais",
)


def tranche_delai(saisine: dt.date, cloture: dt.date) -> str:
    """Band of the time from saisine to clôture: < 1 mois, 1–3 mois, 3–6 mois, > 6 mois."""
    for mois, bande in ((1, "moins_1_mois"), (3, "1_3_mois"), (6, "3_6_mois")):
        if cloture < ajouter_mois(saisine, mois):
            return bande
    return "plus_6_mois"


@dataclass
class Comptes:
    """Raw counts of one year (or one year's contribution of some situations)."""

    situations_ouvertes: int = 0
    situations_closes: int = 0
    situations_examinees: int = 0
    seances: int = 0
    examens: int = 0
    qpv: int = 0
    problematiques: Counter[str] = field(default_factory=Counter)
    origines: Counter[str] = field(default_factory=Counter)
    tranches_age: Counter[str] = field(default_factory=Counter)
    communes: Counter[str] = field(default_factory=Counter)
    orientations: Counter[str] = field(default_factory=Counter)
    delais: Counter[str] = field(default_factory=Counter)

    def ajouter(self, autre: Comptes) -> None:
        for f in fields(self):
            if f.name in ENTIERS:
                setattr(self, f.name, getattr(self, f.name) + getattr(autre, f.name))
            else:
                getattr(self, f.name).update(getattr(autre, f.name))

    @classmethod
    def depuis_archive(
        cls, archive: BilanArchive, listes: Mapping[str, Sequence[str]] | None = None
    ) -> Comptes:
        """Counts of an ``[[annee]]`` table; breakdowns a person left incomplete are topped
        up with « inconnue » / « Non précisée » so that they still add up to the total.
        With ``listes`` (closed vocabularies), a key outside them counts as « autre »."""
        comptes = cls(**{nom: getattr(archive, nom) for nom in ENTIERS})
        for nom in SERIES:
            serie = getattr(comptes, nom)
            for k, n in getattr(archive, nom).items():
                cle = str(k)
                if listes is not None and nom in listes and cle != NON_PRECISE:
                    cle = categorie(cle, listes[nom])
                serie[cle] += n
        for nom, inconnu in (
            ("tranches_age", "inconnue"),
            ("origines", NON_PRECISE),
            ("communes", NON_PRECISE),
        ):
            serie = getattr(comptes, nom)
            manque = comptes.situations_ouvertes - sum(serie.values())
            if manque > 0:
                serie[inconnu] += manque
        return comptes

    def en_archive(self) -> dict[str, Any]:
        """TOML-ready data of an ``[[annee]]`` table (without ``annee``)."""
        donnees: dict[str, Any] = {nom: getattr(self, nom) for nom in ENTIERS}
        for nom in SERIES:
            serie = {k: n for k, n in sorted(getattr(self, nom).items()) if n}
            if serie or nom in ("problematiques", "orientations"):
                donnees[nom] = serie
        return donnees

    def ajouter_a(self, existant: Mapping[str, Any]) -> dict[str, Any]:
        """Fields of an existing ``[[annee]]`` table once these counts are added to it."""
        total = Comptes()
        total.ajouter(self)
        for nom in ENTIERS:
            valeur = existant.get(nom, 0)
            setattr(total, nom, getattr(total, nom) + (valeur if isinstance(valeur, int) else 0))
        for nom in SERIES:
            serie = existant.get(nom)
            if isinstance(serie, Mapping):
                getattr(total, nom).update({str(k): int(n) for k, n in serie.items()})
        return total.en_archive()


def listes(projet: Projet) -> dict[str, list[str]]:
    """The folder's closed vocabularies, by series name."""
    return {nom: vocabulaire(projet, nom) for nom in ("origines", "communes", "orientations")}


def _compter(projet: Projet, annee: int, codes: set[str] | None) -> Comptes:
    """Counts of ``annee`` from the files (only situations ``codes``, if given), by closed
    category: a free text never becomes a key."""
    vocab = listes(projet)

    def retenue(code: str) -> bool:
        return codes is None or code in codes

    c = Comptes()
    for s in projet.situations:
        if not retenue(s.code):
            continue
        if s.date_saisine.year == annee:
            c.situations_ouvertes += 1
            c.problematiques.update(p.value for p in dict.fromkeys(s.problematiques))
            c.origines[categorie(s.origine, vocab["origines"])] += 1
            c.tranches_age[s.tranche_age.value] += 1
            c.communes[categorie(s.commune, vocab["communes"])] += 1
            c.qpv += s.qpv
        if s.date_cloture is not None and s.date_cloture.year == annee:
            c.situations_closes += 1
            c.delais[tranche_delai(s.date_saisine, s.date_cloture)] += 1
    examinees: set[str] = set()
    for seance in projet.seances.values():
        if seance.date.year != annee:
            continue
        if codes is None:
            c.seances += 1
        for examen in seance.examen:
            if retenue(examen.code):
                c.examens += 1
                c.orientations[categorie(examen.orientation, vocab["orientations"])] += 1
                examinees.add(examen.code)
    c.situations_examinees = len(examinees)
    return c


def comptes(projet: Projet, annee: int) -> Comptes:
    """Raw counts of ``annee``: the files plus the tallies archived by the purge."""
    total = _compter(projet, annee, None)
    vocab = listes(projet)
    for archive in projet.archives.annee:
        if archive.annee == annee:
            total.ajouter(Comptes.depuis_archive(archive, vocab))
    return total


def contributions(projet: Projet, codes: Iterable[str]) -> dict[int, Comptes]:
    """What the situations ``codes`` (and their examens) add to each year's counts."""
    retenus = set(codes)
    annees: set[int] = set()
    for s in projet.situations:
        if s.code in retenus:
            annees.add(s.date_saisine.year)
            if s.date_cloture is not None:
                annees.add(s.date_cloture.year)
    for seance in projet.seances.values():
        if any(e.code in retenus for e in seance.examen):
            annees.add(seance.date.year)
    return {annee: _compter(projet, annee, retenus) for annee in sorted(annees)}


def annees_archivees(projet: Projet) -> list[int]:
    return sorted({a.annee for a in projet.archives.annee})


# --- masked figures ------------------------------------------------------------------------


def seuil(projet: Projet) -> int:
    """The folder's masking threshold, never below 11 (``verifier`` refuses less: E410)."""
    from clsm_cli.cellule.masquage import SEUIL_MINIMUM

    voulu = projet.identite.cellule.seuil_masquage if projet.identite else SEUIL_MINIMUM
    return max(voulu, SEUIL_MINIMUM)


def montrer(valeur: int | None, seuil_: int | None = None) -> int | str:
    """A count as it leaves the cellule: the number, or « masqué »."""
    from clsm_cli.cellule.masquage import afficher

    return afficher(valeur) if valeur is None else valeur


def categories(projet: Projet) -> dict[str, list[str]]:
    """Every category of every series, in a stable order: the lists are closed, so which
    categories appear never depends on the data."""
    vocab = listes(projet)
    return {
        "problematiques": list(LIBELLES_PROBLEMATIQUE),
        "origines": [*vocab["origines"], NON_PRECISE],
        "tranches_age": list(LIBELLES_TRANCHE_AGE),
        "communes": [*vocab["communes"], NON_PRECISE],
        "qpv": ["oui", "non"],
        "orientations": [*vocab["orientations"], NON_PRECISE],
        "delais": list(DELAIS),
    }


TOTAUX = {
    "origines": "situations_ouvertes",
    "tranches_age": "situations_ouvertes",
    "communes": "situations_ouvertes",
    "qpv": "situations_ouvertes",
    "orientations": "examens",
    "delais": "situations_closes",
}
"""Series that add up to an indicator (the equations an attacker knows)."""


def systeme(c: Comptes, cats: Mapping[str, Sequence[str]]) -> tuple[dict[str, int], list[Any]]:
    """The figures of one year as one system: ``{"origines:CCAS": 3, …}`` and its equations."""
    from clsm_cli.cellule.masquage import Ligne

    valeurs: dict[str, int] = {nom: int(getattr(c, nom)) for nom in INDICATEURS}
    serie_qpv = Counter({"oui": c.qpv, "non": c.situations_ouvertes - c.qpv})
    for nom, cles in cats.items():
        serie = serie_qpv if nom == "qpv" else getattr(c, nom)
        for cle in cles:
            valeurs[f"{nom}:{cle}"] = int(serie.get(cle, 0))
    lignes = [
        Ligne(tuple(f"{nom}:{cle}" for cle in cats[nom]), total) for nom, total in TOTAUX.items()
    ]
    return valeurs, lignes


NON_MASQUES = frozenset({"seances"})
"""Figures that count no person (séances held): shown as they are."""


def publies(projet: Projet, annee: int) -> dict[str, int | None]:
    """Every figure of ``annee`` as published (``None`` = masked), flat: ``origines:CCAS``."""
    from clsm_cli.cellule.masquage import masquer

    c = comptes(projet, annee)
    valeurs, lignes = systeme(c, categories(projet))
    visibles = {k: valeurs.pop(k) for k in NON_MASQUES}
    return {**visibles, **masquer(valeurs, lignes, seuil(projet))}


def statistiques(projet: Projet, annee: int) -> dict[str, Any]:
    """Masked aggregates of ``annee``: what may leave the cellule (stable JSON keys).

    A masked count is the string « masqué »; every category of the closed lists is listed.
    """
    s = seuil(projet)
    p = publies(projet, annee)
    resultat: dict[str, Any] = {"annee": annee, "seuil_masquage": s}
    for nom in INDICATEURS:
        resultat[nom] = montrer(p[nom])
    for nom, cles in categories(projet).items():
        resultat[nom] = {cle: montrer(p[f"{nom}:{cle}"]) for cle in cles}
    resultat["archives_incluses"] = annee in annees_archivees(projet)
    return resultat


RUBRIQUES: dict[str, tuple[str, dict[str, str] | None]] = {
    "problematiques": ("Problématiques (plusieurs par situation)", LIBELLES_PROBLEMATIQUE),
    "origines": ("Origine de la saisine", None),
    "tranches_age": ("Tranche d'âge", LIBELLES_TRANCHE_AGE),
    "communes": ("Commune ou quartier", None),
    "qpv": ("Quartier prioritaire (QPV)", {"oui": "Oui", "non": "Non"}),
    "orientations": ("Orientations décidées en séance", None),
    "delais": ("Délai de traitement (situations closes)", LIBELLES_DELAI),
}
"""Breakdowns of :func:`statistiques`: key → (French title, labels of the categories)."""

INDICATEURS: dict[str, str] = {
    "situations_ouvertes": "Situations ouvertes (saisines de l'année)",
    "situations_closes": "Situations closes",
    "situations_examinees": "Situations examinées en séance",
    "seances": "Séances",
    "examens": "Examens de situation en séance",
}
