"""Small Italian wording helpers shared by the chapters: lists, articles before numbers and dates, dates at the
precision of their source, agreement of a noun with its count, and the references to the curated programme
data that the prose of chapters 0-2 and 5 cites (event dates, start of a card, discrepancy ids).

``with_article`` is the one place that knows Italian articles: every "il", "al", "dal", "del", "nel" written
before a number, a percentage or a date goes through it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from quartieri_erp.presentation.formatting import fmt_num, fmt_partial_date, round_half_up
from quartieri_erp.presentation.markup import Md, escape, visible


def join_it(items: Iterable[str]) -> str:
    """'A', 'A e B', 'A, B e C'."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} e {items[-1]}"


# --- Articles ------------------------------------------------------------------------------------------------

# The article or articulated preposition (named by its form before a consonant) -> its form before a consonant,
# before z / s + consonant / zero ('lo 0,8%'), and before a vowel sound ("l'8%", "dell'11 ottobre", 'gli 8').
ARTICLES = {
    "il": ("il ", "lo ", "l'"),
    "del": ("del ", "dello ", "dell'"),
    "al": ("al ", "allo ", "all'"),
    "dal": ("dal ", "dallo ", "dall'"),
    "nel": ("nel ", "nello ", "nell'"),
    "i": ("i ", "gli ", "gli "),
    "dei": ("dei ", "degli ", "degli "),
    "ai": ("ai ", "agli ", "agli "),
    "nei": ("nei ", "negli ", "negli "),
}
CONSONANT, LO, VOWEL = range(3)
VOWELS = "aeiou"


def _sound(label: str) -> int:
    """How the first word of ``label`` starts when read aloud. Numbers are read as words: 'otto', 'ottanta',
    'ottomila' (8...), 'uno' (1, 1,5 but not 1.000, 'mille'), 'undici' (11, 11.000) start with a vowel,
    'zero' takes 'lo'; '1º' (primo) starts with a consonant."""
    head = label.lstrip("[").split(" ", 1)[0].split("]", 1)[0].rstrip("%")  # '[63,1%]{.num …}': a number span
    if head[:1].isdigit():
        integer = head.split(",", 1)[0]
        if integer == "0":
            return LO
        if integer.startswith("8") or integer in ("1", "11") or integer.startswith("11."):
            return VOWEL
        return CONSONANT
    first, second = head[:1].lower(), head[1:2].lower()
    if first in VOWELS:
        return VOWEL
    if first == "z" or (first == "s" and second and second not in VOWELS):
        return LO
    return CONSONANT


def with_article(label: str, preposition: str = "il") -> str:
    """``label`` (a date, a number, a percentage) after an article or articulated preposition (``ARTICLES``), in
    the form its first sound requires: 'il 5 agosto 2020', "l'8 luglio 2020", "dell'11 ottobre 2011",
    "nell'ottobre 2017", 'il 64,7%', "l'80%", "all'1%", 'lo 0,8%', 'dello 0,5%'; plural: 'i 33', 'degli 8'."""
    if preposition not in ARTICLES:
        raise ValueError(f"unknown article or preposition {preposition!r}: one of {', '.join(ARTICLES)}")
    return f"{ARTICLES[preposition][_sound(label)]}{label}"


# --- Dates ---------------------------------------------------------------------------------------------------


def date_with(day, preposition: str | None = None, precision: str = "day", src=None) -> str:
    """A date at the precision its source gives ('day', 'month', 'year'), optionally after a preposition.

    'il' says when something happens: 'il 21 giugno 2019', "l'8 luglio 2020", 'a marzo 2021', 'ad aprile 2021',
    'nel 2021'; 'dal' says from when: "dall'1 aprile 2015", 'da marzo 2015', 'dal 2015'; 'del', 'al' and 'nel'
    join the article ('al 30 novembre 2020', "dell'aprile 2016", 'nel 2004'). See ``with_article``.
    With ``src`` (a ``provenance.Source``) the date is a number span that carries its kind.
    """
    label = fmt_partial_date(day, precision, src)
    if preposition is None:
        return label
    if precision == "month" and preposition == "il":
        return f"{'ad' if visible(label).startswith('a') else 'a'} {label}"
    if precision == "month" and preposition == "dal":
        return f"da {label}"
    if precision == "year" and preposition == "il":
        return f"nel {label}"
    return with_article(label, preposition)


