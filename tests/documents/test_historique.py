"""The council's history in the documents: a council entered through the commands only
(creation year, a 2018 diagnostic by an observatory with three priorities, a convention, an
interim review), then the bilan's « Historique et diagnostic » section and coverage table, the
convention's préambule, the feuille de route (.docx and Markdown) and the national figures."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from .aides import docx, tableau, texte_normal, titres, xlsx

Clsm = Callable[..., Result]

COUVERTURE = ["Priorité", "Axes du plan", "Réalisées", "En cours", "Prévues"]


def reussit(clsm: Clsm, *args: object) -> Result:
    r = clsm(*args)
    assert r.exit_code == 0, r.output
    return r


@pytest.fixture
def conseil(clsm: Clsm, tmp_path: Path) -> Path:
    """A council whose history was typed command by command."""
    d = tmp_path / "testville"
    reussit(clsm, "init", d, "--nom", "CLSM de Testville", "--territoire", "Testville",
            "--date-creation", "2015")  # fmt: skip

    def c(*args: str) -> Result:
        return reussit(clsm, "-C", d, *args)

    c("diagnostic", "ajouter", "--date", "2018", "--realise-par",
      "Observatoire régional de la santé (ORS)", "--methode", "données", "--methode",
      "entretiens", "--source", "Données de l'Assurance maladie",
      "--constat", "Délais d'attente au CMP supérieurs à trois mois",
      "--priorite", "Accès aux soins", "--priorite", "Maintien dans le logement",
      "--priorite", "Santé mentale des jeunes")  # fmt: skip
    c("jalon", "ajouter", "--date", "2018", "--type", "diagnostic", "--libelle",
      "Diagnostic partagé par l'ORS")  # fmt: skip
    c("membres", "ajouter", "--nom", "Martin", "--prenom", "Anne", "--structure",
      "CCAS de Testville", "--college", "social_medico_social")  # fmt: skip
    c("plan", "axe", "ajouter", "--intitule", "Accès aux soins", "--id", "soins",
      "--priorite", "acces-soins")  # fmt: skip
    c("plan", "axe", "ajouter", "--intitule", "Habitat", "--id", "habitat")
    c("plan", "axe", "modifier", "habitat", "--priorite", "maintien-logement")
    for intitule, statut, axe in (
        ("Guide ressources", "realisee", "soins"),
        ("Permanence CMP", "en_cours", "soins"),
        ("Forum santé mentale", "prevue", "soins"),
        ("Cellule de veille logement", "reportee", "habitat"),
    ):
        c("plan", "action", "ajouter", "--axe", axe, "--intitule", intitule, "--type",
          "coordination", "--statut", statut, "--pilote", "anne-martin", "--fin",
          "2026-06-30")  # fmt: skip
    c("identite", "modifier", "--convention-debut", "2019-01-01", "--convention-fin",
      "2022-12-31", "--cls-nom", "Contrat local de santé de Testville", "--cls-periode",
      "2018-2022", "--cls-fiche-action", "3", "--ptsm-nom", "PTSM du Calvados",
      "--ptsm-periode", "2020-2025")  # fmt: skip
    c("convention", "signataire", "ajouter", "--structure", "Ville de Testville",
      "--representant", "Jean Dupont", "--qualite", "Maire")  # fmt: skip
    c("jalon", "ajouter", "--date", "2019-01", "--type", "convention_signee")
    c("jalon", "ajouter", "--date", "2021-06", "--type", "bilan_intermediaire")
    assert clsm("-C", d, "verifier").stdout == (
        "diagnostic.toml:24: priorite.id: aucun axe du plan ne répond à la priorité "
        "« sante-mentale-jeunes » (clsm plan axe modifier AXE --priorite "
        "sante-mentale-jeunes) (W305)\n0 erreur(s), 1 avertissement(s).\n"
    )
    return d


def test_bilan_historique_et_couverture(clsm: Clsm, conseil: Path) -> None:
    reussit(clsm, "-C", conseil, "bilan", "2025")
    document = docx(conseil / "exports" / "bilan-2025.docx")
    assert titres(document, 2)[:3] == [
        "1.1 Identité",
        "1.2 L'année 2025 en chiffres",
        "1.3 Historique et diagnostic",
    ]
    texte = texte_normal(document)
    debut = texte.index("1.3 Historique et diagnostic\nLes grandes étapes")  # not the sommaire
    section = texte[debut : texte.index("2. Gouvernance et instances", debut)]
    assert section.split("\nPriorité\nAxes du plan")[0].splitlines() == [
        "1.3 Historique et diagnostic",
        "Les grandes étapes",
        "2015 : Création du CLSM",
        "2018 : Diagnostic partagé par l'ORS",
        "janvier 2019 : Signature de la convention",
        "juin 2021 : Bilan intermédiaire",
        "Dernier diagnostic partagé",
        "Date : 2018",
        "Réalisé par : Observatoire régional de la santé (ORS)",
        "Méthode : données et entretiens",
        "Sources : Données de l'Assurance maladie",
        "Principaux constats :",
        "Délais d'attente au CMP supérieurs à trois mois",
        "Priorités retenues et actions du plan qui y répondent",
    ]
    assert section.rstrip().endswith("Priorité sans aucune action : « Santé mentale des jeunes ».")
    assert tableau(document, COUVERTURE) == [
        COUVERTURE,
        ["Accès aux soins", "Accès aux soins", "1", "1", "1"],
        ["Maintien dans le logement", "Habitat", "0", "0", "1"],
        ["Santé mentale des jeunes — aucune action", "aucun axe", "0", "0", "0"],
    ]
    identite = dict(
        (ligne[0], ligne[1]) for ligne in tableau(document, ["Rubrique", "Information"])[1:]
    )
    assert identite["Contrat local de santé (CLS)"] == (
        "Contrat local de santé de Testville (2018-2022), fiche action n° 3"
    )
    assert identite["Projet territorial de santé mentale (PTSM)"] == "PTSM du Calvados (2020-2025)"
    classeur = xlsx(conseil / "exports" / "bilan-2025.xlsx")
    assert list(classeur["Couverture des priorités"].iter_rows(values_only=True)) == [
        (
            "Priorité",
            "Axes du plan",
            "Actions réalisées",
            "Actions en cours",
            "Actions prévues",
            "Sans action",
        ),
        ("Accès aux soins", "Accès aux soins", 1, 1, 1, "non"),
        ("Maintien dans le logement", "Habitat", 0, 0, 1, "non"),
        ("Santé mentale des jeunes", None, 0, 0, 0, "oui"),
    ]
    historique = list(classeur["Historique et diagnostic"].iter_rows(values_only=True))
    assert historique[:5] == [
        ("Date", "Rubrique", "Information"),
        ("2015", "Jalon", "Création du CLSM"),
        ("2018", "Jalon", "Diagnostic partagé par l'ORS"),
        ("janvier 2019", "Jalon", "Signature de la convention"),
        ("juin 2021", "Jalon", "Bilan intermédiaire"),
    ]


def test_bilan_json(clsm: Clsm, conseil: Path) -> None:
    r = reussit(clsm, "-C", conseil, "--format", "json", "bilan", "2025")
    h = json.loads(r.stdout)["historique"]
    assert [c["id"] for c in h["couverture"]] == [
        "acces-soins",
        "maintien-logement",
        "sante-mentale-jeunes",
    ]
    assert h["diagnostic"]["date"] == "2018"
    assert h["liens"]["cls_fiche_action"] == "3"


def test_convention_preambule(clsm: Clsm, conseil: Path) -> None:
    reussit(clsm, "-C", conseil, "convention")
    texte = texte_normal(docx(conseil / "exports" / "convention.docx"))
    preambule = texte[texte.index("Préambule\n") : texte.index("Il est convenu ce qui suit.")]
    assert preambule.splitlines()[3:] == [
        "Vu le projet territorial de santé mentale (PTSM) « PTSM du Calvados » (2020-2025) ;",
        "Vu le contrat local de santé (CLS) « Contrat local de santé de Testville » (2018-2022), "
        "dont le conseil local de santé mentale constitue la fiche action n° 3 ;",
        "Vu le diagnostic partagé de la santé mentale du territoire, réalisé en 2018 "
        "(Observatoire régional de la santé (ORS)), et les priorités retenues à partir de ce "
        "diagnostic :",
        "Accès aux soins ;",
        "Maintien dans le logement ;",
        "Santé mentale des jeunes ;",
        "Le conseil local de santé mentale (CLSM) est un espace de concertation et de "
        "coordination entre les élus, la psychiatrie publique, les représentants des usagers, "
        "les aidants et l'ensemble des professionnels du territoire. Il a pour objectif de "
        "définir et de mettre en œuvre des politiques et des actions locales permettant "
        "l'amélioration de la santé mentale des populations concernées.",
        "Le CLSM de Testville a été créé en 2015. La présente convention en précise "
        "l'organisation et les engagements de chacun.",
    ]


def test_convention_cite_le_dernier_diagnostic_avant_sa_date(clsm: Clsm, conseil: Path) -> None:
    reussit(clsm, "-C", conseil, "diagnostic", "ajouter", "--date", "2024-03",
            "--realise-par", "en interne")  # fmt: skip
    reussit(clsm, "-C", conseil, "convention")
    texte = texte_normal(docx(conseil / "exports" / "convention.docx"))
    assert "réalisé en 2018 (Observatoire régional de la santé (ORS))" in texte
    assert "2024" not in texte.split("Il est convenu")[0]
    reussit(clsm, "-C", conseil, "convention", "--debut", "2025-01-01", "--fin", "2028-12-31")
    texte = texte_normal(docx(conseil / "exports" / "convention.docx"))
    assert (
        "Vu le diagnostic partagé de la santé mentale du territoire, réalisé en interne en "
        "mars 2024 ;" in texte
    )


def test_feuille_de_route_docx(clsm: Clsm, conseil: Path) -> None:
    r = reussit(clsm, "-C", conseil, "plan", "feuille-de-route")
    assert (
        r.output
        == "✓ Feuille de route écrite : "
        + str(conseil / "exports" / "feuille-de-route.docx")
        + "\n"
    )
    document = docx(conseil / "exports" / "feuille-de-route.docx")
    assert titres(document, 1) == [
        "Priorités du diagnostic partagé",
        "Axe 1 — Accès aux soins",
        "Axe 2 — Habitat",
    ]
    corps = document.element.body.xml
    assert corps.count('w:type="page"') == 2  # one page per axis
    entetes = ["Action", "Pilote", "Échéance", "Statut"]
    assert tableau(document, entetes, 0) == [
        entetes,
        ["Guide ressources", "Anne Martin (CCAS de Testville)", "30 juin 2026", "Réalisée"],
        ["Permanence CMP", "Anne Martin (CCAS de Testville)", "30 juin 2026", "En cours"],
        ["Forum santé mentale", "Anne Martin (CCAS de Testville)", "30 juin 2026", "Prévue"],
    ]
    assert tableau(document, entetes, 1)[1] == [
        "Cellule de veille logement",
        "Anne Martin (CCAS de Testville)",
        "30 juin 2026",
        "Reportée",
    ]
    texte = texte_normal(document)
    assert "À traiter : aucun axe ne répond encore à « Santé mentale des jeunes »." in texte


def test_feuille_de_route_markdown(clsm: Clsm, conseil: Path) -> None:
    r = reussit(clsm, "-C", conseil, "plan", "feuille-de-route", "--en", "md")
    assert r.stdout == (
        "# Feuille de route — CLSM de Testville\n\n"
        "Période du plan d'action non renseignée. Document établi le 26 novembre 2026.\n\n"
        "## Priorités du diagnostic partagé\n\n"
        "Diagnostic partagé réalisé en 2018 (Observatoire régional de la santé (ORS)).\n\n"
        "- Accès aux soins\n- Maintien dans le logement\n- Santé mentale des jeunes\n\n"
        "**À traiter : aucun axe ne répond encore à « Santé mentale des jeunes ».**\n\n"
        "## Axe 1 — Accès aux soins\n\n"
        "Priorités auxquelles l'axe répond :\n\n- Accès aux soins\n\n"
        "| Action | Pilote | Échéance | Statut |\n|---|---|---|---|\n"
        "| Guide ressources | Anne Martin (CCAS de Testville) | 30 juin 2026 | Réalisée |\n"
        "| Permanence CMP | Anne Martin (CCAS de Testville) | 30 juin 2026 | En cours |\n"
        "| Forum santé mentale | Anne Martin (CCAS de Testville) | 30 juin 2026 | Prévue |\n\n"
        "## Axe 2 — Habitat\n\n"
        "Priorités auxquelles l'axe répond :\n\n- Maintien dans le logement\n\n"
        "| Action | Pilote | Échéance | Statut |\n|---|---|---|---|\n"
        "| Cellule de veille logement | Anne Martin (CCAS de Testville) | 30 juin 2026 | "
        "Reportée |\n"
    )
    sortie = conseil / "fdr.md"
    reussit(clsm, "-C", conseil, "plan", "feuille-de-route", "--en", "md", "-o", sortie)
    assert sortie.read_text(encoding="utf-8") == r.stdout


def test_national_diagnostic_et_liens(clsm: Clsm, conseil: Path, tmp_path: Path) -> None:
    reussit(clsm, "init", tmp_path / "vide", "--nom", "CLSM Vide")
    r = reussit(clsm, "--format", "json", "national", conseil, tmp_path / "vide")
    d = json.loads(r.stdout)
    # the 2018 diagnostic is more than five years old on 2026-11-26
    assert d["diagnostic_et_liens"] == {
        "clsm_diagnostic_recent": 0,
        "part_diagnostic_recent": 0.0,
        "clsm_cls": 1,
        "part_cls": 0.5,
        "clsm_ptsm": 1,
        "part_ptsm": 0.5,
    }
    assert [(x["dernier_diagnostic"], x["cls"], x["ptsm"]) for x in d["clsm"]] == [
        (2018, True, True),
        (None, False, False),
    ]
    reussit(clsm, "-C", conseil, "diagnostic", "ajouter", "--date", "2022-01")
    r = reussit(clsm, "--format", "json", "national", conseil, tmp_path / "vide")
    liens = json.loads(r.stdout)["diagnostic_et_liens"]
    assert (liens["clsm_diagnostic_recent"], liens["part_diagnostic_recent"]) == (1, 0.5)
    classeur = tmp_path / "etat.xlsx"
    reussit(clsm, "national", conseil, tmp_path / "vide", "-o", classeur)
    assert list(xlsx(classeur)["Diagnostic et liens"].iter_rows(values_only=True)) == [
        ("Indicateur", "CLSM", "Part des CLSM"),
        ("Diagnostic partagé de moins de 5 ans", 1, 0.5),
        ("Lié à un contrat local de santé (CLS)", 1, 0.5),
        ("Lié à un projet territorial de santé mentale (PTSM)", 1, 0.5),
    ]
