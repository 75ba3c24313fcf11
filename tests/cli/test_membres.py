"""``clsm membres``: listings (table, JSON, CSV), fiche, ajout, modification, départ."""

from __future__ import annotations

import datetime as dt
import json
import os
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

AUJOURDHUI = dt.date(2026, 3, 15)

MEMBRES = """\
#:schema .clsm/schemas/membres.schema.json
version_schema = "1.0"

[[membre]]
id = "claire-dumesnil"
nom = "Dumesnil"
prenom = "Claire"
structure = "Ville de Testville"
fonction = "Adjointe au maire"
college = "elus"
instances = ["copil", "pleniere"]
courriel = "claire.dumesnil@example.org"
telephone = "01 99 00 11 12"
depuis = 2020-07-10

[[membre]]
id = "laurent-mercadier"
nom = "Mercadier"
prenom = "Laurent"
structure = "CH Les Tilleuls"
fonction = "Psychiatre"
college = "psychiatrie"
instances = ["copil", "logement"]

[[membre]]
id = "gem-l-envol"
structure = "GEM L'Envol"
college = "usagers"
instances = ["pleniere"]

[[membre]]
id = "gerard-poulain"
nom = "Poulain"
prenom = "Gérard"
structure = "Commune de Lorvey"
college = "elus"
depuis = 2024-01-01
jusqu_a = 2025-06-30

[[membre]]
id = "ines-moreau"
nom = "Moreau"
prenom = "Inès"
structure = "Habitat Testville"
fonction = "Chargée de gestion locative"
college = "logement"
"""

GROUPES = """\
#:schema .clsm/schemas/groupes.schema.json
version_schema = "1.0"

[[groupe]]
id = "logement"
nom = "Logement et santé mentale"
mission = "Prévenir les ruptures de parcours locatif."
pilote = "laurent-mercadier"
membres = ["laurent-mercadier"]
"""

PLAN = """\
#:schema .clsm/schemas/plan.schema.json
version_schema = "1.0"

[periode]
debut = 2024-01-01
fin = 2027-12-31

[[axe]]
id = "acces"
intitule = "Accès aux soins"

[[action]]
id = "permanence"
axe = "acces"
intitule = "Permanence d'accès aux soins"
type = "aller_vers"
pilote = "claire-dumesnil"
groupe = "logement"
"""

REUNION_COPIL = """\
#:schema ../.clsm/schemas/reunion.schema.json
version_schema = "1.0"

instance = "copil"
date = 2026-01-20
presents = ["claire-dumesnil", "laurent-mercadier"]
excuses = ["gem-l-envol"]
"""

REUNION_GROUPE = """\
#:schema ../.clsm/schemas/reunion.schema.json
version_schema = "1.0"

instance = "groupe:logement"
date = 2026-02-03
presents = ["laurent-mercadier"]
"""

SISM = """\
#:schema ../.clsm/schemas/sism.schema.json
version_schema = "1.0"

annee = 2025
theme = "Pour notre santé mentale, réparons le lien social"
comite = ["claire-dumesnil"]
"""

SITUATIONS = """\
#:schema ../.clsm/schemas/situations.schema.json
version_schema = "1.0"

[[situation]]
code = "S-2026-001"
date_saisine = 2026-01-05
origine = "psychiatrie de secteur"
referent = "laurent-mercadier"
"""

SEANCE = """\
#:schema ../../.clsm/schemas/seance.schema.json
version_schema = "1.0"

date = 2026-02-10
presents = ["laurent-mercadier", "claire-dumesnil"]

[[examen]]
code = "S-2026-001"
orientation = "soins"
precision = "Visite à domicile par l'équipe mobile"
"""

FICHIERS = {
    "membres.toml": MEMBRES,
    "groupes.toml": GROUPES,
    "plan.toml": PLAN,
    "reunions/2026-01-20-copil.toml": REUNION_COPIL,
    "reunions/2026-02-03-groupe-logement.toml": REUNION_GROUPE,
    "sism/2025.toml": SISM,
    "cellule/situations.toml": SITUATIONS,
    "cellule/seances/2026-02-10.toml": SEANCE,
}


def remplir(racine: Path) -> Path:
    """Write the small CLSM of these tests into an empty clsm folder."""
    for chemin, texte in FICHIERS.items():
        (racine / chemin).write_text(texte, encoding="utf-8")
        if chemin.startswith("cellule/"):
            os.chmod(racine / chemin, 0o600)
    return racine


