"""Small-cell masking: exact examples, a line-by-line attacker, and an exact attacker (an
integer program over every published figure, see tests/attaquant.py) on random cellules."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clsm_cli.cellule.categories import ORIENTATIONS, ORIGINES
from clsm_cli.cellule.masquage import (
    MARQUE,
    MASQUE,
    Ligne,
    afficher,
    masquer,
    masquer_nombre,
    masquer_serie,
    somme_publiee,
)
from clsm_cli.cellule.statistiques import categories, comptes, publies, statistiques, systeme
from clsm_cli.modeles import Examen, SeanceCellule, Situation
from clsm_cli.modeles.archives import FichierArchives
from clsm_cli.modeles.identite import ParametresCellule
from clsm_cli.noyau.national import Consolidation, Resume
from tests.attaquant import Attaquant

Droite = tuple[list[int], int]  # (indexes of the cells, index of their total)


# --- the line-by-line attacker (a second check) --------------------------------------------------


def attaquer(connus: list[int | None], droites: list[Droite]) -> dict[int, int]:
    """Solve every line with exactly one unknown (cell or total), again and again until nothing
    more can be learnt; return what was recovered (index → value)."""
    valeurs = list(connus)
    appris: dict[int, int] = {}
    change = True
    while change:
        change = False
        for cellules, total in droites:
            inconnus = [k for k in [*cellules, total] if valeurs[k] is None]
            if len(inconnus) != 1:
                continue
            k = inconnus[0]
            if k == total:
                trouve = sum(v for c in cellules if (v := valeurs[c]) is not None)
            else:
                somme = sum(v for c in cellules if c != k and (v := valeurs[c]) is not None)
                t = valeurs[total]
                assert t is not None
                trouve = t - somme
            valeurs[k] = trouve
            appris[k] = trouve
            change = True
    return appris


def test_l_attaquant_ligne_a_ligne_retrouve_un_masque_seul() -> None:
    assert attaquer([None, 20, 25], [([0, 1], 2)]) == {0: 5}
    assert attaquer([3, 12, None], [([0, 1], 2)]) == {2: 15}


petits_ou_non = st.one_of(st.just(0), st.integers(1, 12), st.integers(0, 40))
seuils = st.one_of(st.just(11), st.integers(11, 25))


@settings(max_examples=300, deadline=None)
@given(st.lists(petits_ou_non, min_size=1, max_size=10), seuils)
def test_serie_masquee_est_sure(nombres: list[int], seuil: int) -> None:
    valeurs = {f"k{i}": n for i, n in enumerate(nombres)}
    masquees, total = masquer_serie(valeurs, seuil)
    assert list(masquees) == list(valeurs)  # order kept
    plat = [*masquees.values(), total]
    vrai = [*nombres, sum(nombres)]
    for montre, juste in zip(plat, vrai, strict=True):
        if montre is not MASQUE:
            assert montre == juste  # what is shown is true
            assert montre >= seuil  # 0 to seuil - 1 are never shown
    assert sum(v is MASQUE for v in plat) != 1
    assert attaquer(plat, [(list(range(len(nombres))), len(nombres))]) == {}


@st.composite
def systemes(draw: st.DrawFn) -> tuple[dict[str, int], list[Ligne]]:
    """Several series sharing totals, as the cellule publishes them (a tree of lines)."""
    valeurs: dict[str, int] = {}
    lignes = []
    for t in range(draw(st.integers(1, 3))):
        total = draw(st.one_of(st.integers(0, 15), st.integers(0, 60)))
        valeurs[f"T{t}"] = total
        for s in range(draw(st.integers(1, 4))):
            n = draw(st.integers(1, 7))
            parts = [0] * n
            for _ in range(total):
                parts[draw(st.integers(0, n - 1))] += 1
            noms = tuple(f"T{t}s{s}c{i}" for i in range(n))
            valeurs.update(zip(noms, parts, strict=True))
            lignes.append(Ligne(noms, f"T{t}"))
    return valeurs, lignes


@settings(max_examples=200, deadline=None)
@given(systemes())
def test_systeme_masque_resiste_a_l_attaquant_ligne_a_ligne(
    systeme_: tuple[dict[str, int], list[Ligne]],
) -> None:
    valeurs, lignes = systeme_
    m = masquer(valeurs, lignes)
    noms = list(valeurs)
    for nom in noms:
        assert m[nom] is MASQUE or (m[nom] == valeurs[nom] and valeurs[nom] >= 11)
    rang = {nom: i for i, nom in enumerate(noms)}
    droites = [([rang[c] for c in ligne.cellules], rang[ligne.total]) for ligne in lignes]
    assert attaquer([m[n] for n in noms], droites) == {}


# --- exact examples ------------------------------------------------------------------------------


def test_masquer_nombre_zero_a_dix_confondus() -> None:
    assert [masquer_nombre(n) for n in (0, 1, 10, 11, 250)] == [None, None, None, 11, 250]
    assert [masquer_nombre(n, seuil=15) for n in (14, 15)] == [None, 15]


def test_afficher() -> None:
    assert afficher(None) == MARQUE == "masqué"
    assert afficher(None, seuil=15) == "masqué"
    assert afficher(0) == "0"
    assert afficher(1234) == "1\u202f234"


def test_serie_un_seul_petit_effectif_entraine_le_plus_petit_visible() -> None:
    # « b » alone would be 55 - 20 - 30: the smallest visible count (20) goes too
    assert masquer_serie({"b": 5, "c": 20, "d": 30}) == ({"b": None, "c": None, "d": 30}, 55)
    # 0 is masked like 1–10: « a » and « b » protect each other (a + b = 5, each 0 to 5)
    assert masquer_serie({"a": 0, "b": 5, "c": 20, "d": 30}) == (
        {"a": None, "b": None, "c": 20, "d": 30},
        55,
    )
    # one small count, no other cell: two masked members (b and the total) already
    assert masquer_serie({"a": 40, "b": 3}) == ({"a": None, "b": None}, 43)
    assert masquer_serie({"a": 3}) == ({"a": None}, None)


def test_serie_sans_petit_effectif_reste_intacte() -> None:
    assert masquer_serie({"a": 11, "b": 30}) == ({"a": 11, "b": 30}, 41)
    assert masquer_serie({}) == ({}, None)  # an empty total is 0: masked too


def test_totaux_partages() -> None:
    valeurs = {"T": 15, "a1": 13, "a2": 2, "b1": 15, "b2": 0}
    m = masquer(valeurs, [Ligne(("a1", "a2"), "T"), Ligne(("b1", "b2"), "T")])
    assert m == {"T": 15, "a1": None, "a2": None, "b1": None, "b2": None}


def test_somme_publiee() -> None:
    assert somme_publiee([12, 30]).en_json() == 42
    assert somme_publiee([12, None, None]).texte() == "≥ 12 (2 parts masquées)"
    assert somme_publiee([None]).texte() == "≥ 0 (1 part masquée)"


def test_entrees_invalides() -> None:
    with pytest.raises(ValueError, match="positif ou nul"):
        masquer_serie({"a": -1})
    with pytest.raises(ValueError, match="inconnu"):
        masquer({"a": 1}, [Ligne(("a", "b"), "a")])


# --- random cellules for the exact attacker ------------------------------------------------------

COMMUNES = ["Valmont", "Lorvey", "Les Hauts"]
TRANCHES = ["moins_18", "18_24", "25_39", "40_59", "60_74", "75_plus", "inconnue"]
PROBLEMATIQUES = ["logement", "soins", "isolement", "addictions", "precarite", "autre"]


def faux_projet(situations: list[Situation], seances: list[SeanceCellule]) -> Any:
    """What statistics read of a folder, without files."""
    return SimpleNamespace(
        situations=situations,
        seances={f"cellule/seances/{s.date.isoformat()}.toml": s for s in seances},
        archives=FichierArchives(),
        identite=SimpleNamespace(
            cellule=ParametresCellule(), communes=COMMUNES[:2], qpv=COMMUNES[2:]
        ),
    )


@st.composite
def cellules(draw: st.DrawFn, annees: int = 2, maxi: int = 20) -> Any:
    debut = 2024
    nb_annees = draw(st.integers(1, annees))
    fin = debut + nb_annees - 1
    n = draw(st.integers(1, maxi))
    situations = []
    for i in range(n):
        annee = draw(st.integers(debut, fin))
        saisine = dt.date(annee, draw(st.integers(1, 12)), draw(st.integers(1, 28)))
        cloture = None
        if draw(st.booleans()):
            cloture = saisine + dt.timedelta(days=draw(st.integers(0, 400)))
            if cloture.year > fin:
                cloture = None
        situations.append(
            Situation(
                code=f"S-{annee}-{i + 1:03d}",
                date_saisine=saisine,
                origine=draw(st.sampled_from([*ORIGINES[:4], "texte libre", None])),
                tranche_age=draw(st.sampled_from(TRANCHES)),
                commune=draw(st.sampled_from([*COMMUNES, None])),
                qpv=draw(st.booleans()),
                problematiques=draw(st.lists(st.sampled_from(PROBLEMATIQUES), max_size=3)),
                statut="close" if cloture else "ouverte",
                date_cloture=cloture,
            )
        )
    seances = []
    orientations = st.sampled_from([*ORIENTATIONS[:3], "texte libre", None])
    jours = draw(st.sets(st.integers(0, 365 * nb_annees - 1), max_size=6 * nb_annees))
    for j in sorted(jours):
        date = dt.date(debut, 1, 1) + dt.timedelta(days=j)
        possibles = [s for s in situations if s.date_saisine <= date]
        choisis = []
        if possibles:
            choisis = draw(st.lists(st.sampled_from(possibles), unique_by=lambda s: s.code))
        seances.append(
            SeanceCellule(
                date=date,
                examen=[Examen(code=s.code, orientation=draw(orientations)) for s in choisis],
            )
        )
    projet = faux_projet(situations, seances)
    if draw(st.booleans()):  # some closed situations purged: their tallies go to archives
        projet = purger(projet, draw(st.sets(st.sampled_from([s.code for s in situations]))))
    return projet, list(range(debut, fin + 1))


def purger(projet: Any, codes: set[str]) -> Any:
    """What ``clsm cellule purger`` leaves: the other situations, and yearly tallies."""
    from clsm_cli.cellule.statistiques import contributions
    from clsm_cli.modeles.archives import BilanArchive

    archives = FichierArchives(
        codes_utilises=sorted(codes),
        annee=[
            BilanArchive(annee=a, **c.en_archive()) for a, c in contributions(projet, codes).items()
        ],
    )
    restantes = [s for s in projet.situations if s.code not in codes]
    seances = [
        s.model_copy(update={"examen": [e for e in s.examen if e.code not in codes]})
        for s in projet.seances.values()
    ]
    resultat = faux_projet(restantes, seances)
    resultat.archives = archives
    return resultat


def verite(projet: Any, annees: list[int], clsm: Any = 0) -> dict[tuple[Any, ...], int]:
    vrai = {}
    for a in annees:
        valeurs, _ = systeme(comptes(projet, a), categories(projet))
        vrai.update({(clsm, a, k): v for k, v in valeurs.items()})
    return vrai


def publier(attaquant: Attaquant, projet: Any, annees: list[int], clsm: Any = 0) -> None:
    for a in annees:
        attaquant.statistiques(clsm, json.loads(json.dumps(statistiques(projet, a))))
    attaquant.cumuls(clsm, annees)


def resume(projet: Any, nom: str, annees: list[int]) -> Resume:
    """The cellule part of what ``national`` reads of a folder (the real :func:`publies`)."""
    return Resume(
        dossier=nom, nom=nom, territoire="", communes=1, population=None, qpv=0, seuil=11,
        membres={}, instances={}, actions_par_type={}, actions_par_statut={},
        actions_par_theme={}, actions_qpv=0, realisations={}, sism={},
        cellule={a: publies(projet, a) for a in annees}, financements={},
    )  # fmt: skip


def national(resumes: list[Resume], annee: int) -> dict[str, Any]:
    c = Consolidation(annee=annee, resumes=resumes)
    return json.loads(json.dumps(c.en_dict()))


def attaquer_ligne_a_ligne(projet: Any, annee: int) -> dict[int, int]:
    """The second check: the line-by-line attacker on one year's published figures."""
    from clsm_cli.cellule.statistiques import TOTAUX

    p = publies(projet, annee)
    noms = list(p)
    rang = {nom: i for i, nom in enumerate(noms)}
    cats = categories(projet)
    droites = [
        ([rang[f"{serie}:{c}"] for c in cats[serie]], rang[total])
        for serie, total in TOTAUX.items()
    ]
    return attaquer([p[n] for n in noms], droites)


