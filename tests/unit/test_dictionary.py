"""The data dictionary is generated from the TableSpecs: every column of every schema, its type in words and
its rules as the checks state them; a schema that changes changes the appendix."""

from __future__ import annotations

import dataclasses
import re

import pandas as pd
import pandera.pandas as pa
import pytest

from quartieri_erp.chapters.appendices import folder_sections
from quartieri_erp.indicators.published_figures import PUBLISHED_INDICATORS
from quartieri_erp.inputs import curated, monitoring
from quartieri_erp.inputs.dictionary import (
    BREAK,
    FOLDERS,
    all_tables,
    check_rule,
    code_span,
    data_dictionary,
    table_rules,
    type_words,
)
from quartieri_erp.inputs.tables import TableSpec


def _spec(schema: pa.DataFrameSchema, name: str = "toy", folder: str = "programme") -> TableSpec:
    return TableSpec(
        name=name,
        file=f"{name}.csv",
        folder=folder,
        schema=schema,
        description="One row per toy.",
        source="Made up for a test.",
    )


def test_all_tables_lists_every_input_file_once_monitoring_contract_first():
    tables = all_tables()
    expected = [*monitoring.TABLES, *curated.TABLES, PUBLISHED_INDICATORS, *monitoring.REFERENCE_TABLES]
    assert sorted(id(t) for t in tables) == sorted(id(t) for t in expected)
    assert [t.folder for t in tables] == sorted((t.folder for t in tables), key=FOLDERS.index)
    assert [t.name for t in tables[:3]] == ["projects", "participants", "enrolments"]
    assert len({(t.folder, t.file) for t in tables}) == len(tables)


def test_a_table_in_an_unknown_folder_is_refused(monkeypatch):
    stray = dataclasses.replace(monitoring.PROJECTS, folder="elsewhere")
    monkeypatch.setattr(monitoring, "TABLES", [stray])
    with pytest.raises(ValueError, match="elsewhere"):
        all_tables()


def test_one_row_per_column_of_every_schema():
    tables = all_tables()
    dictionary = data_dictionary(tables)
    assert len(dictionary) == sum(len(t.schema.columns) for t in tables)
    assert not dictionary.duplicated(["folder", "table", "column"]).any()
    row = dictionary.set_index(["folder", "table", "column"]).loc[("monitoring", "participants", "age")]
    assert (row["type"], row["rule"], row["title"]) == ("numero intero", "da 0 a 110", "Età")
    assert bool(row["required"]) and not row["nullable"] and not row["unique"]
    budget = dictionary.set_index(["folder", "table", "column"]).loc[("monitoring", "projects", "budget_eur")]
    assert not budget["required"] and budget["nullable"] and budget["rule"] == "«must be zero or more»"


def test_a_column_added_to_a_copy_of_a_schema_is_a_new_row_and_reaches_the_appendix():
    spec = monitoring.PARTICIPANTS
    extended = dataclasses.replace(
        spec,
        schema=spec.schema.add_columns(
            {
                "household_size": pa.Column(
                    int, pa.Check.in_range(1, 12), title="Famiglia", description="People in the household."
                ),
            }
        ),
    )
    before, after = data_dictionary([spec]), data_dictionary([extended])
    assert len(after) == len(before) + 1
    new = after.iloc[-1]
    assert (new["column"], new["type"], new["rule"], new["title"]) == (
        "household_size",
        "numero intero",
        "da 1 a 12",
        "Famiglia",
    )
    assert "household_size" not in folder_sections([spec], "monitoring")
    section = folder_sections([extended], "monitoring")
    row = "| `household_size` (Famiglia) | People in the household. _Numero intero; obbligatoria; da 1 a 12._ |"
    assert row in section


