"""Model of ``clsm.toml``: identity and settings of the CLSM."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from clsm_cli.modeles.communs import DateHistorique, Entier, Fichier, Jour, Modele, Montant, Texte
from clsm_cli.modeles.jalons import TypeJalon

Annee = Annotated[int, Field(ge=1950, le=2100)]


class Coordination(Modele):
    nom: Texte | None = None
    courriel: Texte | None = None
    telephone: Texte | None = None
    etp: float | None = Field(default=None, ge=0, le=10)


Article = Literal["le", "la", "les", "l'", "aucun"]
"""Article of a structure's name when clsm would guess it wrong (« de l'Habitat Valmont »):
``aucun`` for a name used without one."""


class Signataire(Modele):
    structure: Texte
    representant: Texte | None = None
    qualite: Texte | None = None
    article: Article | None = None


class Convention(Modele):
    debut: Jour | None = None
    fin: Jour | None = None
    signataire: list[Signataire] = []
    objectifs: list[Texte] = []

    @model_validator(mode="after")
    def _ordre(self) -> Convention:
        if self.debut and self.fin and self.debut > self.fin:
            raise ValueError("la date de fin précède la date de début")
        return self


class Financement(Modele):
    annee: int = Field(ge=1990, le=2100)
    financeur: Texte
    montant: Montant
    objet: Texte | None = None


class ParametresCellule(Modele):
    active: bool = True
    """False when the CLSM has no cellule de cas complexes: documents omit it."""
    seuil_masquage: int = Field(default=11, ge=2, le=100)
    """At least 11: ``verifier`` refuses less (E410); statistics never use less than 11."""
    conservation_mois: int = Field(default=24, ge=1, le=240)
    origines: list[Texte] = []
    """Referrers added to clsm's closed list (each checked by the personal-data guard)."""
    orientations: list[Texte] = []
    """Orientations / decisions added to clsm's closed list."""
    communes: list[Texte] = []
    """Territories (quartiers, lieux) added to the folder's communes and qpv."""


class ParametresExport(Modele):
    modele_word: Texte | None = None


class Jalon(Modele):
    """A milestone of the council's life (« 2015 : création du CLSM »)."""

    date: DateHistorique
    type: TypeJalon
    libelle: Texte | None = None


def _verifier_ordre(debut: int | None, fin: int | None) -> None:
    if debut is not None and fin is not None and debut > fin:
        raise ValueError("l'année de fin précède l'année de début")


class LienCls(Modele):
    """The territory's Contrat local de santé, of which the CLSM is often one fiche action."""

    nom: Texte | None = None
    debut: Annee | None = None
    fin: Annee | None = None
    fiche_action: Texte | None = None

    @model_validator(mode="after")
    def _ordre(self) -> LienCls:
        _verifier_ordre(self.debut, self.fin)
        return self


class LienPtsm(Modele):
    """The Projet territorial de santé mentale the CLSM takes part in."""

    nom: Texte | None = None
    debut: Annee | None = None
    fin: Annee | None = None

    @model_validator(mode="after")
    def _ordre(self) -> LienPtsm:
        _verifier_ordre(self.debut, self.fin)
        return self


class FichierClsm(Fichier):
    """``clsm.toml``."""

    nom: Texte
    territoire: Texte
    communes: list[Texte] = []
    population: Entier | None = None
    qpv: list[Texte] = []
    date_creation: Jour | None = None
    porteur: Texte | None = None
    porteur_article: Article | None = None
    presidence: Texte | None = None
    presidence_article: Article | None = None
    co_animation: Texte | None = None
    co_animation_article: Article | None = None
    coordination: Coordination = Coordination()
    convention: Convention = Convention()
    financement: list[Financement] = []
    jalon: list[Jalon] = []
    cls: LienCls = LienCls()
    ptsm: LienPtsm = LienPtsm()
    cellule: ParametresCellule = ParametresCellule()
    export: ParametresExport = ParametresExport()
