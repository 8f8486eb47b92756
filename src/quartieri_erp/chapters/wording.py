"""Small Italian wording helpers shared by the chapter modules: lists, event dates, discrepancy ids."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..formatting import fmt_partial_date


def join_it(items: Iterable[str]) -> str:
    """'A', 'A e B', 'A, B e C'."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} e {items[-1]}"


ELIDED = {"il": "l'", "del": "dell'", "al": "all'", "dal": "dall'", "nel": "nell'"}


def with_article(label: str, preposition: str) -> str:
    """A date label after 'il', 'del', 'al', 'dal' or 'nel', elided before a vowel sound:
    'il 5 agosto 2020', "l'8 luglio 2020", "dell'11 ottobre 2011", "nell'ottobre 2017"."""
    if preposition not in ELIDED:
        raise ValueError(f"unknown preposition {preposition!r}")
    head = label.split(" ", 1)[0]
    vowel_sound = head[:1].lower() in "aeiou" or head in ("1", "8", "11")
    return f"{ELIDED[preposition]}{label}" if vowel_sound else f"{preposition} {label}"


def event_when(timeline: pd.DataFrame, event_id: str, preposition: str | None = None) -> str:
    """The date of a timeline event at the precision the source gives ('2004', 'marzo 2015', '1 marzo 2006'),
    optionally preceded by an article or articulated preposition (see ``with_article``)."""
    row = timeline.loc[timeline["event_id"] == event_id]
    if row.empty:
        raise KeyError(f"timeline.csv has no event {event_id!r}")
    label = fmt_partial_date(row["date"].iloc[0], row["date_precision"].iloc[0])
    return with_article(label, preposition) if preposition else label


def discrepancy_ref(discrepancies: pd.DataFrame, *ids: str) -> str:
    """'D04' or 'D02 e D03', after checking that discrepancies.csv records each id."""
    missing = [i for i in ids if i not in set(discrepancies["discrepancy_id"])]
    if missing:
        raise KeyError(f"discrepancies.csv has no id {missing}")
    return join_it(ids)
