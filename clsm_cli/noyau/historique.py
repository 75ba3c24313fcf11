"""The council's history as figures: milestones, the latest diagnostic partagé, how the
plan's axes cover its priorities, and the links to the CLS and the PTSM.

Read-only: the bilan, the convention, the feuille de route
and ``clsm national`` use it; editing lives in :mod:`clsm_cli.noyau.diagnostic`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from clsm_cli.modeles.vocabulaires import cle_date, dernier_avant, dernier_jour, par_date
from clsm_cli.noyau.textes import date_fr, quand_fr

if TYPE_CHECKING:
    from clsm_cli.modeles.diagnostic import Diagnostic
    from clsm_cli.modeles.identite import Jalon
    from clsm_cli.stockage.projet import ProjetLu

AGE_RECENT_ANS = 5
"""A diagnostic is « récent » when made less than this many years ago (national figures)."""


def creation(projet: ProjetLu) -> dt.date | None:
    """When the council was created: ``date_creation``, else its « création » milestone."""
    if projet.identite is None:  # pragma: no cover - a loaded folder always has clsm.toml
        return None
    if projet.identite.date_creation is not None:
        return projet.identite.date_creation
    jalons = [j for j in jalons_tries(projet) if j.type == "creation"]
    return jalons[0].date if jalons else None


def texte_diagnostic(d: Diagnostic) -> str:
    """« réalisé en 2018 (ORS Centre-Val de Loire) », « réalisé en interne en 2021 »."""
    quand = quand_fr(d.date)
    par = (d.realise_par or "").strip()
    if par.casefold() == "en interne":
        return f"réalisé en interne {quand}"
    return f"réalisé {quand}" + (f" ({par})" if par else "")


def dernier_diagnostic(projet: ProjetLu, avant: dt.date | None = None) -> Diagnostic | None:
    """The latest diagnostic (made on or before ``avant`` when given)."""
    return dernier_avant(projet.diagnostics, avant)


def axes_de_la_priorite(projet: ProjetLu, ident: str) -> list[Any]:
    return [a for a in projet.plan.axe if ident in a.priorites]


def jalons_tries(projet: ProjetLu) -> list[Jalon]:
    """Milestones in time order (a year before its months), file order between equals."""
    jalons = projet.identite.jalon if projet.identite else []
    return par_date(jalons)


def libelle_jalon(jalon: Jalon) -> str:
    from clsm_cli.modeles.jalons import LIBELLES_TYPE_JALON

    return jalon.libelle or LIBELLES_TYPE_JALON[jalon.type]


# --- figures: timeline, coverage, links --------------------------------------------------------


@dataclass
class EtapeHistorique:
    date: dt.date
    date_texte: str
    type: str
    libelle: str


@dataclass
class PrioriteCouverte:
    id: str
    libelle: str
    axes: list[str]
    """Titles of the axes that answer the priority."""
    realisees: int
    en_cours: int
    prevues: int
    """Planned or postponed actions."""

    @property
    def sans_action(self) -> bool:
        return self.realisees + self.en_cours + self.prevues == 0


@dataclass
class DiagnosticResume:
    id: str
    date: dt.date
    date_texte: str
    intitule: str | None
    realise_par: str | None
    methode: list[str]
    sources: list[str]
    constats: list[str]
    priorites: list[tuple[str, str]]


@dataclass
class Liens:
    cls_nom: str | None = None
    cls_periode: str | None = None
    cls_fiche_action: str | None = None
    ptsm_nom: str | None = None
    ptsm_periode: str | None = None

    @property
    def cls(self) -> bool:
        return bool(self.cls_nom or self.cls_fiche_action)

    @property
    def ptsm(self) -> bool:
        return bool(self.ptsm_nom)


@dataclass
class Historique:
    etapes: list[EtapeHistorique] = field(default_factory=list)
    diagnostic: DiagnosticResume | None = None
    couverture: list[PrioriteCouverte] = field(default_factory=list)
    liens: Liens = field(default_factory=Liens)

    @property
    def priorites_sans_action(self) -> list[str]:
        return [p.libelle for p in self.couverture if p.sans_action]


def periode_annees(debut: int | None, fin: int | None) -> str | None:
    """« 2023-2027 », « depuis 2023 », « jusqu'en 2027 »."""
    if debut and fin:
        return f"{debut}-{fin}"
    if debut:
        return f"depuis {debut}"
    if fin:
        return f"jusqu'en {fin}"
    return None


def liens(projet: ProjetLu) -> Liens:
    i = projet.identite
    if i is None:  # pragma: no cover - a loaded folder always has clsm.toml
        return Liens()
    return Liens(
        cls_nom=i.cls.nom,
        cls_periode=periode_annees(i.cls.debut, i.cls.fin),
        cls_fiche_action=i.cls.fiche_action,
        ptsm_nom=i.ptsm.nom,
        ptsm_periode=periode_annees(i.ptsm.debut, i.ptsm.fin),
    )


def texte_cls(liens_: Liens) -> str | None:
    """« Contrat local de santé de X (2023-2027), fiche action n° 4.2 »."""
    if not liens_.cls:
        return None
    texte = liens_.cls_nom or "Contrat local de santé"
    if liens_.cls_periode:
        texte += f" ({liens_.cls_periode})"
    if liens_.cls_fiche_action:
        texte += f", fiche action n° {liens_.cls_fiche_action}"
    return texte


