"""SISM programme (.docx, .xlsx) and the .ics agenda (parsed back with icalendar)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from . import aides as A

JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MOIS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


@pytest.fixture(autouse=True)
def _aujourdhui(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLSM_AUJOURDHUI", A.AUJOURDHUI)


def _jour(d: dt.date) -> str:
    numero = "1er" if d.day == 1 else str(d.day)
    return f"{JOURS[d.weekday()].capitalize()} {numero} {MOIS[d.month - 1]} {d.year}"


def _evenements(dossier: Path, annee: int) -> list[dict[str, Any]]:
    return sorted(
        A.toml(dossier / "sism" / f"{annee}.toml")["evenement"],
        key=lambda e: (e["date"], e.get("heure", "99:99").zfill(5)),
    )


# --- programme ---------------------------------------------------------------------------------


def test_programme_docx(demo: Path, clsm: Callable[..., Result]) -> None:
    from clsm_cli import Projet

    r = clsm("-C", demo, "sism", "programme", "2025")
    assert r.exit_code == 0, r.output
    assert "sism-programme-2025.docx" in r.output
    doc = A.docx(demo / "exports" / "sism-programme-2025.docx")
    evenements = _evenements(demo, 2025)
    jours = list(dict.fromkeys(e["date"] for e in evenements))
    assert A.titres(doc, 1) == [_jour(j) for j in jours]
    assert [t.replace("\u00a0", " ") for t in A.titres(doc, 2)] == [e["titre"] for e in evenements]
    texte = A.texte_normal(doc)
    sism = A.toml(demo / "sism" / "2025.toml")
    assert f"« {sism['theme']} »" in texte
    assert "Du 6 au 19 octobre 2025" in texte
    for e in evenements:
        if e.get("inscription"):
            assert f"Inscription : {e['inscription']}" in texte
    assert Projet.ouvrir(demo).sism_annee(2025) is not None


def test_programme_xlsx_et_absent(demo: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", demo, "sism", "programme", "2025", "--xlsx")
    assert r.exit_code == 0, r.output
    assert (demo / "exports" / "sism-programme-2025.docx").is_file()
    classeur = A.xlsx(demo / "exports" / "sism-programme-2025.xlsx")
    ws = classeur["Programme SISM 2025"]
    lignes = A.lignes(ws)
    evenements = _evenements(demo, 2025)
    assert [x[3] for x in lignes[1:]] == [e["titre"] for e in evenements]
    assert [x[0].date() for x in lignes[1:]] == [e["date"] for e in evenements]
    assert ws.freeze_panes == "A2" and len(ws.tables) == 1

    r = clsm("-C", demo, "sism", "programme", "2019")
    assert r.exit_code == 3
    assert "Aucune SISM 2019" in r.stderr
    assert "2025" in r.stderr
    assert not (demo / "exports" / "sism-programme-2019.docx").exists()


def test_programme_comite_dates_de_fin_et_date_imprecise(
    projet: Path, clsm: Callable[..., Result]
) -> None:
    """Issue 12: the committee is printed; an event over several days and an end time read as
    such; an event known only to the month gets a heading of its own."""
    for args in (
        ["membres", "ajouter", "--id", "anne-morel", "--nom", "Morel", "--prenom", "Anne",
         "--structure", "CH Sud", "--college", "psychiatrie"],
        ["sism", "nouvelle", "2025", "--comite", "anne-morel", "--comite", "anne-morel"],
        ["sism", "evenement", "ajouter", "2025", "--titre", "Exposition", "--type",
         "exposition", "--date", "2025-10-10", "--fin", "2025-10-29", "--heure", "10:00",
         "--heure-fin", "18:00"],
        ["sism", "evenement", "ajouter", "2025", "--titre", "Marche", "--type", "marche",
         "--date", "2025-10"],
    ):  # fmt: skip
        r = clsm("-C", projet, *args)
        assert r.exit_code == 0, (args, r.output)
    r = clsm("-C", projet, "sism", "programme", "2025", "--xlsx")
    assert r.exit_code == 0, r.output
    doc = A.docx(projet / "exports" / "sism-programme-2025.docx")
    texte = A.texte_normal(doc)
    assert "Comité d'organisation : Anne Morel (CH Sud)" in texte
    assert A.titres(doc, 1) == ["Octobre 2025 (jour à préciser)", "Vendredi 10 octobre 2025"]
    assert "Du 10 au 29 octobre 2025, 10 h – 18 h — Lieu à préciser" in texte
    assert "Du 10 au 29 octobre 2025\n" in texte  # the month-only event sets no first day
    lignes = A.lignes(
        A.xlsx(projet / "exports" / "sism-programme-2025.xlsx")["Programme SISM 2025"]
    )
    assert [(x[0], x[1], x[3]) for x in lignes[1:]] == [
        ("2025-10", None, "Marche"),
        (lignes[2][0], "vendredi", "Exposition"),
    ]
    assert lignes[2][0].date() == dt.date(2025, 10, 10)
    assert lignes[0][-2:] == ["Fin", "Heure de fin"]
    assert lignes[2][-1] == "18:00" and lignes[2][-2].date() == dt.date(2025, 10, 29)


# --- agenda ------------------------------------------------------------------------------------


def _calendrier(chemin: Path) -> Any:
    import icalendar

    return icalendar.Calendar.from_ical(chemin.read_bytes())


def test_agenda(demo: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", demo, "agenda")
    assert r.exit_code == 0, r.output
    reunions = A.reunions(demo)
    evenements = [e for p in sorted((demo / "sism").glob("*.toml")) for e in A.toml(p)["evenement"]]
    assert f"({len(reunions) + len(evenements)} événements)" in r.output
    calendrier = _calendrier(demo / "exports" / "agenda.ics")
    vevents = calendrier.walk("VEVENT")
    assert len(vevents) == len(reunions) + len(evenements)
    uids = [str(e["UID"]) for e in vevents]
    assert len(set(uids)) == len(uids)
    assert calendrier.walk("VTIMEZONE")
    copil = next(e for e in vevents if str(e["UID"]).startswith("reunion-2025-01-28-copil@"))
    debut = copil.decoded("DTSTART")
    assert (debut.date(), debut.hour, debut.minute) == (dt.date(2025, 1, 28), 14, 0)
    assert str(debut.tzinfo) == "Europe/Paris"
    assert str(copil["SUMMARY"]) == "CLSM — Comité de pilotage"
    assert str(copil["LOCATION"]) == reunions[0]["lieu"]
    titres = {str(e["SUMMARY"]) for e in vevents}
    for e in evenements:
        assert f"SISM — {e['titre']}" in titres

    # a second export gives the same UIDs: a calendar updates instead of duplicating
    r = clsm("-C", demo, "agenda", "-o", demo / "exports" / "encore.ics")
    assert r.exit_code == 0
    uids2 = [str(e["UID"]) for e in _calendrier(demo / "exports" / "encore.ics").walk("VEVENT")]
    assert uids2 == uids


def test_agenda_depuis(demo: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", demo, "agenda", "--depuis", "2026-01-01")
    assert r.exit_code == 0, r.output
    reunions = [x for x in A.reunions(demo) if x["date"] >= dt.date(2026, 1, 1)]
    evenements = [
        e
        for e in A.toml(demo / "sism" / "2026.toml")["evenement"]
        if e["date"] >= dt.date(2026, 1, 1)
    ]
    vevents = _calendrier(demo / "exports" / "agenda.ics").walk("VEVENT")
    assert len(vevents) == len(reunions) + len(evenements)
    r = clsm("-C", demo, "agenda", "--depuis", "2026-13-01")
    assert r.exit_code == 2
    assert "date invalide" in r.stderr


def test_agenda_vide(projet: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", projet, "agenda")
    assert r.exit_code == 0
    assert "(0 événement)" in r.output
    calendrier = _calendrier(projet / "exports" / "agenda.ics")
    assert calendrier.walk("VEVENT") == []
    assert str(calendrier["VERSION"]) == "2.0"
