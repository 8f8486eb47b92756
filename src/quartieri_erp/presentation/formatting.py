"""Italian number, money and date formats for everything a reader sees.

Rounding is half-up (as in the published report), never banker's rounding. A value that carries its
provenance (``quartieri_erp.presentation.provenance.Sourced``), or any value given ``src=``, is returned as a Markdown span
that carries its kind and source into the HTML (``quartieri_erp.presentation.markup.number``); a plain value gives plain text
(charts, alt text, CSV).
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal

from quartieri_erp.presentation.markup import number
from quartieri_erp.presentation.provenance import Source, source_of

MONTHS = (
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
)
NBSP = "\u00a0"


def _missing(value) -> bool:
    return value is None or math.isnan(value)


def _with_source(text: str, value, src: Source | None) -> str:
    """``text`` as a provenance span when ``value`` carries a source or ``src`` is given."""
    return number(text, src or source_of(value))


def round_half_up(value: float, decimals: int = 0) -> float:
    """``value`` rounded half-up, as the published report prints (12.5 -> 13, 0.125 -> 0.13, never banker's
    rounding); None and NaN give NaN."""
    if _missing(value):
        return math.nan
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))


def fmt_num(value: float, decimals: int = 0, src: Source | None = None) -> str:
    """1234.5 -> '1.234,5' (thousands '.', decimals ',')."""
    return _with_source(_num(value, decimals), value, src)


def _num(value: float, decimals: int) -> str:
    if _missing(value):
        return "–"
    rounded = round_half_up(value, decimals)
    sign = "-" if rounded < 0 else ""
    integer, _, fraction = f"{abs(rounded):.{decimals}f}".partition(".")
    groups = f"{int(integer):,}".replace(",", ".")
    return f"{sign}{groups},{fraction}" if decimals > 0 else f"{sign}{groups}"


def fmt_int(value: float, src: Source | None = None) -> str:
    """830 -> '830'; 12345 -> '12.345'."""
    return fmt_num(value, 0, src)


def fmt_pct(share: float, decimals: int = 1, src: Source | None = None) -> str:
    """A proportion as a percentage: 0.6313 -> '63,1%'."""
    return _with_source(_pct(share, decimals), share, src)


def _pct(share: float, decimals: int) -> str:
    return "–" if _missing(share) else f"{_num(float(share) * 100, decimals)}%"


EDGES = (0, 50, 100)  # percentages a reader takes literally: none, half, all


def _misleading(share: float, decimals: int) -> bool:
    """True when the rounded percentage would read as 0%, 50% or 100% while the share is not exactly that."""
    shown = round_half_up(share * 100, decimals)
    return any(shown == edge and share * 100 != edge for edge in EDGES)


def fmt_share(share: float, decimals: int = 0, src: Source | None = None) -> str:
    """A share as a percentage with ``decimals`` decimals, or more when fewer would print a false 0%, 50%
    or 100% (0.004 -> '0,4%', 0.5004 -> '50,04%', 0.998 -> '99,8%'): the format of shares in text and charts."""
    places = next((p for p in range(decimals, 4) if _missing(share) or not _misleading(share, p)), 3)
    return fmt_pct(share, places, src)


def fmt_eur(amount: float, decimals: int = 2, src: Source | None = None) -> str:
    """7827051.51 -> '7.827.051,51 €'."""
    return _with_source(f"{_num(amount, decimals)}{NBSP}€", amount, src)


def fmt_eur_millions(amount: float, decimals: int = 1, short: bool = False, src: Source | None = None) -> str:
    """52_700_000 -> '52,7 milioni di euro'; ``short`` (bar labels, titles): '52,7 mln €'."""
    text = f"{_num(float(amount) / 1e6, decimals)} {'mln €' if short else 'milioni di euro'}"
    return _with_source(text, amount, src)


def fmt_date(day: dt.date | str, src: Source | None = None) -> str:
    """2020-11-30 -> '30 novembre 2020'."""
    return fmt_partial_date(day, "day", src)


def fmt_month(day: dt.date | str, src: Source | None = None) -> str:
    """2020-11-30 -> 'novembre 2020'."""
    return fmt_partial_date(day, "month", src)


def fmt_partial_date(day: dt.date | str, precision: str, src: Source | None = None) -> str:
    """A date known to the day, the month or the year: '21 novembre 2014', '1º aprile 2015' (the first of the
    month is an ordinal, as Italian writes it), 'marzo 2015', '1998'."""
    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    if precision == "year":
        text = str(day.year)
    elif precision == "month":
        text = f"{MONTHS[day.month - 1]} {day.year}"
    else:
        text = f"{'1º' if day.day == 1 else day.day} {MONTHS[day.month - 1]} {day.year}"
    return number(text, src)
