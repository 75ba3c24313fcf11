"""The annual bilan as a Word document, rendered from :class:`~.bilan.Bilan`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clsm_cli.documents import formats as F
from clsm_cli.documents import graphiques
from clsm_cli.documents import word as W

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
    titre_doc = f"Bilan d'activité {bilan.annee} — {bilan.clsm}"
    doc = W.nouveau_document(projet, titre=titre_doc)
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
    for numero, section in enumerate(sections, start=1):
        section(doc, bilan, numero)
    _annexe(doc, bilan)
    W.pied_de_page(doc, f"{bilan.clsm} — Bilan d'activité {bilan.annee}")
    return doc


def titres_sections(bilan: Bilan) -> list[tuple[int, str]]:
    """Level-1 and level-2 headings of the document, in order (the TOC's cached entries)."""
    entrees: list[tuple[int, str]] = []
    for numero, texte in enumerate(TITRES, start=1):
        if numero == 8:
            texte = f"Perspectives {bilan.perspectives.annee}"
        entrees.append((1, f"{numero}. {texte}"))
        entrees.extend((2, s) for s in _sous_titres(bilan, numero))
    entrees.append((1, "Annexe : méthode et définitions"))
    return entrees


def _sous_titres(bilan: Bilan, numero: int) -> list[str]:
    a = bilan.annee
    if numero == 1:
        return ["1.1 Identité", f"1.2 L'année {a} en chiffres"]
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


def _h(doc: DocumentWord, texte: str, niveau: int) -> None:
    W.titre(doc, texte, niveau)


# --- cover and contents ----------------------------------------------------------------------


def _page_de_garde(doc: DocumentWord, bilan: Bilan, projet: Projet | None) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    if bilan.logo and projet is not None:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run().add_picture(str(projet.racine / bilan.logo), height=Cm(3))
    for _ in range(5):
        doc.add_paragraph()
    p = W.ajouter(doc, bilan.clsm, W.style_nomme(doc, "Subtitle"))
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = W.ajouter(doc, f"Bilan d'activité {bilan.annee}", W.style_nomme(doc, "Title"))
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    W.filet(p)
    pres = bilan.presentation
    lignes = ["Conseil local de santé mentale"]
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
    ]
    W.tableau(
        doc,
        ["Rubrique", "Information"],
        [(libelle, valeur or F.NON_RENSEIGNE) for libelle, valeur in champs],
        largeurs=[5, 11.6],
    )
    _h(doc, f"1.2 L'année {b.annee} en chiffres", 2)
    W.tableau(doc, ["Indicateur", "Valeur"], chiffres_cles(b), largeurs=[12, 4.6], droite=[1])


def chiffres_cles(b: Bilan) -> list[tuple[str, str]]:
    formats = {"nombre": F.n, "pourcentage": F.pct, "euros": F.euros}
    return [
        (c.libelle, "—" if c.valeur is None else formats[c.unite](c.valeur))
        for c in b.chiffres_cles()
    ]


def _gouvernance(doc: DocumentWord, b: Bilan, numero: int) -> None:
    g = b.gouvernance
    _h(doc, f"{numero}. {TITRES[1]}", 1)
    _h(doc, f"2.1 Instances réunies en {b.annee}", 2)
    if not g.reunions:
        W.note(doc, f"Aucune réunion d'instance n'a été tenue en {b.annee}.")
    else:
        W.paragraphe(
            doc,
            f"En {b.annee}, le CLSM a tenu {F.pluriel(len(g.reunions), 'réunion')} "
            f"d'instance, au cours desquelles {F.pluriel(g.decisions, 'décision')} "
            f"{'a été prise' if g.decisions <= 1 else 'ont été prises'}.",
        )
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
                    F.pct(r.taux_presence)
                    + (f"\n{r.presents_convoques}/{r.convoques}" if r.convoques else ""),
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
                F.pct(g.taux_presence),
            ),
            largeurs=[7, 3.2, 3.2, 3.2],
            droite=[1, 2, 3],
        )
    _h(doc, "2.4 Relevé de suivi", 2)
    _suivis(doc, b)


