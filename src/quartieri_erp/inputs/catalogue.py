"""Every curated and reference table, by name: the one way the chapters read an input table.

The catalogue holds the tables of ``data/programme`` and ``data/reference`` (the monitoring files are read
whole, by ``inputs.monitoring.load_monitoring``). ``read_input`` reads one table from its folder and
validates it (schema and row rules); the chapter object (``presentation.context.Chapter.table``) picks the
folder from the table's spec.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from quartieri_erp.indicators.published_figures import PUBLISHED_INDICATORS
from quartieri_erp.inputs.curated.loaders import read_checked
from quartieri_erp.inputs.curated.registry import TABLES as CURATED_TABLES
from quartieri_erp.inputs.monitoring.lookups import REFERENCE_TABLES
from quartieri_erp.inputs.tables import TableSpec

CATALOGUE: dict[str, TableSpec] = {
    spec.name: spec for spec in [*CURATED_TABLES, PUBLISHED_INDICATORS, *REFERENCE_TABLES]
}


def spec_of(name: str) -> TableSpec:
    """The TableSpec of input table ``name`` (a KeyError lists the known names)."""
    try:
        return CATALOGUE[name]
    except KeyError:
        raise KeyError(f"no input table {name!r}; known: {', '.join(sorted(CATALOGUE))}") from None


def read_input(name: str, folder: Path) -> pd.DataFrame:
    """Input table ``name`` read from ``folder`` (the folder of its kind: programme or reference), validated."""
    table = read_checked(spec_of(name), Path(folder))
    return _with_project_budgets(table, Path(folder)) if name == "case_studies" else table


def _with_project_budgets(cards: pd.DataFrame, folder: Path) -> pd.DataFrame:
    """The chapter-4 cards with ``budget_eur`` of a card linked to a project taken from projects.csv."""
    budgets = read_input("projects", folder).set_index("project_id")["budget_eur"]
    linked = cards["project_id"].notna()
    cards.loc[linked, "budget_eur"] = cards.loc[linked, "project_id"].map(budgets)
    return cards
