"""Chart builders: tidy DataFrames in, matplotlib figures out (style from figures.use_style)."""

from __future__ import annotations

import re
from collections.abc import Mapping

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.dates import DateFormatter, YearLocator
from matplotlib.ticker import FuncFormatter, MaxNLocator

from quartieri_erp.presentation.figure_style import (
    PALETTE,
    WIDTH,
    add_source,
    attach_data,
    new_figure,
    number_axis,
    percent_axis,
    wrap,
)
from quartieri_erp.presentation.formatting import fmt_num, fmt_pct, fmt_share

NOTE_CHARS_PER_INCH = 10  # characters of a 10-pt note that fit in one inch


def add_watermark(fig, text: str) -> None:
    """Draw ``text`` (e.g. ``chapter.ILLUSTRATIVE``) across the figure, visible in the HTML and the PDF."""
    if text:
        fig.text(
            0.5,
            0.5,
            text,
            ha="center",
            va="center",
            fontsize=18,
            color="#B00020",
            alpha=0.35,
            rotation=20,
            weight="bold",
            zorder=10,
        )


def stacked_bars(
    counts: pd.DataFrame,
    category: str,
    stack: str,
    value: str,
    source: str,
    xlabel: str,
    stack_order: list[str] | None = None,
    label_width: int = 22,
):
    """Horizontal bars of ``value`` by ``category``, stacked by ``stack``; largest total on top."""
    wide = counts.pivot_table(index=category, columns=stack, values=value, aggfunc="sum", fill_value=0)
    if stack_order:
        wide = wide[[s for s in stack_order if s in wide.columns]]
    wide = wide.loc[wide.sum(axis=1).sort_values().index]
    wide.index = [wrap(name, label_width) for name in wide.index]
    fig, ax = new_figure(height=0.42 * len(wide) + 1.4)
    left = pd.Series(0.0, index=wide.index)
    for i, column in enumerate(wide.columns):
        ax.barh(wide.index, wide[column], left=left, color=PALETTE[i % len(PALETTE)], label=column)
        left += wide[column]
    for name, total in left.items():
        ax.text(total, name, f" {fmt_num(total)}", va="center", fontsize=10)
    ax.set_xlabel(xlabel)
    number_axis(ax, "x")
    ax.grid(axis="y", visible=False)
    ax.legend(frameon=False, loc="lower right")
    add_source(fig, source)
    return attach_data(fig, counts)


def value_bars(
    values: pd.DataFrame,
    category: str,
    value: str,
    source: str,
    xlabel: str,
    highlight: str | None = None,
    note: str | None = None,
    label_width: int = 28,
    value_text=fmt_num,
    colours: Mapping[str, str] | None = None,
    texts: list[str] | None = None,
    watermark: str = "",
):
    """Horizontal bars, one per row of ``values`` in the given order (first on top), each labelled with
    ``value_text(value)``.

    Colours: ``colours`` maps a category to its colour; otherwise, with ``highlight`` that category is
    drawn in the accent colour and the others in grey, and without it every bar has the accent colour.
    ``note`` is a wrapped line of text above the plot (e.g. what the data cannot show). ``texts`` gives the
    label of each bar instead of ``value_text``; ``watermark`` is drawn across the figure (``add_watermark``).
    """
    names = list(values[category])
    numbers = [float(v) for v in values[value]]
    positions = list(range(len(names)))[::-1]
    if colours is None:
        colours = {name: PALETTE[0] if highlight in (None, name) else "#A0A7AE" for name in names}
    note = wrap(note, int(0.7 * WIDTH * NOTE_CHARS_PER_INCH)) if note else None  # it starts where the axes do
    fig, ax = new_figure(height=0.55 * len(names) + 1.3 + (0.22 * len(note.splitlines()) if note else 0))
    ax.barh(positions, numbers, height=0.7, color=[colours[name] for name in names])
    labels = texts if texts is not None else [value_text(number) for number in numbers]
    for pos, number, label in zip(positions, numbers, labels):
        ax.text(number, pos, f" {label}", va="center", fontsize=10)
    ax.set_yticks(positions, labels=[wrap(name, label_width) for name in names])
    ax.set_xlim(0, max(numbers, default=1.0) * 1.2)  # an empty frame (nothing to show) draws an empty axis
    ax.set_xlabel(xlabel)
    number_axis(ax, "x")
    ax.grid(axis="y", visible=False)
    if note:
        ax.set_title(note, loc="left", fontsize=10, color="#333333", pad=10)
    fig.tight_layout()  # keeps the axis label inside the figure, above the source line
    add_source(fig, source)
    add_watermark(fig, watermark)
    return attach_data(fig, values)


