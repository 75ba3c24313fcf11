"""``clsm national``: consolidate many CLSM folders (état des lieux national ou régional)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from clsm_cli.cli.contexte import Contexte, passer_contexte

if TYPE_CHECKING:
    from clsm_cli.noyau.national import Consolidation


@click.command(
    help="Consolider plusieurs dossiers CLSM en indicateurs d'état des lieux (nombre de CLSM, "
    "population, collèges, instances, actions, SISM, cellule masquée, financements). Seuls des "
    "agrégats sortent des dossiers. Un dossier illisible est signalé et ignoré ; la commande "
    "réussit dès qu'un dossier est consolidé (code de sortie 1 si aucun).",
    epilog="Exemple : clsm national clsm-ars/ --recursif -o etat-des-lieux.xlsx",
)
@click.argument("dossiers", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-r", "--recursif", is_flag=True, help="Chercher les dossiers clsm dans les sous-dossiers."
)
@click.option(
    "-o",
    "--sortie",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Classeur Excel à écrire (un tableau par feuille).",
)
@click.option(
    "--annee",
    type=click.IntRange(1990, 2100),
    help="Année des chiffres par CLSM (par défaut : l'année dernière).",
)
@passer_contexte
def national(
    contexte: Contexte,
    dossiers: tuple[Path, ...],
    recursif: bool,
    sortie: Path | None,
    annee: int | None,
) -> None:
    from clsm_cli.documents.national import classeur
    from clsm_cli.modeles.erreurs import ErreurClsm, ErreurSaisie
    from clsm_cli.noyau.national import consolider, trouver_dossiers

    if sortie is not None and sortie.suffix.lower() != ".xlsx":
        raise ErreurSaisie(f"-o {sortie} : le classeur doit avoir l'extension .xlsx.")
    chemins = trouver_dossiers(dossiers, recursif)
    if not chemins:
        raise ErreurSaisie("Aucun dossier clsm trouvé (aucun clsm.toml) dans ces dossiers.")
    barre = _Barre()
    try:
        resultat = consolider(chemins, annee=annee, progression=barre)
    finally:
        barre.fermer()
    if sortie is not None and resultat.resumes:
        from clsm_cli.documents.fichiers import ecrire, pour_affichage

        ecrire(sortie, classeur(resultat))
        contexte.sortie.succes(f"Classeur écrit : {pour_affichage(sortie)}")
    _afficher(contexte, resultat)
    if not resultat.resumes:
        raise ErreurClsm(f"Aucun dossier n'a pu être consolidé ({resultat.resume_texte}).")


class _Barre:
    """A rich progress bar on stderr, only at a terminal; started at the first folder done
    (after the worker processes are forked)."""

    def __init__(self) -> None:
        self.actif = sys.stderr.isatty()
        self.progres: Any = None
        self.tache: Any = None

    def __call__(self, fait: int, total: int) -> None:
        if not self.actif:
            return
        if self.progres is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.progres = Progress(
                TextColumn("Consolidation"),
                BarColumn(),
                MofNCompleteColumn(),
                console=Console(file=sys.stderr),
                transient=True,
            )
            self.progres.start()
            self.tache = self.progres.add_task("", total=total)
        self.progres.update(self.tache, completed=fait)

    def fermer(self) -> None:
        if self.progres is not None:
            self.progres.stop()


def _afficher(contexte: Contexte, resultat: Consolidation) -> None:
    sortie = contexte.sortie
    for ignore in resultat.ignores:
        details = "".join(f"\n  {probleme}" for probleme in ignore.problemes)
        sortie.avertissement(f"{ignore.dossier} ignoré :{details}")
    if sortie.format == "json":
        sortie.json(resultat.en_dict())
    elif sortie.format == "csv":
        lignes = resultat.en_dict()["clsm"]
        cles = list(lignes[0]) if lignes else ["dossier"]
        sortie.tableau(cles, [list(ligne.values()) for ligne in lignes])
    elif resultat.resumes:
        d = resultat.en_dict()
        sortie.donnees(d, lambda console: _tableaux(console, d))
    sortie.signaler(resultat.resume_texte + ".")


def _tableaux(console: Any, d: dict[str, Any]) -> None:
    from rich.markup import escape
    from rich.table import Table

    from clsm_cli.modeles import LIBELLES_COLLEGE
    from clsm_cli.noyau.national import CELLULE_ENTIERS, FINANCEURS, INSTANCES
    from clsm_cli.noyau.textes import nombre_fr

    def nombre(v: Any) -> str:
        return (
            nombre_fr(v, 1 if isinstance(v, float) and not v.is_integer() else 0)
            if isinstance(v, int | float)
            else str(v)
        )

    def table(titre: str, entetes: list[str], lignes: list[list[Any]]) -> None:
        t = Table(title=escape(titre), title_justify="left")  # councils' texts, not markup
        for i, entete in enumerate(entetes):
            t.add_column(escape(entete), justify="left" if i == 0 else "right")
        for ligne in lignes:
            t.add_row(*(escape(nombre(v)) for v in ligne))
        console.print(t)

    t = d["territoire"]
    table(
        "Territoire",
        ["Indicateur", "Valeur"],
        [
            ["CLSM", t["nombre_clsm"]],
            ["Population couverte", t["population_couverte"]],
            ["Monocommunaux / intercommunaux", f"{t['monocommunaux']} / {t['intercommunaux']}"],
            ["CLSM avec QPV (QPV couverts)", f"{t['clsm_avec_qpv']} ({t['qpv_couverts']})"],
        ],
    )
    table(
        "Membres actifs par collège",
        ["Collège", "Total", "Moyenne", "Min", "Médiane", "Max"],
        [
            [
                LIBELLES_COLLEGE.get(k, "Total"),
                *(v[c] for c in ("total", "moyenne", "min")),
                v["mediane"],
                v["max"],
            ]
            for k, v in d["membres_par_college"].items()
        ],
    )
    table(
        "Instances tenues",
        ["Année", *INSTANCES.values()],
        [[str(a), *(ligne[k] for k in INSTANCES)] for a, ligne in d["instances_par_annee"].items()],
    )
    table(
        "SISM",
        ["Année", "CLSM", "Événements", "Participants"],
        [
            [str(a), s["clsm_participants"], s["evenements"], s["participants"]]
            for a, s in d["sism_par_annee"].items()
        ],
    )
    table(
        "Cellule de cas complexes (effectifs masqués)",
        ["Année", *CELLULE_ENTIERS.values()],
        [[str(a), *(c[k] for k in CELLULE_ENTIERS)] for a, c in d["cellule_par_annee"].items()],
    )
    from clsm_cli.documents.national import LIBELLES_LIENS

    liens = d["diagnostic_et_liens"]
    table(
        "Diagnostic partagé et liens avec le CLS et le PTSM",
        ["Indicateur", "CLSM", "Part"],
        [
            [
                libelle,
                liens[f"clsm_{cle}"],
                "—"
                if liens[f"part_{cle}"] is None
                else f"{nombre_fr(round(liens[f'part_{cle}'] * 100))} %",
            ]
            for cle, libelle in LIBELLES_LIENS.items()
        ],
    )
    table(
        "Financements (€)",
        ["Année", *FINANCEURS.values(), "Total"],
        [
            [str(a), *(f[k] for k in FINANCEURS), f["total"]]
            for a, f in d["financements_par_annee"].items()
        ],
    )
