"""Hand-written files full of comments, edited through the commands: nothing a person wrote
is lost or moved — every comment and blank line stays in place around the changes."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

MEMBRES = """\
#:schema .clsm/schemas/membres.schema.json
# Membres du CLSM de Testville — tenu à jour par la coordinatrice.
# Ne pas oublier de prévenir le CCAS à chaque départ.
version_schema = "1.0"

# ---------------------------------------------------------------------
# Élus
# ---------------------------------------------------------------------

[[membre]]  # la présidente
id = "claire-dumesnil"
nom = "Dumesnil"   # nom d'usage
prenom = "Claire"
structure = "Ville de Testville"
college = "elus"
instances = [
    "copil",     # membre de droit
    "pleniere",
]
# Présidente depuis les municipales de 2020.

# ---------------------------------------------------------------------
# Psychiatrie
# ---------------------------------------------------------------------

[[membre]]
id = "laurent-mercadier"
nom = "Mercadier"
prenom = "Laurent"
structure = "CH Les Tilleuls"
fonction = "Psychiatre"  # chef de pôle
college = "psychiatrie"
instances = ["copil", "logement"]

# Fin des membres. Les nouveaux sont ajoutés ci-dessus par clsm.
"""

GROUPES = """\
#:schema .clsm/schemas/groupes.schema.json
version_schema = "1.0"

# Groupe créé par le copil du 12 mars 2024.
[[groupe]]
id = "logement"
nom = "Logement et santé mentale"  # intitulé validé en copil
pilote = "laurent-mercadier"
membres = [
    "laurent-mercadier",  # pilote
]
# Le groupe se réunit tous les deux mois.
"""

CLSM = """\
#:schema .clsm/schemas/clsm.schema.json
# Identité du CLSM.
version_schema = "1.0"

nom = "CLSM de Testville"  # nom officiel
territoire = "Testville"
# La population vient du recensement 2021.
population = 41000

[coordination]
# Poste financé à 50 % par l'ARS.
nom = "Sophie Marchal"
etp = 0.8  # depuis 2024

# Financements, un bloc par année et par financeur.
[[financement]]
annee = 2025
financeur = "ARS"
montant = 25000  # notification du 3 février

[cellule]
seuil_masquage = 11
conservation_mois = 24
# Fin du fichier.
"""

MEMBRES_APRES = """\
#:schema .clsm/schemas/membres.schema.json
# Membres du CLSM de Testville — tenu à jour par la coordinatrice.
# Ne pas oublier de prévenir le CCAS à chaque départ.
version_schema = "1.0"

# ---------------------------------------------------------------------
# Élus
# ---------------------------------------------------------------------

[[membre]]  # la présidente
id = "claire-dumesnil"
nom = "Dumesnil"   # nom d'usage
prenom = "Claire"
structure = "Ville de Testville"
fonction = "Maire adjointe"
college = "elus"
instances = [
    "copil",     # membre de droit
    "pleniere",
    "logement",
]
telephone = "01 99 00 11 12"
# Présidente depuis les municipales de 2020.

# ---------------------------------------------------------------------
# Psychiatrie
# ---------------------------------------------------------------------

[[membre]]
id = "laurent-mercadier"
nom = "Mercadier"
prenom = "Laurent"
structure = "CH Les Tilleuls"
fonction = "Psychiatre"  # chef de pôle
college = "psychiatrie"
instances = ["copil", "logement"]
jusqu_a = 2026-06-30

[[membre]]
id = "anais-lefevre"
nom = "Lefèvre"
prenom = "Anaïs"
structure = "GEM L'Envol"
college = "usagers"
instances = ["logement"]

# Fin des membres. Les nouveaux sont ajoutés ci-dessus par clsm.
"""

GROUPES_APRES = """\
#:schema .clsm/schemas/groupes.schema.json
version_schema = "1.0"

# Groupe créé par le copil du 12 mars 2024.
[[groupe]]
id = "logement"
nom = "Logement et santé mentale"  # intitulé validé en copil
mission = "Prévenir les expulsions."
pilote = "laurent-mercadier"
membres = [
    "laurent-mercadier",  # pilote
    "anais-lefevre",
    "claire-dumesnil",
]
# Le groupe se réunit tous les deux mois.
"""

CLSM_APRES = """\
#:schema .clsm/schemas/clsm.schema.json
# Identité du CLSM.
version_schema = "1.0"

