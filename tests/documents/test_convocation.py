"""``clsm reunion convocation`` and ``clsm reunion emargement``: the .docx read back with
python-docx, the .md as text, the .eml parsed with Python's ``email`` package and its
attachment with ``icalendar``. Tests run on 2026-11-26 (CLSM_AUJOURDHUI, conftest)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

Clsm = Callable[..., Result]

IDENTITE = """presidence = "Élise Bernard, adjointe à la santé"

[coordination]
nom = "Nora Haddad"
courriel = "coordination@testville.example"
"""

MEMBRES = """version_schema = "1.0"

[[membre]]
id = "anne-martin"
nom = "Martin"
prenom = "Anne"
structure = "CCAS de Testville"
college = "social_medico_social"
instances = ["copil", "logement"]
courriel = "anne.martin@testville.example"

[[membre]]
id = "paul-durand"
nom = "Durand"
prenom = "Paul"
structure = "CMP de Testville"
college = "psychiatrie"
instances = ["copil"]
courriel = "paul.durand@chs.example"

[[membre]]
id = "elise-bernard"
nom = "Bernard"
prenom = "Élise"
structure = "Ville de Testville"
college = "elus"
instances = ["copil", "pleniere"]
courriel = "e.bernard@testville.example"

[[membre]]
id = "gem"
structure = "GEM L'Envol, Testville"
college = "usagers"
instances = ["copil"]

[[membre]]
id = "jean-roy"
nom = "Roy"
prenom = "Jean"
structure = "Mission locale"
college = "education"
instances = ["copil"]
courriel = "pas une adresse"

[[membre]]
id = "luc-ancien"
nom = "Ancien"
prenom = "Luc"
college = "autres"
instances = ["copil"]
jusqu_a = 2026-06-30

[[membre]]
id = "zoe-noel"
nom = "Noël"
prenom = "Zoé"
college = "logement"
instances = ["pleniere"]
"""

GROUPES = """version_schema = "1.0"

[[groupe]]
id = "logement"
nom = "Logement et santé mentale"
membres = ["anne-martin", "zoe-noel"]
"""

COPIL_PASSE = """version_schema = "1.0"

instance = "copil"
date = 2026-03-12

[[suivi]]
quoi = "Rédiger le protocole incurie"
qui = "paul-durand"
echeance = 2026-06-30

[[suivi]]
quoi = "Préparer le bilan SISM"
qui = "anne-martin"
echeance = 2026-12-05

[[suivi]]
quoi = "Relancer l'ARS"
echeance = 2027-01-15

[[suivi]]
quoi = "Envoyer le compte rendu"
echeance = 2026-04-01
fait = true
"""

COPIL = """version_schema = "1.0"

