"""Rules that span the files of a monitoring data folder, checked vectorised on validated tables.

Every rule returns one InputIssue per offending row (file, 1-based line, column, value, rule).
Participant identifiers of both files are matched once (``link_participants``); the same links
give uniqueness, unknown participants, duplicate enrolments and each enrolment's participant row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from quartieri_erp.errors import InputIssue
from quartieri_erp.inputs.monitoring.codes import SUBPROJECTS


@dataclass(frozen=True)
class Files:
    """Display paths of the three monitoring files, for the issues."""

    projects: str
    participants: str
    enrolments: str


@dataclass(frozen=True)
class ParticipantLinks:
    """Where each participant id of both files first occurs in participants.csv."""

    first_row: np.ndarray  # per participants.csv row: first row with the same id (itself when unique)
    enrolment_row: np.ndarray  # per enrolments.csv row: first participants.csv row with its id, -1 if none


def _arrow(series: pd.Series) -> pa.Array:
    """A text column as one Arrow large_string array (no copy for pandas' Arrow-backed strings)."""
    data = pa.array(series, from_pandas=True)
    data = data.combine_chunks() if isinstance(data, pa.ChunkedArray) else data
    return data if pa.types.is_large_string(data.type) else data.cast(pa.large_string())


def _fixed_width_numbers(ids: pa.Array, prefix: bytes, width: int) -> np.ndarray | None:
    """Numbers of ids that are ALL ``prefix`` + digits in ``width`` bytes, read straight from the
    Arrow buffers (an n x width byte matrix); None when any id has another form."""
    if ids.null_count or len(ids) == 0:
        return None
    offsets = np.frombuffer(ids.buffers()[1], dtype=np.int64, count=len(ids) + 1, offset=8 * ids.offset)
    if not (np.diff(offsets) == width).all():
        return None
    data = np.frombuffer(ids.buffers()[2], dtype=np.uint8, count=offsets[-1] - offsets[0], offset=offsets[0])
    matrix = data.reshape(len(ids), width)
    if not (matrix[:, : len(prefix)] == np.frombuffer(prefix, dtype=np.uint8)).all():
        return None
    digits = matrix[:, len(prefix) :] - np.uint8(ord("0"))
    if (digits > 9).any():
        return None
    return digits @ (10 ** np.arange(digits.shape[1] - 1, -1, -1, dtype=np.int64))


def _as_integers(ids: pa.Array, prefix: str, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Ids written ``prefix`` + digits in ``width`` bytes -> (their number, whether they have that form)."""
    numbers = _fixed_width_numbers(ids, prefix.encode(), width)
    if numbers is not None:
        return numbers, np.ones(len(ids), dtype=bool)
    tail = pc.utf8_slice_codeunits(ids, start=len(prefix))
    ok = pc.and_(
        pc.and_(pc.equal(pc.binary_length(ids), width), pc.starts_with(ids, prefix)), pc.ascii_is_decimal(tail)
    )
    ok = pc.fill_null(ok, False)
    numbers = pc.cast(pc.if_else(ok, tail, "0"), pa.int64())
    return numbers.to_numpy(), ok.to_numpy(zero_copy_only=False)


def _link_numbers(own: np.ndarray, enrolled: np.ndarray, form_ok: np.ndarray) -> ParticipantLinks:
    n = len(own)
    rows = np.arange(n, dtype=np.int64)
    if n and np.array_equal(own, own[0] + rows):  # consecutive numbers: position = number - first
        offset = np.where(form_ok, enrolled - own[0], -1)
        return ParticipantLinks(rows, np.where((offset >= 0) & (offset < n), offset, -1))
    order = np.argsort(own, kind="stable")
    ordered = own[order]
    starts = np.r_[True, ordered[1:] != ordered[:-1]]
    first_row = np.empty(n, dtype=np.int64)
    first_row[order] = order[starts][np.cumsum(starts) - 1]
    at = np.minimum(np.searchsorted(ordered, enrolled), n - 1)
    found = form_ok & (ordered[at] == enrolled)
    return ParticipantLinks(first_row, np.where(found, order[at], -1))


def _link_hashed(own: pa.Array, enrolled: pa.Array) -> ParticipantLinks:
    codes = pc.dictionary_encode(pa.concat_arrays([own, enrolled])).indices.to_numpy().astype(np.int64)
    n = len(own)
    own_codes, enrolled_codes = codes[:n], codes[n:]
    known = int(own_codes.max()) + 1
    first_of_code = np.empty(known, dtype=np.int64)
    first_of_code[own_codes[::-1]] = np.arange(n, dtype=np.int64)[::-1]
    found = enrolled_codes < known
    return ParticipantLinks(
        first_of_code[own_codes], np.where(found, first_of_code[np.where(found, enrolled_codes, 0)], -1)
    )


def link_participants(participants: pd.DataFrame, enrolments: pd.DataFrame) -> ParticipantLinks:
    """Match the participant ids of both files (validated, non-empty text).

    Ids written as a common prefix plus a fixed number of digits (e.g. S0000001) are matched as
    integers; any other ids are hashed together with Arrow.
    """
    own, enrolled = _arrow(participants["participant_id"]), _arrow(enrolments["participant_id"])
    if len(own) == 0:
        return ParticipantLinks(np.zeros(0, dtype=np.int64), np.full(len(enrolled), -1, dtype=np.int64))
    first = own[0].as_py()
    digits = len(first) - len(first.rstrip("0123456789"))
    if 0 < digits <= 18 and first.isascii():
        prefix, width = first[:-digits], len(first)
        own_numbers, own_ok = _as_integers(own, prefix, width)
        if own_ok.all():
            return _link_numbers(own_numbers, *_as_integers(enrolled, prefix, width))
    return _link_hashed(own, enrolled)


def _issues(file: str, mask: np.ndarray, column: str, values: pd.Series, rule: str) -> list[InputIssue]:
    rows = np.flatnonzero(mask)
    shown = values.iloc[rows].astype(object).where(values.iloc[rows].notna(), None).tolist()
    return [
        InputIssue(file=file, rule=rule, row=int(row) + 2, column=column, value=value)
        for row, value in zip(rows, shown, strict=True)
    ]


def id_issues(
    participants: pd.DataFrame, enrolments: pd.DataFrame, links: ParticipantLinks, files: Files
) -> list[InputIssue]:
    """Unique participants, known and enrolled participants, one enrolment per sub-project."""
    issues: list[InputIssue] = []
    pid, eid = participants["participant_id"], enrolments["participant_id"]
    n = len(participants)
    if not np.array_equal(links.first_row, np.arange(n)):
        counts = np.bincount(links.first_row, minlength=n)
        issues += _issues(
            files.participants, counts[links.first_row] > 1, "participant_id", pid, "value must be unique"
        )
    row = links.enrolment_row
    known = row >= 0
    issues += _issues(files.enrolments, ~known, "participant_id", eid, "must be a participant_id of participants.csv")
    enrolled = np.zeros(n, dtype=bool)
    enrolled[row[known]] = True
    issues += _issues(
        files.participants, ~enrolled[links.first_row], "participant_id", pid, "the person has no row in enrolments.csv"
    )
    key = row * len(SUBPROJECTS) + enrolments["subproject"].cat.codes.to_numpy()
    counts = np.bincount(key[known], minlength=n * len(SUBPROJECTS))
    issues += _issues(
        files.enrolments,
        known & (counts[np.where(known, key, 0)] > 1),
        "participant_id",
        eid,
        "the person is enrolled more than once in the same sub-project",
    )
    return issues


def status_issues(enrolments: pd.DataFrame, file: str) -> list[InputIssue]:
    """pip rows need a status; laboratorio_sociale rows have none."""
    pip = (enrolments["subproject"] == "pip").to_numpy()
    missing = enrolments["status"].isna().to_numpy()
    status = enrolments["status"]
    return _issues(file, pip & missing, "status", status, "a pip enrolment needs a status") + _issues(
        file, ~pip & ~missing, "status", status, "must be empty for a laboratorio_sociale enrolment"
    )


def date_issues(enrolments: pd.DataFrame, dates: pd.Series, as_of: dt.date, file: str) -> list[InputIssue]:
    """Start dates not after the data cut-off."""
    late = (dates > pd.Timestamp(as_of)).to_numpy()
    return _issues(
        file, late, "start_date", enrolments["start_date"], f"must not be after the data cut-off ({as_of.isoformat()})"
    )


def code_issues(values: pd.Series, allowed: pd.Index, file: str, column: str, rule: str) -> list[InputIssue]:
    """Values (a category column) that are not in ``allowed``."""
    return _issues(file, ~values.isin(allowed).to_numpy() & values.notna().to_numpy(), column, values, rule)