def texte_ptsm(liens_: Liens) -> str | None:
    if not liens_.ptsm:
        return None
    return f"{liens_.ptsm_nom} ({liens_.ptsm_periode})" if liens_.ptsm_periode else liens_.ptsm_nom


def resumer_diagnostic(d: Diagnostic) -> DiagnosticResume:
    return DiagnosticResume(
        id=d.id,
        date=d.date,
        date_texte=date_fr(d.date),
        intitule=d.intitule,
        realise_par=d.realise_par,
        methode=list(d.methode),
        sources=list(d.sources),
        constats=list(d.constats),
        priorites=[(p.id, p.libelle) for p in d.priorite],
    )


def etapes(projet: ProjetLu) -> list[EtapeHistorique]:
    """Milestones, plus each diagnostic that no « diagnostic » milestone of its year records."""
    resultat = [
        EtapeHistorique(j.date, date_fr(j.date), j.type.value, libelle_jalon(j))
        for j in jalons_tries(projet)
    ]
    annees = {e.date.year for e in resultat if e.type == "diagnostic"}
    for d in par_date(projet.diagnostics):
        if d.date.year in annees:
            continue
        par = f" ({d.realise_par})" if d.realise_par else ""
        texte = date_fr(d.date)
        resultat.append(EtapeHistorique(d.date, texte, "diagnostic", f"Diagnostic partagé{par}"))
    return sorted(resultat, key=lambda e: cle_date(e.date))


def couverture(projet: ProjetLu, diagnostic: Diagnostic | None = None) -> list[PrioriteCouverte]:
    """Priority → axes → actions (réalisées, en cours, prévues) for the latest diagnostic."""
    diagnostic = diagnostic or dernier_diagnostic(projet)
    if diagnostic is None:
        return []
    lignes = []
    for p in diagnostic.priorite:
        axes = axes_de_la_priorite(projet, p.id)
        ids = {a.id for a in axes}
        actions = [a for a in projet.actions if a.axe in ids]
        lignes.append(
            PrioriteCouverte(
                id=p.id,
                libelle=p.libelle,
                axes=[a.intitule for a in axes],
                realisees=sum(1 for a in actions if a.statut == "realisee"),
                en_cours=sum(1 for a in actions if a.statut == "en_cours"),
                prevues=sum(1 for a in actions if a.statut in ("prevue", "reportee")),
            )
        )
    return lignes


def historique(projet: ProjetLu) -> Historique:
    dernier = dernier_diagnostic(projet)
    return Historique(
        etapes=etapes(projet),
        diagnostic=resumer_diagnostic(dernier) if dernier else None,
        couverture=couverture(projet, dernier),
        liens=liens(projet),
    )


def diagnostic_recent(projet: ProjetLu, jour: dt.date) -> bool:
    """True when the latest diagnostic was made less than five years before ``jour``."""
    dernier = dernier_diagnostic(projet, jour)
    if dernier is None:
        return False
    try:
        limite = jour.replace(year=jour.year - AGE_RECENT_ANS)
    except ValueError:  # 29 February
        limite = jour.replace(year=jour.year - AGE_RECENT_ANS, day=28)
    return dernier_jour(dernier.date) > limite


# --- feuille de route --------------------------------------------------------------------------


@dataclass
class ActionFeuille:
    intitule: str
    pilote: str | None
    echeance: dt.date | None
    statut: str
    """French label of the status."""


@dataclass
class AxeFeuille:
    numero: int
    id: str
    intitule: str
    priorites: list[str]
    """Labels of the priorities the axis answers (identifiers when unknown)."""
    actions: list[ActionFeuille]


@dataclass
class FeuilleDeRoute:
    clsm: str
    periode_debut: dt.date | None
    periode_fin: dt.date | None
    diagnostic: str | None
    """« réalisé en 2018 (ORS Centre-Val de Loire) »."""
    priorites: list[str]
    axes: list[AxeFeuille]
    priorites_sans_axe: list[str]
    date_edition: dt.date


def feuille_de_route(projet: ProjetLu) -> FeuilleDeRoute:
    """Priorities of the latest diagnostic, then each axis with its actions (pilote, échéance,
    statut), in the plan's order."""
    from clsm_cli.modeles.communs import LIBELLES_STATUT_ACTION

    dernier = dernier_diagnostic(projet)
    libelles = {p.id: p.libelle for d in projet.diagnostics for p in d.priorite}
    axes = []
    for n, axe in enumerate(projet.plan.axe, start=1):
        actions = []
        for a in projet.actions:
            if a.axe != axe.id:
                continue
            pilote = projet.membres_par_id.get(a.pilote or "")
            actions.append(
                ActionFeuille(
                    a.intitule,
                    pilote.libelle if pilote else a.pilote,
                    a.fin,
                    LIBELLES_STATUT_ACTION[a.statut],
                )
            )
        axes.append(
            AxeFeuille(
                n, axe.id, axe.intitule, [libelles.get(p, p) for p in axe.priorites], actions
            )
        )
    repondues = {p for axe in projet.plan.axe for p in axe.priorites}
    periode = projet.plan.periode
    return FeuilleDeRoute(
        clsm=projet.nom,
        periode_debut=periode.debut if periode else None,
        periode_fin=periode.fin if periode else None,
        diagnostic=texte_diagnostic(dernier) if dernier else None,
        priorites=[p.libelle for p in dernier.priorite] if dernier else [],
        axes=axes,
        priorites_sans_axe=[
            p.libelle for p in (dernier.priorite if dernier else []) if p.id not in repondues
        ],
        date_edition=projet.aujourdhui(),
    )
