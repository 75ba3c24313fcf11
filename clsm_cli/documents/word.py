"""Shared python-docx helpers: base document (reference ``modeles/modele.docx`` honoured),
headings with Word's built-in styles (« Titre 1/2 » in a French Word), tables, fields (page
numbers, table of contents), images, and text made safe for XML.

python-docx is imported inside the functions: importing this module is free.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clsm_cli.noyau.textes import sans_controles

if TYPE_CHECKING:
    from docx.document import Document as DocumentWord
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from clsm_cli.noyau.projet import Projet

POLICE = "Arial"
"""Body font of documents made without a reference: metric-compatible with Liberation Sans,
so that Word and LibreOffice paginate alike."""
COULEUR_TITRES = (0x1F, 0x4E, 0x79)
COULEUR_ENTETE_TABLEAU = "1F4E79"
COULEUR_LIGNE_PAIRE = "EAF1F8"
STYLE_TABLEAU = "Table Grid"
STYLE_TEXTE_TABLEAU = "Texte de tableau"
MODELE_PAR_DEFAUT = "modeles/modele.docx"


_ESPACES_FRANCAISES = re.compile(r" (?=[;:!?»])|(?<=«) ")


def texte_sur(valeur: object) -> str:
    """Text XML can hold (control characters removed), with French typography: the space
    before ; : ! ? » and after « cannot break (no « ; » alone at the start of a line).
    None becomes an empty string."""
    if valeur is None:
        return ""
    return _ESPACES_FRANCAISES.sub("\u00a0", sans_controles(str(valeur)))


# --- base document ---------------------------------------------------------------------------


def chemin_modele(projet: Projet) -> Path | None:
    """The Word reference document: ``export.modele_word`` of clsm.toml, else
    ``modeles/modele.docx`` when present."""
    configure = projet.identite.export.modele_word if projet.identite else None
    for relatif in (configure, MODELE_PAR_DEFAUT):
        if relatif:
            chemin = Path(relatif)
            chemin = chemin if chemin.is_absolute() else projet.racine / chemin
            if chemin.is_file():
                return chemin
    return None


def nouveau_document(
    projet: Projet | None = None, *, titre: str = "", sujet: str = ""
) -> DocumentWord:
    """A blank document: the reference document's styles, header and logo when there is one
    (its body emptied), otherwise python-docx's template set up in A4, French, Arial.

    Its properties say what it is (title, subject, author = the coordination, language
    fr-FR, created and modified now), not what the template was."""
    import docx
    from docx.shared import Cm

    modele = chemin_modele(projet) if projet is not None else None
    if modele is not None:
        from clsm_cli.modeles.erreurs import ErreurClsm

        try:
            document = docx.Document(str(modele))
        except Exception as exc:
            raise ErreurClsm(
                f"Le modèle Word « {modele} » n'a pas pu être ouvert ({exc}) : vérifiez qu'il "
                "s'agit bien d'un fichier .docx, ou retirez-le."
            ) from exc
        _vider_corps(document)
        _completer_styles(document)
    else:
        document = docx.Document()
        section = document.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        for cote in ("left_margin", "right_margin"):
            setattr(section, cote, Cm(2.2))
        section.top_margin, section.bottom_margin = Cm(2), Cm(2)
        _styles_maison(document)
        _completer_styles(document)
    _langue_francaise(document)
    _reglages_francais(document)
    proprietes(document, projet, titre=titre, sujet=sujet)
    return document


def proprietes(
    document: DocumentWord, projet: Projet | None, *, titre: str, sujet: str = ""
) -> None:
    """Core properties of the package (File > Properties in Word, the PDF's metadata)."""
    import datetime as dt

    maintenant = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    auteur = "clsm"
    if projet is not None and projet.identite is not None:
        coordination = projet.identite.coordination.nom
        auteur = f"Coordination {_de_nom(projet.nom)}" + (
            f" ({coordination})" if coordination else ""
        )
    p = document.core_properties
    p.title = texte_sur(titre)
    p.subject = texte_sur(sujet or (projet.nom if projet is not None else ""))
    p.author = texte_sur(auteur)
    p.last_modified_by = texte_sur(auteur)
    p.language = "fr-FR"
    p.created = maintenant
    p.modified = maintenant
    for imprime in p._element.findall(_qn("cp:lastPrinted")):  # the template's 2013 date
        p._element.remove(imprime)
    p.revision = 1
    p.comments = "Document produit par clsm à partir des fichiers du CLSM."
    p.keywords = "CLSM; santé mentale"


def _de_nom(nom: str) -> str:
    from clsm_cli.noyau.grammaire import de

    return de(nom)


def _vider_corps(document: DocumentWord) -> None:
    """Remove the reference's body content, keep its final section (header, footer, margins)."""
    corps = document.element.body
    for enfant in list(corps):
        if not enfant.tag.endswith("}sectPr"):
            corps.remove(enfant)


def _styles_maison(document: DocumentWord) -> None:
    from docx.shared import Pt, RGBColor

    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = POLICE
    normal.font.size = Pt(10.5)
    _police_complete(normal, POLICE)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    for nom, taille, avant in (
        ("Title", 26, 0),
        ("Subtitle", 14, 0),
        ("Heading 1", 16, 18),
        ("Heading 2", 13, 12),
        ("Heading 3", 11.5, 10),
    ):
        style = styles[nom]
        style.font.name = POLICE
        _police_complete(style, POLICE)
        style.font.size = Pt(taille)
        style.font.color.rgb = RGBColor(*COULEUR_TITRES)
        style.font.italic = False
        style.paragraph_format.space_before = Pt(avant)
        style.paragraph_format.space_after = Pt(6)
        if nom.startswith("Heading"):
            style.paragraph_format.keep_with_next = True
    titre = styles["Title"]
    titre.font.bold = True
    _sans_bordure(titre)
    for nom in ("Header", "Footer"):
        styles[nom].font.size = Pt(8.5)
        styles[nom].font.color.rgb = RGBColor(0x59, 0x59, 0x59)


def _police_complete(style: Any, police: str) -> None:
    """Set the font for every script (python-docx sets ascii/hAnsi only)."""
    from docx.oxml.ns import qn

    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attribut in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribut), police)
    for attribut in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attribut), None)


