"""Meetings of the instances (``reunions/AAAA-MM-JJ-<instance>.toml``) and their follow-up
items (``[[suivi]]``). No click: commands call these functions.

A meeting is named on the command line by its date and instance, as in its file name
(``2026-03-12-copil``, ``2026-04-03-groupe-jeunes``), or by its date alone when only one
meeting took place that day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from clsm_cli.modeles.erreurs import ErreurSaisie, Introuvable
from clsm_cli.noyau.saisie import proche, valider_modele, verifier_groupe, verifier_membres_ou_noms
from clsm_cli.stockage.dossier import chemin_reunion

if TYPE_CHECKING:
    from clsm_cli.modeles.membres import Membre
    from clsm_cli.modeles.reunion import Reunion, Suivi
    from clsm_cli.noyau.projet import Projet

DOSSIER = "reunions"
INSTANCES = ["copil", "pleniere", "comite_technique", "autre"]


def champs_reunion() -> list[str]:
    """Keys of a meeting file, in the model's order (imports the models: edits only)."""
    from clsm_cli.modeles.reunion import Reunion

    return list(Reunion.model_fields)


OPTIONS_REUNION = {
    "instance": "--instance",
    "date": "--date",
    "heure": "--heure",
    "heure_fin": "--heure-fin",
    "lieu": "--lieu",
    "presents": "--present",
    "excuses": "--excuse",
    "ordre_du_jour": "--ordre-du-jour",
}
_RE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def reference(chemin: str) -> str:
    """``reunions/2026-03-12-copil.toml`` → ``2026-03-12-copil`` (what commands accept)."""
    return chemin.rpartition("/")[2].removesuffix(".toml")


def instances_possibles(projet: Projet) -> list[str]:
    return [*INSTANCES, *(f"groupe:{g.id}" for g in projet.groupes)]


def verifier_instance(projet: Projet, instance: str, option: str = "--instance") -> str:
    if instance in INSTANCES:
        return instance
    if instance.startswith("groupe:"):
        verifier_groupe(projet, instance[7:], option)
        return instance
    raise ErreurSaisie(
        f"{option} : instance inconnue « {instance} » (valeurs possibles : "
        f"{', '.join(instances_possibles(projet))})."
    )


def trouver_reunion(projet: Projet, texte: str) -> tuple[str, Reunion]:
    """The meeting named ``DATE-INSTANCE`` (or ``DATE`` alone when it is the only one that
    day, or its file name). Several meetings that day: an error listing them."""
    ref = texte.strip().removeprefix(f"{DOSSIER}/").removesuffix(".toml").replace(":", "-")
    par_reference = {reference(c): c for c in projet.reunions}
    par_reference.update(
        {reference(chemin_reunion(r.date, r.instance)): c for c, r in projet.reunions.items()}
    )
    if ref in par_reference:
        chemin = par_reference[ref]
        return chemin, projet.reunions[chemin]
    if _RE_DATE.match(ref):
        try:
            jour = dt.date.fromisoformat(ref)
        except ValueError:
            raise ErreurSaisie(f"date invalide « {ref} » : format AAAA-MM-JJ") from None
        candidats = [(c, r) for c, r in projet.reunions_triees() if r.date == jour]
        if len(candidats) == 1:
            return candidats[0]
        from clsm_cli.noyau.textes import date_fr

        if candidats:
            raise ErreurSaisie(
                f"Plusieurs réunions le {date_fr(jour)} : précisez l'instance ("
                + ", ".join(reference(c) for c, _ in candidats)
                + ")."
            )
        raise Introuvable(f"Aucune réunion le {date_fr(jour)} (voir « clsm reunion liste »).")
    raise Introuvable(
        f"Aucune réunion « {texte} » (forme attendue : 2026-03-12-copil ou 2026-03-12)."
        f"{proche(ref, par_reference)} (voir « clsm reunion liste »)"
    )


def reunions_filtrees(
    projet: Projet, *, annee: int | None = None, instance: str | None = None
) -> list[tuple[str, Reunion]]:
    """Meetings in date order; ``instance="groupe"`` keeps every working group."""
    return [
        (c, r)
        for c, r in projet.reunions_triees()
        if (annee is None or r.date.year == annee)
        and (
            instance is None
            or r.instance == instance
            or (instance == "groupe" and r.instance.startswith("groupe:"))
        )
    ]


