import pandas as pd
from hypothesis import given, strategies as st

from quartieri_erp.disclosure import mark, note, suppression_mask


def test_small_counts_and_their_complement_are_hidden():
    counts = pd.DataFrame({"F": [12, 3, 0], "M": [9, 20, 7]}, index=["MI", "BG", "SO"])
    mask = suppression_mask(counts, 5)
    # BG: 3 is below 5, and its only companion (20) is hidden too, or 20 = total - 3 would reveal it.
    assert mask.loc["BG"].tolist() == [True, True]
    # SO: the zero is shown (no one to protect) and 7 stays.
    assert mask.loc["SO"].tolist() == [False, False]
    assert not mask.loc["MI"].any()


def test_a_row_with_one_small_count_hides_its_smallest_companion_too():
    counts = pd.DataFrame({"a": [1200, 2], "b": [40, 30], "c": [3, 50]}, index=["x", "y"])
    mask = suppression_mask(counts, 5)
    assert mask.loc["x"].tolist() == [False, True, True]  # 3 hidden, and 40 with it
    assert mask.loc["y"].tolist() == [True, True, False]
    assert mark(5) == "<5" and "5" in note(5)


@given(st.lists(st.lists(st.integers(0, 30), min_size=2, max_size=5), min_size=1, max_size=6),
       st.integers(2, 10))
def test_no_row_ever_has_exactly_one_hidden_nonzero_cell(rows, threshold):
    width = min(len(r) for r in rows)
    counts = pd.DataFrame([r[:width] for r in rows])
    mask = suppression_mask(counts, threshold)
    assert ((counts > 0) & (counts < threshold)).le(mask).all().all()  # every small count is hidden
    hidden = mask.sum(axis=1)
    nonzero_shown = ((counts > 0) & ~mask).sum(axis=1)
    assert ((hidden != 1) | (nonzero_shown == 0)).all()
