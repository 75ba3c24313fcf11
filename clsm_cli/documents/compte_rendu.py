"""Minutes of a meeting (any instance): .docx, or Markdown for an e-mail."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from clsm_cli.documents import formats as F
from clsm_cli.modeles import LIBELLES_COLLEGE, libelle_instance
from clsm_cli.modeles.erreurs import ErreurSaisie, Introuvable
from clsm_cli.noyau import grammaire as G

if TYPE_CHECKING:
    from clsm_cli.modeles import Reunion
    from clsm_cli.noyau.projet import Projet

MOTIF_REUNION = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:-([a-z0-9][a-z0-9_:-]*))?$")
AUTRES = "Autres participants"


def trouver_reunion(projet: Projet, designation: str) -> tuple[str, Reunion]:
    """The meeting designated by ``AAAA-MM-JJ`` or ``AAAA-MM-JJ-INSTANCE`` (``copil``,
    ``groupe-logement`` or ``groupe:logement``…)."""
    m = MOTIF_REUNION.match(designation.strip())
    if not m:
        raise ErreurSaisie(
            f"« {designation} » ne désigne pas une réunion : attendu AAAA-MM-JJ ou "
            "AAAA-MM-JJ-INSTANCE (par exemple 2026-03-12 ou 2026-03-12-copil)."
        )
    try:
        jour = dt.date.fromisoformat(m.group(1))
    except ValueError:
        raise ErreurSaisie(f"« {m.group(1)} » n'est pas une date valide.") from None
    instance = (m.group(2) or "").replace(":", "-")
    du_jour = [(c, r) for c, r in projet.reunions_triees() if r.date == jour]
    if instance:
        du_jour = [(c, r) for c, r in du_jour if r.instance.replace(":", "-") == instance]
    if len(du_jour) == 1:
        return du_jour[0]
    if len(du_jour) > 1:
        choix = ", ".join(f"{jour.isoformat()}-{r.instance.replace(':', '-')}" for _, r in du_jour)
        raise ErreurSaisie(f"Plusieurs réunions le {F.d(jour)} : précisez l'instance ({choix}).")
    proches = sorted(projet.reunions_triees(), key=lambda cr: abs((cr[1].date - jour).days))[:3]
    conseil = (
        " Réunions les plus proches : "
        + ", ".join(f"{r.date.isoformat()}-{r.instance.replace(':', '-')}" for _, r in proches)
        + "."
        if proches
        else " Le dossier ne contient aucune réunion (reunions/)."
    )
    quoi = f"de l'instance « {m.group(2)} » " if instance else ""
    raise Introuvable(f"Aucune réunion {quoi}le {F.d(jour)}.{conseil}")


@dataclass
class Personne:
    nom: str
    details: str


@dataclass
class GroupeCollege:
    college: str
    personnes: list[Personne]


@dataclass
class SuiviCR:
    quoi: str
    qui: str
    echeance: dt.date | None
    fait: bool


@dataclass
class CompteRendu:
    clsm: str
    fichier: str
    instance: str
    titre: str
    date: dt.date
    heure: str | None
    lieu: str | None
    presents: list[GroupeCollege]
    excuses: list[GroupeCollege]
    ordre_du_jour: list[str]
    points: list[tuple[str, str]]
    decisions: list[str]
    suivi: list[SuiviCR]
    prochaine: tuple[dt.date, str | None] | None
    nombre_presents: int
    nombre_excuses: int
    en_retard: list[SuiviCR] = field(default_factory=list)
    """For a copil: the open items of every meeting whose deadline had passed on its day."""


def _par_college(projet: Projet, noms: list[str]) -> list[GroupeCollege]:
    groupes: dict[str, list[Personne]] = {}
    for nom in dict.fromkeys(noms):
        membre = projet.membres_par_id.get(nom)
        if membre is None:
            groupes.setdefault(AUTRES, []).append(Personne(nom, ""))
            continue
        personne = " ".join(p for p in (membre.prenom, membre.nom) if p) or (
            membre.structure or membre.id
        )
        details = ", ".join(x for x in (membre.fonction, membre.structure) if x and x != personne)
        groupes.setdefault(membre.college.value, []).append(Personne(personne, details))
    ordre = [*LIBELLES_COLLEGE, AUTRES]
    return [GroupeCollege(LIBELLES_COLLEGE.get(c, c), groupes[c]) for c in ordre if c in groupes]


def preparer_compte_rendu(projet: Projet, chemin: str, reunion: Reunion) -> CompteRendu:
    """The minutes of a meeting held (a meeting still to come is refused: it has none)."""
    from clsm_cli.noyau.bilan import nom_personne

    if reunion.date > projet.aujourdhui():
        designation = f"{reunion.date.isoformat()}-{reunion.instance.replace(':', '-')}"
        raise ErreurSaisie(
            f"La réunion du {F.d(reunion.date)} n'a pas encore eu lieu : son compte rendu "
            "s'écrira après la réunion. Pour l'annoncer, préparez sa convocation : "
            f"clsm reunion convocation {designation}"
        )

    noms = projet.noms_groupes()
    suivante = next(
        (
            r
            for _, r in projet.reunions_triees()
            if r.instance == reunion.instance and r.date > reunion.date
        ),
        None,
    )
    return CompteRendu(
        clsm=projet.nom,
        fichier=chemin,
        instance=reunion.instance,
        titre=libelle_instance(reunion.instance, noms),
        date=reunion.date,
        heure=reunion.heure,
        lieu=reunion.lieu,
        presents=_par_college(projet, list(reunion.presents)),
        excuses=_par_college(projet, list(reunion.excuses)),
        ordre_du_jour=list(reunion.ordre_du_jour),
        points=[(p.titre, p.compte_rendu or "") for p in reunion.point],
        decisions=list(reunion.decisions),
        suivi=[
            SuiviCR(s.quoi, nom_personne(projet, s.qui) or "—", s.echeance, s.fait)
            for s in reunion.suivi
        ],
        prochaine=(suivante.date, suivante.lieu) if suivante else None,
        nombre_presents=len(dict.fromkeys(reunion.presents)),
        nombre_excuses=len(dict.fromkeys(reunion.excuses)),
        en_retard=_en_retard(projet, reunion),
    )


def _en_retard(projet: Projet, reunion: Reunion) -> list[SuiviCR]:
    """Open items (of every meeting) overdue on a copil's day, listed in its minutes."""
    from clsm_cli.noyau.reunions import suivis_ouverts

    if reunion.instance != "copil":
        return []
    return [
        SuiviCR(s["quoi"], s["qui"] or "—", s["echeance"], False)
        for s in suivis_ouverts(projet)
        if s["echeance"] is not None and s["echeance"] < reunion.date
    ]


