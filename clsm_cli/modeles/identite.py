"""Model of ``clsm.toml``: identity and settings of the CLSM."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from clsm_cli.modeles.communs import Entier, Fichier, Modele, Montant, Texte


class Coordination(Modele):
    nom: Texte | None = None
    courriel: Texte | None = None
    telephone: Texte | None = None
    etp: float | None = Field(default=None, ge=0, le=10)


class Signataire(Modele):
    structure: Texte
    representant: Texte | None = None
    qualite: Texte | None = None


class Convention(Modele):
    debut: dt.date | None = None
    fin: dt.date | None = None
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


class FichierClsm(Fichier):
    """``clsm.toml``."""

    nom: Texte
    territoire: Texte
    communes: list[Texte] = []
    population: Entier | None = None
    qpv: list[Texte] = []
    date_creation: dt.date | None = None
    porteur: Texte | None = None
    presidence: Texte | None = None
    co_animation: Texte | None = None
    coordination: Coordination = Coordination()
    convention: Convention = Convention()
    financement: list[Financement] = []
    cellule: ParametresCellule = ParametresCellule()
    export: ParametresExport = ParametresExport()
