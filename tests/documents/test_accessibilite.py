"""Word documents that say what they are and can be read by everyone (issue 13 §6): core
properties, alternative text of every picture, header rows, heading styles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from . import aides as A

NS_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


@pytest.fixture(autouse=True)
def _aujourdhui(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLSM_AUJOURDHUI", A.AUJOURDHUI)


def _documents(demo: Path, clsm: Callable[..., Result]) -> dict[str, Path]:
    for commande in (
        ["bilan", "2025", "--docx"],
        ["convention"],
        ["copil", "compte-rendu", "2025-11-18"],
        ["sism", "programme", "2025"],
    ):
        r = clsm("-C", demo, *commande)
        assert r.exit_code == 0, r.output
    exports = demo / "exports"
    return {
        "bilan": exports / "bilan-2025.docx",
        "convention": exports / "convention.docx",
        "compte rendu": exports / "compte-rendu-2025-11-18-copil.docx",
        "programme": exports / "sism-programme-2025.docx",
    }


def test_proprietes_du_document(demo: Path, clsm: Callable[..., Result]) -> None:
    avant = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    fichiers = _documents(demo, clsm)
    apres = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    titres = {
        "bilan": "Bilan d'activité 2025 — CLSM de Valmont-sur-Loire",
        "convention": "Convention de partenariat du CLSM de Valmont-sur-Loire",
        "compte rendu": "Compte rendu — Comité de pilotage du 18 novembre 2025",
        "programme": "Semaines d'information sur la santé mentale 2025",
    }
    for nom, chemin in fichiers.items():
        p = A.docx(chemin).core_properties
        assert p.title == titres[nom], nom
        assert p.subject, nom
        assert p.author == "Coordination du CLSM de Valmont-sur-Loire (Sophie Marchal)", nom
        assert p.language == "fr-FR", nom
        assert p.created is not None and avant <= p.created.replace(tzinfo=None) <= apres, nom
        assert p.modified == p.created, nom
    assert A.docx(fichiers["bilan"]).core_properties.subject == (
        "Bilan annuel du CLSM de Valmont-sur-Loire pour 2025"
    )


def test_chaque_image_a_un_texte_alternatif(demo: Path, clsm: Callable[..., Result]) -> None:
    fichiers = _documents(demo, clsm)
    doc = A.docx(fichiers["bilan"])
    descriptions = [e.get("descr") for e in doc.element.body.iter(f"{NS_WP}docPr")]
    assert len(descriptions) == 3
    assert all(descriptions)
    membres = [
        m for m in A.toml(demo / "membres.toml")["membre"] if A.actif(m, dt.date(2025, 12, 31))
    ]
    assert descriptions[0].startswith(
        "Graphique en barres. Membres par collège au 31\u00a0décembre 2025\u00a0: "
    ) or descriptions[0].startswith("Graphique en barres. Membres par collège au 31 décembre 2025")
    assert descriptions[0].endswith(f"; {len(membres)} membres au total.")
    assert "Actions du plan par statut en 2025" in descriptions[1]
    assert "Participants à la SISM par année" in descriptions[2]
    for e in doc.element.body.iter(f"{NS_WP}docPr"):
        assert e.get("title")


def test_en_tetes_de_tableau_et_styles_de_titre(demo: Path, clsm: Callable[..., Result]) -> None:
    for nom, chemin in _documents(demo, clsm).items():
        doc = A.docx(chemin)
        for table in doc.tables:
            premier = table.rows[0]._tr
            assert premier.trPr is not None and premier.trPr.find(f"{A.NS_W}tblHeader") is not None
        # no bold paragraph standing in for a heading, outside tables
        for p in doc.paragraphs:
            court = 0 < len(p.text.strip()) < 60 and not p.text.rstrip().endswith((".", ":"))
            if court and p.runs and all(r.bold for r in p.runs if r.text.strip()):
                assert p.style.name.startswith(("Heading", "Title", "Subtitle", "TOC", "toc")), (
                    nom,
                    p.text,
                )
