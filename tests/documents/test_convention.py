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
        "DGS/SP4/CGET/2016/289",  # in force on 1 January 2024, when the convention starts
        "L1110-4",
    ):
        assert reference in texte
    assert "DGS/SP4/2025/8" not in texte
    # French: articles, elision and agreement before the names of the folder
    for phrase in (
        "La Ville de Valmont-sur-Loire, représentée par Jean-Marc Delattre",
        "L'ARS – délégation départementale, représentée par Agnès Perrot",
        "Le Centre hospitalier Les Tilleuls, représenté par Philippe Hamon",
        "Le GEM L'Envol, représenté par Julien Morel",
        "L'UNAFAM délégation départementale, représentée par Françoise Lemaire",
        "Le CLSM est présidé par Claire Dumesnil, adjointe",
        "Il est co-animé par Dr Laurent Mercadier",
        "La coordination du CLSM est portée par la Ville de Valmont-sur-Loire – CCAS",
        "Convention de partenariat du CLSM de Valmont-sur-Loire",
        "prend fin le 31 décembre 2027, soit quatre ans.",
    ):
        assert phrase in texte, phrase
    for faute in ("représenté(e)", "de le ", "de A", "de E", "de U", "par Centre", "par Ville"):
        assert faute not in texte, faute
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
    assert "DGS/SP4/2025/8 du 13 mai 2025" in texte  # in force from 13 May 2025
    assert "DGS/SP4/CGET/2016/289" not in texte