def _presences(
    projet: Projet, presents: Iterable[str], excuses: Iterable[str]
) -> tuple[list[str], list[str]]:
    presents = verifier_membres_ou_noms(projet, presents, "--present")
    excuses = verifier_membres_ou_noms(projet, excuses, "--excuse")
    communs = [p for p in presents if p in excuses]
    if communs:
        raise ErreurSaisie(
            f"« {communs[0]} » est à la fois dans --present et dans --excuse : choisissez."
        )
    return presents, excuses


def ajouter_reunion(projet: Projet, champs: dict[str, Any]) -> tuple[str, Reunion]:
    """Create the file of a new meeting; refuse if it already exists."""
    from clsm_cli.modeles.reunion import Reunion
    from clsm_cli.stockage.ecriture import en_donnees

    donnees = {k: v for k, v in champs.items() if v not in (None, "", [], ())}
    verifier_instance(projet, donnees.get("instance", ""))
    donnees["presents"], donnees["excuses"] = _presences(
        projet, donnees.get("presents", []), donnees.get("excuses", [])
    )
    reunion: Reunion = valider_modele(Reunion, donnees, OPTIONS_REUNION)
    if not reunion.uid:
        from clsm_cli.noyau.uid import nouvel_uid_reunion

        reunion = reunion.model_copy(update={"uid": nouvel_uid_reunion(projet, reunion)})
    chemin = chemin_reunion(reunion.date, reunion.instance)
    if chemin in projet.reunions or (projet.racine / chemin).exists():
        raise ErreurSaisie(
            f"La réunion {reference(chemin)} existe déjà ({chemin}) : complétez-la avec "
            "« clsm reunion point|decision|suivi|presence » ou retirez-la d'abord."
        )
    with projet.edition() as ed:
        if (projet.racine / chemin).exists():  # created meanwhile by another clsm
            raise ErreurSaisie(f"La réunion {reference(chemin)} existe déjà ({chemin}).")
        ed.creer(chemin, en_donnees(reunion))
    return chemin, reunion


def _ajouter_a_liste(doc: Any, cle: str, valeurs: Sequence[str]) -> None:
    """Append values to the array ``cle`` of the document (created in field order)."""
    from clsm_cli.stockage.ecriture import modifier_champs

    if not valeurs:
        return
    if cle in doc:
        for valeur in valeurs:
            doc[cle].append(valeur)
    else:
        modifier_champs(doc, {cle: list(valeurs)}, champs_reunion())


def _retirer_de_liste(doc: Any, cle: str, valeur: str) -> None:
    liste = doc[cle]
    del liste[[str(v) for v in liste].index(valeur)]
    if not len(liste):
        del doc[cle]


def _ajouter_bloc(doc: Any, table: str, donnees: dict[str, Any]) -> None:
    """Append a ``[[point]]`` or ``[[suivi]]``; a first ``[[point]]`` goes before the
    ``[[suivi]]`` blocks, as in the files clsm writes."""
    import tomlkit
    from tomlkit.items import AoT

    from clsm_cli.stockage.ecriture import _table, ajouter_enregistrement

    champs = champs_reunion()
    suivants = [
        k for k in champs[champs.index(table) + 1 :] if k in doc and isinstance(doc[k], AoT)
    ]
    if table in doc or not suivants:
        ajouter_enregistrement(doc, table, donnees)
        return
    from tomlkit.items import Comment, Whitespace

    position = next(
        i for i, (k, _) in enumerate(doc.body) if k is not None and str(k.key) == suivants[0]
    )
    # comments above the next table introduce it: insert before them (after a blank line)
    debut = position
    while debut > 0 and doc.body[debut - 1][0] is None:
        if not isinstance(doc.body[debut - 1][1], Comment | Whitespace):
            break
        debut -= 1
    blanches = [i for i in range(debut, position) if isinstance(doc.body[i][1], Whitespace)]
    position = blanches[0] + 1 if blanches else debut
    item = _table(donnees, 0)
    item.add(tomlkit.nl())
    aot = tomlkit.aot()
    aot.append(item)
    doc._insert_at(position, table, aot)


