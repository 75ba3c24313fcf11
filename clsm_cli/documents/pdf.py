"""PDF through LibreOffice: a .docx or .xlsx converted by ``soffice --headless``.

For a Word document the indexes are refreshed first (the sommaire gets its page numbers):
LibreOffice is then driven through UNO by :mod:`clsm_cli.documents.uno_pdf`, a script run by
a Python that has LibreOffice's ``uno`` module (the one bundled with LibreOffice on Windows
and macOS, the system's ``python3`` with python3-uno on Linux). Without such a Python the
document is converted as it is, and :class:`Conversion` says that the sommaire was not
refreshed.

LibreOffice always runs with a temporary profile (never the user's, which may be open) and
its output is moved into place atomically.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from clsm_cli.modeles.erreurs import ErreurClsm

DELAI_SECONDES = 240
"""Longest a conversion may take (LibreOffice's first start creates its profile)."""

CHEMINS_USUELS = (
    "/usr/bin/soffice",
    "/usr/local/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/snap/bin/libreoffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)

MESSAGE_ABSENT = (
    "LibreOffice est introuvable : le PDF n'a pas été produit (le document {document} est bien "
    "écrit). Installez LibreOffice (https://fr.libreoffice.org ; sous Debian ou Ubuntu : "
    "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui), ou indiquez le chemin "
    "de soffice dans la variable CLSM_SOFFICE, puis relancez la commande avec --pdf."
)


class LibreOfficeAbsent(ErreurClsm):
    """LibreOffice is not installed (or not found): no PDF."""


@dataclass
class Conversion:
    pdf: Path
    sommaire_a_jour: bool
    """True when the indexes were refreshed before export (page numbers in the sommaire)."""


def trouver_soffice() -> Path | None:
    """LibreOffice's ``soffice``: CLSM_SOFFICE, the PATH, then the usual install paths
    (Linux, macOS, Windows, including /opt/libreoffice*)."""
    explicite = os.environ.get("CLSM_SOFFICE")
    if explicite:
        return Path(explicite) if Path(explicite).is_file() else None
    for nom in ("soffice", "libreoffice"):
        trouve = shutil.which(nom)
        if trouve:
            return Path(trouve)
    candidats = [Path(c) for c in CHEMINS_USUELS]
    candidats += sorted(Path("/opt").glob("libreoffice*/program/soffice"), reverse=True)
    return next((c for c in candidats if c.is_file()), None)


def trouver_python_uno(soffice: Path) -> str | None:
    """A Python that can ``import uno``: LibreOffice's own (Windows, macOS), else the system's
    python3 (python3-uno), else this one."""
    programme = soffice.resolve().parent
    candidats = [
        programme / "python.exe",
        programme / "python",
        programme.parent / "Resources" / "python",  # macOS bundle
    ]
    chemins = [str(c) for c in candidats if c.is_file()]
    chemins += [p for p in (shutil.which("python3"), "/usr/bin/python3", sys.executable) if p]
    for python in dict.fromkeys(chemins):
        try:
            essai = subprocess.run(
                [python, "-c", "import uno"], capture_output=True, timeout=30, check=False
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if essai.returncode == 0:
            return python
    return None


def convertir_pdf(source: Path, cible: Path | None = None) -> Conversion:
    """Convert ``source`` (.docx or .xlsx) into ``cible`` (by default beside it, .pdf).

    Raises :class:`LibreOfficeAbsent` when LibreOffice is not installed, and
    :class:`ErreurClsm` when the conversion fails.
    """
    from clsm_cli.documents.fichiers import ecrire

    cible = cible or source.with_suffix(".pdf")
    soffice = trouver_soffice()
    if soffice is None:
        raise LibreOfficeAbsent(MESSAGE_ABSENT.format(document=source.name))
    with tempfile.TemporaryDirectory(prefix="clsm-pdf-") as temporaire:
        dossier = Path(temporaire)
        profil = (dossier / "profil").as_uri()
        sortie = dossier / "sortie"
        sortie.mkdir()
        produit = sortie / (source.stem + ".pdf")
        a_jour = False
        python = trouver_python_uno(soffice) if source.suffix.lower() == ".docx" else None
        if python is not None:
            script = Path(__file__).with_name("uno_pdf.py")
            a_jour = (
                _lancer([python, str(script), str(soffice), profil, str(source), str(produit)])
                and produit.is_file()
            )
        if not produit.is_file():
            commande = [
                str(soffice),
                f"-env:UserInstallation={profil}",
                "--headless",
                "--norestore",
                "--nologo",
                "--convert-to",
                "pdf",
                "--outdir",
                str(sortie),
                str(source),
            ]
            _lancer(commande)
        if not produit.is_file() or produit.stat().st_size == 0:
            raise ErreurClsm(
                f"LibreOffice n'a pas pu convertir « {source.name} » en PDF ; le document "
                f"lui-même est écrit ({source}). Ouvrez-le dans LibreOffice ou Word pour "
                "l'exporter en PDF."
            )
        ecrire(cible, produit.read_bytes())
    return Conversion(cible, a_jour)


def _lancer(commande: list[str]) -> bool:
    try:
        resultat = subprocess.run(
            commande, capture_output=True, timeout=DELAI_SECONDES, check=False
        )
    except subprocess.TimeoutExpired:
        raise ErreurClsm(
            f"LibreOffice n'a pas terminé la conversion en {DELAI_SECONDES} secondes : "
            "fermez les fenêtres LibreOffice ouvertes et relancez la commande."
        ) from None
    except OSError as exc:
        raise ErreurClsm(f"LibreOffice n'a pas pu être lancé ({exc}).") from None
    return resultat.returncode == 0
