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
    from clsm_cli.modeles.erreurs import (
        DossierIntrouvable,
        ErreurChargement,
        ErreurClsm,
        ErreurValidation,
        ErreurVerrou,
    )
    from clsm_cli.modeles.problemes import Probleme
    from clsm_cli.noyau.initialisation import creer_dossier
    from clsm_cli.noyau.projet import Projet
    from clsm_cli.noyau.verification import verifier

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
    "DossierIntrouvable": "modeles.erreurs",
    "ErreurChargement": "modeles.erreurs",
    "ErreurClsm": "modeles.erreurs",
    "ErreurValidation": "modeles.erreurs",
    "ErreurVerrou": "modeles.erreurs",
    "Probleme": "modeles.problemes",
    "Projet": "noyau.projet",
    "creer_dossier": "noyau.initialisation",
    "verifier": "noyau.verification",
}


def __getattr__(nom: str) -> Any:
    if nom in _OU:
        return getattr(importlib.import_module(f".{_OU[nom]}", __name__), nom)
    raise AttributeError(f"module 'clsm_cli' has no attribute {nom!r}")
