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
    from clsm_cli.modeles import Membre
    from clsm_cli.noyau.projet import Projet

FORMATS_BILAN = ("docx", "xlsx")


@dataclass
class Produit:
    """What a command reports: the files written, and for the convention what is missing."""

    fichiers: list[Path]
    a_completer: list[str] = field(default_factory=list)
    nombre: int = 0
    avertissements: list[str] = field(default_factory=list)


def ajouter_pdf(produit: Produit, source: Path, *, sommaire: bool = False) -> Produit:
    """Convert ``source`` (already written) to PDF beside it with LibreOffice; the PDF joins
    the files written. Raises :class:`~clsm_cli.documents.pdf.LibreOfficeAbsent` (the
    document itself stays written) when LibreOffice is not installed."""
    from clsm_cli.documents.pdf import convertir_pdf

    conversion = convertir_pdf(source)
    produit.fichiers.append(conversion.pdf)
    if sommaire and not conversion.sommaire_a_jour:
        produit.avertissements.append(
            "Le sommaire du PDF n'a pas pu être mis à jour (module Python « uno » de "
            "LibreOffice introuvable) : il n'a pas de numéros de page. Installez python3-uno, "
            "ou ouvrez le .docx dans LibreOffice ou Word pour l'exporter."
        )
    return produit


def ecrire_bilan(
    projet: Projet,
    annee: int,
    formats: Sequence[str] = FORMATS_BILAN,
    sortie: Path | None = None,
    pdf: bool = False,
) -> Produit:
    """The bilan's .docx and/or .xlsx; ``pdf``: the .docx (else the .xlsx) in PDF too."""
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
    produit = Produit([ecrire(c, contenus[f]) for c, f in zip(chemins, formats, strict=True)])
    if pdf:
        source = chemins[list(formats).index("docx")] if "docx" in formats else chemins[0]
        ajouter_pdf(produit, source, sommaire=source.suffix == ".docx")
    return produit


