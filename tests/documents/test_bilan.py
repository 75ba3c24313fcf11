"""``clsm bilan``: figures recomputed here from the TOML (tomllib), checked against the JSON,
the .docx (headings, tables, images, TOC, footer) and the .xlsx (tables, charts, formats)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from . import aides as A

ANNEE = 2025
FIN = dt.date(ANNEE, 12, 31)


@pytest.fixture(autouse=True)
def _aujourdhui(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLSM_AUJOURDHUI", A.AUJOURDHUI)


@pytest.fixture(scope="module")
def produit(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The demo folder and its bilan 2025 (docx, xlsx, json), produced once for the module."""
    from click.testing import CliRunner

    from clsm_cli import creer_dossier
    from clsm_cli.cli import cli

    mp = pytest.MonkeyPatch()
    mp.setenv("CLSM_AUJOURDHUI", A.AUJOURDHUI)
    try:
        dossier = creer_dossier(tmp_path_factory.mktemp("bilan") / "demo", demo=True)
        runner = CliRunner()
        r = runner.invoke(cli, ["-C", str(dossier), "bilan", str(ANNEE)], catch_exceptions=False)
        rj = runner.invoke(
            cli,
            ["-C", str(dossier), "bilan", str(ANNEE), "--format", "json"],
            catch_exceptions=False,
        )
    finally:
        mp.undo()
    return {"dossier": dossier, "sortie": r, "json": json.loads(rj.stdout)}


# --- independent figures ----------------------------------------------------------------------


def _membres(dossier: Path) -> list[dict[str, Any]]:
    return A.toml(dossier / "membres.toml")["membre"]


def _attendus(dossier: Path, reunion: dict[str, Any]) -> set[str]:
    membres = {m["id"]: m for m in _membres(dossier) if A.actif(m, reunion["date"])}
    instance = reunion["instance"]
    if instance.startswith("groupe:"):
        gid = instance.split(":")[1]
        groupes = {g["id"]: g for g in A.toml(dossier / "groupes.toml").get("groupe", [])}
        ids = set(groupes.get(gid, {}).get("membres", []))
        ids |= {i for i, m in membres.items() if gid in m.get("instances", [])}
        return ids & set(membres)
    return {i for i, m in membres.items() if instance in m.get("instances", [])}


def _reunions_annee(dossier: Path) -> list[dict[str, Any]]:
    return [r for r in A.reunions(dossier) if r["date"].year == ANNEE]


def _actions_annee(dossier: Path) -> list[dict[str, Any]]:
    plan = A.toml(dossier / "plan.toml")
    periode = plan.get("periode", {})
    retenues = []
    for a in plan.get("action", []):
        debut = a.get("debut", periode.get("debut", dt.date.min))
        fin = a.get("fin", periode.get("fin", dt.date.max))
        realisees = any(r["date"].year == ANNEE for r in a.get("realisation", []))
        if realisees or debut.year <= ANNEE <= fin.year:
            retenues.append(a)
    return retenues


# --- the command ------------------------------------------------------------------------------


def test_commande_ecrit_les_deux_fichiers(produit: dict[str, Any]) -> None:
    r: Result = produit["sortie"]
    dossier: Path = produit["dossier"]
    assert r.exit_code == 0, r.output
    for suffixe in ("docx", "xlsx"):
        chemin = dossier / "exports" / f"bilan-{ANNEE}.{suffixe}"
        assert chemin.is_file()
        assert f"Bilan {ANNEE} écrit : " in r.output
        assert str(chemin.name) in r.output
    assert not list((dossier / "exports").glob(".*.tmp"))


