"""``clsm reunion``: meetings created, completed and removed — read back from reunions/.

Tests run on 2026-11-26 (CLSM_AUJOURDHUI, conftest).
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from .aides import reussit
from .test_plan import GROUPES, MEMBRES, instantane

Clsm = Callable[..., Result]

COPIL = """#:schema ../.clsm/schemas/reunion.schema.json
# Copil de printemps — notes de la coordinatrice
version_schema = "1.0"

instance = "copil"
date = 2026-03-12
heure = "14:00"
lieu = "Mairie"  # salle du conseil
presents = [
    "anne-martin",  # présidente de séance
    "Mme Roux (invitée)",
]
excuses = ["paul-durand"]
ordre_du_jour = ["Bilan 2025", "Financements"]

# Décisions prises en séance
decisions = ["Le bilan 2025 est validé."]

# --- Relevé de suivi ---

[[suivi]]
quoi = "Envoyer le bilan aux financeurs"
qui = "anne-martin"
echeance = 2026-03-31
fait = true

[[suivi]]
quoi = "Préparer l'évaluation"  # à voir avec l'ARS
qui = "paul-durand"
echeance = 2026-12-18
fait = false

# fin du fichier
"""

GROUPE = """version_schema = "1.0"

instance = "groupe:logement"
date = 2026-03-12
lieu = "CCAS"
presents = ["paul-durand"]

[[suivi]]
quoi = "Rédiger le protocole incurie"
echeance = 2026-06-30
"""

PLENIERE = """version_schema = "1.0"

instance = "pleniere"
date = 2025-11-18

