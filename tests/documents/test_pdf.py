"""``--pdf`` without LibreOffice: a clear French message, a non-zero exit, the document still
written (the conversion itself is in the slow suite, test_libreoffice.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from clsm_cli.documents import pdf

from . import aides as A


@pytest.fixture
def sans_libreoffice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLSM_SOFFICE", str(tmp_path / "pas-de-soffice"))
    monkeypatch.setenv("CLSM_AUJOURDHUI", A.AUJOURDHUI)


@pytest.mark.usefixtures("sans_libreoffice")
@pytest.mark.parametrize(
    ("commande", "document"),
    [
        (["bilan", "2025", "--docx", "--pdf"], "bilan-2025.docx"),
        (["convention", "--pdf"], "convention.docx"),
        (["copil", "compte-rendu", "2025-11-18", "--pdf"], "compte-rendu-2025-11-18-copil.docx"),
        (["sism", "programme", "2025", "--pdf"], "sism-programme-2025.docx"),
    ],
)
def test_sans_libreoffice(
    demo: Path, clsm: Callable[..., Result], commande: list[str], document: str
) -> None:
    r = clsm("-C", demo, *commande)
    assert r.exit_code == 1, r.output
    assert (
        "LibreOffice est introuvable : le PDF n'a pas été produit (le document "
        f"{document} est bien écrit)."
    ) in " ".join(r.stderr.split())
    assert "CLSM_SOFFICE" in r.stderr
    assert "Traceback" not in r.output
    assert (demo / "exports" / document).is_file()
    assert not list((demo / "exports").glob("*.pdf"))


def test_trouver_soffice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    faux = tmp_path / "soffice"
    faux.write_text("#!/bin/sh\n", encoding="utf-8")
    monkeypatch.setenv("CLSM_SOFFICE", str(faux))
    assert pdf.trouver_soffice() == faux
    monkeypatch.setenv("CLSM_SOFFICE", str(tmp_path / "absent"))
    assert pdf.trouver_soffice() is None
    assert any("Program Files" in c for c in pdf.CHEMINS_USUELS)
    assert any(c.startswith("/Applications/LibreOffice.app") for c in pdf.CHEMINS_USUELS)
