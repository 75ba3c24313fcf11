"""Situation codes for shell completion, read with the cheap scan of ``stockage.survol``.

Only the pseudonymous codes leave the cellule this way (no description: every other value of a
situation stays inside it), and only towards the terminal of the person who completes.
"""

from __future__ import annotations

from pathlib import Path

from clsm_cli.stockage.dossier import DOSSIER_CELLULE
from clsm_cli.stockage.survol import Suggestion, blocs


def codes_situations(racine: Path) -> list[Suggestion]:
    """The codes of ``cellule/situations.toml`` (``S-2025-001``…), in file order."""
    chemin = racine / DOSSIER_CELLULE / "situations.toml"
    return [(code, None) for bloc in blocs(chemin, "situation") if (code := bloc.get("code"))]
