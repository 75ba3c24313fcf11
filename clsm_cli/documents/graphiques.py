"""Charts as PNG images for the Word documents (matplotlib, Agg backend, imported lazily).

The figures are built with ``matplotlib.figure.Figure`` and the Agg canvas directly (no
pyplot: no global state, no GUI backend), and returned as PNG bytes held in memory.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from ..textes import nombre_fr

BLEU = "#1F4E79"
BLEU_CLAIR = "#9DC3E6"
LARGEUR_POUCES = 6.3
RESOLUTION = 200


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
