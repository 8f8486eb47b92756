"""An evaluator's own export mapped onto the monitoring data contract (placeholder, filled in below)."""

from __future__ import annotations

from pathlib import Path


def mapped_data_dir(data_dir: Path, mapping: Path | None = None) -> Path:
    return data_dir
