"""Library of the cellule: dates, codes, retention, and the statistics that survive a purge."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clsm_cli.cellule.calendrier import ajouter_mois, derniere_activite, situations_a_purger
from clsm_cli.cellule.registre import a_purger, code_suivant, lire_examen, prochain_code
from clsm_cli.cellule.statistiques import (
    Comptes,
    comptes,
    contributions,
    statistiques,
    tranche_delai,
)
from clsm_cli.modeles import (
    Examen,
    FichierClsm,
    FichierSituations,
    Problematique,
    SeanceCellule,
    Situation,
    TrancheAge,
)
from clsm_cli.modeles.archives import BilanArchive, FichierArchives
from clsm_cli.noyau.projet import Projet

D = dt.date
AUJOURDHUI = D(2026, 11, 26)


class ProjetEnMemoire(Projet):
    def aujourdhui(self) -> dt.date:
        return AUJOURDHUI


def projet_de(
    situations: list[Situation],
    seances: list[SeanceCellule] = (),  # type: ignore[assignment]
    archives: FichierArchives | None = None,
    **cellule: int,
) -> Projet:
    projet = ProjetEnMemoire(Path("."))
    projet.identite = FichierClsm(nom="CLSM", territoire="T", cellule=cellule or {})
    projet.fichier_situations = FichierSituations(situation=situations)
    projet.seances = {
        f"cellule/seances/{s.date.isoformat()}-{i}.toml": s for i, s in enumerate(seances)
    }
    projet.archives = archives or FichierArchives()
    return projet


def situation(code: str, saisine: dt.date, cloture: dt.date | None = None, **kw: Any) -> Situation:
    return Situation(
        code=code,
        date_saisine=saisine,
        date_cloture=cloture,
        statut="close" if cloture else "ouverte",
        **kw,
    )


# --- dates, codes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("jour", "mois", "attendu"),
    [
        (D(2025, 1, 31), 1, D(2025, 2, 28)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2024, 2, 29), 48, D(2028, 2, 29)),
        (D(2025, 11, 15), 2, D(2026, 1, 15)),
        (D(2025, 3, 31), -1, D(2025, 2, 28)),
        (D(2024, 11, 26), 24, D(2026, 11, 26)),
    ],
)
def test_ajouter_mois(jour: dt.date, mois: int, attendu: dt.date) -> None:
    assert ajouter_mois(jour, mois) == attendu


def test_code_suivant() -> None:
    assert code_suivant([], 2026) == "S-2026-001"
    assert code_suivant(["S-2026-001", "S-2025-014", "S-2026-009", "x", "S-2026-abc"], 2026) == (
        "S-2026-010"
    )
    assert code_suivant(["S-2026-999"], 2026) == "S-2026-1000"
    assert code_suivant(["S-2025-003"], 2026) == "S-2026-001"


def test_prochain_code_tient_compte_des_archives() -> None:
    projet = projet_de(
        [situation("S-2026-002", D(2026, 1, 5))],
        archives=FichierArchives(codes_utilises=["S-2026-004", "S-2025-001"]),
    )
    assert prochain_code(projet, 2026) == "S-2026-005"
    assert prochain_code(projet, 2025) == "S-2025-002"


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        ("S-2026-001", ("S-2026-001", None)),
        ("S-2026-001:CMP", ("S-2026-001", "CMP")),
        (
            " S-2026-001 : hospitalisation : sous contrainte ",
            ("S-2026-001", "hospitalisation : sous contrainte"),
        ),
        ("S-2026-001:", ("S-2026-001", None)),
    ],
)
def test_lire_examen(texte: str, attendu: tuple[str, str | None]) -> None:
    assert lire_examen(texte) == attendu


@pytest.mark.parametrize(
    ("saisine", "cloture", "bande"),
    [
        (D(2025, 1, 15), D(2025, 1, 15), "moins_1_mois"),
        (D(2025, 1, 15), D(2025, 2, 14), "moins_1_mois"),
        (D(2025, 1, 15), D(2025, 2, 15), "1_3_mois"),
        (D(2025, 1, 31), D(2025, 2, 28), "1_3_mois"),
        (D(2025, 1, 15), D(2025, 4, 14), "1_3_mois"),
        (D(2025, 1, 15), D(2025, 4, 15), "3_6_mois"),
        (D(2025, 1, 15), D(2025, 7, 14), "3_6_mois"),
        (D(2025, 1, 15), D(2025, 7, 15), "plus_6_mois"),
    ],
)
def test_tranche_delai(saisine: dt.date, cloture: dt.date, bande: str) -> None:
    assert tranche_delai(saisine, cloture) == bande


# --- retention -----------------------------------------------------------------------------


def test_situations_a_purger_aux_limites() -> None:
    situations = [
        situation("S-2024-001", D(2024, 1, 10), D(2024, 11, 26)),  # 24 months today: kept
        situation("S-2024-002", D(2024, 1, 10), D(2024, 11, 25)),  # one day more: due
        situation("S-2024-003", D(2024, 5, 2)),  # open, examined 2024-11-30: kept
        situation("S-2024-004", D(2024, 5, 2)),  # open, examined 2024-11-20: due
        situation("S-2026-001", D(2026, 1, 2)),
    ]
    seances = [
        SeanceCellule(date=D(2024, 11, 30), examen=[Examen(code="S-2024-003")]),
        SeanceCellule(date=D(2024, 11, 20), examen=[Examen(code="S-2024-004")]),
    ]
    projet = projet_de(situations, seances)
    assert derniere_activite(projet) == {
        "S-2024-001": D(2024, 11, 26),
        "S-2024-002": D(2024, 11, 25),
        "S-2024-003": D(2024, 11, 30),
        "S-2024-004": D(2024, 11, 20),
        "S-2026-001": D(2026, 1, 2),
    }
    assert [s.code for s in situations_a_purger(projet)] == ["S-2024-002", "S-2024-004"]
    assert [s.code for s in situations_a_purger(projet, D(2026, 12, 1))] == [
        "S-2024-001",
        "S-2024-002",
        "S-2024-003",
        "S-2024-004",
    ]
    assert [(d.code, d.derniere_activite) for d in a_purger(projet)] == [
        ("S-2024-002", D(2024, 11, 25)),
        ("S-2024-004", D(2024, 11, 20)),
    ]
    court = projet_de(situations, seances, conservation_mois=6)
    assert [s.code for s in situations_a_purger(court)] == [
        "S-2024-001",
        "S-2024-002",
        "S-2024-003",
        "S-2024-004",
        "S-2026-001",  # referred in January, nothing since
    ]


# --- statistics survive any purge (property) -----------------------------------------------

ORIGINES = st.sampled_from([None, "CCAS", "bailleur social", " CMP ", ""])
COMMUNES = st.sampled_from([None, "Testville", "Hameau"])
ORIENTATIONS = st.sampled_from([None, "CMP", "Équipe mobile", "  "])


@st.composite
def cellules(draw: st.DrawFn) -> tuple[list[Situation], list[SeanceCellule]]:
    n = draw(st.integers(0, 30))
    situations = []
    for i in range(n):
        saisine = draw(st.dates(D(2024, 1, 1), D(2025, 12, 31)))
        cloture = draw(st.none() | st.dates(saisine, D(2026, 11, 26)))
        situations.append(
            situation(
                f"S-{saisine.year}-{i + 1:03d}",
                saisine,
                cloture,
                origine=draw(ORIGINES),
                commune=draw(COMMUNES),
                qpv=draw(st.booleans()),
                tranche_age=draw(st.sampled_from(list(TrancheAge))),
                problematiques=draw(st.lists(st.sampled_from(list(Problematique)), max_size=3)),
            )
        )
    seances = []
    for jour in sorted(set(draw(st.lists(st.dates(D(2022, 1, 1), D(2026, 11, 26)), max_size=10)))):
        eligibles = [s.code for s in situations if s.date_saisine <= jour]
        codes = draw(st.lists(st.sampled_from(eligibles), unique=True)) if eligibles else []
        seances.append(
            SeanceCellule(
                date=jour,
                examen=[Examen(code=c, orientation=draw(ORIENTATIONS)) for c in codes],
            )
        )
    return situations, seances


def purger_en_memoire(projet: Projet, codes: set[str]) -> Projet:
    """What ``clsm cellule purger`` leaves: the same data without ``codes``, tallies archived
    (through the same Comptes.en_archive / ajouter_a the command writes with)."""
    tables = {a.annee: a.model_dump(mode="json") for a in projet.archives.annee}
    for annee, c in contributions(projet, codes).items():
        if annee in tables:
            tables[annee].update(c.ajouter_a(tables[annee]))
        else:
            tables[annee] = {"annee": annee, **c.en_archive()}
    archives = FichierArchives(
        codes_utilises=sorted({*projet.archives.codes_utilises, *codes}),
        annee=[BilanArchive.model_validate(t) for t in tables.values()],
    )
    seances = [
        s.model_copy(update={"examen": [e for e in s.examen if e.code not in codes]})
        for s in projet.seances.values()
    ]
    restantes = [s for s in projet.situations if s.code not in codes]
    return projet_de(restantes, seances, archives)


EXEMPLES = {"essais": 0, "series_verifiees": 0, "cellules_recalculables": 0}


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(cellules(), st.data())
def test_les_chiffres_survivent_a_deux_purges(
    donnees: tuple[list[Situation], list[SeanceCellule]], data: st.DataObject
) -> None:
    situations, seances = donnees
    projet = projet_de(situations, seances)
    annees = range(2021, 2028)
    avant = {a: comptes(projet, a) for a in annees}
    masques = {a: statistiques(projet, a) for a in annees}
    codes = [s.code for s in situations]
    premiere = set(data.draw(st.lists(st.sampled_from(codes), unique=True))) if codes else set()
    apres = purger_en_memoire(projet, premiere)
    restants = [c for c in codes if c not in premiere]
    seconde = (
        set(data.draw(st.lists(st.sampled_from(restants), unique=True))) if restants else set()
    )
    apres = purger_en_memoire(apres, seconde)
    for a in annees:
        assert comptes(apres, a) == avant[a]
        s = statistiques(apres, a)
        s.pop("archives_incluses")
        masques[a].pop("archives_incluses")
        assert s == masques[a]
    EXEMPLES["essais"] += 1


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(cellules())
def test_aucun_effectif_de_1_a_10_ne_sort(
    donnees: tuple[list[Situation], list[SeanceCellule]],
) -> None:
    """Every count is ≥ 11 or « masqué » (séances: any); and in each breakdown whose total
    is published (tranches d'âge, communes, QPV, origines → situations ouvertes; délais → closes;
    orientations → examens), no masked cell can be recomputed by subtraction."""
    projet = projet_de(*donnees)
    for annee in range(2022, 2027):
        s = statistiques(projet, annee)
        for cle, valeur in s.items():
            if cle in ("annee", "seuil_masquage", "archives_incluses"):
                continue
            if cle == "seances":
                continue
            valeurs = valeur.values() if isinstance(valeur, dict) else [valeur]
            for v in valeurs:
                assert v == "masqué" or (isinstance(v, int) and v >= 11), (cle, v)
        for serie, total in (
            ("tranches_age", "situations_ouvertes"),
            ("communes", "situations_ouvertes"),
            ("origines", "situations_ouvertes"),
            ("qpv", "situations_ouvertes"),
            ("delais", "situations_closes"),
            ("orientations", "examens"),
        ):
            EXEMPLES["series_verifiees"] += 1
            cellules_masquees = [v for v in s[serie].values() if v == "masqué"]
            if s[total] != "masqué" and len(cellules_masquees) == 1:
                EXEMPLES["cellules_recalculables"] += 1
    assert EXEMPLES["cellules_recalculables"] == 0


def test_comptes_additionnent_les_archives() -> None:
    archive = BilanArchive(
        annee=2024,
        situations_ouvertes=3,
        situations_closes=1,
        seances=2,
        problematiques={"logement": 2},
        tranches_age={"25_39": 1},
        orientations={"CMP": 4},
    )
    projet = projet_de(
        [situation("S-2024-009", D(2024, 6, 1), origine="CCAS", problematiques=["logement"])],
        [SeanceCellule(date=D(2024, 7, 1), examen=[Examen(code="S-2024-009")])],
        FichierArchives(annee=[archive]),
    )
    c = comptes(projet, 2024)
    assert c == Comptes(
        situations_ouvertes=4,
        situations_closes=1,
        situations_examinees=1,
        seances=3,
        examens=1,
        qpv=0,
        problematiques={"logement": 3},
        origines={"CCAS": 1, "Non précisée": 3},
        tranches_age={"25_39": 1, "inconnue": 3},
        communes={"Non précisée": 4},
        # an archived free text (an old folder's) counts as « autre »: it never leaves
        orientations={"autre": 4, "Non précisée": 1},
        delais={},
    )
    assert statistiques(projet, 2024)["archives_incluses"] is True
    assert statistiques(projet, 2025)["archives_incluses"] is False
