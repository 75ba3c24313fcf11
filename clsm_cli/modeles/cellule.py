"""Models of ``cellule/situations.toml`` and ``cellule/seances/AAAA-MM-JJ.toml``.

No names, birth dates, addresses, phone numbers, e-mails or NIR may appear here: situations are
known only by the pseudonymous code clsm generates (``S-2026-007``).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints

from clsm_cli.modeles.communs import (
    Fichier,
    FormeConsentement,
    Identifiant,
    Jour,
    Modele,
    Problematique,
    StatutSituation,
    Texte,
    TrancheAge,
)

MOTIF_CODE = r"^S-\d{4}-\d{3,5}$"
CodeSituation = Annotated[str, StringConstraints(pattern=MOTIF_CODE)]


class Consentement(Modele):
    recueilli: bool
    date: Jour | None = None
    forme: FormeConsentement | None = None


class Situation(Modele):
    code: CodeSituation
    date_saisine: Jour
    origine: Texte | None = None
    """A category of the closed list of referrers (clsm cellule migrer maps old texts)."""
    tranche_age: TrancheAge = TrancheAge.inconnue
    commune: Texte | None = None
    """A commune, qpv or territory of clsm.toml (closed list)."""
    qpv: bool = False
    problematiques: list[Problematique] = []
    consentement: Consentement | None = None
    referent: Identifiant | None = None
    statut: StatutSituation = StatutSituation.ouverte
    date_cloture: Jour | None = None
    issue: Texte | None = None
    precision: Texte | None = None
    """Free details for the cellule's members only: never in a document, export or statistic."""


class FichierSituations(Fichier):
    """``cellule/situations.toml``."""

    situation: list[Situation] = []


class Examen(Modele):
    code: CodeSituation
    orientation: Texte | None = None
    """A category of the closed list of orientations."""
    precision: Texte | None = None
    """Free details of the decision, for the cellule's members only."""
    actions: list[Texte] = []


class SeanceCellule(Fichier):
    """One meeting of the cellule de cas complexes."""

    date: Jour
    presents: list[Identifiant] = []
    examen: list[Examen] = []
