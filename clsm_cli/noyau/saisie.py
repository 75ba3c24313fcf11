"""Checks of values typed on the command line, before anything is written.

The writing layer re-validates the whole folder anyway; these checks exist to name the option
at fault (``--pilote : membre inconnu « x »``) and suggest the closest known value.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from clsm_cli.modeles.erreurs import ErreurSaisie, Introuvable
from clsm_cli.modeles.vocabulaires import RE_ID

if TYPE_CHECKING:
    from pydantic import BaseModel

    from clsm_cli.noyau.projet import Projet


def proche(valeur: str, connus: Iterable[str]) -> str:
    """`` Vouliez-vous dire « x » ?`` when a known value is close to ``valeur``."""
    proches = difflib.get_close_matches(valeur, list(connus), n=1)
    return f" Vouliez-vous dire « {proches[0]} » ?" if proches else ""


def verifier_membre(projet: Projet, ident: str, option: str) -> str:
    """``ident`` if it is a member id, else an error naming ``option``."""
    if ident not in projet.membres_par_id:
        raise Introuvable(
            f"{option} : membre inconnu « {ident} » (absent de membres.toml)."
            f"{proche(ident, projet.membres_par_id)}"
        )
    return ident


def verifier_membres_ou_noms(projet: Projet, valeurs: Iterable[str], option: str) -> list[str]:
    """Member ids or free names (« Mme Martin, invitée »): a value shaped like an id
    (lowercase, dashes) must be a known member, as ``clsm verifier`` requires."""
    resultat: list[str] = []
    for valeur in valeurs:
        valeur = valeur.strip()
        if not valeur:
            raise ErreurSaisie(f"{option} : valeur vide.")
        if RE_ID.match(valeur):
            verifier_membre(projet, valeur, option)
        if valeur not in resultat:
            resultat.append(valeur)
    return resultat


def verifier_groupe(projet: Projet, ident: str, option: str) -> str:
    if ident not in projet.groupes_par_id:
        connus = ", ".join(projet.groupes_par_id) or "aucun groupe dans groupes.toml"
        raise Introuvable(
            f"{option} : groupe inconnu « {ident} » (groupes connus : {connus})."
            f"{proche(ident, projet.groupes_par_id)}"
        )
    return ident


def valider_modele(
    modele: type[BaseModel],
    donnees: Mapping[str, Any],
    options: Mapping[str, str] | None = None,
) -> Any:
    """``modele`` built from ``donnees``, or an :class:`ErreurSaisie` naming each field
    (and its command-line option, from ``options``: field → option)."""
    from pydantic import ValidationError

    from clsm_cli.stockage.lecture import _message

    try:
        return modele.model_validate(dict(donnees))
    except ValidationError as exc:
        details = []
        for erreur in exc.errors():
            message, _ = _message(erreur, True)
            champs = [str(p) for p in erreur["loc"] if isinstance(p, str)]
            champ = ".".join(champs)
            option = (options or {}).get(champs[0]) if champs else None
            nom = f"{champ} ({option})" if option else champ
            details.append(f"{nom} : {message}" if nom else message)
        raise ErreurSaisie(f"Valeur refusée : {' ; '.join(details)}.") from None


def rien_a_modifier(commande: str) -> ErreurSaisie:
    return ErreurSaisie(
        f"Rien à modifier : indiquez au moins une option (voir « clsm {commande} --help »)."
    )
