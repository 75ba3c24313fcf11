"""Stable identifiers (slugs) for members, groups, axes and actions."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "ß": "ss"})
"""Letters that Unicode does not decompose into ASCII (« Lœwy » → ``loewy``)."""


def slug(*morceaux: str | None) -> str:
    """``slug("Marie-Hélène", "Dupont")`` → ``marie-helene-dupont`` (ASCII, lowercase, dashes)."""
    texte = " ".join(m for m in morceaux if m).translate(LIGATURES)
    texte = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode("ascii")
    texte = re.sub(r"[^a-z0-9]+", "-", texte.lower()).strip("-")
    return texte[:60].rstrip("-") or "sans-nom"


def id_unique(base: str, existants: Iterable[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… if already taken."""
    pris = set(existants)
    if base not in pris:
        return base
    n = 2
    while f"{base}-{n}" in pris:
        n += 1
    return f"{base}-{n}"
