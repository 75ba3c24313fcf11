"""The annual bilan, computed once as typed data (no rendering here).

``calculer_bilan(projet, 2025)`` returns a :class:`Bilan`; the .docx, the .xlsx and
``clsm bilan --format json`` are all rendered from it, so that a figure is counted in one place.

Definitions (shown in the documents too):

- a meeting is *tenue* when it is dated in the year and not after today; later ones of the
  year are *programmées* and appear in the perspectives;
- *convoqués* of a meeting: members active on that day who sit in the instance (``instances``
  of the member, or ``membres`` of the working group); the attendance rate is the share of
  convoqués present; free names in ``presents`` count as participants, not in the rate;
- members of the year: active on 31 December of the year (or today for the current year);
- an action belongs to the year when its period (action dates, else the plan's period)
  meets the year, or when it has a réalisation dated in the year;
- cellule figures are aggregates only, masked below the folder's ``seuil_masquage``
  (:mod:`clsm_cli.cellule.masquage`); yearly tallies kept by ``clsm cellule purger`` in
  ``cellule/archives.toml`` are added to the live counts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from clsm_cli.modeles import (
    LIBELLES_COLLEGE,
    LIBELLES_STATUT_ACTION,
    LIBELLES_TYPE_ACTION,
    LIBELLES_TYPE_EVENEMENT,
    libelle_instance,
)
from clsm_cli.noyau.historique import Historique, historique, liens, texte_cls, texte_ptsm
from clsm_cli.noyau.textes import date_fr

if TYPE_CHECKING:
    from clsm_cli.modeles import Action, Membre, Reunion
    from clsm_cli.stockage.projet import ProjetLu

ORDRE_INSTANCES = ("pleniere", "copil", "comite_technique")
STATUTS_A_VENIR = ("prevue", "en_cours", "reportee")


# --- the typed result ------------------------------------------------------------------------


@dataclass
class Presentation:
    nom: str
    territoire: str | None
    communes: list[str]
    population: int | None
    qpv: list[str]
    date_creation: dt.date | None
    porteur: str | None
    presidence: str | None
    co_animation: str | None
    coordination: str | None
    etp_coordination: float | None
    convention_debut: dt.date | None
    convention_fin: dt.date | None
    cls: str | None = None
    """« Contrat local de santé de X (2023-2027), fiche action n° 4.2 »."""
    ptsm: str | None = None


@dataclass
class ReunionBilan:
    fichier: str
    date: dt.date
    instance: str
    libelle: str
    lieu: str | None
    participants: int
    """Everyone listed present (members and free names)."""
    excuses: int
    convoques: int
    presents_convoques: int
    taux_presence: float | None
    """Share (0–1) of convoqués present; None when nobody is convoqué."""
    decisions: int


@dataclass
class InstanceBilan:
    instance: str
    libelle: str
    nombre: int
    dates: list[dt.date]


@dataclass
class PresenceCollege:
    college: str
    libelle: str
    convocations: int
    presences: int
    taux: float | None


@dataclass
class SuiviBilan:
    quoi: str
    qui: str | None
    echeance: dt.date | None
    date_reunion: dt.date
    instance: str


@dataclass
class Gouvernance:
    reunions: list[ReunionBilan]
    par_instance: list[InstanceBilan]
    presence_par_college: list[PresenceCollege]
    taux_presence: float | None
    """Over every meeting of the year: convoqués present / convoqués."""
    decisions: int
    suivis_ouverts: list[SuiviBilan]


@dataclass
class CompteCollege:
    college: str
    libelle: str
    nombre: int


@dataclass
class MouvementMembre:
    membre: str
    libelle: str
    college: str
    date: dt.date


@dataclass
class MembresBilan:
    au: dt.date
    total: int
    par_college: list[CompteCollege]
    arrivees: list[MouvementMembre]
    departs: list[MouvementMembre]
    structures: list[str]


@dataclass
class IndicateurBilan:
    libelle: str
    cible: float | None
    realise: float | None
    unite: str | None
    pourcentage: float | None
    """realise / cible (1.0 = 100 %), None without a positive cible or a realise."""


@dataclass
class RealisationBilan:
    date: dt.date
    libelle: str
    participants: int | None


@dataclass
class ActionBilan:
    id: str
    intitule: str
    type: str
    type_libelle: str
    statut: str
    statut_libelle: str
    pilote: str | None
    qpv: list[str]
    """Names of the QPV reached (``["oui"]`` when the action says only ``qpv = true``)."""
    indicateurs: list[IndicateurBilan]
    realisations: list[RealisationBilan]
    participants: int | None
    """Participants of the réalisations whose count is known; None when none is known."""
    participants_inconnus: int = 0
    """Réalisations of the year whose participants were not entered."""


@dataclass
class CompteStatut:
    statut: str
    libelle: str
    nombre: int


@dataclass
class AxeBilan:
    id: str
    intitule: str
    actions: list[ActionBilan]
    par_statut: list[CompteStatut]


@dataclass
class PlanBilan:
    periode_debut: dt.date | None
    periode_fin: dt.date | None
    actions: int
    par_statut: list[CompteStatut]
    axes: list[AxeBilan]
    actions_qpv: list[str]
    realisations: int
    participants: int | None
    participants_inconnus: int = 0
    """Réalisations whose participants were not entered (left out of ``participants``)."""


@dataclass
class EvenementBilan:
    date: dt.date
    heure: str | None
    titre: str
    type: str
    type_libelle: str
    lieu: str | None
    commune: str | None
    qpv: str | None
    participants: int | None
    organisateurs: list[str]
    partenaires: list[str]
    en_ligne: bool
    fin: dt.date | None = None
    heure_fin: str | None = None


@dataclass
class TypeEvenementBilan:
    type: str
    libelle: str
    nombre: int
    participants: int | None


@dataclass
class SismAnnee:
    annee: int
    theme: str
    evenements: int | None
    participants: int | None
    partenaires: int | None = None


@dataclass
class SismBilan:
    annee: int
    programme: bool
    """False when the folder holds no SISM for the year."""
    theme: str | None
    debut: dt.date | None
    fin: dt.date | None
    evenements: list[EvenementBilan]
    par_type: list[TypeEvenementBilan]
    participants: int | None
    """None when unknown (no event with a count and no declared total)."""
    partenaires: list[str]
    communes: list[str]
    qpv: list[str]
    evenements_qpv: int
    historique: list[SismAnnee]
    participants_inconnus: int = 0
    """Events whose participants were not entered (left out of ``participants``)."""
    nombre_evenements: int | None = None
    """Events of the year: counted, else the declared total, else None (unknown)."""
    nombre_partenaires: int | None = None
    totaux_declares: bool = False
    """True when the figures come from the year's declared ``[totaux]`` (no event detail)."""
    comite: list[str] = field(default_factory=list)
    """The organising committee, as « Prénom Nom (Structure) »."""


