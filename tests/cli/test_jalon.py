"""``clsm jalon`` (``[[jalon]]`` of clsm.toml), ``init --date-creation`` and the CLS / PTSM
links of ``clsm identite modifier``."""

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

Clsm = Callable[..., Result]


def lire(dossier: Path) -> dict[str, Any]:
    return tomllib.loads((dossier / "clsm.toml").read_text(encoding="utf-8"))


def test_ajouter_lister_retirer(clsm: Clsm, projet: Path) -> None:
    r = reussit(clsm, projet, "jalon", "ajouter", "--date", "2021-12", "--type",
                "bilan_intermediaire")  # fmt: skip
    assert r.output == "✓ Jalon ajouté : décembre 2021 — Bilan intermédiaire.\n"
    reussit(clsm, projet, "jalon", "ajouter", "--date", "2015", "--type", "creation")
    reussit(clsm, projet, "jalon", "ajouter", "--date", "2019-03-12", "--type",
            "convention_signee", "--libelle", "Signature de la première convention")  # fmt: skip
    assert lire(projet)["jalon"] == [
        {"date": "2021-12", "type": "bilan_intermediaire"},
        {"date": "2015", "type": "creation"},
        {
            "date": dt.date(2019, 3, 12),
            "type": "convention_signee",
            "libelle": "Signature de la première convention",
        },
    ]
    r = reussit(clsm, projet, "--format", "json", "jalon", "liste")
    assert json.loads(r.stdout) == [
        {"numero": 1, "date": "2015", "type": "creation", "libelle": "Création du CLSM"},
        {
            "numero": 2,
            "date": "2019-03-12",
            "type": "convention_signee",
            "libelle": "Signature de la première convention",
        },
        {
            "numero": 3,
            "date": "2021-12",
            "type": "bilan_intermediaire",
            "libelle": "Bilan intermédiaire",
        },
    ]
    r = reussit(clsm, projet, "jalon", "retirer", "2", "--oui")
    assert r.output == "✓ Jalon retiré : 12 mars 2019 — Signature de la première convention.\n"
    assert [j["type"] for j in lire(projet)["jalon"]] == ["bilan_intermediaire", "creation"]
    r = clsm("-C", projet, "jalon", "retirer", "3", "--oui")
    assert (r.exit_code, r.stderr) == (
        3,
        "Erreur : Aucun jalon n° 3 : la liste en compte 2 (voir « clsm jalon liste »).\n",
    )


def test_types_de_jalon_du_modele() -> None:
    from clsm_cli.cli.jalon import TYPES_JALON
    from clsm_cli.modeles import LIBELLES_TYPE_JALON, TypeJalon

    assert TYPES_JALON == [t.value for t in TypeJalon] == list(LIBELLES_TYPE_JALON)


def test_refus(clsm: Clsm, projet: Path) -> None:
    avant = (projet / "clsm.toml").read_bytes()
    r = clsm("-C", projet, "jalon", "ajouter", "--date", "juin 2020", "--type", "autre")
    assert (r.exit_code, r.stderr) == (
        2,
        "Erreur : Date invalide pour --date : « juin 2020 » (forme attendue : AAAA, AAAA-MM ou "
        "AAAA-MM-JJ, par exemple 2018, 2018-06 ou 2018-06-12).\n",
    )
    r = clsm("-C", projet, "jalon", "ajouter", "--date", "2020")
    assert r.stderr == (
        "Erreur : Valeur manquante : précisez --type — Type de jalon (valeurs possibles : "
        "creation, diagnostic, convention_signee, renouvellement, bilan_intermediaire, "
        "evaluation, autre).\n"
    )
    assert (projet / "clsm.toml").read_bytes() == avant
    r = clsm("-C", projet, "jalon", "liste")
    assert (r.exit_code, r.stdout, r.stderr) == (
        0,
        "",
        "Aucun jalon : ajoutez-en un avec « clsm jalon ajouter --date … --type … ».\n",
    )


def test_init_date_creation_ajoute_le_jalon(clsm: Clsm, tmp_path: Path) -> None:
    r = clsm("init", tmp_path / "a", "--nom", "CLSM A", "--date-creation", "2015")
    assert r.exit_code == 0, r.output
    donnees = lire(tmp_path / "a")
    assert donnees["jalon"] == [{"date": "2015", "type": "creation"}]
    assert "date_creation" not in donnees  # a year only: no invented day
    r = clsm("init", tmp_path / "b", "--date-creation", "2016-09-20")
    donnees = lire(tmp_path / "b")
    assert (donnees["date_creation"], donnees["jalon"]) == (
        dt.date(2016, 9, 20),
        [{"date": dt.date(2016, 9, 20), "type": "creation"}],
    )
    r = clsm("-C", tmp_path / "b", "verifier")
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", "✓ Aucun problème.\n")
    r = clsm("init", tmp_path / "c")
    assert "jalon" not in lire(tmp_path / "c")
    r = clsm("init", tmp_path / "d", "--date-creation", "20/09/2016")
    assert (r.exit_code, (tmp_path / "d").exists()) == (2, False)


