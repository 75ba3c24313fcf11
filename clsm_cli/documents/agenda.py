"""An RFC 5545 calendar (.ics) of the meetings and the SISM events (icalendar library).

UIDs are derived from what identifies an entry in the folder — a meeting's date and
instance (its file name), a SISM event's year, date and title — and from the CLSM's name, so
that importing the file again updates the events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from clsm_cli.documents import formats as F
from clsm_cli.noyau.identifiants import slug
from clsm_cli.noyau.textes import sans_controles

if TYPE_CHECKING:
    from clsm_cli.noyau.projet import Projet

FUSEAU = "Europe/Paris"
DUREE_REUNION = dt.timedelta(hours=2)
DUREE_EVENEMENT = dt.timedelta(hours=2)


@dataclass
class Entree:
    uid: str
    titre: str
    debut: dt.date | dt.datetime
    fin: dt.date | dt.datetime
    lieu: str | None
    description: str
    categorie: str


def _moment(
    jour: dt.date, heure: str | None, duree: dt.timedelta
) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    """Start and end: timed in Europe/Paris when the hour is known, else a whole day."""
    if not heure:
        return jour, jour + dt.timedelta(days=1)
    from zoneinfo import ZoneInfo

    h, _, m = heure.replace("h", ":").partition(":")
    debut = dt.datetime(
        jour.year, jour.month, jour.day, int(h), int(m or 0), tzinfo=ZoneInfo(FUSEAU)
    )
    return debut, debut + duree


def entrees_agenda(projet: Projet, depuis: dt.date | None = None) -> list[Entree]:
    """Meetings and SISM events (from ``depuis`` on), sorted by start."""
    from clsm_cli.modeles import LIBELLES_TYPE_EVENEMENT, libelle_instance

    domaine = f"{slug(projet.nom)}.clsm"
    noms = projet.noms_groupes()
    entrees = []
    for _, r in projet.reunions_triees():
        if depuis and r.date < depuis:
            continue
        debut, fin = _moment(r.date, r.heure, DUREE_REUNION)
        libelle = libelle_instance(r.instance, noms)
        description = [f"{projet.nom} — {libelle}"]
        if r.ordre_du_jour:
            description += [
                "",
                "Ordre du jour :",
                *[f"{n}. {x}" for n, x in enumerate(r.ordre_du_jour, start=1)],
            ]
        entrees.append(
            Entree(
                uid=f"reunion-{r.date.isoformat()}-{r.instance.replace(':', '-')}@{domaine}",
                titre=f"CLSM — {libelle}",
                debut=debut,
                fin=fin,
                lieu=r.lieu,
                description="\n".join(description),
                categorie="Réunion CLSM",
            )
        )
    for sism in sorted(projet.sism.values(), key=lambda s: s.annee):
        vus: dict[str, int] = {}
        for e in sism.evenement:
            if depuis and e.date < depuis:
                continue
            base = f"sism-{sism.annee}-{e.date.isoformat()}-{slug(e.titre)}"
            vus[base] = vus.get(base, 0) + 1
            uid = base if vus[base] == 1 else f"{base}-{vus[base]}"
            debut, fin = _moment(e.date, e.heure, DUREE_EVENEMENT)
            lieu = ", ".join(x for x in (e.lieu, e.commune) if x) or (
                "En ligne" if e.en_ligne else None
            )
            description = [
                f"SISM {sism.annee} — « {sism.theme} »",
                LIBELLES_TYPE_EVENEMENT[e.type.value],
            ]
            if e.public:
                description.append(f"Public : {e.public}")
            if e.organisateurs:
                description.append(f"Organisation : {F.liste(list(e.organisateurs))}")
            if e.inscription:
                description.append(f"Inscription : {e.inscription}")
            if e.description:
                description += ["", e.description]
            entrees.append(
                Entree(
                    uid=f"{uid}@{domaine}",
                    titre=f"SISM — {e.titre}",
                    debut=debut,
                    fin=fin,
                    lieu=lieu,
                    description="\n".join(description),
                    categorie="SISM",
                )
            )
    entrees.sort(key=lambda x: (_cle_tri(x.debut), x.uid))
    return entrees


def _cle_tri(moment: dt.date | dt.datetime) -> dt.datetime:
    if isinstance(moment, dt.datetime):
        return moment.replace(tzinfo=None)
    return dt.datetime(moment.year, moment.month, moment.day)


def agenda_ics(projet: Projet, depuis: dt.date | None = None) -> bytes:
    """The .ics bytes (UTF-8, CRLF line ends, folded lines: done by icalendar)."""
    import icalendar

    calendrier = icalendar.Calendar()
    calendrier.add("prodid", "-//clsm//Agenda du CLSM//FR")
    calendrier.add("version", "2.0")
    calendrier.add("calscale", "GREGORIAN")
    calendrier.add("method", "PUBLISH")
    calendrier.add("x-wr-calname", sans_controles(f"Agenda — {projet.nom}"))
    calendrier.add("x-wr-timezone", FUSEAU)
    horodatage = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for entree in entrees_agenda(projet, depuis):
        evenement = icalendar.Event()
        evenement.add("uid", entree.uid)
        evenement.add("dtstamp", horodatage)
        evenement.add("summary", sans_controles(entree.titre))
        evenement.add("dtstart", entree.debut)
        evenement.add("dtend", entree.fin)
        if entree.lieu:
            evenement.add("location", sans_controles(entree.lieu))
        evenement.add("description", sans_controles(entree.description))
        evenement.add("categories", [entree.categorie])
        evenement.add("transp", "OPAQUE")
        calendrier.add_component(evenement)
    calendrier.add_missing_timezones()
    return calendrier.to_ical()
