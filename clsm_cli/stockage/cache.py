"""Persistent cache of validated data: everyday commands read a folder without pydantic.

For each data file, the cache keeps what validating it gave — the light records of its model
(:mod:`clsm_cli.stockage.leger`) and its problems — under a key made of the file's size,
mtime_ns, inode *and* a BLAKE2 hash of its bytes, so that a file edited within the same second
with the same size is still seen as changed. It also keeps the result of the whole verification,
under a key made of every file's key, the day (some warnings depend on it) and the permissions
of ``cellule/``.

Where it lives: ``.clsm/cache/`` for ordinary files, ``cellule/.cache/`` (a 0700 folder, 0600
files) for the cellule's files: nothing of the cellule is ever written elsewhere. Each holds two
files: ``donnees`` (the validated data, rewritten only when a data file changed) and
``verification`` (small: the last verification, what the personal-data guard found in each file,
and results keyed on something else than the data, such as git's index).

Trust: each cache file is a pickle signed with HMAC-SHA256 under a key that belongs to the user
(``~/.cache/clsm/cle``, 0600), so that a cache file planted in a shared folder is ignored rather
than unpickled. A cache file that is corrupt, truncated, signed with another key, written by
another clsm version or format, or stale is ignored and rebuilt; any failure to read or write
it only costs speed. ``--sans-cache`` or ``CLSM_SANS_CACHE=1`` turns it off.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clsm_cli.modeles.problemes import Probleme
from clsm_cli.modeles.vocabulaires import VERSION_CLSM, VERSION_SCHEMA
from clsm_cli.stockage import dossier as D
from clsm_cli.stockage import systeme

FORMAT = 3
ENTETE = b"clsm-cache\n"
NOM = "donnees"
NOM_VERIFICATION = "verification"
DOSSIER_ORDINAIRE = ".clsm/cache"
DOSSIER_CELLULE = f"{D.DOSSIER_CELLULE}/.cache"

Cle = tuple[int, int, int, bytes]
"""(size, mtime_ns, inode, BLAKE2b-128 digest of the bytes) of one file."""


def desactive() -> bool:
    return os.environ.get("CLSM_SANS_CACHE", "") not in ("", "0")


def cle_de(brut: bytes, signature: tuple[int, int, int] | None) -> Cle:
    mtime, taille, inode = signature or (0, len(brut), 0)
    return (taille, mtime, inode, hashlib.blake2b(brut, digest_size=16).digest())


@dataclass
class Entree:
    """What validating one file gave."""

    cle: Cle
    vue: Any
    """Light record of the file's model, None when the file is invalid."""
    problemes: list[Probleme]
    invalide: bool = False
    """The file was parsed but did not validate (as ``ProjetLu.invalides`` says)."""


@dataclass
class _Partie:
    """The ordinary files' part of the cache, or the cellule's: two files in one folder,
    ``donnees`` (what validating each file gave) and ``verification`` (the last whole
    verification, small), so that verifying again never rewrites the data."""

    dossier: Path
    fichiers: dict[str, Entree] = field(default_factory=dict)
    verification: tuple[bytes, list[Probleme]] | None = None
    vides: dict[str, Any] = field(default_factory=dict)
    gardes: dict[str, tuple[Cle, list[Probleme]]] = field(default_factory=dict)
    """What the personal-data guard found in a file, under the file's key."""
    memos: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    """Results that depend on something other than the data files (git's index…), by name:
    (key, value)."""
    modifiee: bool = False
    """``donnees`` is to be written."""
    verification_modifiee: bool = False
    """``verification`` (the verification, the guard's findings, the memos) is to be written."""

    @property
    def chemin(self) -> Path:
        return self.dossier / NOM


