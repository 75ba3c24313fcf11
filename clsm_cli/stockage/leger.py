"""Light records: validated data as plain objects, built without pydantic.

A file whose validated content is in the cache (:mod:`clsm_cli.stockage.cache`) is not validated
again: its models come back as light records. They carry the same attributes (same names, same
values: dates, enumeration members, nested records and lists) and the same few methods (from
:mod:`clsm_cli.modeles.methodes`), and answer ``model_dump`` / ``model_copy`` like the models, so
that the code above storage does not see the difference. Importing this module imports neither
pydantic nor the models: that is what makes everyday commands instant.

Each model class ``X`` has a light class ``VueX``, created on first use (pickle finds it through
the module's ``__getattr__``).
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from clsm_cli.modeles.methodes import (
    MethodesAction,
    MethodesMembre,
    MethodesReunion,
    MethodesSism,
)

_METHODES: dict[str, type] = {
    "Membre": MethodesMembre,
    "Action": MethodesAction,
    "Reunion": MethodesReunion,
    "Sism": MethodesSism,
}


class Vue:
    """A validated record: its fields as attributes, in the model's order."""

    def __eq__(self, autre: object) -> bool:
        return type(autre) is type(self) and vars(autre) == vars(self)

    __hash__ = None  # type: ignore[assignment]  # mutable, like the models

    def __repr__(self) -> str:
        champs = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({champs})"

    def model_dump(
        self, *, mode: str = "python", exclude_none: bool = False, **_: Any
    ) -> dict[str, Any]:
        """The fields as a dict, like pydantic's ``model_dump`` (modes python and json)."""
        return {
            cle: _en_donnees(valeur, mode, exclude_none)
            for cle, valeur in vars(self).items()
            if not (exclude_none and valeur is None)
        }

    def model_copy(self, *, update: dict[str, Any] | None = None, **_: Any) -> Vue:
        copie = object.__new__(type(self))
        vars(copie).update(vars(self))
        vars(copie).update(update or {})
        return copie


def _en_donnees(valeur: Any, mode: str, exclude_none: bool) -> Any:
    if isinstance(valeur, Vue):
        return valeur.model_dump(mode=mode, exclude_none=exclude_none)
    if isinstance(valeur, list):
        return [_en_donnees(v, mode, exclude_none) for v in valeur]
    if isinstance(valeur, dict):
        return {k: _en_donnees(v, mode, exclude_none) for k, v in valeur.items()}
    if mode == "json":
        if isinstance(valeur, enum.Enum):
            return valeur.value
        if isinstance(valeur, dt.date):
            return valeur.isoformat()
    return valeur


def classe_legere(nom_modele: str) -> type[Vue]:
    """The light class of the model named ``nom_modele`` (``Membre`` → ``VueMembre``)."""
    nom = f"Vue{nom_modele}"
    classe = globals().get(nom)
    if classe is None:
        bases = (_METHODES[nom_modele], Vue) if nom_modele in _METHODES else (Vue,)
        classe = type(nom, bases, {"__module__": __name__, "__qualname__": nom})
        globals()[nom] = classe
    return classe


def __getattr__(nom: str) -> Any:
    if nom.startswith("Vue") and len(nom) > 3:
        return classe_legere(nom[3:])
    raise AttributeError(f"module {__name__!r} has no attribute {nom!r}")


_SIMPLES = (str, int, float, bool, type(None), dt.date, enum.Enum)
_PLANS: dict[type, tuple[type[Vue], tuple[str, ...]]] = {}


def vue_de(objet: Any) -> Any:
    """The light record of a validated model (recursively); other values are kept as they are
    (lists and dicts are copied: a record never shares a container with its model).

    Called where pydantic is already loaded (a file was just validated): a model keeps its
    field values in ``__dict__``, copied at once; only the fields whose value can hold other
    records or containers are converted one by one (a big plan has a hundred thousand values).
    """
    plan = _PLANS.get(type(objet))
    if plan is None and getattr(type(objet), "__pydantic_fields__", None) is not None:
        plan = _PLANS[type(objet)] = _plan(type(objet))
    if plan is not None:
        legere, composes = plan
        champs = objet.__dict__.copy()
        for nom in composes:
            valeur = champs[nom]
            if not isinstance(valeur, _SIMPLES):
                champs[nom] = vue_de(valeur)
        vue = object.__new__(legere)
        vue.__dict__ = champs
        return vue
    if isinstance(objet, list):
        return [v if isinstance(v, _SIMPLES) else vue_de(v) for v in objet]
    if isinstance(objet, dict):
        return {k: v if isinstance(v, _SIMPLES) else vue_de(v) for k, v in objet.items()}
    return objet


def _plan(classe: type) -> tuple[type[Vue], tuple[str, ...]]:
    """The light class of a model class, and its fields whose annotation is not a simple
    value (a record, a list, a dict, or anything not known to be simple)."""
    champs = classe.__pydantic_fields__  # type: ignore[attr-defined]
    composes = tuple(nom for nom, champ in champs.items() if not _simple(champ.annotation))
    return classe_legere(classe.__name__), composes


def _simple(annotation: Any) -> bool:
    import types
    import typing

    if annotation in (str, int, float, bool, type(None), dt.date, dt.datetime, dt.time):
        return True
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return True
    origine = typing.get_origin(annotation)
    if origine is typing.Literal:
        return True
    if origine is typing.Annotated:
        return _simple(typing.get_args(annotation)[0])
    if origine in (typing.Union, types.UnionType):
        return all(_simple(a) for a in typing.get_args(annotation))
    return False
