"""One look for every figure: seaborn theme, colour-blind-safe palette, Italian axis formats, source line."""

from __future__ import annotations

import textwrap

import matplotlib

matplotlib.use("Agg")  # figures are rendered to PNG, never to a window

import matplotlib.pyplot as plt  # noqa: E402
import seaborn as sns  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from quartieri_erp.presentation.formatting import fmt_num, fmt_pct  # noqa: E402

# Okabe & Ito (2008): distinguishable with every common form of colour blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
WIDTH, HEIGHT = 5.2, 3.2  # inches: shown 100% wide, 12-pt text stays ≥ 10 px on a 390 px phone
SOURCE_CHARS_PER_INCH = 10  # characters of the 10-pt "Fonte:" line that fit in one inch


def use_style() -> None:
    """Apply the report's figure style (call once per notebook)."""
    sns.set_theme(
        style="whitegrid",
        context="notebook",
        palette=PALETTE,
        rc={
            "figure.figsize": (WIDTH, HEIGHT),
            "font.size": 12,
            "axes.titlesize": 13,
            "axes.labelsize": 12,
            "xtick.labelsize": 11,
            "ytick.labelsize": 11,
            "legend.fontsize": 11,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.hashsalt": "quartieri-erp",
        },
    )


def wrap(text: str, chars: int) -> str:
    """``text`` wrapped to lines of at most ``chars`` characters."""
    return "\n".join(textwrap.wrap(str(text), chars, break_on_hyphens=False)) or str(text)


def new_figure(height: float = HEIGHT):
    """A figure and axes at the report's width."""
    return plt.subplots(figsize=(WIDTH, height))


def percent_axis(ax, axis: str = "x", decimals: int = 0) -> None:
    """Show a 0-1 axis as Italian percentages (25%, 50%…)."""
    formatter = FuncFormatter(lambda value, _: fmt_pct(value, decimals))
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(formatter)


def number_axis(ax, axis: str = "y", decimals: int = 0) -> None:
    """Italian thousands separators on an axis; whole-number ticks when ``decimals`` is 0, and fewer
    ticks for large amounts so that their labels never collide at the report's width."""
    target = ax.xaxis if axis == "x" else ax.yaxis
    largest = max(abs(v) for v in (ax.get_xlim() if axis == "x" else ax.get_ylim()))
    target.set_major_locator(MaxNLocator(nbins=3 if largest >= 100_000 else 5, integer=decimals == 0))
    target.set_major_formatter(FuncFormatter(lambda value, _: fmt_num(value, decimals)))


def add_source(fig, text: str) -> None:
    """The 'Fonte:' line under the plot, wrapped to the figure's width so it never widens the image."""
    chars = int(fig.get_size_inches()[0] * SOURCE_CHARS_PER_INCH)
    fig.text(0.01, -0.01, wrap(f"Fonte: {text}", chars), ha="left", va="top", fontsize=10, color="#555555")


DATA_ATTRIBUTE = "quartieri_erp_data"


def attach_data(fig, frame, hidden=None):
    """Keep the tidy data a chart was drawn from on its figure (``display.show_figure`` offers it as CSV).

    Numbers of rows where ``hidden`` is true (disclosure control) are blanked, as in the chart.
    """
    data = frame.reset_index(drop=True).copy()
    if hidden is not None:
        mask = hidden.reset_index(drop=True).astype(bool)
        numeric = data.select_dtypes("number").columns
        data[numeric] = data[numeric].astype(float).mask(mask)
    setattr(fig, DATA_ATTRIBUTE, data.drop(columns=[c for c in ("source", "hidden") if c in data]))
    return fig


def figure_data(fig):
    """The data attached to ``fig`` by ``attach_data``, or None."""
    return getattr(fig, DATA_ATTRIBUTE, None)


# inches: with savefig's 0.1-inch padding on each side the PNG is at most 5.5 inches wide, so that shown 358
# px wide on a 390 px phone its 10-pt text stays at least 9 CSS px
MAX_WIDTH = 5.3


def fit_to_width(fig, max_width: float = MAX_WIDTH) -> None:
    """Narrow the figure until everything drawn (labels, legends, notes outside the axes) fits in
    ``max_width`` inches, so that the image is not scaled down further on a phone."""
    for ax in fig.axes:  # a long axis label is centred under the axes and overhangs them: wrap it first
        label = ax.get_xlabel()
        if len(label) > 34 and "\n" not in label:
            ax.set_xlabel(wrap(label, 30))
    width, height = fig.get_size_inches()
    smallest = 0.6 * width
    for _ in range(5):
        excess = fig.get_tightbbox(fig.canvas.get_renderer()).width - max_width
        current = fig.get_size_inches()[0]
        if excess <= 0.01 or current <= smallest:
            return
        fig.set_size_inches(max(smallest, current - excess), height)
        fig.tight_layout()  # labels back inside the narrower figure
