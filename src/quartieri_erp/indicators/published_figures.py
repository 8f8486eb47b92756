"""The published chapter-3 figures (data/programme/published_indicators.csv) and their reconciliation.

Each published row names an engine row (indicator, group, category) and says what was printed.
``reconcile`` puts the computed value beside it: numeric rows match when the computed value,
rounded half-up to the printed precision, equals the published value; ``claim`` rows state a
qualitative sentence of the report in a small checkable form:

- ``gt:<group>`` / ``lt:<group>``: the share is higher / lower than in ``<group>``;
- ``max``: the category has the largest share of its indicator and group;
- ``above:<x>`` / ``below:<x>``: the share is above / below ``x`` (a proportion).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa

from quartieri_erp.indicators.core import INDICATORS
from quartieri_erp.inputs.monitoring.codes import GROUPS
from quartieri_erp.inputs.tables import TableSpec
from quartieri_erp.presentation.formatting import round_half_up

KEY = ["indicator", "group", "category"]
CLAIM = r"^(gt:\w+|lt:\w+|max|above:[0-9.]+|below:[0-9.]+)$"
CLAIM_RULE = "must be gt:<group>, lt:<group>, max, above:<x> or below:<x>"

PUBLISHED_INDICATORS = TableSpec(
    name="published_indicators",
    file="published_indicators.csv",
    folder="programme",
    description="Una riga per ogni dato del capitolo 3 del rapporto del 2021 (numero come stampato o "
    "affermazione qualitativa).",
    source="Rapporto (documento 000; IRS-COGEA, gennaio 2021), capitolo 3 (§ 3.2-3.3): Tabella 3.1, Tabella 3.2 "
    "e testo delle figure 3.1-3.10; i conteggi dei Laboratori Sociali e dei PIP sono letti scambiati rispetto "
    "alla Tabella 3.1, come spiega l'appendice di riconciliazione.",
    schema=pa.DataFrameSchema(
        {
            "indicator": pa.Column(
                str,
                checks=pa.Check.isin(list(INDICATORS)),
                title="Indicatore",
                description="Codice dell'indicatore calcolato (si veda labels.csv, variabile indicator).",
            ),
            "group": pa.Column(
                str,
                checks=pa.Check.isin(list(GROUPS)),
                title="Gruppo",
                description="Gruppo di partecipanti: " + "|".join(GROUPS) + ".",
            ),
            "category": pa.Column(
                str,
                nullable=True,
                title="Categoria",
                description="Codice della categoria all'interno dell'indicatore; vuoto se non pertinente.",
            ),
            "unit": pa.Column(
                str,
                checks=pa.Check.isin(["count", "share", "years"]),
                description="count (persone o progetti), share (quota tra 0 e 1) o years (anni).",
            ),
            "printed": pa.Column(
                str,
                nullable=True,
                title="Stampato",
                description="Il dato così come stampato nel rapporto, comprese eventuali "
                "parole; vuoto se non stampato.",
            ),
            "value": pa.Column(
                float,
                nullable=True,
                title="Valore",
                description="Valore pubblicato (quote come proporzioni tra 0 e 1); vuoto se il dato è qualitativo.",
            ),
            "decimals": pa.Column(
                "Int64",
                nullable=True,
                checks=pa.Check.in_range(0, 3),
                description="Decimali stampati (della percentuale, per le quote); vuoto se il dato è qualitativo.",
            ),
            "claim": pa.Column(
                str,
                nullable=True,
                checks=pa.Check.str_matches(CLAIM, error=CLAIM_RULE),
                description="Affermazione qualitativa in forma verificabile: gt:<gruppo> o "
                "lt:<gruppo> (più alta o più bassa che nel gruppo), max (la "
                "categoria più frequente), above:<x> o below:<x> (sopra o sotto "
                "la quota x).",
            ),
            "source": pa.Column(
                str, title="Fonte", description="Tabella, figura o sezione del rapporto da cui proviene il dato."
            ),
            "note": pa.Column(
                str,
                nullable=True,
                title="Nota",
                description="Motivo del valore riportato: etichette scambiate, valore residuo, "
                "dato espresso a parole, contraddizione.",
            ),
        },
        checks=[
            pa.Check(lambda df: df["value"].notna() | df["claim"].notna(), error="a row needs a value or a claim"),
            pa.Check(lambda df: df["value"].isna() == df["decimals"].isna(), error="value and decimals go together"),
        ],
        unique=["indicator", "group", "category", "unit"],
        coerce=True,
        strict=True,
    ),
)


def _claim_holds(claim: str, row: pd.Series, computed: pd.DataFrame) -> bool:
    kind, _, argument = claim.partition(":")
    same = computed[(computed["indicator"] == row["indicator"]) & (computed["group"] == row["group"])]
    if kind == "max":
        return bool(row["computed"] == same["value"].max())
    if kind in ("above", "below"):
        return bool(row["computed"] > float(argument)) if kind == "above" else bool(row["computed"] < float(argument))
    other = computed[
        (computed["indicator"] == row["indicator"])
        & (computed["group"] == argument)
        & (computed["category"].fillna("") == (row["category"] or ""))
    ]["value"]
    return bool(row["computed"] > other.iloc[0]) if kind == "gt" else bool(row["computed"] < other.iloc[0])


def _none_for_na(values: pd.Series) -> pd.Series:
    return values.astype(object).where(values.notna(), None)


def reconcile(computed: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    """``published`` with ``computed`` (engine value in the published unit: the numerator for a
    published count of a share row), ``computed_rounded`` (as printed: percentages for shares),
    ``matches`` (numeric rows) and ``claim_holds`` (claim rows)."""
    engine = computed.assign(category=_none_for_na(computed["category"]))
    published = published.assign(category=_none_for_na(published["category"]))
    merged = published.merge(
        engine[KEY + ["unit", "numerator", "value"]].rename(columns={"unit": "engine_unit", "value": "engine_value"}),
        on=KEY,
        how="left",
        validate="many_to_one",
    )
    counted = (merged["unit"] == "count") & (merged["engine_unit"] == "share")
    merged["computed"] = np.where(counted, merged["numerator"].astype(float), merged["engine_value"].astype(float))
    scale = np.where(merged["unit"] == "share", 100.0, 1.0)
    rows = []
    for i, row in merged.iterrows():
        numeric = pd.notna(row["value"])
        decimals = int(row["decimals"]) if numeric else 0
        rounded = round_half_up(row["computed"] * scale[i], decimals) if numeric else np.nan
        rows.append(
            {
                "computed_rounded": rounded,
                "matches": (rounded == round_half_up(row["value"] * scale[i], decimals)) if numeric else pd.NA,
                "claim_holds": _claim_holds(row["claim"], row, engine) if pd.notna(row["claim"]) else pd.NA,
            }
        )
    checks = pd.DataFrame(rows, index=merged.index).astype({"matches": "boolean", "claim_holds": "boolean"})
    return pd.concat([merged.drop(columns=["engine_unit", "numerator", "engine_value"]), checks], axis=1)