[[suivi]]
quoi = "Publier les actes"
qui = "Service communication"
"""

FICHIERS = {
    "reunions/2026-03-12-copil.toml": COPIL,
    "reunions/2026-03-12-groupe-logement.toml": GROUPE,
    "reunions/2025-11-18-pleniere.toml": PLENIERE,
}


@pytest.fixture
def dossier(projet: Path) -> Path:
    """Two members, a group, three hand-written meetings (two on 2026-03-12)."""
    (projet / "membres.toml").write_text(MEMBRES, encoding="utf-8")
    (projet / "groupes.toml").write_text(GROUPES, encoding="utf-8")
    for chemin, texte in FICHIERS.items():
        (projet / chemin).write_text(texte, encoding="utf-8")
    return projet


def lire(dossier: Path, chemin: str) -> dict[str, Any]:
    return tomllib.loads((dossier / chemin).read_text(encoding="utf-8"))


def texte(dossier: Path, chemin: str) -> str:
    return (dossier / chemin).read_text(encoding="utf-8")


def refuse(clsm: Clsm, dossier: Path, *args: str, code: int = 2) -> str:
    avant = instantane(dossier)
    r = clsm("-C", dossier, *args)
    assert r.exit_code == code, r.output
    assert instantane(dossier) == avant
    return r.stderr


# --- ajouter -----------------------------------------------------------------------------------


def test_ajouter_toutes_options(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm, dossier, "reunion", "ajouter", "--instance", "groupe:logement",
        "--date", "2026-12-01", "--heure", "10:00", "--heure-fin", "12:30",
        "--lieu", "CCAS, salle 2", "--present", "anne-martin", "--present", "M. Blanc (bailleur)",
        "--excuse", "paul-durand",
        "--ordre-du-jour", "Tour de table", "--ordre-du-jour", "Protocole incurie",
    )  # fmt: skip
    assert r.output == (
        "✓ Réunion créée : Groupe de travail « Logement et santé mentale » du 1er décembre "
        "2026 (reunions/2026-12-01-groupe-logement.toml).\n"
    )
    assert texte(dossier, "reunions/2026-12-01-groupe-logement.toml") == (
        "#:schema ../.clsm/schemas/reunion.schema.json\n"
        'version_schema = "1.0"\n\n'
        'instance = "groupe:logement"\n'
        "date = 2026-12-01\n"
        'heure = "10:00"\n'
        'heure_fin = "12:30"\n'
        'lieu = "CCAS, salle 2"\n'
        'presents = ["anne-martin", "M. Blanc (bailleur)"]\n'
        'excuses = ["paul-durand"]\n'
        'ordre_du_jour = ["Tour de table", "Protocole incurie"]\n'
        'uid = "reunion-2026-12-01-groupe-logement@clsm-de-testville.clsm"\n'
    )
    assert reussit(clsm, dossier, "verifier").exit_code == 0


def test_ajouter_json_et_minimum(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm, dossier, "--format", "json", "reunion", "ajouter", "--instance", "pleniere",
        "--date", "2026-06-23",
    )  # fmt: skip
    assert json.loads(r.stdout) == {
        "reunion": "2026-06-23-pleniere",
        "fichier": "reunions/2026-06-23-pleniere.toml",
        "instance": "pleniere",
        "date": "2026-06-23",
        "uid": "reunion-2026-06-23-pleniere@clsm-de-testville.clsm",
    }
    assert lire(dossier, "reunions/2026-06-23-pleniere.toml") == {
        "version_schema": "1.0",
        "instance": "pleniere",
        "date": dt.date(2026, 6, 23),
        "uid": "reunion-2026-06-23-pleniere@clsm-de-testville.clsm",
    }


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--instance", "copil", "--date", "2026-03-12"],
            "Erreur : La réunion 2026-03-12-copil existe déjà (reunions/2026-03-12-copil.toml) : "
            "complétez-la avec « clsm reunion point|decision|suivi|presence » ou retirez-la "
            "d'abord.\n",
        ),
        (
            ["--instance", "bureau", "--date", "2026-05-01"],
            "Erreur : --instance : instance inconnue « bureau » (valeurs possibles : copil, "
            "pleniere, comite_technique, autre, groupe:logement).\n",
        ),
        (
            ["--instance", "groupe:jeunes", "--date", "2026-05-01"],
            "Erreur : --instance : groupe inconnu « jeunes » (groupes connus : logement).\n",
        ),
        (
            ["--instance", "copil", "--date", "2026-05-01", "--present", "anne-martine"],
            "Erreur : --present : membre inconnu « anne-martine » (absent de membres.toml). "
            "Vouliez-vous dire « anne-martin » ?\n",
        ),
        (
            ["--instance", "copil", "--date", "2026-05-01", "--excuse", "jean-inconnu"],
            "Erreur : --excuse : membre inconnu « jean-inconnu » (absent de membres.toml).\n",
        ),
        (
            [
                "--instance", "copil", "--date", "2026-05-01",
                "--present", "anne-martin", "--excuse", "anne-martin",
            ],
            "Erreur : « anne-martin » est à la fois dans --present et dans --excuse : "
            "choisissez.\n",
        ),
        (
            ["--instance", "copil", "--date", "2026-05-01", "--heure", "25:00"],
            "Erreur : Valeur refusée : heure (--heure) : heure invalide « 25:00 » (forme "
            "attendue : 18:30).\n",
        ),
        (
            ["--date", "2026-05-01"],
            "Erreur : Valeur manquante : précisez --instance — Instance (valeurs possibles : "
            "copil, pleniere, comite_technique, autre, groupe:logement).\n",
        ),
        (
            ["--instance", "copil"],
            "Erreur : Valeur manquante : précisez --date — Date de la réunion (AAAA-MM-JJ).\n",
        ),
    ],
)  # fmt: skip
def test_ajouter_refus(clsm: Clsm, dossier: Path, options: list[str], message: str) -> None:
    code = 3 if " inconnu « " in message else 2  # an unknown identifier exits 3 (README)
    assert refuse(clsm, dossier, "reunion", "ajouter", *options, code=code) == message


def test_ajouter_date_invalide(clsm: Clsm, dossier: Path) -> None:
    erreur = refuse(
        clsm, dossier, "reunion", "ajouter", "--instance", "copil", "--date", "2026-02-30"
    )
    assert erreur.endswith(
        "Erreur : Valeur invalide pour « --date » : date invalide « 2026-02-30 » : format "
        "AAAA-MM-JJ\n"
    )


def test_ajouter_au_terminal(clsm: Clsm, dossier: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLSM_INTERACTIF", "1")
    r = clsm(
        "-C", dossier, "reunion", "ajouter", input="comite_technique\n2026-02-30\n2026-02-03\n"
    )
    assert r.exit_code == 0, r.output
    assert "date invalide « 2026-02-30 » : format AAAA-MM-JJ" in r.output
    assert (
        lire(dossier, "reunions/2026-02-03-comite_technique.toml")["instance"] == "comite_technique"
    )


# --- liste and voir ----------------------------------------------------------------------------


def test_liste_json_csv_et_filtres(clsm: Clsm, dossier: Path) -> None:
    r = reussit(clsm, dossier, "--format", "json", "reunion", "liste")
    assert json.loads(r.stdout) == [
        {
            "reunion": "2025-11-18-pleniere",
            "date": "2025-11-18",
            "instance": "pleniere",
            "lieu": None,
            "presents": 0,
            "decisions": 0,
            "suivis_ouverts": 1,
        },
        {
            "reunion": "2026-03-12-copil",
            "date": "2026-03-12",
            "instance": "copil",
            "lieu": "Mairie",
            "presents": 2,
            "decisions": 1,
            "suivis_ouverts": 1,
        },
        {
            "reunion": "2026-03-12-groupe-logement",
            "date": "2026-03-12",
            "instance": "groupe:logement",
            "lieu": "CCAS",
            "presents": 1,
            "decisions": 0,
            "suivis_ouverts": 1,
        },
    ]
    r = reussit(clsm, dossier, "--format", "csv", "reunion", "liste", "--annee", "2026")
    assert r.stdout == (
        "\ufeffRéunion,Date,Instance,Lieu,Présents,Décisions,Suivis ouverts\n"
        "2026-03-12-copil,2026-03-12,Comité de pilotage,Mairie,2,1,1\n"
        "2026-03-12-groupe-logement,2026-03-12,Groupe de travail « Logement et santé mentale »,"
        "CCAS,1,0,1\n"
    )
    r = reussit(clsm, dossier, "--format", "json", "reunion", "liste", "--instance", "groupe")
    assert [x["reunion"] for x in json.loads(r.stdout)] == ["2026-03-12-groupe-logement"]
    r = reussit(clsm, dossier, "--format", "json", "reunion", "liste", "--instance", "pleniere")
    assert [x["reunion"] for x in json.loads(r.output)] == ["2025-11-18-pleniere"]
    r = reussit(clsm, dossier, "reunion", "liste", "--annee", "2024")
    assert r.output == "Aucune réunion ne correspond.\n"


def test_voir(clsm: Clsm, dossier: Path) -> None:
    r = reussit(clsm, dossier, "--format", "json", "reunion", "voir", "2025-11-18")
    assert json.loads(r.stdout) == {
        "reunion": "2025-11-18-pleniere",
        "fichier": "reunions/2025-11-18-pleniere.toml",
        "instance": "pleniere",
        "date": "2025-11-18",
        "suivi": [{"quoi": "Publier les actes", "qui": "Service communication", "fait": False}],
    }
    r = reussit(clsm, dossier, "reunion", "voir", "2026-03-12-copil")
    lignes = [x.rstrip() for x in r.stdout.splitlines()]
    assert lignes[0] == "Comité de pilotage du 12 mars 2026"
    assert " Date           12 mars 2026 à 14:00" in lignes
    assert " Présents       Anne Martin (CCAS de Testville)" in lignes
    assert "                Mme Roux (invitée)" in lignes
    assert " Excusés        Paul Durand (CMP de Testville)" in lignes
    assert " Ordre du jour  1. Bilan 2025" in lignes
    assert (
        " Suivi 2        Préparer l'évaluation — Paul Durand (CMP de Testville) — pour le 18 "
        "décembre 2026 — à faire"
    ) in lignes
    # the group meeting, by its file name
    r = reussit(
        clsm,
        dossier,
        "--format",
        "json",
        "reunion",
        "voir",
        "reunions/2026-03-12-groupe-logement.toml",
    )
    assert json.loads(r.stdout)["instance"] == "groupe:logement"
    r = reussit(clsm, dossier, "--format", "json", "reunion", "voir", "2026-03-12-groupe:logement")
    assert json.loads(r.stdout)["reunion"] == "2026-03-12-groupe-logement"


def test_voir_suivi_en_retard(clsm: Clsm, dossier: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On 2026-11-26 the item due 2026-06-30 is late: « en retard » in text, red at a
    terminal; the one due 2026-12-18 is not."""
    r = reussit(clsm, dossier, "reunion", "voir", "2026-03-12-groupe-logement")
    lignes = [x.rstrip() for x in r.stdout.splitlines()]
    assert (
        " Suivi 1        Rédiger le protocole incurie — pour le 30 juin 2026 — en retard" in lignes
    )
    monkeypatch.setenv("FORCE_COLOR", "1")
    r = reussit(clsm, dossier, "reunion", "voir", "2026-03-12-groupe-logement")
    ligne = next(x for x in r.stdout.splitlines() if "protocole" in x)
    assert "\x1b[31m" in ligne
    r = reussit(clsm, dossier, "reunion", "voir", "2026-03-12-copil")
    assert "\x1b[31m" not in next(x for x in r.stdout.splitlines() if "évaluation" in x)
    monkeypatch.setenv("CLSM_AUJOURDHUI", "2026-06-30")  # due today: not late yet
    monkeypatch.delenv("FORCE_COLOR")
    r = reussit(clsm, dossier, "reunion", "voir", "2026-03-12-groupe-logement")
    assert "pour le 30 juin 2026 — à faire" in r.stdout


