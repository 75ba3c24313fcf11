"""Editing the council's history: diagnostics partagés and their priorities
(``diagnostic.toml``) and milestones (``[[jalon]]`` of clsm.toml). No click here: the library
behind ``clsm diagnostic`` and ``clsm jalon``. The figures drawn from them (timeline, coverage
of the priorities, links to the CLS and the PTSM) are in :mod:`clsm_cli.noyau.historique`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from clsm_cli.modeles.erreurs import ErreurSaisie, Introuvable
from clsm_cli.modeles.vocabulaires import lire_date_historique, par_date
from clsm_cli.noyau.historique import axes_de_la_priorite, jalons_tries
from clsm_cli.noyau.identifiants import id_unique, slug
from clsm_cli.noyau.saisie import proche, valider_modele
from clsm_cli.noyau.textes import date_fr

if TYPE_CHECKING:
    from clsm_cli.modeles.diagnostic import Diagnostic, Priorite
    from clsm_cli.modeles.identite import Jalon
    from clsm_cli.noyau.projet import Projet

DIAGNOSTIC = "diagnostic.toml"
CLSM = "clsm.toml"

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
    [
        "a",
        "au",
        "aux",
        "avec",
        "d",
        "dans",
        "de",
        "des",
        "du",
        "en",
        "et",
        "l",
        "la",
        "le",
        "les",
        "leur",
        "leurs",
        "par",
        "pour",
        "sur",
        "un",
        "une",
    ]
)
"""Words left out of a priority's identifier."""


def en_date_imprecise(texte: str | dt.date | None, option: str) -> dt.date | None:
    """A date typed on the command line: AAAA, AAAA-MM (a ``DatePartielle``) or AAAA-MM-JJ,
    read as in the files (error naming ``option`` otherwise)."""
    if texte is None or isinstance(texte, dt.date):
        return texte
    try:
        return lire_date_historique(texte)
    except ValueError:
        raise ErreurSaisie(
            f"Date invalide pour {option} : « {texte} » (forme attendue : AAAA, AAAA-MM ou "
            "AAAA-MM-JJ, par exemple 2018, 2018-06 ou 2018-06-12)."
        ) from None


def meme_contenu(a: Any, b: Any) -> bool:
    """Same data, whether each is a model or a light record read from the cache."""
    from clsm_cli.stockage.ecriture import en_donnees

    return bool(en_donnees(a) == en_donnees(b))


# --- lookups ---------------------------------------------------------------------------------


def diagnostics_tries(projet: Projet) -> list[Diagnostic]:
    """Diagnostics from the oldest to the latest (file order between equal dates)."""
    return par_date(projet.diagnostics)


def trouver_diagnostic(projet: Projet, ident: str) -> Diagnostic:
    for d in projet.diagnostics:
        if d.id == ident:
            return d
    connus = [d.id for d in projet.diagnostics]
    liste = ", ".join(connus) or "aucun, ajoutez-en un avec « clsm diagnostic ajouter »"
    raise Introuvable(
        f"Aucun diagnostic d'identifiant « {ident} » (diagnostics : {liste})."
        f"{proche(ident, connus)}"
    )


def priorites_connues(projet: Projet) -> dict[str, tuple[Diagnostic, Priorite]]:
    return {p.id: (d, p) for d in projet.diagnostics for p in d.priorite}


def trouver_priorite(projet: Projet, ident: str, option: str | None = None) -> Priorite:
    connues = priorites_connues(projet)
    if ident in connues:
        return connues[ident][1]
    liste = ", ".join(connues) or "aucune, ajoutez-en avec « clsm diagnostic priorite ajouter »"
    debut = f"{option} : priorité inconnue" if option else "Aucune priorité d'identifiant"
    message = f"{debut} « {ident} » (priorités : {liste}).{proche(ident, connues)}"
    raise (ErreurSaisie if option else Introuvable)(message)


