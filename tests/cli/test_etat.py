"""``clsm etat`` on an empty folder and on the demo, figures recomputed from the TOML."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from ..conftest import AUJOURDHUI
from ..documents.test_convocation import dossier

__all__ = ["dossier"]  # the fixture: members, a past copil with follow-ups, the next copil


def _toml(chemin: Path) -> dict:  # type: ignore[type-arg]
    return tomllib.loads(chemin.read_text(encoding="utf-8"))


def test_etat_dossier_vide(projet: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", projet, "--format", "json", "etat", "--annee", "2026")
    assert r.exit_code == 0
    d = json.loads(r.stdout)
    assert d["clsm"] == "CLSM de Testville"
    assert d["membres"] == {"actifs": 0, "par_college": {}}
    assert d["reunions"] == {"tenues": 0, "prevues": 0, "par_instance": {}}
    assert d["actions"] == {"total": 0, "par_statut": {}}
    assert d["suivis"] == {"ouverts": 0, "en_retard": 0, "prochains": []}
    assert d["prochaine_reunion"] is None
    assert d["sism"] is None
    # 0 is masked like 1 to 10; séances count no person
    assert d["cellule"] == {
        "annee": 2026,
        "situations_ouvertes": "masqué",
        "seances": 0,
        "examens": "masqué",
    }


def test_etat_table_vide(projet: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", projet, "etat", "--annee", "2026")
    assert r.exit_code == 0
    assert "Membres actifs : 0" in r.stdout
    assert "Suivis : aucun suivi ouvert." in r.stdout
    assert "Prochaine réunion : aucune de prévue (clsm reunion ajouter)." in r.stdout
    assert "SISM 2026 : pas encore de programme (clsm sism nouvelle)." in r.stdout
    assert (
        "Cellule 2026 : saisines masqué, séances 0, examens de situation masqué (effectifs de 0 "
        "à 10 masqués)"
    ) in r.stdout


def test_etat_demo(demo: Path, clsm: Callable[..., Result]) -> None:
    aujourdhui = dt.date.fromisoformat(AUJOURDHUI)
    annee = 2025
    r = clsm("-C", demo, "--format", "json", "etat", "--annee", str(annee))
    assert r.exit_code == 0
    d = json.loads(r.stdout)
    membres = _toml(demo / "membres.toml")["membre"]
    actifs = [
        m
        for m in membres
        if m.get("depuis", dt.date.min) <= aujourdhui
        and m.get("jusqu_a", dt.date.max) >= aujourdhui
    ]
    assert d["membres"]["actifs"] == len(actifs)
    assert sum(d["membres"]["par_college"].values()) == len(actifs)
    assert (
        d["membres"]["par_college"]
        == {c: n for c, n in Counter(m["college"] for m in actifs).items()} | {}
    )
    reunions = [_toml(p) for p in (demo / "reunions").glob("*.toml")]
    de_l_annee = [r for r in reunions if r["date"].year == annee]
    assert d["reunions"]["tenues"] + d["reunions"]["prevues"] == len(de_l_annee)
    actions = _toml(demo / "plan.toml")["action"]
    assert d["actions"]["total"] == len(actions)
    assert d["actions"]["par_statut"] == dict(Counter(a.get("statut", "prevue") for a in actions))
    ouverts = [s for r in reunions for s in r.get("suivi", []) if not s.get("fait", False)]
    assert d["suivis"]["ouverts"] == len(ouverts)
    sism = _toml(demo / "sism" / f"{annee}.toml")
    assert d["sism"]["theme"] == sism["theme"]
    assert d["sism"]["evenements"] == len(sism["evenement"])
    assert d["sism"]["participants"] == sum(e.get("participants", 0) for e in sism["evenement"])
    # the cellule's figures of the year as its statistiques publish them: masked, so that
    # etat adds nothing an attacker could combine (no « situations en cours » total)
    situations = _toml(demo / "cellule" / "situations.toml")["situation"]
    seances = list((demo / "cellule" / "seances").glob(f"{annee}-*.toml"))
    examens = sum(len(_toml(p).get("examen", [])) for p in seances)
    assert sum(1 for s in situations if s["date_saisine"].year == annee) < 11
    assert d["cellule"] == {
        "annee": annee,
        "situations_ouvertes": "masqué",
        "seances": len(seances),
        "examens": examens,
    }
    assert examens >= 11


def test_etat_table_demo(demo: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", demo, "etat")
    assert r.exit_code == 0
    assert "Membres actifs" in r.stdout
    assert "Actions du plan" in r.stdout
    assert "Suivis ouverts" in r.stdout


def test_etat_suivis_en_retard_et_prochaine_reunion(
    dossier: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On 2026-11-26: the next meeting is the copil of 2026-12-10; of the open items, the one
    due 2026-06-30 is late and the one due 2026-12-05 is due before that meeting."""
    r = clsm("-C", dossier, "--format", "json", "etat")
    d = json.loads(r.stdout)
    assert d["suivis"]["ouverts"] == 3
    assert d["suivis"]["en_retard"] == 1
    assert [(s["quoi"], s["en_retard"]) for s in d["suivis"]["prochains"]] == [
        ("Rédiger le protocole incurie", True),
        ("Préparer le bilan SISM", False),
        ("Relancer l'ARS", False),
    ]
    prochaine = d["prochaine_reunion"]
    assert {k: prochaine[k] for k in ("reunion", "date", "heure", "lieu", "libelle")} == {
        "reunion": "2026-12-10-copil",
        "date": "2026-12-10",
        "heure": "14:00",
        "lieu": "Mairie, salle du conseil",
        "libelle": "Comité de pilotage",
    }
    assert [s["quoi"] for s in prochaine["suivis_dus"]] == [
        "Rédiger le protocole incurie",
        "Préparer le bilan SISM",
    ]
    r = clsm("-C", dossier, "etat")
    lignes = [x.rstrip() for x in r.stdout.splitlines()]
    assert "Suivis ouverts : 3 (dont 1 en retard)" in lignes
    assert (
        "Prochaine réunion : Comité de pilotage du 10 décembre 2026 à 14:00, Mairie, salle du "
        "conseil (2026-12-10-copil)"
    ) in lignes
    assert "À faire avant cette réunion : 2" in lignes
    retards = [x for x in lignes if "protocole incurie" in x]
    assert len(retards) == 2 and all(x.endswith("en retard │") for x in retards)
    assert all(x.endswith("à faire   │") for x in lignes if "bilan SISM" in x)
    monkeypatch.setenv("FORCE_COLOR", "1")
    couleurs = clsm("-C", dossier, "etat").stdout
    assert all("\x1b[31m" in x for x in couleurs.splitlines() if "protocole incurie" in x)
    assert all("\x1b[31m" not in x for x in couleurs.splitlines() if "bilan SISM" in x)


