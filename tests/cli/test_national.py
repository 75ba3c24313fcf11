"""``clsm national``: figures recomputed here from the TOML files, broken folders reported and
skipped, and nothing that names a person or a situation in the output."""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import tomllib
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from clsm_cli.noyau.national import (
    Resume,
    consolider,
    theme_d_axe,
    trouver_dossiers,
    type_de_financeur,
)

from ..conftest import AUJOURDHUI, RACINE_DEPOT

sys.path.insert(0, str(RACINE_DEPOT / "benchmarks"))

from generer import generer

JOUR = dt.date.fromisoformat(AUJOURDHUI)
ANNEE = JOUR.year - 1
TYPES_FINANCEURS = {  # the generator's funders, classified by hand
    "ARS Grand Est": "ars",
    "Ville de ": "communes_epci",
    "Conseil départemental": "departement",
    "Préfecture — politique de la ville": "etat_politique_ville",
    "Fondation de France": "autre",
}


@pytest.fixture(scope="module")
def _modeles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    racine = tmp_path_factory.mktemp("national")
    generer(racine / "reseau" / "a-petit", "petit", graine=1)
    generer(racine / "reseau" / "b-petit", "petit", graine=2)
    generer(racine / "reseau" / "sous" / "c-moyen", "moyen", graine=3)
    casse = generer(racine / "reseau" / "d-casse", "petit", graine=4)
    with (casse / "membres.toml").open("a", encoding="utf-8") as f:
        f.write('\n[[membre]]\nid = "jean-dupont"\nnom = "Dupont"\ncollege = "Jean Dupont"\n')
    return racine / "reseau"


@pytest.fixture
def reseau(tmp_path: Path, _modeles: Path) -> Path:
    import shutil

    cible = tmp_path / "reseau"
    shutil.copytree(_modeles, cible)
    return cible


def bons(reseau: Path) -> list[Path]:
    return [reseau / "a-petit", reseau / "b-petit", reseau / "sous" / "c-moyen"]


def lire(dossier: Path, chemin: str) -> dict[str, Any]:
    return tomllib.loads((dossier / chemin).read_text(encoding="utf-8"))


def lire_tous(dossier: Path, sous: str) -> list[dict[str, Any]]:
    return [
        tomllib.loads(p.read_text(encoding="utf-8"))
        for p in sorted((dossier / sous).glob("*.toml"))
    ]


def attendu(dossier: Path) -> dict[str, Any]:
    """The figures of one folder, computed from its files with tomllib only."""
    identite = lire(dossier, "clsm.toml")
    membres = [
        m
        for m in lire(dossier, "membres.toml").get("membre", [])
        if m.get("depuis", JOUR) <= JOUR and m.get("jusqu_a", JOUR) >= JOUR
    ]
    instances: Counter[tuple[int, str]] = Counter()
    for r in lire_tous(dossier, "reunions"):
        if r["date"] <= JOUR:
            genre = "groupes" if r["instance"].startswith("groupe:") else r["instance"]
            instances[(r["date"].year, genre)] += 1
    actions = lire(dossier, "plan.toml").get("action", [])
    sism = {s["annee"]: s["evenement"] for s in lire_tous(dossier, "sism")}
    financements: Counter[tuple[int, str]] = Counter()
    for f in identite.get("financement", []):
        genre = next(t for debut, t in TYPES_FINANCEURS.items() if f["financeur"].startswith(debut))
        financements[(f["annee"], genre)] += f["montant"]
    situations = lire(dossier, "cellule/situations.toml").get("situation", [])
    seances = lire_tous(dossier, "cellule/seances")
    return {
        "population": identite["population"],
        "communes": len(identite["communes"]),
        "qpv": len(identite.get("qpv", [])),
        "colleges": Counter(m["college"] for m in membres),
        "instances": instances,
        "types": Counter(a["type"] for a in actions),
        "statuts": Counter(a["statut"] for a in actions),
        "qpv_actions": sum(1 for a in actions if a.get("qpv")),
        "sism": sism,
        "financements": financements,
        "ouvertes": Counter(s["date_saisine"].year for s in situations),
        "seances": Counter(s["date"].year for s in seances),
    }


