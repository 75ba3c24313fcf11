"""Draft of the multi-partner convention of the CLSM, from ``clsm.toml`` and ``membres.toml``.

:func:`rediger_convention` writes the text as plain data (articles made of paragraphs, lists
and tables); every piece of information the folder lacks becomes a visible marker
« [à compléter : …] » and is listed in :attr:`ProjetConvention.a_completer`.
:func:`convention_docx` renders it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from clsm_cli.documents import formats as F
from clsm_cli.modeles import LIBELLES_COLLEGE
from clsm_cli.noyau import grammaire as G
from clsm_cli.noyau.historique import (
    creation,
    dernier_diagnostic,
    liens,
    texte_diagnostic,
)
from clsm_cli.noyau.textes import quand_fr

if TYPE_CHECKING:
    from clsm_cli.noyau.projet import Projet

MOTIF_A_COMPLETER = re.compile(r"\[à compléter[ \u00a0]: [^\]]*\]")
DATE_INSTRUCTION_2025 = dt.date(2025, 5, 13)
"""Instruction DGS/SP4/2025/8 of 13 May 2025: the national référentiel of CLSM, which
follows instruction DGS/SP4/CGET/2016/289."""


@dataclass
class Bloc:
    """A paragraph (``texte``), a bullet list (``puces``) or a table (``entetes``/``lignes``)."""

    texte: str = ""
    puces: list[str] = field(default_factory=list)
    entetes: list[str] = field(default_factory=list)
    lignes: list[list[str]] = field(default_factory=list)
    gras: bool = False


@dataclass
class Article:
    titre: str
    blocs: list[Bloc]


@dataclass
class Signature:
    structure: str
    representant: str
    qualite: str


@dataclass
class ProjetConvention:
    titre: str
    sous_titre: str
    parties: list[str]
    preambule: list[Bloc]
    articles: list[Article]
    signatures: list[Signature]
    a_completer: list[str]
    date_edition: dt.date


class _Redaction:
    def __init__(self) -> None:
        self.manquants: list[str] = []

    def manque(self, quoi: str) -> str:
        """The visible marker for a missing piece of information (listed once)."""
        if quoi not in self.manquants:
            self.manquants.append(quoi)
        return f"[à compléter : {quoi}]"

    def ou(self, valeur: str | None, quoi: str) -> str:
        return valeur.strip() if valeur and valeur.strip() else self.manque(quoi)


def rediger_convention(
    projet: Projet, debut: dt.date | None = None, fin: dt.date | None = None
) -> ProjetConvention:
    """The convention's text; ``debut``/``fin`` override the dates of ``clsm.toml``."""
    r = _Redaction()
    i = projet.identite
    if i is None:  # pragma: no cover - a loaded folder always has clsm.toml
        raise ValueError("clsm.toml absent")
    debut = debut or i.convention.debut
    fin = fin or i.convention.fin
    territoire = r.ou(i.territoire, "territoire")

    liste = _signataires(projet)
    parties = []
    for s in liste:
        article = getattr(s, "article", None)
        representant = r.ou(s.representant, f"représentant {G.de(s.structure, article)}")
        qualite = r.ou(s.qualite, f"qualité du représentant {G.de(s.structure, article)}")
        partie = G.majuscule(G.avec_article(s.structure, article))
        represente = G.accorder("représenté", s.structure, article)
        parties.append(f"{partie}, {represente} par {representant}, {qualite}")
    if not parties:
        parties.append(r.manque("signataires (clsm convention signataire ajouter)"))

    preambule = [
        Bloc(
            "Vu le code de la santé publique, notamment son article L3221-2, dans sa rédaction "
            "issue de la loi n° 2016-41 du 26 janvier 2016 de modernisation de notre système "
            "de santé, qui reconnaît les conseils locaux de santé mentale ;"
        ),
        _instruction(debut or projet.aujourdhui()),
        *_contexte_territorial(projet, debut),
        Bloc(
            "Le conseil local de santé mentale (CLSM) est un espace de concertation et de "
            "coordination entre les élus, la psychiatrie publique, les représentants des "
            "usagers, les aidants et l'ensemble des professionnels du territoire. Il a pour "
            "objectif de définir et de mettre en œuvre des politiques et des actions locales "
            "permettant l'amélioration de la santé mentale des populations concernées."
        ),
    ]
    cree = creation(projet)
    if cree is not None:
        preambule.append(
            Bloc(
                f"{G.majuscule(G.avec_article(i.nom))} a été "
                f"{G.accorder('créé', i.nom)} {quand_fr(cree)}. La présente "
                "convention en précise l'organisation et les engagements de "
                "chacun."
            )
        )
    preambule.append(Bloc("Il est convenu ce qui suit.", gras=True))

    articles: list[Article | None] = [
        Article(
            "Objet",
            [
                Bloc(
                    "La présente convention a pour objet de définir les missions, la "
                    f"composition, le fonctionnement et le financement {G.de(i.nom)}, ainsi que "
                    "les engagements des parties signataires."
                )
            ],
        ),
        _territoire(r, projet, territoire),
        _objectifs(r, projet),
        _composition(r, projet),
        _instances(projet),
        _coordination(r, projet),
        _engagements(r, projet, debut, fin),
        _confidentialite(projet),
        _evaluation(r, projet),
        _duree(r, debut, fin),
        Article(
            "Modification et résiliation",
            [
                Bloc(
                    "Toute modification de la présente convention fait l'objet d'un avenant "
                    "signé par l'ensemble des parties. Chaque partie peut se retirer de la "
                    "convention par lettre adressée aux autres parties, avec un préavis de "
                    "trois mois ; la convention continue alors de lier les autres parties."
                )
            ],
        ),
    ]
    signatures = [
        Signature(
            s.structure,
            s.representant or r.manque(f"représentant {G.de(s.structure, s.article)}"),
            s.qualite or r.manque(f"qualité du représentant {G.de(s.structure, s.article)}"),
        )
        for s in liste
    ]
    return ProjetConvention(
        titre=f"Convention de partenariat {G.de(i.nom)}",
        sous_titre=f"Conseil local de santé mentale — {territoire}",
        parties=parties,
        preambule=preambule,
        articles=[a for a in articles if a is not None],
        signatures=signatures,
        a_completer=list(r.manquants),
        date_edition=projet.aujourdhui(),
    )


