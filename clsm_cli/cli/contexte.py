"""What every command receives: the chosen folder and format, the project, the output layer."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from clsm_cli.cli.sortie import Sortie
from clsm_cli.modeles.erreurs import ErreurSaisie

if TYPE_CHECKING:
    from clsm_cli.noyau.projet import Projet


@dataclass
class Contexte:
    dossier: Path | None = None
    format: str = "table"
    separateur: str = ","
    cache: bool = True
    _projet: Projet | None = field(default=None, repr=False)

    @property
    def sortie(self) -> Sortie:
        return Sortie(self.format, self.separateur)

    def racine(self) -> Path:
        from clsm_cli.stockage.dossier import trouver_racine

        if self.dossier is not None:
            return trouver_racine(self.dossier, chercher_parents=False)
        return trouver_racine(Path.cwd())

    def projet(self, *, tolerant: bool = False) -> Projet:
        """The folder, loaded once (raises ErreurChargement if invalid, unless tolerant)."""
        if self._projet is None or tolerant:
            from clsm_cli.noyau.projet import Projet

            projet = Projet.ouvrir(self.racine(), tolerant=tolerant, cache=self.cache)
            if tolerant:
                return projet
            self._projet = projet
        return self._projet


passer_contexte = click.make_pass_decorator(Contexte, ensure=True)


def interactif() -> bool:
    """Prompts are allowed only when a person is at a terminal (or CLSM_INTERACTIF=1)."""
    if os.environ.get("CLSM_INTERACTIF") == "1":
        return True
    return sys.stdin is not None and sys.stdin.isatty()


def demander(
    valeur: Any,
    option: str,
    question: str,
    *,
    choix: Sequence[str] | None = None,
    type: Any = None,
    defaut: Any = None,
) -> Any:
    """``valeur`` if given; otherwise ask (terminal only) or fail naming the option."""
    if valeur not in (None, ""):
        return valeur
    if not interactif():
        possibles = f" (valeurs possibles : {', '.join(choix)})" if choix else ""
        raise ErreurSaisie(f"Valeur manquante : précisez {option} — {question}{possibles}.")
    kind = click.Choice(list(choix)) if choix else type
    return click.prompt(question, type=kind, default=defaut)


def confirmer(question: str, oui: bool) -> bool:
    """True with ``--oui``; asks at a terminal; refuses (False) when nobody can answer."""
    if oui:
        return True
    if not interactif():
        raise ErreurSaisie(
            f"{question} — aucune réponse possible hors d'un terminal : ajoutez --oui pour "
            "confirmer."
        )
    return click.confirm(question, default=False)
