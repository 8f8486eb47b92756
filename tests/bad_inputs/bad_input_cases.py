"""The table of bad inputs: each case breaks copies of the input folders and names what the message must say.

Each case runs on a fresh copy of ``data/synthetic`` (as ``data/``), ``data/programme`` (``programme/``)
and ``data/reference`` (``reference/``), applies its mutations in order (file paths are relative to
the copy) and expects every listed fragment in the build's message. Rows are numbered as in a
spreadsheet (column names = row 1), which is how the message names them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from input_variants import read_rows, to_workbook, write_rows

Mutation = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    name: str
    mutations: tuple[Mutation, ...]
    expected: tuple[str, ...]  # fragments of the message, e.g. "participants.csv, row 3, column 'sex'"


def edit(file: str, row: int, column: str, value: str) -> Mutation:
    """Set one cell; ``row`` as a spreadsheet numbers it (column names = row 1)."""
    def mutate(root: Path) -> None:
        rows = read_rows(root / file)
        rows[row - 1][rows[0].index(column)] = value
        write_rows(root / file, rows)
    return mutate


def rename_column(file: str, old: str, new: str) -> Mutation:
    def mutate(root: Path) -> None:
        rows = read_rows(root / file)
        rows[0][rows[0].index(old)] = new
        write_rows(root / file, rows)
    return mutate


def drop_column(file: str, column: str) -> Mutation:
    def mutate(root: Path) -> None:
        rows = read_rows(root / file)
        at = rows[0].index(column)
        write_rows(root / file, [row[:at] + row[at + 1:] for row in rows])
    return mutate


def add_column(file: str, column: str, value: str) -> Mutation:
    def mutate(root: Path) -> None:
        rows = read_rows(root / file)
        write_rows(root / file, [rows[0] + [column]] + [row + [value] for row in rows[1:]])
    return mutate


def keep_rows(file: str, count: int) -> Mutation:
    """Keep the first ``count`` rows (1 = the column names only)."""
    def mutate(root: Path) -> None:
        write_rows(root / file, read_rows(root / file)[:count])
    return mutate


def write_bytes(file: str, data: bytes) -> Mutation:
    def mutate(root: Path) -> None:
        (root / file).write_bytes(data)
    return mutate


def replace_bytes(file: str, old: bytes, new: bytes) -> Mutation:
    """Replace the first occurrence of ``old`` in the file's bytes."""
    def mutate(root: Path) -> None:
        data = (root / file).read_bytes()
        assert old in data, (file, old)
        (root / file).write_bytes(data.replace(old, new, 1))
    return mutate


def reencode(file: str, encoding: str) -> Mutation:
    def mutate(root: Path) -> None:
        (root / file).write_bytes((root / file).read_text(encoding="utf-8").encode(encoding))
    return mutate


def rename_file(old: str, new: str) -> Mutation:
    def mutate(root: Path) -> None:
        (root / old).rename(root / new)
    return mutate


def delete(file: str) -> Mutation:
    def mutate(root: Path) -> None:
        (root / file).unlink()
    return mutate


def as_workbook(file: str, *, keep_csv: bool = False, sheet: str | None = None,
                extra_sheets: tuple[str, ...] = ()) -> Mutation:
    """Replace ``name.csv`` by the workbook ``name.xlsx`` (or add it next to the CSV file)."""
    def mutate(root: Path) -> None:
        csv_file = root / file
        to_workbook(csv_file, csv_file.with_suffix(".xlsx"), sheet=sheet, extra_sheets=extra_sheets)
        if not keep_csv:
            csv_file.unlink()
    return mutate


P, E, J = "data/participants.csv", "data/enrolments.csv", "data/projects.csv"
FACTS, GLOSSARY, TIMELINE, PROGRAMME_PROJECTS = (f"programme/{name}.csv" for name in
                                                 ("facts", "glossary", "timeline", "projects"))
HEADER = b"participant_id,project_id,sex,age,citizenship,education,disadvantage,employment_status,province"
HEADER_IT = b"id_partecipante,progetto,sesso,eta,cittadinanza,titolo_studio,svantaggio,condizione,provincia"
MISSING, UNKNOWN, AS_WRITTEN = "required column is missing", "unknown column name", "cannot be read as"

