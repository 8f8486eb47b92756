"""How an input file is written, and reading it as text: CSV dialects and Excel workbooks.

Evaluators send exports of monitoring systems and spreadsheets: CSV in UTF-8 (with or without BOM) or
in a Windows encoding (cp1252, a superset of Latin-1 for text), separated by ``,`` or ``;`` (then with
decimal commas, Italian style), or ``.xlsx`` workbooks standing in for the CSV file of the same name.
Both readers — ``inputs.tables`` (every curated and small file) and ``monitoring.reading`` (the large
participant files, with pyarrow) — locate and sniff files here, so a file means the same thing whichever
reader opens it, and a file that cannot be understood is refused with a message saying how to fix it.

Rows are numbered as a spreadsheet shows them: the column names are row 1, the first record row 2.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import difflib
import io
import re
import zipfile
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from quartieri_erp.errors import InputError, InputIssue

SAMPLE_BYTES = 1 << 16  # encoding and separator are sniffed from the first 64 KiB
WORKBOOK = ".xlsx"
UNREADABLE = {
    ".xls": "an old-format Excel workbook",
    ".ods": "an OpenDocument spreadsheet",
    ".xlsb": "a binary Excel workbook",
    ".numbers": "a Numbers spreadsheet",
}
SEPARATORS = (",", ";", "\t")
WINDOWS = "cp1252"
SAVE_AS = "save it as 'CSV UTF-8' (in Excel: Save as > CSV UTF-8) or as an .xlsx workbook"
# A number written the Italian way: thousands points and/or a decimal comma (1.234.567,89; 12,5; 1.234).
ITALIAN_NUMBER = r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?|-?\d+,\d+"


def _refuse(path: Path, rule: str, **where) -> InputError:
    return InputError([InputIssue(file=path.as_posix(), rule=rule, **where)])


@dataclass(frozen=True)
class CsvDialect:
    """How a CSV file is written: encoding (a Python codec name), separator and column names."""

    encoding: str  # "utf-8", "utf-8-sig" (with BOM) or "cp1252"
    separator: str  # ",", ";" or tab
    header: tuple[str, ...]  # column names as written in row 1

    @property
    def decimal_comma(self) -> bool:
        """A ';'-separated file writes numbers the Italian way (decimal comma, thousands point)."""
        return self.separator == ";"


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() == WORKBOOK


def _missing_file(path: Path) -> str:
    folder = path.parent
    if not folder.is_dir():
        return f"file not found: the folder {folder.as_posix()} does not exist"
    for suffix, kind in UNREADABLE.items():
        if path.with_suffix(suffix).is_file():
            return f"file not found: {path.with_suffix(suffix).name} is {kind}, which cannot be read; {SAVE_AS}"
    names = {p.name.lower(): p.name for p in folder.iterdir() if p.is_file()}
    wanted = [path.name.lower(), path.with_suffix(WORKBOOK).name.lower()]
    close = [names[n] for w in wanted for n in difflib.get_close_matches(w, list(names), n=1, cutoff=0.8)]
    if close:
        return f"file not found: the folder has '{close[0]}'; rename it to '{path.name}'"
    return f"file not found (expected {path.name} or {path.with_suffix(WORKBOOK).name})"


def locate(path: Path) -> Path:
    """The file standing for the contract file ``path`` (``name.csv``): itself, or the workbook ``name.xlsx``.

    Raises InputError when neither exists (naming a file with a close name or in a format that cannot
    be read) or when both do (which one is current cannot be guessed).
    """
    path = Path(path)
    other = path.with_suffix(".csv" if is_workbook(path) else WORKBOOK)
    found = [p for p in (path, other) if p.is_file()]
    if len(found) == 2:
        raise _refuse(path, f"both {path.name} and {other.name} are in the folder: keep only one of them")
    if not found:
        raise _refuse(path, _missing_file(path))
    return found[0]


def _encoding(data: bytes, path: Path, complete: bool) -> str:
    """The codec of ``data`` (the whole file when ``complete``, else its beginning)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _refuse(path, f"the file is written in UTF-16 ('Unicode text'); {SAVE_AS}")
    if data.startswith(b"PK\x03\x04"):
        raise _refuse(
            path,
            f"the file is a workbook or a zip archive, not CSV text; if it is an Excel "
            f"workbook, name it {path.stem}{WORKBOOK}",
        )
    if b"\x00" in data:
        raise _refuse(path, f"the file is not text (it contains NUL bytes); {SAVE_AS}")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=complete)
        return "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        data.decode(WINDOWS)
    except UnicodeDecodeError as err:
        raise _refuse(
            path,
            f"the file is neither UTF-8 nor Windows-1252 (Latin-1) text (byte {err.start + 1} "
            f"cannot be read); {SAVE_AS}",
        ) from None
    return WINDOWS


