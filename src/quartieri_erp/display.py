"""What a chapter notebook shows: Markdown prose, tables, figures and the run-information box."""

from __future__ import annotations

import io
from textwrap import dedent

import pandas as pd
from IPython.display import Image, Markdown, display

from .formatting import fmt_date
from .tables import Formatter, markdown_table

PNG_DPI = 150


def md(text: str) -> None:
    """Show Markdown written in the notebook (numbers interpolated from data)."""
    display(Markdown(dedent(text).strip()))


def show_table(df: pd.DataFrame, formats: dict[str, Formatter] | None = None,
               align: dict[str, str] | None = None, widths: list[int] | None = None) -> None:
    """Show ``df`` as a Markdown table (caption and label come from the cell's ``#|`` options)."""
    display(Markdown(markdown_table(df, formats, align, widths)))


def figure_png(fig) -> bytes:
    """The figure as PNG bytes, reproducible (no software/version metadata)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=PNG_DPI, bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


def show_figure(fig) -> None:
    """Show a matplotlib figure as a PNG (caption, label and alt text come from ``#|`` options)."""
    import matplotlib.pyplot as plt

    display(Image(data=figure_png(fig), format="png"))
    plt.close(fig)


def run_info(edition: str, as_of: str, data_dir: str, synthetic: bool = False) -> None:
    """A small box with the run's parameters, shown instead of papermill's parameter cell."""
    parts = [f"Edizione {edition}", f"dati aggiornati al {fmt_date(as_of)}", f"cartella dati `{data_dir}`"]
    box = ["::: {.run-info}", " · ".join(parts), ":::"]
    if synthetic:
        box += ["", "::: {.callout-warning title=\"Dati sintetici\"}",
                "**Dati sintetici.** I dati di monitoraggio usati in questa edizione sono generati per "
                "riprodurre le distribuzioni pubblicate: non descrivono persone reali.", ":::"]
    display(Markdown("\n".join(box)))