CASES: list[Case] = [
    # column names -----------------------------------------------------------------------------------
    Case("missing-column", (drop_column(P, "sex"),), (f"{P}, column 'sex' — {MISSING}",)),
    Case("misspelt-column", (rename_column(P, "participant_id", "partecipant_id"),),
         (f"{P}, column 'partecipant_id' — {UNKNOWN}: did you mean 'participant_id'?",)),
    Case("column-in-capitals", (rename_column(E, "start_date", "Start_Date"),),
         (f"{E}, column 'Start_Date' — {UNKNOWN}: did you mean 'start_date'?",)),
    Case("foreign-column-names", (replace_bytes(P, HEADER, HEADER_IT),),
         (f"{P}, column 'participant_id' — {MISSING}", f"{P}, column 'sex' — {MISSING}",
          f"{P}, column 'provincia' — {UNKNOWN}: did you mean 'province'?")),
    Case("repeated-column", (rename_column(P, "province", "age"),),
         (f"{P}, column 'age' — the column name appears more than once",)),
    Case("curated-misspelt-column", (rename_column(FACTS, "value", "valeu"),),
         (f"{FACTS}, column 'valeu' — unknown column name: did you mean 'value'?",)),
    Case("curated-extra-column", (add_column(GLOSSARY, "commento", "x"),),
         (f"{GLOSSARY}, column 'commento' — column is not part of the contract",)),
    # values -----------------------------------------------------------------------------------------
    Case("age-not-a-number", (edit(P, 5, "age", "quarantadue"),),
         (f"{P}, row 5, column 'age', value 'quarantadue' — {AS_WRITTEN} a whole number",)),
    Case("age-too-high", (edit(P, 6, "age", "130"),),
         (f"{P}, row 6, column 'age', value 130 — must be between 0 and 110",)),
    Case("age-negative", (edit(P, 7, "age", "-4"),),
         (f"{P}, row 7, column 'age', value -4 — must be between 0 and 110",)),
    Case("unknown-province", (edit(P, 8, "province", "TO"),),
         (f"{P}, row 8, column 'province', value 'TO' — must be a Lombardy province code",)),
    Case("unknown-country", (edit(P, 9, "citizenship", "XX"),),
         (f"{P}, row 9, column 'citizenship', value 'XX' — must be a country code of countries.csv",)),
    Case("unknown-category", (edit(P, 10, "education", "laurea"),),
         (f"{P}, row 10, column 'education', value 'laurea' — must be one of",)),
    Case("date-not-parseable", (edit(E, 2, "start_date", "17/04/2019"),),
         (f"{E}, row 2, column 'start_date', value '17/04/2019' — must be a date written YYYY-MM-DD",)),
    Case("date-after-cut-off", (edit(E, 2, "start_date", "2021-03-01"),),
         (f"{E}, row 2, column 'start_date', value '2021-03-01' — must not be after the data cut-off (2020-11-30)",)),
    Case("negative-budget", (edit(J, 2, "budget_eur", "-5"),),
         (f"{J}, row 2, column 'budget_eur', value -5.0 — must be zero or more",)),
    Case("curated-unknown-istat-code", (edit(PROGRAMME_PROJECTS, 2, "istat_code", "999999"),),
         (f"{PROGRAMME_PROJECTS}, row 2, column 'istat_code', value '999999' — "
          "must be an ISTAT code of municipalities.csv",)),
    Case("curated-bad-date", (edit(TIMELINE, 2, "date", "1998-02-30"),),
         (f"{TIMELINE}, row 2, column 'date', value '1998-02-30' — cannot be read as a date (YYYY-MM-DD)",)),
    # identifiers and links between files ------------------------------------------------------------
    Case("duplicate-participant", (edit(P, 3, "participant_id", "S0001"),),
         (f"{P}, row 2, column 'participant_id', value 'S0001' — value must be unique",
          f"{P}, row 3, column 'participant_id', value 'S0001' — value must be unique")),
    Case("enrolment-of-unknown-participant", (edit(E, 5, "participant_id", "S9999"),),
         (f"{E}, row 5, column 'participant_id', value 'S9999' — must be a participant_id of participants.csv",)),
    Case("participant-of-unknown-project", (edit(P, 11, "project_id", "P99"),),
         (f"{P}, row 11, column 'project_id', value 'P99' — must be a project_id of projects.csv",)),
    Case("pip-without-status", (edit(E, 2, "status", ""),),
         (f"{E}, row 2, column 'status' — a pip enrolment needs a status",)),
    Case("lab-with-status", (edit(E, 3, "status", "concluso"),),
         (f"{E}, row 3, column 'status', value 'concluso' — must be empty for a laboratorio_sociale enrolment",)),
    Case("enrolled-twice-in-a-subproject",
         (edit(E, 4, "subproject", "laboratorio_sociale"), edit(E, 4, "status", "")),
         (f"{E}, row 3, column 'participant_id', value 'S0002' — the person is enrolled more than once",
          f"{E}, row 4, column 'participant_id', value 'S0002' — the person is enrolled more than once")),
    # files ------------------------------------------------------------------------------------------
    Case("empty-file", (write_bytes(E, b""),), (f"{E} — the file is empty",)),
    Case("header-only", (keep_rows(P, 1),), (f"{P}, row 2 — the file has column names but no data rows",)),
    Case("curated-empty-file", (write_bytes(FACTS, b"\n"),), (f"{FACTS} — the file is empty",)),
    Case("missing-file", (delete(P),), (f"{P} — file not found",)),
    Case("misnamed-file", (rename_file(P, "data/Participants.csv"),),
         (f"{P} — file not found: the folder has 'Participants.csv'; rename it to 'participants.csv'",)),
    Case("old-excel-format", (rename_file(P, "data/participants.xls"),),
         ("participants.xls is an old-format Excel workbook, which cannot be read; save it as 'CSV UTF-8'",)),
    Case("csv-and-workbook", (as_workbook(P, keep_csv=True),),
         ("both participants.csv and participants.xlsx are in the folder: keep only one of them",)),
    Case("workbook-without-the-sheet", (as_workbook(E, sheet="Foglio1", extra_sheets=("Foglio2",)),),
         ("enrolments.xlsx — the workbook has 2 sheets (Foglio1, Foglio2) and none is named 'enrolments'",)),
    Case("workbook-bad-value", (edit(P, 4, "sex", "X"), as_workbook(P)),
         ("participants.xlsx, row 4, column 'sex', value 'X' — must be one of",)),
    Case("utf16-file", (reencode(E, "utf-16"),), (f"{E} — the file is written in UTF-16", "CSV UTF-8")),
    Case("undecodable-bytes", (replace_bytes(J, b"ALER Milano", b"ALER Mil\x81no"),),
         (f"{J} — the file is neither UTF-8 nor Windows-1252 (Latin-1) text", "save it as 'CSV UTF-8'")),
    Case("row-with-an-extra-value", (replace_bytes(E, b"S0004,laboratorio_sociale,2019-02-24,",
                                                           b"S0004,laboratorio_sociale,2019-02-24,,x"),),
         (f"{E}, row 6 — the row has 5 values but row 1 names 4 columns; check the separator",)),
    Case("header-with-another-separator", (replace_bytes(P, HEADER, HEADER.replace(b",", b";")),),
         (f"{P}, row 2 — the row has 1 value but row 1 names 9 columns",)),
    Case("reference-file-missing", (delete("reference/countries.csv"),),
         ("reference/countries.csv — file not found",)),
    # several problems in several folders are reported together ----------------------------------------
    Case("problems-everywhere", (edit(P, 3, "sex", "X"), edit(E, 5, "status", "chiuso"), delete(J),
                                 edit(FACTS, 3, "value", "nove")),
         (f"{P}, row 3, column 'sex', value 'X'", f"{E}, row 5, column 'status', value 'chiuso'",
          f"{J} — file not found", f"{FACTS}, row 3, column 'value', value 'nove' — {AS_WRITTEN} a number")),
]
