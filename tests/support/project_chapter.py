"""A chapter object (``presentation.context.Chapter``) on the project's data, for tests of chapter modules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from quartieri_erp.presentation.context import Chapter

ROOT = Path(__file__).resolve().parents[2]


def chapter(
    as_of: str = "2020-11-30",
    programme_dir: Path = ROOT / "data" / "programme",
    reference_dir: Path = ROOT / "data" / "reference",
    data_dir: Path = ROOT / "data" / "synthetic",
    illustrative: bool = False,
    synthetic: bool = True,
) -> Chapter:
    """The chapter object a notebook would get, without the run box and figure style of ``open_chapter``."""
    return Chapter(
        edition="2021",
        as_of=dt.date.fromisoformat(as_of),
        data_dir=Path(data_dir),
        programme_dir=Path(programme_dir),
        reference_dir=Path(reference_dir),
        suppression_threshold=5,
        illustrative=illustrative,
        synthetic=synthetic,
    )
