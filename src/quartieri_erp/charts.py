"""Chart builders: tidy DataFrames in, matplotlib figures out (style from figures.use_style)."""

from __future__ import annotations

import textwrap

import pandas as pd

from .figures import PALETTE, add_source, new_figure, number_axis, percent_axis
from .formatting import fmt_num, fmt_pct


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def event_timeline(events: pd.DataFrame, source: str, label_width: int = 60):
    """A vertical timeline: one entry per event (``date``, ``date_label``, ``label``, ``group``), oldest on top.

    Entries are spaced by the lines their wrapped label needs (readable at phone width).
    """
    events = events.sort_values("date", kind="stable").reset_index(drop=True)
    labels = [_wrap(text, label_width) for text in events["label"]]
    lines = [label.count("\n") + 1 for label in labels]
    tops = pd.Series(lines).cumsum().shift(fill_value=0) + pd.Series(lines) / 2
    groups = list(dict.fromkeys(events["group"]))
    colours = {g: PALETTE[i % len(PALETTE)] for i, g in enumerate(groups)}
    fig, ax = new_figure(height=0.2 * sum(lines) + 0.12 * len(events) + 0.9)
    y = -(tops + 0.35 * pd.Series(range(len(events))))
    ax.plot([0, 0], [y.min() - 0.6, y.max() + 0.6], color="#999999", lw=1, zorder=1)
    for row, label, (_, event) in zip(y, labels, events.iterrows()):
        ax.scatter(0, row, s=55, color=colours[event["group"]], zorder=2)
        ax.text(-0.04, row, event["date_label"], ha="right", va="center", fontsize=10, color="#333333")
        ax.text(0.04, row, label, ha="left", va="center", fontsize=10, linespacing=1.15)
    ax.set_xlim(-0.55, 1.6)
    ax.set_ylim(y.min() - 0.8, y.max() + 0.8)
    ax.axis("off")
    handles = [ax.scatter([], [], color=colours[g], label=g) for g in groups]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=min(2, len(groups)),
              frameon=False, fontsize=10)
    add_source(fig, source)
    return fig


def stacked_bars(counts: pd.DataFrame, category: str, stack: str, value: str, source: str,
                 xlabel: str, stack_order: list[str] | None = None):
    """Horizontal bars of ``value`` by ``category``, stacked by ``stack``; largest total on top."""
    wide = counts.pivot_table(index=category, columns=stack, values=value, aggfunc="sum", fill_value=0)
    if stack_order:
        wide = wide[[s for s in stack_order if s in wide.columns]]
    wide = wide.loc[wide.sum(axis=1).sort_values().index]
    fig, ax = new_figure(height=0.38 * len(wide) + 1.4)
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
    return fig


def share_bars(shares: pd.DataFrame, category: str, group: str, source: str,
               ci: bool = False, xlabel: str = "Quota"):
    """Grouped horizontal bars of shares (0-1) by ``category`` and ``group``, with optional 95% intervals.

    ``shares`` has columns ``category``, ``group``, ``value`` and, when ``ci``, ``ci_low``, ``ci_high``;
    categories and groups are drawn in the order they first appear.
    """
    categories = list(dict.fromkeys(shares[category]))
    groups = list(dict.fromkeys(shares[group]))
    height = 0.8 / len(groups)
    fig, ax = new_figure(height=0.5 * len(categories) * max(1, len(groups) / 2) + 1.4)
    for g_index, name in enumerate(groups):
        part = shares[shares[group] == name].set_index(category).reindex(categories)
        positions = [len(categories) - 1 - i + (len(groups) / 2 - g_index - 0.5) * height for i in range(len(categories))]
        ax.barh(positions, part["value"], height=height, color=PALETTE[g_index % len(PALETTE)], label=name)
        if ci:
            ax.errorbar(part["value"], positions, xerr=[part["value"] - part["ci_low"], part["ci_high"] - part["value"]],
                        fmt="none", ecolor="#333333", elinewidth=0.8, capsize=2)
        for pos, val in zip(positions, part["value"]):
            if pd.notna(val):
                ax.text(val, pos, f"  {fmt_pct(val, 0)}", va="center", fontsize=9)
    ax.set_yticks(range(len(categories))[::-1], labels=categories)
    percent_axis(ax, "x")
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    if len(groups) > 1:
        ax.legend(frameon=False, loc="lower right")
    add_source(fig, source)
    return fig
