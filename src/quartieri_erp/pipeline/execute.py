"""Execute chapter notebooks with papermill; a failure names the chapter and the cell."""

from __future__ import annotations

import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from quartieri_erp.errors import BuildError

TIMING_KEYS = ("start_time", "end_time", "duration", "exception")
RUN_SPECIFIC_KEYS = ("input_path", "output_path")  # absolute paths of this run's staging folder
INTERRUPT_GRACE = 4  # seconds the chapters get to notice that Ctrl-C killed their kernels


@dataclass(frozen=True)
class ChapterRun:
    """One notebook to execute."""

    source: Path  # notebook in notebooks/
    output: Path  # executed notebook
    title: str
    # parameters only this notebook declares (e.g. previous_build), injected next to the run's parameters
    extra: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def read_log(self) -> Path:
        """Where the kernel records the input files this chapter reads."""
        return self.output.parent.with_name("reads") / f"{self.output.stem}.txt"


@dataclass(frozen=True)
class RunResult:
    run: ChapterRun
    seconds: float
    error: str | None = None


def read_notebook(path: Path) -> dict:
    """A notebook as plain JSON (nbformat's import costs a second; reading does not need it)."""
    return json.loads(path.read_text(encoding="utf-8"))


def chapter_title(notebook: Path) -> str:
    """The first Markdown heading of a notebook (its chapter title), or its file name."""
    for cell in read_notebook(notebook)["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("#"):
                    return re.sub(r"\s*\{[^}]*\}\s*$", "", line.lstrip("#").strip())
    return notebook.stem


def clean_executed(path: Path) -> None:
    """Drop what differs between two runs of the same inputs: papermill's timings and paths, and the
    random id of the injected-parameters cell. (Plain JSON: papermill has just written a valid notebook.)"""
    nb = read_notebook(path)
    for key in TIMING_KEYS + RUN_SPECIFIC_KEYS:
        nb["metadata"].get("papermill", {}).pop(key, None)
    for cell in nb["cells"]:
        cell["metadata"].pop("papermill", None)
        cell["metadata"].pop("execution", None)
        if "injected-parameters" in cell["metadata"].get("tags", []):
            cell["id"] = "injected-parameters"
    path.write_text(json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def failure_message(run: ChapterRun, err: Exception) -> str:
    """'Chapter … failed in cell N' with the cell's first lines and the error."""
    cell_index = getattr(err, "cell_index", None)
    if cell_index is None:
        return f"chapter '{run.title}' ({run.source.name}) failed: {type(err).__name__}: {err}"
    cells = read_notebook(run.output)["cells"]
    injected = sum(1 for c in cells[:cell_index] if "injected-parameters" in c["metadata"].get("tags", []))
    source_lines = (getattr(err, "source", "") or "").strip().splitlines()
    excerpt = "\n".join(f"      {line}" for line in source_lines[:4])
    return (
        f"chapter '{run.title}' ({run.source.name}) failed in cell {cell_index - injected + 1} "
        f"of the notebook:\n{excerpt}\n    {err.ename}: {err.evalue}"
    )


def import_papermill():
    """Import papermill in this thread, without jsonschema's optional IRI grammar (``rfc3987_syntax``).

    That module compiles a lark grammar at import (1,3 s) through ``ast.literal_eval``, and CPython 3.11's
    ``ast`` is not thread-safe ("AST constructor recursion depth mismatch"); notebooks need no IRI checks.
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # None in sys.modules: the import fails, jsonschema skips it
    import papermill

    return papermill


def execute_chapter(run: ChapterRun, parameters: dict, pool) -> RunResult:
    """Run one notebook with papermill in a warm kernel of ``pool``."""
    papermill = import_papermill()

    started = time.perf_counter()
    run.output.parent.mkdir(parents=True, exist_ok=True)
    run.read_log.parent.mkdir(parents=True, exist_ok=True)
    try:
        with pool.kernel(run.read_log) as km:
            papermill.execute_notebook(
                str(run.source),
                str(run.output),
                parameters={**parameters, **run.extra},
                kernel_name="python3",
                progress_bar=False,
                log_output=False,
                report_mode=False,
                km=km,
                request_save_on_cell_execute=False,  # one write at the end, not one per cell
            )
    except Exception as err:  # noqa: BLE001 - every failure becomes a message naming the chapter
        return RunResult(run, time.perf_counter() - started, failure_message(run, err))
    clean_executed(run.output)
    return RunResult(run, time.perf_counter() - started)


def execute_all(runs: list[ChapterRun], parameters: dict, pool, workers: int, report) -> list[RunResult]:
    """Execute ``runs`` on the warm kernels of ``pool``, in the order given (start the longest first);
    ``report(result)`` is called as each finishes. Results come back in the order of ``runs``."""
    from concurrent.futures import ThreadPoolExecutor, as_completed, wait

    threads = ThreadPoolExecutor(max_workers=workers)
    futures = [threads.submit(execute_chapter, run, parameters, pool) for run in runs]
    try:
        for future in as_completed(futures):
            report(future.result())
    except BaseException:  # Ctrl-C: start no further chapter and kill the kernels at once
        threads.shutdown(wait=False, cancel_futures=True)
        pool.close()
        wait(futures, timeout=INTERRUPT_GRACE)  # the running chapters fail as their kernel dies
        raise
    threads.shutdown()
    return [future.result() for future in futures]


def raise_failures(results: list[RunResult]) -> None:
    failed = [r for r in results if r.error]
    if failed:
        raise BuildError("\n".join(r.error for r in failed))
