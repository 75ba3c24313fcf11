"""Crash safety: a ``clsm … ajouter`` process killed (SIGKILL) at random moments of its run.

After each kill every file parses and is either the old or the new version (never half), no
temporary file is visible to ``verifier``, and the next write cleans what the killed process
left. The folder holds 2,000 members so that each write of membres.toml (~250 KB, fsync) is
long enough to be interrupted; the kill moments are drawn around the end of a run, where the
validation and the write happen.
"""

from __future__ import annotations

import os
import random
import signal
import statistics
import subprocess
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from clsm_cli import Projet, creer_dossier
from clsm_cli.noyau.verification import verifier
from clsm_cli.stockage.dossier import RE_TEMPORAIRE, lister_fichiers

COLLEGES = ["elus", "psychiatrie", "sante", "social_medico_social", "logement", "associations"]


def membres(n: int) -> str:
    blocs = [
        "#:schema .clsm/schemas/membres.schema.json\n# Annuaire (fichier de test)\n"
        'version_schema = "1.0"\n'
    ]
    for i in range(n):
        blocs.append(
            f'\n[[membre]]\nid = "membre-{i:05d}"\nnom = "Nom{i}"\nprenom = "Prénom"\n'
            f'structure = "Structure n° {i % 97}"\nfonction = "Fonction {i % 13}"\n'
            f'college = "{COLLEGES[i % len(COLLEGES)]}"\n'
            f'notes = "Membre de test numéro {i}, ajouté pour rendre l\'écriture longue."\n'
        )
    return "".join(blocs)


def commande(dossier: Path, i: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "clsm_cli",
        "-C",
        str(dossier),
        "membres",
        "ajouter",
        "--nom",
        f"Tue{i}",
        "--structure",
        "Structure du test",
        "--college",
        "elus",
    ]


def donnees(dossier: Path) -> dict[str, bytes]:
    return {c: (dossier / c).read_bytes() for c in lister_fichiers(dossier)}


def temporaires(dossier: Path) -> list[Path]:
    return [p for p in dossier.rglob(".*") if p.is_file() and RE_TEMPORAIRE.match(p.name)]


def ids(texte: bytes) -> list[str]:
    return [m["id"] for m in tomllib.loads(texte.decode("utf-8"))["membre"]]


def guetter_l_ecriture(
    processus: subprocess.Popen[bytes], dossier: Path, delai: float, deja: set[str]
) -> bool:
    """Wait until ``processus`` starts writing a file (a temporary file that is not among
    ``deja``, those a killed run left), then ``delai`` seconds; True if it is still running
    (to be killed), False if it ended first."""
    while processus.poll() is None:
        with os.scandir(dossier) as entrees:
            if any(RE_TEMPORAIRE.match(e.name) and e.name not in deja for e in entrees):
                if delai:
                    time.sleep(delai)
                return processus.poll() is None
        time.sleep(0.0002)
    return False


def tuer_pendant_les_ecritures(
    dossier: Path, fois: int, graine: int, *, toujours_guetter: bool = False
) -> Counter[str]:
    """Run and SIGKILL ``fois`` writers; check the folder after each kill. One run in three
    (every run with ``toujours_guetter``) is killed just after its temporary file appears: at
    once or, one time in two, within the next 4 ms (at once, always, with ``toujours_guetter``).
    ``tues_en_pleine_ecriture`` counts the kills that left a new temporary file behind: proof
    that they landed between mkstemp and os.replace."""
    hasard = random.Random(graine)
    bilan: Counter[str] = Counter()
    debut = time.monotonic()
    subprocess.run(commande(dossier, -1), check=True, capture_output=True)
    durees = [time.monotonic() - debut]  # of complete runs: the machine's load varies
    for i in range(fois):
        avant = donnees(dossier)
        deja = {p.name for p in temporaires(dossier)}
        debut = time.monotonic()
        processus = subprocess.Popen(
            commande(dossier, i), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if i % 3 == 0 or toujours_guetter:
            # watch for the temporary file, then kill at once or within the next milliseconds
            delai = 0.0 if toujours_guetter or hasard.random() < 0.5 else hasard.uniform(0, 0.004)
            tue = guetter_l_ecriture(processus, dossier, delai, deja)
        else:
            # a moment anywhere in the run, or near its end where the write happens
            fraction = hasard.uniform(0.2, 1.0) if i % 3 == 1 else hasard.uniform(0.8, 1.0)
            try:
                processus.wait(timeout=fraction * statistics.median(durees[-5:]))
                tue = False
            except subprocess.TimeoutExpired:
                tue = True
        if tue:
            os.kill(processus.pid, signal.SIGKILL)
            processus.wait()
            bilan["tues"] += 1
        else:
            durees.append(time.monotonic() - debut)
            bilan["finis_avant"] += 1
        apres = donnees(dossier)
        assert set(apres) == set(avant)
        for chemin, contenu in apres.items():
            if contenu == avant[chemin]:
                continue
            # the only other acceptable state: the new version, with one member more
            assert chemin == "membres.toml", chemin
            anciens, nouveaux = ids(avant[chemin]), ids(contenu)
            assert nouveaux[:-1] == anciens and len(nouveaux) == len(anciens) + 1
            assert contenu.startswith(avant[chemin].rstrip(b"\n"))
            bilan["nouvelle_version"] += 1
            break
        else:
            bilan["ancienne_version"] += 1
        for contenu in apres.values():
            tomllib.loads(contenu.decode("utf-8"))  # every file parses
        restes = temporaires(dossier)
        # a new temporary file left behind: killed between mkstemp and os.replace
        bilan["tues_en_pleine_ecriture"] += bool({p.name for p in restes} - deja)
        # verifier never sees them, and finds the folder valid
        assert not [c for c in lister_fichiers(dossier) if RE_TEMPORAIRE.match(c.rsplit("/")[-1])]
        problemes = verifier(Projet.ouvrir(dossier, tolerant=True))
        assert [p for p in problemes if p.est_erreur] == []
    # the next write cleans what killed processes left
    subprocess.run(commande(dossier, fois), check=True, capture_output=True)
    assert temporaires(dossier) == []
    return bilan


def annuaire(tmp_path: Path, n: int) -> Path:
    dossier = creer_dossier(tmp_path / "clsm", nom="CLSM", territoire="T")
    (dossier / "membres.toml").write_text(membres(n), encoding="utf-8")
    return dossier


def test_processus_tue_3_fois_en_pleine_ecriture(tmp_path: Path) -> None:
    """Each run is killed as soon as its temporary file appears: at least one kill must land in
    the middle of a write (a new temporary file left behind proves it; 20 such kills in 20
    landed there on this machine, quiet or loaded), or the test would prove nothing."""
    bilan = tuer_pendant_les_ecritures(annuaire(tmp_path, 300), 3, graine=1, toujours_guetter=True)
    assert bilan["tues_en_pleine_ecriture"] >= 1, dict(bilan)


@pytest.mark.slow
def test_processus_tue_100_fois(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bilan = tuer_pendant_les_ecritures(annuaire(tmp_path, 2_000), 100, graine=2026)
    assert bilan["tues"] >= 50
    assert bilan["tues_en_pleine_ecriture"] >= 5
    with capsys.disabled():
        print(f"\n[crash] {dict(sorted(bilan.items()))}")
