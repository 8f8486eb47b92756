"""Participant-level monitoring data: the input contract, its reference tables, loading and checks."""

from .load import Monitoring, load_monitoring, read_edition
from .reference import COUNTRIES, EDUCATION_LEVELS, ESF_INDICATORS, LABELS, REFERENCE_TABLES
from .schemas import ENROLMENTS, PARTICIPANTS, PROJECTS, TABLES

__all__ = [
    "COUNTRIES", "EDUCATION_LEVELS", "ENROLMENTS", "ESF_INDICATORS", "LABELS", "Monitoring", "PARTICIPANTS",
    "PROJECTS", "REFERENCE_TABLES", "TABLES", "load_monitoring", "read_edition",
]
