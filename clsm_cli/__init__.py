"""clsm — the folder of a Conseil local de santé mentale, as a Python library.

>>> from clsm_cli import Projet
>>> projet = Projet.ouvrir("demo")          # doctest: +SKIP
>>> [m.id for m in projet.membres][:3]      # doctest: +SKIP

Heavy modules (pydantic models…) load on first use, so that ``import clsm_cli`` stays instant.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .erreurs import (
        DossierIntrouvable,
        ErreurChargement,
        ErreurClsm,
        ErreurValidation,
        ErreurVerrou,
    )
    from .initialisation import creer_dossier
    from .problemes import Probleme
    from .projet import Projet
    from .verification import verifier

__all__ = [
    "DossierIntrouvable",
    "ErreurChargement",
    "ErreurClsm",
    "ErreurValidation",
    "ErreurVerrou",
    "Probleme",
    "Projet",
    "creer_dossier",
    "verifier",
]

_OU: dict[str, str] = {
    "DossierIntrouvable": "erreurs",
    "ErreurChargement": "erreurs",
    "ErreurClsm": "erreurs",
    "ErreurValidation": "erreurs",
    "ErreurVerrou": "erreurs",
    "Probleme": "problemes",
    "Projet": "projet",
    "creer_dossier": "initialisation",
    "verifier": "verification",
}


def __getattr__(nom: str) -> Any:
    if nom in _OU:
        return getattr(importlib.import_module(f".{_OU[nom]}", __name__), nom)
    raise AttributeError(f"module 'clsm_cli' has no attribute {nom!r}")