def _separator(line: str) -> str:
    """The separator used most in the header line outside quoted names (',' when there is none)."""
    unquoted = re.sub(r'"[^"]*"', "", line)
    counts = {sep: unquoted.count(sep) for sep in SEPARATORS}
    best = max(SEPARATORS, key=counts.__getitem__)
    return best if counts[best] else ","


def _dialect(data: bytes, path: Path, complete: bool) -> CsvDialect:
    if not data.strip():
        raise _refuse(path, "the file is empty")
    encoding = _encoding(data, path, complete)
    text = codecs.getincrementaldecoder(encoding)().decode(data, final=complete)
    first = text.splitlines()[0] if text else ""
    separator = _separator(first)
    return CsvDialect(encoding, separator, tuple(next(csv.reader([first], delimiter=separator), [])))


def csv_dialect(path: Path) -> CsvDialect:
    """Encoding, separator and column names of a CSV file, sniffed from its first 64 KiB.

    Refuses UTF-16, binary and undecodable files, naming the fix. A byte beyond the sample that is
    not UTF-8 is found by the reader, which then falls back to ``text_frame`` (whole-file detection).
    """
    with Path(path).open("rb") as handle:
        data = handle.read(SAMPLE_BYTES)
    return _dialect(data, Path(path), complete=len(data) < SAMPLE_BYTES)


def check_header(header: Sequence[str], path: Path) -> None:
    """Refuse a row 1 without column names or repeating one (the file cannot be read unambiguously)."""
    if not any(name.strip() for name in header):
        raise _refuse(path, "row 1 must hold the column names", row=1)
    repeated = [name for name, n in Counter(h for h in header if h.strip()).items() if n > 1]
    if repeated:
        raise InputError(
            [
                InputIssue(
                    file=path.as_posix(),
                    column=name,
                    rule="the column name appears more than once in row 1; keep one column with this name",
                )
                for name in repeated
            ]
        )


def data_rows(frame: pd.DataFrame, path: Path) -> pd.DataFrame:
    """``frame`` without the empty rows that end it (blank lines, spreadsheet leftovers).

    Refuses empty rows before the last data row (they would shift what a reader counts) and a file
    without data rows. Row ``i`` of ``frame`` is row ``i + 2`` of the file.
    """
    if frame.shape[1] == 0:  # none of the expected columns: nothing to count (the names are reported)
        return frame
    candidates = np.flatnonzero(frame.iloc[:, 0].isna().to_numpy())  # an empty row misses its first value
    empty = candidates[frame.iloc[candidates].isna().all(axis=1).to_numpy()]
    end = len(frame)
    for row in empty[::-1]:
        if row != end - 1:
            break
        end -= 1
    inner = empty[empty < end]
    if inner.size:
        raise InputError(
            [InputIssue(file=path.as_posix(), row=int(i) + 2, rule="the row is empty; delete it") for i in inner]
        )
    if end == 0:
        raise _refuse(path, "the file has column names but no data rows", row=2)
    return frame.iloc[:end] if end < len(frame) else frame


