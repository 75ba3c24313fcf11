"""What a command shows in table mode (lines, panels, tables), and its drawing as plain text.

When stdout is not a terminal (a pipe, a file, a script), rich draws no colour and no bold: its
output is plain text that this module reproduces character for character, without importing
rich (~25 ms) nor building its renderables (15 to 40 ms more). It follows rich 15's own
layout: word wrapping (``rich._wrap.divide_line``, ``Text.wrap``), column widths
(``Table._calculate_column_widths``), panels (``Panel.fit``) and columns (``Columns``).

It does so only where the result is certain: every character one cell wide, markup made of
escaped brackets and ``[bold]`` only, no emoji code, a width rich would take from ``COLUMNS``
or from the terminal size, as it does. Anything else (wide characters, emoji, tabs, control
characters, a table rich would have to narrow itself, an environment that makes rich see a
terminal…) answers None, and the caller draws with rich as before.
"""

from __future__ import annotations

import builtins
import itertools
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NamedTuple

# --- what a command shows ---------------------------------------------------------------------


class Ligne(NamedTuple):
    """A line of rich markup (« [bold]…[/bold] », escaped brackets), printed as is."""

    balisage: str


class Panneaux(NamedTuple):
    """Small framed tables side by side, as many per row as the width allows: each one a title
    and rows of (label, figure), the figure aligned right (``Panel.fit`` in ``Columns``)."""

    panneaux: Sequence[tuple[str, Sequence[tuple[str, str]]]]


class Tableau(NamedTuple):
    """A table: headers, cells (rich markup, escaped), an optional title above it, one rich
    style per row (at a terminal only).

    ``sans_coupure``: never cut a word (:func:`clsm_cli.cli.sortie.imprimer_tableau`: columns
    narrowed down to their longest word at most, else one block of lines per row); False:
    rich's own layout, which cuts words when the table is too wide."""

    colonnes: Sequence[str]
    lignes: Sequence[Sequence[str]]
    titre: str | None = None
    styles: Sequence[str | None] | None = None
    sans_coupure: bool = True


Element = Ligne | Panneaux | Tableau

# --- the width rich would use, when it would see no terminal -----------------------------------

LARGEUR_MINIMALE = 20
"""Below this width, rich is left to lay out: the tests check the plain drawing against rich
from 20 columns on."""


def largeur_hors_terminal(flux: Any) -> int | None:
    """The width of a rich ``Console(file=flux)`` when rich would not treat ``flux`` as a
    terminal (no colour, no bold); None when it would, or when its choice depends on
    something not reproduced here (Windows, Jupyter, IDLE, ``FORCE_COLOR``,
    ``TTY_COMPATIBLE``, an encoding other than UTF-8, a width under 20).

    As rich (``Console.is_terminal``, ``Console.size``): ``COLUMNS`` when it is a number,
    else the size of the first of stdin, stdout, stderr that is a terminal, else 80."""
    if sys.platform == "win32" or hasattr(builtins, "get_ipython"):
        return None
    if getattr(sys.stdin, "__module__", "").startswith("idlelib"):
        return None
    if "FORCE_COLOR" in os.environ or "TTY_COMPATIBLE" in os.environ:
        return None
    if hasattr(flux, "rich_proxied_file"):
        return None
    isatty = getattr(flux, "isatty", None)
    try:
        if isatty is not None and isatty():
            return None
    except ValueError:  # a closed file: rich sees no terminal either
        pass
    if not (getattr(flux, "encoding", None) or "utf-8").lower().startswith("utf"):
        return None  # rich would draw ASCII boxes
    colonnes = os.environ.get("COLUMNS")
    largeur: int | None = None
    if colonnes is not None and colonnes.isdigit():
        try:
            largeur = int(colonnes)
        except ValueError:  # « ² ».isdigit(): rich itself would fail
            return None
    else:
        for flux_standard, numero in ((sys.__stdin__, 0), (sys.__stdout__, 1), (sys.__stderr__, 2)):
            try:
                descripteur = flux_standard.fileno()  # type: ignore[union-attr]
            except Exception:
                descripteur = numero
            try:
                largeur = os.get_terminal_size(descripteur).columns
            except (AttributeError, ValueError, OSError):
                continue
            break
        largeur = largeur or 80
    return largeur if largeur >= LARGEUR_MINIMALE else None


# --- text: markup, characters -------------------------------------------------------------------

