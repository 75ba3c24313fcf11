"""``clsm diagnostic`` and ``clsm diagnostic priorite`` (diagnostic.toml), the priorities of
the plan's axes (``clsm plan axe … --priorite``) and the verifier codes E205 / W305."""

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

DIAGNOSTIC = """#:schema .clsm/schemas/diagnostic.schema.json
version_schema = "1.0"

# Premier diagnostic, porté par l'observatoire
[[diagnostic]]
id = "diag-2018"
date = "2018"
realise_par = "ORS Normandie"
methode = ["données", "entretiens"]
constats = ["Délais d'accès au CMP"]

[[diagnostic.priorite]]
id = "soins"
libelle = "Accès aux soins"

[[diagnostic.priorite]]
id = "logement"
libelle = "Maintien dans le logement"
"""

PLAN = """version_schema = "1.0"

[[axe]]
id = "acces"
intitule = "Accès aux soins"  # premier axe
priorites = ["soins"]

[[axe]]
id = "habitat"
intitule = "Habitat"

[[action]]
id = "guide"
axe = "acces"
intitule = "Guide ressources"
type = "information_communication"
statut = "realisee"
"""


@pytest.fixture
def dossier(projet: Path) -> Path:
    (projet / "diagnostic.toml").write_text(DIAGNOSTIC, encoding="utf-8")
    (projet / "plan.toml").write_text(PLAN, encoding="utf-8")
    return projet


def lire(dossier: Path, chemin: str = "diagnostic.toml") -> dict[str, Any]:
    return tomllib.loads((dossier / chemin).read_text(encoding="utf-8"))


def instantane(dossier: Path) -> dict[str, bytes]:
    """Every data file's bytes (not clsm's own hidden folders: lock, cache)."""
    return {
        str(p.relative_to(dossier)): p.read_bytes()
        for p in sorted(dossier.rglob("*"))
        if p.is_file() and not any(x.startswith(".") for x in p.relative_to(dossier).parts[:-1])
    }


def refuse(clsm: Clsm, dossier: Path, *args: str, code: int = 2) -> str:
    """A command that must fail and change nothing; its stderr."""
    avant = instantane(dossier)
    r = clsm("-C", dossier, *args)
    assert r.exit_code == code, r.output
    assert instantane(dossier) == avant
    return r.stderr


# --- diagnostics -------------------------------------------------------------------------------


def test_ajouter_avec_priorites_puis_lister(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm, dossier, "diagnostic", "ajouter", "--date", "2023-06",
        "--realise-par", "en interne", "--methode", "ateliers", "--source", "PMSI",
        "--constat", "Isolement des aînés", "--constat", "Jeunes en errance",
        "--priorite", "Rompre l'isolement des personnes âgées",
        "--priorite", "Accès aux soins des jeunes",
    )  # fmt: skip
    assert r.output == (
        "✓ Diagnostic ajouté : juin 2023 par en interne — identifiant « diagnostic-2023 », "
        "2 priorité(s).\n"
    )
    texte = (dossier / "diagnostic.toml").read_text(encoding="utf-8")
    assert "# Premier diagnostic, porté par l'observatoire\n" in texte
    assert texte.endswith(
        '[[diagnostic]]\nid = "diagnostic-2023"\ndate = "2023-06"\nrealise_par = "en interne"\n'
        'methode = ["ateliers"]\nsources = ["PMSI"]\n'
        'constats = ["Isolement des aînés", "Jeunes en errance"]\n\n'
        '[[diagnostic.priorite]]\nid = "rompre-isolement-personnes"\n'
        'libelle = "Rompre l\'isolement des personnes âgées"\n\n'
        '[[diagnostic.priorite]]\nid = "acces-soins-jeunes"\n'
        'libelle = "Accès aux soins des jeunes"\n'
    )
    r = reussit(clsm, dossier, "--format", "json", "diagnostic", "liste")
    assert json.loads(r.stdout) == [
        {
            "id": "diag-2018",
            "date": "2018",
            "realise_par": "ORS Normandie",
            "methode": ["données", "entretiens"],
            "priorites": ["soins", "logement"],
        },
        {
            "id": "diagnostic-2023",
            "date": "2023-06",
            "realise_par": "en interne",
            "methode": ["ateliers"],
            "priorites": ["rompre-isolement-personnes", "acces-soins-jeunes"],
        },
    ]