def ajouter_point(projet: Projet, ref: str, titre: str, compte_rendu: str | None) -> int:
    from clsm_cli.modeles.reunion import Point

    chemin, reunion = trouver_reunion(projet, ref)
    donnees = {"titre": titre, "compte_rendu": compte_rendu}
    donnees = {k: v for k, v in donnees.items() if v not in (None, "")}
    valider_modele(Point, donnees, {"titre": "--titre", "compte_rendu": "--compte-rendu"})
    with projet.edition() as ed:
        _ajouter_bloc(ed.document(chemin), "point", donnees)
    return len(reunion.point) + 1


def ajouter_decision(projet: Projet, ref: str, texte: str) -> int:
    chemin, reunion = trouver_reunion(projet, ref)
    texte = texte.strip()
    if not texte:
        raise ErreurSaisie("La décision est vide.")
    with projet.edition() as ed:
        _ajouter_a_liste(ed.document(chemin), "decisions", [texte])
    return len(reunion.decisions) + 1


def ajouter_suivi(
    projet: Projet, ref: str, quoi: str, qui: str | None, echeance: dt.date | None
) -> tuple[int, bool]:
    """Append a follow-up item. Returns (its number, whether ``qui`` is a member id)."""
    chemin, reunion = trouver_reunion(projet, ref)
    donnees = {"quoi": quoi, "qui": qui, "echeance": echeance, "fait": False}
    donnees = {k: v for k, v in donnees.items() if v not in (None, "")}
    from clsm_cli.modeles.reunion import Suivi

    valider_modele(Suivi, donnees, {"quoi": "--quoi", "qui": "--qui", "echeance": "--echeance"})
    with projet.edition() as ed:
        _ajouter_bloc(ed.document(chemin), "suivi", donnees)
    return len(reunion.suivi) + 1, bool(qui) and qui in projet.membres_par_id


def ajouter_presences(
    projet: Projet, ref: str, presents: Sequence[str], excuses: Sequence[str]
) -> dict[str, list[str]]:
    """Add people to ``presents``/``excuses``; a person moves from one list to the other
    when listed again. Returns what changed: ajoutes_presents, ajoutes_excuses, deplaces."""
    chemin, reunion = trouver_reunion(projet, ref)
    presents, excuses = _presences(projet, presents, excuses)
    nouveaux_p = [p for p in presents if p not in reunion.presents]
    nouveaux_e = [e for e in excuses if e not in reunion.excuses]
    deplaces = [p for p in nouveaux_p if p in reunion.excuses] + [
        e for e in nouveaux_e if e in reunion.presents
    ]
    if nouveaux_p or nouveaux_e:
        with projet.edition() as ed:
            doc = ed.document(chemin)
            for p in nouveaux_p:
                if p in reunion.excuses:
                    _retirer_de_liste(doc, "excuses", p)
            for e in nouveaux_e:
                if e in reunion.presents:
                    _retirer_de_liste(doc, "presents", e)
            _ajouter_a_liste(doc, "presents", nouveaux_p)
            _ajouter_a_liste(doc, "excuses", nouveaux_e)
    return {"presents": nouveaux_p, "excuses": nouveaux_e, "deplaces": deplaces}


def retirer_presences(projet: Projet, ref: str, personnes: Sequence[str]) -> dict[str, list[str]]:
    """Remove people wrongly recorded as présents or excusés. Returns what was removed."""
    chemin, reunion = trouver_reunion(projet, ref)
    retires: dict[str, list[str]] = {"presents": [], "excuses": []}
    for personne in personnes:
        personne = personne.strip()
        if personne in reunion.presents:
            retires["presents"].append(personne)
        elif personne in reunion.excuses:
            retires["excuses"].append(personne)
        else:
            inscrits = [*reunion.presents, *reunion.excuses]
            raise ErreurSaisie(
                f"« {personne} » n'est ni présent ni excusé à la réunion {reference(chemin)}."
                f"{proche(personne, inscrits)}"
            )
    with projet.edition() as ed:
        doc = ed.document(chemin)
        for cle, liste in retires.items():
            for personne in liste:
                _retirer_de_liste(doc, cle, personne)
    return retires