@dataclass
class ValeurCellule:
    cle: str
    libelle: str
    valeur: int | str
    """A count, or « masqué » (0 to the folder's threshold - 1, or masked to protect one)."""


@dataclass
class RubriqueCellule:
    cle: str
    titre: str
    lignes: list[ValeurCellule]
    """Categories with a non-zero (possibly masked) count."""


@dataclass
class CelluleBilan:
    seuil_masquage: int
    activite: bool
    """False when the cellule recorded nothing this year."""
    indicateurs: list[ValeurCellule]
    rubriques: list[RubriqueCellule]
    archives: bool
    """True when anonymous tallies of purged situations were added."""


@dataclass
class LigneFinancement:
    financeur: str
    objet: str | None
    montant: float


@dataclass
class TotalFinanceur:
    financeur: str
    montant: float


@dataclass
class FinancementsBilan:
    lignes: list[LigneFinancement]
    par_financeur: list[TotalFinanceur]
    total: float


@dataclass
class ActionPrevue:
    id: str
    intitule: str
    axe: str
    statut_libelle: str
    debut: dt.date | None
    fin: dt.date | None


@dataclass
class ReunionProgrammee:
    date: dt.date
    libelle: str
    lieu: str | None


@dataclass
class Perspectives:
    annee: int
    actions: list[ActionPrevue]
    reunions: list[ReunionProgrammee]
    suivis_ouverts: list[SuiviBilan]
    sism_theme: str | None


@dataclass
class ChiffreCle:
    libelle: str
    valeur: float | None
    unite: str = "nombre"
    """nombre, pourcentage (0–1) or euros."""


