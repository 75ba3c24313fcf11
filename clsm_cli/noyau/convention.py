"""Editing the convention part of ``clsm.toml``: signatories (``[[convention.signataire]]``) and
objectives (``convention.objectifs``), through the validated writing layer."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any

from clsm_cli.modeles.erreurs import ErreurSaisie, Introuvable

if TYPE_CHECKING:
    from clsm_cli.modeles import Signataire
    from clsm_cli.noyau.projet import Projet

CLSM = "clsm.toml"


def _normaliser(texte: str | None) -> str:
    sans = unicodedata.normalize("NFKD", texte or "").encode("ascii", "ignore").decode()
    return " ".join(sans.casefold().split())


def _convention(doc: Any) -> Any:
    """The ``[convention]`` table of the document (created at the end if absent)."""
    import tomlkit

    if "convention" not in doc:
        doc.add(tomlkit.nl())
        doc.add("convention", tomlkit.table())
    return doc["convention"]


def signataires(projet: Projet) -> list[Signataire]:
    return list(projet.identite.convention.signataire) if projet.identite else []


def ajouter_signataire(
    projet: Projet,
    structure: str,
    representant: str | None = None,
    qualite: str | None = None,
    article: str | None = None,
) -> Signataire:
    """Append a signatory; ``article`` (le, la, les, l', aucun) when the documents would
    guess the article of its name wrong."""
    from clsm_cli.modeles import Signataire
    from clsm_cli.stockage.ecriture import en_donnees

    structure = structure.strip()
    if not structure:
        raise ErreurSaisie("--structure : le nom de la structure signataire est vide.")
    if any(_normaliser(s.structure) == _normaliser(structure) for s in signataires(projet)):
        raise ErreurSaisie(
            f"« {structure} » est déjà signataire de la convention ; retirez-la d'abord pour "
            "changer son représentant."
        )
    try:
        signataire = Signataire(
            structure=structure,
            representant=representant or None,
            qualite=qualite or None,
            article=article or None,
        )
    except ValueError as exc:
        raise ErreurSaisie(f"Signataire invalide : {exc}") from None
    with projet.edition() as ed:
        convention = _convention(ed.document(CLSM))
        _ajouter_table(convention, "signataire", en_donnees(signataire))
    return signataire


def _ajouter_table(parent: Any, cle: str, donnees: dict[str, Any]) -> None:
    import tomlkit

    table = tomlkit.table()
    for k, v in donnees.items():
        table.add(k, v)
    if cle in parent:
        parent[cle].append(table)
    else:
        aot = tomlkit.aot()
        aot.append(table)
        parent.append(cle, aot)


def retirer_signataire(projet: Projet, structure: str) -> Signataire:
    presents = signataires(projet)
    cible = [
        i for i, s in enumerate(presents) if _normaliser(s.structure) == _normaliser(structure)
    ]
    if not cible:
        noms = ", ".join(f"« {s.structure} »" for s in presents) or "aucun"
        raise Introuvable(
            f"« {structure} » n'est pas signataire de la convention (signataires : {noms})."
        )
    retire = presents[cible[0]]
    with projet.edition() as ed:
        convention = _convention(ed.document(CLSM))
        liste = convention.get("signataire", [])
        for i, table in enumerate(liste):
            if _normaliser(table.get("structure")) == _normaliser(structure):
                del liste[i]
                break
        else:
            raise Introuvable(f"« {structure} » a disparu de {CLSM} ; relancez la commande.")
        if not len(liste):
            del convention["signataire"]
    return retire


def objectifs(projet: Projet) -> list[str]:
    return list(projet.identite.convention.objectifs) if projet.identite else []


def ajouter_objectif(projet: Projet, texte: str) -> int:
    """Append an objective; returns its number (1-based)."""
    from clsm_cli.stockage.ecriture import modifier_champs

    texte = " ".join(texte.split())
    if not texte:
        raise ErreurSaisie("L'objectif est vide.")
    actuels = objectifs(projet)
    if any(_normaliser(o) == _normaliser(texte) for o in actuels):
        raise ErreurSaisie(f"Cet objectif figure déjà dans la convention : « {texte} ».")
    with projet.edition() as ed:
        convention = _convention(ed.document(CLSM))
        if "objectifs" in convention:
            convention["objectifs"].append(texte)
        else:
            modifier_champs(convention, {"objectifs": [texte]})
    return len(actuels) + 1


def retirer_objectif(projet: Projet, designation: str) -> str:
    """Remove an objective given by its number (``2``) or its exact text."""
    actuels = objectifs(projet)
    if designation.strip().isdigit():
        numero = int(designation)
        if not 1 <= numero <= len(actuels):
            raise Introuvable(
                f"Pas d'objectif n° {numero} : la convention en compte {len(actuels)}."
            )
        indice = numero - 1
    else:
        trouves = [i for i, o in enumerate(actuels) if _normaliser(o) == _normaliser(designation)]
        if not trouves:
            raise Introuvable(
                f"Aucun objectif « {designation} » ; donnez son texte exact ou son numéro "
                "(clsm convention objectif liste)."
            )
        indice = trouves[0]
    texte = actuels[indice]
    with projet.edition() as ed:
        convention = _convention(ed.document(CLSM))
        liste = convention["objectifs"]
        position = next(
            (i for i, o in enumerate(liste) if _normaliser(str(o)) == _normaliser(texte)), None
        )
        if position is None:
            raise Introuvable(f"Cet objectif a disparu de {CLSM} ; relancez la commande.")
        del liste[position]
        if not len(liste):
            del convention["objectifs"]
    return texte
