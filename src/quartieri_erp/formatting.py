"""Italian number, money and date formats for everything a reader sees.

Rounding is half-up (as in the published report), never banker's rounding.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal

MONTHS = (
    "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
    "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
)
NBSP = "\u00a0"


def _missing(value) -> bool:
    return value is None or math.isnan(value)


def round_half_up(value: float, decimals: int = 0) -> float:
    """``value`` rounded half-up, as the published report prints (12.5 -> 13, 0.125 -> 0.13, never banker's
    rounding); None and NaN give NaN."""
    if _missing(value):
        return math.nan
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))


def fmt_num(value: float, decimals: int = 0) -> str:
    """1234.5 -> '1.234,5' (thousands '.', decimals ',')."""
    if _missing(value):
        return "–"
    rounded = round_half_up(value, decimals)
    sign = "-" if rounded < 0 else ""
    integer, _, fraction = f"{abs(rounded):.{decimals}f}".partition(".")
    groups = f"{int(integer):,}".replace(",", ".")
    return f"{sign}{groups},{fraction}" if decimals > 0 else f"{sign}{groups}"


def fmt_int(value: float) -> str:
    """830 -> '830'; 12345 -> '12.345'."""
    return fmt_num(value, 0)


def fmt_pct(share: float, decimals: int = 1) -> str:
    """A proportion as a percentage: 0.6313 -> '63,1%'."""
    if _missing(share):
        return "–"
    return f"{fmt_num(share * 100, decimals)}%"


EDGES = (0, 50, 100)  # percentages a reader takes literally: none, half, all


def _misleading(share: float, decimals: int) -> bool:
    """True when the rounded percentage would read as 0%, 50% or 100% while the share is not exactly that."""
    shown = round_half_up(share * 100, decimals)
    return any(shown == edge and share * 100 != edge for edge in EDGES)


def fmt_share(share: float, decimals: int = 0) -> str:
    """A share as a percentage with ``decimals`` decimals, or more when fewer would print a false 0%, 50%
    or 100% (0.004 -> '0,4%', 0.5004 -> '50,04%', 0.998 -> '99,8%'): the format of shares in text and charts."""
    if _missing(share):
        return "–"
    for places in range(decimals, 4):
        if not _misleading(share, places):
            return fmt_pct(share, places)
    return fmt_pct(share, 3)


def fmt_eur(amount: float, decimals: int = 2) -> str:
    """7827051.51 -> '7.827.051,51 €'."""
    return f"{fmt_num(amount, decimals)}{NBSP}€"


def fmt_eur_millions(amount: float, decimals: int = 1, short: bool = False) -> str:
    """52_700_000 -> '52,7 milioni di euro'; ``short`` (bar labels, titles): '52,7 mln €'."""
    return f"{fmt_num(amount / 1e6, decimals)} {'mln €' if short else 'milioni di euro'}"


def fmt_date(day: dt.date | str) -> str:
    """2020-11-30 -> '30 novembre 2020'."""
    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def fmt_month(day: dt.date | str) -> str:
    """2020-11-30 -> 'novembre 2020'."""
    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    return f"{MONTHS[day.month - 1]} {day.year}"


def fmt_partial_date(day: dt.date | str, precision: str) -> str:
    """A date known to the day, the month or the year: '21 novembre 2014', 'marzo 2015', '1998'."""
    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return fmt_month(day)
    return fmt_date(day)
