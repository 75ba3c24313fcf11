"""``clsm etat``."""

from __future__ import annotations

from typing import Any

import click

from clsm_cli.cli.contexte import Contexte, passer_contexte


@click.command(help="Tableau de bord : membres, réunions, actions, suivis, SISM, cellule.")
@click.option("--annee", type=int, help="Année observée (par défaut : l'année en cours).")
@passer_contexte
def etat(contexte: Contexte, annee: int | None) -> None:
    from clsm_cli.noyau.etat import calculer_etat

    donnees = calculer_etat(contexte.projet(), annee)
    contexte.sortie.donnees(donnees, lambda console: _afficher(console, donnees))


def _afficher(console: Any, d: dict[str, Any]) -> None:
    from rich.columns import Columns
    from rich.panel import Panel
    from rich.table import Table

    from clsm_cli.modeles import LIBELLES_COLLEGE, LIBELLES_STATUT_ACTION
    from clsm_cli.noyau.textes import date_fr

    def petite_table(titre: str, lignes: list[tuple[str, Any]]) -> Panel:
        table = Table(show_header=False, box=None)
        table.add_column(no_wrap=True)
        table.add_column(justify="right")
        for libelle, valeur in lignes or [("—", "")]:
            table.add_row(libelle, str(valeur))
        return Panel.fit(table, title=titre, title_align="left")

    console.print(
        f"[bold]{d['clsm']}[/bold] — {d['territoire'] or ''} — état au {date_fr(d['date'])}"
    )
    membres = petite_table(
        f"Membres actifs : {d['membres']['actifs']}",
        [(LIBELLES_COLLEGE[c], n) for c, n in d["membres"]["par_college"].items()],
    )
    r = d["reunions"]
    reunions = petite_table(
        f"Réunions {d['annee']} : {r['tenues']} tenue(s), {r['prevues']} prévue(s)",
        list(r["par_instance"].items()),
    )
    actions = petite_table(
        f"Actions du plan : {d['actions']['total']}",
        [(LIBELLES_STATUT_ACTION[s], n) for s, n in d["actions"]["par_statut"].items()],
    )
    console.print(Columns([membres, reunions, actions]))
    s = d["suivis"]
    suivis = Table(
        title=f"Suivis ouverts : {s['ouverts']} (dont {s['en_retard']} en retard)",
        title_justify="left",
    )
    for colonne in ("Échéance", "Quoi", "Qui", "Réunion"):
        suivis.add_column(colonne)
    for item in s["prochains"]:
        suivis.add_row(
            date_fr(item["echeance"]) if item["echeance"] else "—",
            item["quoi"],
            item["qui"] or "—",
            date_fr(item["date_reunion"]),
        )
    if s["prochains"]:
        console.print(suivis)
    else:
        console.print("Suivis : aucun suivi ouvert.")
    sism = d["sism"]
    if sism:
        console.print(
            f"SISM {sism['annee']} : « {sism['theme']} » — {sism['evenements']} événement(s), "
            f"{sism['participants']} participant(s)"
        )
    else:
        console.print(f"SISM {d['annee']} : pas encore de programme (clsm sism nouvelle).")
    c = d["cellule"]
    console.print(
        f"Cellule {c['annee']} : saisines {c['situations_ouvertes']}, séances {c['seances']}, "
        f"examens de situation {c['examens']} (effectifs de 0 à 10 masqués)"
    )