def _instruction(debut: dt.date) -> Bloc:
    """The instruction in force when the convention takes effect."""
    if debut >= DATE_INSTRUCTION_2025:
        return Bloc(
            "Vu l'instruction DGS/SP4/2025/8 du 13 mai 2025, qui fixe le référentiel national "
            "des conseils locaux de santé mentale ;"
        )
    return Bloc(
        "Vu l'instruction DGS/SP4/CGET/2016/289 du 30 septembre 2016 relative à la "
        "consolidation et à la généralisation des conseils locaux de santé mentale, en "
        "particulier dans le cadre des contrats de ville ;"
    )


def _contexte_territorial(projet: Projet, debut: dt.date | None) -> list[Bloc]:
    """« Vu » the territory's PTSM and CLS, and the latest diagnostic before the convention."""
    lien = liens(projet)
    blocs = []
    if lien.ptsm:
        periode = f" ({lien.ptsm_periode})" if lien.ptsm_periode else ""
        blocs.append(
            Bloc(f"Vu le projet territorial de santé mentale (PTSM) « {lien.ptsm_nom} »{periode} ;")
        )
    if lien.cls:
        nom = f" « {lien.cls_nom} »" if lien.cls_nom else " du territoire"
        periode = f" ({lien.cls_periode})" if lien.cls_periode else ""
        fiche = (
            f", dont le conseil local de santé mentale constitue la fiche action n° "
            f"{lien.cls_fiche_action}"
            if lien.cls_fiche_action
            else ""
        )
        blocs.append(Bloc(f"Vu le contrat local de santé (CLS){nom}{periode}{fiche} ;"))
    d = dernier_diagnostic(projet, debut or projet.aujourdhui())
    if d is not None:
        texte = f"Vu le diagnostic partagé de la santé mentale du territoire, {texte_diagnostic(d)}"
        if d.priorite:
            blocs.append(Bloc(texte + ", et les priorités retenues à partir de ce diagnostic :"))
            blocs.append(Bloc(puces=[f"{p.libelle} ;" for p in d.priorite]))
        else:
            blocs.append(Bloc(texte + " ;"))
    return blocs


