"""Sourced prose of chapters 0-2 (``chapters.cited``): kinds from the `source` cells, dates and acts as spans,
discrepancies cited as readers cite them, tense from the data cut-off, headings of the original's index."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from project_chapter import chapter
from quartieri_erp.chapters.cited import Cited, addition_heading, heading, items_list, section_title, sourced_date
from quartieri_erp.presentation.markup import visible
from quartieri_erp.presentation.provenance import published

PROGRAMME = Path(__file__).resolve().parents[2] / "data" / "programme"


@pytest.fixture(scope="module")
def cited():
    return Cited.load(chapter("2020-11-30"))


def test_a_fact_citing_only_the_report_is_published_with_section_and_page(cited):
    topup = cited.fact("call_topup_eur")
    assert float(topup) == 4151154.84
    assert topup.source.kind == "published" and "§ 2.1 (p. 20)" in topup.source.ref and "l." not in topup.source.ref


def test_a_fact_citing_another_document_is_curated(cited):
    assert cited.fact("lab_call_budget_eur").source.kind == "curated"  # 000 § 1.4 and 002


def test_sums_of_published_facts_are_derived(cited):
    total = cited.fact("cdq_national_count") + cited.fact("cdq_regional_count")
    assert float(total) == 31 and total.source.kind == "derived"


def test_dates_and_acts_are_spans_with_the_event_source(cited):
    when = cited.when("E13", "il")
    assert visible(when) == "il 15 novembre 2017" and 'data-kind="published"' in when
    assert visible(cited.when("E30", "il")) == "a febbraio 2021"
    assert visible(cited.year("E01")) == "1998"
    assert visible(cited.act("E13")) == "decreto n. 14207 del 15/11/2017"
    assert visible(cited.when("E12", "del")) == "dell'8 luglio 2016"


def test_sourced_date_articles_follow_the_visible_text():
    src = published("x")
    assert visible(sourced_date("2015-04-01", "day", src, "il")) == "il 1º aprile 2015"
    assert visible(sourced_date("2021-04-01", "month", src, "il")) == "ad aprile 2021"
    assert visible(sourced_date("2021-03-01", "month", src, "dal")) == "da marzo 2021"
    assert visible(sourced_date("2004-01-01", "year", src, "il")) == "nel 2004"


def test_discrepancies_are_cited_as_readers_cite_them(cited):
    assert cited.see("D05") == "@sec-provenienza, D05"
    assert cited.see("D02", "D03") == "@sec-provenienza, D02 e D03"
    with pytest.raises(KeyError):
        cited.see("D99")


def test_tense_of_a_planned_event_follows_the_cut_off():
    # E30: start of the Bollate lab planned for February 2021
    forms = dict(fact="sono partite", plan="dovrebbero partire", overdue="era previsto che partissero")
    assert Cited.load(chapter("2020-11-30")).tense("E30", **forms) == "dovrebbero partire"
    assert Cited.load(chapter("2022-11-30")).tense("E30", **forms) == "era previsto che partissero"


def test_a_recorded_event_after_the_monitoring_cut_off_is_still_a_fact(cited):
    # E29: the decree of 31/12/2020 is after the monitoring cut-off (30/11/2020) but recorded as done
    assert cited.view_date().isoformat() == "2020-12-31"
    assert cited.tense("E29", fact="sono stati prorogati", plan="saranno prorogati") == "sono stati prorogati"


def test_state_at_the_report_date_turns_past_after_it():
    assert Cited.load(chapter("2020-11-30")).status(now="non hanno", then="non avevano") == "non hanno"
    assert Cited.load(chapter("2022-11-30")).status(now="non hanno", then="non avevano") == "non avevano"


def test_every_planned_event_two_years_later_is_never_a_plan():
    later = Cited.load(chapter("2023-12-31"))
    for event_id in later.timeline.loc[later.timeline["planned"].astype(bool), "event_id"]:
        assert later.tense(event_id, fact="F", plan="PLAN", overdue="OVERDUE") == "OVERDUE"


def test_headings_take_the_original_titles(cited):
    assert section_title(cited.sections, "1.3") == "Il Patto per la Casa"
    assert (
        heading(cited.sections, "2.2.1", "sec-x", 3)
        == "### L'intervento nel quartiere Lorenteggio del Comune di Milano {#sec-x}"
    )
    assert addition_heading("Capofila", "sec-y", 3) == "### Capofila (aggiunta di questa edizione) {#sec-y .aggiunta}"
    with pytest.raises(KeyError):
        section_title(cited.sections, "9.9")


def test_data_texts_are_escaped_in_lists_and_events(cited):
    items = pd.DataFrame({"position": [2, 1], "text": ["<img src=x onerror=alert(1)>", "# titolo [x](javascript:y)"]})
    text = items_list(items)
    assert text.startswith("- \\# titolo \\[x\\](javascript:y);") and "\\<img" in text
    assert cited.event("E08").startswith("firmato il Patto per la Casa")
