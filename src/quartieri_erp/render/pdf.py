"""Offline PDF: the whole book as one Typst document compiled by the typst wheel."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..limits import LIMITS

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
        compile_typst(source, pdf, out_dir)
    finally:
        source.unlink()
    return pdf


def compile_typst(source: Path, pdf: Path, root: Path, timeout: float | None = None) -> None:
    """Compile with the typst wheel in a child process, stopped after ``timeout`` seconds (default: the
    limit in ``quartieri_erp.limits``)."""
    timeout = LIMITS.typst_seconds if timeout is None else timeout
    code = "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], root=sys.argv[3])"
    try:
        result = subprocess.run([sys.executable, "-c", code, str(source), str(pdf), str(root)],
                                capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"the PDF compiler (typst) did not finish in {timeout:g} s "
                           f"(limit in quartieri_erp/limits.py)") from None
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines()
        raise RuntimeError("the PDF compiler (typst) failed: " + (" ".join(lines[-3:]) if lines else str(result.returncode)))
