"""The convocation to a meeting: a .docx (or Markdown) letter, and with ``--courriel`` an .eml
message (RFC 5322, UTF-8) addressed to the convened members, the meeting's .ics attached.

clsm never sends mail: the coordinator opens the .eml in Thunderbird or Outlook and sends it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from clsm_cli.documents import formats as F
from clsm_cli.modeles import LIBELLES_COLLEGE, libelle_instance

if TYPE_CHECKING:
    from clsm_cli.modeles import Reunion
    from clsm_cli.noyau.projet import Projet


@dataclass
class Convoque:
    nom: str
    structure: str
    college: str
    courriel: str | None


@dataclass
class SuiviDu:
    quoi: str
    qui: str
    echeance: dt.date
    en_retard: bool
    reunion: str


@dataclass
class Convocation:
    clsm: str
    fichier: str
    instance: str
    titre: str
    date: dt.date
    heure: str | None
    heure_fin: str | None
    lieu: str | None
    ordre_du_jour: list[str]
    convoques: list[Convoque]
    suivis: list[SuiviDu]
    presidence: str | None
    coordination: str | None
    coordination_courriel: str | None
    coordination_telephone: str | None
    aujourdhui: dt.date
    sans_courriel: list[str] = field(default_factory=list)

    @property
    def en_retard(self) -> list[SuiviDu]:
        return [s for s in self.suivis if s.en_retard]


def nom_complet(prenom: str | None, nom: str | None, structure: str | None, ident: str) -> str:
    return " ".join(p for p in (prenom, nom) if p) or structure or ident


def preparer_convocation(projet: Projet, chemin: str, reunion: Reunion) -> Convocation:
    from clsm_cli.noyau.membres import adresse_valide
    from clsm_cli.noyau.reunions import convoques, reference, suivis_avant

    membres = convoques(projet, reunion)
    liste = [
        Convoque(
            nom_complet(m.prenom, m.nom, m.structure, m.id),
            m.structure or "",
            LIBELLES_COLLEGE[m.college.value],
            adresse_valide(m.courriel),
        )
        for m in membres
    ]
    jour = projet.aujourdhui()
    identite = projet.identite
    coordination = identite.coordination if identite else None
    return Convocation(
        clsm=projet.nom,
        fichier=chemin,
        instance=reunion.instance,
        titre=libelle_instance(reunion.instance, projet.noms_groupes()),
        date=reunion.date,
        heure=reunion.heure,
        heure_fin=reunion.heure_fin,
        lieu=reunion.lieu,
        ordre_du_jour=list(reunion.ordre_du_jour),
        convoques=liste,
        suivis=[
            SuiviDu(
                s["quoi"],
                s["qui"] or "—",
                s["echeance"],
                s["echeance"] < jour,
                reference(s["reunion"]),
            )
            for s in suivis_avant(projet, reunion)
        ],
        presidence=identite.presidence if identite else None,
        coordination=coordination.nom if coordination else None,
        coordination_courriel=coordination.courriel if coordination else None,
        coordination_telephone=coordination.telephone if coordination else None,
        aujourdhui=jour,
        sans_courriel=[c.nom for c in liste if not c.courriel],
    )


def nom_fichier(c: Convocation) -> str:
    return f"convocation-{c.date.isoformat()}-{c.instance.replace(':', '-')}"


def quand(c: Convocation) -> str:
    """« le mardi 8 décembre 2026 de 14 h à 16 h 30 »."""
    texte = f"le {_jour_semaine(c.date)} {F.d(c.date)}"
    if c.heure and c.heure_fin:
        texte += f" de {F.heure(c.heure)} à {F.heure(c.heure_fin)}"
    elif c.heure:
        texte += f" à {F.heure(c.heure)}"
    return texte


JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def _jour_semaine(jour: dt.date) -> str:
    return JOURS[jour.weekday()]


def objet(c: Convocation) -> str:
    return f"Convocation — {c.titre} du {F.d(c.date)}"


def _intro(c: Convocation) -> str:
    lieu = f", {c.lieu}" if c.lieu else " (lieu à préciser)"
    return (
        f"Vous êtes invité(e) à participer à la réunion « {c.titre} » du {c.clsm}, "
        f"{quand(c)}{lieu}."
    )


def _signataires(c: Convocation) -> list[tuple[str, str]]:
    """(role, name) of those who sign: the présidence and the coordination."""
    resultat = []
    if c.presidence:
        resultat.append(("La présidence du CLSM", c.presidence))
    if c.coordination:
        resultat.append(("La coordination du CLSM", c.coordination))
    elif not resultat:
        resultat.append(("La coordination du CLSM", ""))
    return resultat


def _suivi_texte(s: SuiviDu) -> str:
    etat = " — en retard" if s.en_retard else ""
    return f"{s.quoi} ({s.qui}, pour le {F.d(s.echeance)}){etat}"


# --- Word ------------------------------------------------------------------------------------


def convocation_docx(c: Convocation, projet: Projet | None = None) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import RGBColor

    from clsm_cli.documents import word as W

    doc = W.nouveau_document(projet, titre=objet(c))
    W.ajouter(doc, c.clsm, W.style_nomme(doc, "Subtitle"))
    W.ajouter(doc, f"Convocation — {c.titre}", W.style_nomme(doc, "Title"))
    date_lettre = W.paragraphe(doc, f"Le {F.d(c.aujourdhui)}")
    date_lettre.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    W.libelle_valeur(doc, "Objet", objet(c))
    W.paragraphe(doc)
    W.paragraphe(doc, "Madame, Monsieur,")
    W.paragraphe(doc, _intro(c))

    W.titre(doc, "Date, heure et lieu", 1)
    W.libelle_valeur(doc, "Date", f"{_jour_semaine(c.date)} {F.d(c.date)}".capitalize())
    horaire = F.heure(c.heure) if c.heure else "à préciser"
    if c.heure and c.heure_fin:
        horaire = f"de {F.heure(c.heure)} à {F.heure(c.heure_fin)}"
    W.libelle_valeur(doc, "Heure", horaire)
    W.libelle_valeur(doc, "Lieu", c.lieu or "à préciser")

    W.titre(doc, "Ordre du jour", 1)
    if c.ordre_du_jour:
        for n, point in enumerate(c.ordre_du_jour, start=1):
            W.paragraphe(doc, f"{n}. {point}")
    else:
        W.note(doc, "L'ordre du jour sera précisé en séance.")

    W.titre(doc, "Suivis attendus pour cette réunion", 1)
    if c.suivis:
        table = W.tableau(
            doc,
            ["Quoi", "Qui", "Échéance", "État"],
            [
                (s.quoi, s.qui, F.d(s.echeance), "en retard" if s.en_retard else "à faire")
                for s in c.suivis
            ],
            largeurs=[8, 4, 3, 2],
        )
        for ligne, s in zip(table.rows[1:], c.suivis, strict=True):
            if s.en_retard:
                for run in ligne.cells[3].paragraphs[0].runs:
                    run.bold = True
                    run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    else:
        W.note(doc, "Aucun suivi n'arrive à échéance d'ici cette réunion.")

    W.paragraphe(doc)
    W.paragraphe(
        doc,
        "En cas d'empêchement, merci de prévenir la coordination"
        + (f" ({c.coordination_courriel})" if c.coordination_courriel else "")
        + " et, si possible, de vous faire représenter.",
        suite=True,
    )
    W.paragraphe(doc, "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.", suite=True)
    _signatures(doc, _signataires(c))

    W.titre(doc, "Membres convoqués", 1)
    if c.convoques:
        W.tableau(
            doc,
            ["Nom", "Structure", "Collège"],
            [(x.nom, x.structure, x.college) for x in c.convoques],
            largeurs=[5, 7, 4],
        )
    else:
        W.note(doc, "Aucun membre n'est rattaché à cette instance (membres.toml, « instances »).")
    W.pied_de_page(doc, f"{c.clsm} — {objet(c)}", premiere_page=True)
    return W.en_octets(doc)


def _signatures(doc: Any, signataires: list[tuple[str, str]]) -> None:
    """Side by side, in a borderless table that never splits across pages."""
    from docx.shared import Cm, Pt

    from clsm_cli.documents import word as W

    table = doc.add_table(rows=1, cols=len(signataires))
    for cellule, (role, nom) in zip(table.rows[0].cells, signataires, strict=True):
        haut = cellule.paragraphs[0]
        haut.paragraph_format.space_before = Pt(18)
        haut.paragraph_format.keep_with_next = True
        haut.add_run(W.texte_sur(role)).bold = True
        bas = cellule.add_paragraph(W.texte_sur(nom or "……………………"))
        bas.paragraph_format.space_after = Pt(36)  # room for the signature
        cellule.width = Cm(16 / len(signataires))
    table.rows[0]._tr.get_or_add_trPr().append(
        table.rows[0]._tr.makeelement(W._qn("w:cantSplit"), {})
    )


# --- Markdown --------------------------------------------------------------------------------


def convocation_markdown(c: Convocation) -> str:
    from clsm_cli.documents.compte_rendu import _md

    lignes = [
        f"# Convocation — {_md(c.titre)}",
        "",
        f"**{_md(c.clsm)}** — le {F.d(c.aujourdhui)}",
        "",
        f"**Objet :** {_md(objet(c))}",
        "",
        "Madame, Monsieur,",
        "",
        _md(_intro(c)),
        "",
        "## Ordre du jour",
        "",
    ]
    lignes += [f"{n}. {_md(x)}" for n, x in enumerate(c.ordre_du_jour, start=1)] or [
        "_L'ordre du jour sera précisé en séance._"
    ]
    lignes += ["", "## Suivis attendus pour cette réunion", ""]
    lignes += [f"- {_md(_suivi_texte(s))}" for s in c.suivis] or [
        "_Aucun suivi n'arrive à échéance d'ici cette réunion._"
    ]
    lignes += ["", "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.", ""]
    for role, nom in _signataires(c):
        lignes += [f"**{role}**" + (f"  \n{_md(nom)}" if nom else ""), ""]
    lignes += ["## Membres convoqués", ""]
    lignes += [
        f"- {_md(x.nom)}" + (f" ({_md(x.structure)})" if x.structure else "") + f" — {x.college}"
        for x in c.convoques
    ] or ["_Aucun membre rattaché à cette instance._"]
    return "\n".join(lignes).rstrip("\n") + "\n"


# --- e-mail ----------------------------------------------------------------------------------


def _corps_courriel(c: Convocation) -> str:
    lignes = ["Madame, Monsieur,", "", _intro(c), ""]
    if c.ordre_du_jour:
        lignes += ["Ordre du jour :", *[f"{n}. {x}" for n, x in enumerate(c.ordre_du_jour, 1)]]
        lignes.append("")
    if c.suivis:
        lignes += ["Suivis attendus pour cette réunion :"]
        lignes += [f"- {_suivi_texte(s)}" for s in c.suivis]
        lignes.append("")
    lignes += [
        "Vous trouverez l'invitation à ajouter à votre agenda en pièce jointe.",
        "En cas d'empêchement, merci de prévenir la coordination.",
        "",
        "Bien cordialement,",
        "",
    ]
    for role, nom in _signataires(c):
        fonction = role.removeprefix("La ")
        lignes.append(f"{nom} — {fonction[0].upper()}{fonction[1:]}" if nom else role)
    return "\n".join(lignes) + "\n"


def convocation_eml(c: Convocation, ics: bytes, piece_jointe: bytes | None = None) -> bytes:
    """The message: To = every convened member with an address, From = the coordination;
    the meeting's .ics attached (text/calendar; method=PUBLISH), the letter too if given."""
    from email.headerregistry import Address
    from email.message import EmailMessage
    from email.policy import SMTP
    from email.utils import formatdate, make_msgid

    from clsm_cli.noyau.membres import adresse_valide
    from clsm_cli.noyau.textes import sans_controles

    message = EmailMessage(policy=SMTP)
    message["Subject"] = sans_controles(objet(c))
    expediteur = adresse_valide(c.coordination_courriel)
    if expediteur:
        message["From"] = Address(sans_controles(c.coordination or c.clsm), addr_spec=expediteur)
    destinataires = [
        Address(sans_controles(x.nom), addr_spec=x.courriel) for x in c.convoques if x.courriel
    ]
    if destinataires:
        message["To"] = destinataires
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="clsm.invalid")
    message["X-Unsent"] = "1"  # Outlook opens it as a draft, ready to send
    message.set_content(_corps_courriel(c), charset="utf-8")
    message.add_attachment(
        ics,
        maintype="text",
        subtype="calendar",
        filename=f"{nom_fichier(c)}.ics",
        params={"method": "PUBLISH", "charset": "utf-8"},
    )
    if piece_jointe is not None:
        message.add_attachment(
            piece_jointe,
            maintype="application",
            subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
            filename=f"{nom_fichier(c)}.docx",
        )
    return message.as_bytes()
