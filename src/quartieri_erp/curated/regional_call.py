"""Schemas of chapter 2 about the calls: the 38 applications and the procedures of Tabella 2.1."""

from __future__ import annotations

import pandera.pandas as pa

from ..tables_io import TableSpec
from . import columns as col

PROJECTS = TableSpec(
    name="projects",
    file="projects.csv",
    folder="programme",
    description="One row per application to the call 'Progettare la gestione sociale dei quartieri ERP "
                "in Lombardia' (38: 33 funded, 5 not admitted).",
    source="Report 000 footnotes 24-27 (l. 385-391), l. 377 and 661; budgets from Tavole 4.7, 4.9, 4.10.",
    schema=pa.DataFrameSchema(
        {
            "project_id": col.identifier(r"P\d{2}", "Project identifier: P01-P15 first ranking, P16-P33 "
                                                    "second ranking, P34-P38 not admitted."),
            "lead_partner": col.text("Lead partner (capofila) display name, e.g. 'Comune di Giussano'."),
            "lead_type": col.enum(["Comune", "ALER"], "Kind of lead partner (only these may lead)."),
            "municipality": col.municipality(),
            "istat_code": col.istat_code(),
            "province": col.province(),
            "outcome": col.enum(["finanziato", "non_ammesso"], "Outcome of the application."),
            "ranking": col.enum(["prima", "seconda"], "Ranking that funded the project; empty if not admitted.",
                                nullable=True),
            "act": col.text("Act that funded the project; empty if not admitted.", nullable=True),
            "budget_eur": col.euros("Project budget when the report publishes it (case studies only).",
                                    nullable=True),
            "source": col.source(),
            "note": col.note(),
            "lead_partner_assumed": col.flag("True when the lead partner is an assumption of this project, "
                                             "not printed in the source (see D05)."),
        },
        coerce=True, strict=True, title="Applications to the regional call",
    ),
)

PROCEDURES = TableSpec(
    name="procedures",
    file="procedures.csv",
    folder="programme",
    description="One row per procedure of Tabella 2.1 (calls implementing actions 9.1.3 and 9.4.2 at 31-12-2020).",
    source="Report 000 Tabella 2.1 (l. 347-360), from POR FSE 2014-2020 monitoring data.",
    schema=pa.DataFrameSchema(
        {
            "procedure_id": col.identifier(r"PR\d", "Procedure identifier in table order."),
            "actions": col.actions("POR FSE actions of the procedure."),
            "territory": col.enum(["regione", "sus_milano", "sus_bollate"], "Where the procedure applies."),
            "territory_label": col.text("Territory as printed (merged cells filled in)."),
            "call_name": col.text("Name of the call or service as printed."),
            "cost_eur": col.euros("Cost ('Costo')."),
            "eligible_spending_eur": col.euros("Total eligible spending ('Spesa totale ammissibile'); "
                                               "'- €' in the source is 0."),
            "operations": col.count("Number of selected operations."),
            "reference_date": col.date("Date the monitoring figures of the row refer to (Tabella 2.1: 31-12-2020)."),
            "source": col.source(),
            "note": col.note(),
        },
        coerce=True, strict=True, title="Procedures of Tabella 2.1",
    ),
)