def ecrire_convention(
    projet: Projet,
    debut: dt.date | None = None,
    fin: dt.date | None = None,
    sortie: Path | None = None,
    pdf: bool = False,
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
    produit = Produit([chemin], convention.a_completer)
    return ajouter_pdf(produit, chemin) if pdf else produit


def ecrire_compte_rendu(
    projet: Projet, designation: str, sortie: Path | None = None, pdf: bool = False
) -> Produit:
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
    return ajouter_pdf(Produit([chemin]), chemin) if pdf else Produit([chemin])


def ecrire_programme(
    projet: Projet,
    annee: int,
    xlsx: bool = False,
    sortie: Path | None = None,
    formats: Sequence[str] | None = None,
    pdf: bool = False,
) -> Produit:
    """The programme in ``formats`` (docx, xlsx; default docx, plus xlsx with ``xlsx``)."""
    from clsm_cli.documents.programme import programme_docx, programme_xlsx, sism_de

    sism_de(projet, annee)  # a clear message before anything is written
    formats = list(formats or (["docx", "xlsx"] if xlsx else ["docx"]))
    chemins = chemins_sortie(projet, f"sism-programme-{annee}", [f".{f}" for f in formats], sortie)
    rendus = {"docx": programme_docx, "xlsx": programme_xlsx}
    contenus = [rendus[f](projet, annee) for f in formats]
    produit = Produit([ecrire(c, x) for c, x in zip(chemins, contenus, strict=True)])
    return ajouter_pdf(produit, chemins[0]) if pdf else produit


def ecrire_agenda(
    projet: Projet, depuis: dt.date | None = None, sortie: Path | None = None
) -> Produit:
    from clsm_cli.documents.agenda import agenda_ics, entrees_agenda

    (chemin,) = chemins_sortie(projet, "agenda", [".ics"], sortie)
    ecrire(chemin, agenda_ics(projet, depuis))
    return Produit([chemin], nombre=len(entrees_agenda(projet, depuis)))


@dataclass
class ProduitConvocation(Produit):
    """A convocation: its files, the convened members without a usable address, and whether
    the .eml has a sender (the coordination's address)."""

    sans_courriel: list[str] = field(default_factory=list)
    expediteur: bool = True


def ics_reunion(projet: Projet, chemin_reunion: str) -> bytes:
    """The .ics of one meeting (its stored or derived UID: the agenda's entry, updated)."""
    from clsm_cli.documents.agenda import calendrier_ics, entrees_agenda
    from clsm_cli.noyau.uid import uids_reunions

    uid = uids_reunions(projet)[chemin_reunion]
    entrees = [e for e in entrees_agenda(projet) if e.uid == uid]
    return calendrier_ics(
        projet, entrees, f"{projet.nom} — {entrees[0].titre.removeprefix('CLSM — ')}"
    )


def ecrire_convocation(
    projet: Projet,
    designation: str,
    en: str = "docx",
    sortie: Path | None = None,
    courriel: bool = False,
) -> ProduitConvocation:
    """The convocation letter (.docx or .md) and, with ``courriel``, an .eml beside it."""
    from clsm_cli.documents.convocation import (
        convocation_docx,
        convocation_eml,
        convocation_markdown,
        nom_fichier,
        preparer_convocation,
    )
    from clsm_cli.noyau.reunions import trouver_reunion

    chemin_reunion, reunion = trouver_reunion(projet, designation)
    c = preparer_convocation(projet, chemin_reunion, reunion)
    suffixes = [f".{en}", ".eml"] if courriel else [f".{en}"]
    chemins = chemins_sortie(projet, nom_fichier(c), suffixes, sortie)
    lettre = (
        convocation_docx(c, projet) if en == "docx" else convocation_markdown(c).encode("utf-8")
    )
    fichiers = [ecrire(chemins[0], lettre)]
    if courriel:
        jointe = lettre if en == "docx" else None
        eml = convocation_eml(c, ics_reunion(projet, chemin_reunion), jointe)
        fichiers.append(ecrire(chemins[1], eml))
    from clsm_cli.noyau.membres import adresse_valide

    return ProduitConvocation(
        fichiers,
        nombre=len(c.convoques),
        sans_courriel=c.sans_courriel,
        expediteur=adresse_valide(c.coordination_courriel) is not None,
    )


def ecrire_emargement(projet: Projet, designation: str, sortie: Path | None = None) -> Produit:
    from clsm_cli.documents.convocation import preparer_convocation
    from clsm_cli.documents.emargement import emargement_docx, nom_fichier
    from clsm_cli.noyau.reunions import trouver_reunion

    chemin_reunion, reunion = trouver_reunion(projet, designation)
    c = preparer_convocation(projet, chemin_reunion, reunion)
    (chemin,) = chemins_sortie(projet, nom_fichier(c), [".docx"], sortie)
    ecrire(chemin, emargement_docx(c, projet))
    return Produit([chemin], nombre=len(c.convoques))


def ecrire_annuaire(
    projet: Projet,
    membres: Sequence[Membre],
    formats: Sequence[str] = ("xlsx", "csv", "vcf"),
    sortie: Path | None = None,
) -> Produit:
    """The directory of these members in each format (exports/annuaire.<format>)."""
    from clsm_cli.documents.annuaire import annuaire_csv, annuaire_vcf, annuaire_xlsx, contacts

    liste = contacts(membres)
    formats = list(dict.fromkeys(formats))
    chemins = chemins_sortie(projet, "annuaire", [f".{f}" for f in formats], sortie)
    contenus = {
        "xlsx": lambda: annuaire_xlsx(liste, f"Annuaire — {projet.nom}"),
        "csv": lambda: annuaire_csv(liste),
        "vcf": lambda: annuaire_vcf(liste),
    }
    return Produit(
        [ecrire(c, contenus[f]()) for c, f in zip(chemins, formats, strict=True)],
        nombre=len(liste),
    )
