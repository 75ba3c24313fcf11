"""The writing layer: every change is validated, then written atomically, under a lock.

- :func:`ecrire_atomique`: temporary file in the same folder, fsync, ``os.replace``, fsync of
  the folder: a file is always either the old or the new version, never half.
- :class:`Verrou`: a lock file (``.clsm/verrou``) serialises concurrent clsm processes; the OS
  releases it when its holder dies, so a stale lock never blocks anyone.
- :class:`Edition`: reads the files to change (tomlkit, so that comments, blank lines and key
  order survive), lets a command change them, re-validates the whole folder with the new
  texts, and writes only if the change adds no error.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import os
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from clsm_cli.modeles.erreurs import ErreurValidation, ErreurVerrou
from clsm_cli.modeles.vocabulaires import VERSION_SCHEMA, DatePartielle
from clsm_cli.stockage import dossier as D
from clsm_cli.stockage import systeme
from clsm_cli.stockage.atomique import ecrire_atomique

if TYPE_CHECKING:
    from tomlkit.toml_document import TOMLDocument

    from clsm_cli.stockage.projet import ProjetLu

ATTENTE_VERROU = float(os.environ.get("CLSM_ATTENTE_VERROU", "30"))
"""Seconds a writer waits for another clsm process before giving up with a message."""

MODE_CELLULE_DOSSIER = 0o700
MODE_CELLULE_FICHIER = 0o600


# --- atomic write --------------------------------------------------------------------------


def nettoyer_temporaires(racine: Path) -> list[Path]:
    """Remove the temporary files of data files (``.membres.toml.*.tmp``) left by a killed
    process; return what was removed. Call it under the lock: only lock holders write them."""
    retires = []
    for dossier in (racine, *(racine / d for d in D.DOSSIERS_DE_FICHIERS), racine / "cellule"):
        if dossier.is_dir():
            for p in dossier.iterdir():
                if D.RE_TEMPORAIRE.match(p.name) and ".toml." in p.name and p.is_file():
                    with contextlib.suppress(OSError):
                        p.unlink()
                        retires.append(p)
    return retires


def mode_pour(chemin: str) -> int | None:
    """Permissions a file must get: 0600 under cellule/, otherwise keep the current ones."""
    return MODE_CELLULE_FICHIER if D.est_dans_cellule(chemin) else None


def preparer_dossiers(racine: Path, chemin: str) -> None:
    """Create the parent folders of ``chemin`` (cellule/ ones with mode 0700)."""
    parent = (racine / chemin).parent
    parent.mkdir(parents=True, exist_ok=True)
    if D.est_dans_cellule(chemin) and systeme.posix():
        courant = racine
        for partie in Path(chemin).parent.parts:
            courant = courant / partie
            os.chmod(courant, MODE_CELLULE_DOSSIER)


# --- lock ----------------------------------------------------------------------------------


class Verrou:
    """Exclusive lock on a clsm folder, held while a command writes."""

    def __init__(self, racine: Path, attente: float | None = None) -> None:
        self.chemin = racine / D.DOSSIER_INTERNE / "verrou"
        self.attente = ATTENTE_VERROU if attente is None else attente
        self._fichier: Any = None

    def __enter__(self) -> Verrou:
        self.chemin.parent.mkdir(parents=True, exist_ok=True)
        f = open(self.chemin, "a+b")
        limite = time.monotonic() + self.attente
        pause = 0.01
        while not _essayer_verrou(f, self.chemin):
            if time.monotonic() >= limite:
                f.close()
                raise ErreurVerrou(self._message_occupe())
            time.sleep(pause)
            pause = min(pause * 2, 0.2)
        f.seek(0)
        f.truncate()
        f.write(f"{os.getpid()}\n{dt.datetime.now().isoformat(timespec='seconds')}\n".encode())
        f.flush()
        self._fichier = f
        return self

    def _message_occupe(self) -> str:
        try:
            pid, depuis = self.chemin.read_text(encoding="utf-8").split()[:2]
        except (OSError, ValueError):
            pid, depuis = "?", "?"
        return (
            f"Le dossier est en cours de modification par un autre clsm (processus {pid}, "
            f"depuis {depuis}) ; attente abandonnée après {self.attente:g} s. Réessayez dans "
            f"un instant ; si ce processus est bloqué, arrêtez-le (kill {pid})."
        )

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        f, self._fichier = self._fichier, None
        if f is not None:
            with contextlib.suppress(OSError):
                f.seek(0)
                f.truncate()
                f.flush()
            _liberer_verrou(f, self.chemin)
            f.close()


PERIME_APRES = 600.0
"""Age (s) after which a lock file of the « fichier » method is taken to be left by a crash."""


def _essayer_verrou(f: Any, chemin: Path) -> bool:
    """Take the lock without waiting (True) or say it is held (False)."""
    methode = systeme.verrouillage()
    if methode == "fcntl":
        import fcntl

        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False
    if methode == "msvcrt":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            f.seek(0)
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            return True
        except OSError:
            return False
    exclusif = chemin.with_name(chemin.name + ".pris")
    try:
        fd = os.open(exclusif, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        with contextlib.suppress(OSError, ValueError):
            texte = exclusif.read_text(encoding="utf-8").strip()
            mort = bool(texte) and systeme.processus_vivant(int(texte)) is False
            if mort or time.time() - exclusif.stat().st_mtime > PERIME_APRES:
                exclusif.unlink()  # left by a clsm that was killed: the next try takes it
        return False
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(f"{os.getpid()}\n")
    return True


def _liberer_verrou(f: Any, chemin: Path) -> None:
    methode = systeme.verrouillage()
    if methode == "fcntl":
        import fcntl

        fcntl.flock(f.fileno(), fcntl.LOCK_UN)
    elif methode == "msvcrt":  # pragma: no cover - exercised on Windows only
        import msvcrt

        with contextlib.suppress(OSError):
            f.seek(0)
            msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
    else:
        with contextlib.suppress(OSError):
            chemin.with_name(chemin.name + ".pris").unlink()


# --- TOML text -----------------------------------------------------------------------------


def ligne_schema(chemin: str) -> str:
    """The ``#:schema`` comment of a file, relative to it (editors validate offline)."""
    genre = D.type_de_fichier(chemin) or "clsm"
    profondeur = chemin.count("/")
    return f"#:schema {'../' * profondeur}{D.DOSSIER_SCHEMAS}/{genre}.schema.json"


