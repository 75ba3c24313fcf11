"""``clsm cellule``: situations, séances, statistiques, purge — read back from the TOML files.

Tests run on 2026-11-26 (CLSM_AUJOURDHUI, conftest).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
import subprocess
import sys
import tomllib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from clsm_cli.cli import cli
from clsm_cli.modeles import Situation

from ..droits import assert_dossier_prive
from ..instantane import instantane

ENTETE = 'version_schema = "1.0"\n'
MEMBRES = (
    ENTETE
    + """
[[membre]]
id = "as-ccas"
structure = "CCAS de Testville"
fonction = "Assistante sociale"
college = "social_medico_social"

[[membre]]
id = "ide-cmp"
structure = "CMP de Testville"
fonction = "Infirmier"
college = "psychiatrie"
"""
)
AJOUT = [
    "--date-saisine",
    "2026-03-02",
    "--origine",
    "CCAS",
    "--tranche-age",
    "40_59",
    "--commune",
    "Testville",
    "--qpv",
    "--problematique",
    "logement",
    "--problematique",
    "isolement",
    "--consentement",
    "ecrit",
    "--date-consentement",
    "2026-02-27",
    "--referent",
    "as-ccas",
]


def lire(chemin: Path) -> dict[str, Any]:
    return tomllib.loads(chemin.read_text(encoding="utf-8"))


def valeur_toml(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dt.date | int):
        return str(v)
    if isinstance(v, list):
        return "[" + ", ".join(valeur_toml(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k} = {valeur_toml(x)}" for k, x in v.items()) + "}"
    return json.dumps(v, ensure_ascii=False)


def situation_toml(code: str, **champs: Any) -> str:
    """One ``[[situation]]`` block, keys in the model's order."""
    valeurs: dict[str, Any] = {
        "code": code,
        "date_saisine": dt.date(int(code[2:6]), 1, 15),
        "tranche_age": "25_39",
        "commune": "Testville",
        "problematiques": ["logement"],
        "referent": "as-ccas",
        **champs,
    }
    ordre = list(Situation.model_fields)
    lignes = [f"{k} = {valeur_toml(valeurs[k])}" for k in sorted(valeurs, key=ordre.index)]
    return "\n[[situation]]\n" + "\n".join(lignes) + "\n"


def ecrire(dossier: Path, chemin: str, texte: str) -> None:
    cible = dossier / chemin
    cible.parent.mkdir(parents=True, exist_ok=True)
    cible.write_text(texte, encoding="utf-8")
    if chemin.startswith("cellule/"):
        cible.chmod(0o600)


@pytest.fixture
def dossier(projet: Path) -> Path:
    """An empty folder with two members (the referents of the situations)."""
    ecrire(projet, "membres.toml", MEMBRES)
    return projet


@pytest.fixture
def cellule(clsm: Callable[..., Result], dossier: Path) -> Callable[..., Result]:
    return lambda *args, **kw: clsm("-C", dossier, "cellule", *args, **kw)


# --- situation ajouter ---------------------------------------------------------------------


def test_ajouter_situation(dossier: Path, cellule: Callable[..., Result]) -> None:
    r = cellule("situation", "ajouter", *AJOUT)
    assert (r.exit_code, r.stdout, r.stderr) == (
        0,
        "",
        "✓ Situation S-2026-001 enregistrée (cellule/situations.toml).\n",
    )
    situations = lire(dossier / "cellule/situations.toml")["situation"]
    assert situations == [
        {
            "code": "S-2026-001",
            "date_saisine": dt.date(2026, 3, 2),
            "origine": "CCAS",
            "tranche_age": "40_59",
            "commune": "Testville",
            "qpv": True,
            "problematiques": ["logement", "isolement"],
            "consentement": {
                "recueilli": True,
                "date": dt.date(2026, 2, 27),
                "forme": "ecrit",
            },
            "referent": "as-ccas",
            "statut": "ouverte",
        }
    ]
    # the header comments written by init are still there
    texte = (dossier / "cellule/situations.toml").read_text(encoding="utf-8")
    assert texte.startswith("#:schema ../.clsm/schemas/situations.schema.json\n# Cellule")
    r = cellule("situation", "ajouter", *AJOUT)
    assert r.output == "✓ Situation S-2026-002 enregistrée (cellule/situations.toml).\n"
    assert [s["code"] for s in lire(dossier / "cellule/situations.toml")["situation"]] == [
        "S-2026-001",
        "S-2026-002",
    ]


def test_ajouter_situation_droits(dossier: Path, cellule: Callable[..., Result]) -> None:
    (dossier / "cellule/situations.toml").chmod(0o644)
    (dossier / "cellule").chmod(0o755)
    assert cellule("situation", "ajouter", *AJOUT).exit_code == 0
    assert stat.S_IMODE((dossier / "cellule/situations.toml").stat().st_mode) == 0o600
    assert_dossier_prive(dossier / "cellule", avant=0o755)


def test_ajouter_sans_consentement_avertit_et_json(
    dossier: Path, clsm: Callable[..., Result]
) -> None:
    options = AJOUT[: AJOUT.index("--consentement")] + AJOUT[AJOUT.index("--referent") :]
    r = clsm("-C", dossier, "--format", "json", "cellule", "situation", "ajouter", *options)
    assert r.exit_code == 0
    assert json.loads(r.stdout) == {"code": "S-2026-001", "fichier": "cellule/situations.toml"}
    assert r.stderr == (
        "Attention : consentement de la personne non renseigné : ajoutez-le avec « clsm "
        "cellule situation modifier S-2026-001 --consentement ecrit|oral ».\n"
    )
    assert "consentement" not in lire(dossier / "cellule/situations.toml")["situation"][0]


def test_code_par_annee_de_saisine_et_jamais_reutilise(
    dossier: Path, cellule: Callable[..., Result]
) -> None:
    ecrire(
        dossier,
        "cellule/archives.toml",
        ENTETE + 'codes_utilises = ["S-2026-001", "S-2026-007"]\n',
    )
    ecrire(dossier, "cellule/situations.toml", ENTETE + situation_toml("S-2026-003"))
    r = cellule("situation", "ajouter", *AJOUT)
    assert r.output == "✓ Situation S-2026-008 enregistrée (cellule/situations.toml).\n"
    options = list(AJOUT)
    options[1] = "2025-12-30"
    options[options.index("--date-consentement") + 1] = "2025-12-29"
    r = cellule("situation", "ajouter", *options)
    assert r.output == "✓ Situation S-2025-001 enregistrée (cellule/situations.toml).\n"


def test_ajouter_date_par_defaut_aujourdhui(dossier: Path, cellule: Callable[..., Result]) -> None:
    options = AJOUT[2:]
    assert cellule("situation", "ajouter", *options).exit_code == 0
    s = lire(dossier / "cellule/situations.toml")["situation"][0]
    assert (s["code"], s["date_saisine"].isoformat()) == ("S-2026-001", "2026-11-26")


def test_ajouter_option_manquante(dossier: Path, cellule: Callable[..., Result]) -> None:
    avant = instantane(dossier)
    sans_origine = AJOUT[:2] + AJOUT[4:]
    r = cellule("situation", "ajouter", *sans_origine)
    assert r.exit_code == 2
    assert r.stderr == (
        "Erreur : Valeur manquante : précisez --origine — Origine de la saisine (valeurs "
        "possibles : CCAS, bailleur social, psychiatrie de secteur, médecin généraliste, "
        "police/gendarmerie, famille/entourage, mandataire judiciaire, service social "
        "départemental, éducation nationale, élu/mairie, autre).\n"
    )
    sans_tranche = AJOUT[:4] + AJOUT[6:]
    r = cellule("situation", "ajouter", *sans_tranche)
    assert r.stderr == (
        "Erreur : Valeur manquante : précisez --tranche-age — Tranche d'âge (valeurs possibles "
        ": moins_18, 18_24, 25_39, 40_59, 60_74, 75_plus, inconnue).\n"
    )
    assert instantane(dossier) == avant