def modifier_reunion(
    projet: Projet, ref: str, champs: dict[str, Any], effacer: Sequence[str] = ()
) -> tuple[str, Reunion, bool]:
    """Change date, heure, lieu or ordre du jour (a list replaces the old one) of a meeting.

    A new date renames the file. Returns (its path now, the meeting, changed)."""
    import tomlkit

    from clsm_cli.stockage.ecriture import en_donnees, modifier_champs

    chemin, actuelle = trouver_reunion(projet, ref)
    changements = {
        k: v
        for k, v in champs.items()
        if v not in (None, "", [], ()) and en_donnees(v) != en_donnees(getattr(actuelle, k))
    }
    for champ in effacer:
        if champs.get(champ) not in (None, "", [], ()):
            raise ErreurSaisie(
                f"{OPTIONS_REUNION.get(champ, champ)} et --effacer {champ} : choisissez."
            )
        if getattr(actuelle, champ) not in (None, []):
            changements[champ] = None
    if not changements:
        return chemin, actuelle, False
    from clsm_cli.modeles.reunion import Reunion

    nouvelle: Reunion = valider_modele(
        Reunion,
        {k: v for k, v in {**actuelle.model_dump(), **changements}.items() if v is not None},
        OPTIONS_REUNION,
    )
    cible = chemin_reunion(nouvelle.date, nouvelle.instance)
    if cible != chemin and (cible in projet.reunions or (projet.racine / cible).exists()):
        raise ErreurSaisie(
            f"La réunion {reference(cible)} existe déjà ({cible}) : choisissez une autre date."
        )
    with projet.edition() as ed:
        doc = ed.document(chemin)
        modifier_champs(doc, changements, champs_reunion())
        if cible != chemin:
            ed.remplacer(cible, tomlkit.dumps(doc))
            ed.supprimer(chemin)
    return cible, nouvelle, True


def retirer_reunion(projet: Projet, ref: str) -> str:
    chemin, _ = trouver_reunion(projet, ref)
    with projet.edition() as ed:
        ed.supprimer(chemin)
    return chemin


# --- follow-up items -------------------------------------------------------------------------


def _nom_ou_texte(projet: Projet, qui: str | None) -> str | None:
    membre = projet.membres_par_id.get(qui or "")
    return membre.libelle if membre else qui


def suivis_ouverts(projet: Projet) -> list[dict[str, Any]]:
    """Open follow-up items of every meeting, soonest deadline first (no deadline last)."""
    resultat = []
    for chemin, reunion in projet.reunions_triees():
        for i, suivi in enumerate(reunion.suivi):
            if not suivi.fait:
                resultat.append(
                    {
                        "reunion": chemin,
                        "numero": i + 1,
                        "date_reunion": reunion.date,
                        "instance": reunion.instance,
                        "quoi": suivi.quoi,
                        "qui": _nom_ou_texte(projet, suivi.qui),
                        "echeance": suivi.echeance,
                    }
                )
    resultat.sort(key=lambda s: (s["echeance"] is None, s["echeance"] or dt.date.max))
    return resultat


def suivis(
    projet: Projet, *, tous: bool = False, en_retard_seulement: bool = False
) -> list[dict[str, Any]]:
    """Follow-up items, soonest deadline first (no deadline last); open ones only unless
    ``tous``; ``en_retard``: open items whose deadline has passed."""
    if not tous:
        resultat = suivis_ouverts(projet)
    else:
        resultat = []
        for chemin, reunion in projet.reunions_triees():
            for i, s in enumerate(reunion.suivi):
                membre = projet.membres_par_id.get(s.qui or "")
                resultat.append(
                    {
                        "reunion": chemin,
                        "numero": i + 1,
                        "date_reunion": reunion.date,
                        "instance": reunion.instance,
                        "quoi": s.quoi,
                        "qui": membre.libelle if membre else s.qui,
                        "echeance": s.echeance,
                        "fait": s.fait,
                        "fait_le": s.fait_le,
                        "par": _nom_ou_texte(projet, s.par),
                    }
                )
        resultat.sort(key=lambda s: (s["echeance"] is None, s["echeance"] or dt.date.max))
    jour = projet.aujourdhui()
    for item in resultat:
        item.setdefault("fait", False)
        item["en_retard"] = en_retard(item["echeance"], item["fait"], jour)
    if en_retard_seulement:
        resultat = [s for s in resultat if s["en_retard"]]
    return resultat


