"""First contact: the README's two commands, run the way a newcomer runs them (slow).

A fresh ``git clone`` of this repository in a temporary folder (so: what is committed, not the
working tree), the machine's own ``python3`` (``/usr/bin/python3`` where it exists, with its
PEP 668 « externally managed » marker left in place), no activated virtual environment and an
empty environment: only PATH (the system's directories), HOME and LANG, as ``env -i`` would
leave them. Each block runs verbatim in ``bash -c``; both must exit 0. The time of each
command of a block is printed (targets: block 1 under 60 s once the libraries are downloaded,
block 2 under 4 minutes). Block 2 runs the whole fast suite inside this test.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import RACINE_DEPOT, indisponible
from .test_readme import BLOCS

pytestmark = pytest.mark.slow


def _python_du_systeme() -> Path:
    systeme = Path("/usr/bin/python3")
    if systeme.is_file():
        return systeme
    trouve = shutil.which("python3", path=os.defpath)
    if trouve is None:
        indisponible("aucun python3 du système (ni /usr/bin/python3, ni dans le PATH par défaut)")
    return Path(trouve)


def _decrire(python: Path) -> tuple[str, Path | None]:
    """Version of that python, and its PEP 668 marker if it has one."""
    r = subprocess.run(
        [
            python,
            "-c",
            "import platform, sysconfig; "
            "print(platform.python_version()); print(sysconfig.get_path('stdlib'))",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": os.defpath},
    )
    version, stdlib = r.stdout.split()
    marqueur = Path(stdlib) / "EXTERNALLY-MANAGED"
    return version, marqueur if marqueur.is_file() else None


def _environnement_neuf(python: Path) -> dict[str, str]:
    """What ``env -i PATH=… HOME=… LANG=…`` leaves: the system's PATH, with the directory
    of that python first, so that ``python3`` in the README is the system's."""
    chemins = [str(python.parent), "/usr/local/bin", "/usr/bin", "/bin"]
    return {
        "PATH": os.pathsep.join(dict.fromkeys(chemins)),
        "HOME": os.environ.get("HOME", str(Path.home())),
        "LANG": "C.UTF-8",
    }


def _lancer(
    bloc: str, dossier: Path, env: dict[str, str], limite: float
) -> list[tuple[str, float]]:
    """Run ``bloc`` in bash; return each command with its duration (from bash's trace)."""
    trace = dossier.parent / f"trace-{time.monotonic_ns()}"
    script = f"exec 9>'{trace}'; BASH_XTRACEFD=9; PS4='+ $EPOCHREALTIME '; set -x\n{bloc.strip()}\n"
    debut = time.time()
    r = subprocess.run(
        ["bash", "-c", script],
        cwd=dossier,
        env=env,
        capture_output=True,
        text=True,
        timeout=limite,
    )
    fin = time.time()
    assert r.returncode == 0, (
        f"{bloc}\n--- stdout ---\n{r.stdout[-4000:]}\n--- stderr ---\n{r.stderr[-4000:]}"
    )
    assert "Traceback" not in r.stderr
    etapes = []
    for ligne in trace.read_text(encoding="utf-8").splitlines():
        # « + 1796101881.835209 python3 -m venv .venv » (EPOCHREALTIME: bash 5 or later)
        horodatage, _, commande = ligne.removeprefix("+ ").partition(" ")
        if ligne.startswith("+ ") and re.fullmatch(r"\d+[.,]\d+", horodatage):
            etapes.append((commande, float(horodatage.replace(",", "."))))
    return [
        (commande, (etapes[i + 1][1] if i + 1 < len(etapes) else fin) - moment)
        for i, (commande, moment) in enumerate(etapes)
    ] or [(bloc.strip(), fin - debut)]


@pytest.fixture
def dossier_neuf() -> Iterator[Path]:
    """A temporary folder of its own, not under pytest's base folder: pytest prunes old base
    folders (it keeps three), and a concurrent run could delete the clone in mid-test."""
    dossier = Path(tempfile.mkdtemp(prefix="clsm-premier-contact-"))
    try:
        yield dossier
    finally:
        shutil.rmtree(dossier, ignore_errors=True)


def test_les_deux_commandes_du_readme_sur_une_machine_neuve(
    dossier_neuf: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for programme in ("git", "bash"):
        if shutil.which(programme) is None:
            indisponible(f"{programme} est introuvable")
    if not (RACINE_DEPOT / ".git").exists():
        indisponible(f"{RACINE_DEPOT} n'est pas un dépôt git : rien à cloner")
    python = _python_du_systeme()
    env = _environnement_neuf(python)
    verif = subprocess.run([python, "-c", "import ensurepip, venv"], env=env, capture_output=True)
    if verif.returncode != 0:
        indisponible(f"{python} n'a pas le module venv : sudo apt install python3-venv")
    version, marqueur = _decrire(python)

    clone = dossier_neuf / "clsm"
    subprocess.run(["git", "clone", "--quiet", str(RACINE_DEPOT), str(clone)], check=True)
    assert not (clone / ".venv").exists()

    installer_demo = _lancer(BLOCS[0], clone, env, limite=900)
    assert (clone / "demo" / "exports" / "bilan-2025.docx").is_file()
    assert (clone / "demo" / "exports" / "bilan-2025.xlsx").is_file()
    tests = _lancer(BLOCS[1], clone, env, limite=1200)

    def resume(nom: str, etapes: list[tuple[str, float]]) -> str:
        total = sum(d for _, d in etapes)
        sans_pip = sum(d for c, d in etapes if " install " not in f" {c} ")
        lignes = [f"  {d:6.1f} s  {c}" for c, d in etapes]
        return (
            f"{nom} : {total:.1f} s, dont {total - sans_pip:.1f} s d'installation (pip, "
            f"téléchargements compris) et {sans_pip:.1f} s pour le reste\n" + "\n".join(lignes)
        )

    with capsys.disabled():
        print(
            f"\n[premier contact] {python} (Python {version}), "
            f"marqueur PEP 668 : {marqueur or 'absent'}\n"
            + resume("bloc 1 (installer, démo, bilan, état)", installer_demo)
            + "\n"
            + resume("bloc 2 (installer les tests, suite rapide)", tests)
        )
