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
    """Show ``df`` as a Markdown table (caption and label come from the cell's ``#|`` options); the
    unformatted values travel in the output's metadata, for the report's CSV download."""
    display(Markdown(markdown_table(df, formats, align, widths)), metadata=csv_metadata(df))


CSV_METADATA = "quartieri-erp/csv"  # output metadata key: the data of a table or figure as CSV text


def csv_metadata(df: pd.DataFrame | None) -> dict | None:
    """Output metadata carrying ``df`` as CSV (UTF-8 text, no index), or None without data."""
    return None if df is None else {CSV_METADATA: df.to_csv(index=False, lineterminator="\n")}


def figure_png(fig) -> bytes:
    """The figure as PNG bytes, reproducible (no software/version metadata)."""
    from matplotlib.text import Text

    from .figures import fit_to_width

    fit_to_width(fig)
    sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    metadata = {"Software": None, "quartieri-erp:dpi": str(PNG_DPI),  # for the check of text size on phones
                **({"quartieri-erp:min-font-pt": f"{min(sizes):g}", "quartieri-erp:max-font-pt": f"{max(sizes):g}"}
                   if sizes else {})}
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=PNG_DPI, bbox_inches="tight", metadata=metadata)
    return buffer.getvalue()


def show_figure(fig, data: pd.DataFrame | None = None) -> None:
    """Show a matplotlib figure as a PNG (caption, label and alt text come from ``#|`` options); the data
    behind it (``data``, or what the chart builder attached with ``figures.attach_data``) travels in the
    output's metadata, for the report's CSV download."""
    import matplotlib.pyplot as plt

    from .figures import figure_data

    display(Image(data=figure_png(fig), format="png"),
            metadata=csv_metadata(data if data is not None else figure_data(fig)))
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
