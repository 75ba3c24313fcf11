"""Export a Word document to PDF with LibreOffice, its indexes refreshed first.

A standalone script, run by :mod:`clsm_cli.documents.pdf` with a Python that has
LibreOffice's ``uno`` module (never imported by clsm itself)::

    python3 uno_pdf.py SOFFICE PROFIL_URL SOURCE.docx CIBLE.pdf

It starts ``soffice --headless`` listening on a private pipe, opens the document hidden,
updates every index (``getDocumentIndexes()`` … ``update()``: the sommaire gets its page
numbers) and the fields, exports with ``writer_pdf_Export``, then closes LibreOffice.
Exit status 0 when the PDF is written.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time


def _propriete(nom: str, valeur: object) -> object:
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

    p = PropertyValue()
    p.Name = nom
    p.Value = valeur
    return p


def _connecter(tuyau: str, processus: subprocess.Popen[bytes]) -> object:
    import uno  # type: ignore[import-not-found]
    from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

    local = uno.getComponentContext()
    resolveur = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    for _ in range(240):
        if processus.poll() is not None:
            raise RuntimeError("soffice s'est arrêté au démarrage")
        try:
            return resolveur.resolve(f"uno:pipe,name={tuyau};urp;StarOffice.ComponentContext")
        except NoConnectException:
            time.sleep(0.5)
    raise RuntimeError("soffice ne répond pas")


def exporter(soffice: str, profil: str, source: str, cible: str) -> None:
    import uno

    tuyau = f"clsm_pdf_{os.getpid()}"
    processus = subprocess.Popen(
        [
            soffice,
            f"-env:UserInstallation={profil}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            f"--accept=pipe,name={tuyau};urp;StarOffice.ComponentContext",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    bureau = None
    try:
        contexte = _connecter(tuyau, processus)
        bureau = contexte.ServiceManager.createInstanceWithContext(  # type: ignore[attr-defined]
            "com.sun.star.frame.Desktop", contexte
        )
        document = bureau.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(source)),
            "_blank",
            0,
            (_propriete("Hidden", True), _propriete("UpdateDocMode", 0)),
        )
        try:
            if hasattr(document, "getDocumentIndexes"):
                # twice: the first update may move pages (a longer sommaire)
                for _ in range(2):
                    index = document.getDocumentIndexes()
                    for i in range(index.getCount()):
                        index.getByIndex(i).update()
                    document.getTextFields().refresh()
            filtre = "writer_pdf_Export" if hasattr(document, "getText") else "calc_pdf_Export"
            document.storeToURL(
                uno.systemPathToFileUrl(os.path.abspath(cible)),
                (_propriete("FilterName", filtre),),
            )
        finally:
            document.close(True)
    finally:
        if bureau is not None:
            try:
                bureau.terminate()
            except Exception:  # the bridge closes as LibreOffice quits
                pass
        try:
            processus.wait(timeout=60)
        except subprocess.TimeoutExpired:
            processus.kill()


if __name__ == "__main__":
    exporter(*sys.argv[1:5])
