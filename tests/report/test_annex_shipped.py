"""Appendix F on the shipped data with findings on (the real-data path, protected and audited by linear
programming on the whole edition: slow, hence a report-level test): the illustrative mark, and the shipped
P07, P08, P10 and P17 withdrawals that can no longer be recovered (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quartieri_erp.chapters import appendices as app
from quartieri_erp.chapters.labels import load_labels
from quartieri_erp.indicators.disclosure import COMPLEMENTARY, COMPLEMENTARY_MARK
from quartieri_erp.inputs.catalogue import read_input
from quartieri_erp.inputs.monitoring import load_monitoring
from quartieri_erp.presentation.context import ILLUSTRATIVE

ROOT = Path(__file__).resolve().parents[2]
PROGRAMME, REFERENCE, SYNTHETIC = ROOT / "data" / "programme", ROOT / "data" / "reference", ROOT / "data" / "synthetic"
AS_OF = "2020-11-30"


@pytest.fixture(scope="module")
def labels() -> app.AnnexLabels:
    return app.AnnexLabels.from_tables(load_labels(REFERENCE), read_input("discrepancies", PROGRAMME))


@pytest.fixture(scope="module")
def illustrative():
    """The shipped synthetic files with findings on and marked (illustrative): the real-data path, protected and
    audited, plus the mark."""
    monitoring = load_monitoring(SYNTHETIC, REFERENCE)
    return app.build_annex(
        monitoring,
        read_input("projects", PROGRAMME),
        5,
        findings=True,
        marked=True,
        as_of=AS_OF,
        synthetic=True,
        illustrative_mark=ILLUSTRATIVE,
    )


def test_illustrative_findings_carry_the_visible_mark(illustrative, labels):
    annex = illustrative
    summary = app.summary_table(annex.facts, annex.shown, labels, annex.mark)
    assert all(ILLUSTRATIVE in column for column in summary.columns[2:])
    cards = app.project_sections(annex.facts, annex.shown, labels, annex.mark)
    assert cards.count(f"**Partecipanti** ({ILLUSTRATIVE})") == len(annex.facts)
    assert app.annex_note(annex, 5).startswith(f"**{ILLUSTRATIVE}.**")


@pytest.fixture(scope="module")
def shipped(illustrative):
    """The real-data path run on the shipped synthetic files: per-project counts protected and audited."""
    return app.project_counts(load_monitoring(SYNTHETIC, REFERENCE)), illustrative.protection


def test_the_shipped_withdrawals_can_no_longer_be_recovered(shipped):
    counts, protection = shipped
    withdrawals = counts["rinuncia"]
    assert withdrawals[withdrawals > 0].to_dict() == {"P07": 1, "P08": 1, "P10": 1, "P17": 1}
    # chapter 3 prints the total of 4 withdrawals, and the audit knows it
    assert any(eq.label == "totale rinuncia (capitolo 3)" and eq.total == 4 for eq in protection.equalities)
    # no zero is printed next to them: every project's withdrawals print "<5"
    assert all(protection.text((p, "rinuncia")) == "<5" for p in counts.index)
    cells = [(p, "rinuncia") for p in ("P07", "P08", "P10", "P17")]
    exact = protection.audit(exact=True, cells=cells)  # true minimum and maximum by linear programming
    for cell in cells:
        low, high = exact.loc[[cell], "low"].iloc[0], exact.loc[[cell], "high"].iloc[0]
        assert low <= 0 + 1e-6 and high >= 3 - 1e-6, (cell, low, high)  # 1 is one value among 0 … 3 or more
    protection.check()  # and the whole annex passes the audit


def test_no_count_of_five_or_more_prints_the_small_mark_in_the_shipped_annex(shipped):
    counts, protection = shipped
    for cell, state in protection.status[protection.printed].items():
        text = protection.text(cell)
        if protection.values[cell] >= 5:
            assert text != "<5", cell
        if state == COMPLEMENTARY:
            assert text == COMPLEMENTARY_MARK
    # P01 (18 people) prints its own total
    assert protection.text(("P01", "participants")) == "18"
