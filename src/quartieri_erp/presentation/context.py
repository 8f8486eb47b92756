"""The chapter object: the first call of every chapter notebook, and the one way a chapter reads its inputs.

``open_chapter(globals())`` takes the run parameters from the notebook's ``parameters`` cell (the names are
declared once, in ``params.NOTEBOOK_PARAMETERS``), sets the figure style and shows the run box. The chapter
then reads every input by name: ``ch.table("projects")``, ``ch.fact(key)``, ``ch.labels()``, ``ch.pages()``,
``ch.indicators()`` (``ch.indicator_table``, ``ch.value(indicator, group)``), ``ch.monitoring()``,
``ch.edition_info()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from quartieri_erp.errors import ParameterError
from quartieri_erp.inputs.catalogue import read_input, spec_of
from quartieri_erp.inputs.curated.loaders import fact
from quartieri_erp.inputs.monitoring.load import read_edition
from quartieri_erp.inputs.monitoring.mapping import export_folder
from quartieri_erp.params import NOTEBOOK_PARAMETERS
from quartieri_erp.paths import display_path, resolve
from quartieri_erp.presentation.display import run_info
from quartieri_erp.presentation.figure_style import use_style

ILLUSTRATIVE = "ILLUSTRATIVO — dati sintetici"


@dataclass(frozen=True)
class Chapter:
    """The run parameters of a chapter (absolute paths) and the readers of its inputs."""

    edition: str
    as_of: dt.date
    data_dir: Path
    programme_dir: Path
    reference_dir: Path
    suppression_threshold: int
    illustrative: bool
    synthetic: bool  # from the data folder's edition.yml, not a parameter

    @property
    def findings(self) -> bool:
        """True when monitoring results beyond the published values may be shown: real data, or synthetic data
        with ``illustrative`` on (then every such table and figure carries ``ILLUSTRATIVE``)."""
        return not self.synthetic or self.illustrative

    @property
    def marked(self) -> bool:
        """True when monitoring results shown are synthetic and must carry the ``ILLUSTRATIVE`` mark."""
        return self.synthetic and self.illustrative

    def table(self, name: str) -> pd.DataFrame:
        """Curated or reference table ``name`` (see ``inputs.catalogue``), validated."""
        folders = {"programme": self.programme_dir, "reference": self.reference_dir}
        return read_input(name, folders[spec_of(name).folder])

    def fact(self, key: str) -> float:
        """The value of one scalar fact of facts.csv."""
        return fact(self.table("facts"), key)

    def labels(self, required: Iterable[str] = ()) -> dict[str, dict[str, str]]:
        """Italian labels of every coded variable (``{variable: {code: label}}``), provinces included."""
        from quartieri_erp.chapters.labels import load_labels

        return load_labels(self.reference_dir, required)

    def pages(self) -> dict[str, int]:
        """Section number of the published report -> its page in the report's index."""
        from quartieri_erp.chapters.cited import section_pages

        return section_pages(self.table("report_sections"))

    def indicators(self):
        """The shared indicator set of the monitoring data (computed once per build, then cached)."""
        from quartieri_erp.indicators import shared_indicators

        return shared_indicators(self.data_dir, self.reference_dir, self.as_of)

    @cached_property
    def indicator_table(self) -> pd.DataFrame:
        """The shared indicators with their published counterparts, where a computed value equals a printed one
        (``chapters.readings.with_published``): what the chapters read their indicator values from."""
        from quartieri_erp.chapters.readings import with_published

        return with_published(self.indicators().indicators, self.table("published_indicators"), self.pages())

    def value(self, indicator: str, group: str = "totale", category: str | None = None):
        """One value of ``indicator_table`` as a monitoring ``Sourced`` (reconciled when it equals a printed one)."""
        from quartieri_erp.chapters.readings import value

        return value(self.indicator_table, indicator, group, category)

    def monitoring(self):
        """The monitoring data, read and validated (participant-level: never shown as such)."""
        from quartieri_erp.inputs.monitoring import load_monitoring

        return load_monitoring(self.data_dir, self.reference_dir, self.as_of)

    def edition_info(self) -> dict:
        """The data folder's ``edition.yml`` ({} when absent)."""
        return read_edition(self.data_dir)


def open_chapter(parameters: Mapping, monitoring: bool = False) -> Chapter:
    """The chapter of a notebook whose namespace (``globals()``) holds the run parameters: resolve the paths,
    apply the figure style and show the run-information box.

    ``monitoring`` says whether the chapter shows numbers computed from the monitoring data: only such
    chapters carry the synthetic-data banner of a synthetic edition.
    """
    missing = [name for name in NOTEBOOK_PARAMETERS if name not in parameters]
    if missing:
        raise ParameterError(f"the parameters cell of the notebook must assign {', '.join(missing)}")
    value = {name: parameters[name] for name in NOTEBOOK_PARAMETERS}
    ch = Chapter(
        edition=str(value["edition"]),
        as_of=dt.date.fromisoformat(str(value["as_of"])),
        data_dir=resolve(value["data_dir"]),
        programme_dir=resolve(value["programme_dir"]),
        reference_dir=resolve(value["reference_dir"]),
        suppression_threshold=int(value["suppression_threshold"]),
        illustrative=bool(value["illustrative"]),
        synthetic=bool(read_edition(resolve(value["data_dir"])).get("synthetic", False)),
    )
    use_style()
    run_info(
        ch.edition,
        ch.as_of.isoformat(),
        display_path(export_folder(ch.data_dir)),
        ch.synthetic and monitoring,
        ch.illustrative,
    )
    return ch
