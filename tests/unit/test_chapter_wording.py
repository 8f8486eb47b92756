"""Wording helpers shared by the chapters, and the Italian labels of codes."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

from quartieri_erp.chapters.labels import label_map, load_labels, read_labels
from quartieri_erp.chapters.policy import AREA_COLUMNS
from quartieri_erp.chapters.wording import (
    ProseRefs,
    counted,
    date_with,
    discrepancy_ref,
    event_when,
    join_it,
    quantity,
    with_article,
)
from quartieri_erp.errors import InputError
from quartieri_erp.inputs.curated.history import TIMELINE_CATEGORIES
from quartieri_erp.inputs.curated.urban_strategies import FUNDS, STRATEGIES

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "reference"


@pytest.mark.parametrize("items, text", [([], ""), (["A"], "A"), (["A", "B"], "A e B"), (["A", "B", "C"], "A, B e C")])
def test_join_it(items, text):
    assert join_it(items) == text


@pytest.mark.parametrize(
    "label, preposition, text",
    [
        ("5 agosto 2020", "il", "il 5 agosto 2020"),
        ("8 luglio 2020", "il", "l'8 luglio 2020"),
        ("11 ottobre 2011", "del", "dell'11 ottobre 2011"),
        ("1 aprile 2015", "dal", "dall'1 aprile 2015"),
        ("18 maggio 2016", "al", "al 18 maggio 2016"),
        ("ottobre 2017", "nel", "nell'ottobre 2017"),
        ("2014", "nel", "nel 2014"),
    ],
)
def test_with_article_elides_before_a_vowel_sound(label, preposition, text):
    assert with_article(label, preposition) == text


def test_with_article_rejects_an_unknown_preposition():
    with pytest.raises(ValueError):
        with_article("2014", "sul")


@pytest.mark.parametrize(
    "text, article, expected",
    [
        ("64,7%", "il", "il 64,7%"),
        ("8%", "il", "l'8%"),
        ("11%", "il", "l'11%"),
        ("1%", "il", "l'1%"),
        ("1,5%", "il", "l'1,5%"),
        ("18%", "il", "il 18%"),
        ("0,8%", "il", "lo 0,8%"),
        ("80%", "il", "l'80%"),
        ("100%", "il", "il 100%"),
        ("8%", "al", "all'8%"),
        ("80%", "del", "dell'80%"),
        ("0,5%", "del", "dello 0,5%"),
        ("31%", "dal", "dal 31%"),
        ("1.000", "il", "il 1.000"),
        ("11.500", "il", "l'11.500"),
        ("33", "i", "i 33"),
        ("8", "dei", "degli 8"),
        ("11", "nei", "negli 11"),
        ("800", "ai", "agli 800"),
    ],
)
def test_with_article_before_numbers_reads_them_as_words(text, article, expected):
    assert with_article(text, article) == expected


@pytest.mark.parametrize(
    "day, preposition, precision, expected",
    [
        (dt.date(2021, 8, 1), "al", "day", "al 1º agosto 2021"),
        (dt.date(2021, 8, 8), "il", "day", "l'8 agosto 2021"),
        (dt.date(2020, 11, 30), "al", "day", "al 30 novembre 2020"),
        ("2015-04-01", "dal", "day", "dal 1º aprile 2015"),
        (pd.Timestamp("2021-04-01"), "il", "month", "ad aprile 2021"),
        (pd.Timestamp("2021-03-01"), "il", "month", "a marzo 2021"),
        ("2015-03-01", "dal", "month", "da marzo 2015"),
        ("2016-04-01", "del", "month", "dell'aprile 2016"),
        ("2021-01-01", "il", "year", "nel 2021"),
        ("2015-01-01", "dal", "year", "dal 2015"),
        ("2019-06-21", None, "day", "21 giugno 2019"),
    ],
)
def test_date_with_writes_each_precision_as_italian_does(day, preposition, precision, expected):
    assert date_with(day, preposition, precision) == expected


def test_event_when_uses_the_precision_of_the_source():
    timeline = pd.DataFrame(
        {
            "event_id": ["E01", "E02"],
            "date": pd.to_datetime(["2004-01-01", "2020-07-08"]),
            "date_precision": ["year", "day"],
        }
    )
    assert event_when(timeline, "E01") == "2004"
    assert event_when(timeline, "E01", "il") == "nel 2004"  # not 'il 2004'
    assert event_when(timeline, "E02", "il") == "l'8 luglio 2020"
    with pytest.raises(KeyError):
        event_when(timeline, "E99")


def test_prose_refs_check_what_they_cite():
    timeline = pd.DataFrame(
        {
            "event_id": ["E01", "E02"],
            "date": pd.to_datetime(["2004-01-01", "2021-02-01"]),
            "date_precision": ["year", "month"],
        }
    )
    cards = pd.DataFrame(
        {
            "card_id": ["4.1", "4.4"],
            "start_date": pd.to_datetime(["2019-06-21", "2021-04-01"]),
            "start_precision": ["day", "month"],
        }
    )
    refs = ProseRefs(timeline, pd.DataFrame({"discrepancy_id": ["D25"]}), cards)
    assert (refs.year("E01"), refs.year("E02")) == ("2004", "2021")
    assert refs.when("E02", "il") == "a febbraio 2021" and refs.when("E02", "dal") == "da febbraio 2021"
    assert refs.start("4.1", "dal") == "dal 21 giugno 2019" and refs.start("4.4", "il") == "ad aprile 2021"
    assert refs.see("D25") == "@sec-provenienza, D25"
    with pytest.raises(KeyError):
        refs.start("4.9")
    with pytest.raises(KeyError):
        refs.see("D99")


@pytest.mark.parametrize("n, expected", [(1, "1 laboratorio"), (3, "3 laboratori"), (0, "0 laboratori")])
def test_counted_agrees_the_noun_with_the_count(n, expected):
    assert counted(n, "laboratorio", "laboratori") == expected


def test_quantity_agrees_the_unit():
    assert quantity(1, "months") == "1 mese" and quantity(18, "months") == "18 mesi"
    assert quantity(1.5, "years", 1) == "1,5 anni" and quantity(6570, "sqm") == "6.570 mq"


def test_load_labels_gives_every_variable_and_the_provinces():
    labels = load_labels(REFERENCE, required=("fund", "case_field"))
    assert labels["fund"]["FSE"] and labels["province"]["MI"] == "Milano"
    assert list(labels["group"]) == ["totale", "laboratorio_sociale", "pip", "entrambi"]


def test_load_labels_names_a_missing_required_variable(tmp_path):
    reference = tmp_path / "reference"
    shutil.copytree(REFERENCE, reference)
    path = reference / "labels.csv"
    kept = [
        line
        for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
        if not line.startswith("result_kind,")
    ]
    path.write_text("".join(kept), encoding="utf-8")
    with pytest.raises(InputError, match="result_kind"):
        load_labels(reference, required=("fund", "result_kind"))


def test_discrepancy_ref_checks_the_ids():
    discrepancies = pd.DataFrame({"discrepancy_id": ["D02", "D03"]})
    assert discrepancy_ref(discrepancies, "D02", "D03") == "D02 e D03"
    with pytest.raises(KeyError):
        discrepancy_ref(discrepancies, "D04")


def test_label_map_follows_the_display_order():
    labels = pd.DataFrame(
        {
            "variable": ["fund", "fund", "sex"],
            "code": ["FSE", "FESR", "F"],
            "label_it": ["POR FSE", "POR FESR", "Donne"],
            "order": [2, 1, 1],
        }
    )
    assert list(label_map(labels, "fund").items()) == [("FESR", "POR FESR"), ("FSE", "POR FSE")]
    with pytest.raises(KeyError):
        label_map(labels, "strategy")


@pytest.mark.parametrize(
    "variable, codes",
    [
        ("timeline_category", TIMELINE_CATEGORIES),
        ("intervention_area", AREA_COLUMNS),
        ("strategy", STRATEGIES),
        ("fund", FUNDS),
        ("outcome", ("finanziato", "non_ammesso")),
        ("ranking", ("prima", "seconda")),
    ],
)
def test_every_code_of_chapters_one_and_two_has_a_label(variable, codes):
    assert set(label_map(read_labels(REFERENCE), variable)) == set(codes)


def test_tense_follows_the_cut_off_and_the_plans():
    from quartieri_erp.chapters.wording import tense

    forms = dict(fact="è partito", plan="partirà", overdue="doveva partire")
    assert tense("2021-03-01", "2020-11-30", **forms) == "partirà"
    assert tense("2021-03-01", "2022-09-30", **forms) == "è partito"
    assert tense("2021-03-01", "2022-09-30", planned=True, **forms) == "doveva partire"
    assert tense("2020-11-30", "2020-11-30", **forms) == "è partito"
    assert tense("2021-03-01", "2022-09-30", planned=True, fact="è partito", plan="partirà") == "è partito"