_A_ECHAPPER = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")
_BALISE = re.compile(r"((\\*)\[([a-z#/@][^[]*?)])")  # rich.markup.RE_TAGS
_CODE_EMOJI = re.compile(r":\S*:")  # wider than rich's ``:name:``: any such text is left to rich

_UNE_CELLULE = frozenset(
    chr(code)
    for debut, fin in (
        (0x20, 0x7E),  # ASCII
        (0xA0, 0xAC),  # Latin-1 (with the no-break space), without the soft hyphen
        (0xAE, 0x2FF),  # Latin-1, Latin Extended A and B, IPA, modifier letters
        (0x370, 0x482),  # Greek, Cyrillic (without combining marks)
        (0x2000, 0x200A),  # spaces
        (0x2010, 0x2027),  # dashes, quotation marks, bullet, ellipsis
        (0x202F, 0x205E),  # narrow no-break space, per mille, guillemets ‹ ›, ⁄…
        (0x20A0, 0x20C0),  # currency signs (€)
        (0x2100, 0x214F),  # letterlike symbols (№, ™, ℃)
        (0x2190, 0x21FF),  # arrows
    )
    for code in range(debut, fin + 1)
)
"""Characters rich gives one cell, whatever the Unicode version (a test checks it), and
that Python's ``str.splitlines`` does not split on: with them, width is ``len``."""


def echapper(texte: str) -> str:
    """``rich.markup.escape``: ``texte`` shown as is in rich markup (« [x] » is not a style)."""

    def doubler(correspondance: re.Match[str]) -> str:
        barres, balise = correspondance.groups()
        return f"{barres}{barres}\\{balise}"

    texte = _A_ECHAPPER.sub(doubler, texte)
    if texte.endswith("\\") and not texte.endswith("\\\\"):
        return texte + "\\"
    return texte


def affiche(balisage: str) -> str | None:
    """The text rich displays for ``balisage`` (``rich.markup.render(…).plain``); None when it
    holds a style other than ``[bold]``, an emoji code or a character that is not one cell
    wide (or a tab, a control character)."""
    if _CODE_EMOJI.search(balisage):
        return None
    if "[" not in balisage:
        texte = balisage
    else:
        morceaux: list[str] = []
        ouvertes = 0
        position = 0
        for correspondance in _BALISE.finditer(balisage):
            tout, echappements, balise = correspondance.groups()
            debut, fin = correspondance.span()
            if debut > position:
                morceaux.append(balisage[position:debut].replace("\\[", "["))
            position = fin
            if echappements:
                barres, echappee = divmod(len(echappements), 2)
                morceaux.append("\\" * barres)
                if echappee:
                    morceaux.append(tout[len(echappements) :])
                    continue
            if balise == "bold":
                ouvertes += 1
            elif balise == "/bold" and ouvertes:
                ouvertes -= 1
            else:
                return None
        if position < len(balisage):
            morceaux.append(balisage[position:].replace("\\[", "["))
        texte = "".join(morceaux)
    if not _UNE_CELLULE.issuperset(texte.replace("\n", "")):
        return None
    return texte


# --- wrapping, as rich.text.Text.wrap ---------------------------------------------------------

_MOT = re.compile(r"\s*\S+\s*")
_ESPACES_FINALES = re.compile(r"\s+$")


def _coupures(texte: str, largeur: int, plier: bool) -> list[int]:
    """Where rich breaks a line of ``texte`` to fit ``largeur`` (``rich._wrap.divide_line``):
    at spaces, a word longer than the width folded (``plier``) or left whole."""
    coupures: list[int] = []
    decalage = 0
    mot = _MOT.match(texte, 0)
    while mot is not None:
        debut, fin = mot.span()
        longueur = len(mot.group(0).rstrip())
        if largeur - decalage >= longueur:
            decalage += fin - debut
        elif longueur > largeur:
            if plier:
                morceaux = [texte[i : min(i + largeur, fin)] for i in range(debut, fin, largeur)]
                for i, morceau in enumerate(morceaux):
                    if debut:
                        coupures.append(debut)
                    if i == len(morceaux) - 1:
                        decalage = len(morceau)
                    else:
                        debut += len(morceau)
            else:
                if debut:
                    coupures.append(debut)
                decalage = fin - debut
        elif decalage and debut:
            coupures.append(debut)
            decalage = fin - debut
        mot = _MOT.match(texte, fin)
    return coupures


