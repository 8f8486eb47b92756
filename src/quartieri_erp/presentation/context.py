"""The first call of every chapter notebook: resolve the run parameters, set the figure style, show the run box."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from quartieri_erp.inputs.monitoring.load import read_edition
from quartieri_erp.inputs.monitoring.mapping import export_folder
from quartieri_erp.paths import display_path, resolve
from quartieri_erp.presentation.display import run_info
from quartieri_erp.presentation.figure_style import use_style


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
    illustrative: bool = False

    @property
    def findings(self) -> bool:
        """True when monitoring results beyond the published values may be shown: real data, or synthetic data
        with ``illustrative`` on (then every such table and figure carries ``ILLUSTRATIVE``)."""
        return not self.synthetic or self.illustrative

    @property
    def marked(self) -> bool:
        """True when monitoring results shown are synthetic and must carry the ``ILLUSTRATIVE`` mark."""
        return self.synthetic and self.illustrative


ILLUSTRATIVE = "ILLUSTRATIVO — dati sintetici"


def open_chapter(
    edition: str,
    as_of: str,
    data_dir: str,
    programme_dir: str,
    reference_dir: str,
    suppression_threshold: int = 5,
    illustrative: bool = False,
    monitoring: bool = False,
) -> ChapterInputs:
    """Resolve paths against the project, apply the figure style and show the run-information box.

    ``monitoring`` says whether the chapter shows numbers computed from the monitoring data: only such
    chapters carry the synthetic-data banner of a synthetic edition.
    """
    inputs = ChapterInputs(
        edition=str(edition),
        as_of=dt.date.fromisoformat(str(as_of)),
        data_dir=resolve(data_dir),
        programme_dir=resolve(programme_dir),
        reference_dir=resolve(reference_dir),
        suppression_threshold=int(suppression_threshold),
        synthetic=bool(read_edition(resolve(data_dir)).get("synthetic", False)),
        illustrative=bool(illustrative),
    )
    use_style()
    run_info(
        inputs.edition,
        inputs.as_of.isoformat(),
        display_path(export_folder(inputs.data_dir)),
        inputs.synthetic and monitoring,
        inputs.illustrative,
    )
    return inputs