def nom_fichier(cr: CompteRendu) -> str:
    return f"compte-rendu-{cr.date.isoformat()}-{cr.instance.replace(':', '-')}"


def _quand(cr: CompteRendu) -> str:
    texte = f"Réunion du {F.d(cr.date)}"
    if cr.heure:
        texte += f" à {F.heure(cr.heure)}"
    return texte


# --- Word ------------------------------------------------------------------------------------


def compte_rendu_docx(cr: CompteRendu, projet: Projet | None = None) -> bytes:
    from docx.shared import Pt

    from clsm_cli.documents import word as W

    doc = W.nouveau_document(
        projet,
        titre=f"Compte rendu — {cr.titre} du {F.d(cr.date)}",
        sujet=f"Compte rendu de réunion {G.de(cr.clsm)}",
    )
    W.ajouter(doc, cr.clsm, W.style_nomme(doc, "Subtitle"))
    W.ajouter(doc, f"Compte rendu — {cr.titre}", W.style_nomme(doc, "Title"))
    W.libelle_valeur(doc, "Date", _quand(cr)[len("Réunion du ") :])
    W.libelle_valeur(doc, "Lieu", cr.lieu or "non précisé")
    W.libelle_valeur(
        doc,
        "Participation",
        f"{F.pluriel(cr.nombre_presents, 'présent')}, {F.pluriel(cr.nombre_excuses, 'excusé')}",
    )
    W.paragraphe(doc)

    for titre, groupes, vide in (
        ("Présents", cr.presents, "Aucun présent enregistré."),
        ("Excusés", cr.excuses, "Aucun excusé."),
    ):
        W.titre(doc, titre, 1)
        if not groupes:
            W.note(doc, vide)
        for groupe in groupes:
            W.titre(doc, groupe.college, 2).paragraph_format.space_after = Pt(0)
            for personne in groupe.personnes:
                p = W.ajouter(doc, "", W.style_nomme(doc, "List Bullet"))
                p.add_run(W.texte_sur(personne.nom)).bold = True
                if personne.details:
                    p.add_run(W.texte_sur(f" — {personne.details}"))

    W.titre(doc, "Ordre du jour", 1)
    if cr.ordre_du_jour:
        for n, point in enumerate(cr.ordre_du_jour, start=1):
            W.paragraphe(doc, f"{n}. {point}").paragraph_format.space_after = Pt(2)
    else:
        W.note(doc, "Pas d'ordre du jour enregistré.")

    W.titre(doc, "Compte rendu des échanges", 1)
    if not cr.points:
        W.note(doc, "Aucun point rédigé.")
    for titre, texte in cr.points:
        W.titre(doc, titre, 2)
        if not texte.strip():
            W.note(doc, "Pas de compte rendu pour ce point.")
        for morceau in _paragraphes(texte):
            W.paragraphe(doc, morceau)

    W.titre(doc, "Décisions", 1)
    if cr.decisions:
        for n, decision in enumerate(cr.decisions, start=1):
            p = doc.add_paragraph()
            p.add_run(f"Décision {n} : ").bold = True
            p.add_run(W.texte_sur(decision))
    else:
        W.note(doc, "Aucune décision.")

    W.titre(doc, "Relevé de suivi", 1)
    if cr.suivi:
        W.tableau(
            doc,
            ["N°", "Quoi", "Qui", "Échéance", "État"],
            [
                (str(n), s.quoi, s.qui, F.d(s.echeance), "fait" if s.fait else "à faire")
                for n, s in enumerate(cr.suivi, start=1)
            ],
            largeurs=[1, 8, 4, 3, 2],
            droite=[0],
        )
    else:
        W.note(doc, "Aucun point de suivi.")
    if cr.en_retard:
        W.titre(doc, "Suivis en retard", 1)
        W.tableau(
            doc,
            ["Quoi", "Qui", "Échéance", "État"],
            [(s.quoi, s.qui, F.d(s.echeance), "en retard") for s in cr.en_retard],
            largeurs=[9, 4, 3, 2],
        )
    if cr.prochaine:
        jour, lieu = cr.prochaine
        W.paragraphe(
            doc,
            f"Prochaine réunion : {F.d(jour)}" + (f", {lieu}" if lieu else "") + ".",
            gras=True,
        )
    W.pied_de_page(doc, f"{cr.clsm} — {cr.titre} du {F.d(cr.date)}", premiere_page=True)
    return W.en_octets(doc)


