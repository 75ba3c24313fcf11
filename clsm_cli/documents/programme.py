"""The printable programme of a year's SISM: .docx (and .xlsx)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from clsm_cli.documents import formats as F
from clsm_cli.modeles.erreurs import Introuvable

if TYPE_CHECKING:
    from clsm_cli.modeles import Evenement, Sism
    from clsm_cli.noyau.projet import Projet

JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def jour_fr(jour: dt.date) -> str:
    """« Lundi 6 octobre 2025 »; « Octobre 2025 (jour à préciser) » for a month only."""
    from clsm_cli.modeles.vocabulaires import date_precise

    if not date_precise(jour):
        texte = F.d(jour)
        return f"{texte[0].upper()}{texte[1:]} (jour à préciser)"
    return f"{JOURS[jour.weekday()].capitalize()} {F.d(jour)}"


def _quand(e: Evenement) -> str:
    """« 18 h – 20 h », « Du 10 au 29 octobre 2025, 10 h – 18 h », « Horaire à préciser »."""
    heures = ""
    if e.heure:
        heures = F.heure(e.heure) + (f" – {F.heure(e.heure_fin)}" if e.heure_fin else "")
    if e.fin is not None and e.fin != e.date:
        periode = F.periode(e.date, e.fin)
        periode = f"{periode[0].upper()}{periode[1:]}"
        return f"{periode}, {heures}" if heures else periode
    return heures or "Horaire à préciser"


def sism_de(projet: Projet, annee: int) -> Sism:
    sism = projet.sism_annee(annee)
    if sism is None:
        presentes = sorted(s.annee for s in projet.sism.values())
        conseil = (
            f" Années présentes : {', '.join(map(str, presentes))}."
            if presentes
            else " Le dossier ne contient aucune SISM (dossier sism/)."
        )
        raise Introuvable(f"Aucune SISM {annee} dans le dossier (sism/{annee}.toml).{conseil}")
    return sism


def evenements_tries(sism: Sism) -> list[Evenement]:
    from clsm_cli.noyau.bilan import _heure_triable, cle_fr

    return sorted(sism.evenement, key=lambda e: (e.date, _heure_triable(e.heure), cle_fr(e.titre)))


def _lieu(e: Evenement) -> str:
    morceaux = [x for x in (e.lieu, e.commune) if x]
    texte = ", ".join(morceaux) if morceaux else ("En ligne" if e.en_ligne else "Lieu à préciser")
    if e.en_ligne and morceaux:
        texte += " (et en ligne)"
    return texte


def _qpv(e: Evenement) -> str:
    if not e.qpv:
        return ""
    return f"quartier prioritaire {e.qpv}" if isinstance(e.qpv, str) else "quartier prioritaire"


def _entree_libre(inscription: str | None) -> bool:
    """The inscription says the entrance is free (« Entrée libre », « gratuit »…): never
    assumed when nothing was entered."""
    texte = (inscription or "").casefold()
    if not texte or "€" in texte or "payant" in texte:
        return False
    return "libre" in texte or ("gratuit" in texte and "inscription" not in texte)


def programme_docx(projet: Projet, annee: int) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from clsm_cli.documents import word as W
    from clsm_cli.modeles import LIBELLES_TYPE_EVENEMENT

    sism = sism_de(projet, annee)
    titre = f"Semaines d'information sur la santé mentale {annee}"
    doc = W.nouveau_document(projet, titre=titre, sujet=f"Programme de la SISM {annee}")
    p = W.ajouter(doc, projet.nom, W.style_nomme(doc, "Subtitle"))
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = W.ajouter(doc, f"SISM {annee} — Programme", W.style_nomme(doc, "Title"))
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(W.texte_sur(f"« {sism.theme} »"))
    run.italic = True
    run.font.size = Pt(14)
    evenements = evenements_tries(sism)
    from clsm_cli.modeles.vocabulaires import date_precise

    dates = [e for e in evenements if date_precise(e.date)]  # « octobre 2025 » is no first day
    debut = sism.debut or (dates[0].date if dates else None)
    fin = sism.fin or (max(e.fin or e.date for e in dates) if dates else None)
    p = doc.add_paragraph(W.texte_sur(F.periode(debut, fin).capitalize()))
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    W.note(
        doc,
        f"Programme établi le {F.d(projet.aujourdhui())}, sous réserve de modifications."
        + (
            " Entrée libre et gratuite pour tous les événements."
            if evenements and all(_entree_libre(e.inscription) for e in evenements)
            else ""
        ),
    )
    if sism.comite:
        membres = projet.membres_par_id
        noms = [membres[m].libelle if m in membres else m for m in sism.comite]
        W.libelle_valeur(doc, "Comité d'organisation", F.liste(noms))
    if not evenements:
        W.note(
            doc,
            "Le programme est en cours de construction : aucun événement n'est encore enregistré.",
        )
    jour_courant: dt.date | None = None
    for e in evenements:
        if e.date != jour_courant:
            jour_courant = e.date
            W.titre(doc, jour_fr(e.date), 1)
        W.titre(doc, e.titre, 2)
        quand = _quand(e)
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(2)
        p.paragraph_format.keep_with_next = True
        p.add_run(W.texte_sur(quand)).bold = True
        p.add_run(W.texte_sur(f" — {_lieu(e)}"))
        infos = [("Format", LIBELLES_TYPE_EVENEMENT[e.type.value])]
        if e.qpv:
            infos.append(("Quartier", _qpv(e)))
        if e.public:
            infos.append(("Public", e.public))
        if e.organisateurs:
            infos.append(("Organisation", F.liste(list(e.organisateurs))))
        if e.partenaires:
            infos.append(("Partenaires", F.liste(list(e.partenaires))))
        if e.inscription:
            infos.append(("Inscription", e.inscription))
        for libelle, valeur in infos:
            W.libelle_valeur(doc, libelle, valeur)
        if e.description:
            W.paragraphe(doc, e.description).paragraph_format.space_before = Pt(4)
    W.pied_de_page(doc, f"{projet.nom} — SISM {annee}", premiere_page=True)
    return W.en_octets(doc)


def programme_xlsx(projet: Projet, annee: int) -> bytes:
    from clsm_cli.documents import excel as X
    from clsm_cli.documents.excel import Colonne as C
    from clsm_cli.modeles import LIBELLES_TYPE_EVENEMENT
    from clsm_cli.modeles.vocabulaires import date_precise

    sism = sism_de(projet, annee)
    classeur = X.nouveau_classeur(f"SISM {annee} — {projet.nom}", projet.nom)
    X.feuille(
        classeur,
        f"Programme SISM {annee}",
        [
            C("Date", X.DATE),
            C("Jour"),
            C("Heure"),
            C("Événement"),
            C("Type"),
            C("Lieu"),
            C("Commune"),
            C("QPV"),
            C("Public"),
            C("Organisateurs"),
            C("Partenaires"),
            C("Inscription"),
            C("En ligne"),
            C("Description", largeur=60),
            C("Fin", X.DATE),
            C("Heure de fin"),
        ],
        [
            (
                F.cellule_date(e.date),
                JOURS[e.date.weekday()] if date_precise(e.date) else None,
                e.heure,
                e.titre,
                LIBELLES_TYPE_EVENEMENT[e.type.value],
                e.lieu,
                e.commune,
                (e.qpv if isinstance(e.qpv, str) else "oui") if e.qpv else "non",
                e.public,
                e.organisateurs,
                e.partenaires,
                e.inscription,
                e.en_ligne,
                e.description,
                e.fin,
                e.heure_fin,
            )
            for e in evenements_tries(sism)
        ],
        vide=f"Aucun événement enregistré pour la SISM {annee}.",
    )
    return X.en_octets(classeur)
