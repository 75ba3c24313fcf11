"""Helpers shared by the command tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import Result

Clsm = Callable[..., Result]


def reussit(clsm: Clsm, dossier: Path, *args: str) -> Result:
    """``clsm -C dossier ARGS…``, which must succeed (its output shown otherwise)."""
    r = clsm("-C", dossier, *args)
    assert r.exit_code == 0, r.output
    return r
