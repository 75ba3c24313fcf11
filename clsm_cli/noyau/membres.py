"""Members and working groups: the library behind ``clsm membres`` and ``clsm groupes``.

Every change goes through one :class:`~clsm_cli.stockage.ecriture.Edition`. Group composition
is kept consistent on both sides: a member listed in ``groupe.membres`` has the group's id in
``membre.instances``, and the reverse; commands that touch one side update the other in the
same atomic write.

Removal and referential integrity: a member leaves with a date (``jusqu_a``) and keeps its
record, so meetings, groups and actions that cite it stay valid. Deleting a record
(``--supprimer``) is possible only when nothing cites it any more; otherwise the refusal lists
every reference as ``fichier:ligne``. A group is deleted on the same terms, or deactivated.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from clsm_cli.modeles.erreurs import ErreurClsm, ErreurSaisie, Introuvable
from clsm_cli.modeles.vocabulaires import College
from clsm_cli.noyau.identifiants import LIGATURES, id_unique, slug

if TYPE_CHECKING:
    from pydantic import BaseModel

    from clsm_cli.modeles import Groupe, Membre
    from clsm_cli.noyau.projet import Projet
    from clsm_cli.stockage.ecriture import Edition

MEMBRES = "membres.toml"
GROUPES = "groupes.toml"

CHAMPS_MEMBRE = (
    "id",
    "nom",
    "prenom",
    "structure",
    "fonction",
    "college",
    "instances",
    "courriel",
    "telephone",
    "depuis",
    "jusqu_a",
    "signataire",
    "notes",
)
"""TOML keys of a member, in the order they are written."""

LIBELLES_CHAMPS_MEMBRE = {
    "id": "Identifiant",
    "nom": "Nom",
    "prenom": "Prénom",
    "structure": "Structure",
    "fonction": "Fonction",
    "college": "Collège",
    "instances": "Instances",
    "courriel": "Courriel",
    "telephone": "Téléphone",
    "depuis": "Depuis",
    "jusqu_a": "Jusqu'au",
    "signataire": "Signataire",
    "notes": "Notes",
}

CHAMPS_GROUPE = ("id", "nom", "mission", "pilote", "membres", "actif")

INSTANCES_FIXES = ("copil", "pleniere", "comite_technique", "cellule")
"""Instances a member may sit in besides working groups (see modeles.communs)."""

COLLEGES = tuple(c.value for c in College)
"""The collège codes, for the choices of command-line options."""


# --- small pure helpers ----------------------------------------------------------------------


def normaliser(texte: object) -> str:
    """Text for comparisons: lowercase, no accents, punctuation turned into single spaces."""
    brut = str(texte or "").translate(LIGATURES)
    brut = unicodedata.normalize("NFKD", brut).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", brut.lower()).split())


def lire_date(valeur: str | dt.date | None, option: str) -> dt.date | None:
    """A date typed on the command line (AAAA-MM-JJ), or a precise error naming the option."""
    if valeur is None or isinstance(valeur, dt.date):
        return valeur
    texte = valeur.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", texte):
        try:
            return dt.date.fromisoformat(texte)
        except ValueError:
            pass
    raise ErreurSaisie(
        f"Date invalide pour {option} : « {valeur} » (forme attendue : AAAA-MM-JJ, "
        "par exemple 2026-03-12)."
    )


def _proche(valeur: str, connus: Iterable[str]) -> str:
    proches = difflib.get_close_matches(valeur, list(connus), n=1)
    return f" Vouliez-vous dire « {proches[0]} » ?" if proches else ""


def valider_modele(modele: type[BaseModel], donnees: dict[str, Any], chemin: str) -> Any:
    """``modele`` built from ``donnees``, or an :class:`ErreurSaisie` naming each field."""
    from pydantic import ValidationError

    from clsm_cli.stockage.lecture import FichierLu, problemes_de_validation

    try:
        return modele.model_validate(donnees)
    except ValidationError as exc:
        problemes = problemes_de_validation(FichierLu(chemin), modele, exc)
        details = "; ".join(f"{p.champ} : {p.message}" if p.champ else p.message for p in problemes)
        raise ErreurSaisie(f"Valeur refusée : {details}.") from None


@dataclass(frozen=True)
class Reference:
    """A place of the folder that cites an identifier."""

    fichier: str
    ligne: int | None
    quoi: str

    def __str__(self) -> str:
        lieu = f"{self.fichier}:{self.ligne}" if self.ligne else self.fichier
        return f"{lieu}: {self.quoi}"


def _reference(projet: Projet, fichier: str, chemin: Sequence[str | int], quoi: str) -> Reference:
    lu = projet.fichiers.get(fichier)
    return Reference(fichier, lu.ligne(list(chemin)) if lu else None, quoi)


def _trier_references(references: list[Reference]) -> list[Reference]:
    return sorted(references, key=lambda r: (r.fichier, r.ligne or 0, r.quoi))


# --- lookups ---------------------------------------------------------------------------------


def trouver_membre(projet: Projet, ident: str) -> Membre:
    """The member ``ident``, or an error suggesting the closest known identifier."""
    if ident in projet.membres_par_id:
        return projet.membres_par_id[ident]
    raise Introuvable(
        f"Aucun membre d'identifiant « {ident} ».{_proche(ident, projet.membres_par_id)} "
        "(voir « clsm membres liste --tous »)"
    )


def trouver_groupe(projet: Projet, ident: str) -> Groupe:
    if ident in projet.groupes_par_id:
        return projet.groupes_par_id[ident]
    raise Introuvable(
        f"Aucun groupe d'identifiant « {ident} ».{_proche(ident, projet.groupes_par_id)} "
        "(voir « clsm groupes liste »)"
    )


def instances_possibles(projet: Projet) -> list[str]:
    return [*INSTANCES_FIXES, *(g.id for g in projet.groupes)]


def verifier_instances(projet: Projet, instances: Iterable[str], option: str) -> list[str]:
    """The instances, each known (fixed instance or group id), without duplicates."""
    possibles = instances_possibles(projet)
    resultat: list[str] = []
    for instance in instances:
        if instance not in possibles:
            raise ErreurSaisie(
                f"Instance inconnue « {instance} » pour {option} (valeurs possibles : "
                f"{', '.join(possibles)})."
            )
        if instance not in resultat:
            resultat.append(instance)
    return resultat


def est_actif(membre: Membre, le: dt.date) -> bool:
    """Still a member on that day: no departure date, or a departure not yet passed."""
    return membre.jusqu_a is None or membre.jusqu_a >= le


def adresse_valide(courriel: str | None) -> str | None:
    """The address (``nom@domaine``) when ``courriel`` holds exactly one usable address, else
    None: a missing or malformed address is treated as no address."""
    from email.errors import HeaderParseError
    from email.headerregistry import Address

    texte = (courriel or "").strip()
    if not texte or not re.fullmatch(r"[^\s@<>,;\"]+@[^\s@<>,;\"]+\.[^\s@<>,;\"]+", texte):
        return None
    try:
        Address(addr_spec=texte)
    except (HeaderParseError, ValueError, IndexError):
        return None
    return texte


def adresses(membres: Sequence[Membre]) -> tuple[list[tuple[str, str]], list[str]]:
    """(name, address) of the members with a usable address, and the names of the others."""
    paires, sans = [], []
    for m in membres:
        nom = " ".join(p for p in (m.prenom, m.nom) if p) or m.structure or m.id
        adresse = adresse_valide(m.courriel)
        if adresse:
            paires.append((nom, adresse))
        else:
            sans.append(nom)
    return paires, sans


def cle_tri_membre(membre: Membre) -> tuple[str, str, str]:
    return (normaliser(membre.nom or membre.structure), normaliser(membre.prenom), membre.id)


def membres_filtres(
    projet: Projet,
    *,
    college: str | None = None,
    instance: str | None = None,
    groupe: str | None = None,
    actifs: bool = True,
) -> list[Membre]:
    """Members matching every filter given, sorted by name."""
    if instance is not None:
        verifier_instances(projet, [instance], "--instance")
    composition: set[str] = set()
    if groupe is not None:
        composition = set(trouver_groupe(projet, groupe).membres)
    le = projet.aujourdhui()
    resultat = [
        m
        for m in projet.membres
        if (not actifs or est_actif(m, le))
        and (college is None or m.college == college)
        and (instance is None or instance in m.instances)
        and (groupe is None or m.id in composition or groupe in m.instances)
    ]
    return sorted(resultat, key=cle_tri_membre)


def homonymes(
    projet: Projet,
    nom: str | None,
    prenom: str | None,
    structure: str | None,
    fonction: str | None = None,
) -> list[Membre]:
    """Probable duplicates: the same person (name and first name) in the same structure.

    Several people of one structure are not duplicates, nor are two entries of a structure
    alone with different functions (two delegates of an ARS délégation)."""
    if nom:
        return [
            m
            for m in projet.membres
            if normaliser(m.nom) == normaliser(nom)
            and normaliser(m.prenom) == normaliser(prenom)
            and normaliser(m.structure) == normaliser(structure)
        ]
    return [
        m
        for m in projet.membres
        if not m.nom
        and normaliser(m.structure) == normaliser(structure)
        and normaliser(m.fonction) == normaliser(fonction)
    ]


def fiche_membre(projet: Projet, membre: Membre) -> list[tuple[str, str]]:
    """(label, text) lines describing a member, for people."""
    from clsm_cli.modeles import LIBELLES_COLLEGE
    from clsm_cli.noyau.textes import date_fr

    lignes: list[tuple[str, str]] = []
    for champ in CHAMPS_MEMBRE:
        valeur = getattr(membre, champ)
        if valeur is None or valeur == [] or valeur is False:
            continue
        if champ == "college":
            texte = LIBELLES_COLLEGE[valeur]
        elif isinstance(valeur, dt.date):
            texte = date_fr(valeur)
        elif isinstance(valeur, list):
            texte = ", ".join(valeur)
        elif valeur is True:
            texte = "oui (membre fondateur ou signataire de la convention)"
        else:
            texte = str(valeur)
        lignes.append((LIBELLES_CHAMPS_MEMBRE[champ], texte))
    statut = "actif" if est_actif(membre, projet.aujourdhui()) else "parti"
    lignes.append(("Statut", statut))
    return lignes


# --- writing helpers -------------------------------------------------------------------------


def ajouter_valeur(table: Any, cle: str, valeur: str, ordre: Sequence[str]) -> bool:
    """Append ``valeur`` to the list ``table[cle]`` in place (created if absent)."""
    from clsm_cli.stockage.ecriture import modifier_champs

    if cle not in table:
        modifier_champs(table, {cle: [valeur]}, ordre)
        return True
    if valeur in table[cle]:
        return False
    table[cle].append(valeur)
    return True


def retirer_valeur(table: Any, cle: str, valeur: str) -> bool:
    """Remove ``valeur`` from the list ``table[cle]`` in place (the key goes when empty)."""
    if cle not in table or valeur not in table[cle]:
        return False
    liste = table[cle]
    del liste[list(liste).index(valeur)]
    if not len(liste):
        del table[cle]
    return True


def table_de(doc: Any, nom: str, ident: str, fichier: str) -> Any:
    from clsm_cli.stockage.ecriture import trouver_enregistrement

    try:
        return trouver_enregistrement(doc, nom, "id", ident)[1]
    except KeyError:
        raise Introuvable(
            f"« {ident} » a disparu de {fichier} pendant la modification ; relancez la commande."
        ) from None


def synchroniser_groupes(
    ed: Edition,
    projet: Projet,
    membre: str,
    ajoutes: Iterable[str],
    retires: Iterable[str],
) -> None:
    """Put ``membre`` in (or out of) the composition of the groups among these instances."""
    groupes = [i for i in ajoutes if i in projet.groupes_par_id]
    partis = [i for i in retires if i in projet.groupes_par_id]
    if not groupes and not partis:
        return
    doc = ed.document(GROUPES)
    for gid in groupes:
        ajouter_valeur(table_de(doc, "groupe", gid, GROUPES), "membres", membre, CHAMPS_GROUPE)
    for gid in partis:
        retirer_valeur(table_de(doc, "groupe", gid, GROUPES), "membres", membre)


# --- members ---------------------------------------------------------------------------------


def donnees_membre(membre: Membre) -> dict[str, Any]:
    """The member as written in membres.toml (``signataire = false``, the default, left out)."""
    from clsm_cli.stockage.ecriture import en_donnees

    donnees: dict[str, Any] = en_donnees(membre)
    if not membre.signataire:
        donnees.pop("signataire", None)
    return donnees


def identifiant_libre(ident: str, pris: Iterable[str], option: str, quoi: str) -> str:
    """``ident`` if it is a well-formed identifier not yet taken, else a French refusal."""
    from clsm_cli.modeles.communs import RE_ID

    if not RE_ID.match(ident) or len(ident) > 80:
        raise ErreurSaisie(
            f"{option} : identifiant invalide « {ident} » (lettres minuscules sans accent, "
            "chiffres et tirets, par exemple « marie-dupont »)."
        )
    if ident in set(pris):
        raise ErreurSaisie(
            f"{option} : l'identifiant « {ident} » est déjà pris par un autre {quoi}."
        )
    return ident


CLES_MEMBRE = {
    "pilote",
    "membres",
    "partenaires",
    "presents",
    "excuses",
    "qui",
    "comite",
    "organisateurs",
    "referent",
}
"""Keys whose values may be member ids, anywhere in the folder."""


def remplacer_valeur(conteneur: Any, cles: set[str], ancien: str, nouveau: str) -> int:
    """Replace ``ancien`` by ``nouveau`` under ``cles`` in a tomlkit document (recursively:
    tables, arrays of tables, lists of texts). Returns the number of replacements."""
    n = 0
    if hasattr(conteneur, "items"):
        for cle, valeur in list(conteneur.items()):
            if cle in cles and valeur == ancien:
                conteneur[cle] = nouveau
                n += 1
            elif cle in cles and isinstance(valeur, list) and ancien in valeur:
                for i, element in enumerate(valeur):
                    if element == ancien:
                        valeur[i] = nouveau
                        n += 1
            elif hasattr(valeur, "items") or isinstance(valeur, list):
                n += remplacer_valeur(valeur, cles, ancien, nouveau)
    elif isinstance(conteneur, list):
        for element in conteneur:
            if hasattr(element, "items"):
                n += remplacer_valeur(element, cles, ancien, nouveau)
    return n


def renommer_membre(projet: Projet, ancien: str, nouveau: str) -> tuple[Membre, int]:
    """Change a member's identifier and every reference to it, in one write.

    Returns (the member, number of references updated)."""
    from clsm_cli.stockage.ecriture import modifier_champs

    membre = trouver_membre(projet, ancien)
    identifiant_libre(nouveau, projet.membres_par_id, "NOUVEAU", "membre")
    fichiers = {r.fichier for r in references_membre(projet, ancien)}
    total = 0
    with projet.edition() as ed:
        table = table_de(ed.document(MEMBRES), "membre", ancien, MEMBRES)
        modifier_champs(table, {"id": nouveau}, CHAMPS_MEMBRE)
        for fichier in sorted(fichiers):
            total += remplacer_valeur(ed.document(fichier), CLES_MEMBRE, ancien, nouveau)
    return membre.model_copy(update={"id": nouveau}), total


def renommer_groupe(projet: Projet, ancien: str, nouveau: str) -> tuple[Groupe, int]:
    """Change a group's identifier and every reference to it (members' instances, actions,
    meetings of the group, whose files are renamed), in one write."""
    from clsm_cli.stockage.dossier import chemin_reunion
    from clsm_cli.stockage.ecriture import modifier_champs

    groupe = trouver_groupe(projet, ancien)
    identifiant_libre(
        nouveau, [*projet.groupes_par_id, *INSTANCES_FIXES, "autre"], "NOUVEAU", "groupe"
    )
    total = 0
    with projet.edition() as ed:
        table = table_de(ed.document(GROUPES), "groupe", ancien, GROUPES)
        modifier_champs(table, {"id": nouveau}, CHAMPS_GROUPE)
        total += remplacer_valeur(ed.document(MEMBRES), {"instances"}, ancien, nouveau)
        if any(a.groupe == ancien for a in projet.actions):
            total += remplacer_valeur(ed.document("plan.toml"), {"groupe"}, ancien, nouveau)
        for chemin, r in sorted(projet.reunions.items()):
            if r.instance != f"groupe:{ancien}":
                continue
            doc = ed.document(chemin)
            doc["instance"] = f"groupe:{nouveau}"
            total += 1
            cible = chemin_reunion(r.date, f"groupe:{nouveau}")
            if cible != chemin:
                import tomlkit

                ed.remplacer(cible, tomlkit.dumps(doc))
                ed.supprimer(chemin)
    return groupe.model_copy(update={"id": nouveau}), total


def identifiant_membre(
    nom: str | None, prenom: str | None, structure: str | None, existants: Iterable[str]
) -> str:
    """``prenom-nom`` (or the structure's slug), with ``-2``, ``-3``… on collision."""
    base = slug(prenom, nom) if nom else slug(structure)
    return id_unique(base, existants)


def ajouter_membre(projet: Projet, champs: dict[str, Any]) -> Membre:
    """Add a member from TOML-named values (``college`` required, ``nom`` or ``structure``)."""
    from clsm_cli.modeles import Membre
    from clsm_cli.stockage.ecriture import ajouter_enregistrement

    donnees = {k: v for k, v in champs.items() if v not in (None, "", [], (), False)}
    choisi = donnees.pop("id", None)
    if not donnees.get("nom") and not donnees.get("structure"):
        raise ErreurSaisie(
            "Valeur manquante : précisez --nom (une personne) ou --structure (une structure seule)."
        )
    from clsm_cli.noyau.coordonnees import verifier_coordonnees

    verifier_coordonnees(donnees.get("courriel"), donnees.get("telephone"))
    donnees["instances"] = verifier_instances(projet, donnees.get("instances", []), "--instance")
    if choisi is not None:
        identifiant_libre(choisi, projet.membres_par_id, "--id", "membre")
    with projet.edition() as ed:
        doc = ed.document(MEMBRES)
        existants = [str(t.get("id")) for t in doc.get("membre", [])]
        ident = choisi or identifiant_membre(
            donnees.get("nom"), donnees.get("prenom"), donnees.get("structure"), existants
        )
        membre: Membre = valider_modele(Membre, {"id": ident, **donnees}, MEMBRES)
        ajouter_enregistrement(doc, "membre", donnees_membre(membre))
        synchroniser_groupes(ed, projet, ident, membre.instances, [])
    return membre


def modifier_membre(
    projet: Projet,
    ident: str,
    champs: dict[str, Any],
    *,
    effacer: Sequence[str] = (),
    instances_ajoutees: Sequence[str] = (),
    instances_retirees: Sequence[str] = (),
) -> Membre:
    """Change fields of a member (``champs``), clear others, add or remove instances."""
    from clsm_cli.modeles import Membre
    from clsm_cli.noyau.coordonnees import verifier_coordonnees
    from clsm_cli.stockage.ecriture import modifier_champs

    actuel = trouver_membre(projet, ident)
    verifier_coordonnees(champs.get("courriel"), champs.get("telephone"))
    nouveau = actuel.model_dump()
    changements: dict[str, Any] = {}
    for champ, valeur in champs.items():
        if valeur not in (None, "") and valeur != nouveau[champ]:
            changements[champ] = valeur
    for champ in effacer:
        if nouveau.get(champ) not in (None, []):
            changements[champ] = None
    if changements.get("signataire") is False:
        changements["signataire"] = None  # the default: the key goes
    ajoutees = verifier_instances(projet, instances_ajoutees, "--ajouter-instance")
    retirees = verifier_instances(projet, instances_retirees, "--retirer-instance")
    for instance in retirees:
        if instance not in actuel.instances:
            raise ErreurSaisie(
                f"« {ident} » ne siège pas dans « {instance} » (instances : "
                f"{', '.join(actuel.instances) or 'aucune'})."
            )
    ajoutees = [i for i in ajoutees if i not in actuel.instances]
    if not changements and not ajoutees and not retirees:
        return actuel
    nouveau.update(changements)
    instances = [i for i in actuel.instances if i not in retirees] + ajoutees
    nouveau["instances"] = instances
    membre: Membre = valider_modele(
        Membre, {k: v for k, v in nouveau.items() if v is not None}, MEMBRES
    )
    with projet.edition() as ed:
        table = table_de(ed.document(MEMBRES), "membre", ident, MEMBRES)
        modifier_champs(table, changements, CHAMPS_MEMBRE)
        for instance in retirees:
            retirer_valeur(table, "instances", instance)
        for instance in ajoutees:
            ajouter_valeur(table, "instances", instance, CHAMPS_MEMBRE)
        synchroniser_groupes(ed, projet, ident, ajoutees, retirees)
    return membre


def retirer_membre(projet: Projet, ident: str, le: dt.date | None = None) -> Membre:
    """Record a member's departure (``jusqu_a``); the record and its history stay."""
    actuel = trouver_membre(projet, ident)
    le = le or projet.aujourdhui()
    if actuel.depuis and le < actuel.depuis:
        raise ErreurSaisie(
            f"La date de départ ({le.isoformat()}) précède l'arrivée de « {ident} » "
            f"(depuis {actuel.depuis.isoformat()})."
        )
    return modifier_membre(projet, ident, {"jusqu_a": le})


def references_membre(projet: Projet, ident: str) -> list[Reference]:
    """Every place of the folder that cites member ``ident``."""
    refs: list[Reference] = []
    for i, g in enumerate(projet.groupes):
        if g.pilote == ident:
            refs.append(
                _reference(projet, GROUPES, ["groupe", i, "pilote"], f"pilote du groupe « {g.id} »")
            )
        if ident in g.membres:
            refs.append(
                _reference(
                    projet, GROUPES, ["groupe", i, "membres"], f"membre du groupe « {g.id} »"
                )
            )
    for i, a in enumerate(projet.actions):
        if a.pilote == ident:
            refs.append(
                _reference(
                    projet, "plan.toml", ["action", i, "pilote"], f"pilote de l'action « {a.id} »"
                )
            )
        if ident in a.partenaires:
            refs.append(
                _reference(
                    projet,
                    "plan.toml",
                    ["action", i, "partenaires"],
                    f"partenaire de l'action « {a.id} »",
                )
            )
    for chemin, r in projet.reunions.items():
        if ident in r.presents:
            refs.append(_reference(projet, chemin, ["presents"], "présent à la réunion"))
        if ident in r.excuses:
            refs.append(_reference(projet, chemin, ["excuses"], "excusé à la réunion"))
        for j, suivi in enumerate(r.suivi):
            if suivi.qui == ident:
                refs.append(_reference(projet, chemin, ["suivi", j, "qui"], "chargé d'un suivi"))
    for chemin, s in projet.sism.items():
        if ident in s.comite:
            refs.append(
                _reference(projet, chemin, ["comite"], f"membre du comité de la SISM {s.annee}")
            )
        for j, e in enumerate(s.evenement):
            for cle in ("organisateurs", "partenaires"):
                if ident in getattr(e, cle):
                    refs.append(
                        _reference(
                            projet,
                            chemin,
                            ["evenement", j, cle],
                            f"{cle[:-1]} de l'événement « {e.titre} »",
                        )
                    )
    for i, sit in enumerate(projet.situations):
        if sit.referent == ident:
            refs.append(
                _reference(
                    projet,
                    "cellule/situations.toml",
                    ["situation", i, "referent"],
                    f"référent de la situation {sit.code}",
                )
            )
    for chemin, seance in projet.seances.items():
        if ident in seance.presents:
            refs.append(_reference(projet, chemin, ["presents"], "présent à la séance"))
    return _trier_references(refs)


def supprimer_membre(projet: Projet, ident: str) -> Membre:
    """Delete a member's record, only if nothing in the folder cites it any more."""
    from clsm_cli.stockage.ecriture import supprimer_enregistrement, trouver_enregistrement

    membre = trouver_membre(projet, ident)
    refs = references_membre(projet, ident)
    if refs:
        raise ErreurClsm(
            f"Suppression refusée : « {ident} » est cité à {len(refs)} endroit(s). Gardez "
            f"l'historique avec « clsm membres retirer {ident} » (date de départ), ou retirez "
            "d'abord ces références :\n" + "\n".join(f"  {r}" for r in refs)
        )
    with projet.edition() as ed:
        doc = ed.document(MEMBRES)
        try:
            indice, _ = trouver_enregistrement(doc, "membre", "id", ident)
        except KeyError:
            raise Introuvable(
                f"« {ident} » a disparu de {MEMBRES} ; relancez la commande."
            ) from None
        ed.remplacer(MEMBRES, supprimer_enregistrement(doc, "membre", indice))
    return membre


# --- groups ----------------------------------------------------------------------------------


def groupes_tries(projet: Projet, *, actifs_seulement: bool = False) -> list[Groupe]:
    return sorted(
        (g for g in projet.groupes if g.actif or not actifs_seulement),
        key=lambda g: (normaliser(g.nom), g.id),
    )


def _verifier_membres(projet: Projet, idents: Iterable[str]) -> list[str]:
    resultat: list[str] = []
    for ident in idents:
        trouver_membre(projet, ident)
        if ident not in resultat:
            resultat.append(ident)
    return resultat


def ajouter_groupe(
    projet: Projet,
    nom: str,
    *,
    mission: str | None = None,
    pilote: str | None = None,
    membres: Sequence[str] = (),
    ident: str | None = None,
) -> Groupe:
    """Create a working group (id = ``ident``, or the slug of its name); the pilote is one of
    its members."""
    from clsm_cli.modeles import Groupe
    from clsm_cli.stockage.ecriture import ajouter_enregistrement, en_donnees

    if ident is not None:
        identifiant_libre(
            ident, [*projet.groupes_par_id, *INSTANCES_FIXES, "autre"], "--id", "groupe"
        )
    composition = _verifier_membres(projet, [*([pilote] if pilote else []), *membres])
    with projet.edition() as ed:
        doc = ed.document(GROUPES)
        pris = [str(t.get("id")) for t in doc.get("groupe", [])]
        ident = ident or id_unique(slug(nom), [*pris, *INSTANCES_FIXES, "autre"])
        donnees: dict[str, Any] = {"id": ident, "nom": nom, "mission": mission}
        donnees.update(pilote=pilote, membres=composition)
        groupe: Groupe = valider_modele(
            Groupe, {k: v for k, v in donnees.items() if v is not None}, GROUPES
        )
        ajouter_enregistrement(doc, "groupe", en_donnees(groupe))
        doc_membres = ed.document(MEMBRES)
        for mid in composition:
            table = table_de(doc_membres, "membre", mid, MEMBRES)
            ajouter_valeur(table, "instances", ident, CHAMPS_MEMBRE)
    return groupe


def modifier_groupe(
    projet: Projet,
    ident: str,
    champs: dict[str, Any],
    *,
    effacer: Sequence[str] = (),
) -> Groupe:
    """Change a group's nom, mission, pilote or actif (its id stays)."""
    from clsm_cli.modeles import Groupe
    from clsm_cli.stockage.ecriture import modifier_champs

    actuel = trouver_groupe(projet, ident)
    changements = {k: v for k, v in champs.items() if v is not None and v != getattr(actuel, k)}
    for champ in effacer:
        if getattr(actuel, champ) is not None:
            changements[champ] = None
    pilote = changements.get("pilote")
    if pilote:
        trouver_membre(projet, pilote)
    if not changements:
        return actuel
    nouveau = {**actuel.model_dump(), **changements}
    if pilote and pilote not in actuel.membres:
        nouveau["membres"] = [*actuel.membres, pilote]
    groupe: Groupe = valider_modele(
        Groupe, {k: v for k, v in nouveau.items() if v is not None}, GROUPES
    )
    with projet.edition() as ed:
        table = table_de(ed.document(GROUPES), "groupe", ident, GROUPES)
        modifier_champs(table, changements, CHAMPS_GROUPE)
        if pilote and pilote not in actuel.membres:
            ajouter_valeur(table, "membres", pilote, CHAMPS_GROUPE)
            membre = table_de(ed.document(MEMBRES), "membre", pilote, MEMBRES)
            ajouter_valeur(membre, "instances", ident, CHAMPS_MEMBRE)
    return groupe


def changer_composition(
    projet: Projet, ident: str, ajouts: Sequence[str], retraits: Sequence[str]
) -> tuple[Groupe, list[str], list[str]]:
    """Add and remove members of a group, and the group in their instances (one write).

    Returns the group as written, the members actually added and those removed.
    """
    from clsm_cli.modeles import Groupe

    groupe = trouver_groupe(projet, ident)
    ajouts = _verifier_membres(projet, ajouts)
    retraits = _verifier_membres(projet, retraits)
    communs = sorted(set(ajouts) & set(retraits))
    if communs:
        raise ErreurSaisie(
            f"« {communs[0]} » est à la fois dans --ajouter et --retirer : choisissez."
        )
    for mid in retraits:
        if mid == groupe.pilote:
            raise ErreurSaisie(
                f"« {mid} » pilote le groupe « {ident} » : changez d'abord de pilote "
                f"(clsm groupes modifier {ident} --pilote …)."
            )
        if mid not in groupe.membres and ident not in projet.membres_par_id[mid].instances:
            raise ErreurSaisie(f"« {mid} » ne fait pas partie du groupe « {ident} ».")
    nouveaux = [m for m in ajouts if m not in groupe.membres]
    composition = [m for m in groupe.membres if m not in retraits] + nouveaux
    resultat: Groupe = valider_modele(
        Groupe, {**groupe.model_dump(exclude_none=True), "membres": composition}, GROUPES
    )
    with projet.edition() as ed:
        table = table_de(ed.document(GROUPES), "groupe", ident, GROUPES)
        doc_membres = ed.document(MEMBRES)
        for mid in ajouts:
            ajouter_valeur(table, "membres", mid, CHAMPS_GROUPE)
            membre = table_de(doc_membres, "membre", mid, MEMBRES)
            ajouter_valeur(membre, "instances", ident, CHAMPS_MEMBRE)
        for mid in retraits:
            retirer_valeur(table, "membres", mid)
            retirer_valeur(table_de(doc_membres, "membre", mid, MEMBRES), "instances", ident)
    return resultat, nouveaux, list(retraits)


def references_groupe(projet: Projet, ident: str) -> list[Reference]:
    """Actions, meetings and members' instances that cite group ``ident``."""
    refs: list[Reference] = []
    for i, a in enumerate(projet.actions):
        if a.groupe == ident:
            refs.append(
                _reference(projet, "plan.toml", ["action", i, "groupe"], f"action « {a.id} »")
            )
    for chemin, r in projet.reunions.items():
        if r.instance == f"groupe:{ident}":
            refs.append(_reference(projet, chemin, ["instance"], "réunion du groupe"))
    for i, m in enumerate(projet.membres):
        if ident in m.instances:
            refs.append(
                _reference(projet, MEMBRES, ["membre", i, "instances"], f"instances de « {m.id} »")
            )
    return _trier_references(refs)


def supprimer_groupe(projet: Projet, ident: str) -> Groupe:
    """Delete a group's record, only if no action, meeting or member cites it."""
    from clsm_cli.stockage.ecriture import supprimer_enregistrement, trouver_enregistrement

    groupe = trouver_groupe(projet, ident)
    refs = references_groupe(projet, ident)
    if refs:
        raise ErreurClsm(
            f"Suppression refusée : le groupe « {ident} » est cité à {len(refs)} endroit(s). "
            f"Désactivez-le avec « clsm groupes retirer {ident} --desactiver » (l'historique "
            f"reste), ou retirez d'abord ces références (par exemple « clsm groupes membres "
            f"{ident} --retirer … ») :\n" + "\n".join(f"  {r}" for r in refs)
        )
    with projet.edition() as ed:
        doc = ed.document(GROUPES)
        try:
            indice, _ = trouver_enregistrement(doc, "groupe", "id", ident)
        except KeyError:
            raise Introuvable(
                f"« {ident} » a disparu de {GROUPES} ; relancez la commande."
            ) from None
        ed.remplacer(GROUPES, supprimer_enregistrement(doc, "groupe", indice))
    return groupe


def fiche_groupe(projet: Projet, groupe: Groupe) -> list[tuple[str, str]]:
    """(label, text) lines describing a group, with its members and what cites it."""
    lignes = [("Identifiant", groupe.id), ("Nom", groupe.nom)]
    if groupe.mission:
        lignes.append(("Mission", groupe.mission))
    if groupe.pilote:
        pilote = projet.membres_par_id.get(groupe.pilote)
        lignes.append(("Pilote", pilote.libelle if pilote else groupe.pilote))
    lignes.append(("Actif", "oui" if groupe.actif else "non"))
    noms = []
    for mid in groupe.membres:
        m = projet.membres_par_id.get(mid)
        noms.append(f"{m.libelle} [{mid}]" if m else mid)
    lignes.append((f"Membres ({len(noms)})", "\n".join(noms) or "aucun"))
    actions = [a.id for a in projet.actions if a.groupe == groupe.id]
    if actions:
        lignes.append(("Actions", ", ".join(actions)))
    reunions = [
        r.date.isoformat()
        for _, r in projet.reunions_triees()
        if r.instance == f"groupe:{groupe.id}"
    ]
    if reunions:
        lignes.append(("Réunions", ", ".join(reunions)))
    return lignes
