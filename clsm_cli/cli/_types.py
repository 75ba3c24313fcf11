"""click parameter types shared by the data commands (French messages, no heavy import)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

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


# --- shell completion of identifiers ------------------------------------------------------------
# ``shell_complete=`` callbacks: click calls them while the shell completes (``clsm completion``).
# They read the folder named by ``-C`` (or the current one) with a cheap regex scan
# (stockage/survol.py, cellule/survol.py): no pydantic, no validation, no error message.

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from click.shell_completion import CompletionItem

    from clsm_cli.stockage.survol import Suggestion


INSTANCES_MEMBRE = ("copil", "pleniere", "comite_technique", "cellule")
"""= modeles.communs.INSTANCES_RESERVEES (a test checks it), without importing pydantic."""
INSTANCES_REUNION = ("copil", "pleniere", "comite_technique", "autre")
"""= noyau.reunions.INSTANCES (a test checks it); working groups follow as ``groupe:<id>``."""


def _racine(ctx: click.Context) -> Path | None:
    """The folder the command line being completed works on, or None."""
    from pathlib import Path

    from clsm_cli.modeles.erreurs import ErreurClsm
    from clsm_cli.stockage.dossier import trouver_racine

    dossier = ctx.find_root().params.get("dossier")
    try:
        if dossier is not None:  # as typed: the shell has not expanded « ~ » yet
            return trouver_racine(Path(dossier).expanduser(), chercher_parents=False)
        return trouver_racine(Path.cwd())
    except (ErreurClsm, OSError):
        return None


def _proposer(
    ctx: click.Context, incomplete: str, lire: Callable[[Path], list[Suggestion]]
) -> list[CompletionItem]:
    from click.shell_completion import CompletionItem

    racine = _racine(ctx)
    if racine is None:
        return []
    return [CompletionItem(v, help=aide) for v, aide in lire(racine) if v.startswith(incomplete)]


def completer_membres(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Member ids (membres.toml)."""
    from clsm_cli.stockage.survol import membres

    return _proposer(ctx, incomplete, membres)


def completer_groupes(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Working-group ids (groupes.toml)."""
    from clsm_cli.stockage.survol import groupes

    return _proposer(ctx, incomplete, groupes)


def completer_axes(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Axis ids (plan.toml)."""
    from clsm_cli.stockage.survol import axes

    return _proposer(ctx, incomplete, axes)


def completer_actions(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Action ids (plan.toml)."""
    from clsm_cli.stockage.survol import actions

    return _proposer(ctx, incomplete, actions)


def completer_reunions(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Meetings, ``AAAA-MM-JJ-instance`` (reunions/)."""
    from clsm_cli.stockage.survol import reunions

    return _proposer(ctx, incomplete, reunions)


def completer_annees_sism(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Years that have a SISM (sism/AAAA.toml)."""
    from clsm_cli.stockage.survol import annees_sism

    return _proposer(ctx, incomplete, annees_sism)


def completer_situations(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Situation codes of the cellule (codes only, nothing else leaves it)."""
    from clsm_cli.cellule.survol import codes_situations

    return _proposer(ctx, incomplete, codes_situations)


def completer_instances_membre(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Instances a member sits in: copil, pleniere, comite_technique, cellule or a group id."""
    from clsm_cli.stockage.survol import groupes

    def lire(racine: Path) -> list[Suggestion]:
        return [(i, None) for i in INSTANCES_MEMBRE] + groupes(racine)

    return _proposer(ctx, incomplete, lire)


def completer_instances_reunion(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Instances of a meeting: copil, pleniere, comite_technique, autre or groupe:<id>."""
    from clsm_cli.stockage.survol import groupes

    def lire(racine: Path) -> list[Suggestion]:
        fixes: list[Suggestion] = [(i, None) for i in INSTANCES_REUNION]
        return fixes + [(f"groupe:{g}", nom) for g, nom in groupes(racine)]

    return _proposer(ctx, incomplete, lire)
