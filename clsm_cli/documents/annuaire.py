"""The members' directory (``clsm membres annuaire``): .xlsx, .csv (Excel, « ; ») and vCard
4.0 (.vcf, RFC 6350) for an address book; and the ready-to-paste address list of ``clsm
membres courriels``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from clsm_cli.modeles import LIBELLES_COLLEGE

if TYPE_CHECKING:
    from clsm_cli.modeles import Membre

COLONNES = ("Nom", "Prénom", "Structure", "Fonction", "Collège", "Courriel", "Téléphone")
LARGEUR_VCARD = 75
"""Maximum octets of a vCard line, line break excluded (RFC 6350 § 3.2)."""


@dataclass
class Contact:
    nom: str | None
    prenom: str | None
    structure: str | None
    fonction: str | None
    college: str
    courriel: str | None
    telephone: str | None

    @property
    def nom_complet(self) -> str:
        return " ".join(p for p in (self.prenom, self.nom) if p) or self.structure or ""


def contacts(membres: Sequence[Membre]) -> list[Contact]:
    return [
        Contact(
            m.nom,
            m.prenom,
            m.structure,
            m.fonction,
            LIBELLES_COLLEGE[m.college.value],
            (m.courriel or "").strip() or None,
            (m.telephone or "").strip() or None,
        )
        for m in membres
    ]


def _lignes(liste: Sequence[Contact]) -> list[list[str | None]]:
    return [
        [c.nom, c.prenom, c.structure, c.fonction, c.college, c.courriel, c.telephone]
        for c in liste
    ]


def annuaire_xlsx(liste: Sequence[Contact], titre: str) -> bytes:
    from clsm_cli.documents import excel as X

    classeur = X.nouveau_classeur(titre)
    colonnes = [X.Colonne(e, X.TEXTE if e == "Téléphone" else None) for e in COLONNES]
    X.feuille(classeur, "Annuaire", colonnes, _lignes(liste), vide="Aucun membre actif.")
    return X.en_octets(classeur)


def annuaire_csv(liste: Sequence[Contact]) -> bytes:
    """CSV for a French Excel: UTF-8 with BOM, « ; », CRLF, formulas neutralised."""
    import csv
    import io

    from clsm_cli.noyau.textes import cellule_sure

    tampon = io.StringIO()
    tampon.write("\ufeff")
    ecrivain = csv.writer(tampon, delimiter=";", lineterminator="\r\n")
    ecrivain.writerow(COLONNES)
    for ligne in _lignes(liste):
        ecrivain.writerow(["" if v is None else cellule_sure(v) for v in ligne])
    return tampon.getvalue().encode("utf-8")


# --- vCard 4.0 (RFC 6350) ----------------------------------------------------------------------


def echapper_vcard(texte: str) -> str:
    """A text value component (§ 3.4): backslash, comma, semicolon and newline escaped;
    other control characters removed."""
    from clsm_cli.noyau.textes import sans_controles

    texte = sans_controles(texte.replace("\r\n", "\n").replace("\r", "\n"))
    return texte.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def plier(ligne: str) -> str:
    """A content line folded at 75 octets (§ 3.2): CRLF then one space, never inside a UTF-8
    character."""
    morceaux: list[str] = []
    courant, taille, limite = "", 0, LARGEUR_VCARD
    for caractere in ligne:
        octets = len(caractere.encode("utf-8"))
        if taille + octets > limite:
            morceaux.append(courant)
            courant, taille, limite = "", 0, LARGEUR_VCARD - 1  # the space counts
        courant += caractere
        taille += octets
    morceaux.append(courant)
    return "\r\n ".join(morceaux) + "\r\n"


def vcard(c: Contact) -> str:
    lignes = ["BEGIN:VCARD", "VERSION:4.0"]
    if not c.nom and not c.prenom:
        lignes.append("KIND:org")
    lignes.append(f"FN:{echapper_vcard(c.nom_complet)}")
    lignes.append(f"N:{echapper_vcard(c.nom or '')};{echapper_vcard(c.prenom or '')};;;")
    if c.structure:
        lignes.append(f"ORG:{echapper_vcard(c.structure)}")
    if c.fonction:
        lignes.append(f"TITLE:{echapper_vcard(c.fonction)}")
    if c.courriel:
        lignes.append(f"EMAIL;TYPE=work:{echapper_vcard(c.courriel)}")
    if c.telephone:
        lignes.append(f"TEL;VALUE=text;TYPE=work:{echapper_vcard(c.telephone)}")
    lignes.append(f"CATEGORIES:{echapper_vcard(c.college)}")
    lignes.append("END:VCARD")
    return "".join(plier(ligne) for ligne in lignes)


def annuaire_vcf(liste: Sequence[Contact]) -> bytes:
    return "".join(vcard(c) for c in liste).encode("utf-8")


# --- address list ------------------------------------------------------------------------------

_A_CITER = set(',;<>@"()[]:\\')


def destinataire(nom: str, adresse: str) -> str:
    """``Nom <adresse>``; the name in quotes when it holds a comma or another character that
    would break the list (« "GEM L'Envol, Testville" <gem@…> »)."""
    nom = " ".join(nom.split())
    if not nom:
        return adresse
    if any(c in _A_CITER for c in nom):
        nom = '"' + nom.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{nom} <{adresse}>"


def liste_courriels(paires: Sequence[tuple[str, str]]) -> str:
    """The address list Outlook accepts: ``Nom <adresse>`` joined by « ; »."""
    return "; ".join(destinataire(nom, adresse) for nom, adresse in paires)
