"""The monitoring data contract: one TableSpec per file of a monitoring data folder.

A monitoring data folder holds ``projects.csv``, ``participants.csv`` and ``enrolments.csv``
(UTF-8, extra columns allowed and ignored) and optionally ``edition.yml``. The rules that span
files (unknown ids, Lombardy provinces, country codes, dates after the cut-off) are checked in
``integrity.py``.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from ..tables_io import TableSpec
from .codes import (
    DISADVANTAGE, EDUCATION, EMPLOYMENT, LEAD_TYPES, MAX_AGE, PIP_STATUSES, RANKINGS, SEX, SUBPROJECTS,
)

SOURCE = ("Regional monitoring system (Regione Lombardia / ARIA), participant-level export; "
          "the default folder holds the synthetic edition written by `quartieri-erp synth`")
DATE_FORMAT = "%Y-%m-%d"
SIGLA = r"^[A-Z]{2}$"
ISTAT_RULE = "must be a 6-digit ISTAT municipality code"
PROVINCE_RULE = "must be a two-letter province code"


def _codes(values: tuple[str, ...], **kwargs) -> pa.Column:
    """A column of codes from a closed list (held as a pandas category)."""
    return pa.Column("category", checks=pa.Check.isin(list(values)), **kwargs)


def _sigla(rule: str, **kwargs) -> pa.Column:
    """A column of two-letter upper-case codes (checked against a reference table in integrity.py)."""
    return pa.Column("category", checks=pa.Check.str_matches(SIGLA, error=rule), **kwargs)


def _is_iso_date(series: pd.Series) -> pd.Series:
    """True where the text is a real calendar date written YYYY-MM-DD (checked once per distinct value)."""
    values = series.astype("category")
    text = pd.Series(values.cat.categories.astype(str))
    ok = text.str.fullmatch(r"\d{4}-\d{2}-\d{2}") & pd.to_datetime(text, format=DATE_FORMAT, errors="coerce").notna()
    return pd.Series(ok.to_numpy()[values.cat.codes.to_numpy()], index=series.index) | series.isna()


PROJECTS = TableSpec(
    name="projects",
    file="projects.csv",
    folder="monitoring",
    description="One row per funded integrated project of the regional call (Avviso 2017).",
    source=SOURCE,
    schema=pa.DataFrameSchema(
        {
            "project_id": pa.Column(str, unique=True, title="Progetto",
                                    description="Project identifier, unique in the file (e.g. P01)."),
            "lead_partner": pa.Column(str, title="Capofila",
                                      description="Name of the lead partner (a municipality or an ALER)."),
            "lead_type": _codes(LEAD_TYPES, title="Tipo di capofila",
                                description="Kind of lead partner: Comune or ALER."),
            "municipality": pa.Column(str, title="Comune",
                                      description="Municipality of the lead partner (ISTAT name)."),
            "istat_code": pa.Column(str, checks=pa.Check.str_matches(r"^\d{6}$", error=ISTAT_RULE),
                                    title="Codice ISTAT",
                                    description="ISTAT alphanumeric code of the municipality, 6 digits."),
            "province": _sigla(PROVINCE_RULE, title="Provincia",
                               description="Province of the municipality, Lombardy sigla (e.g. MI)."),
            "ranking": _codes(RANKINGS, title="Graduatoria",
                              description="Funding round: prima (decree of May 2018) or seconda (ranking scroll)."),
            "budget_eur": pa.Column(float, checks=pa.Check.ge(0, error="must be zero or more"), nullable=True,
                                    required=False, title="Contributo (€)",
                                    description="Public funding granted, euro; optional, empty when unknown."),
        },
        coerce=True,
        strict=False,
    ),
)

PARTICIPANTS = TableSpec(
    name="participants",
    file="participants.csv",
    folder="monitoring",
    description="One row per person reached by the integrated projects, with their characteristics at intake.",
    source=SOURCE,
    schema=pa.DataFrameSchema(
        {
            "participant_id": pa.Column(str, unique=True, title="Partecipante",
                                        description="Pseudonymous person identifier, unique in the file."),
            "project_id": pa.Column("category", title="Progetto",
                                    description="Project that reached the person; a project_id of projects.csv."),
            "sex": _codes(SEX, title="Sesso", description="Sex: F (female) or M (male)."),
            "age": pa.Column(int, checks=pa.Check.in_range(0, MAX_AGE), title="Età",
                             description=f"Age at intake, whole years, 0 to {MAX_AGE}."),
            "citizenship": _sigla("must be a two-letter country code", title="Cittadinanza",
                                  description="Citizenship, ISO 3166-1 alpha-2 (IT = Italian); see countries.csv."),
            "education": _codes(EDUCATION, title="Titolo di studio",
                                description="Highest qualification: " + "|".join(EDUCATION)
                                            + " (see education_levels.csv)."),
            "disadvantage": _codes(DISADVANTAGE, title="Condizione di svantaggio",
                                   description="Main disadvantage recorded at intake: " + "|".join(DISADVANTAGE) + "."),
            "employment_status": _codes(EMPLOYMENT, title="Condizione occupazionale",
                                        description="Labour-market status at intake: " + "|".join(EMPLOYMENT) + "."),
            "province": _sigla(PROVINCE_RULE, title="Provincia di residenza",
                               description="Province of residence: Lombardy sigla (e.g. MI), see provinces.csv."),
        },
        coerce=True,
        strict=False,
    ),
)

ENROLMENTS = TableSpec(
    name="enrolments",
    file="enrolments.csv",
    folder="monitoring",
    description="One row per person and sub-project the person took part in (a person may be in both).",
    source=SOURCE,
    schema=pa.DataFrameSchema(
        {
            "participant_id": pa.Column(str, title="Partecipante",
                                        description="Person enrolled; must be a participant_id of participants.csv."),
            "subproject": _codes(SUBPROJECTS, title="Sub-progetto",
                                 description="laboratorio_sociale (Laboratori Sociali, action 9.4.2) or "
                                             "pip (Piano di Intervento Personalizzato, action 9.1.3)."),
            "start_date": pa.Column("category", checks=pa.Check(_is_iso_date, element_wise=False,
                                                                error="must be a date written YYYY-MM-DD"),
                                    title="Data di avvio",
                                    description="Date the person started the sub-project, YYYY-MM-DD, "
                                                "not after the data cut-off."),
            "status": _codes(PIP_STATUSES, nullable=True, title="Stato del PIP",
                             description="For pip rows: concluso|in_corso|rinuncia at the cut-off; "
                                         "empty for laboratorio_sociale."),
        },
        coerce=True,
        strict=False,
        unique=["participant_id", "subproject"],
    ),
)

TABLES: list[TableSpec] = [PROJECTS, PARTICIPANTS, ENROLMENTS]
