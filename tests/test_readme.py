"""README.md cannot lie: its first commands are the ones CI runs, and they work.

The two ``bash`` blocks at the top are the promise (install and try the demo; run the tests).
The PowerShell and pipx variants under them must say the same thing in their own syntax. The
blocks themselves run, verbatim, in a fresh clone with the system Python in
tests/test_premier_contact.py (slow); here, the clsm part runs with the clsm under test.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

from .conftest import RACINE_DEPOT

README = (RACINE_DEPOT / "README.md").read_text(encoding="utf-8")
BLOCS = re.findall(r"```bash\n(.*?)```", README, flags=re.S)
POWERSHELL = re.findall(r"```powershell\n(.*?)```", README, flags=re.S)

DEMO = (
    "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/clsm init --demo demo"
    " && .venv/bin/clsm -C demo bilan 2025 && .venv/bin/clsm -C demo etat"
)
TESTS = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"


def _commandes(bloc: str) -> list[list[str]]:
    return [shlex.split(morceau) for morceau in bloc.strip().split("&&")]


def test_deux_commandes_en_tete() -> None:
    assert len(BLOCS) >= 3
    assert BLOCS[0].strip() == DEMO
    assert BLOCS[1].strip() == TESTS


def test_chaque_commande_utilise_son_environnement_virtuel() -> None:
    """No bare ``pip``/``clsm``/``python``: on Debian or Ubuntu the system Python refuses
    ``pip install`` (PEP 668), and nothing is activated on a newcomer's shell."""
    for bloc in BLOCS[:2]:
        commandes = _commandes(bloc)
        assert commandes[0] == ["python3", "-m", "venv", ".venv"]
        assert all(c[0].startswith(".venv/bin/") for c in commandes[1:])


def _en_powershell(bloc: str) -> str:
    """The bash block as the README writes it for Windows PowerShell."""
    return (
        bloc.strip()
        .replace("python3 -m venv", "py -m venv")
        .replace(" && ", "; ")
        .replace(".venv/bin/", ".\\.venv\\Scripts\\")
    )


def test_variante_powershell() -> None:
    """Same commands, PowerShell syntax: ``;`` (Windows PowerShell 5.1 has no ``&&``), paths
    with ``\\`` run from the current folder (``.\\``), ``'.[test]'`` quoted (a literal string in
    PowerShell too)."""
    assert len(POWERSHELL) >= 2
    assert POWERSHELL[0].strip() == _en_powershell(DEMO)
    assert POWERSHELL[1].strip() == _en_powershell(TESTS)
    for bloc in POWERSHELL[:2]:
        assert "&&" not in bloc and "/" not in bloc
    assert "'.[test]'" in POWERSHELL[1]


def test_variante_pipx() -> None:
    pipx = BLOCS[2].strip()
    assert pipx.startswith("pipx install . && ")
    assert pipx.removeprefix("pipx install . && ") == " && ".join(
        morceau.strip().removeprefix(".venv/bin/") for morceau in DEMO.split("&&")[2:]
    )


def test_ci_lance_la_commande_du_readme() -> None:
    ci = (RACINE_DEPOT / ".ci" / "run").read_text(encoding="utf-8")
    lignes = ci.splitlines()
    assert BLOCS[1].strip() in lignes
    # then the slow tests, with the same environment, before lint, format and types
    lentes = lignes.index(".venv/bin/python -m pytest -m slow")
    assert lignes.index(BLOCS[1].strip()) < lentes < lignes.index(".venv/bin/mypy clsm_cli")


def test_la_commande_de_test_ecarte_les_tests_lents() -> None:
    import tomllib

    options = tomllib.loads((RACINE_DEPOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert options["tool"]["pytest"]["ini_options"]["addopts"] == ["-ra", "-m", "not slow"]
    assert "python -m pytest -m slow" in README


def test_premiere_commande_sans_installation(tmp_path: Path) -> None:
    """The clsm part of the first command, with the clsm installed in this environment."""
    clsm = str(Path(sys.executable).parent / "clsm")
    for commande in _commandes(BLOCS[0])[2:]:
        assert commande[0] == ".venv/bin/clsm"
        r = subprocess.run(
            [clsm, *commande[1:]], cwd=tmp_path, capture_output=True, text=True, timeout=300
        )
        assert r.returncode == 0, r.stderr
        assert "Traceback" not in r.stderr
    assert (tmp_path / "demo" / "exports" / "bilan-2025.docx").is_file()
    assert (tmp_path / "demo" / "exports" / "bilan-2025.xlsx").is_file()
    assert "Membres actifs" in r.stdout