def test_ajouter_referent_inconnu_et_vocabulaire(
    dossier: Path, cellule: Callable[..., Result]
) -> None:
    avant = instantane(dossier)
    options = [*AJOUT[:-1], "inconnu"]
    r = cellule("situation", "ajouter", *options)
    assert (r.exit_code, r.stderr) == (3, "Erreur : Aucun membre d'identifiant « inconnu ».\n")
    r = cellule("situation", "ajouter", *AJOUT, "--problematique", "astrologie")
    assert r.exit_code == 2
    assert "« astrologie » n'est pas une valeur possible" in r.stderr
    r = cellule("situation", "ajouter", *AJOUT[2:], "--date-saisine", "2026-02-30")
    assert r.exit_code == 2
    assert "date invalide « 2026-02-30 » : format AAAA-MM-JJ" in r.stderr
    assert instantane(dossier) == avant


@pytest.mark.parametrize(
    ("option", "valeur", "nature", "conseil"),
    [
        (
            "--origine",
            "Jean Dupont, voisin",
            "un nom de personne (prénom et nom)",
            "Écrivez un rôle plutôt qu'un nom : « le médecin traitant », « l'assistante "
            "sociale du CCAS ».",
        ),
        (
            "--commune",
            "12 rue des Lilas",
            "une adresse postale",
            "Indiquez la commune ou le quartier, jamais le numéro ni la rue.",
        ),
        (
            "--origine",
            "CMP, tél. 06 12 34 56 78",
            "un numéro de téléphone",
            "Désignez qui joindre par son rôle (« le référent du CMP ») ; les coordonnées "
            "restent chez les professionnels qui suivent la personne.",
        ),
        (
            "--origine",
            "ccas@testville.fr",
            "une adresse électronique",
            "Désignez qui joindre par son rôle (« l'assistante sociale du CCAS ») ; les "
            "adresses électroniques n'ont pas leur place dans la cellule.",
        ),
    ],
)
def test_ajouter_refuse_les_donnees_personnelles(
    dossier: Path,
    cellule: Callable[..., Result],
    option: str,
    valeur: str,
    nature: str,
    conseil: str,
) -> None:
    avant = instantane(dossier)
    options = list(AJOUT)
    if option in options:
        options[options.index(option) + 1] = valeur
    r = cellule("situation", "ajouter", *options)
    assert r.exit_code == 2
    assert r.stderr == (
        f"Erreur : Refusé : le champ « {option[2:]} » semble contenir {nature}, ce qui est "
        f"interdit dans la cellule de cas complexes (secret professionnel). {conseil} Rien "
        "n'a été écrit.\n"
    )
    assert valeur not in r.stderr + r.stdout
    assert instantane(dossier) == avant


# --- situation modifier / clore ----------------------------------------------------------

SITUATIONS_COMMENTEES = (
    "# Situations suivies par la cellule\n"
    + ENTETE
    + "\n# première saisine de l'année\n"
    + situation_toml("S-2026-001", origine="bailleur social")
    .strip("\n")
    .replace('origine = "bailleur social"', 'origine = "bailleur social"  # via le gardien')
    + "\n\n# à revoir en mai\n"
    + situation_toml("S-2026-002").strip("\n")
    + "\n"
)


def test_modifier_garde_les_commentaires(dossier: Path, cellule: Callable[..., Result]) -> None:
    ecrire(dossier, "cellule/situations.toml", SITUATIONS_COMMENTEES)
    r = cellule(
        "situation",
        "modifier",
        "S-2026-001",
        "--statut",
        "suivie",
        "--tranche-age",
        "60_74",
        "--consentement",
        "oral",
        "--problematique",
        "soins",
        "--hors-qpv",
    )
    assert (r.exit_code, r.output) == (0, "✓ Situation S-2026-001 modifiée.\n")
    texte = (dossier / "cellule/situations.toml").read_text(encoding="utf-8")
    assert texte == (
        "# Situations suivies par la cellule\n" + ENTETE + "\n# première saisine de l'année\n"
        "[[situation]]\n"
        'code = "S-2026-001"\n'
        "date_saisine = 2026-01-15\n"
        'origine = "bailleur social"  # via le gardien\n'
        'tranche_age = "60_74"\n'
        'commune = "Testville"\n'
        "qpv = false\n"
        'problematiques = ["soins"]\n'
        'consentement = {recueilli = true, forme = "oral"}\n'
        'referent = "as-ccas"\n'
        'statut = "suivie"\n'
        "\n# à revoir en mai\n" + situation_toml("S-2026-002").strip("\n") + "\n"
    )


def test_modifier_consentement_garde_ce_qui_n_est_pas_precise(
    dossier: Path, cellule: Callable[..., Result]
) -> None:
    ecrire(
        dossier,
        "cellule/situations.toml",
        ENTETE
        + situation_toml(
            "S-2026-001",
            consentement={"recueilli": True, "date": dt.date(2026, 1, 10), "forme": "ecrit"},
        ),
    )
    assert cellule("situation", "modifier", "S-2026-001", "--consentement", "oral").exit_code == 0
    s = lire(dossier / "cellule/situations.toml")["situation"][0]
    assert s["consentement"] == {"recueilli": True, "date": dt.date(2026, 1, 10), "forme": "oral"}
    r = cellule("situation", "modifier", "S-2026-001", "--date-consentement", "2026-01-12")
    assert r.exit_code == 0
    s = lire(dossier / "cellule/situations.toml")["situation"][0]
    assert s["consentement"] == {"recueilli": True, "date": dt.date(2026, 1, 12), "forme": "oral"}


def test_modifier_refus(dossier: Path, cellule: Callable[..., Result]) -> None:
    ecrire(dossier, "cellule/situations.toml", SITUATIONS_COMMENTEES)
    avant = instantane(dossier)
    r = cellule("situation", "modifier", "S-2026-099", "--statut", "suivie")
    assert (r.exit_code, r.stderr) == (3, "Erreur : Aucune situation de code « S-2026-099 ».\n")
    r = cellule("situation", "modifier", "S-2026-001")
    assert (r.exit_code, r.stderr) == (
        2,
        "Erreur : Rien à modifier : précisez au moins une option (voir --help).\n",
    )
    r = cellule("situation", "modifier", "S-2026-001", "--referent", "personne")
    assert (r.exit_code, r.stderr) == (3, "Erreur : Aucun membre d'identifiant « personne ».\n")
    r = cellule("situation", "modifier", "S-2026-001", "--date-consentement", "2026-01-10")
    assert (r.exit_code, r.stderr) == (
        2,
        "Erreur : --date-consentement va avec --consentement ecrit|oral.\n",
    )
    assert instantane(dossier) == avant


