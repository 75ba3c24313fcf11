"""Closed vocabularies of the cellule: only counts over these categories ever leave it.

The referrer (``origine``), the orientation decided for an examen and the territory
(``commune``) are chosen from closed lists: clsm's defaults (the field's own words) plus the
labels a coordinator adds in ``clsm.toml`` (``[cellule] origines``, ``orientations``,
``communes``; every added label passes the personal-data guard). A text outside the lists is
counted as « autre » everywhere outside the cellule, and ``verifier`` warns (W310) until
``clsm cellule migrer`` maps it to a category.
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clsm_cli.stockage.projet import ProjetLu as Projet

AUTRE = "autre"
NON_PRECISE = "Non précisée"
"""Category of a situation without origine or commune, of an examen without orientation."""

ORIGINES: tuple[str, ...] = (
    "CCAS",
    "bailleur social",
    "psychiatrie de secteur",
    "médecin généraliste",
    "police/gendarmerie",
    "famille/entourage",
    "mandataire judiciaire",
    "service social départemental",
    "éducation nationale",
    "élu/mairie",
    AUTRE,
)
ORIENTATIONS: tuple[str, ...] = (
    "soins",
    "logement/hébergement",
    "protection juridique",
    "accompagnement social",
    "veille",
    "clôture",
    AUTRE,
)

CHAMPS = {
    "origine": "origines",
    "commune": "communes",
    "orientation": "orientations",
}
"""Field of a situation or examen → its vocabulary (the key under ``[cellule]``)."""


@functools.lru_cache(maxsize=4096)
def normaliser(texte: str) -> str:
    """Case, accents and spaces ignored: « Médecin  généraliste » ~ « medecin generaliste »."""
    decompose = unicodedata.normalize("NFD", texte.casefold())
    sans = "".join(c for c in decompose if not unicodedata.combining(c))
    return " ".join(sans.split())


def _unir(*listes: Iterable[str]) -> list[str]:
    vus: dict[str, str] = {}
    for liste in listes:
        for texte in liste:
            texte = texte.strip()
            if texte and normaliser(texte) not in vus:
                vus[normaliser(texte)] = texte
    autres = [t for t in vus.values() if normaliser(t) != AUTRE]
    return [*autres, AUTRE]


def vocabulaire(projet: Projet, nom: str) -> list[str]:
    """The closed list ``origines``, ``orientations`` or ``communes`` of a folder; « autre »
    is always its last category."""
    identite = projet.identite
    ajouts = list(getattr(identite.cellule, nom)) if identite else []
    if nom == "origines":
        return _unir(ORIGINES, ajouts)
    if nom == "orientations":
        return _unir(ORIENTATIONS, ajouts)
    if nom == "communes":
        territoire = [*identite.communes, *identite.qpv] if identite else []
        if identite and not identite.communes and getattr(identite, "territoire", None):
            territoire.insert(0, identite.territoire)  # a folder without its communes yet
        return _unir(territoire, ajouts)
    raise ValueError(nom)


def classer(texte: str | None, liste: Sequence[str]) -> str | None:
    """The category of ``liste`` that ``texte`` names (case and accents ignored), else None."""
    if texte is None:
        return None
    cle = normaliser(texte)
    for categorie in liste:
        if normaliser(categorie) == cle:
            return categorie
    return None


def categorie(texte: str | None, liste: Sequence[str]) -> str:
    """What leaves the cellule for ``texte``: its category, « Non précisée », or « autre »."""
    if texte is None or not texte.strip():
        return NON_PRECISE
    return classer(texte, liste) or AUTRE


def proches(texte: str, liste: Sequence[str], n: int = 3) -> list[str]:
    """Categories closest to ``texte`` (best first), for the migration's proposal."""
    cles = {normaliser(c): c for c in liste}
    cible = normaliser(texte)
    trouves = [c for c in cles.values() if normaliser(c) in cible and normaliser(c) != AUTRE]
    for cle in difflib.get_close_matches(cible, list(cles), n=n, cutoff=0.0):
        if cles[cle] not in trouves:
            trouves.append(cles[cle])
    return trouves[:n]


@dataclass(frozen=True)
class TexteNonClasse:
    """A text of the cellule outside its closed list: where, in which field."""

    fichier: str
    chemin: tuple[str | int, ...]
    champ: str
    texte: str


def non_classes(projet: Projet) -> list[TexteNonClasse]:
    """Every origine, commune and orientation outside the folder's closed lists."""
    listes = {nom: vocabulaire(projet, nom) for nom in CHAMPS.values()}
    resultat = []
    for i, s in enumerate(projet.situations):
        for champ in ("origine", "commune"):
            texte = getattr(s, champ)
            if texte and classer(texte, listes[CHAMPS[champ]]) is None:
                resultat.append(
                    TexteNonClasse("cellule/situations.toml", ("situation", i, champ), champ, texte)
                )
    for chemin, seance in sorted(projet.seances.items()):
        for i, examen in enumerate(seance.examen):
            texte = examen.orientation
            if texte and classer(texte, listes["orientations"]) is None:
                resultat.append(
                    TexteNonClasse(chemin, ("examen", i, "orientation"), "orientation", texte)
                )
    champs = {nom: champ for champ, nom in CHAMPS.items()}
    for i, archive in enumerate(projet.archives.annee):
        for nom, champ in champs.items():
            for cle in getattr(archive, nom):
                if cle != NON_PRECISE and classer(cle, listes[nom]) is None:
                    resultat.append(
                        TexteNonClasse("cellule/archives.toml", ("annee", i, nom), champ, cle)
                    )
    return resultat
