"""One pydantic model per file kind of a clsm folder (field names = TOML keys).

Importing this package is cheap: the models (and pydantic) load when one of their names is first
used, so that ``modeles.erreurs`` and ``modeles.problemes`` can be imported without pydantic.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clsm_cli.modeles.cellule import (
        Consentement,
        Examen,
        FichierSituations,
        SeanceCellule,
        Situation,
    )
    from clsm_cli.modeles.communs import Modele
    from clsm_cli.modeles.diagnostic import Diagnostic, FichierDiagnostic, Priorite
    from clsm_cli.modeles.identite import (
        Convention,
        Coordination,
        FichierClsm,
        Financement,
        Jalon,
        LienCls,
        LienPtsm,
        ParametresCellule,
        ParametresExport,
        Signataire,
    )
    from clsm_cli.modeles.jalons import LIBELLES_TYPE_JALON, TypeJalon
    from clsm_cli.modeles.membres import FichierGroupes, FichierMembres, Groupe, Membre
    from clsm_cli.modeles.plan import Action, Axe, FichierPlan, Indicateur, Periode, Realisation
    from clsm_cli.modeles.reunion import Point, Reunion, Suivi
    from clsm_cli.modeles.sism import THEMES_NATIONAUX, Evenement, Sism
    from clsm_cli.modeles.vocabulaires import (
        LIBELLES_COLLEGE,
        LIBELLES_PROBLEMATIQUE,
        LIBELLES_STATUT_ACTION,
        LIBELLES_TRANCHE_AGE,
        LIBELLES_TYPE_ACTION,
        LIBELLES_TYPE_EVENEMENT,
        VERSION_SCHEMA,
        College,
        FormeConsentement,
        Problematique,
        StatutAction,
        StatutSituation,
        TrancheAge,
        TypeAction,
        TypeEvenement,
        libelle_instance,
    )

_OU: dict[str, str] = {
    "Action": "plan",
    "Axe": "plan",
    "College": "vocabulaires",
    "Consentement": "cellule",
    "Convention": "identite",
    "Coordination": "identite",
    "Diagnostic": "diagnostic",
    "Evenement": "sism",
    "Examen": "cellule",
    "FichierClsm": "identite",
    "FichierDiagnostic": "diagnostic",
    "FichierGroupes": "membres",
    "FichierMembres": "membres",
    "FichierPlan": "plan",
    "FichierSituations": "cellule",
    "Financement": "identite",
    "FormeConsentement": "vocabulaires",
    "Groupe": "membres",
    "Indicateur": "plan",
    "LIBELLES_COLLEGE": "vocabulaires",
    "LIBELLES_PROBLEMATIQUE": "vocabulaires",
    "LIBELLES_STATUT_ACTION": "vocabulaires",
    "LIBELLES_TRANCHE_AGE": "vocabulaires",
    "LIBELLES_TYPE_ACTION": "vocabulaires",
    "LIBELLES_TYPE_EVENEMENT": "vocabulaires",
    "Jalon": "identite",
    "LienCls": "identite",
    "LienPtsm": "identite",
    "LIBELLES_TYPE_JALON": "jalons",
    "Membre": "membres",
    "Modele": "communs",
    "ParametresCellule": "identite",
    "ParametresExport": "identite",
    "Periode": "plan",
    "Point": "reunion",
    "Priorite": "diagnostic",
    "Problematique": "vocabulaires",
    "Realisation": "plan",
    "Reunion": "reunion",
    "SeanceCellule": "cellule",
    "Signataire": "identite",
    "Sism": "sism",
    "Situation": "cellule",
    "StatutAction": "vocabulaires",
    "StatutSituation": "vocabulaires",
    "Suivi": "reunion",
    "THEMES_NATIONAUX": "sism",
    "TrancheAge": "vocabulaires",
    "TypeAction": "vocabulaires",
    "TypeEvenement": "vocabulaires",
    "VERSION_SCHEMA": "vocabulaires",
    "libelle_instance": "vocabulaires",
    "TypeJalon": "jalons",
}

__all__ = [
    "LIBELLES_COLLEGE",
    "LIBELLES_PROBLEMATIQUE",
    "LIBELLES_STATUT_ACTION",
    "LIBELLES_TRANCHE_AGE",
    "LIBELLES_TYPE_ACTION",
    "LIBELLES_TYPE_EVENEMENT",
    "LIBELLES_TYPE_JALON",
    "THEMES_NATIONAUX",
    "VERSION_SCHEMA",
    "Action",
    "Axe",
    "College",
    "Consentement",
    "Convention",
    "Coordination",
    "Diagnostic",
    "Evenement",
    "Examen",
    "FichierClsm",
    "FichierDiagnostic",
    "FichierGroupes",
    "FichierMembres",
    "FichierPlan",
    "FichierSituations",
    "Financement",
    "FormeConsentement",
    "Groupe",
    "Indicateur",
    "Jalon",
    "LienCls",
    "LienPtsm",
    "Membre",
    "Modele",
    "ParametresCellule",
    "ParametresExport",
    "Periode",
    "Point",
    "Priorite",
    "Problematique",
    "Realisation",
    "Reunion",
    "SeanceCellule",
    "Signataire",
    "Sism",
    "Situation",
    "StatutAction",
    "StatutSituation",
    "Suivi",
    "TrancheAge",
    "TypeAction",
    "TypeEvenement",
    "TypeJalon",
    "libelle_instance",
]


def __getattr__(nom: str) -> Any:
    if nom in _OU:
        valeur = getattr(importlib.import_module(f"{__name__}.{_OU[nom]}"), nom)
        globals()[nom] = valeur
        return valeur
    raise AttributeError(f"module {__name__!r} has no attribute {nom!r}")
