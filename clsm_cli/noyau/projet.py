"""The project: a clsm folder loaded once, that every command asks questions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clsm_cli.stockage.projet import ProjetLu, aujourdhui

if TYPE_CHECKING:
    from clsm_cli.modeles.problemes import Probleme
    from clsm_cli.noyau.bilan import Bilan
    from clsm_cli.stockage.ecriture import Edition

__all__ = ["Projet", "aujourdhui"]


class Projet(ProjetLu):
    """A clsm folder. Open it with :meth:`Projet.ouvrir`; every command asks it questions."""

    def controler(self) -> list[Probleme]:
        """Every problem of every file (what ``clsm verifier`` prints), used before each write."""
        from clsm_cli.noyau.verification import verifier

        return verifier(self)

    def edition(self, *, attente: float | None = None) -> Edition:
        """Context manager for a validated, atomic, locked change (see :mod:`ecriture`)."""
        from clsm_cli.stockage.ecriture import Edition

        return Edition(self, attente=attente)

    def bilan(self, annee: int) -> Bilan:
        """Every figure of the annual bilan of ``annee`` (see :mod:`clsm_cli.noyau.bilan`)."""
        from clsm_cli.noyau.bilan import calculer_bilan

        return calculer_bilan(self, annee)
