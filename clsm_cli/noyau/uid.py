"""Calendar identities (RFC 5545 UID) of meetings and SISM events.

A meeting or an event gets a ``uid`` written into its record once, when clsm creates it:
moving or renaming it afterwards keeps its identity, so a calendar that imports the agenda
again updates the entry instead of duplicating it. The stored value is the identity the
entry would have had at creation (``reunion-2026-03-12-copil@clsm-de-valmont.clsm``), made
unique in the folder. Records written by hand, or by an older clsm, have no ``uid``: theirs
is derived the same way from what they are now (date, instance or title).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from clsm_cli.noyau.identifiants import slug

if TYPE_CHECKING:
    from clsm_cli.modeles.reunion import Reunion
    from clsm_cli.modeles.sism import Evenement
    from clsm_cli.stockage.projet import ProjetLu as Projet


def domaine(projet: Projet) -> str:
    """The right-hand side of every UID of a folder: ``clsm-de-valmont.clsm``."""
    return f"{slug(projet.nom)}.clsm"


def base_reunion(projet: Projet, jour: dt.date, instance: str) -> str:
    return f"reunion-{jour.isoformat()}-{instance.replace(':', '-')}@{domaine(projet)}"


def base_evenement(projet: Projet, annee: int, jour: dt.date, titre: str) -> str:
    return f"sism-{annee}-{jour.isoformat()}-{slug(titre)}@{domaine(projet)}"


def _unique(base: str, pris: set[str]) -> str:
    """``base``, or ``local-2@hote``, ``local-3@hote``… when taken."""
    local, _, hote = base.partition("@")
    candidat, n = base, 2
    while candidat in pris:
        candidat, n = f"{local}-{n}@{hote}", n + 1
    return candidat


def tous_les_uids(projet: Projet) -> tuple[dict[str, str], dict[tuple[str, int], str]]:
    """Every meeting's and event's UID. A stored ``uid`` wins once: a second record carrying
    the same one (a file copied to prepare the next meeting) gets a derived UID instead, and
    ``verifier`` warns about it (W303)."""
    hote = domaine(projet)
    stockes = {r.uid for r in projet.reunions.values() if r.uid} | {
        e.uid for s in projet.sism.values() for e in s.evenement if e.uid
    }
    deja: set[str] = set()
    pris = set(stockes)
    reunions: dict[str, str] = {}
    evenements: dict[tuple[str, int], str] = {}

    def attribuer(stocke: str | None, base: str) -> str:
        uid = stocke if stocke and stocke not in deja else _unique(base, pris)
        deja.add(uid)
        pris.add(uid)
        return uid

    for chemin, r in projet.reunions_triees():
        base = f"reunion-{r.date.isoformat()}-{r.instance.replace(':', '-')}@{hote}"
        reunions[chemin] = attribuer(r.uid, base)
    for chemin, sism in sorted(projet.sism.items(), key=lambda cs: cs[1].annee):
        for i, e in enumerate(sism.evenement):
            base = f"sism-{sism.annee}-{e.date.isoformat()}-{slug(e.titre)}@{hote}"
            evenements[chemin, i] = attribuer(e.uid, base)
    return reunions, evenements


def uids_reunions(projet: Projet) -> dict[str, str]:
    """The UID of every meeting, by file: stored, or derived from its date and instance."""
    return tous_les_uids(projet)[0]


def uids_evenements(projet: Projet) -> dict[tuple[str, int], str]:
    """The UID of every SISM event, by (file, index): stored, or derived from its year, date
    and title (``-2``, ``-3``… for namesakes)."""
    return tous_les_uids(projet)[1]


def uids_utilises(projet: Projet) -> set[str]:
    reunions, evenements = tous_les_uids(projet)
    stockes = {r.uid for r in projet.reunions.values() if r.uid} | {
        e.uid for s in projet.sism.values() for e in s.evenement if e.uid
    }
    return set(reunions.values()) | set(evenements.values()) | stockes


def uids_en_double(projet: Projet) -> list[tuple[str, list[str | int], str, str]]:
    """Records whose stored ``uid`` another record already carries: (file, path in the
    file, uid, file of the first one)."""
    premiers: dict[str, str] = {}
    doublons: list[tuple[str, list[str | int], str, str]] = []
    enregistrements: list[tuple[str, list[str | int], str | None]] = [
        (c, ["uid"], r.uid) for c, r in projet.reunions_triees()
    ]
    for chemin, sism in sorted(projet.sism.items(), key=lambda cs: cs[1].annee):
        enregistrements += [
            (chemin, ["evenement", i, "uid"], e.uid) for i, e in enumerate(sism.evenement)
        ]
    for chemin, position, uid in enregistrements:
        if not uid:
            continue
        if uid in premiers:
            doublons.append((chemin, position, uid, premiers[uid]))
        else:
            premiers[uid] = chemin
    return doublons


def nouvel_uid_reunion(projet: Projet, reunion: Reunion) -> str:
    """The UID to store in a meeting being created."""
    return _unique(base_reunion(projet, reunion.date, reunion.instance), uids_utilises(projet))


def nouvel_uid_evenement(projet: Projet, annee: int, evenement: Evenement) -> str:
    """The UID to store in a SISM event being created."""
    return _unique(
        base_evenement(projet, annee, evenement.date, evenement.titre), uids_utilises(projet)
    )
