"""click parameter types shared by the data commands (French messages, no heavy import)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import click

_RE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class TypeDate(click.ParamType):
    """A calendar date written ``AAAA-MM-JJ``; anything else is refused in French."""

    name = "AAAA-MM-JJ"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.date):
            return value
        texte = str(value).strip()
        if _RE_DATE.match(texte):
            try:
                return dt.date.fromisoformat(texte)
            except ValueError:
                pass
        self.fail(f"date invalide « {value} » : format AAAA-MM-JJ", param, ctx)


DATE = TypeDate()
"""Use as ``type=DATE`` on any option or argument that takes a date."""


_RE_DATE_PARTIELLE = re.compile(r"^\d{4}(-\d{2})?$")


class TypeDateImprecise(TypeDate):
    """A full date ``AAAA-MM-JJ``, or only the year ``AAAA`` or the month ``AAAA-MM``."""

    name = "AAAA[-MM[-JJ]]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        texte = str(value).strip()
        if not isinstance(value, dt.date) and _RE_DATE_PARTIELLE.match(texte):
            from clsm_cli.modeles.communs import DatePartielle

            partielle = DatePartielle.lire(texte)
            if partielle is not None:
                return partielle
            self.fail(f"date invalide « {value} » : mois inconnu", param, ctx)
        if isinstance(value, dt.date) or _RE_DATE.match(texte):
            return super().convert(value, param, ctx)
        self.fail(
            f"date invalide « {value} » : AAAA-MM-JJ, ou AAAA-MM (mois), ou AAAA (année seule)",
            param,
            ctx,
        )


DATE_IMPRECISE = TypeDateImprecise()
"""``type=DATE_IMPRECISE`` where only the year or the month may be known (réalisations, SISM)."""


class GroupeAvecDefaut(click.Group):
    """A group whose first argument, when it is not one of its commands, goes to the command
    ``defaut``: ``clsm plan indicateur ACTION …`` is ``clsm plan indicateur definir ACTION …``.
    """

    defaut = ""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and not args[0].startswith("-") and args[0] not in self.commands:
            args = [self.defaut, *args]
        return super().parse_args(ctx, args)
