"""Models of ``membres.toml`` and ``groupes.toml``."""

from __future__ import annotations

from pydantic import model_validator

from clsm_cli.modeles.communs import College, Fichier, Identifiant, Jour, Modele, Texte
from clsm_cli.modeles.methodes import MethodesMembre


class Membre(MethodesMembre, Modele):
    id: Identifiant
    nom: Texte | None = None
    prenom: Texte | None = None
    structure: Texte | None = None
    fonction: Texte | None = None
    college: College
    instances: list[Texte] = []
    courriel: Texte | None = None
    telephone: Texte | None = None
    depuis: Jour | None = None
    jusqu_a: Jour | None = None
    notes: Texte | None = None
    signataire: bool = False
    """Founding or signatory member: a party of the convention."""

    @model_validator(mode="after")
    def _coherence(self) -> Membre:
        if not self.nom and not self.structure:
            raise ValueError("un membre doit avoir au moins un nom ou une structure")
        return self


class FichierMembres(Fichier):
    """``membres.toml``."""

    membre: list[Membre] = []


class Groupe(Modele):
    id: Identifiant
    nom: Texte
    mission: Texte | None = None
    pilote: Identifiant | None = None
    membres: list[Identifiant] = []
    actif: bool = True


class FichierGroupes(Fichier):
    """``groupes.toml``."""

    groupe: list[Groupe] = []
