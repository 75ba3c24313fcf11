"""Helpers of the document tests: read the folder's TOML with tomllib (independently of
clsm's models) and read back the produced .docx / .xlsx."""

from __future__ import annotations

import datetime as dt
import io
import tomllib
from pathlib import Path
from typing import Any

AUJOURDHUI = "2026-11-26"
"""Fixed « today » of the document tests (CLSM_AUJOURDHUI)."""

NS_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def toml(chemin: Path) -> dict[str, Any]:
    return tomllib.loads(chemin.read_text(encoding="utf-8"))


def reunions(dossier: Path) -> list[dict[str, Any]]:
    return sorted(
        (toml(p) for p in (dossier / "reunions").glob("*.toml")),
        key=lambda r: (r["date"], r["instance"]),
    )


def actif(membre: dict[str, Any], jour: dt.date) -> bool:
    return membre.get("depuis", dt.date.min) <= jour <= membre.get("jusqu_a", dt.date.max)


def fr(n: int) -> str:
    """French thousands: « 1 036 » with a narrow no-break space."""
    return f"{n:,}".replace(",", "\u202f")


def docx(chemin: Path) -> Any:
    import docx as python_docx

    return python_docx.Document(str(chemin))


def titres(document: Any, niveau: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {niveau}"]


def tableau(document: Any, entetes: list[str], n: int = 0) -> list[list[str]]:
    """Rows (header first) of the ``n``-th table whose header row is ``entetes``."""
    trouves = [
        [[c.text for c in rang.cells] for rang in t.rows]
        for t in document.tables
        if [c.text for c in t.rows[0].cells] == entetes
    ]
    assert len(trouves) > n, f"aucun tableau {entetes} (n° {n})"
    return trouves[n]


def texte_complet(document: Any) -> str:
    """Every paragraph of the body (table cells included), one per line, in order."""
    return "\n".join(
        "".join(t.text or "" for t in p.iter(f"{NS_W}t"))
        for p in document.element.body.iter(f"{NS_W}p")
    )


def texte_normal(document: Any) -> str:
    """:func:`texte_complet` with no-break spaces (French typography) as plain spaces."""
    return texte_complet(document).replace("\u00a0", " ")


def champs(document: Any) -> list[str]:
    """Instructions of the fields of the body (complex and simple)."""
    corps = document.element.body
    instructions = [e.text or "" for e in corps.iter(f"{NS_W}instrText")]
    instructions += [e.get(f"{NS_W}instr") or "" for e in corps.iter(f"{NS_W}fldSimple")]
    return instructions


def xlsx(chemin: Path) -> Any:
    import openpyxl

    return openpyxl.load_workbook(io.BytesIO(chemin.read_bytes()))


def lignes(feuille: Any) -> list[list[Any]]:
    return [list(r) for r in feuille.iter_rows(values_only=True)]
