"""The built-in demo CLSM (``clsm_cli.noyau.demo``): valid, coherent, complete and deterministic."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from typing import Any

import pytest
from pydantic import BaseModel

from clsm_cli.modeles import (
    College,
    FichierClsm,
    FichierDiagnostic,
    FichierGroupes,
    FichierMembres,
    FichierPlan,
    FichierSituations,
    Reunion,
    SeanceCellule,
    Sism,
    StatutAction,
    StatutSituation,
    TypeAction,
)
from clsm_cli.modeles.vocabulaires import INSTANCES_RESERVEES, RE_ID, VERSION_SCHEMA
from clsm_cli.noyau.demo import textes_demo

TEXTES = textes_demo()
FICHIERS = {chemin: tomllib.loads(texte) for chemin, texte in TEXTES.items()}
FIXES: dict[str, type[BaseModel]] = {
    "clsm.toml": FichierClsm,
    "membres.toml": FichierMembres,
    "groupes.toml": FichierGroupes,
    "diagnostic.toml": FichierDiagnostic,
    "plan.toml": FichierPlan,
    "cellule/situations.toml": FichierSituations,
}
RE_REUNION = re.compile(r"^reunions/\d{4}-\d{2}-\d{2}-[a-z0-9_-]+\.toml$")
RE_SISM = re.compile(r"^sism/\d{4}\.toml$")
RE_SEANCE = re.compile(r"^cellule/seances/\d{4}-\d{2}-\d{2}\.toml$")


def _modele(chemin: str) -> type[BaseModel]:
    if chemin in FIXES:
        return FIXES[chemin]
    if RE_REUNION.match(chemin):
        return Reunion
    if RE_SISM.match(chemin):
        return Sism
    if RE_SEANCE.match(chemin):
        return SeanceCellule
    raise AssertionError(f"fichier inattendu : {chemin}")


def _valide(chemin: str) -> Any:
    return _modele(chemin).model_validate(FICHIERS[chemin])


MEMBRES = FichierMembres.model_validate(FICHIERS["membres.toml"]).membre
PAR_ID = {m.id: m for m in MEMBRES}
GROUPES = FichierGroupes.model_validate(FICHIERS["groupes.toml"]).groupe
PLAN = FichierPlan.model_validate(FICHIERS["plan.toml"])
SITUATIONS = FichierSituations.model_validate(FICHIERS["cellule/situations.toml"]).situation
REUNIONS = {c: Reunion.model_validate(d) for c, d in FICHIERS.items() if c.startswith("reunions/")}
SISM = {c: Sism.model_validate(d) for c, d in FICHIERS.items() if c.startswith("sism/")}
SEANCES = {
    c: SeanceCellule.model_validate(d)
    for c, d in FICHIERS.items()
    if c.startswith("cellule/seances/")
}


@pytest.mark.parametrize("chemin", sorted(FICHIERS))
def test_chaque_fichier_valide_son_modele(chemin: str) -> None:
    _valide(chemin)
    assert FICHIERS[chemin]["version_schema"] == VERSION_SCHEMA
    assert TEXTES[chemin].startswith("#:schema ") and ".clsm/schemas/" in TEXTES[chemin]


def _est_table(valeur: Any) -> bool:
    return isinstance(valeur, dict) or (
        isinstance(valeur, list) and bool(valeur) and isinstance(valeur[0], dict)
    )


def _ordre_des_cles(donnees: Any, objet: Any, ou: str) -> None:
    """Keys follow the model's field order, recursively; no None, empty list nor empty table."""
    if isinstance(objet, BaseModel):
        assert isinstance(donnees, dict), ou
        champs = list(type(objet).model_fields)
        # TOML writes a table's plain values before its sub-tables: compare those in order
        cles = [c for c, v in donnees.items() if not _est_table(v)]
        champs = [c for c in champs if c in cles]
        assert cles == champs, f"{ou} : ordre {cles}"
        for cle, valeur in donnees.items():
            assert valeur is not None and valeur != [] and valeur != {}, f"{ou}.{cle} vide"
            _ordre_des_cles(valeur, getattr(objet, cle), f"{ou}.{cle}")
    elif isinstance(objet, list):
        assert isinstance(donnees, list), ou
        for i, (d, o) in enumerate(zip(donnees, objet, strict=True)):
            _ordre_des_cles(d, o, f"{ou}[{i}]")


def _types_simples(valeur: Any, ou: str) -> None:
    """Only plain TOML-ready values: no enum, no pydantic object, no datetime."""
    if isinstance(valeur, dict):
        for cle, v in valeur.items():
            assert type(cle) is str, ou
            _types_simples(v, f"{ou}.{cle}")
    elif isinstance(valeur, list):
        for i, v in enumerate(valeur):
            _types_simples(v, f"{ou}[{i}]")
    else:
        assert type(valeur) in (str, int, float, bool, dt.date), f"{ou} : {type(valeur)}"