def octets(racine: Path) -> dict[str, bytes]:
    """Every data file of the folder, to check that a refused command changed nothing."""
    return {
        str(p.relative_to(racine)): p.read_bytes()
        for p in sorted(racine.rglob("*.toml"))
        if ".clsm" not in p.parts
    }


def lire(racine: Path, chemin: str) -> dict:
    return tomllib.loads((racine / chemin).read_text(encoding="utf-8"))


def membre(racine: Path, ident: str) -> dict:
    return next(m for m in lire(racine, "membres.toml")["membre"] if m["id"] == ident)


@pytest.fixture
def dossier(projet: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small valid CLSM (5 members, 1 group, plan, meetings, SISM, cellule), today fixed."""
    from clsm_cli.noyau.projet import Projet

    monkeypatch.setattr(Projet, "aujourdhui", lambda self: AUJOURDHUI)
    monkeypatch.setenv("COLUMNS", "120")
    return remplir(projet)


def test_dossier_d_exemple_valide(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", dossier, "verifier")
    assert (r.exit_code, r.output) == (0, "✓ Aucun problème.\n")


# --- liste -----------------------------------------------------------------------------------


def test_liste_json_membres_actifs(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", dossier, "--format", "json", "membres", "liste")
    assert r.exit_code == 0
    assert json.loads(r.stdout) == [
        {
            "id": "claire-dumesnil",
            "nom": "Dumesnil",
            "prenom": "Claire",
            "structure": "Ville de Testville",
            "fonction": "Adjointe au maire",
            "college": "elus",
            "instances": ["copil", "pleniere"],
        },
        {
            "id": "gem-l-envol",
            "nom": None,
            "prenom": None,
            "structure": "GEM L'Envol",
            "fonction": None,
            "college": "usagers",
            "instances": ["pleniere"],
        },
        {
            "id": "laurent-mercadier",
            "nom": "Mercadier",
            "prenom": "Laurent",
            "structure": "CH Les Tilleuls",
            "fonction": "Psychiatre",
            "college": "psychiatrie",
            "instances": ["copil", "logement"],
        },
        {
            "id": "ines-moreau",
            "nom": "Moreau",
            "prenom": "Inès",
            "structure": "Habitat Testville",
            "fonction": "Chargée de gestion locative",
            "college": "logement",
            "instances": [],
        },
    ]


def test_liste_csv_tous_avec_point_virgule(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", dossier, "--format", "csv", "--separateur", ";", "membres", "liste", "--tous")
    assert r.exit_code == 0
    assert r.stdout_bytes.decode("utf-8") == (
        "\ufeffIdentifiant;Nom;Prénom;Structure;Fonction;Collège;Instances\r\n"
        "claire-dumesnil;Dumesnil;Claire;Ville de Testville;Adjointe au maire;Élus;"
        "copil, pleniere\r\n"
        "gem-l-envol;;;GEM L'Envol;;Usagers;pleniere\r\n"
        "laurent-mercadier;Mercadier;Laurent;CH Les Tilleuls;Psychiatre;Psychiatrie publique;"
        "copil, logement\r\n"
        "ines-moreau;Moreau;Inès;Habitat Testville;Chargée de gestion locative;Logement;\r\n"
        "gerard-poulain;Poulain;Gérard;Commune de Lorvey;;Élus;\r\n"
    )


def test_liste_table(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", dossier, "membres", "liste", "--college", "elus", "--tous")
    assert r.exit_code == 0
    assert r.stdout.splitlines() == [
        "Membres (2)",
        "┏━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┳"
        "━━━━━━━━━━━━━━━━━┓",
        "┃ Identifiant     ┃ Nom      ┃ Prénom ┃ Structure          ┃ Fonction          ┃ Collège ┃"
        " Instances       ┃",
        "┡━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━╇"
        "━━━━━━━━━━━━━━━━━┩",
        "│ claire-dumesnil │ Dumesnil │ Claire │ Ville de Testville │ Adjointe au maire │ Élus    │"
        " copil, pleniere │",
        "│ gerard-poulain  │ Poulain  │ Gérard │ Commune de Lorvey  │                   │ Élus    │"
        "                 │",
        "└─────────────────┴──────────┴────────┴────────────────────┴───────────────────┴─────────┴"
        "─────────────────┘",
    ]


@pytest.mark.parametrize(
    ("filtre", "attendus"),
    [
        (["--instance", "copil"], ["claire-dumesnil", "laurent-mercadier"]),
        (["--instance", "logement"], ["laurent-mercadier"]),
        (["--groupe", "logement"], ["laurent-mercadier"]),
        (["--college", "elus"], ["claire-dumesnil"]),
        (["--college", "elus", "--tous"], ["claire-dumesnil", "gerard-poulain"]),
        (["--instance", "cellule"], []),
    ],
)
def test_liste_filtres(
    dossier: Path, clsm: Callable[..., Result], filtre: list[str], attendus: list[str]
) -> None:
    r = clsm("-C", dossier, "--format", "json", "membres", "liste", *filtre)
    assert r.exit_code == 0
    assert [m["id"] for m in json.loads(r.stdout)] == attendus


def test_liste_vide_en_table(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", dossier, "membres", "liste", "--instance", "cellule")
    assert (r.exit_code, r.output) == (0, "Aucun membre ne correspond.\n")


def test_liste_refus(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", dossier, "membres", "liste", "--instance", "bureau")
    assert r.exit_code == 2
    assert r.stderr == (
        "Erreur : Instance inconnue « bureau » pour --instance (valeurs possibles : copil, "
        "pleniere, comite_technique, cellule, logement).\n"
    )
    r = clsm("-C", dossier, "membres", "liste", "--groupe", "logemnt")
    assert r.exit_code == 3
    assert r.stderr == (
        "Erreur : Aucun groupe d'identifiant « logemnt ». Vouliez-vous dire « logement » ? "
        "(voir « clsm groupes liste »)\n"
    )
    r = clsm("-C", dossier, "membres", "liste", "--college", "astronautes")
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1] == (
        "Erreur : Valeur invalide pour « --college » : « astronautes » n'est pas une valeur "
        "possible. Valeurs possibles : elus, psychiatrie, usagers, aidants, sante, "
        "social_medico_social, logement, education, securite_justice, institutions, "
        "associations, autres."
    )


# --- voir ------------------------------------------------------------------------------------


def test_voir_json_et_table(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", dossier, "--format", "json", "membres", "voir", "gerard-poulain")
    assert r.exit_code == 0
    assert json.loads(r.stdout) == {
        "id": "gerard-poulain",
        "nom": "Poulain",
        "prenom": "Gérard",
        "structure": "Commune de Lorvey",
        "fonction": None,
        "college": "elus",
        "instances": [],
        "courriel": None,
        "telephone": None,
        "depuis": "2024-01-01",
        "jusqu_a": "2025-06-30",
        "signataire": False,
        "notes": None,
    }
    r = clsm("-C", dossier, "membres", "voir", "gerard-poulain")
    assert r.exit_code == 0
    assert [ligne.rstrip() for ligne in r.stdout.splitlines()] == [
        "Gérard Poulain (Commune de Lorvey)",
        " Identifiant  gerard-poulain",
        " Nom          Poulain",
        " Prénom       Gérard",
        " Structure    Commune de Lorvey",
        " Collège      Élus",
        " Depuis       1er janvier 2024",
        " Jusqu'au     30 juin 2025",
        " Statut       parti",
    ]


def test_voir_identifiant_inconnu(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", dossier, "membres", "voir", "claire-dumesnl")
    assert r.exit_code == 3
    assert r.stderr == (
        "Erreur : Aucun membre d'identifiant « claire-dumesnl ». Vouliez-vous dire "
        "« claire-dumesnil » ? (voir « clsm membres liste --tous »)\n"
    )


# --- ajouter ---------------------------------------------------------------------------------


def test_ajouter_une_personne(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm(
        "-C", dossier, "membres", "ajouter",
        "--nom", "Lefèvre", "--prenom", "Anaïs", "--structure", "GEM L'Envol",
        "--fonction", "Animatrice", "--college", "usagers", "--instance", "pleniere",
        "--instance", "logement", "--courriel", "anais.lefevre@example.org",
        "--telephone", "06 12 34 56 78", "--depuis", "2026-03-01", "--notes", "Pair-aidante",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert r.output == (
        "✓ Membre ajouté : Anaïs Lefèvre (GEM L'Envol) — identifiant « anais-lefevre ».\n"
    )
    texte = (dossier / "membres.toml").read_text(encoding="utf-8")
    assert texte == MEMBRES + (
        "\n"
        "[[membre]]\n"
        'id = "anais-lefevre"\n'
        'nom = "Lefèvre"\n'
        'prenom = "Anaïs"\n'
        'structure = "GEM L\'Envol"\n'
        'fonction = "Animatrice"\n'
        'college = "usagers"\n'
        'instances = ["pleniere", "logement"]\n'
        'courriel = "anais.lefevre@example.org"\n'
        'telephone = "06 12 34 56 78"\n'
        "depuis = 2026-03-01\n"
        'notes = "Pair-aidante"\n'
    )
    # the group's composition follows the member's instances
    assert lire(dossier, "groupes.toml")["groupe"][0]["membres"] == [
        "laurent-mercadier",
        "anais-lefevre",
    ]
    assert clsm("-C", dossier, "verifier").exit_code == 0


def test_ajouter_json_homonyme_et_structure_seule(
    dossier: Path, clsm: Callable[..., Result]
) -> None:
    r = clsm(
        "-C", dossier, "--format", "json", "membres", "ajouter",
        "--nom", "DUMESNIL", "--prenom", "claire", "--college", "aidants",
        "--structure", "ville de Testville",
    )  # fmt: skip
    assert r.exit_code == 0
    assert json.loads(r.stdout)["id"] == "claire-dumesnil-2"
    assert r.stderr == (
        "Attention : un membre de même nom et de même structure existait déjà "
        "(claire-dumesnil) : vérifiez qu'il ne s'agit pas d'un doublon.\n"
    )
    r = clsm(
        "-C", dossier, "membres", "ajouter", "--structure", "UNAFAM 99", "--college", "aidants"
    )
    assert r.exit_code == 0
    assert membre(dossier, "unafam-99") == {
        "id": "unafam-99",
        "structure": "UNAFAM 99",
        "college": "aidants",
    }


def test_ajouter_interactif(
    dossier: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLSM_INTERACTIF", "1")
    r = clsm("-C", dossier, "membres", "ajouter", "--prenom", "Paul", input="Martin\nsante\n\n")
    assert r.exit_code == 0, r.output
    assert "Nom de la personne (ou --structure pour une structure seule) : " in r.stdout
    assert "Collège (elus, psychiatrie, usagers" in r.stdout
    assert membre(dossier, "paul-martin") == {
        "id": "paul-martin",
        "nom": "Martin",
        "prenom": "Paul",
        "college": "sante",
    }
    r = clsm(
        "-C", dossier, "membres", "ajouter", "--nom", "Roy", "--college", "sante",
        input="copil ; logement\n",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert (
        "Instances où siège le membre, séparées par des virgules (copil, pleniere, "
        "comite_technique, cellule, logement)"
    ) in r.output
    assert membre(dossier, "roy")["instances"] == ["copil", "logement"]
    assert "roy" in lire(dossier, "groupes.toml")["groupe"][0]["membres"]


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (
            ["--nom", "Martin"],
            2,
            "Erreur : Valeur manquante : précisez --college — Collège (valeurs possibles : elus, "
            "psychiatrie, usagers, aidants, sante, social_medico_social, logement, education, "
            "securite_justice, institutions, associations, autres).",
        ),
        (
            ["--prenom", "Paul", "--college", "sante"],
            2,
            "Erreur : Valeur manquante : précisez --nom — Nom de la personne (ou --structure "
            "pour une structure seule).",
        ),
        (
            ["--nom", "Martin", "--college", "sante", "--depuis", "12/03/2026"],
            2,
            "Erreur : Date invalide pour --depuis : « 12/03/2026 » (forme attendue : AAAA-MM-JJ, "
            "par exemple 2026-03-12).",
        ),
        (
            ["--nom", "Martin", "--college", "sante", "--depuis", "2026-02-30"],
            2,
            "Erreur : Date invalide pour --depuis : « 2026-02-30 » (forme attendue : AAAA-MM-JJ, "
            "par exemple 2026-03-12).",
        ),
        (
            ["--nom", "Martin", "--college", "sante", "--instance", "gt-jeunes"],
            2,
            "Erreur : Instance inconnue « gt-jeunes » pour --instance (valeurs possibles : copil, "
            "pleniere, comite_technique, cellule, logement).",
        ),
        (
            ["--nom", "Martin", "--college", "astronautes"],
            2,
            "Erreur : Valeur invalide pour « --college » : « astronautes » n'est pas une valeur "
            "possible. Valeurs possibles : elus, psychiatrie, usagers, aidants, sante, "
            "social_medico_social, logement, education, securite_justice, institutions, "
            "associations, autres.",
        ),
    ],
)
def test_ajouter_refus(
    dossier: Path, clsm: Callable[..., Result], arguments: list[str], code: int, message: str
) -> None:
    avant = octets(dossier)
    r = clsm("-C", dossier, "membres", "ajouter", *arguments)
    assert r.exit_code == code
    assert r.stderr.splitlines()[-1] == message
    assert octets(dossier) == avant


# --- modifier --------------------------------------------------------------------------------


def test_modifier(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm(
        "-C", dossier, "membres", "modifier", "claire-dumesnil",
        "--fonction", "Maire adjointe à la santé", "--effacer", "telephone",
        "--ajouter-instance", "logement", "--retirer-instance", "pleniere",
        "--notes", "Présidente du CLSM",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert r.output == (
        "✓ Membre modifié : Claire Dumesnil (Ville de Testville) — claire-dumesnil.\n"
    )
    texte = (dossier / "membres.toml").read_text(encoding="utf-8")
    assert texte.split("\n\n")[1] == (
        "[[membre]]\n"
        'id = "claire-dumesnil"\n'
        'nom = "Dumesnil"\n'
        'prenom = "Claire"\n'
        'structure = "Ville de Testville"\n'
        'fonction = "Maire adjointe à la santé"\n'
        'college = "elus"\n'
        'instances = ["copil", "logement"]\n'
        'courriel = "claire.dumesnil@example.org"\n'
        "depuis = 2020-07-10\n"
        'notes = "Présidente du CLSM"'
    )
    assert texte.split("\n\n")[2:] == MEMBRES.split("\n\n")[2:]
    assert lire(dossier, "groupes.toml")["groupe"][0]["membres"] == [
        "laurent-mercadier",
        "claire-dumesnil",
    ]
    r = clsm(
        "-C", dossier, "membres", "modifier", "claire-dumesnil", "--retirer-instance", "logement"
    )
    assert r.exit_code == 0
    assert membre(dossier, "claire-dumesnil")["instances"] == ["copil"]
    assert lire(dossier, "groupes.toml")["groupe"][0]["membres"] == ["laurent-mercadier"]


def test_modifier_sans_changement(dossier: Path, clsm: Callable[..., Result]) -> None:
    avant = octets(dossier)
    r = clsm("-C", dossier, "membres", "modifier", "ines-moreau", "--college", "logement")
    assert (r.exit_code, r.output) == (0, "Aucun changement : « ines-moreau » était déjà à jour.\n")
    assert octets(dossier) == avant


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (
            ["ines-moreau"],
            2,
            "Erreur : Rien à modifier : indiquez au moins une option (voir « clsm membres "
            "modifier --help »).",
        ),
        (
            ["gem-l-envol", "--effacer", "structure"],
            2,
            "Erreur : Valeur refusée : un membre doit avoir au moins un nom ou une structure.",
        ),
        (
            ["ines-moreau", "--retirer-instance", "copil"],
            2,
            "Erreur : « ines-moreau » ne siège pas dans « copil » (instances : aucune).",
        ),
        (
            ["ines-moreau", "--jusqu-a", "2026-13-01"],
            2,
            "Erreur : Date invalide pour --jusqu-a : « 2026-13-01 » (forme attendue : AAAA-MM-JJ, "
            "par exemple 2026-03-12).",
        ),
        (
            ["ines-moreau", "--telephone", "01", "--effacer", "telephone"],
            2,
            "Erreur : --telephone et --effacer telephone : choisissez.",
        ),
        (
            ["ines-moreua", "--telephone", "01"],
            3,
            "Erreur : Aucun membre d'identifiant « ines-moreua ». Vouliez-vous dire "
            "« ines-moreau » ? (voir « clsm membres liste --tous »)",
        ),
    ],
)
def test_modifier_refus(
    dossier: Path, clsm: Callable[..., Result], arguments: list[str], code: int, message: str
) -> None:
    avant = octets(dossier)
    r = clsm("-C", dossier, "membres", "modifier", *arguments)
    assert r.exit_code == code
    assert r.stderr.splitlines()[-1] == message
    assert octets(dossier) == avant


def test_modifier_refus_de_la_couche_d_ecriture(dossier: Path, clsm: Callable[..., Result]) -> None:
    """A change that would break a whole-folder check is refused by the writing layer."""
    avant = octets(dossier)
    r = clsm("-C", dossier, "membres", "modifier", "gerard-poulain", "--depuis", "2025-07-01")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        "Erreur : Modification refusée, rien n'a été écrit. Problème(s) détecté(s) :",
        "  membres.toml:38: jusqu_a: jusqu_a (2025-06-30) précède depuis (2025-07-01) (E203)",
    ]
    assert octets(dossier) == avant


# --- retirer ---------------------------------------------------------------------------------


def test_retirer_garde_la_fiche(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", dossier, "membres", "retirer", "laurent-mercadier")
    assert r.exit_code == 0
    assert r.output == (
        "✓ Laurent Mercadier (CH Les Tilleuls) — laurent-mercadier : membre jusqu'au "
        "15 mars 2026 ; sa fiche et son historique sont conservés.\n"
    )
    assert membre(dossier, "laurent-mercadier")["jusqu_a"] == AUJOURDHUI
    r = clsm("-C", dossier, "membres", "retirer", "ines-moreau", "--date", "2026-06-30")
    assert r.exit_code == 0
    assert membre(dossier, "ines-moreau")["jusqu_a"] == dt.date(2026, 6, 30)
    # both are still members on their last day
    r = clsm("-C", dossier, "--format", "json", "membres", "liste")
    assert [m["id"] for m in json.loads(r.stdout)] == [
        "claire-dumesnil",
        "gem-l-envol",
        "laurent-mercadier",
        "ines-moreau",
    ]
    assert clsm("-C", dossier, "verifier").exit_code == 0


def test_retirer_avant_l_arrivee(dossier: Path, clsm: Callable[..., Result]) -> None:
    avant = octets(dossier)
    r = clsm("-C", dossier, "membres", "retirer", "claire-dumesnil", "--date", "2019-12-31")
    assert r.exit_code == 2
    assert r.stderr == (
        "Erreur : La date de départ (2019-12-31) précède l'arrivée de « claire-dumesnil » "
        "(depuis 2020-07-10).\n"
    )
    assert octets(dossier) == avant


def test_supprimer_refuse_si_cite(dossier: Path, clsm: Callable[..., Result]) -> None:
    avant = octets(dossier)
    r = clsm("-C", dossier, "membres", "retirer", "laurent-mercadier", "--supprimer", "--oui")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        "Erreur : Suppression refusée : « laurent-mercadier » est cité à 6 endroit(s). Gardez "
        "l'historique avec « clsm membres retirer laurent-mercadier » (date de départ), ou "
        "retirez d'abord ces références :",
        "  cellule/seances/2026-02-10.toml:5: présent à la séance",
        "  cellule/situations.toml:8: référent de la situation S-2026-001",
        "  groupes.toml:8: pilote du groupe « logement »",
        "  groupes.toml:9: membre du groupe « logement »",
        "  reunions/2026-01-20-copil.toml:6: présent à la réunion",
        "  reunions/2026-02-03-groupe-logement.toml:6: présent à la réunion",
    ]
    r = clsm("-C", dossier, "membres", "retirer", "claire-dumesnil", "--supprimer", "--oui")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[1:] == [
        "  cellule/seances/2026-02-10.toml:5: présent à la séance",
        "  plan.toml:17: pilote de l'action « permanence »",
        "  reunions/2026-01-20-copil.toml:6: présent à la réunion",
        "  sism/2025.toml:6: membre du comité de la SISM 2025",
    ]
    r = clsm("-C", dossier, "membres", "retirer", "gem-l-envol", "--supprimer", "--oui")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[1:] == [
        "  reunions/2026-01-20-copil.toml:7: excusé à la réunion",
    ]
    assert octets(dossier) == avant


def test_supprimer_un_membre_cite_nulle_part(dossier: Path, clsm: Callable[..., Result]) -> None:
    avant = octets(dossier)
    r = clsm("-C", dossier, "membres", "retirer", "gerard-poulain", "--supprimer")
    assert r.exit_code == 2
    assert r.stderr == (
        "Erreur : Effacer définitivement la fiche « Gérard Poulain (Commune de Lorvey) » ? — "
        "aucune réponse possible hors d'un terminal : ajoutez --oui pour confirmer.\n"
    )
    assert octets(dossier) == avant
    r = clsm("-C", dossier, "membres", "retirer", "gerard-poulain", "--supprimer", "--oui")
    assert r.exit_code == 0
    assert r.output == (
        "✓ Fiche supprimée : Gérard Poulain (Commune de Lorvey) — gerard-poulain.\n"
    )
    blocs = MEMBRES.split("\n\n")
    attendu = "\n\n".join(b for b in blocs if 'id = "gerard-poulain"' not in b)
    assert (dossier / "membres.toml").read_text(encoding="utf-8") == attendu


def test_supprimer_refus_interactif(
    dossier: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLSM_INTERACTIF", "1")
    avant = octets(dossier)
    r = clsm("-C", dossier, "membres", "retirer", "ines-moreau", "--supprimer", input="n\n")
    assert r.exit_code == 0
    assert r.output.splitlines()[-1] == "Rien n'a été supprimé."
    assert octets(dossier) == avant


def test_colleges_identiques_au_modele() -> None:
    from clsm_cli.modeles import College
    from clsm_cli.noyau.membres import COLLEGES

    assert list(COLLEGES) == [c.value for c in College]


# --- help and imports --------------------------------------------------------------------------


def test_aide_en_francais_pour_chaque_option(clsm: Callable[..., Result]) -> None:
    import click

    from clsm_cli.cli import cli

    ctx = click.Context(cli)
    for nom in ("membres", "groupes", "identite", "financement"):
        groupe = cli.get_command(ctx, nom)
        assert isinstance(groupe, click.Group)
        assert groupe.help
        for sous in groupe.list_commands(ctx):
            commande = groupe.get_command(ctx, sous)
            assert commande is not None and commande.help, (nom, sous)
            for parametre in commande.params:
                if isinstance(parametre, click.Option):
                    assert parametre.help, (nom, sous, parametre.name)
            r = clsm(nom, sous, "--help")
            assert r.exit_code == 0
            assert r.stdout.startswith(f"Utilisation : clsm {nom} {sous} [OPTIONS]")
            for anglais in ("Usage:", " TEXT ", " INTEGER ", "Show this message"):
                assert anglais not in r.stdout, (nom, sous, anglais)


def test_aide_sans_imports_lourds() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from clsm_cli.cli import cli\n"
        "for g in ('membres', 'groupes', 'identite', 'financement'):\n"
        "    try:\n"
        "        cli([g, '--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "lourds = ('pydantic', 'tomlkit', 'openpyxl', 'rich')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in lourds}))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.stdout.splitlines()[-1] == "[]"


# --- issue 12: identifiers, duplicates, signatories, contact details, renaming --------------


def test_ajouter_id_choisi_et_signataire(dossier: Path, clsm: Callable[..., Result]) -> None:
    r = clsm(
        "-C", dossier, "membres", "ajouter", "--id", "maire", "--nom", "Garnier", "--prenom",
        "Hélène", "--structure", "Ville de Testville", "--fonction", "Maire", "--college",
        "elus", "--signataire",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert (
        r.output
        == "✓ Membre ajouté : Hélène Garnier (Ville de Testville) — identifiant « maire ».\n"
    )
    assert membre(dossier, "maire") == {
        "id": "maire", "nom": "Garnier", "prenom": "Hélène", "structure": "Ville de Testville",
        "fonction": "Maire", "college": "elus", "signataire": True,
    }  # fmt: skip
    r = clsm("-C", dossier, "membres", "voir", "maire")
    assert " Signataire   oui (membre fondateur ou signataire de la convention)" in [
        ligne.rstrip() for ligne in r.stdout.splitlines()
    ]
    r = clsm("-C", dossier, "membres", "modifier", "maire", "--non-signataire")
    assert r.exit_code == 0 and "signataire" not in membre(dossier, "maire")
    avant = octets(dossier)
    for args, message in (
        (["--id", "maire", "--nom", "X"], "Erreur : --id : l'identifiant « maire » est déjà pris "
         "par un autre membre.\n"),
        (["--id", "Maire Adjointe", "--nom", "X"], "Erreur : --id : identifiant invalide « Maire "
         "Adjointe » (lettres minuscules sans accent, chiffres et tirets, par exemple "
         "« marie-dupont »).\n"),
        (["--nom", "X", "--courriel", "pas-un-mail"], "Erreur : --courriel : « pas-un-mail » n'est "
         "pas une adresse électronique (forme attendue : prenom.nom@exemple.fr).\n"),
        (["--nom", "X", "--telephone", "12 34"], "Erreur : --telephone : « 12 34 » n'est pas un "
         "numéro de téléphone (forme attendue : 01 23 45 67 89 ou +33 1 23 45 67 89).\n"),
    ):  # fmt: skip
        r = clsm("-C", dossier, "membres", "ajouter", "--college", "elus", *args)
        assert (r.exit_code, r.stderr) == (2, message)
    assert octets(dossier) == avant
    r = clsm("-C", dossier, "membres", "modifier", "maire", "--telephone", "+33 (0)1 23 45 67 89")
    assert r.exit_code == 0, r.output


def test_deux_personnes_d_une_structure_ne_sont_pas_des_doublons(
    dossier: Path, clsm: Callable[..., Result]
) -> None:
    # no « Attention : … doublon » line: only the status line of each addition
    for nom, fonction, ident in (
        ("Roche", "Déléguée", "roche"),
        ("Benali", "Chargé de mission", "benali"),
    ):
        r = clsm(
            "-C", dossier, "membres", "ajouter", "--nom", nom, "--structure", "ARS DD",
            "--fonction", fonction, "--college", "institutions",
        )  # fmt: skip
        assert (r.exit_code, r.stderr) == (
            0,
            f"✓ Membre ajouté : {nom} (ARS DD) — identifiant « {ident} ».\n",
        )
    for fonction, ident in (("Délégué territorial", "prefecture"), ("Inspectrice", "prefecture-2")):
        r = clsm(
            "-C", dossier, "membres", "ajouter", "--structure", "Préfecture", "--fonction",
            fonction, "--college", "institutions",
        )  # fmt: skip
        assert (r.exit_code, r.stderr) == (
            0,
            f"✓ Membre ajouté : Préfecture — identifiant « {ident} ».\n",
        )
    r = clsm(
        "-C", dossier, "membres", "ajouter", "--structure", "préfecture", "--fonction",
        "Inspectrice", "--college", "institutions",
    )  # fmt: skip
    assert r.stderr == (
        "Attention : un membre de même nom et de même structure existait déjà (prefecture-2) : "
        "vérifiez qu'il ne s'agit pas d'un doublon.\n"
        "✓ Membre ajouté : préfecture — identifiant « prefecture-3 ».\n"
    )


def test_verifier_avertit_des_coordonnees_invalides(
    dossier: Path, clsm: Callable[..., Result]
) -> None:
    texte = (dossier / "membres.toml").read_text(encoding="utf-8")
    texte = texte.replace(
        'courriel = "claire.dumesnil@example.org"', 'courriel = "claire.dumesnil"'
    ).replace('telephone = "01 99 00 11 12"', 'telephone = "01 99"')
    (dossier / "membres.toml").write_text(texte, encoding="utf-8")
    r = clsm("-C", dossier, "verifier")
    assert r.exit_code == 0, r.output
    assert r.output == (
        "membres.toml:12: courriel: « claire.dumesnil » n'est pas une adresse électronique "
        "(W306)\n"
        "membres.toml:13: telephone: « 01 99 » n'est pas un numéro de téléphone (W306)\n"
        "0 erreur(s), 2 avertissement(s).\n"
    )
    assert clsm("-C", dossier, "verifier", "--strict").exit_code == 1


def test_renommer_met_a_jour_toutes_les_references(
    dossier: Path, clsm: Callable[..., Result]
) -> None:
    r = clsm("-C", dossier, "membres", "renommer", "laurent-mercadier", "dr-mercadier")
    assert r.exit_code == 0, r.output
    assert r.output == (
        "✓ Membre « laurent-mercadier » renommé « dr-mercadier » : Laurent Mercadier "
        "(CH Les Tilleuls) (6 référence(s) mise(s) à jour).\n"
    )
    tout = "".join(p.read_text(encoding="utf-8") for p in sorted(dossier.rglob("*.toml")))
    assert "laurent-mercadier" not in tout
    assert lire(dossier, "groupes.toml")["groupe"][0]["pilote"] == "dr-mercadier"
    assert lire(dossier, "cellule/situations.toml")["situation"][0]["referent"] == "dr-mercadier"
    assert lire(dossier, "cellule/seances/2026-02-10.toml")["presents"][0] == "dr-mercadier"
    assert clsm("-C", dossier, "verifier").exit_code == 0
    avant = octets(dossier)
    r = clsm("-C", dossier, "membres", "renommer", "dr-mercadier", "claire-dumesnil")
    assert (r.exit_code, r.stderr) == (
        2,
        "Erreur : NOUVEAU : l'identifiant « claire-dumesnil » est déjà pris par un autre membre.\n",
    )
    assert octets(dossier) == avant