def _sans_bordure(style: Any) -> None:
    from docx.oxml.ns import qn

    ppr = style.element.get_or_add_pPr()
    for bordure in ppr.findall(qn("w:pBdr")):
        ppr.remove(bordure)


def _completer_styles(document: DocumentWord) -> None:
    """Make sure the styles used here exist (a reference document may lack some)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Emu, Pt

    styles = document.styles
    _oublier_styles(document)
    presents = {s.name for s in styles}
    if STYLE_TEXTE_TABLEAU not in presents:
        style = styles.add_style(STYLE_TEXTE_TABLEAU, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.size = Pt(9)
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.line_spacing = 1.0
    for niveau in (1, 2, 3):
        nom = f"Heading {niveau}"
        if nom not in presents:
            style = styles.add_style(nom, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            style.font.bold = True
            style.font.size = Pt({1: 16, 2: 13, 3: 11.5}[niveau])
            style.paragraph_format.keep_with_next = True
            _niveau_plan(style, niveau - 1)
    for nom in ("Title", "Subtitle", "List Bullet", "Caption"):
        if nom not in presents:
            style = styles.add_style(nom, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
    for niveau in (1, 2):
        if style_sommaire(document, niveau) is None:
            style = styles.add_style(f"TOC {niveau}", WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            style.element.name_val = f"toc {niveau}"
            style.paragraph_format.tab_stops.add_tab_stop(
                Emu(largeur_utile(document)), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )
            style.paragraph_format.left_indent = Pt(14 * (niveau - 1))
            style.paragraph_format.space_after = Pt(2 if niveau == 2 else 4)
            if niveau == 1:
                style.font.bold = True
    _oublier_styles(document)


def _niveau_plan(style: Any, niveau: int) -> None:
    from docx.oxml.ns import qn

    ppr = style.element.get_or_add_pPr()
    element = ppr.makeelement(qn("w:outlineLvl"), {qn("w:val"): str(niveau)})
    ppr.insert_element_before(element, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _langue_francaise(document: DocumentWord) -> None:
    """French proofing language in the document defaults (spelling, hyphenation, quotes)."""
    from docx.oxml.ns import qn

    styles = document.styles.element
    defauts = styles.find(qn("w:docDefaults"))
    if defauts is None:
        return
    rpr_defaut = defauts.find(qn("w:rPrDefault"))
    if rpr_defaut is None:
        rpr_defaut = defauts.makeelement(qn("w:rPrDefault"), {})
        defauts.insert(0, rpr_defaut)
    rpr = rpr_defaut.find(qn("w:rPr"))
    if rpr is None:
        rpr = rpr_defaut.makeelement(qn("w:rPr"), {})
        rpr_defaut.append(rpr)
    langue = rpr.find(qn("w:lang"))
    if langue is None:
        langue = rpr.makeelement(qn("w:lang"), {})
        rpr.append(langue)
    langue.set(qn("w:val"), "fr-FR")
    langue.set(qn("w:eastAsia"), "fr-FR")


def _reglages_francais(document: DocumentWord) -> None:
    """French decimal and list separators, French theme language (settings.xml)."""
    from docx.oxml.ns import qn

    reglages = document.settings.element
    for nom, valeur in (
        ("w:decimalSymbol", ","),
        ("w:listSeparator", ";"),
        ("w:themeFontLang", "fr-FR"),
    ):
        element = reglages.find(qn(nom))
        if element is not None:
            element.set(qn("w:val"), valeur)


_STYLES: dict[int, tuple[Any, dict[str, Any]]] = {}


def _styles_par_nom(document: DocumentWord) -> dict[str, Any]:
    """Styles of the document by name and by ``#id``, looked up once per document."""
    element = document.styles.element
    cle = id(element)
    if cle not in _STYLES or _STYLES[cle][0] is not element:
        if len(_STYLES) > 16:
            _STYLES.clear()
        index: dict[str, Any] = {}
        for style in document.styles:
            index.setdefault(style.name, style)
            index.setdefault(f"#{style.style_id}", style)
        _STYLES[cle] = (element, index)
    return _STYLES[cle][1]


