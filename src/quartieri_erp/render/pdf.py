"""Offline PDF: the whole book as one Typst document compiled by the typst wheel."""

from __future__ import annotations

from pathlib import Path

import typst

from .book import Book
from .cells import Chapter
from .markdown import chapter_markdown, lists_markdown
from .numbering import Numberer, Target
from .pandoc import pandoc, template


def _href(target: Target, label: str) -> str:
    return f"#{label}"


def _typst_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def write_pdf(chapters: list[Chapter], numberer: Numberer, book: Book, pdf: Path) -> Path:
    """Compile the book into ``pdf``; the figures are already next to it (``write_images``)."""
    out_dir = pdf.parent
    parts = [chapter_markdown(chapters[0], numberer.targets, _href), lists_markdown(numberer, _href)]
    parts += [chapter_markdown(c, numberer.targets, _href) for c in chapters[1:]]
    variables = {
        "title": book.title, "subtitle": book.subtitle, "author": book.author, "date": book.date,
        "lang": book.lang, "title-plain": _typst_string(book.title), "author-plain": _typst_string(book.author),
    }
    args = ["--template", str(template("report.typ")), "--lua-filter", str(template("typst.lua"))]
    for key, value in variables.items():
        args += ["-V", f"{key}={value}"]
    source = pdf.with_suffix(".typ")
    source.write_text(pandoc("\n\n".join(parts), "typst", *args), encoding="utf-8")
    try:
        typst.compile(str(source), output=str(pdf), root=str(out_dir))
    finally:
        source.unlink()
    return pdf
