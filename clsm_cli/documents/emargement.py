"""The attendance sheet (feuille d'émargement) of a meeting: a printable .docx with the
meeting's header, one row per convened member (name, structure, collège, signature), sorted by
collège, the header row repeated on every page, and blank rows for people not expected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clsm_cli.documents import formats as F
from clsm_cli.documents.convocation import Convocation, quand

if TYPE_CHECKING:
    from clsm_cli.noyau.projet import Projet

LIGNES_LIBRES = 6
"""Blank rows at the end, for guests and members not on the list."""
HAUTEUR_LIGNE_CM = 1.1


def nom_fichier(c: Convocation) -> str:
    return f"emargement-{c.date.isoformat()}-{c.instance.replace(':', '-')}"


def emargement_docx(c: Convocation, projet: Projet | None = None) -> bytes:
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Cm

    from clsm_cli.documents import word as W

    titre = f"Feuille d'émargement — {c.titre}"
    doc = W.nouveau_document(projet, titre=f"{titre} du {F.d(c.date)}")
    W.ajouter(doc, c.clsm, W.style_nomme(doc, "Subtitle"))
    W.ajouter(doc, titre, W.style_nomme(doc, "Title"))
    W.libelle_valeur(doc, "Réunion", f"{c.titre}, {quand(c)}")
    W.libelle_valeur(doc, "Lieu", c.lieu or "à préciser")
    W.libelle_valeur(doc, "Convoqués", F.pluriel(len(c.convoques), "membre"))
    W.paragraphe(doc)
    lignes = [(x.nom, x.structure, x.college, "") for x in c.convoques]
    lignes += [("", "", "", "")] * LIGNES_LIBRES
    table = W.tableau(
        doc,
        ["Nom", "Structure", "Collège", "Signature"],
        lignes,
        largeurs=[4.5, 5, 3.5, 4.5],
        garder=False,
    )
    for ligne in table.rows[1:]:
        ligne.height = Cm(HAUTEUR_LIGNE_CM)
        ligne.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    W.pied_de_page(doc, f"{c.clsm} — émargement du {F.d(c.date)}", premiere_page=True)
    return W.en_octets(doc)
