"""Model of ``cellule/archives.toml``: anonymous yearly tallies kept by ``clsm cellule purger``.

When situations are purged, their contribution to each year's figures is added here first, so
that the statistics (and the bilan) of a past year stay the same after the purge. Figures are
*added* to what the remaining files show. ``codes_utilises`` lists the purged codes (pseudonyms,
not personal data) so that clsm never gives the same code to another situation.
"""

from __future__ import annotations

from pydantic import Field

from clsm_cli.modeles.cellule import CodeSituation
from clsm_cli.modeles.communs import Entier, Fichier, Modele, Problematique, Texte, TrancheAge
from clsm_cli.modeles.vocabulaires import DelaiTraitement


class BilanArchive(Modele):
    """The figures of one year contributed by purged situations (``[[annee]]``)."""

    annee: int = Field(ge=1990, le=2100)
    situations_ouvertes: Entier = 0
    situations_closes: Entier = 0
    situations_examinees: Entier = 0
    seances: Entier = 0
    examens: Entier = 0
    problematiques: dict[Problematique, Entier] = {}
    origines: dict[Texte, Entier] = {}
    tranches_age: dict[TrancheAge, Entier] = {}
    communes: dict[Texte, Entier] = {}
    qpv: Entier = 0
    orientations: dict[Texte, Entier] = {}
    delais: dict[DelaiTraitement, Entier] = {}


class FichierArchives(Fichier):
    """``cellule/archives.toml``."""

    codes_utilises: list[CodeSituation] = []
    annee: list[BilanArchive] = []
