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
        write_rows(root / file, [row[:at] + row[at + 1 :] for row in rows])

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


def as_workbook(
    file: str, *, keep_csv: bool = False, sheet: str | None = None, extra_sheets: tuple[str, ...] = ()
) -> Mutation:
    """Replace ``name.csv`` by the workbook ``name.xlsx`` (or add it next to the CSV file)."""

    def mutate(root: Path) -> None:
        csv_file = root / file
        to_workbook(csv_file, csv_file.with_suffix(".xlsx"), sheet=sheet, extra_sheets=extra_sheets)
        if not keep_csv:
            csv_file.unlink()

    return mutate


P, E, J = "data/participants.csv", "data/enrolments.csv", "data/projects.csv"
FACTS, GLOSSARY, TIMELINE, PROGRAMME_PROJECTS = (
    f"programme/{name}.csv" for name in ("facts", "glossary", "timeline", "projects")
)
HEADER = b"participant_id,project_id,sex,age,citizenship,education,disadvantage,employment_status,province"
HEADER_IT = b"id_partecipante,progetto,sesso,eta,cittadinanza,titolo_studio,svantaggio,condizione,provincia"
MISSING, UNKNOWN, AS_WRITTEN = "manca la colonna obbligatoria", "nome di colonna sconosciuto", "non si legge come"

