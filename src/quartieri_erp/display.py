"""What a chapter notebook shows: Markdown prose, tables, figures and the run-information box."""

from __future__ import annotations

import io
from textwrap import dedent

import pandas as pd
from IPython.display import Image, Markdown, display

from .formatting import fmt_date
from .markup import escape
from .tables import Formatter, Sources, markdown_table

PNG_DPI = 150


def md(text: str) -> None:
    """Show Markdown written in the notebook (numbers interpolated from data)."""
    display(Markdown(dedent(text).strip()))


def show_table(df: pd.DataFrame, formats: dict[str, Formatter] | None = None,
               align: dict[str, str] | None = None, widths: list[int] | None = None,
               sources: Sources = None) -> None:
    """Show ``df`` as a Markdown table (caption and label come from the cell's ``#|`` options); text cells are
    escaped, numeric cells carry ``sources`` (see ``quartieri_erp.tables.markdown_table``)."""
    display(Markdown(markdown_table(df, formats, align, widths, sources)))


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


def run_info(edition: str, as_of: str, data_dir: str, synthetic: bool = False, illustrative: bool = False) -> None:
    """A small box with the run's parameters, shown instead of papermill's parameter cell; on a chapter that
    shows monitoring numbers of a synthetic edition, the synthetic-data banner."""
    # the data folder (a path of the project) is named in the colophon, not in the text a reader sees (issue 16)
    parts = [f"Edizione {escape(edition)}", f"dati aggiornati al {fmt_date(as_of)}"]
    box = ["::: {.run-info}", " · ".join(parts), ":::"]
    if synthetic:
        box += ["", "::: {.callout-warning title=\"Dati sintetici\"}", SYNTHETIC_ILLUSTRATIVE if illustrative
                else SYNTHETIC_BANNER, ":::"]
    display(Markdown("\n".join(box)))


SYNTHETIC_BANNER = (
    "I dati di monitoraggio di questa edizione sono sintetici: generati per riprodurre le cifre pubblicate, non "
    "descrivono persone reali. Per questo il capitolo mostra solo i valori che coincidono con quelli pubblicati "
    "o ne derivano; le analisi che richiedono i dati reali sono sostituite da una nota.")
SYNTHETIC_ILLUSTRATIVE = (
    "I dati di monitoraggio di questa edizione sono sintetici e l'analisi completa è mostrata solo a titolo "
    "dimostrativo: ogni tabella e figura che va oltre i valori pubblicati è marcata ILLUSTRATIVO e non descrive "
    "persone reali.")