def test_dates_imprecises_et_identifiant(clsm: Clsm, dossier: Path) -> None:
    reussit(clsm, dossier, "diagnostic", "ajouter", "--date", "2018-03-12")
    assert lire(dossier)["diagnostic"][1] == {
        "id": "diagnostic-2018",
        "date": dt.date(2018, 3, 12),
    }
    erreur = refuse(clsm, dossier, "diagnostic", "ajouter", "--date", "18/03/2018")
    assert erreur == (
        "Erreur : Date invalide pour --date : « 18/03/2018 » (forme attendue : AAAA, AAAA-MM ou "
        "AAAA-MM-JJ, par exemple 2018, 2018-06 ou 2018-06-12).\n"
    )
    erreur = refuse(clsm, dossier, "diagnostic", "ajouter")
    assert erreur == "Erreur : Valeur manquante : précisez --date — Date du diagnostic (AAAA).\n"
    erreur = refuse(clsm, dossier, "diagnostic", "ajouter", "--date", "2020", "--id", "diag-2018")
    assert erreur == "Erreur : --id : le diagnostic « diag-2018 » existe déjà.\n"


def test_voir_le_plus_recent_par_defaut(clsm: Clsm, dossier: Path) -> None:
    r = reussit(clsm, dossier, "diagnostic", "voir")
    assert [ligne.rstrip() for ligne in r.stdout.splitlines()] == [
        "Diagnostic « diag-2018 »",
        " Identifiant        diag-2018",
        " Date               2018",
        " Intitulé           —",
        " Réalisé par        ORS Normandie",
        " Méthode            données, entretiens",
        " Sources            —",
        " Constat 1          Délais d'accès au CMP",
        " Priorité soins     Accès aux soins (axes : acces)",
        " Priorité logement  Maintien dans le logement (axes : aucun axe)",
    ]
    assert refuse(clsm, dossier, "diagnostic", "voir", "diag-2019", code=3) == (
        "Erreur : Aucun diagnostic d'identifiant « diag-2019 » (diagnostics : diag-2018). "
        "Vouliez-vous dire « diag-2018 » ?\n"
    )


def test_modifier_et_effacer(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm, dossier, "diagnostic", "modifier", "diag-2018", "--intitule", "Diagnostic initial",
        "--methode", "questionnaire", "--effacer", "constats",
    )  # fmt: skip
    assert r.output == "✓ Diagnostic modifié : « diag-2018 ».\n"
    d = lire(dossier)["diagnostic"][0]
    assert (d["intitule"], d["methode"], "constats" in d) == (
        "Diagnostic initial",
        ["questionnaire"],
        False,
    )
    assert "# Premier diagnostic, porté par l'observatoire\n[[diagnostic]]" in (
        dossier / "diagnostic.toml"
    ).read_text(encoding="utf-8")
    assert refuse(
        clsm, dossier, "diagnostic", "modifier", "diag-2018", "--source", "PMSI",
        "--effacer", "sources",
    ) == "Erreur : --source et --effacer sources : choisissez.\n"  # fmt: skip
    r = reussit(clsm, dossier, "diagnostic", "modifier", "diag-2018", "--date", "2018")
    assert r.output == "✓ Aucun changement : « diag-2018 » était déjà à jour.\n"
    assert refuse(clsm, dossier, "diagnostic", "modifier", "diag-2018") == (
        "Erreur : Rien à modifier : indiquez au moins une option (voir « clsm diagnostic "
        "modifier --help »).\n"
    )


