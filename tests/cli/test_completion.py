"""``clsm completion`` and the shell completion of identifiers, through click's machinery.

Expected values are the demo folder's (clsm_cli/donnees/demo/). Completing must stay light: it
never imports pydantic or another heavy library (checked in a fresh interpreter), and the time
of a real ``clsm`` completion process is printed, not asserted.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.shell_completion import ShellComplete
from click.testing import CliRunner, Result

from clsm_cli.cli import cli

from ..conftest import indisponible

CLSM = str(Path(sys.executable).parent / "clsm")


def completer(*mots: str | Path) -> list[str]:
    """What Tab offers after ``clsm MOTS…``: the last word is the one being typed."""
    *args, incomplet = [str(m) for m in mots]
    complete = ShellComplete(cli, {}, "clsm", "_CLSM_COMPLETE")
    return [c.value for c in complete.get_completions(args, incomplet)]


def aides(*mots: str | Path) -> dict[str, str | None]:
    *args, incomplet = [str(m) for m in mots]
    complete = ShellComplete(cli, {}, "clsm", "_CLSM_COMPLETE")
    return {c.value: c.help for c in complete.get_completions(args, incomplet)}


# --- identifiers ---------------------------------------------------------------------------------


def test_membres(demo: Path) -> None:
    assert completer("-C", demo, "membres", "voir", "c") == [
        "claire-dumesnil",
        "christophe-blanchard",
        "caroline-vidal",
        "camille-nguyen",
    ]
    assert completer("-C", demo, "membres", "modifier", "mediath") == ["mediatheque-valmont"]
    assert completer("-C", demo, "membres", "retirer", "zz") == []
    assert len(completer("-C", demo, "membres", "voir", "")) == 40


def test_membres_decrits_par_leur_nom(demo: Path) -> None:
    assert aides("-C", demo, "membres", "voir", "r") == {
        "residence-accueil-les-glycines": (
            "Résidence accueil Les Glycines (Association Trait d'union)"
        ),
        "romain-giraud": "Romain Giraud",
    }


def test_membres_dans_les_options(demo: Path) -> None:
    assert completer("-C", demo, "groupes", "ajouter", "--pilote", "la") == ["laurent-mercadier"]
    assert completer("-C", demo, "groupes", "membres", "logement", "--ajouter", "je") == [
        "jerome-faure"
    ]
    assert completer("-C", demo, "plan", "action", "ajouter", "--pilote", "ju") == ["julien-morel"]
    assert completer("-C", demo, "reunion", "ajouter", "--present", "ca") == [
        "caroline-vidal",
        "camille-nguyen",
    ]
    assert completer("-C", demo, "reunion", "suivi", "2026-03-12-copil", "--qui", "sa") == [
        "samia-haddad",
        "sandrine-collet",
    ]
    assert completer("-C", demo, "sism", "nouvelle", "2027", "--comite", "hu") == ["hugo-marchand"]
    assert completer("-C", demo, "cellule", "seance", "ajouter", "--present", "is") == [
        "isabelle-garnier"
    ]


def test_groupes(demo: Path) -> None:
    assert completer("-C", demo, "groupes", "voir", "") == ["logement", "jeunes", "sism"]
    assert aides("-C", demo, "groupes", "retirer", "j") == {"jeunes": "Santé mentale des jeunes"}
    assert completer("-C", demo, "membres", "liste", "--groupe", "s") == ["sism"]
    assert completer("-C", demo, "plan", "action", "modifier", "pssm", "--groupe", "l") == [
        "logement"
    ]


def test_instances(demo: Path) -> None:
    assert completer("-C", demo, "membres", "ajouter", "--instance", "") == [
        "copil",
        "pleniere",
        "comite_technique",
        "cellule",
        "logement",
        "jeunes",
        "sism",
    ]
    assert completer("-C", demo, "reunion", "ajouter", "--instance", "") == [
        "copil",
        "pleniere",
        "comite_technique",
        "autre",
        "groupe:logement",
        "groupe:jeunes",
        "groupe:sism",
    ]
    assert completer("-C", demo, "reunion", "liste", "--instance", "groupe:j") == ["groupe:jeunes"]


def test_les_instances_fixes_sont_celles_des_modeles() -> None:
    from clsm_cli.cli._types import INSTANCES_MEMBRE, INSTANCES_REUNION
    from clsm_cli.modeles.communs import INSTANCES_RESERVEES
    from clsm_cli.noyau.reunions import INSTANCES

    assert INSTANCES_MEMBRE == INSTANCES_RESERVEES
    assert list(INSTANCES_REUNION) == INSTANCES


def test_axes_et_actions(demo: Path) -> None:
    assert completer("-C", demo, "plan", "axe", "modifier", "") == [
        "acces-soins",
        "logement",
        "promotion",
        "jeunes",
    ]
    assert completer("-C", demo, "plan", "liste", "--axe", "p") == ["promotion"]
    assert completer("-C", demo, "plan", "action", "ajouter", "--axe", "j") == ["jeunes"]
    assert completer("-C", demo, "plan", "action", "voir", "m") == ["medecins-cmp", "maraudes-empp"]
    assert aides("-C", demo, "plan", "realisation", "ajouter", "p") == {
        "pssm": "Formation Premiers secours en santé mentale (PSSM)"
    }
    assert completer("-C", demo, "plan", "indicateur", "ga") == ["gardiens-immeuble"]
    assert completer("-C", demo, "plan", "action", "retirer", "") == [
        "guide-ressources",
        "medecins-cmp",
        "maraudes-empp",
        "aidants-groupe-parole",
        "cellule-veille-logement",
        "gardiens-immeuble",
        "logement-accompagne",
        "pssm",
        "sism",
        "ateliers-college",
        "ecoute-mission-locale",
        "formation-reperage-jeunes",
    ]


def test_reunions(demo: Path) -> None:
    assert completer("-C", demo, "reunion", "voir", "2026") == [
        "2026-03-12-copil",
        "2026-06-23-pleniere",
        "2026-09-15-groupe-logement",
        "2026-12-08-copil",
    ]
    assert completer("-C", demo, "reunion", "point", "2025-0") == [
        "2025-01-28-copil",
        "2025-04-03-groupe-jeunes",
        "2025-05-20-groupe-logement",
        "2025-06-17-pleniere",
        "2025-06-24-groupe-sism",
    ]
    assert completer("-C", demo, "suivi", "fait", "2025-11") == ["2025-11-18-copil"]
    assert completer("-C", demo, "copil", "compte-rendu", "2026-1") == ["2026-12-08-copil"]
    assert completer("-C", demo, "reunion", "presence", "2026-06") == ["2026-06-23-pleniere"]


def test_annees_de_sism(demo: Path) -> None:
    assert completer("-C", demo, "sism", "evenement", "liste", "") == ["2025", "2026"]
    assert completer("-C", demo, "sism", "evenement", "ajouter", "2026") == ["2026"]
    assert completer("-C", demo, "sism", "programme", "202") == ["2025", "2026"]
    assert completer("-C", demo, "sism", "nouvelle", "") == []  # a new year: nothing to offer


def test_codes_de_situation_sans_rien_d_autre(demo: Path) -> None:
    assert completer("-C", demo, "cellule", "situation", "modifier", "S-2026") == [
        f"S-2026-00{i}" for i in range(1, 7)
    ]
    assert completer("-C", demo, "cellule", "situation", "clore", "S-2025-01") == ["S-2025-010"]
    assert completer("-C", demo, "cellule", "seance", "ajouter", "--situation", "S-2026-00") == [
        f"S-2026-00{i}" for i in range(1, 7)
    ]
    # codes only: no other value of a situation leaves the cellule, even towards a terminal
    assert set(aides("-C", demo, "cellule", "situation", "modifier", "S").values()) == {None}


def test_dossier_courant_ou_parent(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(demo / "reunions")
    assert completer("groupes", "voir", "l") == ["logement"]


def test_dossier_donne_avec_un_tilde(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Words reach completion as typed: ``-C ~/demo`` is not expanded by the shell yet."""
    monkeypatch.setenv("HOME", str(demo.parent))
    assert completer("-C", "~/demo", "groupes", "voir", "j") == ["jeunes"]