def phase_timeline(events: pd.DataFrame, source: str, width: float = WIDTH, label_width: int = 32):
    """A vertical timeline in blocks: a heading per phase, then its events, oldest first.

    ``events`` has ``date``, ``date_label``, ``label`` and ``phase`` (display text). Phases follow the
    date of their first event; a phase is named where its block starts, so no legend is needed and
    the figure stays readable at phone width.
    """
    events = events.sort_values("date", kind="stable")
    phases = list(dict.fromkeys(events["phase"]))
    colours = {p: PALETTE[i % len(PALETTE)] for i, p in enumerate(phases)}
    rows, y = [], 0.0
    for phase in phases:
        rows.append((y, phase, None, None))
        y += 1.6
        for _, event in events[events["phase"] == phase].iterrows():
            label = wrap(event["label"], label_width)
            rows.append((y, phase, event["date_label"], label))
            y += label.count("\n") * 1.02 + 1.5
        y += 0.4
    fig, ax = new_figure(height=0.19 * y + 0.2)
    fig.set_size_inches(width, 0.19 * y + 0.2)
    fig.subplots_adjust(left=0, right=1, bottom=0, top=1)
    ax.set_xlim(0, 1)
    ax.set_ylim(y, -0.4)
    ax.axis("off")
    axis_x = 0.33
    for top, phase, date_label, label in rows:
        if label is None:
            ax.scatter(0.012, top + 0.5, marker="s", s=70, color=colours[phase])
            ax.text(0.04, top + 0.5, phase, ha="left", va="center", fontsize=11.5, fontweight="bold")
            continue
        ax.plot([axis_x, axis_x], [top - 0.6, top + 1.3 + label.count("\n") * 1.02], color="#cccccc", lw=1.2, zorder=1)
        ax.scatter(axis_x, top + 0.5, s=45, color=colours[phase], zorder=2)
        ax.text(axis_x - 0.03, top, date_label, ha="right", va="top", fontsize=10.5, color="#444444")
        ax.text(axis_x + 0.03, top, label, ha="left", va="top", fontsize=11, linespacing=1.2)
    add_source(fig, source)
    return attach_data(fig, events)


def panel_bars(
    frame: pd.DataFrame,
    panel: str,
    category: str,
    value: str,
    source: str,
    value_text,
    width: float = WIDTH,
    label_width: int = 18,
    shared_axis: str | None = None,
    tick_text=None,
):
    """One panel of horizontal bars per ``panel`` value (stacked vertically).

    Bars are sorted within a panel, largest on top; a category keeps its colour in every panel and
    ``value_text(v)`` writes the label at the end of each bar. Panels of different units each have their own
    scale (named by the panel's title); with ``shared_axis`` (the axis label) the panels compare amounts on
    one scale, drawn under the last panel with ``tick_text(v)`` as tick labels.
    """
    panels = list(dict.fromkeys(frame[panel]))
    categories = list(dict.fromkeys(frame[category]))
    colours = {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(categories)}
    sizes = [int((frame[panel] == p).sum()) for p in panels]
    fig, axes = plt.subplots(
        len(panels),
        1,
        figsize=(width, 0.5 * sum(sizes) + 1.0 * len(panels) + 0.4),
        gridspec_kw={"height_ratios": sizes},
        squeeze=False,
    )
    for ax, name in zip(axes[:, 0], panels):
        part = frame[frame[panel] == name].sort_values(value, kind="stable")
        labels = [wrap(c, label_width) for c in part[category]]
        ax.barh(labels, part[value], color=[colours[c] for c in part[category]])
        for label, amount in zip(labels, part[value]):
            ax.text(amount, label, f" {value_text(amount)}", va="center", fontsize=10.5)
        ax.set_xlim(0, (frame[value].max() if shared_axis else part[value].max()) * 1.35)
        ax.set_title(wrap(name, int(width * 7.5)), loc="left", fontsize=12, fontweight="bold")
        ax.xaxis.set_visible(bool(shared_axis) and ax is axes[-1, 0])
        ax.spines["bottom"].set_visible(bool(shared_axis) and ax is axes[-1, 0])
        ax.grid(False)
        if shared_axis:
            ax.grid(axis="x", visible=True, color="#e5e5e5")
    if shared_axis:
        last = axes[-1, 0]
        last.set_xlabel(shared_axis)
        last.xaxis.set_major_locator(MaxNLocator(nbins=4))
        if tick_text is not None:
            last.xaxis.set_major_formatter(FuncFormatter(lambda v, _: tick_text(v)))
    fig.tight_layout(h_pad=1.2)
    add_source(fig, source)
    return attach_data(fig, frame)


