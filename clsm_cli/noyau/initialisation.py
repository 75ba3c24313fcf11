"""``clsm init``: create a valid clsm folder, empty or filled with the demo CLSM."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from clsm_cli.modeles.erreurs import ErreurClsm, ErreurValidation
from clsm_cli.modeles.problemes import Probleme
from clsm_cli.modeles.vocabulaires import date_precise
from clsm_cli.stockage import dossier as D
from clsm_cli.stockage import systeme
from clsm_cli.stockage.ecriture import texte_nouveau
from clsm_cli.stockage.lecture import lire_fichier, valider

GITIGNORE = """\
# Documents produits par clsm (bilans, conventions, comptes rendus) : régénérables.
exports/
# Fichiers internes de clsm (verrou, fichiers temporaires).
.clsm/verrou
.*.tmp

# La cellule de cas complexes contient des informations couvertes par le secret
# professionnel : elle ne doit jamais partir dans un dépôt partagé (serveur git, cloud…).
cellule/
"""

ENTETES = {
    "clsm.toml": "Identité et paramètres du CLSM. Voir « clsm identite voir ».",
    "membres.toml": (
        "Membres du CLSM : un bloc [[membre]] par personne ou structure.\n"
        "Collèges : elus, psychiatrie, usagers, aidants, sante, social_medico_social, logement,\n"
        "education, securite_justice, institutions, associations, autres."
    ),
    "groupes.toml": "Groupes de travail : un bloc [[groupe]] par groupe.",
    "diagnostic.toml": (
        "Diagnostics partagés du territoire : un bloc [[diagnostic]] par diagnostic (date AAAA,\n"
        "AAAA-MM ou AAAA-MM-JJ, realise_par, methode, sources, constats), et ses priorités\n"
        "[[diagnostic.priorite]] (id, libelle), auxquelles répondent les axes du plan."
    ),
    "plan.toml": (
        "Plan d'action : [periode], un bloc [[axe]] par axe, un bloc [[action]] par action.\n"
        "Types : information_communication, soutien_soins_prevention, "
        "formation_sensibilisation,\naller_vers, coordination, autre. "
        "Statuts : prevue, en_cours, realisee, reportee, abandonnee."
    ),
    "cellule/situations.toml": (
        "Cellule de cas complexes — CONFIDENTIEL (secret professionnel, art. L1110-4 CSP).\n"
        "Aucun nom, adresse, téléphone, courriel, date de naissance ni numéro de sécurité\n"
        "sociale : chaque situation n'est connue que par son code (S-AAAA-NNN)."
    ),
}


def creer_dossier(
    chemin: Path | str,
    *,
    nom: str | None = None,
    territoire: str | None = None,
    demo: bool = False,
    date_creation: dt.date | None = None,
    jalon_creation: bool = True,
    coordination: dict[str, str] | None = None,
) -> Path:
    """Create a clsm folder at ``chemin``; refuse to overwrite an existing one.

    ``date_creation`` (the council's, not the folder's) is written only when given and full;
    with ``jalon_creation``, the « création » milestone records it too, even when only its year
    or month is known (a ``DatePartielle``). ``coordination`` may hold ``nom`` and ``courriel``
    of the coordinator."""
    racine = Path(chemin).resolve()
    if (racine / D.FICHIER_IDENTITE).exists():
        raise ErreurClsm(
            f"« {racine} » est déjà un dossier clsm (clsm.toml existe) : rien n'a été modifié."
        )
    if racine.exists() and not racine.is_dir():
        raise ErreurClsm(f"« {racine} » existe et n'est pas un dossier.")
    if demo:
        from clsm_cli.noyau.demo import textes_demo

        textes = textes_demo()
    else:
        if coordination and coordination.get("courriel"):
            from clsm_cli.noyau.coordonnees import verifier_coordonnees

            verifier_coordonnees(coordination["courriel"], None, "--coordination-")
        precise = date_creation if date_creation and date_precise(date_creation) else None
        fichiers = _fichiers_vides(nom, territoire, precise, coordination)
        if date_creation is not None and jalon_creation:
            fichiers["clsm.toml"]["jalon"] = [{"date": date_creation, "type": "creation"}]
        textes = {c: texte_nouveau(c, d, ENTETES.get(c)) for c, d in sorted(fichiers.items())}
    _valider_textes(racine, textes)
    _ecrire(racine, textes)
    return racine


A_COMPLETER = "À compléter"


def _fichiers_vides(
    nom: str | None,
    territoire: str | None,
    date_creation: dt.date | None = None,
    coordination: dict[str, str] | None = None,
) -> dict[str, dict[str, Any]]:
    nom = (nom or "").strip() or None
    territoire = (territoire or "").strip() or None
    if nom is None:
        nom = f"CLSM de {territoire}" if territoire else "CLSM (nom à compléter)"
    identite: dict[str, Any] = {"nom": nom, "territoire": territoire or A_COMPLETER}
    if date_creation is not None:
        identite["date_creation"] = date_creation
    coordonnees = {k: v.strip() for k, v in (coordination or {}).items() if v and v.strip()}
    if coordonnees:
        identite["coordination"] = coordonnees
    identite["cellule"] = {"seuil_masquage": 11, "conservation_mois": 24}
    return {
        "clsm.toml": identite,
        "membres.toml": {},
        "groupes.toml": {},
        "diagnostic.toml": {},
        "plan.toml": {},
        "cellule/situations.toml": {},
    }


def _valider_textes(racine: Path, textes: dict[str, str]) -> None:
    """Validate each file before anything is written."""
    from clsm_cli.stockage.projet import MODELES

    problemes: list[Probleme] = []
    for chemin, texte in textes.items():
        lu = lire_fichier(racine, chemin, texte)
        genre = D.type_de_fichier(chemin)
        if genre is not None and genre in MODELES:
            valider(lu, MODELES[genre])
        problemes.extend(lu.problemes)
    if problemes:
        raise ErreurValidation(problemes)


def _ecrire(racine: Path, textes: dict[str, str]) -> None:
    from clsm_cli.stockage.ecriture import Verrou, ecrire_atomique, mode_pour, preparer_dossiers
    from clsm_cli.stockage.schemas import dossier_embarque

    racine.mkdir(parents=True, exist_ok=True)
    for sous in ("reunions", "sism", "cellule/seances", "modeles", D.DOSSIER_EXPORTS):
        preparer_dossiers(racine, f"{sous}/x")
    with Verrou(racine):
        for nom in sorted(p.name for p in dossier_embarque().glob("*.schema.json")):
            contenu = (dossier_embarque() / nom).read_bytes()
            ecrire_atomique(racine / D.DOSSIER_SCHEMAS / nom, contenu)
        if not (racine / ".gitignore").exists():
            ecrire_atomique(racine / ".gitignore", GITIGNORE)
        # clsm.toml last: until it exists, the folder is not a clsm folder.
        for chemin in sorted(textes, key=lambda c: c == D.FICHIER_IDENTITE):
            preparer_dossiers(racine, chemin)
            ecrire_atomique(racine / chemin, textes[chemin], mode_pour(chemin))
    if systeme.posix():
        os.chmod(racine / D.DOSSIER_CELLULE, 0o700)
