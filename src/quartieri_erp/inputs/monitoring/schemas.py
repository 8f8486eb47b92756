"""The monitoring data contract: one TableSpec per file of a monitoring data folder.

A monitoring data folder holds ``projects.csv``, ``participants.csv`` and ``enrolments.csv``
(UTF-8, extra columns allowed and ignored) and optionally ``edition.yml``. The rules that span
files (unknown ids, Lombardy provinces, country codes, dates after the cut-off) are checked in
``integrity.py``.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from quartieri_erp.inputs.monitoring.codes import (
    DISADVANTAGE,
    EDUCATION,
    EMPLOYMENT,
    LEAD_TYPES,
    MAX_AGE,
    PIP_STATUSES,
    RANKINGS,
    SEX,
    SUBPROJECTS,
)
from quartieri_erp.inputs.tables import TableSpec

SOURCE = (
    "Sistema di monitoraggio regionale (Regione Lombardia / ARIA), estrazione a livello di partecipante; "
    "la cartella predefinita contiene l'edizione sintetica prodotta da `quartieri-erp synth`."
)
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
    description="Una riga per ogni progetto integrato finanziato dall'avviso regionale del 2017.",
    source=SOURCE,
    schema=pa.DataFrameSchema(
        {
            "project_id": pa.Column(
                str,
                unique=True,
                title="Progetto",
                description="Identificativo del progetto, unico nel file (ad es. P01).",
            ),
            "lead_partner": pa.Column(
                str, title="Capofila", description="Denominazione del capofila (un comune o un'ALER)."
            ),
            "lead_type": _codes(LEAD_TYPES, title="Tipo di capofila", description="Tipo di capofila: Comune o ALER."),
            "municipality": pa.Column(str, title="Comune", description="Comune del capofila (denominazione ISTAT)."),
            "istat_code": pa.Column(
                str,
                checks=pa.Check.str_matches(r"^\d{6}$", error=ISTAT_RULE),
                title="Codice ISTAT",
                description="Codice alfanumerico ISTAT del comune, 6 cifre.",
            ),
            "province": _sigla(
                PROVINCE_RULE, title="Provincia", description="Sigla della provincia lombarda del comune (ad es. MI)."
            ),
            "ranking": _codes(
                RANKINGS,
                title="Graduatoria",
                description="Graduatoria di finanziamento: prima (decreto del maggio 2018) o "
                "seconda (scorrimento della graduatoria).",
            ),
            "budget_eur": pa.Column(
                float,
                checks=pa.Check.ge(0, error="must be zero or more"),
                nullable=True,
                required=False,
                title="Contributo (€)",
                description="Contributo pubblico concesso, in euro; facoltativo, vuoto se non noto.",
            ),
        },
        coerce=True,
        strict=False,
    ),
)

PARTICIPANTS = TableSpec(
    name="participants",
    file="participants.csv",
    folder="monitoring",
    description="Una riga per ogni persona raggiunta dai progetti integrati, con le sue caratteristiche al momento "
    "della presa in carico.",
    source=SOURCE,
    schema=pa.DataFrameSchema(
        {
            "participant_id": pa.Column(
                str,
                unique=True,
                title="Partecipante",
                description="Identificativo pseudonimo della persona, unico nel file.",
            ),
            "project_id": pa.Column(
                "category",
                title="Progetto",
                description="Progetto che ha raggiunto la persona; uno dei project_id di projects.csv.",
            ),
            "sex": _codes(SEX, title="Sesso", description="Sesso: F (femmina) o M (maschio)."),
            "age": pa.Column(
                int,
                checks=pa.Check.in_range(0, MAX_AGE),
                title="Età",
                description=f"Età alla presa in carico, in anni compiuti, da 0 a {MAX_AGE}.",
            ),
            "citizenship": _sigla(
                "must be a two-letter country code",
                title="Cittadinanza",
                description="Cittadinanza, codice ISO 3166-1 alpha-2 (IT = italiana); si veda countries.csv.",
            ),
            "education": _codes(
                EDUCATION,
                title="Titolo di studio",
                description="Titolo di studio più elevato: " + "|".join(EDUCATION) + " (si veda education_levels.csv).",
            ),
            "disadvantage": _codes(
                DISADVANTAGE,
                title="Condizione di svantaggio",
                description="Principale condizione di svantaggio rilevata alla presa in carico: "
                + "|".join(DISADVANTAGE)
                + ".",
            ),
            "employment_status": _codes(
                EMPLOYMENT,
                title="Condizione occupazionale",
                description="Condizione occupazionale alla presa in carico: " + "|".join(EMPLOYMENT) + ".",
            ),
            "province": _sigla(
                PROVINCE_RULE,
                title="Provincia di residenza",
                description="Sigla della provincia lombarda di residenza (ad es. MI); si veda provinces.csv.",
            ),
        },
        coerce=True,
        strict=False,
    ),
)

ENROLMENTS = TableSpec(
    name="enrolments",
    file="enrolments.csv",
    folder="monitoring",
    description="Una riga per ogni persona e sotto-progetto a cui ha partecipato (una persona può partecipare "
    "a entrambi).",
    source=SOURCE,
    schema=pa.DataFrameSchema(
        {
            "participant_id": pa.Column(
                str,
                title="Partecipante",
                description="Persona iscritta; deve essere uno dei participant_id di participants.csv.",
            ),
            "subproject": _codes(
                SUBPROJECTS,
                title="Sotto-progetto",
                description="laboratorio_sociale (Laboratori sociali, azione 9.4.2) o "
                "pip (Piano di Intervento Personalizzato, azione 9.1.3).",
            ),
            "start_date": pa.Column(
                "category",
                checks=pa.Check(_is_iso_date, element_wise=False, error="must be a date written YYYY-MM-DD"),
                title="Data di avvio",
                description="Data in cui la persona ha avviato il sotto-progetto, nella "
                "forma AAAA-MM-GG, non successiva alla data di aggiornamento "
                "dei dati.",
            ),
            "status": _codes(
                PIP_STATUSES,
                nullable=True,
                title="Stato del PIP",
                description="Per le righe pip: concluso|in_corso|rinuncia alla data di "
                "aggiornamento dei dati; vuoto per laboratorio_sociale.",
            ),
        },
        coerce=True,
        strict=False,
        unique=["participant_id", "subproject"],
    ),
)

TABLES: list[TableSpec] = [PROJECTS, PARTICIPANTS, ENROLMENTS]