def en_donnees(valeur: Any) -> Any:
    """Plain TOML-ready data from a model (or its light record) or value: no None, no empty
    lists, enums as text."""
    from clsm_cli.stockage.leger import Vue

    champs = getattr(type(valeur), "model_fields", None)
    if champs is not None or isinstance(valeur, Vue):
        valeur = {k: getattr(valeur, k) for k in (champs or vars(valeur))}
        valeur.pop("version_schema", None)
    if isinstance(valeur, dict):
        return {
            k: en_donnees(v)
            for k, v in valeur.items()
            if v is not None and not (isinstance(v, list) and not v)
        }
    if isinstance(valeur, list | tuple):
        return [en_donnees(v) for v in valeur]
    if isinstance(valeur, enum.Enum):
        return valeur.value
    if isinstance(valeur, DatePartielle):
        return valeur.isoformat()
    if isinstance(valeur, float) and valeur.is_integer():
        return int(valeur)
    return valeur


def en_item(valeur: Any, niveau: int = 0) -> Any:
    """tomlkit item for ``valeur`` found at nesting ``niveau`` (0 = top-level key).

    Top-level dicts become ``[tables]``; lists of dicts at levels 0 and 1 become arrays of
    tables (``[[action]]``, ``[[action.realisation]]``); anything deeper is written inline.
    """
    import tomlkit

    if isinstance(valeur, dict):
        if niveau == 0:
            return _table(valeur, niveau)
        inline = tomlkit.inline_table()
        for k, v in valeur.items():
            inline[k] = en_item(v, niveau + 1)
        return inline
    if isinstance(valeur, list) and valeur and all(isinstance(v, dict) for v in valeur):
        if niveau <= 1:
            aot = tomlkit.aot()
            for v in valeur:
                aot.append(_table(v, niveau))
            return aot
        tableau = tomlkit.array()
        for v in valeur:
            tableau.append(en_item(v, niveau + 1))
        return tableau
    if isinstance(valeur, str) and _multiligne(valeur):
        return tomlkit.string(valeur, multiline=True)
    if isinstance(valeur, list):
        tableau = tomlkit.array()
        tableau.extend(en_item(v, niveau + 1) for v in valeur)
        if sum(len(str(v)) for v in valeur) > 80:
            tableau.multiline(True)
        return tableau
    if isinstance(valeur, DatePartielle):  # the text "2020", never a bare TOML date
        return tomlkit.item(valeur.isoformat())
    return tomlkit.item(valeur)


