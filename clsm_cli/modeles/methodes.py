"""The few methods of the models, in plain mixins (no pydantic).

The pydantic models inherit them, and so do the light records that everyday commands build from
cached, already-validated data (:mod:`clsm_cli.stockage.leger`): both answer the same questions.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING


class MethodesMembre:
    if TYPE_CHECKING:
        id: str
        nom: str | None
        prenom: str | None
        structure: str | None
        depuis: dt.date | None
        jusqu_a: dt.date | None

    @property
    def libelle(self) -> str:
        """« Prénom Nom (Structure) », or the structure alone for a structure-only entry."""
        personne = " ".join(p for p in (self.prenom, self.nom) if p)
        if personne and self.structure:
            return f"{personne} ({self.structure})"
        return personne or self.structure or self.id

    def actif(self, le: dt.date) -> bool:
        """True when the member belongs to the CLSM on that day."""
        return (self.depuis is None or self.depuis <= le) and (
            self.jusqu_a is None or self.jusqu_a >= le
        )


class MethodesAction:
    if TYPE_CHECKING:
        qpv: bool | list[str]

    @property
    def touche_qpv(self) -> bool:
        return bool(self.qpv)


class MethodesReunion:
    if TYPE_CHECKING:
        date: dt.date
        instance: str

    def nom_fichier(self) -> str:
        """The file name this meeting must have: ``2026-03-12-copil.toml``."""
        return f"{self.date.isoformat()}-{self.instance.replace(':', '-')}.toml"