def marquer_fait(
    projet: Projet,
    ref: str,
    numero: int,
    le: dt.date | None = None,
    par: str | None = None,
) -> tuple[str, Suivi, bool]:
    """Mark item ``numero`` (1-based) of a meeting done ``le`` (today by default), ``par``
    someone (member id or free text). Returns (file, item, already done)."""
    from clsm_cli.stockage.ecriture import modifier_champs

    chemin, reunion = trouver_reunion(projet, ref)
    if not reunion.suivi:
        raise ErreurSaisie(f"La réunion {reference(chemin)} n'a aucun suivi.")
    if not 1 <= numero <= len(reunion.suivi):
        raise Introuvable(
            f"Suivi n° {numero} inconnu : la réunion {reference(chemin)} en a "
            f"{len(reunion.suivi)} (1 à {len(reunion.suivi)} ; voir « clsm reunion voir "
            f"{reference(chemin)} »)."
        )
    item = reunion.suivi[numero - 1]
    if item.fait:
        return chemin, item, True
    jour = le or projet.aujourdhui()
    if jour > projet.aujourdhui():
        from clsm_cli.noyau.textes import date_fr

        raise ErreurSaisie(f"--le : le {date_fr(jour)} n'est pas encore arrivé.")
    par = (par or "").strip() or None
    if par:
        verifier_membres_ou_noms(projet, [par], "--par")
    champs: dict[str, Any] = {"fait": True, "fait_le": jour}
    if par:
        champs["par"] = par
    with projet.edition() as ed:
        table = ed.document(chemin)["suivi"][numero - 1]
        from clsm_cli.modeles.reunion import Suivi

        modifier_champs(table, champs, list(Suivi.model_fields))
    return chemin, item.model_copy(update=champs), False


# --- overdue and upcoming ---------------------------------------------------------------------


def en_retard(echeance: dt.date | None, fait: bool, jour: dt.date) -> bool:
    """An open item whose deadline has passed."""
    return not fait and echeance is not None and echeance < jour


def prochaine_reunion(projet: Projet, instance: str | None = None) -> tuple[str, Reunion] | None:
    """The next meeting from today on (of ``instance`` when given)."""
    jour = projet.aujourdhui()
    return next(
        (
            (c, r)
            for c, r in projet.reunions_triees()
            if r.date >= jour and (instance is None or r.instance == instance)
        ),
        None,
    )


def suivis_avant(projet: Projet, reunion: Reunion) -> list[dict[str, Any]]:
    """Open items due by the meeting's day (overdue ones included), soonest first: what the
    convocation of that meeting recalls."""
    return [
        s
        for s in suivis_ouverts(projet)
        if s["echeance"] is not None and s["echeance"] <= reunion.date
    ]


def convoques(projet: Projet, reunion: Reunion) -> list[Membre]:
    """The members convened to a meeting: the instance's composition on its day (members whose
    ``instances`` include it; for a working group, also the group's ``membres``). A meeting of
    another kind (comité technique without members, « autre ») convenes the people already
    listed as présents or excusés. Sorted by collège, then name."""
    from clsm_cli.modeles.communs import College
    from clsm_cli.noyau.membres import cle_tri_membre

    cle = reunion.instance.removeprefix("groupe:")
    composition: set[str] = set()
    if reunion.instance.startswith("groupe:"):
        groupe = next((g for g in projet.groupes if g.id == cle), None)
        composition = set(groupe.membres) if groupe else set()
    membres = [
        m
        for m in projet.membres
        if m.actif(reunion.date) and (cle in m.instances or m.id in composition)
    ]
    if not membres:
        cites = set(reunion.presents) | set(reunion.excuses)
        membres = [m for m in projet.membres if m.id in cites]
    ordre = {c.value: i for i, c in enumerate(College)}
    return sorted(membres, key=lambda m: (ordre[m.college.value], cle_tri_membre(m)))
