"""Italian display labels of codes for the chapters: data/reference/labels.csv, plus the province names."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from quartieri_erp.errors import InputError, InputIssue
from quartieri_erp.inputs.catalogue import read_input
from quartieri_erp.inputs.monitoring.lookups import LABELS

Labels = dict[str, dict[str, str]]


def read_labels(reference_dir: Path) -> pd.DataFrame:
    """Every row of labels.csv (``variable, code, label_it, order``), validated."""
    return read_input("labels", reference_dir)


def label_map(labels: pd.DataFrame, variable: str) -> dict[str, str]:
    """Code -> Italian label of one variable, in display order (KeyError if the variable has none)."""
    rows = labels[labels["variable"] == variable].sort_values("order")
    if rows.empty:
        raise KeyError(f"labels.csv has no rows for variable {variable!r}")
    return dict(zip(rows["code"], rows["label_it"]))


def load_labels(reference_dir: Path, required: Iterable[str] = ()) -> Labels:
    """Every label of the chapters as ``{variable: {code: label}}`` in display order: labels.csv, and
    ``province`` (sigla -> name) from provinces.csv. An InputError names the ``required`` variables that
    labels.csv lacks."""
    table = read_labels(reference_dir)
    missing = [v for v in required if v not in set(table["variable"])]
    if missing:
        raise InputError(
            [
                InputIssue(
                    file=(Path(reference_dir) / LABELS.file).as_posix(),
                    column="variable",
                    rule=f"must have the labels of {', '.join(missing)}",
                )
            ]
        )
    labels = {variable: label_map(table, variable) for variable in dict.fromkeys(table["variable"])}
    provinces = read_input("provinces", reference_dir)
    labels["province"] = dict(zip(provinces["sigla"], provinces["denominazione_uts"]))
    return labels
