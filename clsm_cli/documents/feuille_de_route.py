"""The feuille de route: the diagnostic's priorities, then one page per axis of the plan with
its actions (pilote, échéance, statut), as .docx or Markdown. Figures from
:func:`clsm_cli.noyau.historique.feuille_de_route`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from clsm_cli.documents import formats as F

if TYPE_CHECKING:
    from clsm_cli.noyau.historique import AxeFeuille, FeuilleDeRoute
    from clsm_cli.noyau.projet import Projet

FORMATS = ("docx", "md")
ENTETES = ["Action", "Pilote", "Échéance", "Statut"]
SANS_ACTION = "Aucune action n'est encore rattachée à cet axe."


def _titre_axe(axe: AxeFeuille) -> str:
    return f"Axe {axe.numero} — {axe.intitule}"


def _introduction(f: FeuilleDeRoute) -> str:
    periode = (
        f"Plan d'action {F.periode(f.periode_debut, f.periode_fin)}."
        if f.periode_debut or f.periode_fin
        else "Période du plan d'action non renseignée."
    )
    return f"{periode} Document établi le {F.d(f.date_edition)}."


def _lignes(axe: AxeFeuille) -> list[list[str]]:
    return [
        [
            a.intitule,
            a.pilote or "à désigner",
            F.d(a.echeance) if a.echeance else "non fixée",
            a.statut,
        ]
        for a in axe.actions
    ]


def feuille_de_route_docx(f: FeuilleDeRoute, projet: Projet | None = None) -> bytes:
    from clsm_cli.documents import word as W

    doc = W.nouveau_document(projet, titre=f"Feuille de route — {f.clsm}")
    W.ajouter(doc, f"Feuille de route — {f.clsm}", W.style_nomme(doc, "Title"))
    W.paragraphe(doc, _introduction(f))
    W.titre(doc, "Priorités du diagnostic partagé", 1)
    if f.diagnostic is None:
        W.note(doc, "Aucun diagnostic partagé enregistré (clsm diagnostic ajouter).")
    else:
        W.paragraphe(doc, f"Diagnostic partagé {f.diagnostic}.")
        if f.priorites:
            W.puces(doc, f.priorites)
        else:
            W.note(doc, "Aucune priorité n'a été retenue à partir de ce diagnostic.")
    if f.priorites_sans_axe:
        W.paragraphe(
            doc,
            "À traiter : aucun axe ne répond encore à "
            + F.liste([f"« {p} »" for p in f.priorites_sans_axe])
            + ".",
            gras=True,
        )
    if not f.axes:
        W.note(doc, "Le plan d'action ne compte encore aucun axe (clsm plan axe ajouter).")
    for axe in f.axes:
        W.saut_de_page(doc)
        W.titre(doc, _titre_axe(axe), 1)
        if axe.priorites:
            W.paragraphe(doc, "Priorités auxquelles l'axe répond :")
            W.puces(doc, axe.priorites)
        else:
            W.note(doc, "Cet axe ne cite aucune priorité du diagnostic.")
        if axe.actions:
            W.tableau(doc, ENTETES, _lignes(axe), largeurs=[7, 4.4, 3, 2.2])
        else:
            W.note(doc, SANS_ACTION)
    W.pied_de_page(doc, f"{f.clsm} — Feuille de route")
    return W.en_octets(doc)


def _md(texte: str) -> str:
    """Text safe in Markdown: control characters removed, markup characters escaped."""
    from clsm_cli.noyau.textes import sans_controles

    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", sans_controles(texte)).replace("\n", " ")


def feuille_de_route_markdown(f: FeuilleDeRoute) -> str:
    lignes = [f"# Feuille de route — {_md(f.clsm)}", "", _introduction(f), ""]
    lignes += ["## Priorités du diagnostic partagé", ""]
    if f.diagnostic is None:
        lignes += ["_Aucun diagnostic partagé enregistré._", ""]
    else:
        lignes += [f"Diagnostic partagé {_md(f.diagnostic)}.", ""]
        lignes += [f"- {_md(p)}" for p in f.priorites] or ["_Aucune priorité retenue._"]
        lignes.append("")
    if f.priorites_sans_axe:
        sans = F.liste([f"« {_md(p)} »" for p in f.priorites_sans_axe])
        lignes += [f"**À traiter : aucun axe ne répond encore à {sans}.**", ""]
    for axe in f.axes:
        lignes += [f"## {_md(_titre_axe(axe))}", ""]
        if axe.priorites:
            lignes += ["Priorités auxquelles l'axe répond :", ""]
            lignes += [f"- {_md(p)}" for p in axe.priorites] + [""]
        else:
            lignes += ["_Cet axe ne cite aucune priorité du diagnostic._", ""]
        if axe.actions:
            lignes += ["| " + " | ".join(ENTETES) + " |", "|---|---|---|---|"]
            lignes += ["| " + " | ".join(_md(c) for c in ligne) + " |" for ligne in _lignes(axe)]
        else:
            lignes.append(f"_{SANS_ACTION}_")
        lignes.append("")
    return "\n".join(lignes).rstrip("\n") + "\n"


def ecrire_feuille_de_route(
    projet: Projet, format_: str = "docx", sortie: Path | None = None
) -> Path:
    """Write ``exports/feuille-de-route.docx`` (or ``.md``, or ``-o``); return its path."""
    from clsm_cli.documents.fichiers import chemins_sortie, ecrire
    from clsm_cli.noyau.historique import feuille_de_route

    f = feuille_de_route(projet)
    (chemin,) = chemins_sortie(projet, "feuille-de-route", [f".{format_}"], sortie)
    contenu = (
        feuille_de_route_docx(f, projet)
        if format_ == "docx"
        else feuille_de_route_markdown(f).encode("utf-8")
    )
    return ecrire(chemin, contenu)