def test_convention_duree_en_mots(demo: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", demo, "convention", "--debut", "2022-06-30", "--fin", "2026-12-31")
    assert r.exit_code == 0, r.output
    texte = A.texte_normal(A.docx(demo / "exports" / "convention.docx"))
    assert (
        "prend effet le 30 juin 2022 et prend fin le 31 décembre 2026, soit quatre ans et "
        "six mois." in texte
    )
    assert "DGS/SP4/CGET/2016/289" in texte


def test_convention_evaluation_cible_et_realise(demo: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", demo, "convention")
    assert r.exit_code == 0, r.output
    doc = A.docx(demo / "exports" / "convention.docx")
    lignes = A.tableau(doc, ["Action", "Indicateur", "Cible", "Réalisé"])
    plan = A.toml(demo / "plan.toml")
    attendus = [
        (a["intitule"], i["libelle"], i.get("cible"), i.get("realise"))
        for a in plan["action"]
        for i in a.get("indicateur", [])
        if i.get("cible") is not None or i.get("realise") is not None
    ]
    assert [tuple(x[:2]) for x in lignes[1:]] == [x[:2] for x in attendus]
    for ligne, (_, _, cible, realise) in zip(lignes[1:], attendus, strict=True):
        assert ligne[2] == "non fixée" if cible is None else ligne[2].startswith(A.fr(int(cible)))
        assert (ligne[3] == "non renseigné") if realise is None else ligne[3] != "—"


def test_convention_sans_indicateur_pas_d_article_evaluation(
    projet: Path, clsm: Callable[..., Result]
) -> None:
    r = clsm("-C", projet, "convention", "--debut", "2026-01-01", "--fin", "2028-12-31")
    assert r.exit_code == 0, r.output
    doc = A.docx(projet / "exports" / "convention.docx")
    titres = A.titres(doc, 1)
    assert not any("Évaluation" in t for t in titres)
    assert "indicateurs du plan" not in r.stdout


def test_convention_signatures_lacunes_et_sauts_de_page(
    demo: Path, clsm: Callable[..., Result]
) -> None:
    texte = (demo / "clsm.toml").read_text(encoding="utf-8")
    texte = texte.replace('representant = "Julien Morel"\n', "")
    (demo / "clsm.toml").write_text(texte, encoding="utf-8")
    r = clsm("-C", demo, "convention")
    assert r.exit_code == 0, r.output
    doc = A.docx(demo / "exports" / "convention.docx")
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Partie")
    rang = next(r for r in table.rows if r.cells[0].text == "GEM L'Envol")
    assert rang.cells[1].text.startswith("[à compléter\u00a0: représentant du GEM L'Envol]")
    fond = rang.cells[1]._tc.tcPr.find(f"{A.NS_W}shd")
    assert fond is not None and fond.get(f"{A.NS_W}fill") == "FFF2CC"
    autre = table.rows[1].cells[1]._tc.tcPr.find(f"{A.NS_W}shd")
    assert autre is None or autre.get(f"{A.NS_W}fill") != "FFF2CC"
    # every row is unsplittable; the last row is tied to the one before it
    for ligne in table.rows:
        assert ligne._tr.trPr.find(f"{A.NS_W}cantSplit") is not None
    avant_derniere = table.rows[-2].cells[0].paragraphs[0]
    assert avant_derniere.paragraph_format.keep_with_next is True


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


def test_convention_article_explicite(demo: Path, clsm: Callable[..., Result]) -> None:
    texte = (demo / "clsm.toml").read_text(encoding="utf-8")
    texte = texte.replace(
        'structure = "Bailleur Habitat Valmont"\n',
        'structure = "Habitat Valmont"\narticle = "l\'"\n',
    ).replace('porteur = "Ville', 'porteur_article = "la"\nporteur = "Ville')
    (demo / "clsm.toml").write_text(texte, encoding="utf-8")
    r = clsm("-C", demo, "convention")
    assert r.exit_code == 0, r.output
    contenu = A.texte_normal(A.docx(demo / "exports" / "convention.docx"))
    assert "L'Habitat Valmont, représenté par Stéphane Royer" in contenu
    assert "portée par la Ville de Valmont-sur-Loire – CCAS" in contenu
    (demo / "clsm.toml").write_text(texte.replace('article = "l\'"', 'article = "un"'), "utf-8")
    r = clsm("-C", demo, "convention")
    assert r.exit_code == 1
    assert "article" in r.stderr


def test_signataire_ajouter_avec_article(projet: Path, clsm: Callable[..., Result]) -> None:
    r = clsm(
        "-C", projet, "convention", "signataire", "ajouter",
        "--structure", "Habitat Valmont", "--representant", "Stéphane Royer",
        "--qualite", "Directeur", "--article", "l'",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert A.toml(projet / "clsm.toml")["convention"]["signataire"] == [
        {
            "structure": "Habitat Valmont",
            "representant": "Stéphane Royer",
            "qualite": "Directeur",
            "article": "l'",
        }
    ]
    r = clsm("-C", projet, "convention", "--debut", "2026-01-01", "--fin", "2027-12-31")
    assert r.exit_code == 0, r.output
    texte = A.texte_normal(A.docx(projet / "exports" / "convention.docx"))
    assert "L'Habitat Valmont, représenté par Stéphane Royer, Directeur" in texte
    r = clsm(
        "-C", projet, "convention", "signataire", "ajouter", "--structure", "X", "--article", "un"
    )
    assert r.exit_code == 2


def test_convention_membres_signataires_et_sans_cellule(
    projet: Path, clsm: Callable[..., Result]
) -> None:
    """Issue 12: founders flagged ``--signataire`` are parties and sign; no cellule, no
    cellule article (and the cellule commands say so)."""
    for args in (
        ["membres", "ajouter", "--id", "maire", "--nom", "Garnier", "--prenom", "Hélène",
         "--structure", "Ville de Testville", "--fonction", "Maire", "--college", "elus",
         "--instance", "cellule", "--signataire"],
        ["membres", "ajouter", "--nom", "Morel", "--prenom", "Anne", "--structure", "CH Sud",
         "--fonction", "Directrice", "--college", "psychiatrie", "--signataire"],
        ["identite", "modifier", "--sans-cellule"],
    ):  # fmt: skip
        r = clsm("-C", projet, *args)
        assert r.exit_code == 0, r.output
    r = clsm("-C", projet, "convention", "--debut", "2026-01-01", "--fin", "2028-12-31")
    assert r.exit_code == 0, r.output
    doc = A.docx(projet / "exports" / "convention.docx")
    texte = A.texte_normal(doc)
    assert "La Ville de Testville, représentée par Hélène Garnier, Maire," in texte
    assert "Le CH Sud, représenté par Anne Morel, Directrice," in texte
    assert A.tableau(doc, ["Partie", "Représentée par", "Signature"])[1:] == [
        ["Ville de Testville", "Hélène Garnier\nMaire", ""],
        ["CH Sud", "Anne Morel\nDirectrice", ""],
    ]
    assert "cellule de cas complexes" not in texte.lower()
    assert "Aucune situation individuelle n'est examinée au sein du CLSM." in texte
    r = clsm("-C", projet, "cellule", "situation", "liste")
    assert (r.exit_code, r.stderr) == (
        1,
        "Erreur : Ce CLSM n'a pas de cellule de cas complexes ([cellule] active = false dans "
        "clsm.toml) : réactivez-la avec « clsm identite modifier --avec-cellule ».\n",
    )
    assert "active = false" in (projet / "clsm.toml").read_text(encoding="utf-8")
    r = clsm("-C", projet, "identite", "modifier", "--avec-cellule")
    assert r.exit_code == 0, r.output
    assert "active" not in (projet / "clsm.toml").read_text(encoding="utf-8")
    assert clsm("-C", projet, "cellule", "statistiques").exit_code == 0