@pytest.mark.parametrize("chemin", sorted(FICHIERS))
def test_donnees_simples_et_ordonnees(chemin: str) -> None:
    _types_simples(FICHIERS[chemin], chemin)
    _ordre_des_cles(FICHIERS[chemin], _valide(chemin), chemin)


def test_deterministe() -> None:
    assert textes_demo() == textes_demo() == TEXTES


def test_noms_de_fichiers() -> None:
    for chemin, reunion in REUNIONS.items():
        assert chemin == f"reunions/{reunion.nom_fichier()}"
    for chemin, sism in SISM.items():
        assert chemin == f"sism/{sism.annee}.toml"
    for chemin, seance in SEANCES.items():
        assert chemin == f"cellule/seances/{seance.date.isoformat()}.toml"
    assert set(FICHIERS) == set(FIXES) | set(REUNIONS) | set(SISM) | set(SEANCES)


def test_historique_et_priorites() -> None:
    """A diagnostic with 3–4 priorities, each answered by an axis; milestones; CLS and PTSM."""
    diagnostics = FichierDiagnostic.model_validate(FICHIERS["diagnostic.toml"]).diagnostic
    priorites = [p.id for d in diagnostics for p in d.priorite]
    assert 3 <= len(priorites) <= 4
    assert sorted(p for axe in PLAN.axe for p in axe.priorites) == sorted(priorites)
    identite = FichierClsm.model_validate(FICHIERS["clsm.toml"])
    assert {j.type.value for j in identite.jalon} >= {"creation", "convention_signee"}
    assert identite.cls.nom and identite.cls.fiche_action and identite.ptsm.nom


def test_effectifs() -> None:
    assert len(MEMBRES) >= 30
    assert {m.college for m in MEMBRES} == set(College)
    assert len(GROUPES) == 3
    assert len(PLAN.axe) == 4
    assert len(PLAN.action) >= 12
    assert sorted(SISM) == ["sism/2025.toml", "sism/2026.toml"]
    assert all(len(s.evenement) >= 8 for s in SISM.values())
    assert len(REUNIONS) >= 8
    assert {r.instance for r in REUNIONS.values()} >= {
        "copil",
        "pleniere",
        "groupe:logement",
        "groupe:jeunes",
        "groupe:sism",
    }
    assert len(SITUATIONS) >= 15
    assert len(SEANCES) >= 6
    assert {s.statut for s in SITUATIONS} == set(StatutSituation)
    assert {a.statut for a in PLAN.action} == set(StatutAction)
    assert {a.type for a in PLAN.action} >= set(TypeAction) - {TypeAction.autre}
    assert any(a.qpv is True for a in PLAN.action)
    assert any(isinstance(a.qpv, list) for a in PLAN.action)
    assert any(m.jusqu_a is not None for m in MEMBRES)
    assert any(m.nom is None and m.structure for m in MEMBRES)


def test_identifiants_uniques() -> None:
    assert len(PAR_ID) == len(MEMBRES)
    assert len({g.id for g in GROUPES}) == len(GROUPES)
    assert len({a.id for a in PLAN.action}) == len(PLAN.action)
    assert len({s.code for s in SITUATIONS}) == len(SITUATIONS)


def test_identite() -> None:
    identite = FichierClsm.model_validate(FICHIERS["clsm.toml"])
    assert identite.nom == "CLSM de Valmont-sur-Loire"
    assert identite.coordination.etp == 0.8
    assert identite.cellule.seuil_masquage == 11
    assert identite.cellule.conservation_mois == 24
    assert {f.annee for f in identite.financement} == {2025, 2026}
    assert len(identite.convention.signataire) >= 5
    assert 4 <= len(identite.convention.objectifs) <= 6
    for m in MEMBRES:
        assert m.courriel is None or m.courriel.endswith("@example.org")
        assert m.telephone is None or m.telephone.startswith("01 99 00 ")
    assert identite.coordination.courriel.endswith("@example.org")  # type: ignore[union-attr]


def test_membres_et_groupes_coherents() -> None:
    ids_groupes = {g.id for g in GROUPES}
    for m in MEMBRES:
        assert RE_ID.match(m.id)
        assert m.depuis is not None
        assert m.jusqu_a is None or m.depuis <= m.jusqu_a
        for instance in m.instances:
            assert instance in INSTANCES_RESERVEES or instance in ids_groupes, (m.id, instance)
    for g in GROUPES:
        assert g.pilote in g.membres
        assert g.membres == [m.id for m in MEMBRES if g.id in m.instances]
        assert all(PAR_ID[i].jusqu_a is None for i in g.membres)


