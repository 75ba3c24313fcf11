"""The demo bilan (.docx and .xlsx) converts to PDF with LibreOffice headless.

LibreOffice is required: CI installs it (``apt-get install libreoffice-writer-nogui
libreoffice-calc-nogui``). Without ``soffice`` the test fails, unless CLSM_SANS_LIBREOFFICE=1
says on purpose that this machine cannot run it (then it is skipped, except in CI where it
still fails).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from ..conftest import indisponible
from . import aides as A


def _soffice() -> str:
    chemin = shutil.which("soffice") or shutil.which("libreoffice")
    if chemin is None:
        if os.environ.get("CLSM_SANS_LIBREOFFICE") == "1":
            indisponible("LibreOffice absent, écarté volontairement (CLSM_SANS_LIBREOFFICE=1)")
        pytest.fail(
            "LibreOffice (soffice) est introuvable : installez-le (apt-get install "
            "libreoffice-writer-nogui libreoffice-calc-nogui) ou, sur une machine qui ne peut "
            "pas l'avoir, lancez les tests avec CLSM_SANS_LIBREOFFICE=1."
        )
    return chemin


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@pytest.mark.slow
def test_conversion_pdf(
    demo: Path, clsm: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    soffice = _soffice()
    monkeypatch.setenv("CLSM_AUJOURDHUI", A.AUJOURDHUI)
    r = clsm("-C", demo, "bilan", "2025")
    assert r.exit_code == 0, r.output
    profil = (tmp_path / "profil-libreoffice").as_uri()  # never share the user's profile
    pages = {}
    for nom in ("bilan-2025.docx", "bilan-2025.xlsx"):
        fichier = demo / "exports" / nom
        sortie = tmp_path / fichier.suffix[1:]  # same stem: one output folder each
        resultat = subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profil}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(sortie),
                str(fichier),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert resultat.returncode == 0, resultat.stderr
        assert "Error" not in resultat.stderr, resultat.stderr
        pdf = sortie / "bilan-2025.pdf"
        assert pdf.is_file(), (nom, resultat.stdout, resultat.stderr)
        contenu = pdf.read_bytes()
        assert contenu.startswith(b"%PDF")
        pages[fichier.suffix] = _pages(contenu)
    assert 8 <= pages[".docx"] <= 30, pages
    assert pages[".xlsx"] >= 10, pages


# --- clsm … --pdf (issue 13 §4) --------------------------------------------------------------


def _texte_pdf(pdf: Path, *, mise_en_page: bool = False) -> str:
    assert pdf.read_bytes().startswith(b"%PDF")
    options = ["-layout"] if mise_en_page else []
    resultat = subprocess.run(
        ["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return resultat.stdout


def _sans_fautes(texte: str, nom: str) -> None:
    suivi = " ".join(texte.split())
    # « de le » before a noun (« de le recalculer », a pronoun before a verb, is right)
    motif = r"\bde [AEIOUYÉÈÊÎÔ]\w*|\bde le\b(?! re\w+er\b)|\bà le\b"
    fautes = [m.group(0) for m in re.finditer(motif, suivi)]
    assert not fautes, (nom, fautes)
    accords = re.findall(r"(\w[\w' ]*?) non renseigné(e?)(s?)\b", suivi)
    feminins = ("Population", "Date de création", "Période", "Présidence", "Convention")
    for nom_, e, _ in accords:
        if nom_.endswith(feminins):
            assert e == "e", (nom, nom_)


def _sommaire(texte: str) -> list[str]:
    """The lines of the sommaire (from « Sommaire » to the first heading after it)."""
    lignes = texte.splitlines()
    debut = lignes.index("Sommaire") + 1
    entrees: list[str] = []
    for ligne in lignes[debut:]:
        if not ligne.strip():
            continue
        if entrees and not re.search(r"\d+$", entrees[-1]):
            entrees[-1] += " " + ligne.strip()  # an entry wrapped on two lines
            continue
        if ligne.strip().startswith("1. ") and entrees:
            break  # the first heading after the sommaire
        if "page" in ligne and "sur" in ligne:
            break  # the page's footer
        entrees.append(ligne.strip())
    return entrees


@pytest.mark.slow
def test_documents_en_pdf(
    demo: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _soffice()
    monkeypatch.setenv("CLSM_AUJOURDHUI", "2026-12-01")
    exports = demo / "exports"
    commandes = {
        "bilan-2025": ["bilan", "2025", "--pdf"],
        "bilan-2026": ["bilan", "2026", "--docx", "--pdf"],
        "convention": ["convention", "--pdf"],
        "compte-rendu-2025-11-18-copil": ["copil", "compte-rendu", "2025-11-18", "--pdf"],
        "sism-programme-2025": ["sism", "programme", "2025", "--pdf"],
    }
    textes = {}
    for nom, commande in commandes.items():
        r = clsm("-C", demo, *commande)
        assert r.exit_code == 0, (nom, r.output)
        assert f"{nom}.pdf" in r.output, r.output
        assert "sommaire" not in r.output.casefold(), r.output  # refreshed: no warning
        textes[nom] = _texte_pdf(exports / f"{nom}.pdf")
        _sans_fautes(textes[nom], nom)
    # every line of the sommaire ends with its page number
    for nom in ("bilan-2025", "bilan-2026"):
        entrees = _sommaire(textes[nom])
        assert len(entrees) >= 20, (nom, entrees)
        for entree in entrees:
            assert re.search(r"\S\s*\.*\s*\d{1,2}$", entree), (nom, entree)
        assert entrees[0].startswith("1. Présentation du CLSM")
    assert "Bilan provisoire au 1er décembre 2026" in textes["bilan-2026"]
    assert "au 31 décembre 2026" not in textes["bilan-2026"]
    assert "Perspectives (après le 1er décembre 2026)" in textes["bilan-2026"]
    assert "provisoire" not in textes["bilan-2025"]
    assert "La Ville de Valmont-sur-Loire, représentée par" in " ".join(
        textes["convention"].split()
    )


@pytest.mark.slow
def test_non_renseigne_accorde_en_pdf(
    projet: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    _soffice()
    monkeypatch.setenv("CLSM_AUJOURDHUI", A.AUJOURDHUI)
    r = clsm("-C", projet, "bilan", "2026", "--docx", "--pdf")
    assert r.exit_code == 0, r.output
    texte = _texte_pdf(projet / "exports" / "bilan-2026.pdf", mise_en_page=True)
    _sans_fautes(texte, "bilan vide")
    lignes = {
        ligne.split()[0]: " ".join(ligne.split()[1:])
        for ligne in texte.splitlines()
        if "non renseign" in ligne and ligne.split()
    }
    assert lignes["Population"] == "non renseignée"
    assert lignes["Convention"] == "non renseignée"
    assert any(x.endswith("non renseignée") for x in lignes.values())