def attaquer_cellules(cas: list[tuple[Any, list[int]]]) -> dict[tuple[Any, ...], int]:
    """Every output of every CLSM, and national runs with all and without each one."""
    for projet, annees in cas:
        for a in annees:
            assert attaquer_ligne_a_ligne(projet, a) == {}
    attaquant = Attaquant()
    vrai: dict[tuple[Any, ...], int] = {}
    resumes = []
    for i, (projet, annees) in enumerate(cas):
        publier(attaquant, projet, annees, i)
        vrai.update(verite(projet, annees, i))
        resumes.append(resume(projet, f"c{i}", annees))
    if len(cas) > 1:
        toutes = sorted({a for _, annees in cas for a in annees})
        for annee in toutes:
            attaquant.national(list(range(len(cas))), national(resumes, annee))
            for sans in range(len(cas)):
                garde = [i for i in range(len(cas)) if i != sans]
                attaquant.national(garde, national([resumes[i] for i in garde], annee))
    attaquant.regle()
    return attaquant.epingles(vrai)


def test_cas_13_1_1_exact() -> None:
    """15 situations: 13 aged 25–39, one 40–59, one 60–74 (issue 11)."""
    situations = [
        Situation(
            code=f"S-2026-{i + 1:03d}",
            date_saisine=dt.date(2026, 3, 1),
            tranche_age=age,
            origine="CCAS",
            commune="Valmont",
        )
        for i, age in enumerate(["25_39"] * 13 + ["40_59", "60_74"])
    ]
    projet = faux_projet(situations, [])
    d = statistiques(projet, 2026)
    assert d["situations_ouvertes"] == 15
    assert d["tranches_age"] == {
        "moins_18": "masqué",
        "18_24": "masqué",
        "25_39": 13,
        "40_59": "masqué",
        "60_74": "masqué",
        "75_plus": "masqué",
        "inconnue": "masqué",
    }
    assert 0 not in d["tranches_age"].values()
    attaquant = Attaquant()
    publier(attaquant, projet, [2026])
    assert attaquant.bornes((0, 2026, "tranches_age:40_59")) == (0, 2)
    assert attaquant.bornes((0, 2026, "tranches_age:60_74")) == (0, 2)
    assert attaquer_cellules([(projet, [2026])]) == {}


