"""Loading a monitoring data folder: the hand-made fixture loads, and every broken rule is reported
with the file, row (1-based line, header = 1), column and rule."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

from quartieri_erp.errors import InputError
from quartieri_erp.inputs.monitoring import load_monitoring

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "monitoring_small"
REFERENCE = ROOT / "data" / "reference"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A writable copy of the hand-made fixture."""
    return Path(shutil.copytree(FIXTURE, tmp_path / "data"))


def edit(folder: Path, file: str, line: int, column: str, value: str) -> None:
    """Set one cell: ``line`` is the 1-based line of the file (header = 1)."""
    table = pd.read_csv(folder / file, dtype=str, keep_default_na=False)
    table.loc[line - 2, column] = value
    table.to_csv(folder / file, index=False)


def append(folder: Path, file: str, row: str) -> None:
    with (folder / file).open("a", encoding="utf-8") as handle:
        handle.write(row + "\n")


def issues_of(folder: Path, as_of: dt.date | None = None) -> list:
    with pytest.raises(InputError) as caught:
        load_monitoring(folder, REFERENCE, as_of=as_of)
    return caught.value.issues


def find(issues: list, file: str, row: int | None, column: str | None, rule_part: str):
    """The issue naming ``file`` (file name), ``row``, ``column`` whose rule contains ``rule_part``."""
    hits = [
        i for i in issues if Path(i.file).name == file and i.row == row and i.column == column and rule_part in i.rule
    ]
    assert hits, f"no issue {file}:{row}:{column} '{rule_part}' in:\n" + "\n".join(map(str, issues))
    return hits[0]


def test_fixture_loads_with_derived_columns():
    m = load_monitoring(FIXTURE, REFERENCE)
    p = m.participants.set_index("participant_id")
    assert len(m.projects) == 2 and len(p) == 16 and len(m.enrolments) == 20
    assert list(m.projects.columns) == [
        "project_id",
        "lead_partner",
        "lead_type",
        "municipality",
        "istat_code",
        "province",
        "ranking",
        "budget_eur",
    ]  # extra column dropped
    assert m.synthetic is True and m.edition_info["description"] == "Dati di prova costruiti a mano."
    assert p.loc["A02", "in_laboratorio_sociale"] and p.loc["A02", "in_pip"]
    assert p.loc["A01", "in_laboratorio_sociale"] and not p.loc["A01", "in_pip"]
    assert not p.loc["A03", "in_laboratorio_sociale"] and p.loc["A03", "in_pip"]
    assert p.loc["A02", "origin_area"] == "maghreb_vicino_oriente" and pd.isna(p.loc["A01", "origin_area"])
    assert p.loc["A16", "origin_area"] == "altro"  # Germany
    assert list(p["sex"].cat.categories) == ["F", "M"]
    assert "LO" in p["province"].cat.categories  # every Lombardy province, used or not
    assert m.enrolments["start_date"].iloc[0] == pd.Timestamp("2019-01-15")
    assert m.projects["budget_eur"].iloc[1] == pytest.approx(100000.50)


def test_ids_without_a_numeric_pattern_are_linked_too(folder: Path):
    for file in ("participants.csv", "enrolments.csv"):
        text = (folder / file).read_text(encoding="utf-8")
        (folder / file).write_text(text.replace("A02", "zeta-2").replace("A01", "x"), encoding="utf-8")
    p = load_monitoring(folder, REFERENCE).participants.set_index("participant_id")
    assert p.loc["zeta-2", "in_pip"] and p.loc["zeta-2", "in_laboratorio_sociale"] and not p.loc["x", "in_pip"]


def test_missing_edition_file_means_real_data(folder: Path):
    (folder / "edition.yml").unlink()
    m = load_monitoring(folder, REFERENCE)
    assert m.synthetic is False and m.edition_info == {}


@pytest.mark.parametrize(
    ("file", "line", "column", "value", "rule"),
    [
        ("participants.csv", 3, "sex", "X", "must be one of"),
        ("participants.csv", 4, "age", "abc", "cannot be read as a whole number"),
        ("participants.csv", 5, "age", "111", "must be between 0 and 110"),
        ("participants.csv", 6, "citizenship", "Italy", "two-letter country code"),
        ("participants.csv", 7, "education", "laurea", "must be one of"),
        ("participants.csv", 8, "disadvantage", "", "value is required"),
        ("participants.csv", 9, "employment_status", "disoccupata", "must be one of"),
        ("enrolments.csv", 2, "subproject", "lab", "must be one of"),
        ("enrolments.csv", 3, "start_date", "2019-02-30", "must be a date written YYYY-MM-DD"),
        ("enrolments.csv", 4, "start_date", "10/05/2019", "must be a date written YYYY-MM-DD"),
        ("enrolments.csv", 5, "status", "chiuso", "must be one of"),
        ("projects.csv", 2, "lead_type", "Provincia", "must be one of"),
        ("projects.csv", 3, "istat_code", "19036", "6-digit ISTAT"),
    ],
)
def test_schema_rules(folder: Path, file: str, line: int, column: str, value: str, rule: str):
    edit(folder, file, line, column, value)
    issue = find(issues_of(folder), file, line, column, rule)
    assert issue.value is None if value == "" else str(issue.value) == value  # the value as written


