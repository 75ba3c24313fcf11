"""``clsm suivi``: open follow-up items of every meeting, marking them done.

Tests run on 2026-11-26 (CLSM_AUJOURDHUI, conftest); folder: test_reunion's hand-written one.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

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
        },
        {
            "echeance": "2026-12-18",
            "quoi": "Préparer l'évaluation",
            "qui": "Paul Durand (CMP de Testville)",
            "reunion": "2026-03-12-copil",
            "numero": 2,
        },
        {
            "echeance": None,
            "quoi": "Publier les actes",
            "qui": "Service communication",
            "reunion": "2025-11-18-pleniere",
            "numero": 1,
        },
    ]


def test_liste_csv_tous_et_en_retard(clsm: Clsm, dossier: Path) -> None:
    r = reussit(clsm, dossier, "--format", "csv", "--separateur", ";", "suivi", "liste", "--tous")
    assert r.stdout == (
        "\ufeffÉchéance;Quoi;Qui;Réunion;N°;Fait\n"
        "2026-03-31;Envoyer le bilan aux financeurs;Anne Martin (CCAS de Testville);"
        "2026-03-12-copil;1;oui\n"
        "2026-06-30;Rédiger le protocole incurie;;2026-03-12-groupe-logement;1;non\n"
        "2026-12-18;Préparer l'évaluation;Paul Durand (CMP de Testville);2026-03-12-copil;2;non\n"
        ";Publier les actes;Service communication;2025-11-18-pleniere;1;non\n"
    )
    r = reussit(clsm, dossier, "--format", "json", "suivi", "liste", "--en-retard")
    assert [(x["reunion"], x["numero"]) for x in json.loads(r.stdout)] == [
        ("2026-03-12-groupe-logement", 1)
    ]


def test_liste_tableau(clsm: Clsm, dossier: Path) -> None:
    r = reussit(clsm, dossier, "suivi", "liste", "--en-retard")
    assert "Suivis en retard (1)" in r.stdout
    assert "Rédiger le protocole incurie" in r.stdout


def test_liste_vide(clsm: Clsm, projet: Path) -> None:
    assert reussit(clsm, projet, "suivi", "liste").output == "Aucun suivi ouvert.\n"
    assert (
        reussit(clsm, projet, "suivi", "liste", "--en-retard").output == "Aucun suivi en retard.\n"
    )


def test_fait(clsm: Clsm, dossier: Path) -> None:
    r = reussit(clsm, dossier, "suivi", "fait", "2026-03-12-copil", "2")
    assert r.output == "✓ Suivi n° 2 de 2026-03-12-copil fait : Préparer l'évaluation.\n"
    assert texte(dossier, "reunions/2026-03-12-copil.toml") == COPIL.replace(
        "echeance = 2026-12-18\nfait = false\n", "echeance = 2026-12-18\nfait = true\n"
    )
    r = reussit(clsm, dossier, "suivi", "fait", "2026-03-12-copil", "2")
    assert (
        r.output == "Le suivi n° 2 de 2026-03-12-copil était déjà fait : Préparer l'évaluation.\n"
    )
    # an item without « fait »: the key is added
    r = reussit(clsm, dossier, "--format", "json", "suivi", "fait", "2025-11-18", "1")
    assert json.loads(r.stdout) == {
        "reunion": "2025-11-18-pleniere",
        "numero": 1,
        "quoi": "Publier les actes",
        "fait": True,
    }
    assert lire(dossier, "reunions/2025-11-18-pleniere.toml")["suivi"] == [
        {"quoi": "Publier les actes", "qui": "Service communication", "fait": True}
    ]
    r = reussit(clsm, dossier, "--format", "json", "suivi", "liste")
    assert [x["quoi"] for x in json.loads(r.stdout)] == ["Rédiger le protocole incurie"]


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
