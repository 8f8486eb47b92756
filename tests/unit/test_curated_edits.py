"""Edited copies of the curated files: malformed ones raise an InputError that names file, row, column
and rule; a valid edit of one value reaches every table that uses it."""

from __future__ import annotations

import csv
import shutil
import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quartieri_erp.errors import InputError, InputIssue
from quartieri_erp.inputs.catalogue import read_input
from quartieri_erp.inputs.curated import check_programme

ROOT = Path(__file__).resolve().parents[2]
PROGRAMME = ROOT / "data" / "programme"
REFERENCE = ROOT / "data" / "reference"


def copy_data(target: Path) -> tuple[Path, Path]:
    programme, reference = target / "programme", target / "reference"
    shutil.copytree(PROGRAMME, programme)
    shutil.copytree(REFERENCE, reference)
    return programme, reference


def rewrite(path: Path, change) -> None:
    """Apply ``change(header, rows)`` to a CSV file (rows as lists of cells)."""
    with open(path, encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    header, rows = change(header, rows)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, *rows])


def set_cell(path: Path, key: str, column: str, value: str) -> int:
    """Set ``column`` of the first row whose first cell is ``key``; returns its file line (header = 1)."""
    line = {}

    def change(header, rows):
        number = next(number for number, row in enumerate(rows, start=2) if row[0] == key)
        rows[number - 2][header.index(column)] = value
        line["number"] = number
        return header, rows

    rewrite(path, change)
    return line["number"]


def issues(programme: Path, reference: Path) -> list[InputIssue]:
    with pytest.raises(InputError) as caught:
        check_programme(programme, reference)
    return caught.value.issues


def find(found: list[InputIssue], file: str, column: str) -> list[InputIssue]:
    return [issue for issue in found if issue.file.endswith(file) and issue.column == column]


@pytest.fixture
def data(tmp_path):
    return copy_data(tmp_path)


def test_wrong_type_names_file_row_column_and_rule(data):
    programme, reference = data
    row = set_cell(programme / "projects.csv", "P08", "budget_eur", "duecentomila")
    with pytest.raises(InputError) as caught:
        check_programme(programme, reference)
    assert f"projects.csv, row {row}, column 'budget_eur', value 'duecentomila' — cannot be read as a number" in str(
        caught.value
    )


def test_unknown_province(data):
    programme, reference = data
    row = set_cell(programme / "projects.csv", "P05", "province", "XX")
    [issue] = find(issues(programme, reference), "projects.csv", "province")
    assert (issue.row, issue.value, issue.rule) == (row, "XX", "must be a Lombardy province code (provinces.csv)")


def test_province_must_match_the_municipality(data):
    programme, reference = data
    row = set_cell(programme / "projects.csv", "P04", "province", "BG")
    [issue] = find(issues(programme, reference), "projects.csv", "province")
    assert (issue.row, issue.rule) == (row, "must be the province of the municipality's ISTAT code")


def test_unknown_istat_code(data):
    programme, reference = data
    row = set_cell(programme / "experimentation_labs.csv", "L07", "istat_code", "019999")
    [issue] = find(issues(programme, reference), "experimentation_labs.csv", "istat_code")
    assert (issue.row, issue.value, issue.rule) == (row, "019999", "must be an ISTAT code of municipalities.csv")


def test_missing_column(data):
    programme, reference = data

    def drop_source(header, rows):
        at = header.index("source")
        return header[:at] + header[at + 1 :], [row[:at] + row[at + 1 :] for row in rows]

    rewrite(programme / "timeline.csv", drop_source)
    [issue] = find(issues(programme, reference), "timeline.csv", "source")
    assert issue.rule == "required column is missing"


def test_duplicated_id(data):
    programme, reference = data
    row = set_cell(programme / "facts.csv", "cdq_regional_count", "key", "cdq_national_count")
    found = find(issues(programme, reference), "facts.csv", "key")
    assert {issue.row for issue in found} == {row - 1, row}
    assert {issue.rule for issue in found} == {"value must be unique"}


def test_empty_source(data):
    programme, reference = data
    row = set_cell(programme / "glossary.csv", "ERP", "source", "")
    [issue] = find(issues(programme, reference), "glossary.csv", "source")
    assert (issue.row, issue.rule) == (row, "value is required")


