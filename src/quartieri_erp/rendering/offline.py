"""The offline renderer: the staged book -> multi-page HTML and one PDF, with pandoc and Typst.

It reads the same _quarto.yml as Quarto and the executed notebooks of the staged project; nothing is
executed here.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from quartieri_erp.rendering.book import Book
from quartieri_erp.rendering.cells import Chapter, markdown_blocks, notebook_blocks, parameters_of
from quartieri_erp.rendering.html import write_html
from quartieri_erp.rendering.markdown import write_images
from quartieri_erp.rendering.numbering import Numberer
from quartieri_erp.rendering.pandoc import PandocCache
from quartieri_erp.rendering.pdf import write_pdf


def page_stem(file: str) -> str:
    return "index" if Path(file).name == "index.qmd" else Path(file).stem


def load_chapter(stage: Path, file: str, book: Book) -> Chapter:
    """Convert one file of the book (executed notebook or Markdown) into blocks."""
    path = stage / file
    chapter = Chapter(file=file, stem=page_stem(file))
    if path.suffix == ".ipynb":
        nb = json.loads(path.read_text(encoding="utf-8"))
        chapter.blocks = notebook_blocks(nb, book.execute_options)
        chapter.parameters = parameters_of(nb)
    else:
        read_include = lambda name: (path.parent / name).read_text(encoding="utf-8")  # noqa: E731
        chapter.blocks = markdown_blocks(path.read_text(encoding="utf-8"), read_include)
    return chapter


def number_book(chapters: list[Chapter], book: Book) -> Numberer:
    numberer = Numberer()
    for chapter in chapters:
        numberer.number_chapter(chapter, appendix=book.is_appendix(chapter.file), front=chapter.stem == "index")
    return numberer


def render_offline(stage: Path, book: Book, out_dir: Path, cache_dir: Path | None = None) -> tuple[Path, Path]:
    """Render the staged project into ``out_dir``; returns (index.html, pdf). With ``cache_dir``, pandoc's
    output for a chapter that did not change is reused."""
    cache = PandocCache(cache_dir)
    chapters = [load_chapter(stage, file, book) for file in book.files]
    numberer = number_book(chapters, book)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_images(chapters, out_dir)
    with ThreadPoolExecutor(max_workers=2) as pool:  # pandoc and typst run as separate processes/native code
        html = pool.submit(write_html, chapters, numberer, book, out_dir, cache)
        pdf = pool.submit(write_pdf, chapters, numberer, book, out_dir / f"{book.output_file}.pdf", cache)
        result = html.result(), pdf.result()
    cache.prune()
    return result
