"""Fast reading of the large monitoring files with pyarrow, validated with the same pandera schemas.

``inputs.tables.read_table`` reads every cell as a Python string, which is too slow for a million
participants. Here code columns (and ages) are read as dictionary-encoded text, so they become
pandas categories and every check runs once per distinct value; identifiers stay Arrow strings.
Values are still validated as written. Uniqueness is left to ``integrity.py``, which checks it
together with the links between files in one hashing pass.

Files are located and sniffed by ``file_formats`` like every other input. A plain CSV file goes
through pyarrow; a workbook, or a CSV file pyarrow cannot split into rows of the header's width or decode
as sniffed (a non-UTF-8 byte beyond the sniffed sample, a line break inside a quoted value), is read
by ``file_formats.text_frame``, which reads it exactly or says what is wrong. Blank lines are kept
as empty rows, so rows keep their numbers; ``file_formats.data_rows`` drops them at the end and
refuses them elsewhere, for both paths.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pyarrow as pa_arrow
import pyarrow.csv as pa_csv

from quartieri_erp.inputs.file_formats import (
    CsvDialect,
    check_header,
    csv_dialect,
    data_rows,
    is_workbook,
    locate,
    text_frame,
)
from quartieri_erp.inputs.readlog import note_read
from quartieri_erp.inputs.tables import TableSpec
from quartieri_erp.inputs.validation import validate_frame

DICTIONARY = pa_arrow.dictionary(pa_arrow.int32(), pa_arrow.string())
DICTIONARY_DTYPES = ("category", "int64")  # few distinct values: read dictionary-encoded


def without_uniqueness(schema: pa.DataFrameSchema) -> pa.DataFrameSchema:
    """``schema`` minus its uniqueness rules (checked by ``integrity.py`` instead)."""
    names = [name for name, column in schema.columns.items() if column.unique]
    fast = schema.update_columns({name: {"unique": False} for name in names}) if names else copy.deepcopy(schema)
    fast.unique = None
    return fast


def _with_pyarrow(path: Path, dialect: CsvDialect, types: dict[str, pa_arrow.DataType]) -> pa_arrow.Table | None:
    """The contract columns of a CSV file read by pyarrow; None when pyarrow cannot read it exactly."""
    invalid = []

    def skip(row: pa_csv.InvalidRow) -> str:
        invalid.append(row)
        return "skip"

    read = pa_csv.ReadOptions(encoding="utf8" if dialect.encoding.startswith("utf-8") else dialect.encoding)
    parse = pa_csv.ParseOptions(delimiter=dialect.separator, ignore_empty_lines=False, invalid_row_handler=skip)
    convert = pa_csv.ConvertOptions(
        column_types=types,
        include_columns=list(types),
        null_values=[""],
        strings_can_be_null=True,
        quoted_strings_can_be_null=True,
    )
    try:
        table = pa_csv.read_csv(path, read_options=read, parse_options=parse, convert_options=convert)
    except pa_arrow.ArrowInvalid:
        return None
    return None if invalid else table


def _from_text(frame: pd.DataFrame, types: dict[str, pa_arrow.DataType]) -> pa_arrow.Table:
    """Text columns as the Arrow table pyarrow would have read."""
    table = pa_arrow.Table.from_pandas(frame[list(types)], preserve_index=False)
    return table.cast(pa_arrow.schema([(name, types[name]) for name in types]))


def _types(spec: TableSpec, header: list[str]) -> dict[str, pa_arrow.DataType]:
    """Arrow type of each contract column present in the file."""
    return {
        name: DICTIONARY if str(column.dtype) in DICTIONARY_DTYPES else pa_arrow.string()
        for name, column in spec.schema.columns.items()
        if name in header
    }


def _read(path: Path, spec: TableSpec) -> tuple[list[str], pa_arrow.Table]:
    """The file's column names and its contract columns as an Arrow table."""
    if is_workbook(path):
        frame = text_frame(path)
        header = list(frame.columns)
        return header, _from_text(frame, _types(spec, header))
    dialect = csv_dialect(path)
    header = list(dialect.header)
    check_header(header, path)
    types = _types(spec, header)
    if not types:  # pyarrow would read every column; the missing names are reported by the validation
        return header, pa_arrow.table({})
    table = _with_pyarrow(path, dialect, types)
    return header, table if table is not None else _from_text(text_frame(path), types)


def read_fast(spec: TableSpec, folder: Path) -> pd.DataFrame:
    """Read ``folder/spec.file`` or its workbook (contract columns only) and validate it, uniqueness aside."""
    path = locate(Path(folder) / spec.file)
    note_read(path)
    header, table = _read(path, spec)
    return validate_frame(data_rows(table.to_pandas(), path), without_uniqueness(spec.schema), path, header=header)