class Cache:
    """The cache of one folder. :meth:`ouvrir` reads it; :meth:`enregistrer` writes it back."""

    def __init__(self, racine: Path, cle_hmac: bytes) -> None:
        self.racine = racine
        self._cle_hmac = cle_hmac
        self._parties = {
            False: _Partie(racine / DOSSIER_ORDINAIRE),
            True: _Partie(racine / DOSSIER_CELLULE),
        }
        self.version = _version_du_code()

    @classmethod
    def ouvrir(cls, racine: Path) -> Cache | None:
        """The folder's cache, or None when it is turned off or cannot be used here."""
        if desactive():
            return None
        cle = cle_utilisateur()
        if cle is None:
            return None
        cache = cls(racine, cle)
        for partie in cache._parties.values():
            cache._lire(partie)
        return cache

    # --- files -------------------------------------------------------------------------------

    def entree(self, chemin: str, cle: Cle) -> Entree | None:
        """The cached validation of ``chemin`` if its content is still the same, else None."""
        entree = self._partie(chemin).fichiers.get(chemin)
        return entree if entree is not None and entree.cle == cle else None

    def noter(self, chemin: str, entree: Entree) -> None:
        partie = self._partie(chemin)
        partie.fichiers[chemin] = entree
        partie.modifiee = True

    def garde(self, chemin: str, cle: Cle) -> list[Probleme] | None:
        """What the guard found in ``chemin`` when it had this content, or None."""
        deja = self._partie(chemin).gardes.get(chemin)
        return deja[1] if deja is not None and deja[0] == cle else None

    def noter_garde(self, chemin: str, cle: Cle, problemes: list[Probleme]) -> None:
        partie = self._partie(chemin)
        partie.gardes[chemin] = (cle, problemes)
        partie.verification_modifiee = True

    def garder_seulement(self, chemins: set[str]) -> None:
        """Forget the files that are no longer in the folder."""
        for partie in self._parties.values():
            perimes = set(partie.fichiers) - chemins
            for chemin in perimes:
                del partie.fichiers[chemin]
            partie.modifiee = partie.modifiee or bool(perimes)
            for chemin in set(partie.gardes) - chemins:
                del partie.gardes[chemin]
                partie.verification_modifiee = True

    def vide(self, genre: str) -> Any:
        """Light record of an empty file of kind ``genre`` (a file that does not exist)."""
        return self._parties[False].vides.get(genre)

    def noter_vide(self, genre: str, vue: Any) -> None:
        self._parties[False].vides[genre] = vue
        self._parties[False].modifiee = True

    # --- whole verification ------------------------------------------------------------------

    def verification(self, cle: bytes) -> list[Probleme] | None:
        """The problems of the last verification made under ``cle``, or None."""
        morceaux = [p.verification for p in self._parties.values()]
        if any(m is None or m[0] != cle for m in morceaux):
            return None
        return [probleme for m in morceaux if m is not None for probleme in m[1]]

    def noter_verification(self, cle: bytes, problemes: list[Probleme]) -> None:
        for dans_cellule, partie in self._parties.items():
            partie.verification = (
                cle,
                [p for p in problemes if D.est_dans_cellule(p.fichier) == dans_cellule],
            )
            partie.verification_modifiee = True

    def memo(self, nom: str, cle: Any) -> Any:
        """What was noted as ``nom`` under ``cle`` (:meth:`noter_memo`), or None."""
        deja = self._parties[False].memos.get(nom)
        return deja[1] if deja is not None and deja[0] == cle else None

    def noter_memo(self, nom: str, cle: Any, valeur: Any) -> None:
        """Keep ``valeur`` as ``nom`` while ``cle`` holds (ordinary part: never cellule data)."""
        self._parties[False].memos[nom] = (cle, valeur)
        self._parties[False].verification_modifiee = True

    # --- disk --------------------------------------------------------------------------------

    def enregistrer(self) -> None:
        """Write back what changed (atomically; a failure only costs speed)."""
        for dans_cellule, partie in self._parties.items():
            if dans_cellule and not (self.racine / D.DOSSIER_CELLULE).is_dir():
                continue  # never create cellule/ just to cache it
            if partie.modifiee:
                donnees: dict[str, Any] = {"fichiers": partie.fichiers, "vides": partie.vides}
                if self._ecrire(partie, NOM, donnees, dans_cellule):
                    partie.modifiee = False
            if partie.verification_modifiee:
                donnees = {
                    "verification": partie.verification,
                    "gardes": partie.gardes,
                    "memos": partie.memos,
                }
                if self._ecrire(partie, NOM_VERIFICATION, donnees, dans_cellule):
                    partie.verification_modifiee = False

    def _ecrire(
        self, partie: _Partie, nom: str, donnees: dict[str, Any], dans_cellule: bool
    ) -> bool:
        from clsm_cli.stockage.atomique import ecrire_atomique

        contenu = pickle.dumps(
            {"format": FORMAT, "version": self.version, **donnees},
            protocol=pickle.HIGHEST_PROTOCOL,
        )
        signe = ENTETE + hmac.new(self._cle_hmac, contenu, hashlib.sha256).digest() + contenu
        try:
            # cellule/.cache is made private itself; cellule/'s own mode is never touched
            partie.dossier.mkdir(mode=0o700, parents=not dans_cellule, exist_ok=True)
            if dans_cellule and systeme.posix():
                os.chmod(partie.dossier, 0o700)
            ignorer = partie.dossier / ".gitignore"
            if not ignorer.exists():  # never committed, whatever the folder's .gitignore
                ecrire_atomique(ignorer, "# cache de clsm : jamais versionné\n*\n")
            ecrire_atomique(partie.dossier / nom, signe, 0o600 if dans_cellule else None)
        except OSError:
            return False
        return True

    def _lire(self, partie: _Partie) -> None:
        donnees = self._charger(partie.dossier / NOM)
        if donnees is None:
            partie.modifiee = True  # absent, foreign, corrupt, truncated or stale: rebuilt
            return
        try:
            partie.fichiers, partie.vides = donnees["fichiers"], donnees["vides"]
        except KeyError:
            partie.modifiee = True
            return
        controles = self._charger(partie.dossier / NOM_VERIFICATION)
        try:
            if controles is not None:
                partie.verification = controles["verification"]
                partie.gardes, partie.memos = controles["gardes"], controles["memos"]
        except KeyError:
            partie.verification_modifiee = True

    def _charger(self, chemin: Path) -> dict[str, Any] | None:
        """The content of one cache file if it is signed with the user's key and written by
        this very code, else None."""
        try:
            brut = chemin.read_bytes()
        except OSError:
            return None
        taille_signature = len(ENTETE) + hashlib.sha256().digest_size
        signature, contenu = brut[len(ENTETE) : taille_signature], brut[taille_signature:]
        attendue = hmac.new(self._cle_hmac, contenu, hashlib.sha256).digest()
        if not brut.startswith(ENTETE) or not hmac.compare_digest(signature, attendue):
            return None
        try:
            donnees = pickle.loads(contenu)
            if donnees["format"] != FORMAT or donnees["version"] != self.version:
                return None
        except Exception:  # a signed cache of another clsm
            return None
        return donnees if isinstance(donnees, dict) else None

    def _partie(self, chemin: str) -> _Partie:
        return self._parties[D.est_dans_cellule(chemin)]


