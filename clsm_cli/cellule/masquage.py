"""Small-cell masking of counts that leave the cellule (SPEC §6).

Counts derived from the cellule de cas complexes are shown outside it (bilan, statistiques,
national) only as aggregates, and small aggregates identify people. Rules, as in French
health-data practice:

- **Primary suppression**: a count from 1 to ``seuil - 1`` (default 11, so 1 to 10) is masked and
  rendered « < 11 ». Zero stays 0: an empty category says nothing about anyone.
- **Secondary suppression**: a masked count must not be recomputable from visible counts. A *line*
  is a row, a column or a series together with its total (the total counts as one of its cells;
  in a table the row totals with the grand total, and the column totals with the grand total, are
  lines too). When a line has exactly one masked cell, another one is masked: the smallest visible
  non-zero cell of the line; when there is none (every other cell is zero or masked), its total.
  Rows and columns interact, so the passes are repeated until nothing changes.
- A line with **two or more** masked cells is considered protected, as is standard practice: this
  stops an attacker who solves one line at a time (the tests run such an attacker until it can
  learn nothing more). It does not defend against solving the whole system of lines at once, nor
  against bounds reasoning (a masked cell lies between 1 and ``seuil - 1`` or is a secondary one).

Masked values are ``None`` (:data:`MASQUE`) in results; :func:`afficher` renders them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "MASQUE",
    "SEUIL_PAR_DEFAUT",
    "TableauMasque",
    "afficher",
    "masquer_nombre",
    "masquer_serie",
    "masquer_tableau",
]

MASQUE = None
SEUIL_PAR_DEFAUT = 11


@dataclass(frozen=True)
class TableauMasque:
    """A two-way table of counts after masking; ``None`` marks a masked count."""

    lignes: list[str]
    colonnes: list[str]
    valeurs: list[list[int | None]]
    totaux_lignes: list[int | None]
    totaux_colonnes: list[int | None]
    total: int | None


def masquer_nombre(n: int, seuil: int = SEUIL_PAR_DEFAUT) -> int | None:
    """A lone count shown without any total: primary suppression only."""
    _verifier_compte(n)
    return MASQUE if 1 <= n < seuil else n


def masquer_serie(
    valeurs: Mapping[str, int], seuil: int = SEUIL_PAR_DEFAUT
) -> tuple[dict[str, int | None], int | None]:
    """Mask a one-way distribution and its total; the keys keep their order."""
    cles = list(valeurs)
    nombres = [valeurs[cle] for cle in cles]
    for n in nombres:
        _verifier_compte(n)
    nombres.append(sum(nombres))
    total = len(cles)
    masque = _supprimer(nombres, [(list(range(total)), total)], seuil)
    visibles = _visibles(nombres, masque)
    return dict(zip(cles, visibles[:total], strict=True)), visibles[total]


def masquer_tableau(
    lignes: Sequence[str],
    colonnes: Sequence[str],
    valeurs: Sequence[Sequence[int]],
    seuil: int = SEUIL_PAR_DEFAUT,
) -> TableauMasque:
    """Mask a two-way table with its row, column and grand totals (computed here)."""
    nl, nc = len(lignes), len(colonnes)
    if len(valeurs) != nl or any(len(rang) != nc for rang in valeurs):
        raise ValueError(
            f"le tableau doit avoir {nl} ligne(s) de {nc} valeur(s), comme ses intitulés"
        )
    for rang in valeurs:
        for n in rang:
            _verifier_compte(n)

    # one flat list: the cells row by row, then the row totals, the column totals, the total
    nombres = [n for rang in valeurs for n in rang]
    nombres += [sum(rang) for rang in valeurs]
    nombres += [sum(valeurs[i][j] for i in range(nl)) for j in range(nc)]
    nombres.append(sum(nombres[: nl * nc]))

    def cellule(i: int, j: int) -> int:
        return i * nc + j

    def total_ligne(i: int) -> int:
        return nl * nc + i

    def total_colonne(j: int) -> int:
        return nl * nc + nl + j

    grand_total = nl * nc + nl + nc
    traces: list[tuple[list[int], int]] = [
        ([cellule(i, j) for j in range(nc)], total_ligne(i)) for i in range(nl)
    ]
    traces += [([cellule(i, j) for i in range(nl)], total_colonne(j)) for j in range(nc)]
    traces.append(([total_ligne(i) for i in range(nl)], grand_total))
    traces.append(([total_colonne(j) for j in range(nc)], grand_total))

    visibles = _visibles(nombres, _supprimer(nombres, traces, seuil))
    return TableauMasque(
        lignes=list(lignes),
        colonnes=list(colonnes),
        valeurs=[[visibles[cellule(i, j)] for j in range(nc)] for i in range(nl)],
        totaux_lignes=[visibles[total_ligne(i)] for i in range(nl)],
        totaux_colonnes=[visibles[total_colonne(j)] for j in range(nc)],
        total=visibles[grand_total],
    )


def afficher(valeur: int | None, seuil: int = SEUIL_PAR_DEFAUT) -> str:
    """French rendering: ``< 11`` for a masked count, ``1 234`` (narrow no-break space) else."""
    if valeur is None:
        return f"< {seuil}"
    return f"{valeur:,}".replace(",", "\u202f")


def _verifier_compte(n: int) -> None:
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"un effectif est un entier positif ou nul, pas {n!r}")


def _supprimer(nombres: list[int], traces: list[tuple[list[int], int]], seuil: int) -> list[bool]:
    """Which of ``nombres`` to mask; ``traces`` lists the lines as (cell indexes, total index)."""
    masque = [1 <= n < seuil for n in nombres]
    change = True
    while change:
        change = False
        for cellules, total in traces:
            if sum(masque[k] for k in cellules) + masque[total] != 1:
                continue
            candidats = [k for k in cellules if not masque[k] and nombres[k] > 0]
            # min keeps the first of equal values: the choice is stable
            choix = min(candidats, key=lambda k: nombres[k]) if candidats else total
            if not masque[choix]:  # always true: a lone masked total has a non-zero cell
                masque[choix] = True
                change = True
    return masque


def _visibles(nombres: list[int], masque: list[bool]) -> list[int | None]:
    return [MASQUE if m else n for n, m in zip(nombres, masque, strict=True)]
