"""The action plan (``plan.toml``): période, axes, actions, réalisations, indicators. No click.

A big plan (300 actions, 3,000 réalisations, ~400 KB) costs about a second to parse with
tomlkit, while every change made here touches a single block of the file: one ``[[axe]]``,
one ``[[action]]`` with its ``[[action.indicateur]]``/``[[action.realisation]]`` sub-tables, or
``[periode]``. So only that block's text is parsed with tomlkit, changed in place (comments and
blank lines kept) and spliced back into the file. The splice is checked before it is used: the
block must parse to exactly the record it is meant to hold, and the whole new text, parsed
with tomllib/tomli, must equal the old data with only that record changed. If anything does not
match (an unusual hand-written layout), the change is made on the whole tomlkit document
instead. Either way, the Edition then re-validates the folder as for any other change.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from clsm_cli.modeles import LIBELLES_STATUT_ACTION, LIBELLES_TYPE_ACTION
from clsm_cli.modeles.erreurs import ErreurSaisie, Introuvable
from clsm_cli.modeles.plan import Action, Axe, Indicateur, Realisation
from clsm_cli.noyau.identifiants import id_unique, slug
from clsm_cli.noyau.saisie import proche, valider_modele, verifier_groupe, verifier_membre
from clsm_cli.stockage.lecture import TOML, TexteLu
from clsm_cli.stockage.lignes import RE_CLE, RE_TABLE, RE_TABLEAU, _avancer, _decouper

if TYPE_CHECKING:
    from clsm_cli.noyau.projet import Projet
    from clsm_cli.stockage.ecriture import Edition

PLAN = "plan.toml"
CHAMPS_ACTION = list(Action.model_fields)
CHAMPS_INDICATEUR = list(Indicateur.model_fields)
CHAMPS_AXE = list(Axe.model_fields)
OPTIONS_AXE = {"id": "--id", "intitule": "--intitule", "priorites": "--priorite"}
OPTIONS_ACTION = {
    "id": "--id",
    "axe": "--axe",
    "intitule": "--intitule",
    "objectif": "--objectif",
    "type": "--type",
    "publics": "--public",
    "qpv": "--qpv",
    "pilote": "--pilote",
    "partenaires": "--partenaire",
    "groupe": "--groupe",
    "statut": "--statut",
    "debut": "--debut",
    "fin": "--fin",
    "budget": "--budget",
}
TYPES = list(LIBELLES_TYPE_ACTION)
STATUTS = list(LIBELLES_STATUT_ACTION)

# A change of one block: receives the tomlkit document and the index of the record in its
# array (None for a plain table); may return the document's full new text (for removals).
Changement = Callable[[Any, "int | None"], "str | None"]


# --- lookups ---------------------------------------------------------------------------------


def trouver_action(projet: Projet, ident: str) -> Action:
    if ident in projet.actions_par_id:
        return projet.actions_par_id[ident]
    raise Introuvable(
        f"Aucune action d'identifiant « {ident} » dans plan.toml."
        f"{proche(ident, projet.actions_par_id)} (voir « clsm plan liste »)"
    )


def trouver_axe(projet: Projet, ident: str, option: str | None = None) -> Axe:
    for axe in projet.plan.axe:
        if axe.id == ident:
            return axe
    connus = [a.id for a in projet.plan.axe]
    debut = f"{option} : axe inconnu" if option else "Aucun axe d'identifiant"
    liste = ", ".join(connus) or "aucun, créez-en un avec « clsm plan axe ajouter »"
    message = f"{debut} « {ident} » (axes : {liste}).{proche(ident, connus)}"
    raise Introuvable(message)


def actions_filtrees(
    projet: Projet, *, axe: str | None = None, statut: str | None = None, type: str | None = None
) -> list[Action]:
    if axe is not None:
        trouver_axe(projet, axe, "--axe")
    return [
        a
        for a in projet.actions
        if (axe is None or a.axe == axe)
        and (statut is None or a.statut == statut)
        and (type is None or a.type == type)
    ]


def actions_de_l_axe(projet: Projet, axe: str) -> list[Action]:
    return [a for a in projet.actions if a.axe == axe]


def qpv_inconnus(projet: Projet, qpv: bool | Sequence[str] | None) -> list[str]:
    """QPV names that clsm.toml does not list (when it lists some)."""
    connus = projet.identite.qpv if projet.identite else []
    if not connus or isinstance(qpv, bool) or not qpv:
        return []
    return [n for n in qpv if n not in connus]


def hors_periode(action: Action, jour: dt.date) -> bool:
    return (action.debut is not None and jour < action.debut) or (
        action.fin is not None and jour > action.fin
    )


# --- axes and période ------------------------------------------------------------------------


def ajouter_axe(
    projet: Projet, intitule: str, ident: str | None = None, priorites: Sequence[str] = ()
) -> Axe:
    existants = [a.id for a in projet.plan.axe]
    if ident is not None and ident in existants:
        raise ErreurSaisie(f"--id : l'axe « {ident} » existe déjà.")
    donnees = {
        "id": ident or id_unique(slug(intitule), existants),
        "intitule": intitule,
        "priorites": _priorites(projet, priorites),
    }
    axe: Axe = valider_modele(Axe, donnees, OPTIONS_AXE)
    from clsm_cli.stockage.ecriture import ajouter_enregistrement, en_donnees

    def changer(doc: Any, _: int | None) -> None:
        ajouter_enregistrement(doc, "axe", en_donnees(axe))

    editer_plan(projet, "axe", _dernier("axe"), changer)
    return axe


def _priorites(projet: Projet, priorites: Sequence[str]) -> list[str]:
    """The priorities an axis answers, each known in diagnostic.toml, without repeats."""
    from clsm_cli.noyau.diagnostic import trouver_priorite

    resultat: list[str] = []
    for p in priorites:
        trouver_priorite(projet, p, "--priorite")
        if p not in resultat:
            resultat.append(p)
    return resultat


def modifier_axe(
    projet: Projet,
    ident: str,
    intitule: str | None = None,
    priorites: Sequence[str] | None = None,
) -> Axe:
    """New title and/or priorities (a list replaces the axis's; an empty list clears it)."""
    avant = trouver_axe(projet, ident)
    valeurs: dict[str, Any] = {}
    if intitule is not None:
        valeurs["intitule"] = intitule
    if priorites is not None:
        valeurs["priorites"] = _priorites(projet, priorites)
    axe: Axe = valider_modele(Axe, {**avant.model_dump(), **valeurs}, OPTIONS_AXE)
    from clsm_cli.noyau.diagnostic import meme_contenu

    if meme_contenu(axe, avant):
        return axe
    from clsm_cli.stockage.ecriture import modifier_champs

    def changer(doc: Any, k: int | None) -> None:
        modifier_champs(doc["axe"][k], valeurs, CHAMPS_AXE)

    editer_plan(projet, "axe", _par_id("axe", ident), changer)
    return axe


def retirer_axe(projet: Projet, ident: str) -> Axe:
    """Remove an axis that no action uses (otherwise refuse, listing the actions)."""
    axe = trouver_axe(projet, ident)
    utilisatrices = actions_de_l_axe(projet, ident)
    if utilisatrices:
        lu = projet.fichiers.get(PLAN)
        lignes = []
        for a in utilisatrices:
            indice = projet.actions.index(a)
            ligne = lu.ligne(["action", indice]) if lu else None
            lieu = f"plan.toml:{ligne}" if ligne else "plan.toml"
            lignes.append(f"  {lieu}: {a.id} — {a.intitule}")
        raise ErreurSaisie(
            f"L'axe « {ident} » est utilisé par {len(utilisatrices)} action(s) ; "
            "rattachez-les à un autre axe (clsm plan action modifier ID --axe AUTRE) ou "
            "retirez-les d'abord :\n" + "\n".join(lignes)
        )
    from clsm_cli.stockage.ecriture import supprimer_enregistrement

    def changer(doc: Any, k: int | None) -> str:
        assert k is not None
        return supprimer_enregistrement(doc, "axe", k)

    editer_plan(projet, "axe", _par_id("axe", ident), changer)
    return axe


def definir_periode(projet: Projet, debut: dt.date, fin: dt.date) -> None:
    if debut > fin:
        raise ErreurSaisie(
            f"--fin ({fin.isoformat()}) précède --debut ({debut.isoformat()}) : la période du "
            "plan doit commencer avant de finir."
        )
    from clsm_cli.stockage.ecriture import modifier_champs

    valeurs = {"debut": debut, "fin": fin}

    def changer(doc: Any, _: int | None) -> None:
        modifier_champs(doc["periode"], valeurs, ["debut", "fin"])

    if projet.plan.periode is not None:
        editer_plan(projet, "periode", lambda d: None, changer)
        return
    with projet.edition() as ed:
        texte, avant = _lire(ed, projet)
        nouveau = (
            _inserer_periode(texte, avant, debut, fin)
            if texte is not None and avant is not None
            else None
        )
        if nouveau is not None:
            ed.remplacer(PLAN, nouveau)
        else:
            _ajouter_periode(ed.document(PLAN), valeurs)


def _ajouter_periode(doc: Any, valeurs: dict[str, Any]) -> None:
    import tomlkit

    table = tomlkit.table()
    for cle, valeur in valeurs.items():
        table.add(cle, valeur)
    doc.add("periode", table)


def _inserer_periode(texte: str, avant: dict[str, Any], debut: dt.date, fin: dt.date) -> str | None:
    """The text with a ``[periode]`` table before the first table (and the comments that
    introduce it), checked like every splice."""
    bloc = f"[periode]\ndebut = {debut.isoformat()}\nfin = {fin.isoformat()}\n"
    liste = entetes(texte)
    if liste:
        lignes = texte[: liste[0].position].split("\n")[:-1]
        while lignes and lignes[-1].lstrip().startswith("#"):
            lignes.pop()
        position = sum(len(x) + 1 for x in lignes)
        gauche, droite = texte[:position], texte[position:]
        if gauche and not gauche.endswith("\n\n"):
            bloc = "\n" + bloc
        nouveau = gauche + bloc + "\n" + droite
    else:
        corps = texte.rstrip("\n")
        nouveau = (corps + "\n\n" if corps else "") + bloc
    attendu = {**avant, "periode": {"debut": debut, "fin": fin}}
    try:
        donnees = TOML.loads(nouveau)
    except ValueError:
        return None
    return TexteLu(nouveau, donnees) if donnees == attendu else None


# --- actions ---------------------------------------------------------------------------------


def _verifier_liens(projet: Projet, champs: dict[str, Any]) -> None:
    if champs.get("axe") is not None:
        trouver_axe(projet, champs["axe"], "--axe")
    if champs.get("pilote") is not None:
        verifier_membre(projet, champs["pilote"], "--pilote")
    if champs.get("groupe") is not None:
        verifier_groupe(projet, champs["groupe"], "--groupe")
    debut, fin = champs.get("debut"), champs.get("fin")
    if debut is not None and fin is not None and debut > fin:
        raise ErreurSaisie(
            f"--fin ({fin.isoformat()}) précède --debut ({debut.isoformat()}) : une action "
            "doit commencer avant de finir."
        )


def identifiant_action(intitule: str, existants: Sequence[str]) -> str:
    """Slug of the title, with ``-2``, ``-3``… when already taken."""
    return id_unique(slug(intitule), existants)


def ajouter_action(projet: Projet, champs: dict[str, Any]) -> Action:
    """Append an action (TOML-named values; ``id`` computed from ``intitule`` if absent)."""
    donnees = {k: v for k, v in champs.items() if v not in (None, "", [], ())}
    existants = list(projet.actions_par_id)
    ident = donnees.pop("id", None)
    if ident is not None and ident in existants:
        raise ErreurSaisie(
            f"--id : l'action « {ident} » existe déjà (voir « clsm plan action voir {ident} »)."
        )
    donnees = {"id": ident or identifiant_action(donnees.get("intitule", ""), existants), **donnees}
    _verifier_liens(projet, donnees)
    action: Action = valider_modele(Action, donnees, OPTIONS_ACTION)
    from clsm_cli.stockage.ecriture import ajouter_enregistrement, en_donnees

    enregistrement = en_donnees(action)
    if enregistrement.get("qpv") is False:
        del enregistrement["qpv"]  # the default: not written

    def changer(doc: Any, _: int | None) -> None:
        ajouter_enregistrement(doc, "action", enregistrement)

    editer_plan(projet, "action", _dernier("action"), changer)
    return action


def modifier_action(
    projet: Projet, ident: str, champs: dict[str, Any], effacer: Sequence[str] = ()
) -> tuple[Action, bool]:
    """Change fields (``champs``), clear others (``effacer``). Returns (action, changed)."""
    actuelle = trouver_action(projet, ident)
    changements = {
        k: v
        for k, v in champs.items()
        if v not in (None, "", (), []) and v != _valeur_toml(getattr(actuelle, k))
    }
    for champ in effacer:
        if champ in changements or champs.get(champ) not in (None, "", (), []):
            raise ErreurSaisie(
                f"{OPTIONS_ACTION.get(champ, champ)} et --effacer {champ} : choisissez."
            )
        if getattr(actuelle, champ) not in (None, [], False):
            changements[champ] = None
    if not changements:
        return actuelle, False
    _verifier_liens(
        projet, {k: v for k, v in changements.items() if k in ("axe", "pilote", "groupe")}
    )
    nouvelle = actuelle.model_dump()
    nouvelle.update(changements)
    _verifier_liens(projet, {"debut": nouvelle.get("debut"), "fin": nouvelle.get("fin")})
    action: Action = valider_modele(
        Action, {k: v for k, v in nouvelle.items() if v is not None}, OPTIONS_ACTION
    )
    from clsm_cli.stockage.ecriture import modifier_champs

    def changer(doc: Any, k: int | None) -> None:
        modifier_champs(doc["action"][k], changements, CHAMPS_ACTION)

    editer_plan(projet, "action", _par_id("action", ident), changer)
    return action, True


def _valeur_toml(valeur: Any) -> Any:
    from clsm_cli.stockage.ecriture import en_donnees

    return en_donnees(valeur)


def retirer_action(projet: Projet, ident: str) -> Action:
    action = trouver_action(projet, ident)
    from clsm_cli.stockage.ecriture import supprimer_enregistrement

    def changer(doc: Any, k: int | None) -> str:
        assert k is not None
        return supprimer_enregistrement(doc, "action", k)

    editer_plan(projet, "action", _par_id("action", ident), changer)
    return action


def ajouter_realisation(
    projet: Projet, ident: str, champs: dict[str, Any]
) -> tuple[Action, Realisation, int]:
    """Append a réalisation to an action; returns (action, réalisation, its number)."""
    action = trouver_action(projet, ident)
    donnees = {k: v for k, v in champs.items() if v not in (None, "")}
    realisation: Realisation = valider_modele(Realisation, donnees, OPTIONS_REALISATION)
    from clsm_cli.stockage.ecriture import ajouter_enregistrement, en_donnees

    def changer(doc: Any, k: int | None) -> None:
        ajouter_enregistrement(doc["action"][k], "realisation", en_donnees(realisation))

    editer_plan(projet, "action", _par_id("action", ident), changer)
    return action, realisation, len(action.realisation) + 1


OPTIONS_REALISATION = {
    "date": "--date",
    "libelle": "--libelle",
    "participants": "--participants",
    "commentaire": "--commentaire",
}
OPTIONS_INDICATEUR = {
    "libelle": "--libelle",
    "annee": "--annee",
    "cible": "--cible",
    "realise": "--realise",
    "unite": "--unite",
}
SOUS_TABLES = {"realisation": "réalisation", "indicateur": "indicateur"}


def numero_valide(action: Action, table: str, numero: int) -> Any:
    """Record n° ``numero`` (1-based) of ``action.realisation`` or ``action.indicateur``."""
    liste = getattr(action, table)
    if not 1 <= numero <= len(liste):
        nom = SOUS_TABLES[table]
        etendue = f"1 à {len(liste)}" if liste else f"aucun(e) {nom}"
        raise Introuvable(
            f"{nom.capitalize()} n° {numero} inconnu(e) pour l'action « {action.id} » "
            f"({etendue} ; voir « clsm plan action voir {action.id} »)."
        )
    return liste[numero - 1]


def modifier_sous_enregistrement(
    projet: Projet,
    ident: str,
    table: str,
    numero: int,
    champs: dict[str, Any],
    effacer: Sequence[str] = (),
) -> tuple[Any, bool]:
    """Change fields of réalisation or indicateur n° ``numero`` of an action.

    Returns (the record as it now is, changed)."""
    modele: Any = Realisation if table == "realisation" else Indicateur
    options = OPTIONS_REALISATION if table == "realisation" else OPTIONS_INDICATEUR
    action = trouver_action(projet, ident)
    actuel = numero_valide(action, table, numero)
    changements = {
        k: v
        for k, v in champs.items()
        if v not in (None, "", (), []) and _valeur_toml(v) != _valeur_toml(getattr(actuel, k))
    }
    for champ in effacer:
        if champ in changements or champs.get(champ) not in (None, "", (), []):
            raise ErreurSaisie(f"{options.get(champ, champ)} et --effacer {champ} : choisissez.")
        if getattr(actuel, champ) is not None:
            changements[champ] = None
    if not changements:
        return actuel, False
    nouveau = {**actuel.model_dump(), **changements}
    if table == "indicateur" and ("libelle" in changements or "annee" in changements):
        _indicateur_unique(action, nouveau, numero - 1)
    enregistrement = valider_modele(
        modele, {k: v for k, v in nouveau.items() if v is not None}, options
    )
    from clsm_cli.stockage.ecriture import modifier_champs

    def changer(doc: Any, k: int | None) -> None:
        modifier_champs(doc["action"][k][table][numero - 1], changements, list(modele.model_fields))

    editer_plan(projet, "action", _par_id("action", ident), changer)
    return enregistrement, True


def retirer_sous_enregistrement(projet: Projet, ident: str, table: str, numero: int) -> Any:
    """Remove réalisation or indicateur n° ``numero`` of an action; returns it."""
    action = trouver_action(projet, ident)
    retire = numero_valide(action, table, numero)
    editer_plan(projet, "action", _par_id("action", ident), _retirer_dans(table, numero - 1))
    return retire


def _retirer_dans(table: str, indice: int) -> Changement:
    def changer(doc: Any, k: int | None) -> None:
        assert k is not None
        liste = doc["action"][k][table]
        del liste[indice]
        if not len(liste):
            del doc["action"][k][table]

    return changer


def _indicateur_unique(action: Action, nouveau: dict[str, Any], indice: int) -> None:
    for j, autre in enumerate(action.indicateur):
        if (
            j != indice
            and _meme_libelle(autre.libelle, nouveau["libelle"])
            and autre.annee == nouveau.get("annee")
        ):
            annee = f" pour {autre.annee}" if autre.annee else ""
            raise ErreurSaisie(
                f"L'action « {action.id} » a déjà l'indicateur « {autre.libelle} »{annee} "
                f"(n° {j + 1})."
            )


def _meme_libelle(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def definir_indicateur(
    projet: Projet,
    ident: str,
    libelle: str,
    *,
    cible: float | None = None,
    realise: float | None = None,
    unite: str | None = None,
    annee: int | None = None,
) -> tuple[Indicateur, bool]:
    """Create the indicator ``libelle`` (of year ``annee``) of an action, or update the one
    with that libellé and year (compared without case or extra spaces).

    Returns (indicator, created)."""
    action = trouver_action(projet, ident)
    valeurs = {"cible": cible, "realise": realise, "unite": unite}
    valeurs = {k: v for k, v in valeurs.items() if v not in (None, "")}
    options = OPTIONS_INDICATEUR
    indice = next(
        (
            i
            for i, ind in enumerate(action.indicateur)
            if _meme_libelle(ind.libelle, libelle) and ind.annee == annee
        ),
        None,
    )
    annee_champ = {"annee": annee} if annee is not None else {}
    from clsm_cli.stockage.ecriture import ajouter_enregistrement, en_donnees, modifier_champs

    if indice is None:
        indicateur: Indicateur = valider_modele(
            Indicateur, {"libelle": libelle.strip(), **annee_champ, **valeurs}, options
        )

        def changer(doc: Any, k: int | None) -> None:
            ajouter_enregistrement(doc["action"][k], "indicateur", en_donnees(indicateur))

    else:
        existant = action.indicateur[indice]
        if not valeurs:
            raise ErreurSaisie(
                f"L'indicateur « {existant.libelle} » existe déjà : précisez --cible, "
                "--realise ou --unite pour le mettre à jour."
            )
        indicateur = valider_modele(
            Indicateur, {**existant.model_dump(exclude_none=True), **valeurs}, options
        )

        def changer(doc: Any, k: int | None) -> None:
            table = doc["action"][k]["indicateur"][indice]
            modifier_champs(table, valeurs, CHAMPS_INDICATEUR)

    editer_plan(projet, "action", _par_id("action", ident), changer)
    return indicateur, indice is None


# --- block editing ---------------------------------------------------------------------------


Localiser = Callable[[dict[str, Any]], "int | None"]


def _par_id(table: str, ident: str) -> Localiser:
    def localiser(donnees: dict[str, Any]) -> int | None:
        for i, enregistrement in enumerate(donnees.get(table, [])):
            if enregistrement.get("id") == ident:
                return i
        raise Introuvable(
            f"« {ident} » a disparu de plan.toml pendant la modification ; relancez la commande."
        )

    return localiser


def _dernier(table: str) -> Localiser:
    """The last record of ``table`` (new records are appended after it); -1 when none."""

    def localiser(donnees: dict[str, Any]) -> int | None:
        return len(donnees.get(table, [])) - 1

    return localiser


def editer_plan(projet: Projet, table: str, localiser: Localiser, changer: Changement) -> None:
    """Apply ``changer`` to one block of plan.toml (see the module docstring), under an Edition."""
    with projet.edition() as ed:
        texte, avant = _lire(ed, projet)
        indice = localiser(avant) if avant is not None else -1
        nouveau = None
        if texte is not None and avant is not None and indice != -1:
            nouveau = modifier_bloc(texte, avant, table, indice, changer)
        if nouveau is not None:
            ed.remplacer(PLAN, nouveau)
            return
        doc = ed.document(PLAN)
        resultat = changer(doc, None if indice == -1 else indice)
        if resultat is not None:
            ed.remplacer(PLAN, resultat)


def _lire(ed: Edition, projet: Projet) -> tuple[str | None, dict[str, Any] | None]:
    """plan.toml's text as it is now (under the lock) and its data; (None, None) if absent."""
    chemin = ed.racine / PLAN
    if not chemin.is_file():
        return None, None
    texte = chemin.read_text(encoding="utf-8-sig")
    lu = projet.fichiers.get(PLAN)
    if lu is not None and lu.texte == texte and lu.donnees is not None:
        return texte, lu.donnees
    try:
        return texte, TOML.loads(texte)
    except ValueError:
        return None, None


@dataclass(frozen=True)
class Entete:
    """A table header: ``[[action]]`` (tableau) or ``[periode]``, at character ``position``."""

    position: int
    cles: tuple[str, ...]
    tableau: bool


_RE_LIGNE_ENTETE = re.compile(r"^[ \t]*\[.*$", re.MULTILINE)


def entetes(texte: str) -> list[Entete]:
    """Table headers of a TOML text, with their character position.

    Without multi-line strings, a quick scan of the lines starting with « [ » is exact for
    clsm files (no nested arrays); otherwise the lines are followed one by one, skipping
    strings and arrays. Either way every splice is checked against a full parse
    (:func:`modifier_bloc`), so a line mistaken for a header can only cost time.
    """
    if '"""' not in texte and "'''" not in texte:
        resultat = []
        for m in _RE_LIGNE_ENTETE.finditer(texte):
            if entete := _entete(m.group(0), m.start()):
                resultat.append(entete)
        return resultat
    return _entetes_precis(texte)


def _entete(ligne: str, position: int) -> Entete | None:
    if t := RE_TABLEAU.match(ligne):
        return Entete(position, tuple(_decouper(t.group(1))), True)
    if t := RE_TABLE.match(ligne):
        return Entete(position, tuple(_decouper(t.group(1))), False)
    return None


def _entetes_precis(texte: str) -> list[Entete]:
    resultat = []
    chaine: str | None = None
    profondeur = 0
    position = 0
    for ligne in texte.split("\n"):
        debut, position = position, position + len(ligne) + 1
        if chaine is None and profondeur == 0:
            if entete := _entete(ligne, debut):
                resultat.append(entete)
                continue
            if m := RE_CLE.match(ligne):
                ligne = ligne[m.end() :]
        chaine, profondeur = _avancer(ligne, chaine, profondeur)
    return resultat


def etendue(texte: str, table: str, indice: int | None) -> tuple[int, int] | None:
    """Character span of record ``indice`` of ``[[table]]`` (or of ``[table]`` when
    ``indice`` is None): from its header to the next header that is not one of its
    sub-tables (or the end of the text)."""
    liste = entetes(texte)
    rang = -1
    for j, entete in enumerate(liste):
        if entete.cles != (table,) or entete.tableau != (indice is not None):
            continue
        rang += 1
        if indice is not None and rang != indice:
            continue
        fin = next(
            (e.position for e in liste[j + 1 :] if e.cles[0] != table or e.cles == (table,)),
            len(texte),
        )
        return entete.position, fin
    return None


def modifier_bloc(
    texte: str, avant: dict[str, Any], table: str, indice: int | None, changer: Changement
) -> str | None:
    """The new full text with ``changer`` applied to one block only, or None when the splice
    cannot be proven right (the caller then edits the whole document)."""
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    span = etendue(texte, table, indice)
    if span is None:
        return None
    debut, fin = span
    bloc = texte[debut:fin]
    ancien = avant.get(table)
    attendu_bloc = {table: ancien if indice is None else [ancien[indice]]} if ancien else None
    try:
        if attendu_bloc is None or TOML.loads(bloc) != attendu_bloc:
            return None
        doc = tomlkit.parse(bloc)
    except (ValueError, TOMLKitError):
        return None
    resultat = changer(doc, None if indice is None else 0)
    nouveau_bloc = tomlkit.dumps(doc) if resultat is None else resultat
    if nouveau_bloc.strip():
        fins = len(bloc) - len(bloc.rstrip("\n"))
        nouveau_bloc = nouveau_bloc.rstrip("\n") + "\n" * max(fins, 1)
    else:
        nouveau_bloc = ""
    nouveau = _raccorder(texte[:debut], nouveau_bloc, texte[fin:])
    try:
        donnees_bloc = TOML.loads(nouveau_bloc)
        if set(donnees_bloc) - {table}:
            return None
        attendu = copy.copy(avant)
        if indice is None:
            attendu[table] = donnees_bloc[table]
        else:
            enregistrements = list(avant[table])
            enregistrements[indice : indice + 1] = donnees_bloc.get(table, [])
            attendu[table] = enregistrements
            if not enregistrements:
                del attendu[table]
        donnees = TOML.loads(nouveau)
        if donnees != attendu:
            return None
    except ValueError:
        return None
    return TexteLu(nouveau, donnees)  # the edition validates it without parsing it again


def _raccorder(gauche: str, milieu: str, droite: str) -> str:
    """Join three texts with at most one blank line at each junction, one final newline."""

    def joindre(a: str, b: str) -> str:
        fin_a = len(a) - len(a.rstrip("\n"))
        debut_b = len(b) - len(b.lstrip("\n"))
        if a and b and fin_a + debut_b > 2:
            b = b[min(debut_b, fin_a + debut_b - 2) :]
        return a + b

    texte = joindre(joindre(gauche, milieu), droite)
    if not droite and not milieu.strip():
        texte = texte.rstrip("\n") + "\n"
    return texte
