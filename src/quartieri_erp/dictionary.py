"""The data dictionary of the report, generated from the TableSpecs and their pandera schemas.

One row per column of every input file: its type in words, whether it must be present, filled and
unique, and the rule its checks enforce, worded as the validator words a failure (the ``error=`` of a
custom check, or the allowed values, range or pattern of a built-in one). Nothing here is kept by
hand: a column added to a schema is a new row of the appendix.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import pandera.pandas as pa

from . import curated, monitoring
from .curated.columns import BOOLEAN
from .indicators.published import PUBLISHED_INDICATORS
from .tables_io import TableSpec

# Folders in the order of the appendix: what evaluators deliver first, then the curated facts, then lookups.
FOLDERS = ("monitoring", "programme", "reference")

TYPE_WORDS = {
    "str": "testo", "string": "testo", "string[pyarrow]": "testo", "string[python]": "testo",
    "category": "testo", "int64": "numero intero", "Int64": "numero intero", "float64": "numero",
    "datetime64[ns]": "data", "bool": "vero/falso",
}
BOOLEAN_WORDS = "vero/falso (true/false)"

COLUMNS = ["table", "file", "folder", "column", "title", "type", "required", "nullable", "unique", "rule",
           "description"]


def all_tables() -> list[TableSpec]:
    """Every input file of the pipeline, grouped by folder in ``FOLDERS`` order (list order within a folder)."""
    specs = [*monitoring.TABLES, *curated.TABLES, PUBLISHED_INDICATORS, *monitoring.REFERENCE_TABLES]
    unknown = sorted({spec.folder for spec in specs} - set(FOLDERS))
    if unknown:
        raise ValueError(f"TableSpec folder(s) {unknown} are not in dictionary.FOLDERS")
    return sorted(specs, key=lambda spec: FOLDERS.index(spec.folder))


def type_words(column: pa.Column) -> str:
    """The column's type for a reader ('testo', 'numero intero', 'data'...)."""
    if column.metadata == BOOLEAN:
        return BOOLEAN_WORDS
    dtype = str(column.dtype)
    if dtype not in TYPE_WORDS:
        raise KeyError(f"no words for the type {dtype!r} of column {column.name!r}: add it to TYPE_WORDS")
    return TYPE_WORDS[dtype]


BREAK = "\u200b"  # zero-width space: lets a long run of codes wrap on a narrow screen


def code_span(text: str) -> str:
    """``text`` as Markdown code; a '|' is left outside the code (where a pipe table can escape it), followed
    by a line-break opportunity."""
    return f"|{BREAK}".join(f"`{part}`" if part else "" for part in str(text).split("|"))


def _values(values: Iterable[object]) -> str:
    return ", ".join(code_span(v) for v in values)


def _pattern(stats: dict) -> str:
    return code_span(stats["pattern"])


def _range(stats: dict) -> str:
    low = "from" if stats.get("include_min", True) else "above"
    high = "to" if stats.get("include_max", True) else "below"
    return f"{low} {stats['min_value']} {high} {stats['max_value']}"


BUILT_IN = {
    "isin": lambda s: f"one of: {_values(s['allowed_values'])}",
    "notin": lambda s: f"none of: {_values(s['forbidden_values'])}",
    "in_range": _range,
    "greater_than_or_equal_to": lambda s: f"{s['min_value']} or more",
    "greater_than": lambda s: f"more than {s['min_value']}",
    "less_than_or_equal_to": lambda s: f"{s['max_value']} or less",
    "less_than": lambda s: f"less than {s['max_value']}",
    "equal_to": lambda s: f"equal to {s['value']}",
    "str_matches": lambda s: f"must match {_pattern(s)}",
}


def check_rule(check: pa.Check) -> str:
    """The rule a check enforces (Markdown), in the words of its ``error=`` when it has its own, else from its
    arguments; values and patterns are code."""
    stats = check.statistics or {}
    default_error = check.error is None or check.error.startswith(f"{check.name}(")
    if not default_error:
        return f"{check.error} ({_pattern(stats)})" if check.name == "str_matches" else check.error
    if check.name in BUILT_IN:
        return BUILT_IN[check.name](stats)
    return check.name


def table_rules(spec: TableSpec) -> list[str]:
    """Rules on whole rows of the file (Italian, with the checks' own words quoted)."""
    schema = spec.schema
    rules = []
    if schema.unique:
        names = [f"`{name}`" for name in ([schema.unique] if isinstance(schema.unique, str) else schema.unique)]
        rules.append(f"ogni valore di {names[0]} compare una sola volta" if len(names) == 1 else
                     f"ogni combinazione di {', '.join(names[:-1])} e {names[-1]} compare una sola volta")
    rules += [f"«{check.error or check.name}»" for check in schema.checks]
    rules.append("altre colonne non sono ammesse" if schema.strict is True
                 else "eventuali altre colonne sono ignorate")
    return rules


def data_dictionary(tables: Iterable[TableSpec]) -> pd.DataFrame:
    """One row per column of each table: table, file, folder, column, title, type (in words), required (the
    column must be present), nullable (the value may be empty), unique, rule (from the checks), description."""
    rows = [
        {
            "table": spec.name, "file": spec.file, "folder": spec.folder, "column": name,
            "title": column.title, "type": type_words(column), "required": bool(column.required),
            "nullable": bool(column.nullable), "unique": bool(column.unique),
            "rule": "; ".join(check_rule(check) for check in column.checks),
            "description": column.description,
        }
        for spec in tables for name, column in spec.schema.columns.items()
    ]
    return pd.DataFrame(rows, columns=COLUMNS)