def _tronquer(texte: str, largeur: int, debordement: str, completer: bool = False) -> str:
    """``Text.truncate``: cut to ``largeur`` (« … » at the end for « ellipsis »)."""
    longueur = len(texte)
    if longueur > largeur:
        texte = texte[: largeur - 1] + "…" if debordement == "ellipsis" else texte[:largeur]
    if completer and longueur < largeur:
        texte += " " * (largeur - longueur)
    return texte


def _cellule(
    texte: str,
    largeur: int,
    *,
    droite: bool = False,
    plier: bool = False,
    sans_retour: bool = False,
) -> list[str]:
    """The lines of a table cell's text, each ``largeur`` wide (``Text.wrap`` then
    ``Console.render_lines``); overflow « ellipsis », or « fold » with ``plier``."""
    debordement = "fold" if plier else "ellipsis"
    lignes = []
    for ligne in texte.split("\n"):
        if sans_retour:
            morceaux = [ligne]
        else:
            bornes = [0, *_coupures(ligne, largeur, plier), len(ligne)]
            morceaux = []
            for debut, fin in itertools.pairwise(bornes):
                morceau = ligne[debut:fin]
                if len(morceau) > largeur:  # Text.rstrip_end
                    espaces = _ESPACES_FINALES.search(morceau)
                    if espaces is not None:
                        retirer = min(len(espaces.group(0)), len(morceau) - largeur)
                        morceau = morceau[: len(morceau) - retirer]
                morceaux.append(morceau)
        for morceau in morceaux:
            if droite:
                morceau = _tronquer(morceau.rstrip(), largeur, debordement)
                morceau = " " * (largeur - len(morceau)) + morceau
            else:
                morceau = _tronquer(morceau, largeur, debordement, completer=True)
            morceau = _tronquer(morceau, largeur, debordement)
            lignes.append(morceau[:largeur].ljust(largeur))
    return lignes


def _mesure(texte: str) -> tuple[int, int]:
    """``Measurement.get`` of a text: its longest word, its longest line."""
    lignes = texte.splitlines()
    maximum = max((len(ligne) for ligne in lignes), default=0)
    mots = texte.split()
    minimum = max((len(mot) for mot in mots), default=maximum)
    if maximum < 1:
        return 0, 0
    return min(minimum, maximum), maximum


# --- tables -----------------------------------------------------------------------------------


def _rangee(
    cellules: Sequence[str], largeurs: Sequence[int], *, en_bas: bool = False
) -> list[list[str]]:
    """One row of a table: each cell's lines padded by one space on both sides, as many lines
    in each (blank ones below, or above for a header: ``en_bas``)."""
    colonnes = [
        [f" {ligne} " for ligne in _cellule(cellule, largeur)]
        for cellule, largeur in zip(cellules, largeurs, strict=True)
    ]
    hauteur = max(len(colonne) for colonne in colonnes)
    for colonne, largeur in zip(colonnes, largeurs, strict=True):
        vides = [" " * (largeur + 2)] * (hauteur - len(colonne))
        colonne[:] = vides + colonne if en_bas else colonne + vides
    return [list(ligne) for ligne in zip(*colonnes, strict=True)]


def _tableau_dessine(
    titre: str | None, entetes: Sequence[str], lignes: Sequence[Sequence[str]], largeurs: list[int]
) -> str:
    """A rich ``Table`` (box HEAVY_HEAD) whose columns are ``largeurs`` wide inside."""
    traits = [n + 2 for n in largeurs]
    sortie = [] if titre is None else [titre]
    sortie.append("┏" + "┳".join("━" * n for n in traits) + "┓")
    sortie += ["┃" + "┃".join(ligne) + "┃" for ligne in _rangee(entetes, largeurs, en_bas=True)]
    sortie.append("┡" + "╇".join("━" * n for n in traits) + "┩")
    for cellules in lignes:
        sortie += ["│" + "│".join(ligne) + "│" for ligne in _rangee(cellules, largeurs)]
    sortie.append("└" + "┴".join("─" * n for n in traits) + "┘")
    return "".join(f"{ligne}\n" for ligne in sortie)