def _oublier_styles(document: DocumentWord) -> None:
    _STYLES.pop(id(document.styles.element), None)


def style_nomme(document: DocumentWord, nom: str) -> Any:
    """The style named ``nom`` (or of id ``#Id``), None if the document lacks it."""
    return _styles_par_nom(document).get(nom)


def appliquer_style(paragraphe: Paragraph, style: Any) -> Paragraph:
    """Set a paragraph style by id (python-docx's setter scans every style: slow in loops)."""
    if style is not None:
        paragraphe._p.get_or_add_pPr().style = style.style_id
    return paragraphe


def ajouter(document: Any, texte: str = "", style: Any = None) -> Paragraph:
    """``document.add_paragraph`` with a style object, quickly (works in a table cell too)."""
    return appliquer_style(document.add_paragraph(texte_sur(texte)), style)


def style_sommaire(document: DocumentWord, niveau: int) -> Any:
    """Word's « toc N » paragraph style (style id ``TOCN``), None if absent."""
    return style_nomme(document, f"#TOC{niveau}")


def style_existe(document: DocumentWord, nom: str) -> bool:
    return style_nomme(document, nom) is not None


# --- text ------------------------------------------------------------------------------------


def titre(document: DocumentWord, texte: str, niveau: int = 1) -> Paragraph:
    """A heading with the built-in style « Heading N » (« Titre N » in a French Word).

    Level 1 and 2 headings carry a bookmark, the target of the table of contents' entries.
    """
    from docx.oxml.ns import qn

    p = ajouter(document, "", style_nomme(document, f"Heading {niveau}"))
    if niveau > 2:
        p.add_run(texte_sur(texte))
        return p
    k = sum(
        1
        for b in document.element.body.iter(qn("w:bookmarkStart"))
        if (b.get(qn("w:name")) or "").startswith("_Toc1")
    )
    attributs = {qn("w:id"): str(k + 1), qn("w:name"): _signet(k)}
    p._p.append(p._p.makeelement(qn("w:bookmarkStart"), attributs))
    p.add_run(texte_sur(texte))
    p._p.append(p._p.makeelement(qn("w:bookmarkEnd"), {qn("w:id"): str(k + 1)}))
    return p


