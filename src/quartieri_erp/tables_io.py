"""Input tables: what each file is (TableSpec) and how it is read and validated (read_table).

Every input file of the pipeline is described by a TableSpec. Files are read as text and the
schema coerces the types, so a value that breaks a rule is reported exactly as it was written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from .errors import InputError, InputIssue
from .readlog import note_read
from .validation import validate_frame


@dataclass(frozen=True)
class TableSpec:
    """One input table: its file, its schema (with column descriptions) and its provenance."""

    name: str  # short identifier, e.g. "projects"
    file: str  # file name inside its folder, e.g. "projects.csv"
    folder: str  # "reference" | "programme" | "monitoring"
    schema: pa.DataFrameSchema
    description: str  # one line: what a row is
    source: str  # where the file as a whole comes from


def read_csv_text(path: Path) -> pd.DataFrame:
    """A CSV file as text columns (empty cells stay empty strings turned into NA)."""
    if not path.is_file():
        raise InputError([InputIssue(file=path.as_posix(), rule="file not found")])
    note_read(path)
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    return df.replace({"": pd.NA})


def read_table(spec: TableSpec, folder: Path) -> pd.DataFrame:
    """Read ``folder/spec.file`` and validate it against ``spec.schema`` (all errors at once)."""
    path = Path(folder) / spec.file
    return validate_frame(read_csv_text(path), spec.schema, path)
