"""Contact details typed by people (courriel, téléphone): cheap checks, no dependency.

The command line refuses an impossible value; ``clsm verifier`` warns about one already in a
file (W306).
"""

from __future__ import annotations

import re

from clsm_cli.modeles.erreurs import ErreurSaisie

_RE_COURRIEL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")


def courriel_valide(courriel: str) -> bool:
    """« prenom.nom@exemple.fr »: one @, a dot in the domain, no space."""
    return bool(_RE_COURRIEL.match(courriel.strip()))


def telephone_valide(telephone: str) -> bool:
    """A French number of 10 digits (« 01 23 45 67 89 », « 01.23.45.67.89 »), or an
    international one (« +33 1 23 45 67 89 », « +33 (0)1 23 45 67 89 », « 0033 … »)."""
    texte = re.sub(r"[\s.\-/]", "", telephone.strip()).replace("(0)", "")
    if texte.startswith("+"):
        return texte[1:].isdigit() and 8 <= len(texte) - 1 <= 15
    if texte.startswith("00"):
        return texte.isdigit() and 10 <= len(texte) <= 17
    return texte.isdigit() and len(texte) == 10 and texte.startswith("0")


def verifier_coordonnees(courriel: str | None, telephone: str | None, prefixe: str = "--") -> None:
    """Refuse (in French) a courriel or a téléphone that cannot be one."""
    if courriel and not courriel_valide(courriel):
        raise ErreurSaisie(
            f"{prefixe}courriel : « {courriel} » n'est pas une adresse électronique "
            "(forme attendue : prenom.nom@exemple.fr)."
        )
    if telephone and not telephone_valide(telephone):
        raise ErreurSaisie(
            f"{prefixe}telephone : « {telephone} » n'est pas un numéro de téléphone "
            "(forme attendue : 01 23 45 67 89 ou +33 1 23 45 67 89)."
        )
