"""Where produced documents go (``exports/`` or ``-o``), written atomically."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from clsm_cli.modeles.erreurs import ErreurSaisie
from clsm_cli.stockage.dossier import DOSSIER_EXPORTS

if TYPE_CHECKING:
    from clsm_cli.noyau.projet import Projet


def chemins_sortie(
    projet: Projet, nom: str, suffixes: Sequence[str], option: Path | None = None
) -> list[Path]:
    """One path per suffix: ``exports/<nom><suffixe>`` by default; with ``-o``, that file
    (its suffix replaced for the other formats) or, for a folder, ``<folder>/<nom><suffixe>``."""
    if option is None:
        return [projet.racine / DOSSIER_EXPORTS / f"{nom}{s}" for s in suffixes]
    if option.is_dir():
        return [option / f"{nom}{s}" for s in suffixes]
    if option.suffix and option.suffix.lower() not in suffixes:
        attendus = " ou ".join(suffixes)
        raise ErreurSaisie(
            f"-o {option} : extension « {option.suffix} » inattendue (attendu : {attendus}), "
            "ou indiquez un dossier."
        )
    if len(suffixes) == 1:
        return [option if option.suffix else option.with_suffix(suffixes[0])]
    return [option.with_suffix(s) for s in suffixes]


def ecrire(chemin: Path, contenu: bytes) -> Path:
    """Write atomically (a document is either the old or the new one, never half)."""
    from clsm_cli.stockage.ecriture import ecrire_atomique

    if chemin.is_dir():
        raise ErreurSaisie(f"« {chemin} » est un dossier : impossible d'y écrire le document.")
    ecrire_atomique(chemin, contenu)
    return chemin


def pour_affichage(chemin: Path) -> str:
    """The path as a user would type it: relative to the current folder when inside it."""
    absolu = chemin.resolve()
    try:
        relatif = absolu.relative_to(Path.cwd().resolve())
    except ValueError:
        return str(absolu)
    return str(relatif) if str(relatif) != "." else str(absolu)
