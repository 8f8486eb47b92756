"""Curated data from the published sources: schemas (TABLES), one loader per table, cross-table checks.

The files live in ``data/reference`` (ISTAT lookups) and ``data/programme`` (facts of chapters 1, 2
and 4 of the report); ``data/programme/README.md`` describes each file.
"""

from quartieri_erp.inputs.curated.checks import check_programme
from quartieri_erp.inputs.curated.citations import cite, source_line
from quartieri_erp.inputs.curated.loaders import (
    fact,
    load_call_lists,
    load_case_studies,
    load_case_study_items,
    load_case_study_results,
    load_discrepancies,
    load_documents,
    load_evaluative_reflections,
    load_experimentation_labs,
    load_facts,
    load_glossary,
    load_municipalities,
    load_procedures,
    load_projects,
    load_provinces,
    load_published_artifacts,
    load_sus_resources,
    load_sus_steps,
    load_timeline,
)
from quartieri_erp.inputs.curated.registry import SPECS, TABLES

__all__ = [
    "SPECS",
    "TABLES",
    "check_programme",
    "cite",
    "fact",
    "source_line",
    "load_call_lists",
    "load_case_studies",
    "load_case_study_items",
    "load_case_study_results",
    "load_discrepancies",
    "load_documents",
    "load_evaluative_reflections",
    "load_experimentation_labs",
    "load_facts",
    "load_glossary",
    "load_municipalities",
    "load_procedures",
    "load_projects",
    "load_provinces",
    "load_published_artifacts",
    "load_sus_resources",
    "load_sus_steps",
    "load_timeline",
]
