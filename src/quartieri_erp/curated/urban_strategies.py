"""Schemas of section 2.2: procedural steps and resources of the two urban strategies."""

from __future__ import annotations

import pandera.pandas as pa

from ..tables_io import TableSpec
from . import columns as col

STRATEGIES = ["milano_lorenteggio", "bollate"]
FUNDS = ["FESR", "FSE", "PON Metro", "comunale", "regionale"]
MILESTONE = r"^[a-z][a-z0-9_]*$"

SUS_STEPS = TableSpec(
    name="sus_steps",
    file="sus_steps.csv",
    folder="programme",
    description="One row per procedural step of an urban strategy (Tavola 2.1 Milano-Lorenteggio, "
                "Tavola 2.2 Bollate).",
    source="Report 000 Tavola 2.1 (l. 435-474) and Tavola 2.2 (l. 542-555) with their footnotes.",
    schema=pa.DataFrameSchema(
        {
            "strategy": col.enum(STRATEGIES, "Urban strategy."),
            "step": pa.Column("Int64", pa.Check.ge(1, error="must be 1 or more"),
                              description="Step number in printed order, 1..n within the strategy."),
            "milestone": pa.Column(str, [
                pa.Check.str_matches(MILESTONE, error="must be a short snake_case key: lower-case letters, digits "
                                                      "and underscores"),
                pa.Check(lambda keys: ~(keys.notna() & keys.duplicated(keep=False)),
                         error="must be unique in the file: a key names one step"),
            ], nullable=True, title="Tappa citata",
                description="Key by which the text of chapter 2 cites this step (e.g. adp_efficace, "
                            "convenzione_oi_firmata), so that renumbering the steps cannot change the prose; empty "
                            "for the steps the text does not cite. Each key names one step of the file."),
            "date": col.date("Date of the step."),
            "date_precision": col.precision(),
            "date_qualifier": col.enum(["da", "fine"], "'da' = from that month on, 'fine' = end of that month; "
                                       "empty for a plain date.", nullable=True),
            "act": col.text("Act of the step (DGR, DPGR, DDG...) when printed.", nullable=True),
            "description": col.text("What happened, in Italian, written anew."),
            "fund_activated": col.enum(["FESR", "FSE"], "Fund whose resources the step activates.", nullable=True),
            "source": col.source(),
            "note": col.note(),
        },
        unique=["strategy", "step"], coerce=True, strict=True, title="Urban strategy steps",
    ),
)

SUS_RESOURCES = TableSpec(
    name="sus_resources",
    file="sus_resources.csv",
    folder="programme",
    description="One row per funding source of an urban strategy.",
    source="Report 000 sections 2.2.1 (l. 478-482) and 2.2.2 (l. 528-540); Figura 2.1 is lost in the text.",
    schema=pa.DataFrameSchema(
        {
            "strategy": col.enum(STRATEGIES, "Urban strategy."),
            "fund": col.enum(FUNDS, "Funding source."),
            "amount_eur": col.euros("Amount as printed (in millions or thousands), written in euro."),
            "purpose": col.text("What the money pays for, in Italian, written anew."),
            "source": col.source(),
            "note": col.note(),
        },
        unique=["strategy", "fund"], coerce=True, strict=True, title="Urban strategy resources",
    ),
)
