"""Column builders shared by the curated schemas, so that every table states a rule the same way.

Files are read as text and coerced (see ``inputs.tables.read_table``); each builder returns a pandera
Column with an Italian one-line description (shown in appendix B of the report) and, for custom checks, an
``error=`` in plain words.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pandera.pandas as pa

BOOLEAN = {"boolean": True}  # column metadata: "true"/"false" text turned into bool by the loaders
PRECISIONS = ["year", "month", "day"]
DOCUMENTS = "000|001|002|003"
ACTIONS = ["9.1.3", "9.4.2", "V.3.c.1.1"]  # POR FSE and POR FESR actions in the report
_ONE_ACTION = "|".join(re.escape(action) for action in ACTIONS)
ACTION_LIST = rf"^(?:{_ONE_ACTION})(?:;(?:{_ONE_ACTION}))*$"


def _cents(values: pd.Series) -> pd.Series:
    cents = values * 100
    return pd.Series(np.isclose(cents, cents.round()), index=values.index)


def text(description: str, *, nullable: bool = False, title: str | None = None, unique: bool = False) -> pa.Column:
    """Free or identifying text."""
    return pa.Column(str, nullable=nullable, unique=unique, title=title, description=description)


def identifier(pattern: str, description: str, *, unique: bool = True) -> pa.Column:
    """A row identifier that must match ``pattern`` (e.g. ``P\\d{2}``)."""
    return pa.Column(
        str,
        pa.Check.str_matches(f"^(?:{pattern})$", error=f"must look like {pattern}"),
        unique=unique,
        title="Identificativo",
        description=description,
    )


def enum(values: list[str], description: str, *, nullable: bool = False) -> pa.Column:
    """A closed list of codes; the rule lists them."""
    return pa.Column(str, pa.Check.isin(values), nullable=nullable, description=description)


def flag(description: str, *, nullable: bool = False) -> pa.Column:
    """A yes/no column written as true/false."""
    return pa.Column(
        str, pa.Check.isin(["true", "false"]), nullable=nullable, metadata=BOOLEAN, description=description
    )


def euros(description: str, *, nullable: bool = False) -> pa.Column:
    """An amount in euro, never negative, at most two decimals."""
    return pa.Column(
        float,
        [
            pa.Check.ge(0, error="must be zero or more"),
            pa.Check(_cents, error="must have at most 2 decimals (euro cents)"),
        ],
        nullable=nullable,
        description=f"{description} In euro, con al massimo due decimali.",
    )


def count(description: str, *, nullable: bool = False) -> pa.Column:
    """A whole number, never negative."""
    return pa.Column("Int64", pa.Check.ge(0, error="must be zero or more"), nullable=nullable, description=description)


def number(description: str) -> pa.Column:
    """A non-negative number (any unit)."""
    return pa.Column(float, pa.Check.ge(0, error="must be zero or more"), description=description)


def date(description: str, *, nullable: bool = False) -> pa.Column:
    """An ISO date; with month or year precision it is the first day of the month or year."""
    return pa.Column(
        "datetime64[ns]",
        nullable=nullable,
        description=f"{description} Nella forma AAAA-MM-GG; se la fonte dà solo il mese o "
        "l'anno, il primo giorno del periodo.",
    )


def precision(*, nullable: bool = False, of: str = "la data") -> pa.Column:
    """How much of the date the source gives."""
    return enum(PRECISIONS, f"Precisione con cui la fonte indica {of}.", nullable=nullable)


def istat_code() -> pa.Column:
    """ISTAT municipality code as 6-digit text."""
    return pa.Column(
        str,
        pa.Check.str_matches(r"^\d{6}$", error="must be a 6-digit ISTAT code"),
        title="Codice ISTAT",
        description="Codice ISTAT del comune, 6 cifre con gli zeri iniziali; deve comparire in "
        "reference/municipalities.csv.",
    )


def province() -> pa.Column:
    """Two-letter Lombardy province code."""
    return pa.Column(
        str,
        pa.Check.str_matches(r"^[A-Z]{2}$", error="must be a 2-letter province code"),
        description="Sigla della provincia (ad es. MI); deve essere una provincia lombarda di "
        "reference/provinces.csv e corrispondere al comune.",
    )


def municipality() -> pa.Column:
    """ISTAT municipality name."""
    return text("Nome del comune come nell'elenco ISTAT (reference/municipalities.csv, colonna denominazione).")


def source() -> pa.Column:
    """Where the row comes from: document id, table or section, line(s)."""
    return pa.Column(
        str,
        pa.Check.str_matches(
            f"^(?:{DOCUMENTS}) \\S", error="must start with a source document id (000-003) and a location"
        ),
        nullable=False,
        title="Fonte",
        description="Documento (000 = il rapporto, 001-003 = fonti collegate), poi tabella, figura o sezione "
        "e righe del testo, ad es. '000 Tavola 2.1, l. 438'.",
    )


def note() -> pa.Column:
    """Optional remarks in Italian; discrepancy ids are cited as (Dnn)."""
    return text("Note facoltative; le discordanze di discrepancies.csv sono citate come Dnn.", nullable=True)


def actions(description: str, *, nullable: bool = False) -> pa.Column:
    """Programme actions, several separated by ';'."""
    rule = f"must be actions among {', '.join(ACTIONS)} separated by ';'"
    return pa.Column(
        str,
        pa.Check.str_matches(ACTION_LIST, error=rule),
        nullable=nullable,
        description=f"{description} Codici tra {', '.join(ACTIONS)}, separati da ';' se più d'uno.",
    )
