"""The ``clsm`` command line: a thin click layer over the library.

Subcommands are loaded lazily (their module is imported only when that command runs), so that
``clsm --help`` imports click alone. Errors end here, in one place, as French messages.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from clsm_cli.cli import francais

if TYPE_CHECKING:
    from clsm_cli.modeles.erreurs import ErreurClsm

# contexte (output layer) and erreurs are imported when a command runs, not for ``--help``.

francais.installer()

COMMANDES: dict[str, tuple[str, str]] = {
    "init": ("clsm_cli.cli.init:init", "Créer un dossier clsm (vide ou de démonstration)."),
    "verifier": ("clsm_cli.cli.verifier:verifier", "Lister tous les problèmes du dossier."),
    "etat": ("clsm_cli.cli.etat:etat", "Tableau de bord du CLSM en un écran."),
    "membres": ("clsm_cli.cli.membres:membres", "Membres : lister, ajouter, importer…"),
    "groupes": ("clsm_cli.cli.groupes:groupes", "Groupes de travail et leur composition."),
    "identite": ("clsm_cli.cli.identite:identite", "Identité du CLSM (clsm.toml)."),
    "financement": ("clsm_cli.cli.financement:financement", "Financements par année."),
    "diagnostic": (
        "clsm_cli.cli.diagnostic:diagnostic",
        "Diagnostics partagés et priorités retenues.",
    ),
    "jalon": ("clsm_cli.cli.jalon:jalon", "Jalons : création, diagnostic, convention…"),
    "plan": ("clsm_cli.cli.plan:plan", "Plan d'action : axes, actions, réalisations."),
    "reunion": ("clsm_cli.cli.reunion:reunion", "Réunions des instances (copil, plénière…)."),
    "suivi": ("clsm_cli.cli.suivi:suivi", "Relevé de suivi des décisions."),
    "sism": ("clsm_cli.cli.sism:sism", "Semaines d'information sur la santé mentale."),
    "cellule": ("clsm_cli.cli.cellule:cellule", "Cellule de cas complexes (confidentiel)."),
    "convention": ("clsm_cli.cli.convention:convention", "Projet de convention."),
    "bilan": ("clsm_cli.cli.bilan:bilan", "Bilan annuel (.docx et .xlsx)."),
    "copil": ("clsm_cli.cli.copil:copil", "Ancien nom de « reunion compte-rendu »."),
    "agenda": ("clsm_cli.cli.agenda:agenda", "Agenda .ics des réunions et de la SISM."),
    "national": ("clsm_cli.cli.national:national", "Consolider plusieurs CLSM."),
    "historique": ("clsm_cli.cli.historique:historique", "Historique des modifications (git)."),
    "completion": (
        "clsm_cli.cli.completion:completion",
        "Script de complétion du shell (bash, zsh, fish).",
    ),
}


CACHEES = frozenset({"copil"})
"""Commands kept for old scripts but not listed (``copil compte-rendu`` = ``reunion
compte-rendu``)."""


def options_globales(racine: bool = False) -> list[click.Option]:
    """``-C``, ``--format`` and ``--separateur``: on the root group, and on every subcommand
    too, so that they work before or after it (``clsm membres liste --format json``).

    On a subcommand they have no default: given there, they replace the root's value."""
    from clsm_cli.cli.choix import Choix

    rappel = None if racine else _option_globale
    return [
        click.Option(
            ["-C", "--dossier", "dossier" if racine else "clsm_dossier"],
            type=click.Path(file_okay=False, path_type=Path),
            default=None,
            help="Dossier du CLSM (par défaut : le dossier courant ou le plus proche parent "
            "contenant clsm.toml).",
            expose_value=racine,
            callback=rappel,
            hidden=not racine,
        ),
        click.Option(
            ["--format", "format_" if racine else "clsm_format"],
            type=Choix(["table", "json", "csv"]),
            default="table" if racine else None,
            show_default=racine,
            help="Format des listes et résultats (les documents ont leur option --en).",
            expose_value=racine,
            callback=rappel,
            hidden=not racine,
        ),
        click.Option(
            ["--separateur", "separateur" if racine else "clsm_separateur"],
            type=Choix([",", ";"]),
            default="," if racine else None,
            help="Séparateur CSV (« ; » pour Excel en français).",
            expose_value=racine,
            callback=rappel,
            hidden=not racine,
        ),
        click.Option(
            ["--sans-cache", "cache" if racine else "clsm_cache"],
            is_flag=True,
            flag_value=False,
            default=True if racine else None,
            help="Relire et revalider tous les fichiers sans le cache (aussi : CLSM_SANS_CACHE=1).",
            expose_value=racine,
            callback=rappel,
            hidden=not racine,
        ),
    ]


