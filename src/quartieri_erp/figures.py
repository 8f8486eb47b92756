"""One look for every figure: seaborn theme, colour-blind-safe palette, Italian axis formats, source line."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # figures are rendered to PNG, never to a window

import matplotlib.pyplot as plt  # noqa: E402
import seaborn as sns  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from .formatting import fmt_num, fmt_pct  # noqa: E402

# Okabe & Ito (2008): distinguishable with every common form of colour blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
WIDTH, HEIGHT = 8.0, 4.5  # inches; at 150 dpi a figure stays legible at phone width


def use_style() -> None:
    """Apply the report's figure style (call once per notebook)."""
    sns.set_theme(style="whitegrid", context="notebook", palette=PALETTE, rc={
        "figure.figsize": (WIDTH, HEIGHT),
        "font.size": 12, "axes.titlesize": 13, "axes.labelsize": 12,
        "xtick.labelsize": 11, "ytick.labelsize": 11, "legend.fontsize": 11,
        "axes.spines.top": False, "axes.spines.right": False,
        "svg.hashsalt": "quartieri-erp",
    })


def new_figure(height: float = HEIGHT):
    """A figure and axes at the report's width."""
    return plt.subplots(figsize=(WIDTH, height))


def percent_axis(ax, axis: str = "x", decimals: int = 0) -> None:
    """Show a 0-1 axis as Italian percentages (25%, 50%…)."""
    formatter = FuncFormatter(lambda value, _: fmt_pct(value, decimals))
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(formatter)


def number_axis(ax, axis: str = "y", decimals: int = 0) -> None:
    """Italian thousands separators on an axis."""
    formatter = FuncFormatter(lambda value, _: fmt_num(value, decimals))
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(formatter)


def add_source(fig, text: str) -> None:
    """The 'Fonte:' line under the plot."""
    fig.text(0.01, -0.01, f"Fonte: {text}", ha="left", va="top", fontsize=9, color="#555555")