def test_etat_sans_cellule_et_sism_en_totaux(projet: Path, clsm: Callable[..., Result]) -> None:
    """Issue 12: a CLSM without cellule says so; a SISM known by its totals shows them, and an
    unknown figure is not printed as 0."""
    for args in (
        ["identite", "modifier", "--sans-cellule"],
        ["sism", "nouvelle", "2026", "--theme", "Santé mentale et travail", "--evenements", "9"],
    ):
        assert clsm("-C", projet, *args).exit_code == 0
    r = clsm("-C", projet, "--format", "json", "etat", "--annee", "2026")
    d = json.loads(r.stdout)
    assert d["cellule"] is None
    assert (d["sism"]["evenements"], d["sism"]["participants"]) == (9, None)
    r = clsm("-C", projet, "etat", "--annee", "2026")
    lignes = r.stdout.splitlines()
    assert "Cellule : ce CLSM n'a pas de cellule de cas complexes." in lignes
    assert (
        "SISM 2026 : « Santé mentale et travail » — 9 événement(s), participant(s) : "
        "non renseigné" in lignes
    ), lignes


def test_etat_crochets_du_dossier_tels_quels(
    demo: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name with brackets is shown as written, not read as a rich style (« [/x] » made etat
    fail, « [jeunes] » vanished), piped as at a terminal."""
    for fichier, avant, apres in (
        ("groupes.toml", "Logement et santé mentale", "Logement [/x] et [jeunes]"),
        ("clsm.toml", 'nom = "CLSM de Valmont', 'nom = "CLSM [b]de[/b] Valmont'),
        ("sism/2026.toml", "Agir ensemble", r"Agir [i]ensemble\\"),
    ):
        chemin = demo / fichier
        chemin.write_text(chemin.read_text(encoding="utf-8").replace(avant, apres), "utf-8")
    r = clsm("-C", demo, "etat")
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("CLSM [b]de[/b] Valmont-sur-Loire — ")
    assert "│  Groupe de travail « Logement [/x] et [jeunes] »  1  │" in r.stdout
    assert "SISM 2026 : « Agir [i]ensemble\\ pour notre santé mentale" in r.stdout
    monkeypatch.setenv("FORCE_COLOR", "")  # rich draws, without a terminal either
    assert clsm("-C", demo, "etat").stdout == r.stdout
