"""``clsm membres importer``: real-looking spreadsheets in, exact report and members out."""

from __future__ import annotations

import io
import json
import re
import tomllib
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from clsm_cli.modeles.erreurs import ErreurSaisie
from clsm_cli.noyau.importation import (
    college_depuis_texte,
    decoder,
    lire_option_colonnes,
    separateur_probable,
)

from .cli.test_membres import AUJOURDHUI, MEMBRES, lire, octets, remplir


@pytest.fixture
def dossier(projet: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from clsm_cli.noyau.projet import Projet

    monkeypatch.setattr(Projet, "aujourdhui", lambda self: AUJOURDHUI)
    monkeypatch.setenv("COLUMNS", "200")
    return remplir(projet)


def valeur_en_cache(chemin: Path, cellule: str, valeur: str) -> None:
    """Give a formula cell the value Excel would have computed and saved with it."""
    tampon = io.BytesIO()
    with zipfile.ZipFile(chemin) as source, zipfile.ZipFile(tampon, "w") as cible:
        for info in source.infolist():
            contenu = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                texte = contenu.decode("utf-8")
                texte, n = re.subn(
                    rf'<c r="{cellule}"><f>(.*?)</f><v\s*/?>(</v>)?</c>',
                    rf'<c r="{cellule}" t="str"><f>\1</f><v>{valeur}</v></c>',
                    texte,
                )
                assert n == 1
                contenu = texte.encode("utf-8")
            cible.writestr(info, contenu)
    chemin.write_bytes(tampon.getvalue())


def classeur(chemin: Path) -> Path:
    """An address book as coordinators keep them: a title, two header rows with merged cells,
    accents, an empty row, an unknown collège, formulas with and without a computed value."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Partenaires"
    ws["A1"] = "Annuaire des partenaires du CLSM de Testville — mise à jour de mars 2026"
    ws.merge_cells("A1:I1")
    for colonne, entete in zip(
        "ABCDEHI",
        ["NOM", "Prénom", "Organisme", "Fonction", "Collège", "Instances", "Remarques"],
        strict=True,
    ):
        ws[f"{colonne}2"] = entete
        ws.merge_cells(f"{colonne}2:{colonne}3")
    ws["F2"] = "Coordonnées"
    ws.merge_cells("F2:G2")
    ws["F3"] = "E-mail"
    ws["G3"] = "Tél."
    lignes = [
        ["Dumesnil", "Claire", "Ville de Testville", "Maire adjointe", "Élus",
         "CLAIRE.DUMESNIL@example.org", "01 99 00 11 12", "COPIL, Plénière", None],
        ["Lefèvre", "Anaïs", "GEM L'Envol", "Animatrice", "Usagers / GEM",
         "anais.lefevre@example.org", 612345678, "Plénière", "Pair-aidante,\n  bénévole"],
        [None] * 9,
        ["Ménard", "Joël", "Habitat Testville", "Chargé de gestion\nlocative", "Bailleurs",
         "j.menard@example.org", "+33 6 12 34 56 78", "GT Logement et santé mentale", None],
        ["Astruc", "Paul", "Club des explorateurs", "Président", "Astronautes", None, None,
         None, None],
        ["Roux", "Léa", "Commissariat de Testville", "Référente", "Police",
         '=LOWER("LEA.ROUX@EXAMPLE.ORG")', None, None, None],
        ["Barbier", "Hélène", "Collège Jean Zay", "Infirmière scolaire", "Éducation nationale",
         '=LOWER("HELENE.BARBIER@EXAMPLE.ORG")', None, None, None],
        ["moreau", "INÈS", "Habitat  Testville", "Chargée de gestion locative", "logement",
         None, None, None, None],
        [None, None, "UNAFAM Testville", None, "Aidants / UNAFAM", None, None, None,
         "=SOMME des bénévoles"],
        ["Lefevre", "Anais", "GEM L'Envol", "Animatrice", "Usagers",
         "Anais.Lefevre@example.org", None, None, None],
    ]  # fmt: skip
    for numero, valeurs in enumerate(lignes, start=4):
        for colonne, valeur in enumerate(valeurs, start=1):
            if valeur is not None:
                ws.cell(row=numero, column=colonne, value=valeur)
    ws["I12"].data_type = "s"  # typed as text in Excel: not a formula
    wb.save(chemin)
    valeur_en_cache(chemin, "F10", "helene.barbier@example.org")
    return chemin


RAPPORT_XLSX = [
    {
        "ligne": 4,
        "resultat": "mise_a_jour",
        "id": "claire-dumesnil",
        "membre": "Claire Dumesnil (Ville de Testville)",
        "detail": "modifié : fonction",
    },
    {
        "ligne": 5,
        "resultat": "ajout",
        "id": "anais-lefevre",
        "membre": "Anaïs Lefèvre (GEM L'Envol)",
        "detail": "collège : Usagers",
    },
    {
        "ligne": 7,
        "resultat": "ajout",
        "id": "joel-menard",
        "membre": "Joël Ménard (Habitat Testville)",
        "detail": "collège : Logement",
    },
    {
        "ligne": 8,
        "resultat": "rejet",
        "id": None,
        "membre": "Paul Astruc (Club des explorateurs)",
        "detail": "collège inconnu « Astronautes » (valeurs possibles : elus, psychiatrie, "
        "usagers, aidants, sante, social_medico_social, logement, education, securite_justice, "
        "institutions, associations, autres)",
    },
    {
        "ligne": 9,
        "resultat": "rejet",
        "id": None,
        "membre": "Léa Roux (Commissariat de Testville)",
        "detail": 'cellule F9 (E-mail) : formule sans valeur calculée (=LOWER("LEA.ROUX@EXAMPLE'
        '.ORG")) ; ouvrez et enregistrez le fichier dans Excel ou LibreOffice, ou remplacez la '
        "formule par sa valeur",
    },
    {
        "ligne": 10,
        "resultat": "ajout",
        "id": "helene-barbier",
        "membre": "Hélène Barbier (Collège Jean Zay)",
        "detail": "collège : Éducation et jeunesse",
    },
    {
        "ligne": 11,
        "resultat": "inchange",
        "id": "ines-moreau",
        "membre": "Inès Moreau (Habitat Testville)",
        "detail": "déjà à jour",
    },
    {
        "ligne": 12,
        "resultat": "ajout",
        "id": "unafam-testville",
        "membre": "UNAFAM Testville",
        "detail": "collège : Aidants et familles",
    },
    {
        "ligne": 13,
        "resultat": "rejet",
        "id": None,
        "membre": "Anais Lefevre (GEM L'Envol)",
        "detail": "même membre que la ligne 5",
    },
]

AJOUTS_XLSX = """
[[membre]]
id = "anais-lefevre"
nom = "Lefèvre"
prenom = "Anaïs"
structure = "GEM L'Envol"
fonction = "Animatrice"
college = "usagers"
instances = ["pleniere"]
courriel = "anais.lefevre@example.org"
telephone = "0612345678"
notes = \"\"\"Pair-aidante,
bénévole\"\"\"

[[membre]]
id = "joel-menard"
nom = "Ménard"
prenom = "Joël"
structure = "Habitat Testville"
fonction = "Chargé de gestion locative"
college = "logement"
instances = ["logement"]
courriel = "j.menard@example.org"
telephone = "+33 6 12 34 56 78"

[[membre]]
id = "helene-barbier"
nom = "Barbier"
prenom = "Hélène"
structure = "Collège Jean Zay"
fonction = "Infirmière scolaire"
college = "education"
courriel = "helene.barbier@example.org"

[[membre]]
id = "unafam-testville"
structure = "UNAFAM Testville"
college = "aidants"
notes = "=SOMME des bénévoles"
"""


def test_import_xlsx(dossier: Path, tmp_path: Path, clsm: Callable[..., Result]) -> None:
    fichier = classeur(tmp_path / "Annuaire partenaires.xlsx")
    avant = octets(dossier)
    r = clsm("-C", dossier, "--format", "json", "membres", "importer", fichier, "--essai")
    assert r.exit_code == 1
    assert json.loads(r.stdout) == RAPPORT_XLSX
    assert r.stderr.splitlines() == [
        "4 ajouts, 1 mise à jour, 1 déjà à jour, 3 rejets — essai : rien n'a été écrit.",
        "Corrigez les lignes rejetées dans le fichier puis relancez l'import : les lignes déjà "
        "importées seront reconnues et laissées telles quelles.",
    ]
    assert octets(dossier) == avant

    r = clsm("-C", dossier, "--format", "json", "membres", "importer", fichier)
    assert r.exit_code == 1
    assert json.loads(r.stdout) == RAPPORT_XLSX
    assert r.stderr.splitlines()[0] == (
        "4 ajouts, 1 mise à jour, 1 déjà à jour, 3 rejets — écrit dans membres.toml."
    )
    attendu = (
        MEMBRES.replace('fonction = "Adjointe au maire"', 'fonction = "Maire adjointe"')
        + AJOUTS_XLSX
    )
    assert (dossier / "membres.toml").read_text(encoding="utf-8") == attendu
    assert lire(dossier, "groupes.toml")["groupe"][0]["membres"] == [
        "laurent-mercadier",
        "joel-menard",
    ]
    assert clsm("-C", dossier, "verifier").exit_code == 0

    # a second run recognises every row it already imported
    r = clsm("-C", dossier, "--format", "json", "membres", "importer", fichier)
    assert [(x["ligne"], x["resultat"]) for x in json.loads(r.stdout)] == [
        (4, "inchange"),
        (5, "inchange"),
        (7, "inchange"),
        (8, "rejet"),
        (9, "rejet"),
        (10, "inchange"),
        (11, "inchange"),
        (12, "inchange"),
        (13, "rejet"),
    ]
    assert (dossier / "membres.toml").read_text(encoding="utf-8") == attendu


def test_import_xlsx_rapport_en_table(
    dossier: Path, tmp_path: Path, clsm: Callable[..., Result]
) -> None:
    fichier = classeur(tmp_path / "annuaire.xlsx")
    r = clsm("-C", dossier, "membres", "importer", fichier, "--essai")
    assert r.exit_code == 1
    lignes = [ligne.rstrip() for ligne in r.stdout.splitlines()]
    assert lignes[0] == "Import de annuaire.xlsx"
    assert [c.strip() for c in lignes[2].split("┃")[1:-1]] == [
        "Ligne",
        "Résultat",
        "Identifiant",
        "Membre",
        "Détail",
    ]
    assert lignes[4].startswith("│ 4     │ mise à jour │ claire-dumesnil  │ Claire Dumesnil")
    assert "│ 11    │ inchangé    │ ines-moreau      │" in r.stdout
    assert r.stderr.splitlines() == [
        "4 ajouts, 1 mise à jour, 1 déjà à jour, 3 rejets — essai : rien n'a été écrit.",
        "Corrigez les lignes rejetées dans le fichier puis relancez l'import : les lignes déjà "
        "importées seront reconnues et laissées telles quelles.",
    ]


CSV_WINDOWS = (
    "Nom;Prénom;Structure;Fonction;Collège;Courriel;Téléphone\r\n"
    "Garçon;Anaëlle;CMP Adultes Les Tilleuls;Infirmière;Psychiatrie;"
    "anaelle.garcon@example.org;01 23 45 67 89\r\n"
    "Lœwy;Théo;UNAFAM 99;Délégué\x07;Aidants / UNAFAM;;\r\n"
    "\r\n"
    'Béranger;Noël;"Tribunal judiciaire; service civil";Juge;Justice;;\r\n'
    "Mercadier;Laurent;CH Les Tilleuls;Chef de pôle;Psychiatrie;;\r\n"
    "Poirier;Zoé;Mairie;Élue;Conseil municipal;;\r\n"
)


def test_import_csv_windows_1252(
    dossier: Path, tmp_path: Path, clsm: Callable[..., Result]
) -> None:
    fichier = tmp_path / "export excel.csv"
    fichier.write_bytes(CSV_WINDOWS.encode("cp1252"))
    r = clsm("-C", dossier, "--format", "csv", "--separateur", ";", "membres", "importer", fichier)
    assert r.exit_code == 1
    assert r.stdout_bytes.decode("utf-8") == (
        "\ufeffLigne;Résultat;Identifiant;Membre;Détail\r\n"
        "2;ajout;anaelle-garcon;Anaëlle Garçon (CMP Adultes Les Tilleuls);"
        "collège : Psychiatrie publique\r\n"
        "3;ajout;theo-loewy;Théo Lœwy (UNAFAM 99);collège : Aidants et familles\r\n"
        '5;ajout;noel-beranger;"Noël Béranger (Tribunal judiciaire; service civil)";'
        "collège : Sécurité et justice\r\n"
        "6;mise à jour;laurent-mercadier;Laurent Mercadier (CH Les Tilleuls);"
        "modifié : fonction\r\n"
        "7;rejet;;Zoé Poirier (Mairie);collège inconnu « Conseil municipal » (valeurs "
        "possibles : elus, psychiatrie, usagers, aidants, sante, social_medico_social, logement, "
        "education, securite_justice, institutions, associations, autres)\r\n"
    )
    assert r.stderr.splitlines()[0] == (
        "3 ajouts, 1 mise à jour, 0 déjà à jour, 1 rejet — écrit dans membres.toml."
    )
    membres = {m["id"]: m for m in lire(dossier, "membres.toml")["membre"]}
    assert membres["anaelle-garcon"] == {
        "id": "anaelle-garcon",
        "nom": "Garçon",
        "prenom": "Anaëlle",
        "structure": "CMP Adultes Les Tilleuls",
        "fonction": "Infirmière",
        "college": "psychiatrie",
        "courriel": "anaelle.garcon@example.org",
        "telephone": "01 23 45 67 89",
    }
    assert membres["theo-loewy"] == {
        "id": "theo-loewy",
        "nom": "Lœwy",
        "prenom": "Théo",
        "structure": "UNAFAM 99",
        "fonction": "Délégué",
        "college": "aidants",
    }
    assert membres["noel-beranger"]["structure"] == "Tribunal judiciaire; service civil"
    assert membres["noel-beranger"]["college"] == "securite_justice"
    assert membres["laurent-mercadier"]["fonction"] == "Chef de pôle"
    assert len(membres) == 8


def test_import_csv_utf8_bom_virgules_et_colonnes_imposees(
    dossier: Path, tmp_path: Path, clsm: Callable[..., Result]
) -> None:
    fichier = tmp_path / "liste.csv"
    fichier.write_text(
        "\ufeffNom de naissance,Prénom,Employeur,Catégorie,Adresse électronique\n"
        "Nguyen,Camille,Mission locale,Jeunesse,camille.nguyen@example.org\n",
        encoding="utf-8",
    )
    r = clsm(
        "-C", dossier, "--format", "json", "membres", "importer", fichier,
        "--colonne", "nom=nom de naissance", "--colonne", "structure=EMPLOYEUR",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == [
        {
            "ligne": 2,
            "resultat": "ajout",
            "id": "camille-nguyen",
            "membre": "Camille Nguyen (Mission locale)",
            "detail": "collège : Éducation et jeunesse",
        }
    ]
    assert lire(dossier, "membres.toml")["membre"][-1] == {
        "id": "camille-nguyen",
        "nom": "Nguyen",
        "prenom": "Camille",
        "structure": "Mission locale",
        "college": "education",
        "courriel": "camille.nguyen@example.org",
    }


@pytest.mark.parametrize(
    ("nom", "contenu", "options", "message"),
    [
        (
            "vieux.xls",
            b"",
            [],
            "Erreur : Format .xls non pris en charge : enregistrez le fichier au format .xlsx "
            "(Excel) ou .csv, puis relancez l'import.",
        ),
        (
            "faux.xlsx",
            b"pas un classeur",
            [],
            "Erreur : « faux.xlsx » n'est pas un classeur Excel lisible (BadZipFile).",
        ),
        (
            "sans_entetes.csv",
            b"a;b;c\n1;2;3\n",
            [],
            "Erreur : Aucune ligne d'en-têtes reconnue dans les 20 premières lignes (en-têtes "
            "attendus : Nom, Prénom, Structure, Fonction, Collège, Courriel, Téléphone, "
            'Instances). Indiquez les colonnes avec --colonne, par exemple --colonne nom="Nom '
            'de famille".',
        ),
        (
            "sans_nom.csv",
            "Prénom;Collège\nAnne;Élus\n".encode(),
            [],
            "Erreur : Ni colonne Nom ni colonne Structure parmi les en-têtes lus ligne 1 "
            '(Prénom, Collège) : indiquez-la avec --colonne nom="…" ou --colonne '
            'structure="…".',
        ),
        (
            "liste.csv",
            b"Nom;College\nDupont;elus\n",
            ["--colonne", "courriel=Mail pro"],
            "Erreur : En-tête « Mail pro » introuvable pour --colonne courriel=… (en-têtes lus "
            "ligne 1 : Nom, College).",
        ),
        (
            "liste.csv",
            b"Nom;College\nDupont;elus\n",
            ["--colonne", "age=Age"],
            "Erreur : --colonne : champ inconnu « age » (champs possibles : nom, prenom, "
            "structure, fonction, college, courriel, telephone, instances, depuis, notes).",
        ),
        (
            "liste.csv",
            b"Nom;College\nDupont;elus\n",
            ["--feuille", "Feuil1"],
            "Erreur : --feuille ne s'applique qu'aux classeurs .xlsx.",
        ),
    ],
)
def test_import_refus(
    dossier: Path,
    tmp_path: Path,
    clsm: Callable[..., Result],
    nom: str,
    contenu: bytes,
    options: list[str],
    message: str,
) -> None:
    fichier = tmp_path / nom
    fichier.write_bytes(contenu)
    avant = octets(dossier)
    r = clsm("-C", dossier, "membres", "importer", fichier, *options)
    assert r.exit_code in (1, 2)
    assert r.stderr.splitlines()[-1] == message
    assert octets(dossier) == avant


def test_feuille(dossier: Path, tmp_path: Path, clsm: Callable[..., Result]) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Sommaire"
    wb.active["A1"] = "Voir l'onglet Membres"
    feuille = wb.create_sheet("Membres 2026")
    feuille.append(["Structure", "Collège"])
    feuille.append(["Centre social La Prairie", "Social et médico-social"])
    fichier = tmp_path / "classeur.xlsx"
    wb.save(fichier)
    r = clsm("-C", dossier, "membres", "importer", fichier, "--feuille", "Membres")
    assert r.exit_code == 2
    assert r.stderr == (
        "Erreur : Feuille « Membres » introuvable dans « classeur.xlsx » (feuilles : Sommaire, "
        "Membres 2026).\n"
    )
    r = clsm("-C", dossier, "membres", "importer", fichier, "--feuille", "Membres 2026")
    assert r.exit_code == 0, r.output
    assert r.stderr.splitlines()[-1] == (
        "1 ajout, 0 mise à jour, 0 déjà à jour, 0 rejet — écrit dans membres.toml."
    )
    assert lire(dossier, "membres.toml")["membre"][-1] == {
        "id": "centre-social-la-prairie",
        "structure": "Centre social La Prairie",
        "college": "social_medico_social",
    }


def test_instances_et_dates(dossier: Path, tmp_path: Path, clsm: Callable[..., Result]) -> None:
    fichier = tmp_path / "instances.csv"
    fichier.write_text(
        "Nom;Collège;Instances;Membre depuis\n"
        "Alpha;Élus;Comité de pilotage / groupe logement;15/09/2025\n"
        "Beta;Élus;Bureau;2025-09-15\n"
        "Gamma;Élus;cellule;septembre\n",
        encoding="utf-8",
    )
    r = clsm("-C", dossier, "--format", "json", "membres", "importer", fichier)
    assert r.exit_code == 1
    assert [(x["ligne"], x["resultat"], x["detail"]) for x in json.loads(r.stdout)] == [
        (2, "ajout", "collège : Élus"),
        (
            3,
            "rejet",
            "instance inconnue « Bureau » (valeurs possibles : copil, pleniere, "
            "comite_technique, cellule, logement)",
        ),
        (4, "rejet", "date invalide « septembre » (JJ/MM/AAAA ou AAAA-MM-JJ)"),
    ]
    alpha = lire(dossier, "membres.toml")["membre"][-1]
    assert (alpha["id"], alpha["instances"], str(alpha["depuis"])) == (
        "alpha",
        ["copil", "logement"],
        "2025-09-15",
    )


# --- pure functions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texte", "college"),
    [
        ("Élus", "elus"),
        ("ÉLU(E)", "elus"),
        ("Usagers / GEM", "usagers"),
        ("Psychiatrie", "psychiatrie"),
        ("Psychiatrie publique", "psychiatrie"),
        ("Bailleurs", "logement"),
        ("Aidants / UNAFAM", "aidants"),
        ("Police", "securite_justice"),
        ("Justice", "securite_justice"),
        ("Éducation nationale", "education"),
        ("social_medico_social", "social_medico_social"),
        ("Social et médico-social", "social_medico_social"),
        ("Santé (hors psychiatrie)", "sante"),
        ("ARS", "institutions"),
        ("Associations", "associations"),
        ("Astronautes", None),
        ("", None),
    ],
)
def test_synonymes_college(texte: str, college: str | None) -> None:
    assert college_depuis_texte(texte) == college


def test_synonymes_vers_le_vocabulaire() -> None:
    from clsm_cli.modeles import College
    from clsm_cli.noyau.importation import SYNONYMES_COLLEGE

    assert set(SYNONYMES_COLLEGE.values()) == {c.value for c in College}


@pytest.mark.parametrize(
    ("texte", "separateur"),
    [
        ("Nom;Prénom;Collège\nA;B;C\n", ";"),
        ("Nom,Prénom,Collège\n", ","),
        ("Nom\tPrénom\n", "\t"),
        ("\n\nNom;Structure, service\n", ";"),
        ("Nom\n", ","),
    ],
)
def test_separateur(texte: str, separateur: str) -> None:
    assert separateur_probable(texte) == separateur


def test_decodage() -> None:
    assert decoder("Prénom".encode()) == "Prénom"
    assert decoder("\ufeffPrénom".encode()) == "Prénom"
    assert decoder("Prénom Lœwy".encode("cp1252")) == "Prénom Lœwy"
    assert decoder(b"\x81") == "\x81"


def test_option_colonne_mal_formee() -> None:
    with pytest.raises(ErreurSaisie, match="forme attendue champ=En-tête"):
        lire_option_colonnes(["courriel"])
    assert lire_option_colonnes(["Courriel = Adresse mail "]) == {"courriel": "Adresse mail"}


def test_bibliotheque_sans_click(dossier: Path, tmp_path: Path) -> None:
    """The library answers the same as the command, from Python, with --essai's semantics."""
    from clsm_cli import Projet
    from clsm_cli.noyau.importation import importer

    fichier = classeur(tmp_path / "a.xlsx")
    rapport = importer(Projet.ouvrir(dossier), fichier, essai=True)
    assert [(x.ligne, x.resultat, x.id) for x in rapport.lignes] == [
        (x["ligne"], x["resultat"], x["id"]) for x in RAPPORT_XLSX
    ]
    assert rapport.entetes.textes == {
        "nom": "NOM",
        "prenom": "Prénom",
        "structure": "Organisme",
        "fonction": "Fonction",
        "college": "Collège",
        "instances": "Instances",
        "notes": "Remarques",
        "courriel": "E-mail",
        "telephone": "Tél.",
    }
    assert rapport.entetes.ligne == 3
    assert (
        tomllib.loads((dossier / "membres.toml").read_text(encoding="utf-8"))["membre"][0][
            "fonction"
        ]
        == "Adjointe au maire"
    )
