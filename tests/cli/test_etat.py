"""``clsm etat`` on an empty folder and on the demo, figures recomputed from the TOML."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from ..conftest import AUJOURDHUI


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
