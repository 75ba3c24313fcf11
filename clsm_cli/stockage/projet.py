"""A clsm folder as read from disk: every file parsed and validated once, with lookups.

:class:`ProjetLu` knows files and models, not the domain: the full verification and the figures
live above, in :class:`clsm_cli.noyau.projet.Projet`, which is what users open.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

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
from clsm_cli.modeles.erreurs import ErreurChargement, ErreurClsm, Introuvable
from clsm_cli.modeles.problemes import Probleme, trier
from clsm_cli.stockage import dossier as D
from clsm_cli.stockage.lecture import (
    FichierLu,
    Prelecture,
    lire_fichier,
    lire_fichiers,
    signature,
    valider,
)

if TYPE_CHECKING:
    from pydantic import BaseModel


MODELES: dict[str, type[BaseModel]] = {
    "clsm": FichierClsm,
    "membres": FichierMembres,
    "groupes": FichierGroupes,
    "diagnostic": FichierDiagnostic,
    "plan": FichierPlan,
    "reunion": Reunion,
    "sism": Sism,
    "situations": FichierSituations,
    "seance": SeanceCellule,
    "archives": FichierArchives,
}


class ProjetLu:
    """A clsm folder as read. Open it with :meth:`ouvrir`; every command asks it questions."""

    def __init__(self, racine: Path) -> None:
        self.racine = racine
        self.fichiers: dict[str, FichierLu] = {}
        self.identite: FichierClsm | None = None
        self.fichier_membres = FichierMembres()
        self.fichier_groupes = FichierGroupes()
        self.fichier_diagnostic = FichierDiagnostic()
        self.plan = FichierPlan()
        self.fichier_situations = FichierSituations()
        self.reunions: dict[str, Reunion] = {}
        self.sism: dict[str, Sism] = {}
        self.seances: dict[str, SeanceCellule] = {}
        self.archives = FichierArchives()
        self.autres: dict[str, Any] = {}
        self.invalides: set[str] = set()
        self.modeles: dict[str, Any] = {}
        """Validated model of each valid file, by relative path."""

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
        prelecture: Prelecture | None = None,
    ) -> Self:
        """Load every file of the folder.

        ``tolerant``: keep going on invalid files (for ``verifier``); otherwise raise
        :class:`ErreurChargement` listing every problem. ``textes`` replaces (or, with None,
        removes) files by relative path: used to validate an edit before writing it.
        ``base``: a project loaded earlier from the same folder; a file whose (mtime, size,
        inode) has not changed since then is taken from it (read, parsed and validated
        objects are shared, not copied) instead of being read again. ``prelecture``: a reading
        of this folder started by :func:`lecture.commencer_lecture` (see ``Contexte.projet``).
        """
        racine = D.trouver_racine(chemin, chercher_parents=chercher_parents)
        projet = cls(racine)
        chemins = D.lister_fichiers(racine)
        if textes:
            chemins = sorted(
                (set(chemins) | {c for c, t in textes.items() if t is not None})
                - {c for c, t in textes.items() if t is None},
                key=_ordre_fichiers,
            )
        # a plain load of a big folder reads its files on two processors (lire_fichiers)
        deja_lus = {}
        if textes is None and base is None:
            deja_lus = lire_fichiers(racine, chemins, prelecture)
        elif prelecture is not None:
            prelecture.abandonner()
        for chemin in chemins:
            texte = None if textes is None else textes.get(chemin)
            if texte is None and base is not None and base._reprendre(projet, chemin):
                continue
            projet._charger(chemin, texte, deja_lus.get(chemin))
        if not tolerant and any(p.est_erreur for p in projet.problemes):
            raise ErreurChargement(projet.problemes)
        return projet

    def _charger(self, chemin: str, texte: str | None, lu: FichierLu | None = None) -> None:
        genre = D.type_de_fichier(chemin)
        if lu is None:
            lu = lire_fichier(self.racine, chemin, texte)
        self.fichiers[chemin] = lu
        if genre is None or genre not in MODELES:
            return
        modele = valider(lu, MODELES[genre], montrer_valeurs=not D.est_dans_cellule(chemin))
        if modele is None:
            self.invalides.add(chemin)
            return
        self._ranger(chemin, genre, modele, lu)

    def _reprendre(self, autre: ProjetLu, chemin: str) -> bool:
        """Give ``autre`` this project's reading of ``chemin`` if the file is unchanged."""
        lu = self.fichiers.get(chemin)
        if lu is None or lu.signature is None or signature(self.racine / chemin) != lu.signature:
            return False
        autre.fichiers[chemin] = lu
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
        elif genre == "membres":
            self.fichier_membres = modele
        elif genre == "groupes":
            self.fichier_groupes = modele
        elif genre == "diagnostic":
            self.fichier_diagnostic = modele
        elif genre == "plan":
            self.plan = modele
        elif genre == "situations":
            self.fichier_situations = modele
        elif genre == "reunion":
            self.reunions[chemin] = modele
        elif genre == "sism":
            self.sism[chemin] = modele
        elif genre == "seance":
            self.seances[chemin] = modele
        elif genre == "archives":
            self.archives = modele
            self.autres[chemin] = lu.donnees

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
