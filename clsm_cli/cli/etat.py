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


def _ligne_suivi(item: dict[str, Any]) -> list[str]:
    from rich.markup import escape

    from clsm_cli.noyau.textes import date_fr

    return [
        date_fr(item["echeance"]) if item["echeance"] else "—",
        escape(item["quoi"]),
        escape(item["qui"] or "—"),
        date_fr(item["date_reunion"]),
        "en retard" if item["en_retard"] else "à faire",
    ]


def _afficher_prochaine(console: Any, p: dict[str, Any] | None) -> None:
    """The next meeting, and what is due before it."""
    from rich.markup import escape
    from rich.table import Table

    from clsm_cli.noyau.textes import date_fr

    if p is None:
        console.print("Prochaine réunion : aucune de prévue (clsm reunion ajouter).")
        return
    quand = date_fr(p["date"]) + (f" à {p['heure']}" if p["heure"] else "")
    lieu = f", {escape(p['lieu'])}" if p["lieu"] else ""
    console.print(f"Prochaine réunion : {escape(p['libelle'])} du {quand}{lieu} ({p['reunion']})")
    if not p["suivis_dus"]:
        console.print("  Aucun suivi à échéance avant cette réunion.")
        return
    dus = Table(title=f"À faire avant cette réunion : {len(p['suivis_dus'])}", title_justify="left")
    for colonne in ("Échéance", "Quoi", "Qui", "Réunion", "État"):
        dus.add_column(colonne)
    for item in p["suivis_dus"]:
        dus.add_row(*_ligne_suivi(item), style="red" if item["en_retard"] else None)
    console.print(dus)


def _afficher(console: Any, d: dict[str, Any]) -> None:
    from rich.columns import Columns
    from rich.panel import Panel
    from rich.table import Table

    from clsm_cli.cli.sortie import imprimer_tableau
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
    for colonne in ("Échéance", "Quoi", "Qui", "Réunion", "État"):
        suivis.add_column(colonne)
    for item in s["prochains"]:
        suivis.add_row(*_ligne_suivi(item), style="red" if item["en_retard"] else None)
    if s["prochains"]:
        imprimer_tableau(console, suivis)  # never a word cut, even at 80 columns
    else:
        console.print("Suivis : aucun suivi ouvert.")
    _afficher_prochaine(console, d["prochaine_reunion"])
    sism = d["sism"]
    if sism:
        console.print(
            f"SISM {sism['annee']} : « {sism['theme']} » — "
            f"{_ou_inconnu(sism['evenements'], 'événement(s)')}, "
            f"{_ou_inconnu(sism['participants'], 'participant(s)')}"
        )
    else:
        console.print(f"SISM {d['annee']} : pas encore de programme (clsm sism nouvelle).")
    c = d["cellule"]
    if c is None:
        console.print("Cellule : ce CLSM n'a pas de cellule de cas complexes.")
    else:
        console.print(
            f"Cellule {c['annee']} : saisines {c['situations_ouvertes']}, séances "
            f"{c['seances']}, examens de situation {c['examens']} (effectifs de 0 à 10 masqués)"
        )


def _ou_inconnu(nombre: int | None, mot: str) -> str:
    return f"{nombre} {mot}" if nombre is not None else f"{mot} : non renseigné"
