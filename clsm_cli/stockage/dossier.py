"""Layout of a clsm folder (SPEC §3). Light module: no pydantic, no tomlkit."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import stat
from pathlib import Path

from clsm_cli.modeles.erreurs import DossierIntrouvable

FICHIER_IDENTITE = "clsm.toml"
FICHIERS_FIXES = (
    "clsm.toml",
    "membres.toml",
    "groupes.toml",
    "diagnostic.toml",
    "plan.toml",
    "cellule/situations.toml",
)
DOSSIERS_DE_FICHIERS = ("reunions", "sism", "cellule/seances")
DOSSIER_CELLULE = "cellule"
DOSSIER_INTERNE = ".clsm"
DOSSIER_SCHEMAS = ".clsm/schemas"
DOSSIER_EXPORTS = "exports"
FICHIER_ARCHIVES = "cellule/archives.toml"

RE_TEMPORAIRE = re.compile(r"^\..*\.tmp$")


def chemin_reunion(jour: dt.date, instance: str) -> str:
    """Where the meeting of ``instance`` on ``jour`` lives: ``reunions/2026-03-12-copil.toml``."""
    return f"reunions/{jour.isoformat()}-{instance.replace(':', '-')}.toml"


def type_de_fichier(chemin: str) -> str | None:
    """Kind of a file from its relative path: clsm, membres, groupes, diagnostic, plan, reunion,
    sism, situations, seance, archives (None for a file clsm does not manage)."""
    if chemin in ("clsm.toml", "membres.toml", "groupes.toml", "diagnostic.toml", "plan.toml"):
        return chemin.removesuffix(".toml")
    if chemin == "cellule/situations.toml":
        return "situations"
    if chemin == FICHIER_ARCHIVES:
        return "archives"
    dossier, _, nom = chemin.rpartition("/")
    if not nom.endswith(".toml") or RE_TEMPORAIRE.match(nom):
        return None
    return {"reunions": "reunion", "sism": "sism", "cellule/seances": "seance"}.get(dossier)


def est_dans_cellule(chemin: str) -> bool:
    return chemin.startswith(DOSSIER_CELLULE + "/")


def _entrees(dossier: Path) -> list[os.DirEntry[str]]:
    """The entries of ``dossier`` sorted by name (none when it cannot be listed). scandir
    knows each entry's type without a system call per file, and names sort faster than
    paths: a big folder has a thousand files."""
    try:
        with os.scandir(dossier) as entrees:
            return sorted(entrees, key=lambda e: e.name)
    except OSError:
        return []


def lister_fichiers(racine: Path) -> list[str]:
    """Relative posix paths of every data file present, in a stable order."""
    trouves = [f for f in FICHIERS_FIXES if (racine / f).is_file()]
    for dossier in DOSSIERS_DE_FICHIERS:
        trouves.extend(
            f"{dossier}/{e.name}"
            for e in _entrees(racine / dossier)
            if e.name.endswith(".toml") and not RE_TEMPORAIRE.match(e.name) and _fichier(e)
        )
    if (racine / FICHIER_ARCHIVES).is_file():
        trouves.append(FICHIER_ARCHIVES)
    return trouves


DOSSIER_CACHE_CELLULE = "cellule/.cache"
ATTENDUS_DANS_CELLULE = ("situations.toml", "archives.toml", "seances", ".cache")


def _fichier(entree: os.DirEntry[str]) -> bool:
    try:
        return entree.is_file()
    except OSError:
        return False


def nature(chemin: Path) -> str | None:
    """What ``chemin`` is when it is not a regular readable file (None when it is one, or when
    nothing is there): « un dossier », « un tube (FIFO) », « un lien cassé »…"""
    try:
        etat = chemin.lstat()
    except FileNotFoundError:
        return None
    except OSError:
        return "un chemin illisible"
    if stat.S_ISLNK(etat.st_mode):
        try:
            etat = chemin.stat()
        except FileNotFoundError:
            return "un lien symbolique cassé (sa cible n'existe pas)"
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "un lien symbolique qui boucle sur lui-même"
            return "un lien symbolique illisible"
    if stat.S_ISREG(etat.st_mode):
        return None if os.access(chemin, os.R_OK) else "un fichier sans droit de lecture"
    if stat.S_ISDIR(etat.st_mode):
        return "un dossier"
    if stat.S_ISFIFO(etat.st_mode):
        return "un tube (FIFO)"
    return "un fichier spécial (périphérique ou socket)"


def fichiers_anormaux(racine: Path) -> dict[str, str]:
    """Data files clsm expects that are not regular readable files → what they are instead.

    A folder where a data file should be, a FIFO, a broken link or a link loop is never
    skipped in silence: the loading reports it (E005), so that no figure quietly leaves it out.
    """
    anormaux: dict[str, str] = {}
    for chemin in (*FICHIERS_FIXES, FICHIER_ARCHIVES):
        quoi = nature(racine / chemin)
        if quoi is not None:
            anormaux[chemin] = quoi
    for dossier in DOSSIERS_DE_FICHIERS:
        d = racine / dossier
        if not d.is_dir():
            if os.path.lexists(d):
                anormaux[dossier] = nature(d) or "un fichier"
            continue
        for entree in _entrees(d):
            if entree.name.endswith(".toml") and not RE_TEMPORAIRE.match(entree.name):
                if entree.is_file(follow_symlinks=False) and os.access(entree.path, os.R_OK):
                    continue  # a regular readable file: the common case, without a stat
                quoi = nature(Path(entree.path))
                if quoi is not None:
                    anormaux[f"{dossier}/{entree.name}"] = quoi
    return anormaux


def fichiers_inattendus(racine: Path) -> list[str]:
    """Entries of the data folders (reunions/, sism/, cellule/, cellule/seances/) that clsm
    does not manage and therefore ignores: a stray ``reunions/notes.txt``, a sub-folder…"""
    inattendus: list[str] = []
    for dossier in (*DOSSIERS_DE_FICHIERS, DOSSIER_CELLULE):
        d = racine / dossier
        if not d.is_dir() or d.is_symlink():
            continue
        for entree in _entrees(d):
            relatif = f"{dossier}/{entree.name}"
            if RE_TEMPORAIRE.match(entree.name):
                continue
            if dossier == DOSSIER_CELLULE:
                if entree.name not in ATTENDUS_DANS_CELLULE:
                    inattendus.append(relatif)
            elif not entree.name.endswith(".toml"):
                inattendus.append(relatif)
    return inattendus


def trouver_racine(depart: Path | str | None = None, *, chercher_parents: bool = True) -> Path:
    """The clsm folder: ``depart`` itself, or (like git) its nearest parent holding clsm.toml."""
    depart = Path(depart or ".").resolve()
    candidats = [depart, *depart.parents] if chercher_parents else [depart]
    for dossier in candidats:
        if (dossier / FICHIER_IDENTITE).is_file():
            return dossier
    if not depart.exists():
        raise DossierIntrouvable(f"Le dossier « {depart} » n'existe pas.")
    raise DossierIntrouvable(
        f"« {depart} » n'est pas un dossier clsm (aucun fichier clsm.toml ici"
        + (" ni dans les dossiers parents" if chercher_parents else "")
        + ") : créez-en un avec « clsm init », ou indiquez-le avec « clsm -C DOSSIER »."
    )
