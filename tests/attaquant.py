"""An exact attacker of the cellule's published figures (SPEC §6–7), for the tests.

It reads *what is published* — ``clsm cellule statistiques`` of every year of every CLSM (the
bilan shows the same figures), and the national consolidation with every CLSM and without each
one — and writes every relation an attacker knows as an integer program:

- each series adds up to its indicator (origines, âges, communes, QPV → saisines; orientations
  → examens; délais → situations closes);
- a problématique counts at most the saisines; situations examinées ≤ examens ≤ séances ×
  situations examinées;
- over the years of one CLSM, the situations closed so far never exceed those referred so far;
- national figures: a plain number is the sum of the CLSM's figures; « ≥ X » bounds it below;
  the per-CLSM sheet repeats each CLSM's published figures.

A masked count is only known to be a whole number ≥ 0. For each masked count, scipy's ``milp``
computes its minimum and maximum; a count is *pinned* when they are equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from clsm_cli.cellule.statistiques import INDICATEURS, TOTAUX

GRAND = 10**6
"""Upper bound given to every unknown: reaching it means « unbounded »."""

Cle = tuple[Any, ...]


@dataclass
class Attaquant:
    index: dict[Cle, int] = field(default_factory=dict)
    connus: dict[Cle, int] = field(default_factory=dict)
    lignes: list[tuple[dict[Cle, int], float, float]] = field(default_factory=list)

    # --- what is published -----------------------------------------------------------------
    def variable(self, cle: Cle) -> Cle:
        if cle not in self.index:
            self.index[cle] = len(self.index)
        return cle

    def publie(self, cle: Cle, valeur: int | str | None) -> None:
        """A published figure: a number is known, « masqué » (or None) is not."""
        self.variable(cle)
        if isinstance(valeur, int):
            if cle in self.connus:
                assert self.connus[cle] == valeur, f"deux valeurs publiées pour {cle}"
            self.connus[cle] = valeur

    def relation(self, termes: Mapping[Cle, int], bas: float, haut: float) -> None:
        for cle in termes:
            self.variable(cle)
        self.lignes.append((dict(termes), bas, haut))

    # --- the published outputs -----------------------------------------------------------------
    def statistiques(self, clsm: Any, d: Mapping[str, Any]) -> None:
        """One year of ``clsm cellule statistiques --format json`` of CLSM ``clsm``."""
        a = d["annee"]
        for nom in INDICATEURS:
            self.publie((clsm, a, nom), d[nom])
        series = [k for k, v in d.items() if isinstance(v, dict)]
        for serie in series:
            for categorie, valeur in d[serie].items():
                self.publie((clsm, a, f"{serie}:{categorie}"), valeur)
        for serie, total in TOTAUX.items():
            termes = {(clsm, a, f"{serie}:{c}"): 1 for c in d[serie]}
            termes[(clsm, a, total)] = -1
            self.relation(termes, 0, 0)
        for categorie in d["problematiques"]:
            self.relation(
                {(clsm, a, f"problematiques:{categorie}"): 1, (clsm, a, "situations_ouvertes"): -1},
                -np.inf,
                0,
            )
        examinees, examens = (clsm, a, "situations_examinees"), (clsm, a, "examens")
        self.relation({examinees: 1, examens: -1}, -np.inf, 0)
        seances = d["seances"]
        assert isinstance(seances, int), "le nombre de séances n'est jamais masqué"
        self.relation({examens: 1, examinees: -seances}, -np.inf, 0)

    def cumuls(self, clsm: Any, annees: Iterable[int]) -> None:
        """Situations closed up to a year ≤ situations referred up to that year; situations
        examined in a year ≤ those referred up to it."""
        vues: list[int] = []
        for a in sorted(annees):
            termes: dict[Cle, int] = {(clsm, a, "situations_examinees"): 1}
            vues.append(a)
            for b in vues:
                termes[(clsm, b, "situations_ouvertes")] = -1
            self.relation(termes, -np.inf, 0)
            termes = {}
            for b in vues:
                termes[(clsm, b, "situations_closes")] = 1
                termes[(clsm, b, "situations_ouvertes")] = -1
            self.relation(termes, -np.inf, 0)

    def regle(self, seuil: int = 11) -> None:
        """What an attacker who read the code knows: an indicator is never masked to protect
        another count (only series cells are), so a masked indicator is below ``seuil``."""
        for cle in list(self.index):
            if cle[2] in INDICATEURS and cle not in self.connus:
                self.relation({cle: 1}, 0, seuil - 1)

    def national(self, clsms: list[Any], d: Mapping[str, Any]) -> None:
        """``clsm national --format json`` over the CLSM ``clsms`` (in the same order)."""
        for a, ligne in d["cellule_par_annee"].items():
            a = int(a)
            for nom, valeur in ligne.items():
                if nom == "clsm_avec_activite":
                    continue
                if isinstance(valeur, dict):
                    for categorie, v in valeur.items():
                        self._somme(clsms, a, f"{nom}:{categorie}", v)
                else:
                    self._somme(clsms, a, "qpv:oui" if nom == "qpv" else nom, valeur)
        annee = d["resume"]["annee"]
        for clsm, rang in zip(clsms, d["clsm"], strict=True):
            for cle, valeur in rang.items():
                if cle.startswith("cellule_") and cle.endswith(f"_{annee}"):
                    nom = cle[len("cellule_") : -len(f"_{annee}")]
                    self.publie((clsm, annee, nom), valeur)

    def _somme(self, clsms: list[Any], a: int, cle: str, valeur: int | str) -> None:
        termes = {(c, a, cle): 1 for c in clsms if (c, a, cle) in self.index}
        if isinstance(valeur, int):
            self.relation(termes, valeur, valeur)
        else:
            m = re.match(r"≥ ([\d\u202f]+)", valeur)
            assert m, valeur
            self.relation(termes, int(m.group(1).replace("\u202f", "")), np.inf)

    # --- the attack --------------------------------------------------------------------------
    def bornes(self, cle: Cle) -> tuple[int, int]:
        """Minimum and maximum of ``cle`` over every solution (GRAND = unbounded)."""
        return self._optimum(cle, 1), -self._optimum(cle, -1)

    def _probleme(self) -> tuple[LinearConstraint | None, Bounds]:
        n = len(self.index)
        bas = np.zeros(n)
        haut = np.full(n, float(GRAND))
        for cle, v in self.connus.items():
            bas[self.index[cle]] = haut[self.index[cle]] = v
        if not self.lignes:
            return None, Bounds(bas, haut)
        a = np.zeros((len(self.lignes), n))
        lb = np.zeros(len(self.lignes))
        ub = np.zeros(len(self.lignes))
        for i, (termes, b, h) in enumerate(self.lignes):
            for cle, coef in termes.items():
                a[i, self.index[cle]] += coef
            lb[i], ub[i] = b, h
        return LinearConstraint(a, lb, ub), Bounds(bas, haut)

    def _optimum(self, cle: Cle, sens: int) -> int:
        if not hasattr(self, "_cache"):
            self._cache = self._probleme()
        contraintes, bornes = self._cache
        c = np.zeros(len(self.index))
        c[self.index[cle]] = sens
        r = milp(
            c,
            constraints=contraintes,
            bounds=bornes,
            integrality=np.ones(len(self.index)),
        )
        assert r.success, f"programme sans solution : {r.message}"
        return round(r.fun)

    def epingles(self, vrai: Mapping[Cle, int]) -> dict[Cle, int]:
        """Masked counts from 1 to 10 that the attacker pins exactly (the failures), and a
        check that the truth always lies within the attacker's bounds."""
        trouves = {}
        for cle in self.index:
            if cle in self.connus:
                continue
            v = vrai.get(cle, 0)
            if not 1 <= v <= 10:
                continue
            bas = self._optimum(cle, 1)
            assert bas <= v, (cle, bas, v)
            if bas < v:
                continue
            haut = -self._optimum(cle, -1)
            assert v <= haut, (cle, haut, v)
            if haut == bas:
                trouves[cle] = v
        return trouves
