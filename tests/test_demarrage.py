"""Start-up stays light: ``clsm --help`` (and each group's help) imports no heavy library.

Each case runs in a fresh interpreter, since in-process imports would be shared between tests.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

from clsm_cli.cli import COMMANDES

LOURDS = ("pydantic", "rich", "openpyxl", "docx", "tomlkit", "matplotlib", "icalendar")

SONDE = """
import json, sys
from clsm_cli.cli import main
try:
    main(sys.argv[1:] + ["--help"])
except SystemExit as fin:
    code = fin.code
lourds = sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(LOURDS)))
print("\\n" + json.dumps({"code": code, "lourds": lourds}))
"""


def modules_lourds(*mots: str) -> tuple[int, list[str]]:
    """Exit code of ``clsm MOTS… --help`` and the heavy modules it imported."""
    sonde = SONDE.replace("LOURDS", repr(json.dumps(LOURDS)))
    r = subprocess.run(
        [sys.executable, "-c", sonde, *mots], capture_output=True, text=True, check=True
    )
    resultat = json.loads(r.stdout.strip().splitlines()[-1])
    return resultat["code"], resultat["lourds"]


def test_aide_racine_sans_module_lourd() -> None:
    assert modules_lourds() == (0, [])


GROUPES = sorted(
    nom
    for nom, (cible, _) in COMMANDES.items()
    if importlib.util.find_spec(cible.partition(":")[0]) is not None
)


@pytest.mark.parametrize("groupe", GROUPES)
def test_aide_des_groupes_sans_module_lourd(groupe: str) -> None:
    assert modules_lourds(groupe) == (0, [])


def test_les_groupes_de_base_sont_testes() -> None:
    assert {"init", "verifier", "etat"} <= set(GROUPES)


def test_la_sonde_voit_un_import_lourd() -> None:
    """The probe itself works: a command that loads data does import pydantic."""
    sonde = SONDE.replace("LOURDS", repr(json.dumps(LOURDS))).replace(
        'main(sys.argv[1:] + ["--help"])', "import clsm_cli.modeles.membres; sys.exit(0)"
    )
    r = subprocess.run([sys.executable, "-c", sonde], capture_output=True, text=True, check=True)
    assert "pydantic" in json.loads(r.stdout.strip().splitlines()[-1])["lourds"]
