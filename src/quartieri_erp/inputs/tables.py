"""Input tables: what each file is (TableSpec) and how it is read and validated (read_table).

Every input file of the pipeline is described by a TableSpec. Files are read as text and the
schema coerces the types, so a value that breaks a rule is reported exactly as it was written.
A table may come as the CSV file of its spec or as a ``.xlsx`` workbook of the same name; CSV may be
UTF-8 or Windows-1252, separated by ``,`` or ``;`` (see ``file_formats``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from quartieri_erp.inputs.file_formats import locate, text_frame
from quartieri_erp.inputs.readlog import note_read
from quartieri_erp.inputs.validation import validate_frame

NUMBER_DTYPES = ("float64", "Int64", "int64")


@dataclass(frozen=True)
class TableSpec:
    """One input table: its file, its schema (with column descriptions) and its provenance."""

    name: str  # short identifier, e.g. "projects"
    file: str  # file name inside its folder, e.g. "projects.csv"
    folder: str  # "reference" | "programme" | "monitoring"
    schema: pa.DataFrameSchema
    description: str  # one line: what a row is
    source: str  # where the file as a whole comes from


def read_csv_text(path: Path, numbers: tuple[str, ...] = ()) -> pd.DataFrame:
    """The CSV file ``path`` (or the workbook standing for it) as text columns, empty cells as NA.

    ``numbers`` name the columns holding numbers, rewritten with a decimal point when a
    ``;``-separated file writes them the Italian way (1.234,5).
    """
    path = locate(path)
    note_read(path)
    return text_frame(path, numbers)


def number_columns(schema: pa.DataFrameSchema) -> tuple[str, ...]:
    """The columns of ``schema`` that hold numbers."""
    return tuple(name for name, column in schema.columns.items() if str(column.dtype) in NUMBER_DTYPES)


# The last validated table of each file read in this process: (spec, the file's bytes, table). The chapters of
# a build share warm kernels, so a table several chapters read is validated once per kernel, not per chapter.
_VALIDATED: dict[tuple[str, Path], tuple[TableSpec, bytes, pd.DataFrame]] = {}


def read_table(spec: TableSpec, folder: Path) -> pd.DataFrame:
    """Read ``folder/spec.file`` (or its workbook) and validate it against ``spec.schema`` (all errors at once).

    Returns a copy of the table validated earlier in this process when the spec and the file's bytes are
    the same; a failed validation is never kept.
    """
    path = locate(Path(folder) / spec.file)
    key, content = (spec.name, path.resolve()), _bytes(path)
    kept = _VALIDATED.get(key)
    if content is not None and kept is not None and kept[0] is spec and kept[1] == content:
        note_read(path)
        return kept[2].copy()
    table = validate_frame(read_csv_text(path, number_columns(spec.schema)), spec.schema, path)
    if content is not None:
        _VALIDATED[key] = (spec, content, table.copy())
    return table


def _bytes(path: Path) -> bytes | None:
    """The file's bytes; None when it cannot be read (the readers then say why, in their words)."""
    try:
        return path.read_bytes()
    except OSError:
        return None
