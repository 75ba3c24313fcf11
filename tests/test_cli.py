"""The command-line shell: French help, options, folder discovery, one error path."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from clsm_cli.cli import COMMANDES, cli


def test_aide_en_francais(clsm: Callable[..., Result]) -> None:
    r = clsm("--help")
    assert r.exit_code == 0
    assert r.stdout.startswith("Utilisation : clsm [OPTIONS] COMMANDE [ARGUMENTS]...")
    assert "Afficher cette aide et quitter." in r.stdout
    assert "Commandes" in r.stdout
    for nom, (_, aide) in COMMANDES.items():
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
    r = clsm("-C", projet, "etat")
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
    assert r.returncode == 0
    assert r.stdout == "✓ Aucun problème.\n"


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