@pytest.mark.parametrize(
    ("issue", "nature"),
    [
        ("Rappeler la sœur au 06 12 34 56 78", "un numéro de téléphone"),
        ("Orientée vers Jean Dupont", "un nom de personne (prénom et nom)"),
        ("Relogée au 4 avenue Victor Hugo", "une adresse postale"),
        ("NIR 2 84 05 75 056 117 93 transmis", "un numéro de sécurité sociale (NIR)"),
        ("Née le 12/03/1985, suivie au CMP", "une date de naissance"),
    ],
)
def test_nouvel_utilisateur_issue_refusee_puis_signalee(
    dossier: Path,
    cellule: Callable[..., Result],
    clsm: Callable[..., Result],
    issue: str,
    nature: str,
) -> None:
    """Trying as a new user would: personal data in ``issue`` is refused by the command, and
    reported by ``verifier`` when typed into the file by hand — never echoed."""
    ecrire(dossier, "cellule/situations.toml", ENTETE + situation_toml("S-2026-001"))
    avant = instantane(dossier)
    r = cellule("situation", "modifier", "S-2026-001", "--issue", issue)
    assert r.exit_code == 2
    assert r.stderr.startswith(
        f"Erreur : Refusé : le champ « issue » semble contenir {nature}, ce qui est interdit"
    )
    assert issue not in r.stderr
    assert instantane(dossier) == avant
    r = cellule("situation", "clore", "S-2026-001", "--issue", issue)
    assert r.exit_code == 2
    assert instantane(dossier) == avant

    ecrire(
        dossier,
        "cellule/situations.toml",
        ENTETE + situation_toml("S-2026-001", issue=issue),
    )
    r = clsm("-C", dossier, "verifier")
    assert r.exit_code == 1
    premiere = r.stdout.splitlines()[0]
    assert premiere.startswith(
        f"cellule/situations.toml:10: issue: {nature} semble figurer ici, ce qui est interdit "
        "dans la cellule ; "
    )
    assert premiere.endswith("(E401)")
    assert issue not in r.stdout


def test_verifier_nouvel_utilisateur_message_exact(
    dossier: Path, clsm: Callable[..., Result]
) -> None:
    ecrire(
        dossier,
        "cellule/situations.toml",
        ENTETE + situation_toml("S-2026-001", issue="Voir avec Jean Dupont au 06 12 34 56 78"),
    )
    r = clsm("-C", dossier, "verifier")
    assert r.stdout.splitlines() == [
        "cellule/situations.toml:10: issue: un nom de personne (prénom et nom) semble figurer "
        "ici, ce qui est interdit dans la cellule ; écrivez un rôle plutôt qu'un nom : « le "
        "médecin traitant », « l'assistante sociale du CCAS » (E401)",
        "cellule/situations.toml:10: issue: un numéro de téléphone semble figurer ici, ce qui "
        "est interdit dans la cellule ; désignez qui joindre par son rôle (« le référent du "
        "CMP ») ; les coordonnées restent chez les professionnels qui suivent la personne (E401)",
        "2 erreur(s), 0 avertissement(s).",
    ]


def test_clore(dossier: Path, cellule: Callable[..., Result]) -> None:
    ecrire(dossier, "cellule/situations.toml", SITUATIONS_COMMENTEES)
    r = cellule(
        "situation",
        "clore",
        "S-2026-002",
        "--issue",
        "Suivi repris par le CMP",
        "--date",
        "2026-06-30",
    )
    assert (r.exit_code, r.output) == (0, "✓ Situation S-2026-002 close.\n")
    s = lire(dossier / "cellule/situations.toml")["situation"][1]
    assert (s["statut"], s["date_cloture"].isoformat(), s["issue"]) == (
        "close",
        "2026-06-30",
        "Suivi repris par le CMP",
    )
    r = cellule("situation", "clore", "S-2026-001", "--issue", "Relogement")
    assert r.exit_code == 0
    s = lire(dossier / "cellule/situations.toml")["situation"][0]
    assert s["date_cloture"].isoformat() == "2026-11-26"


def test_clore_refus(dossier: Path, cellule: Callable[..., Result]) -> None:
    ecrire(dossier, "cellule/situations.toml", SITUATIONS_COMMENTEES)
    avant = instantane(dossier)
    r = cellule("situation", "clore", "S-2026-001", "--issue", "x", "--date", "2025-12-31")
    assert (r.exit_code, r.stderr) == (
        2,
        "Erreur : La date de clôture (2025-12-31) précède la saisine de S-2026-001 (2026-01-15).\n",
    )
    r = cellule("situation", "clore", "S-2026-001")
    assert (r.exit_code, r.stderr) == (
        2,
        "Erreur : Valeur manquante : précisez --issue — Issue de la situation.\n",
    )
    assert instantane(dossier) == avant


# --- situation liste -----------------------------------------------------------------------

LISTE = (
    ENTETE
    + situation_toml(
        "S-2025-004",
        origine='=HYPERLINK("http://x")',
        statut="close",
        date_cloture=dt.date(2025, 6, 30),
        issue="-1+2 orientation CMP",
        consentement={"recueilli": True, "forme": "oral", "date": dt.date(2025, 1, 10)},
    )
    + situation_toml("S-2026-001", commune="Auteuil\u0007", qpv=True)
)


MESSAGE_TERMINAL = (
    "Erreur : Les situations brutes ne s'affichent qu'à l'écran d'un terminal (ni JSON, ni CSV, "
    "ni redirection vers un fichier ou un programme). Pour des chiffres à diffuser : clsm "
    "cellule statistiques ; pour un fichier brut, assumé : --export-brut FICHIER.\n"
)


@pytest.mark.parametrize("format_", ["json", "csv", "table"])
def test_liste_brute_refusee_hors_terminal(
    dossier: Path, clsm: Callable[..., Result], format_: str
) -> None:
    """json and csv are refused even at a terminal; a table only at a terminal (CliRunner's
    stdout is a pipe)."""
    ecrire(dossier, "cellule/situations.toml", LISTE)
    r = clsm("-C", dossier, "--format", format_, "cellule", "situation", "liste")
    assert (r.exit_code, r.stdout, r.stderr) == (2, "", MESSAGE_TERMINAL)


