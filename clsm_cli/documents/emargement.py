"""The attendance sheet (feuille d'émargement) of a meeting: a printable .docx with the
meeting's header, one row per convened member (name, structure, collège, signature), sorted by
collège, the header row repeated on every page, and blank rows for people not expected."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
    _paragraphe_final_minuscule(doc)
    W.pied_de_page(doc, f"{c.clsm} — émargement du {F.d(c.date)}", premiere_page=True)
    return W.en_octets(doc)


def _paragraphe_final_minuscule(doc: Any) -> None:
    """The paragraph Word requires after a table, made 1 pt high: a full sheet must not push
    an empty last page."""
    from docx.shared import Pt

    from clsm_cli.documents import word as W

    dernier = doc.paragraphs[-1]
    dernier.paragraph_format.space_before = Pt(0)
    dernier.paragraph_format.space_after = Pt(0)
    dernier.paragraph_format.line_spacing = Pt(1)
    ppr = dernier._p.get_or_add_pPr()
    rpr = ppr.makeelement(W._qn("w:rPr"), {})
    rpr.append(rpr.makeelement(W._qn("w:sz"), {W._qn("w:val"): "2"}))
    ppr.append(rpr)