def test_sans_dossier_clsm_aucune_suggestion(tmp_path: Path) -> None:
    assert completer("-C", tmp_path, "membres", "voir", "") == []
    assert completer("-C", tmp_path / "absent", "reunion", "voir", "") == []


def test_fichier_illisible_ou_invalide_aucune_erreur(demo: Path) -> None:
    (demo / "membres.toml").write_bytes(b"\xff\xfe[[membre]]\nid = 'x'\n")
    (demo / "groupes.toml").write_text("[[groupe]\nid = = 'casse'\n", encoding="utf-8")
    assert completer("-C", demo, "membres", "voir", "") == []
    assert completer("-C", demo, "groupes", "voir", "") == []


def test_commande_inconnue_pendant_la_completion(demo: Path) -> None:
    """A typo before Tab gives the root's suggestions, never an error message."""
    assert completer("-C", demo, "membrs", "voir", "ve") == ["verifier"]


# --- through the environment variable the shell sets ----------------------------------------------


def test_protocole_bash_complete(demo: Path) -> None:
    r = CliRunner().invoke(
        cli,
        [],
        prog_name="clsm",
        env={
            "_CLSM_COMPLETE": "bash_complete",
            "COMP_WORDS": f"clsm -C {demo} sism evenement liste ",
            "COMP_CWORD": "6",
        },
    )
    assert r.exit_code == 0
    assert r.stdout == "plain,2025\nplain,2026\n"


