"""``clsm completion bash|zsh|fish``: the script that makes the shell complete clsm.

The shell then calls ``clsm`` with ``_CLSM_COMPLETE`` set at each Tab; click answers from the
command tree and from the ``shell_complete=`` callbacks of cli/_types.py (identifiers).
"""

from __future__ import annotations

import click

from clsm_cli.cli._types import Choix
from clsm_cli.cli.contexte import Contexte, passer_contexte

SHELLS = ("bash", "zsh", "fish")
INSTALLATION = {
    "bash": 'eval "$(clsm completion bash)"   # à ajouter à ~/.bashrc',
    "zsh": 'eval "$(clsm completion zsh)"   # à ajouter à ~/.zshrc',
    "fish": "clsm completion fish > ~/.config/fish/completions/clsm.fish",
}


@click.command(
    help="Afficher le script de complétion du shell. Une fois installé, la touche Tab complète "
    "les commandes, les options et les identifiants du dossier : membres, groupes, axes, "
    "actions, réunions, années de SISM, codes de situation.",
    epilog="\b\nInstallation (une fois, puis ouvrir un nouveau terminal) :\n"
    + "\n".join(f"  {INSTALLATION[shell]}" for shell in SHELLS),
)
@click.argument("shell", type=Choix(SHELLS))
@passer_contexte
def completion(contexte: Contexte, shell: str) -> None:
    from click.shell_completion import get_completion_class

    classe = get_completion_class(shell)
    assert classe is not None  # the choices above are click's own shells
    racine = click.get_current_context().find_root()
    script = classe(racine.command, {}, "clsm", "_CLSM_COMPLETE").source()
    contexte.sortie.brut(script)