AIDE_OPTIONS_GLOBALES = (
    "Options générales, avant ou après la commande : -C DOSSIER, --format table|json|csv, "
    "--separateur « , » ou « ; », --sans-cache."
)


def _option_globale(ctx: click.Context, param: click.Parameter, valeur: Any) -> None:
    if valeur is None or ctx.resilient_parsing:
        return
    from clsm_cli.cli.contexte import Contexte

    contexte = ctx.ensure_object(Contexte)
    setattr(contexte, str(param.name).removeprefix("clsm_"), valeur)


def heriter_options_globales(commande: click.Command) -> None:
    """Give ``commande`` (and the subcommands already attached to it) the global options,
    except those whose names it already uses for itself."""
    if getattr(commande, "_options_globales", False):
        return
    commande._options_globales = True  # type: ignore[attr-defined]
    pris = {o for p in commande.params for o in (*p.opts, *p.secondary_opts)}
    for option in options_globales():
        if not pris & set(option.opts):
            commande.params.append(option)
    if AIDE_OPTIONS_GLOBALES not in (commande.epilog or ""):
        commande.epilog = (
            f"{commande.epilog}\n\n{AIDE_OPTIONS_GLOBALES}"
            if commande.epilog
            else (AIDE_OPTIONS_GLOBALES)
        )
    if isinstance(commande, click.Group):
        if commande.subcommand_metavar == "COMMAND [ARGS]...":  # a plain click.Group
            commande.subcommand_metavar = "COMMANDE [ARGUMENTS]..."
        for sous in commande.commands.values():
            heriter_options_globales(sous)


class GroupeParesseux(click.Group):
    """A click group whose subcommands are imported only when used."""

    def __init__(
        self, *args: Any, paresseuses: dict[str, tuple[str, str]] | None = None, **kwargs: Any
    ) -> None:
        kwargs.setdefault("context_settings", {"help_option_names": ["-h", "--help"]})
        kwargs.setdefault("subcommand_metavar", "COMMANDE [ARGUMENTS]...")
        super().__init__(*args, **kwargs)
        self.paresseuses = dict(paresseuses or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.paresseuses))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.paresseuses:
            module, _, attribut = self.paresseuses[cmd_name][0].partition(":")
            commande = getattr(importlib.import_module(module), attribut)
            self.add_command(commande, cmd_name)
        commande = super().get_command(ctx, cmd_name)
        if commande is not None:
            heriter_options_globales(commande)
        return commande

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        nom = args[0] if args else ""
        inconnue = args and self.get_command(ctx, nom) is None and not nom.startswith("-")
        if inconnue and not ctx.resilient_parsing:  # completing: no error, no suggestion
            import difflib

            proches = difflib.get_close_matches(nom, self.list_commands(ctx), n=1)
            conseil = f" Vouliez-vous dire « {proches[0]} » ?" if proches else ""
            ctx.fail(f"Commande inconnue « {nom} ».{conseil}")
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lignes = []
        for nom in self.list_commands(ctx):
            if nom in CACHEES:
                continue
            # the registry's short help, whether or not the command was already imported
            if nom in self.commands and nom not in self.paresseuses:
                commande = self.commands[nom]
                if commande.hidden:
                    continue
                aide = commande.get_short_help_str(limit=formatter.width - 20)
            else:
                aide = self.paresseuses[nom][1]
            lignes.append((nom, aide))
        if lignes:
            with formatter.section("Commandes"):
                formatter.write_dl(lignes)