def test_retirer_refuse_tant_qu_un_axe_repond(clsm: Clsm, dossier: Path) -> None:
    assert refuse(clsm, dossier, "diagnostic", "retirer", "diag-2018", "--oui") == (
        "Erreur : Le diagnostic « diag-2018 » est utilisé : des axes du plan y répondent ; "
        "retirez d'abord la priorité de ces axes (clsm plan axe modifier AXE --priorite …) :\n"
        "  axe « acces » : priorité « soins »\n"
    )
    reussit(clsm, dossier, "plan", "axe", "modifier", "acces", "--aucune-priorite")
    r = reussit(clsm, dossier, "diagnostic", "retirer", "diag-2018", "--oui")
    assert r.output == "✓ Diagnostic « diag-2018 » retiré.\n"
    assert lire(dossier) == {"version_schema": "1.0"}


# --- priorities ------------------------------------------------------------------------------


def test_priorites_ajouter_modifier_retirer(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm, dossier, "diagnostic", "priorite", "ajouter", "diag-2018",
        "--libelle", "Santé mentale des jeunes", "--id", "jeunes",
    )  # fmt: skip
    assert (
        r.output == "✓ Priorité ajoutée : « Santé mentale des jeunes » — identifiant « jeunes ».\n"
    )
    assert [p["id"] for p in lire(dossier)["diagnostic"][0]["priorite"]] == [
        "soins",
        "logement",
        "jeunes",
    ]
    r = reussit(
        clsm, dossier, "diagnostic", "priorite", "modifier", "jeunes", "--libelle", "Jeunesse"
    )
    assert r.output == "✓ Priorité « jeunes » : « Jeunesse ».\n"
    assert lire(dossier)["diagnostic"][0]["priorite"][2] == {"id": "jeunes", "libelle": "Jeunesse"}
    assert refuse(
        clsm, dossier, "diagnostic", "priorite", "ajouter", "diag-2018", "--libelle", "X",
        "--id", "soins",
    ) == "Erreur : --id : la priorité « soins » existe déjà.\n"  # fmt: skip
    assert refuse(clsm, dossier, "diagnostic", "priorite", "retirer", "soins", "--oui") == (
        "Erreur : La priorité « soins » est utilisée : des axes du plan y répondent ; retirez "
        "d'abord la priorité de ces axes (clsm plan axe modifier AXE --priorite …) :\n"
        "  axe « acces » : priorité « soins »\n"
    )
    r = reussit(clsm, dossier, "diagnostic", "priorite", "retirer", "logement", "--oui")
    assert r.output == "✓ Priorité « logement » retirée.\n"
    assert [p["id"] for p in lire(dossier)["diagnostic"][0]["priorite"]] == ["soins", "jeunes"]
    assert refuse(clsm, dossier, "diagnostic", "priorite", "retirer", "logemnt", code=3) == (
        "Erreur : Aucune priorité d'identifiant « logemnt » (priorités : soins, jeunes).\n"
    )


def test_priorite_hors_terminal_demande_oui(clsm: Clsm, dossier: Path) -> None:
    assert refuse(clsm, dossier, "diagnostic", "priorite", "retirer", "logement") == (
        "Erreur : Retirer la priorité « Maintien dans le logement » (logement) ? — aucune "
        "réponse possible hors d'un terminal : ajoutez --oui pour confirmer.\n"
    )


# --- axes and priorities -------------------------------------------------------------------


