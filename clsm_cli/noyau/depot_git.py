"""Sharing and history with git: ``clsm init --git`` (a repository and a first commit) and
``clsm historique`` (who changed which file, when, read from ``git log``).

clsm never pushes, pulls or merges: git stays the coordinator's tool. The files are
merge-friendly (one record per ``[[block]]``, one meeting per file), so two people editing
different records merge without conflict.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from clsm_cli.modeles.erreurs import ErreurClsm

AUTEUR_PAR_DEFAUT = ("clsm", "clsm@localhost")
"""Author of the first commit when git knows no user.name / user.email."""
A_IGNORER = (
    ("exports/", "Documents produits par clsm : régénérables, hors de l'historique."),
    (
        "cellule/",
        "Cellule de cas complexes : secret professionnel, jamais dans un dépôt partagé.",
    ),
)
SEPARATEUR_ENTREE = "\x1e"
SEPARATEUR_CHAMP = "\x1f"

COMMENT_COMMENCER = (
    "Ce dossier n'est pas suivi par git : aucun historique des modifications n'est "
    "disponible. Pour commencer à le garder, lancez « clsm init --git » dans le dossier : il "
    "crée le dépôt et un premier commit, sans la cellule ni les exports (exclus par le fichier "
    ".gitignore). Ensuite, après chaque série de modifications : « git add -A » puis "
    '« git commit -m "ce qui a changé" ».'
)


@dataclass
class Modification:
    """One commit touching the folder."""

    commit: str
    auteur: str
    courriel: str
    date: dt.datetime
    message: str
    fichiers: list[str] = field(default_factory=list)


def git_disponible() -> bool:
    return shutil.which("git") is not None


def _git(racine: Path, *args: str, verifier: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}
    resultat = subprocess.run(
        ["git", "-C", str(racine), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        check=False,
    )
    if verifier and resultat.returncode != 0:
        raise ErreurClsm(
            f"git {args[0]} a échoué dans « {racine} » : "
            f"{resultat.stderr.strip() or resultat.stdout.strip()}"
        )
    return resultat


def est_un_depot(racine: Path) -> bool:
    return (
        git_disponible() and _git(racine, "rev-parse", "--git-dir", verifier=False).returncode == 0
    )


def completer_gitignore(racine: Path) -> list[str]:
    """Make sure ``exports/`` and ``cellule/`` are ignored (an active line each); returns the
    lines added."""
    from clsm_cli.stockage.ecriture import ecrire_atomique

    chemin = racine / ".gitignore"
    texte = chemin.read_text(encoding="utf-8") if chemin.exists() else ""
    actives = {ligne.strip() for ligne in texte.splitlines() if not ligne.startswith("#")}
    ajouts = [(motif, raison) for motif, raison in A_IGNORER if motif not in actives]
    if ajouts:
        if texte and not texte.endswith("\n"):
            texte += "\n"
        for motif, raison in ajouts:
            texte += f"# {raison}\n{motif}\n"
        ecrire_atomique(chemin, texte)
    return [motif for motif, _ in ajouts]


def initialiser_depot(racine: Path, *, existant: bool = False) -> str:
    """``git init``, the .gitignore completed, everything else committed. The author is git's
    user when configured, else « clsm <clsm@localhost> ». ``existant``: the folder was there
    before (refused if it already is a repository). Returns the commit's short hash."""
    if not git_disponible():
        raise ErreurClsm("git n'est pas installé (https://git-scm.com).")
    if (racine / ".git").exists():
        if existant:
            raise ErreurClsm(
                f"« {racine} » est déjà un dépôt git : rien n'a été modifié (voir « clsm "
                "historique »)."
            )
    else:
        _git(racine, "-c", "init.defaultBranch=main", "init", "-q")
    message = "Dossier du CLSM suivi par git" if existant else "Création du dossier clsm"
    completer_gitignore(racine)
    reglages = ["-c", "commit.gpgsign=false"]
    for cle, defaut in zip(("user.name", "user.email"), AUTEUR_PAR_DEFAUT, strict=True):
        if not _git(racine, "config", "--get", cle, verifier=False).stdout.strip():
            reglages += ["-c", f"{cle}={defaut}"]
    _git(racine, "add", "-A", ".")
    _git(racine, *reglages, "commit", "-q", "--no-verify", "-m", message)
    return _git(racine, "rev-parse", "--short", "HEAD").stdout.strip()


def historique(racine: Path, fichier: str | None = None, nombre: int = 50) -> list[Modification]:
    """The last ``nombre`` commits touching the folder (or one file of it), newest first, with
    the files each one changed (paths relative to the folder)."""
    format_ = SEPARATEUR_ENTREE + SEPARATEUR_CHAMP.join(("%h", "%an", "%ae", "%aI", "%s"))
    chemin = fichier or "."
    if _git(racine, "rev-parse", "--verify", "-q", "HEAD", verifier=False).returncode != 0:
        return []
    sortie = _git(
        racine,
        "log",
        f"-n{nombre}",
        f"--format={format_}",
        "--name-only",
        "--relative",
        "--",
        chemin,
    ).stdout
    modifications = []
    for entree in sortie.split(SEPARATEUR_ENTREE)[1:]:
        entete, _, reste = entree.partition("\n")
        commit, auteur, courriel, date, message = entete.split(SEPARATEUR_CHAMP)
        modifications.append(
            Modification(
                commit,
                auteur,
                courriel,
                dt.datetime.fromisoformat(date),
                message,
                [ligne for ligne in reste.splitlines() if ligne.strip()],
            )
        )
    return modifications
