"""The vocabularies of clsm files: versions, identifiers, enumerations and their French labels;
and the dates known only to the year or the month (:class:`DatePartielle`), with the helpers
that read, bound and sort them.

Nothing here imports pydantic, so that everyday commands reading cached, already-validated data
(see :mod:`clsm_cli.stockage.cache`) can use them without building any model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Literal, Protocol, TypeVar

VERSION_CLSM = "0.2.0.dev0"
"""Version of clsm itself (pyproject.toml reads it from here)."""

ENTIER_MAX = 2**63 - 1
"""Largest integer TOML 1.0 allows (64-bit signed): clsm never writes a larger one."""

VERSION_SCHEMA = "1.0"
"""Version of the file format written by this clsm. A file with a higher major is refused."""

MOTIF_ID = r"^[a-z0-9][a-z0-9_-]*$"
RE_ID = re.compile(MOTIF_ID)


class College(StrEnum):
    elus = "elus"
    psychiatrie = "psychiatrie"
    usagers = "usagers"
    aidants = "aidants"
    sante = "sante"
    social_medico_social = "social_medico_social"
    logement = "logement"
    education = "education"
    securite_justice = "securite_justice"
    institutions = "institutions"
    associations = "associations"
    autres = "autres"


LIBELLES_COLLEGE: dict[str, str] = {
    "elus": "Élus",
    "psychiatrie": "Psychiatrie publique",
    "usagers": "Usagers",
    "aidants": "Aidants et familles",
    "sante": "Santé (hors psychiatrie)",
    "social_medico_social": "Social et médico-social",
    "logement": "Logement",
    "education": "Éducation et jeunesse",
    "securite_justice": "Sécurité et justice",
    "institutions": "Institutions",
    "associations": "Associations",
    "autres": "Autres",
}


class TypeAction(StrEnum):
    information_communication = "information_communication"
    soutien_soins_prevention = "soutien_soins_prevention"
    formation_sensibilisation = "formation_sensibilisation"
    aller_vers = "aller_vers"
    coordination = "coordination"
    autre = "autre"


LIBELLES_TYPE_ACTION: dict[str, str] = {
    "information_communication": "Information et communication",
    "soutien_soins_prevention": "Soutien, soins et prévention",
    "formation_sensibilisation": "Formation et sensibilisation",
    "aller_vers": "Aller-vers",
    "coordination": "Coordination",
    "autre": "Autre",
}


class StatutAction(StrEnum):
    prevue = "prevue"
    en_cours = "en_cours"
    realisee = "realisee"
    reportee = "reportee"
    abandonnee = "abandonnee"


LIBELLES_STATUT_ACTION: dict[str, str] = {
    "prevue": "Prévue",
    "en_cours": "En cours",
    "realisee": "Réalisée",
    "reportee": "Reportée",
    "abandonnee": "Abandonnée",
}


class TypeEvenement(StrEnum):
    cine_debat = "cine_debat"
    conference = "conference"
    stand = "stand"
    exposition = "exposition"
    atelier = "atelier"
    marche = "marche"
    portes_ouvertes = "portes_ouvertes"
    theatre = "theatre"
    cafe_psy = "cafe_psy"
    autre = "autre"


LIBELLES_TYPE_EVENEMENT: dict[str, str] = {
    "cine_debat": "Ciné-débat",
    "conference": "Conférence",
    "stand": "Stand",
    "exposition": "Exposition",
    "atelier": "Atelier",
    "marche": "Marche",
    "portes_ouvertes": "Portes ouvertes",
    "theatre": "Théâtre",
    "cafe_psy": "Café-psy",
    "autre": "Autre",
}


class Problematique(StrEnum):
    logement = "logement"
    soins = "soins"
    isolement = "isolement"
    troubles_voisinage = "troubles_voisinage"
    addictions = "addictions"
    precarite = "precarite"
    protection = "protection"
    parentalite = "parentalite"
    autre = "autre"


LIBELLES_PROBLEMATIQUE: dict[str, str] = {
    "logement": "Logement",
    "soins": "Accès et continuité des soins",
    "isolement": "Isolement",
    "troubles_voisinage": "Troubles du voisinage",
    "addictions": "Addictions",
    "precarite": "Précarité",
    "protection": "Protection (majeur ou mineur)",
    "parentalite": "Parentalité",
    "autre": "Autre",
}


class StatutSituation(StrEnum):
    ouverte = "ouverte"
    suivie = "suivie"
    close = "close"


class TrancheAge(StrEnum):
    moins_18 = "moins_18"
    de_18_a_24 = "18_24"
    de_25_a_39 = "25_39"
    de_40_a_59 = "40_59"
    de_60_a_74 = "60_74"
    plus_75 = "75_plus"
    inconnue = "inconnue"


LIBELLES_TRANCHE_AGE: dict[str, str] = {
    "moins_18": "Moins de 18 ans",
    "18_24": "18-24 ans",
    "25_39": "25-39 ans",
    "40_59": "40-59 ans",
    "60_74": "60-74 ans",
    "75_plus": "75 ans et plus",
    "inconnue": "Non renseigné",
}


class FormeConsentement(StrEnum):
    ecrit = "ecrit"
    oral = "oral"


INSTANCES_RESERVEES = ("copil", "pleniere", "comite_technique", "cellule")
"""Instance names a member may sit in besides working-group ids."""

MOTIF_INSTANCE_REUNION = r"^(copil|pleniere|comite_technique|autre|groupe:[a-z0-9][a-z0-9_-]*)$"

LIBELLES_INSTANCE: dict[str, str] = {
    "copil": "Comité de pilotage",
    "pleniere": "Assemblée plénière",
    "comite_technique": "Comité technique",
    "cellule": "Cellule de cas complexes",
    "autre": "Autre réunion",
}


def libelle_instance(instance: str, noms_groupes: dict[str, str] | None = None) -> str:
    """French label of a meeting instance (``groupe:<id>`` shows the group's name if known)."""
    if instance.startswith("groupe:"):
        gid = instance.split(":", 1)[1]
        nom = (noms_groupes or {}).get(gid)
        return f"Groupe de travail « {nom} »" if nom else f"Groupe de travail {gid}"
    return LIBELLES_INSTANCE.get(instance, instance)


def avant_ou_egal(debut: date | None, fin: date | None) -> bool:
    """True unless both dates are known and ``debut`` falls after ``fin``."""
    return debut is None or fin is None or debut <= fin


# --- imprecise dates ---------------------------------------------------------------------

_RE_DATE_PARTIELLE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


class DatePartielle(date):
    """A date known only to the year (``2020``) or the month (``2020-06``).

    It is a :class:`datetime.date` (the first day of its year or month) so that it sorts among
    full dates and ``.year`` works, but it keeps the text it was written as: ``str()`` and
    ``isoformat()`` give ``"2020"`` or ``"2020-06"`` back, and that is what the file stores.
    """

    __slots__ = ("mois_connu",)
    mois_connu: bool

    def __new__(cls, annee: int, mois: int | None = None, jour: int | None = None) -> DatePartielle:
        obj = super().__new__(cls, annee, mois or 1, jour or 1)
        obj.mois_connu = mois is not None
        return obj

    @classmethod
    def lire(cls, texte: str) -> DatePartielle | None:
        """``"2020"`` or ``"2020-06"`` as a partial date; None for any other text."""
        trouve = _RE_DATE_PARTIELLE.match(texte.strip())
        if not trouve:
            return None
        annee, mois = int(trouve[1]), trouve[2]
        if not 1 <= annee <= 9999 or (mois is not None and not 1 <= int(mois) <= 12):
            return None  # « 0000 » is no year: the caller says which dates are accepted
        return cls(annee, int(mois) if mois else None)

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" if self.mois_connu else f"{self.year:04d}"

    __str__ = isoformat

    def __repr__(self) -> str:
        return f"DatePartielle({self.isoformat()!r})"

    def __eq__(self, autre: object) -> bool:
        """Equal only to the same partial date: « 2020 » is not 1 January 2020."""
        if isinstance(autre, DatePartielle):
            return self.isoformat() == autre.isoformat()
        if isinstance(autre, date):
            return False
        return NotImplemented

    def __ne__(self, autre: object) -> bool:
        egal = self.__eq__(autre)
        return egal if egal is NotImplemented else not egal

    def __hash__(self) -> int:
        return hash(("DatePartielle", self.isoformat()))

    def __reduce__(self) -> tuple[object, ...]:
        return (_date_partielle, (self.isoformat(),))


def _date_partielle(texte: str) -> DatePartielle:
    valeur = DatePartielle.lire(texte)
    assert valeur is not None
    return valeur


def date_precise(valeur: date) -> bool:
    """True for a full date (day known), False for a :class:`DatePartielle`."""
    return not isinstance(valeur, DatePartielle)


def premier_jour(valeur: date) -> date:
    """The first day a date may mean: « 2018 » → 2018-01-01, « 2018-06 » → 2018-06-01."""
    return date(valeur.year, valeur.month, valeur.day)


def dernier_jour(valeur: date) -> date:
    """The last day a date may mean: « 2018 » → 2018-12-31, « 2018-02 » → 2018-02-28."""
    if not isinstance(valeur, DatePartielle):
        return valeur
    if not valeur.mois_connu:
        return date(valeur.year, 12, 31)
    suivant = date(valeur.year + (valeur.month == 12), valeur.month % 12 + 1, 1)
    return suivant - timedelta(days=1)


def cle_date(valeur: date) -> tuple[int, int, int]:
    """Sort key: a year sorts before its months, a month before its days."""
    if not isinstance(valeur, DatePartielle):
        return (valeur.year, valeur.month, valeur.day)
    return (valeur.year, valeur.month if valeur.mois_connu else 0, 0)


# --- dates of the council's history (diagnostics, milestones) ------------------------------

ANNEES_HISTORIQUE = range(1950, 2101)
"""Years a diagnostic or a milestone known only to its year or month may have."""
MOTIF_DATE_HISTORIQUE = r"^(19[5-9]\d|20\d\d|2100)(-(0[1-9]|1[0-2]))?$"
"""The same rule as a JSON schema pattern: « 2018 » or « 2018-06 », years 1950 to 2100."""
RE_JOUR = re.compile(r"^\d{4}-\d{2}-\d{2}$")
"""A full date written as text: AAAA-MM-JJ."""
MESSAGE_DATE_IMPRECISE = (
    "date attendue : une date AAAA-MM-JJ, ou une année « AAAA » ou un mois « AAAA-MM » "
    "entre guillemets"
)
"""What a date that may be imprecise must look like, said when it does not."""


def lire_date_historique(valeur: object) -> date:
    """The date of a diagnostic or a milestone: a TOML date, or "2018" / "2018-06" (a year
    written as the integer 2018 is accepted, "2018-06-12" becomes a date); the year or month
    is a :class:`DatePartielle`. One clear ValueError otherwise."""
    if isinstance(valeur, int) and not isinstance(valeur, bool):
        valeur = str(valeur)
    if isinstance(valeur, datetime):
        valeur = valeur.date() if valeur.time() == time() and valeur.tzinfo is None else None
    if isinstance(valeur, date):
        return valeur
    if isinstance(valeur, str):
        texte = valeur.strip()
        partielle = DatePartielle.lire(texte)
        if partielle is not None and texte.isascii() and partielle.year in ANNEES_HISTORIQUE:
            return partielle
        if RE_JOUR.match(texte):
            try:
                return date.fromisoformat(texte)
            except ValueError:
                pass
    raise ValueError(MESSAGE_DATE_IMPRECISE)


_Jour = date  # the field below is named ``date`` too


class _Date(Protocol):
    @property
    def date(self) -> _Jour: ...


D = TypeVar("D", bound=_Date)


def par_date(elements: Iterable[D]) -> list[D]:
    """Records (diagnostics, milestones) from the oldest; file order between equal dates."""
    return sorted(elements, key=lambda e: cle_date(e.date))


def dernier_avant(elements: Iterable[D], avant: date | None = None) -> D | None:
    """The latest record (dated on or before ``avant`` when given: « 2018 » counts from its
    first day)."""
    candidats = [e for e in par_date(elements) if avant is None or premier_jour(e.date) <= avant]
    return candidats[-1] if candidats else None


# --- cellule: processing delays ------------------------------------------------------------

DelaiTraitement = Literal["moins_1_mois", "1_3_mois", "3_6_mois", "plus_6_mois"]
DELAIS: tuple[DelaiTraitement, ...] = ("moins_1_mois", "1_3_mois", "3_6_mois", "plus_6_mois")
LIBELLES_DELAI: dict[str, str] = {
    "moins_1_mois": "Moins d'un mois",
    "1_3_mois": "1 à 3 mois",
    "3_6_mois": "3 à 6 mois",
    "plus_6_mois": "Plus de 6 mois",
}