class GroupeRacine(GroupeParesseux):
    """The root group: turns every user-caused problem into a French message."""

    def invoke(self, ctx: click.Context) -> Any:
        from clsm_cli.modeles.erreurs import ErreurClsm

        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except ErreurClsm as exc:
            _afficher_erreur(exc)
            ctx.exit(exc.code_sortie)
        except KeyboardInterrupt:
            click.echo("Interrompu.", err=True)
            ctx.exit(130)
        except OSError as exc:
            if os.environ.get("CLSM_DEBUG"):
                raise
            fichier = f" « {exc.filename} »" if exc.filename else ""
            click.echo(
                f"Erreur : opération impossible sur{fichier} : {exc.strerror or exc}.", err=True
            )
            ctx.exit(1)
        except Exception as exc:  # last resort: never a traceback for a user
            if os.environ.get("CLSM_DEBUG"):
                raise
            click.echo(
                f"Erreur inattendue ({type(exc).__name__}) : ce n'est pas de votre fait. "
                "Aucun fichier n'a été laissé à moitié écrit. Relancez avec CLSM_DEBUG=1 et "
                "transmettez le message à l'équipe clsm.",
                err=True,
            )
            ctx.exit(70)


def _afficher_erreur(exc: ErreurClsm) -> None:
    from clsm_cli.modeles.erreurs import ErreurChargement

    click.echo(f"Erreur : {exc}", err=True)
    if isinstance(exc, ErreurChargement):
        for probleme in exc.problemes:
            if probleme.est_erreur:
                click.echo(f"  {probleme}", err=True)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("clsm-cli")
    except PackageNotFoundError:  # pragma: no cover - source checkout without install
        return "inconnue"


def texte_version() -> str:
    """What ``clsm --version`` prints, for a bug report: clsm, Python and the system, and the
    folder of the JSON Schemas this clsm validates against (each data folder has a copy)."""
    import platform

    schemas = Path(__file__).resolve().parent.parent / "schemas"
    return (
        f"clsm {_version()}\n"
        f"Python {platform.python_version()} ({sys.executable}), "
        f"{platform.system()} {platform.machine()}\n"
        f"Schémas des données : {schemas} (copiés dans .clsm/schemas/ de chaque dossier)"
    )


def _afficher_version(ctx: click.Context, _option: click.Parameter, demande: bool) -> None:
    """``--version``: importlib.metadata is slow to import, so it is read only when asked."""
    if demande and not ctx.resilient_parsing:
        click.echo(texte_version())
        ctx.exit()


def _avec_options_globales(commande: Any) -> Any:
    commande.params[:0] = options_globales(racine=True)
    return commande


@_avec_options_globales
@click.group(
    name="clsm",
    cls=GroupeRacine,
    paresseuses=COMMANDES,
    help=(
        "clsm : le dossier du Conseil local de santé mentale (membres, instances, plan "
        "d'action, SISM, cellule) en fichiers TOML, et les documents qui en découlent."
    ),
    epilog="Pour commencer : clsm init --demo demo, puis clsm -C demo etat. Les options -C, "
    "--format et --separateur s'écrivent aussi après la commande.",
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_afficher_version,
    help="Afficher la version (avec celle de Python et le dossier des schémas) et quitter.",
)
@click.pass_context
def cli(
    ctx: click.Context, dossier: Path | None, format_: str, separateur: str, cache: bool
) -> None:
    from clsm_cli.cli.contexte import Contexte

    ctx.obj = Contexte(dossier=dossier, format=format_, separateur=separateur, cache=cache)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``clsm`` script."""
    # pydantic looks for third-party plugins in every installed package's metadata the first
    # time a model is built (~30 ms: importlib.metadata and a scan of site-packages). The
    # command line uses none; a library caller of clsm keeps its own choice.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        cli.main(args=argv, prog_name="clsm")
    except BrokenPipeError:  # pragma: no cover - `clsm … | head`
        sys.stderr.close()
        sys.exit(1)