def _largeurs_sans_coupure(
    mesures: Sequence[Sequence[tuple[int, int]]], largeur: int
) -> list[int] | None:
    """``sortie._ajuster_colonnes``: each column at least as wide as its longest word,
    the widest narrowed first; None when the longest words do not fit side by side."""
    n = len(mesures)
    minimums = [max(m[0] for m in colonne) for colonne in mesures]
    largeurs = [max(m[1] for m in colonne) for colonne in mesures]
    disponible = largeur - (n + 1) - 2 * n
    if sum(minimums) > disponible:
        return None
    for _ in range(sum(largeurs) - disponible):
        i = max((i for i in range(n) if largeurs[i] > minimums[i]), key=lambda i: largeurs[i])
        largeurs[i] -= 1
    return largeurs


def _reduire(total: int, parts: list[int], maximums: list[int], valeurs: list[int]) -> list[int]:
    """``rich._ratio.ratio_reduce``: take ``total`` off ``valeurs`` in proportion to ``parts``,
    at most ``maximums``."""
    parts = [part if maximum else 0 for part, maximum in zip(parts, maximums, strict=True)]
    somme = sum(parts)
    if not somme:
        return valeurs[:]
    reste = total
    resultat = []
    for part, maximum, valeur in zip(parts, maximums, valeurs, strict=True):
        if part and somme > 0:
            retire = min(maximum, round(part * reste / somme))
            resultat.append(valeur - retire)
            reste -= retire
            somme -= part
        else:
            resultat.append(valeur)
    return resultat


def _largeurs_rich(largeurs: list[int], disponible: int) -> list[int]:
    """How rich narrows a table too wide for ``disponible`` (``Table._collapse_widths``):
    the widest columns first, down to the next widest, then all evenly."""
    exces = sum(largeurs) - disponible
    while sum(largeurs) and exces > 0:
        plus_large = max(largeurs)
        suivante = max((n for n in largeurs if n != plus_large), default=0)
        if not plus_large - suivante:
            break
        parts = [1 if n == plus_large else 0 for n in largeurs]
        largeurs = _reduire(
            exces, parts, [min(exces, plus_large - suivante)] * len(parts), largeurs
        )
        exces = sum(largeurs) - disponible
    if exces > 0:
        largeurs = _reduire(exces, [1] * len(largeurs), largeurs, largeurs)
    return largeurs


def _blocs(
    titre: str | None,
    entetes: Sequence[str],
    lignes: Sequence[Sequence[str]],
    affichees: Sequence[Sequence[str]],
    largeur: int,
) -> str:
    """The plain blocks of ``sortie.imprimer_tableau`` off a terminal: each row as lines
    « Colonne valeur » (``entetes`` as written, the ``affichees`` values wrapped by
    ``textwrap``), a blank line between rows."""
    import textwrap

    marge = max(len(e) for e in entetes)
    reste = max(1, largeur - marge - 2)
    sortie = [] if titre is None else [titre]
    for numero, (ligne, affichee) in enumerate(zip(lignes, affichees, strict=True)):
        if numero:
            sortie.append("")
        for entete, valeur, texte in zip(entetes, ligne, affichee, strict=True):
            if not valeur:
                continue
            morceaux = []
            for paragraphe in texte.split("\n"):
                morceaux += textwrap.wrap(paragraphe, reste, break_on_hyphens=False) or [""]
            for i, morceau in enumerate(morceaux):
                sortie.append(f"{(entete if i == 0 else ''):<{marge}} {morceau}".rstrip())
    return "".join(f"{x}\n" for x in sortie)


def _tableau(element: Tableau, largeur: int) -> str | None:
    titre = affiche(element.titre) if element.titre else None  # rich: « if self.title »
    entetes = [affiche(e) for e in element.colonnes]
    lignes = [[affiche(v) for v in ligne] for ligne in element.lignes]
    if (
        (element.titre and titre is None)
        or not entetes
        or any(e is None for e in entetes)
        or any(v is None for ligne in lignes for v in ligne)
        or any(len(ligne) != len(entetes) for ligne in lignes)
    ):
        return None
    textes = [[str(v) for v in ligne] for ligne in lignes]
    en_tete = [str(e) for e in entetes]
    mesures = [[_mesure(t) for t in colonne] for colonne in zip(en_tete, *textes, strict=True)]
    if element.sans_coupure:
        largeurs = _largeurs_sans_coupure(mesures, largeur)
        if largeurs is None:
            return _blocs(titre, element.colonnes, element.lignes, textes, largeur)
    else:  # rich's own layout: narrowed columns, words cut (« … ») if need be
        disponible = largeur - len(mesures) - 1
        largeurs = [min(max(m[1] for m in colonne) + 2, disponible) for colonne in mesures]
        largeurs = [n - 2 for n in _largeurs_rich(largeurs, disponible)]
    if min(largeurs) < 1:
        return None
    return _tableau_dessine(titre, en_tete, textes, largeurs)


