"""Model of ``diagnostic.toml``: the shared needs assessments and the priorities drawn from
them. Their dates are :data:`~clsm_cli.modeles.communs.DateHistorique` (« 2018 », « 2018-06 »
or a date), as the milestones' are.
"""

from __future__ import annotations

from clsm_cli.modeles.communs import DateHistorique, Fichier, Identifiant, Modele, Texte


class Priorite(Modele):
    """A priority the copil drew from the diagnostic; axes of the plan answer it."""

    id: Identifiant
    libelle: Texte


class Diagnostic(Modele):
    id: Identifiant
    date: DateHistorique
    intitule: Texte | None = None
    realise_par: Texte | None = None
    """A structure (« ORS Centre-Val de Loire ») or « en interne »."""
    methode: list[Texte] = []
    """questionnaire, entretiens, données, ateliers…"""
    sources: list[Texte] = []
    constats: list[Texte] = []
    priorite: list[Priorite] = []


class FichierDiagnostic(Fichier):
    """``diagnostic.toml``."""

    diagnostic: list[Diagnostic] = []