def test_plan_coherent() -> None:
    assert PLAN.periode is not None
    axes = {a.id for a in PLAN.axe}
    groupes = {g.id for g in GROUPES}
    for a in PLAN.action:
        assert a.axe in axes
        assert a.groupe is None or a.groupe in groupes
        assert a.pilote in PAR_ID
        assert a.debut is not None and a.fin is not None
        assert PLAN.periode.debut <= a.debut <= a.fin <= PLAN.periode.fin
        assert 1 <= len(a.indicateur) <= 3
        for r in a.realisation:
            assert a.debut <= r.date <= a.fin, (a.id, r.date)
    annees = {r.date.year for a in PLAN.action for r in a.realisation}
    assert {2025, 2026} <= annees
    assert {a.axe for a in PLAN.action} == axes


def _actif(ident: str, le: dt.date) -> bool:
    return PAR_ID[ident].actif(le)


def test_reunions_coherentes() -> None:
    groupes = {g.id for g in GROUPES}
    libres = 0
    for chemin, r in REUNIONS.items():
        if r.instance.startswith("groupe:"):
            assert r.instance[7:] in groupes
        for nom in [*r.presents, *r.excuses]:
            if RE_ID.match(nom):
                assert nom in PAR_ID, (chemin, nom)
                assert _actif(nom, r.date), (chemin, nom)
            else:
                libres += 1
        assert not set(r.presents) & set(r.excuses), chemin
        for s in r.suivi:
            assert s.echeance is not None and s.echeance >= r.date
            assert s.qui in PAR_ID
    assert libres >= 1
    suivis = [s for r in REUNIONS.values() for s in r.suivi]
    assert any(s.fait for s in suivis)
    ouverts = [s.echeance for s in suivis if not s.fait and s.echeance]
    assert any(e.year == 2026 and e.month == 12 for e in ouverts)
    assert any(e.year == 2027 for e in ouverts)
    assert {r.date.year for r in REUNIONS.values()} == {2025, 2026}


def test_sism_coherente() -> None:
    assert SISM["sism/2025.toml"].theme == "Pour notre santé mentale, réparons le lien social"
    assert SISM["sism/2025.toml"].debut == dt.date(2025, 10, 6)
    assert SISM["sism/2025.toml"].fin == dt.date(2025, 10, 19)
    types = set()
    for s in SISM.values():
        assert s.debut is not None and s.fin is not None
        assert s.debut.year == s.annee and s.debut.month == 10
        assert all(i in PAR_ID for i in s.comite)
        for e in s.evenement:
            assert s.debut <= e.date <= s.fin
            assert e.participants is not None and e.heure is not None
            types.add(e.type)
    assert len(types) >= 9


def test_cellule_coherente() -> None:
    codes = {}
    for s in SITUATIONS:
        assert s.code.startswith(f"S-{s.date_saisine.year}-")
        assert s.referent in PAR_ID and "cellule" in PAR_ID[s.referent].instances
        assert s.consentement is not None and s.consentement.recueilli
        assert s.consentement.date is not None and s.consentement.date <= s.date_saisine
        if s.statut == StatutSituation.close:
            assert s.date_cloture is not None and s.date_cloture >= s.date_saisine
            assert s.issue
        else:
            assert s.date_cloture is None and s.issue is None
        codes[s.code] = s
    for chemin, seance in SEANCES.items():
        for ident in seance.presents:
            assert "cellule" in PAR_ID[ident].instances and _actif(ident, seance.date), ident
        for examen in seance.examen:
            situation = codes[examen.code]
            assert situation.date_saisine <= seance.date, (chemin, examen.code)
            if situation.date_cloture:
                assert seance.date <= situation.date_cloture, (chemin, examen.code)


def test_cellule_sans_donnees_personnelles() -> None:
    """No e-mail, phone number, street address or member name under cellule/."""
    noms = {m.nom for m in MEMBRES if m.nom} | {m.prenom for m in MEMBRES if m.prenom}
    for chemin, donnees in FICHIERS.items():
        if not chemin.startswith("cellule/"):
            continue
        texte = repr(donnees)
        assert "@" not in texte
        assert not re.search(r"\d{2}[ .]?\d{2}[ .]?\d{2}[ .]?\d{2}[ .]?\d{2}", texte)
        assert not re.search(r"\d+,? (rue|avenue|boulevard|impasse|allée)", texte, re.I)
        for nom in noms:
            assert not re.search(rf"\b{re.escape(nom)}\b", texte), (chemin, nom)