def test_voir_refus(clsm: Clsm, dossier: Path) -> None:
    assert refuse(clsm, dossier, "reunion", "voir", "2026-03-12") == (
        "Erreur : Plusieurs réunions le 12 mars 2026 : précisez l'instance (2026-03-12-copil, "
        "2026-03-12-groupe-logement).\n"
    )
    assert refuse(clsm, dossier, "reunion", "voir", "2026-03-13", code=3) == (
        "Erreur : Aucune réunion le 13 mars 2026 (voir « clsm reunion liste »).\n"
    )
    assert refuse(clsm, dossier, "reunion", "voir", "2026-03-12-copi", code=3) == (
        "Erreur : Aucune réunion « 2026-03-12-copi » (forme attendue : 2026-03-12-copil ou "
        "2026-03-12). Vouliez-vous dire « 2026-03-12-copil » ? (voir « clsm reunion liste »)\n"
    )
    assert refuse(clsm, dossier, "reunion", "voir", "2026-02-30") == (
        "Erreur : date invalide « 2026-02-30 » : format AAAA-MM-JJ\n"
    )


# --- point, decision, suivi, presence ---------------------------------------------------------


def test_point_avant_le_suivi_et_commentaires(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm, dossier, "reunion", "point", "2026-03-12-copil", "--titre", "Bilan 2025",
        "--compte-rendu", "Validé à l'unanimité.",
    )  # fmt: skip
    assert r.output == "✓ Point 1 ajouté à 2026-03-12-copil : Bilan 2025.\n"
    reussit(clsm, dossier, "reunion", "point", "2026-03-12-copil", "--titre", "Financements")
    assert texte(dossier, "reunions/2026-03-12-copil.toml") == COPIL.replace(
        "\n# --- Relevé de suivi ---\n",
        '\n[[point]]\ntitre = "Bilan 2025"\ncompte_rendu = "Validé à l\'unanimité."\n\n'
        '[[point]]\ntitre = "Financements"\n\n# --- Relevé de suivi ---\n',
    )
    assert lire(dossier, "reunions/2026-03-12-copil.toml")["point"] == [
        {"titre": "Bilan 2025", "compte_rendu": "Validé à l'unanimité."},
        {"titre": "Financements"},
    ]


