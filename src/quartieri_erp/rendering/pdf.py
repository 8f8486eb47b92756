"""Offline PDF: the whole book as one Typst document compiled by the typst wheel."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from quartieri_erp.limits import LIMITS
from quartieri_erp.presentation.markup import escape_typst
from quartieri_erp.rendering.book import Book, date_line
from quartieri_erp.rendering.cells import Chapter
from quartieri_erp.rendering.markdown import LIST_PAGE, chapter_markdown, lists_markdown
from quartieri_erp.rendering.numbering import Numberer, Target
from quartieri_erp.rendering.pandoc import PandocCache, pandoc, pandoc_many, template

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
    parts = [chapter_markdown(c, numberer.targets, _href, pdf=True) for c in chapters]
    if LIST_PAGE not in [c.stem for c in chapters]:  # the build stages the list page; a bare book does not
        parts.insert(1, lists_markdown(numberer, _href))
    facts = book.title_page
    content = {
        "title": book.title,
        "subtitle": book.subtitle,
        "author": book.author,
        "date": date_line(book),
        **{f"tp-{key.replace('_', '-')}": value for key, value in facts.items()},
    }
    variables = {  # template variables are inserted as they are: every text is escaped for Typst here
        **{key: escape_typst(value) for key, value in content.items()},
        "lang": book.lang,
        "title-plain": _typst_string(book.title),
        "author-plain": _typst_string(book.author),
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
    """Compile with the typst wheel in a child process (PDF/UA-1, dated ``SOURCE_DATE_EPOCH`` when set),
    stopped after ``timeout`` seconds (default: the limit in ``quartieri_erp.limits``)."""
    timeout = LIMITS.typst_seconds if timeout is None else timeout
    code = (
        "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], root=sys.argv[3], "
        "pdf_standards=sys.argv[4].split(','), timestamp=int(sys.argv[5]) if sys.argv[5] else None)"
    )
    epoch = source_date_epoch()
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                code,
                str(source),
                str(pdf),
                str(root),
                ",".join(PDF_STANDARDS),
                "" if epoch is None else str(epoch),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        raise RuntimeError(
            f"the PDF compiler (typst) did not finish in {timeout:g} s (limit in quartieri_erp/limits.py)"
        ) from None
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines()
        raise RuntimeError(
            "the PDF compiler (typst) failed: " + (" ".join(lines[-3:]) if lines else str(result.returncode))
        )
