"""One loader per curated table: read, validate (schema and row rules), return a typed DataFrame.

Loaders check one file; cross-file rules (codes that must exist elsewhere) are in ``checks``,
which the build runs once before any notebook.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from quartieri_erp.errors import InputError
from quartieri_erp.inputs.curated.columns import BOOLEAN
from quartieri_erp.inputs.curated.registry import SPECS
from quartieri_erp.inputs.curated.rules import row_issues
from quartieri_erp.inputs.tables import TableSpec, read_table


def read_checked(spec: TableSpec, folder: Path) -> pd.DataFrame:
    """``folder/spec.file`` validated by its schema and row rules; true/false columns become booleans."""
    df = read_table(spec, folder)
    issues = row_issues(spec.name, df, (Path(folder) / spec.file).as_posix())
    if issues:
        raise InputError(issues)
    for name, column in spec.schema.columns.items():
        if column.metadata == BOOLEAN:
            df[name] = df[name].map({"true": True, "false": False}).astype("boolean")
    return df


def _load(name: str, folder: Path) -> pd.DataFrame:
    return read_checked(SPECS[name], Path(folder))


def load_provinces(reference_dir: Path) -> pd.DataFrame:
    """The 12 Lombardy provinces (reference/provinces.csv)."""
    return _load("provinces", reference_dir)


def load_municipalities(reference_dir: Path) -> pd.DataFrame:
    """The Lombardy municipalities at 19/02/2020 (reference/municipalities.csv)."""
    return _load("municipalities", reference_dir)


def load_timeline(programme_dir: Path) -> pd.DataFrame:
    """Dated events of the policy history and of the calls."""
    return _load("timeline", programme_dir)


def load_experimentation_labs(programme_dir: Path) -> pd.DataFrame:
    """The labs of the 2014-2015 experimentation, with their intervention areas as booleans."""
    return _load("experimentation_labs", programme_dir)


def load_evaluative_reflections(programme_dir: Path) -> pd.DataFrame:
    """The four lessons of the experimentation (chapter 1 table)."""
    return _load("evaluative_reflections", programme_dir)


def load_projects(programme_dir: Path) -> pd.DataFrame:
    """The applications to the regional call (funded and not admitted)."""
    return _load("projects", programme_dir)


def load_call_lists(programme_dir: Path) -> pd.DataFrame:
    """Lists of the calls rewritten for this edition (objectives, benefits, action lines), one row per item."""
    return _load("call_lists", programme_dir)


def load_procedures(programme_dir: Path) -> pd.DataFrame:
    """The procedures of Tabella 2.1."""
    return _load("procedures", programme_dir)


def load_sus_steps(programme_dir: Path) -> pd.DataFrame:
    """Procedural steps of the Milano-Lorenteggio and Bollate urban strategies."""
    return _load("sus_steps", programme_dir)


def load_sus_resources(programme_dir: Path) -> pd.DataFrame:
    """Funding sources of the two urban strategies."""
    return _load("sus_resources", programme_dir)


def load_case_studies(programme_dir: Path) -> pd.DataFrame:
    """The chapter-4 cards; ``budget_eur`` of a card linked to a project is taken from projects.csv."""
    cards = _load("case_studies", programme_dir)
    budgets = load_projects(programme_dir).set_index("project_id")["budget_eur"]
    linked = cards["project_id"].notna()
    cards.loc[linked, "budget_eur"] = cards.loc[linked, "project_id"].map(budgets)
    return cards


def load_case_study_items(programme_dir: Path) -> pd.DataFrame:
    """Listed items of the cards (partners, objectives, actions, Covid-19 effects...)."""
    return _load("case_study_items", programme_dir)


def load_case_study_results(programme_dir: Path) -> pd.DataFrame:
    """Every number of the cards and of their prose."""
    return _load("case_study_results", programme_dir)


def load_facts(programme_dir: Path) -> pd.DataFrame:
    """Scalar facts used in the prose; read one with ``fact``."""
    return _load("facts", programme_dir)


def load_discrepancies(programme_dir: Path) -> pd.DataFrame:
    """Inconsistencies of the sources and how the data resolve them."""
    return _load("discrepancies", programme_dir)


def load_glossary(programme_dir: Path) -> pd.DataFrame:
    """Acronyms of the report with their expansion."""
    return _load("glossary", programme_dir)


def fact(facts: pd.DataFrame, key: str) -> float:
    """The value of fact ``key`` (a KeyError names the missing key)."""
    values = facts.loc[facts["key"] == key, "value"]
    if values.empty:
        raise KeyError(f"facts.csv has no key {key!r}")
    return float(values.iloc[0])


def load_documents(programme_dir: Path) -> pd.DataFrame:
    """The source documents cited by the `source` column of every curated file."""
    return _load("documents", programme_dir)


def load_published_artifacts(programme_dir: Path) -> pd.DataFrame:
    """The tables and figures of the published report with the labels of their rebuilt versions."""
    return _load("published_artifacts", programme_dir)
