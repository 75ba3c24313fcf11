"""``clsm copil compte-rendu`` (and ``reunion compte-rendu``): minutes read back from the .docx
and the Markdown, against the meeting's TOML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from . import aides as A

COLLEGES = {
    "elus": "Élus",
    "psychiatrie": "Psychiatrie publique",
    "usagers": "Usagers",
    "aidants": "Aidants et familles",
    "sante": "Santé (hors psychiatrie)",
    "social_medico_social": "Social et médico-social",
    "logement": "Logement",
    "education": "Éducation et jeunesse",
    "securite_justice": "Sécurité et justice",
    "institutions": "Institutions",
    "associations": "Associations",
    "autres": "Autres",
}


@pytest.fixture(autouse=True)
def _aujourdhui(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLSM_AUJOURDHUI", A.AUJOURDHUI)


def _nom(m: dict[str, Any]) -> str:
    return " ".join(x for x in (m.get("prenom"), m.get("nom")) if x) or m["structure"]


def test_compte_rendu_copil(demo: Path, clsm: Callable[..., Result]) -> None:
    reunion = A.toml(demo / "reunions" / "2026-03-12-copil.toml")
    r = clsm("-C", demo, "copil", "compte-rendu", "2026-03-12")
    assert r.exit_code == 0, r.output
    chemin = demo / "exports" / "compte-rendu-2026-03-12-copil.docx"
    assert "compte-rendu-2026-03-12-copil.docx" in r.output
    doc = A.docx(chemin)
    assert A.titres(doc, 1) == [
        "Présents",
        "Excusés",
        "Ordre du jour",
        "Compte rendu des échanges",
        "Décisions",
        "Relevé de suivi",
    ]
    points = [p["titre"] for p in reunion.get("point", [])]
    # level 2: the collèges of présents and excusés, then the points
    assert A.titres(doc, 2)[-len(points) :] == points
    assert set(A.titres(doc, 2)[: -len(points)]) <= {*COLLEGES.values(), "Autres participants"}
    texte = A.texte_normal(doc)
    assert "Compte rendu — Comité de pilotage" in texte
    assert "12 mars 2026" in texte
    assert reunion["lieu"] in texte
    for n, decision in enumerate(reunion["decisions"], start=1):
        assert f"Décision {n} : {decision}" in texte
    for n, point in enumerate(reunion["ordre_du_jour"], start=1):
        assert f"{n}. {point}" in texte
    # présents grouped by collège, in the collège order, each with a line
    membres = {m["id"]: m for m in A.toml(demo / "membres.toml")["membre"]}
    paragraphes = [p.text for p in doc.paragraphs]
    debut, fin = paragraphes.index("Présents"), paragraphes.index("Excusés")
    section = paragraphes[debut + 1 : fin]
    attendus = [
        COLLEGES[c]
        for c in COLLEGES
        if any(membres[i]["college"] == c for i in reunion["presents"] if i in membres)
    ]
    assert [x for x in section if x in COLLEGES.values()] == attendus
    for ident in reunion["presents"]:
        nom = _nom(membres[ident]) if ident in membres else ident
        assert any(x.startswith(nom) for x in section), nom
    suivi = A.tableau(doc, ["N°", "Quoi", "Qui", "Échéance", "État"])
    assert [ligne[1] for ligne in suivi[1:]] == [s["quoi"] for s in reunion["suivi"]]
    assert [ligne[4] for ligne in suivi[1:]] == [
        "fait" if s.get("fait") else "à faire" for s in reunion["suivi"]
    ]


def test_alias_reunion_et_instance(demo: Path, clsm: Callable[..., Result], tmp_path: Path) -> None:
    from clsm_cli.cli.copil import compte_rendu, compte_rendu_reunion

    assert compte_rendu_reunion is compte_rendu
    r = clsm(
        "-C",
        demo,
        "reunion",
        "compte-rendu",
        "2025-05-20-groupe-logement",
        "-o",
        tmp_path / "cr.docx",
    )
    assert r.exit_code == 0, r.output
    doc = A.docx(tmp_path / "cr.docx")
    assert "Groupe de travail « Logement et santé mentale »" in A.texte_normal(doc)


def test_markdown(demo: Path, clsm: Callable[..., Result]) -> None:
    reunion = A.toml(demo / "reunions" / "2025-01-28-copil.toml")
    r = clsm("-C", demo, "reunion", "compte-rendu", "2025-01-28", "--en", "md")
    assert r.exit_code == 0, r.output
    md = r.stdout
    assert md.startswith("# Compte rendu — Comité de pilotage\n")
    assert "## Présents" in md and "## Relevé de suivi" in md
    assert "| N° | Quoi | Qui | Échéance | État |" in md
    for n, decision in enumerate(reunion["decisions"], start=1):
        assert f"{n}. {decision}" in md
    assert "- Mme Roux (Préfecture, déléguée du préfet)" in md
    assert not (demo / "exports").exists() or not list((demo / "exports").iterdir())


def test_reunion_introuvable_ou_ambigue(demo: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", demo, "copil", "compte-rendu", "2025-02-30")
    assert r.exit_code == 2
    assert "n'est pas une date valide" in r.stderr
    r = clsm("-C", demo, "copil", "compte-rendu", "2025-01-29")
    assert r.exit_code == 3
    assert "Aucune réunion le 29 janvier 2025" in r.stderr
    assert "2025-01-28-copil" in r.stderr
    r = clsm("-C", demo, "copil", "compte-rendu", "hier")
    assert r.exit_code == 2
    assert "AAAA-MM-JJ" in r.stderr


def test_deux_reunions_le_meme_jour(demo: Path, clsm: Callable[..., Result]) -> None:
    texte = (demo / "reunions" / "2025-01-28-copil.toml").read_text(encoding="utf-8")
    (demo / "reunions" / "2025-01-28-pleniere.toml").write_text(
        texte.replace('instance = "copil"', 'instance = "pleniere"'), encoding="utf-8"
    )
    r = clsm("-C", demo, "copil", "compte-rendu", "2025-01-28")
    assert r.exit_code == 2
    assert "Plusieurs réunions le 28 janvier 2025" in r.stderr
    assert "2025-01-28-pleniere" in r.stderr
    r = clsm("-C", demo, "copil", "compte-rendu", "2025-01-28-pleniere")
    assert r.exit_code == 0, r.output
    assert (demo / "exports" / "compte-rendu-2025-01-28-pleniere.docx").is_file()