@dataclass
class Bilan:
    annee: int
    clsm: str
    date_edition: dt.date
    presentation: Presentation
    gouvernance: Gouvernance
    membres: MembresBilan
    plan: PlanBilan
    sism: SismBilan
    cellule: CelluleBilan | None
    """None when the CLSM declares it has no cellule (``[cellule] active = false``)."""
    financements: FinancementsBilan
    perspectives: Perspectives
    logo: str | None = None
    """Relative path of the logo shown on the cover (``modeles/logo.png``), if any."""
    definitions: list[str] = field(default_factory=list)
    historique: Historique = field(default_factory=Historique)
    """Milestones, latest diagnostic and how the plan covers its priorities."""

    @property
    def au(self) -> dt.date:
        """The bilan's date: 31 December, or today for the year in progress."""
        return date_reference_membres(self.annee, self.date_edition)

    @property
    def provisoire(self) -> bool:
        """A bilan of a year not yet over."""
        return self.au < dt.date(self.annee, 12, 31)

    def chiffres_cles(self) -> list[ChiffreCle]:
        """The year at a glance (first table of the bilan)."""
        g, s, p = self.gouvernance, self.sism, self.plan
        chiffres = [
            ChiffreCle(f"Membres au {date_fr(self.membres.au)}", self.membres.total),
            ChiffreCle("Réunions d'instance tenues", len(g.reunions)),
            ChiffreCle("Taux de présence moyen", g.taux_presence, "pourcentage"),
            ChiffreCle("Décisions prises", g.decisions),
            ChiffreCle("Actions du plan concernées", p.actions),
            ChiffreCle("Réalisations", p.realisations),
            ChiffreCle(
                "Participants aux réalisations",
                None
                if p.realisations and p.participants_inconnus == p.realisations
                else p.participants,
            ),
            ChiffreCle("Événements de la SISM", s.nombre_evenements),
            ChiffreCle("Participants à la SISM", s.participants),
        ]
        if self.financements.lignes:
            chiffres.append(ChiffreCle("Financements", self.financements.total, "euros"))
        return chiffres

    def en_dict(self) -> dict[str, Any]:
        """Plain data (dates stay dates; the JSON layer writes them ISO)."""
        donnees = dataclasses.asdict(self)
        if self.cellule is None:
            del donnees["cellule"]
        donnees["chiffres_cles"] = [dataclasses.asdict(c) for c in self.chiffres_cles()]
        donnees["au"] = self.au
        donnees["provisoire"] = self.provisoire
        return donnees


DEFINITIONS = [
    "Réunions tenues : réunions d'instance datées de l'année et non postérieures à la date "
    "d'édition.",
    "Taux de présence : part des membres convoqués (membres actifs siégeant dans l'instance) "
    "qui étaient présents.",
    "Membres : membres actifs au 31 décembre de l'année (à la date d'édition pour l'année en "
    "cours).",
    "Actions de l'année : actions dont la période rencontre l'année ou ayant une réalisation "
    "datée de l'année.",
    "Couverture des priorités : actions des axes qui répondent à chaque priorité du dernier "
    "diagnostic partagé, selon leur statut (réalisées, en cours, prévues ou reportées).",
    "Cellule : effectifs agrégés par catégories fermées ; tout effectif de 0 au seuil de "
    "masquage moins un est affiché « masqué », comme les effectifs qui permettraient de le "
    "recalculer.",
]


# --- computation -----------------------------------------------------------------------------


def calculer_bilan(projet: ProjetLu, annee: int) -> Bilan:
    """Every figure of the bilan of ``annee``."""
    aujourdhui = projet.aujourdhui()
    return Bilan(
        annee=annee,
        clsm=projet.nom,
        date_edition=aujourdhui,
        presentation=_presentation(projet),
        gouvernance=_gouvernance(projet, annee, aujourdhui),
        membres=_membres(projet, annee, aujourdhui),
        plan=_plan(projet, annee),
        sism=_sism(projet, annee),
        cellule=_cellule(projet, annee) if cellule_active(projet) else None,
        financements=_financements(projet, annee),
        perspectives=_perspectives(projet, annee, aujourdhui),
        logo=_logo(projet),
        definitions=[
            d for d in DEFINITIONS if cellule_active(projet) or not d.startswith("Cellule")
        ],
        historique=historique(projet),
    )


