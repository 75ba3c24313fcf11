"""Stable identifiers (slugs) for members, groups, axes and actions."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "ß": "ss"})
"""Letters that Unicode does not decompose into ASCII (« Lœwy » → ``loewy``)."""


MOTS_OUTILS = frozenset(
    {"a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "par"}
    | {"pour", "sur", "un", "une"}
)
"""Small words an identifier cut short does not end with."""

LONGUEUR_MAX = 40
"""An identifier derived from a title stays short enough to type and to read in a table."""


def slug(*morceaux: str | None) -> str:
    """``slug("Marie-Hélène", "Dupont")`` → ``marie-helene-dupont`` (ASCII, lowercase, dashes).

    At most :data:`LONGUEUR_MAX` characters, cut after a whole word: « Rencontres entre
    médecins généralistes et centres médico-psychologiques » →
    ``rencontres-entre-medecins-generalistes``."""
    texte = " ".join(m for m in morceaux if m).translate(LIGATURES)
    texte = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode("ascii")
    texte = re.sub(r"[^a-z0-9]+", "-", texte.lower()).strip("-")
    if len(texte) > LONGUEUR_MAX:
        coupe = texte[: LONGUEUR_MAX + 1]
        # a whole word when one fits (the cut falls on a dash), else the first 40 characters
        texte = coupe.rsplit("-", 1)[0] if "-" in coupe else texte[:LONGUEUR_MAX]
        mots = texte.split("-")
        while len(mots) > 1 and mots[-1] in MOTS_OUTILS:  # not « …-sante-mentale-du »
            mots.pop()
        texte = "-".join(mots)
    return texte.rstrip("-") or "sans-nom"


def id_unique(base: str, existants: Iterable[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… if already taken."""
    pris = set(existants)
    if base not in pris:
        return base
    n = 2
    while f"{base}-{n}" in pris:
        n += 1
    return f"{base}-{n}"