def test_decision(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm, dossier, "reunion", "decision", "2026-03-12-copil", "Le budget 2026 est voté."
    )
    assert r.output == "✓ Décision 2 ajoutée à 2026-03-12-copil.\n"
    assert lire(dossier, "reunions/2026-03-12-copil.toml")["decisions"] == [
        "Le bilan 2025 est validé.",
        "Le budget 2026 est voté.",
    ]
    r = reussit(
        clsm,
        dossier,
        "--format",
        "json",
        "reunion",
        "decision",
        "2025-11-18",
        "Actes publiés en ligne.",
    )
    assert json.loads(r.stdout) == {
        "reunion": "2025-11-18-pleniere",
        "numero": 1,
        "decision": "Actes publiés en ligne.",
    }
    assert texte(dossier, "reunions/2025-11-18-pleniere.toml") == PLENIERE.replace(
        "date = 2025-11-18\n", 'date = 2025-11-18\ndecisions = ["Actes publiés en ligne."]\n'
    )
    assert refuse(clsm, dossier, "reunion", "decision", "2025-11-18", "  ") == (
        "Erreur : La décision est vide.\n"
    )


def test_suivi(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm, dossier, "reunion", "suivi", "2026-03-12-groupe-logement",
        "--quoi", "Relancer le bailleur", "--qui", "anne-martin", "--echeance", "2026-12-15",
    )  # fmt: skip
    assert r.output == (
        "✓ Suivi n° 2 ajouté à 2026-03-12-groupe-logement (clsm suivi fait "
        "2026-03-12-groupe-logement 2 une fois fait).\n"
    )
    assert r.stdout == ""
    assert lire(dossier, "reunions/2026-03-12-groupe-logement.toml")["suivi"] == [
        {"quoi": "Rédiger le protocole incurie", "echeance": dt.date(2026, 6, 30)},
        {
            "quoi": "Relancer le bailleur",
            "qui": "anne-martin",
            "echeance": dt.date(2026, 12, 15),
            "fait": False,
        },
    ]
    r = reussit(
        clsm, dossier, "reunion", "suivi", "2025-11-18", "--quoi", "Photos", "--qui", "Service com"
    )
    assert r.stderr == (
        "Attention : « Service com » n'est pas un identifiant de membre : gardé comme texte "
        "libre.\n✓ Suivi n° 2 ajouté à 2025-11-18-pleniere (clsm suivi fait 2025-11-18-pleniere "
        "2 une fois fait).\n"
    )
    assert refuse(
        clsm, dossier, "reunion", "suivi", "2025-11-18", "--quoi", "x", "--echeance", "31/12/2026"
    ).endswith(
        "Erreur : Valeur invalide pour « --echeance » : date invalide « 31/12/2026 » : format "
        "AAAA-MM-JJ\n"
    )
    assert refuse(clsm, dossier, "reunion", "suivi", "2025-11-18") == (
        "Erreur : Valeur manquante : précisez --quoi — Ce qui doit être fait.\n"
    )