def _logo(projet: ProjetLu) -> str | None:
    for nom in ("logo.png", "logo.jpg", "logo.jpeg"):
        if (projet.racine / "modeles" / nom).is_file():
            return f"modeles/{nom}"
    return None


def _presentation(projet: ProjetLu) -> Presentation:
    i = projet.identite
    if i is None:  # pragma: no cover - a loaded folder always has clsm.toml
        return Presentation(
            projet.nom, None, [], None, [], None, None, None, None, None, None, None, None
        )
    return Presentation(
        nom=i.nom,
        territoire=i.territoire,
        communes=list(i.communes),
        population=i.population,
        qpv=list(i.qpv),
        date_creation=i.date_creation,
        porteur=i.porteur,
        presidence=i.presidence,
        co_animation=i.co_animation,
        coordination=i.coordination.nom,
        etp_coordination=i.coordination.etp,
        convention_debut=i.convention.debut,
        convention_fin=i.convention.fin,
        cls=texte_cls(liens(projet)),
        ptsm=texte_ptsm(liens(projet)),
    )


def cle_fr(texte: str) -> str:
    """Sort key for French text: accents and case ignored (« Éducation » among the E)."""
    sans_accents = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode()
    return f"{sans_accents.casefold()}\x00{texte}"


def ratio(numerateur: float, denominateur: float) -> float | None:
    return numerateur / denominateur if denominateur else None


def convoques(projet: ProjetLu, reunion: Reunion) -> set[str]:
    """Ids of the members expected at a meeting (active that day, sitting in the instance)."""
    jour = reunion.date
    actifs = {m.id: m for m in projet.membres if m.actif(jour)}
    instance = reunion.instance
    if instance.startswith("groupe:"):
        gid = instance.split(":", 1)[1]
        groupe = projet.groupes_par_id.get(gid)
        ids = set(groupe.membres) if groupe else set()
        ids |= {m.id for m in actifs.values() if gid in m.instances}
        return {i for i in ids if i in actifs}
    if instance == "autre":
        return set()
    return {m.id for m in actifs.values() if instance in m.instances}


def _cle_instance(instance: str, libelle: str) -> tuple[int, str]:
    if instance in ORDRE_INSTANCES:
        return (ORDRE_INSTANCES.index(instance), "")
    if instance.startswith("groupe:"):
        return (len(ORDRE_INSTANCES), cle_fr(libelle))
    return (len(ORDRE_INSTANCES) + 1, cle_fr(libelle))


def _gouvernance(projet: ProjetLu, annee: int, aujourdhui: dt.date) -> Gouvernance:
    noms = projet.noms_groupes()
    membres = projet.membres_par_id
    reunions: list[ReunionBilan] = []
    convocations: Counter[str] = Counter()
    presences: Counter[str] = Counter()
    for chemin, r in projet.reunions_triees():
        if r.date.year != annee or r.date > aujourdhui:
            continue
        attendus = convoques(projet, r)
        presents = set(r.presents)
        venus = attendus & presents
        for ident in attendus:
            college = membres[ident].college.value
            convocations[college] += 1
            presences[college] += ident in venus
        reunions.append(
            ReunionBilan(
                fichier=chemin,
                date=r.date,
                instance=r.instance,
                libelle=libelle_instance(r.instance, noms),
                lieu=r.lieu,
                participants=len(presents),
                excuses=len(set(r.excuses)),
                convoques=len(attendus),
                presents_convoques=len(venus),
                taux_presence=ratio(len(venus), len(attendus)),
                decisions=len(r.decisions),
            )
        )
    groupes: dict[str, list[ReunionBilan]] = {}
    for rb in reunions:
        groupes.setdefault(rb.instance, []).append(rb)
    par_instance = sorted(
        (
            InstanceBilan(inst, liste[0].libelle, len(liste), [x.date for x in liste])
            for inst, liste in groupes.items()
        ),
        key=lambda i: _cle_instance(i.instance, i.libelle),
    )
    par_college = [
        PresenceCollege(
            c,
            LIBELLES_COLLEGE[c],
            convocations[c],
            presences[c],
            ratio(presences[c], convocations[c]),
        )
        for c in LIBELLES_COLLEGE
        if convocations[c]
    ]
    return Gouvernance(
        reunions=reunions,
        par_instance=par_instance,
        presence_par_college=par_college,
        taux_presence=ratio(sum(presences.values()), sum(convocations.values())),
        decisions=sum(r.decisions for r in reunions),
        suivis_ouverts=suivis_ouverts(projet, date_reference_membres(annee, aujourdhui)),
    )


