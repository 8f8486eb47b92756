"""Schemas of the two ISTAT lookup tables copied unchanged into data/reference/."""

from __future__ import annotations

import pandera.pandas as pa

from ..tables_io import TableSpec
from . import columns as col

ISTAT_SOURCE = "ISTAT, Elenco comuni italiani (19/02/2020), Lombardy rows; population = 2011 census"

PROVINCES = TableSpec(
    name="provinces",
    file="provinces.csv",
    folder="reference",
    description="One row per Lombardy province (12).",
    source=f"{ISTAT_SOURCE}, aggregated by province (shared/reference-data/lombardia_province_istat.csv).",
    schema=pa.DataFrameSchema(
        {
            "cod_uts": col.text("ISTAT code of the supra-municipal territorial unit (3 digits)."),
            "cod_provincia_storico": col.text("Historical ISTAT province code (3 digits)."),
            "denominazione_uts": col.text("Name of the province or metropolitan city."),
            "sigla": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{2}$", error="must be a 2-letter province code"),
                               unique=True, description="Two-letter province code (e.g. MI)."),
            "nuts3": col.text("NUTS 3 code (e.g. ITC4C)."),
            "capoluogo": col.text("Name of the chief town."),
            "n_comuni_2020": col.count("Number of municipalities at 19/02/2020."),
            "pop_legale_2011": col.count("Legal population at the 2011 census."),
        },
        coerce=True, strict=True, title="Lombardy provinces",
    ),
)

MUNICIPALITIES = TableSpec(
    name="municipalities",
    file="municipalities.csv",
    folder="reference",
    description="One row per Lombardy municipality at 19/02/2020 (1,506).",
    source=f"{ISTAT_SOURCE} (shared/reference-data/lombardia_comuni_istat_2020-02-19.csv).",
    schema=pa.DataFrameSchema(
        {
            "cod_regione": col.text("ISTAT region code (03 = Lombardia)."),
            "cod_uts": col.text("ISTAT code of the province or metropolitan city."),
            "cod_provincia_storico": col.text("Historical ISTAT province code."),
            "cod_comune_alfa": pa.Column(
                str, pa.Check.str_matches(r"^\d{6}$", error="must be a 6-digit ISTAT code"), unique=True,
                title="ISTAT code", description="ISTAT municipality code, 6 digits with leading zeros."),
            "pro_com_num": col.count("ISTAT municipality code as a number."),
            "denominazione": col.text("Municipality name."),
            "den_uts": col.text("Name of the province or metropolitan city."),
            "sigla": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{2}$", error="must be a 2-letter province code"),
                               description="Two-letter province code; must exist in provinces.csv."),
            "flag_capoluogo": pa.Column(str, pa.Check.isin(["0", "1"]),
                                        description="1 if the municipality is a province chief town."),
            "cod_catastale": col.text("Cadastral code (Belfiore)."),
            "pop_legale_2011": col.count("Legal population at the 2011 census."),
            "nuts1": col.text("NUTS 1 code."),
            "nuts2": col.text("NUTS 2 code."),
            "nuts3": col.text("NUTS 3 code."),
        },
        coerce=True, strict=True, title="Lombardy municipalities",
    ),
)