def test_demo_exacte(demo: Path) -> None:
    """The demo: every year's statistiques, and national with the demo twice (as two CLSM)."""
    from clsm_cli.noyau.projet import Projet

    projet = Projet.ouvrir(demo)
    annees = [2025, 2026]
    d = statistiques(projet, 2025)
    assert d["examens"] == 19 and d["seances"] == 4
    # issue 11: « examens 19 » beside orientations all « < 11 » pinned 17 of them at 1
    assert all(v == "masqué" for v in d["orientations"].values())
    attaquant = Attaquant()
    publier(attaquant, projet, annees)
    assert attaquant.bornes((0, 2025, "orientations:soins")) == (0, 19)
    assert attaquer_cellules([(projet, annees)]) == {}
    assert attaquer_cellules([(projet, annees), (projet, annees)]) == {}


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(cellules(), min_size=1, max_size=2))
def test_attaquant_exact_rapide(cas: list[tuple[Any, list[int]]]) -> None:
    """60 random cellules (1–20 situations, 1–2 years; national when several)."""
    assert attaquer_cellules(cas) == {}


@pytest.mark.slow
@settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(cellules(annees=3, maxi=40), min_size=1, max_size=5))
def test_attaquant_exact_500_cellules(cas: list[tuple[Any, list[int]]]) -> None:
    """≥ 500 random cellules: tiny and larger, 1–3 years, national runs over 2–5 CLSM."""
    assert attaquer_cellules(cas) == {}
