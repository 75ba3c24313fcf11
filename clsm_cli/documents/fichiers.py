"""Where produced documents go (``exports/`` or ``-o``), written atomically."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from clsm_cli.modeles.erreurs import ErreurSaisie
from clsm_cli.stockage.dossier import DOSSIER_EXPORTS

if TYPE_CHECKING:
    from clsm_cli.noyau.projet import Projet


SORTIE_STANDARD = Path("-")
"""``-o -``: the document goes to stdout instead of a file."""

BINAIRES = (".docx", ".xlsx", ".pdf")


def sortie_vers_terminal() -> bool:
    """True when stdout is a terminal (a binary document would print as garbage there)."""
    return sys.stdout.isatty()


def chemins_sortie(
    projet: Projet, nom: str, suffixes: Sequence[str], option: Path | None = None
) -> list[Path]:
    """One path per suffix: ``exports/<nom><suffixe>`` by default; with ``-o``, that file
    (its suffix replaced for the other formats) or, for a folder, ``<folder>/<nom><suffixe>``.
    ``-o -`` (:data:`SORTIE_STANDARD`): stdout, for one format only, binary ones only to a
    pipe or a file, never to a terminal."""
    if option == SORTIE_STANDARD:
        if len(suffixes) != 1:
            raise ErreurSaisie(
                f"-o - : un seul document peut aller sur la sortie standard, pas "
                f"{len(suffixes)} ({', '.join(suffixes)}) : choisissez-en un avec --en."
            )
        if suffixes[0] in BINAIRES and sortie_vers_terminal():
            raise ErreurSaisie(
                f"-o - : un fichier {suffixes[0]} est binaire, il ne s'affiche pas dans un "
                "terminal : redirigez la sortie (-o - > fichier) ou indiquez un fichier."
            )
        return [SORTIE_STANDARD]
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
    """Write atomically (a document is either the old or the new one, never half), or to
    stdout for ``-o -``."""
    from clsm_cli.stockage.ecriture import ecrire_atomique

    if chemin == SORTIE_STANDARD:
        sys.stdout.flush()
        sys.stdout.buffer.write(contenu)
        sys.stdout.buffer.flush()
        return chemin

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
