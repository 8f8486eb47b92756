"""Schemas of chapter 1: the policy timeline, the 2014-2015 experimentation labs, the lessons table."""

from __future__ import annotations

import pandera.pandas as pa

from ..tables_io import TableSpec
from . import columns as col

TIMELINE_CATEGORIES = [
    "antecedenti", "programmazione_regionale", "sperimentazione_laboratori", "avviso_regionale",
    "sviluppo_urbano_milano", "sviluppo_urbano_bollate",
]

TIMELINE = TableSpec(
    name="timeline",
    file="timeline.csv",
    folder="programme",
    description="One row per dated event of the policy history and of the programme's calls.",
    source="Report 000 (chapters 1, 2 and 4, footnotes); source 002 for the experimentation act.",
    schema=pa.DataFrameSchema(
        {
            "event_id": col.identifier(r"E\d{2}", "Event identifier, E01, E02, ... in date order."),
            "date": col.date("Date of the event."),
            "date_precision": col.precision(),
            "event": col.text("Short Italian label of the event, written anew."),
            "act": col.text("Legal act (DGR, decree, law) when the source names one.", nullable=True),
            "actor": col.text("Who acts (bodies, people), in Italian."),
            "category": col.enum(TIMELINE_CATEGORIES, "Phase of the policy, used to group the timeline figure."),
            "card_id": col.text("Case-study card the event belongs to (case_studies.csv), if any.",
                                nullable=True),
            "source": col.source(),
            "note": col.note(),
        },
        coerce=True, strict=True, title="Policy timeline",
    ),
)

EXPERIMENTATION_LABS = TableSpec(
    name="experimentation_labs",
    file="experimentation_labs.csv",
    folder="programme",
    description="One row per Laboratorio sociale of the 2014-2015 regional experimentation (15 labs).",
    source="Source 002 Tabella 1 (l. 985-1106) and Part 2 headings; report 000 footnote 21 (l. 313).",
    schema=pa.DataFrameSchema(
        {
            "lab_id": col.identifier(r"L\d{2}", "Lab identifier, L01-L15 in the order of 002 Tabella 1."),
            "title": col.text("Project title as in the Part 2 heading of source 002."),
            "lead_body": col.text("Lead body (capofila), e.g. 'Comune di Milano', 'ALER Pavia'."),
            "lead_type": col.enum(["Comune", "ALER"], "Kind of lead body."),
            "municipality": col.municipality(),
            "istat_code": col.istat_code(),
            "province": col.province(),
            "area_representation": col.flag("Intervention area 'Promozione della rappresentanza' (Tabella 1)."),
            "area_intermediation": col.flag("Intervention area 'Organizzazione dell'intermediazione'."),
            "area_self_management": col.flag("Intervention area 'Promozione dell'autogestione'."),
            "area_arrears": col.flag("Intervention area 'Contrasto alla morosità incolpevole'."),
            "area_social_distress": col.flag("Intervention area 'Contrasto al disagio sociale'."),
            "report_section": pa.Column(str, pa.Check.str_matches(r"^2\.\d{1,2}$", error="must look like 2.N"),
                                        description="Section of source 002 Part 2 describing the lab."),
            "source": col.source(),
            "note": col.note(),
        },
        coerce=True, strict=True, title="Experimentation labs 2014-2015",
    ),
)

EVALUATIVE_REFLECTIONS = TableSpec(
    name="evaluative_reflections",
    file="evaluative_reflections.csv",
    folder="programme",
    description="One row per line of the chapter-1 table 'Elementi esperienziali / Riflessioni valutative'.",
    source="Report 000, unnumbered table of section 1.4 (l. 317-325), after Éupolis Lombardia.",
    schema=pa.DataFrameSchema(
        {
            "position": pa.Column("Int64", pa.Check.ge(1, error="must be 1 or more"), unique=True,
                                  description="Row order in the printed table."),
            "experience": col.text("What the experimentation showed (Italian, written anew)."),
            "reflection": col.text("The evaluative lesson drawn from it (Italian, written anew)."),
            "source": col.source(),
        },
        coerce=True, strict=True, title="Lessons of the experimentation",
    ),
)
