"""Chapter-3 indicators computed from a monitoring data folder."""

from quartieri_erp.indicators.core import INDICATORS, compute_indicators
from quartieri_erp.indicators.esf import esf_indicators
from quartieri_erp.indicators.intervals import add_confidence_intervals, wilson_interval
from quartieri_erp.indicators.output import save_indicators, write_indicators
from quartieri_erp.indicators.shared import IndicatorSet, shared_indicators
from quartieri_erp.indicators.significance import group_tests

__all__ = [
    "INDICATORS",
    "IndicatorSet",
    "add_confidence_intervals",
    "compute_indicators",
    "esf_indicators",
    "group_tests",
    "save_indicators",
    "shared_indicators",
    "wilson_interval",
    "write_indicators",
]
