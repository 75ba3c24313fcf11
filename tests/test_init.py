"""``clsm init``: a valid folder, empty or demo, never over an existing one."""

from __future__ import annotations

import filecmp
import os
import stat
import tomllib
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from .conftest import RACINE_DEPOT


def test_init_vide(tmp_path: Path, clsm: Callable[..., Result]) -> None:
    cible = tmp_path / "mon-clsm"
    r = clsm("init", cible, "--nom", "CLSM de Ville", "--territoire", "Ville")
    assert r.exit_code == 0
    assert r.stdout.splitlines()[0] == f"✓ Dossier clsm créé : {cible}"
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
    if os.name != "posix":
        return
    assert stat.S_IMODE((projet / "cellule").stat().st_mode) == 0o700
    assert stat.S_IMODE((projet / "cellule/seances").stat().st_mode) == 0o700
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
    assert clsm("-C", demo, "verifier").stdout == "✓ Aucun problème.\n"
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
