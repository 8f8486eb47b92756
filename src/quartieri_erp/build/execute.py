"""Execute chapter notebooks with papermill; a failure names the chapter and the cell."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

from ..errors import BuildError

TIMING_KEYS = ("start_time", "end_time", "duration", "exception")


@dataclass(frozen=True)
class ChapterRun:
    """One notebook to execute."""

    source: Path  # notebook in notebooks/
    output: Path  # executed notebook
    title: str


@dataclass(frozen=True)
class RunResult:
    run: ChapterRun
    seconds: float
    error: str | None = None


def chapter_title(notebook: Path) -> str:
    """The first Markdown heading of a notebook (its chapter title), or its file name."""
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return re.sub(r"\s*\{[^}]*\}\s*$", "", line.lstrip("#").strip())
    return notebook.stem


def clean_executed(path: Path) -> None:
    """Drop papermill's timing metadata so that the same inputs give the same executed notebook."""
    nb = nbformat.read(path, as_version=4)
    for key in TIMING_KEYS:
        nb.metadata.get("papermill", {}).pop(key, None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
    nbformat.write(nb, path)


def failure_message(run: ChapterRun, err: Exception) -> str:
    """'Chapter … failed in cell N' with the cell's first lines and the error."""
    cell_index = getattr(err, "cell_index", None)
    if cell_index is None:
        return f"chapter '{run.title}' ({run.source.name}) failed: {type(err).__name__}: {err}"
    executed = nbformat.read(run.output, as_version=4)
    injected = sum(1 for c in executed.cells[:cell_index] if "injected-parameters" in c.metadata.get("tags", []))
    source_lines = (getattr(err, "source", "") or "").strip().splitlines()
    excerpt = "\n".join(f"      {line}" for line in source_lines[:4])
    return (f"chapter '{run.title}' ({run.source.name}) failed in cell {cell_index - injected + 1} "
            f"of the notebook:\n{excerpt}\n    {err.ename}: {err.evalue}")


def execute_chapter(run: ChapterRun, parameters: dict, cwd: Path) -> RunResult:
    """Run one notebook with papermill (no progress bar, no kernel output echoed)."""
    import papermill

    started = time.perf_counter()
    run.output.parent.mkdir(parents=True, exist_ok=True)
    try:
        papermill.execute_notebook(
            str(run.source), str(run.output), parameters=parameters, kernel_name="python3",
            cwd=str(cwd), progress_bar=False, log_output=False, report_mode=False,
        )
    except Exception as err:  # noqa: BLE001 - every failure becomes a message naming the chapter
        return RunResult(run, time.perf_counter() - started, failure_message(run, err))
    clean_executed(run.output)
    return RunResult(run, time.perf_counter() - started)


def execute_all(runs: list[ChapterRun], parameters: dict, cwd: Path, workers: int, report) -> list[RunResult]:
    """Execute ``runs`` on up to ``workers`` processes; ``report(result)`` is called as each finishes."""
    from concurrent.futures import ProcessPoolExecutor, as_completed

    if workers <= 1 or len(runs) <= 1:
        results = []
        for run in runs:
            results.append(execute_chapter(run, parameters, cwd))
            report(results[-1])
        return results
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(execute_chapter, run, parameters, cwd): run for run in runs}
        results = []
        for future in as_completed(futures):
            results.append(future.result())
            report(results[-1])
    order = {run.source: i for i, run in enumerate(runs)}
    return sorted(results, key=lambda r: order[r.run.source])


def raise_failures(results: list[RunResult]) -> None:
    failed = [r for r in results if r.error]
    if failed:
        raise BuildError("\n".join(r.error for r in failed))