def step_ladder(
    steps: pd.DataFrame,
    source: str,
    date: str = "date",
    span: tuple | None = None,
    highlight: str | None = None,
    width: float = WIDTH,
    legend_title: str = "",
    ylabel: str = "Passaggi",
    markers: pd.DataFrame | None = None,
    names: str | None = None,
    name_chars: int = 30,
):
    """Numbered procedural steps on a time axis: one row per step (first on top), a dot at its date.

    ``steps`` has ``step`` and the ``date`` column; rows with a value in ``highlight`` get a coloured marker and a
    legend entry (e.g. the fund a step activates). ``span`` = (first, last) date fixes the axis, so
    that two procedures can be drawn on the same scale. ``markers`` (``date``, ``label``) are later
    events drawn as labelled vertical lines (e.g. when the services start).
    """
    steps = steps.sort_values("step").reset_index(drop=True)
    steps = steps.assign(date=pd.to_datetime(steps[date]))
    fig, ax = plt.subplots(figsize=(width, 0.27 * len(steps) + 1.5))
    start = pd.Timestamp(span[0]) if span else steps["date"].min()
    end = pd.Timestamp(span[1]) if span else steps["date"].max()
    ax.hlines(steps["step"], start, steps["date"], color="#dddddd", lw=1, zorder=1)
    ax.plot(steps["date"], steps["step"], color="#999999", lw=0.8, zorder=1)
    ax.scatter(steps["date"], steps["step"], s=28, color="#555555", zorder=2)
    if highlight:
        marked = steps[steps[highlight].notna()]
        for i, name in enumerate(dict.fromkeys(marked[highlight])):
            part = marked[marked[highlight] == name]
            ax.scatter(
                part["date"], part["step"], s=80, marker="D", color=PALETTE[i % len(PALETTE)], zorder=3, label=name
            )
        if len(marked):
            ax.legend(frameon=False, loc="lower left", title=legend_title or None, fontsize=10, title_fontsize=10)
    if names is None:
        for _, row in steps.iterrows():
            ax.text(row["date"] + (end - start) / 55, row["step"], str(row["step"]), va="center", fontsize=10)
    if markers is not None:
        for when, label in zip(pd.to_datetime(markers["date"]), markers["label"]):
            ax.axvline(when, color=PALETTE[2], lw=1.5, ls="--", zorder=1)
            ax.text(
                when - pd.Timedelta(days=20),
                steps["step"].min() - 0.5,
                wrap(label, 16),
                ha="right",
                va="top",
                fontsize=10,
                color="#1f5f4a",
                linespacing=1.15,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5},
            )
    ax.set_xlim(start - pd.Timedelta(days=45), end + pd.Timedelta(days=110))
    ax.set_ylim(steps["step"].max() + 0.7, steps["step"].min() - 0.7)
    if names is None:
        ax.set_yticks([])
    else:  # each step named at the left: its number (as in the table) and the start of its description
        ax.set_yticks(
            steps["step"],
            labels=[f"{n}. {short_name(t, name_chars)}" for n, t in zip(steps["step"], steps[names])],
            fontsize=10,
        )
        ax.tick_params(axis="y", length=0)
    ax.set_ylabel(ylabel)
    ax.xaxis.set_major_locator(YearLocator(2 if names is not None else 1))  # named steps leave a narrower axis
    ax.xaxis.set_major_formatter(DateFormatter("%Y"))
    ax.grid(axis="y", visible=False)
    fig.tight_layout()
    add_source(fig, source)
    return attach_data(fig, steps)


def short_name(text: str, chars: int = 30) -> str:
    """The start of a description, cut at a word boundary after at most ``chars`` characters ("…" if cut)."""
    text = " ".join(str(text).split())
    first = re.split(r"[,:;(]| per | con | tra ", text, maxsplit=1)[0].strip()
    if len(first) <= chars:
        return first
    cut = first[:chars].rsplit(" ", 1)[0].rstrip(" '-–")
    return cut + "…"


# --- Builders of chapter 3 (shares with confidence intervals, group means) ----------------------------


def one_precision(shares: pd.Series, decimals: int = 0) -> int:
    """The number of decimals with which every share of a figure is labelled: the most that
    ``formatting.fmt_share`` needs for any of them (so 49,8% is never printed beside 25%)."""
    needed = [len(fmt_share(v, decimals).rstrip("%").partition(",")[2]) for v in shares.dropna()]
    return max([decimals, *needed])


