"""Problems found in a clsm folder: values, not exceptions (like beancount's errors)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

CODES: dict[str, str] = {
    "E001": "Syntaxe TOML invalide",
    "E002": "Fichier illisible : encodage autre que UTF-8",
    "E003": "Version de format plus récente que ce clsm",
    "E004": "Fichier trop volumineux",
    "E005": "Fichier de données qui n'est pas un fichier lisible (dossier, tube, lien cassé…)",
    "E101": "Clé inconnue",
    "E102": "Clé obligatoire manquante",
    "E103": "Valeur hors du vocabulaire autorisé",
    "E104": "Type de valeur incorrect",
    "E105": "Valeur invalide (format, bornes, cohérence interne)",
    "E201": "Référence vers un identifiant inconnu",
    "E202": "Identifiant en double",
    "E203": "Dates dans le mauvais ordre",
    "E204": "Nom de fichier qui ne correspond pas au contenu",
    "E205": "Priorité inconnue (absente de diagnostic.toml) dans un axe du plan",
    "E401": "Donnée personnelle dans la cellule de cas complexes",
    "E410": "Seuil de masquage de la cellule inférieur à 11",
    "W301": "Droits d'accès trop larges sur la cellule",
    "W302": "Situations à purger (durée de conservation dépassée)",
    "W303": "Incohérence probable (avertissement)",
    "W304": "Fichier inattendu dans un dossier de données (ignoré)",
    "W305": "Priorité du dernier diagnostic à laquelle aucun axe du plan ne répond",
    "W306": "Courriel ou téléphone invalide (avertissement)",
    "W310": "Texte de la cellule hors des listes fermées (à classer : clsm cellule migrer)",
    "W311": "Fichiers de la cellule suivis par git",
}
"""Stable codes of the kinds of problems. E = error (exit 1), W = warning."""


@dataclass(frozen=True, order=True)
class Probleme:
    """One problem: where it is (file relative to the folder, line, field) and what it is."""

    fichier: str
    ligne: int | None
    champ: str
    message: str
    code: str

    @property
    def est_erreur(self) -> bool:
        return self.code.startswith("E")

    @property
    def niveau(self) -> str:
        return "erreur" if self.est_erreur else "avertissement"

    def __str__(self) -> str:
        """``fichier:ligne: champ: message (CODE)`` on one line, whatever the file holds."""
        lieu = f"{self.fichier}:{self.ligne}" if self.ligne else self.fichier
        champ = f" {self.champ}:" if self.champ else ""
        return _une_ligne(f"{lieu}:{champ} {self.message} ({self.code})")

    def en_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["niveau"] = self.niveau
        return d


def trier(problemes: list[Probleme]) -> list[Probleme]:
    """Stable order: by file, then line, then code, then message."""
    return sorted(
        set(problemes), key=lambda p: (p.fichier, p.ligne or 0, p.code, p.champ, p.message)
    )


def _une_ligne(texte: str) -> str:
    """Control characters (a key may hold a newline) shown escaped: ``a\\nb``."""
    if texte.isprintable():
        return texte
    return "".join(
        c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii")
        for c in texte
    )