def test_indicateurs_recalcules(reseau: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("--format", "json", "national", reseau, "--recursif")
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    a = [attendu(p) for p in bons(reseau)]
    assert d["resume"] == {
        "dossiers_consolides": 3,
        "dossiers_ignores": 1,
        "annee": ANNEE,
        "texte": "3 dossiers consolidés, 1 ignoré",
    }
    assert d["territoire"] == {
        "nombre_clsm": 3,
        "population_couverte": sum(x["population"] for x in a),
        "clsm_sans_population": 0,
        "monocommunaux": sum(1 for x in a if x["communes"] == 1),
        "intercommunaux": sum(1 for x in a if x["communes"] > 1),
        "communes": sum(x["communes"] for x in a),
        "clsm_avec_qpv": sum(1 for x in a if x["qpv"]),
        "qpv_couverts": sum(x["qpv"] for x in a),
    }
    for college in ("elus", "psychiatrie", "social_medico_social", "autres"):
        valeurs = [x["colleges"][college] for x in a]
        assert d["membres_par_college"][college] == {
            "total": sum(valeurs),
            "moyenne": round(statistics.fmean(valeurs), 1),
            "min": min(valeurs),
            "mediane": statistics.median(valeurs),
            "max": max(valeurs),
        }
    totaux = [sum(x["colleges"].values()) for x in a]
    assert d["membres_par_college"]["total"]["total"] == sum(totaux)
    annees = sorted({annee for x in a for annee, _ in x["instances"]})
    assert list(d["instances_par_annee"]) == [str(annee) for annee in annees]
    for annee in annees:
        ligne = d["instances_par_annee"][str(annee)]
        for genre in ("copil", "pleniere", "groupes", "comite_technique"):
            assert ligne[genre] == sum(x["instances"][(annee, genre)] for x in a)
        assert ligne["clsm_avec_pleniere"] == sum(
            1 for x in a if x["instances"][(annee, "pleniere")]
        )
    assert d["actions"]["par_type"] == {
        t: sum(x["types"][t] for x in a) for t in d["actions"]["par_type"]
    }
    assert sum(d["actions"]["par_type"].values()) == sum(sum(x["types"].values()) for x in a)
    assert d["actions"]["par_statut"]["realisee"] == sum(x["statuts"]["realisee"] for x in a)
    assert d["actions"]["qpv"] == sum(x["qpv_actions"] for x in a)
    assert sum(d["actions"]["par_theme"].values()) == d["actions"]["total"]
    for annee in (ANNEE - 1, ANNEE):
        evenements = [e for x in a for e in x["sism"].get(annee, [])]
        s = d["sism_par_annee"][str(annee)]
        assert s["clsm_participants"] == sum(1 for x in a if annee in x["sism"])
        assert s["evenements"] == len(evenements)
        assert s["participants"] == sum(e["participants"] for e in evenements)
        assert {k: n for k, n in s["types"].items() if n} == dict(
            Counter(e["type"] for e in evenements)
        )
        f = d["financements_par_annee"][str(annee)]
        for genre in ("ars", "communes_epci", "departement", "etat_politique_ville", "autre"):
            assert f[genre] == sum(x["financements"][(annee, genre)] for x in a)
        assert f["total"] == sum(
            v for x in a for (an, _), v in x["financements"].items() if an == annee
        )


def test_cellule_masquee_y_compris_par_clsm(reseau: Path, clsm: Callable[..., Result]) -> None:
    """Each CLSM's cellule figures are those its own statistiques publish (0 to 10 masked);
    a consolidated figure is the sum of the published figures, « ≥ N (k parts masquées) » when
    some are masked: nothing a reader of the bilans could not compute."""
    from clsm_cli.cellule.statistiques import statistiques
    from clsm_cli.noyau.projet import Projet

    d = json.loads(clsm("--format", "json", "national", reseau, "-r").stdout)
    a = [attendu(p) for p in bons(reseau)]
    colonne = [ligne[f"cellule_situations_ouvertes_{ANNEE}"] for ligne in d["clsm"]]
    publies = []
    for p, x in zip(bons(reseau), a, strict=True):
        actif = ANNEE in x["ouvertes"] or ANNEE in x["seances"]
        publies.append(statistiques(Projet.ouvrir(p), ANNEE) if actif else None)
    for vu, stats in zip(colonne, publies, strict=True):
        assert vu == (stats["situations_ouvertes"] if stats else 0)
    visibles = [v for v in colonne if isinstance(v, int)]
    masques = len(colonne) - len(visibles)
    total = d["cellule_par_annee"][str(ANNEE)]["situations_ouvertes"]
    if masques:
        parts = "part masquée" if masques == 1 else "parts masquées"
        assert total == f"≥ {sum(visibles)} ({masques} {parts})"
    else:
        assert total == sum(visibles)
    seances = [x["seances"][ANNEE] for x in a]
    vus = [ligne[f"cellule_seances_{ANNEE}"] for ligne in d["clsm"]]
    assert vus == seances  # séances count no person: never masked
    # every visible cellule figure but séances is 0 (no activity) or at least 11
    for ligne in d["cellule_par_annee"].values():
        for cle, valeur in ligne.items():
            valeurs = valeur.values() if isinstance(valeur, dict) else [valeur]
            if cle not in ("clsm_avec_activite", "seances"):
                assert all(
                    (isinstance(v, str) and v.startswith("≥ ")) or v == 0 or v >= 11
                    for v in valeurs
                ), (cle, valeur)


def test_dossier_casse_signale_et_ignore(reseau: Path, clsm: Callable[..., Result]) -> None:
    texte = (reseau / "d-casse" / "membres.toml").read_text(encoding="utf-8")
    ligne = texte.splitlines().index('college = "Jean Dupont"') + 1
    avant = (reseau / "d-casse" / "membres.toml").read_bytes()
    r = clsm("--format", "json", "national", reseau, "--recursif")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["ignores"] == [
        {
            "dossier": str(reseau / "d-casse"),
            "problemes": [
                f"membres.toml:{ligne}: college: Valeur hors du vocabulaire autorisé (E103)"
            ],
        }
    ]
    assert r.stderr == (
        f"Attention : {reseau / 'd-casse'} ignoré :\n"
        f"  membres.toml:{ligne}: college: Valeur hors du vocabulaire autorisé (E103)\n"
        "3 dossiers consolidés, 1 ignoré.\n"
    )
    assert (reseau / "d-casse" / "membres.toml").read_bytes() == avant


def test_aucun_dossier_consolide(reseau: Path, clsm: Callable[..., Result], tmp_path: Path) -> None:
    (tmp_path / "vide").mkdir()
    r = clsm("national", reseau / "d-casse", tmp_path / "vide", tmp_path / "absent")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[-1] == (
        "Erreur : Aucun dossier n'a pu être consolidé (0 dossier consolidé, 3 ignorés)."
    )
    assert f"{tmp_path / 'vide'} ignoré :\n  pas de clsm.toml : ce n'est pas un dossier clsm" in (
        r.stderr
    )
    r = clsm("national", tmp_path / "vide", "--recursif")
    assert (r.exit_code, r.stderr) == (
        2,
        "Erreur : Aucun dossier clsm trouvé (aucun clsm.toml) dans ces dossiers.\n",
    )


def donnees_privees(dossiers: list[Path]) -> set[str]:
    """Member names and ids, group, axis and action ids, situation codes of these folders."""
    prive: set[str] = set()
    for dossier in dossiers:
        for m in lire(dossier, "membres.toml").get("membre", []):
            prive |= {m["id"], *({m.get(k) for k in ("nom", "prenom", "courriel")} - {None})}
        prive |= {g["id"] for g in lire(dossier, "groupes.toml").get("groupe", [])}
        plan = lire(dossier, "plan.toml")
        prive |= {x["id"] for x in plan.get("action", []) + plan.get("axe", [])}
        prive |= {s["code"] for s in lire(dossier, "cellule/situations.toml").get("situation", [])}
    return {p for p in prive if p}


def test_aucune_donnee_nominative(reseau: Path, clsm: Callable[..., Result]) -> None:
    from openpyxl import load_workbook

    classeur = reseau.parent / "etat.xlsx"
    r = clsm("--format", "json", "national", reseau, "-r", "-o", classeur)
    assert r.exit_code == 0
    prive = donnees_privees([*bons(reseau), reseau / "d-casse"])
    assert len(prive) > 200
    textes = [r.stdout, r.stderr]
    wb = load_workbook(classeur)
    for ws in wb.worksheets:
        for rang in ws.iter_rows(values_only=True):
            textes.extend(str(v) for v in rang if v is not None)
    fuites = {p for p in prive for t in textes if p in t}
    assert fuites == set()
    assert "Jean Dupont" not in "".join(textes)  # the broken value is never echoed


def test_classeur(reseau: Path, clsm: Callable[..., Result]) -> None:
    from openpyxl import load_workbook

    classeur = reseau.parent / "etat.xlsx"
    r = clsm("national", reseau, "--recursif", "-o", classeur)
    assert r.exit_code == 0
    assert r.output.splitlines()[0] == f"✓ Classeur écrit : {classeur}"
    assert r.output.splitlines()[-1] == "3 dossiers consolidés, 1 ignoré."
    wb = load_workbook(classeur)
    assert wb.sheetnames == [
        "Synthèse",
        "Membres par collège",
        "Instances",
        "Actions par type",
        "Actions par statut",
        "Actions par thème",
        "Réalisations",
        "SISM",
        "Cellule",
        "Cellule problématiques",
        "Cellule âges",
        "Financements",
        "Diagnostic et liens",
        "CLSM",
        "Dossiers ignorés",
    ]
    synthese = {rang[0]: rang[1] for rang in wb["Synthèse"].iter_rows(min_row=2, values_only=True)}
    a = [attendu(p) for p in bons(reseau)]
    assert synthese["Nombre de CLSM"] == 3
    assert synthese["Population couverte"] == sum(x["population"] for x in a)
    assert synthese["Dossiers ignorés"] == 1
    clsm_ = list(wb["CLSM"].iter_rows(values_only=True))
    assert len(clsm_) == 4
    assert [rang[0] for rang in clsm_[1:]] == [str(p) for p in bons(reseau)]
    noms = [lire(p, "clsm.toml")["nom"] for p in bons(reseau)]
    assert [rang[1] for rang in clsm_[1:]] == noms
    ignores = list(wb["Dossiers ignorés"].iter_rows(min_row=2, values_only=True))
    assert ignores == [(str(reseau / "d-casse"), ignores[0][1])]
    assert str(ignores[0][1]).endswith("college: Valeur hors du vocabulaire autorisé (E103)")


def test_format_csv_et_tableau(reseau: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("national", *bons(reseau), "--format", "csv")
    assert r.exit_code == 0
    lignes = r.stdout.lstrip("\ufeff").splitlines()
    assert lignes[0].startswith("dossier,nom,territoire,communes,intercommunal,population")
    assert len(lignes) == 4
    r = clsm("national", *bons(reseau))
    assert "Membres actifs par collège" in r.output
    assert r.output.splitlines()[-1] == "3 dossiers consolidés, 0 ignoré."


def test_sortie_non_xlsx(reseau: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("national", reseau, "-r", "-o", reseau / "etat.csv")
    assert (r.exit_code, r.stderr) == (
        2,
        f"Erreur : -o {reseau / 'etat.csv'} : le classeur doit avoir l'extension .xlsx.\n",
    )


def test_parallele_identique_au_sequentiel(reseau: Path) -> None:
    dossiers = trouver_dossiers([reseau], recursif=True)
    assert dossiers == [str(p) for p in sorted([*bons(reseau), reseau / "d-casse"])]
    sequentiel = consolider(dossiers, processus=1)
    parallele = consolider(dossiers, processus=2)
    assert parallele.en_dict() == sequentiel.en_dict()
    assert all(isinstance(x, Resume) for x in parallele.resumes)
    vus = []
    consolider(dossiers, processus=1, progression=lambda fait, total: vus.append((fait, total)))
    assert vus == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_recherche_recursive(tmp_path: Path) -> None:
    generer(tmp_path / "x" / "un", "petit", graine=1)
    (tmp_path / "x" / "un" / "reunions" / "clsm.toml").write_text("", encoding="utf-8")
    (tmp_path / "x" / ".cache" / "y").mkdir(parents=True)
    (tmp_path / "x" / ".cache" / "y" / "clsm.toml").write_text("", encoding="utf-8")
    assert trouver_dossiers([tmp_path / "x"], recursif=True) == [str(tmp_path / "x" / "un")]
    assert trouver_dossiers([tmp_path / "x"]) == [str(tmp_path / "x")]


@pytest.mark.parametrize(
    ("financeur", "genre"),
    [
        ("ARS Grand Est", "ars"),
        ("Agence régionale de santé Occitanie", "ars"),
        ("Ville de Valmont", "communes_epci"),
        ("CCAS", "communes_epci"),
        ("Métropole de Lyon", "communes_epci"),
        ("Communauté de communes du Val", "communes_epci"),
        ("Conseil départemental du Gard", "departement"),
        ("Préfecture — politique de la ville", "etat_politique_ville"),
        ("État (contrat de ville)", "etat_politique_ville"),
        ("DDETS", "etat_politique_ville"),
        ("Fondation de France", "autre"),
        ("Mutuelle des Arsenaux", "autre"),
    ],
)
def test_type_de_financeur(financeur: str, genre: str) -> None:
    assert type_de_financeur(financeur) == genre


@pytest.mark.parametrize(
    ("intitule", "theme"),
    [
        ("Prévenir la souffrance psychique des jeunes", "jeunesse"),
        ("Soutenir les aidants et les familles", "aidants_familles"),
        ("Former les professionnels de première ligne", "formation"),
        ("Favoriser l'inclusion sociale et le logement", "inclusion_logement"),
        ("Améliorer l'accès aux soins et la continuité des parcours", "soins_parcours"),
        ("Coordonner les acteurs et gérer les situations complexes", "coordination"),
        ("Promouvoir la santé mentale et lutter contre la stigmatisation", "promotion"),
        ("Divers", "autre"),
    ],
)
def test_theme_d_axe(intitule: str, theme: str) -> None:
    assert theme_d_axe(intitule) == theme


def test_erreur_inattendue_ignoree(reseau: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import clsm_cli.noyau.national as N

    def panne(projet: Any, dossier: str | None = None) -> Resume:
        raise ZeroDivisionError

    monkeypatch.setattr(N, "resumer", panne)
    resultat = consolider([reseau / "a-petit"], processus=1)
    assert [(i.dossier, i.problemes) for i in resultat.ignores] == [
        (str(reseau / "a-petit"), ["erreur inattendue pendant le calcul (ZeroDivisionError)"])
    ]


def test_barre_de_progression(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from clsm_cli.cli.national import _Barre

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)  # as at a terminal
    barre = _Barre()
    assert barre.actif
    for fait in (1, 2, 3):
        barre(fait, 3)
    barre.fermer()
    sortie = capsys.readouterr()
    assert sortie.out == ""
    assert "Consolidation" in sortie.err
    muette = _Barre()
    muette.actif = False
    muette(1, 3)
    muette.fermer()
    assert capsys.readouterr() == ("", "")
