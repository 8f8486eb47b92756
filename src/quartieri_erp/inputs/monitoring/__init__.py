"""Participant-level monitoring data: the input contract, its reference tables, loading and checks."""

from quartieri_erp.inputs.monitoring.load import Monitoring, load_monitoring, read_edition
from quartieri_erp.inputs.monitoring.lookups import (
    COUNTRIES,
    EDUCATION_LEVELS,
    ESF_INDICATORS,
    LABELS,
    REFERENCE_TABLES,
)
from quartieri_erp.inputs.monitoring.schemas import ENROLMENTS, PARTICIPANTS, PROJECTS, TABLES

__all__ = [
    "COUNTRIES",
    "EDUCATION_LEVELS",
    "ENROLMENTS",
    "ESF_INDICATORS",
    "LABELS",
    "Monitoring",
    "PARTICIPANTS",
    "PROJECTS",
    "REFERENCE_TABLES",
    "TABLES",
    "load_monitoring",
    "read_edition",
]