def test_liste_json_refusee_meme_au_terminal(
    dossier: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLSM_TERMINAL", "1")
    ecrire(dossier, "cellule/situations.toml", LISTE)
    r = clsm("-C", dossier, "--format", "json", "cellule", "situation", "liste")
    assert (r.exit_code, r.stdout, r.stderr) == (2, "", MESSAGE_TERMINAL)


def test_liste_export_brut(dossier: Path, clsm: Callable[..., Result], tmp_path: Path) -> None:
    ecrire(dossier, "cellule/situations.toml", LISTE)
    cible = tmp_path / "brut.csv"
    r = clsm("-C", dossier, "cellule", "situation", "liste", "--export-brut", cible)
    assert r.exit_code == 0
    assert r.stderr.splitlines()[-1] == f"✓ 2 situation(s) écrite(s) dans {cible} (mode 0600)."
    assert " ".join(r.stderr.split()) == (
        f"Attention : {cible} contient les situations brutes de la cellule (secret "
        "professionnel) : gardez-le pour vous, supprimez-le après usage. "
        f"✓ 2 situation(s) écrite(s) dans {cible} (mode 0600)."
    )
    assert cible.read_bytes().decode("utf-8") == (
        "Code,Saisine,Statut,Origine,Âge,Commune,QPV,Problématiques,Consentement,Référent,"
        "Clôture,Issue,Précision\r\n"
        'S-2025-004,2025-01-15,close,"\'=HYPERLINK(""http://x"")",25_39,Testville,non,'
        "logement,oral 2025-01-10,as-ccas,2025-06-30,'-1+2 orientation CMP,\r\n"
        "S-2026-001,2026-01-15,ouverte,,25_39,Auteuil\u0007,oui,logement,,as-ccas,,,\r\n"
    )
    if os.name == "posix":
        assert stat.S_IMODE(cible.stat().st_mode) == 0o600
        # an existing file wider open is narrowed to 0600 when rewritten
        cible.chmod(0o644)
        clsm("-C", dossier, "cellule", "situation", "liste", "--export-brut", cible)
        assert stat.S_IMODE(cible.stat().st_mode) == 0o600


def test_liste_table(
    dossier: Path, cellule: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLSM_TERMINAL", "1")
    assert cellule("situation", "liste").output == "Aucune situation.\n"
    ecrire(dossier, "cellule/situations.toml", LISTE)
    lignes = cellule("situation", "liste").stdout.splitlines()
    assert lignes[0] == "Situations de la cellule (confidentiel)"
    assert lignes[2].split("┃")[1:-1] == [
        " Code       ",
        " Saisine    ",
        " Statut  ",
        " Âge   ",
        " Commune   ",
        " Problématiques ",
    ]
    assert lignes[4].split("│")[1:-1] == [
        " S-2025-004 ",
        " 2025-01-15 ",
        " close   ",
        " 25_39 ",
        " Testville ",
        " logement       ",
    ]


# --- séances -------------------------------------------------------------------------------


def test_seance_ajouter(dossier: Path, cellule: Callable[..., Result]) -> None:
    ecrire(dossier, "cellule/situations.toml", LISTE)
    r = cellule(
        "seance",
        "ajouter",
        "--date",
        "2026-02-09",
        "--present",
        "as-ccas",
        "--present",
        "ide-cmp",
        "--situation",
        "S-2026-001:Soins",
        "--situation",
        "S-2025-004",
    )
    assert (r.exit_code, r.output) == (
        0,
        "✓ Séance du 2026-02-09 enregistrée (cellule/seances/2026-02-09.toml).\n",
    )
    chemin = dossier / "cellule/seances/2026-02-09.toml"
    assert chemin.read_text(encoding="utf-8") == (
        "#:schema ../../.clsm/schemas/seance.schema.json\n"
        "# Séance de la cellule de cas complexes — CONFIDENTIEL (secret professionnel).\n"
        "# Les situations n'y sont désignées que par leur code (S-AAAA-NNN).\n"
        'version_schema = "1.0"\n'
        "\n"
        "date = 2026-02-09\n"
        'presents = ["as-ccas", "ide-cmp"]\n'
        "\n"
        "[[examen]]\n"
        'code = "S-2026-001"\n'
        'orientation = "soins"\n'
        "\n"
        "[[examen]]\n"
        'code = "S-2025-004"\n'
    )
    if os.name == "posix":
        assert stat.S_IMODE(chemin.stat().st_mode) == 0o600
        assert_dossier_prive(chemin.parent)


@pytest.mark.parametrize(
    ("options", "code", "message"),
    [
        (["--situation", "S-2026-009"], 3, "Aucune situation de code « S-2026-009 »."),
        (["--present", "inconnu"], 3, "Aucun membre d'identifiant « inconnu »."),
        (
            ["--date", "2026-01-05", "--situation", "S-2026-001"],
            2,
            "La séance du 2026-01-05 précède la saisine de S-2026-001 (2026-01-15).",
        ),
        (
            ["--situation", "S-2026-001", "--situation", "S-2026-001:veille"],
            2,
            "Situation citée deux fois : S-2026-001.",
        ),
        (
            ["--situation", "S-2026-001:CMP"],
            2,
            "« orientation » : valeur hors de la liste fermée (soins, logement/hébergement, "
            "protection juridique, accompagnement social, veille, clôture, autre). Ajoutez une "
            "catégorie dans clsm.toml ([cellule] orientations) ; un détail libre va dans "
            "--precision, qui ne sort jamais de la cellule.",
        ),
        (
            ["--date", "2026-03-01"],
            2,
            "Une séance du 2026-03-01 existe déjà (cellule/seances/2026-03-01.toml).",
        ),
        (
            ["--situation", "S-2026-001:voir avec M. Durand"],
            2,
            "Refusé : le champ « orientation » semble contenir un nom de personne (prénom et "
            "nom), ce qui est interdit dans la cellule de cas complexes (secret professionnel). "
            "Écrivez un rôle plutôt qu'un nom : « le médecin traitant », « l'assistante sociale "
            "du CCAS ». Rien n'a été écrit.",
        ),
    ],
)
def test_seance_refus(
    dossier: Path, cellule: Callable[..., Result], options: list[str], code: int, message: str
) -> None:
    ecrire(dossier, "cellule/situations.toml", LISTE)
    ecrire(dossier, "cellule/seances/2026-03-01.toml", ENTETE + "date = 2026-03-01\n")
    avant = instantane(dossier)
    if "--date" not in options:
        options = ["--date", "2026-02-09", *options]
    r = cellule("seance", "ajouter", *options)
    assert (r.exit_code, r.stderr) == (code, f"Erreur : {message}\n")
    assert instantane(dossier) == avant


def test_seance_date_manquante(dossier: Path, cellule: Callable[..., Result]) -> None:
    r = cellule("seance", "ajouter", "--present", "as-ccas")
    assert (r.exit_code, r.stderr) == (
        2,
        "Erreur : Valeur manquante : précisez --date — Date de la séance (AAAA-MM-JJ).\n",
    )


# --- statistiques --------------------------------------------------------------------------


def dossier_statistiques(dossier: Path) -> None:
    """2025: 14 situations opened (12 in a QPV), 11 closed, 12 séances, 14 examens."""
    blocs = []
    for i in range(1, 15):
        champs: dict[str, Any] = {
            "date_saisine": dt.date(2025, (i % 6) + 1, (i % 9) + 1),
            "tranche_age": "25_39" if i <= 12 else "75_plus",
            "commune": "Testville" if i <= 13 else "Hameau",
            "qpv": i <= 12,
            "origine": "CCAS" if i % 2 else "bailleur social",
            "problematiques": ["logement", "soins"] if i <= 11 else ["addictions"],
        }
        if i <= 11:
            champs["statut"] = "close"
            champs["date_cloture"] = dt.date(2025, 12, 15) if i <= 10 else dt.date(2026, 1, 20)
        blocs.append(situation_toml(f"S-2025-{i:03d}", **champs))
    ecrire(dossier, "cellule/situations.toml", ENTETE + "".join(blocs))
    for j in range(12):
        examens = "".join(
            f'\n[[examen]]\ncode = "S-2025-{i:03d}"\norientation = "soins"\n'
            for i in (1, 2)
            if j < 7
        )
        ecrire(
            dossier,
            f"cellule/seances/2025-{j + 1:02d}-20.toml",
            ENTETE + f"date = 2025-{j + 1:02d}-20\n" + examens,
        )


M = "masqué"
STATISTIQUES_2025 = {
    "annee": 2025,
    "seuil_masquage": 11,
    "situations_ouvertes": 14,
    "situations_closes": M,
    "situations_examinees": M,
    "seances": 12,
    "examens": 14,
    # 0 is masked like 1 to 10: a zero beside a masked count would tell it is at least 1
    "problematiques": {
        "logement": 11,
        "soins": 11,
        "isolement": M,
        "troubles_voisinage": M,
        "addictions": M,
        "precarite": M,
        "protection": M,
        "parentalite": M,
        "autre": M,
    },
    # every category of the closed list, whatever the data
    "origines": {
        "CCAS": M,
        "bailleur social": M,
        "psychiatrie de secteur": M,
        "médecin généraliste": M,
        "police/gendarmerie": M,
        "famille/entourage": M,
        "mandataire judiciaire": M,
        "service social départemental": M,
        "éducation nationale": M,
        "élu/mairie": M,
        "autre": M,
        "Non précisée": M,
    },
    "tranches_age": {
        "moins_18": M,
        "18_24": M,
        "25_39": 12,
        "40_59": M,
        "60_74": M,
        "75_plus": M,
        "inconnue": M,
    },
    # « Hameau » is not in the folder's list (the territoire, no communes yet): « autre »
    "communes": {"Testville": 13, "autre": M, "Non précisée": M},
    # 2 outside a QPV is masked alone in its line: 12 goes too (secondary suppression)
    "qpv": {"oui": M, "non": M},
    "orientations": {
        "soins": 14,
        "logement/hébergement": M,
        "protection juridique": M,
        "accompagnement social": M,
        "veille": M,
        "clôture": M,
        "autre": M,
        "Non précisée": M,
    },
    "delais": {"moins_1_mois": M, "1_3_mois": M, "3_6_mois": M, "plus_6_mois": M},
    "archives_incluses": False,
}


def test_statistiques_json(dossier: Path, cellule: Callable[..., Result]) -> None:
    dossier_statistiques(dossier)
    r = cellule("statistiques", "2025", "--format", "json")
    assert r.exit_code == 0
    assert json.loads(r.stdout) == STATISTIQUES_2025
    # no count between 1 and 10 ever leaves the cellule
    valeurs = [v for v in _feuilles(json.loads(r.stdout)) if isinstance(v, int)]
    assert not [v for v in valeurs if 1 <= v <= 10 and v not in (2025, 11)]


def _feuilles(d: Any) -> list[Any]:
    if isinstance(d, dict):
        return [
            x for k, v in d.items() if k not in ("annee", "seuil_masquage") for x in _feuilles(v)
        ]
    return [d]


def test_statistiques_csv_et_table(
    dossier: Path, cellule: Callable[..., Result], clsm: Callable[..., Result]
) -> None:
    dossier_statistiques(dossier)
    r = clsm("-C", dossier, "--format", "csv", "cellule", "statistiques", "2025")
    lignes = r.stdout.splitlines()
    assert lignes[:3] == [
        "\ufeffRubrique,Catégorie,Effectif",
        "Indicateur,Situations ouvertes (saisines de l'année),14",
        "Indicateur,Situations closes,masqué",
    ]
    assert "Délai de traitement (situations closes),Plus de 6 mois,masqué" in lignes
    assert len(lignes) == 1 + 5 + 9 + 12 + 7 + 3 + 2 + 8 + 4
    r = cellule("statistiques", "2025")
    assert r.stdout.splitlines()[0] == (
        "Cellule de cas complexes — statistiques 2025 (effectifs de 0 à 10 masqués, et ceux "
        "qui permettraient de les retrouver)"
    )
    assert "│ Situations ouvertes (saisines de l'année) │ 14       │" in r.stdout
    assert "│ 3 à 6 mois      │ masqué   │\n│ Plus de 6 mois  │ masqué   │" in r.stdout


def test_statistiques_annee_par_defaut_et_seuil(
    dossier: Path, cellule: Callable[..., Result], clsm: Callable[..., Result]
) -> None:
    dossier_statistiques(dossier)
    clsm_toml = dossier / "clsm.toml"
    clsm_toml.write_text(
        clsm_toml.read_text(encoding="utf-8").replace("seuil_masquage = 11", "seuil_masquage = 5"),
        encoding="utf-8",
    )
    # a threshold below 11 is refused by verifier, and never used
    r = clsm("-C", dossier, "verifier")
    assert r.exit_code == 1
    assert "clsm.toml:" in r.stdout
    assert (
        "cellule.seuil_masquage: le seuil de masquage doit être d'au moins 11 (pratique des "
        "données de santé) : les statistiques utilisent 11 (E410)"
    ) in r.stdout
    d = json.loads(cellule("statistiques", "--format", "json").stdout)
    assert (d["annee"], d["seuil_masquage"], d["situations_ouvertes"]) == (2026, 11, "masqué")
    d = json.loads(cellule("statistiques", "2025", "--format", "json").stdout)
    assert d == STATISTIQUES_2025
    clsm_toml.write_text(
        clsm_toml.read_text(encoding="utf-8").replace("seuil_masquage = 5", "seuil_masquage = 15"),
        encoding="utf-8",
    )
    d = json.loads(cellule("statistiques", "2025", "--format", "json").stdout)
    assert (d["seuil_masquage"], d["situations_ouvertes"], d["problematiques"]["soins"]) == (
        15,
        "masqué",
        "masqué",
    )


# --- purge ---------------------------------------------------------------------------------


def dossier_purge(dossier: Path) -> None:
    """S-2023-001 closed 2023-06 (due), S-2023-002 open, no activity since 2024-01 (due),
    S-2024-001 closed 2025-01 (not due on 2026-11-26), S-2026-001 open."""
    ecrire(
        dossier,
        "cellule/situations.toml",
        ENTETE
        + "\n# dossiers 2023\n"
        + situation_toml(
            "S-2023-001",
            date_saisine=dt.date(2023, 2, 1),
            statut="close",
            date_cloture=dt.date(2023, 6, 15),
            origine="CCAS",
            problematiques=["logement", "soins"],
            qpv=True,
        ).strip("\n")
        + "\n"
        + situation_toml("S-2023-002", date_saisine=dt.date(2023, 11, 20), origine="CMP")
        + situation_toml(
            "S-2024-001",
            date_saisine=dt.date(2024, 1, 5),
            statut="close",
            date_cloture=dt.date(2025, 1, 10),
        )
        + situation_toml("S-2026-001", date_saisine=dt.date(2026, 2, 1)),
    )
    ecrire(
        dossier,
        "cellule/seances/2023-03-10.toml",
        ENTETE + 'date = 2023-03-10\npresents = ["as-ccas"]\n\n[[examen]]\ncode = "S-2023-001"\n'
        'orientation = "CMP"\n',
    )
    ecrire(
        dossier,
        "cellule/seances/2024-01-12.toml",
        ENTETE + 'date = 2024-01-12\npresents = ["ide-cmp"]\n\n'
        '[[examen]]\ncode = "S-2023-002"\norientation = "Équipe mobile"\n\n'
        "# suivi\n"
        '[[examen]]\ncode = "S-2024-001"\n',
    )


def test_verifier_signale_les_situations_a_purger(
    dossier: Path, clsm: Callable[..., Result]
) -> None:
    dossier_purge(dossier)
    r = clsm("-C", dossier, "verifier")
    hors_liste = (
        "texte hors de la liste fermée des {} : il compte comme « autre » dans les "
        "statistiques ; classez-le avec « clsm cellule migrer » (W310)"
    )
    assert (r.exit_code, r.stdout) == (
        0,
        f"cellule/seances/2023-03-10.toml:7: orientation: {hors_liste.format('orientations')}\n"
        f"cellule/seances/2024-01-12.toml:7: orientation: {hors_liste.format('orientations')}\n"
        "cellule/situations.toml: 2 situation(s) dépassent la durée de conservation : lancez "
        "« clsm cellule purger » (W302)\n"
        f"cellule/situations.toml:19: origine: {hors_liste.format('origines')}\n"
        "0 erreur(s), 4 avertissement(s).\n",
    )
    assert "CMP" not in r.stdout and "mobile" not in r.stdout  # the text is never echoed


def test_purger_liste_et_demande(dossier: Path, clsm: Callable[..., Result]) -> None:
    dossier_purge(dossier)
    avant = instantane(dossier)
    r = clsm("-C", dossier, "--format", "json", "cellule", "purger")
    assert r.exit_code == 2
    assert json.loads(r.stdout) == [
        {
            "code": "S-2023-001",
            "date_saisine": "2023-02-01",
            "date_cloture": "2023-06-15",
            "derniere_activite": "2023-06-15",
        },
        {
            "code": "S-2023-002",
            "date_saisine": "2023-11-20",
            "date_cloture": None,
            "derniere_activite": "2024-01-12",
        },
    ]
    assert r.stderr == (
        "Erreur : Supprimer définitivement ces 2 situation(s) et leurs mentions dans les "
        "séances ? — aucune réponse possible hors d'un terminal : ajoutez --oui pour "
        "confirmer.\n"
    )
    assert instantane(dossier) == avant


def test_purger_refus_interactif(
    dossier: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    dossier_purge(dossier)
    avant = instantane(dossier)
    monkeypatch.setenv("CLSM_INTERACTIF", "1")
    r = clsm("-C", dossier, "cellule", "purger", input="n\n")
    assert r.exit_code == 0
    assert r.output.endswith(
        "Supprimer définitivement ces 2 situation(s) et leurs mentions dans les séances ? "
        "[o/N] : n\nPurge annulée : rien n'a été modifié.\n"
    )
    assert "│ S-2023-002 │ 2023-11-20 │            │ 2024-01-12        │" in r.stdout
    assert instantane(dossier) == avant


def test_purger(dossier: Path, clsm: Callable[..., Result]) -> None:
    from clsm_cli import Projet
    from clsm_cli.cellule.statistiques import comptes, statistiques

    dossier_purge(dossier)
    projet = Projet.ouvrir(dossier)
    avant = {a: (comptes(projet, a), statistiques(projet, a)) for a in range(2022, 2027)}

    r = clsm("-C", dossier, "cellule", "purger", "--oui")
    assert r.exit_code == 0
    assert r.output.splitlines()[-1] == (
        "✓ 2 situation(s) purgée(s) ; leurs décomptes anonymes sont conservés dans "
        "cellule/archives.toml."
    )
    situations = lire(dossier / "cellule/situations.toml")["situation"]
    assert [s["code"] for s in situations] == ["S-2024-001", "S-2026-001"]
    assert (dossier / "cellule/situations.toml").read_text(encoding="utf-8").count(
        "# dossiers 2023"
    ) == 1
    # a séance left without examen keeps its date and presents
    assert lire(dossier / "cellule/seances/2023-03-10.toml") == {
        "version_schema": "1.0",
        "date": dt.date(2023, 3, 10),
        "presents": ["as-ccas"],
    }
    assert lire(dossier / "cellule/seances/2024-01-12.toml")["examen"] == [{"code": "S-2024-001"}]
    archives = (dossier / "cellule/archives.toml").read_text(encoding="utf-8")
    assert archives == (
        "#:schema ../.clsm/schemas/archives.schema.json\n"
        "# Décomptes anonymes, par année, des situations purgées (clsm cellule purger) : ils\n"
        "# s'ajoutent à ceux des fichiers pour que les bilans passés gardent leurs chiffres.\n"
        "# codes_utilises : codes des situations purgées, jamais réattribués.\n"
        'version_schema = "1.0"\n'
        'codes_utilises = ["S-2023-001", "S-2023-002"]\n'
        "\n"
        "[[annee]]\n"
        "annee = 2023\n"
        "situations_ouvertes = 2\n"
        "situations_closes = 1\n"
        "situations_examinees = 1\n"
        "seances = 0\n"
        "examens = 1\n"
        "qpv = 1\n"
        "problematiques = {logement = 2, soins = 1}\n"
        # free texts of an old folder (« CMP ») are never carried: counted as « autre »
        "origines = {CCAS = 1, autre = 1}\n"
        "tranches_age = {25_39 = 2}\n"
        "communes = {Testville = 2}\n"
        "orientations = {autre = 1}\n"
        "delais = {3_6_mois = 1}\n"
        "\n"
        "[[annee]]\n"
        "annee = 2024\n"
        "situations_ouvertes = 0\n"
        "situations_closes = 0\n"
        "situations_examinees = 1\n"
        "seances = 0\n"
        "examens = 1\n"
        "qpv = 0\n"
        "problematiques = {}\n"
        "orientations = {autre = 1}\n"
    )
    if os.name == "posix":
        assert stat.S_IMODE((dossier / "cellule/archives.toml").stat().st_mode) == 0o600
    projet = Projet.ouvrir(dossier)
    for annee, (c, s) in avant.items():
        assert comptes(projet, annee) == c
        assert {
            k: v for k, v in statistiques(projet, annee).items() if k != "archives_incluses"
        } == {k: v for k, v in s.items() if k != "archives_incluses"}
    r = clsm("-C", dossier, "verifier")
    assert (r.exit_code, r.output) == (0, "✓ Aucun problème.\n")
    r = clsm("-C", dossier, "cellule", "purger", "--oui")
    assert (r.exit_code, r.output) == (0, "Aucune situation à purger.\n")
    # a purged code is never given again
    r = clsm(
        "-C", dossier, "cellule", "situation", "ajouter", *AJOUT[2:], "--date-saisine", "2023-12-01"
    )
    assert r.output == "✓ Situation S-2023-003 enregistrée (cellule/situations.toml).\n"


def test_purger_deux_fois_cumule(dossier: Path, clsm: Callable[..., Result]) -> None:
    from clsm_cli import Projet
    from clsm_cli.cellule.statistiques import comptes

    dossier_purge(dossier)
    projet = Projet.ouvrir(dossier)
    avant = {a: comptes(projet, a) for a in range(2022, 2027)}
    r = clsm("-C", dossier, "cellule", "purger", "--oui", "--avant", "2025-12-01")
    assert r.exit_code == 0
    assert lire(dossier / "cellule/archives.toml")["codes_utilises"] == ["S-2023-001"]
    r = clsm("-C", dossier, "cellule", "purger", "--oui", "--avant", "2027-02-11")
    assert r.exit_code == 0
    archives = lire(dossier / "cellule/archives.toml")
    assert archives["codes_utilises"] == ["S-2023-001", "S-2023-002", "S-2024-001"]
    assert [a["annee"] for a in archives["annee"]] == [2023, 2024, 2025]
    assert archives["annee"][0]["situations_ouvertes"] == 2
    projet = Projet.ouvrir(dossier)
    assert {a: comptes(projet, a) for a in range(2022, 2027)} == avant
    assert [s.code for s in projet.situations] == ["S-2026-001"]


def test_purger_demo_garde_les_chiffres(demo: Path, clsm: Callable[..., Result]) -> None:
    """The demo purged as if it were 2030: every year's statistics stay the same."""
    from clsm_cli import Projet
    from clsm_cli.cellule.statistiques import statistiques

    annees = range(2024, 2028)
    projet = Projet.ouvrir(demo)
    avant = {a: statistiques(projet, a) for a in annees}
    bilans = {a: replace(projet.bilan(a).cellule, archives=False) for a in annees}
    r = clsm("-C", demo, "cellule", "purger", "--oui", "--avant", "2030-01-01")
    assert r.exit_code == 0
    projet = Projet.ouvrir(demo)
    assert projet.situations == []
    for a in annees:
        apres = statistiques(projet, a)
        assert apres.pop("archives_incluses") is (a in (2025, 2026))
        avant[a].pop("archives_incluses")
        assert apres == avant[a]
        assert replace(projet.bilan(a).cellule, archives=False) == bilans[a]
    assert clsm("-C", demo, "verifier").output == "✓ Aucun problème.\n"


# --- command line --------------------------------------------------------------------------


def test_vocabulaires_des_options() -> None:
    from clsm_cli.cli import cellule as commande
    from clsm_cli.modeles import Problematique, StatutSituation, TrancheAge

    assert [p.value for p in Problematique] == commande.PROBLEMATIQUES
    assert [t.value for t in TrancheAge] == commande.TRANCHES_AGE
    assert [s.value for s in StatutSituation] == commande.STATUTS


def test_aide(runner: CliRunner) -> None:
    r = runner.invoke(cli, ["cellule", "--help"])
    assert r.exit_code == 0
    commandes = r.stdout.split("Commandes:")[-1] if "Commandes:" in r.stdout else r.stdout
    for nom in ("purger", "seance", "situation", "statistiques"):
        assert nom in commandes
    r = runner.invoke(cli, ["cellule", "situation", "--help"])
    for nom in ("ajouter", "clore", "liste", "modifier"):
        assert nom in r.stdout


def test_module_de_commande_leger() -> None:
    code = (
        "import sys, clsm_cli.cli.cellule; "
        "print(sorted(m for m in ('pydantic', 'tomlkit', 'rich') if m in sys.modules))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout == "[]\n"


# --- closed lists and migration (issue 11) ---------------------------------------------------

ANCIEN = (
    ENTETE
    + "\n# situations saisies avant les listes fermées\n"
    + situation_toml("S-2025-001", origine="assistante sociale du CCAS", commune="Hameau")
    + situation_toml("S-2025-002", origine="Assistante sociale du CCAS", precision="déjà là")
    + situation_toml("S-2025-003", origine="bailleur social")
)
ANCIENNE_SEANCE = (
    ENTETE + "date = 2025-03-10\n\n[[examen]]\n"
    'code = "S-2025-001"\norientation = "Orientation vers le CMP"  # décidé en séance\n'
)
ANCIENNES_ARCHIVES = (
    ENTETE + "\n[[annee]]\nannee = 2023\nsituations_ouvertes = 3\n"
    'origines = {CCAS = 1, "assistante sociale du CCAS" = 2}\n'
)


def dossier_ancien(dossier: Path) -> None:
    ecrire(dossier, "cellule/situations.toml", ANCIEN)
    ecrire(dossier, "cellule/seances/2025-03-10.toml", ANCIENNE_SEANCE)
    ecrire(dossier, "cellule/archives.toml", ANCIENNES_ARCHIVES)


def test_verifier_signale_les_textes_hors_liste_sans_les_repeter(
    dossier: Path, clsm: Callable[..., Result]
) -> None:
    dossier_ancien(dossier)
    r = clsm("-C", dossier, "--format", "json", "verifier")
    w310 = [
        (p["fichier"], p["ligne"], p["champ"]) for p in json.loads(r.stdout) if p["code"] == "W310"
    ]
    assert w310 == [
        ("cellule/archives.toml", 6, "origines"),  # the key itself is never echoed
        ("cellule/seances/2025-03-10.toml", 6, "orientation"),
        ("cellule/situations.toml", 8, "origine"),
        ("cellule/situations.toml", 10, "commune"),
        ("cellule/situations.toml", 17, "origine"),
    ]
    assert "Hameau" not in r.stdout and "Orientation vers" not in r.stdout


def test_migrer_refuse_sans_correspondance_hors_terminal(
    dossier: Path, cellule: Callable[..., Result]
) -> None:
    dossier_ancien(dossier)
    avant = instantane(dossier)
    r = cellule("migrer")
    assert r.exit_code == 2
    assert " ".join(r.stderr.split()) == (
        "Erreur : Textes sans catégorie : donnez-en une avec --vers TEXTE=CATEGORIE ou "
        "--correspondances FICHIER, ou lancez la commande dans un terminal. commune : « Hameau » "
        "(catégories : Testville, autre) ; orientation : « Orientation vers le CMP » "
        "(catégories : soins, logement/hébergement, protection juridique, accompagnement "
        "social, veille, clôture, autre) ; origine : « Assistante sociale du CCAS », "
        "« assistante sociale du CCAS » "
        "(catégories : CCAS, bailleur social, psychiatrie de secteur, médecin généraliste, "
        "police/gendarmerie, famille/entourage, mandataire judiciaire, service social "
        "départemental, éducation nationale, élu/mairie, autre)."
    )
    r = cellule("migrer", "--vers", "Hameau=Lune")
    assert r.exit_code == 2
    assert "« Lune » n'est pas une catégorie de « commune » (Testville, autre)." in r.stderr
    assert instantane(dossier) == avant


def test_migrer_essai_puis_pour_de_vrai(
    dossier: Path, cellule: Callable[..., Result], clsm: Callable[..., Result], tmp_path: Path
) -> None:
    dossier_ancien(dossier)
    avant = instantane(dossier)
    fichier = tmp_path / "correspondances.txt"
    fichier.write_text(
        "# une correspondance par ligne\nassistante sociale du ccas=CCAS\n\n"
        "Orientation vers le CMP=Soins\n",
        encoding="utf-8",
    )
    options = ["--correspondances", fichier, "--vers", "Hameau=autre"]
    r = (
        cellule("--format", "json", "migrer", "--essai", *options)
        if False
        else clsm("-C", dossier, "--format", "json", "cellule", "migrer", "--essai", *options)
    )
    assert r.exit_code == 0
    assert [(x["Fichier"], x["Champ"], x["Catégorie"]) for x in json.loads(r.stdout)] == [
        ("cellule/situations.toml", "origine", "CCAS"),
        ("cellule/situations.toml", "commune", "autre"),
        ("cellule/situations.toml", "origine", "CCAS"),
        ("cellule/seances/2025-03-10.toml", "orientation", "soins"),
        ("cellule/archives.toml", "origine", "CCAS"),
    ]
    assert "Essai : 5 texte(s) seraient classés ; rien n'a été écrit." in r.stderr
    assert instantane(dossier) == avant
    r = cellule("migrer", *options)
    assert r.exit_code == 0
    assert r.stderr.splitlines()[-1] == "✓ 5 texte(s) classé(s) dans les listes fermées."
    situations = lire(dossier / "cellule/situations.toml")["situation"]
    assert [(s["origine"], s["commune"], s.get("precision")) for s in situations] == [
        ("CCAS", "autre", "assistante sociale du CCAS"),
        ("CCAS", "Testville", "déjà là ; Assistante sociale du CCAS"),
        ("bailleur social", "Testville", None),
    ]
    texte = (dossier / "cellule/situations.toml").read_text(encoding="utf-8")
    assert "# situations saisies avant les listes fermées" in texte
    seance = (dossier / "cellule/seances/2025-03-10.toml").read_text(encoding="utf-8")
    assert 'orientation = "soins"  # décidé en séance\n' in seance
    assert lire(dossier / "cellule/seances/2025-03-10.toml")["examen"][0]["precision"] == (
        "Orientation vers le CMP"
    )
    assert lire(dossier / "cellule/archives.toml")["annee"][0]["origines"] == {"CCAS": 3}
    r = clsm("-C", dossier, "verifier")
    assert (r.exit_code, r.output) == (0, "✓ Aucun problème.\n")
    assert cellule("migrer").stdout == (
        "Rien à classer : tous les textes sont dans les listes fermées.\n"
    )


def test_migrer_interactif(
    dossier: Path, cellule: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """At a terminal: the closest category is proposed; o accepts, a number chooses, n leaves
    the text as it is."""
    dossier_ancien(dossier)
    monkeypatch.setenv("CLSM_INTERACTIF", "1")
    r = cellule("migrer", input="o\nn\n1\n")
    assert r.exit_code == 0, r.output
    assert "commune : « Hameau »" in r.stdout
    assert "Catégorie proposée : « CCAS »" in r.stdout
    situations = lire(dossier / "cellule/situations.toml")["situation"]
    assert [(s["origine"], s["commune"]) for s in situations] == [
        ("CCAS", "Hameau"),
        ("CCAS", "Testville"),
        ("bailleur social", "Testville"),
    ]
    assert lire(dossier / "cellule/seances/2025-03-10.toml")["examen"][0]["orientation"] == (
        "soins"
    )


def test_categories_ajoutees_dans_clsm_toml(
    dossier: Path, cellule: Callable[..., Result], clsm: Callable[..., Result]
) -> None:
    clsm_toml = dossier / "clsm.toml"
    texte = clsm_toml.read_text(encoding="utf-8")
    clsm_toml.write_text(
        texte.replace(
            "seuil_masquage = 11",
            'seuil_masquage = 11\norigines = ["CSAPA", "Jean Dupont"]\ncommunes = ["Hameau"]',
        ),
        encoding="utf-8",
    )
    r = clsm("-C", dossier, "verifier")
    assert r.exit_code == 1
    assert r.stdout.startswith("clsm.toml:10: cellule.origines: un nom de personne")
    assert "(E401)" in r.stdout and "Dupont" not in r.stdout
    # another file edited: the folder is verified again, the label's finding comes from the
    # cache of clsm.toml; once the label is gone, so is the finding
    with (dossier / "membres.toml").open("a", encoding="utf-8") as f:
        f.write("# relu\n")
    assert clsm("-C", dossier, "verifier").stdout == r.stdout
    texte = clsm_toml.read_text(encoding="utf-8")
    clsm_toml.write_text(texte.replace('"CSAPA", "Jean Dupont"', '"CSAPA"'), encoding="utf-8")
    r = clsm("-C", dossier, "verifier")
    assert "E401" not in r.stdout, r.stdout
    r = cellule("situation", "ajouter", *AJOUT[:2], "--origine", "csapa", "--commune", "hameau",
                *AJOUT[4:6], *AJOUT[9:11], "--referent", "as-ccas")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    s = lire(dossier / "cellule/situations.toml")["situation"][0]
    assert (s["origine"], s["commune"]) == ("CSAPA", "Hameau")  # the list's spelling


def test_precision_reste_dans_la_cellule(dossier: Path, cellule: Callable[..., Result]) -> None:
    r = cellule("situation", "ajouter", *AJOUT, "--precision", "signalée par la gardienne")
    assert r.exit_code == 0, r.stderr
    assert lire(dossier / "cellule/situations.toml")["situation"][0]["precision"] == (
        "signalée par la gardienne"
    )
    r = cellule("situation", "ajouter", *AJOUT[:2], "--origine", "assistante sociale",
                *AJOUT[4:])  # fmt: skip
    assert r.exit_code == 2
    assert "« origine » : valeur hors de la liste fermée (CCAS, bailleur social," in r.stderr


# --- no other door ---------------------------------------------------------------------------


def test_verifier_cellule_suivie_par_git(
    dossier: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    ecrire(dossier, "cellule/situations.toml", ENTETE + situation_toml("S-2026-001"))
    if shutil.which("git") is None:
        pytest.fail("git est nécessaire à ce test")
    # not a repository yet: no warning
    r = clsm("-C", dossier, "--format", "json", "verifier")
    assert "W311" not in r.stdout
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    subprocess.run(["git", "init", "-q"], cwd=dossier, check=True, env=env)
    subprocess.run(
        ["git", "add", "-f", "cellule/situations.toml"], cwd=dossier, check=True, env=env
    )
    r = clsm("-C", dossier, "verifier")
    assert (
        "cellule/: 1 fichier(s) de la cellule sont suivis par git et partiraient avec le dépôt : "
        "retirez-les (git rm -r --cached cellule) et ajoutez « cellule/ » au .gitignore (W311)"
    ) in r.stdout
    # another file edited: the folder is verified again, git's answer comes from the cache
    # until its index changes
    import clsm_cli.noyau.verification as V

    appels: list[object] = []
    vrai = V.fichiers_suivis_par_git
    monkeypatch.setattr(V, "fichiers_suivis_par_git", lambda r: appels.append(r) or vrai(r))
    with (dossier / "membres.toml").open("a", encoding="utf-8") as f:
        f.write("# relu\n")
    assert "(W311)" in clsm("-C", dossier, "verifier").stdout and appels == []
    subprocess.run(["git", "rm", "-q", "--cached", "-r", "cellule"], cwd=dossier, check=True)
    assert "W311" not in clsm("-C", dossier, "verifier").stdout and len(appels) == 1
    # without git on the machine: no warning, no error
    monkeypatch.setattr(shutil, "which", lambda _: None)
    r = clsm("-C", dossier, "--format", "json", "verifier")
    assert "W311" not in r.stdout


def test_systeme_sans_droits_reserves(
    dossier: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Where 0700/0600 cannot be set (Windows), one warning with advice, when the folder is
    created; verifier, which can neither set nor read them there, does not repeat it."""
    ecrire(dossier, "cellule/situations.toml", ENTETE)
    monkeypatch.setattr(os, "name", "nt-simule")
    r = clsm("-C", dossier, "--format", "json", "verifier")
    assert [p for p in json.loads(r.stdout) if p["code"] == "W301"] == []
    r = clsm("init", tmp_path / "nouveau")
    assert r.exit_code == 0
    assert (
        " ".join(r.stderr.split()).count("placez le dossier du CLSM dans un dossier chiffré") == 1
    )


# --- done means: a marker written in every free text never leaves --------------------------

MARQUEUR = "Zq7Marqueur"


def _marquer(demo: Path) -> None:
    """The marker in every free-text field of the cellule, in comments and an archive key."""
    import tomlkit

    chemin = demo / "cellule/situations.toml"
    doc = tomlkit.parse(chemin.read_text(encoding="utf-8"))
    for s in doc["situation"]:
        for champ in ("origine", "commune", "issue", "precision"):
            s[champ] = f"{MARQUEUR} {s.get(champ, '')}"
    doc["situation"][0].comment(MARQUEUR)
    chemin.write_text(f"# {MARQUEUR}\n" + tomlkit.dumps(doc), encoding="utf-8")
    for seance in (demo / "cellule/seances").glob("*.toml"):
        doc = tomlkit.parse(seance.read_text(encoding="utf-8"))
        for e in doc.get("examen", []):
            e["orientation"] = f"{MARQUEUR} {e.get('orientation', '')}"
            e["precision"] = f"{MARQUEUR} {e.get('precision', '')}"
            e["actions"] = [f"{MARQUEUR} {a}" for a in e.get("actions", [])] or [MARQUEUR]
        seance.write_text(tomlkit.dumps(doc) + f"# {MARQUEUR}\n", encoding="utf-8")
    ecrire(
        demo,
        "cellule/archives.toml",
        ENTETE + f"\n# {MARQUEUR}\n[[annee]]\nannee = 2024\nsituations_ouvertes = 2\n"
        "examens = 1\n"
        f'origines = {{"{MARQUEUR}" = 2}}\norientations = {{"{MARQUEUR} CMP" = 1}}\n',
    )


def _contient(chemin: Path) -> bool:
    import zipfile

    if zipfile.is_zipfile(chemin):
        with zipfile.ZipFile(chemin) as z:
            return any(MARQUEUR.encode() in z.read(n) for n in z.namelist())
    return MARQUEUR.encode() in chemin.read_bytes()


def test_marqueur_ne_sort_jamais(
    demo: Path, clsm: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _marquer(demo)
    sorties: list[str] = []

    def lancer(*args: object) -> Result:
        r = clsm("-C", demo, *args)
        sorties.append(r.output)
        return r

    autre = tmp_path / "autre"
    shutil.copytree(demo, autre)
    for annee in ("2024", "2025", "2026"):
        assert lancer("bilan", annee).exit_code == 0
        lancer("bilan", annee, "--format", "json")
        for format_ in ("json", "csv", "table"):
            lancer("--format", format_, "cellule", "statistiques", annee)
            lancer("--format", format_, "etat", "--annee", annee)
    lancer("convention")
    lancer("agenda")
    for format_ in ("json", "csv", "table"):
        lancer("--format", format_, "verifier")
        lancer("--format", format_, "cellule", "purger")
    for avec in ([demo], [demo, autre]):
        r = clsm("--format", "json", "national", *avec, "-o", demo / "exports" / "national.xlsx")
        sorties.append(r.output)
        sorties.append(clsm("--format", "json", "national", *avec).output)
    fichiers = [p for p in (demo / "exports").rglob("*") if p.is_file()]
    assert {p.suffix for p in fichiers} >= {".docx", ".xlsx", ".ics"}
    assert [p.name for p in fichiers if _contient(p)] == []
    assert [s for s in sorties if MARQUEUR in s] == []
    assert len(sorties) == 3 * 8 + 2 + 3 * 2 + 4
    assert "(W310)" in lancer("verifier").output  # the marked texts were read, and not echoed
    assert MARQUEUR not in sorties[-1]
    # the cellule's own terminal view shows its texts (that is what it is for)
    monkeypatch.setenv("CLSM_TERMINAL", "1")
    assert cellule_liste_contient(clsm, demo)


def cellule_liste_contient(clsm: Callable[..., Result], demo: Path) -> bool:
    r = clsm("-C", demo, "cellule", "situation", "liste")
    return r.exit_code == 0 and MARQUEUR in r.stdout
