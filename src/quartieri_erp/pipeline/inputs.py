"""Validation of every input file before any notebook runs."""

from __future__ import annotations

from quartieri_erp.errors import InputError
from quartieri_erp.params import RunParams


def validate_inputs(params: RunParams) -> None:
    """Check the curated programme data and the monitoring data; one InputError lists every problem.

    First the bounds of one build (see ``bounds``): table sizes, text lengths, ids that clash by case.

    The monitoring data are checked by computing their shared indicator set (``load_monitoring`` runs
    every rule), which the chapters then read from the cache instead of loading the data again.
    """
    from quartieri_erp.indicators import shared_indicators
    from quartieri_erp.inputs.curated import check_programme
    from quartieri_erp.pipeline.bounds import bounds_issues

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


def reconciliation_warnings(params: RunParams) -> list[str]:
    """Warnings (not errors) for projects in only one of the programme data (funded projects) and the
    monitoring data; the appendix on editions says what the report does with them."""
    from quartieri_erp.chapters.editions import funded_ids, reconcile
    from quartieri_erp.inputs.catalogue import read_input
    from quartieri_erp.inputs.monitoring.schemas import PROJECTS
    from quartieri_erp.inputs.tables import read_table

    try:
        monitored = read_table(PROJECTS, params.data_dir)["project_id"].astype(str).tolist()
        funded = funded_ids(read_input("projects", params.programme_dir))
    except InputError:
        return []  # reported by the validation
    r = reconcile(monitored, funded)
    warnings = []
    if r.monitored_not_funded:
        n = len(r.monitored_not_funded)
        warnings.append(
            f"Avviso: {n} {'progetto' if n == 1 else 'progetti'} dei dati di monitoraggio "
            f"{'non è' if n == 1 else 'non sono'} tra i finanziati dei dati del programma "
            f"({', '.join(r.monitored_not_funded)}): contati negli indicatori e con una scheda, ma fuori "
            "dalle cifre del bando (appendice 'Cosa cambia rispetto all'edizione precedente')."
        )
    if r.funded_not_monitored:
        n = len(r.funded_not_monitored)
        warnings.append(
            f"Avviso: {n} {'progetto finanziato' if n == 1 else 'progetti finanziati'} secondo i dati "
            f"del programma {'non compare' if n == 1 else 'non compaiono'} nei dati di monitoraggio "
            f"({', '.join(r.funded_not_monitored)}): contati tra i finanziati, ma senza partecipanti né "
            "scheda."
        )
    return warnings
