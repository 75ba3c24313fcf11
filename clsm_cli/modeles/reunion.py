"""Model of ``reunions/AAAA-MM-JJ-<instance>.toml``: one meeting."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import StringConstraints

from clsm_cli.modeles.communs import MOTIF_INSTANCE_REUNION, Fichier, Heure, Modele, Texte
from clsm_cli.modeles.methodes import MethodesReunion

Instance = Annotated[str, StringConstraints(pattern=MOTIF_INSTANCE_REUNION)]


class Point(Modele):
    titre: Texte
    compte_rendu: Texte | None = None


class Suivi(Modele):
    quoi: Texte
    qui: Texte | None = None
    echeance: dt.date | None = None
    fait: bool = False


class Reunion(MethodesReunion, Fichier):
    """One meeting of an instance (copil, plénière, groupe:<id>…)."""

    instance: Instance
    date: dt.date
    heure: Heure | None = None
    lieu: Texte | None = None
    presents: list[Texte] = []
    excuses: list[Texte] = []
    ordre_du_jour: list[Texte] = []
    point: list[Point] = []
    decisions: list[Texte] = []
    suivi: list[Suivi] = []