def fiche_diagnostic(projet: Projet, d: Diagnostic) -> list[tuple[str, str]]:
    """A diagnostic for people: (label, text) lines."""
    lignes = [
        ("Identifiant", d.id),
        ("Date", date_fr(d.date)),
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


def ajouter_diagnostic(
    projet: Projet, champs: dict[str, Any], priorites: Sequence[str] = ()
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
        donnees["id"] = id_unique(f"diagnostic-{donnees['date'].year}", existants)
    pris = list(priorites_connues(projet))
    if priorites:
        donnees["priorite"] = []
        for libelle in priorites:
            pris.append(id_de_priorite(libelle, pris))
            donnees["priorite"].append({"id": pris[-1], "libelle": libelle})
    diagnostic: Diagnostic = valider_modele(Diagnostic, donnees, OPTIONS_DIAGNOSTIC)
    with projet.edition() as ed:
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
    projet: Projet, ident: str, champs: dict[str, Any], effacer: Sequence[str] = ()
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
    if meme_contenu(apres, avant):
        return apres, False
    with projet.edition() as ed:
        doc = ed.document(DIAGNOSTIC)
        modifier_champs(doc["diagnostic"][_indice(doc, ident)], changements, CHAMPS_DIAGNOSTIC)
    return apres, True


def refuser_si_cite(projet: Projet, priorites: Sequence[str], quoi: str) -> None:
    citations = [(p, a) for p in priorites for a in projet.plan.axe if p in a.priorites]
    if citations:
        lignes = "\n".join(f"  axe « {a.id} » : priorité « {p} »" for p, a in citations)
        raise ErreurSaisie(
            f"{quoi} : des axes du plan y répondent ; retirez d'abord la priorité de ces axes "
            f"(clsm plan axe modifier AXE --priorite …) :\n{lignes}"
        )


def retirer_diagnostic(projet: Projet, ident: str) -> Diagnostic:
    from clsm_cli.stockage.ecriture import supprimer_enregistrement

    diagnostic = trouver_diagnostic(projet, ident)
    refuser_si_cite(
        projet, [p.id for p in diagnostic.priorite], f"Le diagnostic « {ident} » est utilisé"
    )
    with projet.edition() as ed:
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
    projet: Projet, diagnostic: str, libelle: str, ident: str | None = None
) -> Priorite:
    from clsm_cli.modeles.diagnostic import Priorite
    from clsm_cli.stockage.ecriture import ajouter_enregistrement, en_donnees

    trouver_diagnostic(projet, diagnostic)
    connues = priorites_connues(projet)
    if ident is not None and ident in connues:
        raise ErreurSaisie(f"--id : la priorité « {ident} » existe déjà.")
    donnees = {"id": ident or id_de_priorite(libelle, list(connues)), "libelle": libelle}
    priorite: Priorite = valider_modele(Priorite, donnees, {"id": "--id", "libelle": "--libelle"})
    with projet.edition() as ed:
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


def modifier_priorite(projet: Projet, ident: str, libelle: str) -> tuple[Priorite, bool]:
    from clsm_cli.modeles.diagnostic import Priorite
    from clsm_cli.stockage.ecriture import modifier_champs

    avant = trouver_priorite(projet, ident)
    apres: Priorite = valider_modele(
        Priorite, {"id": ident, "libelle": libelle}, {"libelle": "--libelle"}
    )
    if meme_contenu(apres, avant):
        return apres, False
    with projet.edition() as ed:
        table, j = _ou_est_la_priorite(ed.document(DIAGNOSTIC), ident)
        modifier_champs(table["priorite"][j], {"libelle": libelle}, ["id", "libelle"])
    return apres, True


def retirer_priorite(projet: Projet, ident: str) -> Priorite:
    priorite = trouver_priorite(projet, ident)
    refuser_si_cite(projet, [ident], f"La priorité « {ident} » est utilisée")
    with projet.edition() as ed:
        table, j = _ou_est_la_priorite(ed.document(DIAGNOSTIC), ident)
        if len(table["priorite"]) == 1:
            del table["priorite"]
        else:
            del table["priorite"][j]
    return priorite


# --- milestones ------------------------------------------------------------------------------


def ajouter_jalon(
    projet: Projet, date: dt.date | str, type: str, libelle: str | None = None
) -> Jalon:
    from clsm_cli.modeles.identite import Jalon
    from clsm_cli.stockage.ecriture import ajouter_enregistrement, en_donnees

    donnees = {"date": date, "type": type, "libelle": libelle or None}
    jalon: Jalon = valider_modele(
        Jalon,
        {k: v for k, v in donnees.items() if v is not None},
        {"date": "--date", "type": "--type", "libelle": "--libelle"},
    )
    with projet.edition() as ed:
        ajouter_enregistrement(ed.document(CLSM), "jalon", en_donnees(jalon))
    return jalon


def retirer_jalon(projet: Projet, numero: int) -> Jalon:
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
    with projet.edition() as ed:
        doc = ed.document(CLSM)
        for i, table in enumerate(doc.get("jalon", [])):
            if en_donnees(_jalon_de(table.unwrap())) == attendu:
                ed.remplacer(CLSM, supprimer_enregistrement(doc, "jalon", i))
                return jalon
    raise Introuvable(f"Ce jalon a disparu de {CLSM} ; relancez la commande.")


def _jalon_de(donnees: dict[str, Any]) -> Any:
    from clsm_cli.modeles.identite import Jalon

    return Jalon.model_validate(donnees)
