"""Confidence intervals for shares: the Wilson score interval, vectorised."""

from __future__ import annotations

from statistics import NormalDist

import numpy as np
import pandas as pd


def wilson_interval(k, n, confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of the proportion ``k / n`` (arrays or scalars); NaN where ``n`` is 0."""
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    k = np.asarray(k, dtype=float)
    n = np.asarray(n, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        denominator = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denominator
        half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denominator
    low = np.where(k == 0, 0.0, np.clip(centre - half, 0, 1))  # exact bounds, free of rounding error
    high = np.where(k == n, 1.0, np.clip(centre + half, 0, 1))
    return np.where(n > 0, low, np.nan)[()], np.where(n > 0, high, np.nan)[()]  # scalars stay scalars


def add_confidence_intervals(table: pd.DataFrame, confidence: float = 0.95) -> pd.DataFrame:
    """``table`` (indicators) with ``ci_low``/``ci_high``: the Wilson interval of share rows, NaN elsewhere."""
    share = (table["unit"] == "share").to_numpy()
    k = table["numerator"].to_numpy(dtype=float, na_value=np.nan)
    n = table["denominator"].to_numpy(dtype=float, na_value=np.nan)
    low, high = wilson_interval(np.where(share, k, 0), np.where(share, n, 0), confidence)
    return table.assign(ci_low=low, ci_high=high)