def test_axe_modifier_priorites(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm, dossier, "plan", "axe", "modifier", "habitat", "--priorite", "logement",
        "--priorite", "soins", "--priorite", "logement",
    )  # fmt: skip
    assert r.output == "✓ Axe « habitat » : « Habitat » — priorités : logement, soins.\n"
    assert lire(dossier, "plan.toml")["axe"][1] == {
        "id": "habitat",
        "intitule": "Habitat",
        "priorites": ["logement", "soins"],
    }
    texte = (dossier / "plan.toml").read_text(encoding="utf-8")
    assert 'intitule = "Accès aux soins"  # premier axe\n' in texte
    r = reussit(clsm, dossier, "plan", "axe", "modifier", "habitat", "--aucune-priorite")
    assert r.output == "✓ Axe « habitat » : « Habitat » — priorités : aucune.\n"
    assert lire(dossier, "plan.toml")["axe"][1] == {"id": "habitat", "intitule": "Habitat"}
    r = reussit(clsm, dossier, "--format", "json", "plan", "axe", "ajouter", "--intitule",
                "Jeunes", "--priorite", "logement")  # fmt: skip
    assert json.loads(r.stdout) == {"id": "jeunes", "intitule": "Jeunes", "priorites": ["logement"]}


def test_axe_priorite_inconnue_refusee(clsm: Clsm, dossier: Path) -> None:
    assert refuse(clsm, dossier, "plan", "axe", "modifier", "habitat", "--priorite", "logemnt") == (
        "Erreur : --priorite : priorité inconnue « logemnt » (priorités : soins, logement). "
        "Vouliez-vous dire « logement » ?\n"
    )
    assert refuse(
        clsm, dossier, "plan", "axe", "modifier", "habitat", "--priorite", "soins",
        "--aucune-priorite",
    ) == "Erreur : --priorite et --aucune-priorite : choisissez.\n"  # fmt: skip


# --- verifier ----------------------------------------------------------------------------------


def test_verifier_w304_priorite_sans_axe(clsm: Clsm, dossier: Path) -> None:
    r = clsm("-C", dossier, "verifier")
    assert r.exit_code == 0
    assert r.stdout == (
        "diagnostic.toml:17: priorite.id: aucun axe du plan ne répond à la priorité "
        "« logement » (clsm plan axe modifier AXE --priorite logement) (W305)\n"
        "0 erreur(s), 1 avertissement(s).\n"
    )
    assert clsm("-C", dossier, "verifier", "--strict").exit_code == 1
    reussit(clsm, dossier, "plan", "axe", "modifier", "habitat", "--priorite", "logement")
    r = clsm("-C", dossier, "verifier")
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", "✓ Aucun problème.\n")


def test_verifier_w304_seulement_pour_le_dernier_diagnostic(clsm: Clsm, dossier: Path) -> None:
    reussit(clsm, dossier, "diagnostic", "ajouter", "--date", "2024", "--id", "diag-2024",
            "--priorite", "Logement")  # fmt: skip
    r = clsm("-C", dossier, "--format", "json", "verifier")
    assert [(p["code"], p["message"]) for p in json.loads(r.stdout)] == [
        (
            "W305",
            "aucun axe du plan ne répond à la priorité « logement-2 » (clsm plan axe modifier "
            "AXE --priorite logement-2)",
        )
    ]


def test_verifier_e205_priorite_inconnue_et_e202(clsm: Clsm, dossier: Path) -> None:
    (dossier / "plan.toml").write_text(
        PLAN.replace('priorites = ["soins"]', 'priorites = ["soins", "emploi"]'), encoding="utf-8"
    )
    (dossier / "diagnostic.toml").write_text(
        DIAGNOSTIC + '\n[[diagnostic]]\nid = "diag-2018"\ndate = 2021\n\n'
        '[[diagnostic.priorite]]\nid = "soins"\nlibelle = "Soins"\n',
        encoding="utf-8",
    )
    r = clsm("-C", dossier, "verifier")
    assert r.exit_code == 1
    # the 2021 diagnostic is the latest: its only priority is answered, so no W305
    assert r.stdout == (
        "diagnostic.toml:21: id: diagnostic « diag-2018 » en double (déjà utilisé ligne 6) "
        "(E202)\n"
        "diagnostic.toml:25: priorite.id: priorité « soins » en double (déjà utilisée ligne 13) "
        "(E202)\n"
        "plan.toml:6: priorites: priorité inconnue « emploi » (absente de diagnostic.toml) "
        "(E205)\n"
        "3 erreur(s), 0 avertissement(s).\n"
    )


