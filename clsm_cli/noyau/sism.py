"""The SISM years (``sism/AAAA.toml``) and their events. No click: commands call these.

Events are named by their number (1-based) in the order of the file, as ``clsm sism
evenement liste`` shows them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from clsm_cli.modeles.erreurs import ErreurSaisie, Introuvable
from clsm_cli.modeles.sism import THEMES_NATIONAUX, Evenement, Sism
from clsm_cli.noyau.saisie import valider_modele, verifier_membre

if TYPE_CHECKING:
    from clsm_cli.noyau.projet import Projet

DOSSIER = "sism"
CHAMPS_EVENEMENT = list(Evenement.model_fields)
OPTIONS_EVENEMENT = {
    "titre": "--titre",
    "type": "--type",
    "date": "--date",
    "heure": "--heure",
    "fin": "--fin",
    "heure_fin": "--heure-fin",
    "lieu": "--lieu",
    "commune": "--commune",
    "qpv": "--qpv",
    "organisateurs": "--organisateur",
    "partenaires": "--partenaire",
    "public": "--public",
    "participants": "--participants",
    "en_ligne": "--en-ligne",
    "inscription": "--inscription",
    "description": "--description",
}
DEFAUTS_EVENEMENT = {"qpv": False, "en_ligne": False}
"""Values not written to the file (they are the defaults)."""
OPTIONS_SISM = {
    "theme": "--theme",
    "debut": "--debut",
    "fin": "--fin",
    "comite": "--comite",
    "evenements": "--evenements",
    "partenaires": "--partenaires",
    "participants": "--participants",
}
TOTAUX = ("evenements", "partenaires", "participants")


def chemin_sism(annee: int) -> str:
    return f"{DOSSIER}/{annee}.toml"


def theme_national(annee: int) -> str | None:
    return THEMES_NATIONAUX.get(annee)


def trouver_sism(projet: Projet, annee: int) -> tuple[str, Sism]:
    for chemin, sism in projet.sism.items():
        if sism.annee == annee:
            return chemin, sism
    connues = ", ".join(str(s.annee) for s in annees(projet)) or "aucune"
    raise Introuvable(
        f"Aucune SISM {annee} (années présentes : {connues}) : créez-la avec "
        f"« clsm sism nouvelle {annee} »."
    )


def annees(projet: Projet) -> list[Sism]:
    return sorted(projet.sism.values(), key=lambda s: s.annee)


def _dans_l_annee(jour: dt.date | None, annee: int, option: str) -> None:
    if jour is not None and jour.year != annee:
        raise ErreurSaisie(f"{option} : le {jour.isoformat()} n'est pas en {annee} (SISM {annee}).")


def nouvelle_sism(
    projet: Projet,
    annee: int,
    theme: str,
    debut: dt.date | None = None,
    fin: dt.date | None = None,
    comite: Sequence[str] = (),
    totaux: dict[str, int | None] | None = None,
) -> tuple[str, Sism]:
    """Create ``sism/AAAA.toml``; refuse if that year already exists."""
    from clsm_cli.stockage.ecriture import en_donnees

    chemin = chemin_sism(annee)
    if projet.sism_annee(annee) is not None or (projet.racine / chemin).exists():
        raise ErreurSaisie(
            f"La SISM {annee} existe déjà ({chemin}) : ajoutez-lui des événements avec "
            f"« clsm sism evenement ajouter {annee} … »."
        )
    _dans_l_annee(debut, annee, "--debut")
    _dans_l_annee(fin, annee, "--fin")
    if debut and fin and debut > fin:
        raise ErreurSaisie(f"--fin ({fin.isoformat()}) précède --debut ({debut.isoformat()}).")
    membres: list[str] = []
    for ident in comite:
        if verifier_membre(projet, ident, "--comite") not in membres:
            membres.append(ident)
    donnees = {
        "annee": annee,
        "theme": theme.strip(),
        "debut": debut,
        "fin": fin,
        "comite": membres,
        "totaux": {k: v for k, v in (totaux or {}).items() if v is not None} or None,
    }
    sism: Sism = valider_modele(
        Sism,
        {k: v for k, v in donnees.items() if v not in (None, "", [])},
        OPTIONS_SISM,
    )
    with projet.edition() as ed:
        ed.creer(chemin, en_donnees(sism))
    return chemin, sism


def numero_valide(sism: Sism, numero: int) -> Evenement:
    if not 1 <= numero <= len(sism.evenement):
        etendue = f"1 à {len(sism.evenement)}" if sism.evenement else "aucun événement"
        raise Introuvable(
            f"Événement n° {numero} inconnu dans la SISM {sism.annee} ({etendue} ; voir "
            f"« clsm sism evenement liste {sism.annee} »)."
        )
    return sism.evenement[numero - 1]


def hors_dates(sism: Sism, jour: dt.date) -> bool:
    """True when the day falls outside the SISM's début–fin (a warning, not an error).

    A date known only to the month or the year is never « outside »."""
    from clsm_cli.modeles.vocabulaires import date_precise

    if not date_precise(jour):
        return False
    return (sism.debut is not None and jour < sism.debut) or (
        sism.fin is not None and jour > sism.fin
    )


def _donnees_fichier(evenement: Evenement) -> dict[str, Any]:
    from clsm_cli.stockage.ecriture import en_donnees

    return {
        k: v
        for k, v in en_donnees(evenement).items()
        if not (k in DEFAUTS_EVENEMENT and v == DEFAUTS_EVENEMENT[k])
    }


def ajouter_evenement(projet: Projet, annee: int, champs: dict[str, Any]) -> tuple[int, Evenement]:
    """Append an event to the SISM of ``annee``; returns (its number, the event)."""
    from clsm_cli.stockage.ecriture import ajouter_enregistrement

    chemin, sism = trouver_sism(projet, annee)
    donnees = {k: v for k, v in champs.items() if v not in (None, "", [], ())}
    _dans_l_annee(donnees.get("date"), annee, "--date")
    _dans_l_annee(donnees.get("fin"), annee, "--fin")
    evenement: Evenement = valider_modele(Evenement, donnees, OPTIONS_EVENEMENT)
    if not evenement.uid:
        from clsm_cli.noyau.uid import nouvel_uid_evenement

        uid = nouvel_uid_evenement(projet, annee, evenement)
        evenement = evenement.model_copy(update={"uid": uid})
    with projet.edition() as ed:
        ajouter_enregistrement(ed.document(chemin), "evenement", _donnees_fichier(evenement))
    return len(sism.evenement) + 1, evenement


def modifier_evenement(
    projet: Projet,
    annee: int,
    numero: int,
    champs: dict[str, Any],
    effacer: Sequence[str] = (),
) -> tuple[Evenement, bool]:
    """Change fields of event ``numero``; returns (event, changed)."""
    from clsm_cli.stockage.ecriture import en_donnees, modifier_champs

    chemin, sism = trouver_sism(projet, annee)
    actuel = numero_valide(sism, numero)
    changements = {
        k: v
        for k, v in champs.items()
        if v not in (None, "", (), []) and en_donnees(v) != en_donnees(getattr(actuel, k))
    }
    for champ in effacer:
        if champ in changements or champs.get(champ) not in (None, "", (), []):
            raise ErreurSaisie(
                f"{OPTIONS_EVENEMENT.get(champ, champ)} et --effacer {champ} : choisissez."
            )
        if getattr(actuel, champ) not in (None, [], False):
            changements[champ] = None
    if not changements:
        return actuel, False
    _dans_l_annee(changements.get("date"), annee, "--date")
    _dans_l_annee(changements.get("fin"), annee, "--fin")
    nouveau = actuel.model_dump()
    nouveau.update(changements)
    evenement: Evenement = valider_modele(
        Evenement, {k: v for k, v in nouveau.items() if v is not None}, OPTIONS_EVENEMENT
    )
    fichier = {
        k: (None if k in DEFAUTS_EVENEMENT and v == DEFAUTS_EVENEMENT[k] else v)
        for k, v in changements.items()
    }
    with projet.edition() as ed:
        table = ed.document(chemin)["evenement"][numero - 1]
        modifier_champs(table, fichier, CHAMPS_EVENEMENT)
    return evenement, True


def retirer_evenement(projet: Projet, annee: int, numero: int) -> Evenement:
    from clsm_cli.stockage.ecriture import supprimer_enregistrement

    chemin, sism = trouver_sism(projet, annee)
    evenement = numero_valide(sism, numero)
    with projet.edition() as ed:
        doc = ed.document(chemin)
        ed.remplacer(chemin, supprimer_enregistrement(doc, "evenement", numero - 1))
    return evenement


def modifier_sism(
    projet: Projet, annee: int, champs: dict[str, Any], effacer: Sequence[str] = ()
) -> tuple[Sism, bool]:
    """Change a SISM year: theme, dates, committee (a list replaces the old one), declared totals
    (``evenements``, ``partenaires``, ``participants``, kept in its ``[totaux]`` table).

    Returns (the year as it now is, changed)."""
    from clsm_cli.stockage.ecriture import en_donnees, modifier_champs

    chemin, sism = trouver_sism(projet, annee)
    totaux_actuels = en_donnees(sism.totaux) if sism.totaux else {}
    actuel = {
        "theme": sism.theme,
        "debut": sism.debut,
        "fin": sism.fin,
        "comite": list(sism.comite),
        **{k: totaux_actuels.get(k) for k in TOTAUX},
    }
    changements = {
        k: v for k, v in champs.items() if v not in (None, "", (), []) and v != actuel.get(k)
    }
    for champ in effacer:
        if champs.get(champ) not in (None, "", (), []):
            raise ErreurSaisie(f"{OPTIONS_SISM[champ]} et --effacer {champ} : choisissez.")
        if actuel.get(champ) not in (None, []):
            changements[champ] = None
    if not changements:
        return sism, False
    if "theme" in changements:
        changements["theme"] = changements["theme"].strip()
    _dans_l_annee(changements.get("debut"), annee, "--debut")
    _dans_l_annee(changements.get("fin"), annee, "--fin")
    if changements.get("comite"):
        membres: list[str] = []
        for ident in changements["comite"]:
            if verifier_membre(projet, ident, "--comite") not in membres:
                membres.append(ident)
        changements["comite"] = membres
    nouveau = {**actuel, **changements}
    debut, fin = nouveau["debut"], nouveau["fin"]
    if debut and fin and debut > fin:
        raise ErreurSaisie(f"--fin ({fin.isoformat()}) précède --debut ({debut.isoformat()}).")
    totaux = {k: nouveau[k] for k in TOTAUX if nouveau[k] is not None}
    donnees = {k: v for k, v in nouveau.items() if k not in TOTAUX and v not in (None, [])}
    resultat: Sism = valider_modele(
        Sism,
        {"annee": annee, **donnees, **({"totaux": totaux} if totaux else {})},
        OPTIONS_SISM,
    )
    with projet.edition() as ed:
        doc = ed.document(chemin)
        principaux = {k: v for k, v in changements.items() if k not in TOTAUX}
        modifier_champs(doc, principaux, list(Sism.model_fields))
        if any(k in TOTAUX for k in changements):
            _ecrire_totaux(doc, totaux)
    return resultat, True


def _ecrire_totaux(doc: Any, totaux: dict[str, int]) -> None:
    """Set the ``[totaux]`` table (added at the end of the file; removed when empty)."""
    import tomlkit

    from clsm_cli.stockage.ecriture import modifier_champs

    if "totaux" in doc:
        modifier_champs(doc["totaux"], {k: totaux.get(k) for k in TOTAUX}, list(TOTAUX))
        if not totaux:
            del doc["totaux"]
        return
    if not totaux:
        return
    table = tomlkit.table()
    for cle in TOTAUX:
        if cle in totaux:
            table[cle] = totaux[cle]
    doc["totaux"] = table
