"""The annual bilan as an Excel workbook: one sheet per table, native charts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clsm_cli.documents import excel as X
from clsm_cli.documents import formats as F
from clsm_cli.documents.excel import Colonne as C

if TYPE_CHECKING:
    from clsm_cli.noyau.bilan import Bilan


def bilan_xlsx(bilan: Bilan) -> bytes:
    """The .xlsx of the bilan: the same figures as the .docx, as tables to reuse."""
    b = bilan
    titre = f"Bilan d'activité {b.annee}" + (" (provisoire)" if b.provisoire else "")
    classeur = X.nouveau_classeur(f"{titre} — {b.clsm}", b.clsm)
    tables: set[str] = set()

    def feuille(nom: str, colonnes: list[C], lignes: list[tuple[object, ...]], vide: str):  # type: ignore[no-untyped-def]
        return X.feuille(classeur, nom, colonnes, lignes, vide=vide, tables=tables)

    p = b.presentation
    feuille(
        "Présentation",
        [C("Rubrique"), C("Information", largeur=70)],
        [
            ("CLSM", p.nom),
            ("Bilan de l'année", b.annee),
            ("Territoire", p.territoire),
            ("Communes", ", ".join(p.communes) or None),
            ("Population", p.population),
            ("Quartiers prioritaires (QPV)", ", ".join(p.qpv) or None),
            ("Date de création", p.date_creation),
            ("Structure porteuse", p.porteur),
            ("Présidence", p.presidence),
            ("Co-animation", p.co_animation),
            ("Coordination", p.coordination),
            ("ETP de coordination", p.etp_coordination),
            ("Début de la convention", p.convention_debut),
            ("Fin de la convention", p.convention_fin),
            ("Contrat local de santé (CLS)", p.cls),
            ("Projet territorial de santé mentale (PTSM)", p.ptsm),
            ("Document édité le", b.date_edition),
            ("Bilan arrêté au", b.au),
            (
                "Statut du bilan",
                "provisoire : l'année n'est pas achevée" if b.provisoire else "définitif",
            ),
        ],
        "",
    )
    ws = classeur["Présentation"]
    for ligne in range(2, ws.max_row + 1):
        cellule = ws.cell(row=ligne, column=2)
        if hasattr(cellule.value, "year"):
            cellule.number_format = X.DATE
        elif isinstance(cellule.value, int | float):
            cellule.number_format = "0" if ligne == 3 else X.DECIMAL if ligne == 13 else X.ENTIER

    chiffres = b.chiffres_cles()
    ws = feuille(
        "Chiffres clés",
        [C("Indicateur"), C("Valeur")],
        [(c.libelle, c.valeur if c.valeur is not None else _inconnu(c.unite)) for c in chiffres],
        "",
    )
    formats = {"nombre": X.ENTIER, "pourcentage": X.POURCENT, "euros": X.EUROS}
    for ligne, c in enumerate(chiffres, start=2):
        ws.cell(row=ligne, column=2).number_format = X.format_nombre(formats[c.unite], c.valeur)
    _historique(b, feuille)
    _gouvernance(b, feuille)
    _membres(b, feuille)
    _plan(b, feuille)
    _sism(b, feuille)
    if b.cellule is not None:
        _cellule(b, feuille)
    f = b.financements
    feuille(
        "Financements",
        [C("Financeur"), C("Objet"), C("Montant", X.EUROS)],
        [(x.financeur, x.objet, x.montant) for x in f.lignes],
        f"Aucun financement enregistré pour {b.annee}.",
    )
    pr = b.perspectives
    feuille(
        f"Perspectives {pr.annee}",
        [C("Action"), C("Axe"), C("Statut"), C("Début", X.DATE), C("Fin", X.DATE)],
        [(a.intitule, a.axe, a.statut_libelle, a.debut, a.fin) for a in pr.actions],
        f"Aucune action prévue pour {pr.annee}.",
    )
    return X.en_octets(classeur)


def _historique(b: Bilan, feuille) -> None:  # type: ignore[no-untyped-def]
    h = b.historique
    d = h.diagnostic
    lignes: list[tuple[object, ...]] = [(e.date_texte, "Jalon", e.libelle) for e in h.etapes]
    if d is not None:
        lignes += [
            (d.date_texte, "Dernier diagnostic : réalisé par", d.realise_par),
            (d.date_texte, "Dernier diagnostic : méthode", ", ".join(d.methode) or None),
            (d.date_texte, "Dernier diagnostic : sources", ", ".join(d.sources) or None),
        ]
        lignes += [(d.date_texte, "Constat", c) for c in d.constats]
    feuille(
        "Historique et diagnostic",
        [C("Date"), C("Rubrique"), C("Information", largeur=70)],
        lignes,
        "Aucun jalon ni diagnostic enregistré.",
    )
    feuille(
        "Couverture des priorités",
        [
            C("Priorité"),
            C("Axes du plan", largeur=50),
            C("Actions réalisées", X.ENTIER),
            C("Actions en cours", X.ENTIER),
            C("Actions prévues", X.ENTIER),
            C("Sans action"),
        ],
        [
            (
                c.libelle,
                ", ".join(c.axes) or None,
                c.realisees,
                c.en_cours,
                c.prevues,
                "oui" if c.sans_action else "non",
            )
            for c in h.couverture
        ],
        "Aucune priorité de diagnostic enregistrée.",
    )


def _gouvernance(b: Bilan, feuille) -> None:  # type: ignore[no-untyped-def]
    g = b.gouvernance
    feuille(
        "Instances",
        [C("Instance"), C("Réunions", X.ENTIER), C("Dates")],
        [(i.libelle, i.nombre, ", ".join(F.d(x) for x in i.dates)) for i in g.par_instance],
        f"Aucune réunion tenue en {b.annee}.",
    )
    feuille(
        "Réunions",
        [
            C("Date", X.DATE),
            C("Instance"),
            C("Lieu"),
            C("Présents", X.ENTIER),
            C("Excusés", X.ENTIER),
            C("Convoqués", X.ENTIER),
            C("Convoqués présents", X.ENTIER),
            C("Taux de présence", X.POURCENT),
            C("Décisions", X.ENTIER),
            C("Fichier"),
        ],
        [
            (
                r.date,
                r.libelle,
                r.lieu,
                r.participants,
                r.excuses,
                r.convoques,
                r.presents_convoques,
                r.taux_presence,
                r.decisions,
                r.fichier,
            )
            for r in g.reunions
        ],
        f"Aucune réunion tenue en {b.annee}.",
    )
    feuille(
        "Présence par collège",
        [
            C("Collège"),
            C("Convocations", X.ENTIER),
            C("Présences", X.ENTIER),
            C("Taux de présence", X.POURCENT),
        ],
        [(c.libelle, c.convocations, c.presences, c.taux) for c in g.presence_par_college],
        f"Aucune convocation en {b.annee}.",
    )
    feuille(
        "Suivis ouverts",
        [C("Échéance", X.DATE), C("Quoi"), C("Qui"), C("Instance"), C("Réunion du", X.DATE)],
        [(s.echeance, s.quoi, s.qui, s.instance, s.date_reunion) for s in g.suivis_ouverts],
        f"Aucun suivi ouvert au {F.d(b.au)}.",
    )


def _membres(b: Bilan, feuille) -> None:  # type: ignore[no-untyped-def]
    m = b.membres
    ws = feuille(
        "Membres par collège",
        [C("Collège"), C("Membres", X.ENTIER)],
        [(c.libelle, c.nombre) for c in m.par_college],
        f"Aucun membre actif au {F.d(m.au)}.",
    )
    X.graphique_barres(
        ws,
        f"Membres par collège au {F.d(m.au)}",
        colonne_categories=1,
        colonnes_valeurs=[2],
        nb_lignes=len(m.par_college),
        ancre="D2",
        horizontal=True,
    )
    feuille(
        "Arrivées et départs",
        [C("Mouvement"), C("Membre"), C("Collège"), C("Date", X.DATE)],
        [("Arrivée", x.libelle, x.college, x.date) for x in m.arrivees]
        + [("Départ", x.libelle, x.college, x.date) for x in m.departs],
        f"Aucune arrivée ni aucun départ en {b.annee}.",
    )
    feuille(
        "Structures",
        [C("Structure représentée")],
        [(s,) for s in m.structures],
        "Aucune structure renseignée.",
    )


def _plan(b: Bilan, feuille) -> None:  # type: ignore[no-untyped-def]
    p = b.plan
    ws = feuille(
        "Actions par statut",
        [C("Statut"), C("Actions", X.ENTIER)],
        [(s.libelle, s.nombre) for s in p.par_statut],
        f"Aucune action en {b.annee}.",
    )
    X.graphique_barres(
        ws,
        "Actions du plan par statut",
        colonne_categories=1,
        colonnes_valeurs=[2],
        nb_lignes=len(p.par_statut),
        ancre="D2",
    )
    feuille(
        "Actions",
        [
            C("Axe"),
            C("Action"),
            C("Type"),
            C("Statut"),
            C("Pilote"),
            C("QPV"),
            C("Réalisations", X.ENTIER),
            C("Participants", X.ENTIER),
            C("Identifiant"),
        ],
        [
            (
                axe.intitule,
                a.intitule,
                a.type_libelle,
                a.statut_libelle,
                a.pilote,
                ", ".join(a.qpv) or "non",
                len(a.realisations),
                a.participants,
                a.id,
            )
            for axe in p.axes
            for a in axe.actions
        ],
        f"Aucune action en {b.annee}.",
    )
    feuille(
        "Indicateurs",
        [
            C("Axe"),
            C("Action"),
            C("Indicateur"),
            C("Unité"),
            C("Cible", X.DECIMAL),
            C("Réalisé", X.DECIMAL),
            C("Atteinte", X.POURCENT),
        ],
        [
            (axe.intitule, a.intitule, i.libelle, i.unite, i.cible, i.realise, i.pourcentage)
            for axe in p.axes
            for a in axe.actions
            for i in a.indicateurs
        ],
        "Aucun indicateur.",
    )
    feuille(
        "Réalisations",
        [C("Date", X.DATE), C("Axe"), C("Action"), C("Réalisation"), C("Participants", X.ENTIER)],
        [
            (F.cellule_date(r.date), axe.intitule, a.intitule, r.libelle, r.participants)
            for axe, a, r in sorted(
                ((axe, a, r) for axe in p.axes for a in axe.actions for r in a.realisations),
                key=lambda t: t[2].date,
            )
        ],
        f"Aucune réalisation en {b.annee}.",
    )


def _inconnu(unite: str) -> str:
    """What an unknown key figure reads (never an empty cell taken for 0)."""
    return "non calculable" if unite == "pourcentage" else F.NON_RENSEIGNE


def _sism(b: Bilan, feuille) -> None:  # type: ignore[no-untyped-def]
    s = b.sism
    vide = f"Aucune SISM enregistrée pour {b.annee}."
    feuille(
        f"SISM {b.annee}",
        [
            C("Date", X.DATE),
            C("Heure"),
            C("Événement"),
            C("Type"),
            C("Lieu"),
            C("Commune"),
            C("QPV"),
            C("Participants", X.ENTIER),
            C("Organisateurs"),
            C("Partenaires"),
        ],
        [
            (
                F.cellule_date(e.date),
                e.heure,
                e.titre,
                e.type_libelle,
                e.lieu,
                e.commune,
                e.qpv or "non",
                e.participants,
                e.organisateurs,
                e.partenaires,
            )
            for e in s.evenements
        ],
        vide,
    )
    feuille(
        "SISM par type",
        [C("Type d'événement"), C("Événements", X.ENTIER), C("Participants", X.ENTIER)],
        [(t.libelle, t.nombre, t.participants) for t in s.par_type],
        vide,
    )
    ws = feuille(
        "SISM par année",
        [C("Année"), C("Thème"), C("Événements", X.ENTIER), C("Participants", X.ENTIER)],
        [(str(h.annee), h.theme, h.evenements, h.participants) for h in s.historique],
        "Aucune SISM enregistrée.",
    )
    X.graphique_barres(
        ws,
        "Participants à la SISM par année",
        colonne_categories=1,
        colonnes_valeurs=[4],
        nb_lignes=len(s.historique),
        ancre="F2",
    )


def _cellule(b: Bilan, feuille) -> None:  # type: ignore[no-untyped-def]
    c = b.cellule
    assert c is not None
    lignes: list[tuple[object, ...]] = [("Activité", x.libelle, x.valeur) for x in c.indicateurs]
    lignes += [(r.titre, x.libelle, x.valeur) for r in c.rubriques for x in r.lignes]
    ws = feuille(
        "Cellule",
        [C("Rubrique"), C("Catégorie"), C("Effectif", X.ENTIER)],
        lignes,
        "",
    )
    ws.cell(row=1, column=5).value = (
        f"Effectifs agrégés ; tout effectif de 0 à {c.seuil_masquage - 1} est affiché "
        "« masqué », comme ceux qui permettraient de le retrouver."
    )
