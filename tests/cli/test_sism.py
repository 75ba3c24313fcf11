"""``clsm sism``: SISM years and their events — read back from sism/AAAA.toml."""

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
from .test_plan import MEMBRES, instantane

Clsm = Callable[..., Result]

SISM_2025 = """#:schema ../.clsm/schemas/sism.schema.json
# SISM 2025 — programme validé en comité le 3 septembre
version_schema = "1.0"

annee = 2025
theme = "Pour notre santé mentale, réparons le lien social"
debut = 2025-10-06
fin = 2025-10-19
comite = ["anne-martin"]

# Ouverture
[[evenement]]
titre = "Ciné-débat « Le lien »"
type = "cine_debat"
date = 2025-10-07
heure = "20:00"
lieu = "Cinéma Le Rex"
commune = "Testville"
participants = 85  # billetterie

[[evenement]]
titre = "Stand au marché"
type = "stand"
date = 2025-10-11
qpv = "Les Tilleuls"
organisateurs = ["CCAS"]

# Clôture
[[evenement]]
titre = "Conférence en ligne"
type = "conference"
date = 2025-10-16
en_ligne = true
participants = 40

# fin du programme
"""


@pytest.fixture
def dossier(projet: Path) -> Path:
    (projet / "membres.toml").write_text(MEMBRES, encoding="utf-8")
    (projet / "sism" / "2025.toml").write_text(SISM_2025, encoding="utf-8")
    return projet


def lire(dossier: Path, annee: int = 2025) -> dict[str, Any]:
    return tomllib.loads((dossier / f"sism/{annee}.toml").read_text(encoding="utf-8"))


def texte(dossier: Path, annee: int = 2025) -> str:
    return (dossier / f"sism/{annee}.toml").read_text(encoding="utf-8")


def refuse(clsm: Clsm, dossier: Path, *args: str, code: int = 2) -> str:
    avant = instantane(dossier)
    r = clsm("-C", dossier, *args)
    assert r.exit_code == code, r.output
    assert instantane(dossier) == avant
    return r.stderr


# --- years -----------------------------------------------------------------------------------


def test_liste(clsm: Clsm, dossier: Path) -> None:
    r = reussit(clsm, dossier, "--format", "json", "sism", "liste")
    assert json.loads(r.stdout) == [
        {
            "annee": 2025,
            "theme": "Pour notre santé mentale, réparons le lien social",
            "debut": "2025-10-06",
            "fin": "2025-10-19",
            "evenements": 3,
            "partenaires": 1,
            "participants": 125,
        }
    ]
    reussit(clsm, dossier, "sism", "nouvelle", "2024")
    reussit(
        clsm,
        dossier,
        "sism",
        "nouvelle",
        "2021",
        "--evenements",
        "9",
        "--partenaires",
        "8",
        "--participants",
        "500",
    )
    r = reussit(clsm, dossier, "--format", "csv", "sism", "liste")
    assert r.stdout == (
        "\ufeffAnnée,Thème,Début,Fin,Événements,Partenaires,Participants\n"
        '2021,"Pour ma santé mentale, respectons mes droits",,,9,8,500\n'
        "2024,En mouvement pour notre santé mentale,,,,,\n"
        '2025,"Pour notre santé mentale, réparons le lien social",2025-10-06,2025-10-19,3,1,125\n'
    )
    assert texte(dossier, 2021).endswith(
        "[totaux]\nevenements = 9\npartenaires = 8\nparticipants = 500\n"
    )


def test_liste_vide(clsm: Clsm, projet: Path) -> None:
    assert reussit(clsm, projet, "sism", "liste").output == (
        "Aucune SISM : créez-en une avec « clsm sism nouvelle ANNEE ».\n"
    )


