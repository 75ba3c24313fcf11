"""Model of ``reunions/AAAA-MM-JJ-<instance>.toml``: one meeting."""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints, model_validator

from clsm_cli.modeles.communs import MOTIF_INSTANCE_REUNION, Fichier, Heure, Jour, Modele, Texte
from clsm_cli.modeles.methodes import MethodesReunion

Instance = Annotated[str, StringConstraints(pattern=MOTIF_INSTANCE_REUNION)]


def minutes(heure: str) -> int:
    """« 14:30 » or « 14h30 » → 870 (minutes since midnight)."""
    h, _, m = heure.replace("h", ":").partition(":")
    return int(h) * 60 + int(m or 0)


def verifier_heure_fin(heure: str | None, heure_fin: str | None) -> None:
    """An end time comes with a start time, after it."""
    if heure_fin is None:
        return
    if heure is None:
        raise ValueError("heure_fin sans heure de début : précisez aussi heure")
    if minutes(heure_fin) <= minutes(heure):
        raise ValueError(f"heure_fin ({heure_fin}) doit être après heure ({heure})")


class Point(Modele):
    titre: Texte
    compte_rendu: Texte | None = None


class Suivi(Modele):
    quoi: Texte
    qui: Texte | None = None
    echeance: Jour | None = None
    fait: bool = False
    fait_le: Jour | None = None
    """Date à laquelle le suivi a été fait (écrite par « clsm suivi fait »)."""
    par: Texte | None = None
    """Qui l'a fait : identifiant de membre ou texte libre."""


class Reunion(MethodesReunion, Fichier):
    """One meeting of an instance (copil, plénière, groupe:<id>…)."""

    instance: Instance
    date: Jour
    heure: Heure | None = None
    heure_fin: Heure | None = None
    lieu: Texte | None = None
    presents: list[Texte] = []
    excuses: list[Texte] = []
    ordre_du_jour: list[Texte] = []
    point: list[Point] = []
    decisions: list[Texte] = []
    suivi: list[Suivi] = []
    uid: Texte | None = None
    """Identité de la réunion dans les agendas (UID), écrite par clsm à sa création : ne pas
    la modifier ; la supprimer dans la copie d'un fichier."""

    @model_validator(mode="after")
    def _heures(self) -> Reunion:
        verifier_heure_fin(self.heure, self.heure_fin)
        return self
