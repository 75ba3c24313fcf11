"""A quick look at a clsm folder, for shell completion: identifiers read with regular
expressions, line by line, without parsing TOML, validating or importing pydantic.

Completing must answer at once (< 0.2 s for the whole ``clsm`` process on the demo folder),
and a half-typed command line is no place for error messages: a file that cannot be read, or
a block this scan does not understand, gives no suggestion instead of a problem. The values
are suggestions only; the command itself validates what the person finally types.
"""

from __future__ import annotations

import re
from pathlib import Path

RE_TABLEAU = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]")
RE_TABLE = re.compile(r"^\s*\[")
RE_CHAINE = re.compile(r"""^\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')""")
RE_REUNION = re.compile(r"^(\d{4}-\d{2}-\d{2}-[a-z0-9][a-z0-9_-]*)\.toml$")
RE_SISM = re.compile(r"^(\d{4})\.toml$")

Suggestion = tuple[str, str | None]
"""A value to complete and its short description (None when there is nothing to add)."""


def blocs(chemin: Path, table: str) -> list[dict[str, str]]:
    """The one-line string keys of every ``[[table]]`` block of a TOML file, in file order
    (an empty list when the file is missing or unreadable)."""
    try:
        texte = chemin.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    trouves: list[dict[str, str]] = []
    courant: dict[str, str] | None = None
    dans_chaine_longue = False
    for ligne in texte.splitlines():
        # a line inside a multi-line string may look like a header or a key: skip it
        ouvre = (ligne.count('"""') + ligne.count("'''")) % 2 == 1
        if dans_chaine_longue:
            dans_chaine_longue = not ouvre
            continue
        if (m := RE_TABLEAU.match(ligne)) is not None:
            courant = {} if m[1] == table else None
            if courant is not None:
                trouves.append(courant)
        elif RE_TABLE.match(ligne):
            courant = None
        elif courant is not None and (m := RE_CHAINE.match(ligne)) is not None:
            valeur = m[2] if m[2] is not None else m[3]
            if m[2] is not None:
                valeur = valeur.replace('\\"', '"').replace("\\\\", "\\")
            courant.setdefault(m[1], valeur)
        dans_chaine_longue = ouvre
    return trouves


def _suggestions(
    chemin: Path, table: str, cle: str, aide: tuple[str, ...] = ()
) -> list[Suggestion]:
    vus: set[str] = set()
    resultat: list[Suggestion] = []
    for bloc in blocs(chemin, table):
        valeur = bloc.get(cle)
        if not valeur or valeur in vus:
            continue
        vus.add(valeur)
        description = " ".join(bloc[c] for c in aide if bloc.get(c))
        resultat.append((valeur, description or None))
    return resultat


def membres(racine: Path) -> list[Suggestion]:
    """Member ids, described by first name and name (or structure)."""
    suggestions = []
    for bloc in blocs(racine / "membres.toml", "membre"):
        if ident := bloc.get("id"):
            personne = " ".join(bloc[c] for c in ("prenom", "nom") if bloc.get(c))
            suggestions.append((ident, personne or bloc.get("structure")))
    return suggestions


def groupes(racine: Path) -> list[Suggestion]:
    return _suggestions(racine / "groupes.toml", "groupe", "id", ("nom",))


def axes(racine: Path) -> list[Suggestion]:
    return _suggestions(racine / "plan.toml", "axe", "id", ("intitule",))


def actions(racine: Path) -> list[Suggestion]:
    return _suggestions(racine / "plan.toml", "action", "id", ("intitule",))


def _noms(dossier: Path, motif: re.Pattern[str]) -> list[str]:
    try:
        noms = sorted(p.name for p in dossier.iterdir())
    except OSError:
        return []
    return [m[1] for nom in noms if (m := motif.match(nom)) is not None]


def reunions(racine: Path) -> list[Suggestion]:
    """Meetings as the commands name them, ``AAAA-MM-JJ-instance``, oldest first."""
    return [(nom, None) for nom in _noms(racine / "reunions", RE_REUNION)]


def annees_sism(racine: Path) -> list[Suggestion]:
    """Years that have a ``sism/AAAA.toml`` file."""
    return [(annee, None) for annee in _noms(racine / "sism", RE_SISM)]
