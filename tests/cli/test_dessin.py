"""cli/dessin.py draws, without rich, exactly what rich prints off a terminal, or declines.

The reference is rich itself, through the very code the CLI falls back on (``dessiner_riche``:
the Table built as ``Sortie.tableau`` builds it, ``imprimer_tableau``, ``Panel.fit`` in
``Columns``), on a console that is not a terminal, as ``Sortie._console`` makes it.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.markup import escape, render

from clsm_cli.cli.dessin import (
    _UNE_CELLULE,
    Element,
    Ligne,
    Panneaux,
    Tableau,
    affiche,
    echapper,
    largeur_hors_terminal,
    texte_brut,
)
from clsm_cli.cli.sortie import dessiner_riche

from ..documents.test_convocation import dossier
from .aides import Clsm, reussit

__all__ = ["dossier"]  # the fixture: a past copil with follow-ups, the next copil

REGLAGES = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def console_riche(largeur: int | None = None) -> Console:
    """``Sortie._console()`` writing into a string: not a terminal, whatever the environment."""
    return Console(
        file=io.StringIO(),
        width=largeur,
        highlight=False,
        soft_wrap=True,
        force_terminal=False,
        force_jupyter=False,
    )


def par_rich(elements: Sequence[Element], largeur: int) -> str | None:
    """What the CLI printed with rich; None when rich itself fails (bad markup)."""
    console = console_riche(largeur)
    try:
        dessiner_riche(console, elements)
    except Exception:
        return None
    return console.file.getvalue()  # type: ignore[attr-defined]


# --- random French text ---------------------------------------------------------------------

MOTS = [
    "la", "de", "à", "Comité", "pilotage", "santé", "mentale", "Valmont-sur-Loire", "CCAS",
    "d'union", "l’accueil", "Élus", "préfecture", "«", "»", "–", "—", "(EMPP)", "…", "n°",
    "2026", "15", "€", "œuvre", "Saint-Aubin-des-Prés", "Maison des adolescents", "x",
    "pluriprofessionnelle", "conseillère,", "[x]", "[bold]", "[/bold]", "a]b", "[", "]",
    "\\", "C:\\dossier", "\\[", "14:00", "réunion :", "Ω", "ß", "groupe-de-travail-logement",
]  # fmt: skip
"""Words of ordinary French data, one cell wide each (brackets and backslashes included)."""

EXOTIQUES = ["漢字", "😀", "e\u0301", "\t", "\x07", ":smile:", "\u200b", "\r", "\u2028", "ｱ"]
"""What rich does not lay out one character per cell: the plain drawing must decline."""

SEPARATEURS = [" "] * 6 + ["  ", "\xa0", "\u202f", "\n"]


@st.composite
def textes(draw: st.DrawFn, exotique: bool = False, vide: bool = True) -> str:
    mots = st.sampled_from(MOTS + EXOTIQUES) if exotique else st.sampled_from(MOTS)
    n = draw(st.integers(0 if vide else 1, 7))
    texte = ""
    for i in range(n):
        if i:
            texte += draw(st.sampled_from(SEPARATEURS))
        texte += draw(mots)
    if draw(st.integers(0, 9)) == 0:
        texte = " " + texte
    if draw(st.integers(0, 9)) == 0:
        texte += " "
    return texte


MOTS_ENTETE = ["Nom", "Prénom", "Structure", "Collège", "Échéance", "État", "Qui", "Identifiant"]


@st.composite
def entetes(draw: st.DrawFn, exotique: bool) -> str:
    mots = MOTS_ENTETE + (["[bold]", "[/bold]", "[x]", "\\", *EXOTIQUES] if exotique else [])
    return " ".join(draw(st.lists(st.sampled_from(mots), min_size=1, max_size=3)))


@st.composite
def tableaux(draw: st.DrawFn) -> tuple[Tableau, bool]:
    """A table as Sortie.tableau or etat builds it (cells escaped), and whether its text is
    ordinary (nothing exotic)."""
    exotique = draw(st.integers(0, 4)) == 0
    n = draw(st.integers(1, 6))
    colonnes = [draw(entetes(exotique)) for _ in range(n)]
    lignes = [
        [escape(draw(textes(exotique))) for _ in range(n)] for _ in range(draw(st.integers(1, 5)))
    ]
    titre = draw(st.none() | entetes(exotique).map(lambda t: f"{t} ({len(lignes)})"))
    sans_coupure = draw(st.integers(0, 3)) > 0
    return Tableau(colonnes, lignes, titre, None, sans_coupure), not exotique


def test_les_caracteres_d_une_cellule_le_sont_pour_rich() -> None:
    """Whatever UNICODE_VERSION says, rich gives each of them one cell, and no one is a
    line break for Python."""
    from rich._unicode_data import load
    from rich._unicode_data._versions import VERSIONS
    from rich.cells import _is_single_cell_widths

    for version in VERSIONS:
        largeurs = load(version).widths
        for caractere in _UNE_CELLULE:
            if _is_single_cell_widths(caractere):
                continue
            code = ord(caractere)
            assert not any(a <= code <= b and n != 1 for a, b, n in largeurs), (version, code)
    assert "".join(_UNE_CELLULE).splitlines() == ["".join(_UNE_CELLULE)]


@REGLAGES
@given(st.text(alphabet="ab[]/\\ #@=:é\n", max_size=20))
def test_echapper_comme_rich(texte: str) -> None:
    assert echapper(texte) == escape(texte)


BALISAGES = [
    *["a", "é", " ", "[bold]", "[/bold]", "[red]", "[/]", "[x", "]", "\\", "[a]", ":a:", "\\["],
    *EXOTIQUES,
]


@REGLAGES
@given(
    st.lists(
        st.sampled_from(BALISAGES),
        max_size=10,
    ).map("".join),
    st.booleans(),
)
def test_affiche_comme_rich(texte: str, echappe: bool) -> None:
    balisage = escape(texte) if echappe else texte
    attendu = par_rich([Ligne(balisage)], 80)
    obtenu = affiche(balisage)
    if obtenu is not None:
        assert attendu == obtenu + "\n"
        assert obtenu == render(balisage).plain
    if echappe and all(c in _UNE_CELLULE for c in texte) and not re.search(r":\S*:", texte):
        assert obtenu is not None  # escaped ordinary text is always understood


@REGLAGES
@given(tableaux(), st.integers(20, 200))
def test_tableaux_comme_rich(cas: tuple[Tableau, bool], largeur: int) -> None:
    """Either declined, or rich's bytes; ordinary text declined only when rich would leave a
    column less than one character wide."""
    tableau, ordinaire = cas
    obtenu = texte_brut([tableau], largeur)
    if obtenu is not None:
        assert obtenu == par_rich([tableau], largeur)
    elif ordinaire:
        n = len(tableau.colonnes)
        assert not tableau.sans_coupure and (largeur - n - 1) // n < 3


def test_tableaux_ordinaires_presque_tous_dessines() -> None:
    """It does not pass by declining: at least 90 % of ordinary tables drawn without rich."""
    dessines = []

    @settings(max_examples=150, derandomize=True, database=None, deadline=None)
    @given(tableaux(), st.integers(20, 200))
    def essai(cas: tuple[Tableau, bool], largeur: int) -> None:
        tableau, ordinaire = cas
        if ordinaire:
            dessines.append(texte_brut([tableau], largeur) is not None)

    essai()
    assert len(dessines) >= 75
    assert sum(dessines) >= 0.9 * len(dessines)


@st.composite
def panneaux(draw: st.DrawFn) -> tuple[Panneaux, bool]:
    """The etat panels: a title with a figure, rows of (label, figure), escaped."""
    exotique = draw(st.integers(0, 4)) == 0
    liste = []
    for _ in range(draw(st.integers(1, 4))):
        titre = escape(f"{draw(textes(exotique, vide=False))} : {draw(st.integers(0, 999))}")
        lignes = [
            (escape(draw(textes(exotique, vide=False))), str(draw(st.integers(0, 12_000))))
            for _ in range(draw(st.integers(0, 6)))
        ]
        liste.append((titre, lignes or [("—", "")]))
    return Panneaux(liste), not exotique


@REGLAGES
@given(panneaux(), st.integers(20, 200))
def test_panneaux_comme_rich(cas: tuple[Panneaux, bool], largeur: int) -> None:
    """Either declined, or rich's bytes; and ordinary text is declined only when a panel is
    wider than the console (rich narrows it)."""
    element, ordinaire = cas
    obtenu = texte_brut([element], largeur)
    if obtenu is not None:
        assert obtenu == par_rich([element], largeur)
    elif ordinaire:
        largeurs = []
        for panneau in element.panneaux:
            naturel = par_rich([Panneaux([panneau])], 10_000)
            assert naturel is not None
            largeurs.append(len(naturel.splitlines()[0]))
        assert max(largeurs) > largeur


def test_panneaux_ordinaires_presque_tous_dessines() -> None:
    dessines = []

    @settings(max_examples=150, derandomize=True, database=None, deadline=None)
    @given(panneaux(), st.integers(80, 200))
    def essai(cas: tuple[Panneaux, bool], largeur: int) -> None:
        element, ordinaire = cas
        if ordinaire:
            dessines.append(texte_brut([element], largeur) is not None)

    essai()
    assert len(dessines) >= 75
    assert sum(dessines) >= 0.9 * len(dessines)


# --- the width rich would take --------------------------------------------------------------


class Flux(io.StringIO):
    def __init__(self, terminal: bool, encodage: str | None) -> None:
        super().__init__()
        self._terminal = terminal
        self._encodage = encodage

    def isatty(self) -> bool:
        return self._terminal

    @property
    def encoding(self) -> Any:  # type: ignore[override]
        return self._encodage


@pytest.mark.parametrize("colonnes", [None, "100", "abc", "0", "25", "19", "²"])
@pytest.mark.parametrize("force_color", [None, "", "1"])
@pytest.mark.parametrize("tty_compatible", [None, "0", "1"])
@pytest.mark.parametrize("terminal", [False, True])
def test_largeur_comme_rich(
    monkeypatch: pytest.MonkeyPatch,
    colonnes: str | None,
    force_color: str | None,
    tty_compatible: str | None,
    terminal: bool,
) -> None:
    """None, or rich sees no terminal there and takes exactly that width."""
    for nom, valeur in (
        ("COLUMNS", colonnes),
        ("FORCE_COLOR", force_color),
        ("TTY_COMPATIBLE", tty_compatible),
    ):
        if valeur is None:
            monkeypatch.delenv(nom, raising=False)
        else:
            monkeypatch.setenv(nom, valeur)
    for encodage in ("utf-8", "UTF-8", None, "ascii", "latin-1"):
        flux = Flux(terminal, encodage)
        largeur = largeur_hors_terminal(flux)
        try:
            console = Console(file=flux, highlight=False, soft_wrap=True)
            vue = (console.is_terminal, console.width, console.options.ascii_only)
        except ValueError:  # COLUMNS=² : rich fails, the plain drawing declines
            assert largeur is None
            continue
        if largeur is not None:
            assert vue == (False, largeur, False)
    # FORCE_COLOR or TTY_COMPATIBLE set at all, even to what means « no terminal »: rich draws
    if colonnes in (None, "100", "abc") and force_color is tty_compatible is None and not terminal:
        assert largeur_hors_terminal(Flux(False, "utf-8")) is not None


def test_largeur_sans_columns_celle_du_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without COLUMNS, rich asks stdin, stdout, stderr for a terminal size, else says 80."""
    monkeypatch.delenv("COLUMNS", raising=False)
    tailles = iter([OSError(), os.terminal_size((132, 40))])

    def taille(descripteur: int) -> os.terminal_size:
        reponse = next(tailles)
        if isinstance(reponse, OSError):
            raise reponse
        return reponse

    monkeypatch.setattr(os, "get_terminal_size", taille)
    assert largeur_hors_terminal(Flux(False, "utf-8")) == 132

    def aucun_terminal(descripteur: int) -> os.terminal_size:
        raise OSError(descripteur)

    monkeypatch.setattr(os, "get_terminal_size", aucun_terminal)
    assert largeur_hors_terminal(Flux(False, "utf-8")) == 80
    assert console_riche().width == 80