def _territoire(r: _Redaction, projet: Projet, territoire: str) -> Article:
    i = projet.identite
    assert i is not None
    blocs = [Bloc(f"Le CLSM intervient sur le territoire suivant : {territoire}.")]
    if i.communes:
        blocs.append(Bloc(f"Communes concernées : {F.liste(list(i.communes))}."))
    else:
        blocs.append(Bloc(f"Communes concernées : {r.manque('communes du territoire')}."))
    if i.population is not None:
        blocs.append(Bloc(f"Population : {F.pluriel(i.population, 'habitant')}."))
    else:
        blocs.append(Bloc(f"Population : {r.manque('population du territoire')}."))
    if i.qpv:
        blocs.append(
            Bloc(
                "Quartiers prioritaires de la politique de la ville (QPV) : "
                f"{F.liste(list(i.qpv))}. Le CLSM y porte une attention particulière."
            )
        )
    return Article("Territoire", blocs)


def _objectifs(r: _Redaction, projet: Projet) -> Article:
    i = projet.identite
    assert i is not None
    blocs = [Bloc("Les parties s'accordent sur les objectifs suivants :")]
    if i.convention.objectifs:
        blocs.append(Bloc(puces=list(i.convention.objectifs)))
    else:
        blocs.append(Bloc(puces=[r.manque("objectifs (clsm convention objectif ajouter)")]))
    return Article("Objectifs", blocs)


def _composition(r: _Redaction, projet: Projet) -> Article:
    i = projet.identite
    assert i is not None
    presidence = r.ou(i.presidence, "présidence du CLSM")
    co_animation = r.ou(i.co_animation, "co-animation par la psychiatrie publique")
    if i.presidence:
        presidence = G.par(i.presidence, i.presidence_article)
    if i.co_animation:
        co_animation = G.par(i.co_animation, i.co_animation_article)
    presidence = presidence if i.presidence else f"par {presidence}"
    co_animation = co_animation if i.co_animation else f"par {co_animation}"
    blocs = [Bloc(f"Le CLSM est présidé {presidence}. Il est co-animé {co_animation}.")]
    aujourdhui = projet.aujourdhui()
    par_college: dict[str, set[str]] = {}
    for m in projet.membres:
        if m.actif(aujourdhui):
            par_college.setdefault(m.college.value, set()).add(m.structure or m.libelle)
    if par_college:
        blocs.append(
            Bloc(
                "Il réunit, au sein de son assemblée plénière, les membres suivants, par collège :"
            )
        )
        blocs.append(
            Bloc(
                entetes=["Collège", "Structures membres"],
                lignes=[
                    [LIBELLES_COLLEGE[c], "\n".join(sorted(par_college[c], key=_cle))]
                    for c in LIBELLES_COLLEGE
                    if c in par_college
                ],
            )
        )
    else:
        blocs.append(Bloc(r.manque("membres du CLSM (clsm membres ajouter)")))
    blocs.append(
        Bloc(
            "La liste des membres est tenue à jour par la coordination ; toute "
            "structure du territoire concernée par la santé mentale peut demander à "
            "rejoindre le CLSM."
        )
    )
    return Article("Composition", blocs)


def _cle(texte: str) -> str:
    from clsm_cli.noyau.bilan import cle_fr

    return cle_fr(texte)


def _instances(projet: Projet) -> Article:
    annee = projet.aujourdhui().year - 1
    tenues: dict[str, int] = {}
    for r in projet.reunions.values():
        if r.date.year == annee:
            cle = "groupe" if r.instance.startswith("groupe:") else r.instance
            tenues[cle] = tenues.get(cle, 0) + 1

    def constat(cle: str) -> str:
        n = tenues.get(cle, 0)
        return f" (en {annee} : {F.pluriel(n, 'réunion')})" if n else ""

    puces = [
        "L'assemblée plénière réunit l'ensemble des membres au moins une fois par an ; elle "
        "débat des orientations et prend connaissance du bilan annuel" + constat("pleniere") + ".",
        "Le comité de pilotage, restreint, fixe les priorités, crée les groupes de travail et "
        "évalue les actions ; il se réunit au moins deux fois par an" + constat("copil") + ".",
    ]
    groupes = [g for g in projet.groupes if g.actif]
    if groupes:
        noms = F.liste([f"« {g.nom} »" for g in groupes])
        puces.append(
            f"Les groupes de travail thématiques mettent en œuvre le plan d'action ; "
            f"sont actifs à ce jour : {noms}" + constat("groupe") + "."
        )
    else:
        puces.append(
            "Des groupes de travail thématiques, créés par le comité de pilotage, "
            "mettent en œuvre le plan d'action."
        )
    if _cellule_active(projet):
        puces.append(
            "Une cellule de cas complexes réunit les professionnels concernés pour "
            "examiner des situations individuelles, dans les conditions de l'article "
            "« Confidentialité »."
        )
    return Article("Instances et rythme de réunion", [Bloc(puces=puces)])


