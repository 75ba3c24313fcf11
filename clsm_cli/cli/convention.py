"""``clsm convention``: the draft convention, and its signatories and objectives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from clsm_cli.cli import GroupeParesseux
from clsm_cli.cli._types import DATE, option_en
from clsm_cli.cli.contexte import Contexte, demander, passer_contexte, refuser_format_liste


@click.group(
    cls=GroupeParesseux,
    invoke_without_command=True,
    help="Projet de convention de partenariat (.docx) : sans sous-commande, l'écrit dans "
    "exports/convention.docx et liste ce qui reste « [à compléter : …] ». Les sous-commandes "
    "tiennent à jour signataires et objectifs dans clsm.toml.",
)
@click.option("--debut", type=DATE, help="Date d'effet (par défaut : celle de clsm.toml).")
@click.option("--fin", type=DATE, help="Date de fin (par défaut : celle de clsm.toml).")
@option_en("docx")
@click.option(
    "-o",
    "--sortie",
    type=click.Path(path_type=Path),
    help="Fichier (ou dossier) de sortie ; par défaut exports/convention.docx ; « - » : la "
    "sortie standard (redirigée vers un fichier).",
)
@click.option(
    "--pdf",
    is_flag=True,
    help="Convertir aussi le document en PDF avec LibreOffice (s'il est installé).",
)
@click.pass_context
def convention(
    ctx: click.Context,
    debut: dt.date | None,
    fin: dt.date | None,
    en: str | None,
    sortie: Path | None,
    pdf: bool,
) -> None:
    if ctx.invoked_subcommand is not None:
        return
    from clsm_cli.documents.fichiers import SORTIE_STANDARD, pour_affichage
    from clsm_cli.documents.production import ecrire_convention

    contexte = ctx.ensure_object(Contexte)
    refuser_format_liste(contexte, "au projet de convention")
    produit = ecrire_convention(contexte.projet(), debut, fin, sortie, pdf=pdf)
    sortie_ = contexte.sortie
    for chemin in produit.fichiers:
        if chemin != SORTIE_STANDARD:
            sortie_.succes(f"Projet de convention écrit : {pour_affichage(chemin)}")
    if produit.a_completer:
        sortie_.avertissement(
            f"{len(produit.a_completer)} information(s) à compléter (marquées « [à compléter : "
            "…] » dans le document) :"
        )
        for manque in produit.a_completer:
            sortie_.signaler(f"  - {manque}")
    else:
        sortie_.signaler("Rien à compléter : toutes les informations sont renseignées.")


# --- signataires ---------------------------------------------------------------------------


@convention.group(cls=GroupeParesseux, help="Signataires de la convention (clsm.toml).")
def signataire() -> None:
    pass


@signataire.command("liste", help="Lister les signataires.")
@passer_contexte
def signataire_liste(contexte: Contexte) -> None:
    from clsm_cli.noyau.convention import signataires

    contexte.sortie.tableau(
        ["Structure", "Représentant", "Qualité"],
        [[s.structure, s.representant, s.qualite] for s in signataires(contexte.projet())],
        cles=["structure", "representant", "qualite"],
        titre="Signataires de la convention",
        vide="Aucun signataire (clsm convention signataire ajouter).",
    )


@signataire.command("ajouter", help="Ajouter une structure signataire.")
@click.option("--structure", help="Structure signataire (Ville de…, ARS…, centre hospitalier…).")
@click.option("--representant", help="Personne qui signe pour la structure.")
@click.option("--qualite", help="Qualité de cette personne (Maire, Directeur…).")
@click.option(
    "--article",
    type=click.Choice(["le", "la", "les", "l'", "aucun"]),
    help="Article du nom de la structure dans les documents, quand clsm le devinerait mal "
    "(« l' » pour « l'Habitat Valmont », « aucun » pour un nom sans article).",
)
@passer_contexte
def signataire_ajouter(
    contexte: Contexte,
    structure: str | None,
    representant: str | None,
    qualite: str | None,
    article: str | None,
) -> None:
    from clsm_cli.noyau.convention import ajouter_signataire

    structure = demander(structure, "--structure", "Structure signataire")
    s = ajouter_signataire(contexte.projet(), structure, representant, qualite, article)
    qui = ", ".join(x for x in (s.representant, s.qualite) if x)
    contexte.sortie.succes(f"Signataire ajouté : {s.structure}" + (f" ({qui})" if qui else ""))


@signataire.command("retirer", help="Retirer une structure signataire.")
@click.option("--structure", help="Structure à retirer (majuscules et accents indifférents).")
@passer_contexte
def signataire_retirer(contexte: Contexte, structure: str | None) -> None:
    from clsm_cli.noyau.convention import retirer_signataire

    structure = demander(structure, "--structure", "Structure à retirer")
    s = retirer_signataire(contexte.projet(), structure)
    contexte.sortie.succes(f"Signataire retiré : {s.structure}")


# --- objectifs -----------------------------------------------------------------------------


@convention.group(cls=GroupeParesseux, help="Objectifs de la convention (clsm.toml).")
def objectif() -> None:
    pass


@objectif.command("liste", help="Lister les objectifs, numérotés.")
@passer_contexte
def objectif_liste(contexte: Contexte) -> None:
    from clsm_cli.noyau.convention import objectifs

    contexte.sortie.tableau(
        ["N°", "Objectif"],
        [[n, o] for n, o in enumerate(objectifs(contexte.projet()), start=1)],
        cles=["numero", "objectif"],
        titre="Objectifs de la convention",
        vide="Aucun objectif (clsm convention objectif ajouter TEXTE).",
    )


@objectif.command("ajouter", help="Ajouter un objectif (son texte entre guillemets).")
@click.argument("texte", required=False)
@passer_contexte
def objectif_ajouter(contexte: Contexte, texte: str | None) -> None:
    from clsm_cli.noyau.convention import ajouter_objectif

    texte = demander(texte, "TEXTE", "Texte de l'objectif")
    numero = ajouter_objectif(contexte.projet(), texte)
    contexte.sortie.succes(f"Objectif n° {numero} ajouté.")


@objectif.command("retirer", help="Retirer un objectif, désigné par son numéro ou son texte.")
@click.argument("objectif_", metavar="NUMERO_OU_TEXTE", required=False)
@passer_contexte
def objectif_retirer(contexte: Contexte, objectif_: str | None) -> None:
    from clsm_cli.noyau.convention import retirer_objectif

    designation = demander(objectif_, "NUMERO_OU_TEXTE", "Numéro ou texte de l'objectif")
    texte = retirer_objectif(contexte.projet(), designation)
    contexte.sortie.succes(f"Objectif retiré : « {texte} »")
