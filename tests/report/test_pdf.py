"""The built PDF report: text, bookmarks, table of contents, Italian captions, embedded fonts, every page
renders, nothing leaves the page margins. Checks cover every page and chapter the build wrote."""

from __future__ import annotations

import html
import re
import shutil

import pytest
from pypdf import PdfReader

import pdf_checks as checks
from conftest import ROOT
from quartieri_erp.rendering.book import load_book

TEMPLATE = ROOT / "src" / "quartieri_erp" / "rendering" / "templates" / "report.typ"
KEY_NUMBERS = ["830", "63,1%", "7.827.051,51"]  # the same as on the HTML pages (test_browser.KEY_NUMBERS)
pytestmark = pytest.mark.skipif(
    not all(map(shutil.which, ("pdftotext", "pdftoppm", "pdffonts"))),
    reason="poppler-utils (pdftotext, pdftoppm, pdffonts) is not installed",
)


@pytest.fixture(scope="module")
def report(built_report):
    return built_report / "report"


@pytest.fixture(scope="module")
def pdf(report):
    return report / f"{load_book(ROOT / '_quarto.yml').output_file}.pdf"


@pytest.fixture(scope="module")
def rendered(pdf, tmp_path_factory):
    """(problems, page images) of one pdftoppm run over the whole PDF."""
    return checks.render(pdf, tmp_path_factory.mktemp("pdf-pages"))


def html_titles(report) -> list[str]:
    """The h1 of every HTML page but the title page: each must be a chapter bookmark of the PDF."""
    titles = []
    for page in sorted(report.glob("*.html")):
        if page.name != "index.html":
            h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.S)
            titles.append(html.unescape(re.sub(r"<[^>]+>", "", h1.group(1))))
    return titles


def listed_labels(report) -> list[str]:
    """ "Figura 3.1", "Tabella 2.1", … as listed on the HTML list of figures and tables."""
    text = (report / "figure-tabelle.html").read_text(encoding="utf-8")
    return re.findall(r">((?:Figura|Tabella) [\w.]+)</a>", text)


def test_every_page_has_extractable_text_and_the_first_shows_the_title(pdf):
    assert checks.text_problems(pdf) == []


def test_bookmarks_land_on_their_chapters_and_cover_every_html_page(pdf, report):
    titles = html_titles(report)
    assert len(titles) >= 2
    assert checks.outline_problems(pdf, titles) == []


def test_the_table_of_contents_lists_every_chapter_with_its_page_number(pdf):
    assert checks.toc_problems(pdf, checks.template_margins(TEMPLATE)) == []


def test_captions_are_italian_and_every_figure_and_table_is_captioned_and_listed(pdf, report):
    labels = listed_labels(report)
    assert labels
    assert checks.caption_problems(pdf, labels) == []


def test_the_key_numbers_are_in_the_pdf_in_italian_format(pdf):
    assert checks.number_problems(pdf, KEY_NUMBERS) == []


def test_every_font_is_embedded(pdf):
    assert checks.font_problems(pdf) == []


def test_every_page_renders(rendered, pdf):
    problems, images = rendered
    assert problems == []
    assert len(images) == len(PdfReader(pdf).pages)


def test_no_ink_in_the_page_margins(rendered, pdf):
    page = PdfReader(pdf).pages[0]
    size = (float(page.mediabox.width), float(page.mediabox.height))
    assert checks.margin_ink_problems(rendered[1], size, checks.template_margins(TEMPLATE)) == []


def test_every_image_lies_inside_the_text_area(pdf):
    assert checks.image_placement_problems(pdf, checks.template_margins(TEMPLATE)) == []


APPENDIX_SHARE = 0.25  # issue 16: together the appendices take at most a quarter of the PDF


def test_the_appendices_take_at_most_a_quarter_of_the_pdf(pdf):
    """From the first appendix ("A Note di metodo") to the page before the colophon (back matter, not an
    appendix): compact PDF versions of the big tables keep the full detail in the HTML and the CSV downloads."""
    entries = checks.outline(pdf)
    total = len(PdfReader(pdf).pages)
    starts = [index for title, index in entries if re.match(r"[A-Z] \S", title)]
    assert starts, [title for title, _ in entries]
    end = next((index for title, index in entries if title.startswith("Colophon")), total)
    pages = end - starts[0]
    assert pages <= APPENDIX_SHARE * total, f"appendices take {pages} of {total} pages"


def test_no_text_is_printed_over_other_text(pdf):
    assert checks.overlap_problems(pdf) == []
