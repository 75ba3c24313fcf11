"""README.md cannot lie: its two first commands are the ones CI runs and they work."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import RACINE_DEPOT

README = (RACINE_DEPOT / "README.md").read_text(encoding="utf-8")
BLOCS = re.findall(r"```bash\n(.*?)```", README, flags=re.S)


def _commandes(bloc: str) -> list[list[str]]:
    return [shlex.split(morceau) for morceau in bloc.strip().split("&&")]


def test_deux_commandes_en_tete() -> None:
    assert len(BLOCS) >= 2
    installer_demo, tests = BLOCS[0].strip(), BLOCS[1].strip()
    assert installer_demo.startswith("pip install . && clsm init --demo demo")
    assert "clsm -C demo bilan 2025" in installer_demo
    assert tests == "pip install -e '.[test]' && python -m pytest"


def test_ci_lance_la_commande_du_readme() -> None:
    ci = (RACINE_DEPOT / ".ci" / "run").read_text(encoding="utf-8")
    assert BLOCS[1].strip() in ci.splitlines()


def _clsm() -> str:
    return str(Path(sys.executable).parent / "clsm")


def test_premiere_commande_sans_installation(tmp_path: Path) -> None:
    """The clsm part of the first command, with the clsm installed in this environment."""
    for commande in _commandes(BLOCS[0])[1:]:
        assert commande[0] == "clsm"
        r = subprocess.run(
            [_clsm(), *commande[1:]], cwd=tmp_path, capture_output=True, text=True, timeout=300
        )
        assert r.returncode == 0, r.stderr
        assert "Traceback" not in r.stderr
    assert (tmp_path / "demo" / "exports" / "bilan-2025.docx").is_file()
    assert (tmp_path / "demo" / "exports" / "bilan-2025.xlsx").is_file()
    assert "Membres actifs" in r.stdout


@pytest.mark.slow
def test_premiere_commande_dans_un_venv_neuf(tmp_path: Path) -> None:
    """The first README command, verbatim, in a brand-new virtual environment."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    env.pop("PYTHONPATH", None)
    travail = tmp_path / "travail"
    travail.mkdir()
    commande = BLOCS[0].strip().replace("pip install .", f"pip install -q {RACINE_DEPOT}", 1)
    r = subprocess.run(
        ["bash", "-c", commande],
        cwd=travail,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    assert "Membres actifs" in r.stdout
    assert (travail / "demo" / "exports" / "bilan-2025.docx").is_file()
