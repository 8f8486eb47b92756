"""Statistical disclosure control for tables broken down below the sub-project level.

A count below the threshold (but above zero) is suppressed; when a row then has exactly one suppressed
cell, its smallest other non-zero cell is suppressed too, so that the hidden value cannot be recovered by
subtracting the others from the row total. Shares computed on suppressed counts are hidden with them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .formatting import fmt_int

NOTE = ("I valori inferiori a {threshold} sono oscurati ({mark}), insieme a quelli che permetterebbero "
        "di ricostruirli, per tutelare la riservatezza dei partecipanti.")


def suppression_mask(counts: pd.DataFrame, threshold: int) -> pd.DataFrame:
    """True where a cell of ``counts`` (rows × categories) must not be shown."""
    values = counts.to_numpy(dtype=float, na_value=np.nan)
    mask = (values > 0) & (values < threshold)
    candidates = np.where((values > 0) & ~mask, values, np.inf)
    rows = np.flatnonzero((mask.sum(axis=1) == 1) & np.isfinite(candidates).any(axis=1))
    if rows.size:
        mask[rows, candidates[rows].argmin(axis=1)] = True  # the first smallest, as idxmin
    return pd.DataFrame(mask, index=counts.index, columns=counts.columns)


def mark(threshold: int) -> str:
    """The visible mark of a suppressed cell, e.g. '<5'."""
    return f"<{threshold}"


def note(threshold: int) -> str:
    """The sentence explaining the mark, for the notes under a table."""
    return NOTE.format(threshold=fmt_int(threshold), mark=mark(threshold))
