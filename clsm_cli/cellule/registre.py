"""Library functions of the cellule de cas complexes: codes, retention, confidential writes.

Every write under ``cellule/`` goes through this module: the texts are first checked by the
personal-data guard (:mod:`clsm_cli.cellule.confidentialite`), whose refusal names the field
and the kind of data found without ever repeating it; then the change goes through an
:class:`Edition` (validated, atomic, locked, files 0600 in a 0700 folder).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clsm_cli.cellule.calendrier import derniere_activite, situations_a_purger
from clsm_cli.modeles.erreurs import ErreurSaisie, Introuvable
from clsm_cli.stockage import dossier as D
from clsm_cli.stockage.ecriture import Edition

if TYPE_CHECKING:
    from clsm_cli.stockage.ecriture import Edition
    from clsm_cli.stockage.projet import ProjetLu as Projet

SITUATIONS = "cellule/situations.toml"
ARCHIVES = D.FICHIER_ARCHIVES
ENTETE_SEANCE = (
    "Séance de la cellule de cas complexes — CONFIDENTIEL (secret professionnel).\n"
    "Les situations n'y sont désignées que par leur code (S-AAAA-NNN)."
)
ENTETE_ARCHIVES = (
    "Décomptes anonymes, par année, des situations purgées (clsm cellule purger) : ils\n"
    "s'ajoutent à ceux des fichiers pour que les bilans passés gardent leurs chiffres.\n"
    "codes_utilises : codes des situations purgées, jamais réattribués."
)


class DonneePersonnelleRefusee(ErreurSaisie):
    """A text meant for the cellule looks like personal data; nothing was written."""


# --- codes ---------------------------------------------------------------------------------


def code_suivant(codes: Iterable[str], annee: int) -> str:
    """The code after the highest one of ``annee`` among ``codes``: ``S-2026-007``."""
    prefixe = f"S-{annee}-"
    numeros = [
        int(c[len(prefixe) :])
        for c in codes
        if isinstance(c, str) and c.startswith(prefixe) and c[len(prefixe) :].isdigit()
    ]
    return f"{prefixe}{max(numeros, default=0) + 1:03d}"


def prochain_code(projet: Projet, annee: int) -> str:
    """Next free pseudonymous code for a situation referred in ``annee``: ``S-2026-007``.

    Codes of purged situations (``codes_utilises`` of archives.toml) are never reused.
    """
    return code_suivant(
        [*(s.code for s in projet.situations), *projet.archives.codes_utilises], annee
    )


def _codes_sur_disque(ed: Edition) -> list[str]:
    """Codes taken now (read under the lock): situations.toml as edited, and archives.toml."""
    doc = ed.document(SITUATIONS)
    codes = [str(t.get("code")) for t in doc.get("situation", [])]
    try:
        archives = tomllib.loads((ed.racine / ARCHIVES).read_text(encoding="utf-8-sig"))
        codes += [c for c in archives.get("codes_utilises", []) if isinstance(c, str)]
    except (OSError, ValueError):
        codes += ed.projet.archives.codes_utilises
    return codes


# --- personal-data guard -------------------------------------------------------------------


def controler_confidentialite(champs: Mapping[str, Any]) -> None:
    """Refuse (:class:`DonneePersonnelleRefusee`) a text that looks like personal data.

    ``champs``: field name (as the user knows it, e.g. ``issue`` or ``--issue``) → value. The
    message names the field and the kind of data found, never the data itself.
    """
    from clsm_cli.cellule.confidentialite import detecter
    from clsm_cli.cellule.controles import _textes

    for champ, valeur in champs.items():
        for _, texte in _textes(valeur, []):
            trouves = detecter(texte)
            if trouves:
                natures = ", ".join(t.nature for t in trouves)
                raise DonneePersonnelleRefusee(
                    f"Refusé : le champ « {champ} » semble contenir {natures}, "
                    "ce qui est interdit dans la cellule de cas complexes (secret "
                    f"professionnel). {_majuscule(trouves[0].conseil)} Rien n'a été écrit."
                )


def _majuscule(texte: str) -> str:
    texte = texte.strip()
    if not texte:
        return texte
    texte = texte[0].upper() + texte[1:]
    return texte if texte.endswith((".", "!", "?")) else texte + "."


# --- situations ----------------------------------------------------------------------------


def categorie_fermee(projet: Projet, champ: str, texte: str | None) -> str | None:
    """``texte`` as the category of the closed list of ``champ`` (origine, commune,
    orientation) it names; refused (ErreurSaisie, with the list) when it names none."""
    from clsm_cli.cellule.categories import CHAMPS, classer, vocabulaire

    if texte is None or not texte.strip():
        return None
    liste = vocabulaire(projet, CHAMPS[champ])
    trouve = classer(texte, liste)
    if trouve is None:
        raise ErreurSaisie(
            f"« {champ} » : valeur hors de la liste fermée ({', '.join(liste)}). Ajoutez une "
            f"catégorie dans clsm.toml ([cellule] {CHAMPS[champ]}) ; un détail libre va dans "
            "--precision, qui ne sort jamais de la cellule."
        )
    return trouve


def _categories(projet: Projet, donnees: dict[str, Any]) -> dict[str, Any]:
    for champ in ("origine", "commune"):
        if donnees.get(champ) is not None:
            donnees[champ] = categorie_fermee(projet, champ, donnees[champ])
    return donnees


def _verifier_membres(projet: Projet, idents: Iterable[str | None]) -> None:
    for ident in idents:
        if ident is not None:
            projet.membre(ident)


def ajouter_situation(projet: Projet, donnees: dict[str, Any]) -> str:
    """Record a new situation (``donnees``: every field but ``code``); return its code.

    The code is chosen under the lock, from the files as they are then, so that two
    coordinators adding a situation at the same moment never get the same one.
    """
    from clsm_cli.stockage.ecriture import ajouter_enregistrement, en_donnees

    controler_confidentialite(donnees)
    donnees = _categories(projet, dict(donnees))
    _verifier_membres(projet, [donnees.get("referent")])
    date_saisine = donnees["date_saisine"]
    with Edition(projet) as ed:
        code = code_suivant(_codes_sur_disque(ed), date_saisine.year)
        ajouter_enregistrement(
            ed.document(SITUATIONS), "situation", en_donnees({"code": code, **donnees})
        )
    return code


def _table_situation(ed: Edition, code: str) -> Any:
    from clsm_cli.stockage.ecriture import trouver_enregistrement

    try:
        return trouver_enregistrement(ed.document(SITUATIONS), "situation", "code", code)[1]
    except KeyError:
        raise Introuvable(f"Aucune situation de code « {code} ».") from None


def modifier_situation(projet: Projet, code: str, champs: dict[str, Any]) -> None:
    """Change fields of a situation (None removes a field); the other lines stay as written."""
    from clsm_cli.stockage.ecriture import modifier_champs

    projet.situation(code)
    if not champs:
        raise ErreurSaisie("Rien à modifier : précisez au moins une option (voir --help).")
    controler_confidentialite(champs)
    champs = _categories(projet, dict(champs))
    _verifier_membres(projet, [champs.get("referent")])
    from clsm_cli.modeles import Situation

    with Edition(projet) as ed:
        modifier_champs(_table_situation(ed, code), champs, list(Situation.model_fields))


def clore_situation(projet: Projet, code: str, issue: str, date_cloture: dt.date) -> None:
    """Close a situation: statut close, date_cloture, issue (a role, never a name)."""
    situation = projet.situation(code)
    if date_cloture < situation.date_saisine:
        raise ErreurSaisie(
            f"La date de clôture ({date_cloture.isoformat()}) précède la saisine de {code} "
            f"({situation.date_saisine.isoformat()})."
        )
    modifier_situation(
        projet, code, {"statut": "close", "date_cloture": date_cloture, "issue": issue}
    )


def lignes_situations(
    projet: Projet, cles: Sequence[str], statut: str | None = None, annee: int | None = None
) -> list[list[Any]]:
    """Raw records for the cellule's own views: one row of ``cles`` per situation."""
    lignes = []
    for s in sorted(projet.situations, key=lambda s: (s.date_saisine, s.code)):
        if (statut and s.statut.value != statut) or (annee and s.date_saisine.year != annee):
            continue
        c = s.consentement
        consentement = None
        if c is not None:
            accord = (c.forme.value if c.forme else "oui") if c.recueilli else "non"
            consentement = " ".join(x for x in (accord, c.date.isoformat() if c.date else "") if x)
        valeurs = {
            **s.model_dump(mode="json"),
            "problematiques": [p.value for p in s.problematiques],
            "consentement": consentement,
        }
        lignes.append([valeurs.get(cle) for cle in cles])
    return lignes


