"""What ``clsm verifier`` checks in the cellule's files: no personal data in any text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from clsm_cli.stockage import dossier as D

if TYPE_CHECKING:
    from clsm_cli.modeles.problemes import Probleme
    from clsm_cli.stockage.projet import ProjetLu


def _textes(valeur: Any, chemin: list[str | int]) -> Iterator[tuple[list[str | int], str]]:
    if isinstance(valeur, str):
        yield chemin, valeur
    elif isinstance(valeur, dict):
        for cle, v in valeur.items():
            yield from _textes(v, [*chemin, cle])
    elif isinstance(valeur, list):
        for i, v in enumerate(valeur):
            yield from _textes(v, [*chemin, i])


def _chaines(valeur: Any, resultat: set[str]) -> None:
    """Every text inside ``valeur`` (no paths: cheaper than :func:`_textes`)."""
    if isinstance(valeur, dict):
        valeur = valeur.values()
    elif not isinstance(valeur, list):
        if isinstance(valeur, str):
            resultat.add(valeur)
        return
    for v in valeur:
        if isinstance(v, str):
            resultat.add(v)
        elif isinstance(v, dict | list):
            _chaines(v, resultat)


def controle_confidentialite(projet: ProjetLu) -> Iterator[Probleme]:
    from clsm_cli.cellule.confidentialite import detecter

    # the same text (commune, origine, code, orientation…) recurs thousands of times on a big
    # folder: scan each distinct text once, and locate texts (paths, lines) only in a file
    # where something was found
    deja_vus: dict[str, Any] = {}
    for chemin, lu in projet.fichiers.items():
        if not D.est_dans_cellule(chemin) or lu.donnees is None:
            continue
        chaines: set[str] = set()
        _chaines(lu.donnees, chaines)
        suspect = False
        for texte in chaines:
            trouves = deja_vus.get(texte)
            if trouves is None:
                trouves = deja_vus[texte] = detecter(texte)
            suspect = suspect or bool(trouves)
        if not suspect:
            continue
        for position, texte in _textes(lu.donnees, []):
            for trouve in deja_vus[texte]:
                yield lu.probleme(
                    position,
                    f"{trouve.nature} semble figurer ici, ce qui est interdit dans la cellule ; "
                    f"{trouve.conseil}",
                    "E401",
                )
