"""Workbooks ready to print (issue 13 §5): A4, landscape for wide sheets, fitted to the page's
width only, header row repeated, header and footer, row heights for wrapped text, integer and
euro formats."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from clsm_cli.documents import excel as X

from . import aides as A

CLSM = "CLSM de Valmont-sur-Loire"


@pytest.fixture
def classeurs(demo: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("CLSM_AUJOURDHUI", A.AUJOURDHUI)
    for commande in (["bilan", "2025", "--xlsx"], ["sism", "programme", "2025", "--xlsx"]):
        r = clsm("-C", demo, *commande)
        assert r.exit_code == 0, r.output
    return {
        "bilan": A.xlsx(demo / "exports" / "bilan-2025.xlsx"),
        "programme": A.xlsx(demo / "exports" / "sism-programme-2025.xlsx"),
    }


def _largeur(ws: Any) -> float:
    return sum(d.width or 0 for d in ws.column_dimensions.values())


def test_mise_en_page(classeurs: dict[str, Any]) -> None:
    paysages = set()
    for nom, classeur in classeurs.items():
        for ws in classeur.worksheets:
            ou = (nom, ws.title)
            assert int(ws.page_setup.paperSize) == X.A4, ou
            assert ws.sheet_properties.pageSetUpPr.fitToPage is True, ou
            assert int(ws.page_setup.fitToWidth) == 1, ou
            assert int(ws.page_setup.fitToHeight) == 0, ou  # never squeezed onto one page
            assert ws.print_title_rows == "$1:$1", ou
            # wide text columns are narrowed (and wrap) so that the page stays readable
            largeurs = [d.width or 0 for d in ws.column_dimensions.values()]
            assert _largeur(ws) <= X.LARGEUR_PAYSAGE + 5 or max(largeurs) <= X.LARGEUR_TEXTE_MIN, ou
            attendu = "landscape" if _largeur(ws) > X.LARGEUR_PORTRAIT else "portrait"
            assert ws.page_setup.orientation == attendu, ou
            if attendu == "landscape":
                paysages.add(ws.title)
            assert ws.oddHeader.left.text == CLSM, ou
            assert ws.oddHeader.right.text == "&A", ou
            assert ws.oddFooter.center.text == "Page &P sur &N", ou
    # the wide tables of the issue are in landscape
    assert {"Réunions", "Actions", "SISM 2025", "Programme SISM 2025"} <= paysages


def test_ajuster_largeurs() -> None:
    assert X.ajuster_largeurs([10, 20, 30]) == [10, 20, 30]
    assert X.ajuster_largeurs([11, 60, 60, 60, 16]) == [11, 41.0, 41.0, 41.0, 16]
    etroites = X.ajuster_largeurs([11, 9, 60, 16, 57, 21, 11, 16, 60, 60])
    # narrow columns are left as they are: the wide ones stop at the minimum
    assert etroites == [11, 9, 18, 16, 18, 18, 11, 16, 18, 18]


def test_hauteurs_des_lignes_enroulees(classeurs: dict[str, Any]) -> None:
    ws = classeurs["programme"]["Programme SISM 2025"]
    colonne = [c.value for c in ws[1]].index("Description") + 1
    largeur = ws.column_dimensions["N"].width
    assert colonne == 14
    verifiees = 0
    for i in range(2, ws.max_row + 1):
        cellule = ws.cell(row=i, column=colonne)
        if cellule.value and len(cellule.value) > largeur:
            assert cellule.alignment.wrap_text
            hauteur = ws.row_dimensions[i].height
            assert hauteur is not None and hauteur >= 2 * X.HAUTEUR_LIGNE
            verifiees += 1
    assert verifiees > 0


def test_formats_entiers_et_euros(classeurs: dict[str, Any]) -> None:
    bilan = classeurs["bilan"]
    for feuille, colonne in (
        ("Réunions", "Présents"),
        ("Actions", "Participants"),
        ("SISM par type", "Événements"),
        ("Chiffres clés", "Valeur"),
    ):
        ws = bilan[feuille]
        j = [c.value for c in ws[1]].index(colonne) + 1
        for i in range(2, ws.max_row + 1):
            cellule = ws.cell(row=i, column=j)
            if isinstance(cellule.value, int) and not isinstance(cellule.value, bool):
                assert cellule.number_format in (X.ENTIER, X.EUROS_ENTIERS), (feuille, i)
    ws = bilan["Indicateurs"]
    entetes = [c.value for c in ws[1]]
    for i in range(2, ws.max_row + 1):
        for nom in ("Cible", "Réalisé"):
            cellule = ws.cell(row=i, column=entetes.index(nom) + 1)
            if isinstance(cellule.value, int | float):
                entier = float(cellule.value).is_integer()
                assert cellule.number_format == (X.ENTIER if entier else X.DECIMAL)
    ws = bilan["Financements"]
    j = [c.value for c in ws[1]].index("Montant") + 1
    formats = {ws.cell(row=i, column=j).number_format for i in range(2, ws.max_row + 1)}
    assert formats <= {X.EUROS_ENTIERS, X.EUROS}
    assert all("€" in f for f in formats)


def test_statut_du_bilan_provisoire(
    demo: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLSM_AUJOURDHUI", "2026-12-01")
    r = clsm("-C", demo, "bilan", "2026", "--xlsx")
    assert r.exit_code == 0, r.output
    classeur = A.xlsx(demo / "exports" / "bilan-2026.xlsx")
    presentation = dict(A.lignes(classeur["Présentation"]))
    assert presentation["Statut du bilan"] == "provisoire : l'année n'est pas achevée"
    assert classeur.properties.title.startswith("Bilan d'activité 2026 (provisoire)")
