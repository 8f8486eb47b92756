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

from quartieri_erp.inputs.monitoring.codes import EDUCATION, ITALY, ORIGIN_AREAS
from quartieri_erp.inputs.tables import TableSpec

NAME = r"^[a-z][a-z0-9_]*$"
ISTAT_AREAS = [11, 12, 13, 21, 22, 23, 24, 31, 32, 33, 41, 42, 50]
LABEL_VARIABLES = (
    "sex",
    "subproject",
    "group",
    "pip_status",
    "age_band",
    "citizenship",
    "origin_area",
    "education",
    "disadvantage",
    "employment_status",
    "lead_type",
    "ranking",
    "indicator",
)


def _origin_only_for_foreign(df: pd.DataFrame) -> pd.Series:
    return df["origin_area"].isna() == (df["code"] == ITALY)


COUNTRIES = TableSpec(
    name="countries",
    file="countries.csv",
    folder="reference",
    description="Una riga per ogni codice di paese: denominazione italiana, appartenenza all'UE, area ISTAT e "
    "gruppo di provenienza del rapporto.",
    source="Codici ISO 3166-1 e denominazioni italiane: Debian iso-codes 4.15.0 (iso_3166-1.json e la sua "
    "traduzione it); appartenenza all'UE al 30/11/2020; aree ISTAT e gruppi di provenienza (figura 3.4 del "
    "rapporto, documento 000, l. 727-743) attribuiti dal progetto.",
    schema=pa.DataFrameSchema(
        {
            "code": pa.Column(
                str,
                checks=pa.Check.str_matches(r"^[A-Z]{2}$", error="must be a two-letter code"),
                unique=True,
                title="Codice",
                description="Codice ISO 3166-1 alpha-2 del paese.",
            ),
            "name_it": pa.Column(str, title="Paese", description="Denominazione del paese in italiano."),
            "name_en": pa.Column(
                str, title="Nome inglese", description="Denominazione del paese in inglese (nome breve ISO)."
            ),
            "iso_status": pa.Column(
                str,
                checks=pa.Check.isin(["officially_assigned", "user_assigned"]),
                description="officially_assigned (codice assegnato ufficialmente dall'ISO) o "
                "user_assigned (codice a uso degli utenti: XK Kosovo).",
            ),
            "eu_member": pa.Column(
                str,
                checks=pa.Check.isin(["true", "false"]),
                title="UE",
                description="true se Stato membro dell'UE al 30/11/2020, altrimenti false (conservato come testo).",
            ),
            "istat_area_code": pa.Column(
                "Int64",
                nullable=True,
                checks=pa.Check.isin(ISTAT_AREAS),
                description="Codice dell'area geografica ISTAT (11-50); vuoto se assente.",
            ),
            "istat_area": pa.Column(
                str,
                nullable=True,
                title="Area ISTAT",
                description="Denominazione dell'area geografica ISTAT; vuota se assente.",
            ),
            "origin_area": pa.Column(
                str,
                nullable=True,
                checks=pa.Check.isin(list(ORIGIN_AREAS)),
                title="Area di provenienza",
                description="Gruppo di provenienza della figura 3.4 del rapporto: "
                + "|".join(ORIGIN_AREAS)
                + "; vuoto solo per l'Italia.",
            ),
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
    description="Una riga per ogni codice di titolo di studio dei dati di monitoraggio, con i livelli ISCED 2011 "
    "corrispondenti.",
    source="Codici del tracciato dei dati di monitoraggio; corrispondenza tra titoli di studio italiani e "
    "ISCED 2011 (UNESCO) stabilita dal progetto; il titolo post-diploma o laurea copre i livelli ISCED "
    "da 4 a 8.",
    schema=pa.DataFrameSchema(
        {
            "code": pa.Column(
                str,
                checks=pa.Check.isin(list(EDUCATION)),
                unique=True,
                description="Codice del titolo di studio: " + "|".join(EDUCATION) + ".",
            ),
            "label_it": pa.Column(str, title="Titolo di studio", description="Denominazione in italiano."),
            "isced_2011_min": pa.Column(
                int, checks=pa.Check.in_range(0, 8), description="Livello ISCED 2011 più basso compreso."
            ),
            "isced_2011_max": pa.Column(
                int, checks=pa.Check.in_range(0, 8), description="Livello ISCED 2011 più alto compreso."
            ),
            "order": pa.Column(int, unique=True, description="Ordine di presentazione."),
        },
        checks=[
            pa.Check(
                lambda df: df["isced_2011_min"] <= df["isced_2011_max"],
                error="isced_2011_min must not exceed isced_2011_max",
            )
        ],
        coerce=True,
        strict=True,
    ),
)

ESF_INDICATORS = TableSpec(
    name="esf_common_indicators",
    file="esf_common_indicators.csv",
    folder="reference",
    description="Una riga per ogni indicatore comune di output o di risultato del FSE 2014-2020.",
    source="Regolamento (UE) n. 1304/2013, allegato I (copia di "
    "shared/reference-data/esf_common_indicators_2014_2020.csv).",
    schema=pa.DataFrameSchema(
        {
            "code": pa.Column(
                str,
                checks=pa.Check.str_matches(r"^C[OR]\d{2}$", error="must look like CO01 or CR01"),
                unique=True,
                description="Codice dell'indicatore (COxx di output, CRxx di risultato).",
            ),
            "type": pa.Column(
                str,
                description="Tipo di indicatore, scritto in inglese: output, immediate result "
                "(risultato immediato) o longer-term result (risultato di lungo "
                "periodo).",
            ),
            "unit": pa.Column(
                str, description="Unità conteggiata, scritta in inglese: participants (partecipanti) o entities (enti)."
            ),
            "label_en": pa.Column(str, description="Denominazione ufficiale in inglese."),
            "label_it": pa.Column(str, title="Indicatore", description="Denominazione ufficiale in italiano."),
            "notes": pa.Column(str, nullable=True, description="Note sulla definizione."),
        },
        coerce=True,
        strict=True,
    ),
)

LABELS = TableSpec(
    name="labels",
    file="labels.csv",
    folder="reference",
    description="Una riga per ogni codice di una variabile, con l'etichetta italiana e l'ordine di presentazione.",
    source="Redatto dal progetto; le denominazioni delle categorie del capitolo 3 seguono il capitolo 3 del "
    "rapporto (documento 000, l. 574-860).",
    schema=pa.DataFrameSchema(
        {
            "variable": pa.Column(
                str,
                checks=pa.Check.str_matches(NAME, error="must be a lower-case name"),
                description="Variabile a cui appartiene il codice; il capitolo 3 usa "
                + "|".join(LABEL_VARIABLES)
                + ", gli altri capitoli aggiungono le proprie.",
            ),
            "code": pa.Column(str, description="Codice come scritto nei dati."),
            "label_it": pa.Column(str, description="Etichetta italiana mostrata nel rapporto."),
            "order": pa.Column(
                int,
                checks=pa.Check.ge(1),
                description="Ordine di presentazione all'interno della variabile, a partire da 1.",
            ),
        },
        unique=["variable", "code"],
        coerce=True,
        strict=True,
    ),
)

REFERENCE_TABLES: list[TableSpec] = [COUNTRIES, EDUCATION_LEVELS, ESF_INDICATORS, LABELS]
