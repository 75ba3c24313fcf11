"""Small-cell masking of counts that leave the cellule (SPEC §6).

Counts derived from the cellule de cas complexes are shown outside it (bilan, statistiques,
etat, national) only as aggregates, and small aggregates identify people. The masking is built
to resist an attacker who reads *every* published table at once (bilans of several years,
statistiques in every format, national workbooks with and without this CLSM):

- **0 to 10 alike** (primary suppression): every count below ``seuil`` (11 by default, never
  less), *zero included*, is masked. A printed zero beside a masked cell would tell that the
  masked one is at least 1; masking zeros too leaves an attacker only « 0 or more ».
- **One mark for every masked count**: « masqué », whether the count is small or was masked to
  protect another one (secondary suppression). A label « < 11 » on a secondary count (which may
  be 14) would be false, and two labels would tell the attacker which cells are small.
- **Secondary suppression over a system of lines** (:class:`Ligne`): a line is an equation
  « these counts add up to that total », and totals may be shared by several lines (the
  situations of a year broken down by origine, by age, by commune…). A line with exactly one
  masked member would give it away (total minus the visible ones), so another member is masked:
  the smallest visible cell, or the total when every cell is masked. The passes repeat until
  every line has zero or at least two masked members.

Why that is enough: in the systems the cellule publishes, two lines share at most their total
and the lines form a tree. An attacker who only knows that a masked count is a whole number
≥ 0 then bounds each masked count between 0 and the sum left over in its line (or not at all
when its total is masked too): its minimum equals its maximum only when that sum is 0. The
tests check it with an exact integer program (scipy's ``milp``) over every published figure.
Figures published elsewhere (national totals, ``etat``) are computed *from the masked figures*
(:func:`somme_publiee`), so they add no equation an attacker could use.

Masked values are ``None`` (:data:`MASQUE`) in results; :func:`afficher` renders them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = [
    "MARQUE",
    "MASQUE",
    "SEUIL_MINIMUM",
    "SEUIL_PAR_DEFAUT",
    "Ligne",
    "SommePubliee",
    "afficher",
    "masquer",
    "masquer_nombre",
    "masquer_serie",
    "somme_publiee",
]

MASQUE = None
MARQUE = "masqué"
"""How a masked count is printed, in every output."""
SEUIL_PAR_DEFAUT = 11
SEUIL_MINIMUM = 11
"""French health-data practice: counts from 1 to 10 are never published."""


@dataclass(frozen=True)
class Ligne:
    """A published equation: the counts ``cellules`` add up to the count ``total``."""

    cellules: tuple[str, ...]
    total: str


def masquer(
    valeurs: Mapping[str, int], lignes: Iterable[Ligne], seuil: int = SEUIL_PAR_DEFAUT
) -> dict[str, int | None]:
    """Mask the counts ``valeurs`` (name → count) published with the equations ``lignes``.

    Every name used by a line must be in ``valeurs``. The order of ``valeurs`` breaks ties, so
    the result is stable.
    """
    for n in valeurs.values():
        _verifier_compte(n)
    lignes = list(lignes)
    for ligne in lignes:
        for nom in (*ligne.cellules, ligne.total):
            if nom not in valeurs:
                raise ValueError(f"effectif inconnu dans une ligne : {nom!r}")
    rang = {nom: i for i, nom in enumerate(valeurs)}

    def cle_tri(nom: str) -> tuple[int, int]:
        return valeurs[nom], rang[nom]

    masque = {nom: n < seuil for nom, n in valeurs.items()}
    change = True
    while change:
        change = False
        for ligne in lignes:
            membres = (*ligne.cellules, ligne.total)
            if sum(masque[m] for m in membres) != 1:
                continue
            visibles = [c for c in ligne.cellules if not masque[c]]
            # the smallest visible cell (all are ≥ seuil), else the total
            choix = min(visibles, key=cle_tri) if visibles else ligne.total
            if not masque[choix]:  # a line without cells has only its total: nothing to add
                masque[choix] = True
                change = True
    return {nom: MASQUE if masque[nom] else n for nom, n in valeurs.items()}


def masquer_nombre(n: int, seuil: int = SEUIL_PAR_DEFAUT) -> int | None:
    """A lone count shown without any total: masked from 0 to ``seuil - 1``."""
    return masquer({"n": n}, [], seuil)["n"]


def masquer_serie(
    valeurs: Mapping[str, int], seuil: int = SEUIL_PAR_DEFAUT
) -> tuple[dict[str, int | None], int | None]:
    """Mask a one-way distribution and its total; the keys keep their order."""
    cles = list(valeurs)
    noms = {cle: f"c{i}" for i, cle in enumerate(cles)}
    plat = {noms[cle]: valeurs[cle] for cle in cles}
    plat["total"] = sum(plat.values())
    m = masquer(plat, [Ligne(tuple(noms[c] for c in cles), "total")], seuil)
    return {cle: m[noms[cle]] for cle in cles}, m["total"]


@dataclass(frozen=True)
class SommePubliee:
    """A sum of already published counts: the visible part and how many parts are masked."""

    connu: int
    masques: int

    @property
    def exacte(self) -> int | None:
        return self.connu if not self.masques else None

    def texte(self) -> str:
        """« 37 », or « ≥ 37 (2 part(s) masquée(s)) » when some parts are masked."""
        if not self.masques:
            return afficher(self.connu)
        parts = "part masquée" if self.masques == 1 else "parts masquées"
        return f"≥ {afficher(self.connu)} ({self.masques} {parts})"

    def en_json(self) -> int | str:
        return self.connu if not self.masques else self.texte()


def somme_publiee(valeurs: Iterable[int | None]) -> SommePubliee:
    """Sum of published counts (``None`` = masked): computed from what anyone can read, it
    adds nothing an attacker could not compute already."""
    liste = list(valeurs)
    return SommePubliee(sum(v for v in liste if v is not None), sum(v is None for v in liste))


def afficher(valeur: int | None, seuil: int = SEUIL_PAR_DEFAUT) -> str:
    """French rendering: « masqué » for a masked count, ``1 234`` (narrow no-break space) else.

    ``seuil`` is kept for callers; the mark is the same whatever the threshold.
    """
    del seuil
    if valeur is None:
        return MARQUE
    return f"{valeur:,}".replace(",", "\u202f")


def _verifier_compte(n: int) -> None:
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"un effectif est un entier positif ou nul, pas {n!r}")
