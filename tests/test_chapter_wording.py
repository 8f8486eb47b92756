"""Wording helpers shared by the chapters, and the Italian labels of codes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from quartieri_erp.chapters.labels import label_map, read_labels
from quartieri_erp.chapters.policy import AREA_COLUMNS
from quartieri_erp.curated.history import TIMELINE_CATEGORIES
from quartieri_erp.curated.urban_strategies import FUNDS, STRATEGIES
from quartieri_erp.chapters.wording import discrepancy_ref, event_when, join_it, with_article

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"


@pytest.mark.parametrize("items, text", [([], ""), (["A"], "A"), (["A", "B"], "A e B"), (["A", "B", "C"], "A, B e C")])
def test_join_it(items, text):
    assert join_it(items) == text


@pytest.mark.parametrize("label, preposition, text", [
    ("5 agosto 2020", "il", "il 5 agosto 2020"),
    ("8 luglio 2020", "il", "l'8 luglio 2020"),
    ("11 ottobre 2011", "del", "dell'11 ottobre 2011"),
    ("1 aprile 2015", "dal", "dall'1 aprile 2015"),
    ("18 maggio 2016", "al", "al 18 maggio 2016"),
    ("ottobre 2017", "nel", "nell'ottobre 2017"),
    ("2014", "nel", "nel 2014"),
])
def test_with_article_elides_before_a_vowel_sound(label, preposition, text):
    assert with_article(label, preposition) == text


def test_with_article_rejects_an_unknown_preposition():
    with pytest.raises(ValueError):
        with_article("2014", "sul")


def test_event_when_uses_the_precision_of_the_source():
    timeline = pd.DataFrame({"event_id": ["E01", "E02"], "date": pd.to_datetime(["2004-01-01", "2020-07-08"]),
                             "date_precision": ["year", "day"]})
    assert event_when(timeline, "E01") == "2004"
    assert event_when(timeline, "E02", "il") == "l'8 luglio 2020"
    with pytest.raises(KeyError):
        event_when(timeline, "E99")


def test_discrepancy_ref_checks_the_ids():
    discrepancies = pd.DataFrame({"discrepancy_id": ["D02", "D03"]})
    assert discrepancy_ref(discrepancies, "D02", "D03") == "D02 e D03"
    with pytest.raises(KeyError):
        discrepancy_ref(discrepancies, "D04")


def test_label_map_follows_the_display_order():
    labels = pd.DataFrame({"variable": ["fund", "fund", "sex"], "code": ["FSE", "FESR", "F"],
                           "label_it": ["POR FSE", "POR FESR", "Donne"], "order": [2, 1, 1]})
    assert list(label_map(labels, "fund").items()) == [("FESR", "POR FESR"), ("FSE", "POR FSE")]
    with pytest.raises(KeyError):
        label_map(labels, "strategy")


@pytest.mark.parametrize("variable, codes", [
    ("timeline_category", TIMELINE_CATEGORIES), ("intervention_area", AREA_COLUMNS), ("strategy", STRATEGIES),
    ("fund", FUNDS), ("outcome", ("finanziato", "non_ammesso")), ("ranking", ("prima", "seconda")),
])
def test_every_code_of_chapters_one_and_two_has_a_label(variable, codes):
    assert set(label_map(read_labels(REFERENCE), variable)) == set(codes)