def suivis_ouverts(projet: ProjetLu, jusqu_au: dt.date) -> list[SuiviBilan]:
    """Follow-ups not done, decided at meetings up to ``jusqu_au``; soonest deadline first."""
    noms = projet.noms_groupes()
    resultat = [
        SuiviBilan(
            s.quoi,
            nom_personne(projet, s.qui),
            s.echeance,
            r.date,
            libelle_instance(r.instance, noms),
        )
        for _, r in projet.reunions_triees()
        if r.date <= jusqu_au
        for s in r.suivi
        if not s.fait
    ]
    resultat.sort(key=lambda s: (s.echeance is None, s.echeance or dt.date.max, s.date_reunion))
    return resultat


def nom_personne(projet: ProjetLu, qui: str | None) -> str | None:
    """A member id shown as « Prénom Nom (Structure) »; free text kept as it is."""
    if qui is None:
        return None
    membre = projet.membres_par_id.get(qui)
    return membre.libelle if membre else qui


def date_reference_membres(annee: int, aujourdhui: dt.date) -> dt.date:
    fin = dt.date(annee, 12, 31)
    return aujourdhui if annee == aujourdhui.year and aujourdhui < fin else fin


def _membres(projet: ProjetLu, annee: int, aujourdhui: dt.date) -> MembresBilan:
    au = date_reference_membres(annee, aujourdhui)
    actifs = [m for m in projet.membres if m.actif(au)]
    compte = Counter(m.college.value for m in actifs)

    def mouvements(pris: Iterable[tuple[Membre, dt.date | None]]) -> list[MouvementMembre]:
        liste = [
            MouvementMembre(m.id, m.libelle, LIBELLES_COLLEGE[m.college.value], d)
            for m, d in pris
            if d is not None and d.year == annee
        ]
        return sorted(liste, key=lambda x: (x.date, cle_fr(x.libelle)))

    structures = sorted({m.structure for m in actifs if m.structure}, key=cle_fr)
    return MembresBilan(
        au=au,
        total=len(actifs),
        par_college=[
            CompteCollege(c, LIBELLES_COLLEGE[c], compte[c]) for c in LIBELLES_COLLEGE if compte[c]
        ],
        arrivees=mouvements((m, m.depuis) for m in projet.membres),
        departs=mouvements((m, m.jusqu_a) for m in projet.membres),
        structures=structures,
    )


def action_de_l_annee(projet: ProjetLu, action: Action, annee: int) -> bool:
    """The action's period meets the year, or it has a réalisation dated in the year."""
    if any(r.date.year == annee for r in action.realisation):
        return True
    periode = projet.plan.periode
    debut = action.debut or (periode.debut if periode else None) or dt.date.min
    fin = action.fin or (periode.fin if periode else None) or dt.date.max
    return debut.year <= annee <= fin.year


def _qpv_action(action: Action) -> list[str]:
    if isinstance(action.qpv, list):
        return list(action.qpv)
    return ["oui"] if action.qpv else []


def _comptes_statut(actions: Iterable[ActionBilan]) -> list[CompteStatut]:
    compte = Counter(a.statut for a in actions)
    return [
        CompteStatut(s, LIBELLES_STATUT_ACTION[s], compte[s])
        for s in LIBELLES_STATUT_ACTION
        if compte[s]
    ]


