"""Values typed on the command line (cli/_types.py): accents, hyphens, labels, decimal comma."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from clsm_cli.cli import _types

Clsm = Callable[..., Result]


def test_vocabulaires_identiques_aux_modeles() -> None:
    from clsm_cli.modeles import communs

    assert _types.COLLEGE.valeurs == list(communs.LIBELLES_COLLEGE)
    assert _types.TYPE_ACTION.valeurs == list(communs.LIBELLES_TYPE_ACTION)
    assert _types.STATUT_ACTION.valeurs == list(communs.LIBELLES_STATUT_ACTION)
    assert _types.TYPE_EVENEMENT.valeurs == list(communs.LIBELLES_TYPE_EVENEMENT)


@pytest.mark.parametrize(
    ("saisie", "college"),
    [
        ("élus", "elus"),
        ("Élus", "elus"),
        ("ELUS", "elus"),
        ("Psychiatrie publique", "psychiatrie"),
        ("social / médico-social", "social_medico_social"),
        ("Social et médico-social", "social_medico_social"),
        ("Usagers / GEM", "usagers"),
        ("sécurité-justice", "securite_justice"),
    ],
)
def test_college_ecrit_comme_on_le_dit(projet: Path, clsm: Clsm, saisie: str, college: str) -> None:
    r = clsm("-C", projet, "--format", "json", "membres", "ajouter", "--nom", "Martin",
             "--college", saisie)  # fmt: skip
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["college"] == college
    membres = tomllib.loads((projet / "membres.toml").read_text(encoding="utf-8"))["membre"]
    assert membres[0]["college"] == college


def test_valeur_inconnue_avec_suggestion(projet: Path, clsm: Clsm) -> None:
    r = clsm("-C", projet, "membres", "liste", "--college", "psy")
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1] == (
        "Erreur : Valeur invalide pour « --college » : « psy » n'est pas une valeur possible. "
        "Vouliez-vous dire « psychiatrie » ? Valeurs possibles : elus, psychiatrie, usagers, "
        "aidants, sante, social_medico_social, logement, education, securite_justice, "
        "institutions, associations, autres."
    )
    r = clsm("-C", projet, "membres", "liste", "--college", "asociations")
    assert "Vouliez-vous dire « associations » ?" in r.stderr


def test_action_type_statut_et_budget(demo: Path, clsm: Clsm) -> None:
    r = clsm(
        "-C", demo, "--format", "json", "plan", "action", "ajouter", "--axe", "acces-soins",
        "--intitule", "Maraude en binôme", "--type", "Aller-vers", "--statut", "prévue",
        "--budget", "1 500,50",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    action = json.loads(r.stdout)
    assert (action["type"], action["statut"], action["budget"]) == ("aller_vers", "prevue", 1500.5)
    r = clsm("-C", demo, "plan", "liste", "--statut", "En cours", "--format", "csv")
    assert r.exit_code == 0
    assert all(",En cours," in ligne for ligne in r.stdout.splitlines()[1:])


@pytest.mark.parametrize("saisie", ["café-psy", "cafe psy", "Café-psy", "CAFE_PSY"])
def test_type_d_evenement(demo: Path, clsm: Clsm, saisie: str) -> None:
    r = clsm(
        "-C", demo, "--format", "json", "sism", "evenement", "ajouter", "2025", "--titre",
        "Café-psy du marché", "--type", saisie, "--date", "2025-10-10", "--participants", "1 200",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    evenement = json.loads(r.stdout)
    assert (evenement["type"], evenement["participants"]) == ("cafe_psy", 1200)


@pytest.mark.parametrize(
    ("valeur", "message"),
    [
        ("12,5", "« 12,5 » : nombre entier attendu, sans décimales"),
        ("douze", "« douze » n'est pas un nombre : un nombre entier attendu"),
        ("-3", "« -3 » : nombre positif ou nul attendu"),
    ],
)
def test_participants_entier(demo: Path, clsm: Clsm, valeur: str, message: str) -> None:
    avant = (demo / "plan.toml").read_bytes()
    r = clsm("-C", demo, "plan", "realisation", "ajouter", "guide-ressources", "--date",
             "2025-06-12", "--libelle", "Diffusion", "--participants", valeur)  # fmt: skip
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1] == (
        f"Erreur : Valeur invalide pour « --participants » : {message}"
    )
    assert (demo / "plan.toml").read_bytes() == avant


def test_virgule_decimale_partout(demo: Path, clsm: Clsm) -> None:
    r = clsm("-C", demo, "plan", "indicateur", "guide-ressources", "--libelle", "Guides diffusés",
             "--cible", "2 500", "--realise", "1250,5")  # fmt: skip
    assert r.exit_code == 0, r.output
    plan = tomllib.loads((demo / "plan.toml").read_text(encoding="utf-8"))
    action = next(a for a in plan["action"] if a["id"] == "guide-ressources")
    indicateur = next(i for i in action["indicateur"] if i["libelle"] == "Guides diffusés")
    assert (indicateur["cible"], indicateur["realise"]) == (2500, 1250.5)
    r = clsm("-C", demo, "identite", "modifier", "--seuil-masquage", "12,0")
    assert r.exit_code == 0, r.output
    r = clsm("-C", demo, "identite", "modifier", "--seuil-masquage", "12,5")
    assert r.exit_code == 2


def test_identifiant_tire_d_un_long_titre(demo: Path, clsm: Clsm) -> None:
    r = clsm(
        "-C", demo, "plan", "action", "ajouter", "--axe", "acces-soins", "--intitule",
        "Rencontres entre médecins généralistes et centres médico-psychologiques du territoire",
        "--type", "coordination",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert r.stderr.endswith("identifiant « rencontres-entre-medecins-generalistes ».\n")
    r = clsm(
        "-C", demo, "plan", "action", "ajouter", "--axe", "acces-soins", "--intitule",
        "Guide ressources santé mentale du territoire et des communes voisines", "--type", "autre",
    )  # fmt: skip
    assert r.stderr.endswith("identifiant « guide-ressources-sante-mentale ».\n")