def test_nouvelle_theme_national(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm, dossier, "sism", "nouvelle", "2023", "--debut", "2023-10-09", "--fin", "2023-10-22",
        "--comite", "paul-durand", "--comite", "anne-martin",
    )  # fmt: skip
    assert r.output == (
        "✓ SISM 2023 créée (sism/2023.toml) : « À tous les âges de la vie, ma santé mentale est "
        "un droit ».\n"
    )
    assert texte(dossier, 2023) == (
        "#:schema ../.clsm/schemas/sism.schema.json\n"
        'version_schema = "1.0"\n\n'
        "annee = 2023\n"
        'theme = "À tous les âges de la vie, ma santé mentale est un droit"\n'
        "debut = 2023-10-09\n"
        "fin = 2023-10-22\n"
        'comite = ["paul-durand", "anne-martin"]\n'
    )


def test_nouvelle_annee_inconnue(
    clsm: Clsm, dossier: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert refuse(clsm, dossier, "sism", "nouvelle", "2027") == (
        "Erreur : Valeur manquante : précisez --theme — Thème de la SISM 2027.\n"
    )
    r = reussit(
        clsm, dossier, "--format", "json", "sism", "nouvelle", "2027", "--theme", "Thème 2027"
    )
    assert json.loads(r.stdout) == {
        "fichier": "sism/2027.toml",
        "annee": 2027,
        "theme": "Thème 2027",
    }
    monkeypatch.setenv("CLSM_INTERACTIF", "1")
    r = clsm("-C", dossier, "sism", "nouvelle", "2028", input="Santé mentale et travail\n")
    assert r.exit_code == 0, r.output
    assert lire(dossier, 2028)["theme"] == "Santé mentale et travail"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["2025"],
            "Erreur : La SISM 2025 existe déjà (sism/2025.toml) : ajoutez-lui des événements "
            "avec « clsm sism evenement ajouter 2025 … ».\n",
        ),
        (
            ["2024", "--debut", "2023-10-01"],
            "Erreur : --debut : le 2023-10-01 n'est pas en 2024 (SISM 2024).\n",
        ),
        (
            ["2024", "--debut", "2024-10-20", "--fin", "2024-10-07"],
            "Erreur : --fin (2024-10-07) précède --debut (2024-10-20).\n",
        ),
        (
            ["2024", "--comite", "paul-dupont"],
            "Erreur : --comite : membre inconnu « paul-dupont » (absent de membres.toml). "
            "Vouliez-vous dire « paul-durand » ?\n",
        ),
    ],
)
def test_nouvelle_refus(clsm: Clsm, dossier: Path, args: list[str], message: str) -> None:
    code = 3 if " inconnu « " in message else 2  # an unknown identifier exits 3 (README)
    assert refuse(clsm, dossier, "sism", "nouvelle", *args, code=code) == message


def test_nouvelle_annee_hors_bornes(clsm: Clsm, dossier: Path) -> None:
    assert "Valeur invalide pour « ANNEE »" in refuse(clsm, dossier, "sism", "nouvelle", "20255")


# --- events ----------------------------------------------------------------------------------


def test_evenement_liste(clsm: Clsm, dossier: Path) -> None:
    r = reussit(clsm, dossier, "--format", "json", "sism", "evenement", "liste", "2025")
    assert json.loads(r.stdout) == [
        {
            "numero": 1,
            "date": "2025-10-07",
            "heure": "20:00",
            "titre": "Ciné-débat « Le lien »",
            "type": "cine_debat",
            "lieu": "Cinéma Le Rex",
            "commune": "Testville",
            "participants": 85,
        },
        {
            "numero": 2,
            "date": "2025-10-11",
            "heure": None,
            "titre": "Stand au marché",
            "type": "stand",
            "lieu": None,
            "commune": None,
            "participants": None,
        },
        {
            "numero": 3,
            "date": "2025-10-16",
            "heure": None,
            "titre": "Conférence en ligne",
            "type": "conference",
            "lieu": None,
            "commune": None,
            "participants": 40,
        },
    ]
    r = reussit(
        clsm, dossier, "--format", "csv", "--separateur", ";", "sism", "evenement", "liste", "2025"
    )
    assert r.stdout == (
        "\ufeffN°;Date;Heure;Titre;Type;Lieu;Commune;Participants\n"
        "1;2025-10-07;20:00;Ciné-débat « Le lien »;Ciné-débat;Cinéma Le Rex;Testville;85\n"
        "2;2025-10-11;;Stand au marché;Stand;;;\n"
        "3;2025-10-16;;Conférence en ligne;Conférence;;;40\n"
    )
    r = reussit(clsm, dossier, "sism", "evenement", "liste", "2025")
    assert (
        "SISM 2025 — « Pour notre santé mentale, réparons le lien social » (3 événement(s))"
        in r.stdout
    )


