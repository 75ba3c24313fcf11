"""``clsm identite``: the CLSM's identity and settings (clsm.toml)."""

from __future__ import annotations

from typing import Any

import click

from clsm_cli.cli import GroupeParesseux
from clsm_cli.cli._types import ENTIER, Choix
from clsm_cli.cli.contexte import Contexte, passer_contexte
from clsm_cli.modeles.erreurs import ErreurChargement, ErreurSaisie
from clsm_cli.noyau.membres import lire_date

EFFACABLES = (
    "communes",
    "population",
    "qpv",
    "date_creation",
    "porteur",
    "presidence",
    "co_animation",
    "coordination.nom",
    "coordination.courriel",
    "coordination.telephone",
    "coordination.etp",
    "convention.debut",
    "convention.fin",
    "cls",
    "cls.fiche_action",
    "ptsm",
    "export.modele_word",
)


@click.group(cls=GroupeParesseux, help="Identité du CLSM et paramètres (clsm.toml).")
def identite() -> None:
    pass


@identite.command(
    "voir",
    help="Afficher l'identité du CLSM : territoire, coordination, "
    "convention, financements, paramètres.",
)
@passer_contexte
def voir(contexte: Contexte) -> None:
    from clsm_cli.noyau.identite import fiche_identite

    projet = contexte.projet()
    fiche = projet.identite
    if fiche is None:  # clsm.toml has errors: nothing of it could be read
        raise ErreurChargement(
            [p for p in projet.problemes if p.fichier == "clsm.toml"],
            "clsm.toml n'a pas pu être lu :",
        )

    def rendu(console: Any) -> None:
        from rich.markup import escape
        from rich.table import Table

        for titre, lignes in fiche_identite(fiche):
            table = Table(title=escape(titre), title_justify="left", show_header=False, box=None)
            table.add_column(style="bold", no_wrap=True)
            table.add_column(overflow="fold")
            for libelle, valeur in lignes:
                table.add_row(escape(libelle), escape(valeur))
            console.print(table)

    donnees = fiche.model_dump(mode="json")
    donnees.pop("version_schema", None)
    contexte.sortie.donnees(donnees, rendu)


def _nombre(texte: str | None, option: str, entier: bool = False) -> int | float | None:
    if texte is None:
        return None
    brut = texte.replace("\u202f", "").replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        nombre = float(brut)
    except ValueError:
        nombre = None
    if nombre is None or (entier and not nombre.is_integer()):
        genre = "nombre entier" if entier else "nombre"
        raise ErreurSaisie(f"{option} : « {texte} » n'est pas un {genre} valide.")
    return int(nombre) if entier or nombre.is_integer() else nombre


def _periode(texte: str | None, option: str) -> tuple[int, int | None] | None:
    """« 2023-2027 » → (2023, 2027); « 2023 » → (2023, None)."""
    import re

    if texte is None:
        return None
    trouve = re.fullmatch(r"\s*(\d{4})\s*(?:[-–/à]+\s*(\d{4}))?\s*", texte)
    if not trouve:
        raise ErreurSaisie(
            f"{option} : « {texte} » n'est pas une période AAAA-AAAA (par exemple 2023-2027)."
        )
    debut, fin = trouve.groups()
    return int(debut), int(fin) if fin else None


