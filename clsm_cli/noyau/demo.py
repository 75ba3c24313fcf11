"""The built-in demo CLSM of ``clsm init --demo``: a realistic, entirely fictional CLSM.

Its files are plain TOML shipped with the package (``clsm_cli/donnees/demo/``), exactly as
``clsm init --demo`` writes them, so that they read and diff like any council's folder. Every
person, structure name, phone number and situation is invented: phone numbers use the 01 99 00
range, which French numbering reserves for fiction; e-mails use example.org. The data is fixed
(no randomness, no « today »): 2025 is the complete year (the one the README's ``clsm bilan 2025``
documents), 2026 is filled up to late November.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def _parcourir(dossier: Traversable, prefixe: str = "") -> dict[str, str]:
    textes: dict[str, str] = {}
    for entree in dossier.iterdir():
        chemin = f"{prefixe}{entree.name}"
        if entree.is_dir():
            textes.update(_parcourir(entree, f"{chemin}/"))
        elif entree.name.endswith(".toml"):
            textes[chemin] = entree.read_text(encoding="utf-8")
    return textes


def textes_demo() -> dict[str, str]:
    """Relative posix path -> text of each file of the demo folder, in path order."""
    textes = _parcourir(resources.files("clsm_cli") / "donnees" / "demo")
    return dict(sorted(textes.items()))
