"""Row rules: conditions across the columns of one table that column checks cannot state.

A rule takes the typed table and returns findings ``(row label, column, rule in words)``;
``findings_to_issues`` turns them into InputIssues with the file line and the offending value.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

import numpy as np
import pandas as pd

from quartieri_erp.errors import InputIssue

Finding = tuple[Hashable, str, str]
RowRule = Callable[[pd.DataFrame], list[Finding]]


def _is(values: pd.Series, value: object) -> pd.Series:
    """``values == value`` with missing values counted as False."""
    return values.eq(value).fillna(False).astype(bool)


def flag_rows(df: pd.DataFrame, mask: pd.Series, column: str, rule: str) -> list[Finding]:
    """One finding per row where ``mask`` holds."""
    return [(index, column, rule) for index in df.index[mask.fillna(False).astype(bool)]]


def _shown(value: object) -> object:
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def findings_to_issues(findings: list[Finding], df: pd.DataFrame, file: str) -> list[InputIssue]:
    """Findings as InputIssues naming the file line (header = line 1) and the value."""
    return [
        InputIssue(file=file, rule=rule, row=int(index) + 2, column=column, value=_shown(df.at[index, column]))
        for index, column, rule in findings
    ]


def date_precision(date_column: str, precision_column: str) -> RowRule:
    """A date and its precision come together; month/year precision dates fall on the period's first day."""

    def rule(df: pd.DataFrame) -> list[Finding]:
        dates, precision = df[date_column], df[precision_column]
        return (
            flag_rows(df, dates.notna() & precision.isna(), precision_column, "is required when there is a date")
            + flag_rows(df, dates.isna() & precision.notna(), precision_column, "must be empty when there is no date")
            + flag_rows(
                df,
                _is(precision, "month") & (dates.dt.day != 1),
                date_column,
                "must be the first day of the month when the precision is 'month'",
            )
            + flag_rows(
                df,
                _is(precision, "year") & ((dates.dt.day != 1) | (dates.dt.month != 1)),
                date_column,
                "must be 1 January when the precision is 'year'",
            )
        )

    return rule


def lead_matches_type(name_column: str) -> RowRule:
    """An ALER lead is named 'ALER ...'; a Comune lead is 'Comune di <municipality>'."""

    def rule(df: pd.DataFrame) -> list[Finding]:
        names = df[name_column].astype(str)
        aler, comune = _is(df["lead_type"], "ALER"), _is(df["lead_type"], "Comune")
        return flag_rows(
            df, aler & ~names.str.startswith("ALER "), name_column, "must start with 'ALER ' when lead_type is ALER"
        ) + flag_rows(
            df,
            comune & (names != "Comune di " + df["municipality"].astype(str)),
            name_column,
            "must be 'Comune di ' followed by the municipality when lead_type is Comune",
        )

    return rule


def funded_projects(df: pd.DataFrame) -> list[Finding]:
    """Funded projects have a ranking and an act; projects not admitted have neither, nor a budget."""
    funded, excluded = _is(df["outcome"], "finanziato"), _is(df["outcome"], "non_ammesso")
    return (
        flag_rows(df, funded & df["ranking"].isna(), "ranking", "is required for a funded project")
        + flag_rows(df, funded & df["act"].isna(), "act", "is required for a funded project")
        + flag_rows(df, excluded & df["ranking"].notna(), "ranking", "must be empty for a project not admitted")
        + flag_rows(df, excluded & df["budget_eur"].notna(), "budget_eur", "must be empty for a project not admitted")
    )


def consecutive_steps(df: pd.DataFrame) -> list[Finding]:
    """Steps of each strategy run 1, 2, 3... in file order."""
    expected = df.groupby("strategy").cumcount() + 1
    return flag_rows(
        df, df["step"] != expected, "step", "must follow the previous step of the same strategy (1, 2, 3...)"
    )


def card_dates(df: pd.DataFrame) -> list[Finding]:
    """An end date says whether it is planned, and does not come before the start."""
    return flag_rows(
        df,
        df["end_date"].notna() & df["end_is_planned"].isna(),
        "end_is_planned",
        "is required when there is an end date",
    ) + flag_rows(df, df["end_date"] < df["start_date"], "end_date", "must not be before start_date")


def partner_roles(df: pd.DataFrame) -> list[Finding]:
    """Partners have a role; other items do not."""
    partner = _is(df["field"], "partner")
    return flag_rows(df, partner & df["role"].isna(), "role", "is required when field is 'partner'") + flag_rows(
        df, ~partner & df["role"].notna(), "role", "must be empty unless field is 'partner'"
    )


def unit_ranges(df: pd.DataFrame) -> list[Finding]:
    """Percentages stay within 0-100, ratios within 0-1, euro amounts have at most 2 decimals."""
    cents = df["value"] * 100
    return (
        flag_rows(
            df,
            _is(df["unit"], "percent") & (df["value"] > 100),
            "value",
            "must be at most 100 when the unit is 'percent'",
        )
        + flag_rows(
            df, _is(df["unit"], "ratio") & (df["value"] > 1), "value", "must be at most 1 when the unit is 'ratio'"
        )
        + flag_rows(
            df,
            _is(df["unit"], "eur") & ~pd.Series(np.isclose(cents, cents.round()), index=df.index),
            "value",
            "must have at most 2 decimals (euro cents) when the unit is 'eur'",
        )
    )


TABLE_RULES: dict[str, list[RowRule]] = {
    "timeline": [date_precision("date", "date_precision")],
    "experimentation_labs": [lead_matches_type("lead_body")],
    "projects": [lead_matches_type("lead_partner"), funded_projects],
    "sus_steps": [date_precision("date", "date_precision"), consecutive_steps],
    "case_studies": [
        date_precision("start_date", "start_precision"),
        date_precision("end_date", "end_precision"),
        card_dates,
    ],
    "case_study_items": [partner_roles],
    "case_study_results": [date_precision("reference_date", "date_precision"), unit_ranges],
    "facts": [unit_ranges],
}


def row_issues(name: str, df: pd.DataFrame, file: str) -> list[InputIssue]:
    """All row-rule issues of table ``name``."""
    findings = [finding for rule in TABLE_RULES.get(name, []) for finding in rule(df)]
    return findings_to_issues(findings, df, file)