@identite.command(
    "modifier",
    help="Modifier l'identité du CLSM ; seules les options données changent. --commune et "
    "--qpv, répétables, remplacent toute la liste.",
)
@click.option("--nom", help="Nom du CLSM, par exemple « CLSM de Valmont ».")
@click.option("--territoire", help="Territoire couvert.")
@click.option("--commune", multiple=True, help="Commune couverte ; répétable.")
@click.option("--population", metavar="N", help="Population du territoire.")
@click.option("--qpv", multiple=True, help="Quartier prioritaire (QPV) ; répétable.")
@click.option("--date-creation", metavar="AAAA-MM-JJ", help="Date de création du CLSM.")
@click.option("--porteur", help="Structure porteuse.")
@click.option("--presidence", help="Présidence (élu ou élue).")
@click.option("--co-animation", help="Co-animation (psychiatrie publique).")
@click.option("--coordination-nom", help="Nom de la coordinatrice ou du coordinateur.")
@click.option("--coordination-courriel", help="Courriel de la coordination.")
@click.option("--coordination-telephone", help="Téléphone de la coordination.")
@click.option("--coordination-etp", metavar="ETP", help="Temps de coordination, en ETP (0,8).")
@click.option("--convention-debut", metavar="AAAA-MM-JJ", help="Début de la convention.")
@click.option("--convention-fin", metavar="AAAA-MM-JJ", help="Fin de la convention.")
@click.option("--cls-nom", help="Contrat local de santé (CLS) dont le CLSM fait partie.")
@click.option("--cls-periode", metavar="AAAA-AAAA", help="Période du CLS (2023-2027).")
@click.option(
    "--cls-fiche-action", metavar="N°", help="Numéro de la fiche action du CLSM dans le CLS."
)
@click.option("--ptsm-nom", help="Projet territorial de santé mentale (PTSM) du territoire.")
@click.option("--ptsm-periode", metavar="AAAA-AAAA", help="Période du PTSM (2020-2025).")
@click.option(
    "--seuil-masquage",
    type=ENTIER,
    help="Effectif en dessous duquel les chiffres de la cellule sont masqués (défaut 11).",
)
@click.option(
    "--conservation-mois",
    type=ENTIER,
    help="Durée de conservation des situations closes de la cellule, en mois (défaut 24).",
)
@click.option("--modele-word", metavar="FICHIER", help="Document Word de référence (modeles/).")
@click.option(
    "--sans-cellule/--avec-cellule",
    "sans_cellule",
    default=None,
    help="Le CLSM n'a pas (ou a de nouveau) de cellule de cas complexes : les documents "
    "omettent alors ses sections et les commandes « clsm cellule » le signalent.",
)
@click.option(
    "--effacer",
    type=Choix(EFFACABLES),
    multiple=True,
    help="Vider un champ (répétable), par exemple --effacer coordination.telephone.",
)
@passer_contexte
def modifier(contexte: Contexte, effacer: tuple[str, ...], **options: Any) -> None:
    from clsm_cli.noyau.identite import CHAMPS_IDENTITE, modifier_identite

    options["population"] = _nombre(options["population"], "--population", entier=True)
    options["coordination_etp"] = _nombre(options["coordination_etp"], "--coordination-etp")
    for cle in ("date_creation", "convention_debut", "convention_fin"):
        options[cle] = lire_date(options[cle], "--" + cle.replace("_", "-"))
    changements: dict[str, Any] = {}
    for lien in ("cls", "ptsm"):
        periode = _periode(options.pop(f"{lien}_periode"), f"--{lien}-periode")
        if periode is not None:
            changements[f"{lien}.debut"], changements[f"{lien}.fin"] = periode
    sans_cellule = options.pop("sans_cellule")
    if sans_cellule is not None:
        changements["cellule.active"] = False if sans_cellule else None
    for champ, option in CHAMPS_IDENTITE.items():
        if option.endswith("-periode") or champ == "cellule.active":
            continue
        valeur = options[option[2:].replace("-", "_")]
        if valeur is not None and valeur != ():
            changements[champ] = list(valeur) if isinstance(valeur, tuple) else valeur
    for champ in effacer:
        if champ in changements:
            raise ErreurSaisie(f"{CHAMPS_IDENTITE[champ]} et --effacer {champ} : choisissez.")
        changements[champ] = None
    if not changements and sans_cellule is None:
        raise ErreurSaisie(
            "Rien à modifier : indiquez au moins une option (voir « clsm identite modifier "
            "--help »)."
        )
    fiche = modifier_identite(contexte.projet(), changements)
    sortie = contexte.sortie
    if sortie.format == "json":
        donnees = fiche.model_dump(mode="json")
        donnees.pop("version_schema", None)
        sortie.json(donnees)
    else:
        sortie.succes(
            "clsm.toml modifié : "
            + ", ".join(dict.fromkeys(CHAMPS_IDENTITE.get(c, "--" + c)[2:] for c in changements))
            + "."
        )