def _plan(projet: ProjetLu, annee: int) -> PlanBilan:
    membres = projet.membres_par_id
    par_axe: dict[str, list[ActionBilan]] = {}
    toutes: list[ActionBilan] = []
    for a in projet.actions:
        if not action_de_l_annee(projet, a, annee):
            continue
        realisations = sorted(
            (
                RealisationBilan(r.date, r.libelle, r.participants)
                for r in a.realisation
                if r.date.year == annee
            ),
            key=lambda r: r.date,
        )
        pilote = membres[a.pilote].libelle if a.pilote in membres else a.pilote
        ab = ActionBilan(
            id=a.id,
            intitule=a.intitule,
            type=a.type.value,
            type_libelle=LIBELLES_TYPE_ACTION[a.type.value],
            statut=a.statut.value,
            statut_libelle=LIBELLES_STATUT_ACTION[a.statut.value],
            pilote=pilote,
            qpv=_qpv_action(a),
            indicateurs=[
                IndicateurBilan(
                    i.libelle,
                    i.cible,
                    i.realise,
                    i.unite,
                    ratio(i.realise, i.cible) if i.realise is not None and i.cible else None,
                )
                for i in a.indicateur
                if i.annee is None or i.annee == annee
            ],
            realisations=realisations,
            participants=_somme(r.participants for r in realisations),
            participants_inconnus=sum(1 for r in realisations if r.participants is None),
        )
        par_axe.setdefault(a.axe, []).append(ab)
        toutes.append(ab)
    axes = [
        AxeBilan(x.id, x.intitule, par_axe[x.id], _comptes_statut(par_axe[x.id]))
        for x in projet.plan.axe
        if x.id in par_axe
    ]
    connus = {x.id for x in projet.plan.axe}
    orphelines = [ab for axe, liste in par_axe.items() if axe not in connus for ab in liste]
    if orphelines:
        axes.append(AxeBilan("", "Actions sans axe connu", orphelines, _comptes_statut(orphelines)))
    periode = projet.plan.periode
    return PlanBilan(
        periode_debut=periode.debut if periode else None,
        periode_fin=periode.fin if periode else None,
        actions=len(toutes),
        par_statut=_comptes_statut(toutes),
        axes=axes,
        actions_qpv=[a.intitule for a in toutes if a.qpv],
        realisations=sum(len(a.realisations) for a in toutes),
        participants=_somme(a.participants for a in toutes),
        participants_inconnus=sum(a.participants_inconnus for a in toutes),
    )


def _unique_trie(valeurs: Iterable[str | None]) -> list[str]:
    return sorted({v.strip() for v in valeurs if v and v.strip()}, key=cle_fr)


def _somme(valeurs: Iterable[int | None]) -> int | None:
    """Sum of the known values; None when there are values but none is known (unknown is not
    zero); 0 when there is nothing to count."""
    valeurs = list(valeurs)
    connues = [v for v in valeurs if v is not None]
    return sum(connues) if connues or not valeurs else None


def cellule_active(projet: ProjetLu) -> bool:
    """False when clsm.toml says the CLSM has no cellule (``[cellule] active = false``)."""
    return projet.identite is None or projet.identite.cellule.active


def _sism(projet: ProjetLu, annee: int) -> SismBilan:
    historique = []
    for annuel in sorted(projet.sism.values(), key=lambda x: x.annee):
        if annuel.annee <= annee:
            c = annuel.chiffres()
            historique.append(
                SismAnnee(
                    annuel.annee,
                    annuel.theme,
                    c["evenements"],
                    c["participants"],
                    c["partenaires"],
                )
            )
    s = projet.sism_annee(annee)
    if s is None:
        return SismBilan(annee, False, None, None, None, [], [], None, [], [], [], 0, historique)
    evenements = sorted(
        (
            EvenementBilan(
                date=e.date,
                heure=e.heure,
                titre=e.titre,
                type=e.type.value,
                type_libelle=LIBELLES_TYPE_EVENEMENT[e.type.value],
                lieu=e.lieu,
                commune=e.commune,
                qpv=(e.qpv if isinstance(e.qpv, str) else "oui") if e.qpv else None,
                participants=e.participants,
                organisateurs=list(e.organisateurs),
                partenaires=list(e.partenaires),
                en_ligne=e.en_ligne,
                fin=e.fin,
                heure_fin=e.heure_fin,
            )
            for e in s.evenement
        ),
        key=lambda e: (e.date, _heure_triable(e.heure), cle_fr(e.titre)),
    )
    types: dict[str, list[EvenementBilan]] = {}
    for e in evenements:
        types.setdefault(e.type, []).append(e)
    par_type = [
        TypeEvenementBilan(
            t,
            LIBELLES_TYPE_EVENEMENT[t],
            len(types[t]),
            _somme(e.participants for e in types[t]),
        )
        for t in LIBELLES_TYPE_EVENEMENT
        if t in types
    ]
    c = s.chiffres()
    membres = projet.membres_par_id
    return SismBilan(
        annee=annee,
        programme=True,
        theme=s.theme,
        debut=s.debut,
        fin=s.fin,
        evenements=evenements,
        par_type=par_type,
        participants=c["participants"],
        partenaires=_unique_trie(p for e in evenements for p in (*e.organisateurs, *e.partenaires)),
        communes=_unique_trie(e.commune for e in evenements),
        qpv=_unique_trie(e.qpv for e in evenements if e.qpv and e.qpv != "oui"),
        evenements_qpv=sum(1 for e in evenements if e.qpv),
        historique=historique,
        participants_inconnus=sum(1 for e in evenements if e.participants is None),
        nombre_evenements=c["evenements"],
        nombre_partenaires=c["partenaires"],
        totaux_declares=not s.evenement and s.totaux is not None,
        comite=[membres[m].libelle if m in membres else m for m in s.comite],
    )


