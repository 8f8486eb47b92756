"""Read one curated table checked by its schema and row rules, and read one scalar fact.

A table is read by name through ``inputs.catalogue.read_input``; cross-file rules (codes that must exist
elsewhere) are in ``checks``, which the build runs once before any notebook.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from quartieri_erp.errors import InputError
from quartieri_erp.inputs.curated.columns import BOOLEAN
from quartieri_erp.inputs.curated.rules import row_issues
from quartieri_erp.inputs.tables import TableSpec, read_table


def read_checked(spec: TableSpec, folder: Path) -> pd.DataFrame:
    """``folder/spec.file`` validated by its schema and row rules; true/false columns become booleans."""
    df = read_table(spec, folder)
    issues = row_issues(spec.name, df, (Path(folder) / spec.file).as_posix())
    if issues:
        raise InputError(issues)
    for name, column in spec.schema.columns.items():
        if column.metadata == BOOLEAN:
            df[name] = df[name].map({"true": True, "false": False}).astype("boolean")
    return df


def fact(facts: pd.DataFrame, key: str) -> float:
    """The value of fact ``key`` (a KeyError names the missing key)."""
    values = facts.loc[facts["key"] == key, "value"]
    if values.empty:
        raise KeyError(f"facts.csv has no key {key!r}")
    return float(values.iloc[0])
