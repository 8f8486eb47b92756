"""Schemas of chapter 4: the case-study cards, their listed items and every number they hold."""

from __future__ import annotations

import pandera.pandas as pa

from ..tables_io import TableSpec
from . import columns as col

CARD_ID = r"4\.\d{1,2}"
STATUSES = ["avviso_aperto", "non_avviato", "in_corso", "concluso"]
ITEM_FIELDS = ["partner", "objective", "location", "action", "rule", "result", "covid_effect",
               "difficulty", "success_factor", "follow_up"]
PARTNER_ROLES = ["capofila", "capogruppo", "partner", "attuatore"]
UNITS = ["count", "eur", "percent", "hours", "months", "years", "sqm", "ratio"]
RESULT_KINDS = ["contesto", "dotazione", "parametro", "atteso", "risultato"]


def card_id(description: str, *, unique: bool = False) -> pa.Column:
    """Reference to a card of case_studies.csv, e.g. '4.10'."""
    return pa.Column(str, pa.Check.str_matches(f"^{CARD_ID}$", error="must be a card id like 4.1"),
                     unique=unique, title="Card", description=description)


CASE_STUDIES = TableSpec(
    name="case_studies",
    file="case_studies.csv",
    folder="programme",
    description="One row per case-study card of chapter 4 (Tavole 4.1-4.10; 4.8 is the Punti Luna box).",
    source="Report 000 chapter 4 (l. 862-1424): the cards and the surrounding prose.",
    schema=pa.DataFrameSchema(
        {
            "card_id": card_id("Card number as printed (Tavola 4.N).", unique=True),
            "kind": col.enum(["scheda", "riquadro"], "Summary card or explanatory box."),
            "short_name": col.text("Short name used in tables and prose (e.g. MILOLAB)."),
            "title": col.text("Card title as printed."),
            "section": pa.Column(str, pa.Check.str_matches(r"^4\.\d(\.\d)?$",
                                                           error="must be a section like 4.1.2"),
                                 description="Report section holding the card."),
            "programme": col.enum(["sus_milano", "sus_bollate", "avviso_regionale"],
                                  "Urban strategy or regional call the intervention belongs to."),
            "municipality": col.municipality(),
            "istat_code": col.istat_code(),
            "province": col.province(),
            "neighbourhood": col.text("Neighbourhood or area, in Italian."),
            "actions": col.actions("POR FSE / POR FESR actions funding the intervention."),
            "project_id": col.text("Project of projects.csv when the card is a funded project of the call; its "
                                   "budget then lives in projects.csv.", nullable=True),
            "status": col.enum(STATUSES, "Progress at the time of the report; empty for a box.", nullable=True),
            "start_date": col.date("Start of activities (actual or planned).", nullable=True),
            "start_precision": col.precision(nullable=True, of="the start date"),
            "end_date": col.date("End of activities (actual or planned).", nullable=True),
            "end_precision": col.precision(nullable=True, of="the end date"),
            "end_is_planned": col.flag("True when the end date is a forecast; required with an end date.",
                                       nullable=True),
            "duration_months": col.count("Planned duration in months when printed.", nullable=True),
            "budget_eur": col.euros("Budget printed on the card; empty when project_id is set (budget in "
                                    "projects.csv) or when only the fund shares are printed "
                                    "(see case_study_results.csv).", nullable=True),
            "target": col.text("Main target group, in Italian, written anew."),
            "source": col.source(),
            "note": col.note(),
        },
        coerce=True, strict=True, title="Case-study cards",
    ),
)

CASE_STUDY_ITEMS = TableSpec(
    name="case_study_items",
    file="case_study_items.csv",
    folder="programme",
    description="One row per listed item of a card (partner, objective, action, Covid-19 effect...), in order.",
    source="Report 000 chapter 4 cards and prose; texts written anew in Italian, partner names as printed.",
    schema=pa.DataFrameSchema(
        {
            "card_id": card_id("Card of case_studies.csv the item belongs to."),
            "field": col.enum(ITEM_FIELDS, "Which list of the card the item belongs to."),
            "position": pa.Column("Int64", pa.Check.ge(1, error="must be 1 or more"),
                                  description="Order within the card and field, from 1."),
            "text": col.text("The item, in Italian: written anew, or the name of a partner as printed."),
            "role": col.enum(PARTNER_ROLES, "Role of a partner; only for field = partner.", nullable=True),
            "source": col.source(),
        },
        unique=["card_id", "field", "position"], coerce=True, strict=True, title="Case-study items",
    ),
)

CASE_STUDY_RESULTS = TableSpec(
    name="case_study_results",
    file="case_study_results.csv",
    folder="programme",
    description="One row per number of a card or of its prose (context, money, rules, expected and "
                "achieved results).",
    source="Report 000 chapter 4 cards, box 4.8 and prose.",
    schema=pa.DataFrameSchema(
        {
            "card_id": card_id("Card of case_studies.csv the number belongs to."),
            "metric": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$", error="must be snake_case"),
                                description="Metric key, snake_case, unique within the card."),
            "value": col.number("The number as printed (percentages as 0-100)."),
            "unit": col.enum(UNITS, "Unit of the value."),
            "kind": col.enum(RESULT_KINDS, "What the number is: context, money, rule, expected or achieved."),
            "label": col.text("Italian label for tables and figures."),
            "reference_date": col.date("Date the value refers to, when printed.", nullable=True),
            "date_precision": col.precision(nullable=True, of="the reference date"),
            "source": col.source(),
            "note": col.note(),
        },
        unique=["card_id", "metric"], coerce=True, strict=True, title="Case-study numbers",
    ),
)