def test_titre_avec_crochets_tel_quel(clsm: Clsm, dossier: Path) -> None:
    """A theme is the folder's text, never markup: « [jeunes] » stays, « [/x] » does not
    crash the listing."""
    fichier = dossier / "sism" / "2025.toml"
    fichier.write_text(
        texte(dossier).replace("réparons le lien social", "[jeunes] et [/x] aussi"),
        encoding="utf-8",
    )
    r = reussit(clsm, dossier, "sism", "evenement", "liste", "2025")
    assert "SISM 2025 — « Pour notre santé mentale, [jeunes] et [/x] aussi » (3" in r.stdout


def test_evenement_liste_annee_absente(clsm: Clsm, dossier: Path) -> None:
    assert refuse(clsm, dossier, "sism", "evenement", "liste", "2026", code=3) == (
        "Erreur : Aucune SISM 2026 (années présentes : 2025) : créez-la avec « clsm sism "
        "nouvelle 2026 ».\n"
    )


def test_evenement_ajouter(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm, dossier, "sism", "evenement", "ajouter", "2025", "--titre", "Marche bleue",
        "--type", "marche", "--date", "2025-10-18", "--heure", "10h30", "--lieu", "Parc",
        "--commune", "Testville", "--organisateur", "CLSM", "--organisateur", "GEM",
        "--partenaire", "UNAFAM", "--public", "Tout public", "--participants", "60",
        "--inscription", "Gratuit", "--description", "Départ devant la mairie.", "--qpv",
    )  # fmt: skip
    assert r.output == "✓ Événement n° 4 ajouté à la SISM 2025 : Marche bleue.\n"
    assert r.stdout == ""
    assert texte(dossier) == SISM_2025.replace(
        "participants = 40\n",
        "participants = 40\n\n"
        "[[evenement]]\n"
        'titre = "Marche bleue"\n'
        'type = "marche"\n'
        "date = 2025-10-18\n"
        'heure = "10h30"\n'
        'lieu = "Parc"\n'
        'commune = "Testville"\n'
        "qpv = true\n"
        'organisateurs = ["CLSM", "GEM"]\n'
        'partenaires = ["UNAFAM"]\n'
        'public = "Tout public"\n'
        "participants = 60\n"
        'inscription = "Gratuit"\n'
        'description = "Départ devant la mairie."\n'
        'uid = "sism-2025-2025-10-18-marche-bleue@clsm-de-testville.clsm"\n',
    )
    r = reussit(
        clsm, dossier, "--format", "json", "sism", "evenement", "ajouter", "2025",
        "--titre", "Webinaire", "--type", "autre", "--date", "2025-11-03", "--en-ligne",
        "--qpv", "La Gare",
    )  # fmt: skip
    assert r.stderr == (
        "Attention : le 3 novembre 2025 tombe hors des dates de la SISM 2025 (6 octobre 2025 "
        "– 19 octobre 2025).\n"
    )
    assert json.loads(r.stdout) == {
        "annee": 2025,
        "numero": 5,
        "titre": "Webinaire",
        "type": "autre",
        "date": "2025-11-03",
        "qpv": "La Gare",
        "en_ligne": True,
        "uid": "sism-2025-2025-11-03-webinaire@clsm-de-testville.clsm",
    }
    assert lire(dossier)["evenement"][4] == {
        "titre": "Webinaire",
        "type": "autre",
        "date": dt.date(2025, 11, 3),
        "qpv": "La Gare",
        "en_ligne": True,
        "uid": "sism-2025-2025-11-03-webinaire@clsm-de-testville.clsm",
    }
    assert reussit(clsm, dossier, "verifier").exit_code == 0


