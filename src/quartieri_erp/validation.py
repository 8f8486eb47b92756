"""Run a pandera schema over a table read from a file and report every failure as an InputIssue.

Convention for schemas: read files as text and let the schema coerce (``coerce=True``), so a bad
value is reported as it was written; give every custom check an ``error=`` that states the rule in
words an evaluator understands ("must be a Lombardy province code").
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaError, SchemaErrors

from .errors import InputError, InputIssue

TYPE_WORDS = {
    "int64": "a whole number",
    "Int64": "a whole number",
    "float64": "a number",
    "bool": "true or false",
    "datetime64[ns]": "a date (YYYY-MM-DD)",
    "str": "text",
}


def _type_words(dtype: str) -> str:
    return TYPE_WORDS.get(dtype.strip("'\""), dtype)


def _rule(check: str) -> str:
    if check == "column_in_dataframe":
        return "required column is missing"
    if check == "column_in_schema":
        return "column is not part of the contract"
    if check in ("not_nullable",):
        return "value is required"
    if check in ("field_uniqueness", "unique", "multiple_fields_uniqueness"):
        return "value must be unique"
    if match := re.fullmatch(r"coerce_dtype\((.*)\)", check):
        return f"cannot be read as {_type_words(match.group(1))}"
    if match := re.fullmatch(r"dtype\((.*)\)", check):
        return f"wrong type: expected {_type_words(match.group(1))}"
    if match := re.fullmatch(r"isin\((.*)\)", check, flags=re.S):
        return f"must be one of {match.group(1)}"
    if match := re.fullmatch(r"in_range\((.*), (.*)\)", check):
        return f"must be between {match.group(1)} and {match.group(2)}"
    if match := re.fullmatch(r"str_matches\((.*)\)", check):
        return f"must match the pattern {match.group(1)}"
    return check


def _line(index: object) -> int | None:
    """DataFrame row label -> 1-based file line (header is line 1), when it is a row number."""
    if index is None or (isinstance(index, float) and pd.isna(index)):
        return None
    try:
        return int(index) + 2
    except (TypeError, ValueError):
        return None


def issues_from_schema_errors(err: SchemaErrors | SchemaError, file: str) -> list[InputIssue]:
    """One InputIssue per failure case; follow-on errors of a column that failed its type are dropped."""
    cases = err.failure_cases
    if not isinstance(cases, pd.DataFrame):
        return [InputIssue(file=file, rule=str(err))]
    issues: list[InputIssue] = []
    badly_typed: set[str] = set()
    seen: set[tuple] = set()
    for case in cases.to_dict("records"):
        check = str(case.get("check"))
        column = case.get("column")
        column = None if column is None or pd.isna(column) else str(column)
        value = case.get("failure_case")
        value = None if value is None or (not isinstance(value, str) and pd.isna(value)) else value
        if check == "column_in_dataframe":
            column, value = str(value), None
        if check.startswith(("coerce_dtype", "dtype")) and column:
            badly_typed.add(column)
        elif column in badly_typed and _line(case.get("index")) is None:
            continue
        row = _line(case.get("index"))
        if row is not None and (row, column) in seen:
            continue  # one message per cell: a value that cannot be coerced fails its dtype too
        seen.add((row, column))
        issues.append(InputIssue(file=file, rule=_rule(check), row=row,
                                 column=column, value=value))
    return issues


def validate_frame(df: pd.DataFrame, schema: pa.DataFrameSchema, file: str | Path) -> pd.DataFrame:
    """``schema.validate(df)`` collecting all failures; raises InputError naming ``file``."""
    try:
        return schema.validate(df, lazy=True)
    except (SchemaErrors, SchemaError) as err:
        raise InputError(issues_from_schema_errors(err, Path(file).as_posix())) from None
