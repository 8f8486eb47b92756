import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quartieri_erp.presentation.formatting import (
    fmt_date,
    fmt_eur,
    fmt_eur_millions,
    fmt_int,
    fmt_month,
    fmt_num,
    fmt_pct,
    fmt_share,
    round_half_up,
)


@pytest.mark.parametrize(
    "value, decimals, expected",
    [
        (0, 0, "0"),
        (830, 0, "830"),
        (1234.5, 1, "1.234,5"),
        (7827051.51, 2, "7.827.051,51"),
        (-1234.56, 1, "-1.234,6"),
        (0.05, 1, "0,1"),
        (2.5, 0, "3"),
        (1000000, 0, "1.000.000"),
    ],
)
def test_fmt_num_uses_italian_separators_and_half_up_rounding(value, decimals, expected):
    assert fmt_num(value, decimals) == expected


def test_percentages_money_and_dates():
    assert fmt_pct(524 / 830) == "63,1%"
    assert fmt_pct(0.38, 0) == "38%"
    assert fmt_pct(339 / 524) == "64,7%"
    assert fmt_eur(7827051.51) == "7.827.051,51\u00a0€"
    assert fmt_eur_millions(52_700_000) == "52,7 milioni di euro"
    assert fmt_eur_millions(4_000_000, 2, short=True) == "4,00 mln €"
    assert fmt_int(12345) == "12.345"
    assert fmt_date(dt.date(2020, 11, 30)) == "30 novembre 2020"
    assert fmt_date("2018-05-23") == "23 maggio 2018"
    assert fmt_month("2019-07-01") == "luglio 2019"


@pytest.mark.parametrize(
    "value, decimals, expected",
    [
        (12.5, 0, 13.0),
        (0.125, 2, 0.13),
        (2.675, 2, 2.68),
        (-2.5, 0, -3.0),
        (63.05, 1, 63.1),
        (7.0, 0, 7.0),
    ],
)
def test_round_half_up_is_never_bankers_rounding(value, decimals, expected):
    assert round_half_up(value, decimals) == expected


def test_round_half_up_keeps_missing_values_missing():
    assert math.isnan(round_half_up(float("nan"), 1)) and math.isnan(round_half_up(None, 1))


@pytest.mark.parametrize(
    "share, text",
    [
        (0.69, "69%"),
        (0.004, "0,4%"),
        (0.0004, "0,04%"),
        (0.5, "50%"),
        (0.5004, "50,04%"),
        (0.498, "49,8%"),
        (0.998, "99,8%"),
        (0.9996, "99,96%"),
        (1.0, "100%"),
        (0.0, "0%"),
        (float("nan"), "–"),
    ],
)
def test_fmt_share_never_prints_a_false_zero_half_or_whole(share, text):
    assert fmt_share(share) == text


def test_fmt_share_with_decimals():
    assert fmt_share(0.6474, 1) == "64,7%" and fmt_share(0.9996, 1) == "99,96%" and fmt_share(0.0004, 1) == "0,04%"


def test_missing_values_show_a_dash():
    assert fmt_num(float("nan")) == "–"
    assert fmt_pct(None) == "–"


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_fmt_int_round_trips(n):
    assert int(fmt_int(n).replace(".", "")) == n


def test_partial_dates_show_only_what_is_known():
    from quartieri_erp.presentation.formatting import fmt_partial_date

    assert fmt_partial_date("2014-11-21", "day") == "21 novembre 2014"
    assert fmt_partial_date("2015-03-01", "month") == "marzo 2015"
    assert fmt_partial_date("1998-01-01", "year") == "1998"


def test_markdown_table_formats_aligns_and_sizes_columns():
    import pandas as pd

    from quartieri_erp.presentation.markdown_tables import markdown_table

    frame = pd.DataFrame({"Voce": ["Costo", "A|B"], "Importo": [7827051.51, 12.0]})
    header, rule, first, second = markdown_table(frame, formats={"Importo": lambda v: f"{v:.2f}"}, widths=[1, 3]).split(
        "\n"
    )
    assert header == "| Voce | Importo |"
    assert rule == "|:----|------------:|"
    assert first == "| Costo | 7827051.51 |" and second == "| A\\|B | 12.00 |"
    with pytest.raises(ValueError, match="2 columns"):
        markdown_table(frame, widths=[1])