def _multiligne(texte: str) -> bool:
    """Write as a multi-line string only when that reads back identically."""
    return (
        "\n" in texte
        and not texte.startswith("\n")
        and not any(c < " " and c not in "\n\t" for c in texte)
        and '"""' not in texte
        and "\\" not in texte
        and not texte.endswith('"')
    )


def _table(valeur: dict[str, Any], niveau: int) -> Any:
    """A ``[table]`` (or one element of ``[[table]]``) whose keys sit at ``niveau + 1``."""
    import tomlkit

    table = tomlkit.table()
    for k, v in valeur.items():
        table.add(k, en_item(v, niveau + 1))
    return table


def texte_nouveau(chemin: str, donnees: dict[str, Any], entete: str | None = None) -> str:
    """Full text of a new file: ``#:schema`` line, optional comment, version, then data."""
    import tomlkit

    doc = tomlkit.document()
    doc.add(tomlkit.comment(ligne_schema(chemin)[1:].lstrip()))
    if entete:
        for ligne in entete.splitlines():
            doc.add(tomlkit.comment(ligne))
    doc.add("version_schema", VERSION_SCHEMA)
    doc.add(tomlkit.nl())
    simples = {k: v for k, v in donnees.items() if not _est_table(v)}
    tables = {k: v for k, v in donnees.items() if _est_table(v)}
    for k, v in simples.items():
        doc.add(k, en_item(v, 1))
    for k, v in tables.items():
        if simples or len(doc) > 1:
            doc.add(tomlkit.nl())
        doc.add(k, en_item(v, 0))
    texte = tomlkit.dumps(doc)
    texte = texte.replace("# :schema", "#:schema", 1)
    while "\n\n\n" in texte:
        texte = texte.replace("\n\n\n", "\n\n")
    return texte


def _est_table(v: Any) -> bool:
    return isinstance(v, dict) or (
        isinstance(v, list) and bool(v) and all(isinstance(x, dict) for x in v)
    )


def _corps(table: Any) -> Any:
    """The container of a tomlkit table (or the document itself)."""
    from tomlkit.container import Container

    return table if isinstance(table, Container) else table.value


def _derniere_table(table: Any) -> Any:
    """The table whose body ends the text of ``table`` (its last sub-table, if any)."""
    from tomlkit.items import AoT, Table

    while True:
        corps = _corps(table).body
        if not corps or not isinstance(corps[-1][1], AoT | Table):
            return table
        dernier = corps[-1][1]
        if isinstance(dernier, AoT) and not len(dernier):
            return table
        table = dernier[-1] if isinstance(dernier, AoT) else dernier


def _detacher_queue(table: Any) -> tuple[list[Any], list[Any]]:
    """Remove the comments and blank lines that end the text of ``table``.

    Returns (attached, rest): the comments written right under the last key belong to this
    record; everything from the first blank line on introduces what follows it.
    """
    from tomlkit.items import Comment, Whitespace

    corps = _corps(_derniere_table(table)).body
    queue: list[Any] = []
    while corps and corps[-1][0] is None and isinstance(corps[-1][1], Comment | Whitespace):
        queue.insert(0, corps.pop()[1])
    for i, element in enumerate(queue):
        if isinstance(element, Whitespace):
            return queue[:i], queue[i:]
    return queue, []


def _rattacher(table: Any, elements: Sequence[Any]) -> None:
    corps = _corps(_derniere_table(table)).body
    for element in elements:
        corps.append((None, element))


def ajouter_enregistrement(doc: Any, table: str, donnees: dict[str, Any]) -> None:
    """Append a record ``[[table]]`` at the end of its array of tables (created if absent).

    The new block is separated from the previous one by a blank line; comments that
    introduced what follows the array (after a blank line) stay in front of it.
    """
    import tomlkit
    from tomlkit.items import Whitespace

    item = _table(donnees, 0)
    if table in doc and len(doc[table]):
        existant = doc[table]
        attache, reste = _detacher_queue(existant[-1])
        _rattacher(existant[-1], [*attache, Whitespace("\n")])
        existant.append(item)
        # tomlkit indents a table appended to an array it built with a newline of its own:
        # the blank line is already there
        item.trivia.indent = item.trivia.indent.replace("\n", "")
        _rattacher(item, reste)
    elif table in doc:
        doc[table].append(item)
    else:
        aot = tomlkit.aot()
        aot.append(item)
        if not tomlkit.dumps(doc).endswith("\n\n"):
            doc.add(tomlkit.nl())
        doc.add(table, aot)