def _cellule_csv(valeur: Any) -> str:
    """A CSV cell: lists joined, booleans oui/non, formulas neutralised (``'=…``)."""
    if valeur is None:
        return ""
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"
    if isinstance(valeur, list):
        valeur = "; ".join(map(str, valeur))
    texte = str(valeur)
    return "'" + texte if texte[:1] in ("=", "+", "-", "@") else texte


def exporter_brut(chemin: Path, colonnes: Sequence[str], lignes: Sequence[Sequence[Any]]) -> Path:
    """Write raw records as CSV to a file created 0600 (refused if it exists and is wider)."""
    import csv
    import io
    import os

    texte = io.StringIO()
    ecrivain = csv.writer(texte)
    ecrivain.writerow(colonnes)
    for ligne in lignes:
        ecrivain.writerow([_cellule_csv(v) for v in ligne])
    try:
        descripteur = os.open(chemin, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError as e:
        raise ErreurSaisie(f"Impossible d'écrire {chemin} : {e.strerror}.") from None
    with os.fdopen(descripteur, "w", encoding="utf-8", newline="") as f:
        if os.name == "posix":
            os.fchmod(f.fileno(), 0o600)
        f.write(texte.getvalue())
    return chemin


# --- séances -------------------------------------------------------------------------------


def chemin_seance(date: dt.date) -> str:
    return f"{D.DOSSIER_CELLULE}/seances/{date.isoformat()}.toml"


def lire_examen(texte: str) -> tuple[str, str | None]:
    """``S-2026-001:orientation CMP`` → (code, orientation); the orientation is optional."""
    code, _, orientation = texte.partition(":")
    return code.strip(), (orientation.strip() or None)


def ajouter_seance(
    projet: Projet,
    date: dt.date,
    presents: Sequence[str],
    examens: Sequence[tuple[str, str | None]],
) -> str:
    """Record a séance of the cellule; return the path of the file written."""
    chemin = chemin_seance(date)
    if chemin in projet.seances or (projet.racine / chemin).exists():
        raise ErreurSaisie(f"Une séance du {date.isoformat()} existe déjà ({chemin}).")
    controler_confidentialite({"orientation": [o for _, o in examens if o]})
    examens = [(code, categorie_fermee(projet, "orientation", o)) for code, o in examens]
    _verifier_membres(projet, presents)
    for code, _ in examens:
        situation = projet.situation(code)
        if date < situation.date_saisine:
            raise ErreurSaisie(
                f"La séance du {date.isoformat()} précède la saisine de {code} "
                f"({situation.date_saisine.isoformat()})."
            )
    codes = [code for code, _ in examens]
    doubles = sorted({c for c in codes if codes.count(c) > 1})
    if doubles:
        raise ErreurSaisie(f"Situation citée deux fois : {', '.join(doubles)}.")
    donnees: dict[str, Any] = {
        "date": date,
        "presents": list(presents),
        "examen": [{"code": code, **({"orientation": o} if o else {})} for code, o in examens],
    }
    with Edition(projet) as ed:
        ed.creer(chemin, {k: v for k, v in donnees.items() if v}, ENTETE_SEANCE)
    return chemin


# --- purge ---------------------------------------------------------------------------------


@dataclass
class SituationAPurger:
    """What the purge shows of a situation: its code and dates only."""

    code: str
    date_saisine: dt.date
    date_cloture: dt.date | None
    derniere_activite: dt.date


def a_purger(projet: Projet, avant: dt.date | None = None) -> list[SituationAPurger]:
    """The situations due for purge, with the dates that make them due."""
    derniere = derniere_activite(projet)
    return [
        SituationAPurger(s.code, s.date_saisine, s.date_cloture, derniere[s.code])
        for s in situations_a_purger(projet, avant)
    ]


def purger(projet: Projet, codes: Iterable[str], avant: dt.date | None = None) -> list[str]:
    """Remove the situations ``codes`` (if still due) and their examens, in one change.

    Before removing them, their anonymous per-year tallies are added to archives.toml and
    their codes to ``codes_utilises``, so that past statistics keep their figures and no code
    is ever given twice. Returns the codes purged.
    """
    from clsm_cli.cellule.statistiques import contributions

    voulus = set(codes)
    with Edition(projet) as ed:
        frais = type(projet).ouvrir(projet.racine)  # under the lock: the files as they are now
        dus = {s.code for s in situations_a_purger(frais, avant)} & voulus
        if not dus:
            return []
        _archiver(ed, contributions(frais, dus), dus)
        _retirer(ed, SITUATIONS, "situation", dus)
        for chemin, seance in frais.seances.items():
            if any(e.code in dus for e in seance.examen):
                _retirer(ed, chemin, "examen", dus)
    return sorted(dus)


def _retirer(ed: Edition, chemin: str, table: str, codes: set[str]) -> None:
    """Remove the records of array ``table`` whose code is in ``codes`` (comments stay)."""
    from clsm_cli.stockage.ecriture import supprimer_enregistrement

    enregistrements = ed.document(chemin).get(table, [])
    indices = [i for i, t in enumerate(enregistrements) if t.get("code") in codes]
    for i in reversed(indices):
        ed.remplacer(chemin, supprimer_enregistrement(ed.document(chemin), table, i))


def _archiver(ed: Edition, par_annee: Mapping[int, Any], codes: set[str]) -> None:
    from clsm_cli.modeles.archives import BilanArchive
    from clsm_cli.stockage.ecriture import (
        ajouter_enregistrement,
        en_item,
        modifier_champs,
        texte_nouveau,
    )

    if not (ed.racine / ARCHIVES).is_file():
        ed.remplacer(ARCHIVES, texte_nouveau(ARCHIVES, {}, ENTETE_ARCHIVES))
    doc = ed.document(ARCHIVES)
    anciens = [str(c) for c in doc.get("codes_utilises", [])]
    doc["codes_utilises"] = en_item(sorted(set(anciens) | codes), 1)
    tables = {t.get("annee"): t for t in doc.get("annee", [])}
    for annee in sorted(par_annee):
        comptes = par_annee[annee]
        if annee in tables:
            table = tables[annee]
            modifier_champs(
                table, comptes.ajouter_a(table.unwrap()), list(BilanArchive.model_fields)
            )
        else:
            ajouter_enregistrement(doc, "annee", {"annee": annee, **comptes.en_archive()})


# --- migration to the closed lists ---------------------------------------------------------


@dataclass(frozen=True)
class Correspondance:
    """One text of the cellule mapped to a category by ``clsm cellule migrer``."""

    fichier: str
    chemin: tuple[str | int, ...]
    champ: str
    texte: str
    categorie: str


def lire_correspondances(lignes: Iterable[str]) -> dict[str, str]:
    """``TEXTE=CATEGORIE`` lines (blank lines and ``#`` comments skipped) → normalised text →
    category as written."""
    from clsm_cli.cellule.categories import normaliser

    resultat: dict[str, str] = {}
    for numero, ligne in enumerate(lignes, 1):
        ligne = ligne.strip()
        if not ligne or ligne.startswith("#"):
            continue
        texte, egal, categorie = ligne.rpartition("=")
        if not egal or not texte.strip() or not categorie.strip():
            raise ErreurSaisie(
                f"Correspondance {numero} illisible : écrivez TEXTE=CATEGORIE (une par ligne)."
            )
        resultat[normaliser(texte)] = categorie.strip()
    return resultat


def correspondances_a_faire(
    projet: Projet,
    donnees: Mapping[str, str],
    choisir: Any = None,
) -> list[Correspondance]:
    """What the migration would change: each text outside the closed lists with its category.

    ``donnees``: normalised text → category (``--vers``, mapping file). ``choisir(champ, texte,
    liste)`` (interactive) returns a category or None to leave the text as it is. Without it, a
    text without a mapping is refused (ErreurSaisie with the texts and the categories).
    """
    from clsm_cli.cellule.categories import CHAMPS, classer, non_classes, normaliser, vocabulaire

    textes = non_classes(projet)
    listes = {champ: vocabulaire(projet, nom) for champ, nom in CHAMPS.items()}
    choix: dict[tuple[str, str], str | None] = {}
    manquants: dict[str, set[str]] = {}
    for t in textes:
        cle = (t.champ, normaliser(t.texte))
        if cle in choix:
            continue
        voulu = donnees.get(cle[1])
        if voulu is not None:
            trouve = classer(voulu, listes[t.champ])
            if trouve is None:
                raise ErreurSaisie(
                    f"« {voulu} » n'est pas une catégorie de « {t.champ} » "
                    f"({', '.join(listes[t.champ])})."
                )
            choix[cle] = trouve
        elif choisir is not None:
            choix[cle] = choisir(t.champ, t.texte, listes[t.champ])
        else:
            manquants.setdefault(t.champ, set()).add(t.texte)
    if manquants:
        details = " ; ".join(
            f"{champ} : {', '.join(f'« {x} »' for x in sorted(textes_))} "
            f"(catégories : {', '.join(listes[champ])})"
            for champ, textes_ in sorted(manquants.items())
        )
        raise ErreurSaisie(
            "Textes sans catégorie : donnez-en une avec --vers TEXTE=CATEGORIE ou "
            f"--correspondances FICHIER, ou lancez la commande dans un terminal. {details}."
        )
    return [
        Correspondance(t.fichier, t.chemin, t.champ, t.texte, categorie)
        for t in textes
        if (categorie := choix[(t.champ, normaliser(t.texte))]) is not None
    ]


def migrer(projet: Projet, correspondances: Sequence[Correspondance]) -> int:
    """Apply the mappings in one change: each field gets its category; an old origine or
    orientation text is kept in ``precision`` (inside the cellule only). Returns the count."""
    from clsm_cli.modeles.cellule import Examen, Situation
    from clsm_cli.stockage.ecriture import modifier_champs

    if not correspondances:
        return 0
    with Edition(projet) as ed:
        for c in correspondances:
            if c.fichier == ARCHIVES:  # a key of a yearly tally: merged into its category
                _, index, serie = c.chemin
                tally = ed.document(ARCHIVES)["annee"][int(index)][str(serie)]
                n = int(tally.pop(c.texte))
                tally[c.categorie] = int(tally.get(c.categorie, 0)) + n
                continue
            table_nom, index, _ = c.chemin
            table = ed.document(c.fichier)[str(table_nom)][int(index)]
            modele = Examen if table_nom == "examen" else Situation
            champs: dict[str, Any] = {c.champ: c.categorie}
            if c.champ in ("origine", "orientation"):
                ancienne = table.get("precision")
                champs["precision"] = f"{ancienne} ; {c.texte}" if ancienne else c.texte
            modifier_champs(table, champs, list(modele.model_fields))
    return len(correspondances)
