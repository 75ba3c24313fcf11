"""Shared openpyxl helpers: one sheet per table (frozen header, automatic widths, number
formats, an Excel table per sheet), native Excel charts, text neutralised against formulas,
and a page setup for print (A4, fit to width only, header row repeated, header and footer).

openpyxl is imported inside the functions: importing this module is free.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from clsm_cli.noyau.textes import cellule_sure, sans_controles

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

ENTIER = "#,##0"
DECIMAL = "#,##0.0"
POURCENT = "0%"
EUROS = '#,##0.00\\ "€"'
EUROS_ENTIERS = '#,##0\\ "€"'
DATE = "dd/mm/yyyy"
TEXTE = "@"

LARGEUR_MIN = 8
LARGEUR_MAX = 60
LARGEUR_PORTRAIT = 100
"""Total column width (Excel character units) that an A4 portrait page holds: a wider sheet
is printed in landscape."""
LARGEUR_PAYSAGE = 150
"""Total column width that an A4 landscape page holds with text at about 9 points."""
LARGEUR_TEXTE_MIN = 18
"""Narrowest a wide text column is made for print (its text then wraps)."""
HAUTEUR_LIGNE = 15.0
"""Height in points of one line of 11 pt Calibri."""
A4 = 9
"""``paperSize`` code of A4 paper."""
DEBUT_FORMULE = ("=", "+", "-", "@", "\t", "\r")
_INTERDITS_FEUILLE = re.compile(r"[\[\]:*?/\\]")


@dataclass
class Colonne:
    """A column of a sheet: header, number format (None = general), width hint."""

    entete: str
    format: str | None = None
    largeur: float | None = None


def nouveau_classeur(titre: str = "", clsm: str = "") -> Workbook:
    """An empty workbook; ``clsm`` (the CLSM's name) heads every printed page."""
    from openpyxl import Workbook

    classeur = Workbook()
    classeur.remove(classeur.active)
    classeur.properties.title = sans_controles(titre) if titre else None
    classeur.properties.subject = sans_controles(clsm) if clsm else None
    classeur.properties.creator = "clsm"
    classeur.properties.language = "fr-FR"
    return classeur


def nom_feuille(nom: str, existants: Sequence[str]) -> str:
    """A valid, unique sheet name (≤ 31 characters, none of ``[]:*?/\\``)."""
    base = _INTERDITS_FEUILLE.sub("-", cellule_sure_texte(nom)).strip("'") or "Feuille"
    base = base[:31]
    pris = {e.casefold() for e in existants}
    candidat, n = base, 2
    while candidat.casefold() in pris:
        suffixe = f" ({n})"
        candidat = base[: 31 - len(suffixe)] + suffixe
        n += 1
    return candidat


def nom_table(nom: str, existants: set[str]) -> str:
    """A unique Excel table name (``displayName``): letters, digits, underscores, not a cell
    reference. ``existants`` (lower case) is updated."""
    ascii_ = unicodedata.normalize("NFKD", nom).encode("ascii", "ignore").decode("ascii")
    base = "T_" + (re.sub(r"[^A-Za-z0-9]+", "_", ascii_).strip("_") or "table")
    base = base[:200]
    candidat, n = base, 2
    while candidat.lower() in existants:
        candidat = f"{base}_{n}"
        n += 1
    existants.add(candidat.lower())
    return candidat


def cellule_sure_texte(valeur: str) -> str:
    sure = cellule_sure(valeur)
    return sure if isinstance(sure, str) else str(sure)


def valeur_cellule(valeur: object) -> object:
    """What goes in a cell: numbers and dates as they are, lists joined, text without control
    characters (:func:`ecrire` stores it as text, so a formula-like text is never run)."""
    if valeur is None:
        return None
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"
    if isinstance(valeur, int | float | dt.date):
        return valeur
    if isinstance(valeur, list | tuple):
        return sans_controles(", ".join(str(v) for v in valeur))
    return sans_controles(str(valeur))


def ecrire(ws: Worksheet, ligne: int, colonne: int, valeur: object) -> None:
    """Put a value in a cell; text is a text-typed cell (a shared string, never a formula)
    and, when it looks like a formula, carries the « quote prefix » that keeps it text when
    someone edits it: no visible apostrophe."""
    cellule = ws.cell(row=ligne, column=colonne)
    valeur = valeur_cellule(valeur)
    cellule.value = valeur
    if isinstance(valeur, str):
        cellule.data_type = "s"
        if valeur.startswith(DEBUT_FORMULE):
            cellule.quotePrefix = True


def feuille(
    classeur: Workbook,
    nom: str,
    colonnes: Sequence[Colonne],
    lignes: Sequence[Sequence[object]],
    *,
    vide: str = "Aucune donnée.",
    tables: set[str] | None = None,
) -> Worksheet:
    """A sheet holding one table: header in row 1 (frozen), data, an Excel table over it.

    With no ``lignes``, one row says ``vide`` so that the table stays valid.
    """
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    ws = classeur.create_sheet(nom_feuille(nom, classeur.sheetnames))
    entetes = _entetes_uniques([c.entete for c in colonnes])
    for j, entete in enumerate(entetes, start=1):
        ecrire(ws, 1, j, entete)
    for i, ligne in enumerate(lignes or [(vide,)], start=2):
        for j, valeur in enumerate(ligne, start=1):
            ecrire(ws, i, j, valeur)
    nb_lignes = max(len(lignes), 1) + 1
    largeurs: list[float] = []
    plus_longues: list[int] = []
    for j, colonne in enumerate(colonnes, start=1):
        longueurs = [len(str(entetes[j - 1])) + 3]
        for i in range(2, nb_lignes + 1):
            cellule = ws.cell(row=i, column=j)
            if colonne.format and not isinstance(cellule.value, str):
                cellule.number_format = format_nombre(colonne.format, cellule.value)
            longueurs.append(_longueur(cellule.value, colonne.format))
        largeurs.append(colonne.largeur or min(max(max(longueurs) + 1, LARGEUR_MIN), LARGEUR_MAX))
        plus_longues.append(max(longueurs))
    largeurs = ajuster_largeurs(largeurs)
    enroulees: list[int] = []
    for j, (largeur, plus_longue) in enumerate(zip(largeurs, plus_longues, strict=True), 1):
        ws.column_dimensions[get_column_letter(j)].width = largeur
        enroulee = plus_longue > largeur or any(
            isinstance(ws.cell(row=i, column=j).value, str)
            and "\n" in ws.cell(row=i, column=j).value
            for i in range(2, nb_lignes + 1)
        )
        if enroulee:
            enroulees.append(j)
        # every cell at the top of its row, so that a row of wrapped text reads across
        alignement = Alignment(wrap_text=enroulee, vertical="top")
        for i in range(2, nb_lignes + 1):
            ws.cell(row=i, column=j).alignment = alignement
    for cellule in ws[1]:
        cellule.font = Font(name="Calibri", size=11, bold=True)
        cellule.alignment = Alignment(wrap_text=True, vertical="top")
    lignes_entete = max(
        math.ceil((len(str(e)) + 2) / max(x - 1, 1)) for e, x in zip(entetes, largeurs, strict=True)
    )
    if lignes_entete > 1:
        ws.row_dimensions[1].height = lignes_entete * HAUTEUR_LIGNE
    _hauteurs(ws, nb_lignes, largeurs, enroulees)
    ws.freeze_panes = "A2"
    reference = f"A1:{get_column_letter(len(colonnes))}{nb_lignes}"
    table = Table(
        displayName=nom_table(ws.title, tables if tables is not None else set()), ref=reference
    )
    table.tableStyleInfo = TableStyleInfo(
        name="TableStyleMedium2", showRowStripes=True, showColumnStripes=False
    )
    ws.add_table(table)
    mise_en_page(ws, sum(largeurs), classeur.properties.subject or "")
    return ws


def ajuster_largeurs(largeurs: list[float]) -> list[float]:
    """Column widths that an A4 landscape page holds at a readable size: the wide text columns
    are narrowed (their text wraps) down to :data:`LARGEUR_TEXTE_MIN`, proportionally to what
    they exceed it by, until the sheet is at most :data:`LARGEUR_PAYSAGE` wide."""
    exces = sum(largeurs) - LARGEUR_PAYSAGE
    marges = [max(0.0, x - LARGEUR_TEXTE_MIN) for x in largeurs]
    if exces <= 0 or not sum(marges):
        return list(largeurs)
    part = min(1.0, exces / sum(marges))
    return [round(x - m * part, 1) for x, m in zip(largeurs, marges, strict=True)]


def format_nombre(format_: str, valeur: object) -> str:
    """Counts and whole amounts without decimals (« 7 », « 12 500 € »), others as asked."""
    entier = isinstance(valeur, int) or (isinstance(valeur, float) and valeur.is_integer())
    if entier and format_ == DECIMAL:
        return ENTIER
    if entier and format_ == EUROS:
        return EUROS_ENTIERS
    return format_


def mise_en_page(ws: Worksheet, largeur: float, clsm: str) -> None:
    """Print setup: A4, landscape when the columns are wider than a portrait page, scaled to
    the page's width only (never squeezed onto one page: rows flow onto as many pages as
    needed), header row repeated on each page, the CLSM and the sheet in the header and the
    page number in the footer."""
    ws.page_setup.paperSize = A4
    ws.page_setup.orientation = "landscape" if largeur > LARGEUR_PORTRAIT else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    echapper = _entete_sur
    if clsm:
        ws.oddHeader.left.text = echapper(clsm)
        ws.oddHeader.left.size = 9
    ws.oddHeader.right.text = "&A"  # the sheet's name
    ws.oddHeader.right.size = 9
    ws.oddFooter.center.text = "Page &P sur &N"
    ws.oddFooter.center.size = 9


def _entete_sur(texte: str) -> str:
    """Text for a print header: « & » doubled (it introduces codes), control characters
    removed, within Excel's 255 characters."""
    return sans_controles(texte).replace("&", "&&")[:200]


def _hauteurs(ws: Worksheet, nb_lignes: int, largeurs: list[float], enroulees: list[int]) -> None:
    """Row heights for wrapped text (Excel does not compute them for a generated file, and
    LibreOffice prints such rows one line high, the text overlapping)."""
    if not enroulees:
        return
    for i in range(2, nb_lignes + 1):
        lignes = 1
        for j in enroulees:
            valeur = ws.cell(row=i, column=j).value
            if valeur is None:
                continue
            utile = max(largeurs[j - 1] - 1, 1)
            lignes = max(
                lignes,
                sum(max(1, math.ceil(len(x) / utile)) for x in str(valeur).split("\n")),
            )
        if lignes > 1:
            ws.row_dimensions[i].height = lignes * HAUTEUR_LIGNE


def _entetes_uniques(entetes: Sequence[str]) -> list[str]:
    vus: set[str] = set()
    resultat = []
    for e in entetes:
        texte = cellule_sure_texte(e) or "Colonne"
        candidat, n = texte, 2
        while candidat.casefold() in vus:
            candidat = f"{texte} {n}"
            n += 1
        vus.add(candidat.casefold())
        resultat.append(candidat)
    return resultat


def _longueur(valeur: object, format_: str | None) -> int:
    if valeur is None:
        return 0
    if isinstance(valeur, dt.date):
        return 10
    if isinstance(valeur, float | int) and not isinstance(valeur, bool):
        texte = f"{valeur:,.2f}" if format_ == EUROS else f"{valeur:,}"
        return len(texte) + (2 if format_ == EUROS else 0)
    return max((len(ligne) for ligne in str(valeur).split("\n")), default=0)


def graphique_barres(
    ws: Worksheet,
    titre: str,
    *,
    colonne_categories: int,
    colonnes_valeurs: Sequence[int],
    nb_lignes: int,
    ancre: str,
    horizontal: bool = False,
    titre_axe: str = "",
) -> None:
    """A native bar chart of the sheet's own data (rows 2…nb_lignes+1)."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.label import DataLabelList

    if nb_lignes < 1:
        return
    graphique = BarChart()
    graphique.type = "bar" if horizontal else "col"
    graphique.title = cellule_sure_texte(titre)
    graphique.style = 10
    graphique.height = max(7.5, 0.7 * nb_lignes + 3) if horizontal else 8
    graphique.width = 16
    for colonne in colonnes_valeurs:
        donnees = Reference(ws, min_col=colonne, min_row=1, max_row=nb_lignes + 1)
        graphique.add_data(donnees, titles_from_data=True)
    categories = Reference(ws, min_col=colonne_categories, min_row=2, max_row=nb_lignes + 1)
    graphique.set_categories(categories)
    if len(colonnes_valeurs) == 1:
        graphique.legend = None
    graphique.dataLabels = DataLabelList(
        showVal=True,
        showSerName=False,
        showCatName=False,
        showLegendKey=False,
        showPercent=False,
        showLeaderLines=False,
    )
    graphique.x_axis.delete = False
    graphique.y_axis.delete = False
    graphique.y_axis.majorGridlines = None
    graphique.y_axis.numFmt = ENTIER
    if titre_axe:
        graphique.y_axis.title = titre_axe
    if horizontal:
        graphique.x_axis.scaling.orientation = "maxMin"
    ws.add_chart(graphique, ancre)


def en_octets(classeur: Workbook) -> bytes:
    tampon = io.BytesIO()
    classeur.save(tampon)
    return tampon.getvalue()
