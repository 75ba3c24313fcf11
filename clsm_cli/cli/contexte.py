"""What every command receives: the chosen folder and format, the project, the output layer."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from clsm_cli.cli._types import Choix
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
        """The folder, loaded once (raises ErreurChargement if invalid, unless tolerant).

        A read-only command (:data:`LECTURE_SEULE`) runs on what could be read of a folder
        with errors, after one warning line on stderr."""
        if self._projet is None or tolerant:
            racine = self.racine()
            lecture = not tolerant and commande_en_cours() in LECTURE_SEULE
            from clsm_cli.noyau.projet import Projet

            # a command is a short process: what it reads lives until it ends. Read without
            # the cyclic garbage collector, then moved out of its reach (gc.freeze), it is not
            # walked again at each later collection (a tenth of a big folder's first read).
            gc.disable()
            try:
                projet = Projet.ouvrir(racine, tolerant=tolerant or lecture, cache=self.cache)
            finally:
                gc.freeze()
                gc.enable()
            if tolerant:
                return projet
            if lecture:
                erreurs = sum(p.est_erreur for p in projet.problemes)
                if erreurs:
                    self.sortie.avertissement(
                        f"le dossier contient {erreurs} erreur{'s' if erreurs > 1 else ''} ; "
                        "seul ce qui a pu être lu est affiché (détails : clsm verifier)."
                    )
            self._projet = projet
        return self._projet


passer_contexte = click.make_pass_decorator(Contexte, ensure=True)

LECTURE_SEULE = frozenset(
    {
        "agenda",
        "etat",
        "membres liste",
        "membres voir",
        "groupes liste",
        "groupes voir",
        "identite voir",
        "financement liste",
        "plan axes",
        "plan liste",
        "plan action voir",
        "reunion liste",
        "reunion voir",
        "suivi liste",
        "sism liste",
        "sism evenement liste",
        "cellule situation liste",
        "convention signataire liste",
        "convention objectif liste",
    }
)
"""Commands that only read: on a folder with errors they show what could be read, with a
warning, and exit 0. Every other command refuses a folder with errors (it would write, or
produce a document from partial data)."""


def commande_en_cours() -> str:
    """``membres liste`` for ``clsm -C x membres liste --format json`` (without ``clsm``)."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return ""
    return " ".join(ctx.command_path.split()[1:])


def interactif() -> bool:
    """Prompts are allowed only when a person is at a terminal (or CLSM_INTERACTIF=1)."""
    if os.environ.get("CLSM_INTERACTIF") == "1":
        return True
    return sys.stdin is not None and sys.stdin.isatty()


def refuser_format_liste(contexte: Contexte, document: str, *, json: bool = False) -> None:
    """A document command given ``--format json|csv``: an error, never silently ignored
    (``json``: the command prints its figures in JSON instead of writing the document)."""
    if contexte.format == "table" or (json and contexte.format == "json"):
        return
    raise ErreurSaisie(
        f"--format {contexte.format} ne s'applique pas {document} : --format choisit "
        "l'affichage des listes et résultats (table, json, csv) ; le format du document se "
        "choisit avec --en (voir --help)."
    )


SUFFIXE = " : "
"""Every prompt ends with « : » preceded by a space, as French typography wants."""


def demander(
    valeur: Any,
    option: str,
    question: str,
    *,
    choix: Sequence[str] | Choix | None = None,
    type: Any = None,
    defaut: Any = None,
) -> Any:
    """``valeur`` if given; otherwise ask (terminal only) or fail naming the option.

    ``choix``: the possible values, shown in the question; an answer is recognised with or
    without accents and hyphens (:class:`Choix`)."""
    if valeur not in (None, ""):
        return valeur
    if choix is not None and not isinstance(choix, Choix):
        choix = Choix(choix)
    if not interactif():
        possibles = f" (valeurs possibles : {', '.join(choix.valeurs)})" if choix else ""
        raise ErreurSaisie(f"Valeur manquante : précisez {option} — {question}{possibles}.")
    if choix is not None:
        question = f"{question} ({', '.join(choix.valeurs)})"
        type = choix
    return click.prompt(question, type=type, default=defaut, prompt_suffix=SUFFIXE)


OUI = frozenset({"o", "oui", "y", "yes"})
NON = frozenset({"n", "non", "no"})


def confirmer(question: str, oui: bool, *, defaut: bool = False) -> bool:
    """True with ``--oui``; asks at a terminal (« [o/N] », o/oui/y/yes or n/non/no);
    refuses when nobody can answer."""
    if oui:
        return True
    if not interactif():
        raise ErreurSaisie(
            f"{question} — aucune réponse possible hors d'un terminal : ajoutez --oui pour "
            "confirmer."
        )
    invite = f"{question} {'[O/n]' if defaut else '[o/N]'}{SUFFIXE}"
    while True:
        reponse = click.prompt(
            invite, default="", show_default=False, prompt_suffix="", type=str
        ).strip()
        if not reponse:
            return defaut
        if reponse.lower() in OUI:
            return True
        if reponse.lower() in NON:
            return False
        click.echo("Répondez « o » (oui) ou « n » (non).", err=True)
