"""Italian display labels of codes (data/reference/labels.csv) for the chapter modules."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..monitoring.reference import LABELS
from ..tables_io import read_table


def read_labels(reference_dir: Path) -> pd.DataFrame:
    """Every row of labels.csv (``variable, code, label_it, order``), validated."""
    return read_table(LABELS, Path(reference_dir))


def label_map(labels: pd.DataFrame, variable: str) -> dict[str, str]:
    """Code -> Italian label of one variable, in display order (KeyError if the variable has none)."""
    rows = labels[labels["variable"] == variable].sort_values("order")
    if rows.empty:
        raise KeyError(f"labels.csv has no rows for variable {variable!r}")
    return dict(zip(rows["code"], rows["label_it"]))