# --- the commands, end to end ---------------------------------------------------------------

SORTIES_DEMO = Path(__file__).parent.parent / "donnees" / "sorties_demo"
"""What ``clsm etat`` and ``clsm membres liste`` printed on the demo, piped, before
cli/dessin.py existed (rich drew them): tests/conftest.py's day, COLUMNS as named."""


def sans_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any drawing with rich now fails the test."""

    def interdit(*args: object) -> None:
        raise AssertionError("dessiné avec rich")

    monkeypatch.setattr("clsm_cli.cli.sortie.dessiner_riche", interdit)


@pytest.mark.parametrize(
    ("fichier", "colonnes", "args"),
    [
        ("etat_80.txt", "80", ["etat"]),
        ("etat_120.txt", "120", ["etat"]),
        ("membres_liste_80.txt", "80", ["membres", "liste"]),
        ("membres_liste_160.txt", "160", ["membres", "liste"]),
        ("membres_liste_tous_120.txt", "120",
         ["membres", "liste", "--tous", "--colonnes", "id,nom,courriel,telephone,notes"]),
        ("etat.json", "120", ["--format", "json", "etat"]),
        ("membres_liste.json", "120", ["--format", "json", "membres", "liste"]),
        ("membres_liste.csv", "120", ["--format", "csv", "membres", "liste"]),
    ],
)  # fmt: skip
def test_demo_comme_avant(
    demo: Path,
    clsm: Clsm,
    monkeypatch: pytest.MonkeyPatch,
    fichier: str,
    colonnes: str,
    args: list[str],
) -> None:
    monkeypatch.setenv("COLUMNS", colonnes)
    sans_rich(monkeypatch)
    r = reussit(clsm, demo, *args)
    assert r.stdout_bytes == (SORTIES_DEMO / fichier).read_bytes()
    assert r.stderr == ""


@pytest.mark.parametrize("colonnes", ["20", "45", "80", "100", "132", "200"])
def test_etat_sans_rich_comme_avec(
    dossier: Path, demo: Path, clsm: Clsm, monkeypatch: pytest.MonkeyPatch, colonnes: str
) -> None:
    """Same bytes as rich's, on the demo and on a folder with a late follow-up and some due
    before the next meeting (the table rich lays out itself, cutting words when narrow)."""
    monkeypatch.setenv("COLUMNS", colonnes)
    for args in (["etat"], ["membres", "liste"]):
        for cible in (demo, dossier):
            brut = reussit(clsm, cible, *args).stdout
            monkeypatch.setenv("FORCE_COLOR", "")  # rich sees no terminal, and draws
            assert reussit(clsm, cible, *args).stdout == brut
            monkeypatch.delenv("FORCE_COLOR")
    assert "À faire avant cette réunion : 2" in reussit(clsm, dossier, "etat").stdout