def test_row_rules(data):
    programme, reference = data
    month_row = set_cell(programme / "timeline.csv", "E11", "date", "2015-12-15")
    ranking_row = set_cell(programme / "projects.csv", "P20", "ranking", "")
    found = issues(programme, reference)
    [date] = find(found, "timeline.csv", "date")
    [ranking] = find(found, "projects.csv", "ranking")
    assert (date.row, date.rule) == (month_row, "must be the first day of the month when the precision is 'month'")
    assert (ranking.row, ranking.rule) == (ranking_row, "is required for a funded project")


def test_references_between_files(data):
    programme, reference = data
    card_row = set_cell(programme / "case_study_items.csv", "4.10", "card_id", "4.11")
    budget_row = set_cell(programme / "case_studies.csv", "4.9", "budget_eur", "241679.72")
    note_row = set_cell(programme / "sus_steps.csv", "bollate", "note", "Vedi D99.")
    found = issues(programme, reference)
    assert [(i.row, i.rule) for i in find(found, "case_study_items.csv", "card_id")] == [
        (card_row, "must be a card_id of case_studies.csv")
    ]
    assert [(i.row, i.rule) for i in find(found, "case_studies.csv", "budget_eur")] == [
        (budget_row, "must be empty when project_id is set: the budget lives in projects.csv")
    ]
    assert [(i.row, i.value) for i in find(found, "sus_steps.csv", "note")] == [(note_row, "Vedi D99.")]


def test_all_files_are_reported_at_once(data):
    programme, reference = data
    set_cell(programme / "procedures.csv", "PR2", "operations", "uno")
    set_cell(programme / "sus_resources.csv", "bollate", "fund", "FEASR")
    set_cell(programme / "projects.csv", "P30", "province", "TI")
    files = {Path(issue.file).name for issue in issues(programme, reference)}
    assert files == {"procedures.csv", "sus_resources.csv", "projects.csv"}


LOMBARDY = set(read_input("provinces", REFERENCE)["sigla"])
PROJECT_IDS = [f"P{number:02d}" for number in range(1, 39)]


@settings(max_examples=10, deadline=None)
@given(
    project=st.sampled_from(PROJECT_IDS),
    code=st.text(string.ascii_uppercase, min_size=2, max_size=2).filter(lambda code: code not in LOMBARDY),
)
def test_any_non_lombardy_province_is_reported_on_its_row(project, code):
    with tempfile.TemporaryDirectory() as folder:
        programme, reference = copy_data(Path(folder))
        row = set_cell(programme / "projects.csv", project, "province", code)
        found = find(issues(programme, reference), "projects.csv", "province")
    assert [(issue.row, issue.value) for issue in found] == [(row, code)]


def test_editing_one_budget_changes_the_card_that_uses_it(data):
    programme, _ = data
    set_cell(programme / "projects.csv", "P10", "budget_eur", "250000.00")
    cards = read_input("case_studies", programme).set_index("card_id")
    assert cards.loc["4.7", "budget_eur"] == 250_000


def test_a_step_milestone_is_a_snake_case_key_naming_one_step(data):
    programme, reference = data
    rows = {}

    def change(header, records):
        strategy, step, milestone = (header.index(c) for c in ("strategy", "step", "milestone"))
        for number, row in enumerate(records, start=2):
            key = (row[strategy], row[step])
            rows[key] = number
            if key == ("bollate", "2"):
                row[milestone] = "adp_approvato"  # already the key of Bollate's step 5
            if key == ("bollate", "3"):
                row[milestone] = "AdP approvato"
        return header, records

    rewrite(programme / "sus_steps.csv", change)
    found = find(issues(programme, reference), "sus_steps.csv", "milestone")
    assert sorted((i.row, i.value, i.rule) for i in found) == [
        (rows[("bollate", "2")], "adp_approvato", "must be unique in the file: a key names one step"),
        (
            rows[("bollate", "3")],
            "AdP approvato",
            "must be a short snake_case key: lower-case letters, digits and underscores",
        ),
        (rows[("bollate", "5")], "adp_approvato", "must be unique in the file: a key names one step"),
    ]