def test_init_au_terminal_propose_le_jalon(
    clsm: Clsm, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLSM_INTERACTIF", "1")
    # territoire, nom (default), coordination (name, e-mail: left blank), then the milestone
    avant = "Testville\n\n\n\n"
    r = clsm("init", tmp_path / "a", "--date-creation", "2015", input=avant + "n\n")
    assert r.exit_code == 0, r.output
    assert "Ajouter le jalon « Création du CLSM » (2015) ? [O/n] : " in r.output
    assert "jalon" not in lire(tmp_path / "a")
    r = clsm("init", tmp_path / "b", "--date-creation", "2015", input=avant + "\n")
    assert lire(tmp_path / "b")["jalon"] == [{"date": "2015", "type": "creation"}]


def test_identite_cls_et_ptsm(clsm: Clsm, projet: Path) -> None:
    r = reussit(
        clsm, projet, "identite", "modifier", "--cls-nom", "CLS de Testville",
        "--cls-periode", "2023-2027", "--cls-fiche-action", "4.2",
        "--ptsm-nom", "PTSM du Calvados", "--ptsm-periode", "2020",
    )  # fmt: skip
    assert r.output == (
        "✓ clsm.toml modifié : cls-periode, ptsm-periode, cls-nom, cls-fiche-action, ptsm-nom.\n"
    )
    donnees = lire(projet)
    assert (donnees["cls"], donnees["ptsm"]) == (
        {"nom": "CLS de Testville", "debut": 2023, "fin": 2027, "fiche_action": "4.2"},
        {"nom": "PTSM du Calvados", "debut": 2020},
    )
    r = reussit(clsm, projet, "identite", "voir")
    lignes = [ligne.rstrip() for ligne in r.stdout.splitlines()]
    i = lignes.index("Contrat local de santé et PTSM")
    assert lignes[i + 1 : i + 6] == [
        " CLS              CLS de Testville",
        " Période du CLS   2023-2027",
        " Fiche action     4.2",
        " PTSM             PTSM du Calvados",
        " Période du PTSM  depuis 2020",
    ]
    reussit(clsm, projet, "identite", "modifier", "--effacer", "ptsm")
    assert "ptsm" not in lire(projet)
    r = clsm("-C", projet, "identite", "modifier", "--cls-periode", "2027-2023")
    assert (r.exit_code, r.stderr) == (
        2,
        "Erreur : Valeur refusée : --cls-periode : l'année de fin précède l'année de début.\n",
    )
    r = clsm("-C", projet, "identite", "modifier", "--cls-periode", "bientôt")
    assert r.stderr == (
        "Erreur : --cls-periode : « bientôt » n'est pas une période AAAA-AAAA (par exemple "
        "2023-2027).\n"
    )


def test_dates_ecrites_et_relues_a_l_identique(clsm: Clsm, projet: Path, tmp_path: Path) -> None:
    """A year or a month is written as text, a day as a TOML date; read back (first read,
    from the cache, without it) they stay « 2015 », never « 1er janvier 2015 »."""
    for date in ("2015", "2015-04", "2015-04-03"):
        reussit(clsm, projet, "jalon", "ajouter", "--date", date, "--type", "autre")
    texte = (projet / "clsm.toml").read_text(encoding="utf-8")
    assert texte.endswith(
        '\n[[jalon]]\ndate = "2015"\ntype = "autre"\n'
        '\n[[jalon]]\ndate = "2015-04"\ntype = "autre"\n'
        '\n[[jalon]]\ndate = 2015-04-03\ntype = "autre"\n'
    )
    # also accepted as written by hand: a year as an integer, a day as a string
    texte += '\n[[jalon]]\ndate = 2014\ntype = "autre"\n'
    texte += '\n[[jalon]]\ndate = "2013-02-01"\ntype = "autre"\n'
    (projet / "clsm.toml").write_text(texte, encoding="utf-8")
    sorties = [
        (
            reussit(clsm, projet, *options, "jalon", "liste").stdout,
            reussit(clsm, projet, *options, "--format", "json", "jalon", "liste").stdout,
        )
        for options in ([], [], ["--sans-cache"])
    ]
    assert sorties[0] == sorties[1] == sorties[2]
    dates = [j["date"] for j in json.loads(sorties[0][1])]
    assert dates == ["2013-02-01", "2014", "2015", "2015-04", "2015-04-03"]
    assert [ligne.split("│")[2].strip() for ligne in sorties[0][0].splitlines()[4:-1]] == [
        "1er février 2013",
        "2014",
        "2015",
        "avril 2015",
        "3 avril 2015",
    ]
    assert (projet / "clsm.toml").read_text(encoding="utf-8") == texte


@pytest.mark.parametrize(
    ("option", "jalon", "date_creation"),
    [
        ("2015", '"2015"', None),
        ("2015-04", '"2015-04"', None),
        ("2015-04-03", "2015-04-03", "2015-04-03"),
    ],
)
def test_init_date_creation_texte(
    clsm: Clsm, tmp_path: Path, option: str, jalon: str, date_creation: str | None
) -> None:
    r = clsm("init", tmp_path / "a", "--nom", "CLSM A", "--date-creation", option)
    assert r.exit_code == 0, r.output
    texte = (tmp_path / "a" / "clsm.toml").read_text(encoding="utf-8")
    assert texte.endswith(f'\n[[jalon]]\ndate = {jalon}\ntype = "creation"\n')
    assert (f"\ndate_creation = {date_creation}\n" in texte) == (date_creation is not None)
