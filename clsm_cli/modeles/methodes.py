"""The few methods of the models, in plain mixins (no pydantic).

The pydantic models inherit them, and so do the light records that everyday commands build from
cached, already-validated data (:mod:`clsm_cli.stockage.leger`): both answer the same questions.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any


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


class MethodesSism:
    if TYPE_CHECKING:
        totaux: Any
        evenement: list[Any]

    def chiffres(self) -> dict[str, int | None]:
        """Events, partners and participants of the year: counted from its events when it has
        any, else its declared ``[totaux]``. None is « unknown » (never shown as 0)."""
        t = self.totaux
        if not self.evenement:
            return {
                "evenements": t.evenements if t else None,
                "partenaires": t.partenaires if t else None,
                "participants": t.participants if t else None,
            }
        connus = [e.participants for e in self.evenement if e.participants is not None]
        noms = {p.strip() for e in self.evenement for p in (*e.organisateurs, *e.partenaires)}
        return {
            "evenements": len(self.evenement),
            "partenaires": len(noms - {""}) or (t.partenaires if t else None),
            "participants": sum(connus) if connus else None,
        }
