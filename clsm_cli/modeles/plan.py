"""Model of ``plan.toml``: the multi-year action plan."""

from __future__ import annotations

from pydantic import Field, field_validator

from clsm_cli.modeles.communs import (
    DateImprecise,
    Entier,
    Fichier,
    Identifiant,
    Jour,
    Modele,
    Montant,
    StatutAction,
    Texte,
    TypeAction,
)
from clsm_cli.modeles.methodes import MethodesAction


class Periode(Modele):
    debut: Jour
    fin: Jour


class Axe(Modele):
    id: Identifiant
    intitule: Texte
    priorites: list[Identifiant] = []
    """Priorities of the diagnostic (diagnostic.toml) this axis answers."""


class Indicateur(Modele):
    libelle: Texte
    annee: int | None = Field(default=None, ge=1990, le=2100)
    """Year the figures belong to (a bilan of that year shows them); None: every year."""
    cible: float | None = None
    realise: float | None = None
    unite: Texte | None = None


class Realisation(Modele):
    date: DateImprecise
    libelle: Texte
    participants: Entier | None = None
    commentaire: Texte | None = None


class Action(MethodesAction, Modele):
    id: Identifiant
    axe: Identifiant
    intitule: Texte
    objectif: Texte | None = None
    type: TypeAction
    publics: list[Texte] = []
    qpv: bool | list[Texte] = False
    pilote: Identifiant | None = None
    partenaires: list[Texte] = []
    groupe: Identifiant | None = None
    statut: StatutAction = StatutAction.prevue
    debut: Jour | None = None
    fin: Jour | None = None
    budget: Montant | None = None
    indicateur: list[Indicateur] = []
    realisation: list[Realisation] = []

    @field_validator("qpv")
    @classmethod
    def _qpv_vide(cls, valeur: bool | list[str]) -> bool | list[str]:
        """An empty list of QPV means « no QPV »: store it as false."""
        return valeur if valeur != [] else False


class FichierPlan(Fichier):
    """``plan.toml``."""

    periode: Periode | None = None
    axe: list[Axe] = []
    action: list[Action] = []