def _signataires(projet: Projet) -> list[Any]:
    """The convention's signatories, then the members flagged ``signataire`` (founders) whose
    structure is not already among them: a member signs for their structure, in their
    function."""
    from clsm_cli.modeles import Signataire

    i = projet.identite
    assert i is not None
    liste: list[Any] = list(i.convention.signataire)
    deja = {" ".join(s.structure.casefold().split()) for s in liste}
    for m in projet.membres:
        if not m.signataire or not m.actif(projet.aujourdhui()):
            continue
        structure = m.structure or m.libelle
        cle = " ".join(structure.casefold().split())
        if cle in deja:
            continue
        deja.add(cle)
        personne = " ".join(p for p in (m.prenom, m.nom) if p) or None
        liste.append(Signataire(structure=structure, representant=personne, qualite=m.fonction))
    return liste


def _cellule_active(projet: Projet) -> bool:
    if projet.identite is not None and not projet.identite.cellule.active:
        return False
    return bool(projet.situations or projet.seances) or any(
        "cellule" in m.instances for m in projet.membres
    )


def _coordination(r: _Redaction, projet: Projet) -> Article:
    i = projet.identite
    assert i is not None
    c = i.coordination
    porteur = (
        G.par(i.porteur, i.porteur_article)
        if i.porteur
        else "par " + r.manque("structure porteuse de la coordination")
    )
    nom = r.ou(c.nom, "nom du coordonnateur ou de la coordonnatrice")
    etp = F.n(c.etp) if c.etp is not None else r.manque("temps de coordination (ETP)")
    blocs = [
        Bloc(
            f"La coordination du CLSM est portée {porteur}. Elle est assurée par {nom}, "
            f"à hauteur de {etp} équivalent temps plein."
        ),
        Bloc(
            "La coordination anime les instances, prépare et suit le plan d'action, organise "
            "les Semaines d'information sur la santé mentale, assure le lien entre les "
            "partenaires et établit le bilan annuel."
        ),
    ]
    contacts = [x for x in (c.courriel, c.telephone) if x]
    if contacts:
        blocs.append(Bloc(f"Contact : {' — '.join(contacts)}."))
    return Article("Coordination", blocs)


def _engagements(
    r: _Redaction, projet: Projet, debut: dt.date | None, fin: dt.date | None
) -> Article:
    i = projet.identite
    assert i is not None
    blocs = [
        Bloc("Chaque partie s'engage à :"),
        Bloc(
            puces=[
                "désigner un représentant et participer aux instances du CLSM ;",
                "contribuer au diagnostic partagé, à la mise en œuvre et à l'évaluation du plan "
                "d'action ;",
                "partager les informations utiles à la coordination, dans le respect du secret "
                "professionnel ;",
                "participer, selon ses moyens, aux Semaines d'information sur la santé mentale ;",
                "faire connaître le CLSM au sein de sa structure.",
            ]
        ),
    ]
    annees = (
        set(range(debut.year, fin.year + 1)) if debut and fin else {f.annee for f in i.financement}
    )
    financements = sorted(
        (f for f in i.financement if f.annee in annees),
        key=lambda f: (f.annee, _cle(f.financeur)),
    )
    if financements:
        blocs.append(Bloc("Les financements suivants sont prévus ou acquis :"))
        blocs.append(
            Bloc(
                entetes=["Année", "Financeur", "Objet", "Montant"],
                lignes=[
                    [str(f.annee), f.financeur, f.objet or "—", F.euros(f.montant)]
                    for f in financements
                ],
            )
        )
        blocs.append(
            Bloc(
                "Les montants des années suivantes sont fixés chaque année, dans la "
                "limite des crédits disponibles."
            )
        )
    else:
        blocs.append(
            Bloc(
                "Financement : " + r.manque("financements du CLSM (clsm financement ajouter)") + "."
            )
        )
    return Article("Engagements des parties et financement", blocs)