def paragraphe(
    document: DocumentWord,
    texte: str = "",
    *,
    style: str | None = None,
    gras: bool = False,
    italique: bool = False,
    suite: bool = False,
) -> Paragraph:
    """A paragraph; ``suite``: kept on the page of what follows (a chart, a table)."""
    p = ajouter(document, "", style_nomme(document, style) if style else None)
    if texte:
        run = p.add_run(texte_sur(texte))
        run.bold = gras or None
        run.italic = italique or None
    if suite or gras or texte.rstrip().endswith(":"):
        # a bold line or « … : » introduces what follows: never alone at the bottom of a page
        p.paragraph_format.keep_with_next = True
    return p


def libelle_valeur(document: DocumentWord, libelle: str, valeur: str) -> Paragraph:
    """« Libellé : valeur » with the label in bold."""
    p = document.add_paragraph()
    p.add_run(texte_sur(libelle) + " : ").bold = True
    p.add_run(texte_sur(valeur))
    p.paragraph_format.space_after = 0
    return p


def puces(document: DocumentWord, elements: Sequence[str]) -> None:
    style = style_nomme(document, "List Bullet")
    for element in elements:
        ajouter(document, element, style)


def note(document: DocumentWord, texte: str) -> Paragraph:
    """A short grey italic remark (an empty section, a definition)."""
    from docx.shared import Pt, RGBColor

    p = document.add_paragraph()
    run = p.add_run(texte_sur(texte))
    run.italic = True
    run.font.size = Pt(9.5)
    run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    return p


def filet(paragraphe: Paragraph, couleur: str = COULEUR_ENTETE_TABLEAU) -> None:
    """A coloured rule under the paragraph (a bottom border)."""
    from docx.oxml.ns import qn

    ppr = paragraphe._p.get_or_add_pPr()
    bordures = ppr.makeelement(qn("w:pBdr"), {})
    bas = bordures.makeelement(
        qn("w:bottom"),
        {qn("w:val"): "single", qn("w:sz"): "12", qn("w:space"): "6", qn("w:color"): couleur},
    )
    bordures.append(bas)
    ppr.insert_element_before(
        bordures,
        "w:shd",
        "w:tabs",
        "w:suppressAutoHyphens",
        "w:kinsoku",
        "w:wordWrap",
        "w:overflowPunct",
        "w:topLinePunct",
        "w:autoSpaceDE",
        "w:autoSpaceDN",
        "w:bidi",
        "w:adjustRightInd",
        "w:snapToGrid",
        "w:spacing",
        "w:ind",
        "w:contextualSpacing",
        "w:mirrorIndents",
        "w:suppressOverlap",
        "w:jc",
        "w:textDirection",
        "w:textAlignment",
        "w:textboxTightWrap",
        "w:outlineLvl",
        "w:divId",
        "w:cnfStyle",
        "w:rPr",
        "w:sectPr",
        "w:pPrChange",
    )


