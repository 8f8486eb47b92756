"""Offline PDF: the whole book as one Typst document compiled by the typst wheel."""

from __future__ import annotations

import os
from pathlib import Path

import typst

from .book import Book, date_line
from .cells import Chapter
from .markdown import LIST_PAGE, chapter_markdown, lists_markdown
from .numbering import Numberer, Target
from .pandoc import PandocCache, pandoc, pandoc_many, template

BODY = "QUARTIERIERPBODY"  # stands for the chapters while pandoc fills in the template
PDF_STANDARDS = ["ua-1"]  # PDF/UA-1: tagged structure, language, title, alternative text of every figure


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` (seconds) when set: the PDF's dates, so that two builds are byte-identical."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None


def _href(target: Target, label: str) -> str:
    return f"#{label}"


def _typst_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def write_pdf(chapters: list[Chapter], numberer: Numberer, book: Book, pdf: Path, cache: PandocCache) -> Path:
    """Compile the book into ``pdf``; the figures are already next to it (``write_images``)."""
    out_dir = pdf.parent
    parts = [chapter_markdown(c, numberer.targets, _href) for c in chapters]
    if LIST_PAGE not in [c.stem for c in chapters]:  # the build stages the list page; a bare book does not
        parts.insert(1, lists_markdown(numberer, _href))
    facts = book.title_page
    variables = {
        "title": book.title, "subtitle": book.subtitle, "author": book.author, "date": date_line(book),
        "lang": book.lang, "title-plain": _typst_string(book.title), "author-plain": _typst_string(book.author),
        **{f"tp-{key.replace('_', '-')}": value for key, value in facts.items()},
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
        typst.compile(str(source), output=str(pdf), root=str(out_dir), pdf_standards=PDF_STANDARDS,
                      timestamp=source_date_epoch())
    finally:
        source.unlink()
    return pdf
