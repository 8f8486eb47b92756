"""Offline PDF: the whole book as one Typst document compiled by the typst wheel."""

from __future__ import annotations

from pathlib import Path

import typst

from .book import Book
from .cells import Chapter
from .markdown import chapter_markdown, lists_markdown
from .numbering import Numberer, Target
from .pandoc import PandocCache, pandoc, pandoc_many, template

BODY = "QUARTIERIERPBODY"  # stands for the chapters while pandoc fills in the template


def _href(target: Target, label: str) -> str:
    return f"#{label}"


def _typst_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def write_pdf(chapters: list[Chapter], numberer: Numberer, book: Book, pdf: Path, cache: PandocCache) -> Path:
    """Compile the book into ``pdf``; the figures are already next to it (``write_images``)."""
    out_dir = pdf.parent
    parts = [chapter_markdown(chapters[0], numberer.targets, _href), lists_markdown(numberer, _href)]
    parts += [chapter_markdown(c, numberer.targets, _href) for c in chapters[1:]]
    variables = {
        "title": book.title, "subtitle": book.subtitle, "author": book.author, "date": book.date,
        "lang": book.lang, "title-plain": _typst_string(book.title), "author-plain": _typst_string(book.author),
    }
    filters = ["--lua-filter", str(template("typst.lua"))]
    bodies = pandoc_many([(part, filters) for part in parts], "typst", cache)  # chapter by chapter: faster
    args = ["--template", str(template("report.typ"))]
    for key, value in variables.items():
        args += ["-V", f"{key}={value}"]
    document = pandoc(BODY, "typst", *args).replace(BODY, "\n\n".join(bodies), 1)
    source = pdf.with_suffix(".typ")
    source.write_text(document, encoding="utf-8")
    try:
        typst.compile(str(source), output=str(pdf), root=str(out_dir))
    finally:
        source.unlink()
    return pdf
