"""Domain errors. They stay inside the library; the CLI turns them into French messages."""

from __future__ import annotations

from clsm_cli.modeles.problemes import Probleme


class ErreurClsm(Exception):
    """Base of every error a user can cause; its message is French and complete.

    Exit codes (documented in the README): 1 the folder has or would get errors, 2 usage
    (wrong or missing value, incompatible options), 3 unknown identifier."""

    code_sortie = 1


class DossierIntrouvable(ErreurClsm):
    """The folder is not a clsm folder."""


class ErreurChargement(ErreurClsm):
    """The folder could not be loaded: carries every problem found."""

    def __init__(self, problemes: list[Probleme], message: str | None = None) -> None:
        self.problemes = problemes
        erreurs = [p for p in problemes if p.est_erreur]
        texte = message or (
            f"Le dossier contient {len(erreurs)} erreur(s) ; corrigez-les "
            "(voir « clsm verifier ») avant de continuer."
        )
        super().__init__(texte)


class ErreurValidation(ErreurChargement):
    """A change was refused because it would make the folder invalid; nothing was written."""

    def __init__(self, problemes: list[Probleme]) -> None:
        super().__init__(
            problemes, "Modification refusée, rien n'a été écrit. Problème(s) détecté(s) :"
        )


class ErreurVerrou(ErreurClsm):
    """Another clsm process holds the folder's lock for too long."""


class ErreurSaisie(ErreurClsm):
    """A value given on the command line is wrong or missing."""

    code_sortie = 2


class Introuvable(ErreurClsm):
    """An identifier given by the user does not exist (member, group, action, meeting, code…),
    whether given as an argument or as an option's value: always exit code 3."""

    code_sortie = 3