@pytest.mark.parametrize(
    ("options", "fin_message"),
    [
        (
            ["--titre", "X", "--type", "stand", "--date", "2026-10-10"],
            "Erreur : --date : le 2026-10-10 n'est pas en 2025 (SISM 2025).\n",
        ),
        (
            ["--titre", "X", "--type", "film", "--date", "2025-10-10"],
            "Erreur : Valeur invalide pour « --type » : « film » n'est pas une valeur possible. "
            "Valeurs possibles : cine_debat, conference, stand, exposition, atelier, marche, "
            "portes_ouvertes, theatre, cafe_psy, autre.\n",
        ),
        (
            ["--titre", "X", "--type", "stand", "--date", "2025-02-30"],
            "Erreur : Valeur invalide pour « --date » : date invalide « 2025-02-30 » : format "
            "AAAA-MM-JJ\n",
        ),
        (
            ["--titre", "X", "--type", "stand", "--date", "2025-10-10", "--heure", "midi"],
            "Erreur : Valeur refusée : heure (--heure) : heure invalide « midi » (forme "
            "attendue : 18:30).\n",
        ),
        (
            ["--type", "stand", "--date", "2025-10-10"],
            "Erreur : Valeur manquante : précisez --titre — Titre de l'événement.\n",
        ),
        (
            ["--titre", "X", "--date", "2025-10-10"],
            "Erreur : Valeur manquante : précisez --type — Type d'événement (valeurs "
            "possibles : cine_debat, conference, stand, exposition, atelier, marche, "
            "portes_ouvertes, theatre, cafe_psy, autre).\n",
        ),
    ],
)
def test_evenement_ajouter_refus(
    clsm: Clsm, dossier: Path, options: list[str], fin_message: str
) -> None:
    assert refuse(clsm, dossier, "sism", "evenement", "ajouter", "2025", *options).endswith(
        fin_message
    )


def test_evenement_ajouter_annee_absente(clsm: Clsm, dossier: Path) -> None:
    args = ["--titre", "X", "--type", "stand", "--date", "2024-10-10"]
    assert refuse(clsm, dossier, "sism", "evenement", "ajouter", "2024", *args, code=3) == (
        "Erreur : Aucune SISM 2024 (années présentes : 2025) : créez-la avec « clsm sism "
        "nouvelle 2024 ».\n"
    )


def test_evenement_modifier(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm, dossier, "sism", "evenement", "modifier", "2025", "1", "--participants", "92",
        "--effacer", "heure", "--partenaire", "GEM", "--qpv", "Les Tilleuls",
    )  # fmt: skip
    assert r.output == "✓ Événement n° 1 de la SISM 2025 modifié : Ciné-débat « Le lien ».\n"
    assert lire(dossier)["evenement"][0] == {
        "titre": "Ciné-débat « Le lien »",
        "type": "cine_debat",
        "date": dt.date(2025, 10, 7),
        "lieu": "Cinéma Le Rex",
        "commune": "Testville",
        "qpv": "Les Tilleuls",
        "partenaires": ["GEM"],
        "participants": 92,
    }
    assert "participants = 92  # billetterie\n" in texte(dossier)
    reussit(clsm, dossier, "sism", "evenement", "modifier", "2025", "3", "--sur-place")
    assert "en_ligne" not in lire(dossier)["evenement"][2]
    reussit(clsm, dossier, "sism", "evenement", "modifier", "2025", "2", "--effacer", "qpv")
    assert lire(dossier)["evenement"][1] == {
        "titre": "Stand au marché",
        "type": "stand",
        "date": dt.date(2025, 10, 11),
        "organisateurs": ["CCAS"],
    }
    r = reussit(clsm, dossier, "sism", "evenement", "modifier", "2025", "2", "--type", "stand")
    assert r.output == "✓ Aucun changement : l'événement n° 2 était déjà à jour.\n"
    texte_final = texte(dossier)
    for commentaire in ("# Ouverture\n", "# Clôture\n", "# fin du programme\n"):
        assert commentaire in texte_final