def test_presence(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm, dossier, "reunion", "presence", "2026-03-12-copil", "--present", "paul-durand",
        "--excuse", "Mme Roux (invitée)", "--present", "anne-martin",
    )  # fmt: skip
    assert r.output == (
        "✓ 2026-03-12-copil : 1 présent(s) et 1 excusé(s) ajouté(s) (paul-durand, Mme Roux "
        "(invitée) changé(s) de liste).\n"
    )
    donnees = lire(dossier, "reunions/2026-03-12-copil.toml")
    assert donnees["presents"] == ["anne-martin", "paul-durand"]
    assert donnees["excuses"] == ["Mme Roux (invitée)"]
    assert '    "anne-martin",  # présidente de séance\n' in texte(
        dossier, "reunions/2026-03-12-copil.toml"
    )
    r = reussit(
        clsm, dossier, "reunion", "presence", "2026-03-12-copil", "--present", "paul-durand"
    )
    assert r.output == "Aucun changement : 2026-03-12-copil était déjà à jour.\n"
    reussit(clsm, dossier, "reunion", "presence", "2025-11-18", "--excuse", "anne-martin")
    assert lire(dossier, "reunions/2025-11-18-pleniere.toml")["excuses"] == ["anne-martin"]
    assert refuse(clsm, dossier, "reunion", "presence", "2025-11-18") == (
        "Erreur : Valeur manquante : précisez --present ou --excuse.\n"
    )
    assert refuse(
        clsm, dossier, "reunion", "presence", "2025-11-18", "--present", "inconnu", code=3
    ) == ("Erreur : --present : membre inconnu « inconnu » (absent de membres.toml).\n")


