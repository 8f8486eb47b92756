"""Write a synthetic edition as a monitoring data folder (byte-for-byte the same for a seed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import yaml

from quartieri_erp.inputs.monitoring.schemas import ENROLMENTS, PARTICIPANTS, PROJECTS
from quartieri_erp.synth.people import PERSON_COLUMNS, People

ID_PREFIX = "S"


def participant_ids(count: int) -> pa.Array:
    """S0001, S0002, ... zero-padded to the width of ``count`` (at least 4 digits)."""
    width = max(4, len(str(count)))
    numbers = pc.cast(pa.array(np.arange(1, count + 1)), pa.string())
    return pc.binary_join_element_wise(ID_PREFIX, pc.utf8_lpad(numbers, width, "0"), "")


def _text(values: pd.Series | np.ndarray) -> pa.Array:
    """A column as Arrow text (categories decoded, missing values null)."""
    if isinstance(values, pd.Series) and isinstance(values.dtype, pd.CategoricalDtype):
        codes = pa.array(values.cat.codes.to_numpy(), mask=values.isna().to_numpy())
        return pa.DictionaryArray.from_arrays(codes, pa.array(values.cat.categories.astype(str))).dictionary_decode()
    return pa.array(values, type=pa.string(), from_pandas=True)


def _write(table: pa.Table, path: Path) -> None:
    """Plain CSV: header, then unquoted values (all values are codes, numbers or dates)."""
    for column in table.columns:
        if pa.types.is_string(column.type) and pc.any(pc.match_substring_regex(column, r'[",\n\r]')).as_py():
            raise ValueError(f"{path.name}: a value needs quoting")
    with path.open("wb") as handle:
        handle.write((",".join(table.column_names) + "\n").encode())
        pa_csv.write_csv(table, handle, pa_csv.WriteOptions(include_header=False, quoting_style="none"))


def write_people(people: People, out: Path) -> None:
    """participants.csv and enrolments.csv of ``people`` (ids in row order; enrolments sorted by id)."""
    table = people.table
    ids = participant_ids(len(table))
    columns = {"participant_id": ids}
    for name in PERSON_COLUMNS:
        columns[name] = pa.array(table[name].to_numpy()) if name == "age" else _text(table[name])
    _write(pa.table(columns), out / PARTICIPANTS.file)

    lab_start = table["lab_start"].to_numpy().astype("datetime64[D]")
    pip_start = table["pip_start"].to_numpy().astype("datetime64[D]")
    lab, pip = np.flatnonzero(~np.isnat(lab_start)), np.flatnonzero(~np.isnat(pip_start))
    person = np.concatenate([lab, pip])
    order = np.argsort(person, kind="stable")  # lab rows come before pip rows of the same person
    person = person[order]
    subproject = np.repeat(np.array([0, 1], dtype=np.int8), [len(lab), len(pip)])[order]
    start = np.concatenate([lab_start[lab], pip_start[pip]])[order]
    status = _text(table["pip_status"]).take(pa.array(person))
    status = pc.if_else(pa.array(subproject == 1), status, pa.nulls(len(person), pa.string()))
    enrolments = pa.table(
        {
            "participant_id": ids.take(pa.array(person)),
            "subproject": pa.DictionaryArray.from_arrays(
                pa.array(subproject), pa.array(["laboratorio_sociale", "pip"])
            ).dictionary_decode(),
            "start_date": pa.array(start),
            "status": status,
        }
    )
    _write(enrolments, out / ENROLMENTS.file)


def write_projects(projects: pd.DataFrame, out: Path) -> None:
    """projects.csv with the contract columns only."""
    columns = [name for name in PROJECTS.schema.columns if name in projects.columns]
    projects[columns].to_csv(out / PROJECTS.file, index=False, lineterminator="\n")


def write_edition_info(info: dict, out: Path) -> None:
    """edition.yml (``synthetic: true`` first)."""
    text = yaml.safe_dump({"synthetic": True, **info}, sort_keys=False, allow_unicode=True)
    (out / "edition.yml").write_text(text, encoding="utf-8")