def test_verifier_date_imprecise_invalide(clsm: Clsm, dossier: Path) -> None:
    (dossier / "diagnostic.toml").write_text(
        DIAGNOSTIC.replace('date = "2018"', 'date = "2018-13"'), encoding="utf-8"
    )
    r = clsm("-C", dossier, "verifier")
    assert r.exit_code == 1
    assert r.stdout == (
        "diagnostic.toml:7: date: date attendue : une date AAAA-MM-JJ, ou une année « AAAA » "
        "ou un mois « AAAA-MM » entre guillemets (E105)\n"
        "1 erreur(s), 0 avertissement(s).\n"
    )


def test_codes_dans_verifier_codes(clsm: Clsm) -> None:
    r = clsm("--format", "json", "verifier", "--codes")
    codes = {c["code"]: c["signification"] for c in json.loads(r.stdout)}
    assert codes["E205"] == "Priorité inconnue (absente de diagnostic.toml) dans un axe du plan"
    assert codes["W305"] == (
        "Priorité du dernier diagnostic à laquelle aucun axe du plan ne répond"
    )


def test_dates_ecrites_et_relues_a_l_identique(clsm: Clsm, dossier: Path) -> None:
    """A year or a month is written as text, a day as a TOML date; read back (first read,
    from the cache, without it) they stay « 2019 », never « 1er janvier 2019 »."""
    for date in ("2019", "2019-06", "2019-06-12"):
        reussit(clsm, dossier, "diagnostic", "ajouter", "--date", date)
    reussit(clsm, dossier, "diagnostic", "modifier", "diagnostic-2019-3", "--date", "2020-01")
    texte = (dossier / "diagnostic.toml").read_text(encoding="utf-8")
    assert texte.endswith(
        '\n[[diagnostic]]\nid = "diagnostic-2019"\ndate = "2019"\n'
        '\n[[diagnostic]]\nid = "diagnostic-2019-2"\ndate = "2019-06"\n'
        '\n[[diagnostic]]\nid = "diagnostic-2019-3"\ndate = "2020-01"\n'
    )
    reussit(clsm, dossier, "diagnostic", "modifier", "diagnostic-2019-3", "--date", "2019-06-12")
    texte = (dossier / "diagnostic.toml").read_text(encoding="utf-8")
    assert texte.endswith('\nid = "diagnostic-2019-3"\ndate = 2019-06-12\n')
    texte += '\n[[diagnostic]]\nid = "a-la-main"\ndate = 2017\n'  # a year as an integer
    (dossier / "diagnostic.toml").write_text(texte, encoding="utf-8")
    sorties = [
        (
            reussit(clsm, dossier, *options, "diagnostic", "liste").stdout,
            reussit(clsm, dossier, *options, "--format", "json", "diagnostic", "liste").stdout,
            reussit(clsm, dossier, *options, "diagnostic", "voir").stdout,
        )
        for options in ([], [], ["--sans-cache"])
    ]
    assert sorties[0] == sorties[1] == sorties[2]
    assert [(d["id"], d["date"]) for d in json.loads(sorties[0][1])] == [
        ("a-la-main", "2017"),
        ("diag-2018", "2018"),
        ("diagnostic-2019", "2019"),
        ("diagnostic-2019-2", "2019-06"),
        ("diagnostic-2019-3", "2019-06-12"),
    ]
    assert sorties[0][2].splitlines()[2].split() == ["Date", "12", "juin", "2019"]
    assert (dossier / "diagnostic.toml").read_text(encoding="utf-8") == texte
