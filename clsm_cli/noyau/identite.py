"""Identity of the CLSM and its funding (``clsm.toml``): the library behind ``clsm identite``
and ``clsm financement``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from clsm_cli.modeles.erreurs import ErreurSaisie, Introuvable
from clsm_cli.noyau.membres import normaliser, valider_modele

if TYPE_CHECKING:
    from pathlib import Path

    from clsm_cli.modeles import FichierClsm, Financement
    from clsm_cli.noyau.projet import Projet

CLSM = "clsm.toml"

CHAMPS_IDENTITE: dict[str, str] = {
    "nom": "--nom",
    "territoire": "--territoire",
    "communes": "--commune",
    "population": "--population",
    "qpv": "--qpv",
    "date_creation": "--date-creation",
    "porteur": "--porteur",
    "presidence": "--presidence",
    "co_animation": "--co-animation",
    "coordination.nom": "--coordination-nom",
    "coordination.courriel": "--coordination-courriel",
    "coordination.telephone": "--coordination-telephone",
    "coordination.etp": "--coordination-etp",
    "convention.debut": "--convention-debut",
    "convention.fin": "--convention-fin",
    "cls.nom": "--cls-nom",
    "cls.debut": "--cls-periode",
    "cls.fin": "--cls-periode",
    "cls.fiche_action": "--cls-fiche-action",
    "ptsm.nom": "--ptsm-nom",
    "ptsm.debut": "--ptsm-periode",
    "ptsm.fin": "--ptsm-periode",
    "cellule.seuil_masquage": "--seuil-masquage",
    "cellule.conservation_mois": "--conservation-mois",
    "cellule.active": "--sans-cellule",
    "export.modele_word": "--modele-word",
}
"""Editable fields of clsm.toml (dotted for sub-tables) and the option that sets each."""

OBLIGATOIRES = ("nom", "territoire")


def cellule_declaree_absente(racine: Path) -> bool:
    """True when clsm.toml says ``[cellule] active = false`` (read directly: cheap, and
    usable on a folder that has other problems)."""
    from clsm_cli.stockage.lecture import TOML

    try:
        donnees = TOML.loads((racine / CLSM).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return False
    cellule = donnees.get("cellule")
    return isinstance(cellule, dict) and cellule.get("active") is False


def _ordre(modele: Any) -> list[str]:
    return ["version_schema", *modele.model_fields]


def modifier_identite(projet: Projet, changements: dict[str, Any]) -> FichierClsm:
    """Set (value) or clear (None) fields of clsm.toml, keyed as in :data:`CHAMPS_IDENTITE`."""
    import tomlkit

    from clsm_cli.modeles import FichierClsm
    from clsm_cli.stockage.ecriture import modifier_champs

    for champ, valeur in changements.items():
        if champ in OBLIGATOIRES and valeur is None:
            raise ErreurSaisie(
                f"{CHAMPS_IDENTITE[champ]} est obligatoire : il ne peut être effacé."
            )
    actuel = projet.identite
    donnees = actuel.model_dump() if actuel else {}
    for champ, valeur in changements.items():
        section, _, cle = champ.rpartition(".")
        cible = donnees.setdefault(section, {}) if section else donnees
        cible[cle] = valeur
    identite: FichierClsm = _valider_identite(_sans_vides(donnees))
    with projet.edition() as ed:
        doc = ed.document(CLSM)
        par_section: dict[str, dict[str, Any]] = {}
        for champ, valeur in changements.items():
            section, _, cle = champ.rpartition(".")
            par_section.setdefault(section, {})[cle] = valeur
        for section, champs in par_section.items():
            if not section:
                modifier_champs(doc, champs, _ordre(FichierClsm))
                continue
            if section not in doc:
                if all(v is None for v in champs.values()):
                    continue
                doc.add(section, tomlkit.table())
            sous_modele = type(getattr(identite, section))
            modifier_champs(doc[section], champs, _ordre(sous_modele))
    return identite


def _sans_vides(valeur: Any) -> Any:
    if isinstance(valeur, dict):
        return {k: _sans_vides(v) for k, v in valeur.items() if v is not None}
    if isinstance(valeur, list):
        return [_sans_vides(v) for v in valeur]
    return valeur


def _valider_identite(donnees: dict[str, Any]) -> Any:
    """The identity model, or an error naming the option (not the TOML key) at fault."""
    from clsm_cli.modeles import FichierClsm

    try:
        return valider_modele(FichierClsm, donnees, CLSM)
    except ErreurSaisie as exc:
        message = str(exc)
        for champ, option in sorted(CHAMPS_IDENTITE.items(), key=lambda kv: -len(kv[0])):
            message = message.replace(f"Valeur refusée : {champ} :", f"Valeur refusée : {option} :")
            message = message.replace(f"; {champ} :", f"; {option} :")
        message = message.replace(
            "Valeur refusée : convention :",
            "Valeur refusée : --convention-debut/--convention-fin :",
        )
        for lien in ("cls", "ptsm"):
            message = message.replace(
                f"Valeur refusée : {lien} :", f"Valeur refusée : --{lien}-periode :"
            )
        raise ErreurSaisie(message) from None


def fiche_identite(identite: FichierClsm) -> list[tuple[str, list[tuple[str, str]]]]:
    """clsm.toml for people: sections of (label, text) lines."""
    from clsm_cli.noyau.textes import date_fr, nombre_fr

    def texte(valeur: Any) -> str:
        if valeur is None or valeur == []:
            return "—"
        if isinstance(valeur, list):
            return ", ".join(str(v) for v in valeur)
        if isinstance(valeur, bool):
            return "oui" if valeur else "non"
        if isinstance(valeur, int | float):
            decimales = f"{float(valeur):.2f}".rstrip("0").partition(".")[2]
            return nombre_fr(valeur, len(decimales))
        return date_fr(valeur)

    c, conv = identite.coordination, identite.convention
    sections: list[tuple[str, list[tuple[str, str]]]] = [
        (
            identite.nom,
            [
                ("Territoire", texte(identite.territoire)),
                ("Communes", texte(identite.communes)),
                ("Population", texte(identite.population)),
                ("QPV", texte(identite.qpv)),
                ("Créé le", texte(identite.date_creation)),
                ("Porteur", texte(identite.porteur)),
                ("Présidence", texte(identite.presidence)),
                ("Co-animation", texte(identite.co_animation)),
            ],
        ),
        (
            "Coordination",
            [
                ("Nom", texte(c.nom)),
                ("Courriel", texte(c.courriel)),
                ("Téléphone", texte(c.telephone)),
                ("ETP", texte(c.etp)),
            ],
        ),
    ]
    convention = [("Début", texte(conv.debut)), ("Fin", texte(conv.fin))]
    for s in conv.signataire:
        qui = ", ".join(p for p in (s.representant, s.qualite) if p)
        convention.append(("Signataire", f"{s.structure} — {qui}" if qui else s.structure))
    for i, objectif in enumerate(conv.objectifs, start=1):
        convention.append((f"Objectif {i}", objectif))
    sections.append(("Convention", convention))
    from clsm_cli.noyau.historique import periode_annees

    cls, ptsm = identite.cls, identite.ptsm
    sections.append(
        (
            "Contrat local de santé et PTSM",
            [
                ("CLS", texte(cls.nom)),
                ("Période du CLS", periode_annees(cls.debut, cls.fin) or "—"),
                ("Fiche action", texte(cls.fiche_action)),
                ("PTSM", texte(ptsm.nom)),
                ("Période du PTSM", periode_annees(ptsm.debut, ptsm.fin) or "—"),
            ],
        )
    )
    sections.append(
        (
            "Financements",
            [
                (
                    str(f.annee),
                    f"{f.financeur} — {montant_fr(f.montant)}"
                    + (f" — {f.objet}" if f.objet else ""),
                )
                for f in financements(identite)
            ]
            or [("—", "aucun")],
        )
    )
    sections.append(
        (
            "Cellule",
            [
                ("Seuil de masquage", texte(identite.cellule.seuil_masquage)),
                ("Conservation", f"{identite.cellule.conservation_mois} mois"),
            ],
        )
    )
    sections.append(("Export", [("Modèle Word", texte(identite.export.modele_word))]))
    return sections


# --- funding ---------------------------------------------------------------------------------


def montant_fr(montant: float) -> str:
    from clsm_cli.noyau.textes import nombre_fr

    return nombre_fr(montant, 0 if float(montant).is_integer() else 2) + " €"


def lire_montant(valeur: str | float | None, option: str = "--montant") -> int | float | None:
    """« 25 000 », « 12500,50 », « 3 000 € » → a number (int when whole)."""
    if valeur is None or isinstance(valeur, int | float):
        return valeur
    texte = re.sub(r"[\s\u00a0\u202f€]", "", valeur).replace(",", ".")
    if re.fullmatch(r"\d+(\.\d{1,2})?", texte):
        nombre = float(texte)
        return int(nombre) if nombre.is_integer() else nombre
    raise ErreurSaisie(
        f"Montant invalide pour {option} : « {valeur} » (nombre positif attendu, par exemple "
        "25000 ou 12 500,50)."
    )


def financements(identite: FichierClsm | None, annee: int | None = None) -> list[Financement]:
    """Funding lines, by year then funder (optionally of one year only)."""
    if identite is None:
        return []
    return sorted(
        (f for f in identite.financement if annee is None or f.annee == annee),
        key=lambda f: (f.annee, normaliser(f.financeur), normaliser(f.objet)),
    )


def ajouter_financement(
    projet: Projet, annee: int, financeur: str, montant: int | float, objet: str | None
) -> Financement:
    from clsm_cli.modeles import Financement
    from clsm_cli.stockage.ecriture import ajouter_enregistrement, en_donnees

    donnees = {"annee": annee, "financeur": financeur, "montant": montant, "objet": objet}
    financement: Financement = valider_modele(
        Financement, {k: v for k, v in donnees.items() if v not in (None, "")}, CLSM
    )
    with projet.edition() as ed:
        ajouter_enregistrement(ed.document(CLSM), "financement", en_donnees(financement))
    return financement


@dataclass
class Candidat:
    indice: int
    financement: Financement

    def __str__(self) -> str:
        f = self.financement
        objet = f" — {f.objet}" if f.objet else ""
        return f"{f.annee} — {f.financeur} — {montant_fr(f.montant)}{objet}"


def retirer_financement(
    projet: Projet, annee: int, financeur: str, objet: str | None = None
) -> Financement:
    """Delete the one funding line of that year and funder (and object, if given)."""
    from clsm_cli.stockage.ecriture import supprimer_enregistrement

    lignes = projet.identite.financement if projet.identite else []
    candidats = [
        Candidat(i, f)
        for i, f in enumerate(lignes)
        if f.annee == annee
        and normaliser(f.financeur) == normaliser(financeur)
        and (objet is None or normaliser(f.objet) == normaliser(objet))
    ]
    if not candidats:
        de_l_annee = [f"  {Candidat(0, f)}" for f in financements(projet.identite, annee)]
        precision = f" pour l'objet « {objet} »" if objet is not None else ""
        liste = (
            " Financements de cette année :\n" + "\n".join(de_l_annee)
            if de_l_annee
            else " Aucun financement n'est enregistré cette année-là."
        )
        raise Introuvable(f"Aucun financement de « {financeur} » en {annee}{precision}.{liste}")
    if len(candidats) > 1:
        raise ErreurSaisie(
            f"{len(candidats)} financements de « {financeur} » en {annee} : précisez lequel "
            "avec --objet :\n" + "\n".join(f"  {c}" for c in candidats)
        )
    cible = candidats[0]
    with projet.edition() as ed:
        doc = ed.document(CLSM)
        indice = _indice_dans(doc, cible.financement)
        ed.remplacer(CLSM, supprimer_enregistrement(doc, "financement", indice))
    return cible.financement


def _indice_dans(doc: Any, financement: Financement) -> int:
    """Position of that funding line in the document as it is now (under the lock)."""
    from clsm_cli.stockage.ecriture import en_donnees

    attendu = en_donnees(financement)
    for i, table in enumerate(doc.get("financement", [])):
        if {k: v for k, v in table.unwrap().items()} == attendu:
            return i
    raise Introuvable(f"Ce financement a disparu de {CLSM} ; relancez la commande.")