def _confidentialite(projet: Projet) -> Article:
    i = projet.identite
    assert i is not None
    seuil = i.cellule.seuil_masquage
    mois = i.cellule.conservation_mois
    if not i.cellule.active:
        return Article(
            "Confidentialité",
            [
                Bloc(
                    "Les membres du CLSM sont tenus à la discrétion sur les informations dont "
                    "ils ont connaissance dans ce cadre. Aucune situation individuelle n'est "
                    "examinée au sein du CLSM."
                )
            ],
        )
    blocs = [
        Bloc(
            "Les membres du CLSM sont tenus à la discrétion sur les informations dont ils ont "
            "connaissance dans ce cadre."
        ),
        Bloc(
            "Les situations individuelles examinées en cellule de cas complexes le sont avec "
            "le consentement préalable de la personne, entre professionnels soumis au secret "
            "professionnel, dans les conditions de l'article L1110-4 du code de la santé "
            "publique. Seules les informations strictement nécessaires sont partagées."
        ),
        Bloc(
            "Les situations ne sont désignées que par un code ; aucun nom, adresse, date de "
            "naissance ni numéro de sécurité sociale n'est enregistré. Les informations sont "
            f"supprimées {mois} mois après la clôture ou la dernière activité de la situation. "
            "Seuls des chiffres agrégés et anonymes sortent de la cellule ; tout effectif "
            f"inférieur à {seuil} y est masqué."
        ),
    ]
    return Article("Confidentialité", blocs)


def _evaluation(r: _Redaction, projet: Projet) -> Article | None:
    """Indicators with their target and what was achieved; None when no indicator has either
    (the article is then left out)."""
    blocs = [
        Bloc(
            "Le CLSM fait l'objet d'un bilan annuel présenté au comité de pilotage et à "
            "l'assemblée plénière, et transmis aux financeurs. L'évaluation s'appuie sur "
            "les indicateurs du plan d'action :"
        )
    ]
    lignes = []
    for a in projet.actions:
        for ind in a.indicateur:
            if ind.cible is None and ind.realise is None:
                continue
            unite = f" {ind.unite}" if ind.unite else ""
            cible = F.n(ind.cible) + unite if ind.cible is not None else "non fixée"
            realise = F.n(ind.realise) + unite if ind.realise is not None else "non renseigné"
            lignes.append([a.intitule, ind.libelle, cible, realise])
    if not lignes:
        return None
    blocs.append(Bloc(entetes=["Action", "Indicateur", "Cible", "Réalisé"], lignes=lignes))
    return Article("Évaluation", blocs)


def _duree(r: _Redaction, debut: dt.date | None, fin: dt.date | None) -> Article:
    de = F.d(debut) if debut else r.manque("date de début de la convention (--debut)")
    a = F.d(fin) if fin else r.manque("date de fin de la convention (--fin)")
    duree = f", soit {G.duree_en_mots(debut, fin)}" if debut and fin else ""
    return Article(
        "Durée et renouvellement",
        [
            Bloc(f"La présente convention prend effet le {de} et prend fin le {a}{duree}."),
            Bloc(
                "Elle peut être renouvelée par avenant, au vu de l'évaluation présentée au comité "
                "de pilotage au cours de sa dernière année."
            ),
        ],
    )


# --- rendering -------------------------------------------------------------------------------


