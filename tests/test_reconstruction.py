"""Issue 12, « Done means »: a small, real-shaped CLSM rebuilt from a script of commands only.

The council is the kind a coordinator rebuilds from old copil slides: historic SISM years known
only by their totals (or not at all), réalisations dated by the year or the month, an exhibition
over several days, two people of one structure, no cellule. No file is edited by hand; the
bilan's figures are read back from its JSON, and the .docx is checked for zeros printed where a
figure is unknown.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from tests.documents import aides as A

Clsm = Callable[..., Result]

SCRIPT = [
    # identity: creation date given, no cellule
    ["identite", "modifier", "--sans-cellule", "--population", "24000"],
    # members: two delegates of one ARS délégation, two chiefs of one hospital's poles
    ["membres", "ajouter", "--id", "maire", "--nom", "Garnier", "--prenom", "Hélène",
     "--structure", "Ville de Valmont", "--fonction", "Maire", "--college", "elus",
     "--instance", "copil", "--instance", "pleniere", "--signataire"],
    ["membres", "ajouter", "--nom", "Roche", "--prenom", "Léa", "--structure",
     "ARS Délégation de l'Yonne", "--fonction", "Déléguée départementale",
     "--college", "institutions", "--instance", "copil"],
    ["membres", "ajouter", "--nom", "Benali", "--prenom", "Karim", "--structure",
     "ARS Délégation de l'Yonne", "--fonction", "Chargé de mission santé mentale",
     "--college", "institutions", "--instance", "copil"],
    ["membres", "ajouter", "--nom", "Morel", "--prenom", "Anne", "--structure",
     "CH de Valmont", "--fonction", "Cheffe du pôle adultes", "--college", "psychiatrie",
     "--instance", "copil", "--courriel", "anne.morel@ch-valmont.fr"],
    ["membres", "ajouter", "--nom", "Faure", "--prenom", "Paul", "--structure",
     "CH de Valmont", "--fonction", "Chef du pôle enfants", "--college", "psychiatrie",
     "--instance", "pleniere"],
    # plan: one axis, one action with réalisations dated by year or month only
    ["plan", "axe", "ajouter", "--id", "deststig", "--intitule", "Déstigmatisation"],
    ["plan", "action", "ajouter", "--id", "forum", "--axe", "deststig", "--intitule",
     "Forum santé mentale", "--type", "information_communication", "--statut", "en_cours"],
    ["plan", "realisation", "ajouter", "forum", "--date", "2020", "--libelle",
     "Premier forum"],
    ["plan", "realisation", "ajouter", "forum", "--date", "2024-06", "--libelle",
     "Forum 2024", "--participants", "140"],
    ["plan", "realisation", "ajouter", "forum", "--date", "2024-11-05", "--libelle",
     "Atelier de préparation"],
    ["plan", "indicateur", "forum", "--libelle", "Visiteurs", "--annee", "2023",
     "--realise", "90"],
    ["plan", "indicateur", "forum", "--libelle", "Visiteurs", "--annee", "2024",
     "--cible", "150", "--realise", "140"],
    # SISM: 2021 known by its totals, 2022 by its theme only, 2024 in detail
    ["sism", "nouvelle", "2021", "--evenements", "9", "--partenaires", "8",
     "--participants", "500"],
    ["sism", "nouvelle", "2022"],
    ["sism", "nouvelle", "2024", "--debut", "2024-10-07", "--fin", "2024-10-31",
     "--comite", "anne-morel", "--comite", "maire"],
    ["sism", "evenement", "ajouter", "2024", "--titre", "Exposition « Regards croisés »",
     "--type", "exposition", "--date", "2024-10-10", "--fin", "2024-10-29",
     "--lieu", "Médiathèque", "--commune", "Valmont"],
    ["sism", "evenement", "ajouter", "2024", "--titre", "Ciné-débat", "--type", "cine_debat",
     "--date", "2024-10-15", "--heure", "20:00", "--heure-fin", "22:30",
     "--participants", "85", "--partenaire", "Cinéma Le Palace"],
    # governance: one copil with both ARS delegates
    ["reunion", "ajouter", "--instance", "copil", "--date", "2024-03-12", "--present",
     "maire", "--present", "lea-roche", "--present", "karim-benali", "--excuse",
     "anne-morel"],
    # a meeting nobody is convened to: its attendance rate cannot be computed
    ["reunion", "ajouter", "--instance", "autre", "--date", "2024-05-02", "--present", "maire"],
]  # fmt: skip


def _reconstruire(clsm: Clsm, racine: Path) -> list[Result]:
    r = clsm(
        "init", racine, "--nom", "CLSM de Valmont", "--territoire", "Valmont",
        "--date-creation", "2019-05-02",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    resultats = []
    for commande in SCRIPT:
        r = clsm("-C", racine, *commande)
        assert r.exit_code == 0, (commande, r.output)
        resultats.append(r)
    return resultats


def test_reconstruction_par_les_commandes(clsm: Clsm, tmp_path: Path) -> None:
    racine = tmp_path / "valmont"
    resultats = _reconstruire(clsm, racine)
    # two people of one structure are not duplicates: no warning at all
    assert [r.stderr for r in resultats if "doublon" in r.stderr] == []
    r = clsm("-C", racine, "verifier")
    assert r.exit_code == 0, r.output

    r = clsm("-C", racine, "--format", "json", "bilan", "2024")
    assert r.exit_code == 0, r.output
    b = json.loads(r.stdout)
    assert "cellule" not in b
    assert b["presentation"]["date_creation"] == "2019-05-02"
    sism = b["sism"]
    assert (sism["nombre_evenements"], sism["participants"], sism["nombre_partenaires"]) == (
        2,
        85,
        1,
    )
    assert sism["comite"] == ["Anne Morel (CH de Valmont)", "Hélène Garnier (Ville de Valmont)"]
    assert [(e["titre"], e["date"], e["fin"], e["participants"]) for e in sism["evenements"]] == [
        ("Exposition « Regards croisés »", "2024-10-10", "2024-10-29", None),
        ("Ciné-débat", "2024-10-15", None, 85),
    ]
    assert sism["historique"] == [
        {"annee": 2021, "theme": "Pour ma santé mentale, respectons mes droits",
         "evenements": 9, "participants": 500, "partenaires": 8},
        {"annee": 2022,
         "theme": "Pour ma santé mentale, agissons pour notre environnement",
         "evenements": None, "participants": None, "partenaires": None},
        {"annee": 2024, "theme": "En mouvement pour notre santé mentale",
         "evenements": 2, "participants": 85, "partenaires": 1},
    ]  # fmt: skip
    (action,) = b["plan"]["axes"][0]["actions"]
    assert [(i["libelle"], i["cible"], i["realise"]) for i in action["indicateurs"]] == [
        ("Visiteurs", 150, 140)
    ]
    assert [(x["date"], x["libelle"], x["participants"]) for x in action["realisations"]] == [
        ("2024-06", "Forum 2024", 140),
        ("2024-11-05", "Atelier de préparation", None),
    ]
    assert action["participants"] == 140
    copil, autre = b["gouvernance"]["reunions"]
    assert (autre["convoques"], autre["taux_presence"]) == (0, None)
    assert (copil["convoques"], copil["presents_convoques"], copil["participants"]) == (4, 3, 3)
    assert copil["taux_presence"] == 0.75
    chiffres = {c["libelle"]: c["valeur"] for c in b["chiffres_cles"]}
    assert chiffres["Événements de la SISM"] == 2
    assert chiffres["Participants à la SISM"] == 85

    # the 2021 bilan: figures from the declared totals
    r = clsm("-C", racine, "--format", "json", "bilan", "2021")
    b2021 = json.loads(r.stdout)
    assert (b2021["sism"]["nombre_evenements"], b2021["sism"]["participants"]) == (9, 500)
    assert b2021["sism"]["totaux_declares"] is True
    assert b2021["sism"]["evenements"] == []


def test_reconstruction_document_sans_zero_pour_l_inconnu(clsm: Clsm, tmp_path: Path) -> None:
    racine = tmp_path / "valmont"
    _reconstruire(clsm, racine)
    for annee, attendu_bilan in (
        (2022, "nombre d'événements non renseigné, nombre de participants non renseigné"),
        (2021, "9 événements, 500 participants"),
    ):
        r = clsm("-C", racine, "bilan", str(annee), "--docx")
        assert r.exit_code == 0, r.output
        doc = A.docx(racine / "exports" / f"bilan-{annee}.docx")
        texte = A.texte_normal(doc)
        assert f"\nBilan : {attendu_bilan}\n" in texte
        assert "Cellule de cas complexes" not in [t.split(". ", 1)[-1] for t in A.titres(doc, 1)]
        assert [t.split(" ", 1)[0] for t in A.titres(doc, 1)][:7] == [
            "1.", "2.", "3.", "4.", "5.", "6.", "7."
        ]  # fmt: skip
        # no « 0 événement » / « 0 participant » for what nobody counted
        assert not re.search(r"(?<![\d ,])0 (événement|participant|partenaire)", texte), texte
    texte_2022 = A.texte_normal(A.docx(racine / "exports" / "bilan-2022.docx"))
    lignes = A.tableau(
        A.docx(racine / "exports" / "bilan-2022.docx"),
        ["Année", "Thème", "Événements", "Participants"],
    )
    assert lignes[1:] == [
        ["2021", "Pour ma santé mentale, respectons mes droits", "9", "500"],
        [
            "2022",
            "Pour ma santé mentale, agissons pour notre environnement",
            "non renseigné",
            "non renseigné",
        ],
    ]
    assert "Totaux déclarés" not in texte_2022
    r = clsm("-C", racine, "bilan", "2024", "--docx")
    texte_2024 = A.texte_normal(A.docx(racine / "exports" / "bilan-2024.docx"))
    assert "Anne Morel (CH de Valmont) et Hélène Garnier (Ville de Valmont)" in texte_2024
    assert "du 10 au 29 octobre 2024" in texte_2024
    assert "Premier forum" not in texte_2024  # dated 2020: not in the 2024 bilan
    assert "juin 2024" in texte_2024
    doc = A.docx(racine / "exports" / "bilan-2024.docx")
    presences = A.tableau(
        doc, ["Date", "Instance", "Présents", "Excusés", "Taux de présence", "Décisions"]
    )
    assert presences[1:] == [
        ["12 mars 2024", "Comité de pilotage", "3", "1", "75\u00a0%\n3/4", "0"],
        ["2 mai 2024", "Autre réunion", "1", "0", "non calculable", "0"],
    ]
    r = clsm("-C", racine, "bilan", "2024", "--xlsx")
    assert r.exit_code == 0, r.output
    classeur = A.xlsx(racine / "exports" / "bilan-2024.xlsx")
    assert "Cellule" not in classeur.sheetnames and "SISM 2024" in classeur.sheetnames
    chiffres = dict(A.lignes(classeur["Chiffres clés"])[1:])
    assert (chiffres["Événements de la SISM"], chiffres["Participants à la SISM"]) == (2, 85)
    r = clsm("-C", racine, "bilan", "2022", "--xlsx")
    chiffres_2022 = dict(
        A.lignes(A.xlsx(racine / "exports" / "bilan-2022.xlsx")["Chiffres clés"])[1:]
    )
    assert chiffres_2022["Participants à la SISM"] == "non renseigné"
    assert chiffres_2022["Taux de présence moyen"] == "non calculable"
    realisations = A.lignes(classeur["Réalisations"])[1:]
    assert (realisations[0][0], realisations[0][3]) == ("2024-06", "Forum 2024")
    assert realisations[1][0].date() == dt.date(2024, 11, 5)
