"""Shared fixtures: a CLI runner and clsm folders built in temporary directories."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest
from click.testing import CliRunner, Result

from clsm_cli.cli import cli

RACINE_DEPOT = Path(__file__).resolve().parent.parent


def indisponible(raison: str) -> NoReturn:
    """A test that cannot run on this machine (a missing program): skipped on a developer's
    machine, where ``-ra`` lists the reason, but failed in continuous integration (CI set), so
    that nothing the CI should check is ever skipped in silence."""
    if os.environ.get("CI"):
        pytest.fail(f"{raison} : obligatoire en intégration continue (CI={os.environ['CI']}).")
    pytest.skip(raison)


AUJOURDHUI = "2026-11-26"
"""Tests run on a fixed day, so that figures depending on « today » stay reproducible."""


@pytest.fixture(scope="session")
def _dossier_utilisateur(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the tests' clsm keeps the user's cache key: never the real home."""
    return tmp_path_factory.mktemp("utilisateur")


@pytest.fixture(autouse=True)
def _jour_et_largeur_fixes(monkeypatch: pytest.MonkeyPatch, _dossier_utilisateur: Path) -> None:
    monkeypatch.setenv("CLSM_AUJOURDHUI", AUJOURDHUI)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("XDG_CACHE_HOME", str(_dossier_utilisateur))
    monkeypatch.delenv("CLSM_SANS_CACHE", raising=False)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def _modele_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from clsm_cli import creer_dossier

    return creer_dossier(tmp_path_factory.mktemp("modele") / "demo", demo=True)


@pytest.fixture
def demo(tmp_path: Path, _modele_demo: Path) -> Path:
    """A fresh copy of the demo folder (cellule/ permissions kept)."""
    cible = tmp_path / "demo"
    shutil.copytree(_modele_demo, cible)
    return cible


@pytest.fixture
def projet(tmp_path: Path) -> Path:
    """An empty but valid clsm folder."""
    from clsm_cli import creer_dossier

    return creer_dossier(tmp_path / "clsm", nom="CLSM de Testville", territoire="Testville")


@pytest.fixture
def clsm(runner: CliRunner) -> Callable[..., Result]:
    """Run ``clsm ARGS…`` in-process: ``clsm("-C", dossier, "etat")``."""

    def lancer(*args: object, input: str | None = None) -> Result:
        return runner.invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)

    return lancer