def saut_de_page(document: DocumentWord) -> None:
    from docx.enum.text import WD_BREAK

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# --- tables ----------------------------------------------------------------------------------


def tableau(
    document: DocumentWord,
    entetes: Sequence[str],
    lignes: Sequence[Sequence[object]],
    *,
    largeurs: Sequence[float] | None = None,
    droite: Sequence[int] = (),
    total: Sequence[object] | None = None,
    garder: bool | None = None,
) -> Table:
    """A table with a repeated, shaded header row, banded rows, an optional bold total row.

    ``largeurs``: relative column widths (centimetres on A4; scaled to the usable width, never
    narrower than a header word); ``droite``: indexes of right-aligned (number) columns;
    ``garder``: keep the table on one page (by default when it is short).

    The table's XML is written in one piece (python-docx's cell API costs a search of the
    schema order for every property: seconds for a bilan).
    """
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Pt
    from docx.table import Table

    toutes = [*lignes, *([total] if total is not None else [])]
    _lier_au_suivant(document)
    largeurs_cm = repartir(
        largeurs or _largeurs_auto(entetes, toutes),
        _minimums(entetes, toutes, droite),
        largeur_utile(document) / 360_000,
    )
    twips = [round(x * TWIPS_PAR_CM) for x in largeurs_cm]
    if garder is None:
        garder = _lignes_estimees(toutes, largeurs_cm) <= LIGNES_GARDEES_ENSEMBLE
    style_tableau = style_nomme(document, STYLE_TABLEAU)
    style_cellule = style_nomme(document, STYLE_TEXTE_TABLEAU)
    morceaux = [
        f"<w:tbl {nsdecls('w')}><w:tblPr>",
        f'<w:tblStyle w:val="{style_tableau.style_id}"/>' if style_tableau is not None else "",
        f'<w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:jc w:val="center"/>',
        '<w:tblLayout w:type="fixed"/>',
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{t}"/>' for t in twips),
        "</w:tblGrid>",
    ]
    style_p = f'<w:pStyle w:val="{style_cellule.style_id}"/>' if style_cellule is not None else ""
    for i, valeurs in enumerate([list(entetes), *toutes]):
        est_total = total is not None and i == len(toutes)
        morceaux.append("<w:tr><w:trPr><w:cantSplit/>")
        morceaux.append("<w:tblHeader/></w:trPr>" if i == 0 else "</w:trPr>")
        fond = (
            COULEUR_ENTETE_TABLEAU
            if i == 0
            else (COULEUR_LIGNE_PAIRE if i % 2 == 0 and not est_total else None)
        )
        rpr = (
            '<w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>'
            if i == 0
            else ("<w:rPr><w:b/></w:rPr>" if est_total else "")
        )
        garder_ligne = "<w:keepNext/>" if garder and i < len(toutes) else ""
        for j, largeur in enumerate(twips):
            morceaux.append(f'<w:tc><w:tcPr><w:tcW w:w="{largeur}" w:type="dxa"/>')
            if fond:
                morceaux.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{fond}"/>')
            morceaux.append("</w:tcPr>")
            valeur = valeurs[j] if j < len(valeurs) else ""
            alignement = '<w:jc w:val="right"/>' if j in droite else ""
            for ligne in texte_sur(valeur).split("\n"):
                morceaux.append(f"<w:p><w:pPr>{style_p}{garder_ligne}{alignement}</w:pPr>")
                if ligne:
                    morceaux.append(
                        f'<w:r>{rpr}<w:t xml:space="preserve">{_echapper_xml(ligne)}</w:t></w:r>'
                    )
                morceaux.append("</w:p>")
            morceaux.append("</w:tc>")
        morceaux.append("</w:tr>")
    morceaux.append("</w:tbl>")
    element = parse_xml("".join(morceaux))
    corps = document.element.body
    fin = corps.find(_qn("w:sectPr"))
    if fin is not None:
        fin.addprevious(element)
    else:
        corps.append(element)
    table = Table(element, document._body)
    document.add_paragraph().paragraph_format.space_after = Pt(2)
    return table