def convention_docx(convention: ProjetConvention, projet: Projet | None = None) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from clsm_cli.documents import word as W

    doc = W.nouveau_document(
        projet, titre=convention.titre, sujet="Projet de convention de partenariat"
    )
    p = W.ajouter(doc, convention.titre, W.style_nomme(doc, "Title"))
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = W.ajouter(doc, convention.sous_titre, W.style_nomme(doc, "Subtitle"))
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    W.note(
        doc,
        f"Projet de convention établi le {F.d(convention.date_edition)} — document de "
        "travail à compléter et à valider par les parties.",
    ).alignment = WD_ALIGN_PARAGRAPH.CENTER
    W.titre(doc, "Entre les parties", 1)
    for partie in convention.parties:
        _paragraphe_marque(doc, partie + ",", style="List Bullet")
    _paragraphe_marque(doc, "ci-après dénommées « les parties ».")
    W.titre(doc, "Préambule", 1)
    _blocs(doc, convention.preambule)
    for n, article in enumerate(convention.articles, start=1):
        W.titre(doc, f"Article {n} — {article.titre}", 1)
        _blocs(doc, article.blocs)
    W.titre(doc, "Signatures", 1)
    nombre = len(convention.signatures) or 1
    W.paragraphe(
        doc,
        f"Fait à ………………………………, le ………………………………, en "
        f"{F.pluriel(nombre, 'exemplaire original', 'exemplaires originaux')}.",
    ).paragraph_format.keep_with_next = True
    if convention.signatures:
        table = W.tableau(
            doc,
            ["Partie", "Représentée par", "Signature"],
            [[s.structure, f"{s.representant}\n{s.qualite}", ""] for s in convention.signatures],
            largeurs=[6, 6, 5],
            garder=False,
        )
        _surligner_table(table)
        from docx.shared import Cm

        for rang in table.rows[1:]:
            rang.height = Cm(2.6)
        # the header and the last two signature rows stay together: no row alone on a page
        for rang in (table.rows[0], *table.rows[-2:-1]):
            for cellule in rang.cells:
                for paragraphe in cellule.paragraphs:
                    paragraphe.paragraph_format.keep_with_next = True
    else:
        _paragraphe_marque(doc, convention.parties[0])
    W.pied_de_page(doc, convention.titre, premiere_page=True)
    return W.en_octets(doc)


def _blocs(doc: object, blocs: list[Bloc]) -> None:
    from clsm_cli.documents import word as W

    for bloc in blocs:
        if bloc.entetes:
            table = W.tableau(doc, bloc.entetes, bloc.lignes)  # type: ignore[arg-type]
            _surligner_table(table)
        elif bloc.puces:
            for puce in bloc.puces:
                _paragraphe_marque(doc, puce, style="List Bullet")
        else:
            p = _paragraphe_marque(doc, bloc.texte)
            if bloc.gras:
                for run in p.runs:
                    run.bold = True


def _paragraphe_marque(doc: object, texte: str, style: str | None = None):  # type: ignore[no-untyped-def]
    """A paragraph whose « [à compléter : …] » markers are highlighted in yellow."""
    from clsm_cli.documents import word as W

    p = W.ajouter(doc, "", W.style_nomme(doc, style) if style else None)  # type: ignore[arg-type]
    _runs_marques(p, texte)
    if texte.rstrip().endswith(":"):
        p.paragraph_format.keep_with_next = True
    return p


def _runs_marques(p, texte: str) -> None:  # type: ignore[no-untyped-def]
    from docx.enum.text import WD_COLOR_INDEX

    from clsm_cli.documents.word import texte_sur

    position = 0
    for m in MOTIF_A_COMPLETER.finditer(texte):
        if m.start() > position:
            p.add_run(texte_sur(texte[position : m.start()]))
        run = p.add_run(texte_sur(m.group(0)))
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        run.bold = True
        position = m.end()
    if position < len(texte):
        p.add_run(texte_sur(texte[position:]))


COULEUR_A_COMPLETER = "FFF2CC"
"""Pale yellow fill of a table cell that holds a « [à compléter : …] » marker."""


def _surligner_table(table) -> None:  # type: ignore[no-untyped-def]
    """Markers of missing information highlighted, and their cells shaded, so that a gap in
    a table (a signatory without representative) shows at a glance."""
    from docx.enum.text import WD_COLOR_INDEX
    from docx.oxml.ns import qn

    for rang in table.rows:
        for cellule in rang.cells:
            marquee = False
            for p in cellule.paragraphs:
                for run in p.runs:
                    if MOTIF_A_COMPLETER.search(run.text):
                        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                        run.bold = True
                        marquee = True
            if marquee:
                tcpr = cellule._tc.get_or_add_tcPr()
                for ancien in tcpr.findall(qn("w:shd")):
                    tcpr.remove(ancien)
                fond = tcpr.makeelement(
                    qn("w:shd"),
                    {
                        qn("w:val"): "clear",
                        qn("w:color"): "auto",
                        qn("w:fill"): COULEUR_A_COMPLETER,
                    },
                )
                tcpr.append(fond)
