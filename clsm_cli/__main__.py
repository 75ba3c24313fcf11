"""``python -m clsm_cli`` runs the command line."""

from clsm_cli.cli import main

if __name__ == "__main__":
    main()
