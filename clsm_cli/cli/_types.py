"""click parameter types shared by the data commands (French messages, no heavy import).

- :data:`DATE`: a calendar date ``AAAA-MM-JJ``.
- :class:`Choix`: a value of a closed vocabulary (collège, statut, type…), typed as a person
  would: « élus », « Élus », « prévue », « café-psy », « cafe psy » or the label « Aller-vers »
  are all recognised and normalised to the stored value (``elus``, ``prevue``, ``cafe_psy``…);
  a wrong value gets « Vouliez-vous dire « … » ? » and the list of possible values.
- :data:`NOMBRE`, :data:`ENTIER`: numbers with a decimal comma and spaces between thousands
  (« 1 500,50 »); an integer refuses decimals with a clear message.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import click

from clsm_cli.modeles.vocabulaires import College, StatutAction, TypeAction, TypeEvenement

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
            from clsm_cli.modeles.vocabulaires import DatePartielle

            partielle = DatePartielle.lire(texte)
            if partielle is not None:
                return partielle
            quoi = "année 0000" if texte.startswith("0000") else "mois inconnu"
            self.fail(f"date invalide « {value} » : {quoi}", param, ctx)
        if isinstance(value, dt.date) or _RE_DATE.match(texte):
            return super().convert(value, param, ctx)
        self.fail(
            f"date invalide « {value} » : AAAA-MM-JJ, ou AAAA-MM (mois), ou AAAA (année seule)",
            param,
            ctx,
        )


from clsm_cli.cli.choix import Choix  # noqa: E402  (re-exported)

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

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[Any]:
        """The group's commands, and what the default command's first argument completes to
        (``clsm plan indicateur <Tab>`` offers the actions as well as ``definir``…)."""
        resultats = list(super().shell_complete(ctx, incomplete))
        defaut = self.commands.get(self.defaut)
        if defaut is None:
            return resultats
        sous = defaut.make_context(self.defaut, [], parent=ctx, resilient_parsing=True)
        for param in defaut.get_params(sous):
            if isinstance(param, click.Argument):
                resultats.extend(param.shell_complete(sous, incomplete))
                break
        return resultats


# --- numbers -------------------------------------------------------------------------------

_RE_NOMBRE = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def lire_nombre(texte: str) -> float | None:
    """« 1 500,50 » → 1500.5; None when it is not a number."""
    compact = re.sub(r"[\s\u00a0\u202f]", "", texte)
    if not _RE_NOMBRE.match(compact):
        return None
    return float(compact.replace(",", "."))


class Nombre(click.ParamType):
    """A number, decimal comma or point, spaces between thousands; ``entier``: no decimals."""

    def __init__(self, *, entier: bool = False, minimum: float | None = 0) -> None:
        self.entier = entier
        self.minimum = minimum
        self.name = "entier" if entier else "nombre"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, int | float) and not isinstance(value, bool):
            nombre = float(value)
        else:
            lu = lire_nombre(str(value))
            if lu is None:
                attendu = "un nombre entier" if self.entier else "un nombre (virgule décimale)"
                self.fail(f"« {value} » n'est pas un nombre : {attendu} attendu", param, ctx)
            nombre = lu
        if self.entier and not nombre.is_integer():
            self.fail(f"« {value} » : nombre entier attendu, sans décimales", param, ctx)
        if self.minimum is not None and nombre < self.minimum:
            self.fail(f"« {value} » : nombre positif ou nul attendu", param, ctx)
        return int(nombre) if self.entier else nombre


NOMBRE = Nombre()
"""A number ≥ 0 with a decimal comma (budget, cible, réalisé…)."""

ENTIER = Nombre(entier=True)
"""A whole number ≥ 0 (participants, population…): « 12,5 » is refused clearly."""


# --- the vocabularies typed on the command line ---------------------------------------------

_VOCABULAIRES = "clsm_cli.modeles.vocabulaires"


def _valeurs(vocabulaire: type[StrEnum]) -> tuple[str, ...]:
    return tuple(v.value for v in vocabulaire)


COLLEGE = Choix(
    _valeurs(College),
    libelles=f"{_VOCABULAIRES}:LIBELLES_COLLEGE",
    reconnaitre="clsm_cli.noyau.importation:college_depuis_texte",
)
TYPE_ACTION = Choix(_valeurs(TypeAction), libelles=f"{_VOCABULAIRES}:LIBELLES_TYPE_ACTION")
STATUT_ACTION = Choix(_valeurs(StatutAction), libelles=f"{_VOCABULAIRES}:LIBELLES_STATUT_ACTION")
TYPE_EVENEMENT = Choix(_valeurs(TypeEvenement), libelles=f"{_VOCABULAIRES}:LIBELLES_TYPE_EVENEMENT")


# --- documents ----------------------------------------------------------------------------


def option_en(*formats: str, multiple: bool = False, aide: str = "") -> Callable[[Any], Any]:
    """``--en FORMAT`` of a document command (``--format`` keeps its one meaning: how lists
    and results are shown, table/json/csv)."""
    possibles = ", ".join(formats)
    repetable = " ; répétable" if multiple else ""
    return click.option(
        "--en",
        "en",
        type=Choix(formats),
        multiple=multiple,
        help=f"Format du document : {possibles}{repetable}. {aide}".rstrip(),
    )


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
