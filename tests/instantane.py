"""A folder's files as bytes: to prove that a refused command changed nothing on disk."""

from __future__ import annotations

from pathlib import Path

INTERNES = {".clsm", ".cache"}
"""clsm's own folders: the lock, the schemas and the caches (.clsm/cache, cellule/.cache)."""


def instantane(dossier: Path) -> dict[str, bytes]:
    """Every data file of ``dossier`` (not clsm's own lock, schemas and caches), as bytes."""
    return {
        p.relative_to(dossier).as_posix(): p.read_bytes()
        for p in sorted(dossier.rglob("*"))
        if p.is_file() and not INTERNES.intersection(p.relative_to(dossier).parts)
    }