def event_when(timeline: pd.DataFrame, event_id: str, preposition: str | None = None) -> str:
    """The date of a timeline event at the precision the source gives ('2004', 'marzo 2015', '1 marzo 2006'),
    optionally after a preposition (see ``date_with``)."""
    row = timeline.loc[timeline["event_id"] == event_id]
    if row.empty:
        raise KeyError(f"timeline.csv has no event {event_id!r}")
    return date_with(row["date"].iloc[0], preposition, row["date_precision"].iloc[0])


def discrepancy_ref(discrepancies: pd.DataFrame, *ids: str) -> str:
    """'D04' or 'D02 e D03', after checking that discrepancies.csv records each id."""
    missing = [i for i in ids if i not in set(discrepancies["discrepancy_id"])]
    if missing:
        raise KeyError(f"discrepancies.csv has no id {missing}")
    return join_it(ids)


DISCREPANCY_APPENDIX = "@sec-provenienza"  # the appendix that lists the discrepancies: 'Appendice D'


def discrepancy_cite(discrepancies: pd.DataFrame, *ids: str) -> Md:
    """How the text cites entries of the register: 'Appendice D, D29', 'Appendice D, D18 e D19' (a
    cross-reference to the provenance appendix, so the letter follows the book), after checking the ids exist."""
    return Md(f"{DISCREPANCY_APPENDIX}, {escape(discrepancy_ref(discrepancies, *ids))}")


@dataclass(frozen=True)
class ProseRefs:
    """What the prose of a chapter cites from the curated programme data, each checked to exist: the date of
    a timeline event (``when``, ``year``), the start of a case-study card (``start``), discrepancy ids (``see``)."""

    timeline: pd.DataFrame
    discrepancies: pd.DataFrame
    cards: pd.DataFrame | None = None  # case_studies.csv, for ``start``

    def when(self, event_id: str, preposition: str | None = None) -> str:
        """'1 marzo 2006', 'il 1 marzo 2006' ... (see ``event_when``)."""
        return event_when(self.timeline, event_id, preposition)

    def year(self, event_id: str) -> str:
        """The year of an event: '2004'."""
        return event_when(self.timeline, event_id).split(" ")[-1]

    def start(self, card_id: str, preposition: str | None = None) -> str:
        """The start of a card at its precision, optionally after a preposition (see ``date_with``)."""
        if self.cards is None:
            raise ValueError("ProseRefs has no case-study cards")
        card = self.cards.loc[self.cards["card_id"] == card_id]
        if card.empty:
            raise KeyError(f"case_studies.csv has no card {card_id!r}")
        return date_with(card["start_date"].iloc[0], preposition, card["start_precision"].iloc[0])

    def see(self, *ids: str) -> Md:
        """'Appendice D, D04' or 'Appendice D, D02 e D03' (see ``discrepancy_cite``)."""
        return discrepancy_cite(self.discrepancies, *ids)


# --- Agreement -----------------------------------------------------------------------------------------------

UNITS = {"hours": ("ora", "ore"), "months": ("mese", "mesi"), "years": ("anno", "anni"), "sqm": ("mq", "mq")}


def counted(n: float, singular: str, plural: str, decimals: int = 0) -> str:
    """A count with its noun in agreement: '1 laboratorio', '3 laboratori', '1,5 anni'."""
    return f"{fmt_num(n, decimals)} {singular if round_half_up(n, decimals) == 1 else plural}"


def quantity(value: float, unit: str, decimals: int = 0) -> str:
    """A value with its unit (``UNITS``) in agreement: '1 mese', '18 mesi', '2 anni', '6.570 mq'."""
    return counted(value, *UNITS[unit], decimals)


# --- Tense ---------------------------------------------------------------------------------------------------


def tense(day, as_of, *, fact: str, plan: str, overdue: str | None = None, planned: bool = False) -> str:
    """The verb phrase for a dated event seen from the data cut-off ``as_of``.

    An event after ``as_of`` is a plan (``plan``: 'partirà'); one on or before it is ``fact`` ('è partito'),
    unless the curated data say it was only ``planned`` and record no outcome: then ``overdue`` ('era previsto
    che partisse'), or ``fact`` when no such form is given. ``day`` and ``as_of`` are dates or ISO strings.
    """
    day = pd.Timestamp(day).date()
    as_of = pd.Timestamp(as_of).date()
    if day > as_of:
        return plan
    return overdue if planned and overdue is not None else fact
