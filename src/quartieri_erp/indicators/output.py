"""Write the indicators of a monitoring data folder as a CSV file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..monitoring import load_monitoring
from .core import compute_indicators
from .intervals import add_confidence_intervals


def save_indicators(table: pd.DataFrame, out: Path) -> None:
    """Write the long indicator table as CSV (stable float format, Unix line ends)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(out, index=False, float_format="%.10g", lineterminator="\n")


def write_indicators(data_dir: Path, out: Path, reference_dir: Path) -> None:
    """Load and validate ``data_dir``, compute the chapter-3 indicators with Wilson intervals, write ``out``."""
    save_indicators(add_confidence_intervals(compute_indicators(load_monitoring(data_dir, reference_dir))), out)
