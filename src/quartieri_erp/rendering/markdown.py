"""Numbered blocks -> pandoc Markdown, with images written next to the output."""

from __future__ import annotations

import re
from pathlib import Path

from quartieri_erp.rendering.cells import Block, Chapter, Code, Figure, Prose, Table
from quartieri_erp.rendering.numbering import PREFIX, Numberer, Target, resolve_references

FIGURE_DIR = "figures"
DATA_DIR = "dati"  # CSV of the tables and figures, next to the HTML pages
LIST_TITLE = "Elenco delle figure e delle tabelle"
LIST_PAGE = "figure-tabelle"  # page name of the list (the build stages it as figure-tabelle.qmd)


def image_name(chapter: Chapter, figure: Figure, index: int) -> str:
    """Stable file name of a figure inside the report's figures/ folder."""
    return f"{FIGURE_DIR}/{chapter.stem}-{figure.label or f'img{index}'}.png"


def _escape_attribute(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


SOURCE_PREFIX = "Fonte:"


def data_name(chapter: Chapter, block: Block, index: int) -> str:
    """Stable file name of the CSV behind a table or figure, inside the report's data folder."""
    anchor = re.match(r"\[\]\{#([\w-]+)\}", block.text) if isinstance(block, Prose) else None
    label = (
        getattr(block, "label", None)
        or (anchor.group(1) if anchor else None)
        or f"{'img' if isinstance(block, Figure) else 'tab'}{index}"
    )
    return f"{DATA_DIR}/{chapter.stem}-{label}.csv"


def _download(block: Block, path: str) -> str:
    """The link to a table's or figure's data, right under it (HTML only)."""
    if isinstance(block, Figure):
        what = f"della Figura {block.number}" if block.number else "della figura"
    else:
        noun = "Tavola" if isinstance(block, Table) and block.kind == "tav" else "Tabella"
        what = f"della {noun} {block.number}" if getattr(block, "number", "") else f"della {noun.lower()}"
    return f"\n\n[Scarica i dati {what} (CSV)]({path}){{.csv-link}}"


PRINT_SCALE = 0.8  # a chart printed at 80% of its size: its 13-pt title is no larger than a 10.5-pt caption


def print_width(png: bytes, dpi: int = 150) -> str:
    """The printed width of a chart: its natural width (pixels at the report's resolution) × PRINT_SCALE."""
    pixels = int.from_bytes(png[16:20], "big")
    return f"{pixels / dpi * PRINT_SCALE:.2f}in"


def block_markdown(block: Block, image: str | None, data: str | None = None, pdf: bool = False) -> str:
    """``data``: the path of the block's CSV, to link under it (HTML), or None (PDF); ``pdf``: a table shows its
    compact version for the PDF when it has one (``Table.pdf_markdown``)."""
    link = _download(block, data) if data and getattr(block, "csv", None) is not None else ""
    if isinstance(block, Prose):
        if block.text.lstrip().startswith(SOURCE_PREFIX):  # the source line under a table or figure
            return f"::: {{.source-note}}\n{block.text.strip()}\n:::"
        return block.text + link
    if isinstance(block, Figure):
        caption = f"Figura {block.number}: {block.caption}" if block.label else ""
        ident = f"#{block.label} " if block.label else ""
        width = "100%" if data is not None else print_width(block.png)
        return f'![{caption}]({image}){{{ident}alt="{_escape_attribute(block.alt)}" width="{width}"}}' + link
    if isinstance(block, Table):
        table = block.pdf_markdown if pdf and block.pdf_markdown is not None else block.markdown
        return f"{table}\n\n: {PREFIX[block.kind]} {block.number}: {block.caption} {{#{block.label}}}" + link
    if isinstance(block, Code):
        return f"``` {block.language}\n{block.text}\n```"
    raise TypeError(block)


def write_images(chapters: list[Chapter], out_dir: Path) -> None:
    """Write every figure of the book, and the CSV behind every table and figure that carries one, under
    ``out_dir`` (once, before the HTML and the PDF are made)."""
    for chapter in chapters:
        for index, block in enumerate(chapter.blocks):
            if isinstance(block, Figure):
                path = out_dir / image_name(chapter, block, index)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(block.png)
            if getattr(block, "csv", None) is not None:
                path = out_dir / data_name(chapter, block, index)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(block.csv, encoding="utf-8")


def chapter_markdown(
    chapter: Chapter, targets: dict[str, Target], href, downloads: bool = False, pdf: bool = False
) -> str:
    """The chapter as Markdown (figures point to the files written by ``write_images``); with
    ``downloads``, a link to its CSV under each table and figure; with ``pdf``, the PDF's version of the tables
    that have one."""
    parts = [
        block_markdown(
            block,
            image_name(chapter, block, index) if isinstance(block, Figure) else None,
            data_name(chapter, block, index) if downloads else None,
            pdf,
        )
        for index, block in enumerate(chapter.blocks)
    ]
    text = "\n\n".join(parts)
    try:
        return resolve_references(text, targets, href)
    except KeyError as err:
        raise ValueError(f"{chapter.file}: cross-reference(s) to unknown label(s): {err.args[0]}") from None


def lists_markdown(numberer: Numberer, href) -> str:
    """The list of figures, of tables and of Tavole (that section only when the book has any), each entry
    linked to its caption; the staged list page for Quarto has the same sections (pipeline.stage_book.list_page)."""

    def entries(items: list[tuple[Target, str]], prefix: str) -> str:
        lines = [f"- [{PREFIX.get(t.kind, prefix)} {t.number}]({href(t, label)}): {t.title}" for t, label in items]
        return "\n".join(lines) or "Nessuna."

    tables = [(t, label) for t, label in numberer.tables if t.kind != "tav"]
    tavole = [(t, label) for t, label in numberer.tables if t.kind == "tav"]
    return (
        f"# {LIST_TITLE} {{#sec-elenco-figure-tabelle .unnumbered}}\n\n"
        f"## Figure {{#sec-elenco-figure .unnumbered}}\n\n{entries(numberer.figures, 'Figura')}\n\n"
        f"## Tabelle {{#sec-elenco-tabelle .unnumbered}}\n\n{entries(tables, 'Tabella')}\n"
        + (f"\n## Tavole {{#sec-elenco-tavole .unnumbered}}\n\n{entries(tavole, 'Tavola')}\n" if tavole else "")
    )
