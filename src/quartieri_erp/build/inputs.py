"""Validation of every input file before any notebook runs."""

from __future__ import annotations

from ..errors import InputError
from ..params import RunParams


def validate_inputs(params: RunParams) -> None:
    """Check the curated programme data and the monitoring data; one InputError lists every problem."""
    from ..curated import check_programme
    from ..monitoring import load_monitoring

    checks = (
        lambda: check_programme(params.programme_dir, params.reference_dir),
        lambda: load_monitoring(params.data_dir, params.reference_dir, as_of=params.as_of),
    )
    issues = []
    for check in checks:
        try:
            check()
        except InputError as err:
            issues += err.issues
    if issues:
        raise InputError(issues)
