"""Reference tables used by chapter 3: countries, education levels, ESF indicators, display labels.

Country table (``countries.csv``), how it was made and the mapping choices:

- codes and names: every officially assigned ISO 3166-1 alpha-2 code (249) from Debian's
  iso-codes 4.15.0 with its Italian translation (a few names shortened to common Italian usage,
  e.g. Turchia, Bolivia), plus ``XK`` Kosovo, a user-assigned code in wide administrative use;
- ``eu_member``: the 27 member states at the data cut-off (30 November 2020, after Brexit);
- ``istat_area_code``/``istat_area``: the ISTAT geographic areas of foreign countries (shared
  file istat_aree_geografiche_stati_esteri.csv), assigned by the project; dependent territories
  follow their geography; Antarctica and uninhabited territories have none;
- ``origin_area``: the groups of the report's figure 3.4. ``maghreb_vicino_oriente`` = Maghreb
  (DZ, LY, MA, MR, TN, EH), Egypt and the Near/Middle East (ISTAT Western Asia without the
  Caucasus, plus Turkey); ``europa_orientale`` = ISTAT "Europa centro orientale" without Turkey
  plus the EU members of central-eastern Europe (BG, CZ, EE, HR, HU, LT, LV, PL, RO, SI, SK);
  ``africa_subsahariana`` = the other African countries (Sudan included); ``asia`` = the rest
  of Asia (Caucasus included); ``america_latina`` = Central and South America and the
  Caribbean; ``altro`` = everything else (western EU, other European, North America, Oceania).
  Italy has no origin area.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from ..tables_io import TableSpec
from .codes import EDUCATION, ITALY, ORIGIN_AREAS

NAME = r"^[a-z][a-z0-9_]*$"
ISTAT_AREAS = [11, 12, 13, 21, 22, 23, 24, 31, 32, 33, 41, 42, 50]
LABEL_VARIABLES = (
    "sex", "subproject", "group", "pip_status", "age_band", "citizenship", "origin_area", "education",
    "disadvantage", "employment_status", "lead_type", "ranking", "indicator",
)


def _origin_only_for_foreign(df: pd.DataFrame) -> pd.Series:
    return df["origin_area"].isna() == (df["code"] == ITALY)


COUNTRIES = TableSpec(
    name="countries",
    file="countries.csv",
    folder="reference",
    description="One row per country code: Italian name, EU membership, ISTAT area and the report's origin group.",
    source="ISO 3166-1 codes and Italian names: Debian iso-codes 4.15.0 (iso_3166-1.json and its it translation); "
           "EU membership at 30/11/2020; ISTAT areas and origin groups (report 000, figure 3.4, lines 727-743) "
           "assigned by the project",
    schema=pa.DataFrameSchema(
        {
            "code": pa.Column(str, checks=pa.Check.str_matches(r"^[A-Z]{2}$", error="must be a two-letter code"),
                              unique=True, title="Codice", description="ISO 3166-1 alpha-2 country code."),
            "name_it": pa.Column(str, title="Paese", description="Country name in Italian."),
            "name_en": pa.Column(str, title="Country", description="Country name in English (ISO short name)."),
            "iso_status": pa.Column(str, checks=pa.Check.isin(["officially_assigned", "user_assigned"]),
                                    description="officially_assigned by ISO, or user_assigned (XK Kosovo)."),
            "eu_member": pa.Column(str, checks=pa.Check.isin(["true", "false"]), title="UE",
                                   description="true if an EU member state at 30/11/2020, else false (kept as text)."),
            "istat_area_code": pa.Column("Int64", nullable=True, checks=pa.Check.isin(ISTAT_AREAS),
                                         description="ISTAT geographic-area code (11-50); empty if none."),
            "istat_area": pa.Column(str, nullable=True, title="Area ISTAT",
                                    description="ISTAT geographic-area name; empty if none."),
            "origin_area": pa.Column(str, nullable=True, checks=pa.Check.isin(list(ORIGIN_AREAS)),
                                     title="Area di provenienza",
                                     description="Origin group of the report's figure 3.4: " + "|".join(ORIGIN_AREAS)
                                                 + "; empty for Italy only."),
        },
        checks=[pa.Check(_origin_only_for_foreign, error="origin_area must be empty for IT and only for IT")],
        coerce=True,
        strict=True,
    ),
)

EDUCATION_LEVELS = TableSpec(
    name="education_levels",
    file="education_levels.csv",
    folder="reference",
    description="One row per education code of the monitoring data, with its ISCED 2011 levels.",
    source="Codes of the monitoring contract; ISCED 2011 (UNESCO) correspondence of Italian qualifications "
           "assigned by the project; post-diploma or degree spans ISCED 4 to 8",
    schema=pa.DataFrameSchema(
        {
            "code": pa.Column(str, checks=pa.Check.isin(list(EDUCATION)), unique=True,
                              description="Education code: " + "|".join(EDUCATION) + "."),
            "label_it": pa.Column(str, title="Titolo di studio", description="Italian label."),
            "isced_2011_min": pa.Column(int, checks=pa.Check.in_range(0, 8),
                                        description="Lowest ISCED 2011 level covered."),
            "isced_2011_max": pa.Column(int, checks=pa.Check.in_range(0, 8),
                                        description="Highest ISCED 2011 level covered."),
            "order": pa.Column(int, unique=True, description="Display order."),
        },
        checks=[pa.Check(lambda df: df["isced_2011_min"] <= df["isced_2011_max"],
                         error="isced_2011_min must not exceed isced_2011_max")],
        coerce=True,
        strict=True,
    ),
)

ESF_INDICATORS = TableSpec(
    name="esf_common_indicators",
    file="esf_common_indicators.csv",
    folder="reference",
    description="One row per ESF 2014-2020 common output or result indicator.",
    source="Regulation (EU) No 1304/2013, Annex I (copy of shared/reference-data/esf_common_indicators_2014_2020.csv)",
    schema=pa.DataFrameSchema(
        {
            "code": pa.Column(str, checks=pa.Check.str_matches(r"^C[OR]\d{2}$", error="must look like CO01 or CR01"),
                              unique=True, description="Indicator code (COxx output, CRxx result)."),
            "type": pa.Column(str, description="output, immediate result or longer-term result."),
            "unit": pa.Column(str, description="Unit counted: participants or entities."),
            "label_en": pa.Column(str, description="Official English label."),
            "label_it": pa.Column(str, title="Indicatore", description="Official Italian label."),
            "notes": pa.Column(str, nullable=True, description="Notes on the definition."),
        },
        coerce=True,
        strict=True,
    ),
)

LABELS = TableSpec(
    name="labels",
    file="labels.csv",
    folder="reference",
    description="One row per code of a variable: its Italian display label and display order.",
    source="Written by the project; chapter-3 category names follow report 000, chapter 3 (lines 574-860)",
    schema=pa.DataFrameSchema(
        {
            "variable": pa.Column(str, checks=pa.Check.str_matches(NAME, error="must be a lower-case name"),
                                  description="Variable the code belongs to; chapter 3 uses "
                                              + "|".join(LABEL_VARIABLES) + ", other chapters add their own."),
            "code": pa.Column(str, description="Code as written in the data."),
            "label_it": pa.Column(str, description="Italian display label."),
            "order": pa.Column(int, checks=pa.Check.ge(1), description="Display order within the variable, from 1."),
        },
        unique=["variable", "code"],
        coerce=True,
        strict=True,
    ),
)

REFERENCE_TABLES: list[TableSpec] = [COUNTRIES, EDUCATION_LEVELS, ESF_INDICATORS, LABELS]
