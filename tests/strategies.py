"""Hypothesis strategies built from the pydantic models themselves (one per file kind)."""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any

from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

TEXTE = st.text(
    alphabet=st.characters(exclude_categories=("Cs",)),
    max_size=30,
)
DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31))
DATES_PARTIELLES = st.from_regex(r"(199\d|20\d\d)(-(0[1-9]|1[0-2]))?", fullmatch=True)


def _contraintes(metadata: list[Any]) -> dict[str, Any]:
    resultat: dict[str, Any] = {}
    for m in metadata:
        for attribut in ("pattern", "max_length", "ge", "le", "gt", "lt"):
            valeur = getattr(m, attribut, None)
            if valeur is not None:
                resultat[attribut] = valeur
    return resultat


def pour_annotation(annotation: Any, metadata: list[Any] | None = None) -> st.SearchStrategy[Any]:
    metadata = list(metadata or [])
    if any(
        getattr(getattr(m, "func", None), "__name__", "") == "lire_date_historique"
        for m in metadata
    ):
        from clsm_cli.modeles.vocabulaires import MOTIF_DATE_HISTORIQUE

        return DATES | st.from_regex(MOTIF_DATE_HISTORIQUE, fullmatch=True).filter(
            lambda s: "\n" not in s
        )
    origine = typing.get_origin(annotation)
    if origine is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return pour_annotation(base, metadata + extra)
    if origine in (typing.Union, types.UnionType):
        return st.one_of(
            *(
                pour_annotation(a, metadata)
                for a in typing.get_args(annotation)
                if a is not type(None)
            )
        ) | (st.none() if type(None) in typing.get_args(annotation) else st.nothing())
    if origine is list:
        (element,) = typing.get_args(annotation)
        return st.lists(pour_annotation(element), max_size=3)
    if origine is dict:
        cle, valeur = typing.get_args(annotation)
        return st.dictionaries(pour_annotation(cle), pour_annotation(valeur), max_size=3)
    if origine is typing.Literal:
        return st.sampled_from(typing.get_args(annotation))
    c = _contraintes(metadata)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return donnees_modele(annotation)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return st.sampled_from([e.value for e in annotation])
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        return st.integers(min_value=c.get("ge", -(10**6)), max_value=c.get("le", 10**6))
    if annotation is float:
        return st.floats(min_value=c.get("ge", -1e9), max_value=c.get("le", 1e9), allow_nan=False)
    if annotation is dt.date:
        if any(getattr(getattr(m, "func", None), "__name__", "") == "_lire_date_imprecise"
               for m in metadata):  # fmt: skip
            return DATES | DATES_PARTIELLES  # DateImprecise: "2020", "2021-06"
        return DATES
    if annotation is str:
        if "pattern" in c:
            return st.from_regex(c["pattern"], fullmatch=True).filter(
                lambda s: len(s) <= c.get("max_length", 10**6) and "\n" not in s
            )
        return TEXTE
    raise NotImplementedError(annotation)


def donnees_modele(modele: type[BaseModel]) -> st.SearchStrategy[dict[str, Any]]:
    """Plain data (dict) for ``modele``: required fields always, optional ones sometimes."""
    requis: dict[str, st.SearchStrategy[Any]] = {}
    optionnels: dict[str, st.SearchStrategy[Any]] = {}
    for nom, info in modele.model_fields.items():
        if nom == "version_schema":
            continue
        strategie = pour_annotation(info.annotation, list(info.metadata))
        (requis if info.is_required() else optionnels)[nom] = strategie
    return st.fixed_dictionaries(requis, optional=optionnels)


def instances(modele: type[BaseModel]) -> st.SearchStrategy[BaseModel]:
    """Valid instances of ``modele`` (data failing cross-field validators is discarded)."""

    def construire(donnees: dict[str, Any]) -> BaseModel | None:
        try:
            return modele.model_validate(donnees)
        except ValidationError:
            return None

    return donnees_modele(modele).map(construire).filter(lambda m: m is not None)  # type: ignore[return-value]