def _shape_issues(records: list[list[str]], width: int, path: Path) -> list[InputIssue]:
    """Rows (blank lines aside) whose number of values differs from the number of column names."""
    issues = []
    for row, record in enumerate(records, start=2):
        if record and len(record) != width:
            values = f"{len(record)} value" + ("s" if len(record) > 1 else "")
            issues.append(
                InputIssue(
                    file=path.as_posix(),
                    row=row,
                    rule=f"the row has {values} but row 1 names {width} columns; check the "
                    "separator and the quotes around values that contain it",
                )
            )
    return issues


def _csv_records(path: Path) -> tuple[list[str], list[list[str]], bool]:
    """Header, records (blank lines as rows of empty values) and whether numbers use decimal commas."""
    data = path.read_bytes()
    dialect = _dialect(data, path, complete=True)
    text = data.decode(dialect.encoding)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=dialect.separator))
    except csv.Error as err:
        raise _refuse(path, f"cannot be read as CSV ({err}); {SAVE_AS}") from None
    header, rows = records[0], records[1:]
    issues = _shape_issues(rows, len(header), path)
    if issues:
        raise InputError(issues)
    return header, [row or [""] * len(header) for row in rows], dialect.decimal_comma


def _cell_text(value: object) -> str:
    """A workbook cell as the text a CSV export would hold (dates as YYYY-MM-DD, 50.0 as 50)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _sheet(book, table: str, path: Path):
    names = book.sheetnames
    named = [name for name in names if name.strip().lower() == table.lower()]
    if named or len(names) == 1:
        return book[(named or names)[0]]
    raise _refuse(
        path,
        f"the workbook has {len(names)} sheets ({', '.join(names)}) and none is named "
        f"'{table}': rename the sheet holding the table to '{table}' or keep only that sheet",
    )


def _workbook_records(path: Path) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the table's sheet (named after the file, or the only sheet), as text."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as err:
        raise _refuse(path, f"cannot be opened as an .xlsx workbook ({err}); {SAVE_AS}") from None
    try:
        rows = [[_cell_text(v) for v in row] for row in _sheet(book, path.stem, path).iter_rows(values_only=True)]
    finally:
        book.close()
    if not any(cell.strip() for row in rows for cell in row):
        raise _refuse(path, "the sheet is empty")
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    return rows[0], rows[1:]


def _decimal_points(values: pd.Series) -> pd.Series:
    """Italian numbers (1.234,5) rewritten with a decimal point (1234.5); other values as written."""
    italian = values.str.fullmatch(ITALIAN_NUMBER, na=False)
    rewritten = values.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    return values.where(~italian, rewritten)


def text_frame(path: Path, numbers: Collection[str] = ()) -> pd.DataFrame:
    """A CSV file or ``.xlsx`` workbook as text columns, empty cells as NA.

    Columns without a name are dropped when they hold nothing and refused otherwise; so are empty
    rows (see ``data_rows``). In a ``;``-separated CSV the ``numbers`` columns are rewritten from the
    Italian way to decimal points. Raises InputError for a file that cannot be understood (encoding,
    separator, rows of the wrong length, repeated column names, no data rows), saying how to fix it.
    """
    path = Path(path)
    if is_workbook(path):
        header, rows = _workbook_records(path)
        decimal_comma = False
    else:
        header, rows, decimal_comma = _csv_records(path)
    check_header(header, path)
    frame = pd.DataFrame(rows, columns=range(len(header)), dtype=str)
    unnamed = [i for i, name in enumerate(header) if not name.strip()]
    filled = [i for i in unnamed if frame[i].str.strip().ne("").any()]
    if filled:
        raise InputError(
            [
                InputIssue(
                    file=path.as_posix(),
                    row=1,
                    column=f"#{i + 1}",
                    rule="the column has values but no name in row 1; name it or delete it",
                )
                for i in filled
            ]
        )
    kept = [i for i in range(len(header)) if i not in unnamed]
    frame = frame[kept].set_axis([header[i] for i in kept], axis=1).replace({"": pd.NA})
    for column in (c for c in numbers if decimal_comma and c in frame.columns):
        frame[column] = _decimal_points(frame[column])
    return data_rows(frame, path)