instance = "copil"
date = 2026-12-10
heure = "14:00"
heure_fin = "16:30"
lieu = "Mairie, salle du conseil"
ordre_du_jour = ["Bilan SISM 2026", "Calendrier 2027"]
"""


@pytest.fixture
def dossier(projet: Path) -> Path:
    identite = (projet / "clsm.toml").read_text(encoding="utf-8")
    identite = identite.replace("[cellule]", IDENTITE + "\n[cellule]")
    (projet / "clsm.toml").write_text(identite, encoding="utf-8")
    (projet / "membres.toml").write_text(MEMBRES, encoding="utf-8")
    (projet / "groupes.toml").write_text(GROUPES, encoding="utf-8")
    (projet / "reunions/2026-03-12-copil.toml").write_text(COPIL_PASSE, encoding="utf-8")
    (projet / "reunions/2026-12-10-copil.toml").write_text(COPIL, encoding="utf-8")
    return projet


def reussit(clsm: Clsm, dossier: Path, *args: str) -> Result:
    r = clsm("-C", dossier, *args)
    assert r.exit_code == 0, r.output
    return r


def textes_docx(chemin: Path) -> tuple[list[str], list[list[list[str]]]]:
    import docx

    document = docx.Document(str(chemin))
    paragraphes = [p.text for p in document.paragraphs if p.text]
    tables = [[[c.text for c in ligne.cells] for ligne in t.rows] for t in document.tables]
    return paragraphes, tables


CONVOQUES = [
    ["Nom", "Structure", "Collège"],
    ["Élise Bernard", "Ville de Testville", "Élus"],
    ["Paul Durand", "CMP de Testville", "Psychiatrie publique"],
    ["GEM L'Envol, Testville", "GEM L'Envol, Testville", "Usagers"],
    ["Anne Martin", "CCAS de Testville", "Social et médico-social"],
    ["Jean Roy", "Mission locale", "Éducation et jeunesse"],
]


def test_convocation_docx(clsm: Clsm, dossier: Path) -> None:
    r = reussit(clsm, dossier, "reunion", "convocation", "2026-12-10-copil")
    assert r.output.startswith("✓ Convocation écrite : ")
    assert r.output.endswith("exports/convocation-2026-12-10-copil.docx\n")
    paragraphes, tables = textes_docx(dossier / "exports/convocation-2026-12-10-copil.docx")
    assert paragraphes[:5] == [
        "CLSM de Testville",
        "Convocation — Comité de pilotage",
        "Le 26 novembre 2026",
        "Objet : Convocation — Comité de pilotage du 10 décembre 2026",
        "Madame, Monsieur,",
    ]
    assert paragraphes[5] == (
        "Vous êtes invité(e) à participer à la réunion « Comité de pilotage » du CLSM de "
        "Testville, le jeudi 10 décembre 2026 de 14\u00a0h à 16\u00a0h\u00a030, Mairie, "
        "salle du conseil."
    ).replace("« ", "«\u00a0").replace(" »", "\u00a0»")
    for titre in (
        "Date, heure et lieu",
        "Ordre du jour",
        "Suivis attendus pour cette réunion",
        "Membres convoqués",
    ):
        assert titre in paragraphes
    assert "Date : Jeudi 10 décembre 2026" in paragraphes
    assert "Heure : de 14\u00a0h à 16\u00a0h\u00a030" in paragraphes
    assert "Lieu : Mairie, salle du conseil" in paragraphes
    assert paragraphes.index("1. Bilan SISM 2026") + 1 == paragraphes.index("2. Calendrier 2027")
    # the open items due by the meeting's day, the overdue one flagged; not the later one
    assert tables[0] == [
        ["Quoi", "Qui", "Échéance", "État"],
        ["Rédiger le protocole incurie", "Paul Durand (CMP de Testville)", "30 juin 2026",
         "en retard"],
        ["Préparer le bilan SISM", "Anne Martin (CCAS de Testville)", "5 décembre 2026",
         "à faire"],
    ]  # fmt: skip
    # signed by the présidence and the coordination, side by side, before the list
    assert tables[1] == [
        [
            "La présidence du CLSM\nÉlise Bernard, adjointe à la santé",
            "La coordination du CLSM\nNora Haddad",
        ]
    ]
    assert paragraphes[-2:] == [
        "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.",
        "Membres convoqués",
    ]
    # the copil's composition on its day, by collège (Luc Ancien has left, Zoé Noël is not
    # in the copil)
    assert tables[2] == CONVOQUES


def test_convocation_markdown_groupe(clsm: Clsm, dossier: Path) -> None:
    reussit(
        clsm, dossier, "reunion", "ajouter", "--instance", "groupe:logement",
        "--date", "2026-12-03",
    )  # fmt: skip
    reussit(clsm, dossier, "reunion", "convocation", "2026-12-03", "--en", "md")
    texte = (dossier / "exports/convocation-2026-12-03-groupe-logement.md").read_text()
    assert texte == (
        "# Convocation — Groupe de travail « Logement et santé mentale »\n"
        "\n"
        "**CLSM de Testville** — le 26 novembre 2026\n"
        "\n"
        "**Objet :** Convocation — Groupe de travail « Logement et santé mentale » du "
        "3 décembre 2026\n"
        "\n"
        "Madame, Monsieur,\n"
        "\n"
        "Vous êtes invité(e) à participer à la réunion « Groupe de travail « Logement et santé "
        "mentale » » du CLSM de Testville, le jeudi 3 décembre 2026 (lieu à préciser).\n"
        "\n"
        "## Ordre du jour\n"
        "\n"
        "_L'ordre du jour sera précisé en séance._\n"
        "\n"
        "## Suivis attendus pour cette réunion\n"
        "\n"
        "- Rédiger le protocole incurie (Paul Durand (CMP de Testville), pour le 30 juin 2026)"
        " — en retard\n"
        "\n"
        "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.\n"
        "\n"
        "**La présidence du CLSM**  \n"
        "Élise Bernard, adjointe à la santé\n"
        "\n"
        "**La coordination du CLSM**  \n"
        "Nora Haddad\n"
        "\n"
        "## Membres convoqués\n"
        "\n"
        "- Anne Martin (CCAS de Testville) — Social et médico-social\n"
        "- Zoé Noël — Logement\n"
    )


def test_convocation_courriel(clsm: Clsm, dossier: Path) -> None:
    import icalendar

    r = reussit(clsm, dossier, "reunion", "convocation", "2026-12-10-copil", "--courriel")
    exports = dossier / "exports"
    assert (r.stdout, r.stderr) == (
        "",
        "Attention : 2 membre(s) convoqué(s) sans adresse électronique, à prévenir autrement : "
        "GEM L'Envol, Testville, Jean Roy.\n"
        f"✓ Convocation écrite : {exports / 'convocation-2026-12-10-copil.docx'}\n"
        f"✓ Courriel écrit : {exports / 'convocation-2026-12-10-copil.eml'}\n",
    )
    assert r.output.splitlines()[-1].endswith("exports/convocation-2026-12-10-copil.eml")
    brut = (dossier / "exports/convocation-2026-12-10-copil.eml").read_bytes()
    assert all(len(ligne) <= 998 for ligne in brut.split(b"\r\n"))  # RFC 5322 § 2.1.1
    assert b"\r\n" in brut and b"\n" not in brut.replace(b"\r\n", b"")
    message = email.message_from_bytes(brut, policy=email.policy.default)
    assert message["Subject"] == "Convocation — Comité de pilotage du 10 décembre 2026"
    assert str(message["From"]) == "Nora Haddad <coordination@testville.example>"
    assert [str(a) for a in message["To"].addresses] == [
        "Élise Bernard <e.bernard@testville.example>",
        "Paul Durand <paul.durand@chs.example>",
        "Anne Martin <anne.martin@testville.example>",
    ]
    assert message["Date"] is not None and message["Message-ID"] is not None
    corps = message.get_body(preferencelist=("plain",))
    assert corps is not None and corps.get_content_charset() == "utf-8"
    texte = corps.get_content().replace("\r\n", "\n")
    assert texte.startswith("Madame, Monsieur,\n\nVous êtes invité(e) à participer à la réunion ")
    assert "Ordre du jour :\n1. Bilan SISM 2026\n2. Calendrier 2027\n" in texte
    assert (
        "Suivis attendus pour cette réunion :\n- Rédiger le protocole incurie (Paul Durand (CMP "
        "de Testville), pour le 30 juin 2026) — en retard\n"
    ) in texte
    assert "Élise Bernard, adjointe à la santé — Présidence du CLSM\n" in texte
    pieces = {p.get_filename(): p for p in message.iter_attachments()}
    assert sorted(pieces) == [
        "convocation-2026-12-10-copil.docx",
        "convocation-2026-12-10-copil.ics",
    ]
    ics = pieces["convocation-2026-12-10-copil.ics"]
    assert ics.get_content_type() == "text/calendar"
    assert ics.get_param("method") == "PUBLISH"
    calendrier = icalendar.Calendar.from_ical(ics.get_content())
    assert calendrier["METHOD"] == "PUBLISH"
    (evenement,) = calendrier.walk("VEVENT")
    assert str(evenement["UID"]) == "reunion-2026-12-10-copil@clsm-de-testville.clsm"
    assert str(evenement["SUMMARY"]) == "CLSM — Comité de pilotage"
    debut, fin = evenement.decoded("DTSTART"), evenement.decoded("DTEND")
    assert (debut.isoformat(), fin.isoformat()) == (
        "2026-12-10T14:00:00+01:00",
        "2026-12-10T16:30:00+01:00",
    )
    assert str(evenement["LOCATION"]) == "Mairie, salle du conseil"


def test_convocation_courriel_sans_expediteur(clsm: Clsm, projet: Path) -> None:
    """No coordination address: the .eml has no From (the mail client asks), a warning says
    how to set it; nobody convened: no To either."""
    reussit(clsm, projet, "reunion", "ajouter", "--instance", "pleniere", "--date", "2026-12-03")
    r = reussit(clsm, projet, "reunion", "convocation", "2026-12-03", "--courriel")
    exports = projet / "exports"
    assert (r.stdout, r.stderr) == (
        "",
        "Attention : pas d'adresse de la coordination dans clsm.toml : l'expéditeur sera à "
        "choisir dans la messagerie (ou : clsm identite modifier --coordination-courriel "
        "ADRESSE).\n"
        f"✓ Convocation écrite : {exports / 'convocation-2026-12-03-pleniere.docx'}\n"
        f"✓ Courriel écrit : {exports / 'convocation-2026-12-03-pleniere.eml'}\n",
    )
    brut = (projet / "exports/convocation-2026-12-03-pleniere.eml").read_bytes()
    message = email.message_from_bytes(brut, policy=email.policy.default)
    assert message["From"] is None and message["To"] is None
    assert message["X-Unsent"] == "1"
    assert message["Subject"] == "Convocation — Assemblée plénière du 3 décembre 2026"
    paragraphes, _ = textes_docx(projet / "exports/convocation-2026-12-03-pleniere.docx")
    assert (
        "Aucun membre n'est rattaché à cette instance (membres.toml, «\u00a0instances\u00a0»)."
        in (paragraphes)
    )
    assert paragraphes[
        paragraphes.index("Membres convoqués") - 2 : paragraphes.index("Membres convoqués")
    ] == [
        "En cas d'empêchement, merci de prévenir la coordination et, si possible, de vous "
        "faire représenter.",
        "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.",
    ]


def test_convocation_json_et_refus(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm, dossier, "--format", "json", "reunion", "convocation", "2026-12-10-copil",
        "--courriel", "-o", dossier / "lettre.docx",
    )  # fmt: skip
    assert json.loads(r.stdout) == {
        "fichiers": [str(dossier / "lettre.docx"), str(dossier / "lettre.eml")],
        "convoques": 5,
        "sans_courriel": ["GEM L'Envol, Testville", "Jean Roy"],
    }
    r = clsm("-C", dossier, "reunion", "convocation", "2026-12-11")
    assert r.exit_code != 0
    assert r.stderr.startswith("Erreur : Aucune réunion le 11 décembre 2026")
    r = clsm("-C", dossier, "reunion", "convocation", "2026-12-10", "--en", "pdf")
    assert r.exit_code == 2


def test_emargement(clsm: Clsm, dossier: Path) -> None:
    import docx

    r = reussit(clsm, dossier, "reunion", "emargement", "2026-12-10-copil")
    assert r.output.endswith("exports/emargement-2026-12-10-copil.docx (5 membre(s) convoqué(s))\n")
    chemin = dossier / "exports/emargement-2026-12-10-copil.docx"
    paragraphes, (table,) = textes_docx(chemin)
    assert paragraphes[:5] == [
        "CLSM de Testville",
        "Feuille d'émargement — Comité de pilotage",
        "Réunion : Comité de pilotage, le jeudi 10 décembre 2026 de 14\u00a0h à 16\u00a0h\u00a030",
        "Lieu : Mairie, salle du conseil",
        "Convoqués : 5 membres",
    ]
    assert table[0] == ["Nom", "Structure", "Collège", "Signature"]
    assert [ligne[:3] for ligne in table[1:6]] == [x for x in CONVOQUES[1:]]
    assert all(ligne == ["", "", "", ""] for ligne in table[6:]) and len(table) == 12
    assert all(ligne[3] == "" for ligne in table[1:])  # the signature column left blank
    # header row repeated on every printed page, rows tall enough to sign
    document = docx.Document(str(chemin))
    lignes = document.tables[0].rows
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert lignes[0]._tr.find(f"{ns}trPr/{ns}tblHeader") is not None
    assert all(ligne.height is not None and ligne.height.cm >= 1 for ligne in lignes[1:])


def test_presence_depuis_une_liste(clsm: Clsm, dossier: Path) -> None:
    """After the meeting, the présents read on the sheet are recorded in one command."""
    r = reussit(
        clsm, dossier, "reunion", "presence", "2026-03-12-copil", "anne-martin", "paul-durand",
        "gem", "--excuse", "elise-bernard",
    )  # fmt: skip
    assert r.output == "✓ 2026-03-12-copil : 3 présent(s) et 1 excusé(s) ajouté(s).\n"
    from tests.documents.aides import toml

    fichier: dict[str, Any] = toml(dossier / "reunions/2026-03-12-copil.toml")
    assert fichier["presents"] == ["anne-martin", "paul-durand", "gem"]
    assert fichier["excuses"] == ["elise-bernard"]
    assert fichier["date"] == dt.date(2026, 3, 12)
    r = clsm("-C", dossier, "reunion", "presence", "2026-03-12-copil", "inconnu-du-clsm")
    assert (r.exit_code, r.stderr) == (
        3,
        "Erreur : --present : membre inconnu « inconnu-du-clsm » (absent de membres.toml).\n",
    )


def test_exemple_du_readme(clsm: Clsm, demo: Path) -> None:
    """The commands of the README's « Avant et après une réunion » run on the demo."""
    import shlex

    from tests.conftest import RACINE_DEPOT

    readme = (RACINE_DEPOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Avant et après une réunion", 1)[1]
    bloc = section.split("```\n", 2)[1].replace("\\\n", " ")
    commandes = [shlex.split(ligne, comments=True) for ligne in bloc.splitlines()]
    assert [c[:3] for c in commandes] == [
        ["clsm", "reunion", "ajouter"],
        ["clsm", "reunion", "convocation"],
        ["clsm", "reunion", "emargement"],
        ["clsm", "reunion", "presence"],
        ["clsm", "suivi", "fait"],
    ]
    for commande in commandes:
        reussit(clsm, demo, *commande[1:])
    assert (demo / "exports/convocation-2027-01-12-copil.eml").is_file()
    assert (demo / "exports/emargement-2027-01-12-copil.docx").is_file()


def test_compte_rendu_du_copil_liste_les_suivis_en_retard(clsm: Clsm, dossier: Path) -> None:
    """The minutes of a copil list the open items (of every meeting) late on its day."""
    reussit(clsm, dossier, "reunion", "ajouter", "--instance", "copil", "--date", "2026-11-20")
    r = reussit(clsm, dossier, "copil", "compte-rendu", "2026-11-20", "--en", "md")
    assert (
        "## Suivis en retard\n\n"
        "- Rédiger le protocole incurie (Paul Durand (CMP de Testville), pour le 30 juin 2026)"
        " — en retard\n"
    ) in r.stdout
    reussit(clsm, dossier, "copil", "compte-rendu", "2026-11-20")
    paragraphes, tables = textes_docx(dossier / "exports/compte-rendu-2026-11-20-copil.docx")
    assert "Suivis en retard" in paragraphes
    assert tables[-1] == [
        ["Quoi", "Qui", "Échéance", "État"],
        ["Rédiger le protocole incurie", "Paul Durand (CMP de Testville)", "30 juin 2026",
         "en retard"],
    ]  # fmt: skip
    # not for another instance
    reussit(clsm, dossier, "reunion", "ajouter", "--instance", "pleniere", "--date", "2026-11-20")
    r = reussit(clsm, dossier, "copil", "compte-rendu", "2026-11-20-pleniere", "--en", "md")
    assert "Suivis en retard" not in r.stdout


@pytest.mark.slow
def test_pages_imprimees(clsm: Clsm, demo: Path, tmp_path: Path) -> None:
    """Rendered by LibreOffice (demo copil, 12 convened): the attendance sheet fits one page,
    the convocation's signatures share the letter's first page, the list follows."""
    import re
    import subprocess

    from .test_libreoffice import _pages, _soffice

    soffice = _soffice()
    reussit(clsm, demo, "reunion", "convocation", "2026-12-08-copil")
    reussit(clsm, demo, "reunion", "emargement", "2026-12-08-copil")
    pages = {}
    for nom in ("convocation-2026-12-08-copil", "emargement-2026-12-08-copil"):
        resultat = subprocess.run(
            [
                soffice, f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}",
                "--headless", "--norestore", "--convert-to", "pdf",
                "--outdir", str(tmp_path), str(demo / "exports" / f"{nom}.docx"),
            ],
            capture_output=True, timeout=180, check=False,
        )  # fmt: skip
        assert resultat.returncode == 0, resultat.stderr
        pages[nom] = _pages((tmp_path / f"{nom}.pdf").read_bytes())
    assert pages == {"convocation-2026-12-08-copil": 2, "emargement-2026-12-08-copil": 1}
    import shutil

    if shutil.which("pdftotext"):  # optional: the page count above is the main check
        lettre = str(tmp_path / "convocation-2026-12-08-copil.pdf")
        texte = subprocess.run(
            ["pdftotext", "-f", "1", "-l", "1", lettre, "-"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        assert re.search(r"La coordination du CLSM", texte)
        assert "Membres convoqués" not in texte
