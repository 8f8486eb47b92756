"""Write the indicators of a monitoring data folder as a CSV file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from quartieri_erp.indicators.core import compute_indicators
from quartieri_erp.indicators.intervals import add_confidence_intervals
from quartieri_erp.inputs.monitoring import Monitoring, load_monitoring


def indicator_table(monitoring: Monitoring) -> pd.DataFrame:
    """The long indicator table of chapter 3, with Wilson intervals on the shares."""
    return add_confidence_intervals(compute_indicators(monitoring))


def save_indicators(table: pd.DataFrame, out: Path) -> None:
    """Write the long indicator table as CSV (stable float format, Unix line ends)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(out, index=False, float_format="%.10g", lineterminator="\n")


def write_indicators(
    data_dir: Path, out: Path, reference_dir: Path, as_of: dt.date | None = None, mapping: Path | None = None
) -> None:
    """Load and validate ``data_dir`` (dates up to ``as_of``), compute the indicator table, write ``out``.

    Only the table: no group tests, so that a large export is counted as fast as it can be read. An
    evaluator's own export is first mapped onto the contract (``mapping``, or mapping.yml in the folder).
    """
    from quartieri_erp.inputs.monitoring.mapping import mapped_data_dir

    data_dir = mapped_data_dir(Path(data_dir), mapping, reference_dir)
    save_indicators(indicator_table(load_monitoring(data_dir, reference_dir, as_of=as_of)), out)
