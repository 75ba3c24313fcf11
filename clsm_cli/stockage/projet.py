"""A clsm folder as read from disk: every file parsed and validated once, with lookups.

:class:`ProjetLu` knows files and models, not the domain: the full verification and the figures
live above, in :class:`clsm_cli.noyau.projet.Projet`, which is what users open.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
from collections.abc import Iterator, Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from clsm_cli.modeles.erreurs import ErreurChargement, ErreurClsm, Introuvable
from clsm_cli.modeles.problemes import Probleme, trier
from clsm_cli.stockage import dossier as D
from clsm_cli.stockage.lecture import (
    _A_LIRE,
    FichierLu,
    analyser,
    decoder,
    lire_fichier,
    lire_octets,
    signature,
    valider,
)

if TYPE_CHECKING:
    from pydantic import BaseModel

    from clsm_cli.modeles import (
        Action,
        FichierClsm,
        FichierGroupes,
        FichierMembres,
        FichierPlan,
        FichierSituations,
        Groupe,
        Membre,
        Reunion,
        SeanceCellule,
        Sism,
        Situation,
    )
    from clsm_cli.modeles.archives import FichierArchives
    from clsm_cli.modeles.diagnostic import Diagnostic, FichierDiagnostic
    from clsm_cli.stockage.cache import Cache, Cle


_OU_SONT_LES_MODELES = {
    "clsm": "identite:FichierClsm",
    "membres": "membres:FichierMembres",
    "groupes": "membres:FichierGroupes",
    "diagnostic": "diagnostic:FichierDiagnostic",
    "plan": "plan:FichierPlan",
    "reunion": "reunion:Reunion",
    "sism": "sism:Sism",
    "situations": "cellule:FichierSituations",
    "seance": "cellule:SeanceCellule",
    "archives": "archives:FichierArchives",
}


class _Modeles(Mapping[str, "type[BaseModel]"]):
    """The model of each file kind, imported on first use: a command that validates only
    membres.toml (the others come from the cache) builds only the members' models."""

    def __init__(self) -> None:
        self._charges: dict[str, type[BaseModel]] = {}

    def __getitem__(self, genre: str) -> type[BaseModel]:
        if genre not in self._charges:
            import importlib

            module, _, nom = _OU_SONT_LES_MODELES[genre].partition(":")
            self._charges[genre] = getattr(
                importlib.import_module(f"clsm_cli.modeles.{module}"), nom
            )
        return self._charges[genre]

    def __iter__(self) -> Iterator[str]:
        return iter(_OU_SONT_LES_MODELES)

    def __len__(self) -> int:
        return len(_OU_SONT_LES_MODELES)


MODELES: Mapping[str, type[BaseModel]] = _Modeles()
"""``MODELES[genre]``: the model of a file kind (pydantic loads only when one is used)."""


def _modeles() -> Mapping[str, type[BaseModel]]:
    return MODELES


GENRES_UNIQUES = ("membres", "groupes", "diagnostic", "plan", "situations", "archives")
"""Kinds of the files a folder has at most once (an absent one reads as empty)."""


@contextlib.contextmanager
def _sans_ramasse_miettes() -> Iterator[None]:
    """Reading a folder creates a great many objects and no reference cycle: the cyclic
    garbage collector, run every 700 allocations, would only walk them again and again (a
    tenth of a big folder's first read). Reference counting still frees everything."""
    actif = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if actif:
            gc.enable()


def etat_git(racine: Path) -> tuple[str | None, str | None, tuple[int, int, int] | None]:
    """Where git is installed, the repository holding ``racine`` (None outside one) and the
    (mtime, size, inode) of its index (None when it has none, or ``.git`` is a file): what
    ``git ls-files`` answers depends on nothing else."""
    import shutil

    git = shutil.which("git")
    for dossier in [racine, *racine.parents]:
        if (dossier / ".git").exists():
            return git, str(dossier), signature(dossier / ".git" / "index")
    return git, None, None