def interval_bars(
    shares: pd.DataFrame,
    category: str,
    group: str,
    source: str,
    colours: dict[str, str] | None = None,
    mark: str = "",
    xlabel: str = "Quota del gruppo",
    decimals: int = 0,
    width: float = WIDTH,
    label_width: int = 18,
    watermark: str = "",
):
    """Grouped horizontal bars of shares (0-1) with their confidence intervals, one block per category.

    ``shares`` has the ``category`` and ``group`` columns, ``value``, ``ci_low``, ``ci_high`` and optionally
    ``hidden``; categories and groups are drawn in the order they first appear (first on top). Each bar is
    labelled with its percentage (``formatting.fmt_share``: ``decimals`` decimals, more where fewer would print a
    false 0%, 50% or 100%, as in the text) just right of its interval; a hidden row (disclosure
    control) gets no bar and no interval, only ``mark``. ``colours`` maps a group to its colour (default: the
    palette in order). An optional ``decimals`` column gives a row's label precision (a published value shown
    as printed: '50%'); a NaN interval draws no whisker; ``watermark`` is drawn across the figure.
    """
    categories = list(dict.fromkeys(shares[category]))
    groups = list(dict.fromkeys(shares[group]))
    colours = colours or {g: PALETTE[i % len(PALETTE)] for i, g in enumerate(groups)}
    hidden = shares["hidden"].astype(bool) if "hidden" in shares else pd.Series(False, index=shares.index)
    frame = shares.assign(_hidden=hidden)
    step, gap = 1.0, 0.7
    block = len(groups) * step + gap
    fig, ax = plt.subplots(figsize=(width, 0.26 * len(categories) * block + 1.3))
    visible = frame.loc[~hidden, ["value", "ci_high"]].max().max()
    right = float(visible) if pd.notna(visible) else 1.0
    pad = 0.015 * max(right, 0.1)
    shown_at: dict[str, list[float]] = {c: [] for c in categories}  # y of the rows drawn in each category
    printed = frame["decimals"].notna() if "decimals" in frame else pd.Series(False, index=frame.index)
    places = one_precision(frame.loc[~hidden & ~printed, "value"], decimals)  # published values keep theirs
    for j, name in enumerate(groups):
        part = frame[frame[group] == name].set_index(category).reindex(categories)
        masked = part["_hidden"].eq(True)
        drawn = part["value"].notna() & ~masked
        ys = pd.Series([-(i * block + j * step) for i in range(len(categories))], index=part.index)
        for key in part.index[drawn | masked]:
            shown_at[key].append(ys[key])
        values, low, high = part["value"][drawn], part["ci_low"][drawn], part["ci_high"][drawn]
        ax.barh(ys[drawn], values, height=0.85 * step, color=colours[name], label=name)
        whisker = low.notna() & high.notna()
        if whisker.any():
            ax.errorbar(
                values[whisker],
                ys[drawn][whisker],
                xerr=[(values - low)[whisker], (high - values)[whisker]],
                fmt="none",
                ecolor="#333333",
                elinewidth=0.9,
                capsize=2.5,
            )
        for key in part.index[drawn]:
            end = high[key] if pd.notna(high[key]) else values[key]
            row_places = part["decimals"][key] if "decimals" in part else float("nan")  # published precision
            text = fmt_pct(values[key], int(row_places) if pd.notna(row_places) else places)
            ax.text(
                end + pad,
                ys[key],
                text,
                va="center",
                fontsize=10,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5, "alpha": 0.85},
            )
        for key in part.index[masked]:  # a 'mark' column gives each hidden bar its own mark ('<5', 'n.d.')
            shown = part["mark"][key] if "mark" in part and part["mark"][key] else mark
            ax.text(pad, ys[key], shown, va="center", fontsize=10, color="#555555")
    centres = [
        sum(shown_at[c]) / len(shown_at[c]) if shown_at[c] else -(i * block + (len(groups) - 1) * step / 2)
        for i, c in enumerate(categories)
    ]  # a label faces its bars, also when some groups are missing
    ax.set_yticks(centres, labels=[wrap(c, label_width) for c in categories])
    ax.set_ylim(-(len(categories) - 1) * block - (len(groups) - 1) * step - 0.5 - gap / 2, 0.5 + gap / 2)
    limit = min(1.15, right * 1.2 + 0.03)
    ax.set_xlim(0, limit)
    percent_axis(ax, "x")
    ax.set_xticks([t for t in ax.get_xticks() if 0 <= t <= min(1.0, limit)])
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    if len(groups) > 1:
        names = sum(len(str(g)) for g in groups)  # one row of legend only when it fits above the axes
        ax.legend(
            frameon=False,
            loc="lower left",
            bbox_to_anchor=(0, 1.0),
            ncol=len(groups) if names <= 30 else min(2, len(groups)),
            fontsize=10,
            handlelength=1.2,
            columnspacing=1.0,
            borderaxespad=0.3,
        )
    fig.tight_layout()
    add_source(fig, source)
    add_watermark(fig, watermark)
    return attach_data(fig, shares, hidden)