TWIPS_PAR_CM = 1440 / 2.54


def _echapper_xml(texte: str) -> str:
    return texte.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


LIGNES_GARDEES_ENSEMBLE = 18
"""A table up to this many lines of text is kept on one page."""
CARACTERES_PAR_CM = 5.2
"""Approximate characters of 9 pt Arial per centimetre of column."""


def _lignes_estimees(lignes: Sequence[Sequence[object]], largeurs_cm: Sequence[float]) -> int:
    """Lines of text the table's rows will take once wrapped (a rough estimate)."""
    total = 0
    for ligne in lignes:
        hauteur = 1
        for valeur, largeur in zip(ligne, largeurs_cm, strict=False):
            parcelles = texte_sur(valeur).split("\n")
            par_ligne = max(1, int((largeur - MARGE_CELLULE_CM) * CARACTERES_PAR_CM))
            hauteur = max(hauteur, sum(1 + len(x) // par_ligne for x in parcelles))
        total += hauteur
    return total


def _lier_au_suivant(document: DocumentWord) -> None:
    """The paragraph just written introduces what comes next (a table, a chart): keep it on
    the same page."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph as Para

    corps = document.element.body
    dernier = None
    for enfant in reversed(corps):
        if enfant.tag != qn("w:sectPr"):
            dernier = enfant
            break
    if dernier is not None and dernier.tag == qn("w:p"):
        Para(dernier, document._body).paragraph_format.keep_with_next = True


def largeur_utile(document: DocumentWord) -> int:
    """Width between the margins, in EMU."""
    section = document.sections[-1]
    largeur = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
    return largeur if largeur > 0 else 6_000_000


def _largeurs_auto(entetes: Sequence[str], lignes: Sequence[Sequence[object]]) -> list[float]:
    """Column weights from their content: longest header word, typical cell length."""
    poids = []
    for j, entete in enumerate(entetes):
        mots = max((len(m) for m in str(entete).split()), default=4)
        contenus = sorted(len(texte_sur(ligne[j])) for ligne in lignes if j < len(ligne))
        typique = contenus[int(len(contenus) * 0.9)] if contenus else 0
        poids.append(float(min(max(mots, typique, 4), 45)))
    return poids


CM_PAR_CARACTERE = 0.19
"""Approximate width of a character of 9 pt Arial (bold), in centimetres."""
MARGE_CELLULE_CM = 0.4
COURT = 17
"""A column whose values all have at most this many characters is never wrapped."""


def _minimums(
    entetes: Sequence[str], lignes: Sequence[Sequence[object]], droite: Sequence[int]
) -> list[float]:
    """Narrowest width (cm) of each column: its longest header word, and for number columns
    their longest value, never cut in the middle."""
    minimums = []
    for j, entete in enumerate(entetes):
        # bold header letters are wider: counted 10 % more
        caracteres = round(1.1 * max((len(m) for m in str(entete).split()), default=1))
        valeurs = [x for ligne in lignes if j < len(ligne) for x in texte_sur(ligne[j]).split("\n")]
        plus_longue = max((len(x) for x in valeurs), default=0)
        if j in droite or plus_longue <= COURT:
            # numbers, dates and other short values are never wrapped
            caracteres = max(caracteres, plus_longue)
        else:
            caracteres = max(caracteres, *(len(m) for x in valeurs for m in x.split()))
        minimums.append(min(caracteres, 40) * CM_PAR_CARACTERE + MARGE_CELLULE_CM)
    return minimums


def repartir(poids: Sequence[float], minimums: Sequence[float], total: float) -> list[float]:
    """Widths proportional to ``poids`` summing to ``total``, each at least its minimum
    (when the minimums fit at all)."""
    largeurs = [total * p / (sum(poids) or 1) for p in poids]
    if sum(minimums) >= total:
        return [total * m / sum(minimums) for m in minimums]
    for _ in range(len(largeurs)):
        manque = sum(max(0.0, m - x) for x, m in zip(largeurs, minimums, strict=True))
        if manque <= 1e-9:
            break
        largeurs = [max(x, m) for x, m in zip(largeurs, minimums, strict=True)]
        libres = [x - m for x, m in zip(largeurs, minimums, strict=True)]
        marge = sum(libres)
        largeurs = [x - manque * lib / marge for x, lib in zip(largeurs, libres, strict=True)]
    return largeurs


# --- fields, images, footer ------------------------------------------------------------------


def champ(
    paragraphe: Paragraph, instruction: str, resultat: str = "", *, parent: Any = None
) -> None:
    """A Word field (PAGE, NUMPAGES, PAGEREF…) with its cached ``resultat``; ``parent``: an
    element of the paragraph (a hyperlink) that must hold the runs."""
    _fld(paragraphe, "begin", parent)
    _instruction(paragraphe, instruction, parent)
    _fld(paragraphe, "separate", parent)
    run = paragraphe.add_run(resultat)
    if parent is not None:
        parent.append(run._r)
    _fld(paragraphe, "end", parent)


def sommaire(document: DocumentWord, entrees: Sequence[tuple[int, str]]) -> None:
    """A table of contents: Word's TOC field (levels 1–2), refreshed when the document opens.

    The field's cached result lists ``entrees`` (level, heading), each a link to its heading,
    so that a reader that does not refresh the field (LibreOffice, a PDF export) still shows
    the contents; Word refreshes it with page numbers on opening. (LibreOffice drops PAGEREF
    fields inside a TOC, so the cached entries carry none.) ``entrees`` must be the level 1
    and 2 headings that :func:`titre` adds afterwards, in the same order: the k-th entry
    points at the bookmark of the k-th heading.
    """
    from docx.oxml.ns import qn

    paragraphes = []
    for k, (niveau, texte) in enumerate(entrees):
        p = ajouter(document, "", style_sommaire(document, min(niveau, 2)))
        if k == 0:
            _fld(p, "begin")
            _instruction(p, 'TOC \\o "1-2" \\h \\z \\u')
            _fld(p, "separate")
        lien = p._p.makeelement(
            qn("w:hyperlink"), {qn("w:anchor"): _signet(k), qn("w:history"): "1"}
        )
        p._p.append(lien)
        lien.append(p.add_run(texte_sur(texte))._r)
        paragraphes.append(p)
    if paragraphes:
        _fld(paragraphes[-1], "end")
    _mettre_a_jour_champs(document)


def _signet(k: int) -> str:
    return f"_Toc{100_000_000 + k}"


def _fld(paragraphe: Paragraph, type_: str, parent: Any = None) -> None:
    from docx.oxml.ns import qn

    run = paragraphe.add_run()
    element = run._r.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): type_})
    if type_ == "begin":
        element.set(qn("w:dirty"), "true")
    run._r.append(element)
    if parent is not None:
        parent.append(run._r)


def _instruction(paragraphe: Paragraph, instruction: str, parent: Any = None) -> None:
    from docx.oxml.ns import qn

    run = paragraphe.add_run()
    instr = run._r.makeelement(qn("w:instrText"), {})
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    if parent is not None:
        parent.append(run._r)


def _mettre_a_jour_champs(document: DocumentWord) -> None:
    """Ask Word to refresh fields (table of contents, page numbers) when it opens the file."""
    from docx.oxml.ns import qn

    reglages = document.settings.element
    if reglages.find(qn("w:updateFields")) is None:
        element = reglages.makeelement(qn("w:updateFields"), {qn("w:val"): "true"})
        reglages.insert_element_before(element, *_APRES_UPDATE_FIELDS)


_APRES_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
"""Elements that follow ``w:updateFields`` in settings.xml (Word checks the order)."""


_IMAGES: dict[int, tuple[Any, list[tuple[Paragraph, Any, float, str]]]] = {}


def image(
    document: DocumentWord,
    png: Any,
    largeur_cm: float,
    legende: str = "",
    *,
    description: str = "",
) -> None:
    """A centred picture with its caption. ``png``: bytes, or an object whose ``result()``
    gives them (a chart being drawn elsewhere): the picture is then placed by
    :func:`placer_images`. ``description``: its alternative text for screen readers (RGAA),
    by default the caption."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    _lier_au_suivant(document)
    p = document.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = bool(legende)
    alternative = description or legende
    if isinstance(png, bytes):
        texte_alternatif(
            p.add_run().add_picture(io.BytesIO(png), width=Cm(largeur_cm)), alternative
        )
    else:
        element = document.element
        attente = _IMAGES.setdefault(id(element), (element, []))[1]
        attente.append((p, png, largeur_cm, alternative))
    if legende:
        c = ajouter(document, legende, style_nomme(document, "Caption"))
        c.alignment = WD_ALIGN_PARAGRAPH.CENTER


def placer_images(document: DocumentWord) -> None:
    """Put in place the pictures that were still being drawn."""
    from docx.shared import Cm

    element, attente = _IMAGES.pop(id(document.element), (None, []))
    if element is not document.element:
        return
    for paragraphe, futur, largeur_cm, alternative in attente:
        forme = paragraphe.add_run().add_picture(io.BytesIO(futur.result()), width=Cm(largeur_cm))
        texte_alternatif(forme, alternative)


def texte_alternatif(forme: Any, texte: str) -> None:
    """The picture's alternative text (``wp:docPr/@descr``, « Texte de remplacement » in
    Word), and its title."""
    doc_pr = forme._inline.docPr
    doc_pr.set("descr", texte_sur(texte))
    doc_pr.set("title", texte_sur(texte.split(" : ")[0].split("\n")[0]))


def pied_de_page(document: DocumentWord, texte: str, *, premiere_page: bool = False) -> None:
    """Footer « texte — page N sur M » on every page (except the cover unless asked).

    A reference document whose footer already numbers pages keeps its footer as it is.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = document.sections[0]
    pied = section.footer
    if any("PAGE" in (e.text or "") for e in pied._element.iter() if e.tag.endswith("instrText")):
        return
    if any("PAGE" in (e.get(_qn("w:instr")) or "") for e in pied._element.iter()):
        return
    if not premiere_page:
        section.different_first_page_header_footer = True
    p = (
        pied.add_paragraph()
        if pied.paragraphs and pied.paragraphs[0].text
        else (pied.paragraphs[0] if pied.paragraphs else pied.add_paragraph())
    )
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.style = document.styles["Footer"] if style_existe(document, "Footer") else None
    p.add_run(texte_sur(texte) + " — page ")
    champ(p, "PAGE", "1")
    p.add_run(" sur ")
    champ(p, "NUMPAGES", "1")


def mention_entete(document: DocumentWord, texte: str) -> Paragraph:
    """A short right-aligned mention in the page header (« Bilan provisoire au … »), after
    whatever the reference document's header holds (a logo)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    entete = document.sections[0].header
    premier = entete.paragraphs[0] if entete.paragraphs else None
    p = premier if premier is not None and not premier.text and not premier.runs else None
    p = p or entete.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if style_existe(document, "Header"):
        appliquer_style(p, style_nomme(document, "Header"))
    run = p.add_run(texte_sur(texte))
    run.italic = True
    return p


def _qn(nom: str) -> str:
    from docx.oxml.ns import qn

    return qn(nom)


def en_octets(document: DocumentWord) -> bytes:
    tampon = io.BytesIO()
    document.save(tampon)
    return tampon.getvalue()
