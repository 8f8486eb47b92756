"""Schemas of the two ISTAT lookup tables copied unchanged into data/reference/."""

from __future__ import annotations

import pandera.pandas as pa

from quartieri_erp.inputs.curated import columns as col
from quartieri_erp.inputs.tables import TableSpec

ISTAT_SOURCE = (
    "ISTAT, Elenco comuni italiani (19/02/2020), comuni della Lombardia; popolazione legale al censimento 2011"
)

PROVINCES = TableSpec(
    name="provinces",
    file="provinces.csv",
    folder="reference",
    description="Una riga per ogni provincia lombarda.",
    source=f"{ISTAT_SOURCE}; dati aggregati per provincia (shared/reference-data/lombardia_province_istat.csv).",
    schema=pa.DataFrameSchema(
        {
            "cod_uts": col.text("Codice ISTAT dell'unità territoriale sovracomunale (3 cifre)."),
            "cod_provincia_storico": col.text("Codice ISTAT storico della provincia (3 cifre)."),
            "denominazione_uts": col.text("Denominazione della provincia o della città metropolitana."),
            "sigla": pa.Column(
                str,
                pa.Check.str_matches(r"^[A-Z]{2}$", error="must be a 2-letter province code"),
                unique=True,
                description="Sigla della provincia (ad es. MI).",
            ),
            "nuts3": col.text("Codice NUTS 3 (ad es. ITC4C)."),
            "capoluogo": col.text("Denominazione del comune capoluogo."),
            "n_comuni_2020": col.count("Numero di comuni al 19/02/2020."),
            "pop_legale_2011": col.count("Popolazione legale al censimento 2011."),
        },
        coerce=True,
        strict=True,
        title="Lombardy provinces",
    ),
)

MUNICIPALITIES = TableSpec(
    name="municipalities",
    file="municipalities.csv",
    folder="reference",
    description="Una riga per ogni comune lombardo al 19/02/2020.",
    source=f"{ISTAT_SOURCE} (shared/reference-data/lombardia_comuni_istat_2020-02-19.csv).",
    schema=pa.DataFrameSchema(
        {
            "cod_regione": col.text("Codice ISTAT della regione (03 = Lombardia)."),
            "cod_uts": col.text("Codice ISTAT della provincia o della città metropolitana."),
            "cod_provincia_storico": col.text("Codice ISTAT storico della provincia."),
            "cod_comune_alfa": pa.Column(
                str,
                pa.Check.str_matches(r"^\d{6}$", error="must be a 6-digit ISTAT code"),
                unique=True,
                title="Codice ISTAT",
                description="Codice ISTAT del comune, 6 cifre con gli zeri iniziali.",
            ),
            "pro_com_num": col.count("Codice ISTAT del comune in forma numerica."),
            "denominazione": col.text("Denominazione del comune."),
            "den_uts": col.text("Denominazione della provincia o della città metropolitana."),
            "sigla": pa.Column(
                str,
                pa.Check.str_matches(r"^[A-Z]{2}$", error="must be a 2-letter province code"),
                description="Sigla della provincia; deve comparire in provinces.csv.",
            ),
            "flag_capoluogo": pa.Column(
                str, pa.Check.isin(["0", "1"]), description="1 se il comune è capoluogo di provincia, altrimenti 0."
            ),
            "cod_catastale": col.text("Codice catastale (Belfiore)."),
            "pop_legale_2011": col.count("Popolazione legale al censimento 2011."),
            "nuts1": col.text("Codice NUTS 1."),
            "nuts2": col.text("Codice NUTS 2."),
            "nuts3": col.text("Codice NUTS 3."),
        },
        coerce=True,
        strict=True,
        title="Lombardy municipalities",
    ),
)
