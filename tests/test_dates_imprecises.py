"""Imprecise dates of the council's history (modeles.dates_imprecises): reading, bounds, order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from clsm_cli.modeles.dates_imprecises import (
    annee_de,
    cle_date,
    dernier_avant,
    dernier_jour,
    lire_date_imprecise,
    par_date,
    premier_jour,
)
from clsm_cli.noyau.historique import date_imprecise_fr, date_imprecise_quand


@pytest.mark.parametrize(
    ("valeur", "lue"),
    [
        ("2018", "2018"),
        (" 2018-06 ", "2018-06"),
        (2018, "2018"),
        ("2018-06-12", dt.date(2018, 6, 12)),
        (dt.date(2018, 6, 12), dt.date(2018, 6, 12)),
        (dt.datetime(2018, 6, 12), dt.date(2018, 6, 12)),
    ],
)
def test_lire(valeur: object, lue: object) -> None:
    assert lire_date_imprecise(valeur) == lue


@pytest.mark.parametrize(
    "valeur", ["2018-13", "18", "1890", "2018-02-30", "juin 2018", True, 2018.5, None]
)
def test_refus(valeur: object) -> None:
    with pytest.raises(ValueError, match="date attendue"):
        lire_date_imprecise(valeur)


def test_bornes_et_textes() -> None:
    assert (premier_jour("2018"), dernier_jour("2018")) == (
        dt.date(2018, 1, 1),
        dt.date(2018, 12, 31),
    )
    assert dernier_jour("2020-02") == dt.date(2020, 2, 29)
    assert dernier_jour("2019-12") == dt.date(2019, 12, 31)
    assert annee_de("2019-12") == 2019
    assert [date_imprecise_fr(v) for v in ("2018", "2018-06", dt.date(2018, 6, 1))] == [
        "2018",
        "juin 2018",
        "1er juin 2018",
    ]
    assert [date_imprecise_quand(v) for v in ("2018", "2018-06", dt.date(2018, 6, 12))] == [
        "en 2018",
        "en juin 2018",
        "le 12 juin 2018",
    ]


@dataclass
class Enregistrement:
    date: dt.date | str
    nom: str


def test_ordre_et_dernier() -> None:
    elements = [
        Enregistrement(dt.date(2018, 3, 1), "jour"),
        Enregistrement("2018-03", "mois"),
        Enregistrement("2018", "année"),
        Enregistrement("2017-12", "avant"),
    ]
    assert [e.nom for e in par_date(elements)] == ["avant", "année", "mois", "jour"]
    assert cle_date("2018") < cle_date("2018-01") < cle_date(dt.date(2018, 1, 1))
    assert dernier_avant(elements).nom == "jour"  # type: ignore[union-attr]
    assert dernier_avant(elements, dt.date(2018, 1, 15)).nom == "année"  # type: ignore[union-attr]
    assert dernier_avant(elements, dt.date(2017, 6, 1)) is None
