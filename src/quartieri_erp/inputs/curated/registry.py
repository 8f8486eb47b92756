"""The list of curated input tables: reference lookups first, then the programme files."""

from __future__ import annotations

from quartieri_erp.inputs.curated.case_studies import CASE_STUDIES, CASE_STUDY_ITEMS, CASE_STUDY_RESULTS
from quartieri_erp.inputs.curated.documentation import (
    DISCREPANCIES,
    DOCUMENTS,
    FACTS,
    GLOSSARY,
    PUBLISHED_ARTIFACTS,
    REPORT_SECTIONS,
)
from quartieri_erp.inputs.curated.history import EVALUATIVE_REFLECTIONS, EXPERIMENTATION_LABS, TIMELINE
from quartieri_erp.inputs.curated.istat import MUNICIPALITIES, PROVINCES
from quartieri_erp.inputs.curated.regional_call import CALL_LISTS, PROCEDURES, PROJECTS
from quartieri_erp.inputs.curated.urban_strategies import SUS_RESOURCES, SUS_STEPS
from quartieri_erp.inputs.tables import TableSpec

TABLES: list[TableSpec] = [
    PROVINCES,
    MUNICIPALITIES,
    TIMELINE,
    EXPERIMENTATION_LABS,
    EVALUATIVE_REFLECTIONS,
    PROJECTS,
    PROCEDURES,
    CALL_LISTS,
    SUS_STEPS,
    SUS_RESOURCES,
    CASE_STUDIES,
    CASE_STUDY_ITEMS,
    CASE_STUDY_RESULTS,
    DOCUMENTS,
    FACTS,
    DISCREPANCIES,
    GLOSSARY,
    PUBLISHED_ARTIFACTS,
    REPORT_SECTIONS,
]

SPECS: dict[str, TableSpec] = {spec.name: spec for spec in TABLES}