@pytest.mark.parametrize(
    ("file", "line", "column", "value", "rule"),
    [
        ("participants.csv", 10, "citizenship", "ZZ", "must be a country code of countries.csv"),
        ("participants.csv", 11, "province", "TO", "must be a Lombardy province code"),
        ("projects.csv", 3, "province", "PC", "must be a Lombardy province code"),
        ("participants.csv", 12, "project_id", "P9", "must be a project_id of projects.csv"),
        ("enrolments.csv", 6, "status", "in_corso", "must be empty for a laboratorio_sociale enrolment"),
        ("enrolments.csv", 4, "status", "", "a pip enrolment needs a status"),
        ("enrolments.csv", 7, "participant_id", "A99", "must be a participant_id of participants.csv"),
        ("enrolments.csv", 8, "participant_id", "zz", "must be a participant_id of participants.csv"),
    ],
)
def test_rules_across_files(folder: Path, file: str, line: int, column: str, value: str, rule: str):
    edit(folder, file, line, column, value)
    issue = find(issues_of(folder), file, line, column, rule)
    assert issue.value == (value or None)


def test_duplicate_participant_id_names_both_rows(folder: Path):
    edit(folder, "participants.csv", 3, "participant_id", "A01")  # A02 becomes a second A01
    issues = issues_of(folder)
    find(issues, "participants.csv", 2, "participant_id", "must be unique")
    find(issues, "participants.csv", 3, "participant_id", "must be unique")


def test_person_enrolled_twice_in_the_same_subproject(folder: Path):
    append(folder, "enrolments.csv", "A01,laboratorio_sociale,2019-03-01,")
    issues = issues_of(folder)
    find(issues, "enrolments.csv", 2, "participant_id", "enrolled more than once")
    find(issues, "enrolments.csv", 22, "participant_id", "enrolled more than once")


def test_participant_without_enrolment(folder: Path):
    append(folder, "participants.csv", "A17,P1,F,40,IT,diploma,nessuna,occupato,MI")
    find(issues_of(folder), "participants.csv", 18, "participant_id", "has no row in enrolments.csv")


def test_start_date_after_the_cut_off(folder: Path):
    issues = issues_of(folder, as_of=dt.date(2020, 6, 1))
    issue = find(issues, "enrolments.csv", 21, "start_date", "after the data cut-off (2020-06-01)")
    assert issue.value == "2020-06-30" and len(issues) == 1


def test_cut_off_defaults_to_the_extraction_date(folder: Path):
    edit(folder, "enrolments.csv", 21, "start_date", "2020-12-01")
    find(issues_of(folder), "enrolments.csv", 21, "start_date", "after the data cut-off (2020-11-30)")


def test_missing_column_and_missing_file(folder: Path):
    table = pd.read_csv(folder / "participants.csv", dtype=str)
    table.drop(columns="sex").to_csv(folder / "participants.csv", index=False)
    (folder / "projects.csv").unlink()
    issues = issues_of(folder)
    find(issues, "participants.csv", None, "sex", "required column is missing")
    find(issues, "projects.csv", None, None, "file not found")


def test_all_problems_of_all_files_are_reported_together(folder: Path):
    edit(folder, "participants.csv", 3, "sex", "X")
    edit(folder, "enrolments.csv", 5, "status", "chiuso")
    edit(folder, "projects.csv", 2, "ranking", "terza")
    issues = issues_of(folder)
    assert {Path(i.file).name for i in issues} == {"participants.csv", "enrolments.csv", "projects.csv"}


def test_edition_file_flag_must_be_boolean(folder: Path):
    (folder / "edition.yml").write_text("synthetic: maybe\n", encoding="utf-8")
    issue = find(issues_of(folder), "edition.yml", None, "synthetic", "must be true or false")
    assert issue.value == "maybe"


def test_error_message_lists_file_row_column_and_rule(folder: Path):
    edit(folder, "participants.csv", 3, "sex", "X")
    with pytest.raises(InputError) as caught:
        load_monitoring(folder, REFERENCE)
    assert "participants.csv, row 3, column 'sex', value 'X' — must be one of" in str(caught.value)


def test_a_file_failing_its_schema_does_not_hide_the_rules_across_the_others(folder: Path):
    edit(folder, "projects.csv", 2, "lead_type", "Provincia")  # projects.csv fails its schema
    edit(folder, "participants.csv", 10, "citizenship", "ZZ")
    edit(folder, "enrolments.csv", 6, "status", "in_corso")
    issues = issues_of(folder)
    find(issues, "projects.csv", 2, "lead_type", "must be one of")
    find(issues, "participants.csv", 10, "citizenship", "must be a country code of countries.csv")
    find(issues, "enrolments.csv", 6, "status", "must be empty for a laboratorio_sociale enrolment")
    assert not [i for i in issues if i.column == "project_id"]  # not checked against a file that failed


def test_with_enrolments_failing_their_schema_the_participants_are_still_checked(folder: Path):
    edit(folder, "enrolments.csv", 2, "subproject", "lab")
    edit(folder, "participants.csv", 11, "province", "TO")
    issues = issues_of(folder)
    find(issues, "enrolments.csv", 2, "subproject", "must be one of")
    find(issues, "participants.csv", 11, "province", "must be a Lombardy province code")
    assert not [i for i in issues if "enrolments.csv" in i.rule]  # no id links to a file that failed
