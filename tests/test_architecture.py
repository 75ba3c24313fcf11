"""The package's layers point down only (STYLE.md, « The house »).

cli → noyau / cellule / documents → stockage → modeles. Every import is counted, those inside
functions and under ``TYPE_CHECKING`` included: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import clsm_cli

RACINE = Path(clsm_cli.__file__).parent
RANG = {"cli": 3, "noyau": 2, "cellule": 2, "documents": 2, "stockage": 1, "modeles": 0}
BIBLIOTHEQUES_DE_LA_FACADE = {"click", "rich"}


def _modules() -> dict[str, Path]:
    modules = {}
    for fichier in RACINE.rglob("*.py"):
        parties = fichier.relative_to(RACINE.parent).with_suffix("").parts
        if parties[-1] == "__init__":
            parties = parties[:-1]
        modules[".".join(parties)] = fichier
    return modules


MODULES = _modules()


def _imports(module: str, fichier: Path) -> set[str]:
    """Every module (of any package) that ``module`` imports, as absolute names."""
    paquet = module.split(".") if fichier.name == "__init__.py" else module.split(".")[:-1]
    trouves: set[str] = set()
    for noeud in ast.walk(ast.parse(fichier.read_text(encoding="utf-8"))):
        if isinstance(noeud, ast.Import):
            trouves |= {alias.name for alias in noeud.names}
        elif isinstance(noeud, ast.ImportFrom):
            if noeud.level:
                base = ".".join(paquet[: len(paquet) - noeud.level + 1])
                base = f"{base}.{noeud.module}" if noeud.module else base
            else:
                base = noeud.module or ""
            trouves.add(base)
            trouves |= {f"{base}.{a.name}" for a in noeud.names if f"{base}.{a.name}" in MODULES}
    return trouves


def _couche(module: str) -> str | None:
    parties = module.split(".")
    return parties[1] if len(parties) > 1 and parties[1] in RANG else None


def test_chaque_module_est_dans_une_couche() -> None:
    hors_couche = [
        m for m in MODULES if _couche(m) is None and m not in ("clsm_cli", "clsm_cli.__main__")
    ]
    assert hors_couche == []


def test_aucun_import_vers_le_haut() -> None:
    fautes = []
    for module, fichier in MODULES.items():
        couche = _couche(module)
        if couche is None:
            continue
        for cible in _imports(module, fichier):
            autre = _couche(cible) if cible.startswith("clsm_cli.") else None
            if autre is not None and RANG[autre] > RANG[couche]:
                fautes.append(f"{module} -> {cible}")
            if cible == "clsm_cli":
                fautes.append(f"{module} -> clsm_cli (la façade)")
    assert fautes == []


def test_pas_de_cycle_entre_paquets_ni_entre_modules() -> None:
    aretes = {m: set() for m in MODULES}
    paquets: dict[str, set[str]] = {c: set() for c in RANG}
    for module, fichier in MODULES.items():
        for cible in _imports(module, fichier):
            if cible in MODULES and cible != module and not module.startswith(cible + "."):
                if cible != "clsm_cli":
                    aretes[module].add(cible)
                a, b = _couche(module), _couche(cible)
                if a and b and a != b:
                    paquets[a].add(b)

    def cycles(graphe: dict[str, set[str]]) -> list[str]:
        trouves = []
        for depart in sorted(graphe):
            pile, vus = list(graphe[depart]), set()
            while pile:
                x = pile.pop()
                if x == depart:
                    trouves.append(depart)
                    break
                if x not in vus:
                    vus.add(x)
                    pile.extend(graphe.get(x, ()))
        return trouves

    assert cycles(paquets) == []
    assert cycles(aretes) == []


def test_sous_la_facade_ni_click_ni_rich() -> None:
    fautes = []
    for module, fichier in MODULES.items():
        if _couche(module) in (None, "cli"):
            continue
        for cible in _imports(module, fichier):
            if cible.split(".")[0] in BIBLIOTHEQUES_DE_LA_FACADE:
                fautes.append(f"{module} -> {cible}")
    assert fautes == []


def test_les_documents_ne_lisent_pas_la_cellule() -> None:
    """Renderers receive figures; only cellule/ reads situations and séances."""
    fautes = [
        f"{module} -> {cible}"
        for module, fichier in MODULES.items()
        if _couche(module) == "documents"
        for cible in _imports(module, fichier)
        if _couche(cible) == "cellule"
    ]
    assert fautes == []