nom = "CLSM de Testville"  # nom officiel
territoire = "Testville"
communes = ["Testville", "Lorvey"]
# La population vient du recensement 2021.
population = 41500

[coordination]
# Poste financé à 50 % par l'ARS.
nom = "Sophie Marchal"
courriel = "clsm@example.org"
etp = 0.8  # depuis 2024

# Financements, un bloc par année et par financeur.
[[financement]]
annee = 2025
financeur = "ARS"
montant = 25000  # notification du 3 février

[[financement]]
annee = 2026
financeur = "ARS"
montant = 26000

[cellule]
seuil_masquage = 11
conservation_mois = 24
# Fin du fichier.
"""


def lignes_disparues(avant: str, apres: str) -> list[str]:
    """Lines the change removed (must be none besides replaced values)."""
    diff = difflib.ndiff(avant.splitlines(), apres.splitlines())
    return [ligne[2:] for ligne in diff if ligne.startswith("- ")]


@pytest.fixture
def dossier(projet: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from clsm_cli.noyau.projet import Projet

    monkeypatch.setattr(Projet, "aujourdhui", lambda self: dt.date(2026, 3, 15))
    for chemin, texte in {
        "membres.toml": MEMBRES,
        "groupes.toml": GROUPES,
        "clsm.toml": CLSM,
    }.items():
        (projet / chemin).write_text(texte, encoding="utf-8")
    return projet


def test_commentaires_et_lignes_vides_restent_en_place(
    dossier: Path, clsm: Callable[..., Result]
) -> None:
    commandes = [
        ["membres", "ajouter", "--nom", "Lefèvre", "--prenom", "Anaïs",
         "--structure", "GEM L'Envol", "--college", "usagers", "--instance", "logement"],
        ["membres", "modifier", "claire-dumesnil", "--fonction", "Maire adjointe",
         "--telephone", "01 99 00 11 12"],
        ["groupes", "membres", "logement", "--ajouter", "claire-dumesnil"],
        ["groupes", "modifier", "logement", "--mission", "Prévenir les expulsions."],
        ["membres", "retirer", "laurent-mercadier", "--date", "2026-06-30"],
        ["identite", "modifier", "--population", "41500", "--commune", "Testville",
         "--commune", "Lorvey", "--coordination-courriel", "clsm@example.org"],
        ["financement", "ajouter", "--annee", "2026", "--financeur", "ARS",
         "--montant", "26000"],
    ]  # fmt: skip
    for commande in commandes:
        r = clsm("-C", dossier, *commande)
        assert r.exit_code == 0, (commande, r.output)

    for chemin, avant, attendu in [
        ("membres.toml", MEMBRES, MEMBRES_APRES),
        ("groupes.toml", GROUPES, GROUPES_APRES),
        ("clsm.toml", CLSM, CLSM_APRES),
    ]:
        apres = (dossier / chemin).read_text(encoding="utf-8")
        assert apres == attendu, chemin
        # every comment and blank line written by hand is still there, in the same order
        garder = [x for x in avant.splitlines() if not x.strip() or x.lstrip().startswith("#")]
        restes = [x for x in apres.splitlines() if not x.strip() or x.lstrip().startswith("#")]
        iterateur = iter(restes)
        assert all(any(x == y for y in iterateur) for x in garder), chemin
        # and the only lines that went away are values the commands replaced
        assert (
            lignes_disparues(avant, apres)
            == {
                "membres.toml": [],
                "groupes.toml": [],
                "clsm.toml": ["population = 41000"],
            }[chemin]
        )

    assert clsm("-C", dossier, "verifier").exit_code == 0


def test_suppression_garde_les_commentaires_voisins(
    dossier: Path, clsm: Callable[..., Result]
) -> None:
    r = clsm("-C", dossier, "membres", "ajouter", "--structure", "UNAFAM", "--college", "aidants")
    assert r.exit_code == 0
    r = clsm("-C", dossier, "membres", "retirer", "unafam", "--supprimer", "--oui")
    assert r.exit_code == 0, r.output
    assert (dossier / "membres.toml").read_text(encoding="utf-8") == MEMBRES
    r = clsm("-C", dossier, "financement", "retirer", "--annee", "2025", "--financeur", "ARS")
    assert r.exit_code == 0, r.output
    assert (dossier / "clsm.toml").read_text(encoding="utf-8") == CLSM.replace(
        '[[financement]]\nannee = 2025\nfinanceur = "ARS"\n'
        "montant = 25000  # notification du 3 février\n",
        "",
    )
