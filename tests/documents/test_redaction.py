"""Documents ready to send (issue 13): the year in progress, unknown figures, condensed empty
states, shares that add up, the programme's inscription and the compte rendu of a meeting to
come."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from . import aides as A

EN_COURS = "2026-12-01"
"""A « today » inside the demo's last year, before its copil of 8 December 2026."""


def _bilan(demo: Path, clsm: Callable[..., Result], annee: int) -> str:
    r = clsm("-C", demo, "bilan", str(annee), "--docx")
    assert r.exit_code == 0, r.output
    return A.texte_normal(A.docx(demo / "exports" / f"bilan-{annee}.docx"))


def test_bilan_de_l_annee_en_cours(
    demo: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLSM_AUJOURDHUI", EN_COURS)
    texte = _bilan(demo, clsm, 2026)
    doc = A.docx(demo / "exports" / "bilan-2026.docx")
    assert "Bilan provisoire au 1er décembre 2026, l'année n'étant pas achevée" in texte
    assert "au 31 décembre 2026" not in texte
    assert "au 1er décembre 2026" in texte
    entete = "".join(p.text for p in doc.sections[0].header.paragraphs)
    assert entete == "Bilan provisoire au 1er décembre 2026"
    pied = "".join(p.text for p in doc.sections[0].footer.paragraphs)
    assert "Bilan d'activité 2026 (provisoire, au 1er décembre 2026)" in pied
    assert doc.core_properties.title.startswith("Bilan d'activité 2026 (provisoire")
    titres = A.titres(doc, 1)
    assert "8. Perspectives (après le 1er décembre 2026)" in titres
    assert "8. Perspectives 2027" not in titres
    perspectives = texte.split("8. Perspectives (après le 1er décembre 2026)")[-1]
    assert "8 décembre 2026 : Comité de pilotage" in perspectives


def test_bilan_d_une_annee_passee(
    demo: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLSM_AUJOURDHUI", EN_COURS)
    texte = _bilan(demo, clsm, 2025)
    assert "provisoire" not in texte
    doc = A.docx(demo / "exports" / "bilan-2025.docx")
    assert "provisoire" not in "".join(p.text for p in doc.sections[0].header.paragraphs)
    assert "8. Perspectives 2026" in texte
    assert "au 31 décembre 2025" in texte
    # only what comes after the bilan's date: the copil of 8 December 2026 is still to come
    assert "8 décembre 2026 : Comité de pilotage" in texte
    assert "12 mars 2026 : Comité de pilotage" not in texte


def test_parts_somment_au_total(
    demo: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLSM_AUJOURDHUI", A.AUJOURDHUI)
    _bilan(demo, clsm, 2025)
    doc = A.docx(demo / "exports" / "bilan-2025.docx")
    lignes = A.tableau(doc, ["Collège", "Membres", "Part"])
    assert lignes[-1][2] == "100\u00a0%"
    parts = [int(ligne[2].split("\u00a0")[0]) for ligne in lignes[1:-1]]
    assert sum(parts) == 100
    financeurs = A.tableau(doc, ["Financeur", "Montant", "Part"])
    assert sum(int(x[2].split("\u00a0")[0]) for x in financeurs[1:]) == 100


def test_phrases_des_reunions_et_realisations(demo: Path) -> None:
    from clsm_cli import Projet
    from clsm_cli.documents.bilan_docx import phrase_realisations, phrase_reunions
    from clsm_cli.noyau.bilan import calculer_bilan

    b = calculer_bilan(Projet.ouvrir(demo), 2025)
    g = b.gouvernance
    une = dataclasses.replace(
        b, gouvernance=dataclasses.replace(g, reunions=g.reunions[:1], decisions=0)
    )
    assert phrase_reunions(une) == (
        "En 2025, le CLSM a tenu 1 réunion d'instance, au cours de laquelle aucune décision "
        "n'a été prise."
    )
    deux = dataclasses.replace(
        b, gouvernance=dataclasses.replace(g, reunions=g.reunions[:2], decisions=1)
    )
    assert phrase_reunions(deux) == (
        "En 2025, le CLSM a tenu 2 réunions d'instance, au cours desquelles 1 décision a été prise."
    )
    p = b.plan
    inconnus = dataclasses.replace(
        b, plan=dataclasses.replace(p, realisations=7, participants=0, participants_inconnus=7)
    )
    assert phrase_realisations(inconnus) == (
        "7 réalisations, dont le nombre de participants n'est pas renseigné"
    )
    assert "0 participant" not in phrase_realisations(inconnus)
    partiel = dataclasses.replace(
        b, plan=dataclasses.replace(p, realisations=7, participants=120, participants_inconnus=2)
    )
    assert phrase_realisations(partiel) == (
        "7 réalisations ont réuni 120 participants (nombre de participants non renseigné pour "
        "2 réalisations)"
    )
    chiffres = dict((c.libelle, c.valeur) for c in inconnus.chiffres_cles())
    assert chiffres["Participants aux réalisations"] is None


def test_participants_inconnus_non_comptes(
    demo: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLSM_AUJOURDHUI", A.AUJOURDHUI)
    plan = demo / "plan.toml"
    lignes = plan.read_text(encoding="utf-8").splitlines(keepends=True)
    plan.write_text("".join(x for x in lignes if not x.startswith("participants")), "utf-8")
    texte = _bilan(demo, clsm, 2025)
    assert "0 participant" not in texte
    assert "dont le nombre de participants n'est pas renseigné" in texte
    chiffres = dict(
        A.tableau(A.docx(demo / "exports" / "bilan-2025.docx"), ["Indicateur", "Valeur"])
    )
    assert chiffres["Participants aux réalisations"] == "non renseignés"


def test_aucune_realisation_dit_une_fois(
    demo: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLSM_AUJOURDHUI", A.AUJOURDHUI)
    texte = _bilan(demo, clsm, 2024)
    assert texte.count("Aucune réalisation") <= 1 + texte.count("4.")  # at most once per axis
    assert texte.count("Aucune réalisation enregistrée en 2024.") == 0


def test_identite_non_renseignee_accordee(
    projet: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLSM_AUJOURDHUI", A.AUJOURDHUI)
    _bilan(projet, clsm, 2026)
    identite = dict(
        A.tableau(A.docx(projet / "exports" / "bilan-2026.docx"), ["Rubrique", "Information"])[1:]
    )
    assert identite["Population"] == "non renseignée"
    assert identite["Structure porteuse"] == "non renseignée"
    assert identite["Convention"] == "non renseignée"


def test_compte_rendu_d_une_reunion_a_venir_refuse(
    demo: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLSM_AUJOURDHUI", EN_COURS)
    refus = (
        "Erreur : La réunion du 8 décembre 2026 n'a pas encore eu lieu : son compte rendu "
        "s'écrira après la réunion. Pour l'annoncer, préparez sa convocation : clsm reunion "
        "convocation 2026-12-08-copil\n"
    )
    for commande in (["copil", "compte-rendu"], ["reunion", "compte-rendu"]):
        r = clsm("-C", demo, *commande, "2026-12-08")
        assert (r.exit_code, r.stdout, r.stderr) == (2, "", refus)
    r = clsm("-C", demo, "copil", "compte-rendu", "2026-12-08", "--en", "md")
    assert (r.exit_code, r.stdout, r.stderr) == (2, "", refus)
    assert not (demo / "exports").exists() or not list((demo / "exports").glob("compte-rendu*"))
    monkeypatch.setenv("CLSM_AUJOURDHUI", "2026-12-08")
    r = clsm("-C", demo, "copil", "compte-rendu", "2026-12-08")
    assert r.exit_code == 0, r.output


def test_programme_entree_libre_seulement_si_dite(
    demo: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLSM_AUJOURDHUI", A.AUJOURDHUI)
    r = clsm("-C", demo, "sism", "programme", "2025")
    assert r.exit_code == 0, r.output
    texte = A.texte_normal(A.docx(demo / "exports" / "sism-programme-2025.docx"))
    assert "Entrée libre" not in texte
    assert "entrée libre" not in texte
    sism = A.toml(demo / "sism" / "2025.toml")
    avec = [e for e in sism["evenement"] if e.get("inscription")]
    assert texte.count("Inscription : ") == len(avec)
    # when every event says so, the programme says it once
    contenu = (demo / "sism" / "2025.toml").read_text(encoding="utf-8")
    contenu = "\n".join(x for x in contenu.splitlines() if not x.startswith("inscription"))
    contenu = contenu.replace("[[evenement]]", '[[evenement]]\ninscription = "Entrée libre"')
    (demo / "sism" / "2025.toml").write_text(contenu + "\n", encoding="utf-8")
    r = clsm("-C", demo, "sism", "programme", "2025")
    assert r.exit_code == 0, r.output
    texte = A.texte_normal(A.docx(demo / "exports" / "sism-programme-2025.docx"))
    assert "Entrée libre et gratuite pour tous les événements." in texte


def test_json_dit_la_date_et_le_statut(
    demo: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    monkeypatch.setenv("CLSM_AUJOURDHUI", EN_COURS)
    for annee, au, provisoire in ((2026, EN_COURS, True), (2025, "2025-12-31", False)):
        r = clsm("-C", demo, "bilan", str(annee), "--format", "json")
        assert r.exit_code == 0, r.output
        donnees = json.loads(r.stdout)
        assert (donnees["au"], donnees["provisoire"]) == (au, provisoire)


def test_sism_sans_participants_non_comptee_zero(
    demo: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLSM_AUJOURDHUI", A.AUJOURDHUI)
    fichier = demo / "sism" / "2025.toml"
    lignes = fichier.read_text(encoding="utf-8").splitlines(keepends=True)
    fichier.write_text("".join(x for x in lignes if not x.startswith("participants")), "utf-8")
    texte = _bilan(demo, clsm, 2025)
    doc = A.docx(demo / "exports" / "bilan-2025.docx")
    historique = A.tableau(doc, ["Année", "Thème", "Événements", "Participants"])
    annee_2025 = next(x for x in historique if x[0] == "2025")
    assert annee_2025[3] == "non renseigné"
    assert "nombre de participants non renseigné" in texte
    chiffres = dict(A.tableau(doc, ["Indicateur", "Valeur"]))
    assert chiffres["Participants à la SISM"] == "non renseignés"


@pytest.mark.parametrize(
    ("inscription", "libre"),
    [
        (None, False),
        ("", False),
        ("Entrée libre", True),
        ("Gratuit", True),
        ("Entrée libre et gratuite", True),
        ("Gratuit, sur inscription", False),
        ("Entrée 4 €, sans réservation", False),
        ("Sur inscription à l'accueil du centre social", False),
    ],
)
def test_entree_libre(inscription: str | None, libre: bool) -> None:
    from clsm_cli.documents.programme import _entree_libre

    assert _entree_libre(inscription) is libre


def test_sans_realisation_zero_participant_sans_sism_non_renseigne(projet: Path) -> None:
    """No réalisation: 0 participants (nothing to count). No SISM entered for the year: its
    figures are unknown, not 0."""
    from clsm_cli import Projet
    from clsm_cli.noyau.bilan import calculer_bilan

    chiffres = {
        c.libelle: c.valeur for c in calculer_bilan(Projet.ouvrir(projet), 2026).chiffres_cles()
    }
    assert chiffres["Réalisations"] == 0
    assert chiffres["Participants aux réalisations"] == 0
    assert chiffres["Participants à la SISM"] is None
    assert chiffres["Événements de la SISM"] is None
