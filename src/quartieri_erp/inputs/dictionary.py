"""The data dictionary of the report, generated from the TableSpecs and their pandera schemas.

One row per column of every input file: its type in words, whether it must be present, filled and
unique, and the rule its checks enforce: a custom check is quoted in the words the validator prints on a
failure (its ``error=``, in English), a built-in one is worded in Italian from its allowed values, range or
pattern. Descriptions are the schemas' own, in Italian. Nothing here is kept by hand: a column added to a
schema is a new row of the appendix.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import pandera.pandas as pa

from quartieri_erp.indicators.published_figures import PUBLISHED_INDICATORS
from quartieri_erp.inputs import curated, monitoring
from quartieri_erp.inputs.curated.columns import BOOLEAN
from quartieri_erp.inputs.tables import TableSpec
from quartieri_erp.presentation.formatting import fmt_num

# Folders in the order of the appendix: what evaluators deliver first, then the curated facts, then lookups.
FOLDERS = ("monitoring", "programme", "reference")

TYPE_WORDS = {
    "str": "testo",
    "string": "testo",
    "string[pyarrow]": "testo",
    "string[python]": "testo",
    "category": "testo",
    "int64": "numero intero",
    "Int64": "numero intero",
    "float64": "numero",
    "datetime64[ns]": "data",
    "bool": "vero/falso",
}
BOOLEAN_WORDS = "vero/falso (true/false)"

COLUMNS = [
    "table",
    "file",
    "folder",
    "column",
    "title",
    "type",
    "required",
    "nullable",
    "unique",
    "rule",
    "description",
]


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


def _number(value: object) -> str:
    """A bound of a range check in Italian format (2,5; 1.000), with the decimals it has."""
    decimals = 0 if float(value).is_integer() else len(repr(float(value)).partition(".")[2])
    return fmt_num(value, decimals)


def _range(stats: dict) -> str:
    low = "da" if stats.get("include_min", True) else "oltre"
    high = "a" if stats.get("include_max", True) else "sotto"
    return f"{low} {_number(stats['min_value'])} {high} {_number(stats['max_value'])}"


BUILT_IN = {
    "isin": lambda s: f"uno tra: {_values(s['allowed_values'])}",
    "notin": lambda s: f"nessuno tra: {_values(s['forbidden_values'])}",
    "in_range": _range,
    "greater_than_or_equal_to": lambda s: f"{_number(s['min_value'])} o più",
    "greater_than": lambda s: f"più di {_number(s['min_value'])}",
    "less_than_or_equal_to": lambda s: f"{_number(s['max_value'])} o meno",
    "less_than": lambda s: f"meno di {_number(s['max_value'])}",
    "equal_to": lambda s: f"uguale a {_number(s['value'])}",
    "str_matches": lambda s: f"nella forma {_pattern(s)}",
}


def check_rule(check: pa.Check) -> str:
    """The rule a check enforces (Markdown): a check with its own ``error=`` is quoted in those words, which
    are the validator's (English) message; a built-in one is worded in Italian from its arguments. Values
    and patterns are code."""
    stats = check.statistics or {}
    default_error = check.error is None or check.error.startswith(f"{check.name}(")
    if not default_error:
        message = f"«{check.error}»"
        return f"{message} ({_pattern(stats)})" if check.name == "str_matches" else message
    if check.name in BUILT_IN:
        return BUILT_IN[check.name](stats)
    return check.name


def table_rules(spec: TableSpec) -> list[str]:
    """Rules on whole rows of the file (Italian, with the checks' own words quoted)."""
    schema = spec.schema
    rules = []
    if schema.unique:
        names = [f"`{name}`" for name in ([schema.unique] if isinstance(schema.unique, str) else schema.unique)]
        rules.append(
            f"ogni valore di {names[0]} compare una sola volta"
            if len(names) == 1
            else f"ogni combinazione di {', '.join(names[:-1])} e {names[-1]} compare una sola volta"
        )
    rules += [f"«{check.error or check.name}»" for check in schema.checks]
    rules.append("altre colonne non sono ammesse" if schema.strict is True else "eventuali altre colonne sono ignorate")
    return rules


def data_dictionary(tables: Iterable[TableSpec]) -> pd.DataFrame:
    """One row per column of each table: table, file, folder, column, title, type (in words), required (the
    column must be present), nullable (the value may be empty), unique, rule (from the checks), description."""
    rows = [
        {
            "table": spec.name,
            "file": spec.file,
            "folder": spec.folder,
            "column": name,
            "title": column.title,
            "type": type_words(column),
            "required": bool(column.required),
            "nullable": bool(column.nullable),
            "unique": bool(column.unique),
            "rule": "; ".join(check_rule(check) for check in column.checks),
            "description": column.description,
        }
        for spec in tables
        for name, column in spec.schema.columns.items()
    ]
    return pd.DataFrame(rows, columns=COLUMNS)
