"""Model of ``sism/AAAA.toml``: one year of Semaines d'information sur la santé mentale."""

from __future__ import annotations

from pydantic import Field, model_validator

from clsm_cli.modeles.communs import (
    DateImprecise,
    Entier,
    Fichier,
    Heure,
    Identifiant,
    Jour,
    Modele,
    Texte,
    TypeEvenement,
)
from clsm_cli.modeles.methodes import MethodesSism
from clsm_cli.modeles.reunion import verifier_heure_fin

THEMES_NATIONAUX: dict[int, str] = {
    2020: "Santé mentale et discriminations",
    2021: "Pour ma santé mentale, respectons mes droits",
    2022: "Pour ma santé mentale, agissons pour notre environnement",
    2023: "À tous les âges de la vie, ma santé mentale est un droit",
    2024: "En mouvement pour notre santé mentale",
    2025: "Pour notre santé mentale, réparons le lien social",
}


class Evenement(Modele):
    titre: Texte
    type: TypeEvenement
    date: DateImprecise
    heure: Heure | None = None
    fin: Jour | None = None
    """Last day of an event over several days (an exhibition from 10 to 29 October)."""
    heure_fin: Heure | None = None
    lieu: Texte | None = None
    commune: Texte | None = None
    qpv: bool | Texte = False
    organisateurs: list[Texte] = []
    partenaires: list[Texte] = []
    public: Texte | None = None
    participants: Entier | None = None
    en_ligne: bool = False
    inscription: Texte | None = None
    description: Texte | None = None
    uid: Texte | None = None
    """Identité de l'événement dans les agendas (UID), écrite par clsm à sa création : ne pas
    la modifier."""

    @model_validator(mode="after")
    def _heures(self) -> Evenement:
        verifier_heure_fin(self.heure, self.heure_fin)
        return self

    @model_validator(mode="after")
    def _ordre(self) -> Evenement:
        if self.fin is not None and self.fin < self.date:
            raise ValueError("la date de fin précède la date de l'événement")
        return self


class TotauxSism(Modele):
    """Figures of a year known only as totals (no event detail), e.g. from old copil slides."""

    evenements: Entier | None = None
    partenaires: Entier | None = None
    participants: Entier | None = None


class Sism(MethodesSism, Fichier):
    """One SISM year."""

    annee: int = Field(ge=1990, le=2100)
    theme: Texte
    debut: Jour | None = None
    fin: Jour | None = None
    comite: list[Identifiant] = []
    totaux: TotauxSism | None = None
    """Declared totals, used by bilans and national figures when no event is detailed."""
    evenement: list[Evenement] = []