def _paragraphes(texte: str) -> list[str]:
    return [m.strip() for m in re.split(r"\n\s*\n", texte) if m.strip()]


# --- Markdown --------------------------------------------------------------------------------


def _md(texte: str) -> str:
    """Text safe in Markdown: control characters removed, markup characters escaped."""
    from clsm_cli.noyau.textes import sans_controles

    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", sans_controles(texte))


def compte_rendu_markdown(cr: CompteRendu) -> str:
    lignes = [
        f"# Compte rendu — {_md(cr.titre)}",
        "",
        f"**{_md(cr.clsm)}** — {_quand(cr)}" + (f", {_md(cr.lieu)}" if cr.lieu else ""),
        "",
        f"{F.pluriel(cr.nombre_presents, 'présent')}, {F.pluriel(cr.nombre_excuses, 'excusé')}.",
        "",
    ]
    for titre, groupes in (("Présents", cr.presents), ("Excusés", cr.excuses)):
        lignes += [f"## {titre}", ""]
        if not groupes:
            lignes += ["_Aucun._", ""]
        for groupe in groupes:
            lignes.append(f"**{_md(groupe.college)}**")
            lignes.append("")
            for p in groupe.personnes:
                lignes.append(f"- {_md(p.nom)}" + (f" — {_md(p.details)}" if p.details else ""))
            lignes.append("")
    lignes += ["## Ordre du jour", ""]
    lignes += [f"{n}. {_md(x)}" for n, x in enumerate(cr.ordre_du_jour, start=1)] or ["_Aucun._"]
    lignes += ["", "## Compte rendu des échanges", ""]
    for titre, texte in cr.points:
        lignes += [f"### {_md(titre)}", ""]
        lignes += [x for m in _paragraphes(texte) for x in (_md(m), "")] or [
            "_Pas de compte rendu._",
            "",
        ]
    if not cr.points:
        lignes += ["_Aucun point rédigé._", ""]
    lignes += ["## Décisions", ""]
    lignes += [f"{n}. {_md(x)}" for n, x in enumerate(cr.decisions, start=1)] or ["_Aucune._"]
    lignes += ["", "## Relevé de suivi", ""]
    if cr.suivi:
        lignes += ["| N° | Quoi | Qui | Échéance | État |", "|---:|---|---|---|---|"]
        lignes += [
            f"| {n} | {_md(s.quoi)} | {_md(s.qui)} | {F.d(s.echeance)} | "
            f"{'fait' if s.fait else 'à faire'} |"
            for n, s in enumerate(cr.suivi, start=1)
        ]
    else:
        lignes.append("_Aucun point de suivi._")
    if cr.en_retard:
        lignes += ["", "## Suivis en retard", ""]
        lignes += [
            f"- {_md(s.quoi)} ({_md(s.qui)}, pour le {F.d(s.echeance)}) — en retard"
            for s in cr.en_retard
        ]
    if cr.prochaine:
        jour, lieu = cr.prochaine
        lignes += [
            "",
            f"**Prochaine réunion : {F.d(jour)}" + (f", {_md(lieu)}" if lieu else "") + ".**",
        ]
    return "\n".join(lignes) + "\n"
