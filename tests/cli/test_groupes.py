"""``clsm groupes``: listings, fiche, création, modification, suppression, composition."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from .test_membres import AUJOURDHUI, GROUPES, lire, membre, octets, remplir


@pytest.fixture
def dossier(projet: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from clsm_cli.noyau.projet import Projet

    monkeypatch.setattr(Projet, "aujourdhui", lambda self: AUJOURDHUI)
    monkeypatch.setenv("COLUMNS", "120")
    return remplir(projet)


def groupe(racine: Path, ident: str) -> dict:
    return next(g for g in lire(racine, "groupes.toml")["groupe"] if g["id"] == ident)


def test_liste_json_csv_table(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm(
        "-C", dossier, "groupes", "ajouter", "--nom", "Accès aux soins", "--pilote", "ines-moreau"
    )
    assert r.exit_code == 0, r.output
    r = clsm("-C", dossier, "--format", "json", "groupes", "liste")
    assert json.loads(r.stdout) == [
        {
            "id": "acces-aux-soins",
            "nom": "Accès aux soins",
            "pilote": "ines-moreau",
            "membres": ["ines-moreau"],
            "actif": True,
        },
        {
            "id": "logement",
            "nom": "Logement et santé mentale",
            "pilote": "laurent-mercadier",
            "membres": ["laurent-mercadier"],
            "actif": True,
        },
    ]
    r = clsm("-C", dossier, "--format", "csv", "groupes", "liste")
    assert r.stdout_bytes.decode("utf-8") == (
        "\ufeffIdentifiant,Nom,Pilote,Membres,Actif\r\n"
        "acces-aux-soins,Accès aux soins,Inès Moreau (Habitat Testville),1,oui\r\n"
        "logement,Logement et santé mentale,Laurent Mercadier (CH Les Tilleuls),1,oui\r\n"
    )
    r = clsm("-C", dossier, "groupes", "liste")
    assert r.stdout.splitlines() == [
        "Groupes (2)",
        "┏━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━"
        "┳━━━━━━━━━┳━━━━━━━┓",
        "┃ Identifiant     ┃ Nom                       ┃ Pilote                              "
        "┃ Membres ┃ Actif ┃",
        "┡━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━"
        "╇━━━━━━━━━╇━━━━━━━┩",
        "│ acces-aux-soins │ Accès aux soins           │ Inès Moreau (Habitat Testville)     "
        "│ 1       │ oui   │",
        "│ logement        │ Logement et santé mentale │ Laurent Mercadier (CH Les Tilleuls) "
        "│ 1       │ oui   │",
        "└─────────────────┴───────────────────────────┴─────────────────────────────────────"
        "┴─────────┴───────┘",
    ]
    clsm("-C", dossier, "groupes", "retirer", "acces-aux-soins", "--desactiver")
    r = clsm("-C", dossier, "--format", "json", "groupes", "liste", "--actifs")
    assert [g["id"] for g in json.loads(r.stdout)] == ["logement"]


def test_voir(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", dossier, "groupes", "voir", "logement")
    assert r.exit_code == 0
    assert [ligne.rstrip() for ligne in r.stdout.splitlines()] == [
        "Logement et santé mentale",
        " Identifiant  logement",
        " Nom          Logement et santé mentale",
        " Mission      Prévenir les ruptures de parcours locatif.",
        " Pilote       Laurent Mercadier (CH Les Tilleuls)",
        " Actif        oui",
        " Membres (1)  Laurent Mercadier (CH Les Tilleuls) [laurent-mercadier]",
        " Actions      permanence",
        " Réunions     2026-02-03",
    ]
    r = clsm("-C", dossier, "--format", "json", "groupes", "voir", "logement")
    assert json.loads(r.stdout) == {
        "id": "logement",
        "nom": "Logement et santé mentale",
        "mission": "Prévenir les ruptures de parcours locatif.",
        "pilote": "laurent-mercadier",
        "membres": ["laurent-mercadier"],
        "actif": True,
    }
    r = clsm("-C", dossier, "groupes", "voir", "logment")
    assert r.exit_code == 3
    assert r.stderr == (
        "Erreur : Aucun groupe d'identifiant « logment ». Vouliez-vous dire « logement » ? "
        "(voir « clsm groupes liste »)\n"
    )


def test_ajouter(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm(
        "-C", dossier, "groupes", "ajouter", "--nom", "Santé mentale des jeunes",
        "--mission", "Repérer tôt.", "--pilote", "claire-dumesnil",
        "--membre", "ines-moreau", "--membre", "claire-dumesnil",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert r.output == (
        "✓ Groupe créé : Santé mentale des jeunes — identifiant « sante-mentale-des-jeunes », "
        "2 membre(s).\n"
    )
    assert (dossier / "groupes.toml").read_text(encoding="utf-8") == GROUPES + (
        "\n"
        "[[groupe]]\n"
        'id = "sante-mentale-des-jeunes"\n'
        'nom = "Santé mentale des jeunes"\n'
        'mission = "Repérer tôt."\n'
        'pilote = "claire-dumesnil"\n'
        'membres = ["claire-dumesnil", "ines-moreau"]\n'
        "actif = true\n"
    )
    assert membre(dossier, "claire-dumesnil")["instances"] == [
        "copil",
        "pleniere",
        "sante-mentale-des-jeunes",
    ]
    assert membre(dossier, "ines-moreau")["instances"] == ["sante-mentale-des-jeunes"]
    # an id never takes the name of a fixed instance
    r = clsm("-C", dossier, "--format", "json", "groupes", "ajouter", "--nom", "COPIL")
    assert json.loads(r.stdout) == {
        "id": "copil-2",
        "nom": "COPIL",
        "mission": None,
        "pilote": None,
        "membres": [],
        "actif": True,
    }
    assert clsm("-C", dossier, "verifier").exit_code == 0


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (
            ["--nom", "GT", "--pilote", "claire"],
            3,
            "Erreur : Aucun membre d'identifiant « claire ». (voir « clsm membres liste --tous »)",
        ),
        (
            ["--nom", "GT", "--membre", "ines-moreu"],
            3,
            "Erreur : Aucun membre d'identifiant « ines-moreu ». Vouliez-vous dire "
            "« ines-moreau » ? (voir « clsm membres liste --tous »)",
        ),
        (
            ["--mission", "Sans nom"],
            2,
            "Erreur : Valeur manquante : précisez --nom — Nom du groupe de travail.",
        ),
    ],
)
def test_ajouter_refus(
    dossier: Path, clsm: Callable[..., Result], arguments: list[str], code: int, message: str
) -> None:
    avant = octets(dossier)
    r = clsm("-C", dossier, "groupes", "ajouter", *arguments)
    assert r.exit_code == code
    assert r.stderr.splitlines()[-1] == message
    assert octets(dossier) == avant


def test_modifier(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm(
        "-C", dossier, "groupes", "modifier", "logement", "--nom", "Habitat et santé mentale",
        "--pilote", "ines-moreau", "--effacer", "mission",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert r.output == "✓ Groupe modifié : Habitat et santé mentale — logement.\n"
    assert (dossier / "groupes.toml").read_text(encoding="utf-8") == (
        "#:schema .clsm/schemas/groupes.schema.json\n"
        'version_schema = "1.0"\n'
        "\n"
        "[[groupe]]\n"
        'id = "logement"\n'
        'nom = "Habitat et santé mentale"\n'
        'pilote = "ines-moreau"\n'
        'membres = ["laurent-mercadier", "ines-moreau"]\n'
    )
    assert membre(dossier, "ines-moreau")["instances"] == ["logement"]
    r = clsm("-C", dossier, "groupes", "modifier", "logement", "--inactif")
    assert r.exit_code == 0
    assert groupe(dossier, "logement")["actif"] is False
    r = clsm("-C", dossier, "groupes", "modifier", "logement", "--inactif")
    assert r.output == "Aucun changement : « logement » était déjà à jour.\n"


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (
            ["logement"],
            2,
            "Erreur : Rien à modifier : indiquez au moins une option (voir « clsm groupes "
            "modifier --help »).",
        ),
        (
            ["logement", "--pilote", "personne"],
            3,
            "Erreur : Aucun membre d'identifiant « personne ». (voir « clsm membres liste "
            "--tous »)",
        ),
        (
            ["logement", "--mission", "x", "--effacer", "mission"],
            2,
            "Erreur : --mission et --effacer mission : choisissez.",
        ),
        (
            ["inconnu", "--nom", "x"],
            3,
            "Erreur : Aucun groupe d'identifiant « inconnu ». (voir « clsm groupes liste »)",
        ),
    ],
)
def test_modifier_refus(
    dossier: Path, clsm: Callable[..., Result], arguments: list[str], code: int, message: str
) -> None:
    avant = octets(dossier)
    r = clsm("-C", dossier, "groupes", "modifier", *arguments)
    assert r.exit_code == code
    assert r.stderr.splitlines()[-1] == message
    assert octets(dossier) == avant


def test_retirer_refuse_si_cite(dossier: Path, clsm: Callable[..., Result]) -> None:
    avant = octets(dossier)
    r = clsm("-C", dossier, "groupes", "retirer", "logement", "--oui")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        "Erreur : Suppression refusée : le groupe « logement » est cité à 3 endroit(s). "
        "Désactivez-le avec « clsm groupes retirer logement --desactiver » (l'historique "
        "reste), ou retirez d'abord ces références (par exemple « clsm groupes membres "
        "logement --retirer … ») :",
        "  membres.toml:23: instances de « laurent-mercadier »",
        "  plan.toml:18: action « permanence »",
        "  reunions/2026-02-03-groupe-logement.toml:4: réunion du groupe",
    ]
    assert octets(dossier) == avant


def test_retirer_desactiver(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", dossier, "groupes", "retirer", "logement", "--desactiver")
    assert r.exit_code == 0
    assert r.output == "✓ Groupe désactivé : Logement et santé mentale — logement.\n"
    assert (dossier / "groupes.toml").read_text(encoding="utf-8") == GROUPES + "actif = false\n"
    assert clsm("-C", dossier, "verifier").exit_code == 0


def test_retirer_supprime(dossier: Path, clsm: Callable[..., Result]) -> None:
    clsm("-C", dossier, "groupes", "ajouter", "--nom", "Éphémère", "--pilote", "ines-moreau")
    avant = octets(dossier)
    r = clsm("-C", dossier, "groupes", "retirer", "ephemere", "--oui")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[1:] == ["  membres.toml:47: instances de « ines-moreau »"]
    assert octets(dossier) == avant
    r = clsm("-C", dossier, "groupes", "modifier", "ephemere", "--effacer", "pilote")
    assert r.exit_code == 0
    r = clsm("-C", dossier, "groupes", "membres", "ephemere", "--retirer", "ines-moreau")
    assert r.exit_code == 0
    r = clsm("-C", dossier, "groupes", "retirer", "ephemere")
    assert r.exit_code == 2
    assert r.stderr == (
        "Erreur : Supprimer définitivement le groupe « Éphémère » ? — aucune réponse possible "
        "hors d'un terminal : ajoutez --oui pour confirmer.\n"
    )
    r = clsm("-C", dossier, "groupes", "retirer", "ephemere", "--oui")
    assert r.exit_code == 0
    assert r.output == "✓ Groupe supprimé : Éphémère — ephemere.\n"
    assert (dossier / "groupes.toml").read_text(encoding="utf-8") == GROUPES
    assert "instances" not in membre(dossier, "ines-moreau")


def test_composition(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm(
        "-C", dossier, "groupes", "membres", "logement",
        "--ajouter", "ines-moreau", "--ajouter", "claire-dumesnil",
        "--ajouter", "laurent-mercadier",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert r.output == (
        "✓ Groupe logement — ajouté(s) : ines-moreau, claire-dumesnil ; déjà membre(s) : "
        "laurent-mercadier (3 membre(s)).\n"
    )
    assert groupe(dossier, "logement")["membres"] == [
        "laurent-mercadier",
        "ines-moreau",
        "claire-dumesnil",
    ]
    assert membre(dossier, "ines-moreau")["instances"] == ["logement"]
    assert membre(dossier, "claire-dumesnil")["instances"] == ["copil", "pleniere", "logement"]
    r = clsm(
        "-C", dossier, "--format", "json", "groupes", "membres", "logement",
        "--retirer", "claire-dumesnil",
    )  # fmt: skip
    assert json.loads(r.stdout)["membres"] == ["laurent-mercadier", "ines-moreau"]
    assert membre(dossier, "claire-dumesnil")["instances"] == ["copil", "pleniere"]
    assert clsm("-C", dossier, "verifier").exit_code == 0


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (
            ["logement", "--retirer", "laurent-mercadier"],
            2,
            "Erreur : « laurent-mercadier » pilote le groupe « logement » : changez d'abord de "
            "pilote (clsm groupes modifier logement --pilote …).",
        ),
        (
            ["logement", "--retirer", "ines-moreau"],
            2,
            "Erreur : « ines-moreau » ne fait pas partie du groupe « logement ».",
        ),
        (
            ["logement", "--ajouter", "ines-moreau", "--retirer", "ines-moreau"],
            2,
            "Erreur : « ines-moreau » est à la fois dans --ajouter et --retirer : choisissez.",
        ),
        (
            ["logement", "--ajouter", "inconnu"],
            3,
            "Erreur : Aucun membre d'identifiant « inconnu ». (voir « clsm membres liste --tous »)",
        ),
        (
            ["logement"],
            2,
            "Erreur : Rien à faire : indiquez --ajouter MEMBRE ou --retirer MEMBRE.",
        ),
    ],
)
def test_composition_refus(
    dossier: Path, clsm: Callable[..., Result], arguments: list[str], code: int, message: str
) -> None:
    avant = octets(dossier)
    r = clsm("-C", dossier, "groupes", "membres", *arguments)
    assert r.exit_code == code
    assert r.stderr.splitlines()[-1] == message
    assert octets(dossier) == avant


# --- issue 12: chosen identifiers and renaming ----------------------------------------------


def test_ajouter_avec_id(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", dossier, "groupes", "ajouter", "--nom", "Jeunesse et santé mentale", "--id",
             "jeunes")  # fmt: skip
    assert (
        r.output
        == "✓ Groupe créé : Jeunesse et santé mentale — identifiant « jeunes », 0 membre(s).\n"
    )
    assert groupe(dossier, "jeunes") == {
        "id": "jeunes",
        "nom": "Jeunesse et santé mentale",
        "actif": True,
    }
    avant = octets(dossier)
    r = clsm("-C", dossier, "groupes", "ajouter", "--nom", "Autre", "--id", "copil")
    assert (r.exit_code, r.stderr) == (
        2, "Erreur : --id : l'identifiant « copil » est déjà pris par un autre groupe.\n"
    )  # fmt: skip
    assert octets(dossier) == avant


def test_renommer_groupe(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", dossier, "groupes", "renommer", "logement", "habitat")
    assert r.exit_code == 0, r.output
    assert r.output == (
        "✓ Groupe « logement » renommé « habitat » (3 référence(s) mise(s) à jour).\n"
    )
    assert groupe(dossier, "habitat")["nom"] == "Logement et santé mentale"
    assert membre(dossier, "laurent-mercadier")["instances"] == ["copil", "habitat"]
    assert lire(dossier, "plan.toml")["action"][0]["groupe"] == "habitat"
    assert not (dossier / "reunions/2026-02-03-groupe-logement.toml").exists()
    assert lire(dossier, "reunions/2026-02-03-groupe-habitat.toml")["instance"] == (
        "groupe:habitat"
    )
    assert clsm("-C", dossier, "verifier").exit_code == 0
