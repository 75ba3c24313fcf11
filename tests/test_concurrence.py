"""Two clsm processes writing to one folder at once: the lock serialises them, nothing is lost.

Each writer is a separate Python process that runs the ``clsm`` command line again and again
(a fresh folder load, lock and validated write each time), as a coordinator's script would.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from .cli.test_membres import remplir

ECRIVAIN = """\
import sys
from clsm_cli.cli import main

dossier, prefixe, nombre, *options = sys.argv[1:]
echecs = 0
for i in range(int(nombre)):
    try:
        main(["-C", dossier, "membres", "ajouter", "--nom", f"{prefixe}{i:02d}",
              "--prenom", "Test", "--college", "autres", *options])
    except SystemExit as fin:
        if fin.code:
            echecs += 1
sys.exit(1 if echecs else 0)
"""


def lancer(commande: list[str]) -> subprocess.Popen[str]:
    env = {**os.environ, "CLSM_ATTENTE_VERROU": "120"}
    return subprocess.Popen(
        commande, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )


def verifier_resultat(dossier: Path, nombre: int) -> None:
    membres = tomllib.loads((dossier / "membres.toml").read_text(encoding="utf-8"))["membre"]
    ids = [m["id"] for m in membres]
    attendus = {f"test-{p}{i:02d}" for p in ("alpha", "beta") for i in range(nombre)}
    assert len(ids) == len(set(ids)) == 5 + 2 * nombre
    assert attendus <= set(ids)
    # each process appended its own members in its own order
    for prefixe in ("alpha", "beta"):
        siens = [i for i in ids if i.startswith(f"test-{prefixe}")]
        assert siens == sorted(siens)
    # writer A changed groupes.toml in the same atomic edits: none of them was lost either
    groupe = tomllib.loads((dossier / "groupes.toml").read_text(encoding="utf-8"))["groupe"][0]
    assert sorted(groupe["membres"]) == sorted(
        ["laurent-mercadier", *(f"test-alpha{i:02d}" for i in range(nombre))]
    )
    r = subprocess.run(
        [sys.executable, "-m", "clsm_cli", "-C", str(dossier), "verifier"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "✓ Aucun problème.\n")
    assert not list(dossier.rglob(".*.tmp"))


@pytest.mark.slow
def test_deux_processus_cinquante_editions_chacun(projet: Path) -> None:
    dossier = remplir(projet)
    debut = time.monotonic()
    a = lancer(
        [sys.executable, "-c", ECRIVAIN, str(dossier), "Alpha", "50", "--instance", "logement"]
    )
    b = lancer([sys.executable, "-c", ECRIVAIN, str(dossier), "Beta", "50"])
    sorties = [p.communicate(timeout=600) for p in (a, b)]
    assert [a.returncode, b.returncode] == [0, 0], sorties
    duree = time.monotonic() - debut
    verifier_resultat(dossier, 50)
    print(f"\n100 éditions par 2 processus concurrents : {duree:.1f} s")


@pytest.mark.slow
def test_deux_series_de_commandes_clsm(projet: Path) -> None:
    """The same with one ``python -m clsm_cli`` process per edit, two series at once."""
    dossier = remplir(projet)

    def commande(prefixe: str, i: int, *options: str) -> list[str]:
        return [
            sys.executable, "-m", "clsm_cli", "-C", str(dossier), "membres", "ajouter",
            "--nom", f"{prefixe}{i:02d}", "--prenom", "Test", "--college", "autres", *options,
        ]  # fmt: skip

    for i in range(5):
        a = lancer(commande("Alpha", i, "--instance", "logement"))
        b = lancer(commande("Beta", i))
        sorties = [p.communicate(timeout=300) for p in (a, b)]
        assert [a.returncode, b.returncode] == [0, 0], sorties
    verifier_resultat(dossier, 5)