CASES: list[Case] = [
    # column names -----------------------------------------------------------------------------------
    Case("missing-column", (drop_column(P, "sex"),), (f"{P}, colonna 'sex' — {MISSING}",)),
    Case(
        "misspelt-column",
        (rename_column(P, "participant_id", "partecipant_id"),),
        (f"{P}, colonna 'partecipant_id' — {UNKNOWN}: forse 'participant_id'?",),
    ),
    Case(
        "column-in-capitals",
        (rename_column(E, "start_date", "Start_Date"),),
        (f"{E}, colonna 'Start_Date' — {UNKNOWN}: forse 'start_date'?",),
    ),
    Case(
        "foreign-column-names",
        (replace_bytes(P, HEADER, HEADER_IT),),
        (
            f"{P}, colonna 'participant_id' — {MISSING}",
            f"{P}, colonna 'sex' — {MISSING}",
            f"{P}, colonna 'provincia' — {UNKNOWN}: forse 'province'?",
        ),
    ),
    Case(
        "repeated-column",
        (rename_column(P, "province", "age"),),
        (f"{P}, colonna 'age' — il nome della colonna compare più volte",),
    ),
    Case(
        "curated-misspelt-column",
        (rename_column(FACTS, "value", "valeu"),),
        (f"{FACTS}, colonna 'valeu' — nome di colonna sconosciuto: forse 'value'?",),
    ),
    Case(
        "curated-extra-column",
        (add_column(GLOSSARY, "commento", "x"),),
        (f"{GLOSSARY}, colonna 'commento' — la colonna non fa parte del contratto",),
    ),
    # values -----------------------------------------------------------------------------------------
    Case(
        "age-not-a-number",
        (edit(P, 5, "age", "quarantadue"),),
        (f"{P}, riga 5, colonna 'age', valore 'quarantadue' — {AS_WRITTEN} un numero intero",),
    ),
    Case(
        "age-too-high",
        (edit(P, 6, "age", "130"),),
        (f"{P}, riga 6, colonna 'age', valore 130 — deve essere compreso tra 0 e 110",),
    ),
    Case(
        "age-negative",
        (edit(P, 7, "age", "-4"),),
        (f"{P}, riga 7, colonna 'age', valore -4 — deve essere compreso tra 0 e 110",),
    ),
    Case(
        "unknown-province",
        (edit(P, 8, "province", "TO"),),
        (f"{P}, riga 8, colonna 'province', valore 'TO' — deve essere la sigla di una provincia lombarda",),
    ),
    Case(
        "unknown-country",
        (edit(P, 9, "citizenship", "XX"),),
        (f"{P}, riga 9, colonna 'citizenship', valore 'XX' — deve essere un codice di paese di countries.csv",),
    ),
    Case(
        "unknown-category",
        (edit(P, 10, "education", "laurea"),),
        (f"{P}, riga 10, colonna 'education', valore 'laurea' — deve essere uno dei valori",),
    ),
    Case(
        "date-not-parseable",
        (edit(E, 2, "start_date", "17/04/2019"),),
        (f"{E}, riga 2, colonna 'start_date', valore '17/04/2019' — deve essere una data scritta AAAA-MM-GG",),
    ),
    Case(
        "date-after-cut-off",
        (edit(E, 2, "start_date", "2021-03-01"),),
        (
            f"{E}, riga 2, colonna 'start_date', valore '2021-03-01' — non può essere successiva alla data di aggiornamento dei dati (2020-11-30)",
        ),
    ),
    Case(
        "negative-budget",
        (edit(J, 2, "budget_eur", "-5"),),
        (f"{J}, riga 2, colonna 'budget_eur', valore -5.0 — deve essere zero o più",),
    ),
    Case(
        "curated-unknown-istat-code",
        (edit(PROGRAMME_PROJECTS, 2, "istat_code", "999999"),),
        (
            f"{PROGRAMME_PROJECTS}, riga 2, colonna 'istat_code', valore '999999' — "
            "deve essere un codice ISTAT di municipalities.csv",
        ),
    ),
    Case(
        "curated-bad-date",
        (edit(TIMELINE, 2, "date", "1998-02-30"),),
        (f"{TIMELINE}, riga 2, colonna 'date', valore '1998-02-30' — non si legge come una data (AAAA-MM-GG)",),
    ),
    # identifiers and links between files ------------------------------------------------------------
    Case(
        "duplicate-participant",
        (edit(P, 3, "participant_id", "S0001"),),
        (
            f"{P}, colonna 'participant_id' — il valore deve essere unico nel file: 2 righe "
            "(riga 2: 'S0001'; riga 3: 'S0001')",
        ),
    ),
    Case(
        "enrolment-of-unknown-participant",
        (edit(E, 5, "participant_id", "S9999"),),
        (f"{E}, riga 5, colonna 'participant_id', valore 'S9999' — deve essere un participant_id di participants.csv",),
    ),
    Case(
        "participant-of-unknown-project",
        (edit(P, 11, "project_id", "P99"),),
        (f"{P}, riga 11, colonna 'project_id', valore 'P99' — deve essere un project_id di projects.csv",),
    ),
    Case(
        "pip-without-status",
        (edit(E, 2, "status", ""),),
        (f"{E}, riga 2, colonna 'status' — una riga pip richiede lo stato del PIP",),
    ),
    Case(
        "lab-with-status",
        (edit(E, 3, "status", "concluso"),),
        (f"{E}, riga 3, colonna 'status', valore 'concluso' — deve essere vuoto per una riga laboratorio_sociale",),
    ),
    Case(
        "enrolled-twice-in-a-subproject",
        (edit(E, 4, "subproject", "laboratorio_sociale"), edit(E, 4, "status", "")),
        (
            f"{E}, colonna 'participant_id' — la persona è iscritta più di una volta allo stesso sotto-progetto: "
            "2 righe (riga 3: 'S0002'; riga 4: 'S0002')",
        ),
    ),
    # files ------------------------------------------------------------------------------------------
    Case("empty-file", (write_bytes(E, b""),), (f"{E} — il file è vuoto",)),
    Case(
        "header-only", (keep_rows(P, 1),), (f"{P}, riga 2 — il file ha i nomi delle colonne ma nessuna riga di dati",)
    ),
    Case("curated-empty-file", (write_bytes(FACTS, b"\n"),), (f"{FACTS} — il file è vuoto",)),
    Case("missing-file", (delete(P),), (f"{P} — file non trovato",)),
    Case(
        "misnamed-file",
        (rename_file(P, "data/Participants.csv"),),
        (f"{P} — file non trovato: nella cartella c'è 'Participants.csv'; rinominarlo 'participants.csv'",),
    ),
    Case(
        "old-excel-format",
        (rename_file(P, "data/participants.xls"),),
        (
            "participants.xls è una cartella di lavoro Excel nel vecchio formato, che non si può leggere; salvarlo come 'CSV UTF-8'",
        ),
    ),
    Case(
        "csv-and-workbook",
        (as_workbook(P, keep_csv=True),),
        ("nella cartella ci sono sia participants.csv sia participants.xlsx: tenerne uno solo",),
    ),
    Case(
        "workbook-without-the-sheet",
        (as_workbook(E, sheet="Foglio1", extra_sheets=("Foglio2",)),),
        ("enrolments.xlsx — la cartella di lavoro ha 2 fogli (Foglio1, Foglio2) e nessuno si chiama 'enrolments'",),
    ),
    Case(
        "workbook-bad-value",
        (edit(P, 4, "sex", "X"), as_workbook(P)),
        ("participants.xlsx, riga 4, colonna 'sex', valore 'X' — deve essere uno dei valori",),
    ),
    Case("utf16-file", (reencode(E, "utf-16"),), (f"{E} — il file è scritto in UTF-16", "CSV UTF-8")),
    Case(
        "undecodable-bytes",
        (replace_bytes(J, b"ALER Milano", b"ALER Mil\x81no"),),
        (f"{J} — il file non è testo UTF-8 né Windows-1252 (Latin-1)", "salvarlo come 'CSV UTF-8'"),
    ),
    Case(
        "row-with-an-extra-value",
        (replace_bytes(E, b"S0004,laboratorio_sociale,2019-02-24,", b"S0004,laboratorio_sociale,2019-02-24,,x"),),
        (f"{E}, riga 6 — la riga ha 5 valori ma la riga 1 nomina 4 colonne: controllare il separatore",),
    ),
    Case(
        "header-with-another-separator",
        (replace_bytes(P, HEADER, HEADER.replace(b",", b";")),),
        (f"{P} — la riga ha 1 valore ma la riga 1 nomina 9 colonne", "830 righe (riga 2; riga 3;"),
    ),
    Case(
        "reference-file-missing", (delete("reference/countries.csv"),), ("reference/countries.csv — file non trovato",)
    ),
    # several problems in several folders are reported together ----------------------------------------
    Case(
        "problems-everywhere",
        (edit(P, 3, "sex", "X"), edit(E, 5, "status", "chiuso"), delete(J), edit(FACTS, 3, "value", "nove")),
        (
            f"{P}, riga 3, colonna 'sex', valore 'X'",
            f"{E}, riga 5, colonna 'status', valore 'chiuso'",
            f"{J} — file non trovato",
            f"{FACTS}, riga 3, colonna 'value', valore 'nove' — {AS_WRITTEN} un numero",
        ),
    ),
]
