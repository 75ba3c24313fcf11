"""The command-line shell: French help, options, folder discovery, one error path."""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from clsm_cli.cli import CACHEES, COMMANDES, cli
from tests.conftest import RACINE_DEPOT


def test_aide_en_francais(clsm: Callable[..., Result]) -> None:
    r = clsm("--help")
    assert r.exit_code == 0
    assert r.stdout.startswith("Utilisation : clsm [OPTIONS] COMMANDE [ARGUMENTS]...")
    assert "Afficher cette aide et quitter." in r.stdout
    assert "Commandes" in r.stdout
    for nom, (_, aide) in COMMANDES.items():
        if nom in CACHEES:  # copil: former name of « reunion compte-rendu », still accepted
            assert f"  {nom} " not in r.stdout
            continue
        assert f"  {nom} " in r.stdout
        assert aide[:30] in r.stdout
    for anglais in ("Usage:", "Show this message", "Commands:"):
        assert anglais not in r.stdout


def test_version(clsm: Callable[..., Result]) -> None:
    """Everything a bug report needs: clsm, Python and the system, the schemas' folder."""
    import platform
    from importlib.metadata import version

    import clsm_cli

    r = clsm("--version")
    assert r.exit_code == 0
    clsm_, python, schemas = r.stdout.splitlines()
    assert clsm_ == f"clsm {version('clsm-cli')}"
    assert python == (
        f"Python {platform.python_version()} ({sys.executable}), "
        f"{platform.system()} {platform.machine()}"
    )
    dossier = Path(clsm_cli.__file__).parent / "schemas"
    assert schemas == (
        f"Schémas des données : {dossier} (copiés dans .clsm/schemas/ de chaque dossier)"
    )
    assert (dossier / "membres.schema.json").is_file()


def test_commande_inconnue(clsm: Callable[..., Result]) -> None:
    r = CliRunner().invoke(cli, ["verifie"])
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1] == (
        "Erreur : Commande inconnue « verifie ». Vouliez-vous dire « verifier » ?"
    )


def test_option_inconnue(projet: Path) -> None:
    r = CliRunner().invoke(cli, ["-C", str(projet), "verifier", "--stricte"])
    assert r.exit_code == 2
    assert "Erreur : Option inconnue « --stricte »." in r.stderr


def test_format_invalide() -> None:
    r = CliRunner().invoke(cli, ["--format", "pdf", "etat"])
    assert r.exit_code == 2
    assert "« pdf » n'est pas une valeur possible" in r.stderr


def test_dossier_parent_trouve_comme_git(
    projet: Path, monkeypatch: pytest.MonkeyPatch, clsm: Callable[..., Result]
) -> None:
    sous = projet / "reunions"
    monkeypatch.chdir(sous)
    r = clsm("--format", "json", "etat")
    assert r.exit_code == 0
    assert '"clsm": "CLSM de Testville"' in r.stdout


def test_dash_c_ne_remonte_pas(projet: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", projet / "reunions", "etat")
    assert r.exit_code == 1
    assert "n'est pas un dossier clsm" in r.stderr


def test_dossier_invalide_message_sans_trace(projet: Path, clsm: Callable[..., Result]) -> None:
    (projet / "groupes.toml").write_text('version_schema = "1.0"\n[[groupe]]\nid = 3\n')
    r = clsm("-C", projet, "membres", "ajouter", "--nom", "Martin", "--college", "elus")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        "Erreur : Le dossier contient 2 erreur(s) ; corrigez-les (voir « clsm verifier ») avant "
        "de continuer.",
        "  groupes.toml:3: id: texte attendu (entre guillemets), reçu 3 (E104)",
        "  groupes.toml:2: nom: clé obligatoire manquante (E102)",
    ] or r.stderr.splitlines()[1:] == [
        "  groupes.toml:2: nom: clé obligatoire manquante (E102)",
        "  groupes.toml:3: id: texte attendu (entre guillemets), reçu 3 (E104)",
    ]
    assert "Traceback" not in r.output


def test_python_m_clsm_cli(projet: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "clsm_cli", "-C", str(projet), "verifier"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "COLUMNS": "100"},
    )
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "✓ Aucun problème.\n")