def test_rules_are_worded_from_the_checks():
    assert check_rule(pa.Check.isin(["F", "M"])) == "uno tra: `F`, `M`"
    assert check_rule(pa.Check.in_range(0, 8)) == "da 0 a 8"
    assert check_rule(pa.Check.in_range(0, 8, include_max=False)) == "da 0 sotto 8"
    assert check_rule(pa.Check.ge(1)) == "1 o più"
    assert check_rule(pa.Check.in_range(0.5, 1500)) == "da 0,5 a 1.500"
    assert check_rule(pa.Check.lt(0.05)) == "meno di 0,05"
    assert check_rule(pa.Check.ge(0, error="must be zero or more")) == "«must be zero or more»"
    assert check_rule(pa.Check.str_matches(r"^\d{6}$", error="must be a 6-digit ISTAT code")) == (
        "«must be a 6-digit ISTAT code» (`^\\d{6}$`)"
    )
    assert check_rule(pa.Check.str_matches(r"^C[OR]\d{2}$")) == "nella forma `^C[OR]\\d{2}$`"
    assert check_rule(pa.Check(lambda s: s > 0, error="must be positive")) == "«must be positive»"


def test_every_check_of_every_schema_has_words_for_the_reader():
    """A custom check without ``error=`` would show only its function name: the convention forbids it."""
    for spec in all_tables():
        for name, column in spec.schema.columns.items():
            for check in column.checks:
                assert check_rule(check) != check.name, f"{spec.file}:{name}: {check.name} has no error="
        for check in spec.schema.checks:
            assert check.error, f"{spec.file}: table check {check.name} has no error="


def test_types_in_words():
    assert type_words(pa.Column(str, name="x")) == "testo"
    assert type_words(pa.Column("datetime64[ns]", name="x")) == "data"
    flag = curated.SPECS["projects"].schema.columns["lead_partner_assumed"]
    assert type_words(flag) == "vero/falso (true/false)"
    with pytest.raises(KeyError, match="timedelta"):
        type_words(pa.Column("timedelta64[ns]", name="x"))


def test_rules_on_whole_rows():
    schema = pa.DataFrameSchema(
        {"a": pa.Column(str), "b": pa.Column(int)},
        unique=["a", "b"],
        strict=True,
        checks=[pa.Check(lambda df: df["b"] > 0, error="b must be positive")],
    )
    assert table_rules(_spec(schema)) == [
        "ogni combinazione di `a` e `b` compare una sola volta",
        "«b must be positive»",
        "altre colonne non sono ammesse",
    ]
    single = pa.DataFrameSchema({"a": pa.Column(str)}, unique="a")
    assert table_rules(_spec(single)) == [
        "ogni valore di `a` compare una sola volta",
        "eventuali altre colonne sono ignorate",
    ]


def test_code_keeps_pipes_outside_the_code_span():
    assert code_span("a|b") == f"`a`|{BREAK}`b`"
    assert code_span("^(?:000|001) \\S") == f"`^(?:000`|{BREAK}`001) \\S`"


def test_the_dictionary_frame_has_the_documented_columns():
    frame = data_dictionary([_spec(pa.DataFrameSchema({"a": pa.Column(str, description="A.")}))])
    assert list(frame.columns) == [
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
    assert frame.iloc[0].to_dict() == {
        "table": "toy",
        "file": "toy.csv",
        "folder": "programme",
        "column": "a",
        "title": None,
        "type": "testo",
        "required": True,
        "nullable": False,
        "unique": False,
        "rule": "",
        "description": "A.",
    }
    assert isinstance(frame, pd.DataFrame)


ENGLISH = re.compile(r"\b(?:the|of|and|with|when|must|one row|from|if|see)\b", re.IGNORECASE)


def test_what_the_appendix_says_of_each_file_and_column_is_italian():
    """Descriptions, provenance and titles are read in the Italian report; only codes and the validator's
    quoted messages may be English."""
    for spec in all_tables():
        for where, text in [
            ("description", spec.description),
            ("source", spec.source),
            *[(name, f"{c.title or ''} {c.description}") for name, c in spec.schema.columns.items()],
        ]:
            assert not ENGLISH.search(text), f"{spec.file} {where}: {text}"
