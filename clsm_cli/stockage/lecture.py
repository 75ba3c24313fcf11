"""Reading one TOML file: bytes → text → data → model, every failure turned into a Probleme.

Reading uses toml_rs in its TOML 1.0 mode when installed (Rust, about ten times as fast as the
stdlib parser on a big folder), and the reference parser (compiled tomli, else the stdlib tomllib)
for what toml_rs refuses, so that errors read the same; tomlkit is kept for the file being edited.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from clsm_cli.modeles.problemes import Probleme
from clsm_cli.modeles.vocabulaires import ENTIER_MAX
from clsm_cli.stockage.lignes import IndexLignes

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError


@functools.cache
def reference() -> Any:
    """The reference TOML 1.0 parser: tomli (compiled) if installed in a 2.1–2.2 version, else
    the stdlib tomllib. Its refusals and their messages are the ones clsm shows.

    tomli 2.3+ reads TOML 1.1 (multi-line inline tables, ``\\e``…), which tomllib and TOML 1.0
    editors refuse: a file must not be valid for one clsm install and invalid for another.
    """
    import tomllib

    try:
        import tomli
    except ImportError:
        return tomllib
    try:
        version = tuple(int(x) for x in tomli.__version__.split(".")[:2])
    except (AttributeError, ValueError):
        return tomllib
    return tomli if (2, 1) <= version < (2, 3) else tomllib


@functools.cache
def _rapide() -> Callable[[str], dict[str, Any]] | None:
    """toml_rs's reader in its TOML 1.0 mode (Rust, six times faster than compiled tomli on a big
    folder), or None when it is not installed or does not know that mode."""
    try:
        from toml_rs import loads
    except ImportError:
        return None
    lire = functools.partial(loads, toml_version="1.0.0")
    try:
        lire("a = 1")
    except Exception:  # an older toml_rs without toml_version
        return None
    return lire


PROFONDEUR_MAX = 64
"""Deepest nesting of arrays and inline tables given to toml_rs. It recurses once per level
(about 2 KB of stack each, measured on x86-64): a text nested thousands of levels deep would
overflow the stack and kill the process. The reference parser reads deeper texts (and raises
RecursionError where Python's own limit is reached, as before)."""


def charger_toml(texte: str) -> dict[str, Any]:
    """Parse a TOML 1.0 text: toml_rs when it accepts it, else the reference parser, whose
    error (a ``ValueError``) names the line and the fault in the words clsm translates.

    toml_rs agrees with tomllib on the 709 cases of the toml-test suite for TOML 1.0, kept in
    the tests, but for one thing: it skips a BOM at the start of the text, which tomllib refuses
    (clsm strips the one a file may start with; a second one is an error, as before).
    """
    rapide = _rapide()
    if rapide is not None and texte[:1] != "\ufeff" and profondeur(texte) <= PROFONDEUR_MAX:
        donnees = _essayer(rapide, texte)
        if donnees is not None:
            return donnees
    return cast(dict[str, Any], reference().loads(texte))


@functools.cache
def _hors_structure() -> re.Pattern[str]:
    """Strings and comments: the only places where a bracket is not structure in TOML."""
    return re.compile(
        r'"""(?:[^"\\]|\\[\s\S]|""?(?!"))*"{3,5}'  # multi-line basic (1–2 quotes before the end)
        r"|'''(?:[^']|''?(?!'))*'{3,5}"  # multi-line literal
        r'|"(?:[^"\\\n]|\\.)*"'  # basic
        r"|'[^'\n]*'"  # literal
        r"|#[^\n]*"  # comment
    )


def profondeur(texte: str) -> int:
    """An upper bound of the nesting depth of ``texte``'s arrays and inline tables.

    Every level needs a ``[`` or ``{``: their count bounds it, and settles small texts at once.
    Otherwise strings and comments are removed (a bracket there is text) and the brackets left
    are counted as a parser meets them. A string the pattern cannot close (a syntax error) is
    left in: its brackets can only raise the bound, or come after the point where any parser
    stops.
    """
    ouvrants = texte.count("[") + texte.count("{")
    if ouvrants <= PROFONDEUR_MAX:
        return ouvrants
    # First shrink each run of what can neither open, close nor end a string or comment to one
    # space (never to nothing: two quotes must not become adjacent), keeping each backslash
    # with the character it escapes: the same strings and brackets, in a text 5 times shorter.
    if "\\" in texte:
        court = re.sub(r"(\\.)|[^\[\]{}\"'#\\\n]+", lambda m: m[1] or " ", texte)
    else:
        court = re.sub(r"[^\[\]{}\"'#\n]+", " ", texte)
    niveau = plus_haut = 0
    for signe in re.sub(r"[^\[\]{}]+", "", _hors_structure().sub(" ", court)):
        if signe in "[{":
            niveau += 1
            if niveau > plus_haut:
                plus_haut = niveau
        elif niveau:
            niveau -= 1
    return plus_haut


def _essayer(lire: Callable[[str], dict[str, Any]], texte: str) -> dict[str, Any] | None:
    try:
        return lire(texte)
    except Exception:  # its refusal: the reference parser says why
        return None
    except BaseException as exc:  # a Rust panic (pyo3's PanicException) is a BaseException
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        return None


class _Analyseur:
    """``loads`` and ``TOMLDecodeError``, like tomllib: see :func:`charger_toml`."""

    loads = staticmethod(charger_toml)

    @property
    def TOMLDecodeError(self) -> type[ValueError]:  # tomllib's name
        return cast(type[ValueError], reference().TOMLDecodeError)


_ANALYSEUR = _Analyseur()


def analyseur() -> Any:
    """The parser (``loads``, ``TOMLDecodeError``) every reading goes through. Imported on first
    parse: a command served by the cache parses nothing."""
    return _ANALYSEUR


TOML: Any
"""The parser (``loads``, ``TOMLDecodeError``): see :func:`analyseur`."""


def __getattr__(nom: str) -> Any:
    if nom == "TOML":
        return analyseur()
    raise AttributeError(f"module {__name__!r} has no attribute {nom!r}")


TAILLE_MAX = 20 * 1024 * 1024
"""Files above this size are refused rather than read into memory."""
ENREGISTREMENTS_MAX = 100_000
"""Records per file above which a file is refused."""

MAJEURE_SUPPORTEE = 1


_A_LIRE: Any = object()
"""Marks data not parsed yet: a file taken from the cache is parsed only if someone asks."""


@dataclass
class FichierLu:
    """One file as read: its text (kept to find lines on demand) and parsed data."""

    chemin: str
    texte: str | None = None
    _donnees: dict[str, Any] | None = None
    problemes: list[Probleme] = field(default_factory=list)
    signature: tuple[int, int, int] | None = None
    """(mtime_ns, size, inode) of the file before it was read; None for a text given in memory."""
    _index: IndexLignes | None = None

    @property
    def donnees(self) -> dict[str, Any] | None:
        """The TOML data (None when the file could not be parsed)."""
        if self._donnees is _A_LIRE:
            try:
                self._donnees = analyseur().loads(self.texte or "")
            except (analyseur().TOMLDecodeError, RecursionError):
                self._donnees = None
        return self._donnees

    @donnees.setter
    def donnees(self, valeur: dict[str, Any] | None) -> None:
        self._donnees = valeur

    def ligne(self, chemin: tuple[str | int, ...] | list[str | int]) -> int | None:
        if self.texte is None:
            return None
        if self._index is None:
            self._index = IndexLignes(self.texte)
        return self._index.ligne(chemin)

    def probleme(
        self, chemin: tuple[str | int, ...] | list[str | int], message: str, code: str
    ) -> Probleme:
        """A problem located at the line of ``chemin`` in this file."""
        return Probleme(self.chemin, self.ligne(chemin), champ_de(chemin), message, code)


def champ_de(chemin: tuple[str | int, ...] | list[str | int]) -> str:
    """Readable field name of a data path: ``("membre", 3, "college")`` → ``college``;
    ``("action", 2, "realisation", 0, "date")`` → ``realisation.date``."""
    parties = list(chemin)
    if len(parties) >= 2 and isinstance(parties[1], int):
        parties = parties[2:]
    return ".".join(str(p) for p in parties if isinstance(p, str))


_TRADUCTIONS_TOML: list[tuple[str, str]] = [
    (r"^Invalid date or datetime", "date ou heure invalide"),
    (r"^Invalid value", "valeur invalide (texte sans guillemets ?)"),
    (r"^Invalid statement", "instruction invalide (attendu : clé = valeur, ou [table])"),
    (r"^Expected '=' after a key", "« = » attendu après la clé"),
    (r"^Cannot overwrite a value|^Cannot redefine", "clé définie deux fois"),
    (r"^Cannot declare .* twice", "table déclarée deux fois"),
    (r"^Cannot mutate|^Cannot append", "table ou liste redéfinie"),
    (r"^Unclosed array", "liste non fermée (« ] » manquant)"),
    (r"^Unclosed inline table", "table en ligne non fermée (« } » manquant)"),
    (r"^Unterminated string", "texte non terminé (guillemet fermant manquant)"),
    (r"^Illegal character", "caractère interdit (caractère de contrôle)"),
    (r"^Invalid initial character for a key part", "début de clé invalide"),
    (r"^Expected newline or end of document", "fin de ligne attendue après la valeur"),
    (r"^Expected ']' at the end of a table declaration", "« ] » manquant après le nom de table"),
    (r"^Expected ']]' at the end of an array declaration", "« ]] » manquant"),
    (r"^Unescaped '\\' in a string|^Unescaped", "barre oblique inverse « \\ » non échappée"),
    (r"^Invalid hex value|^Invalid escape", "séquence d'échappement invalide"),
    (r"^Expected .*", "syntaxe inattendue"),
]
_RE_LIGNE = re.compile(r"\(at line (\d+), column (\d+)\)|at line (\d+)")


def traduire_erreur_toml(message: str) -> tuple[int | None, str]:
    """Line and French message of a tomllib error."""
    m = _RE_LIGNE.search(message)
    ligne = int(m.group(1) or m.group(3)) if m else None
    colonne = f", colonne {m.group(2)}" if m and m.group(2) else ""
    brut = _RE_LIGNE.sub("", message).strip()
    for motif, francais in _TRADUCTIONS_TOML:
        if re.search(motif, brut):
            return ligne, f"syntaxe TOML : {francais}{colonne}"
    return ligne, f"syntaxe TOML invalide{colonne}"


_OUVERTURE = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
"""Read-only, binary on Windows, and never left waiting on a FIFO put in a file's place."""


def lire_octets(racine: Path, chemin: str) -> tuple[bytes | None, FichierLu]:
    """The bytes of one file (None, with the problem noted, when it cannot be read).

    One open, then ``fstat`` and ``read`` on it: the signature is that of the bytes read, and a
    big folder's 700 files cost a third of what ``stat`` plus ``read_bytes`` did.
    """
    lu = FichierLu(chemin)
    try:
        fd = os.open(os.path.join(racine, chemin), _OUVERTURE)
    except OSError as exc:
        lu.problemes.append(_illisible(chemin, exc.strerror))
        return None, lu
    try:
        etat = os.fstat(fd)
        lu.signature = (etat.st_mtime_ns, etat.st_size, etat.st_ino)
        if not stat.S_ISREG(etat.st_mode):
            lu.problemes.append(_illisible(chemin, "ce n'est pas un fichier ordinaire"))
            return None, lu
        morceaux = [] if etat.st_size > TAILLE_MAX else [os.read(fd, etat.st_size + 1)]
        lus = len(morceaux[0]) if morceaux else etat.st_size
        while morceaux and morceaux[-1] and lus <= TAILLE_MAX:  # to the end, even if it grew
            morceaux.append(os.read(fd, 1 << 20))
            lus += len(morceaux[-1])
    except OSError as exc:
        lu.problemes.append(_illisible(chemin, exc.strerror))
        return None, lu
    finally:
        os.close(fd)
    if lus > TAILLE_MAX:
        lu.problemes.append(_trop_gros(chemin, lus))
        return None, lu
    return morceaux[0] if len(morceaux) <= 2 else b"".join(morceaux), lu


def _illisible(chemin: str, raison: str | None) -> Probleme:
    return Probleme(chemin, None, "", f"lecture impossible ({raison})", "E002")


def _trop_gros(chemin: str, taille: int) -> Probleme:
    return Probleme(
        chemin,
        None,
        "",
        f"fichier trop volumineux ({taille // 1_048_576} Mo, maximum {TAILLE_MAX // 1_048_576} Mo)",
        "E004",
    )


def decoder(lu: FichierLu, brut: bytes) -> str | None:
    """The UTF-8 text of ``brut`` (None, with an E002 noted on ``lu``, when it is not)."""
    try:
        return brut.decode("utf-8")
    except UnicodeDecodeError as exc:
        ligne_fautive = brut[: exc.start].count(b"\n") + 1
        lu.problemes.append(
            Probleme(
                lu.chemin,
                ligne_fautive,
                "",
                "le fichier n'est pas encodé en UTF-8 (réenregistrez-le en UTF-8)",
                "E002",
            )
        )
        return None


class TexteLu(str):
    """A TOML text whose maker has just parsed it (a splice that checked its own result):
    reading it again takes these data instead of parsing a big file a second time."""

    donnees: dict[str, Any]

    def __new__(cls, texte: str, donnees: dict[str, Any]) -> TexteLu:
        objet = super().__new__(cls, texte)
        objet.donnees = donnees
        return objet


def lire_fichier(racine: Path, chemin: str, texte: str | None = None) -> FichierLu:
    """Read and parse one file. ``texte`` replaces the file's content (validation of edits)."""
    if texte is not None:
        return analyser(FichierLu(chemin), texte)
    brut, lu = lire_octets(racine, chemin)
    if brut is None:
        return lu
    texte = decoder(lu, brut)
    return lu if texte is None else analyser(lu, texte)


def analyser(lu: FichierLu, texte: str) -> FichierLu:
    """Parse ``texte`` into ``lu`` (syntax, format version and size checks)."""
    chemin = lu.chemin
    deja = texte.donnees if isinstance(texte, TexteLu) else None
    texte = str(texte.removeprefix("\ufeff"))
    lu.texte = texte
    try:
        lu.donnees = deja if deja is not None else analyseur().loads(texte)
    except analyseur().TOMLDecodeError as exc:
        ligne, message = traduire_erreur_toml(str(exc))
        lu.problemes.append(Probleme(chemin, ligne, "", message, "E001"))
        return lu
    except RecursionError:
        lu.problemes.append(
            Probleme(chemin, None, "", "syntaxe TOML : imbrication trop profonde", "E001")
        )
        return lu
    _verifier_version(lu)
    _verifier_volume(lu)
    return lu


def signature(fichier: Path) -> tuple[int, int, int] | None:
    """(mtime_ns, size, inode) of ``fichier`` now (None if it cannot be read)."""
    try:
        etat = fichier.stat()
    except OSError:
        return None
    return (etat.st_mtime_ns, etat.st_size, etat.st_ino)


def _verifier_version(lu: FichierLu) -> None:
    assert lu.donnees is not None
    version = lu.donnees.get("version_schema")
    if isinstance(version, str) and re.fullmatch(r"\d+\.\d+", version):
        majeure = int(version.split(".")[0])
        if majeure > MAJEURE_SUPPORTEE:
            lu.problemes.append(
                lu.probleme(
                    ["version_schema"],
                    f"ce fichier est au format {version}, plus récent que ce clsm "
                    f"(format {MAJEURE_SUPPORTEE}.x) : mettez clsm à jour "
                    "(pip install -U clsm-cli)",
                    "E003",
                )
            )
            lu.donnees = None


def _verifier_volume(lu: FichierLu) -> None:
    if lu.donnees is None:
        return
    total = 0
    for valeur in lu.donnees.values():
        if isinstance(valeur, list):
            total += len(valeur)
            for element in valeur:
                if isinstance(element, dict):
                    total += sum(len(v) for v in element.values() if isinstance(v, list))
    if total > ENREGISTREMENTS_MAX:
        lu.problemes.append(
            Probleme(
                lu.chemin,
                None,
                "",
                f"trop d'enregistrements ({total}, maximum {ENREGISTREMENTS_MAX}) : "
                "découpez ce fichier",
                "E004",
            )
        )
        lu.donnees = None


def valider(lu: FichierLu, modele: type[BaseModel], *, montrer_valeurs: bool = True) -> Any:
    """Validate the parsed data against ``modele``; return the instance or None."""
    from pydantic import ValidationError

    if lu.donnees is None:
        return None
    try:
        return modele.model_validate(lu.donnees)
    except ValidationError as exc:
        lu.problemes.extend(problemes_de_validation(lu, modele, exc, montrer_valeurs))
        return None


# --- pydantic errors → French --------------------------------------------------------------


def _montrer(valeur: Any) -> str:
    if isinstance(valeur, str):
        court = valeur if len(valeur) <= 40 else valeur[:37] + "…"
        court = "".join(c if c.isprintable() else "�" for c in court)
        return f"« {court} »"
    if isinstance(valeur, bool):
        return "true" if valeur else "false"
    if isinstance(valeur, dict):
        return "une table"
    if isinstance(valeur, list):
        return "une liste"
    return str(valeur)


_MESSAGES_TYPE: dict[str, str] = {
    "string_type": "texte attendu (entre guillemets)",
    "int_type": "nombre entier attendu",
    "int_parsing": "nombre entier attendu",
    "int_from_float": "nombre entier attendu (sans décimales)",
    "float_type": "nombre attendu",
    "float_parsing": "nombre attendu",
    "bool_type": "true ou false attendu",
    "bool_parsing": "true ou false attendu",
    "date_type": "date attendue (AAAA-MM-JJ, sans guillemets)",
    "date_parsing": "date attendue (AAAA-MM-JJ, sans guillemets)",
    "date_from_datetime_parsing": "date attendue (AAAA-MM-JJ, sans guillemets)",
    "date_from_datetime_inexact": "date sans heure attendue (AAAA-MM-JJ)",
    "list_type": "liste attendue ([ … ])",
    "model_type": "table attendue",
    "model_attributes_type": "table attendue",
    "dict_type": "table attendue",
}

_MESSAGES_MOTIF: dict[str, str] = {
    "a-z0-9][a-z0-9_-]*$": "identifiant invalide {v} : lettres minuscules sans accent, "
    "chiffres, - et _ seulement",
    "S-\\d{4}": "code de situation invalide {v} (forme attendue : S-2026-007)",
    "[:h]": "heure invalide {v} (forme attendue : 18:30)",
    "copil|pleniere": "instance inconnue {v} (valeurs possibles : copil, pleniere, "
    "comite_technique, autre, groupe:<id>)",
    "\\d+\\.\\d+$": "version invalide {v} (forme attendue : 1.0)",
}


def _message(erreur: Any, montrer_valeurs: bool) -> tuple[str, str]:
    """(French message, code) for one pydantic error dict."""
    genre = erreur["type"]
    valeur = erreur.get("input")
    v = _montrer(valeur) if montrer_valeurs else "(valeur masquée)"
    ctx = erreur.get("ctx") or {}
    if genre == "missing":
        return "clé obligatoire manquante", "E102"
    if genre == "enum" or genre == "literal_error":
        possibles = ", ".join(re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
        return f"valeur inconnue {v} (valeurs possibles : {possibles})", "E103"
    if genre in _MESSAGES_TYPE:
        return f"{_MESSAGES_TYPE[genre]}, reçu {v}", "E104"
    if genre == "string_pattern_mismatch":
        motif = str(ctx.get("pattern", ""))
        for cle, modele in _MESSAGES_MOTIF.items():
            if cle in motif:
                return modele.format(v=v), "E105"
        return f"valeur invalide {v}", "E105"
    if genre in ("greater_than_equal", "greater_than"):
        return f"valeur trop petite {v} (minimum {ctx.get('ge', ctx.get('gt'))})", "E105"
    if genre == "less_than_equal" and ctx.get("le") == ENTIER_MAX:
        return (
            "nombre trop grand : le format TOML n'accepte pas d'entier au-delà de "
            "9 223 372 036 854 775 807",
            "E105",
        )
    if genre in ("less_than_equal", "less_than"):
        return f"valeur trop grande {v} (maximum {ctx.get('le', ctx.get('lt'))})", "E105"
    if genre == "string_too_long":
        return f"texte trop long (maximum {ctx.get('max_length')} caractères)", "E105"
    if genre == "value_error":
        return str(erreur["msg"]).removeprefix("Value error, "), "E105"
    return f"valeur invalide {v}", "E105"


def _modele_du_chemin(modele: type[BaseModel], chemin: list[str | int]) -> type[BaseModel] | None:
    """Model class that owns the last key of ``chemin`` (to suggest known keys)."""
    from pydantic import BaseModel

    courant: type[BaseModel] = modele
    for partie in chemin[:-1]:
        if isinstance(partie, int):
            continue
        info = courant.model_fields.get(partie)
        if info is None:
            return None
        suivant = _sous_modele(info.annotation, BaseModel)
        if suivant is None:
            return None
        courant = suivant
    return courant


def _sous_modele(annotation: Any, base: type) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, base):
        return annotation
    for argument in getattr(annotation, "__args__", ()) or ():
        trouve = _sous_modele(argument, base)
        if trouve is not None:
            return trouve
    return None


def _cles_connues(modele: type[BaseModel]) -> set[str]:
    from pydantic import BaseModel

    connues: set[str] = set()
    a_voir: list[type[BaseModel]] = [modele]
    while a_voir:
        m = a_voir.pop()
        for nom, info in m.model_fields.items():
            connues.add(nom)
            sous = _sous_modele(info.annotation, BaseModel)
            if sous is not None and sous is not m:
                a_voir.append(sous)
    return connues


def problemes_de_validation(
    lu: FichierLu, modele: type[BaseModel], exc: ValidationError, montrer_valeurs: bool = True
) -> list[Probleme]:
    connues = _cles_connues(modele)
    vus: set[tuple[Any, ...]] = set()
    resultat: list[Probleme] = []
    for erreur in exc.errors(include_url=False):
        brut = list(erreur["loc"])
        if erreur["type"] == "extra_forbidden":
            chemin = brut  # the unknown key itself
        else:
            # drop union/validator tags such as 'bool', 'list[str]', 'function-after[...]'
            chemin = [p for p in brut if isinstance(p, int) or p in connues]
        cle = tuple(chemin)
        if cle in vus:
            continue
        vus.add(cle)
        if erreur["type"] == "extra_forbidden" and not montrer_valeurs:
            # a key typed in the cellule may be a name: neither echoed nor suggested
            parent = [p for p in chemin[:-1] if isinstance(p, int) or p in connues]
            resultat.append(
                Probleme(lu.chemin, lu.ligne(chemin), champ_de(parent), "clé inconnue", "E101")
            )
            continue
        if erreur["type"] == "extra_forbidden":
            nom = str(chemin[-1])
            message = f"clé inconnue « {nom} »"
            proprietaire = _modele_du_chemin(modele, chemin)
            if proprietaire is not None:
                proches = difflib.get_close_matches(nom, list(proprietaire.model_fields), n=1)
                if proches:
                    message += f" (vouliez-vous dire « {proches[0]} » ?)"
            resultat.append(lu.probleme(chemin, message, "E101"))
            continue
        message, code = _message(erreur, montrer_valeurs)
        resultat.append(lu.probleme(chemin, message, code))
    return resultat
