"""The served HTML report as a reviewer uses it: full-text search, the PDF and a CSV behind every table and
figure, and a phone's view (captions, key columns, chart text). Uses the site as `quartieri-erp serve`
serves it (``report_site``)."""

from __future__ import annotations

import pytest

import browser_checks as checks
import reader_checks as reader

pytest_plugins = ["browser_session"]
pytestmark = pytest.mark.browser

SEARCHES = {"Lorenteggio": "04_casi_studio.html", "Punti Luna": "04_casi_studio.html"}


@pytest.mark.parametrize("query", sorted(SEARCHES))
def test_search_finds_the_words_and_opens_the_page_that_has_them(report_site, query):
    tab = report_site.tabs["index.html"].context.new_page()
    try:
        tab.goto(report_site.base_url + "03_indicatori.html")
        tab.fill(".pagefind-ui__search-input", query)
        first = tab.locator(".pagefind-ui__result-link").first
        first.wait_for(timeout=15000)
        pages = {
            link.get_attribute("href").lstrip("/").split("#")[0]
            for link in tab.locator(".pagefind-ui__result-link").all()
        }
        assert SEARCHES[query] in pages
        first.click()
        tab.wait_for_load_state("load")
        assert tab.url.startswith(report_site.base_url)
        assert query in tab.locator("main").inner_text()
    finally:
        tab.close()


def test_opened_from_disk_the_page_says_how_to_get_search(report_site):
    tab = report_site.tabs["index.html"].context.new_page()
    try:
        tab.goto((report_site.folder / "index.html").as_uri())
        assert "quartieri-erp serve" in tab.locator("#ricerca").inner_text()
    finally:
        tab.close()


def test_every_page_links_the_pdf_and_the_pdf_downloads(report_site):
    missing = [
        name
        for name, facts in report_site.pages.items()
        if not any(link["raw"] == reader.PDF_NAME for link in facts.links)
    ]
    assert missing == []
    response = report_site.tabs["index.html"].request.get(report_site.base_url + reader.PDF_NAME)
    assert response.ok and response.body()[:5] == b"%PDF-"


def test_every_table_and_figure_has_a_csv_whose_numbers_match(report_site):
    problems, seen = [], 0
    for name, tab in report_site.tabs.items():
        if name in reader.PAGES_WITHOUT_DATA:
            continue
        for item in reader.downloads(tab):
            if name == reader.SCHEMA_PAGE and item["what"] == "(tabella)":
                continue
            seen += 1
            body = None
            if item["href"]:
                response = tab.request.get(report_site.base_url + item["href"])
                body = response.body() if response.ok else None
            problems += reader.csv_problems(name, item, body)
    assert seen and not problems, "\n".join(problems)


def test_at_390_px_no_caption_is_clipped_and_every_key_column_stays_in_view(report_site):
    problems = []
    for name, tab in report_site.tabs.items():
        with checks.at_width(tab, checks.PHONE_WIDTH):
            problems += reader.clipped_caption_problems(tab, name) + reader.key_column_problems(tab, name)
    assert not problems, "\n".join(problems)


def test_at_390_px_chart_text_is_at_least_9_px(report_site):
    problems = []
    for name, tab in report_site.tabs.items():
        with checks.at_width(tab, checks.PHONE_WIDTH):
            problems += reader.chart_text_problems(tab, name, report_site.folder)
    assert not problems, "\n".join(problems)
