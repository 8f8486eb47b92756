"""Input files rewritten the way people send them: ';' with BOM and decimal commas, Windows-1252, .xlsx."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

# How a spreadsheet holds the monitoring and curated columns that are not text.
CELL_TYPES: dict[str, Callable[[str], object]] = {
    "age": int,
    "start_date": dt.datetime.fromisoformat,
    "budget_eur": float,
}


def read_rows(path: Path) -> list[list[str]]:
    """A UTF-8 CSV file as rows of text (header first)."""
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def write_rows(
    path: Path, rows: list[list[str]], separator: str = ",", encoding: str = "utf-8", line_end: str = "\n"
) -> None:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=separator, lineterminator=line_end).writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))


def italian(value: str) -> str:
    """A number written with a decimal point as Excel writes it in Italy: 1234567.5 -> '1.234.567,5'."""
    whole, _, decimals = value.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups = [digits[max(0, i - 3) : i] for i in range(len(digits), 0, -3)][::-1]
    return sign + ".".join(groups) + ("," + decimals if decimals else "")


def to_semicolons(src: Path, dst: Path, numbers: tuple[str, ...] = ()) -> None:
    """``src`` as an Italian Excel 'CSV UTF-8' export: BOM, ';', CRLF, ``numbers`` columns written the Italian way."""
    rows = read_rows(src)
    at = [rows[0].index(name) for name in numbers if name in rows[0]]
    for row in rows[1:]:
        for i in at:
            row[i] = italian(row[i]) if row[i] else row[i]
    write_rows(dst, rows, separator=";", encoding="utf-8-sig", line_end="\r\n")


def to_workbook(
    src: Path,
    dst: Path,
    sheet: str | None = None,
    extra_sheets: tuple[str, ...] = (),
    types: dict[str, Callable[[str], object]] = CELL_TYPES,
) -> None:
    """``src`` as an .xlsx workbook: the ``types`` columns as typed cells (numbers, dates), empty cells empty."""
    rows = read_rows(src)
    book = Workbook()
    table = book.active
    table.title = sheet or src.stem
    table.append(rows[0])
    typed = [types.get(name, str) for name in rows[0]]
    for row in rows[1:]:
        table.append([convert(value) if value else None for convert, value in zip(typed, row, strict=True)])
    for name in extra_sheets:
        book.create_sheet(name)
    book.save(dst)
