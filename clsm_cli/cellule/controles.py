"""What ``clsm verifier`` checks in the cellule's files: no personal data anywhere in them.

Every file under ``cellule/`` (situations.toml, seances/*.toml, archives.toml) is checked in
full: every string value, every key name (archives.toml counts by free-text keys), and every
comment, read from the file's text. A finding names the file, the line, the field (only the
names clsm knows, never a key a person typed) and the kind of data, never the text itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from clsm_cli.stockage import dossier as D

if TYPE_CHECKING:
    from clsm_cli.cellule.confidentialite import DonneePersonnelle
    from clsm_cli.modeles.problemes import Probleme
    from clsm_cli.stockage.lecture import FichierLu
    from clsm_cli.stockage.projet import ProjetLu

Chemin = list[str | int]
_CODE = re.compile(r"S-\d{4}-\d{3,5}")  # MOTIF_CODE of modeles/cellule.py


def _textes(valeur: Any, chemin: Chemin) -> Iterator[tuple[Chemin, str]]:
    if isinstance(valeur, str):
        yield chemin, valeur
    elif isinstance(valeur, dict):
        for cle, v in valeur.items():
            yield from _textes(v, [*chemin, cle])
    elif isinstance(valeur, list):
        for i, v in enumerate(valeur):
            yield from _textes(v, [*chemin, i])


def _cles(valeur: Any, chemin: Chemin) -> Iterator[tuple[Chemin, str]]:
    """(path of the key, key) for every key of every table inside ``valeur``."""
    if isinstance(valeur, dict):
        for cle, v in valeur.items():
            yield [*chemin, cle], cle
            yield from _cles(v, [*chemin, cle])
    elif isinstance(valeur, list):
        for i, v in enumerate(valeur):
            yield from _cles(v, [*chemin, i])


def _chaines(valeur: Any, resultat: set[str]) -> None:
    """Every text and key inside ``valeur`` (no paths: cheaper than :func:`_textes`)."""
    if isinstance(valeur, dict):
        resultat.update(valeur)
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


# strings first, so that a « # » inside a string is not read as a comment
_JETONS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\']|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#([^\n]*)',
    re.DOTALL,
)


_LIGNE_AVEC_DIESE = re.compile(r"^[^\n#]*#.*$", re.MULTILINE)


def commentaires(texte: str) -> Iterator[tuple[int, str]]:
    """(line, text) of every comment of a TOML text, strings skipped."""
    if "#" not in texte:
        return
    if '"""' in texte or "'''" in texte:
        morceaux: Iterator[tuple[int, str]] = iter([(0, texte)])  # strings may span lines
    else:  # only the lines holding a « # » need reading
        morceaux = ((m.start(), m[0]) for m in _LIGNE_AVEC_DIESE.finditer(texte))
    ligne, position = 1, 0
    for debut, morceau in morceaux:
        for m in _JETONS.finditer(morceau):
            if m[1] is not None:
                ligne += texte.count("\n", position, debut + m.start())
                position = debut + m.start()
                yield ligne, m[1]


@cache
def _champs_connus() -> frozenset[str]:
    """Every field name of the cellule's models: the only keys a message may name."""
    from pydantic import BaseModel

    from clsm_cli.modeles import archives, cellule

    noms: set[str] = set()
    for module in (cellule, archives):
        for objet in vars(module).values():
            if isinstance(objet, type) and issubclass(objet, BaseModel):
                noms.update(objet.model_fields)
    return frozenset(noms)


def _champ(chemin: Chemin) -> str:
    """Readable field of ``chemin``, stopped at the first key clsm does not know (a key a person
    typed may itself be a name): ``["annee", 0, "origines", "…"]`` → ``annee.origines``."""
    connus = _champs_connus()
    parties: list[str] = []
    for i, partie in enumerate(chemin):
        if isinstance(partie, int):
            continue
        if partie not in connus:
            break
        if i == 0 and len(chemin) > 1 and isinstance(chemin[1], int):
            continue  # the array of tables itself (« situation », « examen »)
        parties.append(partie)
    return ".".join(parties)


def _message(trouve: DonneePersonnelle, ou: str) -> str:
    return (
        f"{trouve.nature} semble figurer {ou}, ce qui est interdit dans la cellule ; "
        f"{trouve.conseil}"
    )


def _problemes_du_fichier(
    lu: FichierLu, detecter: Any, deja_vus: dict[str, list[DonneePersonnelle]]
) -> Iterator[Probleme]:
    from clsm_cli.modeles.problemes import Probleme

    def trouves(texte: str) -> list[DonneePersonnelle]:
        resultat = deja_vus.get(texte)
        if resultat is None:
            # situation codes (thousands on a big folder) are pseudonyms: no need to scan them
            resultat = deja_vus[texte] = [] if _CODE.fullmatch(texte) else detecter(texte)
        return resultat

    if lu.donnees is not None:
        # the same text (commune, origine, code, orientation…) recurs thousands of times on a
        # big folder: scan each distinct text once, and locate texts only in a suspect file
        chaines: set[str] = set()
        _chaines(lu.donnees, chaines)
        if any(trouves(t) for t in chaines):
            for chemin, texte in _textes(lu.donnees, []):
                for trouve in trouves(texte):
                    yield Probleme(
                        lu.chemin, lu.ligne(chemin), _champ(chemin), _message(trouve, "ici"), "E401"
                    )
            for chemin, cle in _cles(lu.donnees, []):
                for trouve in trouves(cle):
                    yield Probleme(
                        lu.chemin,
                        lu.ligne(chemin),
                        _champ(chemin[:-1]),
                        _message(trouve, "dans un nom de clé"),
                        "E401",
                    )
    for ligne, texte in commentaires(lu.texte or ""):
        for trouve in trouves(texte):
            yield Probleme(lu.chemin, ligne, "", _message(trouve, "dans un commentaire"), "E401")


def controle_confidentialite(projet: ProjetLu) -> Iterator[Probleme]:
    """E401 on personal data in any text of cellule/. The findings depend on a file's content
    only: with the folder's cache, an unchanged file's findings are taken back from it
    (neither parsed nor scanned again)."""
    deja_vus: dict[str, list[DonneePersonnelle]] = {}
    detecter: Any = None
    for chemin, lu in projet.fichiers.items():
        if not D.est_dans_cellule(chemin):
            continue
        cle = projet.cles.get(chemin)
        if projet.cache is not None and cle is not None:
            gardes = projet.cache.garde(chemin, cle)
            if gardes is not None:
                yield from gardes
                continue
        if detecter is None:
            from clsm_cli.cellule.confidentialite import detecter
        trouves = list(_problemes_du_fichier(lu, detecter, deja_vus))
        if projet.cache is not None and cle is not None:
            projet.cache.noter_garde(chemin, cle, trouves)
        yield from trouves
