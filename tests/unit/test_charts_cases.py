"""The chart builders added for chapter 4: what they draw, in which order and with which labels."""

from __future__ import annotations

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from quartieri_erp.presentation import charts
from quartieri_erp.presentation.figure_style import PALETTE

VALUES = pd.DataFrame(
    {"voce": ["Destinatari indiretti", "Utenti attivi coinvolti", "Percorsi formativi attivati"], "n": [3500, 104, 34]}
)


@pytest.fixture()
def figure():
    fig = charts.value_bars(
        VALUES,
        "voce",
        "n",
        source="elaborazione su fonte di prova",
        xlabel="Numero",
        highlight="Utenti attivi coinvolti",
        note="Nota di prova sui dati mancanti.",
    )
    yield fig
    plt.close(fig)


def bars_top_down(ax):
    return sorted(ax.patches, key=lambda p: -p.get_y())


def test_one_bar_per_row_first_on_top_with_its_value(figure):
    ax = figure.axes[0]
    bars = bars_top_down(ax)
    assert [round(b.get_width()) for b in bars] == [3500, 104, 34]
    ticks = sorted(zip(ax.get_yticks(), (t.get_text() for t in ax.get_yticklabels())), reverse=True)
    assert [text for _, text in ticks] == list(VALUES["voce"])
    labels = sorted((t for t in ax.texts), key=lambda t: -t.get_position()[1])
    assert [t.get_text().strip() for t in labels] == ["3.500", "104", "34"]


def test_highlight_note_and_source_are_drawn(figure):
    ax = figure.axes[0]
    colours = [mcolors.to_hex(b.get_facecolor()) for b in bars_top_down(ax)]
    assert colours[1] == PALETTE[0].lower() and colours[0] == colours[2] != colours[1]
    assert ax.get_title(loc="left") == "Nota di prova sui dati mancanti."
    assert any(t.get_text() == "Fonte: elaborazione su fonte di prova" for t in figure.texts)
    assert ax.get_xlabel() == "Numero"


def test_without_highlight_every_bar_has_the_accent_colour():
    fig = charts.value_bars(VALUES, "voce", "n", source="s", xlabel="x")
    colours = {mcolors.to_hex(b.get_facecolor()) for b in fig.axes[0].patches}
    plt.close(fig)
    assert colours == {PALETTE[0].lower()}