def test_evenement_modifier_refus(clsm: Clsm, dossier: Path) -> None:
    assert refuse(
        clsm, dossier, "sism", "evenement", "modifier", "2025", "4", "--titre", "X", code=3
    ) == (
        "Erreur : Événement n° 4 inconnu dans la SISM 2025 (1 à 3 ; voir « clsm sism evenement "
        "liste 2025 »).\n"
    )
    assert refuse(clsm, dossier, "sism", "evenement", "modifier", "2025", "1") == (
        "Erreur : Rien à modifier : indiquez au moins une option (voir « clsm sism evenement "
        "modifier --help »).\n"
    )
    assert refuse(
        clsm, dossier, "sism", "evenement", "modifier", "2025", "1", "--date", "2024-10-07"
    ) == ("Erreur : --date : le 2024-10-07 n'est pas en 2025 (SISM 2025).\n")
    assert (
        refuse(
            clsm,
            dossier,
            "sism",
            "evenement",
            "modifier",
            "2025",
            "1",
            "--lieu",
            "X",
            "--effacer",
            "lieu",
        )
        == "Erreur : --lieu et --effacer lieu : choisissez.\n"
    )


def test_evenement_retirer(clsm: Clsm, dossier: Path) -> None:
    assert refuse(clsm, dossier, "sism", "evenement", "retirer", "2025", "2") == (
        "Erreur : Retirer l'événement n° 2 de la SISM 2025 « Stand au marché » (11 octobre "
        "2025) ? — aucune réponse possible hors d'un terminal : ajoutez --oui pour confirmer.\n"
    )
    r = reussit(clsm, dossier, "sism", "evenement", "retirer", "2025", "2", "--oui")
    assert r.output == (
        "✓ Événement retiré de la SISM 2025 : Stand au marché (les suivants sont renumérotés).\n"
    )
    debut = SISM_2025.index('[[evenement]]\ntitre = "Stand')
    fin = SISM_2025.index("# Clôture")
    assert texte(dossier) == SISM_2025[:debut] + SISM_2025[fin:]
    r = reussit(clsm, dossier, "--format", "json", "sism", "evenement", "liste", "2025")
    assert [(e["numero"], e["titre"]) for e in json.loads(r.stdout)] == [
        (1, "Ciné-débat « Le lien »"),
        (2, "Conférence en ligne"),
    ]
    assert refuse(clsm, dossier, "sism", "evenement", "retirer", "2025", "3", "--oui", code=3) == (
        "Erreur : Événement n° 3 inconnu dans la SISM 2025 (1 à 2 ; voir « clsm sism evenement "
        "liste 2025 »).\n"
    )


def test_demo(clsm: Clsm, demo: Path) -> None:
    annees = sorted(int(p.stem) for p in (demo / "sism").glob("*.toml"))
    r = reussit(clsm, demo, "--format", "json", "sism", "liste")
    assert [s["annee"] for s in json.loads(r.stdout)] == annees
    derniere = annees[-1]
    nombre = len(lire(demo, derniere)["evenement"])
    reussit(
        clsm, demo, "sism", "evenement", "ajouter", str(derniere), "--titre", "Café-psy",
        "--type", "cafe_psy", "--date", f"{derniere}-10-10",
    )  # fmt: skip
    assert len(lire(demo, derniere)["evenement"]) == nombre + 1
    assert reussit(clsm, demo, "verifier").exit_code == 0


# --- issue 12: editing a year, totals, events over several days, imprecise dates ------------