def test_protocole_zsh_complete_avec_description(demo: Path) -> None:
    r = CliRunner().invoke(
        cli,
        [],
        prog_name="clsm",
        env={
            "_CLSM_COMPLETE": "zsh_complete",
            "COMP_WORDS": f"clsm -C {demo} groupes voir j",
            "COMP_CWORD": "5",
        },
    )
    assert r.exit_code == 0
    assert r.stdout == "plain\njeunes\nSanté mentale des jeunes\n"


# --- clsm completion SHELL -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shell", "marque"),
    [
        ("bash", "complete -o nosort -F _clsm_completion clsm"),
        ("zsh", "compdef _clsm_completion clsm"),
        ("fish", 'complete --no-files --command clsm --arguments "(_clsm_completion)"'),
    ],
)
def test_script_par_shell(clsm: Callable[..., Result], shell: str, marque: str) -> None:
    r = clsm("completion", shell)
    assert r.exit_code == 0
    assert marque in r.stdout
    assert f"_CLSM_COMPLETE={shell}_complete" in r.stdout


def test_shell_inconnu(runner: CliRunner) -> None:
    r = runner.invoke(cli, ["completion", "ksh"])
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1] == (
        "Erreur : Valeur invalide pour « [bash|zsh|fish] » : « ksh » n'est pas une valeur "
        "possible. Vouliez-vous dire « zsh » ? Valeurs possibles : bash, zsh, fish."
    )


def test_aide_explique_l_installation(clsm: Callable[..., Result]) -> None:
    r = clsm("completion", "--help")
    assert r.exit_code == 0
    assert 'eval "$(clsm completion bash)"   # à ajouter à ~/.bashrc' in r.stdout
    assert "clsm completion fish > ~/.config/fish/completions/clsm.fish" in r.stdout


def _env_avec_clsm() -> dict[str, str]:
    return {**os.environ, "PATH": f"{Path(CLSM).parent}{os.pathsep}{os.environ['PATH']}"}


def test_script_bash_dans_un_vrai_bash(demo: Path) -> None:
    """The installed script, sourced in bash, fills COMPREPLY as a Tab press would."""
    if shutil.which("bash") is None:
        indisponible("bash est introuvable")
    script = (
        'eval "$(clsm completion bash)"\n'
        f"COMP_WORDS=(clsm -C '{demo}' plan action voir ma)\n"
        "COMP_CWORD=6\n"
        "_clsm_completion clsm\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    r = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, env=_env_avec_clsm(), check=True
    )
    assert r.stdout == "maraudes-empp\n"


# --- light and quick ---------------------------------------------------------------------------

SONDE = """
import json, sys
from clsm_cli.cli import main
try:
    main()
except SystemExit:
    pass
lourds = sorted({m.split(".")[0] for m in sys.modules} & {"pydantic", "rich", "tomlkit",
    "openpyxl", "docx", "matplotlib", "icalendar", "tomli", "tomllib", "toml_rs"})
print(json.dumps(lourds))
"""


@pytest.mark.parametrize(
    "mots",
    [
        "membres voir ",
        "reunion ajouter --present ",
        "cellule situation modifier ",
        "plan realisation ",
        "sism evenement liste ",
    ],
)
def test_completer_n_importe_rien_de_lourd(demo: Path, mots: str) -> None:
    env = {
        **os.environ,
        "_CLSM_COMPLETE": "bash_complete",
        "COMP_WORDS": f"clsm -C {demo} {mots}",
        "COMP_CWORD": str(len(mots.split()) + 3),
    }
    r = subprocess.run(
        [sys.executable, "-c", SONDE], capture_output=True, text=True, env=env, check=True
    )
    *suggestions, lourds = r.stdout.splitlines()
    assert suggestions  # something was completed
    assert json.loads(lourds) == []


def test_duree_d_une_completion(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Prints the median time of a real ``clsm`` completion process beside ``import click``
    (target < 0.2 s on the demo folder); asserts only that the answers are right."""

    def duree(commande: list[str], env: dict[str, str]) -> tuple[float, str]:
        debut = time.perf_counter()
        r = subprocess.run(commande, capture_output=True, text=True, env=env, check=True)
        return time.perf_counter() - debut, r.stdout

    env = {
        **os.environ,
        "_CLSM_COMPLETE": "bash_complete",
        "COMP_WORDS": f"clsm -C {demo} reunion voir 2026-0",
        "COMP_CWORD": "5",
    }
    completions, clicks = [], []
    for _ in range(5):
        t, sortie = duree([CLSM], env)
        assert sortie == (
            "plain,2026-03-12-copil\nplain,2026-06-23-pleniere\nplain,2026-09-15-groupe-logement\n"
        )
        completions.append(t)
        clicks.append(duree([sys.executable, "-c", "import click"], dict(os.environ))[0])
    with capsys.disabled():
        print(
            f"\n[completion] clsm reunion voir <Tab> sur la démo : "
            f"{statistics.median(completions):.3f} s (médiane de 5), "
            f"python -c 'import click' : {statistics.median(clicks):.3f} s"
        )
