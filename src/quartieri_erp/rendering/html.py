"""Offline HTML: one page per chapter, a sidebar index, previous/next links, a list of figures and tables."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from string import Template

from quartieri_erp.rendering.book import Book, date_line
from quartieri_erp.rendering.cells import Chapter
from quartieri_erp.rendering.markdown import LIST_PAGE, LIST_TITLE, chapter_markdown, lists_markdown
from quartieri_erp.rendering.numbering import Heading, Numberer, Target
from quartieri_erp.rendering.pandoc import PandocCache, pandoc_many, template
from quartieri_erp.rendering.search import index_site


def _plain(markdown: str) -> str:
    """Heading text without Markdown emphasis, for the sidebar and <title>."""
    return re.sub(r"[*_`]", "", markdown)


def _href_from(stem: str):
    def href(target: Target, label: str) -> str:
        if target.kind in ("chapter", "appendix"):
            return f"{target.stem}.html"
        page = "" if target.stem == stem else f"{target.stem}.html"
        return f"{page}#{label}"

    return href


def _label(heading: Heading) -> str:
    title = html.escape(_plain(heading.title))
    if heading.number:
        return f'<span class="header-section-number">{heading.number}</span> {title}'
    return title


def _toc(pages: list[tuple[str, str]], headings: list[Heading], current: str) -> str:
    items = []
    for stem, title in pages:
        current_attr = ' aria-current="page"' if stem == current else ""
        chapter = next((h for h in headings if h.stem == stem and h.level == 1), None)
        text = _label(chapter) if chapter and stem != "index" else html.escape(title)
        sub = ""
        if stem == current:
            sections = [h for h in headings if h.stem == stem and h.level == 2]
            if sections and stem != "index":
                sub = "<ol>" + "".join(f'<li><a href="#{h.ident}">{_label(h)}</a></li>' for h in sections) + "</ol>"
        items.append(f'<li><a href="{stem}.html"{current_attr}>{text}</a>{sub}</li>')
    return "<ol>" + "".join(items) + "</ol>"


def _page_nav(pages: list[tuple[str, str]], position: int) -> str:
    links = []
    if position > 0:
        stem, title = pages[position - 1]
        links.append(f'<a class="prev" href="{stem}.html" rel="prev">← {html.escape(title)}</a>')
    if position < len(pages) - 1:
        stem, title = pages[position + 1]
        links.append(f'<a class="next" href="{stem}.html" rel="next">{html.escape(title)} →</a>')
    return "\n".join(links)


def _title_block(book: Book) -> str:
    parts = [f"<h1>{html.escape(book.title)}</h1>"]
    if book.subtitle:
        parts.append(f'<p class="subtitle">{html.escape(book.subtitle)}</p>')
    if book.author:
        parts.append(f'<p class="author">{html.escape(book.author)}</p>')
    if book.date:
        parts.append(f'<p class="date">{html.escape(date_line(book))}</p>')
    return '<header class="title-block">' + "\n".join(parts) + "</header>"


def write_html(chapters: list[Chapter], numberer: Numberer, book: Book, out_dir: Path, cache: PandocCache) -> Path:
    """Write every page, the stylesheet and the figures into ``out_dir``; returns index.html."""
    titles = {h.stem: _plain(f"{h.number} {h.title}".strip()) for h in numberer.headings if h.level == 1}
    pages = [(c.stem, "Presentazione" if c.stem == "index" else titles.get(c.stem, c.stem)) for c in chapters]
    generated_list = LIST_PAGE not in [c.stem for c in chapters]  # the build stages it; a bare book does not
    if generated_list:
        pages.append((LIST_PAGE, LIST_TITLE))
    page_template = Template(template("page.html").read_text(encoding="utf-8"))
    filters = ["--lua-filter", str(template("html.lua"))]
    jobs = [
        (
            chapter_markdown(chapter, numberer.targets, _href_from(chapter.stem), downloads=True),
            filters + (["--shift-heading-level-by=1"] if chapter.stem == "index" else []),
        )
        for chapter in chapters
    ]
    if generated_list:
        jobs.append((lists_markdown(numberer, _href_from(LIST_PAGE)), filters))
    stems = [c.stem for c in chapters] + ([LIST_PAGE] if generated_list else [])
    bodies = dict(zip(stems, pandoc_many(jobs, "html5", cache)))
    bodies["index"] = _title_block(book) + bodies["index"]
    for position, (stem, title) in enumerate(pages):
        page = page_template.substitute(
            lang=book.lang,
            page_title=html.escape(title),
            book_title=html.escape(book.title),
            toc=_toc(pages, numberer.headings, stem),
            body=bodies[stem],
            page_nav=_page_nav(pages, position),
            footer=html.escape(book.author),
            pdf=html.escape(f"{book.output_file}.pdf"),
        )
        (out_dir / f"{stem}.html").write_text(page, encoding="utf-8")
    shutil.copyfile(template("style.css"), out_dir / "style.css")
    index_site(out_dir, book.lang)
    return out_dir / "index.html"
