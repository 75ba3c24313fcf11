"""Shared building blocks of the file models: base class, constrained types, vocabularies.

The vocabularies (enumerations, labels, identifiers) live in :mod:`.vocabulaires`, free of
pydantic; they are re-exported here for the models.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
)

from clsm_cli.modeles.vocabulaires import (
    ENTIER_MAX,
    INSTANCES_RESERVEES,
    LIBELLES_COLLEGE,
    LIBELLES_INSTANCE,
    LIBELLES_PROBLEMATIQUE,
    LIBELLES_STATUT_ACTION,
    LIBELLES_TRANCHE_AGE,
    LIBELLES_TYPE_ACTION,
    LIBELLES_TYPE_EVENEMENT,
    MESSAGE_DATE_IMPRECISE,
    MOTIF_DATE_HISTORIQUE,
    MOTIF_ID,
    MOTIF_INSTANCE_REUNION,
    RE_ID,
    RE_JOUR,
    VERSION_SCHEMA,
    College,
    DatePartielle,
    FormeConsentement,
    Problematique,
    StatutAction,
    StatutSituation,
    TrancheAge,
    TypeAction,
    TypeEvenement,
    avant_ou_egal,
    date_precise,
    libelle_instance,
    lire_date_historique,
)

__all__ = [
    "INSTANCES_RESERVEES",
    "LIBELLES_COLLEGE",
    "LIBELLES_INSTANCE",
    "LIBELLES_PROBLEMATIQUE",
    "LIBELLES_STATUT_ACTION",
    "LIBELLES_TRANCHE_AGE",
    "LIBELLES_TYPE_ACTION",
    "LIBELLES_TYPE_EVENEMENT",
    "MOTIF_ID",
    "MOTIF_INSTANCE_REUNION",
    "RE_ID",
    "VERSION_SCHEMA",
    "College",
    "DateHistorique",
    "DateImprecise",
    "DatePartielle",
    "Entier",
    "Fichier",
    "FormeConsentement",
    "Heure",
    "Identifiant",
    "Jour",
    "Modele",
    "Montant",
    "Problematique",
    "StatutAction",
    "StatutSituation",
    "Texte",
    "TrancheAge",
    "TypeAction",
    "TypeEvenement",
    "avant_ou_egal",
    "date_precise",
    "libelle_instance",
]

Identifiant = Annotated[str, StringConstraints(pattern=MOTIF_ID, max_length=80)]
Texte = Annotated[str, StringConstraints(max_length=20_000)]
Heure = Annotated[str, StringConstraints(pattern=r"^([01]?\d|2[0-3])[:h]([0-5]\d)$")]
Entier = Annotated[int, Field(ge=0, le=ENTIER_MAX)]
Montant = Annotated[float, Field(ge=0)]


def _lire_date_imprecise(valeur: object) -> object:
    """A year or a month as a :class:`DatePartielle`, a full date left to pydantic. A number
    or any other text is refused here: pydantic would read « 2018 » written without quotes,
    or « 0000 », as a Unix timestamp (1 January 1970), silently."""
    if isinstance(valeur, int) and not isinstance(valeur, bool):
        valeur = str(valeur)  # a year written as a number: date = 2018
    if isinstance(valeur, str | float):
        texte = str(valeur).strip()
        partielle = DatePartielle.lire(texte) if texte.isascii() else None
        if partielle is not None:
            return partielle
        if not RE_JOUR.match(texte):
            raise ValueError(MESSAGE_DATE_IMPRECISE)
        return texte
    return valeur


def _lire_jour(valeur: object) -> object:
    """A day: a TOML date, or the text AAAA-MM-JJ. A number, or a text of digits, is refused
    here: pydantic would read « 0000 » or 0 as a Unix timestamp (1 January 1970), silently.
    Other texts go on to pydantic, whose refusal clsm words in French (E104)."""
    nombre = isinstance(valeur, int | float) and not isinstance(valeur, bool)
    if nombre or (isinstance(valeur, str) and re.fullmatch(r"\s*[-+]?[\d.]+\s*", valeur)):
        raise ValueError("date attendue (AAAA-MM-JJ, sans guillemets), reçu un nombre")
    return valeur


Jour = Annotated[date, BeforeValidator(_lire_jour)]
"""A full date (every date field that is not imprecise)."""


def _date_en_json(valeur: date) -> str:
    return valeur.isoformat()


DateImprecise = Annotated[
    date,
    BeforeValidator(_lire_date_imprecise),
    PlainSerializer(_date_en_json, when_used="json"),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": r"^\d{4}(-(0[1-9]|1[0-2]))?$"},
            ],
            "description": 'Date complète (AAAA-MM-JJ), ou seulement l\'année ("2020") ou le '
            'mois ("2020-06") quand le jour n\'est pas connu.',
        }
    ),
]
"""A TOML date, or the text "AAAA" / "AAAA-MM" when only the year or the month is known."""

DateHistorique = Annotated[
    date,
    PlainValidator(lire_date_historique),
    PlainSerializer(_date_en_json, when_used="json"),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": MOTIF_DATE_HISTORIQUE},
            ],
            "description": "Date AAAA-MM-JJ, année « AAAA » ou mois « AAAA-MM »",
        }
    ),
]
"""``DateImprecise`` of the council's history (diagnostics, milestones): the same values, a
date or a :class:`DatePartielle`, read as these files always were: years 1950 to 2100, and a
year may be the integer 2018 (see :func:`lire_date_historique`)."""


def _completer_schema(schema: dict[str, Any], modele: type) -> None:
    """French titles and descriptions, loaded only when a JSON schema is written."""
    from clsm_cli.modeles.descriptions import completer_schema

    completer_schema(schema, modele)


class Modele(BaseModel):
    """Base of every model: unknown keys are errors, values are checked on assignment."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        use_enum_values=False,
        defer_build=True,
        json_schema_extra=_completer_schema,
    )


class Fichier(Modele):
    """Base of a whole file: it carries the schema version it was written with."""

    version_schema: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+$")] = VERSION_SCHEMA
