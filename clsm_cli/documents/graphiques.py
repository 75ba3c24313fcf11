"""Charts as PNG images for the Word documents (matplotlib, Agg backend, imported lazily).

The figures are built with ``matplotlib.figure.Figure`` and the Agg canvas directly (no
pyplot: no global state, no GUI backend), and returned as PNG bytes held in memory.

Importing matplotlib costs about a second. :func:`prechauffer` starts that import in a helper
process (forked, where the system allows it, and when there are several processors) while
the main process loads the folder and writes the tables; :func:`dessiner` then draws there,
and the document collects the images at the end. Without a helper, drawing happens here.
CLSM_SANS_PARALLELE=1 turns the helper off.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from clsm_cli.noyau.textes import nombre_fr
from clsm_cli.stockage import systeme

BLEU = "#1F4E79"
BLEU_CLAIR = "#9DC3E6"
LARGEUR_POUCES = 6.3
RESOLUTION = 200


class Image(Protocol):
    def result(self) -> bytes: ...


class _Immediate:
    def __init__(self, png: bytes) -> None:
        self._png = png

    def result(self) -> bytes:
        return self._png


_AIDE: Any = None
"""The helper process pool (one worker), or None."""


def _importer() -> None:
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.backends.backend_agg
    import matplotlib.figure


def prechauffer() -> None:
    """Start importing matplotlib in a helper process (does nothing where it cannot)."""
    global _AIDE
    if _AIDE is not None or os.environ.get("CLSM_SANS_PARALLELE") == "1":
        return
    if "matplotlib.figure" in sys.modules:
        return  # already imported here: drawing here is cheaper than a helper
    if (os.cpu_count() or 1) < 2 or not sys.platform.startswith("linux"):
        return  # elsewhere « fork » is missing or unsafe, and « spawn » would cost more
    if not systeme.fork_possible():
        return  # CLSM_SANS_POSIX: drawn here, as on Windows
    try:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        if "fork" not in multiprocessing.get_all_start_methods():
            return
        _AIDE = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        _AIDE.submit(_importer)
    except (OSError, ImportError, ValueError, RuntimeError):
        _AIDE = None


def dessiner(fonction: Callable[..., bytes], *args: Any) -> Image:
    """``fonction(*args)`` drawn by the helper when there is one, here otherwise."""
    if _AIDE is not None:
        try:
            return _AIDE.submit(fonction, *args)  # type: ignore[no-any-return]
        except RuntimeError:  # pool broken or shut down
            pass
    return _Immediate(fonction(*args))


def arreter() -> None:
    """Stop the helper process (at the end of a command)."""
    global _AIDE
    aide, _AIDE = _AIDE, None
    if aide is not None:
        aide.shutdown(wait=True, cancel_futures=True)


def _figure(hauteur: float, largeur: float = LARGEUR_POUCES):  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    figure = Figure(figsize=(largeur, hauteur), dpi=RESOLUTION, layout="constrained")
    figure.patch.set_facecolor("white")
    return figure


def _png(figure) -> bytes:  # type: ignore[no-untyped-def]
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    tampon = io.BytesIO()
    figure.savefig(tampon, format="png", dpi=RESOLUTION, metadata={"Software": None})
    return tampon.getvalue()


def _epurer(axes) -> None:  # type: ignore[no-untyped-def]
    for cote in ("top", "right"):
        axes.spines[cote].set_visible(False)
    axes.tick_params(labelsize=8.5, colors="#333333")


def barres_horizontales(libelles: Sequence[str], valeurs: Sequence[float], titre: str) -> bytes:
    """Horizontal bars, first label on top (members by collège…)."""
    figure = _figure(max(1.6, 0.32 * len(libelles) + 0.9))
    axes = figure.add_subplot()
    positions = list(range(len(libelles)))
    barres = axes.barh(positions, valeurs, color=BLEU, height=0.65)
    axes.set_yticks(positions, [str(x) for x in libelles])
    axes.invert_yaxis()
    axes.set_title(titre, fontsize=10.5, loc="left", color="#1F1F1F")
    axes.bar_label(barres, labels=[nombre_fr(v) for v in valeurs], padding=3, fontsize=8)
    axes.xaxis.set_visible(False)
    axes.spines["bottom"].set_visible(False)
    axes.set_xlim(0, max(valeurs, default=1) * 1.15 or 1)
    _epurer(axes)
    return _png(figure)


def largeur_pouces(barres: int) -> float:
    """Width of a vertical bar chart: bars keep a sensible width when they are few."""
    return min(LARGEUR_POUCES, 1.6 + 0.9 * max(barres, 1))


def largeur_cm(barres: int, maximum: float) -> float:
    """Width to give the chart's image in a document (same proportions as the figure)."""
    return maximum * largeur_pouces(barres) / LARGEUR_POUCES


def barres_verticales(
    libelles: Sequence[str], valeurs: Sequence[float], titre: str, *, couleur: str = BLEU
) -> bytes:
    """Vertical bars with their values on top (actions by statut, SISM by year…)."""
    figure = _figure(2.6, largeur_pouces(len(libelles)))
    axes = figure.add_subplot()
    positions = list(range(len(libelles)))
    barres = axes.bar(positions, valeurs, color=couleur, width=0.6)
    axes.set_xticks(positions, [str(x) for x in libelles])
    axes.set_title(titre, fontsize=10.5, loc="left", color="#1F1F1F")
    axes.bar_label(barres, labels=[nombre_fr(v) for v in valeurs], padding=2, fontsize=8)
    axes.yaxis.set_visible(False)
    axes.spines["left"].set_visible(False)
    axes.set_ylim(0, max(valeurs, default=1) * 1.18 or 1)
    _epurer(axes)
    return _png(figure)
