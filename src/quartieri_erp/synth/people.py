"""A synthetic edition in memory: one row per person, with the enrolment details beside them."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

GROUP_ORDER = ("lab_only", "pip_only", "both")
PERSON_COLUMNS = (
    "project_id",
    "sex",
    "age",
    "citizenship",
    "education",
    "disadvantage",
    "employment_status",
    "province",
)
CATEGORICAL = (
    "project_id",
    "sex",
    "citizenship",
    "education",
    "disadvantage",
    "employment_status",
    "province",
    "pip_status",
)


@dataclass(frozen=True)
class People:
    """Persons in file order: the participants.csv columns (without the id, which is the row
    number) plus ``lab_start``/``pip_start`` (datetime, NaT when not enrolled) and ``pip_status``."""

    table: pd.DataFrame

    @classmethod
    def of(cls, table: pd.DataFrame) -> People:
        """People from a table, code columns as categories (fast to resample and to write)."""
        return cls(table.astype({column: "category" for column in CATEGORICAL}).reset_index(drop=True))
