"""DataFrames -> Markdown pipe tables, formatted for Italian readers."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from numbers import Real

import pandas as pd
from pandas.api.types import is_numeric_dtype

from quartieri_erp.presentation.formatting import fmt_num
from quartieri_erp.presentation.markup import Md, escape, number
from quartieri_erp.presentation.provenance import Source

Formatter = Callable[[object], str]
Sources = Source | Mapping[str, Source] | None


def md_frame(columns: Mapping[str, Sequence], index=None) -> pd.DataFrame:
    """A DataFrame whose text columns keep their ``Md`` cells (pandas would turn them into plain ``str`` and
    ``show_table`` would then escape the package's Markdown): every column with a string is of dtype object."""
    return pd.DataFrame(
        {
            name: pd.Series(list(values), dtype=object) if any(isinstance(v, str) for v in values) else list(values)
            for name, values in columns.items()
        },
        index=index,
    )


def records_frame(rows: Sequence[Mapping]) -> pd.DataFrame:
    """``md_frame`` of a list of row dicts (same keys in every row)."""
    return md_frame({key: [row[key] for row in rows] for key in (rows[0] if rows else {})})


def _cell(value: object, formatter: Formatter | None, source: Source | None) -> str:
    """One cell: data text escaped (``escape``), numbers formatted and wrapped with their ``source``."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–"
    numeric = isinstance(value, Real) and not isinstance(value, bool)  # numpy integers too
    if formatter:
        text = formatter(value)
    elif numeric:
        text = fmt_num(value)
    else:
        return escape(value)
    if not isinstance(text, Md):
        text = number(text, source) if numeric and source else escape(text)
    return text.replace("|", "\\|")


def _column_source(sources: Sources, column: str) -> Source | None:
    if isinstance(sources, Source) or sources is None:
        return sources
    return sources.get(column)


def markdown_table(
    df: pd.DataFrame,
    formats: Mapping[str, Formatter] | None = None,
    align: Mapping[str, str] | None = None,
    widths: Sequence[int] | None = None,
    sources: Sources = None,
) -> str:
    """A pipe table of ``df`` (columns as headers); numeric columns are right-aligned.

    Text cells are data: they are escaped (``quartieri_erp.presentation.markup.escape``) unless a formatter returns ``Md``.
    ``sources`` gives the provenance of the numeric cells: one ``Source`` for the table or one per column.

    ``formats`` maps a column to a function returning its display text (e.g. ``fmt_pct``);
    ``align`` overrides the alignment of a column ("left", "right", "center"); ``widths`` gives
    relative column widths (pandoc sizes a wide pipe table by the dashes of its rule line).
    """
    formats, align = formats or {}, align or {}
    if widths is not None and len(widths) != len(df.columns):
        raise ValueError(f"{len(widths)} widths for {len(df.columns)} columns")
    dashes = [4 * w for w in widths] if widths is not None else [3] * len(df.columns)
    header = "| " + " | ".join(escape(c) for c in df.columns) + " |"
    sides = [align.get(c, "right" if is_numeric_dtype(df[c]) and df[c].dtype != bool else "left") for c in df.columns]
    edges = {"left": (":", ""), "right": ("", ":"), "center": (":", ":")}
    separator = "|" + "|".join(f"{edges[s][0]}{'-' * n}{edges[s][1]}" for s, n in zip(sides, dashes)) + "|"
    rows = [
        "| " + " | ".join(_cell(v, formats.get(c), _column_source(sources, c)) for c, v in zip(df.columns, row)) + " |"
        for row in df.itertuples(index=False, name=None)
    ]
    return "\n".join([header, separator, *rows])
