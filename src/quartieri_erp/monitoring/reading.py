"""Fast reading of the large monitoring files with pyarrow, validated with the same pandera schemas.

``tables_io.read_table`` reads every cell as a Python string, which is too slow for a million
participants. Here code columns (and ages) are read as dictionary-encoded text, so they become
pandas categories and every check runs once per distinct value; identifiers stay Arrow strings.
Values are still validated as written. Uniqueness is left to ``integrity.py``, which checks it
together with the links between files in one hashing pass.
"""

from __future__ import annotations

import copy
import csv
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pyarrow as pa_arrow
import pyarrow.csv as pa_csv

from ..errors import InputError, InputIssue
from ..readlog import note_read
from ..tables_io import TableSpec
from ..validation import validate_frame

DICTIONARY = pa_arrow.dictionary(pa_arrow.int32(), pa_arrow.string())
DICTIONARY_DTYPES = ("category", "int64")  # few distinct values: read dictionary-encoded


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle), [])


def without_uniqueness(schema: pa.DataFrameSchema) -> pa.DataFrameSchema:
    """``schema`` minus its uniqueness rules (checked by ``integrity.py`` instead)."""
    names = [name for name, column in schema.columns.items() if column.unique]
    fast = schema.update_columns({name: {"unique": False} for name in names}) if names else copy.deepcopy(schema)
    fast.unique = None
    return fast


def read_fast(spec: TableSpec, folder: Path) -> pd.DataFrame:
    """Read ``folder/spec.file`` (contract columns only) and validate it, uniqueness aside."""
    path = Path(folder) / spec.file
    if not path.is_file():
        raise InputError([InputIssue(file=path.as_posix(), rule="file not found")])
    note_read(path)
    header = _header(path)
    columns = [name for name in spec.schema.columns if name in header]
    types = {name: DICTIONARY if str(spec.schema.columns[name].dtype) in DICTIONARY_DTYPES else pa_arrow.string()
             for name in columns}
    options = pa_csv.ConvertOptions(column_types=types, include_columns=columns, null_values=[""],
                                    strings_can_be_null=True, quoted_strings_can_be_null=True)
    try:
        table = pa_csv.read_csv(path, convert_options=options)
    except (pa_arrow.ArrowInvalid, UnicodeDecodeError) as err:
        raise InputError([InputIssue(file=path.as_posix(), rule=f"cannot be read as a CSV file: {err}")]) from None
    return validate_frame(table.to_pandas(), without_uniqueness(spec.schema), path)