def test_cinq_commandes_gardent_commentaires_et_lignes_vides(clsm: Clsm, dossier: Path) -> None:
    """Five different commands on a hand-written file: every line of it is still there, in
    the same order (new lines only inserted between them)."""
    chemin = "reunions/2026-03-12-copil.toml"
    reussit(clsm, dossier, "reunion", "point", "2026-03-12-copil", "--titre", "Point ajouté")
    reussit(clsm, dossier, "reunion", "decision", "2026-03-12-copil", "Décision ajoutée.")
    reussit(clsm, dossier, "reunion", "suivi", "2026-03-12-copil", "--quoi", "Suivi ajouté")
    reussit(clsm, dossier, "reunion", "presence", "2026-03-12-copil", "--excuse", "Dr Vidal")
    reussit(clsm, dossier, "suivi", "fait", "2026-03-12-copil", "2")
    nouveau = texte(dossier, chemin).splitlines()
    restantes = iter(nouveau)
    for ligne in COPIL.splitlines():
        if ligne in (
            'excuses = ["paul-durand"]',
            'decisions = ["Le bilan 2025 est validé."]',
            "fait = false",
        ):
            continue  # the lines the commands changed
        assert any(x == ligne for x in restantes), ligne
    assert 'excuses = ["paul-durand", "Dr Vidal"]' in nouveau
    assert 'decisions = ["Le bilan 2025 est validé.", "Décision ajoutée."]' in nouveau
    assert reussit(clsm, dossier, "verifier").exit_code == 0


# --- retirer -----------------------------------------------------------------------------------


def test_retirer(clsm: Clsm, dossier: Path) -> None:
    assert refuse(clsm, dossier, "reunion", "retirer", "2025-11-18") == (
        "Erreur : Supprimer la réunion Assemblée plénière du 18 novembre 2025 "
        "(reunions/2025-11-18-pleniere.toml) ? — aucune réponse possible hors d'un terminal : "
        "ajoutez --oui pour confirmer.\n"
    )
    r = reussit(clsm, dossier, "reunion", "retirer", "2025-11-18", "--oui")
    assert r.output == "✓ Réunion supprimée : reunions/2025-11-18-pleniere.toml.\n"
    assert not (dossier / "reunions/2025-11-18-pleniere.toml").exists()
    assert refuse(clsm, dossier, "reunion", "retirer", "2025-11-18", "--oui", code=3) == (
        "Erreur : Aucune réunion le 18 novembre 2025 (voir « clsm reunion liste »).\n"
    )


def test_demo(clsm: Clsm, demo: Path) -> None:
    """On the demo folder: the listing matches the files, a new meeting verifies."""
    r = reussit(clsm, demo, "--format", "json", "reunion", "liste")
    fichiers = sorted(p.stem for p in (demo / "reunions").glob("*.toml"))
    assert sorted(x["reunion"] for x in json.loads(r.stdout)) == fichiers
    reussit(clsm, demo, "reunion", "ajouter", "--instance", "copil", "--date", "2027-03-09")
    reussit(
        clsm,
        demo,
        "reunion",
        "suivi",
        "2027-03-09",
        "--quoi",
        "Bilan 2026",
        "--echeance",
        "2027-04-01",
    )
    assert reussit(clsm, demo, "verifier").exit_code == 0


