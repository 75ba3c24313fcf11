"""Dates known only to the year or the month (``DatePartielle``): the history's reading
(diagnostics, milestones), bounds, order, French texts, and the JSON schema's pattern."""

from __future__ import annotations

import datetime as dt
import pickle
import re
from dataclasses import dataclass

import pytest

from clsm_cli.modeles.vocabulaires import (
    MOTIF_DATE_HISTORIQUE,
    DatePartielle,
    cle_date,
    date_precise,
    dernier_avant,
    dernier_jour,
    lire_date_historique,
    par_date,
    premier_jour,
)
from clsm_cli.noyau.textes import date_fr, quand_fr


def P(texte: str) -> DatePartielle:
    valeur = DatePartielle.lire(texte)
    assert valeur is not None
    return valeur


@pytest.mark.parametrize(
    ("valeur", "lue"),
    [
        ("2018", "2018"),
        (" 2018-06 ", "2018-06"),
        (2018, "2018"),
        ("1950", "1950"),
        ("2100-12", "2100-12"),
        ("2018-06-12", "2018-06-12"),
        ("1900-01-01", "1900-01-01"),
        (dt.date(2018, 6, 12), "2018-06-12"),
        (dt.datetime(2018, 6, 12), "2018-06-12"),
        (P("2018-06"), "2018-06"),
    ],
)
def test_lire(valeur: object, lue: str) -> None:
    date = lire_date_historique(valeur)
    assert date.isoformat() == lue
    assert date_precise(date) == (len(lue) == 10)


@pytest.mark.parametrize(
    "valeur",
    [
        "2018-13",
        "2018-00",
        "2018-6",
        "18",
        "1890",
        "1949",
        "2101",
        "0000",
        "٢٠١٨",
        "2018-02-30",
        "20180612",
        "2018-06-12T00:00:00",
        "juin 2018",
        1949,
        True,
        2018.5,
        2018.0,
        None,
        dt.datetime(2018, 6, 12, 10),
        dt.datetime(2018, 6, 12, tzinfo=dt.UTC),
    ],
)
def test_refus(valeur: object) -> None:
    with pytest.raises(ValueError, match="date attendue : une date AAAA-MM-JJ"):
        lire_date_historique(valeur)


def test_le_motif_du_schema_dit_la_meme_chose_que_la_lecture() -> None:
    for annee in (0, 1, 1900, 1949, 1950, 1999, 2000, 2018, 2099, 2100, 2101, 9999):
        for mois in ("", *(f"-{m:02d}" for m in range(100))):
            texte = f"{annee:04d}{mois}"
            try:
                lue = lire_date_historique(texte) is not None
            except ValueError:
                lue = False
            assert lue == bool(re.fullmatch(MOTIF_DATE_HISTORIQUE, texte)), texte


def test_bornes_et_textes() -> None:
    assert (premier_jour(P("2018")), dernier_jour(P("2018"))) == (
        dt.date(2018, 1, 1),
        dt.date(2018, 12, 31),
    )
    assert date_precise(premier_jour(P("2018-06")))
    assert dernier_jour(P("2020-02")) == dt.date(2020, 2, 29)
    assert dernier_jour(P("2019-12")) == dt.date(2019, 12, 31)
    assert dernier_jour(dt.date(2019, 12, 3)) == dt.date(2019, 12, 3)
    assert [date_fr(v) for v in (P("2018"), P("2018-06"), dt.date(2018, 6, 1))] == [
        "2018",
        "juin 2018",
        "1er juin 2018",
    ]
    assert [quand_fr(v) for v in (P("2018"), P("2018-06"), dt.date(2018, 6, 12))] == [
        "en 2018",
        "en juin 2018",
        "le 12 juin 2018",
    ]


def test_une_date_partielle_reste_partielle_une_fois_en_cache() -> None:
    for valeur in (P("2018"), P("2018-06")):
        copie = pickle.loads(pickle.dumps(valeur))
        assert type(copie) is DatePartielle
        assert (copie, str(copie), date_fr(copie)) == (valeur, str(valeur), date_fr(valeur))


@dataclass
class Enregistrement:
    date: dt.date
    nom: str


def test_ordre_et_dernier() -> None:
    elements = [
        Enregistrement(dt.date(2018, 3, 1), "jour"),
        Enregistrement(P("2018-03"), "mois"),
        Enregistrement(P("2018"), "année"),
        Enregistrement(P("2017-12"), "avant"),
    ]
    assert [e.nom for e in par_date(elements)] == ["avant", "année", "mois", "jour"]
    assert cle_date(P("2018")) < cle_date(P("2018-01")) < cle_date(dt.date(2018, 1, 1))
    assert dernier_avant(elements).nom == "jour"  # type: ignore[union-attr]
    assert dernier_avant(elements, dt.date(2018, 1, 15)).nom == "année"  # type: ignore[union-attr]
    assert dernier_avant(elements, dt.date(2017, 6, 1)) is None


@pytest.mark.parametrize(
    ("valeur", "lue"),
    [
        ("2020", "2020"),
        ("2020-06", "2020-06"),
        (2018, "2018"),  # a year written without quotes
        ("2020-06-15", "2020-06-15"),
        (dt.date(2020, 6, 15), "2020-06-15"),
    ],
)
def test_date_imprecise_des_modeles(valeur: object, lue: str) -> None:
    from clsm_cli.modeles.plan import Realisation

    assert Realisation(date=valeur, libelle="x").date.isoformat() == lue


@pytest.mark.parametrize("valeur", ["0000", "0000-06", "12345", "20200615", 0, 20200615, "demain"])
def test_date_imprecise_jamais_lue_comme_un_horodatage(valeur: object) -> None:
    """pydantic reads a number, or a text of digits, as a Unix timestamp: « 0000 » or 20200615
    would silently become a day of 1970. They are refused with the French message."""
    from pydantic import ValidationError

    from clsm_cli.modeles.plan import Realisation

    with pytest.raises(ValidationError, match="date attendue : une date AAAA-MM-JJ"):
        Realisation(date=valeur, libelle="x")


@pytest.mark.parametrize("valeur", ["0000", 0, 86400, "20200615", "-86400"])
def test_jour_jamais_lu_comme_un_horodatage(valeur: object) -> None:
    """A full-date field (a member's « depuis », a meeting's date…) refuses a number or a text
    of digits instead of reading it as a day of 1970."""
    from pydantic import ValidationError

    from clsm_cli.modeles.membres import Membre

    with pytest.raises(ValidationError, match="date attendue"):
        Membre(id="a-b", nom="x", college="elus", depuis=valeur)
    assert Membre(id="a-b", nom="x", college="elus", depuis="2020-07-10").depuis == dt.date(
        2020, 7, 10
    )