def test_modifier_theme_dates_comite_totaux(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm,
        dossier,
        "sism",
        "modifier",
        "2025",
        "--theme",
        "Réparons le lien",
        "--debut",
        "2025-10-01",
        "--comite",
        "paul-durand",
        "--comite",
        "anne-martin",
        "--partenaires",
        "12",
    )
    assert r.output == "✓ SISM 2025 modifiée : « Réparons le lien ».\n"
    t = texte(dossier)
    assert t.startswith(
        "#:schema ../.clsm/schemas/sism.schema.json\n"
        "# SISM 2025 — programme validé en comité le 3 septembre\n"
        'version_schema = "1.0"\n\nannee = 2025\ntheme = "Réparons le lien"\n'
        'debut = 2025-10-01\nfin = 2025-10-19\ncomite = ["paul-durand", "anne-martin"]\n'
    )
    assert "participants = 85  # billetterie" in t
    assert t.endswith("# fin du programme\n\n[totaux]\npartenaires = 12\n")
    r = reussit(
        clsm,
        dossier,
        "--format",
        "json",
        "sism",
        "modifier",
        "2025",
        "--effacer",
        "partenaires",
        "--effacer",
        "comite",
    )
    assert json.loads(r.stdout) == {
        "annee": 2025,
        "theme": "Réparons le lien",
        "debut": "2025-10-01",
        "fin": "2025-10-19",
    }
    assert "totaux" not in lire(dossier) and "comite" not in lire(dossier)
    r = reussit(clsm, dossier, "sism", "modifier", "2025", "--theme", "Réparons le lien")
    assert r.output == "✓ Aucun changement : la SISM 2025 était déjà à jour.\n"
    assert refuse(clsm, dossier, "sism", "modifier", "2025", "--fin", "2025-09-01") == (
        "Erreur : --fin (2025-09-01) précède --debut (2025-10-01).\n"
    )
    assert refuse(clsm, dossier, "sism", "modifier", "2025", "--comite", "inconnu", code=3) == (
        "Erreur : --comite : membre inconnu « inconnu » (absent de membres.toml).\n"
    )
    assert refuse(clsm, dossier, "sism", "modifier", "2025", "--fin", "2024-10-20") == (
        "Erreur : --fin : le 2024-10-20 n'est pas en 2025 (SISM 2025).\n"
    )


def test_evenement_sur_plusieurs_jours_et_date_imprecise(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm,
        dossier,
        "--format",
        "json",
        "sism",
        "evenement",
        "ajouter",
        "2025",
        "--titre",
        "Exposition « Regards »",
        "--type",
        "exposition",
        "--date",
        "2025-10-10",
        "--fin",
        "2025-10-29",
        "--heure",
        "10:00",
        "--heure-fin",
        "18:00",
    )
    assert json.loads(r.stdout) == {
        "annee": 2025,
        "numero": 4,
        "titre": "Exposition « Regards »",
        "type": "exposition",
        "date": "2025-10-10",
        "heure": "10:00",
        "fin": "2025-10-29",
        "heure_fin": "18:00",
        "qpv": False,
        "en_ligne": False,
        "uid": "sism-2025-2025-10-10-exposition-regards@clsm-de-testville.clsm",
    }
    assert r.stderr == (
        "Attention : du 10 au 29 octobre 2025 tombe hors des dates de la SISM 2025 "
        "(6 octobre 2025 – 19 octobre 2025).\n"
    )
    assert lire(dossier)["evenement"][3] == {
        "titre": "Exposition « Regards »",
        "type": "exposition",
        "date": dt.date(2025, 10, 10),
        "heure": "10:00",
        "fin": dt.date(2025, 10, 29),
        "heure_fin": "18:00",
        "uid": "sism-2025-2025-10-10-exposition-regards@clsm-de-testville.clsm",
    }
    r = reussit(clsm, dossier, "sism", "evenement", "modifier", "2025", "2", "--date", "2025-10")
    assert r.output == "✓ Événement n° 2 de la SISM 2025 modifié : Stand au marché.\n"
    assert lire(dossier)["evenement"][1]["date"] == "2025-10"
    assert refuse(
        clsm, dossier, "sism", "evenement", "modifier", "2025", "4", "--fin", "2025-10-01"
    ) == ("Erreur : Valeur refusée : la date de fin précède la date de l'événement.\n")
