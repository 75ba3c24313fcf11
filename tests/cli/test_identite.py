"""``clsm identite voir|modifier``: clsm.toml read for people and changed option by option."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from .test_membres import lire, octets

CLSM = """\
#:schema .clsm/schemas/clsm.schema.json
version_schema = "1.0"

nom = "CLSM de Testville"
territoire = "Testville"
communes = ["Testville"]
date_creation = 2019-06-14

[coordination]
nom = "Sophie Marchal"
etp = 0.8

[convention]
debut = 2024-01-01
fin = 2027-12-31
objectifs = ["Améliorer l'accès aux soins."]

[[convention.signataire]]
structure = "Ville de Testville"
representant = "Jean Delattre"
qualite = "Maire"

[[financement]]
annee = 2025
financeur = "ARS"
montant = 25000
objet = "Poste de coordination"

[[financement]]
annee = 2026
financeur = "ARS"
montant = 25000
objet = "Poste de coordination"

[[financement]]
annee = 2026
financeur = "ARS"
montant = 3000.5
objet = "SISM"

[[financement]]
annee = 2026
financeur = "Ville de Testville"
montant = 24000

[cellule]
seuil_masquage = 11
conservation_mois = 24
"""


@pytest.fixture
def dossier(projet: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (projet / "clsm.toml").write_text(CLSM, encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "100")
    return projet


def test_voir_json(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", dossier, "--format", "json", "identite", "voir")
    assert r.exit_code == 0
    assert json.loads(r.stdout) == {
        "nom": "CLSM de Testville",
        "territoire": "Testville",
        "communes": ["Testville"],
        "population": None,
        "qpv": [],
        "date_creation": "2019-06-14",
        "porteur": None,
        "porteur_article": None,
        "presidence": None,
        "presidence_article": None,
        "co_animation": None,
        "co_animation_article": None,
        "coordination": {"nom": "Sophie Marchal", "courriel": None, "telephone": None, "etp": 0.8},
        "convention": {
            "debut": "2024-01-01",
            "fin": "2027-12-31",
            "signataire": [
                {
                    "structure": "Ville de Testville",
                    "representant": "Jean Delattre",
                    "qualite": "Maire",
                    "article": None,
                }
            ],
            "objectifs": ["Améliorer l'accès aux soins."],
        },
        "financement": [
            {
                "annee": 2025,
                "financeur": "ARS",
                "montant": 25000.0,
                "objet": "Poste de coordination",
            },
            {
                "annee": 2026,
                "financeur": "ARS",
                "montant": 25000.0,
                "objet": "Poste de coordination",
            },
            {"annee": 2026, "financeur": "ARS", "montant": 3000.5, "objet": "SISM"},
            {"annee": 2026, "financeur": "Ville de Testville", "montant": 24000.0, "objet": None},
        ],
        "jalon": [],
        "cls": {"nom": None, "debut": None, "fin": None, "fiche_action": None},
        "ptsm": {"nom": None, "debut": None, "fin": None},
        "cellule": {
            "active": True,
            "seuil_masquage": 11,
            "conservation_mois": 24,
            "origines": [],
            "orientations": [],
            "communes": [],
        },
        "export": {"modele_word": None},
    }


def test_voir_table(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", dossier, "identite", "voir")
    assert r.exit_code == 0
    assert [ligne.rstrip() for ligne in r.stdout.splitlines()] == [
        "CLSM de Testville",
        " Territoire    Testville",
        " Communes      Testville",
        " Population    —",
        " QPV           —",
        " Créé le       14 juin 2019",
        " Porteur       —",
        " Présidence    —",
        " Co-animation  —",
        "Coordination",
        " Nom        Sophie Marchal",
        " Courriel   —",
        " Téléphone  —",
        " ETP        0,8",
        "Convention",
        " Début       1er janvier 2024",
        " Fin         31 décembre 2027",
        " Signataire  Ville de Testville — Jean Delattre, Maire",
        " Objectif 1  Améliorer l'accès aux soins.",
        "Contrat local de santé et PTSM",
        " CLS              —",
        " Période du CLS   —",
        " Fiche action     —",
        " PTSM             —",
        " Période du PTSM  —",
        "Financements",
        " 2025  ARS — 25\u202f000 € — Poste de coordination",
        " 2026  ARS — 25\u202f000 € — Poste de coordination",
        " 2026  ARS — 3\u202f000,50 € — SISM",
        " 2026  Ville de Testville — 24\u202f000 €",
        "Cellule",
        " Seuil de masquage  11",
        " Conservation       24 mois",
        "Export",
        " Modèle Word  —",
    ]


def test_modifier(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm(
        "-C", dossier, "identite", "modifier",
        "--territoire", "Testville et Lorvey", "--commune", "Testville", "--commune", "Lorvey",
        "--population", "48 200", "--qpv", "La Prairie", "--porteur", "CCAS de Testville",
        "--presidence", "Claire Dumesnil", "--co-animation", "Dr Mercadier",
        "--coordination-courriel", "clsm@example.org", "--coordination-etp", "0,9",
        "--convention-fin", "2028-12-31", "--seuil-masquage", "15", "--modele-word",
        "modeles/charte.docx", "--effacer", "date_creation",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert r.output == (
        "✓ clsm.toml modifié : territoire, commune, population, qpv, porteur, presidence, "
        "co-animation, coordination-courriel, coordination-etp, convention-fin, seuil-masquage, "
        "modele-word, date-creation.\n"
    )
    texte = (dossier / "clsm.toml").read_text(encoding="utf-8")
    assert texte.split("[[financement]]")[0] == (
        "#:schema .clsm/schemas/clsm.schema.json\n"
        'version_schema = "1.0"\n'
        "\n"
        'nom = "CLSM de Testville"\n'
        'territoire = "Testville et Lorvey"\n'
        'communes = ["Testville", "Lorvey"]\n'
        "population = 48200\n"
        'qpv = ["La Prairie"]\n'
        'porteur = "CCAS de Testville"\n'
        'presidence = "Claire Dumesnil"\n'
        'co_animation = "Dr Mercadier"\n'
        "\n"
        "[coordination]\n"
        'nom = "Sophie Marchal"\n'
        'courriel = "clsm@example.org"\n'
        "etp = 0.9\n"
        "\n"
        "[convention]\n"
        "debut = 2024-01-01\n"
        "fin = 2028-12-31\n"
        'objectifs = ["Améliorer l\'accès aux soins."]\n'
        "\n"
        "[[convention.signataire]]\n"
        'structure = "Ville de Testville"\n'
        'representant = "Jean Delattre"\n'
        'qualite = "Maire"\n'
        "\n"
    )
    assert texte.endswith(
        "[cellule]\n"
        "seuil_masquage = 15\n"
        "conservation_mois = 24\n"
        "\n"
        "[export]\n"
        'modele_word = "modeles/charte.docx"\n'
    )
    assert clsm("-C", dossier, "verifier").exit_code == 0


def test_modifier_json_et_effacer(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm(
        "-C", dossier, "--format", "json", "identite", "modifier", "--nom", "CLSM Testville",
        "--effacer", "coordination.etp", "--effacer", "communes",
    )  # fmt: skip
    assert r.exit_code == 0
    donnees = json.loads(r.stdout)
    assert (donnees["nom"], donnees["communes"], donnees["coordination"]["etp"]) == (
        "CLSM Testville",
        [],
        None,
    )
    relu = lire(dossier, "clsm.toml")
    assert relu["coordination"] == {"nom": "Sophie Marchal"}
    assert "communes" not in relu


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (
            [],
            2,
            "Erreur : Rien à modifier : indiquez au moins une option (voir « clsm identite "
            "modifier --help »).",
        ),
        (
            ["--seuil-masquage", "1"],
            2,
            "Erreur : Valeur refusée : --seuil-masquage : valeur trop petite 1 (minimum 2).",
        ),
        (
            ["--seuil-masquage", "10"],
            1,
            "  clsm.toml:47: cellule.seuil_masquage: le seuil de masquage doit être d'au moins "
            "11 (pratique des données de santé) : les statistiques utilisent 11 (E410)",
        ),
        (
            ["--coordination-etp", "12"],
            2,
            "Erreur : Valeur refusée : --coordination-etp : valeur trop grande 12 (maximum 10.0).",
        ),
        (
            ["--convention-fin", "2023-12-31"],
            2,
            "Erreur : Valeur refusée : --convention-debut/--convention-fin : la date de fin "
            "précède la date de début.",
        ),
        (
            ["--convention-debut", "01/01/2024"],
            2,
            "Erreur : Date invalide pour --convention-debut : « 01/01/2024 » (forme attendue : "
            "AAAA-MM-JJ, par exemple 2026-03-12).",
        ),
        (
            ["--population", "beaucoup"],
            2,
            "Erreur : --population : « beaucoup » n'est pas un nombre entier valide.",
        ),
        (
            ["--porteur", "CCAS", "--effacer", "porteur"],
            2,
            "Erreur : --porteur et --effacer porteur : choisissez.",
        ),
    ],
)
def test_modifier_refus(
    dossier: Path, clsm: Callable[..., Result], arguments: list[str], code: int, message: str
) -> None:
    avant = octets(dossier)
    r = clsm("-C", dossier, "identite", "modifier", *arguments)
    assert r.exit_code == code
    assert r.stderr.splitlines()[-1] == message
    assert octets(dossier) == avant


def test_nom_ne_peut_etre_efface(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", dossier, "identite", "modifier", "--effacer", "nom")
    assert r.exit_code == 2
    assert "Valeur invalide pour « --effacer » : « nom » n'est pas une valeur possible" in r.stderr


def test_tables_creees_a_la_demande(projet: Path, clsm: Callable[..., Result]) -> None:
    """A fresh folder has no [coordination]: the table is created after the others."""
    r = clsm(
        "-C", projet, "identite", "modifier", "--coordination-nom", "Sophie Marchal",
        "--convention-debut", "2026-01-01",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    texte = (projet / "clsm.toml").read_text(encoding="utf-8")
    assert texte.endswith(
        "[cellule]\n"
        "seuil_masquage = 11\n"
        "conservation_mois = 24\n"
        "\n"
        "[coordination]\n"
        'nom = "Sophie Marchal"\n'
        "\n"
        "[convention]\n"
        "debut = 2026-01-01\n"
    )
    assert clsm("-C", projet, "verifier").exit_code == 0
