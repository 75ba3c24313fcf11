"""``clsm plan``: période, axes, actions, réalisations, indicateurs — read back from plan.toml.

Most tests run on a small hand-written folder full of comments (exact outputs), a few on the
demo folder. The block splice of plan_lib is checked against whole-document tomlkit editing.
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

from clsm_cli.modeles.erreurs import Introuvable
from clsm_cli.noyau import plan as plan_lib

from ..instantane import instantane
from .aides import reussit

Clsm = Callable[..., Result]

MEMBRES = """version_schema = "1.0"

[[membre]]
id = "anne-martin"
nom = "Martin"
prenom = "Anne"
structure = "CCAS de Testville"
college = "social_medico_social"

[[membre]]
id = "paul-durand"
nom = "Durand"
prenom = "Paul"
structure = "CMP de Testville"
college = "psychiatrie"
"""

GROUPES = """version_schema = "1.0"

[[groupe]]
id = "logement"
nom = "Logement et santé mentale"
pilote = "paul-durand"
membres = ["anne-martin", "paul-durand"]
"""

PLAN = """#:schema .clsm/schemas/plan.schema.json
# Plan d'action 2025-2027 du CLSM de Testville (écrit à la main)
version_schema = "1.0"

# Période de la feuille de route
[periode]
debut = 2025-01-01
fin = 2027-12-31

# --- Axes ---
[[axe]]
id = "soins"
intitule = "Accès aux soins"

[[axe]]
id = "logement"  # axe prioritaire
intitule = "Logement"

# --- Actions ---

[[action]]
id = "guide"
axe = "soins"
intitule = "Guide ressources"
type = "information_communication"
pilote = "anne-martin"
statut = "en_cours"
debut = 2025-03-01
fin = 2025-12-31

# Indicateurs suivis par le copil
[[action.indicateur]]
libelle = "Exemplaires diffusés"
cible = 500

[[action.realisation]]
date = 2025-04-10
libelle = "Comité de relecture"
participants = 8
# relu par le GEM

# Action du groupe logement
[[action]]
id = "veille"
axe = "logement"
intitule = "Cellule de veille logement"
objectif = \"\"\"
Repérer tôt les locataires en difficulté.
[[action]]
(ce crochet est dans un texte, pas un en-tête)\"\"\"
type = "coordination"
qpv = ["Les Tilleuls"]
groupe = "logement"
statut = "prevue"

[[action]]
id = "forum"
axe = "soins"
intitule = "Forum santé mentale"
type = "information_communication"
statut = "realisee"

[[action.realisation]]
date = 2025-10-10
libelle = "Forum"
participants = 120