def _version_du_code() -> str:
    """clsm's version and format, and a fingerprint of the models' source files: a cache made
    by other models (another install, or code edited in a checkout) is never trusted."""
    import clsm_cli.modeles as modeles

    empreinte = hashlib.blake2b(digest_size=8)
    for fichier in sorted(Path(modeles.__file__).parent.glob("*.py")):
        try:
            etat = fichier.stat()
        except OSError:
            continue
        empreinte.update(f"{fichier.name}:{etat.st_size}:{etat.st_mtime_ns};".encode())
    leger = Path(__file__).with_name("leger.py")
    empreinte.update(str(leger.stat().st_mtime_ns if leger.exists() else 0).encode())
    return f"{VERSION_CLSM}/{VERSION_SCHEMA}/{sys.version_info[:2]}/{empreinte.hexdigest()}"


def dossier_utilisateur() -> Path | None:
    """Where clsm keeps the user's own files (the cache key): XDG, LOCALAPPDATA or ~/.cache."""
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "clsm"
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "clsm"
    try:
        return Path.home() / ".cache" / "clsm"
    except RuntimeError:  # no home directory
        return None


def cle_utilisateur() -> bytes | None:
    """The user's secret key that signs cache files (created once, 0600), or None."""
    dossier = dossier_utilisateur()
    if dossier is None:
        return None
    fichier = dossier / "cle"
    try:
        cle = fichier.read_bytes()
        if len(cle) == 32:
            return cle
    except OSError:
        pass
    try:
        import secrets

        from clsm_cli.stockage.atomique import ecrire_atomique

        dossier.mkdir(parents=True, exist_ok=True)
        cle = secrets.token_bytes(32)
        ecrire_atomique(fichier, cle, 0o600)
        return cle
    except OSError:
        return None
