"""`quartieri-erp build`: validate inputs, execute the chapters, render, then publish atomically.

Nothing under <out>/report is touched until every step has succeeded: the build works in a staging
folder inside <out> and swaps the finished report in at the end.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import time
from pathlib import Path

from ..errors import BuildError
from ..paths import display_path, project_root
from ..params import RunParams
from ..render.book import Book, load_book
from .execute import ChapterRun, RunResult, chapter_title, execute_all, raise_failures
from .inputs import validate_inputs
from .publish import export_figures, keep_failed, publish
from .stage import colophon, stage_project


def choose_renderer(requested: str) -> str:
    from ..render.quarto import quarto_available

    if requested == "auto":
        return "quarto" if quarto_available() else "offline"
    if requested == "quarto" and not quarto_available():
        raise BuildError("--renderer quarto was requested but `quarto` is not on PATH")
    return requested


def _render(renderer: str, stage: Path, book: Book) -> tuple[Path, Path]:
    if renderer == "quarto":
        from ..render.quarto import render_quarto

        return render_quarto(stage, book)
    from ..render.offline import render_offline

    return render_offline(stage, book, stage / "_book")


class Progress:
    """Prints one line per step and per chapter."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0

    def step(self, text: str) -> None:
        print(f"• {text}", flush=True)

    def chapter(self, result: RunResult) -> None:
        self.done += 1
        mark = "✗" if result.error else "✓"
        seconds = f"{result.seconds:.1f}".replace(".", ",")
        print(f"  [{self.done}/{self.total}] {mark} {result.run.source.name} — {result.run.title} ({seconds} s)",
              flush=True)


def build(params: RunParams, renderer: str = "auto", force: bool = False) -> tuple[Path, Path]:
    """Build the report; returns the published (index.html, pdf)."""
    started = time.perf_counter()
    root = project_root()
    book = load_book(root / "_quarto.yml")
    renderer = choose_renderer(renderer)
    progress = Progress(len(book.notebooks))
    progress.step(f"Validating inputs (data: {display_path(params.data_dir, root)})")
    validate_inputs(params)

    params.out.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".staging-", dir=params.out))
    try:
        runs = [ChapterRun(root / nb, stage / nb, chapter_title(root / nb)) for nb in book.notebooks]
        progress.step(f"Executing {len(runs)} chapter notebooks")
        workers = max(1, min(os.cpu_count() or 1, len(runs)))
        results = execute_all(runs, params.notebook_parameters(root), root, workers, progress.chapter,
                              kernel_log=stage / "kernels.log")
        if any(r.error for r in results):
            kept = keep_failed(results, params.out)
            raise_failures_with_note(results, kept, params.out)
        progress.step(f"Rendering HTML and PDF ({renderer})")
        stage_project(root, stage, params, colophon(params, root, renderer, dt.datetime.now(dt.UTC)))
        index, pdf = _render(renderer, stage, book)
        if not index.is_file() or not pdf.is_file():
            raise BuildError(f"the {renderer} renderer did not produce {index.name} and {pdf.name}")
        published = publish(stage, params.out, index, pdf)
        export_figures(params.out / "executed", book, params.figures_dir)
    except KeyboardInterrupt:
        print(f"Interrupted: the previous report in {display_path(params.out / 'report', root)} is untouched.")
        raise
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
    print(f"Report built in {seconds} s:\n  HTML: {published[0]}\n  PDF:  {published[1]}")
    return published


def raise_failures_with_note(results: list[RunResult], kept: list[Path], out: Path) -> None:
    """Raise the chapter failures, saying that the previous report is untouched and where to look."""
    try:
        raise_failures(results)
    except BuildError as err:
        where = ", ".join(p.as_posix() for p in kept)
        raise BuildError(f"{err}\nThe executed notebook is kept for inspection: {where}\n"
                         f"The previous report in {(out / 'report').as_posix()} is untouched.") from None
