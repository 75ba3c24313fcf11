"""A value of a closed vocabulary typed on the command line, with or without accents.

A light module (click and the standard library only): the root group's own options use it, so
``clsm --help`` stays as fast as importing click.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import click

__all__ = ["Choix", "normaliser"]


# --- closed vocabularies -----------------------------------------------------------------


def normaliser(texte: str) -> str:
    """« Social / médico-social » → ``social_medico_social``: no accent, no case, and every run
    of spaces, hyphens, slashes or apostrophes becomes one underscore."""
    texte = unicodedata.normalize("NFKD", texte.replace("œ", "oe").replace("Œ", "Oe"))
    texte = texte.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "_", texte).strip("_")


def _charger(chemin: str) -> Any:
    """``"module:attribut"`` imported only when needed (labels live with the pydantic models)."""
    module, _, attribut = chemin.partition(":")
    return getattr(importlib.import_module(module), attribut)


class Choix(click.ParamType):
    """One value of a closed vocabulary, recognised with or without accents, case, hyphens.

    ``valeurs``: the stored values (shown in ``--help``). ``libelles``: ``"module:NOM"`` of a
    ``{valeur: libellé}`` dict whose labels are accepted too. ``reconnaitre``: ``"module:nom"``
    of a function giving the value of a free text (synonyms), or None.
    """

    name = "choix"

    def __init__(
        self,
        valeurs: Sequence[str],
        *,
        libelles: str | None = None,
        reconnaitre: str | None = None,
    ) -> None:
        self.valeurs = list(valeurs)
        self.libelles = libelles
        self.reconnaitre = reconnaitre

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "[" + "|".join(self.valeurs) + "]"

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> Any:
        from click.shell_completion import CompletionItem

        return [CompletionItem(v) for v in self.valeurs if v.startswith(incomplete)]

    def table(self) -> dict[str, str]:
        """Every accepted spelling, normalised, with the value it stands for."""
        table = {normaliser(v): v for v in self.valeurs}
        if self.libelles:
            libelles: Mapping[str, str] = _charger(self.libelles)
            for valeur, libelle in libelles.items():
                if valeur in self.valeurs:
                    table.setdefault(normaliser(libelle), valeur)
        return table

    def trouver(self, texte: str) -> str | None:
        if texte in self.valeurs:
            return texte
        cle = normaliser(texte)
        for valeur in self.valeurs:
            if normaliser(valeur) == cle:
                return valeur
        trouvee = self.table().get(cle)
        if trouvee is None and self.reconnaitre:
            fonction: Callable[[str], str | None] = _charger(self.reconnaitre)
            trouvee = fonction(texte)
        return trouvee if trouvee in self.valeurs else None

    def proche(self, texte: str) -> str | None:
        """The value meant by a wrong one: one starting with it (« formation » →
        ``formation_sensibilisation``), or else the closest spelling."""
        cle = normaliser(texte)
        table = self.table()
        if cle:
            for correspond in (str.startswith, lambda k, c: f"_{c}" in k):
                debuts = {v for k, v in table.items() if correspond(k, cle)}
                if len(debuts) == 1:
                    return debuts.pop()
        import difflib

        proches = difflib.get_close_matches(cle, list(table), n=1)
        return table[proches[0]] if proches else None

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        texte = str(value).strip()
        valeur = self.trouver(texte)
        if valeur is not None:
            return valeur
        proche = self.proche(texte)
        conseil = f" Vouliez-vous dire « {proche} » ?" if proche else ""
        self.fail(
            f"« {value} » n'est pas une valeur possible.{conseil} "
            f"Valeurs possibles : {', '.join(self.valeurs)}.",
            param,
            ctx,
        )
