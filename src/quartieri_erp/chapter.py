"""The first call of every chapter notebook: resolve the run parameters, set the figure style, show the run box."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .display import run_info
from .figures import use_style
from .monitoring.load import read_edition
from .monitoring.mapping import export_folder
from .paths import display_path, resolve


@dataclass(frozen=True)
class ChapterInputs:
    """The run parameters of a chapter, with absolute paths."""

    edition: str
    as_of: dt.date
    data_dir: Path
    programme_dir: Path
    reference_dir: Path
    suppression_threshold: int
    synthetic: bool


def open_chapter(edition: str, as_of: str, data_dir: str, programme_dir: str, reference_dir: str,
                 suppression_threshold: int = 5) -> ChapterInputs:
    """Resolve paths against the project, apply the figure style and show the run-information box."""
    inputs = ChapterInputs(
        edition=str(edition), as_of=dt.date.fromisoformat(str(as_of)),
        data_dir=resolve(data_dir), programme_dir=resolve(programme_dir), reference_dir=resolve(reference_dir),
        suppression_threshold=int(suppression_threshold),
        synthetic=bool(read_edition(resolve(data_dir)).get("synthetic", False)),
    )
    use_style()
    run_info(inputs.edition, inputs.as_of.isoformat(), display_path(export_folder(inputs.data_dir)), inputs.synthetic)
    return inputs
