"""The one output layer: tables, JSON, CSV and messages. Commands never print themselves.

rich is imported only when a table or a coloured message is actually shown.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import json
import sys
from collections.abc import Sequence
from typing import Any

import click

from clsm_cli.noyau.textes import cellule_sure

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


class Sortie:
    """Where everything a command shows goes, in the format the user chose."""

    def __init__(self, format: str = "table", separateur: str = ",") -> None:
        self.format = format
        self.separateur = separateur

    # --- messages (stderr in json/csv mode so that stdout stays parseable) -----------------
    def _console(self, erreur: bool = False) -> Any:
        from rich.console import Console

        flux = sys.stderr if erreur or self.format != "table" else sys.stdout
        return Console(file=flux, highlight=False, soft_wrap=True)

    def message(self, texte: str) -> None:
        click.echo(texte, err=self.format != "table")

    def succes(self, texte: str) -> None:
        # click, not rich: importing rich for one line costs ~40 ms (colour only at a terminal)
        click.echo(f"{click.style('✓', fg='green')} {texte}", err=self.format != "table")

    def avertissement(self, texte: str) -> None:
        self._console(erreur=True).print(f"[yellow]Attention :[/yellow] {_echapper(texte)}")

    def erreur(self, texte: str) -> None:
        self._console(erreur=True).print(f"[bold red]Erreur :[/bold red] {_echapper(texte)}")

    # --- data -----------------------------------------------------------------------------
    def brut(self, texte: str) -> None:
        """Text that is the result itself (a script, a document), on stdout, unchanged."""
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
    ) -> None:
        """A listing: rich table, JSON list of objects (stable ``cles``) or CSV."""
        cles = list(cles or colonnes)
        if self.format == "json":
            self.json([dict(zip(cles, ligne, strict=True)) for ligne in lignes])
        elif self.format == "csv":
            click.echo(en_csv(colonnes, lignes, self.separateur), nl=False)
        else:
            if not lignes:
                self.message(vide)
                return
            from rich.table import Table

            table = Table(title=titre, title_justify="left", show_lines=False)
            for colonne in colonnes:
                table.add_column(colonne, overflow="fold")
            for ligne in lignes:
                table.add_row(*(_echapper(str(_texte(v)) if v is not None else "") for v in ligne))
            self._console().print(table)

    def donnees(self, donnees: Any, rendu_table: Any = None) -> None:
        """Structured result: JSON as is, or a rendering callback in table mode."""
        if self.format == "table" and rendu_table is not None:
            rendu_table(self._console())
        else:
            self.json(donnees)


def _echapper(texte: str) -> str:
    from rich.markup import escape

    return escape(texte)
