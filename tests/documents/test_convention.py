"""``clsm convention``: the draft, its « [à compléter : …] » markers, and the signataire /
objectif subcommands that edit clsm.toml."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from . import aides as A


@pytest.fixture(autouse=True)
def _aujourdhui(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLSM_AUJOURDHUI", A.AUJOURDHUI)


def test_convention_demo(demo: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", demo, "convention")
    assert r.exit_code == 0, r.output
    assert "Projet de convention écrit : " in r.output
    assert "Rien à compléter" in r.output
    doc = A.docx(demo / "exports" / "convention.docx")
    titres = A.titres(doc, 1)
    assert titres[:2] == ["Entre les parties", "Préambule"]
    assert titres[2:] == [
        "Article 1 — Objet",
        "Article 2 — Territoire",
        "Article 3 — Objectifs",
        "Article 4 — Composition",
        "Article 5 — Instances et rythme de réunion",
        "Article 6 — Coordination",
        "Article 7 — Engagements des parties et financement",
        "Article 8 — Confidentialité",
        "Article 9 — Évaluation",
        "Article 10 — Durée et renouvellement",
        "Article 11 — Modification et résiliation",
        "Signatures",
    ]
    texte = A.texte_normal(doc)
    for reference in (
        "L3221-2",
        "26 janvier 2016",
        "DGS/SP4/CGET/2016/289",
        "DGS/SP4/2025/8 du 13 mai 2025",
        "L1110-4",
    ):
        assert reference in texte
    assert "[à compléter" not in texte
    clsm_toml = A.toml(demo / "clsm.toml")
    signataires = clsm_toml["convention"]["signataire"]
    signatures = A.tableau(doc, ["Partie", "Représentée par", "Signature"])
    assert [ligne[0] for ligne in signatures[1:]] == [s["structure"] for s in signataires]
    assert signatures[1][1] == f"{signataires[0]['representant']}\n{signataires[0]['qualite']}"
    for objectif in clsm_toml["convention"]["objectifs"]:
        assert objectif in texte
    assert "prend effet le 1er janvier 2024 et prend fin le 31 décembre 2027" in texte
    # composition: every member structure appears under its collège
    composition = dict(A.tableau(doc, ["Collège", "Structures membres"])[1:])
    aujourdhui = dt.date.fromisoformat(A.AUJOURDHUI)
    membres = [m for m in A.toml(demo / "membres.toml")["membre"] if A.actif(m, aujourdhui)]
    elus = {m.get("structure") for m in membres if m["college"] == "elus"}
    assert set(composition["Élus"].split("\n")) == elus


def test_convention_a_completer(projet: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", projet, "convention", "--debut", "2026-01-01")
    assert r.exit_code == 0, r.output
    manquants = [ligne.strip()[2:] for ligne in r.output.splitlines() if ligne.startswith("  - ")]
    assert "signataires (clsm convention signataire ajouter)" in manquants
    assert "date de fin de la convention (--fin)" in manquants
    assert "date de début de la convention (--debut)" not in manquants
    assert "information(s) à compléter" in r.stderr
    texte = A.texte_normal(A.docx(projet / "exports" / "convention.docx"))
    for manque in manquants:
        assert f"[à compléter : {manque}]" in texte
    assert "prend effet le 1er janvier 2026" in texte


def test_convention_dates_incoherentes(demo: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", demo, "convention", "--debut", "2027-01-01", "--fin", "2026-01-01")
    assert r.exit_code == 2
    assert "postérieur" in r.stderr
    assert not (demo / "exports" / "convention.docx").exists()


def test_signataire_ajouter_retirer(projet: Path, clsm: Callable[..., Result]) -> None:
    avant = (projet / "clsm.toml").read_text(encoding="utf-8")
    r = clsm(
        "-C",
        projet,
        "convention",
        "signataire",
        "ajouter",
        "--structure",
        "Ville de Testville",
        "--representant",
        "Anne Martin",
        "--qualite",
        "Maire",
    )
    assert r.exit_code == 0, r.output
    assert "Signataire ajouté : Ville de Testville (Anne Martin, Maire)" in r.output
    r = clsm("-C", projet, "convention", "signataire", "ajouter", "--structure", "ARS")
    assert r.exit_code == 0, r.output
    donnees = A.toml(projet / "clsm.toml")
    assert donnees["convention"]["signataire"] == [
        {"structure": "Ville de Testville", "representant": "Anne Martin", "qualite": "Maire"},
        {"structure": "ARS"},
    ]
    texte = (projet / "clsm.toml").read_text(encoding="utf-8")
    assert texte.startswith(avant.rstrip("\n"))  # the hand-written part is untouched
    assert "[[convention.signataire]]" in texte

    r = clsm("-C", projet, "convention", "signataire", "ajouter", "--structure", "ars")
    assert r.exit_code == 2
    assert "déjà signataire" in r.stderr
    r = clsm("-C", projet, "--format", "json", "convention", "signataire", "liste")
    assert r.exit_code == 0
    assert '"structure": "ARS"' in r.stdout

    r = clsm(
        "-C", projet, "convention", "signataire", "retirer", "--structure", "ville de testville"
    )
    assert r.exit_code == 0, r.output
    assert A.toml(projet / "clsm.toml")["convention"]["signataire"] == [{"structure": "ARS"}]
    r = clsm("-C", projet, "convention", "signataire", "retirer", "--structure", "ARS")
    assert r.exit_code == 0
    assert "signataire" not in A.toml(projet / "clsm.toml").get("convention", {})
    octets = (projet / "clsm.toml").read_bytes()
    r = clsm("-C", projet, "convention", "signataire", "retirer", "--structure", "ARS")
    assert r.exit_code == 3
    assert "n'est pas signataire" in r.stderr
    assert (projet / "clsm.toml").read_bytes() == octets


def test_signataire_sans_structure_hors_terminal(projet: Path, clsm: Callable[..., Result]) -> None:
    octets = (projet / "clsm.toml").read_bytes()
    r = clsm("-C", projet, "convention", "signataire", "ajouter")
    assert r.exit_code == 2
    assert "--structure" in r.stderr
    assert (projet / "clsm.toml").read_bytes() == octets


def test_objectifs(demo: Path, clsm: Callable[..., Result]) -> None:
    avant = A.toml(demo / "clsm.toml")["convention"]["objectifs"]
    r = clsm(
        "-C", demo, "convention", "objectif", "ajouter", "Former les élus aux premiers secours."
    )
    assert r.exit_code == 0, r.output
    assert f"Objectif n° {len(avant) + 1} ajouté." in r.output
    apres = A.toml(demo / "clsm.toml")["convention"]["objectifs"]
    assert apres == [*avant, "Former les élus aux premiers secours."]
    r = clsm("-C", demo, "convention", "objectif", "retirer", "1")
    assert r.exit_code == 0, r.output
    assert A.toml(demo / "clsm.toml")["convention"]["objectifs"] == apres[1:]
    r = clsm(
        "-C", demo, "convention", "objectif", "retirer", "former les élus aux premiers secours."
    )
    assert r.exit_code == 0, r.output
    assert A.toml(demo / "clsm.toml")["convention"]["objectifs"] == avant[1:]
    octets = (demo / "clsm.toml").read_bytes()
    r = clsm("-C", demo, "convention", "objectif", "retirer", "99")
    assert r.exit_code == 3
    assert "Pas d'objectif n° 99" in r.stderr
    r = clsm("-C", demo, "convention", "objectif", "ajouter", avant[1])
    assert r.exit_code == 2
    assert (demo / "clsm.toml").read_bytes() == octets
    r = clsm("-C", demo, "convention", "objectif", "liste")
    assert r.exit_code == 0
    assert avant[1][:30] in r.stdout


def test_objectif_dossier_vide(projet: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", projet, "convention", "objectif", "ajouter", "Réduire l'isolement.")
    assert r.exit_code == 0, r.output
    assert A.toml(projet / "clsm.toml")["convention"] == {"objectifs": ["Réduire l'isolement."]}
    r = clsm("-C", projet, "convention", "objectif", "retirer", "1")
    assert r.exit_code == 0, r.output
    assert "objectifs" not in A.toml(projet / "clsm.toml").get("convention", {})