def _heure_triable(heure: str | None) -> str:
    if not heure:
        return "99:99"
    h, _, m = heure.replace("h", ":").partition(":")
    return f"{int(h):02d}:{m}"


# --- cellule ---------------------------------------------------------------------------------


def _cellule(projet: ProjetLu, annee: int) -> CelluleBilan:
    """Masked aggregates, as :mod:`clsm_cli.cellule.statistiques` computes them for the cellule."""
    from clsm_cli.cellule import statistiques as S

    stats = S.statistiques(projet, annee)
    brut = S.comptes(projet, annee)
    activite = any(getattr(brut, nom) for nom in S.ENTIERS) or any(
        getattr(brut, nom) for nom in S.SERIES
    )
    rubriques = []
    for cle, (titre, libelles) in S.RUBRIQUES.items():
        serie = stats.get(cle) or {}
        lignes = [
            ValeurCellule(k, (libelles or {}).get(k, k), v) for k, v in serie.items() if v != 0
        ]
        rubriques.append(RubriqueCellule(cle, titre, lignes))
    return CelluleBilan(
        seuil_masquage=stats["seuil_masquage"],
        activite=bool(activite),
        indicateurs=[ValeurCellule(k, libelle, stats[k]) for k, libelle in S.INDICATEURS.items()],
        rubriques=rubriques,
        archives=bool(stats.get("archives_incluses")),
    )


# --- financements and perspectives -----------------------------------------------------------


def _financements(projet: ProjetLu, annee: int) -> FinancementsBilan:
    lignes = [
        LigneFinancement(f.financeur, f.objet, f.montant)
        for f in (projet.identite.financement if projet.identite else [])
        if f.annee == annee
    ]
    lignes.sort(key=lambda f: (cle_fr(f.financeur), cle_fr(f.objet or "")))
    totaux: dict[str, float] = {}
    for f in lignes:
        totaux[f.financeur] = totaux.get(f.financeur, 0) + f.montant
    return FinancementsBilan(
        lignes=lignes,
        par_financeur=[TotalFinanceur(k, v) for k, v in totaux.items()],
        total=sum(f.montant for f in lignes),
    )


def _perspectives(projet: ProjetLu, annee: int, aujourdhui: dt.date) -> Perspectives:
    """What comes after the bilan's date (31 December, or today for the year in progress)."""
    suivante = annee + 1
    au = date_reference_membres(annee, aujourdhui)
    axes = {x.id: x.intitule for x in projet.plan.axe}
    actions = [
        ActionPrevue(
            a.id,
            a.intitule,
            axes.get(a.axe, a.axe),
            LIBELLES_STATUT_ACTION[a.statut.value],
            a.debut,
            a.fin,
        )
        for a in projet.actions
        if a.statut.value in STATUTS_A_VENIR
        and action_de_l_annee(projet, a, suivante)
        and (a.fin is None or a.fin > au)
    ]
    noms = projet.noms_groupes()
    reunions = [
        ReunionProgrammee(r.date, libelle_instance(r.instance, noms), r.lieu)
        for _, r in projet.reunions_triees()
        if r.date > max(au, aujourdhui) and r.date.year in (annee, suivante)
    ]
    sism = projet.sism_annee(suivante)
    return Perspectives(
        annee=suivante,
        actions=actions,
        reunions=reunions,
        suivis_ouverts=suivis_ouverts(projet, au),
        sism_theme=sism.theme if sism else None,
    )