def test_json_chiffres_recalcules(produit: dict[str, Any]) -> None:
    d = produit["json"]
    dossier: Path = produit["dossier"]
    assert d["annee"] == ANNEE
    clsm = A.toml(dossier / "clsm.toml")
    assert d["clsm"] == clsm["nom"]
    assert d["presentation"]["communes"] == clsm["communes"]

    reunions = _reunions_annee(dossier)
    g = d["gouvernance"]
    assert len(g["reunions"]) == len(reunions)
    assert g["decisions"] == sum(len(r.get("decisions", [])) for r in reunions)
    assert {i["instance"]: i["nombre"] for i in g["par_instance"]} == dict(
        Counter(r["instance"] for r in reunions)
    )
    for rb, r in zip(g["reunions"], reunions, strict=True):
        attendus = _attendus(dossier, r)
        venus = attendus & set(r.get("presents", []))
        assert (rb["date"], rb["convoques"], rb["presents_convoques"]) == (
            r["date"].isoformat(),
            len(attendus),
            len(venus),
        )
        assert rb["participants"] == len(set(r.get("presents", [])))
    membres = {m["id"]: m for m in _membres(dossier)}
    convocations: Counter[str] = Counter()
    presences: Counter[str] = Counter()
    for r in reunions:
        for i in _attendus(dossier, r):
            convocations[membres[i]["college"]] += 1
            presences[membres[i]["college"]] += i in r.get("presents", [])
    assert {
        c["college"]: (c["convocations"], c["presences"]) for c in g["presence_par_college"]
    } == {c: (convocations[c], presences[c]) for c in convocations}
    assert g["taux_presence"] == pytest.approx(sum(presences.values()) / sum(convocations.values()))

    actifs = [m for m in membres.values() if A.actif(m, FIN)]
    m = d["membres"]
    assert m["total"] == len(actifs)
    assert {c["college"]: c["nombre"] for c in m["par_college"]} == dict(
        Counter(x["college"] for x in actifs)
    )
    assert sorted(x["membre"] for x in m["arrivees"]) == sorted(
        i for i, x in membres.items() if x.get("depuis") and x["depuis"].year == ANNEE
    )
    assert sorted(x["membre"] for x in m["departs"]) == sorted(
        i for i, x in membres.items() if x.get("jusqu_a") and x["jusqu_a"].year == ANNEE
    )

    actions = _actions_annee(dossier)
    realisations = [x for a in actions for x in a.get("realisation", []) if x["date"].year == ANNEE]
    p = d["plan"]
    assert p["actions"] == len(actions)
    assert p["realisations"] == len(realisations)
    assert p["participants"] == sum(x.get("participants", 0) for x in realisations)
    assert {s["statut"]: s["nombre"] for s in p["par_statut"]} == dict(
        Counter(a.get("statut", "prevue") for a in actions)
    )

    sism = A.toml(dossier / "sism" / f"{ANNEE}.toml")
    s = d["sism"]
    assert s["theme"] == sism["theme"]
    assert len(s["evenements"]) == len(sism["evenement"])
    assert s["participants"] == sum(e.get("participants", 0) for e in sism["evenement"])
    assert {t["type"]: t["nombre"] for t in s["par_type"]} == dict(
        Counter(e["type"] for e in sism["evenement"])
    )

    financements = [f for f in clsm.get("financement", []) if f["annee"] == ANNEE]
    assert d["financements"]["total"] == sum(f["montant"] for f in financements)


def test_json_cellule_masquee(produit: dict[str, Any]) -> None:
    """No cellule count from 0 to the threshold - 1 leaves (séances count no person), and the
    bilan publishes exactly what ``clsm cellule statistiques`` does."""
    from clsm_cli import Projet
    from clsm_cli.cellule.statistiques import statistiques

    c = produit["json"]["cellule"]
    seuil = c["seuil_masquage"]
    stats = statistiques(Projet.ouvrir(produit["dossier"]), ANNEE)
    assert {x["cle"]: x["valeur"] for x in c["indicateurs"]} == {
        k: stats[k] for k in ("situations_ouvertes", "situations_closes", "situations_examinees",
                              "seances", "examens")
    }  # fmt: skip
    for r in c["rubriques"]:
        assert {x["cle"]: x["valeur"] for x in r["lignes"]} == stats[r["cle"]]
    valeurs = [x["valeur"] for x in c["indicateurs"] if x["cle"] != "seances"]
    valeurs += [x["valeur"] for r in c["rubriques"] for x in r["lignes"]]
    assert valeurs
    for v in valeurs:
        assert v == "masqué" or (isinstance(v, int) and v >= seuil), v
    assert any(v == "masqué" for v in valeurs)


def test_bibliotheque_projet_bilan(demo: Path) -> None:
    from clsm_cli import Projet

    bilan = Projet.ouvrir(demo).bilan(ANNEE)
    assert bilan.annee == ANNEE
    assert bilan.sism.participants == sum(
        e.get("participants", 0) for e in A.toml(demo / "sism" / "2025.toml")["evenement"]
    )


# --- the Word document ------------------------------------------------------------------------


