"""French for click's own messages (usage, errors, help headings).

click translates its messages through ``gettext``; we install a small French catalogue into the
click modules that use it, so that a coordinator never reads « Usage: » or « No such option ».
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from click.formatting import HelpFormatter

TRADUCTIONS: dict[str, str] = {
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
    "Aborted!": "Interrompu.",
    "Commands": "Commandes",
    "Options": "Options",
    "Positional arguments": "Arguments",
    "Usage:": "Utilisation :",
    "Show this message and exit.": "Afficher cette aide et quitter.",
    "Show the version and exit.": "Afficher la version et quitter.",
    "Error: {message}": "Erreur : {message}",
    "Try '{command} {option}' for help.": "Aide : « {command} {option} ».",
    "No such command {name!r}.": "Commande inconnue « {name} ».",
    "No such option {name!r}.": "Option inconnue « {name} ».",
    "No such option: {name}": "Option inconnue : {name}",
    "Missing argument": "Argument manquant",
    "Missing option": "Option manquante",
    "Missing parameter": "Paramètre manquant",
    "Missing command.": "Commande manquante.",
    "Missing {param_type}": "{param_type} manquant",
    "Missing parameter: {param_name}": "Paramètre manquant : {param_name}",
    "Invalid value for {param_hint}: {message}": "Valeur invalide pour {param_hint} : {message}",
    "Invalid value: {message}": "Valeur invalide : {message}",
    "Option {name!r} does not take a value.": "L'option « {name} » ne prend pas de valeur.",
    "Option {name!r} requires an argument.": "L'option « {name} » attend une valeur.",
    "Option {name!r} requires {nargs} arguments.": "L'option « {name} » attend {nargs} valeurs.",
    "Got unexpected extra argument ({args})": "Argument en trop : {args}",
    "Got unexpected extra arguments ({args})": "Arguments en trop : {args}",
    "Did you mean {possibility}?": "Vouliez-vous dire {possibility} ?",
    "(Did you mean one of: {possibilities}?)": "(Vouliez-vous dire : {possibilities} ?)",
    "{value!r} is not {choice}.": "« {value} » n'est pas une valeur possible ({choice}).",
    "{value!r} is not one of {choices}.": (
        "« {value} » n'est pas une valeur possible (valeurs : {choices})."
    ),
    "{value!r} is not a valid {number_type}.": "« {value} » n'est pas un nombre valide.",
    "{value} is not in the range {range}.": "{value} n'est pas dans l'intervalle {range}.",
    "{value!r} does not match the format {format}.": (
        "« {value} » n'a pas le format attendu ({format})."
    ),
    "{value!r} does not match the formats {formats}.": (
        "« {value} » n'a pas l'un des formats attendus ({formats})."
    ),
    "{name} {filename!r} does not exist.": "Le fichier « {filename} » n'existe pas.",
    "{name} {filename!r} is a directory.": "« {filename} » est un dossier.",
    "{name} {filename!r} is a file.": "« {filename} » est un fichier.",
    "{name} {filename!r} is not readable.": "« {filename} » n'est pas lisible.",
    "{name} {filename!r} is not writable.": "« {filename} » n'est pas modifiable.",
    "Could not open file {filename!r}: {message}": (
        "Impossible d'ouvrir « {filename} » : {message}"
    ),
    "Error: invalid input": "Erreur : saisie invalide",
    "Error: The two entered values do not match.": "Erreur : les deux saisies diffèrent.",
    "Repeat for confirmation": "Répétez pour confirmer",
    "Do you want to continue?": "Voulez-vous continuer ?",
    "Confirm the action without prompting.": "Confirmer sans poser de question.",
    "Choose from:\n\t{choices}": "Choisissez parmi :\n\t{choices}",
    "default: {default}": "défaut : {default}",
    "required": "obligatoire",
    "env var: {var}": "variable d'environnement : {var}",
    "file": "fichier",
    "directory": "dossier",
    "path": "chemin",
    "deprecated": "obsolète",
    "(dynamic)": "(dynamique)",
    "Argument {name!r} takes {nargs} values.": "L'argument « {name} » attend {nargs} valeurs.",
    "Press any key to continue...": "Appuyez sur une touche pour continuer…",
    "{name} {filename!r} is not executable.": "« {filename} » n'est pas exécutable.",
    "{value!r} is not a valid UUID.": "« {value} » n'est pas un UUID valide.",
    "Value must be an iterable.": "Une liste de valeurs est attendue.",
    "Invalid start character for option ({option})": (
        "Caractère initial invalide pour l'option ({option})"
    ),
}

_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
    "click.utils",
)


def _gettext(message: str) -> str:
    return TRADUCTIONS.get(message, message)


def _ngettext(singulier: str, pluriel: str, n: int) -> str:
    return _gettext(singulier if n == 1 else pluriel)


def installer() -> None:
    """Install the French catalogue into click (idempotent)."""
    for nom in _MODULES:
        module = importlib.import_module(nom)
        remplacements: dict[str, Callable[..., str]] = {"_": _gettext, "ngettext": _ngettext}
        for attribut, fonction in remplacements.items():
            if hasattr(module, attribut):
                setattr(module, attribut, fonction)
    # metavars shown in --help (« --nom TEXTE » rather than « --nom TEXT »)
    import click
    import click.core
    import click.formatting
    import click.types

    for type_, nom in (
        (click.STRING, "texte"),
        (click.INT, "entier"),
        (click.FLOAT, "nombre"),
        (click.BOOL, "oui/non"),
    ):
        type_.name = nom
    click.IntRange.name = "entier"
    click.FloatRange.name = "nombre"
    click.types._NumberRangeBase._describe_range = _intervalle  # type: ignore[method-assign]
    click.formatting.HelpFormatter.write_heading = _titre  # type: ignore[method-assign]
    click.core.Parameter.get_error_hint = _designation  # type: ignore[method-assign]
    click.core.Argument.get_error_hint = _designation  # type: ignore[method-assign]


def _designation(self: Any, ctx: Any) -> str:
    """« --college » rather than click's '--college' in error messages."""
    if self.param_type_name == "argument":
        noms = [self.make_metavar(ctx) if ctx is not None else self.human_readable_name]
    else:
        noms = self.opts or [self.human_readable_name]
    return " / ".join(f"« {nom} »" for nom in noms)


def _titre(self: HelpFormatter, heading: str) -> None:
    """« Options : », with the French space before the colon."""
    self.write(f"{'':>{self.current_indent}}{heading} :\n")


def _intervalle(self: Any) -> str:
    """« ≥ 0 », « entre 1990 et 2100 » rather than click's ``x>=0``, ``1990<=x<=2100``."""
    bas = f"> {self.min}" if self.min_open else f"≥ {self.min}"
    haut = f"< {self.max}" if self.max_open else f"≤ {self.max}"
    if self.min is None:
        return haut
    if self.max is None:
        return bas
    if not self.min_open and not self.max_open:
        return f"de {self.min} à {self.max}"
    return f"{bas} et {haut}"
