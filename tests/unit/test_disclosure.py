"""Disclosure control: primary and complementary suppression, and the linear-programming audit against everything
published about the same population. Expectations are computed by hand in the comments."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from quartieri_erp.indicators.disclosure import (
    COMPLEMENTARY,
    COMPLEMENTARY_MARK,
    PRIMARY,
    SHOWN,
    TOTAL,
    DisclosureError,
    audit,
    mark,
    mark_md,
    note,
    notes_md,
    protect,
    protect_table,
    sums_to,
    suppression_mask,
)
from quartieri_erp.presentation.markup import visible

# --- the legacy first step (still used by chapter 3's province figure) --------------------------------------


def test_small_counts_and_their_complement_are_hidden():
    counts = pd.DataFrame({"F": [12, 3, 0], "M": [9, 20, 7]}, index=["MI", "BG", "SO"])
    mask = suppression_mask(counts, 5)
    assert mask.loc["BG"].tolist() == [True, True]
    assert mask.loc["SO"].tolist() == [False, False]
    assert not mask.loc["MI"].any()


def test_marks_and_notes():
    assert mark(5) == "<5" and "5" in note(5)
    assert visible(mark_md(5)) == "\\<5" and 'data-kind="curated"' in mark_md(5)
    text = visible(notes_md(5))
    assert "\\<5: conteggio inferiore a 5" in text and f"{COMPLEMENTARY_MARK}: valore non inferiore a 5" in text
    assert "calcolo per differenza" in text
    assert "(da uno)" in visible(notes_md(5, zeros="shown")) and COMPLEMENTARY_MARK not in visible(
        notes_md(5, complementary=False)
    )


# --- hand-computed audits ---------------------------------------------------------------------------------

# rows x, y; columns a, b, c; totals published elsewhere (constants): rows 28 and 39, columns 13, 30, 24.
TABLE = pd.DataFrame({"a": [3, 10], "b": [10, 20], "c": [15, 9]}, index=["x", "y"])


def _cells(frame):
    return pd.Series({(r, c): float(frame.loc[r, c]) for r in frame.index for c in frame.columns})


def _margins(frame):
    eqs = [sums_to([(r, c) for c in frame.columns], total=float(frame.loc[r].sum())) for r in frame.index]
    eqs += [sums_to([(r, c) for r in frame.index], total=float(frame[c].sum())) for c in frame.columns]
    return eqs


def test_a_lone_small_cell_is_pinned_by_its_row_total():
    values = _cells(TABLE)
    status = pd.Series(SHOWN, index=values.index)
    status[("x", "a")] = PRIMARY
    report = audit(values, status, None, _margins(TABLE), 5, zeros="shown")
    # row x: a = 28 - 10 - 15 = 3, and column a: a = 13 - 10 = 3: pinned.
    assert report.loc[[("x", "a")], ["low", "high"]].to_numpy().tolist() == [[3.0, 3.0]]
    assert not report["ok"].any()


def test_the_loop_adds_complementary_cells_until_the_small_cell_is_protected():
    p = protect(_cells(TABLE), _margins(TABLE), 5, zeros="shown", table="2×3")
    hidden = set(p.status.index[p.hidden])
    # Row x needs a second hidden cell: b (10) before c (15); column a then needs y's a (10), and row y a second
    # cell: y's b (20) repairs column b as well, while y's c (9) would leave column c with one hidden cell.
    assert hidden == {("x", "a"), ("x", "b"), ("y", "a"), ("y", "b")}
    assert p.status[("x", "a")] == PRIMARY and p.status[("y", "b")] == COMPLEMENTARY
    exact = p.audit(exact=True)
    # x.a + x.b = 13 with x.a in 1..4 ("<5", zeros shown) and x.b ≥ 5: x.a spans 1..4, x.b 9..12, y.a 9..12,
    # y.b = 30 - y.a spans 18..21.
    assert exact.loc[[("x", "a")], ["low", "high"]].to_numpy().tolist() == [[1.0, 4.0]]
    assert exact.loc[[("y", "b")], ["low", "high"]].to_numpy().tolist() == [[18.0, 21.0]]
    assert exact["ok"].all()
    assert [p.text(c) for c in [("x", "a"), ("x", "b"), ("x", "c")]] == ["<5", COMPLEMENTARY_MARK, "15"]


def test_a_row_with_one_hidden_cell_and_a_published_total():
    values = pd.Series({"a": 2.0, "b": 7.0, "c": 9.0})
    total = [sums_to(["a", "b", "c"], total=18)]
    status = pd.Series({"a": PRIMARY, "b": SHOWN, "c": SHOWN})
    assert audit(values, status, None, total, 5)[["low", "high"]].to_numpy().tolist() == [[2.0, 2.0]]
    p = protect(values, total, 5)
    # the cheaper companion (7) is hidden: a + b = 9 with b ≥ 5 leaves a in 0..4, b in 5..9.
    assert p.status.to_dict() == {"a": PRIMARY, "b": COMPLEMENTARY, "c": SHOWN}
    exact = p.audit()
    assert exact[["low", "high"]].to_numpy().tolist() == [[0.0, 4.0], [5.0, 9.0]]


WITHDRAWALS = pd.Series([1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0], index=[f"P{i}" for i in range(8)])


def test_shown_zeros_pin_small_cells_to_a_small_published_total():
    # Four projects with one withdrawal each, zeros printed, and 4 withdrawals printed in another chapter: each
    # hidden cell is 1..4 by its mark and the four add up to 4, so each is exactly 1; no companion can help.
    total = [sums_to(WITHDRAWALS.index, total=4)]
    status = pd.Series(np.where(WITHDRAWALS > 0, PRIMARY, SHOWN), index=WITHDRAWALS.index)
    report = audit(WITHDRAWALS, status, None, total, 5, zeros="shown")
    assert (report["low"] == 1).all() and (report["high"] == 1).all()
    with pytest.raises(DisclosureError, match=r"table 'rinunce', cell 'P0'"):
        protect(WITHDRAWALS, total, 5, zeros="shown", table="rinunce")


def test_zeros_as_small_counts_keep_every_cell_open():
    total = [sums_to(WITHDRAWALS.index, total=4)]
    p = protect(WITHDRAWALS, total, 5)
    assert (p.status == PRIMARY).all()  # zeros print "<5" as well: 0..4 each, adding up to 4
    exact = p.audit()
    assert (exact["low"] == 0).all() and (exact["high"] == 4).all() and exact["ok"].all()


def test_a_zero_implied_by_a_published_zero_total_is_shown():
    values = pd.Series({"a": 0.0, "b": 0.0, "c": 12.0, "d": 9.0})
    eqs = [sums_to(["a", "b"], total=0), sums_to(["c", "d"], total=21)]
    p = protect(values, eqs, 5)
    assert (p.status == SHOWN).all()


def test_a_failed_audit_names_the_table_and_the_cell():
    p = protect(WITHDRAWALS, [sums_to(WITHDRAWALS.index, total=4)], 5, table="Tabella X")
    p.status["P1"] = SHOWN  # as if a cell were printed after the protection
    p.status[["P2", "P3", "P4", "P5", "P6", "P7"]] = SHOWN
    with pytest.raises(DisclosureError) as failure:
        p.check()
    assert "Tabella X" in str(failure.value) and "'P0'" in str(failure.value)


# --- properties ---------------------------------------------------------------------------------------------


def _lp_range(values, status, printed, equalities, threshold, cell):
    """An independent LP (dense, straight from the definition) of one hidden cell."""
    cells = list(values.index)
    hidden = [c for c in cells if status[c] != SHOWN]
    a = np.array([[eq.terms.get(c, 0.0) for c in hidden] for eq in equalities])
    b = np.array(
        [eq.total - sum(coef * values[c] for c, coef in eq.terms.items() if status[c] == SHOWN) for eq in equalities]
    )
    bounds = [(0, threshold - 1) if status[c] == PRIMARY else (threshold if printed[c] else 0, None) for c in hidden]
    k = hidden.index(cell)
    c = np.zeros(len(hidden))
    c[k] = 1
    low = linprog(c, A_eq=a, b_eq=b, bounds=bounds, method="highs")
    high = linprog(-c, A_eq=a, b_eq=b, bounds=bounds, method="highs")
    return low.fun, (math.inf if high.status == 3 else -high.fun)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.integers(0, 14), min_size=3, max_size=3), min_size=2, max_size=3), st.integers(3, 5))
def test_after_protection_every_hidden_cell_satisfies_the_rule(rows, threshold):
    counts = pd.DataFrame(rows, columns=["a", "b", "c"])
    p = protect_table(counts, threshold)
    # "<t" only on counts below t, the complementary mark only on counts of at least t
    assert (p.values[p.status == PRIMARY] < threshold).all()
    assert (p.values[p.status == COMPLEMENTARY] >= threshold).all()
    exact = p.audit(exact=True)
    assert exact["ok"].all()
    for cell in exact.index:  # the audit's bounds agree with an LP written from the definition
        low, high = _lp_range(p.values, p.status, p.printed, p.equalities, threshold, cell)
        assert (low, high) == pytest.approx((exact.loc[[cell], "low"].iloc[0], exact.loc[[cell], "high"].iloc[0]))
        assert high - low >= 1 - 1e-6  # never pinned
        if p.status[cell] == PRIMARY:
            assert high - low >= exact.loc[[cell], "need_width"].iloc[0] - 1e-6


@settings(max_examples=8, deadline=None)
@given(st.lists(st.integers(0, 9), min_size=3, max_size=6), st.integers(3, 5))
def test_a_single_published_total_over_small_cells_never_pins_any(cells, threshold):
    values = pd.Series([float(v) for v in cells], index=[f"c{i}" for i in range(len(cells))])
    p = protect(values, [sums_to(values.index, total=float(values.sum()))], threshold)
    assert p.audit(exact=True)["ok"].all()
    totals = p.values[p.status == SHOWN].sum()
    assert totals <= values.sum()


def test_totals_printed_as_cells_are_cells_too():
    counts = pd.DataFrame({"F": [12, 3], "M": [9, 20]}, index=["MI", "BG"])
    p = protect_table(counts, 5)
    assert (TOTAL, "F") in p.status.index and ("BG", TOTAL) in p.status.index
    assert p.audit(exact=True)["ok"].all()
    assert p.status[("BG", "F")] == PRIMARY
