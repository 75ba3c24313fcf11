"""The one output layer: tables, JSON, CSV and messages. Commands never print themselves.

rich is imported only when a table or a coloured message is actually shown at a terminal:
piped or redirected, tables and panels are drawn as plain text by :mod:`clsm_cli.cli.dessin`,
identical to what rich prints there.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import enum
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import click

from clsm_cli.noyau.textes import cellule_sure

if TYPE_CHECKING:
    from clsm_cli.cli.dessin import Element, Tableau

FORMATS = ("table", "json", "csv")


def _json_defaut(valeur: Any) -> Any:
    if isinstance(valeur, dt.date):
        return valeur.isoformat()
    if isinstance(valeur, enum.Enum):
        return valeur.value
    if isinstance(valeur, set):
        return sorted(valeur)
    if hasattr(valeur, "model_dump"):
        return valeur.model_dump(mode="json", exclude_none=True)
    if hasattr(valeur, "en_dict"):
        return valeur.en_dict()
    raise TypeError(type(valeur).__name__)


def en_json(donnees: Any) -> str:
    return json.dumps(donnees, ensure_ascii=False, indent=2, default=_json_defaut)


def en_csv(entetes: Sequence[str], lignes: Sequence[Sequence[Any]], separateur: str = ",") -> str:
    """CSV text for Excel: BOM, chosen separator, formulas neutralised."""
    tampon = io.StringIO()
    tampon.write("\ufeff")
    ecrivain = csv.writer(tampon, delimiter=separateur, lineterminator="\r\n")
    ecrivain.writerow([cellule_sure(e) for e in entetes])
    for ligne in lignes:
        ecrivain.writerow(["" if v is None else cellule_sure(_texte(v)) for v in ligne])
    return tampon.getvalue()


def _texte(valeur: Any) -> Any:
    if isinstance(valeur, list | tuple):
        return ", ".join(str(_texte(v)) for v in valeur)
    if isinstance(valeur, dt.date):
        return valeur.isoformat()
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"
    if isinstance(valeur, enum.Enum):
        return valeur.value
    return valeur


def _terminal() -> bool:
    """A person watches stderr (a terminal), not a pipe or a file."""
    return sys.stderr.isatty()


def couleurs_permises() -> bool:
    """False when NO_COLOR is set (https://no-color.org) or the terminal is dumb."""
    return not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


class Sortie:
    """Where everything a command shows goes, in the format the user chose.

    Data (tables, JSON, CSV, documents written to ``-o -``) go to stdout; status lines
    (« ✓ … », « Aucun changement », warnings, errors) go to stderr, so that a script can pipe
    the data whatever happens.
    """

    def __init__(self, format: str = "table", separateur: str = ",") -> None:
        self.format = format
        self.separateur = separateur

    def _console(self, erreur: bool = False) -> Any:
        from rich.console import Console

        flux = sys.stderr if erreur or self.format != "table" else sys.stdout
        # color_system=None: no escape sequence at all (colours, bold) under NO_COLOR/TERM=dumb
        if couleurs_permises():
            return Console(file=flux, highlight=False, soft_wrap=True)
        return Console(file=flux, highlight=False, soft_wrap=True, color_system=None)

    def statut(self, texte: str) -> contextlib.AbstractContextManager[Any]:
        """A spinner with ``texte`` on stderr while a long step runs, at a terminal only:
        nothing when stderr is piped or redirected (scripts, CI, logs)."""
        if not _terminal():
            return contextlib.nullcontext()
        from rich.console import Console

        return Console(file=sys.stderr).status(texte)

    # --- status lines: always on stderr ---------------------------------------------------
    def signaler(self, texte: str) -> None:
        """A line about what was (or was not) done: stderr, never mixed with data."""
        click.echo(texte, err=True)

    def succes(self, texte: str) -> None:
        # click, not rich: importing rich for one line costs ~40 ms (colour only at a terminal)
        coche = click.style("✓", fg="green") if couleurs_permises() else "✓"
        click.echo(f"{coche} {texte}", err=True)

    def avertissement(self, texte: str) -> None:
        self._prefixe("Attention :", texte, fg="yellow")

    def erreur(self, texte: str) -> None:
        self._prefixe("Erreur :", texte, fg="red", bold=True)

    def _prefixe(self, prefixe: str, texte: str, **style: Any) -> None:
        """One status line on stderr, its prefix coloured at a terminal only (click drops the
        colours when stderr is piped): no rich for one line, whose import costs ~25 ms."""
        if couleurs_permises():
            prefixe = click.style(prefixe, **style)
        click.echo(f"{prefixe} {texte}", err=True)

    # --- data: stdout ---------------------------------------------------------------------
    def message(self, texte: str) -> None:
        """Text that is part of a command's result in table mode (stderr in JSON/CSV mode, so
        that stdout stays parseable)."""
        click.echo(texte, err=self.format != "table")

    def brut(self, texte: str) -> None:
        """Text that is the result itself (a script, a document), on stdout, unchanged."""
        click.echo(texte)

    def texte(self, texte: str) -> None:
        """Data as plain text (a Markdown document…), always on stdout."""
        click.echo(texte)

    def json(self, donnees: Any) -> None:
        click.echo(en_json(donnees))

    def tableau(
        self,
        colonnes: Sequence[str],
        lignes: Sequence[Sequence[Any]],
        *,
        cles: Sequence[str] | None = None,
        titre: str | None = None,
        vide: str = "Aucun élément.",
        styles: Sequence[str | None] | None = None,
    ) -> None:
        """A listing: rich table, JSON list of objects (stable ``cles``) or CSV. ``styles``:
        one rich style per line (« red » for what is late), shown on a terminal only.

        A table never cuts a word: cells wrap at spaces, and when even the longest word of
        each column cannot fit side by side in the terminal's width, each row is shown as a
        block of « libellé valeur » lines instead."""
        cles = list(cles or colonnes)
        if self.format == "json":
            self.json([dict(zip(cles, ligne, strict=True)) for ligne in lignes])
        elif self.format == "csv":
            click.echo(en_csv(colonnes, lignes, self.separateur), nl=False)
        else:
            if not lignes:
                self.signaler(vide)
                return
            from clsm_cli.cli.dessin import Tableau

            cellules = [
                [_echapper("" if v is None else str(_texte(v))) for v in ligne] for ligne in lignes
            ]
            # a title carries the folder's texts (a SISM theme, a file name): never markup
            titre = None if titre is None else _echapper(titre)
            self._dessiner([Tableau(list(colonnes), cellules, titre, styles)])

    def ecran(self, donnees: Any, elements: Callable[[], Sequence[Element]]) -> None:
        """Structured result: JSON as is, or in table mode what ``elements()`` describes
        (lines, panels, tables: :mod:`clsm_cli.cli.dessin`)."""
        if self.format == "table":
            self._dessiner(elements())
        else:
            self.json(donnees)

    def _dessiner(self, elements: Sequence[Element]) -> None:
        """Plain text when rich would see no terminal (without importing it), else rich."""
        from clsm_cli.cli.dessin import largeur_hors_terminal, texte_brut

        largeur = largeur_hors_terminal(sys.stdout)
        texte = None if largeur is None else texte_brut(elements, largeur)
        if texte is not None:
            click.echo(texte, nl=False)
        else:
            dessiner_riche(self._console(), elements)

    def donnees(self, donnees: Any, rendu_table: Any = None) -> None:
        """Structured result: JSON as is, or a rendering callback in table mode."""
        if self.format == "table" and rendu_table is not None:
            rendu_table(_ConsoleDifferee(self._console))
        else:
            self.json(donnees)


class _ConsoleDifferee:
    """rich's Console, built on first use: most renderings print one line with click, and
    building it imports rich (~25 ms, a sixth of an edit on a real folder)."""

    def __init__(self, fabriquer: Any) -> None:
        self._fabriquer = fabriquer
        self._console: Any = None

    def __getattr__(self, nom: str) -> Any:
        if self._console is None:
            self._console = self._fabriquer()
        return getattr(self._console, nom)


def dessiner_riche(console: Any, elements: Sequence[Element]) -> None:
    """Draw ``elements`` with rich (at a terminal: colours, bold, red rows)."""
    from clsm_cli.cli.dessin import Ligne, Panneaux

    for element in elements:
        if isinstance(element, Ligne):
            console.print(element.balisage)
        elif isinstance(element, Panneaux):
            from rich.columns import Columns

            console.print(Columns([_panneau(t, lignes) for t, lignes in element.panneaux]))
        elif element.sans_coupure:
            imprimer_tableau(console, table_riche(element))
        else:
            console.print(table_riche(element))


def table_riche(element: Tableau) -> Any:
    """The rich ``Table`` of a :class:`~clsm_cli.cli.dessin.Tableau`."""
    from rich.table import Table

    table = Table(title=element.titre, title_justify="left", show_lines=False)
    for colonne in element.colonnes:
        table.add_column(colonne)
    for i, ligne in enumerate(element.lignes):
        table.add_row(*ligne, style=element.styles[i] if element.styles else None)
    return table


def _panneau(titre: str, lignes: Sequence[tuple[str, str]]) -> Any:
    from rich.panel import Panel
    from rich.table import Table

    table = Table(show_header=False, box=None)
    table.add_column(no_wrap=True)
    table.add_column(justify="right")
    for libelle, valeur in lignes:
        table.add_row(libelle, valeur)
    return Panel.fit(table, title=titre, title_align="left")


def _ajuster_colonnes(console: Any, table: Any) -> bool:
    """Give each column a width of at least its longest word, narrowing the widest first;
    False when even the longest words cannot fit side by side.

    rich itself, when a table is too wide, narrows columns below their longest word and cuts
    it (« Valmont-sur-Loir… », « Identifia|nt »)."""
    from rich.measure import Measurement

    options = console.options.update_width(1_000_000)  # Measurement.get clamps to the width
    minimums, maximums = [], []
    for colonne in table.columns:
        mesures = [
            Measurement.get(console, options, cellule)
            for cellule in (colonne.header, *colonne.cells)
        ]
        minimums.append(max(m.minimum for m in mesures))
        maximums.append(max(m.maximum for m in mesures))
    n = len(table.columns)
    _, droite, _, gauche = table.padding
    bordures = (n + 1 if table.show_edge else n - 1) if table.box else 0
    disponible = console.width - bordures - n * (droite + gauche)
    if sum(minimums) > disponible:
        return False
    # as rich does, narrow the widest column first, but never below its longest word
    largeurs = list(maximums)
    for _ in range(sum(largeurs) - disponible):
        i = max((i for i in range(n) if largeurs[i] > minimums[i]), key=lambda i: largeurs[i])
        largeurs[i] -= 1
    for colonne, largeur in zip(table.columns, largeurs, strict=True):
        colonne.width = largeur
    return True


def imprimer_tableau(console: Any, table: Any) -> None:
    """Print a rich table without ever cutting a word: cells wrap at spaces, and when even the
    longest word of each column cannot fit side by side in the console's width, each row is
    shown as a block of « Colonne valeur » lines instead (as ``psql``'s expanded mode)."""
    if _ajuster_colonnes(console, table):
        console.print(table)
        return
    if table.title:
        console.print(table.title, style="italic")
    if console.is_terminal:  # bold headings: rich draws each block
        _blocs_riches(console, table)
        return
    # piped or redirected: plain text, laid out as rich would, without drawing a table a row
    import textwrap

    from rich.markup import render

    entetes = [str(c.header) for c in table.columns]
    largeur = max(len(e) for e in entetes)
    reste = max(1, console.width - largeur - 2)  # rich pads each column by one on the right
    sortie = []
    for numero, ligne in enumerate(zip(*(list(c.cells) for c in table.columns), strict=True)):
        if numero:
            sortie.append("")
        for entete, valeur in zip(entetes, ligne, strict=True):
            if not valeur:
                continue
            morceaux = []
            for paragraphe in render(valeur).plain.split("\n"):
                morceaux += textwrap.wrap(paragraphe, reste, break_on_hyphens=False) or [""]
            for i, morceau in enumerate(morceaux):
                sortie.append(f"{(entete if i == 0 else ''):<{largeur}} {morceau}".rstrip())
    console.file.write("".join(f"{x}\n" for x in sortie))


def _blocs_riches(console: Any, table: Any) -> None:
    from rich.table import Table

    entetes = [str(c.header) for c in table.columns]
    largeur = max(len(e) for e in entetes)
    for numero, ligne in enumerate(zip(*(list(c.cells) for c in table.columns), strict=True)):
        if numero:
            console.print()
        bloc = Table(show_header=False, box=None, padding=(0, 1, 0, 0))
        bloc.add_column(style="bold", no_wrap=True, min_width=largeur)
        bloc.add_column(overflow="fold")  # only a single word longer than the whole line folds
        for entete, valeur in zip(entetes, ligne, strict=True):
            if valeur:
                bloc.add_row(_echapper(entete), valeur)
        with console.capture() as capture:
            console.print(bloc)
        # without the spaces rich pads each line with up to the widest value
        console.file.write("".join(f"{x.rstrip()}\n" for x in capture.get().splitlines()))


def _echapper(texte: str) -> str:
    from clsm_cli.cli.dessin import echapper

    return echapper(texte)
