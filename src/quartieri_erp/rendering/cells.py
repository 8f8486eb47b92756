"""Executed notebook -> a list of blocks (prose, figures, tables, code), honouring Quarto cell options.

Supported options (Quarto syntax, ``#| key: value`` lines at the top of a code cell):
``label`` (``fig-…``/``tbl-…``/``tav-…``), ``fig-cap``, ``fig-alt``, ``tbl-cap`` (also for a ``tav-`` Tavola;
``tav-cap`` is accepted too), ``echo``, ``include``,
``output`` and ``warning``. Project defaults come from ``execute:`` in _quarto.yml.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field

import yaml

from quartieri_erp.presentation.markup import split_per_format

SKIPPED_TAGS = {"parameters", "injected-parameters", "remove-cell"}
CSV_METADATA = "quartieri-erp/csv"  # = display.CSV_METADATA: a table's or figure's data as CSV text


@dataclass
class Prose:
    """Markdown written by an author or produced by code."""

    text: str
    csv: str | None = None  # the data of a table shown as prose (an unnumbered table)


@dataclass
class Figure:
    label: str | None  # "fig-…" when cross-referenceable
    caption: str
    alt: str
    png: bytes
    number: str = ""
    csv: str | None = None  # the data behind the figure


TABLE_KINDS = ("tbl", "tav")  # Tabella, Tavola (the original's boxed tables: a numbered kind of its own)


@dataclass
class Table:
    label: str  # "tbl-…" or "tav-…"
    caption: str
    markdown: str  # a pipe table
    number: str = ""
    csv: str | None = None  # the table's values, unformatted
    pdf_markdown: str | None = None  # a compact version for the PDF (``display.per_format``), or None

    @property
    def kind(self) -> str:
        """'tav' for a Tavola (label ``tav-…``), else 'tbl'."""
        return "tav" if self.label.startswith("tav-") else "tbl"


@dataclass
class Code:
    text: str
    language: str = "python"


Block = Prose | Figure | Table | Code


@dataclass
class Chapter:
    """One file of the book, converted, before numbering."""

    file: str  # path as listed in _quarto.yml
    stem: str  # page name
    blocks: list[Block] = field(default_factory=list)
    parameters: dict = field(default_factory=dict)


def split_options(source: str) -> tuple[dict, str]:
    """Separate the leading ``#|`` option lines of a cell from its code."""
    lines = source.splitlines()
    count = 0
    while count < len(lines) and lines[count].startswith("#|"):
        count += 1
    if count == 0:
        return {}, source
    options_yaml = "\n".join(line[3:] if line.startswith("#| ") else line[2:] for line in lines[:count])
    options = yaml.safe_load(options_yaml) or {}
    if not isinstance(options, dict):
        raise ValueError(f"cell options are not a YAML mapping: {options_yaml!r}")
    return options, "\n".join(lines[count:])


def _text(data: str | list[str]) -> str:
    return "".join(data) if isinstance(data, list) else data


def _outputs(cell, options: dict) -> list[Block]:
    """Blocks for a cell's outputs: markdown, images, plain text (stderr and warnings dropped)."""
    label = str(options.get("label", ""))
    blocks: list[Block] = []
    for output in cell.get("outputs", []):
        kind = output.get("output_type")
        if kind == "stream":
            if output.get("name") == "stdout":
                blocks.append(Code(_text(output["text"]).rstrip("\n"), language="text"))
            continue
        if kind not in ("display_data", "execute_result"):
            continue
        data = output.get("data", {})
        csv = (output.get("metadata") or {}).get(CSV_METADATA)
        if "text/markdown" in data:
            text = _text(data["text/markdown"]).strip("\n")
            if label.startswith(("tbl-", "tav-")) and not any(isinstance(b, Table) for b in blocks):
                caption = options.get("tbl-cap", options.get("tav-cap", ""))  # a Tavola takes either option
                html, pdf = split_per_format(text)
                blocks.append(Table(label, str(caption), html, csv=csv, pdf_markdown=pdf))
            else:
                blocks.append(Prose(text, csv=csv))
        elif "image/png" in data:
            png = base64.b64decode(_text(data["image/png"]))
            is_fig = label.startswith("fig-") and not any(isinstance(b, Figure) for b in blocks)
            caption = str(options.get("fig-cap", "")) if is_fig else ""
            alt = str(options.get("fig-alt", caption))
            blocks.append(Figure(label if is_fig else None, caption, alt, png, csv=csv))
        elif "text/plain" in data:
            blocks.append(Code(_text(data["text/plain"]), language="text"))
    return blocks


def _skipped(cell: dict) -> bool:
    return bool(SKIPPED_TAGS & set(cell.get("metadata", {}).get("tags", [])))


def notebook_blocks(nb: dict, defaults: dict) -> list[Block]:
    """Convert the cells of an executed notebook (its JSON as a dict) into blocks."""
    blocks: list[Block] = []
    for cell in nb["cells"]:
        if _skipped(cell):
            continue
        if cell["cell_type"] == "markdown":
            blocks.append(Prose(_text(cell["source"])))
            continue
        if cell["cell_type"] != "code":
            continue
        cell_options, code = split_options(_text(cell["source"]))
        options = {**defaults, **cell_options}
        if options.get("include") is False:
            continue
        if options.get("echo") is True and code.strip():
            blocks.append(Code(code.strip("\n")))
        if options.get("output", True) is not False:
            blocks.extend(_outputs(cell, options))
    return blocks


FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
INCLUDE = re.compile(r"\{\{<\s*include\s+(\S+)\s*>\}\}")


def markdown_blocks(text: str, read_include) -> list[Block]:
    """A .qmd/.md file without code cells: front matter dropped, include shortcodes expanded."""
    text = FRONT_MATTER.sub("", text)
    text = INCLUDE.sub(lambda m: read_include(m.group(1)), text)
    return [Prose(text)]


def parameters_of(nb: dict) -> dict:
    """The parameters papermill injected into an executed notebook."""
    return dict(nb.get("metadata", {}).get("papermill", {}).get("parameters", {}))