# --- issue 12: every field can be edited -----------------------------------------------------


def test_modifier_heure_lieu_ordre_du_jour(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm, dossier, "reunion", "modifier", "2026-03-12-copil", "--heure", "14:30",
        "--lieu", "Salle des fêtes", "--ordre-du-jour", "Bilan 2025", "--ordre-du-jour",
        "Programme SISM",
    )  # fmt: skip
    assert r.output == "✓ Réunion 2026-03-12-copil modifiée.\n"
    t = texte(dossier, "reunions/2026-03-12-copil.toml")
    assert t.startswith(
        "#:schema ../.clsm/schemas/reunion.schema.json\n"
        "# Copil de printemps — notes de la coordinatrice\n"
        'version_schema = "1.0"\n\ninstance = "copil"\ndate = 2026-03-12\nheure = "14:30"\n'
        'lieu = "Salle des fêtes"  # salle du conseil\n'
    )
    assert 'ordre_du_jour = ["Bilan 2025", "Programme SISM"]\n' in t
    assert t.endswith("# fin du fichier\n")
    r = reussit(clsm, dossier, "reunion", "modifier", "2026-03-12-copil", "--effacer", "heure")
    assert "heure" not in lire(dossier, "reunions/2026-03-12-copil.toml")
    r = reussit(
        clsm, dossier, "reunion", "modifier", "2026-03-12-copil", "--lieu", "Salle des fêtes"
    )
    assert r.output == "✓ Aucun changement : 2026-03-12-copil était déjà à jour.\n"


def test_modifier_date_renomme_le_fichier(clsm: Clsm, dossier: Path) -> None:
    avant = texte(dossier, "reunions/2026-03-12-copil.toml")
    r = reussit(clsm, dossier, "reunion", "modifier", "2026-03-12-copil", "--date", "2026-03-19")
    assert r.output == (
        "✓ Réunion 2026-03-19-copil modifiée (fichier renommé : reunions/2026-03-12-copil.toml"
        " → reunions/2026-03-19-copil.toml).\n"
    )
    assert not (dossier / "reunions/2026-03-12-copil.toml").exists()
    assert texte(dossier, "reunions/2026-03-19-copil.toml") == avant.replace(
        "date = 2026-03-12", "date = 2026-03-19"
    )
    assert clsm("-C", dossier, "verifier").exit_code == 0
    reussit(clsm, dossier, "reunion", "ajouter", "--instance", "copil", "--date", "2026-04-02")
    assert refuse(
        clsm, dossier, "reunion", "modifier", "2026-03-19-copil", "--date", "2026-04-02"
    ) == (
        "Erreur : La réunion 2026-04-02-copil existe déjà (reunions/2026-04-02-copil.toml) : "
        "choisissez une autre date.\n"
    )


def test_presence_retirer(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm,
        dossier,
        "reunion",
        "presence",
        "retirer",
        "2026-03-12-copil",
        "Mme Roux (invitée)",
        "paul-durand",
    )
    assert r.output == (
        "✓ 2026-03-12-copil : retiré(s) : Mme Roux (invitée), Paul Durand (CMP de Testville).\n"
    )
    donnees = lire(dossier, "reunions/2026-03-12-copil.toml")
    assert donnees["presents"] == ["anne-martin"] and "excuses" not in donnees
    assert '    "anne-martin",  # présidente de séance\n' in texte(
        dossier, "reunions/2026-03-12-copil.toml"
    )
    assert refuse(
        clsm, dossier, "reunion", "presence", "retirer", "2026-03-12-copil", "anne-martine"
    ) == (
        "Erreur : « anne-martine » n'est ni présent ni excusé à la réunion 2026-03-12-copil."
        " Vouliez-vous dire « anne-martin » ?\n"
    )
