"""Shared openpyxl helpers: one sheet per table (frozen header, automatic widths, number
formats, an Excel table per sheet), native Excel charts, text neutralised against formulas.

openpyxl is imported inside the functions: importing this module is free.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from clsm_cli.noyau.textes import cellule_sure

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

ENTIER = "#,##0"
DECIMAL = "#,##0.0"
POURCENT = "0%"
EUROS = '#,##0.00\\ "€"'
DATE = "dd/mm/yyyy"
TEXTE = "@"

LARGEUR_MIN = 8
LARGEUR_MAX = 60
_INTERDITS_FEUILLE = re.compile(r"[\[\]:*?/\\]")


@dataclass
class Colonne:
    """A column of a sheet: header, number format (None = general), width hint."""

    entete: str
    format: str | None = None
    largeur: float | None = None


def nouveau_classeur(titre: str = "") -> Workbook:
    from openpyxl import Workbook

    classeur = Workbook()
    classeur.remove(classeur.active)
    classeur.properties.title = cellule_sure(titre) if titre else None
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
    """What goes in a cell: numbers and dates as they are, lists joined, text neutralised."""
    if valeur is None:
        return None
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"
    if isinstance(valeur, int | float | dt.date):
        return valeur
    if isinstance(valeur, list | tuple):
        return cellule_sure(", ".join(str(v) for v in valeur))
    return cellule_sure(str(valeur))


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
    ws.append(entetes)
    if lignes:
        for ligne in lignes:
            ws.append([valeur_cellule(v) for v in ligne])
    else:
        ws.append([cellule_sure(vide), *([None] * (len(colonnes) - 1))])
    nb_lignes = max(len(lignes), 1) + 1
    for j, colonne in enumerate(colonnes, start=1):
        lettre = get_column_letter(j)
        longueurs = [len(str(entetes[j - 1])) + 3]
        for i in range(2, nb_lignes + 1):
            cellule = ws.cell(row=i, column=j)
            if colonne.format and not isinstance(cellule.value, str):
                cellule.number_format = colonne.format
            longueurs.append(_longueur(cellule.value, colonne.format))
        largeur = colonne.largeur or min(max(max(longueurs) + 1, LARGEUR_MIN), LARGEUR_MAX)
        ws.column_dimensions[lettre].width = largeur
        if max(longueurs) > largeur:
            for i in range(2, nb_lignes + 1):
                ws.cell(row=i, column=j).alignment = Alignment(wrap_text=True, vertical="top")
    for cellule in ws[1]:
        cellule.font = Font(name="Calibri", size=11, bold=True)
    ws.freeze_panes = "A2"
    reference = f"A1:{get_column_letter(len(colonnes))}{nb_lignes}"
    table = Table(
        displayName=nom_table(ws.title, tables if tables is not None else set()), ref=reference
    )
    table.tableStyleInfo = TableStyleInfo(
        name="TableStyleMedium2", showRowStripes=True, showColumnStripes=False
    )
    ws.add_table(table)
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return ws


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