# --- panels in columns (clsm etat) --------------------------------------------------------------


def _panneau(titre: str | None, lignes: Sequence[tuple[str, str]]) -> list[str]:
    """``Panel.fit(Table(show_header=False, box=None), title=…, title_align="left")``: a
    rounded frame, the title in its top edge, labels left and figures right."""
    gauche = max(_mesure(libelle)[1] for libelle, _ in lignes)
    droite = max(_mesure(valeur)[1] for _, valeur in lignes)
    table = []
    for libelle, valeur in lignes:
        cellules = [
            [f" {ligne} " for ligne in _cellule(libelle, gauche, sans_retour=True)],
            [f" {ligne} " for ligne in _cellule(valeur, droite, droite=True)],
        ]
        hauteur = max(len(c) for c in cellules)
        for cellule, n in zip(cellules, (gauche, droite), strict=True):
            cellule += [" " * (n + 2)] * (hauteur - len(cellule))
        table += ["".join(morceaux) for morceaux in zip(*cellules, strict=True)]
    interieur = max(gauche + droite + 6, 0 if titre is None else len(titre) + 4)
    if titre is not None:
        haut = "╭─ " + titre + " " + "─" * (interieur - len(titre) - 4) + "─╮"
    else:
        haut = "╭" + "─" * interieur + "╮"
    corps = [f"│ {ligne.ljust(interieur - 2)} │" for ligne in table]
    return [haut, *corps, "╰" + "─" * interieur + "╯"]


def _panneaux(element: Panneaux, largeur: int) -> str | None:
    panneaux = []
    for titre_balise, lignes_balisees in element.panneaux:
        titre = affiche(titre_balise) if titre_balise else None  # rich: « if self.title »
        lignes = [(affiche(libelle), affiche(valeur)) for libelle, valeur in lignes_balisees]
        if titre_balise and titre is None:
            return None
        if not lignes or any(a is None or b is None for a, b in lignes):
            return None
        titre = None if titre is None else titre.replace("\n", " ")
        panneau = _panneau(titre, [(str(a), str(b)) for a, b in lignes])
        if len(panneau[0]) > largeur:  # rich would narrow it
            return None
        panneaux.append(panneau)
    if not panneaux:
        return ""
    tailles = [len(p[0]) for p in panneaux]
    # rich.columns.Columns: as many columns as fit, one space between them
    nombre = len(panneaux)
    while nombre > 1:
        largeurs: dict[int, int] = {}
        colonne = 0
        vides = (nombre - len(tailles) % nombre) % nombre
        for taille in [*tailles, *[0] * vides]:
            largeurs[colonne] = max(largeurs.get(colonne, 0), taille)
            if sum(largeurs.values()) + len(largeurs) - 1 > largeur:
                nombre = len(largeurs) - 1
                break
            colonne = (colonne + 1) % nombre
        else:
            break
    rangees = [panneaux[i : i + nombre] for i in range(0, len(panneaux), nombre)]
    largeurs_colonnes = [
        max(len(rangee[c][0]) for rangee in rangees if c < len(rangee)) for c in range(nombre)
    ]
    sortie = []
    for rangee in rangees:
        hauteur = max(len(p) for p in rangee)
        for i in range(hauteur):
            morceaux = []
            for c, n in enumerate(largeurs_colonnes):
                ligne = rangee[c][i] if c < len(rangee) and i < len(rangee[c]) else ""
                morceaux.append(ligne.ljust(n + (c < nombre - 1)))
            sortie.append("".join(morceaux) + "\n")
    return "".join(sortie)


# --- the whole ----------------------------------------------------------------------------------


def texte_brut(elements: Sequence[Element], largeur: int) -> str | None:
    """What rich prints for ``elements`` on a console ``largeur`` wide that is not a terminal
    (``soft_wrap=True``, no highlighting), or None when it cannot be reproduced for sure."""
    morceaux = []
    for element in elements:
        if isinstance(element, Ligne):
            texte = affiche(element.balisage)
            morceau = None if texte is None else texte + "\n"
        elif isinstance(element, Panneaux):
            morceau = _panneaux(element, largeur)
        else:
            morceau = _tableau(element, largeur)
        if morceau is None:
            return None
        morceaux.append(morceau)
    return "".join(morceaux)
