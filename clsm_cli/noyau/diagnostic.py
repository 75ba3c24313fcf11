"""The council's history: diagnostics partagés and their priorities (``diagnostic.toml``),
milestones (``[[jalon]]`` of clsm.toml), and how the plan's axes answer the priorities.

No click here: the library behind ``clsm diagnostic`` and ``clsm jalon``, and the figures of
the bilan's « Historique et diagnostic » section, the convention's préambule and the feuille de
route.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from clsm_cli.modeles.diagnostic import (
    annee_de,
    cle_date,
    dernier_jour,
    premier_jour,
)
from clsm_cli.modeles.erreurs import ErreurSaisie, Introuvable
from clsm_cli.noyau.identifiants import id_unique, slug
from clsm_cli.noyau.saisie import proche, valider_modele
from clsm_cli.noyau.textes import MOIS, date_fr

if TYPE_CHECKING:
    from clsm_cli.modeles.diagnostic import Diagnostic, Priorite
    from clsm_cli.modeles.identite import Jalon
    from clsm_cli.stockage.projet import ProjetLu

DIAGNOSTIC = "diagnostic.toml"
CLSM = "clsm.toml"
EN_INTERNE = "en interne"
AGE_RECENT_ANS = 5
"""A diagnostic is « récent » when made less than this many years ago (national figures)."""

OPTIONS_DIAGNOSTIC = {
    "id": "--id",
    "date": "--date",
    "intitule": "--intitule",
    "realise_par": "--realise-par",
    "methode": "--methode",
    "sources": "--source",
    "constats": "--constat",
}
CHAMPS_DIAGNOSTIC = ["id", "date", "intitule", "realise_par", "methode", "sources", "constats"]
MOTS_VIDES = frozenset(
    "a au aux d de des du en et l la le les leur leurs pour par sur un une dans avec".split()
)
TYPES_JALON = [
    "creation",
    "diagnostic",
    "convention_signee",
    "renouvellement",
    "bilan_intermediaire",
    "evaluation",
    "autre",
]


# --- imprecise dates for people --------------------------------------------------------------


def date_imprecise_fr(valeur: dt.date | str) -> str:
    """« 2018 », « juin 2018 », « 12 juin 2018 »."""
    if isinstance(valeur, dt.date):
        return date_fr(valeur)
    annee, _, mois = valeur.partition("-")
    return f"{MOIS[int(mois) - 1]} {annee}" if mois else annee


def en_date_imprecise(texte: str | dt.date | None, option: str) -> dt.date | str | None:
    """A date typed on the command line: AAAA, AAAA-MM or AAAA-MM-JJ (error naming
    ``option`` otherwise)."""
    import re

    from clsm_cli.modeles.diagnostic import MOTIF_DATE_IMPRECISE

    if texte is None or isinstance(texte, dt.date):
        return texte
    brut = texte.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", brut):
        try:
            return dt.date.fromisoformat(brut)
        except ValueError:
            pass
    elif re.fullmatch(MOTIF_DATE_IMPRECISE, brut):
        return brut
    raise ErreurSaisie(
        f"Date invalide pour {option} : « {texte} » (forme attendue : AAAA, AAAA-MM ou "
        "AAAA-MM-JJ, par exemple 2018, 2018-06 ou 2018-06-12)."
    )


# --- lookups ---------------------------------------------------------------------------------


def diagnostics_tries(projet: ProjetLu) -> list[Diagnostic]:
    """Diagnostics from the oldest to the latest (file order between equal dates)."""
    return projet.fichier_diagnostic.tries()


def dernier_diagnostic(projet: ProjetLu, avant: dt.date | None = None) -> Diagnostic | None:
    """The latest diagnostic (made on or before ``avant`` when given)."""
    return projet.fichier_diagnostic.dernier(avant)


def trouver_diagnostic(projet: ProjetLu, ident: str) -> Diagnostic:
    for d in projet.diagnostics:
        if d.id == ident:
            return d
    connus = [d.id for d in projet.diagnostics]
    liste = ", ".join(connus) or "aucun, ajoutez-en un avec « clsm diagnostic ajouter »"
    raise Introuvable(
        f"Aucun diagnostic d'identifiant « {ident} » (diagnostics : {liste}).{proche(ident, connus)}"
    )


def priorites_connues(projet: ProjetLu) -> dict[str, tuple[Diagnostic, Priorite]]:
    return {p.id: (d, p) for d in projet.diagnostics for p in d.priorite}


def trouver_priorite(projet: ProjetLu, ident: str, option: str | None = None) -> Priorite:
    connues = priorites_connues(projet)
    if ident in connues:
        return connues[ident][1]
    liste = ", ".join(connues) or "aucune, ajoutez-en avec « clsm diagnostic priorite ajouter »"
    debut = f"{option} : priorité inconnue" if option else "Aucune priorité d'identifiant"
    message = f"{debut} « {ident} » (priorités : {liste}).{proche(ident, connues)}"
    raise (ErreurSaisie if option else Introuvable)(message)


def axes_de_la_priorite(projet: ProjetLu, ident: str) -> list[Any]:
    return [a for a in projet.plan.axe if ident in a.priorites]


def libelle_realise_par(diagnostic: Diagnostic) -> str:
    return diagnostic.realise_par or "non renseigné"


def fiche_diagnostic(projet: ProjetLu, d: Diagnostic) -> list[tuple[str, str]]:
    """A diagnostic for people: (label, text) lines."""
    lignes = [
        ("Identifiant", d.id),
        ("Date", date_imprecise_fr(d.date)),
        ("Intitulé", d.intitule or "—"),
        ("Réalisé par", d.realise_par or "—"),
        ("Méthode", ", ".join(d.methode) or "—"),
        ("Sources", ", ".join(d.sources) or "—"),
    ]
    lignes += [(f"Constat {n}", c) for n, c in enumerate(d.constats, start=1)]
    for p in d.priorite:
        axes = ", ".join(a.id for a in axes_de_la_priorite(projet, p.id)) or "aucun axe"
        lignes.append((f"Priorité {p.id}", f"{p.libelle} (axes : {axes})"))
    return lignes


# --- editing diagnostic.toml -----------------------------------------------------------------


def _verifier_priorites_libres(projet: ProjetLu, diagnostic: Diagnostic) -> None:
    connues = priorites_connues(projet)
    for p in diagnostic.priorite:
        if p.id in connues and connues[p.id][0].id != diagnostic.id:
            raise ErreurSaisie(f"--id : la priorité « {p.id} » existe déjà.")


def ajouter_diagnostic(
    projet: ProjetLu, champs: dict[str, Any], priorites: Sequence[str] = ()
) -> Diagnostic:
    """Append a diagnostic (``id`` computed from its year when absent), with priorities
    given by their labels (identifiers computed from them)."""
    from clsm_cli.modeles.diagnostic import Diagnostic
    from clsm_cli.stockage.ecriture import ajouter_enregistrement, en_donnees

    existants = [d.id for d in projet.diagnostics]
    ident = champs.get("id")
    if ident is not None and ident in existants:
        raise ErreurSaisie(f"--id : le diagnostic « {ident} » existe déjà.")
    donnees = {k: v for k, v in champs.items() if v is not None and v != []}
    if ident is None and donnees.get("date") is not None:
        donnees["id"] = id_unique(f"diagnostic-{annee_de(donnees['date'])}", existants)
    pris = list(priorites_connues(projet))
    if priorites:
        donnees["priorite"] = []
        for libelle in priorites:
            pris.append(id_de_priorite(libelle, pris))
            donnees["priorite"].append({"id": pris[-1], "libelle": libelle})
    diagnostic: Diagnostic = valider_modele(Diagnostic, donnees, OPTIONS_DIAGNOSTIC)
    with projet.edition() as ed:  # type: ignore[attr-defined]
        ajouter_enregistrement(ed.document(DIAGNOSTIC), "diagnostic", en_donnees(diagnostic))
    return diagnostic


def _indice(doc: Any, ident: str) -> int:
    from clsm_cli.stockage.ecriture import trouver_enregistrement

    try:
        return trouver_enregistrement(doc, "diagnostic", "id", ident)[0]
    except KeyError:
        raise Introuvable(
            f"Le diagnostic « {ident} » a disparu de {DIAGNOSTIC} ; relancez la commande."
        ) from None


def modifier_diagnostic(
    projet: ProjetLu, ident: str, champs: dict[str, Any], effacer: Sequence[str] = ()
) -> tuple[Diagnostic, bool]:
    """Set the given fields (None: unchanged) and clear those in ``effacer``."""
    from clsm_cli.modeles.diagnostic import Diagnostic
    from clsm_cli.stockage.ecriture import modifier_champs

    avant = trouver_diagnostic(projet, ident)
    changements = {k: v for k, v in champs.items() if v is not None}
    changements.update({k: None for k in effacer})
    donnees = {**avant.model_dump(), **changements}
    donnees = {k: v for k, v in donnees.items() if v is not None}
    apres: Diagnostic = valider_modele(Diagnostic, donnees, OPTIONS_DIAGNOSTIC)
    if apres == avant:
        return apres, False
    with projet.edition() as ed:  # type: ignore[attr-defined]
        doc = ed.document(DIAGNOSTIC)
        modifier_champs(doc["diagnostic"][_indice(doc, ident)], changements, CHAMPS_DIAGNOSTIC)
    return apres, True


def refuser_si_cite(projet: ProjetLu, priorites: Sequence[str], quoi: str) -> None:
    citations = [
        (p, a) for p in priorites for a in projet.plan.axe if p in a.priorites
    ]
    if citations:
        lignes = "\n".join(f"  axe « {a.id} » : priorité « {p} »" for p, a in citations)
        raise ErreurSaisie(
            f"{quoi} : des axes du plan y répondent ; retirez d'abord la priorité de ces axes "
            f"(clsm plan axe modifier AXE --priorite …) :\n{lignes}"
        )


def retirer_diagnostic(projet: ProjetLu, ident: str) -> Diagnostic:
    from clsm_cli.stockage.ecriture import supprimer_enregistrement

    diagnostic = trouver_diagnostic(projet, ident)
    refuser_si_cite(
        projet, [p.id for p in diagnostic.priorite], f"Le diagnostic « {ident} » est utilisé"
    )
    with projet.edition() as ed:  # type: ignore[attr-defined]
        doc = ed.document(DIAGNOSTIC)
        ed.remplacer(DIAGNOSTIC, supprimer_enregistrement(doc, "diagnostic", _indice(doc, ident)))
    return diagnostic


def id_de_priorite(libelle: str, existants: Sequence[str]) -> str:
    """The first three meaningful words of the label as a slug (« Accès aux soins des
    jeunes » → ``acces-soins-jeunes``), made unique."""
    mots = [m for m in slug(libelle).split("-") if m not in MOTS_VIDES] or slug(libelle).split("-")
    base = "-".join(mots[:3])[:40].rstrip("-") or "priorite"
    return id_unique(base, existants)


def ajouter_priorite(
    projet: ProjetLu, diagnostic: str, libelle: str, ident: str | None = None
) -> Priorite:
    from clsm_cli.modeles.diagnostic import Priorite
    from clsm_cli.stockage.ecriture import ajouter_enregistrement, en_donnees

    trouver_diagnostic(projet, diagnostic)
    connues = priorites_connues(projet)
    if ident is not None and ident in connues:
        raise ErreurSaisie(f"--id : la priorité « {ident} » existe déjà.")
    donnees = {"id": ident or id_de_priorite(libelle, list(connues)), "libelle": libelle}
    priorite: Priorite = valider_modele(Priorite, donnees, {"id": "--id", "libelle": "--libelle"})
    with projet.edition() as ed:  # type: ignore[attr-defined]
        doc = ed.document(DIAGNOSTIC)
        table = doc["diagnostic"][_indice(doc, diagnostic)]
        ajouter_enregistrement(table, "priorite", en_donnees(priorite))
    return priorite


def _ou_est_la_priorite(doc: Any, ident: str) -> tuple[Any, int]:
    for table in doc.get("diagnostic", []):
        for j, p in enumerate(table.get("priorite", [])):
            if p.get("id") == ident:
                return table, j
    raise Introuvable(f"La priorité « {ident} » a disparu de {DIAGNOSTIC} ; relancez la commande.")


def modifier_priorite(projet: ProjetLu, ident: str, libelle: str) -> tuple[Priorite, bool]:
    from clsm_cli.modeles.diagnostic import Priorite
    from clsm_cli.stockage.ecriture import modifier_champs

    avant = trouver_priorite(projet, ident)
    apres: Priorite = valider_modele(
        Priorite, {"id": ident, "libelle": libelle}, {"libelle": "--libelle"}
    )
    if apres == avant:
        return apres, False
    with projet.edition() as ed:  # type: ignore[attr-defined]
        table, j = _ou_est_la_priorite(ed.document(DIAGNOSTIC), ident)
        modifier_champs(table["priorite"][j], {"libelle": libelle}, ["id", "libelle"])
    return apres, True


def retirer_priorite(projet: ProjetLu, ident: str) -> Priorite:
    priorite = trouver_priorite(projet, ident)
    refuser_si_cite(projet, [ident], f"La priorité « {ident} » est utilisée")
    with projet.edition() as ed:  # type: ignore[attr-defined]
        table, j = _ou_est_la_priorite(ed.document(DIAGNOSTIC), ident)
        if len(table["priorite"]) == 1:
            del table["priorite"]
        else:
            del table["priorite"][j]
    return priorite


# --- milestones ------------------------------------------------------------------------------


def jalons_tries(projet: ProjetLu) -> list[Jalon]:
    """Milestones in time order (a year before its months), file order between equals."""
    jalons = projet.identite.jalon if projet.identite else []
    return sorted(jalons, key=lambda j: cle_date(j.date))


def libelle_jalon(jalon: Jalon) -> str:
    from clsm_cli.modeles.identite import LIBELLES_TYPE_JALON

    return jalon.libelle or LIBELLES_TYPE_JALON[jalon.type]


def ajouter_jalon(
    projet: ProjetLu, date: dt.date | str, type: str, libelle: str | None = None
) -> Jalon:
    from clsm_cli.modeles.identite import Jalon
    from clsm_cli.stockage.ecriture import ajouter_enregistrement, en_donnees

    donnees = {"date": date, "type": type, "libelle": libelle or None}
    jalon: Jalon = valider_modele(
        Jalon,
        {k: v for k, v in donnees.items() if v is not None},
        {"date": "--date", "type": "--type", "libelle": "--libelle"},
    )
    with projet.edition() as ed:  # type: ignore[attr-defined]
        ajouter_enregistrement(ed.document(CLSM), "jalon", en_donnees(jalon))
    return jalon


def retirer_jalon(projet: ProjetLu, numero: int) -> Jalon:
    """Remove the milestone shown as ``numero`` (1, 2…) by ``clsm jalon liste``."""
    from clsm_cli.stockage.ecriture import en_donnees, supprimer_enregistrement

    tries = jalons_tries(projet)
    if not 1 <= numero <= len(tries):
        raise Introuvable(
            f"Aucun jalon n° {numero} : la liste en compte {len(tries)} (voir « clsm jalon "
            "liste »)."
        )
    jalon = tries[numero - 1]
    attendu = en_donnees(jalon)
    with projet.edition() as ed:  # type: ignore[attr-defined]
        doc = ed.document(CLSM)
        for i, table in enumerate(doc.get("jalon", [])):
            if en_donnees(_jalon_de(table.unwrap())) == attendu:
                ed.remplacer(CLSM, supprimer_enregistrement(doc, "jalon", i))
                return jalon
    raise Introuvable(f"Ce jalon a disparu de {CLSM} ; relancez la commande.")


def _jalon_de(donnees: dict[str, Any]) -> Any:
    from clsm_cli.modeles.identite import Jalon

    return Jalon.model_validate(donnees)


# --- figures: timeline, coverage, links --------------------------------------------------------


@dataclass
class EtapeHistorique:
    date: dt.date | str
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
    date: dt.date | str
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


def texte_cls(l: Liens) -> str | None:
    """« Contrat local de santé de X (2023-2027), fiche action n° 4.2 »."""
    if not l.cls:
        return None
    texte = l.cls_nom or "Contrat local de santé"
    if l.cls_periode:
        texte += f" ({l.cls_periode})"
    if l.cls_fiche_action:
        texte += f", fiche action n° {l.cls_fiche_action}"
    return texte


def texte_ptsm(l: Liens) -> str | None:
    if not l.ptsm:
        return None
    return f"{l.ptsm_nom} ({l.ptsm_periode})" if l.ptsm_periode else l.ptsm_nom


def resumer_diagnostic(d: Diagnostic) -> DiagnosticResume:
    return DiagnosticResume(
        id=d.id,
        date=d.date,
        date_texte=date_imprecise_fr(d.date),
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
        EtapeHistorique(j.date, date_imprecise_fr(j.date), j.type.value, libelle_jalon(j))
        for j in jalons_tries(projet)
    ]
    annees = {annee_de(e.date) for e in resultat if e.type == "diagnostic"}
    for d in diagnostics_tries(projet):
        if annee_de(d.date) in annees:
            continue
        par = f" ({d.realise_par})" if d.realise_par else ""
        resultat.append(
            EtapeHistorique(d.date, date_imprecise_fr(d.date), "diagnostic", f"Diagnostic partagé{par}")
        )
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
