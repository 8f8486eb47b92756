"""Chapter-3 indicators computed from a monitoring data folder."""

from .core import INDICATORS, compute_indicators
from .esf import esf_indicators
from .intervals import add_confidence_intervals, wilson_interval
from .output import save_indicators, write_indicators
from .shared import IndicatorSet, shared_indicators
from .significance import group_tests

__all__ = [
    "INDICATORS", "IndicatorSet", "add_confidence_intervals", "compute_indicators", "esf_indicators",
    "group_tests", "save_indicators", "shared_indicators", "wilson_interval", "write_indicators",
]
