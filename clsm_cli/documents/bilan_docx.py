"""The annual bilan as a Word document, rendered from :class:`~.bilan.Bilan`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clsm_cli.documents import formats as F
from clsm_cli.documents import graphiques
from clsm_cli.documents import word as W
from clsm_cli.noyau import grammaire as G

if TYPE_CHECKING:
    from docx.document import Document as DocumentWord

    from clsm_cli.noyau.bilan import Bilan, CelluleBilan, EvenementBilan
    from clsm_cli.noyau.projet import Projet

TITRES = [
    "Présentation du CLSM",
    "Gouvernance et instances",
    "Membres",
    "Plan d'action",
    "Semaines d'information sur la santé mentale",
    "Cellule de cas complexes",
    "Financements",
    "Perspectives",
]


def bilan_docx(bilan: Bilan, projet: Projet | None = None) -> bytes:
    """The .docx of the bilan (``projet`` gives the reference document and the logo)."""
    return finaliser(construire_bilan_docx(bilan, projet))


def finaliser(doc: DocumentWord) -> bytes:
    """Place the charts (drawn meanwhile, perhaps by a helper process) and save."""
    W.placer_images(doc)
    return W.en_octets(doc)


def construire_bilan_docx(bilan: Bilan, projet: Projet | None = None) -> DocumentWord:
    """The document, its charts possibly still being drawn (see :func:`finaliser`)."""
    titre_doc = f"{_intitule(bilan)} — {bilan.clsm}"
    doc = W.nouveau_document(
        projet, titre=titre_doc, sujet=f"Bilan annuel {G.de(bilan.clsm)} pour {bilan.annee}"
    )
    _page_de_garde(doc, bilan, projet)
    _sommaire(doc, bilan)
    sections = [
        _presentation,
        _gouvernance,
        _membres,
        _plan,
        _sism,
        _cellule,
        _financements,
        _perspectives,
    ]
    if bilan.cellule is None:
        sections.remove(_cellule)
    for numero, section in enumerate(sections, start=1):
        section(doc, bilan, numero)
    _annexe(doc, bilan)
    W.pied_de_page(doc, f"{bilan.clsm} — {_intitule(bilan)}")
    if bilan.provisoire:
        W.mention_entete(doc, f"Bilan provisoire au {F.d(bilan.au)}")
    return doc


def _intitule(bilan: Bilan) -> str:
    """« Bilan d'activité 2025 », « Bilan d'activité 2026 (provisoire, au 1er décembre
    2026) »."""
    texte = f"Bilan d'activité {bilan.annee}"
    return texte + (f" (provisoire, au {F.d(bilan.au)})" if bilan.provisoire else "")


def titre_perspectives(bilan: Bilan) -> str:
    if bilan.provisoire:
        return f"Perspectives (après le {F.d(bilan.au)})"
    return f"Perspectives {bilan.perspectives.annee}"


def titres_sections(bilan: Bilan) -> list[tuple[int, str]]:
    """Level-1 and level-2 headings of the document, in order (the TOC's cached entries)."""
    entrees: list[tuple[int, str]] = []
    numero = 0
    for rang, texte in enumerate(TITRES, start=1):
        if rang == 6 and bilan.cellule is None:
            continue
        numero += 1
        if rang == 8:
            texte = titre_perspectives(bilan)
        entrees.append((1, f"{numero}. {texte}"))
        entrees.extend((2, s) for s in _sous_titres(bilan, rang))
    entrees.append((1, "Annexe : méthode et définitions"))
    return entrees


def _sous_titres(bilan: Bilan, numero: int) -> list[str]:
    a = bilan.annee
    if numero == 1:
        return ["1.1 Identité", f"1.2 L'année {a} en chiffres", "1.3 Historique et diagnostic"]
    if numero == 2:
        return [
            f"2.1 Instances réunies en {a}",
            "2.2 Présence aux réunions",
            "2.3 Présence par collège",
            "2.4 Relevé de suivi",
        ]
    if numero == 3:
        return [
            "3.1 Composition par collège",
            "3.2 Arrivées et départs",
            "3.3 Structures représentées",
        ]
    if numero == 4:
        titres = ["4.1 Vue d'ensemble"]
        titres += [f"4.{i} {axe.intitule}" for i, axe in enumerate(bilan.plan.axes, start=2)]
        titres.append(f"4.{len(bilan.plan.axes) + 2} Actions touchant les QPV")
        return titres
    if numero == 5:
        return [f"5.1 SISM {a}", "5.2 Programme", "5.3 Évolution d'une année à l'autre"]
    if numero == 6:
        return ["6.1 Activité", "6.2 Répartitions"]
    return []


def description_graphique(titre: str, barres: list[tuple[str, int]], total: str = "") -> str:
    """A chart's alternative text: its title and the figures it shows (« Membres par collège
    au 31 décembre 2025 : Élus 4, Psychiatrie publique 6 ; 31 membres au total. »)."""
    chiffres = ", ".join(f"{libelle} {F.n(valeur)}" for libelle, valeur in barres)
    return f"Graphique en barres. {titre} : {chiffres}" + (f" ; {total}" if total else "") + "."


def _h(doc: DocumentWord, texte: str, niveau: int) -> None:
    W.titre(doc, texte, niveau)


# --- cover and contents ----------------------------------------------------------------------


def _page_de_garde(doc: DocumentWord, bilan: Bilan, projet: Projet | None) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    if bilan.logo and projet is not None:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        logo = p.add_run().add_picture(str(projet.racine / bilan.logo), height=Cm(3))
        W.texte_alternatif(logo, f"Logo {G.de(bilan.clsm)}")
    for _ in range(5):
        doc.add_paragraph()
    p = W.ajouter(doc, bilan.clsm, W.style_nomme(doc, "Subtitle"))
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = W.ajouter(doc, f"Bilan d'activité {bilan.annee}", W.style_nomme(doc, "Title"))
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    W.filet(p)
    pres = bilan.presentation
    lignes = ["Conseil local de santé mentale"]
    if bilan.provisoire:
        lignes.insert(0, f"Bilan provisoire au {F.d(bilan.au)}, l'année n'étant pas achevée")
    if pres.territoire:
        lignes.append(f"Territoire : {pres.territoire}")
    for texte in lignes:
        p = doc.add_paragraph(W.texte_sur(texte))
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.runs[0].font.size = Pt(12)
    for _ in range(10):
        doc.add_paragraph()
    for texte in (
        f"Présenté au comité de pilotage — document édité le {F.d(bilan.date_edition)}",
        f"Porteur : {pres.porteur}" if pres.porteur else "",
        f"Coordination : {pres.coordination}" if pres.coordination else "",
    ):
        if texte:
            p = doc.add_paragraph(W.texte_sur(texte))
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_after = Pt(2)
            p.runs[0].font.size = Pt(9.5)
    W.saut_de_page(doc)


def _sommaire(doc: DocumentWord, bilan: Bilan) -> None:
    from docx.shared import Pt

    style = "TOC Heading" if W.style_existe(doc, "TOC Heading") else None
    p = doc.add_paragraph("Sommaire", style=style)
    if style is None:
        p.runs[0].bold = True
        p.runs[0].font.size = Pt(16)
    W.sommaire(doc, titres_sections(bilan))
    W.saut_de_page(doc)


# --- sections --------------------------------------------------------------------------------


def _presentation(doc: DocumentWord, b: Bilan, numero: int) -> None:
    p = b.presentation
    _h(doc, f"{numero}. {TITRES[0]}", 1)
    _h(doc, "1.1 Identité", 2)
    population = F.pluriel(p.population, "habitant") if p.population is not None else None
    etp = f" ({F.n(p.etp_coordination)} ETP)" if p.etp_coordination is not None else ""
    champs = [
        ("Nom", p.nom),
        ("Territoire", p.territoire),
        ("Communes", F.liste(p.communes) if p.communes else None),
        ("Population", population),
        ("Quartiers prioritaires (QPV)", F.liste(p.qpv, "aucun") if p.qpv else None),
        ("Date de création", F.d(p.date_creation) if p.date_creation else None),
        ("Structure porteuse", p.porteur),
        ("Présidence", p.presidence),
        ("Co-animation", p.co_animation),
        ("Coordination", f"{p.coordination}{etp}" if p.coordination else (etp.strip() or None)),
        (
            "Convention",
            F.periode(p.convention_debut, p.convention_fin)
            if p.convention_debut or p.convention_fin
            else None,
        ),
        ("Contrat local de santé (CLS)", p.cls),
        ("Projet territorial de santé mentale (PTSM)", p.ptsm),
    ]
    W.tableau(
        doc,
        ["Rubrique", "Information"],
        [(libelle, valeur or F.nr(libelle)) for libelle, valeur in champs],
        largeurs=[5, 11.6],
    )
    _h(doc, f"1.2 L'année {b.annee} en chiffres", 2)
    W.tableau(doc, ["Indicateur", "Valeur"], chiffres_cles(b), largeurs=[12, 4.6], droite=[1])
    notes = _notes_inconnus(b)
    if notes:
        W.note(doc, " ".join(notes))
    _historique(doc, b)


def _notes_inconnus(b: Bilan) -> list[str]:
    """Notes on figures left out of totals because they were never entered."""
    notes = []
    p, s = b.plan, b.sism
    if 0 < p.participants_inconnus < p.realisations:
        notes.append(
            f"Participants aux réalisations : nombre non renseigné pour "
            f"{G.compte(p.participants_inconnus, 'réalisation')}, non compté"
            f"{'e' if p.participants_inconnus == 1 else 'es'} dans le total."
        )
    if 0 < s.participants_inconnus < len(s.evenements):
        notes.append(
            f"Participants à la SISM : nombre non renseigné pour "
            f"{G.compte(s.participants_inconnus, 'événement')}, non compté"
            f"{'' if s.participants_inconnus == 1 else 's'} dans le total."
        )
    return notes


def _historique(doc: DocumentWord, b: Bilan) -> None:
    h = b.historique
    _h(doc, "1.3 Historique et diagnostic", 2)
    _h(doc, "Les grandes étapes", 3)
    if h.etapes:
        W.puces(doc, [f"{e.date_texte} : {e.libelle}" for e in h.etapes])
    else:
        W.note(doc, "Aucun jalon enregistré (clsm jalon ajouter).")
    _h(doc, "Dernier diagnostic partagé", 3)
    d = h.diagnostic
    if d is None:
        W.note(doc, "Aucun diagnostic partagé enregistré (clsm diagnostic ajouter).")
        return
    if d.intitule:
        W.paragraphe(doc, d.intitule, italique=True)
    W.libelle_valeur(doc, "Date", d.date_texte)
    W.libelle_valeur(doc, "Réalisé par", d.realise_par or F.NON_RENSEIGNE)
    W.libelle_valeur(doc, "Méthode", F.liste(d.methode, "non renseignée"))
    if len(d.sources) > 1:
        W.paragraphe(doc, "Sources :")
        W.puces(doc, d.sources)
    else:
        W.libelle_valeur(doc, "Sources", F.liste(d.sources, "non renseignées"))
    if d.constats:
        W.paragraphe(doc, "Principaux constats :")
        W.puces(doc, d.constats)
    _h(doc, "Priorités retenues et actions du plan qui y répondent", 3)
    if not h.couverture:
        W.note(doc, "Aucune priorité n'a été retenue à partir de ce diagnostic.")
        return
    W.tableau(
        doc,
        ["Priorité", "Axes du plan", "Réalisées", "En cours", "Prévues"],
        [
            (
                c.libelle + (" — aucune action" if c.sans_action else ""),
                "\n".join(c.axes) or "aucun axe",
                c.realisees,
                c.en_cours,
                c.prevues,
            )
            for c in h.couverture
        ],
        largeurs=[5.2, 6.4, 1.7, 1.6, 1.7],
        droite=[2, 3, 4],
    )
    sans = h.priorites_sans_action
    if sans:
        W.paragraphe(
            doc,
            ("Priorité sans aucune action : " if len(sans) == 1 else "Priorités sans action : ")
            + F.liste([f"« {x} »" for x in sans])
            + ".",
            gras=True,
        )


def chiffres_cles(b: Bilan) -> list[tuple[str, str]]:
    formats = {"nombre": F.n, "pourcentage": F.pct, "euros": F.euros}
    return [
        (
            c.libelle,
            _inconnu(c.unite, c.libelle) if c.valeur is None else formats[c.unite](c.valeur),
        )
        for c in b.chiffres_cles()
    ]


def _gouvernance(doc: DocumentWord, b: Bilan, numero: int) -> None:
    g = b.gouvernance
    _h(doc, f"{numero}. {TITRES[1]}", 1)
    _h(doc, f"2.1 Instances réunies en {b.annee}", 2)
    if not g.reunions:
        W.note(doc, f"Aucune réunion d'instance n'a été tenue en {b.annee}.")
    else:
        W.paragraphe(doc, phrase_reunions(b))
        W.tableau(
            doc,
            ["Instance", "Réunions", "Dates"],
            [
                (i.libelle, F.n(i.nombre), ", ".join(F.d(x) for x in i.dates))
                for i in g.par_instance
            ],
            largeurs=[6, 2.2, 8.4],
            droite=[1],
        )
    _h(doc, "2.2 Présence aux réunions", 2)
    if not g.reunions:
        W.note(doc, "Sans réunion tenue, aucun taux de présence n'est calculé.")
    else:
        W.tableau(
            doc,
            [
                "Date",
                "Instance",
                "Présents",
                "Excusés",
                "Taux de présence",
                "Décisions",
            ],
            [
                (
                    F.d(r.date),
                    r.libelle,
                    F.n(r.participants),
                    F.n(r.excuses),
                    F.pct(r.taux_presence) + f"\n{r.presents_convoques}/{r.convoques}"
                    if r.convoques
                    else NON_CALCULABLE,
                    F.n(r.decisions),
                )
                for r in g.reunions
            ],
            largeurs=[3, 6.5, 1.7, 1.7, 2, 1.7],
            droite=[2, 3, 4, 5],
        )
        W.note(
            doc,
            "Taux de présence : part des membres convoqués (membres actifs siégeant dans "
            "l'instance) présents à la réunion (présents/convoqués). Les présents comptent "
            "aussi les invités.",
        )
    _h(doc, "2.3 Présence par collège", 2)
    if not g.presence_par_college:
        W.note(doc, f"Aucune convocation de membre enregistrée pour {b.annee}.")
    else:
        W.tableau(
            doc,
            ["Collège", "Convocations", "Présences", "Taux de présence"],
            [
                (c.libelle, F.n(c.convocations), F.n(c.presences), F.pct(c.taux))
                for c in g.presence_par_college
            ],
            total=(
                "Ensemble",
                F.n(sum(c.convocations for c in g.presence_par_college)),
                F.n(sum(c.presences for c in g.presence_par_college)),
                F.pct(g.taux_presence) if g.taux_presence is not None else NON_CALCULABLE,
            ),
            largeurs=[7, 3.2, 3.2, 3.2],
            droite=[1, 2, 3],
        )
    _h(doc, "2.4 Relevé de suivi", 2)
    _suivis(doc, b)


def phrase_reunions(b: Bilan) -> str:
    """« En 2025, le CLSM a tenu 1 réunion d'instance, au cours de laquelle aucune décision n'a
    été prise. »"""
    g = b.gouvernance
    n, d = len(g.reunions), g.decisions
    periode = f"Au {F.d(b.au)}" if b.provisoire else f"En {b.annee}"
    lequel = "de laquelle" if n == 1 else "desquelles"
    if d == 0:
        decisions = "aucune décision n'a été prise"
    else:
        accord = G.accord_nombre(d, "a été prise", "ont été prises")
        decisions = f"{G.compte(d, 'décision')} {accord}"
    return (
        f"{periode}, le CLSM a tenu {G.compte(n, 'réunion')} d'instance, au cours {lequel} "
        f"{decisions}."
    )


def _suivis(doc: DocumentWord, b: Bilan) -> None:
    suivis = b.gouvernance.suivis_ouverts
    if not suivis:
        W.note(doc, f"Aucun point de suivi n'était ouvert au {F.d(b.au)}.")
        return
    W.paragraphe(
        doc,
        f"{F.pluriel(len(suivis), 'point de suivi', 'points de suivi')} "
        f"{'restait' if len(suivis) <= 1 else 'restaient'} ouvert"
        f"{'' if len(suivis) <= 1 else 's'} au {F.d(b.au)} :",
    )
    W.tableau(
        doc,
        ["Échéance", "Quoi", "Qui", "Décidé en"],
        [
            (F.d(s.echeance), s.quoi, s.qui or "—", f"{s.instance}, {F.d(s.date_reunion)}")
            for s in suivis
        ],
        largeurs=[2.8, 7, 3, 3.8],
    )


def _membres(doc: DocumentWord, b: Bilan, numero: int) -> None:
    m = b.membres
    _h(doc, f"{numero}. {TITRES[2]}", 1)
    _h(doc, "3.1 Composition par collège", 2)
    if not m.total:
        W.note(doc, f"Aucun membre actif au {F.d(m.au)}.")
    else:
        W.paragraphe(
            doc,
            f"Au {F.d(m.au)}, le CLSM réunit {F.pluriel(m.total, 'membre')} (personnes et "
            f"structures) répartis en {F.pluriel(len(m.par_college), 'collège')}.",
            suite=True,
        )
        W.image(
            doc,
            graphiques.dessiner(
                graphiques.barres_horizontales,
                [c.libelle for c in m.par_college],
                [c.nombre for c in m.par_college],
                "Membres par collège",
            ),
            14.5,
            f"Figure 1 — Membres par collège au {F.d(m.au)}",
            description=description_graphique(
                f"Membres par collège au {F.d(m.au)}",
                [(c.libelle, c.nombre) for c in m.par_college],
                f"{G.compte(m.total, 'membre')} au total",
            ),
        )
        W.tableau(
            doc,
            ["Collège", "Membres", "Part"],
            [
                (c.libelle, F.n(c.nombre), part)
                for c, part in zip(
                    m.par_college, F.parts([c.nombre for c in m.par_college]), strict=True
                )
            ],
            total=("Total", F.n(m.total), "100\u00a0%"),
            largeurs=[9, 3.8, 3.8],
            droite=[1, 2],
        )
    _h(doc, "3.2 Arrivées et départs", 2)
    mouvements = [("Arrivée", x) for x in m.arrivees] + [("Départ", x) for x in m.departs]
    if not mouvements:
        W.note(doc, f"Aucune arrivée ni aucun départ enregistré en {b.annee}.")
    else:
        W.paragraphe(
            doc,
            f"{F.pluriel(len(m.arrivees), 'arrivée')} et {F.pluriel(len(m.departs), 'départ')} "
            f"en {b.annee}.",
        )
        W.tableau(
            doc,
            ["Mouvement", "Membre", "Collège", "Date"],
            [(sens, x.libelle, x.college, F.d(x.date)) for sens, x in mouvements],
            largeurs=[2.4, 7.2, 4, 3],
        )
    _h(doc, "3.3 Structures représentées", 2)
    if not m.structures:
        W.note(doc, "Aucune structure renseignée.")
    else:
        W.paragraphe(
            doc,
            f"{F.pluriel(len(m.structures), 'structure')} représentée"
            f"{'s' if len(m.structures) > 1 else ''} :",
        )
        W.puces(doc, m.structures)


def _plan(doc: DocumentWord, b: Bilan, numero: int) -> None:
    p = b.plan
    _h(doc, f"{numero}. {TITRES[3]}", 1)
    _h(doc, "4.1 Vue d'ensemble", 2)
    if p.periode_debut or p.periode_fin:
        W.paragraphe(doc, f"Plan d'action {F.periode(p.periode_debut, p.periode_fin)}.", suite=True)
    if not p.actions:
        W.note(doc, f"Aucune action du plan ne concerne l'année {b.annee}.")
    else:
        W.paragraphe(
            doc,
            f"{F.pluriel(p.actions, 'action')} du plan "
            f"{'concerne' if p.actions <= 1 else 'concernent'} l'année {b.annee} ; "
            + phrase_realisations(b)
            + ".",
            suite=True,
        )
        W.image(
            doc,
            graphiques.dessiner(
                graphiques.barres_verticales,
                [s.libelle for s in p.par_statut],
                [s.nombre for s in p.par_statut],
                "Actions par statut",
            ),
            graphiques.largeur_cm(len(p.par_statut), 14),
            "Figure 2 — Actions du plan par statut",
            description=description_graphique(
                f"Actions du plan par statut en {b.annee}",
                [(s.libelle, s.nombre) for s in p.par_statut],
                f"{G.compte(p.actions, 'action')} au total",
            ),
        )
        W.tableau(
            doc,
            ["Axe", *[s.libelle for s in p.par_statut], "Total"],
            [
                (
                    axe.intitule,
                    *[
                        F.n(next((c.nombre for c in axe.par_statut if c.statut == s.statut), 0))
                        for s in p.par_statut
                    ],
                    F.n(len(axe.actions)),
                )
                for axe in p.axes
            ],
            total=("Total", *[F.n(s.nombre) for s in p.par_statut], F.n(p.actions)),
            droite=list(range(1, len(p.par_statut) + 2)),
        )
    for i, axe in enumerate(p.axes, start=2):
        _h(doc, f"4.{i} {axe.intitule}", 2)
        sans_realisation = []
        W.paragraphe(
            doc,
            f"{F.pluriel(len(axe.actions), 'action')} : "
            + ", ".join(f"{c.libelle.lower()} {F.n(c.nombre)}" for c in axe.par_statut)
            + ".",
            italique=True,
        )
        for action in axe.actions:
            W.titre(doc, action.intitule, 3)
            details = [
                f"Type : {action.type_libelle}",
                f"Statut : {action.statut_libelle}",
            ]
            if action.pilote:
                details.append(f"Pilote : {action.pilote}")
            if action.qpv:
                qpv = "oui" if action.qpv == ["oui"] else F.liste(action.qpv)
                details.append(f"QPV : {qpv}")
            W.paragraphe(doc, " · ".join(details))
            if action.indicateurs:
                W.tableau(
                    doc,
                    ["Indicateur", "Cible", "Réalisé", "Atteinte"],
                    [
                        (
                            _indicateur(ind.libelle, ind.unite),
                            F.n(ind.cible) if ind.cible is not None else "non fixée",
                            F.n(ind.realise) if ind.realise is not None else F.nr("Réalisé"),
                            F.pct(ind.pourcentage),
                        )
                        for ind in action.indicateurs
                    ],
                    largeurs=[9.4, 2.4, 2.4, 2.4],
                    droite=[1, 2, 3],
                )
            if action.realisations:
                W.tableau(
                    doc,
                    ["Date", "Réalisation", "Participants"],
                    [
                        (
                            F.d(r.date),
                            r.libelle,
                            F.nr("Nombre") if r.participants is None else F.n(r.participants),
                        )
                        for r in action.realisations
                    ],
                    total=(
                        "Total",
                        F.pluriel(len(action.realisations), "réalisation"),
                        F.nr("Nombre")
                        if action.participants_inconnus == len(action.realisations)
                        else F.n(action.participants),
                    ),
                    largeurs=[3, 11, 2.6],
                    droite=[2],
                )
            else:
                sans_realisation.append(action.intitule)
        if p.realisations and sans_realisation:
            if len(sans_realisation) == len(axe.actions):
                W.note(doc, f"Aucune réalisation enregistrée en {b.annee} sur cet axe.")
            else:
                W.note(
                    doc,
                    f"Aucune réalisation enregistrée en {b.annee} pour : "
                    f"{F.liste([f'« {x} »' for x in sans_realisation])}.",
                )
    _h(doc, f"4.{len(p.axes) + 2} Actions touchant les QPV", 2)
    if p.actions_qpv:
        W.paragraphe(
            doc,
            f"{F.pluriel(len(p.actions_qpv), 'action')} "
            f"{'touche' if len(p.actions_qpv) <= 1 else 'touchent'} un ou plusieurs quartiers "
            "prioritaires de la politique de la ville :",
        )
        W.puces(doc, p.actions_qpv)
    else:
        W.note(doc, f"Aucune action de {b.annee} ne vise un quartier prioritaire.")


def phrase_realisations(b: Bilan) -> str:
    """« 7 réalisations ont réuni 120 participants », without counting unknown figures as 0."""
    p = b.plan
    if p.realisations == 0:
        return f"aucune réalisation n'est enregistrée en {b.annee}"
    nombre = G.compte(p.realisations, "réalisation")
    verbe = G.accord_nombre(p.realisations, "a réuni", "ont réuni")
    if p.participants_inconnus == p.realisations:
        return f"{nombre}, dont le nombre de participants n'est pas renseigné"
    texte = f"{nombre} {verbe} {G.compte(p.participants, 'participant')}"
    if p.participants_inconnus:
        texte += (
            f" (nombre de participants non renseigné pour "
            f"{G.compte(p.participants_inconnus, 'réalisation')})"
        )
    return texte


def _sism(doc: DocumentWord, b: Bilan, numero: int) -> None:
    s = b.sism
    _h(doc, f"{numero}. {TITRES[4]}", 1)
    _h(doc, f"5.1 SISM {b.annee}", 2)
    if not s.programme:
        W.note(
            doc,
            f"Aucune SISM n'est enregistrée pour {b.annee} (pas de fichier sism/{b.annee}.toml).",
        )
    else:
        W.libelle_valeur(doc, "Thème", f"« {s.theme} »")
        W.libelle_valeur(doc, "Dates", F.periode(s.debut, s.fin))
        W.libelle_valeur(doc, "Comité d'organisation", F.liste(s.comite))
        W.libelle_valeur(
            doc,
            "Bilan",
            f"{_compte(s.nombre_evenements, 'événement')}, "
            f"{_compte(s.participants, 'participant')}",
        )
        if s.totaux_declares:
            W.note(doc, "Totaux déclarés pour l'année, sans le détail des événements.")
        W.libelle_valeur(doc, "Communes", F.liste(s.communes, "aucune"))
        qpv = f"{F.pluriel(s.evenements_qpv, 'événement')} en QPV" + (
            f" ({F.liste(s.qpv)})" if s.qpv else ""
        )
        W.libelle_valeur(doc, "Quartiers prioritaires", qpv if s.evenements_qpv else "aucun")
        W.libelle_valeur(
            doc,
            "Partenaires et organisateurs",
            F.liste(s.partenaires, "aucun")
            if s.partenaires or s.nombre_partenaires is None
            else _compte(s.nombre_partenaires, "partenaire"),
        )
        W.paragraphe(doc)
        if s.par_type:
            W.tableau(
                doc,
                ["Type d'événement", "Événements", "Participants"],
                [(t.libelle, F.n(t.nombre), F.n(t.participants)) for t in s.par_type],
                total=("Total", F.n(len(s.evenements)), F.n(s.participants)),
                largeurs=[8.6, 4, 4],
                droite=[1, 2],
            )
    _h(doc, "5.2 Programme", 2)
    if not s.evenements:
        W.note(doc, f"Aucun événement SISM enregistré pour {b.annee}.")
    else:
        W.tableau(
            doc,
            ["Date", "Événement", "Lieu", "Participants"],
            [
                (
                    (F.periode(e.date, e.fin) if e.fin else F.d(e.date))
                    + (f"\n{F.heure(e.heure)}" if e.heure else "")
                    + (f" à {F.heure(e.heure_fin)}" if e.heure and e.heure_fin else ""),
                    f"{e.titre}\n({e.type_libelle})",
                    _lieu(e),
                    F.n(e.participants) if e.participants is not None else F.nr("Nombre"),
                )
                for e in s.evenements
            ],
            largeurs=[3, 7.5, 5, 2],
            droite=[3],
        )
    _h(doc, "5.3 Évolution d'une année à l'autre", 2)
    if not s.historique:
        W.note(doc, "Aucune SISM enregistrée dans le dossier.")
    else:
        connues = [h for h in s.historique if h.participants is not None]
        if connues:
            W.image(
                doc,
                graphiques.dessiner(
                    graphiques.barres_verticales,
                    [str(h.annee) for h in connues],
                    [h.participants for h in connues],
                    "Participants à la SISM par année",
                ),
                graphiques.largeur_cm(len(connues), 12),
                "Figure 3 — Participants à la SISM par année",
                description=description_graphique(
                    "Participants à la SISM par année",
                    [(str(h.annee), h.participants or 0) for h in connues],
                ),
            )
        W.tableau(
            doc,
            ["Année", "Thème", "Événements", "Participants"],
            [
                (
                    str(h.annee),
                    h.theme,
                    F.n(h.evenements) if h.evenements is not None else F.nr("Nombre"),
                    F.n(h.participants) if h.participants is not None else F.nr("Nombre"),
                )
                for h in s.historique
            ],
            largeurs=[1.8, 9.2, 2.8, 2.8],
            droite=[2, 3],
        )


NON_CALCULABLE = "non calculable"
"""A rate whose denominator is zero (nobody convened): not 0 %, not unknown."""


def _inconnu(unite: str, libelle: str) -> str:
    """An unknown key figure: « non calculable » for a rate, else « non renseigné(e) » agreed
    with its label."""
    return NON_CALCULABLE if unite == "pourcentage" else F.nr(libelle)


def _compte(nombre: int | None, mot: str) -> str:
    """« 3 participants », or « nombre de participants non renseigné » when unknown."""
    if nombre is None:
        de = "d'" if mot[0] in "aeéèêiouh" else "de "
        return f"nombre {de}{mot}s non renseigné"
    return F.pluriel(nombre, mot)


def _lieu(e: EvenementBilan) -> str:
    lieu = "\n".join(x for x in (e.lieu, e.commune) if x) or ("en ligne" if e.en_ligne else "—")
    if e.qpv:
        lieu += "\nQPV" + (f" {e.qpv}" if e.qpv != "oui" else "")
    return lieu


def _cellule(doc: DocumentWord, b: Bilan, numero: int) -> None:
    c: CelluleBilan | None = b.cellule
    assert c is not None
    _h(doc, f"{numero}. {TITRES[5]}", 1)
    W.note(
        doc,
        "Chiffres agrégés et anonymes. Conformément aux règles de la cellule, tout effectif "
        f"de 0 à {c.seuil_masquage - 1} est affiché « masqué », comme les effectifs qui "
        "permettraient de le retrouver.",
    )
    _h(doc, "6.1 Activité", 2)
    if not c.activite:
        W.note(doc, f"Aucune activité de la cellule n'est enregistrée pour {b.annee}.")
    W.tableau(
        doc,
        ["Indicateur", "Effectif"],
        [(x.libelle, _valeur(x.valeur)) for x in c.indicateurs],
        largeurs=[12, 4.6],
        droite=[1],
    )
    if c.archives:
        W.note(doc, "Ces chiffres incluent les décomptes anonymes des situations purgées.")
    _h(doc, "6.2 Répartitions", 2)
    if not c.activite:
        W.note(doc, f"Aucune donnée pour {b.annee}.")
        return
    non_publiees = []
    for rubrique in c.rubriques:
        if not rubrique.lignes:
            continue
        if all(isinstance(x.valeur, str) for x in rubrique.lignes):
            non_publiees.append(rubrique.titre.split(" (")[0].lower())
            continue
        W.titre(doc, rubrique.titre, 3)
        W.tableau(
            doc,
            ["Catégorie", "Effectif"],
            [(x.libelle, _valeur(x.valeur)) for x in rubrique.lignes],
            largeurs=[12, 4.6],
            droite=[1],
        )
    if non_publiees:
        W.note(
            doc,
            f"Répartitions non publiées, tous leurs effectifs étant masqués : "
            f"{F.liste(non_publiees)}.",
        )


def _valeur(valeur: int | str) -> str:
    return F.n(valeur) if isinstance(valeur, int) else valeur


def _financements(doc: DocumentWord, b: Bilan, numero: int) -> None:
    f = b.financements
    _h(doc, f"{numero}. {TITRES[6]}", 1)
    if not f.lignes:
        W.note(doc, f"Aucun financement n'est enregistré pour {b.annee} dans clsm.toml.")
        return
    W.paragraphe(doc, f"Financements {b.annee} : {F.euros(f.total)} au total.")
    W.tableau(
        doc,
        ["Financeur", "Objet", "Montant"],
        [(x.financeur, x.objet or "—", F.euros(x.montant)) for x in f.lignes],
        total=("Total", "", F.euros(f.total)),
        largeurs=[5, 8.4, 3.2],
        droite=[2],
    )
    if len(f.par_financeur) > 1:
        W.tableau(
            doc,
            ["Financeur", "Montant", "Part"],
            [
                (x.financeur, F.euros(x.montant), part)
                for x, part in zip(
                    f.par_financeur, F.parts([x.montant for x in f.par_financeur]), strict=True
                )
            ],
            largeurs=[8.6, 4, 4],
            droite=[1, 2],
        )


def _perspectives(doc: DocumentWord, b: Bilan, numero: int) -> None:
    p = b.perspectives
    _h(doc, f"{numero}. {titre_perspectives(b)}", 1)
    W.titre(doc, f"Actions prévues ou à poursuivre en {p.annee}", 3)
    if p.actions:
        W.tableau(
            doc,
            ["Action", "Axe", "Statut", "Période"],
            [(a.intitule, a.axe, a.statut_libelle, F.periode(a.debut, a.fin)) for a in p.actions],
            largeurs=[6.2, 4.4, 2.2, 3.8],
        )
    else:
        W.note(doc, f"Aucune action n'est encore prévue pour {p.annee}.")
    W.titre(doc, "Réunions programmées", 3)
    if p.reunions:
        W.puces(
            doc,
            [
                f"{F.d(r.date)} : {r.libelle}" + (f" ({r.lieu})" if r.lieu else "")
                for r in p.reunions
            ],
        )
    else:
        W.note(doc, "Aucune réunion n'est encore programmée.")
    W.titre(doc, f"SISM {p.annee}", 3)
    if p.sism_theme:
        W.paragraphe(doc, f"Thème : « {p.sism_theme} ».")
    else:
        W.note(doc, f"Le programme de la SISM {p.annee} reste à construire.")
    W.titre(doc, "Suivis ouverts", 3)
    n = len(p.suivis_ouverts)
    if n:
        W.paragraphe(
            doc,
            f"{F.pluriel(n, 'point de suivi', 'points de suivi')} à traiter "
            "(voir le relevé de suivi, partie 2.4).",
        )
    else:
        W.note(doc, "Aucun point de suivi ouvert.")


def _indicateur(libelle: str, unite: str | None) -> str:
    """« Libellé (unité) », without repeating a unit the label already says."""
    if not unite or unite.casefold() in libelle.casefold():
        return libelle
    return f"{libelle} ({unite})"


def _annexe(doc: DocumentWord, b: Bilan) -> None:
    W.saut_de_page(doc)
    _h(doc, "Annexe : méthode et définitions", 1)
    W.paragraphe(
        doc,
        f"Ce bilan est produit par clsm à partir des fichiers du dossier du CLSM, le "
        f"{F.d(b.date_edition)}. Les mêmes chiffres figurent dans le classeur "
        f"bilan-{b.annee}.xlsx.",
    )
    W.puces(doc, b.definitions)
