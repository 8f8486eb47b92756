"""Validation of every input file before any notebook runs."""

from __future__ import annotations

from ..errors import InputError
from ..params import RunParams


def validate_inputs(params: RunParams) -> None:
    """Check the curated programme data and the monitoring data; one InputError lists every problem.

    First the bounds of one build (see ``bounds``): table sizes, text lengths, ids that clash by case.

    The monitoring data are checked by computing their shared indicator set (``load_monitoring`` runs
    every rule), which the chapters then read from the cache instead of loading the data again.
    """
    from ..curated import check_programme
    from .bounds import bounds_issues
    from ..indicators import shared_indicators

    checks = (
        lambda: check_programme(params.programme_dir, params.reference_dir),
        lambda: shared_indicators(params.data_dir, params.reference_dir, params.as_of),
    )
    issues = bounds_issues(params)
    for check in checks:
        try:
            check()
        except InputError as err:
            issues += err.issues
    if issues:
        raise InputError(issues)
