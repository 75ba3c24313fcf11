"""Hostile text in the folder (spreadsheet formulas, control characters, emoji) gives valid
documents: no crash, no formula in a workbook, no control character in a Word file; and the
Word reference document (modeles/modele.docx) is honoured."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from . import aides as A

MEMBRE = r"""
[[membre]]
id = "injection"
nom = "=HYPERLINK(\"http://x.example\",\"clic\")"
prenom = "@SUM(1+1)"
structure = "Asso\u0001ciation \u0007 du lien 🙂"
fonction = "+33 bénévole\u001f"
college = "associations"
instances = ["pleniere"]
depuis = 2025-03-01
"""
TITRE = r'titre = "=HYPERLINK(\"http://x.example\",\"Expo\") \u0002 🎨 relie"'
CONTROLES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@pytest.fixture
def hostile(demo: Path) -> Path:
    with (demo / "membres.toml").open("a", encoding="utf-8") as f:
        f.write(MEMBRE)
    sism = demo / "sism" / "2025.toml"
    texte = sism.read_text(encoding="utf-8")
    premier = re.search(r"^titre = .*$", texte, flags=re.M)
    assert premier
    sism.write_text(texte.replace(premier.group(0), TITRE, 1), encoding="utf-8")
    pleniere = demo / "reunions" / "2025-06-17-pleniere.toml"
    texte = pleniere.read_text(encoding="utf-8")
    pleniere.write_text(
        texte.replace("presents = [", 'presents = [\n    "injection",', 1), encoding="utf-8"
    )
    return demo


def _xml_sans_controle(chemin: Path) -> None:
    with zipfile.ZipFile(chemin) as z:
        for nom in z.namelist():
            if nom.endswith(".xml"):
                texte = z.read(nom).decode("utf-8")
                assert not CONTROLES.search(texte), nom


def test_documents_valides(hostile: Path, clsm: Callable[..., Result]) -> None:
    for args in (
        ("bilan", "2025"),
        ("sism", "programme", "2025", "--xlsx"),
        ("agenda",),
        ("convention",),
        ("copil", "compte-rendu", "2025-06-17"),
    ):
        r = clsm("-C", hostile, *args)
        assert r.exit_code == 0, (args, r.output)
    exports = hostile / "exports"

    for nom in ("bilan-2025.xlsx", "sism-programme-2025.xlsx"):
        classeur = A.xlsx(exports / nom)
        textes = []
        for ws in classeur.worksheets:
            for rang in ws.iter_rows():
                for cellule in rang:
                    assert cellule.data_type != "f", (nom, ws.title, cellule.coordinate)
                    if isinstance(cellule.value, str):
                        # text stored as text: no visible apostrophe, a quote prefix instead
                        assert cellule.data_type == "s"
                        if cellule.value.startswith(("=", "+", "-", "@")):
                            assert cellule.quotePrefix, cellule.value
                        assert not cellule.value.startswith("'")
                        assert not CONTROLES.search(cellule.value)
                        textes.append(cellule.value)
        assert any(t.startswith("=HYPERLINK(") for t in textes), nom
        assert "<f>" not in _xml_feuilles(exports / nom)  # no formula anywhere
        _xml_sans_controle(exports / nom)
    arrivees = A.lignes(A.xlsx(exports / "bilan-2025.xlsx")["Arrivées et départs"])
    assert any(
        str(x[1]).startswith("@SUM(1+1) =HYPERLINK(") and "🙂" in str(x[1]) for x in arrivees
    )

    for nom in (
        "bilan-2025.docx",
        "sism-programme-2025.docx",
        "convention.docx",
        "compte-rendu-2025-06-17-pleniere.docx",
    ):
        _xml_sans_controle(exports / nom)
        texte = A.texte_complet(A.docx(exports / nom))
        assert "🙂" in texte or "🎨" in texte, nom
    programme = A.texte_complet(A.docx(exports / "sism-programme-2025.docx"))
    assert '=HYPERLINK("http://x.example","Expo")  🎨 relie' in programme
    cr = A.texte_complet(A.docx(exports / "compte-rendu-2025-06-17-pleniere.docx"))
    assert "Asso" + "ciation" in cr

    import icalendar

    calendrier = icalendar.Calendar.from_ical((exports / "agenda.ics").read_bytes())
    titres = [str(e["SUMMARY"]) for e in calendrier.walk("VEVENT")]
    assert 'SISM — =HYPERLINK("http://x.example","Expo")  🎨 relie' in titres
    assert not any(CONTROLES.search(t) for t in titres)


def _xml_feuilles(chemin: Path) -> str:
    import zipfile

    with zipfile.ZipFile(chemin) as archive:
        return "".join(
            archive.read(n).decode("utf-8")
            for n in archive.namelist()
            if n.startswith("xl/worksheets/sheet")
        )


def test_outils_textes() -> None:
    from clsm_cli.documents.excel import nom_feuille, nom_table, valeur_cellule
    from clsm_cli.documents.word import texte_sur

    assert texte_sur("a\x00b\x1fc ; d") == "abc\u00a0; d"
    assert texte_sur(None) == ""
    assert valeur_cellule("=1+1") == "=1+1"  # stored as a text cell by excel.ecrire
    assert valeur_cellule("-5 euros\x00") == "-5 euros"
    assert valeur_cellule(-5) == -5
    assert valeur_cellule(["a", "=b"]) == "a, =b"
    assert valeur_cellule(True) == "oui"
    assert (
        nom_feuille("Présence [par] collège : 2025/2026 *?", [])
        == "Présence -par- collège - 2025-2"
    )
    assert nom_feuille("Réunions", ["réunions"]) == "Réunions (2)"
    pris: set[str] = set()
    assert nom_table("SISM 2025", pris) == "T_SISM_2025"
    assert nom_table("SISM 2025", pris) == "T_SISM_2025_2"
    assert nom_table("Événements ☺", pris) == "T_Evenements"


def test_repartir_largeurs() -> None:
    from clsm_cli.documents.word import repartir

    largeurs = repartir([1, 1, 8], [3, 3, 1], 16)
    assert sum(largeurs) == pytest.approx(16)
    assert largeurs[0] >= 3 - 1e-9 and largeurs[1] >= 3 - 1e-9
    assert repartir([1, 1], [10, 10], 10) == [5, 5]


# --- reference Word document -------------------------------------------------------------------


def _modele(chemin: Path) -> None:
    import docx
    from docx.shared import RGBColor

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "EN-TÊTE DE LA VILLE DE TESTVILLE"
    document.styles["Heading 1"].font.color.rgb = RGBColor(0x80, 0x00, 0x20)
    document.add_paragraph("Texte du modèle, à ne pas reprendre.")
    chemin.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(chemin))


def test_modele_word(demo: Path, clsm: Callable[..., Result]) -> None:
    _modele(demo / "modeles" / "modele.docx")
    r = clsm("-C", demo, "bilan", "2025", "--docx")
    assert r.exit_code == 0, r.output
    doc = A.docx(demo / "exports" / "bilan-2025.docx")
    assert doc.sections[0].header.paragraphs[0].text == "EN-TÊTE DE LA VILLE DE TESTVILLE"
    assert str(doc.styles["Heading 1"].font.color.rgb) == "800020"
    assert "Texte du modèle" not in A.texte_complet(doc)
    assert A.titres(doc, 1)[0] == "1. Présentation du CLSM"
    assert len(doc.inline_shapes) == 3


def test_modele_configure_et_illisible(demo: Path, clsm: Callable[..., Result]) -> None:
    _modele(demo / "gabarits" / "ville.docx")
    texte = (demo / "clsm.toml").read_text(encoding="utf-8")
    (demo / "clsm.toml").write_text(
        texte + '\n[export]\nmodele_word = "gabarits/ville.docx"\n', encoding="utf-8"
    )
    r = clsm("-C", demo, "convention")
    assert r.exit_code == 0, r.output
    doc = A.docx(demo / "exports" / "convention.docx")
    assert doc.sections[0].header.paragraphs[0].text == "EN-TÊTE DE LA VILLE DE TESTVILLE"

    (demo / "gabarits" / "ville.docx").write_bytes(b"pas un docx")
    r = clsm("-C", demo, "convention", "-o", demo / "autre.docx")
    assert r.exit_code == 1
    assert "Le modèle Word" in r.stderr and "gabarits/ville.docx" in r.stderr
    assert not (demo / "autre.docx").exists()


def test_logo_en_couverture(demo: Path, clsm: Callable[..., Result]) -> None:
    from clsm_cli.documents.graphiques import barres_verticales

    (demo / "modeles").mkdir(exist_ok=True)
    (demo / "modeles" / "logo.png").write_bytes(barres_verticales(["logo"], [1], "Logo"))
    r = clsm("-C", demo, "bilan", "2025", "--docx")
    assert r.exit_code == 0, r.output
    doc = A.docx(demo / "exports" / "bilan-2025.docx")
    assert len(doc.inline_shapes) == 4  # the logo, then the three charts
    premier = doc.paragraphs[0]._p
    assert premier.findall(f".//{A.NS_W}drawing")
