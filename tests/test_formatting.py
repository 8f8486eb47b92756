import datetime as dt

import pytest
from hypothesis import given, strategies as st

from quartieri_erp.formatting import fmt_date, fmt_eur, fmt_eur_millions, fmt_int, fmt_month, fmt_num, fmt_pct


@pytest.mark.parametrize("value, decimals, expected", [
    (0, 0, "0"), (830, 0, "830"), (1234.5, 1, "1.234,5"), (7827051.51, 2, "7.827.051,51"),
    (-1234.56, 1, "-1.234,6"), (0.05, 1, "0,1"), (2.5, 0, "3"), (1000000, 0, "1.000.000"),
])
def test_fmt_num_uses_italian_separators_and_half_up_rounding(value, decimals, expected):
    assert fmt_num(value, decimals) == expected


def test_percentages_money_and_dates():
    assert fmt_pct(524 / 830) == "63,1%"
    assert fmt_pct(0.38, 0) == "38%"
    assert fmt_pct(339 / 524) == "64,7%"
    assert fmt_eur(7827051.51) == "7.827.051,51\u00a0€"
    assert fmt_eur_millions(52_700_000) == "52,7 milioni di euro"
    assert fmt_int(12345) == "12.345"
    assert fmt_date(dt.date(2020, 11, 30)) == "30 novembre 2020"
    assert fmt_date("2018-05-23") == "23 maggio 2018"
    assert fmt_month("2019-07-01") == "luglio 2019"


def test_missing_values_show_a_dash():
    assert fmt_num(float("nan")) == "–"
    assert fmt_pct(None) == "–"


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_fmt_int_round_trips(n):
    assert int(fmt_int(n).replace(".", "")) == n


def test_partial_dates_show_only_what_is_known():
    from quartieri_erp.formatting import fmt_partial_date

    assert fmt_partial_date("2014-11-21", "day") == "21 novembre 2014"
    assert fmt_partial_date("2015-03-01", "month") == "marzo 2015"
    assert fmt_partial_date("1998-01-01", "year") == "1998"


def test_markdown_table_formats_aligns_and_sizes_columns():
    import pandas as pd

    from quartieri_erp.tables import markdown_table

    frame = pd.DataFrame({"Voce": ["Costo", "A|B"], "Importo": [7827051.51, 12.0]})
    header, rule, first, second = markdown_table(frame, formats={"Importo": lambda v: f"{v:.2f}"}, widths=[1, 3]).split("\n")
    assert header == "| Voce | Importo |"
    assert rule == "|:----|------------:|"
    assert first == "| Costo | 7827051.51 |" and second == "| A\\|B | 12.00 |"
    with pytest.raises(ValueError, match="2 columns"):
        markdown_table(frame, widths=[1])
