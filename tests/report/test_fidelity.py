"""The built report keeps the original's structure and cites sources as readers cite them (issue 16)."""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser

import pandas as pd
import pytest

from conftest import ROOT

pytestmark = pytest.mark.e2e

KIND_WORDS = {"tabella": "Tabella", "tavola": "Tavola", "figura": "Figura"}


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).replace("’", "'").split())


def _pages(built_report) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((built_report / "report").glob("*.html"))}


def _main(page: str) -> str:
    found = re.search(r"<main[^>]*>(.*)</main>", page, re.S)
    return found.group(1) if found else page


def _headings(pages: dict[str, str]) -> dict[str, str]:
    """Section number -> heading title, over every page of the report."""
    found = {}
    for page in pages.values():
        for match in re.finditer(r"<h[1-4][^>]*>(.*?)</h[1-4]>", _main(page), re.S):
            number = re.search(r'class="header-section-number">([^<]+)<', match.group(1))
            if number:
                title = _text(re.sub(r'<span class="header-section-number">[^<]*</span>', "", match.group(1)))
                found[number.group(1).strip()] = title
    return found


def _norm(title: str) -> str:
    return " ".join(title.replace("’", "'").replace("“", '"').replace("”", '"').split()).lower()


def test_every_numbered_section_of_the_original_has_its_number_and_title(built_report):
    sections = pd.read_csv(ROOT / "data/programme/report_sections.csv", dtype=str).dropna(subset=["section"])
    built = _headings(_pages(built_report))
    wrong = {
        row.section: (row.title, built.get(row.section))
        for row in sections.itertuples()
        if _norm(built.get(row.section, "")) != _norm(row.title)
    }
    assert wrong == {}


def test_every_table_tavola_and_figure_of_the_original_keeps_its_number_and_kind(built_report):
    artifacts = pd.read_csv(ROOT / "data/programme/published_artifacts.csv", dtype=str).dropna(subset=["number"])
    text = " ".join(_text(_main(p)) for p in _pages(built_report).values())
    pages = "".join(_pages(built_report).values())
    wrong = []
    for row in artifacts.itertuples():
        caption = re.search(
            rf'id="{re.escape(row.label)}".*?(?:<figcaption|<caption)[^>]*>(.*?)</(?:figcaption|caption)>', pages, re.S
        )
        shown = _text(caption.group(1)) if caption else ""
        expected = f"{KIND_WORDS[row.kind]} {row.number}"
        if not shown.startswith(expected):
            wrong.append((row.label, expected, shown[:60]))
    assert text and wrong == []


MACHINERY = re.compile(
    r"\b[\w/.-]+\.(?:csv|ipynb|py|yml|parquet)\b|\bdata/(?:programme|synthetic|reference)\b|"
    r"\bll?\. \d+(?:[-–]\d+)?\b|\bvoce D\d+|/work/|/home/|/tmp/"
)


def test_no_project_path_file_name_or_line_number_in_the_text_a_reader_sees(built_report):
    found = {}
    for name, page in _pages(built_report).items():
        if 'id="sec-colophon"' in page:
            continue  # the colophon names the input files on purpose
        body = _main(page)
        body = re.sub(r'<(a|span)[^>]*class="[^"]*(?:download|csv)[^"]*"[^>]*>.*?</\1>', "", body, flags=re.S)
        hits = MACHINERY.findall(_text(body))
        if hits:
            found[name] = sorted(set(hits))[:10]
    assert found == {}


class _Prose(HTMLParser):
    """The paragraphs of a page outside boxes that repeat by design: the run-information box and the callouts
    (the synthetic-data banner is shown on every chapter with monitoring numbers)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: whether it is (inside) a box
        self.paragraphs: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if self._current is not None:
            self._current.append(" ")  # a tag inside a paragraph separates words, as in _text
        if tag in self.VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        boxed = (bool(self.stack) and self.stack[-1]) or any(
            c == "run-info" or c.startswith("callout") for c in classes
        )
        self.stack.append(boxed)
        if tag == "p" and not boxed:
            self._current = []

    def handle_endtag(self, tag):
        if self._current is not None:
            self._current.append(" ")
        if tag in self.VOID:
            return
        if tag == "p" and self._current is not None:
            self.paragraphs.append(" ".join("".join(self._current).replace("’", "'").split()))
            self._current = None
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)


def _prose(fragment: str) -> list[str]:
    parser = _Prose()
    parser.feed(fragment)
    return parser.paragraphs


def test_no_paragraph_appears_twice_in_the_report(built_report):
    """Prose is written once; callouts and run boxes (class ``callout*`` or ``run-info``) repeat by design."""
    paragraphs = Counter()
    for page in _pages(built_report).values():
        for text in _prose(_main(page)):
            if len(text) > 120:
                paragraphs[text] += 1
    assert [p[:100] for p, n in paragraphs.items() if n > 1] == []


PANDOC_MARKUP = re.compile(r"\]\{[.#][\w-]+|\{\.num\b|data-kind=|data-src=|:::\s*\{")


def test_no_markdown_of_the_package_is_printed_as_text(built_report):
    """Number spans and divs written by the package reach readers as markup, never as literal text (pandas turns
    a column of ``Md`` into plain strings unless the frame is built with ``md_frame``)."""
    found = {}
    for name, page in _pages(built_report).items():
        hits = PANDOC_MARKUP.findall(_text(_main(page)))
        if hits:
            found[name] = len(hits)
    assert found == {}


def _shingles(fragment: str, n: int = 8) -> set[str]:
    """The runs of ``n`` words of the prose paragraphs of a page ('Fonte:' lines left out)."""
    runs = set()
    for paragraph in _prose(fragment):
        if paragraph.startswith("Fonte:"):
            continue
        words = paragraph.lower().split()
        runs |= {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}
    return runs


def test_the_sintesi_summarises_the_conclusions_in_its_own_words(built_report):
    pages = _pages(built_report)
    shared = _shingles(_main(pages["00_sintesi.html"])) & _shingles(_main(pages["05_conclusioni.html"]))
    assert sorted(shared) == []


def test_the_calls_objectives_and_benefits_are_listed_in_the_section_where_the_original_has_them(built_report):
    """The original's § 3.2 lists the call's ten objectives and five long-term benefits: so does our § 3.2
    (``sec-indicatori-attuazione``), every item in order, with a source line; chapter 2 points there."""
    lists = pd.read_csv(ROOT / "data/programme/call_lists.csv", dtype=str)
    pages = _pages(built_report)
    chapter = _main(pages["03_indicatori.html"])
    section = re.search(r'id="sec-indicatori-attuazione"(.*?)id="sec-indicatori-destinatari"', chapter, re.S)
    assert section, "no section sec-indicatori-attuazione before sec-indicatori-destinatari"
    text = _text(section.group(1))
    for name in ("call_objectives", "call_benefits"):
        items = lists[lists["list"] == name].assign(position=lambda f: f["position"].astype(int))
        texts = items.sort_values("position")["text"].str.replace("’", "'").tolist()
        assert len(texts) == {"call_objectives": 10, "call_benefits": 5}[name]
        found = [text.lower().find(t[1:].rstrip(".").lower()) for t in texts]
        assert -1 not in found, [t for t, at in zip(texts, found) if at == -1]
        assert found == sorted(found), f"{name}: not in the printed order"
    assert "Fonte:" in text
    assert 'href="03_indicatori.html#sec-indicatori-attuazione"' in _main(pages["02_bando.html"])