def modifier_champs(table: Any, champs: dict[str, Any], ordre: Sequence[str] = ()) -> None:
    """Set (or, with None, remove) keys of a tomlkit table, keeping its other lines intact.

    A new key goes after the key that precedes it in ``ordre`` (e.g. the model's field
    order), else after the last key — never below the comments that end the table.
    """
    for cle, valeur in champs.items():
        valeur = en_donnees(valeur)
        if valeur is None or (isinstance(valeur, list) and not valeur):
            if cle in table:
                del table[cle]
        elif cle in table:
            table[cle] = en_item(valeur, 1)
        else:
            _inserer(table, cle, en_item(valeur, 1), ordre)


def _inserer(table: Any, cle: str, item: Any, ordre: Sequence[str]) -> None:
    from tomlkit.items import AoT, Table

    corps = _corps(table)
    cles = [str(k.key) for k, v in corps.body if k is not None and not isinstance(v, AoT | Table)]
    if not cles:
        table[cle] = item
        return
    ordre = list(ordre)
    avant = ordre[: ordre.index(cle)] if cle in ordre else []
    precedentes = [k for k in cles if k in avant]
    if precedentes:
        corps._insert_after(max(precedentes, key=cles.index), cle, item)
    elif cle in ordre and any(k in ordre for k in cles):
        suivante = next(k for k in cles if k in ordre)
        indice = next(
            i for i, (k, _) in enumerate(corps.body) if k is not None and str(k.key) == suivante
        )
        corps._insert_at(indice, cle, item)
    else:
        corps._insert_after(cles[-1], cle, item)


def supprimer_enregistrement(doc: Any, table: str, indice: int) -> str:
    """Text of ``doc`` without the record ``doc[table][indice]``.

    Comments written above the record or introducing the next one stay; only the record's
    own lines go. Give the result to :meth:`Edition.remplacer`.
    """
    import uuid

    import tomlkit
    from tomlkit.items import Comment, Trivia

    cible = doc[table][indice]
    _, reste = _detacher_queue(cible)
    jeton = uuid.uuid4().hex
    cible.trivia.comment_ws = " "
    cible.trivia.comment = f"# debut-{jeton}"
    _rattacher(cible, [Comment(Trivia(comment=f"# fin-{jeton}", trail="\n"))])
    texte = tomlkit.dumps(doc)
    debut = texte.rfind("\n", 0, texte.index(f"# debut-{jeton}")) + 1
    fin = texte.index("\n", texte.index(f"# fin-{jeton}")) + 1
    avant, apres = texte[:debut], texte[fin:]
    milieu = "".join(e.as_string() for e in reste)
    while avant.endswith("\n\n") and milieu.startswith("\n"):
        milieu = milieu[1:]
    if not apres and not milieu.strip():
        return avant.rstrip("\n") + "\n"
    if avant.endswith("\n\n") and not milieu and apres.startswith("\n"):
        apres = apres.lstrip("\n")
    return avant + milieu + apres


def trouver_enregistrement(doc: Any, table: str, cle: str, valeur: str) -> tuple[int, Any]:
    """Index and table of the record whose ``cle`` equals ``valeur`` (KeyError otherwise)."""
    for i, t in enumerate(doc.get(table, [])):
        if t.get(cle) == valeur:
            return i, t
    raise KeyError(valeur)


# --- edition -------------------------------------------------------------------------------


