"""Layout of a clsm folder (SPEC §3). Light module: no pydantic, no tomlkit."""

from __future__ import annotations

import re
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


def lister_fichiers(racine: Path) -> list[str]:
    """Relative posix paths of every data file present, in a stable order."""
    trouves = [f for f in FICHIERS_FIXES if (racine / f).is_file()]
    for dossier in DOSSIERS_DE_FICHIERS:
        d = racine / dossier
        if d.is_dir():
            trouves.extend(
                f"{dossier}/{p.name}"
                for p in sorted(d.iterdir())
                if p.suffix == ".toml" and not RE_TEMPORAIRE.match(p.name) and p.is_file()
            )
    if (racine / FICHIER_ARCHIVES).is_file():
        trouves.append(FICHIER_ARCHIVES)
    return trouves


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
