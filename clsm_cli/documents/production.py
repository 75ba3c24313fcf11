"""Produce a document into its file(s): compute, render, write atomically. The commands call
these; scripts may too (``ecrire_bilan(Projet.ouvrir("demo"), 2025)``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from clsm_cli.documents.fichiers import chemins_sortie, ecrire

if TYPE_CHECKING:
    from clsm_cli.noyau.projet import Projet

FORMATS_BILAN = ("docx", "xlsx")


@dataclass
class Produit:
    """What a command reports: the files written, and for the convention what is missing."""

    fichiers: list[Path]
    a_completer: list[str] = field(default_factory=list)
    nombre: int = 0


def ecrire_bilan(
    projet: Projet,
    annee: int,
    formats: Sequence[str] = FORMATS_BILAN,
    sortie: Path | None = None,
) -> Produit:
    from clsm_cli.documents import graphiques
    from clsm_cli.noyau.bilan import calculer_bilan

    chemins = chemins_sortie(projet, f"bilan-{annee}", [f".{f}" for f in formats], sortie)
    contenus: dict[str, bytes] = {}
    if "docx" in formats:
        graphiques.prechauffer()
    try:
        bilan = calculer_bilan(projet, annee)
        document = None
        if "docx" in formats:
            from clsm_cli.documents.bilan_docx import construire_bilan_docx

            document = construire_bilan_docx(bilan, projet)  # charts drawn meanwhile
        if "xlsx" in formats:
            from clsm_cli.documents.bilan_xlsx import bilan_xlsx

            contenus["xlsx"] = bilan_xlsx(bilan)
        if document is not None:
            from clsm_cli.documents.bilan_docx import finaliser

            contenus["docx"] = finaliser(document)
    finally:
        graphiques.arreter()
    return Produit([ecrire(c, contenus[f]) for c, f in zip(chemins, formats, strict=True)])


def ecrire_convention(
    projet: Projet,
    debut: dt.date | None = None,
    fin: dt.date | None = None,
    sortie: Path | None = None,
) -> Produit:
    from clsm_cli.documents.convention import convention_docx, rediger_convention
    from clsm_cli.modeles.erreurs import ErreurSaisie

    if debut and fin and debut > fin:
        raise ErreurSaisie(
            f"--debut ({debut.isoformat()}) est postérieur à --fin ({fin.isoformat()})."
        )
    (chemin,) = chemins_sortie(projet, "convention", [".docx"], sortie)
    convention = rediger_convention(projet, debut, fin)
    ecrire(chemin, convention_docx(convention, projet))
    return Produit([chemin], convention.a_completer)


def ecrire_compte_rendu(projet: Projet, designation: str, sortie: Path | None = None) -> Produit:
    from clsm_cli.documents.compte_rendu import (
        compte_rendu_docx,
        nom_fichier,
        preparer_compte_rendu,
        trouver_reunion,
    )

    chemin_reunion, reunion = trouver_reunion(projet, designation)
    cr = preparer_compte_rendu(projet, chemin_reunion, reunion)
    (chemin,) = chemins_sortie(projet, nom_fichier(cr), [".docx"], sortie)
    ecrire(chemin, compte_rendu_docx(cr, projet))
    return Produit([chemin])


def ecrire_programme(
    projet: Projet,
    annee: int,
    xlsx: bool = False,
    sortie: Path | None = None,
    formats: Sequence[str] | None = None,
) -> Produit:
    """The programme in ``formats`` (docx, xlsx; default docx, plus xlsx with ``xlsx``)."""
    from clsm_cli.documents.programme import programme_docx, programme_xlsx, sism_de

    sism_de(projet, annee)  # a clear message before anything is written
    formats = list(formats or (["docx", "xlsx"] if xlsx else ["docx"]))
    chemins = chemins_sortie(projet, f"sism-programme-{annee}", [f".{f}" for f in formats], sortie)
    rendus = {"docx": programme_docx, "xlsx": programme_xlsx}
    contenus = [rendus[f](projet, annee) for f in formats]
    return Produit([ecrire(c, x) for c, x in zip(chemins, contenus, strict=True)])


def ecrire_agenda(
    projet: Projet, depuis: dt.date | None = None, sortie: Path | None = None
) -> Produit:
    from clsm_cli.documents.agenda import agenda_ics, entrees_agenda

    (chemin,) = chemins_sortie(projet, "agenda", [".ics"], sortie)
    ecrire(chemin, agenda_ics(projet, depuis))
    return Produit([chemin], nombre=len(entrees_agenda(projet, depuis)))
