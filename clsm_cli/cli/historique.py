"""``clsm historique``: who changed which file, and when (from git)."""

from __future__ import annotations

import click

from clsm_cli.cli.contexte import Contexte, passer_contexte


@click.command(
    help="Historique des modifications du dossier (ou d'un fichier) lu dans git : qui, quand, "
    "quels fichiers. Si le dossier n'est pas un dépôt git, explique comment en créer un."
)
@click.argument("fichier", required=False, metavar="[FICHIER]")
@click.option(
    "-n",
    "--nombre",
    type=click.IntRange(min=1),
    default=50,
    help="Nombre de modifications affichées, les plus récentes (50 par défaut).",
)
@passer_contexte
def historique(contexte: Contexte, fichier: str | None, nombre: int) -> None:
    from clsm_cli.noyau.depot_git import COMMENT_COMMENCER, est_un_depot
    from clsm_cli.noyau.depot_git import historique as lire_historique

    racine = contexte.racine()
    sortie = contexte.sortie
    if not est_un_depot(racine):
        sortie.message(COMMENT_COMMENCER)
        return
    if fichier:
        fichier = _relatif(racine, fichier)
    modifications = lire_historique(racine, fichier, nombre)
    json = sortie.format == "json"
    sortie.tableau(
        ["Date", "Auteur", "Fichiers", "Message", "Commit"],
        [
            [
                m.date.isoformat() if json else m.date.strftime("%d/%m/%Y %H:%M"),
                m.auteur if not json else {"nom": m.auteur, "courriel": m.courriel},
                m.fichiers if json else _fichiers(m.fichiers),
                m.message,
                m.commit,
            ]
            for m in modifications
        ],
        cles=["date", "auteur", "fichiers", "message", "commit"],
        titre=f"Historique{f' de {fichier}' if fichier else ''} ({len(modifications)})",
        vide=f"Aucune modification enregistrée{f' pour {fichier}' if fichier else ''}.",
    )


def _fichiers(fichiers: list[str], montres: int = 4) -> str:
    if len(fichiers) <= montres:
        return "\n".join(fichiers)
    return "\n".join(fichiers[: montres - 1]) + f"\n… et {len(fichiers) - montres + 1} autres"


def _relatif(racine: object, fichier: str) -> str:
    """FICHIER as given (relative to the folder), or an absolute / current-folder path inside
    it, made relative to the folder."""
    from pathlib import Path

    from clsm_cli.modeles.erreurs import ErreurSaisie

    assert isinstance(racine, Path)
    chemin = Path(fichier)
    if not chemin.is_absolute():
        if (racine / chemin).exists() or not chemin.exists():
            return chemin.as_posix()
        chemin = chemin.resolve()
    try:
        return chemin.resolve().relative_to(racine.resolve()).as_posix()
    except ValueError:
        raise ErreurSaisie(f"« {fichier} » n'est pas dans le dossier du CLSM ({racine}).") from None
