"""Importing members from a spreadsheet (.xlsx or .csv): pure logic, no click.

1. :func:`lire_tableur` reads the sheet into rows of cell values, keeping the spreadsheet's row
   numbers (an .xlsx with openpyxl in read-only mode with cached formula values; a .csv in
   UTF-8, with or without BOM, else Windows-1252, ``;``, ``,`` or tab separated).
2. :func:`analyser` finds the header row (possibly over two rows, as with merged cells),
   maps columns to fields (accent- and case-insensitive French defaults, or ``--colonne``),
   and decides for each row: *ajout*, *mise à jour* (matched by courriel, else nom +
   structure), *inchangé* or *rejet* with a reason.
3. :func:`ecrire` writes every accepted row in one atomic, validated change.

Collège given in words is mapped to the fixed vocabulary by :data:`SYNONYMES_COLLEGE`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clsm_cli.modeles.erreurs import ErreurClsm, ErreurSaisie
from clsm_cli.noyau.identifiants import id_unique
from clsm_cli.noyau.membres import (
    CHAMPS_MEMBRE,
    INSTANCES_FIXES,
    MEMBRES,
    identifiant_membre,
    normaliser,
)
from clsm_cli.noyau.textes import sans_controles

if TYPE_CHECKING:
    from clsm_cli.modeles import Membre
    from clsm_cli.noyau.projet import Projet

CHAMPS_IMPORT = (
    "nom",
    "prenom",
    "structure",
    "fonction",
    "college",
    "courriel",
    "telephone",
    "instances",
    "depuis",
    "notes",
)
"""Member fields a spreadsheet column can fill."""

ENTETES_PAR_DEFAUT: dict[str, tuple[str, ...]] = {
    "nom": ("nom", "nom de famille", "nom usuel"),
    "prenom": ("prenom",),
    "structure": (
        "structure",
        "organisme",
        "structure organisme",
        "organisme structure",
        "etablissement",
        "institution",
        "service",
    ),
    "fonction": ("fonction", "poste", "qualite", "titre", "role"),
    "college": ("college", "colleges", "categorie"),
    "courriel": (
        "courriel",
        "e mail",
        "email",
        "mail",
        "adresse mail",
        "adresse e mail",
        "adresse electronique",
        "mel",
    ),
    "telephone": ("telephone", "tel", "portable", "telephone portable", "numero de telephone"),
    "instances": ("instances", "instance", "participe a"),
    "depuis": ("depuis", "membre depuis", "date d entree", "date d arrivee"),
    "notes": ("notes", "note", "commentaire", "commentaires", "remarques", "observations"),
}
"""Header texts recognised for each field (compared after :func:`normaliser`)."""

SYNONYMES_COLLEGE: dict[str, str] = {
    # élus
    "elus": "elus",
    "elu": "elus",
    "elue": "elus",
    "elu e": "elus",
    "elu e s": "elus",
    "elus es": "elus",
    "elus locaux": "elus",
    "elu local": "elus",
    "collectivites": "elus",
    # psychiatrie publique
    "psychiatrie": "psychiatrie",
    "psychiatrie publique": "psychiatrie",
    "psychiatrie de secteur": "psychiatrie",
    "secteur psychiatrique": "psychiatrie",
    "sante mentale": "psychiatrie",
    # usagers
    "usagers": "usagers",
    "usager": "usagers",
    "usagers gem": "usagers",
    "gem": "usagers",
    "representants des usagers": "usagers",
    "pairs aidants": "usagers",
    # aidants
    "aidants": "aidants",
    "aidant": "aidants",
    "aidants unafam": "aidants",
    "unafam": "aidants",
    "familles": "aidants",
    "aidants et familles": "aidants",
    "aidants familles": "aidants",
    "proches": "aidants",
    # santé hors psychiatrie
    "sante": "sante",
    "sante hors psychiatrie": "sante",
    "soins": "sante",
    "soins primaires": "sante",
    "medecine de ville": "sante",
    "medecine generale": "sante",
    "professionnels de sante": "sante",
    "cpts": "sante",
    # social et médico-social
    "social": "social_medico_social",
    "medico social": "social_medico_social",
    "social et medico social": "social_medico_social",
    "social medico social": "social_medico_social",
    "action sociale": "social_medico_social",
    "travail social": "social_medico_social",
    "ccas": "social_medico_social",
    # logement
    "logement": "logement",
    "bailleurs": "logement",
    "bailleur": "logement",
    "bailleurs sociaux": "logement",
    "habitat": "logement",
    # éducation
    "education": "education",
    "education nationale": "education",
    "education et jeunesse": "education",
    "jeunesse": "education",
    "enseignement": "education",
    # sécurité et justice
    "securite": "securite_justice",
    "justice": "securite_justice",
    "police": "securite_justice",
    "gendarmerie": "securite_justice",
    "police municipale": "securite_justice",
    "securite justice": "securite_justice",
    "securite et justice": "securite_justice",
    "police justice": "securite_justice",
    # institutions
    "institutions": "institutions",
    "institution": "institutions",
    "ars": "institutions",
    "conseil departemental": "institutions",
    "departement": "institutions",
    "prefecture": "institutions",
    "services de l etat": "institutions",
    # associations
    "associations": "associations",
    "association": "associations",
    "associatif": "associations",
    "monde associatif": "associations",
    # autres
    "autres": "autres",
    "autre": "autres",
    "divers": "autres",
}
"""Words found in spreadsheets (normalised: lowercase, no accents, punctuation as spaces) →
collège. The codes themselves and their French labels are recognised too."""

SYNONYMES_INSTANCE: dict[str, str] = {
    "copil": "copil",
    "comite de pilotage": "copil",
    "pleniere": "pleniere",
    "assemblee pleniere": "pleniere",
    "comite technique": "comite_technique",
    "cotech": "comite_technique",
    "cellule": "cellule",
    "cellule de cas complexes": "cellule",
}

LIGNES_ENTETE_MAX = 20
"""How far down the header row is looked for (title rows above it are skipped)."""

RE_COURRIEL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


# --- reading ---------------------------------------------------------------------------------


@dataclass
class Tableau:
    """Rows of a sheet: (row number as the spreadsheet shows it, cell values)."""

    lignes: list[tuple[int, list[Any]]]
    formules: dict[tuple[int, int], str] = field(default_factory=dict)
    """(row, column index) → formula whose value was never computed (no cached value)."""
    nom: str = ""


def lire_tableur(chemin: Path, feuille: str | None = None) -> Tableau:
    """Read an .xlsx or .csv file (``feuille``: the worksheet's name, .xlsx only)."""
    extension = chemin.suffix.lower()
    if not chemin.is_file():
        raise ErreurSaisie(f"Fichier introuvable : « {chemin} ».")
    if extension in (".xlsx", ".xlsm"):
        return lire_xlsx(chemin, feuille)
    if extension in (".csv", ".txt"):
        if feuille is not None:
            raise ErreurSaisie("--feuille ne s'applique qu'aux classeurs .xlsx.")
        return lire_csv(chemin)
    if extension in (".xls", ".ods"):
        raise ErreurSaisie(
            f"Format {extension} non pris en charge : enregistrez le fichier au format .xlsx "
            "(Excel) ou .csv, puis relancez l'import."
        )
    raise ErreurSaisie(f"« {chemin.name} » : format non reconnu (attendu : .xlsx ou .csv).")


def lire_xlsx(chemin: Path, feuille: str | None = None) -> Tableau:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        valeurs = load_workbook(chemin, read_only=True, data_only=True)
        formules = load_workbook(chemin, read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ErreurClsm(
            f"« {chemin.name} » n'est pas un classeur Excel lisible ({type(exc).__name__})."
        ) from None
    try:
        if feuille is None:
            nom = valeurs.sheetnames[0]
        elif feuille in valeurs.sheetnames:
            nom = feuille
        else:
            raise ErreurSaisie(
                f"Feuille « {feuille} » introuvable dans « {chemin.name} » (feuilles : "
                f"{', '.join(valeurs.sheetnames)})."
            )
        ws_valeurs, ws_formules = valeurs[nom], formules[nom]
        ws_valeurs.reset_dimensions()
        ws_formules.reset_dimensions()
        lignes = [
            (numero, list(ligne))
            for numero, ligne in enumerate(ws_valeurs.iter_rows(values_only=True), start=1)
        ]
        sans_valeur: dict[tuple[int, int], str] = {}
        for numero, cellules in enumerate(ws_formules.iter_rows(), start=1):
            for colonne, cellule in enumerate(cellules):
                if getattr(cellule, "data_type", None) != "f":
                    continue
                calcule = lignes[numero - 1][1] if numero <= len(lignes) else []
                if colonne >= len(calcule) or calcule[colonne] is None:
                    sans_valeur[(numero, colonne)] = str(cellule.value)
        return Tableau(lignes, sans_valeur, nom)
    finally:
        valeurs.close()
        formules.close()


def decoder(brut: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 (what Excel writes in France)."""
    try:
        return brut.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return brut.decode("cp1252")
        except UnicodeDecodeError:
            return brut.decode("latin-1")


def separateur_probable(texte: str) -> str:
    """``;``, ``,`` or tab: the one most present on the first non-empty line."""
    premiere = next((ligne for ligne in texte.splitlines() if ligne.strip()), "")
    comptes = {s: premiere.count(s) for s in (";", ",", "\t")}
    meilleur = max(comptes, key=lambda s: comptes[s])
    return meilleur if comptes[meilleur] else ","


def lire_csv(chemin: Path) -> Tableau:
    texte = decoder(chemin.read_bytes())
    lecteur = csv.reader(io.StringIO(texte, newline=""), delimiter=separateur_probable(texte))
    return Tableau([(numero, list(ligne)) for numero, ligne in enumerate(lecteur, start=1)])


# --- columns ---------------------------------------------------------------------------------


def lire_option_colonnes(valeurs: Iterable[str]) -> dict[str, str]:
    """``["nom=Nom de famille", …]`` → {field: header}, or a precise error."""
    resultat: dict[str, str] = {}
    for valeur in valeurs:
        champ, egal, entete = valeur.partition("=")
        champ = champ.strip().lower()
        if not egal or not entete.strip():
            raise ErreurSaisie(
                f"--colonne « {valeur} » : forme attendue champ=En-tête, par exemple "
                '--colonne courriel="Adresse mail".'
            )
        if champ not in CHAMPS_IMPORT:
            raise ErreurSaisie(
                f"--colonne : champ inconnu « {champ} » (champs possibles : "
                f"{', '.join(CHAMPS_IMPORT)})."
            )
        resultat[champ] = entete.strip()
    return resultat


def _texte_entete(valeur: Any) -> str:
    return normaliser(valeur) if valeur is not None else ""


def _reconnaitre(valeurs: Sequence[Any], imposees: dict[str, str]) -> dict[int, str]:
    """Columns of one row whose text is a known header: {column index: field}."""
    cibles = {normaliser(e): champ for champ, e in imposees.items()}
    trouves: dict[int, str] = {}
    for colonne, valeur in enumerate(valeurs):
        texte = _texte_entete(valeur)
        if not texte:
            continue
        champ = cibles.get(texte)
        if champ is None:
            champ = next(
                (
                    c
                    for c, noms in ENTETES_PAR_DEFAUT.items()
                    if c not in imposees and texte in noms
                ),
                None,
            )
        if champ is not None and champ not in trouves.values():
            trouves[colonne] = champ
    return trouves


@dataclass
class Entetes:
    ligne: int
    """Row number of the last header row: data starts below it."""
    colonnes: dict[int, str]
    """Column index → field."""
    textes: dict[str, str]
    """Field → header text as written in the sheet."""


def trouver_entetes(tableau: Tableau, imposees: dict[str, str] | None = None) -> Entetes:
    """The header row (the one naming most fields among the first rows), completed by the row
    just below or above it when headers are split over two rows (merged cells)."""
    imposees = imposees or {}
    premieres = [(n, v) for n, v in tableau.lignes if any(_texte_entete(x) for x in v)]
    premieres = premieres[:LIGNES_ENTETE_MAX]
    reconnues = [(n, v, _reconnaitre(v, imposees)) for n, v in premieres]
    if not reconnues or not max(len(r[2]) for r in reconnues):
        attendus = "Nom, Prénom, Structure, Fonction, Collège, Courriel, Téléphone, Instances"
        raise ErreurSaisie(
            f"Aucune ligne d'en-têtes reconnue dans les {LIGNES_ENTETE_MAX} premières lignes "
            f"(en-têtes attendus : {attendus}). Indiquez les colonnes avec --colonne, par "
            'exemple --colonne nom="Nom de famille".'
        )
    meilleure = max(range(len(reconnues)), key=lambda i: (len(reconnues[i][2]), -i))
    numero, valeurs, colonnes = reconnues[meilleure]
    colonnes = dict(colonnes)
    textes = {champ: str(valeurs[c]).strip() for c, champ in colonnes.items()}
    fin = numero
    for voisine in (meilleure + 1, meilleure - 1):
        if not 0 <= voisine < len(reconnues):
            continue
        n, v, trouves = reconnues[voisine]
        remplies = {c for c, x in enumerate(v) if _texte_entete(x)}
        if voisine == meilleure + 1 and n != numero + 1:
            continue
        if voisine == meilleure - 1 and n != numero - 1:
            continue
        if trouves and not remplies & set(colonnes):
            for c, champ in trouves.items():
                if champ not in colonnes.values():
                    colonnes[c] = champ
                    textes[champ] = str(v[c]).strip()
            if n > fin:
                fin = n
    manquantes = [champ for champ in imposees if champ not in colonnes.values()]
    if manquantes:
        champ = manquantes[0]
        lus = ", ".join(str(x).strip() for x in valeurs if _texte_entete(x))
        raise ErreurSaisie(
            f"En-tête « {imposees[champ]} » introuvable pour --colonne {champ}=… (en-têtes "
            f"lus ligne {numero} : {lus})."
        )
    if "nom" not in colonnes.values() and "structure" not in colonnes.values():
        lus = ", ".join(str(x).strip() for x in valeurs if _texte_entete(x))
        raise ErreurSaisie(
            f"Ni colonne Nom ni colonne Structure parmi les en-têtes lus ligne {numero} ({lus}) : "
            'indiquez-la avec --colonne nom="…" ou --colonne structure="…".'
        )
    return Entetes(fin, dict(sorted(colonnes.items())), textes)


# --- cell values -----------------------------------------------------------------------------


def _nettoyer(texte: str, multiligne: bool) -> str | None:
    texte = sans_controles(texte).replace("\r\n", "\n").replace("\r", "\n")
    if multiligne:
        texte = "\n".join(" ".join(ligne.split()) for ligne in texte.strip().split("\n"))
    else:
        texte = " ".join(texte.split())
    return texte or None


def valeur_cellule(valeur: Any, champ: str) -> Any:
    """Clean text (or a date for ``depuis``) from a cell, None when empty."""
    if valeur is None:
        return None
    if isinstance(valeur, dt.datetime):
        valeur = valeur.date()
    if isinstance(valeur, dt.date):
        return valeur if champ == "depuis" else valeur.isoformat()
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"
    if isinstance(valeur, int | float):
        if float(valeur).is_integer():
            texte = str(int(valeur))
            if champ == "telephone" and len(texte) == 9:
                texte = "0" + texte  # Excel drops the leading zero of French numbers
            return texte
        return str(valeur).replace(".", ",")
    return _nettoyer(str(valeur), multiligne=champ == "notes")


def college_depuis_texte(texte: str) -> str | None:
    """The collège code of a word such as « Usagers / GEM » (None when unknown)."""
    from clsm_cli.modeles import LIBELLES_COLLEGE

    cle = normaliser(texte)
    if cle in SYNONYMES_COLLEGE:
        return SYNONYMES_COLLEGE[cle]
    for code, libelle in LIBELLES_COLLEGE.items():
        if cle in (normaliser(code), normaliser(libelle)):
            return code
    return None


def _date_texte(texte: str) -> dt.date | None:
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", texte):
        jour, mois, annee = (int(x) for x in m.groups())
    elif m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", texte):
        annee, mois, jour = (int(x) for x in m.groups())
    else:
        return None
    try:
        return dt.date(annee, mois, jour)
    except ValueError:
        return None


# --- analysis --------------------------------------------------------------------------------

RESULTATS = {
    "ajout": "ajout",
    "mise_a_jour": "mise à jour",
    "inchange": "inchangé",
    "rejet": "rejet",
}
"""Stable codes of a row's outcome → French label."""


@dataclass
class LigneImport:
    ligne: int
    resultat: str
    """One of :data:`RESULTATS`."""
    id: str | None
    membre: str
    detail: str
    donnees: dict[str, Any] = field(default_factory=dict)
    """Fields to write: the whole record (ajout) or the changed fields (mise à jour)."""
    instances_ajoutees: list[str] = field(default_factory=list)


@dataclass
class Rapport:
    lignes: list[LigneImport]
    entetes: Entetes
    fichier: str = ""

    def nombre(self, resultat: str) -> int:
        return sum(1 for ligne in self.lignes if ligne.resultat == resultat)

    @property
    def a_ecrire(self) -> list[LigneImport]:
        return [x for x in self.lignes if x.resultat in ("ajout", "mise_a_jour")]


def _libelle(d: dict[str, Any]) -> str:
    personne = " ".join(p for p in (d.get("prenom"), d.get("nom")) if p)
    if personne and d.get("structure"):
        return f"{personne} ({d['structure']})"
    return personne or d.get("structure") or ""


class _Correspondances:
    """Existing members (and rows already seen) by courriel and by nom + structure."""

    def __init__(self, membres: Sequence[Membre]) -> None:
        self.membres = list(membres)
        self.vus_courriel: dict[str, int] = {}
        self.vus_nom: dict[tuple[str, str, str], int] = {}

    @staticmethod
    def cle_nom(d: dict[str, Any]) -> tuple[str, str, str]:
        return (
            normaliser(d.get("nom")),
            normaliser(d.get("structure")),
            normaliser(d.get("prenom")),
        )

    def deja_vue(self, d: dict[str, Any]) -> int | None:
        courriel = (d.get("courriel") or "").casefold()
        if courriel and courriel in self.vus_courriel:
            return self.vus_courriel[courriel]
        return self.vus_nom.get(self.cle_nom(d))

    def noter(self, d: dict[str, Any], ligne: int) -> None:
        if d.get("courriel"):
            self.vus_courriel.setdefault(d["courriel"].casefold(), ligne)
        self.vus_nom.setdefault(self.cle_nom(d), ligne)

    def existants(self, d: dict[str, Any]) -> list[Membre]:
        courriel = (d.get("courriel") or "").casefold()
        if courriel:
            par_courriel = [m for m in self.membres if (m.courriel or "").casefold() == courriel]
            if par_courriel:
                return par_courriel
        nom, structure, prenom = self.cle_nom(d)
        return [
            m
            for m in self.membres
            if normaliser(m.nom) == nom
            and normaliser(m.structure) == structure
            and (not prenom or not m.prenom or normaliser(m.prenom) == prenom)
        ]


def _instances(texte: str, projet: Projet) -> tuple[list[str], list[str]]:
    """Instances named in a cell (codes, French names, group ids or names) and unknown ones."""
    groupes = {normaliser(g.id): g.id for g in projet.groupes}
    groupes.update({normaliser(g.nom): g.id for g in projet.groupes})
    connues: list[str] = []
    inconnues: list[str] = []
    for morceau in re.split(r"[,;/\n]+", texte):
        morceau = morceau.strip()
        if not morceau:
            continue
        cle = normaliser(morceau)
        sans_prefixe = re.sub(r"^(gt|groupe de travail|groupe)\s+", "", cle)
        trouve = (
            SYNONYMES_INSTANCE.get(cle)
            or (cle.replace(" ", "_") if cle.replace(" ", "_") in INSTANCES_FIXES else None)
            or groupes.get(cle)
            or groupes.get(sans_prefixe)
        )
        if trouve is None:
            inconnues.append(morceau)
        elif trouve not in connues:
            connues.append(trouve)
    return connues, inconnues


def _champs_de_ligne(
    valeurs: Sequence[Any], numero: int, tableau: Tableau, entetes: Entetes
) -> tuple[dict[str, Any], list[str]]:
    """Raw field values of one row and reasons to reject it (formulas without values)."""
    from openpyxl.utils import get_column_letter

    brut: dict[str, Any] = {}
    motifs: list[str] = []
    for colonne, champ in entetes.colonnes.items():
        if (numero, colonne) in tableau.formules:
            cellule = f"{get_column_letter(colonne + 1)}{numero}"
            motifs.append(
                f"cellule {cellule} ({entetes.textes[champ]}) : formule sans valeur calculée "
                f"({tableau.formules[(numero, colonne)]}) ; ouvrez et enregistrez le fichier "
                "dans Excel ou LibreOffice, ou remplacez la formule par sa valeur"
            )
            continue
        valeur = valeurs[colonne] if colonne < len(valeurs) else None
        valeur = valeur_cellule(valeur, champ)
        if valeur is not None:
            brut[champ] = valeur
    return brut, motifs


def analyser(projet: Projet, tableau: Tableau, colonnes: dict[str, str] | None = None) -> Rapport:
    """Decide, row by row, what importing ``tableau`` would do (nothing is written)."""
    from clsm_cli.modeles.vocabulaires import College

    entetes = trouver_entetes(tableau, colonnes)
    correspondances = _Correspondances(projet.membres)
    ids_pris = set(projet.membres_par_id)
    possibles = ", ".join(c.value for c in College)
    lignes: list[LigneImport] = []
    for numero, valeurs in tableau.lignes:
        if numero <= entetes.ligne:
            continue
        brut, motifs = _champs_de_ligne(valeurs, numero, tableau, entetes)
        if not brut and not motifs:
            continue  # empty row
        d: dict[str, Any] = {k: v for k, v in brut.items() if k not in ("college", "instances")}
        if "college" in brut:
            code = college_depuis_texte(brut["college"])
            if code is None:
                motifs.append(
                    f"collège inconnu « {brut['college']} » (valeurs possibles : {possibles})"
                )
            else:
                d["college"] = code
        instances: list[str] = []
        if "instances" in brut:
            instances, inconnues = _instances(brut["instances"], projet)
            if inconnues:
                motifs.append(
                    f"instance inconnue « {inconnues[0]} » (valeurs possibles : "
                    f"{', '.join([*INSTANCES_FIXES, *(g.id for g in projet.groupes)])})"
                )
        if "depuis" in d and not isinstance(d["depuis"], dt.date):
            date = _date_texte(str(d["depuis"]))
            if date is None:
                motifs.append(f"date invalide « {d['depuis']} » (JJ/MM/AAAA ou AAAA-MM-JJ)")
            d["depuis"] = date
        if d.get("courriel") and not RE_COURRIEL.match(d["courriel"]):
            motifs.append(f"courriel invalide « {d['courriel']} »")
        if not d.get("nom") and not d.get("structure"):
            motifs.append("ni nom ni structure")
        libelle = _libelle(d)
        if not motifs:
            premiere = correspondances.deja_vue(d)
            if premiere is not None:
                motifs.append(f"même membre que la ligne {premiere}")
        if motifs:
            lignes.append(LigneImport(numero, "rejet", None, libelle, " ; ".join(motifs)))
            continue
        resultat = _resultat(projet, numero, d, instances, libelle, correspondances, ids_pris)
        if resultat.resultat != "rejet":
            correspondances.noter(d, numero)
        lignes.append(resultat)
    return Rapport(lignes, entetes)


def _resultat(
    projet: Projet,
    numero: int,
    d: dict[str, Any],
    instances: list[str],
    libelle: str,
    correspondances: _Correspondances,
    ids_pris: set[str],
) -> LigneImport:
    """Outcome of a row whose cells are valid: update, unchanged, addition or rejection."""
    from clsm_cli.modeles import LIBELLES_COLLEGE, Membre
    from clsm_cli.modeles.vocabulaires import College

    possibles = ", ".join(c.value for c in College)
    existants = correspondances.existants(d)
    if len(existants) > 1:
        ids = ", ".join(m.id for m in existants)
        return LigneImport(
            numero,
            "rejet",
            None,
            libelle,
            f"plusieurs membres correspondent ({ids}) : ajoutez une colonne Courriel ou "
            "modifiez-les avec « clsm membres modifier »",
        )
    if existants:
        return _mise_a_jour(numero, existants[0], d, instances)
    if "college" not in d:
        return LigneImport(
            numero, "rejet", None, libelle, f"collège manquant (valeurs possibles : {possibles})"
        )
    ident = identifiant_membre(d.get("nom"), d.get("prenom"), d.get("structure"), ids_pris)
    donnees = {"id": ident, **d, "instances": instances}
    motif = _motif_modele(Membre, donnees)
    if motif:
        return LigneImport(numero, "rejet", None, libelle, motif)
    ids_pris.add(ident)
    return LigneImport(
        numero,
        "ajout",
        ident,
        libelle,
        f"collège : {LIBELLES_COLLEGE[d['college']]}",
        {k: donnees[k] for k in CHAMPS_MEMBRE if donnees.get(k) not in (None, [])},
        instances,
    )


def _motif_modele(modele: Any, donnees: dict[str, Any]) -> str | None:
    from pydantic import ValidationError

    from clsm_cli.stockage.lecture import FichierLu, problemes_de_validation

    try:
        modele.model_validate(donnees)
    except ValidationError as exc:
        problemes = problemes_de_validation(FichierLu(MEMBRES), modele, exc)
        return " ; ".join(f"{p.champ} : {p.message}" if p.champ else p.message for p in problemes)
    return None


CHAMPS_D_IDENTITE = ("nom", "prenom", "structure", "courriel")
"""Fields used to recognise a member: a spreadsheet that writes them with other capitals or
without accents does not overwrite the spelling already in membres.toml."""


def _meme_valeur(champ: str, actuel: Any, nouveau: Any) -> bool:
    if champ in CHAMPS_D_IDENTITE:
        return normaliser(actuel) == normaliser(nouveau)
    return bool(actuel == nouveau)


def _mise_a_jour(
    numero: int, membre: Membre, d: dict[str, Any], instances: list[str]
) -> LigneImport:
    from clsm_cli.modeles import Membre as ModeleMembre
    from clsm_cli.noyau.membres import LIBELLES_CHAMPS_MEMBRE

    changes = {k: v for k, v in d.items() if not _meme_valeur(k, getattr(membre, k), v)}
    nouvelles = [i for i in instances if i not in membre.instances]
    if not changes and not nouvelles:
        return LigneImport(numero, "inchange", membre.id, membre.libelle, "déjà à jour")
    motif = _motif_modele(
        ModeleMembre,
        {
            **membre.model_dump(exclude_none=True),
            **changes,
            "instances": [*membre.instances, *nouvelles],
        },
    )
    if motif:
        return LigneImport(numero, "rejet", membre.id, membre.libelle, motif)
    noms = [LIBELLES_CHAMPS_MEMBRE[k].lower() for k in CHAMPS_MEMBRE if k in changes]
    if nouvelles:
        noms.append("instances (+ " + ", ".join(nouvelles) + ")")
    return LigneImport(
        numero,
        "mise_a_jour",
        membre.id,
        membre.libelle,
        "modifié : " + ", ".join(noms),
        changes,
        nouvelles,
    )


# --- writing ---------------------------------------------------------------------------------


def ecrire(projet: Projet, rapport: Rapport) -> None:
    """Write every accepted row of ``rapport`` in one validated, atomic change."""
    from clsm_cli.noyau.membres import ajouter_valeur, synchroniser_groupes, table_de
    from clsm_cli.stockage.ecriture import ajouter_enregistrement, en_donnees, modifier_champs

    a_ecrire = rapport.a_ecrire
    if not a_ecrire:
        return
    with projet.edition() as ed:
        doc = ed.document(MEMBRES)
        pris = {str(t.get("id")) for t in doc.get("membre", [])}
        for ligne in a_ecrire:
            assert ligne.id is not None
            if ligne.resultat == "ajout":
                if ligne.id in pris:  # added by someone else since the analysis
                    ligne.id = id_unique(ligne.id, pris)
                    ligne.donnees["id"] = ligne.id
                pris.add(ligne.id)
                ajouter_enregistrement(doc, "membre", en_donnees(ligne.donnees))
            else:
                table = table_de(doc, "membre", ligne.id, MEMBRES)
                modifier_champs(table, ligne.donnees, CHAMPS_MEMBRE)
                for instance in ligne.instances_ajoutees:
                    ajouter_valeur(table, "instances", instance, CHAMPS_MEMBRE)
            synchroniser_groupes(ed, projet, ligne.id, ligne.instances_ajoutees, [])


def importer(
    projet: Projet,
    chemin: Path,
    *,
    feuille: str | None = None,
    colonnes: dict[str, str] | None = None,
    essai: bool = False,
) -> Rapport:
    """Read, analyse and (unless ``essai``) write an import; return the per-row report."""
    rapport = analyser(projet, lire_tableur(chemin, feuille), colonnes)
    rapport.fichier = chemin.name
    if not essai:
        ecrire(projet, rapport)
    return rapport