def _suivis(doc: DocumentWord, b: Bilan) -> None:
    suivis = b.gouvernance.suivis_ouverts
    if not suivis:
        W.note(doc, f"Aucun point de suivi n'était ouvert au 31 décembre {b.annee}.")
        return
    W.paragraphe(
        doc,
        f"{F.pluriel(len(suivis), 'point de suivi', 'points de suivi')} "
        f"{'restait' if len(suivis) <= 1 else 'restaient'} ouvert"
        f"{'' if len(suivis) <= 1 else 's'} au 31 décembre {b.annee} :",
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
        )
        W.tableau(
            doc,
            ["Collège", "Membres", "Part"],
            [(c.libelle, F.n(c.nombre), F.pct(c.nombre / m.total)) for c in m.par_college],
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
            f"{F.pluriel(p.realisations, 'réalisation')} "
            f"{'a réuni' if p.realisations <= 1 else 'ont réuni'} "
            f"{F.pluriel(p.participants, 'participant')}.",
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
                            F.n(ind.cible),
                            F.n(ind.realise),
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
                    [(F.d(r.date), r.libelle, F.n(r.participants)) for r in action.realisations],
                    total=(
                        "Total",
                        F.pluriel(len(action.realisations), "réalisation"),
                        F.n(action.participants),
                    ),
                    largeurs=[3, 11, 2.6],
                    droite=[2],
                )
            else:
                W.note(doc, f"Aucune réalisation enregistrée en {b.annee}.")
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
        W.libelle_valeur(
            doc,
            "Bilan",
            f"{F.pluriel(len(s.evenements), 'événement')}, "
            f"{F.pluriel(s.participants, 'participant')}",
        )
        W.libelle_valeur(doc, "Communes", F.liste(s.communes, "aucune"))
        qpv = f"{F.pluriel(s.evenements_qpv, 'événement')} en QPV" + (
            f" ({F.liste(s.qpv)})" if s.qpv else ""
        )
        W.libelle_valeur(doc, "Quartiers prioritaires", qpv if s.evenements_qpv else "aucun")
        W.libelle_valeur(doc, "Partenaires et organisateurs", F.liste(s.partenaires, "aucun"))
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
                    F.d(e.date) + (f"\n{F.heure(e.heure)}" if e.heure else ""),
                    f"{e.titre}\n({e.type_libelle})",
                    _lieu(e),
                    F.n(e.participants),
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
        if s.historique:
            W.image(
                doc,
                graphiques.dessiner(
                    graphiques.barres_verticales,
                    [str(h.annee) for h in s.historique],
                    [h.participants for h in s.historique],
                    "Participants à la SISM par année",
                ),
                graphiques.largeur_cm(len(s.historique), 12),
                "Figure 3 — Participants à la SISM par année",
            )
        W.tableau(
            doc,
            ["Année", "Thème", "Événements", "Participants"],
            [(str(h.annee), h.theme, F.n(h.evenements), F.n(h.participants)) for h in s.historique],
            largeurs=[1.8, 9.2, 2.8, 2.8],
            droite=[2, 3],
        )


def _lieu(e: EvenementBilan) -> str:
    lieu = "\n".join(x for x in (e.lieu, e.commune) if x) or ("en ligne" if e.en_ligne else "—")
    if e.qpv:
        lieu += "\nQPV" + (f" {e.qpv}" if e.qpv != "oui" else "")
    return lieu


def _cellule(doc: DocumentWord, b: Bilan, numero: int) -> None:
    c: CelluleBilan = b.cellule
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
        W.paragraphe(doc, rubrique.titre, gras=True)
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
                (x.financeur, F.euros(x.montant), F.pct(x.montant / f.total if f.total else None))
                for x in f.par_financeur
            ],
            largeurs=[8.6, 4, 4],
            droite=[1, 2],
        )


def _perspectives(doc: DocumentWord, b: Bilan, numero: int) -> None:
    p = b.perspectives
    _h(doc, f"{numero}. Perspectives {p.annee}", 1)
    W.paragraphe(doc, f"Actions prévues ou à poursuivre en {p.annee}", gras=True)
    if p.actions:
        W.tableau(
            doc,
            ["Action", "Axe", "Statut", "Période"],
            [(a.intitule, a.axe, a.statut_libelle, F.periode(a.debut, a.fin)) for a in p.actions],
            largeurs=[6.2, 4.4, 2.2, 3.8],
        )
    else:
        W.note(doc, f"Aucune action n'est encore prévue pour {p.annee}.")
    W.paragraphe(doc, "Réunions programmées", gras=True)
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
    W.paragraphe(doc, f"SISM {p.annee}", gras=True)
    if p.sism_theme:
        W.paragraphe(doc, f"Thème : « {p.sism_theme} ».")
    else:
        W.note(doc, f"Le programme de la SISM {p.annee} reste à construire.")
    W.paragraphe(doc, "Suivis ouverts", gras=True)
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