class ProjetLu:
    """A clsm folder as read. Open it with :meth:`ouvrir`; every command asks it questions."""

    def __init__(self, racine: Path, cache: Cache | None = None) -> None:
        self.racine = racine
        self.cache = cache
        self.fichiers: dict[str, FichierLu] = {}
        self.identite: FichierClsm | None = None
        self._uniques: dict[str, Any] = {}
        self.reunions: dict[str, Reunion] = {}
        self.sism: dict[str, Sism] = {}
        self.seances: dict[str, SeanceCellule] = {}
        self.autres: dict[str, Any] = {}
        self.invalides: set[str] = set()
        self.modeles: dict[str, Any] = {}
        """Validated model of each valid file, by relative path."""
        self.cles: dict[str, Cle] = {}
        """Cache key (size, mtime, inode, hash) of each file read with the cache."""

    # --- loading ---------------------------------------------------------------------------

    @classmethod
    def ouvrir(
        cls,
        chemin: Path | str = ".",
        *,
        tolerant: bool = False,
        textes: Mapping[str, str | None] | None = None,
        chercher_parents: bool = False,
        base: ProjetLu | None = None,
        cache: bool = False,
    ) -> Self:
        """Load every file of the folder.

        ``tolerant``: keep going on invalid files (for ``verifier``); otherwise raise
        :class:`ErreurChargement` listing every problem. ``textes`` replaces (or, with None,
        removes) files by relative path: used to validate an edit before writing it.
        ``base``: a project loaded earlier from the same folder; a file whose (mtime, size,
        inode) has not changed since then is taken from it (read, parsed and validated
        objects are shared, not copied) instead of being read again. ``cache``: use the
        folder's cache of validated data (:mod:`clsm_cli.stockage.cache`): a file whose
        content is unchanged since it was last validated is not validated again, and its
        models are light records (see :mod:`clsm_cli.stockage.leger`).
        """
        with _sans_ramasse_miettes():
            return cls._ouvrir(chemin, tolerant, textes, chercher_parents, base, cache)

    @classmethod
    def _ouvrir(
        cls,
        chemin: Path | str,
        tolerant: bool,
        textes: Mapping[str, str | None] | None,
        chercher_parents: bool,
        base: ProjetLu | None,
        cache: bool,
    ) -> Self:
        racine = D.trouver_racine(chemin, chercher_parents=chercher_parents)
        if base is not None and base.cache is not None:
            memoire: Cache | None = base.cache
        elif cache:
            from clsm_cli.stockage.cache import Cache

            memoire = Cache.ouvrir(racine)
        else:
            memoire = None
        projet = cls(racine, memoire)
        chemins = D.lister_fichiers(racine)
        if textes:
            chemins = sorted(
                (set(chemins) | {c for c, t in textes.items() if t is not None})
                - {c for c, t in textes.items() if t is None},
                key=_ordre_fichiers,
            )
        for chemin, quoi in D.fichiers_anormaux(racine).items():
            if textes is None or chemin not in textes:
                projet.invalides.add(chemin)  # its data is unknown, not empty
                projet.fichiers[chemin] = FichierLu(
                    chemin,
                    problemes=[
                        Probleme(
                            chemin,
                            None,
                            "",
                            f"c'est {quoi} et non un fichier : clsm ne peut pas le lire ; "
                            "remplacez-le par le fichier de données attendu",
                            "E005",
                        )
                    ],
                )
        for chemin in chemins:
            texte = None if textes is None else textes.get(chemin)
            if texte is None and base is not None and base._reprendre(projet, chemin):
                continue
            projet._charger(chemin, texte)
        if memoire is not None and textes is None and base is None:
            memoire.garder_seulement(set(chemins))
            for genre in GENRES_UNIQUES:  # absent files read as empty models: cache those too
                if genre not in projet._uniques and memoire.vide(genre) is None:
                    projet._unique(genre)
            memoire.enregistrer()
        if not tolerant and any(p.est_erreur for p in projet.problemes):
            raise ErreurChargement(projet.problemes)
        return projet

    def _charger(self, chemin: str, texte: str | None) -> None:
        genre = D.type_de_fichier(chemin)
        if self.cache is not None and texte is None and genre is not None:
            self._charger_avec_cache(chemin, genre)
            return
        lu = lire_fichier(self.racine, chemin, texte)
        self.fichiers[chemin] = lu
        if genre is None:
            return
        self._valider(chemin, genre, lu)

    def _valider(self, chemin: str, genre: str, lu: FichierLu) -> Any:
        modeles = _modeles()
        if genre not in modeles:
            return None
        modele = valider(lu, modeles[genre], montrer_valeurs=not D.est_dans_cellule(chemin))
        if modele is None:
            self.invalides.add(chemin)
            return None
        self._ranger(chemin, genre, modele, lu)
        return modele

    def _charger_avec_cache(self, chemin: str, genre: str) -> None:
        """Read ``chemin``; validate it only if the cache does not know its content."""
        from clsm_cli.stockage.cache import Entree, cle_de
        from clsm_cli.stockage.leger import vue_de

        assert self.cache is not None
        brut, lu = lire_octets(self.racine, chemin)
        self.fichiers[chemin] = lu
        if brut is None:  # unreadable: nothing to cache, as without a cache
            self._valider(chemin, genre, lu)
            return
        cle = self.cles[chemin] = cle_de(brut, lu.signature)
        entree = self.cache.entree(chemin, cle)
        if entree is not None:
            lu.texte = brut.decode("utf-8", errors="replace").removeprefix("\ufeff")
            lu.donnees = _A_LIRE
            lu.problemes = list(entree.problemes)
            if entree.invalide:
                self.invalides.add(chemin)
            elif entree.vue is not None:
                self._ranger(chemin, genre, entree.vue, lu)
            return
        texte = decoder(lu, brut)
        if texte is not None:
            analyser(lu, texte)
        modele = self._valider(chemin, genre, lu)
        vue = None if modele is None else vue_de(modele)
        invalide = chemin in self.invalides
        self.cache.noter(chemin, Entree(cle, vue, list(lu.problemes), invalide))

    def _reprendre(self, autre: ProjetLu, chemin: str) -> bool:
        """Give ``autre`` this project's reading of ``chemin`` if the file is unchanged."""
        lu = self.fichiers.get(chemin)
        if lu is None or lu.signature is None or signature(self.racine / chemin) != lu.signature:
            return False
        autre.fichiers[chemin] = lu
        if chemin in self.cles:
            autre.cles[chemin] = self.cles[chemin]
        genre = D.type_de_fichier(chemin)
        if chemin in self.invalides:
            autre.invalides.add(chemin)
        elif chemin in self.modeles and genre is not None:
            autre._ranger(chemin, genre, self.modeles[chemin], lu)
        return True

    def _ranger(self, chemin: str, genre: str, modele: Any, lu: FichierLu) -> None:
        self.modeles[chemin] = modele
        if genre == "clsm":
            self.identite = modele
        elif genre in GENRES_UNIQUES:
            self._uniques[genre] = modele
            if genre == "archives":
                self.autres[chemin] = lu.donnees
        elif genre == "reunion":
            self.reunions[chemin] = modele
        elif genre == "sism":
            self.sism[chemin] = modele
        elif genre == "seance":
            self.seances[chemin] = modele

    def _unique(self, genre: str) -> Any:
        """The model of the folder's one file of kind ``genre``, empty when there is none."""
        modele = self._uniques.get(genre)
        if modele is None:
            vide = self.cache.vide(genre) if self.cache is not None else None
            if vide is None:
                vide = _modeles()[genre]()
                if self.cache is not None:
                    from clsm_cli.stockage.leger import vue_de

                    self.cache.noter_vide(genre, vue_de(vide))
            modele = self._uniques[genre] = vide
        return modele

    def empreinte(self) -> bytes | None:
        """What a verification of this folder depends on, hashed: every file's content, the
        day, the permissions of cellule/ and git's index (None without a cache, or when a
        file was given in memory)."""
        if self.cache is None or set(self.cles) != set(self.fichiers):
            return None
        import hashlib

        morceaux = [
            repr(sorted(self.cles.items())),
            repr(D.fichiers_inattendus(self.racine)),
            aujourdhui().isoformat(),
            os.name,
        ]
        cellule = self.racine / D.DOSSIER_CELLULE
        for chemin in [cellule, *(self.racine / c for c in self.fichiers if D.est_dans_cellule(c))]:
            try:
                morceaux.append(f"{chemin.name}:{chemin.stat().st_mode}")
            except OSError:
                morceaux.append(f"{chemin.name}:-")
        morceaux.append(repr(etat_git(self.racine)))  # W311 needs git and reads its index
        return hashlib.blake2b("\n".join(morceaux).encode(), digest_size=16).digest()

    @property
    def fichier_membres(self) -> FichierMembres:
        return self._unique("membres")  # type: ignore[no-any-return]

    @fichier_membres.setter
    def fichier_membres(self, modele: FichierMembres) -> None:
        self._uniques["membres"] = modele

    @property
    def fichier_groupes(self) -> FichierGroupes:
        return self._unique("groupes")  # type: ignore[no-any-return]

    @fichier_groupes.setter
    def fichier_groupes(self, modele: FichierGroupes) -> None:
        self._uniques["groupes"] = modele

    @property
    def fichier_diagnostic(self) -> FichierDiagnostic:
        return self._unique("diagnostic")  # type: ignore[no-any-return]

    @fichier_diagnostic.setter
    def fichier_diagnostic(self, modele: FichierDiagnostic) -> None:
        self._uniques["diagnostic"] = modele

    @property
    def plan(self) -> FichierPlan:
        return self._unique("plan")  # type: ignore[no-any-return]

    @plan.setter
    def plan(self, modele: FichierPlan) -> None:
        self._uniques["plan"] = modele

    @property
    def fichier_situations(self) -> FichierSituations:
        return self._unique("situations")  # type: ignore[no-any-return]

    @fichier_situations.setter
    def fichier_situations(self, modele: FichierSituations) -> None:
        self._uniques["situations"] = modele

    @property
    def archives(self) -> FichierArchives:
        return self._unique("archives")  # type: ignore[no-any-return]

    @archives.setter
    def archives(self, modele: FichierArchives) -> None:
        self._uniques["archives"] = modele

    @property
    def problemes(self) -> list[Probleme]:
        """Problems found while loading (syntax, encoding, schema), in a stable order."""
        return trier([p for f in self.fichiers.values() for p in f.problemes])

    def recharger(self) -> Self:
        return type(self).ouvrir(self.racine)

    def controler(self) -> list[Probleme]:
        """Every problem of the folder. Here only the reading's; :class:`Projet` checks all."""
        return self.problemes

    # --- collections and lookups ----------------------------------------------------------

    @property
    def nom(self) -> str:
        return self.identite.nom if self.identite else self.racine.name

    @property
    def membres(self) -> list[Membre]:
        return self.fichier_membres.membre

    @property
    def groupes(self) -> list[Groupe]:
        return self.fichier_groupes.groupe

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.fichier_diagnostic.diagnostic

    @property
    def actions(self) -> list[Action]:
        return self.plan.action

    @property
    def situations(self) -> list[Situation]:
        return self.fichier_situations.situation

    @cached_property
    def membres_par_id(self) -> dict[str, Membre]:
        return {m.id: m for m in self.membres}

    @cached_property
    def groupes_par_id(self) -> dict[str, Groupe]:
        return {g.id: g for g in self.groupes}

    @cached_property
    def actions_par_id(self) -> dict[str, Action]:
        return {a.id: a for a in self.actions}

    @cached_property
    def situations_par_code(self) -> dict[str, Situation]:
        return {s.code: s for s in self.situations}

    def membre(self, ident: str) -> Membre:
        try:
            return self.membres_par_id[ident]
        except KeyError:
            raise Introuvable(f"Aucun membre d'identifiant « {ident} ».") from None

    def groupe(self, ident: str) -> Groupe:
        try:
            return self.groupes_par_id[ident]
        except KeyError:
            raise Introuvable(f"Aucun groupe d'identifiant « {ident} ».") from None

    def action(self, ident: str) -> Action:
        try:
            return self.actions_par_id[ident]
        except KeyError:
            raise Introuvable(f"Aucune action d'identifiant « {ident} » dans plan.toml.") from None

    def situation(self, code: str) -> Situation:
        try:
            return self.situations_par_code[code]
        except KeyError:
            raise Introuvable(f"Aucune situation de code « {code} ».") from None

    def reunions_triees(self) -> list[tuple[str, Reunion]]:
        return sorted(self.reunions.items(), key=lambda kv: (kv[1].date, kv[0]))

    def sism_annee(self, annee: int) -> Sism | None:
        for s in self.sism.values():
            if s.annee == annee:
                return s
        return None

    def seances_triees(self) -> list[tuple[str, SeanceCellule]]:
        return sorted(self.seances.items(), key=lambda kv: (kv[1].date, kv[0]))

    def noms_groupes(self) -> dict[str, str]:
        return {g.id: g.nom for g in self.groupes}

    def aujourdhui(self) -> dt.date:
        """Today, or the day set in CLSM_AUJOURDHUI (AAAA-MM-JJ: reproducible reports, tests)."""
        return aujourdhui()


def aujourdhui() -> dt.date:
    """Today, or the day set in the CLSM_AUJOURDHUI environment variable (AAAA-MM-JJ)."""
    fixe = os.environ.get("CLSM_AUJOURDHUI")
    if fixe:
        try:
            return dt.date.fromisoformat(fixe)
        except ValueError:
            raise ErreurClsm(
                f"CLSM_AUJOURDHUI = « {fixe} » n'est pas une date AAAA-MM-JJ."
            ) from None
    return dt.date.today()


def _ordre_fichiers(chemin: str) -> tuple[int, str]:
    if chemin in D.FICHIERS_FIXES:
        return (D.FICHIERS_FIXES.index(chemin), chemin)
    return (len(D.FICHIERS_FIXES), chemin)
