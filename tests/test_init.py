"""``clsm init``: a valid folder, empty or demo, never over an existing one."""

from __future__ import annotations

import datetime as dt
import filecmp
import stat
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from .conftest import RACINE_DEPOT
from .droits import assert_dossier_prive


def test_init_vide(tmp_path: Path, clsm: Callable[..., Result]) -> None:
    cible = tmp_path / "mon-clsm"
    r = clsm("init", cible, "--nom", "CLSM de Ville", "--territoire", "Ville")
    assert r.exit_code == 0
    assert r.output.splitlines()[0] == f"✓ Dossier clsm créé : {cible}"
    identite = tomllib.loads((cible / "clsm.toml").read_text(encoding="utf-8"))
    assert identite["nom"] == "CLSM de Ville"
    assert identite["territoire"] == "Ville"
    assert identite["version_schema"] == "1.0"
    for chemin in ("membres.toml", "groupes.toml", "plan.toml", "cellule/situations.toml"):
        texte = (cible / chemin).read_text(encoding="utf-8")
        assert texte.startswith("#:schema ")
    assert (
        (cible / "membres.toml")
        .read_text(encoding="utf-8")
        .startswith("#:schema .clsm/schemas/membres.schema.json\n")
    )
    assert (
        (cible / "cellule/situations.toml")
        .read_text(encoding="utf-8")
        .startswith("#:schema ../.clsm/schemas/situations.schema.json\n")
    )
    for dossier in ("reunions", "sism", "cellule/seances", "modeles", "exports"):
        assert (cible / dossier).is_dir()
    assert (cible / ".clsm/schemas/membres.schema.json").is_file()
    gitignore = (cible / ".gitignore").read_text(encoding="utf-8")
    assert "exports/" in gitignore.splitlines()
    assert "cellule/" in gitignore.splitlines()  # never in a shared repository
    assert clsm("-C", cible, "verifier").exit_code == 0


def test_permissions_cellule(projet: Path) -> None:
    assert_dossier_prive(projet / "cellule")
    assert_dossier_prive(projet / "cellule/seances")
    assert stat.S_IMODE((projet / "cellule/situations.toml").stat().st_mode) == 0o600


def test_refuse_un_dossier_existant(projet: Path, clsm: Callable[..., Result]) -> None:
    avant = (projet / "clsm.toml").read_bytes()
    r = clsm("init", projet, "--demo")
    assert r.exit_code == 1
    assert r.stderr == (
        f"Erreur : « {projet} » est déjà un dossier clsm (clsm.toml existe) : rien n'a été "
        "modifié.\n"
    )
    assert (projet / "clsm.toml").read_bytes() == avant
    assert not (projet / "sism" / "2025.toml").exists()


def test_init_dans_un_fichier(tmp_path: Path, clsm: Callable[..., Result]) -> None:
    fichier = tmp_path / "f.txt"
    fichier.write_text("x")
    r = clsm("init", fichier)
    assert r.exit_code != 0
    assert "Traceback" not in r.output


def test_demo_valide_et_complete(demo: Path, clsm: Callable[..., Result]) -> None:
    assert clsm("-C", demo, "verifier").output == "✓ Aucun problème.\n"
    membres = tomllib.loads((demo / "membres.toml").read_text(encoding="utf-8"))["membre"]
    assert len(membres) >= 30
    assert len(list((demo / "reunions").glob("*.toml"))) >= 8
    assert sorted(p.name for p in (demo / "sism").glob("*.toml")) == ["2025.toml", "2026.toml"]


def test_exemple_demo_a_jour(demo: Path) -> None:
    """examples/demo/ is exactly what `clsm init --demo` writes."""
    exemple = RACINE_DEPOT / "examples" / "demo"
    comparaison = filecmp.dircmp(
        demo, exemple, ignore=[".clsm", "exports", "modeles", ".gitignore"]
    )

    def differences(c: filecmp.dircmp[str]) -> list[str]:
        d = [*c.left_only, *c.right_only, *c.diff_files]
        for sous in c.subdirs.values():
            d.extend(differences(sous))
        return d

    assert differences(comparaison) == []
    for chemin in demo.rglob("*.toml"):
        relatif = chemin.relative_to(demo)
        assert (exemple / relatif).read_bytes() == chemin.read_bytes(), relatif


def test_init_au_terminal_demande_nom_territoire_coordination(
    tmp_path: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLSM_INTERACTIF", "1")
    cible = tmp_path / "valmont"
    r = clsm("init", cible, input="Valmont\n\nJeanne Petit\njeanne.petit@valmont.fr\n")
    assert r.exit_code == 0, r.output
    for question in (
        "Territoire couvert (commune ou intercommunalité)",
        "Nom du CLSM [CLSM de Valmont]",
        "Nom de la coordinatrice ou du coordinateur",
        "Courriel de la coordination",
    ):  # the prompt's end (« : » or « : ») belongs to the French click layer
        assert question in r.output
    identite = tomllib.loads((cible / "clsm.toml").read_text(encoding="utf-8"))
    assert identite == {
        "version_schema": "1.0",
        "nom": "CLSM de Valmont",
        "territoire": "Valmont",
        "coordination": {"nom": "Jeanne Petit", "courriel": "jeanne.petit@valmont.fr"},
        "cellule": {"seuil_masquage": 11, "conservation_mois": 24},
    }


def test_init_sans_terminal_ni_nom(tmp_path: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("init", tmp_path / "a", "--date-creation", "2019-05-02")
    assert r.exit_code == 0, r.output
    identite = tomllib.loads((tmp_path / "a" / "clsm.toml").read_text(encoding="utf-8"))
    assert (identite["nom"], identite["territoire"], identite["date_creation"]) == (
        "CLSM (nom à compléter)",
        "À compléter",
        dt.date(2019, 5, 2),
    )
    r = clsm("init", tmp_path / "b", "--territoire", "Lorvey")
    identite = tomllib.loads((tmp_path / "b" / "clsm.toml").read_text(encoding="utf-8"))
    assert (identite["nom"], "date_creation" in identite) == ("CLSM de Lorvey", False)
    r = clsm("init", tmp_path / "c", "--coordination-courriel", "pas-un-mail")
    assert (r.exit_code, r.stderr) == (
        2,
        "Erreur : --coordination-courriel : « pas-un-mail » n'est pas une adresse électronique "
        "(forme attendue : prenom.nom@exemple.fr).\n",
    )
    assert not (tmp_path / "c" / "clsm.toml").exists()
