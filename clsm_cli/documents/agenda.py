"""An RFC 5545 calendar (.ics) of the meetings and the SISM events (icalendar library).

UIDs are the ones stored in the records when clsm created them (see :mod:`noyau.uid`), or
derived for records without one, so that importing the file again updates the events instead
of duplicating them, even after a meeting or an event was moved or renamed. LAST-MODIFIED is
the time its file was last written; DTEND comes from ``heure_fin`` (else 2 hours).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from clsm_cli.documents import formats as F
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
    modifie: dt.datetime | None = None
    """When the entry's file was last written (LAST-MODIFIED), in UTC."""


def _moment(
    jour: dt.date, heure: str | None, duree: dt.timedelta, heure_fin: str | None = None
) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    """Start and end: timed in Europe/Paris when the hour is known (ending at ``heure_fin``,
    else after ``duree``), else a whole day."""
    if not heure:
        return jour, jour + dt.timedelta(days=1)
    from zoneinfo import ZoneInfo

    from clsm_cli.modeles.reunion import minutes

    minuit = dt.datetime(jour.year, jour.month, jour.day, tzinfo=ZoneInfo(FUSEAU))
    debut = minuit + dt.timedelta(minutes=minutes(heure))
    if heure_fin and minutes(heure_fin) > minutes(heure):
        return debut, minuit + dt.timedelta(minutes=minutes(heure_fin))
    return debut, debut + duree


def _modifie(projet: Projet, chemin: str) -> dt.datetime | None:
    """The file's modification time (UTC, whole seconds), or None when it cannot be read."""
    try:
        horodatage = (projet.racine / chemin).stat().st_mtime
    except OSError:
        return None
    return dt.datetime.fromtimestamp(int(horodatage), dt.UTC)


def entrees_agenda(projet: Projet, depuis: dt.date | None = None) -> list[Entree]:
    """Meetings and SISM events (from ``depuis`` on), sorted by start."""
    from clsm_cli.modeles import LIBELLES_TYPE_EVENEMENT, libelle_instance
    from clsm_cli.noyau.uid import tous_les_uids

    noms = projet.noms_groupes()
    uids_r, uids_e = tous_les_uids(projet)
    entrees = []
    for chemin, r in projet.reunions_triees():
        if depuis and r.date < depuis:
            continue
        debut, fin = _moment(r.date, r.heure, DUREE_REUNION, r.heure_fin)
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
                uid=uids_r[chemin],
                titre=f"CLSM — {libelle}",
                debut=debut,
                fin=fin,
                lieu=r.lieu,
                description="\n".join(description),
                categorie="Réunion CLSM",
                modifie=_modifie(projet, chemin),
            )
        )
    for chemin_sism, sism in sorted(projet.sism.items(), key=lambda cs: cs[1].annee):
        modifie = _modifie(projet, chemin_sism)
        for i, e in enumerate(sism.evenement):
            if depuis and e.date < depuis:
                continue
            debut, fin = _moment(e.date, e.heure, DUREE_EVENEMENT, e.heure_fin)
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
                    uid=uids_e[chemin_sism, i],
                    titre=f"SISM — {e.titre}",
                    debut=debut,
                    fin=fin,
                    lieu=lieu,
                    description="\n".join(description),
                    categorie="SISM",
                    modifie=modifie,
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
    return calendrier_ics(projet, entrees_agenda(projet, depuis), f"Agenda — {projet.nom}")


def calendrier_ics(projet: Projet, entrees: list[Entree], nom: str) -> bytes:
    """A calendar (METHOD:PUBLISH) of these entries."""
    import icalendar

    calendrier = icalendar.Calendar()
    calendrier.add("prodid", "-//clsm//Agenda du CLSM//FR")
    calendrier.add("version", "2.0")
    calendrier.add("calscale", "GREGORIAN")
    calendrier.add("method", "PUBLISH")
    calendrier.add("x-wr-calname", sans_controles(nom))
    calendrier.add("x-wr-timezone", FUSEAU)
    horodatage = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for entree in entrees:
        evenement = icalendar.Event()
        evenement.add("uid", entree.uid)
        evenement.add("dtstamp", horodatage)
        if entree.modifie:
            evenement.add("last-modified", entree.modifie)
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
