"""The folder's lock: writers wait for each other, give up with a clear message naming the
holder, and a lock left by a dead process never blocks anyone."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
import time
import tomllib
from pathlib import Path

import pytest

from clsm_cli import creer_dossier
from clsm_cli.stockage.ecriture import Verrou

from .test_fuzz import AJOUT_SITUATION, MEMBRES

AJOUT = [*AJOUT_SITUATION, "--consentement", "oral"]


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    d = creer_dossier(tmp_path / "clsm", nom="CLSM", territoire="Testville")
    (d / "membres.toml").write_text(MEMBRES, encoding="utf-8")
    return d


def lancer(dossier: Path, attente: float, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "CLSM_ATTENTE_VERROU": str(attente)}
    return subprocess.Popen(
        [sys.executable, "-m", "clsm_cli", "-C", str(dossier), *(args or AJOUT)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def codes(dossier: Path) -> list[str]:
    texte = (dossier / "cellule/situations.toml").read_text(encoding="utf-8")
    return [s["code"] for s in tomllib.loads(texte).get("situation", [])]


def test_un_second_ecrivain_attend(dossier: Path) -> None:
    with Verrou(dossier):
        processus = lancer(dossier, 60)
        time.sleep(2.0)
        assert processus.poll() is None  # waiting, not failing
        assert codes(dossier) == []
    sortie, erreur = processus.communicate(timeout=60)
    assert (processus.returncode, sortie, erreur) == (
        0,
        "",
        "✓ Situation S-2026-001 enregistrée (cellule/situations.toml).\n",
    )
    assert codes(dossier) == ["S-2026-001"]


def test_attente_abandonnee_nomme_le_detenteur(dossier: Path) -> None:
    avant = (dossier / "cellule/situations.toml").read_bytes()
    with Verrou(dossier):
        processus = lancer(dossier, 0.5)
        sortie, erreur = processus.communicate(timeout=60)
    assert (processus.returncode, sortie) == (1, "")
    assert re.fullmatch(
        rf"Erreur : Le dossier est en cours de modification par un autre clsm \(processus "
        rf"{os.getpid()}, depuis \d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\d\) ; attente abandonnée après "
        rf"0\.5 s\. Réessayez dans un instant ; si ce processus est bloqué, arrêtez-le "
        rf"\(kill {os.getpid()}\)\.\n",
        erreur,
    ), erreur
    assert (dossier / "cellule/situations.toml").read_bytes() == avant


def test_verrou_d_un_processus_mort(dossier: Path) -> None:
    code = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        from clsm_cli.stockage.ecriture import Verrou
        with Verrou(Path({str(dossier)!r})):
            print("verrouillé", flush=True)
            time.sleep(120)
        """
    )
    detenteur = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert detenteur.stdout is not None
    assert detenteur.stdout.readline() == "verrouillé\n"
    os.kill(detenteur.pid, signal.SIGKILL)
    detenteur.wait()
    detenteur.stdout.close()
    fichier = dossier / ".clsm/verrou"
    assert fichier.read_text(encoding="utf-8").split()[0] == str(detenteur.pid)  # left behind
    debut = time.monotonic()
    processus = lancer(dossier, 2)
    sortie, erreur = processus.communicate(timeout=60)
    assert (processus.returncode, sortie, erreur) == (
        0,
        "",
        "✓ Situation S-2026-001 enregistrée (cellule/situations.toml).\n",
    )
    assert time.monotonic() - debut < 30
    assert codes(dossier) == ["S-2026-001"]


def test_fichier_de_verrou_illisible(dossier: Path) -> None:
    (dossier / ".clsm").mkdir(exist_ok=True)
    (dossier / ".clsm/verrou").write_bytes(b"\x00\xffn'importe quoi\n")
    processus = lancer(dossier, 2)
    sortie, erreur = processus.communicate(timeout=60)
    assert (processus.returncode, sortie, erreur) == (
        0,
        "",
        "✓ Situation S-2026-001 enregistrée (cellule/situations.toml).\n",
    )


ECRIVAIN = textwrap.dedent(
    """
    import datetime as dt, sys
    from clsm_cli import Projet
    from clsm_cli.cellule.registre import ajouter_situation
    racine, n = sys.argv[1], int(sys.argv[2])
    for i in range(n):
        ajouter_situation(Projet.ouvrir(racine), {
            "date_saisine": dt.date(2026, 3, 2), "origine": "CCAS", "tranche_age": "40_59",
            "commune": "Testville", "problematiques": ["logement"], "referent": "as-ccas",
        })
    """
)


def deux_ecrivains(dossier: Path, n: int) -> None:
    """Two processes add ``n`` situations each at the same time: all 2n land, codes distinct."""
    env = {**os.environ, "CLSM_ATTENTE_VERROU": "120"}
    processus = [
        subprocess.Popen(
            [sys.executable, "-c", ECRIVAIN, str(dossier), str(n)],
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    for p in processus:
        _, erreur = p.communicate(timeout=600)
        assert (p.returncode, erreur) == (0, "")
    assert sorted(codes(dossier)) == [f"S-2026-{i:03d}" for i in range(1, 2 * n + 1)]
    r = subprocess.run(
        [sys.executable, "-m", "clsm_cli", "-C", str(dossier), "verifier"],
        capture_output=True,
        text=True,
    )
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "✓ Aucun problème.\n")


def test_deux_ecrivains_simultanes(dossier: Path) -> None:
    deux_ecrivains(dossier, 10)


@pytest.mark.slow
def test_deux_ecrivains_50_modifications_chacun(dossier: Path) -> None:
    deux_ecrivains(dossier, 50)


# --- the portable lock (CLSM_SANS_POSIX=1: what a system without fcntl uses) -------------


def test_verrou_fichier_exclusif(dossier: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from clsm_cli.modeles.erreurs import ErreurVerrou
    from clsm_cli.stockage import systeme

    monkeypatch.setenv("CLSM_SANS_POSIX", "1")
    assert systeme.verrouillage() == "fichier"
    pris = dossier / ".clsm" / "verrou.pris"
    with Verrou(dossier):
        assert pris.is_file()
        with pytest.raises(ErreurVerrou) as refus, Verrou(dossier, attente=0.3):
            pass  # pragma: no cover - never entered
        assert str(refus.value).startswith(
            "Le dossier est en cours de modification par un autre clsm (processus "
            f"{os.getpid()}, depuis "
        )
    assert not pris.exists()
    with Verrou(dossier):  # free again
        pass


def test_verrou_fichier_abandonne_repris(dossier: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A lock file left by a killed clsm (older than PERIME_APRES) does not block forever."""
    from clsm_cli.stockage import ecriture

    monkeypatch.setenv("CLSM_SANS_POSIX", "1")
    pris = dossier / ".clsm" / "verrou.pris"
    pris.parent.mkdir(exist_ok=True)
    pris.write_text("", encoding="utf-8")
    vieux = time.time() - ecriture.PERIME_APRES - 5
    os.utime(pris, (vieux, vieux))
    with Verrou(dossier, attente=2):
        assert pris.is_file()
    assert not pris.exists()
