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
