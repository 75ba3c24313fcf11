"""``clsm init``: create a valid clsm folder, empty or filled with the demo CLSM."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from clsm_cli.modeles.erreurs import ErreurClsm, ErreurValidation
from clsm_cli.modeles.problemes import Probleme
from clsm_cli.stockage import dossier as D
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
) -> Path:
    """Create a clsm folder at ``chemin``; refuse to overwrite an existing one."""
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
        fichiers = _fichiers_vides(nom, territoire)
        textes = {c: texte_nouveau(c, d, ENTETES.get(c)) for c, d in sorted(fichiers.items())}
    _valider_textes(racine, textes)
    _ecrire(racine, textes)
    return racine


def _fichiers_vides(nom: str | None, territoire: str | None) -> dict[str, dict[str, Any]]:
    from clsm_cli.noyau.projet import aujourdhui

    territoire = territoire or nom or "À compléter"
    nom = nom or f"CLSM de {territoire}"
    return {
        "clsm.toml": {
            "nom": nom,
            "territoire": territoire,
            "date_creation": aujourdhui(),
            "cellule": {"seuil_masquage": 11, "conservation_mois": 24},
        },
        "membres.toml": {},
        "groupes.toml": {},
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
        if genre in MODELES:
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
    if os.name == "posix":
        os.chmod(racine / D.DOSSIER_CELLULE, 0o700)
