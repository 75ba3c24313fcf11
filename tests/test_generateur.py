"""The benchmark folder generator (benchmarks/generer.py): valid, sized as asked, deterministic."""

from __future__ import annotations

import os
import stat
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from .conftest import RACINE_DEPOT

sys.path.insert(0, str(RACINE_DEPOT / "benchmarks"))

from generer import ANNEE_FIN, donnees, generer, main


def compter(fichiers: dict[str, Any]) -> dict[str, int]:
    sism = [d for c, d in fichiers.items() if c.startswith("sism/")]
    return {
        "membres": len(fichiers["membres.toml"]["membre"]),
        "groupes": len(fichiers["groupes.toml"]["groupe"]),
        "actions": len(fichiers["plan.toml"]["action"]),
        "realisations": sum(len(a["realisation"]) for a in fichiers["plan.toml"]["action"]),
        "annees_sism": len(sism),
        "evenements": sum(len(s["evenement"]) for s in sism),
        "reunions": sum(c.startswith("reunions/") for c in fichiers),
        "situations": len(fichiers["cellule/situations.toml"]["situation"]),
        "seances": sum(c.startswith("cellule/seances/") for c in fichiers),
    }


def test_grand_a_les_effectifs_annonces() -> None:
    assert compter(donnees("grand", 1)) == {
        "membres": 400,
        "groupes": 20,
        "actions": 300,
        "realisations": 3000,
        "annees_sism": 10,
        "evenements": 600,
        "reunions": 200,
        "situations": 2000,
        "seances": 500,
    }


def test_moyen_et_facteur() -> None:
    moyen = compter(donnees("moyen", 5))
    assert moyen == {
        "membres": 60,
        "groupes": 4,
        "actions": 25,
        "realisations": 150,
        "annees_sism": 3,
        "evenements": 36,
        "reunions": 15,
        "situations": 40,
        "seances": 12,
    }
    double = compter(donnees("moyen", 5, facteur=2))
    assert double == {k: v if k == "annees_sism" else 2 * v for k, v in moyen.items()}
    assert compter(donnees("grand", 1, facteur=0.05))["realisations"] == 150


def test_deterministe() -> None:
    assert donnees("moyen", 7) == donnees("moyen", 7)
    assert donnees("moyen", 7) != donnees("moyen", 8)


def test_deux_generations_identiques_octet_pour_octet(tmp_path: Path) -> None:
    a = generer(tmp_path / "a", "petit", graine=4)
    b = generer(tmp_path / "b", "petit", graine=4)
    fichiers = sorted(p.relative_to(a) for p in a.rglob("*.toml"))
    assert fichiers == sorted(p.relative_to(b) for p in b.rglob("*.toml"))
    for f in fichiers:
        assert (a / f).read_bytes() == (b / f).read_bytes()


def test_historique_fixe_et_cellule_anonyme() -> None:
    fichiers = donnees("moyen", 2)
    situations = fichiers["cellule/situations.toml"]["situation"]
    assert all(s["date_saisine"].year <= ANNEE_FIN for s in situations)
    assert {s["code"][:2] for s in situations} == {"S-"}
    noms = {m.get("nom") for m in fichiers["membres.toml"]["membre"]} - {None}
    textes = str([d for c, d in fichiers.items() if c.startswith("cellule/")])
    assert not [n for n in noms if f"'{n}'" in textes or f" {n} " in textes]
    assert "@" not in textes


@pytest.mark.parametrize(("taille", "facteur"), [("petit", 1.0), ("moyen", 1.0), ("grand", 0.05)])
def test_dossier_sans_probleme(
    tmp_path: Path, clsm: Callable[..., Result], taille: str, facteur: float
) -> None:
    racine = generer(tmp_path / taille, taille, graine=3, facteur=facteur)
    r = clsm("-C", racine, "verifier")
    assert (r.exit_code, r.output) == (0, "✓ Aucun problème.\n")
    # the files are the ones clsm writes (schema line, version) and read back as generated
    attendu = donnees(taille, 3, facteur)
    for chemin, contenu in attendu.items():
        texte = (racine / chemin).read_text(encoding="utf-8")
        assert texte.startswith("#:schema ")
        lu = tomllib.loads(texte)
        assert lu.pop("version_schema") == "1.0"
        assert lu == contenu
    if os.name == "posix":
        assert stat.S_IMODE((racine / "cellule/situations.toml").stat().st_mode) == 0o600


def test_ligne_de_commande(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "p"), "--taille", "petit", "--graine", "9"]) == 0
    assert capsys.readouterr().out == f"Dossier généré : {tmp_path / 'p'}\n"
    identite = tomllib.loads((tmp_path / "p/clsm.toml").read_text(encoding="utf-8"))
    assert identite["nom"].startswith("CLSM de ")
    with pytest.raises(SystemExit):
        main([str(tmp_path / "q"), "--facteur", "0"])
