"""The book described by _quarto.yml: metadata and the ordered list of chapter files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

TITLE_PAGE_KEY = "quartieri-erp"  # top-level key of the staged _quarto.yml with the title page's facts


@dataclass(frozen=True)
class Book:
    """What both renderers need from _quarto.yml."""

    title: str
    subtitle: str
    author: str
    date: str
    output_file: str
    lang: str
    chapters: tuple[str, ...]  # paths relative to the project, index first
    appendices: tuple[str, ...]
    execute_options: dict  # project-level cell defaults (echo, warning, ...)
    title_page: dict = field(default_factory=dict)  # staged by the build: committente, valutatore, …

    @property
    def files(self) -> tuple[str, ...]:
        return self.chapters + self.appendices

    @property
    def notebooks(self) -> tuple[str, ...]:
        return tuple(f for f in self.files if f.endswith(".ipynb"))

    def is_appendix(self, file: str) -> bool:
        return file in self.appendices


def load_book(quarto_yml: Path) -> Book:
    """Read the book project from ``_quarto.yml``."""
    config = yaml.safe_load(quarto_yml.read_text(encoding="utf-8"))
    book = config.get("book") or {}
    chapters = tuple(book.get("chapters") or ())
    if not chapters or Path(chapters[0]).name != "index.qmd":
        raise ValueError(f"{quarto_yml}: book.chapters must start with index.qmd")
    return Book(
        title=book.get("title", ""),
        subtitle=book.get("subtitle", ""),
        author=book.get("author", ""),
        date=str(book.get("date", "")),
        output_file=book.get("output-file", "report"),
        lang=config.get("lang", "it"),
        chapters=chapters,
        appendices=tuple(book.get("appendices") or ()),
        execute_options=dict(config.get("execute") or {}),
        title_page={k: str(v) for k, v in (config.get(TITLE_PAGE_KEY) or {}).items()},
    )


def date_line(book: Book) -> str:
    """The date shown on the title page: the data cut-off, labelled, when the build staged it."""
    shown = book.title_page.get("dati_al")
    return f"Dati di monitoraggio aggiornati al {shown}" if shown else book.date
