"""``clsm init --git`` and ``clsm historique``: a real git, isolated from the machine's
configuration (HOME and GIT_CONFIG_GLOBAL point to the test's folder). Skipped only when git
is genuinely absent."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

Clsm = Callable[..., Result]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git n'est pas installé")


@pytest.fixture(autouse=True)
def _git_isole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No user.name / user.email unless a test writes them in this global config file."""
    config = tmp_path / "gitconfig"
    config.write_text("", encoding="utf-8")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for variable in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME",
                     "GIT_COMMITTER_EMAIL", "EMAIL", "GIT_DIR", "GIT_WORK_TREE"):  # fmt: skip
        monkeypatch.delenv(variable, raising=False)
    return config


def git(dossier: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(dossier), *args], capture_output=True, text=True, check=True
    ).stdout


def reussit(clsm: Clsm, *args: object) -> Result:
    r = clsm(*args)
    assert r.exit_code == 0, r.output
    return r


def test_init_git_auteur_par_defaut(clsm: Clsm, tmp_path: Path) -> None:
    dossier = tmp_path / "demo"
    r = reussit(clsm, "init", "--demo", "--git", dossier)
    commit = git(dossier, "rev-parse", "--short", "HEAD").strip()
    assert r.output.splitlines()[1] == (
        f"✓ Dépôt git créé, premier commit {commit} (cellule/ et exports/ exclus)"
    )
    assert git(dossier, "log", "--format=%an <%ae>|%s") == (
        "clsm <clsm@localhost>|Création du dossier clsm\n"
    )
    suivis = git(dossier, "ls-files").splitlines()
    assert "membres.toml" in suivis and "reunions/2026-12-08-copil.toml" in suivis
    assert ".gitignore" in suivis
    assert not any(f.startswith(("cellule/", "exports/", ".clsm/verrou")) for f in suivis)
    # nothing left out by mistake: the cellule is ignored, not forgotten
    assert git(dossier, "status", "--porcelain") == ""
    ignores = git(dossier, "status", "--porcelain", "--ignored").splitlines()
    assert "!! cellule/" in ignores
    actives = [
        x for x in (dossier / ".gitignore").read_text().splitlines() if not x.startswith("#")
    ]
    assert "cellule/" in actives and "exports/" in actives


def test_init_git_auteur_de_git_config(clsm: Clsm, tmp_path: Path, _git_isole: Path) -> None:
    _git_isole.write_text(
        "[user]\n\tname = Nora Haddad\n\temail = nora@testville.example\n", encoding="utf-8"
    )
    dossier = tmp_path / "clsm"
    r = reussit(clsm, "--format", "json", "init", "--git", dossier, "--nom", "CLSM de Testville")
    d = json.loads(r.stdout)
    assert d["git"] == git(dossier, "rev-parse", "--short", "HEAD").strip()
    assert git(dossier, "log", "--format=%an <%ae>") == "Nora Haddad <nora@testville.example>\n"


def test_init_git_dans_un_dossier_existant(clsm: Clsm, projet: Path) -> None:
    avant = (projet / "clsm.toml").read_text()
    r = reussit(clsm, "init", "--git", projet)
    assert r.output.startswith("✓ Dépôt git créé, premier commit ")
    assert (projet / "clsm.toml").read_text() == avant
    assert "clsm.toml" in git(projet, "ls-files").splitlines()
    r = clsm("init", "--git", projet)
    assert r.exit_code == 1
    assert r.stderr == (
        f"Erreur : « {projet} » est déjà un dépôt git : rien n'a été modifié (voir « clsm "
        "historique »).\n"
    )


def test_historique(clsm: Clsm, tmp_path: Path, _git_isole: Path) -> None:
    dossier = tmp_path / "demo"
    reussit(clsm, "init", "--demo", "--git", dossier)
    _git_isole.write_text(
        "[user]\n\tname = Anne Martin\n\temail = anne@testville.example\n", encoding="utf-8"
    )
    reussit(clsm, "-C", dossier, "reunion", "ajouter", "--instance", "copil", "--date",
            "2027-01-12")  # fmt: skip
    reussit(clsm, "-C", dossier, "suivi", "fait", "2026-09-15-groupe-logement", "1")
    git(dossier, "add", "-A")
    git(dossier, "commit", "-q", "-m", "Copil de janvier préparé")
    r = reussit(clsm, "-C", dossier, "--format", "json", "historique")
    entrees = json.loads(r.stdout)
    assert [(e["auteur"], e["message"]) for e in entrees] == [
        ({"nom": "Anne Martin", "courriel": "anne@testville.example"},
         "Copil de janvier préparé"),
        ({"nom": "clsm", "courriel": "clsm@localhost"}, "Création du dossier clsm"),
    ]  # fmt: skip
    assert entrees[0]["fichiers"] == [
        "reunions/2026-09-15-groupe-logement.toml",
        "reunions/2027-01-12-copil.toml",
    ]
    assert entrees[0]["commit"] == git(dossier, "rev-parse", "--short", "HEAD").strip()
    # one file
    r = reussit(clsm, "-C", dossier, "--format", "json", "historique", "membres.toml")
    assert [e["message"] for e in json.loads(r.stdout)] == ["Création du dossier clsm"]
    r = reussit(clsm, "-C", dossier, "historique", "reunions/2027-01-12-copil.toml")
    lignes = [x.rstrip() for x in r.stdout.splitlines()]
    assert lignes[0] == "Historique de reunions/2027-01-12-copil.toml (1)"
    assert any("Anne Martin" in x and "Copil de janvier" in x for x in lignes)
    r = reussit(clsm, "-C", dossier, "historique", "sism/2031.toml")
    assert r.output == "Aucune modification enregistrée pour sism/2031.toml.\n"
    r = reussit(clsm, "-C", dossier, "historique", "-n", "1")
    assert "Création du dossier clsm" not in r.stdout and "(1)" in r.stdout


def test_historique_sans_depot(clsm: Clsm, projet: Path) -> None:
    r = reussit(clsm, "-C", projet, "historique")
    assert r.output.startswith(
        "Ce dossier n'est pas suivi par git : aucun historique des modifications n'est "
        "disponible. Pour commencer à le garder, lancez « clsm init --git » dans le dossier"
    )
