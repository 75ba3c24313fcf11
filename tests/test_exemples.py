"""The Python example of the README runs against the committed demo folder."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tomllib
from collections import Counter

from clsm_cli.modeles import LIBELLES_COLLEGE

from .conftest import AUJOURDHUI, RACINE_DEPOT


def test_script_membres_par_college() -> None:
    script = RACINE_DEPOT / "examples" / "membres_par_college.py"
    r = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=True
    )
    membres = tomllib.loads(
        (RACINE_DEPOT / "examples/demo/membres.toml").read_text(encoding="utf-8")
    )["membre"]
    aujourdhui = dt.date.fromisoformat(AUJOURDHUI)
    actifs = Counter(
        LIBELLES_COLLEGE[m["college"]]
        for m in membres
        if m.get("jusqu_a") is None or m["jusqu_a"] >= aujourdhui
    )
    entetes = [ligne for ligne in r.stdout.splitlines() if not ligne.startswith("  ")]
    assert entetes == [f"{c} ({n})" for c, n in sorted(actifs.items())]
