"""``clsm suivi``: open follow-up items of every meeting, marking them done.

Tests run on 2026-11-26 (CLSM_AUJOURDHUI, conftest); folder: test_reunion's hand-written one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from .test_reunion import COPIL, dossier, lire, refuse, reussit, texte

Clsm = Callable[..., Result]
__all__ = ["dossier"]  # the fixture, shared with test_reunion


def test_liste_json(clsm: Clsm, dossier: Path) -> None:
    r = reussit(clsm, dossier, "--format", "json", "suivi", "liste")
    assert json.loads(r.stdout) == [
        {
            "echeance": "2026-06-30",
            "quoi": "Rédiger le protocole incurie",
            "qui": None,
            "reunion": "2026-03-12-groupe-logement",
            "numero": 1,
            "en_retard": True,
        },
        {
            "echeance": "2026-12-18",
            "quoi": "Préparer l'évaluation",
            "qui": "Paul Durand (CMP de Testville)",
            "reunion": "2026-03-12-copil",
            "numero": 2,
            "en_retard": False,
        },
        {
            "echeance": None,
            "quoi": "Publier les actes",
            "qui": "Service communication",
            "reunion": "2025-11-18-pleniere",
            "numero": 1,
            "en_retard": False,
        },
    ]


def test_liste_csv_tous_et_en_retard(clsm: Clsm, dossier: Path) -> None:
    r = reussit(clsm, dossier, "--format", "csv", "--separateur", ";", "suivi", "liste", "--tous")
    assert r.stdout == (
        "\ufeffÉchéance;Quoi;Qui;Réunion;N°;Fait;Fait le;Par;En retard\n"
        "2026-03-31;Envoyer le bilan aux financeurs;Anne Martin (CCAS de Testville);"
        "2026-03-12-copil;1;oui;;;\n"
        "2026-06-30;Rédiger le protocole incurie;;2026-03-12-groupe-logement;1;non;;;"
        "en retard\n"
        "2026-12-18;Préparer l'évaluation;Paul Durand (CMP de Testville);2026-03-12-copil;2;non;"
        ";;\n"
        ";Publier les actes;Service communication;2025-11-18-pleniere;1;non;;;\n"
    )
    r = reussit(clsm, dossier, "--format", "json", "suivi", "liste", "--en-retard")
    assert [(x["reunion"], x["numero"]) for x in json.loads(r.stdout)] == [
        ("2026-03-12-groupe-logement", 1)
    ]


def test_liste_tableau(clsm: Clsm, dossier: Path) -> None:
    r = reussit(clsm, dossier, "suivi", "liste", "--en-retard")
    assert "Suivis en retard (1)" in r.stdout
    assert "Rédiger le protocole incurie" in r.stdout


def test_liste_en_retard_en_rouge_au_terminal(
    clsm: Clsm, dossier: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """« en retard » in text; at a terminal (rich forced to colours), the row is red."""
    lignes = reussit(clsm, dossier, "suivi", "liste").stdout.splitlines()
    retard = [x for x in lignes if "protocole" in x]
    assert len(retard) == 1 and retard[0].rstrip().endswith("en retard │")
    assert not any("en retard" in x for x in lignes if "évaluation" in x)
    monkeypatch.setenv("FORCE_COLOR", "1")
    couleurs = reussit(clsm, dossier, "suivi", "liste").stdout
    ligne = next(x for x in couleurs.splitlines() if "protocole" in x)
    assert "\x1b[31m" in ligne  # red
    assert "\x1b[31m" not in next(x for x in couleurs.splitlines() if "évaluation" in x)


def test_liste_vide(clsm: Clsm, projet: Path) -> None:
    assert reussit(clsm, projet, "suivi", "liste").output == "Aucun suivi ouvert.\n"
    assert (
        reussit(clsm, projet, "suivi", "liste", "--en-retard").output == "Aucun suivi en retard.\n"
    )


def test_fait(clsm: Clsm, dossier: Path) -> None:
    r = reussit(clsm, dossier, "suivi", "fait", "2026-03-12-copil", "2")
    assert r.output == (
        "✓ Suivi n° 2 de 2026-03-12-copil fait le 26 novembre 2026 : Préparer l'évaluation.\n"
    )
    assert texte(dossier, "reunions/2026-03-12-copil.toml") == COPIL.replace(
        "echeance = 2026-12-18\nfait = false\n",
        "echeance = 2026-12-18\nfait = true\nfait_le = 2026-11-26\n",
    )
    r = reussit(clsm, dossier, "suivi", "fait", "2026-03-12-copil", "2")
    assert r.output == (
        "Le suivi n° 2 de 2026-03-12-copil était déjà fait le 26 novembre 2026 : "
        "Préparer l'évaluation.\n"
    )
    # an item without « fait »: the key is added
    r = reussit(clsm, dossier, "--format", "json", "suivi", "fait", "2025-11-18", "1")
    assert json.loads(r.stdout) == {
        "reunion": "2025-11-18-pleniere",
        "numero": 1,
        "quoi": "Publier les actes",
        "fait": True,
        "fait_le": "2026-11-26",
        "par": None,
    }
    assert lire(dossier, "reunions/2025-11-18-pleniere.toml")["suivi"] == [
        {
            "quoi": "Publier les actes",
            "qui": "Service communication",
            "fait": True,
            "fait_le": dt.date(2026, 11, 26),
        }
    ]
    r = reussit(clsm, dossier, "--format", "json", "suivi", "liste")
    assert [x["quoi"] for x in json.loads(r.stdout)] == ["Rédiger le protocole incurie"]


def test_fait_le_et_par(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm, dossier, "suivi", "fait", "2026-03-12-groupe-logement", "1",
        "--le", "2026-07-02", "--par", "paul-durand",
    )  # fmt: skip
    assert r.output == (
        "✓ Suivi n° 1 de 2026-03-12-groupe-logement fait le 2 juillet 2026 par Paul Durand "
        "(CMP de Testville) : Rédiger le protocole incurie.\n"
    )
    assert texte(dossier, "reunions/2026-03-12-groupe-logement.toml").endswith(
        '[[suivi]]\nquoi = "Rédiger le protocole incurie"\necheance = 2026-06-30\n'
        'fait = true\nfait_le = 2026-07-02\npar = "paul-durand"\n'
    )
    r = reussit(clsm, dossier, "--format", "json", "suivi", "liste", "--tous")
    fait = next(x for x in json.loads(r.stdout) if x["reunion"] == "2026-03-12-groupe-logement")
    assert fait == {
        "echeance": "2026-06-30",
        "quoi": "Rédiger le protocole incurie",
        "qui": None,
        "reunion": "2026-03-12-groupe-logement",
        "numero": 1,
        "fait": True,
        "fait_le": "2026-07-02",
        "par": "Paul Durand (CMP de Testville)",
        "en_retard": False,
    }
    r = reussit(clsm, dossier, "reunion", "voir", "2026-03-12-groupe-logement")
    assert "Rédiger le protocole incurie — pour le 30 juin 2026 — fait le 2 juillet 2026 par " in (
        r.stdout
    )
    # a free-text « par », and the date in the future refused
    assert refuse(
        clsm, dossier, "suivi", "fait", "2026-03-12-copil", "2", "--le", "2026-12-01"
    ) == ("Erreur : --le : le 1er décembre 2026 n'est pas encore arrivé.\n")
    assert refuse(
        clsm, dossier, "suivi", "fait", "2026-03-12-copil", "2", "--par", "anne-m", code=3
    ) == (
        "Erreur : --par : membre inconnu « anne-m » (absent de membres.toml). Vouliez-vous dire "
        "« anne-martin » ?\n"
    )
    reussit(clsm, dossier, "suivi", "fait", "2026-03-12-copil", "2", "--par", "La mairie")
    assert lire(dossier, "reunions/2026-03-12-copil.toml")["suivi"][1]["par"] == "La mairie"


def test_fait_refus(clsm: Clsm, dossier: Path) -> None:
    assert refuse(clsm, dossier, "suivi", "fait", "2026-03-12-copil", "3", code=3) == (
        "Erreur : Suivi n° 3 inconnu : la réunion 2026-03-12-copil en a 2 (1 à 2 ; voir "
        "« clsm reunion voir 2026-03-12-copil »).\n"
    )
    assert refuse(clsm, dossier, "suivi", "fait", "2026-03-12", "1") == (
        "Erreur : Plusieurs réunions le 12 mars 2026 : précisez l'instance (2026-03-12-copil, "
        "2026-03-12-groupe-logement).\n"
    )
    assert "Valeur invalide pour « N »" in refuse(clsm, dossier, "suivi", "fait", "2025-11-18", "0")
    reussit(clsm, dossier, "reunion", "ajouter", "--instance", "autre", "--date", "2026-01-09")
    assert refuse(clsm, dossier, "suivi", "fait", "2026-01-09", "1") == (
        "Erreur : La réunion 2026-01-09-autre n'a aucun suivi.\n"
    )


def test_demo_coherent_avec_etat(clsm: Clsm, demo: Path) -> None:
    """The open items are those ``clsm etat`` counts."""
    r = reussit(clsm, demo, "--format", "json", "suivi", "liste")
    ouverts = json.loads(r.stdout)
    etat = json.loads(reussit(clsm, demo, "--format", "json", "etat").stdout)
    assert len(ouverts) == etat["suivis"]["ouverts"]
    en_retard = json.loads(
        reussit(clsm, demo, "--format", "json", "suivi", "liste", "--en-retard").stdout
    )
    assert len(en_retard) == etat["suivis"]["en_retard"]
    echeances = [x["echeance"] or "9999" for x in ouverts]
    assert echeances == sorted(echeances)
