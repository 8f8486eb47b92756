"""Chart builders of chapters 1 and 2: what they draw, in which order, and the 'Fonte:' line."""

from __future__ import annotations

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from quartieri_erp.presentation import charts
from quartieri_erp.presentation.figure_style import PALETTE

SOURCE = (
    "elaborazione su Regione Lombardia, Rapporto tematico di valutazione sui quartieri ERP; Éupolis "
    "Lombardia, Valutazione della sperimentazione dei Laboratori sociali di quartiere"
)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def source_line(fig) -> str:
    return next(t.get_text() for t in fig.texts if t.get_text().startswith("Fonte:"))


def test_the_source_line_is_wrapped_to_the_figure_width():
    import matplotlib.pyplot as plt

    from quartieri_erp.presentation.figure_style import SOURCE_CHARS_PER_INCH, add_source

    fig = plt.figure(figsize=(4.0, 2.0))
    add_source(fig, SOURCE)
    lines = fig.texts[0].get_text().split("\n")
    plt.close(fig)
    assert len(lines) > 1 and max(map(len, lines)) <= 4.0 * SOURCE_CHARS_PER_INCH
    assert " ".join(lines) == f"Fonte: {SOURCE}"


def test_phase_timeline_names_each_phase_once_and_draws_one_dot_per_event():
    events = pd.DataFrame(
        {
            "date": pd.to_datetime(["2016-07-08", "1998-01-01", "2014-03-28", "2004-01-01"]),
            "date_label": ["8 luglio 2016", "1998", "28 marzo 2014", "2004"],
            "label": ["Legge regionale", "Primi contratti", "Bando sperimentale", "Secondi contratti"],
            "phase": ["Regione", "Contratti", "Laboratori", "Contratti"],
        }
    )
    fig = charts.phase_timeline(events, source=SOURCE)
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert [t for t in texts if t in {"Contratti", "Regione", "Laboratori"}] == ["Contratti", "Laboratori", "Regione"]
    assert len(ax.collections) == len(events) + 3  # a dot per event, a square per phase
    dated = [t for t in texts if t in set(events["date_label"])]
    assert dated == ["1998", "2004", "28 marzo 2014", "8 luglio 2016"]  # oldest first within the blocks
    assert source_line(fig).replace("\n", " ") == f"Fonte: {SOURCE}"


def test_panel_bars_one_panel_per_group_sorted_bars_and_consistent_colours():
    frame = pd.DataFrame(
        {
            "panel": ["Milano", "Milano", "Milano", "Bollate", "Bollate"],
            "fund": ["FESR", "FSE", "Comune", "FSE", "FESR"],
            "amount": [50.0, 2.0, 20.0, 0.5, 7.0],
        }
    )
    fig = charts.panel_bars(
        frame, "panel", "fund", "amount", source="fonte di prova", value_text=lambda v: f"{v:g} mln"
    )
    milano, bollate = fig.axes
    assert [milano.get_title(loc="left"), bollate.get_title(loc="left")] == ["Milano", "Bollate"]
    top_down = lambda ax: sorted(ax.patches, key=lambda p: -p.get_y())  # noqa: E731
    assert [p.get_width() for p in top_down(milano)] == [50.0, 20.0, 2.0]
    assert {t.get_position()[1]: t.get_text().strip() for t in bollate.texts} == {"FESR": "7 mln", "FSE": "0.5 mln"}

    def colour(ax, width):
        return mcolors.to_hex(next(p for p in ax.patches if p.get_width() == width).get_facecolor())

    assert colour(milano, 50.0) == colour(bollate, 7.0) == PALETTE[0].lower()  # FESR keeps its colour
    assert colour(milano, 2.0) == colour(bollate, 0.5) == PALETTE[1].lower()
    assert source_line(fig) == "Fonte: fonte di prova"


def test_step_ladder_draws_each_step_highlights_funds_and_marks_later_events():
    steps = pd.DataFrame(
        {
            "step": [2, 1, 3, 4],
            "when": pd.to_datetime(["2015-07-14", "2014-11-21", "2015-07-31", "2016-05-26"]),
            "fund": [None, None, "FSE", None],
        }
    )
    steps.loc[0, "fund"] = "FESR"
    markers = pd.DataFrame({"date": pd.to_datetime(["2018-12-15"]), "label": ["Avvio degli interventi"]})
    fig = charts.step_ladder(
        steps,
        source="fonte di prova",
        date="when",
        span=("2014-11-01", "2019-01-31"),
        highlight="fund",
        legend_title="Risorse attivate",
        markers=markers,
    )
    ax = fig.axes[0]
    numbers = [t.get_text() for t in ax.texts if t.get_text().isdigit()]
    assert sorted(numbers, key=int) == ["1", "2", "3", "4"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["FESR", "FSE"]
    assert any("Avvio degli" in t.get_text() for t in ax.texts)
    assert len(ax.get_lines()) == 1 + len(markers)  # the path through the steps, one line per marker
    left, right = ax.get_xlim()
    assert (
        left
        < plt.matplotlib.dates.date2num(pd.Timestamp("2014-11-01"))
        < plt.matplotlib.dates.date2num(pd.Timestamp("2019-01-31"))
        < right
    )
    top, bottom = ax.get_ylim()
    assert bottom < 1 < 4 < top  # first step on top
    assert source_line(fig) == "Fonte: fonte di prova"


def test_named_steps_and_shared_scales_and_one_unit_per_panel():
    import matplotlib.pyplot as plt
    import pandas as pd

    from quartieri_erp.presentation import charts

    steps = pd.DataFrame(
        {
            "step": [1, 2],
            "date": ["2015-01-10", "2016-05-01"],
            "description": ["Protocollo d'intesa tra Regione e Comune, con ALER", "Approvato l'AdP"],
        }
    )
    fig = charts.step_ladder(steps, source="s", names="description")
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["1. Protocollo d'intesa", "2. Approvato l'AdP"]
    plt.close(fig)
    money = pd.DataFrame(
        {"panel": ["Milano", "Milano", "Bollate"], "fund": ["FESR", "FSE", "FESR"], "amount": [52.7e6, 1.9e6, 7.3e6]}
    )
    fig = charts.panel_bars(money, "panel", "fund", "amount", source="s", value_text=str, shared_axis="Importo")
    assert len({ax.get_xlim() for ax in fig.axes}) == 1
    assert fig.axes[-1].get_xlabel() == "Importo" and fig.axes[-1].xaxis.get_visible()
    plt.close(fig)
