"""What a chapter notebook shows: Markdown prose, tables, figures and the run-information box."""

from __future__ import annotations

import io
from textwrap import dedent

import pandas as pd
from IPython.display import Image, Markdown, display

from quartieri_erp.presentation.formatting import fmt_date
from quartieri_erp.presentation.markdown_tables import Formatter, Sources, markdown_table
from quartieri_erp.presentation.markup import escape, per_format, unmarked

PNG_DPI = 150


def md(text: str, data: pd.DataFrame | None = None) -> None:
    """Show Markdown written in the notebook (numbers interpolated from data); ``data``, for Markdown that holds
    a table, travels in the output's metadata for the report's CSV download, as with ``show_table``."""
    display(Markdown(dedent(text).strip()), metadata=csv_metadata(data))


def show_table(
    df: pd.DataFrame,
    formats: dict[str, Formatter] | None = None,
    align: dict[str, str] | None = None,
    widths: list[int] | None = None,
    sources: Sources = None,
    *,
    pdf: pd.DataFrame | None = None,
    pdf_align: dict[str, str] | None = None,
    pdf_widths: list[int] | None = None,
) -> None:
    """Show ``df`` as a Markdown table (caption and label come from the cell's ``#|`` options); text cells are
    escaped, numeric cells carry ``sources`` (see ``quartieri_erp.presentation.markdown_tables.markdown_table``); the unformatted
    values travel in the output's metadata, for the report's CSV download.

    ``pdf``: a compact version of the table for the PDF (``per_format``): the HTML shows ``df``, the PDF ``pdf``
    under the same label and caption; the CSV download is ``df``'s."""
    text = markdown_table(df, formats, align, widths, sources)
    if pdf is not None:
        shown = {k: v for k, v in (formats or {}).items() if k in pdf.columns}
        text = per_format(text, markdown_table(pdf, shown, pdf_align, pdf_widths, sources))
    display(Markdown(text), metadata=csv_metadata(df))


CSV_METADATA = "quartieri-erp/csv"  # output metadata key: the data of a table or figure as CSV text


def csv_metadata(df: pd.DataFrame | None) -> dict | None:
    """Output metadata carrying ``df`` as CSV (UTF-8 text, no index), or None without data."""
    if df is None:
        return None
    plain = df.map(unmarked) if len(df.columns) else df  # cells the chapter formatted as Markdown: their text
    return {CSV_METADATA: plain.to_csv(index=False, lineterminator="\n")}


def figure_png(fig) -> bytes:
    """The figure as PNG bytes, reproducible (no software/version metadata)."""
    from matplotlib.text import Text

    from quartieri_erp.presentation.figure_style import fit_to_width

    fit_to_width(fig)
    sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    metadata = {
        "Software": None,
        "quartieri-erp:dpi": str(PNG_DPI),  # for the check of text size on phones
        **(
            {"quartieri-erp:min-font-pt": f"{min(sizes):g}", "quartieri-erp:max-font-pt": f"{max(sizes):g}"}
            if sizes
            else {}
        ),
    }
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=PNG_DPI, bbox_inches="tight", metadata=metadata)
    return buffer.getvalue()


def show_figure(fig, data: pd.DataFrame | None = None) -> None:
    """Show a matplotlib figure as a PNG (caption, label and alt text come from ``#|`` options); the data
    behind it (``data``, or what the chart builder attached with ``figures.attach_data``) travels in the
    output's metadata, for the report's CSV download."""
    import matplotlib.pyplot as plt

    from quartieri_erp.presentation.figure_style import figure_data

    display(
        Image(data=figure_png(fig), format="png"), metadata=csv_metadata(data if data is not None else figure_data(fig))
    )
    plt.close(fig)


def run_info(edition: str, as_of: str, data_dir: str, synthetic: bool = False, illustrative: bool = False) -> None:
    """A small box with the run's parameters, shown instead of papermill's parameter cell; on a chapter that
    shows monitoring numbers of a synthetic edition, the synthetic-data banner."""
    # the data folder (a path of the project) is named in the colophon, not in the text a reader sees (issue 16)
    parts = [f"Edizione {escape(edition)}", f"dati aggiornati al {fmt_date(as_of)}"]
    box = ["::: {.run-info}", " · ".join(parts), ":::"]
    if synthetic:
        box += [
            "",
            '::: {.callout-warning title="Dati sintetici"}',
            SYNTHETIC_ILLUSTRATIVE if illustrative else SYNTHETIC_BANNER,
            ":::",
        ]
    display(Markdown("\n".join(box)))


SYNTHETIC_BANNER = (
    "I dati di monitoraggio di questa edizione sono sintetici: generati per riprodurre le cifre pubblicate, non "
    "descrivono persone reali. Per questo qui si mostrano solo i valori che coincidono con quelli pubblicati "
    "o ne derivano; le analisi che richiedono i dati reali sono sostituite da una nota."
)
SYNTHETIC_ILLUSTRATIVE = (
    "I dati di monitoraggio di questa edizione sono sintetici e l'analisi completa è mostrata solo a titolo "
    "dimostrativo: ogni tabella e figura che va oltre i valori pubblicati è marcata ILLUSTRATIVO e non descrive "
    "persone reali."
)
