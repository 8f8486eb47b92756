"""The chart builders of chapter 3: shares with confidence intervals (hidden cells included) and group means."""

from __future__ import annotations

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from quartieri_erp.presentation import charts
from quartieri_erp.presentation.figure_style import PALETTE

SHARES = pd.DataFrame(
    {
        "category": ["Donne", "Donne", "Uomini", "Uomini"],
        "group": ["Laboratori", "PIP", "Laboratori", "PIP"],
        "value": [0.72, 0.64, 0.28, 0.36],
        "ci_low": [0.68, 0.60, 0.24, 0.32],
        "ci_high": [0.76, 0.68, 0.32, 0.40],
        "hidden": [False, False, False, True],
    }
)
COLOURS = {"Laboratori": "#E69F00", "PIP": "#009E73"}


@pytest.fixture()
def figure():
    fig = charts.interval_bars(SHARES, "category", "group", source="elaborazione di prova", colours=COLOURS, mark="<5")
    yield fig
    plt.close(fig)


def bars(ax):
    """Bars top to bottom as (width, colour)."""
    return [
        (round(p.get_width(), 6), mcolors.to_hex(p.get_facecolor()))
        for p in sorted(ax.patches, key=lambda p: -p.get_y())
    ]


def test_one_bar_per_visible_share_in_category_then_group_order(figure):
    ax = figure.axes[0]
    assert bars(ax) == [
        (0.72, COLOURS["Laboratori"].lower()),
        (0.64, COLOURS["PIP"].lower()),
        (0.28, COLOURS["Laboratori"].lower()),
    ]
    ticks = sorted(zip(ax.get_yticks(), (t.get_text() for t in ax.get_yticklabels())), reverse=True)
    assert [text for _, text in ticks] == ["Donne", "Uomini"]


def test_intervals_span_ci_low_to_ci_high_for_visible_rows_only(figure):
    ax = figure.axes[0]
    spans = sorted(
        (round(seg[0][0], 6), round(seg[1][0], 6)) for collection in ax.collections for seg in collection.get_segments()
    )
    assert spans == [(0.24, 0.32), (0.6, 0.68), (0.68, 0.76)]


def test_labels_sit_right_of_the_interval_and_hidden_rows_show_only_the_mark(figure):
    ax = figure.axes[0]
    texts = {t.get_text(): t.get_position() for t in ax.texts}
    assert set(texts) == {"72%", "64%", "28%", "<5"}
    assert texts["72%"][0] > 0.76 and texts["28%"][0] > 0.32
    assert texts["<5"][0] < 0.05  # drawn at the start of the empty slot, not at 36%
    assert not any("36" in t.get_text() or "40" in t.get_text() for t in ax.texts)


def test_legend_source_and_axis(figure):
    ax = figure.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Laboratori", "PIP"]
    assert any(t.get_text() == "Fonte: elaborazione di prova" for t in figure.texts)
    assert all(0 <= tick <= 1 for tick in ax.get_xticks())
    assert [t.get_text() for t in ax.get_xticklabels()][0] == "0%"


def test_tiny_shares_keep_a_decimal_and_one_figure_has_one_precision():
    frame = pd.DataFrame(
        {
            "category": ["Rinuncia", "Concluso"],
            "group": ["PIP", "PIP"],
            "value": [0.004, 0.647],
            "ci_low": [0.001, 0.60],
            "ci_high": [0.02, 0.69],
        }
    )
    fig = charts.interval_bars(frame, "category", "group", source="s")
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["0,4%", "64,7%"]  # not 0,4% beside 65%
    assert fig.axes[0].get_legend() is None  # a single group needs no legend
    plt.close(fig)
    fig = charts.interval_bars(frame, "category", "group", source="s", decimals=1)
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["0,4%", "64,7%"]
    plt.close(fig)


def test_bar_labels_are_the_shares_the_text_prints():
    """0,998 is not 100% and 0,502 not 50%: the chart writes them as the sentences do (formatting.fmt_share)."""
    from quartieri_erp.presentation.formatting import fmt_share

    frame = pd.DataFrame(
        {
            "category": ["Disoccupati", "Donne"],
            "group": ["PIP", "PIP"],
            "value": [0.998, 0.502],
            "ci_low": [0.99, 0.45],
            "ci_high": [1.0, 0.55],
        }
    )
    fig = charts.interval_bars(frame, "category", "group", source="s")
    assert (
        sorted(t.get_text() for t in fig.axes[0].texts)
        == sorted([fmt_share(0.998), fmt_share(0.502)])
        == ["50,2%", "99,8%"]
    )
    plt.close(fig)


def test_long_category_labels_are_wrapped():
    long_name = "Nessuna vulnerabilità rilevata all'ingresso"
    frame = SHARES.assign(category=SHARES["category"].replace({"Donne": long_name}))
    fig = charts.interval_bars(frame, "category", "group", source="s", label_width=20)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    plt.close(fig)
    assert "\n" in labels[0] and all(len(line) <= 20 for line in labels[0].split("\n"))


def test_value_bars_first_row_on_top_with_text_and_colours():
    values = pd.DataFrame({"group": ["Totale", "Laboratori", "PIP"], "value": [46.2, 49.0, 42.9]})
    colours = dict(zip(values["group"], PALETTE))
    fig = charts.value_bars(
        values,
        "group",
        "value",
        source="s",
        xlabel="Età media (anni)",
        value_text=lambda v: f"{v:.1f} anni".replace(".", ","),
        colours=colours,
    )
    ax = fig.axes[0]
    assert [w for w, _ in bars(ax)] == [46.2, 49.0, 42.9]
    assert [c for _, c in bars(ax)] == [c.lower() for c in PALETTE[:3]]
    labels = sorted(ax.texts, key=lambda t: -t.get_position()[1])
    assert [t.get_text().strip() for t in labels] == ["46,2 anni", "49,0 anni", "42,9 anni"]
    assert ax.get_xlabel() == "Età media (anni)"
    assert np.isclose(ax.get_xlim()[1], 49.0 * 1.2)
    plt.close(fig)


def test_no_bar_label_overlaps_a_confidence_interval_whisker():
    from matplotlib.collections import LineCollection

    frame = pd.DataFrame(
        {
            "category": ["A", "A", "A", "B", "B", "B"],
            "group": ["Totale", "Laboratori", "PIP"] * 2,
            "value": [0.45, 0.52, 0.38, 0.12, 0.09, 0.2],
            "ci_low": [0.40, 0.45, 0.30, 0.08, 0.05, 0.14],
            "ci_high": [0.50, 0.60, 0.47, 0.16, 0.14, 0.27],
        }
    )
    fig = charts.interval_bars(frame, "category", "group", source="s")
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    labels = [t.get_window_extent(renderer) for t in ax.texts]
    whiskers = [
        ax.transData.transform(segment)
        for c in ax.collections
        if isinstance(c, LineCollection)
        for segment in c.get_segments()
    ]
    for box in labels:
        for (x0, y0), (x1, y1) in whiskers:
            crosses = (
                min(x0, x1) <= box.x1 and max(x0, x1) >= box.x0 and min(y0, y1) <= box.y1 and max(y0, y1) >= box.y0
            )
            assert not crosses, "a bar label overlaps a whisker"
    plt.close(fig)