# Fin du plan
"""


@pytest.fixture
def dossier(projet: Path) -> Path:
    """The empty project with two members, a group and the hand-written plan above."""
    (projet / "membres.toml").write_text(MEMBRES, encoding="utf-8")
    (projet / "groupes.toml").write_text(GROUPES, encoding="utf-8")
    (projet / "plan.toml").write_text(PLAN, encoding="utf-8")
    return projet


def lire(dossier: Path, chemin: str = "plan.toml") -> dict[str, Any]:
    return tomllib.loads((dossier / chemin).read_text(encoding="utf-8"))


def refuse(clsm: Clsm, dossier: Path, *args: str, code: int = 2) -> str:
    """Run a command that must fail, check that nothing changed, return its stderr."""
    avant = instantane(dossier)
    r = clsm("-C", dossier, *args)
    assert r.exit_code == code, r.output
    assert instantane(dossier) == avant
    return r.stderr


# --- listings --------------------------------------------------------------------------------


def test_axes_en_json_et_csv(clsm: Clsm, dossier: Path) -> None:
    r = reussit(clsm, dossier, "--format", "json", "plan", "axes")
    assert json.loads(r.stdout) == [
        {"id": "soins", "intitule": "Accès aux soins", "actions": 2},
        {"id": "logement", "intitule": "Logement", "actions": 1},
    ]
    r = reussit(clsm, dossier, "--format", "csv", "--separateur", ";", "plan", "axes")
    assert r.stdout == (
        "\ufeffIdentifiant;Intitulé;Actions\nsoins;Accès aux soins;2\nlogement;Logement;1\n"
    )


def test_axes_dossier_vide(clsm: Clsm, projet: Path) -> None:
    r = reussit(clsm, projet, "plan", "axes")
    assert r.output == "Aucun axe : ajoutez-en un avec « clsm plan axe ajouter --intitule … ».\n"


def test_liste_json_csv_et_filtres(clsm: Clsm, dossier: Path) -> None:
    r = reussit(clsm, dossier, "--format", "json", "plan", "liste")
    assert json.loads(r.stdout) == [
        {
            "id": "guide",
            "axe": "soins",
            "intitule": "Guide ressources",
            "type": "information_communication",
            "statut": "en_cours",
            "pilote": "anne-martin",
            "realisations": 1,
        },
        {
            "id": "veille",
            "axe": "logement",
            "intitule": "Cellule de veille logement",
            "type": "coordination",
            "statut": "prevue",
            "pilote": None,
            "realisations": 0,
        },
        {
            "id": "forum",
            "axe": "soins",
            "intitule": "Forum santé mentale",
            "type": "information_communication",
            "statut": "realisee",
            "pilote": None,
            "realisations": 1,
        },
    ]
    r = reussit(clsm, dossier, "--format", "csv", "plan", "liste", "--axe", "soins")
    assert r.stdout == (
        "\ufeffIdentifiant,Axe,Intitulé,Type,Statut,Pilote,Réalisations\n"
        "guide,soins,Guide ressources,Information et communication,En cours,anne-martin,1\n"
        "forum,soins,Forum santé mentale,Information et communication,Réalisée,,1\n"
    )
    r = reussit(clsm, dossier, "--format", "json", "plan", "liste", "--statut", "prevue")
    assert [a["id"] for a in json.loads(r.stdout)] == ["veille"]
    r = reussit(clsm, dossier, "--format", "json", "plan", "liste", "--type", "coordination")
    assert [a["id"] for a in json.loads(r.output)] == ["veille"]
    r = reussit(clsm, dossier, "plan", "liste", "--type", "aller_vers")
    assert r.output == "Aucune action ne correspond.\n"


def test_liste_axe_inconnu(clsm: Clsm, dossier: Path) -> None:
    assert refuse(clsm, dossier, "plan", "liste", "--axe", "soin", code=3) == (
        "Erreur : --axe : axe inconnu « soin » (axes : soins, logement). "
        "Vouliez-vous dire « soins » ?\n"
    )


def test_liste_statut_inconnu(clsm: Clsm, dossier: Path) -> None:
    erreur = refuse(clsm, dossier, "plan", "liste", "--statut", "finie")
    assert (
        "Valeur invalide pour « --statut » : « finie » n'est pas une valeur possible. Valeurs "
        "possibles : prevue, en_cours, realisee, reportee, abandonnee." in erreur
    )


def test_liste_tableau(clsm: Clsm, dossier: Path) -> None:
    r = reussit(clsm, dossier, "plan", "liste", "--axe", "logement")
    assert "Actions du plan (1)" in r.stdout
    assert "Cellule de veille logement" in r.stdout
    assert "Coordination" in r.stdout and "Prévue" in r.stdout


# --- axes and période ------------------------------------------------------------------------


def test_axe_ajouter_modifier_retirer(clsm: Clsm, dossier: Path) -> None:
    r = reussit(clsm, dossier, "plan", "axe", "ajouter", "--intitule", "Jeunes et familles")
    assert (
        r.output == "✓ Axe ajouté : « Jeunes et familles » — identifiant « jeunes-et-familles ».\n"
    )
    r = reussit(
        clsm,
        dossier,
        "--format",
        "json",
        "plan",
        "axe",
        "ajouter",
        "--intitule",
        "Jeunes et familles",
    )
    assert json.loads(r.stdout) == {"id": "jeunes-et-familles-2", "intitule": "Jeunes et familles"}
    reussit(clsm, dossier, "plan", "axe", "ajouter", "--intitule", "Prévention", "--id", "prev")
    assert [a["id"] for a in lire(dossier)["axe"]] == [
        "soins",
        "logement",
        "jeunes-et-familles",
        "jeunes-et-familles-2",
        "prev",
    ]
    texte = (dossier / "plan.toml").read_text(encoding="utf-8")
    # new axes go after the last one, before the comment that introduces the actions
    assert texte.index('id = "prev"') < texte.index("# --- Actions ---")
    assert 'id = "logement"  # axe prioritaire\nintitule = "Logement"\n\n[[axe]]\n' in texte

    reussit(clsm, dossier, "plan", "axe", "modifier", "prev", "--intitule", "Prévention du suicide")
    assert lire(dossier)["axe"][4] == {"id": "prev", "intitule": "Prévention du suicide"}
    r = reussit(clsm, dossier, "plan", "axe", "retirer", "jeunes-et-familles-2", "--oui")
    assert r.output == "✓ Axe « jeunes-et-familles-2 » retiré.\n"
    assert [a["id"] for a in lire(dossier)["axe"]] == [
        "soins",
        "logement",
        "jeunes-et-familles",
        "prev",
    ]
    assert "# --- Actions ---" in (dossier / "plan.toml").read_text(encoding="utf-8")


def test_axe_ajouter_refus(clsm: Clsm, dossier: Path) -> None:
    assert refuse(clsm, dossier, "plan", "axe", "ajouter", "--intitule", "X", "--id", "soins") == (
        "Erreur : --id : l'axe « soins » existe déjà.\n"
    )
    assert refuse(
        clsm, dossier, "plan", "axe", "ajouter", "--intitule", "X", "--id", "Pas Bon"
    ) == (
        "Erreur : Valeur refusée : id (--id) : identifiant invalide « Pas Bon » : lettres "
        "minuscules sans accent, chiffres, - et _ seulement.\n"
    )
    assert refuse(clsm, dossier, "plan", "axe", "ajouter") == (
        "Erreur : Valeur manquante : précisez --intitule — Intitulé de l'axe.\n"
    )


def test_axe_retirer_refuse_s_il_sert(clsm: Clsm, dossier: Path) -> None:
    assert refuse(clsm, dossier, "plan", "axe", "retirer", "soins", "--oui") == (
        "Erreur : L'axe « soins » est utilisé par 2 action(s) ; rattachez-les à un autre axe "
        "(clsm plan action modifier ID --axe AUTRE) ou retirez-les d'abord :\n"
        "  plan.toml:21: guide — Guide ressources\n"
        "  plan.toml:56: forum — Forum santé mentale\n"
    )


def test_axe_retirer_sans_oui_hors_terminal(clsm: Clsm, dossier: Path) -> None:
    reussit(clsm, dossier, "plan", "axe", "ajouter", "--intitule", "Vide")
    assert refuse(clsm, dossier, "plan", "axe", "retirer", "vide") == (
        "Erreur : Retirer l'axe « Vide » (vide) ? — aucune réponse possible hors d'un "
        "terminal : ajoutez --oui pour confirmer.\n"
    )


def test_axe_inconnu(clsm: Clsm, dossier: Path) -> None:
    assert refuse(
        clsm, dossier, "plan", "axe", "modifier", "logment", "--intitule", "X", code=3
    ) == (
        "Erreur : Aucun axe d'identifiant « logment » (axes : soins, logement). "
        "Vouliez-vous dire « logement » ?\n"
    )


def test_periode_modifiee_en_place(clsm: Clsm, dossier: Path) -> None:
    r = reussit(clsm, dossier, "plan", "periode", "--debut", "2025-01-01", "--fin", "2028-06-30")
    assert r.output == "✓ Période du plan : du 1er janvier 2025 au 30 juin 2028.\n"
    assert (dossier / "plan.toml").read_text(encoding="utf-8") == PLAN.replace(
        "fin = 2027-12-31", "fin = 2028-06-30"
    )


def test_periode_creee_avant_les_axes(clsm: Clsm, projet: Path) -> None:
    reussit(clsm, projet, "plan", "axe", "ajouter", "--intitule", "Soins")
    reussit(clsm, projet, "plan", "periode", "--debut", "2026-01-01", "--fin", "2028-12-31")
    texte = (projet / "plan.toml").read_text(encoding="utf-8")
    assert texte.endswith(
        'version_schema = "1.0"\n\n[periode]\ndebut = 2026-01-01\nfin = 2028-12-31\n\n'
        '[[axe]]\nid = "soins"\nintitule = "Soins"\n'
    )
    assert lire(projet)["periode"] == {"debut": dt.date(2026, 1, 1), "fin": dt.date(2028, 12, 31)}


def test_periode_dans_un_plan_vide(clsm: Clsm, projet: Path) -> None:
    reussit(clsm, projet, "plan", "periode", "--debut", "2026-01-01", "--fin", "2028-12-31")
    assert (
        (projet / "plan.toml")
        .read_text(encoding="utf-8")
        .endswith('version_schema = "1.0"\n\n[periode]\ndebut = 2026-01-01\nfin = 2028-12-31\n')
    )


def test_periode_refus(clsm: Clsm, dossier: Path) -> None:
    assert refuse(
        clsm, dossier, "plan", "periode", "--debut", "2026-01-01", "--fin", "2025-12-31"
    ) == (
        "Erreur : --fin (2025-12-31) précède --debut (2026-01-01) : la période du plan doit "
        "commencer avant de finir.\n"
    )
    assert "date invalide « 2026-02-30 » : format AAAA-MM-JJ" in refuse(
        clsm, dossier, "plan", "periode", "--debut", "2026-02-30", "--fin", "2027-01-01"
    )


# --- actions ---------------------------------------------------------------------------------


AJOUT = [
    "plan", "action", "ajouter",
    "--axe", "logement",
    "--intitule", "Formation « premiers secours » en santé mentale",
    "--type", "formation_sensibilisation",
    "--statut", "en_cours",
    "--objectif", "Former 40 habitants.",
    "--public", "Habitants",
    "--public", "Gardiens",
    "--pilote", "anne-martin",
    "--partenaire", "GEM",
    "--groupe", "logement",
    "--debut", "2026-01-15",
    "--fin", "2026-12-15",
    "--budget", "2500",
    "--qpv", "Les Tilleuls",
    "--qpv", "La Gare",
]  # fmt: skip


def test_action_ajouter_toutes_options(clsm: Clsm, dossier: Path) -> None:
    r = reussit(clsm, dossier, *AJOUT)
    assert r.output == (
        "✓ Action ajoutée : « Formation « premiers secours » en santé mentale » — identifiant "
        "« formation-premiers-secours-en-sante ».\n"
    )
    actions = lire(dossier)["action"]
    assert [a["id"] for a in actions] == [
        "guide",
        "veille",
        "forum",
        "formation-premiers-secours-en-sante",
    ]
    assert actions[3] == {
        "id": "formation-premiers-secours-en-sante",
        "axe": "logement",
        "intitule": "Formation « premiers secours » en santé mentale",
        "objectif": "Former 40 habitants.",
        "type": "formation_sensibilisation",
        "publics": ["Habitants", "Gardiens"],
        "qpv": ["Les Tilleuls", "La Gare"],
        "pilote": "anne-martin",
        "partenaires": ["GEM"],
        "groupe": "logement",
        "statut": "en_cours",
        "debut": dt.date(2026, 1, 15),
        "fin": dt.date(2026, 12, 15),
        "budget": 2500,
    }
    texte = (dossier / "plan.toml").read_text(encoding="utf-8")
    # appended after the last action, the closing comment still ends the file
    assert texte.startswith(PLAN.removesuffix("\n# Fin du plan\n"))
    assert texte.endswith("budget = 2500\n\n# Fin du plan\n")
    # same title again: numeric suffix
    reussit(clsm, dossier, *AJOUT[:7], "--type", "autre")
    assert lire(dossier)["action"][4]["id"] == "formation-premiers-secours-en-sante-2"


def test_action_ajouter_qpv_sans_nom_et_json(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm, dossier, "--format", "json", "plan", "action", "ajouter", "--id", "maraude",
        "--axe", "soins", "--intitule", "Maraude", "--type", "aller_vers", "--qpv",
    )  # fmt: skip
    assert json.loads(r.stdout) == {
        "id": "maraude",
        "axe": "soins",
        "intitule": "Maraude",
        "type": "aller_vers",
        "qpv": True,
        "statut": "prevue",
    }
    assert lire(dossier)["action"][3] == json.loads(r.stdout)


def test_action_ajouter_qpv_hors_liste_averti(clsm: Clsm, demo: Path) -> None:
    r = reussit(
        clsm, demo, "plan", "action", "ajouter", "--axe", "logement", "--intitule", "Test",
        "--type", "autre", "--qpv", "La Prairie", "--qpv", "Le Centre",
    )  # fmt: skip
    assert r.stderr == (
        "Attention : le quartier « Le Centre » n'est pas dans la liste qpv de clsm.toml "
        "(clsm identite modifier).\n✓ Action ajoutée : « Test » — identifiant « test ».\n"
    )
    assert lire(demo)["action"][-1]["qpv"] == ["La Prairie", "Le Centre"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--pilote", "anne-martine"],
            "Erreur : --pilote : membre inconnu « anne-martine » (absent de membres.toml). "
            "Vouliez-vous dire « anne-martin » ?\n",
        ),
        (
            ["--groupe", "jeunes"],
            "Erreur : --groupe : groupe inconnu « jeunes » (groupes connus : logement).\n",
        ),
        (
            ["--axe", "sante"],
            "Erreur : --axe : axe inconnu « sante » (axes : soins, logement).\n",
        ),
        (
            ["--id", "guide"],
            "Erreur : --id : l'action « guide » existe déjà (voir « clsm plan action voir "
            "guide »).\n",
        ),
        (
            ["--debut", "2026-05-01", "--fin", "2026-04-30"],
            "Erreur : --fin (2026-04-30) précède --debut (2026-05-01) : une action doit "
            "commencer avant de finir.\n",
        ),
        (
            ["--qpv", ""],
            "Erreur : --qpv : nom de quartier vide.\n",
        ),
    ],
)
def test_action_ajouter_refus(clsm: Clsm, dossier: Path, options: list[str], message: str) -> None:
    base = [
        "plan",
        "action",
        "ajouter",
        "--axe",
        "soins",
        "--intitule",
        "Nouvelle",
        "--type",
        "autre",
    ]
    code = 3 if " inconnu « " in message else 2  # an unknown identifier exits 3 (README)
    assert refuse(clsm, dossier, *base, *options, code=code) == message


def test_action_ajouter_mauvais_type_et_date(clsm: Clsm, dossier: Path) -> None:
    base = ["plan", "action", "ajouter", "--axe", "soins", "--intitule", "Nouvelle"]
    erreur = refuse(clsm, dossier, *base, "--type", "formation")
    assert erreur.endswith(
        "Erreur : Valeur invalide pour « --type » : « formation » n'est pas une valeur possible. "
        "Vouliez-vous dire « formation_sensibilisation » ? Valeurs possibles : "
        "information_communication, soutien_soins_prevention, formation_sensibilisation, "
        "aller_vers, coordination, autre.\n"
    )
    erreur = refuse(clsm, dossier, *base, "--type", "autre", "--debut", "2026-02-30")
    assert erreur.endswith(
        "Erreur : Valeur invalide pour « --debut » : date invalide « 2026-02-30 » : format "
        "AAAA-MM-JJ\n"
    )
    erreur = refuse(clsm, dossier, *base, "--type", "autre", "--fin", "12/03/2026")
    assert erreur.endswith(
        "Erreur : Valeur invalide pour « --fin » : date invalide « 12/03/2026 » : format "
        "AAAA-MM-JJ\n"
    )
    erreur = refuse(clsm, dossier, *base, "--type", "autre", "--budget", "-3")
    assert "Valeur invalide pour « --budget »" in erreur


def test_action_ajouter_valeurs_manquantes(clsm: Clsm, dossier: Path, tmp_path: Path) -> None:
    from clsm_cli import creer_dossier

    vierge = creer_dossier(tmp_path / "vierge", nom="CLSM vierge", territoire="Ailleurs")
    assert refuse(
        clsm, dossier, "plan", "action", "ajouter", "--axe", "soins", "--intitule", "X"
    ) == (
        "Erreur : Valeur manquante : précisez --type — Type d'action (valeurs possibles : "
        "information_communication, soutien_soins_prevention, formation_sensibilisation, "
        "aller_vers, coordination, autre).\n"
    )
    assert refuse(clsm, dossier, "plan", "action", "ajouter", "--type", "autre") == (
        "Erreur : Valeur manquante : précisez --axe — Axe de l'action (valeurs possibles : "
        "soins, logement).\n"
    )
    vide = ["plan", "action", "ajouter", "--intitule", "X", "--type", "autre"]
    assert refuse(clsm, vierge, *vide) == (
        "Erreur : Aucun axe dans le plan : créez-en un d'abord avec « clsm plan axe ajouter "
        "--intitule … ».\n"
    )


def test_action_ajouter_invite_au_terminal(
    clsm: Clsm, dossier: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLSM_INTERACTIF", "1")
    r = clsm("-C", dossier, "plan", "action", "ajouter", input="logement\nAtelier\naller_vers\n")
    assert r.exit_code == 0, r.output
    assert lire(dossier)["action"][3] == {
        "id": "atelier",
        "axe": "logement",
        "intitule": "Atelier",
        "type": "aller_vers",
        "statut": "prevue",
    }


def test_action_modifier(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm, dossier, "plan", "action", "modifier", "guide", "--statut", "realisee",
        "--public", "Habitants", "--public", "Élus", "--effacer", "pilote", "--budget", "900",
    )  # fmt: skip
    assert r.output == "✓ Action modifiée : « Guide ressources » (guide).\n"
    guide = lire(dossier)["action"][0]
    assert guide == {
        "id": "guide",
        "axe": "soins",
        "intitule": "Guide ressources",
        "type": "information_communication",
        "publics": ["Habitants", "Élus"],
        "statut": "realisee",
        "debut": dt.date(2025, 3, 1),
        "fin": dt.date(2025, 12, 31),
        "budget": 900,
        "indicateur": [{"libelle": "Exemplaires diffusés", "cible": 500}],
        "realisation": [
            {"date": dt.date(2025, 4, 10), "libelle": "Comité de relecture", "participants": 8}
        ],
    }
    texte = (dossier / "plan.toml").read_text(encoding="utf-8")
    # new keys at their place in the field order, comments of the block kept
    assert (
        '[[action]]\nid = "guide"\naxe = "soins"\nintitule = "Guide ressources"\n'
        'type = "information_communication"\npublics = ["Habitants", "Élus"]\n'
        'statut = "realisee"\ndebut = 2025-03-01\nfin = 2025-12-31\nbudget = 900\n\n'
        "# Indicateurs suivis par le copil\n"
    ) in texte
    assert "# relu par le GEM\n\n# Action du groupe logement\n[[action]]" in texte
    r = reussit(clsm, dossier, "plan", "action", "modifier", "guide", "--statut", "realisee")
    assert r.output == "✓ Aucun changement : « guide » était déjà à jour.\n"
    reussit(
        clsm, dossier, "plan", "action", "modifier", "veille", "--effacer", "qpv", "--axe", "soins"
    )
    veille = lire(dossier)["action"][1]
    assert "qpv" not in veille and veille["axe"] == "soins"


def test_action_modifier_refus(clsm: Clsm, dossier: Path) -> None:
    assert refuse(clsm, dossier, "plan", "action", "modifier", "guide") == (
        "Erreur : Rien à modifier : indiquez au moins une option (voir « clsm plan action "
        "modifier --help »).\n"
    )
    assert refuse(
        clsm, dossier, "plan", "action", "modifier", "guid", "--statut", "prevue", code=3
    ) == (
        "Erreur : Aucune action d'identifiant « guid » dans plan.toml. Vouliez-vous dire "
        "« guide » ? (voir « clsm plan liste »)\n"
    )
    assert refuse(clsm, dossier, "plan", "action", "modifier", "guide", "--fin", "2025-01-01") == (
        "Erreur : --fin (2025-01-01) précède --debut (2025-03-01) : une action doit commencer "
        "avant de finir.\n"
    )
    assert refuse(
        clsm, dossier, "plan", "action", "modifier", "guide", "--pilote", "x-y", code=3
    ) == ("Erreur : --pilote : membre inconnu « x-y » (absent de membres.toml).\n")
    assert (
        refuse(
            clsm,
            dossier,
            "plan",
            "action",
            "modifier",
            "guide",
            "--budget",
            "5",
            "--effacer",
            "budget",
        )
        == "Erreur : --budget et --effacer budget : choisissez.\n"
    )


def test_action_voir(clsm: Clsm, dossier: Path) -> None:
    r = reussit(clsm, dossier, "--format", "json", "plan", "action", "voir", "veille")
    assert json.loads(r.stdout) == {
        "id": "veille",
        "axe": "logement",
        "intitule": "Cellule de veille logement",
        "objectif": "Repérer tôt les locataires en difficulté.\n[[action]]\n"
        "(ce crochet est dans un texte, pas un en-tête)",
        "type": "coordination",
        "qpv": ["Les Tilleuls"],
        "groupe": "logement",
        "statut": "prevue",
    }
    r = reussit(clsm, dossier, "plan", "action", "voir", "guide")
    lignes = [ligne.rstrip() for ligne in r.stdout.splitlines()]
    assert lignes[0] == "Action « Guide ressources »"
    assert " Pilote         Anne Martin (CCAS de Testville) (anne-martin)" in lignes
    assert " Indicateur 1   Exemplaires diffusés : cible 500" in lignes
    assert " Réalisation 1  10 avril 2025 — Comité de relecture — 8 participant(s)" in lignes


def test_action_retirer(clsm: Clsm, dossier: Path) -> None:
    assert refuse(clsm, dossier, "plan", "action", "retirer", "guide") == (
        "Erreur : Retirer l'action « Guide ressources » (guide) et ses 1 réalisation(s) ? — "
        "aucune réponse possible hors d'un terminal : ajoutez --oui pour confirmer.\n"
    )
    r = reussit(clsm, dossier, "plan", "action", "retirer", "veille", "--oui")
    assert r.output == "✓ Action « veille » retirée.\n"
    texte = (dossier / "plan.toml").read_text(encoding="utf-8")
    debut = PLAN.index('[[action]]\nid = "veille"')
    fin = PLAN.index('[[action]]\nid = "forum"')
    assert texte == PLAN[:debut] + PLAN[fin:]
    reussit(clsm, dossier, "plan", "action", "retirer", "forum", "--oui")
    texte = (dossier / "plan.toml").read_text(encoding="utf-8")
    assert [a["id"] for a in lire(dossier)["action"]] == ["guide"]
    assert texte.endswith("# relu par le GEM\n\n# Action du groupe logement\n\n# Fin du plan\n")


def test_action_retirer_au_terminal(
    clsm: Clsm, dossier: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLSM_INTERACTIF", "1")
    avant = instantane(dossier)
    r = clsm("-C", dossier, "plan", "action", "retirer", "forum", input="n\n")
    assert r.exit_code == 0 and "Rien n'a été retiré." in r.output
    assert instantane(dossier) == avant
    r = clsm("-C", dossier, "plan", "action", "retirer", "forum", input="y\n")
    assert r.exit_code == 0, r.output
    assert [a["id"] for a in lire(dossier)["action"]] == ["guide", "veille"]


# --- réalisations and indicators -------------------------------------------------------------


def test_realisation_ajouter(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm, dossier, "plan", "realisation", "ajouter", "guide", "--date", "2025-06-12",
        "--libelle", "Diffusion du guide", "--participants", "0", "--commentaire", "Par courrier",
    )  # fmt: skip
    assert r.output == (
        "✓ Réalisation n° 2 ajoutée à « Guide ressources » : 12 juin 2025 — Diffusion du guide.\n"
    )
    assert r.stdout == ""
    assert lire(dossier)["action"][0]["realisation"] == [
        {"date": dt.date(2025, 4, 10), "libelle": "Comité de relecture", "participants": 8},
        {
            "date": dt.date(2025, 6, 12),
            "libelle": "Diffusion du guide",
            "participants": 0,
            "commentaire": "Par courrier",
        },
    ]
    attendu = PLAN.replace(
        "# relu par le GEM\n",
        "# relu par le GEM\n\n[[action.realisation]]\ndate = 2025-06-12\n"
        'libelle = "Diffusion du guide"\nparticipants = 0\ncommentaire = "Par courrier"\n',
    )
    assert (dossier / "plan.toml").read_text(encoding="utf-8") == attendu


def test_realisation_premiere_et_derniere(clsm: Clsm, dossier: Path) -> None:
    reussit(
        clsm,
        dossier,
        "plan",
        "realisation",
        "ajouter",
        "veille",
        "--date",
        "2026-01-05",
        "--libelle",
        "Réunion",
    )
    r = reussit(
        clsm, dossier, "--format", "json", "plan", "realisation", "ajouter", "forum",
        "--date", "2026-10-10", "--libelle", "Forum 2026",
    )  # fmt: skip
    assert json.loads(r.stdout) == {
        "action": "forum",
        "numero": 2,
        "date": "2026-10-10",
        "libelle": "Forum 2026",
    }
    texte = (dossier / "plan.toml").read_text(encoding="utf-8")
    assert (
        'statut = "prevue"\n\n[[action.realisation]]\ndate = 2026-01-05\n'
        'libelle = "Réunion"\n\n[[action]]' in texte
    )
    assert texte.endswith(
        'participants = 120\n\n[[action.realisation]]\ndate = 2026-10-10\nlibelle = "Forum 2026"\n'
        "\n# Fin du plan\n"
    )


def test_realisation_hors_dates_averti(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm,
        dossier,
        "plan",
        "realisation",
        "ajouter",
        "guide",
        "--date",
        "2026-02-01",
        "--libelle",
        "Réédition",
    )
    assert r.stderr == (
        "Attention : la réalisation du 1er février 2026 tombe hors des dates de l'action "
        "(1er mars 2025 – 31 décembre 2025).\n"
        "✓ Réalisation n° 2 ajoutée à « Guide ressources » : 1er février 2026 — Réédition.\n"
    )


def test_realisation_refus(clsm: Clsm, dossier: Path) -> None:
    base = ["plan", "realisation", "ajouter"]
    assert refuse(
        clsm, dossier, *base, "inconnue", "--date", "2026-01-01", "--libelle", "x", code=3
    ) == (
        "Erreur : Aucune action d'identifiant « inconnue » dans plan.toml. (voir « clsm plan "
        "liste »)\n"
    )
    assert refuse(clsm, dossier, *base, "guide", "--libelle", "x") == (
        "Erreur : Valeur manquante : précisez --date — Date de la réalisation "
        "(AAAA-MM-JJ, AAAA-MM ou AAAA).\n"
    )
    assert refuse(clsm, dossier, *base, "guide", "--date", "2026-02-30", "--libelle", "x").endswith(
        "Erreur : Valeur invalide pour « --date » : date invalide « 2026-02-30 » : format "
        "AAAA-MM-JJ\n"
    )
    assert "Valeur invalide pour « --participants »" in refuse(
        clsm,
        dossier,
        *base,
        "guide",
        "--date",
        "2026-01-01",
        "--libelle",
        "x",
        "--participants",
        "-2",
    )


def test_indicateur_cree_puis_mis_a_jour(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm,
        dossier,
        "plan",
        "indicateur",
        "guide",
        "--libelle",
        "Structures destinataires",
        "--cible",
        "60",
        "--unite",
        "structures",
    )
    assert r.output == "✓ Indicateur « Structures destinataires » ajouté à « Guide ressources ».\n"
    r = reussit(
        clsm, dossier, "--format", "json", "plan", "indicateur", "guide",
        "--libelle", "exemplaires  DIFFUSÉS", "--realise", "420.5",
    )  # fmt: skip
    assert json.loads(r.stdout) == {
        "action": "guide",
        "cree": False,
        "libelle": "Exemplaires diffusés",
        "cible": 500,
        "realise": 420.5,
    }
    assert lire(dossier)["action"][0]["indicateur"] == [
        {"libelle": "Exemplaires diffusés", "cible": 500, "realise": 420.5},
        {"libelle": "Structures destinataires", "cible": 60, "unite": "structures"},
    ]
    texte = (dossier / "plan.toml").read_text(encoding="utf-8")
    assert (
        "# Indicateurs suivis par le copil\n[[action.indicateur]]\n"
        'libelle = "Exemplaires diffusés"\ncible = 500\nrealise = 420.5\n\n'
        '[[action.indicateur]]\nlibelle = "Structures destinataires"\ncible = 60\n'
        'unite = "structures"\n\n[[action.realisation]]\n'
    ) in texte


def test_indicateur_refus(clsm: Clsm, dossier: Path) -> None:
    assert refuse(
        clsm, dossier, "plan", "indicateur", "guide", "--libelle", "Exemplaires diffusés"
    ) == (
        "Erreur : L'indicateur « Exemplaires diffusés » existe déjà : précisez --cible, "
        "--realise ou --unite pour le mettre à jour.\n"
    )
    assert refuse(clsm, dossier, "plan", "indicateur", "guide", "--cible", "3") == (
        "Erreur : Valeur manquante : précisez --libelle — Libellé de l'indicateur.\n"
    )


# --- demo folder -----------------------------------------------------------------------------


def test_demo_realisation_et_verifier(clsm: Clsm, demo: Path) -> None:
    avant = lire(demo)
    dernier = avant["action"][-1]["id"]
    for action in (avant["action"][0]["id"], dernier):
        reussit(
            clsm,
            demo,
            "plan",
            "realisation",
            "ajouter",
            action,
            "--date",
            "2026-11-20",
            "--libelle",
            "Bilan",
        )
    apres = lire(demo)
    for i in (0, -1):
        assert apres["action"][i]["realisation"][-1] == {
            "date": dt.date(2026, 11, 20),
            "libelle": "Bilan",
        }
        assert apres["action"][i]["realisation"][:-1] == avant["action"][i].get("realisation", [])
    assert apres["action"][1:-1] == avant["action"][1:-1]
    r = clsm("-C", demo, "verifier")
    assert r.exit_code == 0, r.output


# --- block editing (library) -----------------------------------------------------------------


def _entier(texte: str, changer: plan_lib.Changement, indice: int | None) -> str:
    """Reference result: the same change made on the whole tomlkit document."""
    import tomlkit

    doc = tomlkit.parse(texte)
    resultat = changer(doc, indice)
    return tomlkit.dumps(doc) if resultat is None else resultat


def _changements() -> list[
    tuple[str, str, Callable[[dict[str, Any]], int | None], plan_lib.Changement]
]:
    from clsm_cli.stockage.ecriture import (
        ajouter_enregistrement,
        modifier_champs,
        supprimer_enregistrement,
    )

    def realisation(doc: Any, k: int | None) -> None:
        ajouter_enregistrement(
            doc["action"][k], "realisation", {"date": dt.date(2026, 1, 2), "libelle": "R"}
        )

    def indicateur(doc: Any, k: int | None) -> None:
        ajouter_enregistrement(doc["action"][k], "indicateur", {"libelle": "I", "cible": 3})

    def statut(doc: Any, k: int | None) -> None:
        modifier_champs(
            doc["action"][k], {"statut": "abandonnee", "budget": 10}, plan_lib.CHAMPS_ACTION
        )

    def retrait(doc: Any, k: int | None) -> str:
        assert k is not None
        return supprimer_enregistrement(doc, "action", k)

    def nouvelle(doc: Any, k: int | None) -> None:
        ajouter_enregistrement(
            doc, "action", {"id": "n", "axe": "soins", "intitule": "N", "type": "autre"}
        )

    def periode(doc: Any, k: int | None) -> None:
        modifier_champs(doc["periode"], {"fin": dt.date(2030, 1, 1)}, ["debut", "fin"])

    cas: list[tuple[str, str, Callable[[dict[str, Any]], int | None], plan_lib.Changement]] = []
    for i in range(3):
        for nom, f in (
            ("realisation", realisation),
            ("indicateur", indicateur),
            ("statut", statut),
            ("retrait", retrait),
        ):
            cas.append((f"{nom}-{i}", "action", lambda d, i=i: i, f))
    cas.append(("nouvelle", "action", lambda d: len(d["action"]) - 1, nouvelle))
    cas.append(("periode", "periode", lambda d: None, periode))
    return cas


@pytest.mark.parametrize("cas", _changements(), ids=lambda c: c[0])
def test_bloc_identique_au_document_entier(cas: Any) -> None:
    _, table, localiser, changer = cas
    avant = tomllib.loads(PLAN)
    indice = localiser(avant)
    par_bloc = plan_lib.modifier_bloc(PLAN, avant, table, indice, changer)
    assert par_bloc is not None
    entier = _entier(PLAN, changer, indice)
    assert tomllib.loads(par_bloc) == tomllib.loads(entier)
    # same lines, comments in the same places (tomlkit alone sometimes drops a blank line)
    assert [x for x in par_bloc.splitlines() if x] == [x for x in entier.splitlines() if x]


def test_bloc_refuse_une_disposition_inhabituelle() -> None:
    """A sub-table written after another table still belongs to the last action: the block
    of that action does not hold it, so the splice is refused (whole-document fallback)."""
    texte = PLAN.replace(
        "# Fin du plan\n",
        '[[axe]]\nid = "x"\nintitule = "X"\n\n[[action.realisation]]\ndate = 2026-01-01\n'
        'libelle = "Tard"\n',
    )
    avant = tomllib.loads(texte)
    assert avant["action"][2]["realisation"][-1]["libelle"] == "Tard"
    assert plan_lib.etendue(texte, "action", 2) is not None

    def changer(doc: Any, k: int | None) -> None:
        doc["action"][k]["statut"] = "abandonnee"

    assert plan_lib.modifier_bloc(texte, avant, "action", 2, changer) is None


def test_disposition_inhabituelle_par_la_commande(clsm: Clsm, dossier: Path) -> None:
    texte = PLAN.replace(
        "# Fin du plan\n",
        '[[axe]]\nid = "x"\nintitule = "X"\n\n[[action.realisation]]\ndate = 2026-01-01\n'
        'libelle = "Tard"\n',
    )
    (dossier / "plan.toml").write_text(texte, encoding="utf-8")
    reussit(
        clsm,
        dossier,
        "plan",
        "realisation",
        "ajouter",
        "forum",
        "--date",
        "2026-02-01",
        "--libelle",
        "Après",
    )
    assert [r["libelle"] for r in lire(dossier)["action"][2]["realisation"]] == [
        "Forum",
        "Tard",
        "Après",
    ]


def test_etendue_ignore_les_crochets_des_textes() -> None:
    debut, fin = plan_lib.etendue(PLAN, "action", 1) or (0, 0)
    assert PLAN[debut:fin].startswith('[[action]]\nid = "veille"')
    assert PLAN[debut:fin].endswith('statut = "prevue"\n\n')


def test_le_bloc_est_bien_utilise(
    clsm: Clsm, dossier: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command takes the fast path (no whole-document parse) on an ordinary plan."""
    resultats: list[str | None] = []
    original = plan_lib.modifier_bloc

    def espion(*args: Any, **kwargs: Any) -> str | None:
        resultats.append(original(*args, **kwargs))
        return resultats[-1]

    monkeypatch.setattr(plan_lib, "modifier_bloc", espion)
    reussit(
        clsm,
        dossier,
        "plan",
        "realisation",
        "ajouter",
        "veille",
        "--date",
        "2026-01-05",
        "--libelle",
        "R",
    )
    reussit(clsm, dossier, "plan", "indicateur", "veille", "--libelle", "I", "--cible", "2")
    reussit(clsm, dossier, "plan", "action", "modifier", "veille", "--statut", "en_cours")
    assert len(resultats) == 3 and all(r is not None for r in resultats)


