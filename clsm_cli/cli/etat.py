"""``clsm etat``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from clsm_cli.cli.contexte import Contexte, passer_contexte

if TYPE_CHECKING:
    from clsm_cli.cli.dessin import Element


@click.command(help="Tableau de bord : membres, réunions, actions, suivis, SISM, cellule.")
@click.option("--annee", type=int, help="Année observée (par défaut : l'année en cours).")
@passer_contexte
def etat(contexte: Contexte, annee: int | None) -> None:
    from clsm_cli.noyau.etat import calculer_etat

    donnees = calculer_etat(contexte.projet(), annee)
    contexte.sortie.ecran(donnees, lambda: _ecran(donnees))


COLONNES_SUIVIS = ("Échéance", "Quoi", "Qui", "Réunion", "État")


def _suivis(titre: str, items: list[dict[str, Any]], *, sans_coupure: bool = True) -> Element:
    """A table of follow-ups, late ones in red at a terminal."""
    from clsm_cli.cli.dessin import Tableau, echapper
    from clsm_cli.noyau.textes import date_fr

    lignes = [
        [
            date_fr(item["echeance"]) if item["echeance"] else "—",
            echapper(item["quoi"]),
            echapper(item["qui"] or "—"),
            date_fr(item["date_reunion"]),
            "en retard" if item["en_retard"] else "à faire",
        ]
        for item in items
    ]
    styles = ["red" if item["en_retard"] else None for item in items]
    return Tableau(COLONNES_SUIVIS, lignes, titre, styles, sans_coupure)


def _prochaine(p: dict[str, Any] | None) -> list[Element]:
    """The next meeting, and what is due before it."""
    from clsm_cli.cli.dessin import Ligne, echapper
    from clsm_cli.noyau.textes import date_fr

    if p is None:
        return [Ligne("Prochaine réunion : aucune de prévue (clsm reunion ajouter).")]
    quand = date_fr(p["date"]) + (f" à {p['heure']}" if p["heure"] else "")
    lieu = f", {echapper(p['lieu'])}" if p["lieu"] else ""
    ligne = Ligne(
        f"Prochaine réunion : {echapper(p['libelle'])} du {quand}{lieu} ({echapper(p['reunion'])})"
    )
    if not p["suivis_dus"]:
        return [ligne, Ligne("  Aucun suivi à échéance avant cette réunion.")]
    # rich's own layout here (words may be cut when too wide), as before
    titre = f"À faire avant cette réunion : {len(p['suivis_dus'])}"
    return [ligne, _suivis(titre, p["suivis_dus"], sans_coupure=False)]


def _ecran(d: dict[str, Any]) -> list[Element]:
    """What ``clsm etat`` shows in table mode (text in rich markup: the folder's own texts
    escaped, a « [x] » in a name is not a style)."""
    from clsm_cli.cli.dessin import Ligne, Panneaux, echapper
    from clsm_cli.modeles import LIBELLES_COLLEGE, LIBELLES_STATUT_ACTION
    from clsm_cli.noyau.textes import date_fr

    def panneau(titre: str, lignes: list[tuple[str, Any]]) -> tuple[str, list[tuple[str, str]]]:
        return titre, [(echapper(texte), str(n)) for texte, n in lignes or [("—", "")]]

    r = d["reunions"]
    ecran: list[Element] = [
        Ligne(
            f"[bold]{echapper(d['clsm'])}[/bold] — {echapper(d['territoire'] or '')} — "
            f"état au {date_fr(d['date'])}"
        ),
        Panneaux(
            [
                panneau(
                    f"Membres actifs : {d['membres']['actifs']}",
                    [(LIBELLES_COLLEGE[c], n) for c, n in d["membres"]["par_college"].items()],
                ),
                panneau(
                    f"Réunions {d['annee']} : {r['tenues']} tenue(s), {r['prevues']} prévue(s)",
                    list(r["par_instance"].items()),
                ),
                panneau(
                    f"Actions du plan : {d['actions']['total']}",
                    [(LIBELLES_STATUT_ACTION[s], n) for s, n in d["actions"]["par_statut"].items()],
                ),
            ]
        ),
    ]
    s = d["suivis"]
    if s["prochains"]:  # never a word cut, even at 80 columns
        titre = f"Suivis ouverts : {s['ouverts']} (dont {s['en_retard']} en retard)"
        ecran.append(_suivis(titre, s["prochains"]))
    else:
        ecran.append(Ligne("Suivis : aucun suivi ouvert."))
    ecran += _prochaine(d["prochaine_reunion"])
    sism = d["sism"]
    if sism:
        ecran.append(
            Ligne(
                f"SISM {sism['annee']} : « {echapper(sism['theme'])} » — "
                f"{_ou_inconnu(sism['evenements'], 'événement(s)')}, "
                f"{_ou_inconnu(sism['participants'], 'participant(s)')}"
            )
        )
    else:
        ecran.append(Ligne(f"SISM {d['annee']} : pas encore de programme (clsm sism nouvelle)."))
    c = d["cellule"]
    if c is None:
        ecran.append(Ligne("Cellule : ce CLSM n'a pas de cellule de cas complexes."))
    else:
        ecran.append(
            Ligne(
                f"Cellule {c['annee']} : saisines {c['situations_ouvertes']}, séances "
                f"{c['seances']}, examens de situation {c['examens']} (effectifs de 0 à 10 masqués)"
            )
        )
    return ecran


def _ou_inconnu(nombre: int | None, mot: str) -> str:
    return f"{nombre} {mot}" if nombre is not None else f"{mot} : non renseigné"
