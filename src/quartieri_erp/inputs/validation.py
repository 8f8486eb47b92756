"""Run a pandera schema over a table read from a file and report every failure as an InputIssue.

Convention for schemas: read files as text and let the schema coerce (``coerce=True``), so a bad
value is reported as it was written; give every custom check an ``error=`` that states the rule in
words an evaluator understands ("must be a Lombardy province code"). Column names are checked here
against the file's row 1, so a misspelt name gets a "did you mean" hint.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaError, SchemaErrors

from quartieri_erp.errors import InputError, InputIssue

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


COLUMN_CHECKS = ("column_in_dataframe", "column_in_schema")  # reported by ``column_issues`` instead
HINT_CUTOFF = 0.7  # difflib similarity above which an unknown column name is taken for a misspelling


def _rule(check: str) -> str:
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
        if check in COLUMN_CHECKS:
            continue
        if check.startswith(("coerce_dtype", "dtype")) and column:
            badly_typed.add(column)
        elif column in badly_typed and _line(case.get("index")) is None:
            continue
        row = _line(case.get("index"))
        if row is not None and (row, column) in seen:
            continue  # one message per cell: a value that cannot be coerced fails its dtype too
        seen.add((row, column))
        issues.append(InputIssue(file=file, rule=_rule(check), row=row, column=column, value=value))
    return issues


def _closest(name: str, candidates: Sequence[str]) -> str | None:
    """The candidate that ``name`` most likely misspells (letter case ignored), if any is close enough."""
    lowered = {candidate.lower(): candidate for candidate in candidates}
    match = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=HINT_CUTOFF)
    return lowered[match[0]] if match else None


def column_issues(header: Sequence[str], schema: pa.DataFrameSchema, file: str) -> list[InputIssue]:
    """Required columns missing from ``header`` and, for strict schemas, columns outside the contract.

    A name of the file close to a missing required name is reported as a misspelling of it
    ("did you mean 'participant_id'?"); other unknown names get the closest contract name as a hint.
    """
    expected = list(schema.columns)
    unknown = [name for name in header if name.strip() and name not in schema.columns]
    issues, explained = [], set()
    for name in expected:
        if name in header or not schema.columns[name].required:
            continue
        misspelt = _closest(name, [u for u in unknown if u not in explained])
        if misspelt is None:
            issues.append(InputIssue(file=file, rule="required column is missing", column=name))
            continue
        explained.add(misspelt)
        issues.append(
            InputIssue(
                file=file,
                column=misspelt,
                rule=f"unknown column name: did you mean '{name}'? (the required column '{name}' is missing)",
            )
        )
    if schema.strict:
        for name in (u for u in unknown if u not in explained):
            hint = _closest(name, expected)
            issues.append(
                InputIssue(
                    file=file,
                    column=name,
                    rule="column is not part of the contract" + (f": did you mean '{hint}'?" if hint else ""),
                )
            )
    return issues


def validate_frame(
    df: pd.DataFrame, schema: pa.DataFrameSchema, file: str | Path, header: Sequence[str] | None = None
) -> pd.DataFrame:
    """``schema.validate(df)`` collecting all failures; raises InputError naming ``file``.

    ``header`` is the file's row 1 when ``df`` holds only some of its columns (default: ``df.columns``).
    """
    file = Path(file).as_posix()
    issues = column_issues(list(df.columns) if header is None else list(header), schema, file)
    try:
        validated = schema.validate(df, lazy=True)
    except (SchemaErrors, SchemaError) as err:
        issues += issues_from_schema_errors(err, file)
    if issues:
        raise InputError(issues)
    return validated
