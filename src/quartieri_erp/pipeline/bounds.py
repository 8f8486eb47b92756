"""Input checks that bound the work of one build and catch, before anything runs, what would otherwise
fail only after every chapter ran.

- The number of funded projects (one annex section each) and the length of a text cell are limited
  (``quartieri_erp.limits``).
- Project ids that differ only by case (``P07`` and ``p07``) would give two sections the same label.

Reads the curated tables and the monitoring ``projects`` file as text; the participant-level files
hold codes only, which their schemas already bound.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from quartieri_erp.errors import InputError, InputIssue
from quartieri_erp.inputs.file_formats import locate, text_frame
from quartieri_erp.limits import LIMITS
from quartieri_erp.params import RunParams

TABLE_SUFFIXES = (".csv", ".xlsx")
SHOWN = 60  # characters of a too-long value quoted in the message


def _tables(params: RunParams) -> list[Path]:
    curated = sorted(
        p
        for p in params.programme_dir.iterdir()
        if p.suffix.lower() in TABLE_SUFFIXES and not p.name.startswith((".", "~$"))
    )
    try:
        return [*curated, locate(params.data_dir / "projects.csv")]
    except InputError:  # reported by the monitoring checks
        return curated


def long_cells(frame: pd.DataFrame, file: str, limit: int = LIMITS.text_cell_chars) -> list[InputIssue]:
    """Cells longer than ``limit`` characters."""
    issues = []
    for column in frame.columns:
        lengths = frame[column].str.len()
        for index in lengths.index[lengths.fillna(0) > limit]:
            value = str(frame.at[index, column])
            issues.append(
                InputIssue(
                    file=file,
                    row=int(index) + 2,
                    column=str(column),
                    value=value[:SHOWN] + "…",
                    rule=f"il testo ha {_it(len(value))} caratteri; una cella ne ammette al massimo {_it(limit)} "
                    f"(limite in quartieri_erp/limits.py): accorciarlo",
                )
            )
    return issues


def _it(n: int) -> str:
    """A count in Italian digits: 7.000."""
    return f"{n:,}".replace(",", ".")


def case_clashes(frame: pd.DataFrame, file: str, column: str = "project_id") -> list[InputIssue]:
    """Ids that differ from an earlier one only by upper/lower case (or surrounding spaces)."""
    if column not in frame.columns:
        return []
    values = frame[column].dropna().astype(str)
    folded = values.str.strip().str.casefold()
    first = {}
    issues = []
    for index, key in folded.items():
        if key in first and values[first[key]] != values[index]:
            issues.append(
                InputIssue(
                    file=file,
                    row=int(index) + 2,
                    column=column,
                    value=values[index],
                    rule=f"differisce da {values[first[key]]!r} (riga {int(first[key]) + 2}) solo per maiuscole e "
                    f"minuscole; gli identificativi devono differire per altro (diventano etichette di sezione)",
                )
            )
        first.setdefault(key, index)
    return issues


def bounds_issues(params: RunParams) -> list[InputIssue]:
    """Every problem found by the checks of this module."""
    issues: list[InputIssue] = []
    for path in _tables(params):
        try:
            frame = text_frame(path).reset_index(drop=True)
        except InputError:  # unreadable files are reported by the schema checks
            continue
        file = path.as_posix()
        issues += long_cells(frame, file)
        if path.parent == params.data_dir or path.stem == "projects":
            issues += case_clashes(frame, file)
        if path.parent == params.data_dir and len(frame) > LIMITS.annex_projects:
            issues.append(
                InputIssue(
                    file=file,
                    rule=f"{_it(len(frame))} progetti; una compilazione ne presenta al massimo "
                    f"{_it(LIMITS.annex_projects)} (una scheda ciascuno; limite in quartieri_erp/limits.py)",
                )
            )
    return issues
