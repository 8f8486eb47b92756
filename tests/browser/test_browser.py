"""The built HTML report in headless Chromium: loading, links, navigation, visible text, layout, accessibility.

Every check covers every page the build wrote, so chapters added later are checked too; only the key numbers
are tied to today's content.
"""

from __future__ import annotations

from contextlib import ExitStack

import pytest

import browser_checks as checks
from conftest import ROOT

pytest_plugins = ["browser_session"]
pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts" / "browser"
# Pages that show Python code on purpose (a cell with `echo: true`): none today.
DELIBERATE_CODE_PAGES: frozenset[str] = frozenset()
KEY_NUMBERS = {
    "03_indicatori.html": ["830", "63,1%"],  # participants reached; share who started a PIP
    "02_bando.html": ["7.827.051,51"],  # funds of the regional call, euro
}


def each_page(site, check, *args) -> list[str]:
    return [problem for facts in site.pages.values() for problem in check(facts, *args)]


def test_the_report_has_a_title_page_chapters_and_the_list_of_figures_and_tables(report_site):
    assert {"index.html", checks.LIST_PAGE, *KEY_NUMBERS} <= set(report_site.pages)


def test_every_page_loads_without_console_errors_or_failed_requests(report_site):
    assert each_page(report_site, checks.load_problems) == []


def test_every_image_has_loaded_and_has_alt_text(report_site):
    assert any(facts.images for facts in report_site.pages.values())
    assert each_page(report_site, checks.image_problems) == []


def test_every_internal_link_and_cross_reference_lands_on_an_existing_page_and_element(report_site):
    files = checks.all_files(report_site.folder)
    assert checks.link_problems(report_site.pages, files) == []


def test_sidebar_and_previous_next_links_follow_the_order_of_the_book(report_site):
    assert checks.navigation_problems(report_site.pages) == []


def test_the_list_of_figures_and_tables_names_each_of_them_once(report_site):
    assert checks.list_of_figures_problems(report_site.pages) == []


def test_clicking_next_then_previous_walks_the_whole_report(report_site):
    order = checks.sidebar_order(report_site.pages["index.html"])
    tab = report_site.tabs["index.html"].context.new_page()
    try:
        tab.goto(report_site.base_url + order[0])
        for rel, expected in (("next", order[1:]), ("prev", order[-2::-1])):
            visited = []
            for _ in expected:
                link = tab.locator(f'nav.page-nav a[rel~="{rel}"]')
                href = link.get_attribute("href")
                link.click()
                tab.wait_for_url(report_site.base_url + href)
                visited.append(href)
            assert visited == expected
            assert tab.locator(f'nav.page-nav a[rel~="{rel}"]').count() == 0
    finally:
        tab.close()


def test_no_code_parameters_tracebacks_or_warnings_are_visible(report_site):
    problems = each_page(report_site, checks.raw_text_problems)
    problems += each_page(report_site, checks.code_problems, DELIBERATE_CODE_PAGES)
    assert problems == []


@pytest.mark.parametrize("page", sorted(KEY_NUMBERS))
def test_key_numbers_appear_in_italian_format_on_their_page(report_site, page):
    assert checks.number_problems(report_site.pages[page], KEY_NUMBERS[page]) == []


def test_no_number_is_written_in_english_format(report_site):
    assert each_page(report_site, checks.english_number_problems) == []


def test_at_390_px_no_page_scrolls_sideways(report_site):
    problems = [p for name, tab in report_site.tabs.items() for p in checks.overflow_problems(tab, name)]
    assert problems == []


@pytest.mark.parametrize("page", ["index.html", "03_indicatori.html"])
def test_screenshots_of_the_title_page_and_chapter_3(report_site, page):
    """Saved under test-artifacts/browser/: the desktop view, and a phone's (sidebar index folded)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    stem = page.removesuffix(".html")
    desktop = report_site.tabs[page].screenshot(path=ARTIFACTS / f"{stem}-desktop.png", full_page=True)
    phone_tab = report_site.tabs[page].context.new_page()
    try:
        phone_tab.set_viewport_size({"width": checks.PHONE_WIDTH, "height": 844})
        phone_tab.goto(report_site.base_url + page)
        phone = phone_tab.screenshot(path=ARTIFACTS / f"{stem}-{checks.PHONE_WIDTH}px.png", full_page=True)
    finally:
        phone_tab.close()
    assert png_width(desktop) == checks.DESKTOP["width"]
    assert png_width(phone) == checks.PHONE_WIDTH


def png_width(png: bytes) -> int:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(png[16:20], "big")


def test_every_page_is_in_italian(report_site):
    assert each_page(report_site, checks.language_problems) == []


def test_every_page_has_one_h1_and_no_skipped_heading_level(report_site):
    assert each_page(report_site, checks.heading_problems) == []


def test_every_table_has_header_cells(report_site):
    assert any(facts.tables for facts in report_site.pages.values())
    assert each_page(report_site, checks.table_problems) == []


def test_axe_finds_no_serious_or_critical_violation_on_a_desktop_or_a_phone(report_site, axe_script):
    problems = checks.axe_problems(report_site.tabs, axe_script)
    with ExitStack() as phone:
        for tab in report_site.tabs.values():
            phone.enter_context(checks.at_width(tab, checks.PHONE_WIDTH))
        problems += [
            f"{p} (at {checks.PHONE_WIDTH} px)"
            for p in checks.axe_problems(report_site.tabs, axe_script, checks.AXE_LAYOUT_RULES)
        ]
    assert problems == []
