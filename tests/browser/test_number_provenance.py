"""Every number a reader sees says where it comes from (issue 12): in the built HTML each number of the prose and
of the tables sits in a span with its kind, and hovering one shows its source."""

from __future__ import annotations

import pytest

from provenance_checks import spans, untagged_numbers
from quartieri_erp.presentation.provenance import KINDS

pytest_plugins = ["browser_session"]


def _pages(built_report):
    return sorted(p for p in (built_report / "report").glob("*.html"))


@pytest.mark.e2e
def test_every_number_in_prose_and_tables_carries_its_kind(built_report):
    untagged = {
        page.name: found
        for page in _pages(built_report)
        if (found := untagged_numbers(page.read_text(encoding="utf-8")))
    }
    assert untagged == {}


@pytest.mark.e2e
def test_every_kind_is_known_and_every_number_names_a_source(built_report):
    found = [s for page in _pages(built_report) for s in spans(page.read_text(encoding="utf-8"))]
    assert len(found) > 300
    assert {s.get("data-kind") for s in found} <= set(KINDS)
    assert all(s.get("data-src") for s in found)
    assert {"published", "curated", "monitoring"} <= {s.get("data-kind") for s in found}


@pytest.mark.browser
def test_hovering_a_number_shows_its_kind_and_source(report_site):
    tab = report_site.tabs["03_indicatori.html"]
    number = tab.locator("main p .num[data-src]").first
    number.hover()
    shown = tab.evaluate("""el => getComputedStyle(el, '::after').content""", number.element_handle())
    source = number.get_attribute("data-src")
    assert source and shown.strip('"') == source
    assert number.get_attribute("data-kind") in KINDS
