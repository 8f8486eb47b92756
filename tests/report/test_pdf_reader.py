"""The PDF as a published report: no near-empty pages inside chapters, no table broken before its third row,
PDF/UA-1 with Italian and alt text on every figure, captions not smaller than chart text, and two builds
with the same SOURCE_DATE_EPOCH byte-identical."""

from __future__ import annotations

import re
import shutil

import pytest
from pypdf import PdfReader

import pdf_checks as checks
import reader_checks as reader
from conftest import ROOT, run_cli
from quartieri_erp.rendering.book import load_book
from quartieri_erp.rendering.markdown import PRINT_SCALE
from report_state import snapshot, warm_cache

TEMPLATE = ROOT / "src" / "quartieri_erp" / "rendering" / "templates" / "report.typ"
pytestmark = pytest.mark.skipif(
    not all(map(shutil.which, ("pdftotext", "pdftoppm"))), reason="poppler-utils (pdftotext, pdftoppm) is not installed"
)


@pytest.fixture(scope="module")
def pdf(built_report):
    return built_report / "report" / f"{load_book(ROOT / '_quarto.yml').output_file}.pdf"


def test_no_page_inside_a_chapter_is_less_than_a_third_full(pdf, tmp_path):
    problems, images = checks.render(pdf, tmp_path)
    assert problems == []
    page = PdfReader(pdf).pages[0]
    size = (float(page.mediabox.width), float(page.mediabox.height))
    fills = checks.page_fill(images, size, checks.template_margins(TEMPLATE))
    assert checks.near_empty_page_problems(fills, checks.chapter_starts(pdf)) == []


def test_no_table_breaks_before_its_third_row(pdf):
    assert checks.table_split_problems(pdf) == []


def test_pdf_ua_1_italian_and_every_figure_has_alt_text(pdf):
    assert checks.accessibility_problems(pdf) == []


def test_captions_are_not_smaller_than_the_text_inside_charts(built_report):
    caption = float(
        re.search(r"#show figure.caption: set text\(size: ([\d.]+)pt\)", TEMPLATE.read_text(encoding="utf-8")).group(1)
    )
    largest = max(
        float(reader.png_text(png).get("quartieri-erp:max-font-pt", "0"))
        for png in (built_report / "report" / "figures").glob("*.png")
    )
    assert 0 < largest * PRINT_SCALE <= caption


def test_two_builds_with_the_same_source_date_epoch_are_byte_identical(project_copy, built_report, monkeypatch):
    warm_cache(project_copy)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1609459200")
    for out in ("a", "b"):
        result = run_cli("build", "--renderer", "offline", "--out", out, cwd=project_copy)
        assert result.returncode == 0, result.stdout + result.stderr
    first, second = snapshot(project_copy / "a" / "report"), snapshot(project_copy / "b" / "report")
    assert first == second
    assert any(name.endswith(".pdf") for name in first) and any(name.endswith(".html") for name in first)


def test_the_title_page_names_client_evaluator_product_and_both_dates_and_the_colophon_is_last(pdf, built_report):
    texts = checks.page_texts(pdf)
    first = checks.normalize(texts[0])
    for expected in (
        "Regione Lombardia",
        "IRS-COGEA",
        "Rapporto tematico di valutazione",
        "gennaio 2021",
        "30 novembre 2020",
    ):
        assert expected in first, expected
    hashes = [n for n, text in enumerate(texts) if "SHA-256" in text]  # the colophon's table of input files
    assert hashes and min(hashes) >= len(texts) - 3
    assert str(ROOT) not in " ".join(texts) and str(built_report) not in " ".join(texts)
    index = (built_report / "report" / "index.html").read_text(encoding="utf-8")
    assert "Committente: Regione Lombardia" in index and "Edizione originale: gennaio 2021" in index
