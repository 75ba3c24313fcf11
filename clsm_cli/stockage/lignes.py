"""Line index of a TOML text: turns a data path such as ``("action", 12, "realisation", 3,
"date")`` into the line where that key or table is written.

No TOML parser reports the line of a *valid* key that fails a schema, so we scan the text once:
table headers (with the occurrence number of each array of tables) and ``key =`` lines, skipping
strings, multi-line strings, arrays and inline tables.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Chemin = tuple[str | int, ...]

_CLE = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_CLES = rf"{_CLE}(?:\s*\.\s*{_CLE})*"
RE_TABLEAU = re.compile(rf"^\s*\[\[\s*({_CLES})\s*\]\]")
RE_TABLE = re.compile(rf"^\s*\[\s*({_CLES})\s*\]")
RE_CLE = re.compile(rf"^\s*({_CLES})\s*=")
RE_MORCEAU = re.compile(_CLE)


def _decouper(cles: str) -> list[str]:
    morceaux = []
    for m in RE_MORCEAU.finditer(cles):
        t = m.group(0)
        morceaux.append(t[1:-1] if t[0] in "\"'" else t)
    return morceaux


class IndexLignes:
    """Maps data paths to 1-based line numbers."""

    def __init__(self, texte: str) -> None:
        self.lignes: dict[Chemin, int] = {}
        self._indexer(texte)

    def _indexer(self, texte: str) -> None:
        dernier_indice: dict[Chemin, int] = {}
        table: Chemin = ()
        profondeur = 0  # open [ or { at value level
        chaine: str | None = None  # current multi-line string delimiter
        for numero, ligne in enumerate(texte.splitlines(), start=1):
            if chaine is None and profondeur == 0:
                if m := RE_TABLEAU.match(ligne):
                    cles = _decouper(m.group(1))
                    parent = self._resoudre(cles[:-1], dernier_indice)
                    chemin = (*parent, cles[-1])
                    indice = dernier_indice.get(chemin, -1) + 1
                    dernier_indice[chemin] = indice
                    table = (*chemin, indice)
                    self.lignes.setdefault(chemin, numero)
                    self.lignes[table] = numero
                    continue
                if m := RE_TABLE.match(ligne):
                    table = self._resoudre(_decouper(m.group(1)), dernier_indice)
                    self.lignes.setdefault(table, numero)
                    continue
                if m := RE_CLE.match(ligne):
                    self.lignes.setdefault((*table, *_decouper(m.group(1))), numero)
                    ligne = ligne[m.end() :]
            chaine, profondeur = _avancer(ligne, chaine, profondeur)

    @staticmethod
    def _resoudre(cles: Sequence[str], dernier_indice: dict[Chemin, int]) -> Chemin:
        chemin: Chemin = ()
        for cle in cles:
            chemin = (*chemin, cle)
            if chemin in dernier_indice:
                chemin = (*chemin, dernier_indice[chemin])
        return chemin

    def ligne(self, chemin: Sequence[str | int]) -> int | None:
        """Line of the deepest known prefix of ``chemin`` (None if nothing matches)."""
        chemin = tuple(chemin)
        while chemin:
            if chemin in self.lignes:
                return self.lignes[chemin]
            chemin = chemin[:-1]
        return None


def _avancer(ligne: str, chaine: str | None, profondeur: int) -> tuple[str | None, int]:
    """Scan one line's value text, tracking multi-line strings and bracket depth."""
    i, n = 0, len(ligne)
    while i < n:
        if chaine is not None:
            fin = ligne.find(chaine, i)
            if fin < 0:
                return chaine, profondeur
            if chaine == '"""':
                # skip escaped quotes
                k, bs = fin - 1, 0
                while k >= 0 and ligne[k] == "\\":
                    bs += 1
                    k -= 1
                if bs % 2:
                    i = fin + 1
                    continue
            i = fin + 3
            while i < n and ligne[i] == chaine[0]:
                i += 1
            chaine = None
            continue
        c = ligne[i]
        if c == "#":
            break
        if ligne.startswith('"""', i) or ligne.startswith("'''", i):
            chaine = ligne[i : i + 3]
            i += 3
            continue
        if c == '"':
            i += 1
            while i < n and ligne[i] != '"':
                i += 2 if ligne[i] == "\\" else 1
            i += 1
            continue
        if c == "'":
            fin = ligne.find("'", i + 1)
            i = n if fin < 0 else fin + 1
            continue
        if c in "[{":
            profondeur += 1
        elif c in "]}":
            profondeur = max(0, profondeur - 1)
        i += 1
    return chaine, profondeur