class Edition:
    """A validated, atomic change of one or more files of a folder, made under its lock.

    ``with projet.edition() as ed: doc = ed.document("membres.toml"); …`` — on leaving the
    block without error, the folder is re-validated with the new texts: if the change adds an
    error, :class:`ErreurValidation` is raised and nothing is written.
    """

    def __init__(self, projet: ProjetLu, attente: float | None = None) -> None:
        self.projet = projet
        self.racine = projet.racine
        self._verrou = Verrou(self.racine, attente)
        self._documents: dict[str, TOMLDocument] = {}
        self._textes: dict[str, str | None] = {}
        self.apres: ProjetLu | None = None

    def __enter__(self) -> Edition:
        self._verrou.__enter__()
        nettoyer_temporaires(self.racine)  # left by a clsm killed in the middle of a write
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if exc_type is None:
                self.appliquer()
        finally:
            self._verrou.__exit__(exc_type, exc, tb)

    # files to change
    def document(self, chemin: str) -> TOMLDocument:
        """The tomlkit document of ``chemin`` as it is on disk now (a new one if absent)."""
        import tomlkit

        if chemin not in self._documents:
            fichier = self.racine / chemin
            if chemin in self._textes and self._textes[chemin] is not None:
                texte = self._textes.pop(chemin) or ""
            elif fichier.is_file():
                texte = fichier.read_text(encoding="utf-8-sig")
            else:
                texte = texte_nouveau(chemin, {})
            self._documents[chemin] = tomlkit.parse(texte)
        return self._documents[chemin]

    def creer(self, chemin: str, donnees: dict[str, Any], entete: str | None = None) -> None:
        """Create (or replace) a whole file from plain data."""
        self._documents.pop(chemin, None)
        self._textes[chemin] = texte_nouveau(chemin, donnees, entete)

    def remplacer(self, chemin: str, texte: str) -> None:
        self._documents.pop(chemin, None)
        self._textes[chemin] = texte

    def supprimer(self, chemin: str) -> None:
        self._documents.pop(chemin, None)
        self._textes[chemin] = None

    def textes(self) -> dict[str, str | None]:
        import tomlkit

        resultat = dict(self._textes)
        for chemin, doc in self._documents.items():
            resultat[chemin] = tomlkit.dumps(doc)
        return resultat

    def valider(self, textes: dict[str, str | None] | None = None) -> list[Any]:
        """Errors the change would add to the folder (empty: the change is acceptable).

        Files the change does not touch are re-read only if they changed on disk since the
        project was loaded (same mtime, size and inode: its reading is reused).
        """
        textes = self.textes() if textes is None else textes
        base = self.projet
        # the project's own class checks the folder: the domain's rules live above storage
        classe = type(base)
        self.apres = classe.ouvrir(self.racine, tolerant=True, textes=textes, base=base)
        apres = [p for p in self.apres.controler() if p.est_erreur]
        if not apres:
            return []
        avant = Counter(
            _cle(p)
            for p in classe.ouvrir(self.racine, tolerant=True, base=base).controler()
            if p.est_erreur
        )
        nouvelles = []
        for p in apres:
            if avant[_cle(p)] > 0:
                avant[_cle(p)] -= 1
            else:
                nouvelles.append(p)
        return nouvelles

    def appliquer(self) -> None:
        textes = self.textes()  # serialised once: tomlkit.dumps of a big file is slow
        nouvelles = self.valider(textes)
        if nouvelles:
            raise ErreurValidation(nouvelles)
        for chemin, texte in sorted(textes.items()):
            cible = self.racine / chemin
            if texte is None:
                with contextlib.suppress(FileNotFoundError):
                    cible.unlink()
                continue
            actuel = cible.read_text(encoding="utf-8") if cible.is_file() else None
            if actuel == texte:
                continue
            preparer_dossiers(self.racine, chemin)
            ecrire_atomique(cible, texte, mode_pour(chemin))
        self._mettre_le_cache_a_jour(textes)

    def _mettre_le_cache_a_jour(self, textes: dict[str, str | None]) -> None:
        """The files just written were validated: the next command need not do it again."""
        cache, apres = self.projet.cache, self.apres
        if cache is None or apres is None:
            return
        from clsm_cli.stockage.cache import Entree, cle_de
        from clsm_cli.stockage.lecture import signature
        from clsm_cli.stockage.leger import vue_de

        for chemin, texte in textes.items():
            lu = apres.fichiers.get(chemin)
            if texte is None or lu is None:
                continue
            modele = apres.modeles.get(chemin)
            cle = cle_de(texte.encode("utf-8"), signature(self.racine / chemin))
            vue = None if modele is None else vue_de(modele)
            cache.noter(chemin, Entree(cle, vue, list(lu.problemes), chemin in apres.invalides))
        cache.enregistrer()


def _cle(p: Any) -> tuple[str, str, str, str]:
    return (p.fichier, p.champ, p.code, p.message)
