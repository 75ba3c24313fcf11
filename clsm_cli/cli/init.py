"""``clsm init``."""

from __future__ import annotations

from pathlib import Path

import click

from clsm_cli.cli.contexte import SUFFIXE, Contexte, confirmer, interactif, passer_contexte


def droits_reserves_possibles() -> bool:
    """Whether this system can keep cellule/ to its owner (0700/0600): POSIX only."""
    import os

    return os.name == "posix"


@click.command(
    help="Créer un dossier clsm valide, vide ou rempli d'un CLSM fictif (--demo). Au terminal, "
    "le nom, le territoire et la coordination sont demandés."
)
@click.argument("dossier", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--nom", help="Nom du CLSM, par exemple « CLSM de Valmont ».")
@click.option("--territoire", help="Territoire couvert (commune ou intercommunalité).")
@click.option("--coordination-nom", help="Nom de la coordinatrice ou du coordinateur.")
@click.option("--coordination-courriel", help="Courriel de la coordination.")
@click.option(
    "--date-creation",
    metavar="AAAA[-MM[-JJ]]",
    help="Date de création du CLSM (2015 suffit) ; ajoute le jalon « Création du CLSM ».",
)
@click.option("--demo", is_flag=True, help="Remplir avec un CLSM fictif réaliste pour essayer.")
@click.option(
    "--git",
    "avec_git",
    is_flag=True,
    help="En faire aussi un dépôt git, avec un premier commit (cellule/ et exports/ exclus) : "
    "historique des modifications (clsm historique) et partage à plusieurs. Dans un dossier "
    "clsm existant, crée seulement le dépôt.",
)
@passer_contexte
def init(
    contexte: Contexte,
    dossier: Path | None,
    nom: str | None,
    territoire: str | None,
    coordination_nom: str | None,
    coordination_courriel: str | None,
    date_creation: str | None,
    demo: bool,
    avec_git: bool,
) -> None:
    from clsm_cli.noyau.diagnostic import en_date_imprecise
    from clsm_cli.noyau.initialisation import creer_dossier
    from clsm_cli.noyau.textes import date_fr

    cible = dossier or contexte.dossier or Path.cwd()
    if avec_git:
        from clsm_cli.noyau.depot_git import git_disponible

        if not git_disponible():
            from clsm_cli.modeles.erreurs import ErreurClsm

            raise ErreurClsm(
                "--git : git n'est pas installé (https://git-scm.com) ; rien n'a été créé."
            )
    existant = avec_git and not demo and (Path(cible) / "clsm.toml").exists()
    if existant:
        racine = Path(cible).resolve()
    else:
        if not demo and interactif():
            nom, territoire, coordination_nom, coordination_courriel = _demander(
                nom, territoire, coordination_nom, coordination_courriel
            )
        coordination = {"nom": coordination_nom or "", "courriel": coordination_courriel or ""}
        creation = en_date_imprecise(date_creation, "--date-creation")
        jalon = creation is not None and (
            not interactif()
            or confirmer(
                f"Ajouter le jalon « Création du CLSM » ({date_fr(creation)}) ?",
                False,
                defaut=True,
            )
        )
        racine = creer_dossier(
            cible,
            nom=nom,
            territoire=territoire,
            demo=demo,
            date_creation=creation,
            jalon_creation=jalon,
            coordination=coordination,
        )
    commit = None
    if avec_git:
        from clsm_cli.noyau.depot_git import initialiser_depot

        commit = initialiser_depot(racine, existant=existant)
    sortie = contexte.sortie
    if not droits_reserves_possibles():
        from clsm_cli.noyau.verification import CONSEIL_CHIFFREMENT

        sortie.avertissement(CONSEIL_CHIFFREMENT[0].upper() + CONSEIL_CHIFFREMENT[1:] + ".")
    if sortie.format == "json":
        sortie.json({"dossier": str(racine), "demo": demo, "git": commit})
        return
    quoi = "Dossier de démonstration créé" if demo else "Dossier clsm créé"
    if not existant:
        sortie.succes(f"{quoi} : {racine}")
    if commit:
        sortie.succes(f"Dépôt git créé, premier commit {commit} (cellule/ et exports/ exclus)")
    if existant:
        return
    sortie.signaler(f"Ensuite : clsm -C {cible} etat   (ou clsm -C {cible} verifier)")


def _demander(
    nom: str | None, territoire: str | None, coord_nom: str | None, coord_courriel: str | None
) -> tuple[str, str, str, str]:
    """Ask, at a terminal, what was not given (an empty answer leaves coordination blank)."""
    territoire = territoire or click.prompt(
        "Territoire couvert (commune ou intercommunalité)", prompt_suffix=SUFFIXE
    )
    nom = nom or click.prompt("Nom du CLSM", default=f"CLSM de {territoire}", prompt_suffix=SUFFIXE)
    coord_nom = coord_nom or click.prompt(
        "Nom de la coordinatrice ou du coordinateur",
        default="",
        show_default=False,
        prompt_suffix=SUFFIXE,
    )
    coord_courriel = coord_courriel or click.prompt(
        "Courriel de la coordination", default="", show_default=False, prompt_suffix=SUFFIXE
    )
    return nom, territoire, coord_nom, coord_courriel
