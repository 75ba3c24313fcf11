"""Permissions of cellule/: 0700 / 0600 where the system has POSIX permissions; elsewhere (and
under CLSM_SANS_POSIX=1, as on Windows) clsm leaves folder modes as they were."""

from __future__ import annotations

import stat
from pathlib import Path

from clsm_cli.stockage import systeme


def mode(chemin: Path) -> int:
    return stat.S_IMODE(chemin.stat().st_mode)


def assert_dossier_prive(chemin: Path, avant: int | None = None) -> None:
    """``chemin`` is 0700 on POSIX; without POSIX, clsm did not touch it (still ``avant``)."""
    if systeme.posix():
        assert mode(chemin) == 0o700, chemin
    elif avant is not None:
        assert mode(chemin) == avant, chemin
