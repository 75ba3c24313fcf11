"""``clsm jalon``: the milestones of the council's life (``[[jalon]]`` of clsm.toml)."""

from __future__ import annotations

import click

from clsm_cli.cli import GroupeParesseux
from clsm_cli.cli.contexte import Contexte, confirmer, demander, passer_contexte
from clsm_cli.modeles.jalons import TypeJalon  # a plain enumeration: no pydantic

TYPES_JALON = [t.value for t in TypeJalon]


@click.group(
    cls=GroupeParesseux,
    help="Jalons de la vie du CLSM : création, diagnostic, convention, bilans (clsm.toml).",
)
def jalon() -> None:
    pass


@jalon.command("liste", help="Lister les jalons dans l'ordre du temps (numérotés).")
@passer_contexte
def liste(contexte: Contexte) -> None:
    from clsm_cli.modeles.jalons import LIBELLES_TYPE_JALON
    from clsm_cli.noyau.historique import jalons_tries, libelle_jalon
    from clsm_cli.noyau.textes import date_fr

    sortie = contexte.sortie
    brut = sortie.format != "table"
    jalons = jalons_tries(contexte.projet())
    sortie.tableau(
        ["N°", "Date", "Type", "Libellé"],
        [
            [
                n,
                j.date.isoformat() if brut else date_fr(j.date),
                j.type.value if brut else LIBELLES_TYPE_JALON[j.type],
                libelle_jalon(j),
            ]
            for n, j in enumerate(jalons, start=1)
        ],
        cles=["numero", "date", "type", "libelle"],
        titre=f"Jalons ({len(jalons)})",
        vide="Aucun jalon : ajoutez-en un avec « clsm jalon ajouter --date … --type … ».",
    )


@jalon.command("ajouter", help="Ajouter un jalon (date AAAA, AAAA-MM ou AAAA-MM-JJ).")
@click.option("--date", "date_", metavar="AAAA[-MM[-JJ]]", help="Date du jalon (2015 suffit).")
@click.option("--type", "type_", type=click.Choice(TYPES_JALON), help="Type de jalon.")
@click.option("--libelle", help="Libellé (par défaut : celui du type, ex. « Création du CLSM »).")
@passer_contexte
def ajouter(contexte: Contexte, date_: str | None, type_: str | None, libelle: str | None) -> None:
    from clsm_cli.noyau.diagnostic import ajouter_jalon, en_date_imprecise
    from clsm_cli.noyau.historique import libelle_jalon
    from clsm_cli.noyau.textes import date_fr
    from clsm_cli.stockage.ecriture import en_donnees

    projet = contexte.projet()
    date_ = demander(date_, "--date", "Date du jalon (AAAA, AAAA-MM ou AAAA-MM-JJ)")
    type_ = demander(type_, "--type", "Type de jalon", choix=TYPES_JALON)
    j = ajouter_jalon(projet, en_date_imprecise(date_, "--date") or "", type_, libelle)
    sortie = contexte.sortie
    sortie.donnees(
        en_donnees(j),
        lambda _: sortie.succes(f"Jalon ajouté : {date_fr(j.date)} — {libelle_jalon(j)}."),
    )


@jalon.command("retirer", help="Retirer le jalon numéro N de « clsm jalon liste ».")
@click.argument("numero", metavar="N", type=click.IntRange(min=1))
@click.option("--oui", is_flag=True, help="Confirmer sans poser de question.")
@passer_contexte
def retirer(contexte: Contexte, numero: int, oui: bool) -> None:
    from clsm_cli.modeles.erreurs import Introuvable
    from clsm_cli.noyau.diagnostic import retirer_jalon
    from clsm_cli.noyau.historique import jalons_tries, libelle_jalon
    from clsm_cli.noyau.textes import date_fr

    projet = contexte.projet()
    jalons = jalons_tries(projet)
    if not 1 <= numero <= len(jalons):
        raise Introuvable(
            f"Aucun jalon n° {numero} : la liste en compte {len(jalons)} (voir « clsm jalon "
            "liste »)."
        )
    j = jalons[numero - 1]
    texte = f"{date_fr(j.date)} — {libelle_jalon(j)}"
    sortie = contexte.sortie
    if not confirmer(f"Retirer le jalon « {texte} » ?", oui):
        sortie.message("Rien n'a été retiré.")
        return
    retirer_jalon(projet, numero)
    sortie.donnees(
        {"numero": numero, "retire": True}, lambda _: sortie.succes(f"Jalon retiré : {texte}.")
    )
