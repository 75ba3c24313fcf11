"""Calendar identities (issue 13 § 7): a ``uid`` written once into a meeting or a SISM event
when clsm creates it, kept when the record is moved or renamed; LAST-MODIFIED from the file;
DTEND from ``heure_fin``. The .ics is parsed with icalendar."""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import Result

Clsm = Callable[..., Result]

UID_COPIL = "reunion-2026-12-10-copil@clsm-de-testville.clsm"
UID_MARCHE = "sism-2026-2026-10-10-marche-bleue@clsm-de-testville.clsm"


def reussit(clsm: Clsm, dossier: Path, *args: str) -> Result:
    r = clsm("-C", dossier, *args)
    assert r.exit_code == 0, r.output
    return r


def evenements(clsm: Clsm, dossier: Path) -> dict[str, Any]:
    import icalendar

    reussit(clsm, dossier, "agenda", "-o", dossier / "agenda.ics")
    calendrier = icalendar.Calendar.from_ical((dossier / "agenda.ics").read_bytes())
    return {str(e["UID"]): e for e in calendrier.walk("VEVENT")}


def toml(chemin: Path) -> dict[str, Any]:
    return tomllib.loads(chemin.read_text(encoding="utf-8"))


def test_uid_stable_quand_on_deplace_et_renomme(clsm: Clsm, projet: Path) -> None:
    reussit(
        clsm, projet, "reunion", "ajouter", "--instance", "copil", "--date", "2026-12-10",
        "--heure", "14:00", "--heure-fin", "16:30", "--lieu", "Mairie",
    )  # fmt: skip
    reussit(clsm, projet, "sism", "nouvelle", "2026", "--theme", "Agir ensemble")
    reussit(
        clsm, projet, "sism", "evenement", "ajouter", "2026", "--titre", "Marche bleue",
        "--type", "marche", "--date", "2026-10-10", "--heure", "10h00", "--heure-fin", "11h30",
    )  # fmt: skip
    reunion = projet / "reunions/2026-12-10-copil.toml"
    assert toml(reunion)["uid"] == UID_COPIL
    assert toml(projet / "sism/2026.toml")["evenement"][0]["uid"] == UID_MARCHE
    os.utime(reunion, (1_780_000_000, 1_780_000_000))
    avant = evenements(clsm, projet)
    assert sorted(avant) == [UID_COPIL, UID_MARCHE]
    copil, marche = avant[UID_COPIL], avant[UID_MARCHE]
    assert (copil.decoded("DTSTART").isoformat(), copil.decoded("DTEND").isoformat()) == (
        "2026-12-10T14:00:00+01:00",
        "2026-12-10T16:30:00+01:00",
    )
    assert (marche.decoded("DTSTART").isoformat(), marche.decoded("DTEND").isoformat()) == (
        "2026-10-10T10:00:00+02:00",
        "2026-10-10T11:30:00+02:00",
    )
    assert copil.decoded("LAST-MODIFIED") == dt.datetime.fromtimestamp(1_780_000_000, dt.UTC)

    # the copil moves a week later (file renamed and date changed by hand, as a person does);
    # the SISM event is renamed and moved by clsm
    deplace = projet / "reunions/2026-12-17-copil.toml"
    reunion.rename(deplace)
    deplace.write_text(
        deplace.read_text(encoding="utf-8").replace("date = 2026-12-10", "date = 2026-12-17"),
        encoding="utf-8",
    )
    os.utime(deplace, (1_790_000_000, 1_790_000_000))
    reussit(
        clsm, projet, "sism", "evenement", "modifier", "2026", "1",
        "--titre", "Grande marche bleue", "--date", "2026-10-11",
    )  # fmt: skip
    apres = evenements(clsm, projet)
    assert sorted(apres) == [UID_COPIL, UID_MARCHE]  # same identities: updated, not duplicated
    assert apres[UID_COPIL].decoded("DTSTART").isoformat() == "2026-12-17T14:00:00+01:00"
    assert apres[UID_COPIL].decoded("LAST-MODIFIED") == dt.datetime.fromtimestamp(
        1_790_000_000, dt.UTC
    )
    assert str(apres[UID_MARCHE]["SUMMARY"]) == "SISM — Grande marche bleue"
    assert apres[UID_MARCHE].decoded("DTSTART").isoformat() == "2026-10-11T10:00:00+02:00"

    # a new copil on the old date does not take the moved one's identity
    reussit(clsm, projet, "reunion", "ajouter", "--instance", "copil", "--date", "2026-12-10")
    nouvelle = toml(projet / "reunions/2026-12-10-copil.toml")["uid"]
    assert nouvelle == "reunion-2026-12-10-copil-2@clsm-de-testville.clsm"
    assert sorted(evenements(clsm, projet)) == sorted([UID_COPIL, UID_MARCHE, nouvelle])
    # without an end time, a timed meeting lasts 2 hours; without an hour, the whole day
    copil2 = evenements(clsm, projet)[nouvelle]
    assert copil2.decoded("DTSTART") == dt.date(2026, 12, 10)
    assert copil2.decoded("DTEND") == dt.date(2026, 12, 11)


def test_uid_derive_pour_les_anciens_enregistrements(clsm: Clsm, demo: Path) -> None:
    """The demo's records carry no uid: theirs is derived, as before, and ``verifier`` is
    silent about it."""
    uids = evenements(clsm, demo)
    assert "reunion-2025-01-28-copil@clsm-de-valmont-sur-loire.clsm" in uids
    assert all("@clsm-de-valmont-sur-loire.clsm" in u for u in uids)
    r = reussit(clsm, demo, "verifier")
    assert "uid" not in r.output


def test_uid_en_double_fichier_copie(clsm: Clsm, projet: Path) -> None:
    """A meeting file copied to prepare the next one carries the same uid: verifier warns, the
    agenda gives the copy another identity."""
    reussit(clsm, projet, "reunion", "ajouter", "--instance", "copil", "--date", "2026-12-10")
    texte = (projet / "reunions/2026-12-10-copil.toml").read_text(encoding="utf-8")
    (projet / "reunions/2027-03-11-copil.toml").write_text(
        texte.replace("2026-12-10\n", "2027-03-11\n"), encoding="utf-8"
    )
    r = clsm("-C", projet, "verifier")
    assert r.exit_code == 0
    assert (
        "reunions/2027-03-11-copil.toml:6: uid: uid « reunion-2026-12-10-copil@clsm-de-testville"
        ".clsm » déjà porté par reunions/2026-12-10-copil.toml (fichier copié ?) : supprimez "
        "cette ligne, l'agenda en attribue un autre (W303)"
    ) in r.output
    assert sorted(evenements(clsm, projet)) == [
        "reunion-2026-12-10-copil@clsm-de-testville.clsm",
        "reunion-2027-03-11-copil@clsm-de-testville.clsm",
    ]


def test_heure_fin_avant_le_debut_refusee(clsm: Clsm, projet: Path) -> None:
    r = clsm(
        "-C", projet, "reunion", "ajouter", "--instance", "copil", "--date", "2026-12-10",
        "--heure", "14:00", "--heure-fin", "13:00",
    )  # fmt: skip
    assert r.exit_code == 2
    assert "heure_fin (13:00) doit être après heure (14:00)" in r.stderr
    assert not (projet / "reunions/2026-12-10-copil.toml").exists()