def test_erreur_inattendue_sans_trace(projet: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import clsm_cli.noyau.etat

    def panne(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError

    monkeypatch.setattr(clsm_cli.noyau.etat, "calculer_etat", panne)
    r = CliRunner().invoke(cli, ["-C", str(projet), "etat"])
    assert r.exit_code == 70
    assert r.stderr.startswith(
        "Erreur inattendue (ZeroDivisionError) : ce n'est pas de votre fait."
    )
    assert "Traceback" not in r.output


def test_bilan_statut_seulement_au_terminal(
    demo: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`clsm bilan` shows a spinner on a terminal and nothing when piped (§8 of issue 10)."""
    from clsm_cli.cli import sortie

    statuts: list[str] = []

    class Console:
        def __init__(self, **_: object) -> None:
            pass

        def status(self, texte: str) -> contextlib.AbstractContextManager[None]:
            statuts.append(texte)
            return contextlib.nullcontext()

    import rich.console

    monkeypatch.setattr(rich.console, "Console", Console)
    assert clsm("-C", demo, "bilan", "2025", "--xlsx").exit_code == 0
    assert statuts == []  # piped: nothing
    monkeypatch.setattr(sortie, "_terminal", lambda: True)
    assert clsm("-C", demo, "bilan", "2025", "--xlsx").exit_code == 0
    assert statuts == ["Bilan 2025 : lecture du dossier et calcul des chiffres…"]


# --- issue 12: French throughout -------------------------------------------------------------

ANGLAIS = re.compile(
    r"\b(Usage|Options:|Show this message|Show the version|COMMAND|ARGS|required|default|Error|"
    r"Missing|Invalid value|TEXT|INTEGER|FLOAT|PATH|FILENAME|DIRECTORY|BOOLEAN|RANGE|env var|"
    r"Commands|Arguments:)\b|x[<>]=|[<>]=?x\b"
)
"""Words of click's own English catalogue, and its ranges (``x>=0``, ``1990<=x<=2100``)."""


def toutes_les_commandes() -> list[list[str]]:
    """Every command and group of the tree, lazy ones included (imported on the way)."""
    chemins: list[list[str]] = []

    def parcourir(commande: click.Command, chemin: list[str], ctx: click.Context) -> None:
        chemins.append(chemin)
        if isinstance(commande, click.Group):
            for nom in commande.list_commands(ctx):
                sous = commande.get_command(ctx, nom)
                assert sous is not None, nom
                parcourir(sous, [*chemin, nom], click.Context(sous, parent=ctx, info_name=nom))

    parcourir(cli, [], click.Context(cli, info_name="clsm"))
    return chemins


def test_toutes_les_aides_en_francais() -> None:
    chemins = toutes_les_commandes()
    assert len(chemins) > 80
    assert ["reunion", "compte-rendu"] in chemins and ["plan", "realisation", "ajouter"] in chemins
    runner = CliRunner()
    for chemin in chemins:
        r = runner.invoke(cli, [*chemin, "--help"])
        assert r.exit_code == 0, chemin
        assert r.stdout.startswith(f"Utilisation : clsm {' '.join(chemin)}".rstrip()), chemin
        assert "Options :\n" in r.stdout, chemin
        assert ANGLAIS.findall(r.stdout) == [], (chemin, r.stdout)
        # French spacing: never « mot: », « mot; », « mot? » or « mot! »
        assert re.findall(r"\w[:;?!](?=\s|$)", r.stdout) == [], (chemin, r.stdout)


def test_intervalles_en_francais() -> None:
    r = CliRunner().invoke(cli, ["national", "--help"])
    assert "[de 1990 à 2100]" in r.stdout
    assert click.IntRange(min=0)._describe_range() == "≥ 0"
    assert click.FloatRange(max=1, max_open=True)._describe_range() == "< 1"


def test_messages_de_click_en_francais(projet: Path) -> None:
    r = CliRunner().invoke(cli, ["-C", str(projet), "bilan", "deux-mille"])
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1] == (
        "Erreur : Valeur invalide pour « ANNEE » : « deux-mille » n'est pas un nombre valide."
    )
    r = CliRunner().invoke(cli, ["-C", str(projet), "membres", "voir"])
    assert r.stderr.splitlines()[-1] == "Erreur : Argument manquant « ID »."


@pytest.fixture
def au_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLSM_INTERACTIF", "1")


@pytest.mark.parametrize("reponse", ["o", "oui", "O", "Oui", "y", "yes"])
def test_confirmation_oui(
    projet: Path, clsm: Callable[..., Result], au_terminal: None, reponse: str
) -> None:
    clsm(
        "-C",
        projet,
        "membres",
        "ajouter",
        "--nom",
        "Martin",
        "--prenom",
        "Paul",
        "--college",
        "elus",
        input="\n",  # no instance
    )
    r = clsm("-C", projet, "membres", "retirer", "paul-martin", "--supprimer", input=f"{reponse}\n")
    assert r.exit_code == 0
    assert r.output == (
        f"Effacer définitivement la fiche « Paul Martin » ? [o/N] : {reponse}\n"
        "✓ Fiche supprimée : Paul Martin — paul-martin.\n"
    )


QUESTION = "Effacer définitivement la fiche « Paul Martin » ? [o/N] : "


@pytest.mark.parametrize(
    ("reponses", "echange"),
    [
        ("n\n", f"{QUESTION}n\n"),
        ("non\n", f"{QUESTION}non\n"),
        ("\n", f"{QUESTION}\n"),
        (
            "peut-être\nnon\n",
            f"{QUESTION}peut-être\nRépondez « o » (oui) ou « n » (non).\n{QUESTION}non\n",
        ),
    ],
)
def test_confirmation_non(
    projet: Path, clsm: Callable[..., Result], au_terminal: None, reponses: str, echange: str
) -> None:
    clsm(
        "-C",
        projet,
        "membres",
        "ajouter",
        "--nom",
        "Martin",
        "--prenom",
        "Paul",
        "--college",
        "elus",
        input="\n",  # no instance
    )
    avant = (projet / "membres.toml").read_bytes()
    r = clsm("-C", projet, "membres", "retirer", "paul-martin", "--supprimer", input=reponses)
    assert r.exit_code == 0
    assert r.output == echange + "Rien n'a été supprimé.\n"
    assert (projet / "membres.toml").read_bytes() == avant


def test_invites_avec_espace_avant_deux_points(
    projet: Path, clsm: Callable[..., Result], au_terminal: None
) -> None:
    r = clsm(
        "-C", projet, "membres", "ajouter", "--prenom", "Jean", input="Durand\nastro\nÉlus\n\n"
    )
    assert r.exit_code == 0, r.output
    colleges = (
        "elus, psychiatrie, usagers, aidants, sante, social_medico_social, logement, education, "
        "securite_justice, institutions, associations, autres"
    )
    assert r.output == (
        "Nom de la personne (ou --structure pour une structure seule) : Durand\n"
        f"Collège ({colleges}) : astro\n"
        f"Erreur : « astro » n'est pas une valeur possible. Valeurs possibles : {colleges}.\n"
        f"Collège ({colleges}) : Élus\n"
        "Instances où siège le membre, séparées par des virgules (copil, pleniere, "
        "comite_technique, cellule) : \n"
        "✓ Membre ajouté : Jean Durand — identifiant « jean-durand ».\n"
    )


# --- issue 12: global options anywhere, document formats --------------------------------------


def test_options_generales_apres_la_commande(demo: Path, clsm: Callable[..., Result]) -> None:
    avant = clsm("-C", demo, "--format", "json", "membres", "liste")
    apres = clsm("membres", "liste", "--format", "json", "-C", demo)
    assert (apres.exit_code, apres.stdout) == (0, avant.stdout)
    assert json.loads(apres.stdout)[0]["id"] == "karim-belkacem"
    r = clsm(
        "membres", "liste", "--college", "elus", "-C", demo, "--format", "csv", "--separateur", ";"
    )
    assert (
        r.stdout.splitlines()[0]
        == "\ufeffIdentifiant;Nom;Prénom;Structure;Fonction;Collège;Instances"
    )
    # an option given after the command wins over the same one given before
    r = clsm("--format", "csv", "-C", demo, "plan", "axes", "--format", "json")
    assert json.loads(r.stdout)[0]["id"] == "acces-soins"


def test_options_generales_dans_les_aides() -> None:
    r = CliRunner().invoke(cli, ["membres", "liste", "--help"])
    assert r.stdout.endswith(
        "  Options générales, avant ou après la commande : -C DOSSIER, --format\n"
        "  table|json|csv, --separateur « , » ou « ; », --sans-cache.\n"
    )


def test_format_de_liste_refuse_pour_un_document(demo: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", demo, "--format", "json", "reunion", "compte-rendu", "2026-03-12")
    assert r.exit_code == 2
    assert r.stderr == (
        "Erreur : --format json ne s'applique pas au compte rendu : --format choisit "
        "l'affichage des listes et résultats (table, json, csv) ; le format du document se "
        "choisit avec --en (voir --help).\n"
    )
    r = clsm("-C", demo, "bilan", "2025", "--format", "csv")
    assert r.exit_code == 2
    assert r.stderr.startswith("Erreur : --format csv ne s'applique pas au bilan : ")
    r = clsm("-C", demo, "--format", "json", "bilan", "2025", "--en", "docx")
    assert r.exit_code == 2
    assert r.stderr == (
        "Erreur : --format json affiche les chiffres du bilan sans écrire de document : "
        "retirez --en, --pdf et -o, ou retirez --format json.\n"
    )
    for commande in (["agenda"], ["convention"], ["sism", "programme", "2025"]):
        assert clsm("-C", demo, "--format", "csv", *commande).exit_code == 2
    assert not (demo / "exports").exists() or not list((demo / "exports").iterdir())


def test_en_choisit_le_format_du_document(
    demo: Path, clsm: Callable[..., Result], tmp_path: Path
) -> None:
    r = clsm("-C", demo, "sism", "programme", "2025", "--en", "xlsx")
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in (demo / "exports").iterdir()) == ["sism-programme-2025.xlsx"]
    r = clsm(
        "-C", demo, "reunion", "compte-rendu", "2026-03-12", "--en", "md", "-o", tmp_path / "cr"
    )
    assert r.exit_code == 0, r.output
    assert (
        (tmp_path / "cr.md")
        .read_text(encoding="utf-8")
        .startswith("# Compte rendu — Comité de pilotage\n")
    )
    r = clsm("-C", demo, "reunion", "compte-rendu", "2026-03-12", "--en", "pdf")
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1] == (
        "Erreur : Valeur invalide pour « --en » : « pdf » n'est pas une valeur possible. "
        "Valeurs possibles : docx, md."
    )


def test_copil_compte_rendu_alias_de_reunion(demo: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", demo, "copil", "compte-rendu", "2026-03-12", "--en", "md")
    assert r.exit_code == 0
    assert (
        r.stdout == clsm("-C", demo, "reunion", "compte-rendu", "2026-03-12", "--en", "md").stdout
    )
    assert "  copil " not in clsm("--help").stdout


# --- issue 12: exit codes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("commande", "code"),
    [
        (["etat"], 0),
        (["membres", "liste", "--college", "Élus"], 0),
        (["verifier", "--stricte"], 2),
        (["membres", "liste", "--college", "astronautes"], 2),
        (["membres", "ajouter", "--college", "elus"], 2),
        (["bilan", "2025", "--format", "csv"], 2),
        (["membres", "voir", "personne"], 3),
        (["membres", "modifier", "personne", "--notes", "x"], 3),
        (["groupes", "voir", "personne"], 3),
        (["plan", "action", "voir", "personne"], 3),
        (["plan", "action", "ajouter", "--axe", "acces-soins", "--intitule", "X", "--type",
          "autre", "--pilote", "personne"], 3),
        (["reunion", "voir", "2020-01-01"], 3),
        (["reunion", "ajouter", "--instance", "copil", "--date", "2026-12-01", "--present",
          "personne"], 3),
        (["sism", "evenement", "modifier", "2025", "99", "--titre", "X"], 3),
        (["suivi", "fait", "2026-03-12-copil", "99"], 3),
        (["reunion", "compte-rendu", "2020-01-01"], 3),
    ],
)  # fmt: skip
def test_codes_de_sortie(
    demo: Path, clsm: Callable[..., Result], commande: list[str], code: int
) -> None:
    r = clsm("-C", demo, *commande)
    assert r.exit_code == code, r.output


def test_code_1_dossier_en_erreur(projet: Path, clsm: Callable[..., Result]) -> None:
    (projet / "groupes.toml").write_text('version_schema = "1.0"\n[[groupe]]\nid = 3\n')
    assert clsm("-C", projet, "verifier").exit_code == 1
    assert clsm("-C", projet, "groupes", "ajouter", "--nom", "GT").exit_code == 1


def test_codes_de_sortie_documentes_dans_le_readme() -> None:
    readme = (RACINE_DEPOT / "README.md").read_text(encoding="utf-8")
    for ligne in (
        "| `0` |",
        "| `1` |",
        "| `2` |",
        "| `3` |",
        "| `70` |",
        "| `130` |",
    ):
        assert ligne in readme


# --- issue 12: read-only commands on a broken folder ---------------------------------------


AVERTISSEMENT = (
    "Attention : le dossier contient 2 erreurs ; seul ce qui a pu être lu est affiché "
    "(détails : clsm verifier).\n"
)


@pytest.mark.parametrize(
    "commande",
    [
        ["etat"],
        ["membres", "liste"],
        ["groupes", "liste"],
        ["plan", "liste"],
        ["reunion", "liste"],
        ["reunion", "voir", "2026-03-12"],
        ["suivi", "liste"],
        ["sism", "liste"],
        ["identite", "voir"],
        ["financement", "liste"],
    ],
)
def test_lecture_sur_dossier_en_erreur(
    demo: Path, clsm: Callable[..., Result], commande: list[str]
) -> None:
    with (demo / "membres.toml").open("a", encoding="utf-8") as f:
        f.write("\n[[membre]]\nid = 3\n")
    r = clsm("-C", demo, *commande)
    assert r.exit_code == 0, r.output
    if commande == ["membres", "liste"]:
        assert r.stderr == AVERTISSEMENT + "Aucun membre ne correspond.\n"
    else:
        assert r.stderr == AVERTISSEMENT
        assert r.stdout


def test_ecriture_refusee_sur_dossier_en_erreur(demo: Path, clsm: Callable[..., Result]) -> None:
    with (demo / "membres.toml").open("a", encoding="utf-8") as f:
        f.write("\n[[membre]]\nid = 3\n")
    avant = (demo / "plan.toml").read_bytes()
    r = clsm("-C", demo, "plan", "axe", "ajouter", "--intitule", "Nouvel axe")
    assert r.exit_code == 1
    assert r.stderr.startswith("Erreur : Le dossier contient 2 erreur(s) ; corrigez-les")
    assert (demo / "plan.toml").read_bytes() == avant


def test_agenda_sur_dossier_en_erreur(demo: Path, clsm: Callable[..., Result]) -> None:
    (demo / "sism" / "2025.toml").write_text("annee = [\n", encoding="utf-8")
    r = clsm("-C", demo, "agenda")
    assert r.exit_code == 0
    assert r.stderr.splitlines()[0] == (
        "Attention : le dossier contient 1 erreur ; seul ce qui a pu être lu est affiché "
        "(détails : clsm verifier)."
    )
    assert (demo / "exports" / "agenda.ics").is_file()


# --- issue 12: output hygiene ---------------------------------------------------------------


def test_lignes_d_etat_sur_stderr(projet: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", projet, "membres", "ajouter", "--nom", "Martin", "--college", "elus")
    assert (r.exit_code, r.stdout, r.stderr) == (
        0,
        "",
        "✓ Membre ajouté : Martin — identifiant « martin ».\n",
    )
    r = clsm(
        "-C", projet, "--format", "json", "membres", "ajouter", "--nom", "Roux", "--college", "elus"
    )
    assert json.loads(r.stdout)["id"] == "roux"
    assert r.stderr == ""
    r = clsm("-C", projet, "membres", "modifier", "martin", "--college", "elus")
    assert (r.stdout, r.stderr) == ("", "Aucun changement : « martin » était déjà à jour.\n")


@pytest.mark.parametrize(("variable", "valeur"), [("NO_COLOR", "1"), ("TERM", "dumb")])
def test_sans_couleur(
    projet: Path, monkeypatch: pytest.MonkeyPatch, variable: str, valeur: str
) -> None:
    args = ["-C", str(projet), "membres", "ajouter", "--nom", "Martin", "--college", "elus"]
    r = CliRunner().invoke(cli, args, color=True)
    assert r.stderr == "\x1b[32m✓\x1b[0m Membre ajouté : Martin — identifiant « martin ».\n"
    monkeypatch.setenv(variable, valeur)
    args[5] = "Roux"
    r = CliRunner().invoke(cli, args, color=True)
    assert r.stderr == "✓ Membre ajouté : Roux — identifiant « roux ».\n"
    r = CliRunner().invoke(cli, ["-C", str(projet), "membres", "liste"], color=True)
    assert "\x1b" not in r.output


def test_tiret_ecrit_les_textes_sur_stdout(demo: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", demo, "agenda", "-o", "-")
    assert r.exit_code == 0
    assert r.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert r.stdout_bytes.endswith(b"END:VCALENDAR\r\n")
    assert r.stderr == ""
    assert not list(demo.rglob("-*"))
    r = clsm("-C", demo, "reunion", "compte-rendu", "2026-03-12", "--en", "md", "-o", "-")
    assert r.stdout.startswith("# Compte rendu — Comité de pilotage\n")
    r = clsm("-C", demo, "bilan", "2025", "--en", "xlsx", "-o", "-")
    assert r.exit_code == 0
    assert r.stdout_bytes.startswith(b"PK")  # piped: the binary workbook itself
    assert not list(demo.rglob("*.xlsx"))


def test_tiret_refuse_un_binaire_au_terminal(
    demo: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    import clsm_cli.documents.fichiers

    monkeypatch.setattr(clsm_cli.documents.fichiers, "sortie_vers_terminal", lambda: True)
    r = clsm("-C", demo, "reunion", "compte-rendu", "2026-03-12", "-o", "-")
    assert r.exit_code == 2
    assert r.stderr == (
        "Erreur : -o - : un fichier .docx est binaire, il ne s'affiche pas dans un terminal : "
        "redirigez la sortie (-o - > fichier) ou indiquez un fichier.\n"
    )
    r = clsm("-C", demo, "bilan", "2025", "-o", "-")
    assert r.stderr == (
        "Erreur : -o - : un seul document peut aller sur la sortie standard, pas 2 (.docx, "
        ".xlsx) : choisissez-en un avec --en.\n"
    )


def test_tableau_a_80_colonnes_sans_mot_coupe(
    demo: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    r = clsm("-C", demo, "membres", "liste")
    assert r.exit_code == 0
    lignes = r.stdout.splitlines()
    assert max(len(ligne.rstrip()) for ligne in lignes) <= 80
    mots_affiches = set(re.split(r"[\s│┃|]+", r.stdout))
    membres = json.loads(clsm("-C", demo, "--format", "json", "membres", "liste").stdout)
    for membre in membres:
        for champ in ("id", "nom", "prenom", "structure", "fonction"):
            for mot in (membre[champ] or "").split():
                assert mot in mots_affiches, (champ, mot)
    # one block per member, each line « Libellé valeur »
    assert lignes[:3] == ["Membres (37)", "Identifiant karim-belkacem", "Nom         Belkacem"]


def test_tableau_assez_etroit_reste_un_tableau(
    demo: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    r = clsm("-C", demo, "plan", "axes")
    assert r.stdout.splitlines()[1].startswith("┏")
    assert max(len(ligne) for ligne in r.stdout.splitlines()) <= 80


def test_etat_a_80_colonnes_sans_mot_coupe(
    demo: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    r = clsm("-C", demo, "etat")
    suivis = r.stdout[r.stdout.index("Suivis ouverts") :]
    tableau = suivis[: suivis.index("└")]
    assert "…" not in tableau
    assert max(len(ligne) for ligne in tableau.splitlines()[1:]) <= 80
    mots = set(re.split(r"[\s│┃]+", tableau))
    # rich alone cut « Valmont-sur-Loire) » into « Valmont-sur-Loir… » here
    assert {"Valmont-sur-Loire)", "Valmont-sur-Loire", "septembre", "mi-parcours"} <= mots


def test_commandes_de_lecture_existent() -> None:
    from clsm_cli.cli.contexte import LECTURE_SEULE

    chemins = {" ".join(c) for c in toutes_les_commandes()}
    assert chemins >= LECTURE_SEULE