def test_docx_structure(produit: dict[str, Any]) -> None:
    doc = A.docx(produit["dossier"] / "exports" / f"bilan-{ANNEE}.docx")
    assert A.titres(doc, 1) == [
        "1. Présentation du CLSM",
        "2. Gouvernance et instances",
        "3. Membres",
        "4. Plan d'action",
        "5. Semaines d'information sur la santé mentale",
        "6. Cellule de cas complexes",
        "7. Financements",
        f"8. Perspectives {ANNEE + 1}",
        "Annexe\u00a0: méthode et définitions",
    ]
    instructions = A.champs(doc)
    assert any("TOC" in i for i in instructions)
    # the TOC's cached entries are exactly the level 1-2 headings, in order
    sommaire = [p.text for p in doc.paragraphs if p.style.style_id in ("TOC1", "TOC2")]
    titres = [p.text for p in doc.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert sommaire == titres
    assert len(doc.inline_shapes) == 3
    pied = doc.sections[0].footer._element
    assert any("PAGE" in (e.text or "") for e in pied.iter(f"{A.NS_W}instrText"))
    assert doc.sections[0].different_first_page_header_footer
    texte = A.texte_complet(doc)
    assert "Bilan d'activité 2025" in texte
    assert "28 janvier 2025" in texte


def test_docx_tableaux(produit: dict[str, Any]) -> None:
    dossier: Path = produit["dossier"]
    doc = A.docx(dossier / "exports" / f"bilan-{ANNEE}.docx")
    reunions = _reunions_annee(dossier)
    instances = A.tableau(doc, ["Instance", "Réunions", "Dates"])
    assert sum(int(r[1]) for r in instances[1:]) == len(reunions)
    assert "Comité de pilotage" in [r[0] for r in instances]

    actifs = [m for m in _membres(dossier) if A.actif(m, FIN)]
    colleges = A.tableau(doc, ["Collège", "Membres", "Part"])
    assert colleges[-1][:2] == ["Total", A.fr(len(actifs))]
    assert sum(int(r[1]) for r in colleges[1:-1]) == len(actifs)

    cles = dict(A.tableau(doc, ["Indicateur", "Valeur"]))
    actions = _actions_annee(dossier)
    participants = sum(
        x.get("participants", 0)
        for a in actions
        for x in a.get("realisation", [])
        if x["date"].year == ANNEE
    )
    assert cles["Participants aux réalisations"] == A.fr(participants)
    assert cles["Réunions d'instance tenues"] == str(len(reunions))
    clsm = A.toml(dossier / "clsm.toml")
    total = sum(f["montant"] for f in clsm["financement"] if f["annee"] == ANNEE)
    assert cles["Financements"] == f"{A.fr(int(total))}\u00a0€"

    sism = A.toml(dossier / "sism" / "2025.toml")
    par_type = A.tableau(doc, ["Type d'événement", "Événements", "Participants"])
    assert par_type[-1] == [
        "Total",
        str(len(sism["evenement"])),
        A.fr(sum(e.get("participants", 0) for e in sism["evenement"])),
    ]


def test_docx_cellule_sans_petit_effectif(produit: dict[str, Any]) -> None:
    doc = A.docx(produit["dossier"] / "exports" / f"bilan-{ANNEE}.docx")
    seuil = A.toml(produit["dossier"] / "clsm.toml")["cellule"]["seuil_masquage"]
    titres = {p.text: p for p in doc.paragraphs if p.style.name == "Heading 1"}
    # every table between the two headings
    corps = list(doc.element.body.iterchildren())
    i_debut = corps.index(titres["6. Cellule de cas complexes"]._p)
    i_fin = corps.index(titres["7. Financements"]._p)
    tables = [t for t in doc.tables if i_debut < corps.index(t._tbl) < i_fin]
    assert tables
    for t in tables:
        for rang in t.rows[1:]:
            effectif = rang.cells[-1].text
            if effectif != "masqué" and rang.cells[0].text != "Séances":
                assert int(effectif.replace("\u202f", "")) >= seuil, effectif


# --- the Excel workbook -----------------------------------------------------------------------


def test_xlsx_feuilles_tables_graphiques(produit: dict[str, Any]) -> None:
    dossier: Path = produit["dossier"]
    classeur = A.xlsx(dossier / "exports" / f"bilan-{ANNEE}.xlsx")
    noms = classeur.sheetnames
    for attendu in (
        "Présentation",
        "Chiffres clés",
        "Réunions",
        "Présence par collège",
        "Membres par collège",
        "Actions par statut",
        "Actions",
        "Indicateurs",
        "Réalisations",
        f"SISM {ANNEE}",
        "SISM par année",
        "Cellule",
        "Financements",
    ):
        assert attendu in noms
    tables = []
    for ws in classeur.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert len(ws.tables) == 1, ws.title
        table = next(iter(ws.tables.values()))
        assert table.ref.startswith("A1:")
        tables.append(table.displayName.lower())
    assert len(set(tables)) == len(tables)
    graphiques = {ws.title: len(ws._charts) for ws in classeur.worksheets if ws._charts}
    assert graphiques == {"Membres par collège": 1, "Actions par statut": 1, "SISM par année": 1}


def test_xlsx_valeurs(produit: dict[str, Any]) -> None:
    dossier: Path = produit["dossier"]
    classeur = A.xlsx(dossier / "exports" / f"bilan-{ANNEE}.xlsx")
    actifs = [m for m in _membres(dossier) if A.actif(m, FIN)]
    lignes = A.lignes(classeur["Membres par collège"])
    assert lignes[0] == ["Collège", "Membres"]
    assert sum(x[1] for x in lignes[1:]) == len(actifs)
    assert classeur["Membres par collège"]["B2"].number_format == "#,##0"

    reunions = _reunions_annee(dossier)
    feuille = classeur["Réunions"]
    lignes = A.lignes(feuille)
    assert [x[0].date() for x in lignes[1:]] == [r["date"] for r in reunions]
    assert feuille["A2"].number_format == "dd/mm/yyyy"
    assert feuille["H2"].number_format == "0%"
    assert 0 < feuille["H2"].value <= 1

    sism = A.toml(dossier / "sism" / "2025.toml")
    lignes = A.lignes(classeur[f"SISM {ANNEE}"])
    assert len(lignes) - 1 == len(sism["evenement"])
    assert sum(x[7] or 0 for x in lignes[1:]) == sum(
        e.get("participants", 0) for e in sism["evenement"]
    )
    seuil = A.toml(dossier / "clsm.toml")["cellule"]["seuil_masquage"]
    for _, categorie, effectif, *_ in A.lignes(classeur["Cellule"])[1:]:
        if categorie != "Séances":
            assert effectif == "masqué" or effectif >= seuil, (categorie, effectif)


# --- empty year, options, errors ------------------------------------------------------------


def test_annee_vide(projet: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", projet, "bilan", "2024")
    assert r.exit_code == 0, r.output
    doc = A.docx(projet / "exports" / "bilan-2024.docx")
    texte = A.texte_complet(doc)
    for phrase in (
        "Aucune réunion d'instance n'a été tenue en 2024.",
        "Aucun membre actif au 31 décembre 2024.",
        "Aucune action du plan ne concerne l'année 2024.",
        "Aucune SISM n'est enregistrée pour 2024",
        "Aucune activité de la cellule n'est enregistrée pour 2024.",
        "Aucun financement n'est enregistré pour 2024",
        "Aucune action n'est encore prévue pour 2025.",
    ):
        assert phrase in texte, phrase
    assert len(doc.inline_shapes) == 0
    classeur = A.xlsx(projet / "exports" / "bilan-2024.xlsx")
    for ws in classeur.worksheets:
        assert len(ws.tables) == 1
        assert ws.max_row >= 2
    assert A.lignes(classeur["Réunions"])[1][0] == "Aucune réunion tenue en 2024."
    assert not any(ws._charts for ws in classeur.worksheets)


def test_options_sortie(demo: Path, clsm: Callable[..., Result], tmp_path: Path) -> None:
    r = clsm("-C", demo, "bilan", "2025", "--xlsx", "-o", tmp_path / "rapport")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "rapport.xlsx").is_file()
    assert not (tmp_path / "rapport.docx").exists()
    r = clsm("-C", demo, "bilan", "2025", "--docx", "-o", tmp_path)
    assert r.exit_code == 0, r.output
    assert (tmp_path / "bilan-2025.docx").is_file()
    r = clsm("-C", demo, "bilan", "2025", "-o", tmp_path / "bilan.pdf")
    assert r.exit_code == 2
    assert "extension « .pdf » inattendue" in r.stderr
    assert not (demo / "exports" / "bilan-2025.docx").exists()


def test_annee_invalide(demo: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", demo, "bilan", "deux-mille")
    assert r.exit_code == 2
    assert "Traceback" not in r.output


def test_json_global(demo: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", demo, "--format", "json", "bilan", "2025")
    assert r.exit_code == 0
    d = json.loads(r.stdout)
    assert set(d) >= {
        "presentation",
        "gouvernance",
        "membres",
        "plan",
        "sism",
        "cellule",
        "financements",
        "perspectives",
        "chiffres_cles",
    }
    assert not (demo / "exports" / "bilan-2025.docx").exists()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["date_edition"])


def test_processus_separe_graphiques_auxiliaires(demo: Path) -> None:
    """In a fresh process (as a user runs it) the charts are drawn by the helper process."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "CLSM_AUJOURDHUI": A.AUJOURDHUI}
    env.pop("CLSM_SANS_PARALLELE", None)
    r = subprocess.run(
        [sys.executable, "-m", "clsm_cli", "-C", str(demo), "bilan", "2025", "--docx"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert "bilan-2025.docx" in r.stderr
    doc = A.docx(demo / "exports" / "bilan-2025.docx")
    assert len(doc.inline_shapes) == 3
    assert not (demo / "exports" / "bilan-2025.xlsx").exists()
