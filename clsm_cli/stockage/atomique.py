"""Atomic writes: a file is its old version or its new one, never half of either."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from clsm_cli.stockage import systeme

__all__ = ["ecrire_atomique"]


def ecrire_atomique(chemin: Path, contenu: str | bytes, mode: int | None = None) -> None:
    """Write ``contenu`` to ``chemin`` atomically (old or new version, never half)."""
    import tempfile

    donnees = contenu.encode("utf-8") if isinstance(contenu, str) else contenu
    chemin.parent.mkdir(parents=True, exist_ok=True)
    if mode is None:
        try:
            mode = chemin.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = 0o644
    fd, temporaire = tempfile.mkstemp(dir=chemin.parent, prefix=f".{chemin.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(donnees)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temporaire, mode)
        os.replace(temporaire, chemin)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporaire)
        raise
    _fsync_dossier(chemin.parent)


def _fsync_dossier(dossier: Path) -> None:
    if not systeme.posix():
        return
    fd = os.open(dossier, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
