"""``clsm financement liste|ajouter|retirer``: the ``[[financement]]`` lines of clsm.toml."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from .test_identite import CLSM
from .test_membres import lire, octets


@pytest.fixture
def dossier(projet: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (projet / "clsm.toml").write_text(CLSM, encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "100")
    return projet


def test_liste_table(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", dossier, "financement", "liste", "--annee", "2026")
    assert r.exit_code == 0
    assert r.stdout.splitlines() == [
        "Financements 2026",
        "┏━━━━━━━┳━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━┓",
        "┃ Année ┃ Financeur          ┃ Montant    ┃ Objet                 ┃",
        "┡━━━━━━━╇━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━┩",
        "│ 2026  │ ARS                │ 25\u202f000 €   │ Poste de coordination │",
        "│ 2026  │ ARS                │ 3\u202f000,50 € │ SISM                  │",
        "│ 2026  │ Ville de Testville │ 24\u202f000 €   │                       │",
        "└───────┴────────────────────┴────────────┴───────────────────────┘",
        "Total : 52\u202f000,50 €",
    ]


def test_liste_json_et_csv(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", dossier, "--format", "json", "financement", "liste")
    assert json.loads(r.stdout) == [
        {"annee": 2025, "financeur": "ARS", "montant": 25000, "objet": "Poste de coordination"},
        {"annee": 2026, "financeur": "ARS", "montant": 25000, "objet": "Poste de coordination"},
        {"annee": 2026, "financeur": "ARS", "montant": 3000.5, "objet": "SISM"},
        {"annee": 2026, "financeur": "Ville de Testville", "montant": 24000, "objet": None},
    ]
    r = clsm("-C", dossier, "--format", "csv", "--separateur", ";", "financement", "liste")
    assert r.stdout_bytes.decode("utf-8") == (
        "\ufeffAnnée;Financeur;Montant;Objet\r\n"
        "2025;ARS;25000;Poste de coordination\r\n"
        "2026;ARS;25000;Poste de coordination\r\n"
        "2026;ARS;3000.5;SISM\r\n"
        "2026;Ville de Testville;24000;\r\n"
    )
    r = clsm("-C", dossier, "financement", "liste", "--annee", "2030")
    assert (r.exit_code, r.output) == (0, "Aucun financement enregistré en 2030.\n")


def test_ajouter_puis_retirer_rend_le_fichier_intact(
    dossier: Path, clsm: Callable[..., Result]
) -> None:
    avant = (dossier / "clsm.toml").read_bytes()
    r = clsm(
        "-C", dossier, "financement", "ajouter", "--annee", "2027", "--financeur",
        "Conseil départemental", "--montant", "3 000", "--objet", "Gardiens d'immeuble",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert r.output == "✓ Financement ajouté : 2027 — Conseil départemental — 3\u202f000 €.\n"
    texte = (dossier / "clsm.toml").read_text(encoding="utf-8")
    assert texte == CLSM.replace(
        "montant = 24000\n\n",
        "montant = 24000\n"
        "\n"
        "[[financement]]\n"
        "annee = 2027\n"
        'financeur = "Conseil départemental"\n'
        "montant = 3000\n"
        'objet = "Gardiens d\'immeuble"\n'
        "\n",
    )
    assert lire(dossier, "clsm.toml")["financement"][-1]["montant"] == 3000
    r = clsm(
        "-C", dossier, "financement", "retirer", "--annee", "2027", "--financeur",
        "conseil departemental",
    )  # fmt: skip
    assert r.exit_code == 0
    assert r.output == "✓ Financement retiré : 2027 — Conseil départemental — 3\u202f000 €.\n"
    assert (dossier / "clsm.toml").read_bytes() == avant


def test_ajouter_json(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm(
        "-C", dossier, "--format", "json", "financement", "ajouter", "--annee", "2026",
        "--financeur", "Contrat de ville", "--montant", "5000,75",
    )  # fmt: skip
    assert json.loads(r.stdout) == {
        "annee": 2026,
        "financeur": "Contrat de ville",
        "montant": 5000.75,
        "objet": None,
    }


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (
            ["--annee", "2026", "--financeur", "ARS"],
            2,
            "Erreur : Valeur manquante : précisez --montant — Montant en euros.",
        ),
        (
            ["--annee", "2026", "--financeur", "ARS", "--montant", "beaucoup"],
            2,
            "Erreur : Montant invalide pour --montant : « beaucoup » (nombre positif attendu, "
            "par exemple 25000 ou 12 500,50).",
        ),
        (
            ["--annee", "2026", "--financeur", "ARS", "--montant", "-5"],
            2,
            "Erreur : Montant invalide pour --montant : « -5 » (nombre positif attendu, "
            "par exemple 25000 ou 12 500,50).",
        ),
        (
            ["--annee", "1789", "--financeur", "ARS", "--montant", "5"],
            2,
            "Erreur : Valeur refusée : annee : valeur trop petite 1789 (minimum 1990).",
        ),
        (
            ["--financeur", "ARS", "--montant", "5"],
            2,
            "Erreur : Valeur manquante : précisez --annee — Année.",
        ),
    ],
)
def test_ajouter_refus(
    dossier: Path, clsm: Callable[..., Result], arguments: list[str], code: int, message: str
) -> None:
    avant = octets(dossier)
    r = clsm("-C", dossier, "financement", "ajouter", *arguments)
    assert r.exit_code == code
    assert r.stderr.splitlines()[-1] == message
    assert octets(dossier) == avant


def test_retirer_ambigu_puis_precis(dossier: Path, clsm: Callable[..., Result]) -> None:
    avant = octets(dossier)
    r = clsm("-C", dossier, "financement", "retirer", "--annee", "2026", "--financeur", "ars")
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        "Erreur : 2 financements de « ars » en 2026 : précisez lequel avec --objet :",
        "  2026 — ARS — 25\u202f000 € — Poste de coordination",
        "  2026 — ARS — 3\u202f000,50 € — SISM",
    ]
    r = clsm("-C", dossier, "financement", "retirer", "--annee", "2024", "--financeur", "ARS")
    assert r.exit_code == 3
    assert r.stderr == (
        "Erreur : Aucun financement de « ARS » en 2024. Aucun financement n'est enregistré "
        "cette année-là.\n"
    )
    r = clsm(
        "-C", dossier, "financement", "retirer", "--annee", "2026", "--financeur", "CAF",
        "--objet", "SISM",
    )  # fmt: skip
    assert r.exit_code == 3
    assert r.stderr.splitlines() == [
        "Erreur : Aucun financement de « CAF » en 2026 pour l'objet « SISM ». Financements de "
        "cette année :",
        "  2026 — ARS — 25\u202f000 € — Poste de coordination",
        "  2026 — ARS — 3\u202f000,50 € — SISM",
        "  2026 — Ville de Testville — 24\u202f000 €",
    ]
    assert octets(dossier) == avant
    r = clsm(
        "-C", dossier, "financement", "retirer", "--annee", "2026", "--financeur", "ARS",
        "--objet", "sism",
    )  # fmt: skip
    assert r.exit_code == 0
    assert r.output == "✓ Financement retiré : 2026 — ARS — 3\u202f000,50 €.\n"
    assert (dossier / "clsm.toml").read_text(encoding="utf-8") == CLSM.replace(
        '[[financement]]\nannee = 2026\nfinanceur = "ARS"\nmontant = 3000.5\nobjet = "SISM"\n\n',
        "",
    )