def test_la_validation_du_dossier_reste_le_filet(
    clsm: Clsm, dossier: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the option checks, the Edition still refuses a dangling reference: nothing
    is written, the problem is located in the new text."""
    monkeypatch.setattr(plan_lib, "verifier_membre", lambda projet, ident, option: ident)
    args = ["plan", "action", "modifier", "forum", "--pilote", "personne"]
    assert refuse(clsm, dossier, *args, code=1) == (
        "Erreur : Modification refusée, rien n'a été écrit. Problème(s) détecté(s) :\n"
        "  plan.toml:61: pilote: membre inconnu « personne » (absent de membres.toml) (E201)\n"
    )


# --- issue 12: imprecise dates, editing réalisations and indicators by number ---------------


def test_realisation_date_annee_ou_mois(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm,
        dossier,
        "plan",
        "realisation",
        "ajouter",
        "forum",
        "--date",
        "2020",
        "--libelle",
        "Premier forum",
    )
    assert (
        r.output == "✓ Réalisation n° 2 ajoutée à « Forum santé mentale » : 2020 — Premier forum.\n"
    )
    r = reussit(
        clsm,
        dossier,
        "--format",
        "json",
        "plan",
        "realisation",
        "ajouter",
        "forum",
        "--date",
        "2021-06",
        "--libelle",
        "Deuxième forum",
    )
    assert json.loads(r.stdout) == {
        "action": "forum",
        "numero": 3,
        "date": "2021-06",
        "libelle": "Deuxième forum",
    }
    texte = (dossier / "plan.toml").read_text(encoding="utf-8")
    assert 'date = "2020"\nlibelle = "Premier forum"' in texte
    assert 'date = "2021-06"\nlibelle = "Deuxième forum"' in texte
    r = reussit(clsm, dossier, "plan", "action", "voir", "forum")
    lignes = [ligne.rstrip() for ligne in r.stdout.splitlines()]
    assert " Réalisation 2  2020 — Premier forum" in lignes
    assert " Réalisation 3  juin 2021 — Deuxième forum" in lignes
    erreur = refuse(
        clsm,
        dossier,
        "plan",
        "realisation",
        "ajouter",
        "forum",
        "--date",
        "2021-13",
        "--libelle",
        "x",
    )
    assert erreur.endswith(
        "\nErreur : Valeur invalide pour « --date » : date invalide « 2021-13 » : mois inconnu\n"
    )
    for annee_zero in ("0000", "0000-06"):  # no year 0: a clear refusal, never a crash
        erreur = refuse(clsm, dossier, "plan", "realisation", "ajouter", "forum", "--date",
                        annee_zero, "--libelle", "x")  # fmt: skip
        assert erreur.endswith(f"date invalide « {annee_zero} » : année 0000\n")


def test_realisation_modifier_et_retirer(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm,
        dossier,
        "plan",
        "realisation",
        "modifier",
        "guide",
        "1",
        "--date",
        "2025-04",
        "--effacer",
        "participants",
    )
    assert r.output == (
        "✓ Réalisation n° 1 de « guide » modifié(e) : « Comité de relecture » (en avril 2025).\n"
    )
    texte = (dossier / "plan.toml").read_text(encoding="utf-8")
    assert (
        '[[action.realisation]]\ndate = "2025-04"\nlibelle = "Comité de relecture"\n'
        "# relu par le GEM\n" in texte
    )
    assert "# Action du groupe logement" in texte
    assert refuse(
        clsm,
        dossier,
        "plan",
        "realisation",
        "modifier",
        "guide",
        "2",
        "--libelle",
        "x",
        code=Introuvable.code_sortie,
    ) == (
        "Erreur : Réalisation n° 2 inconnu(e) pour l'action « guide » (1 à 1 ; voir "
        "« clsm plan action voir guide »).\n"
    )
    r = reussit(clsm, dossier, "plan", "realisation", "retirer", "forum", "1", "--oui")
    assert r.output == (
        "✓ La réalisation n° 1 de « forum » retiré(e) : « Forum » (le 10 octobre 2025) "
        "(les suivant(e)s sont renuméroté(e)s).\n"
    )
    assert "realisation" not in lire(dossier)["action"][2]
    assert lire(dossier)["action"][0]["realisation"][0]["libelle"] == "Comité de relecture"


def test_indicateur_par_annee_modifier_retirer(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm,
        dossier,
        "plan",
        "indicateur",
        "guide",
        "--libelle",
        "Exemplaires diffusés",
        "--annee",
        "2024",
        "--realise",
        "120",
    )
    assert r.output == (
        "✓ Indicateur « Exemplaires diffusés » (2024) ajouté à « Guide ressources ».\n"
    )
    r = reussit(
        clsm,
        dossier,
        "plan",
        "indicateur",
        "definir",
        "guide",
        "--libelle",
        "exemplaires diffusés",
        "--annee",
        "2024",
        "--cible",
        "300",
    )
    assert r.output == (
        "✓ Indicateur « Exemplaires diffusés » (2024) mis à jour dans « Guide ressources ».\n"
    )
    assert lire(dossier)["action"][0]["indicateur"] == [
        {"libelle": "Exemplaires diffusés", "cible": 500},
        {"libelle": "Exemplaires diffusés", "annee": 2024, "realise": 120, "cible": 300},
    ]
    assert refuse(
        clsm, dossier, "plan", "indicateur", "modifier", "guide", "1", "--annee", "2024"
    ) == (
        "Erreur : L'action « guide » a déjà l'indicateur « Exemplaires diffusés » pour 2024 "
        "(n° 2).\n"
    )
    r = reussit(
        clsm,
        dossier,
        "plan",
        "indicateur",
        "modifier",
        "guide",
        "1",
        "--annee",
        "2025",
        "--realise",
        "410",
    )
    assert r.output == (
        "✓ Indicateur n° 1 de « guide » modifié(e) : « Exemplaires diffusés » (2025).\n"
    )
    r = reussit(clsm, dossier, "plan", "indicateur", "retirer", "guide", "2", "--oui")
    assert r.output == (
        "✓ L'indicateur n° 2 de « guide » retiré(e) : « Exemplaires diffusés » (2024) "
        "(les suivant(e)s sont renuméroté(e)s).\n"
    )
    texte = (dossier / "plan.toml").read_text(encoding="utf-8")
    assert (
        "# Indicateurs suivis par le copil\n[[action.indicateur]]\nlibelle = "
        '"Exemplaires diffusés"\nannee = 2025\ncible = 500\nrealise = 410\n'
    ) in texte
    r = reussit(clsm, dossier, "plan", "action", "voir", "guide")
    assert " Indicateur 1   Exemplaires diffusés (2025) : réalisé 410 / cible 500" in [
        ligne.rstrip() for ligne in r.stdout.splitlines()
    ]
