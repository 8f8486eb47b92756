"""`quartieri-erp build`: validate inputs, execute the chapters, render, then publish atomically.

Nothing under <out>/report is touched until every step has succeeded and the staged outputs show no
participant id: the build works in a staging folder inside <out> (a folder it owns, see ``outdir``) and
publishes by switching the ``report`` and ``executed`` links to the new versions (see ``publish``). Each step is skipped when the content
hashes it depends on are those of the last successful build (see ``cache``); ``--force`` redoes all.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from quartieri_erp.errors import BuildError, InputError, ParameterError
from quartieri_erp.inputs.readlog import reads
from quartieri_erp.params import RunParams, check_input_folders
from quartieri_erp.paths import display_path, project_root
from quartieri_erp.pipeline import faults
from quartieri_erp.pipeline.cache import BuildCache
from quartieri_erp.pipeline.editions import chapter_parameters, publish_edition
from quartieri_erp.pipeline.execute import ChapterRun, RunResult, chapter_title, execute_all, raise_failures
from quartieri_erp.pipeline.hashing import code_fingerprint, digest, file_digest
from quartieri_erp.pipeline.inputs import validate_inputs
from quartieri_erp.pipeline.outdir import check_out, check_writable, claim_out, locked, remove_leftovers
from quartieri_erp.pipeline.privacy_scan import check_staged
from quartieri_erp.pipeline.publish import collect_versions, export_figures, keep_failed, publish
from quartieri_erp.pipeline.stage import colophon, git_commit, input_files, stage_project
from quartieri_erp.rendering.book import Book, load_book

REPORT_KEY = ".report-key"
INDICATORS_CSV = "indicators.csv"


def choose_renderer(requested: str) -> str:
    from quartieri_erp.rendering.quarto import quarto_available

    if requested == "auto":
        return "quarto" if quarto_available() else "offline"
    if requested == "quarto" and not quarto_available():
        raise BuildError("--renderer quarto was requested but `quarto` is not on PATH")
    return requested


def _render(renderer: str, stage: Path, book: Book, cache: BuildCache) -> tuple[Path, Path]:
    if renderer == "quarto":
        from quartieri_erp.rendering.quarto import render_quarto

        return render_quarto(stage, book)
    from quartieri_erp.rendering.offline import render_offline

    return render_offline(stage, book, stage / "_book", cache_dir=cache.root / "pandoc")


class Progress:
    """Prints one line per step and per chapter."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0

    def step(self, text: str) -> None:
        print(f"• {text}", flush=True)

    def chapter(self, result: RunResult, cached: bool = False) -> None:
        self.done += 1
        mark = "✗" if result.error else "✓"
        how = "cache" if cached else f"{result.seconds:.1f} s".replace(".", ",")
        print(f"  [{self.done}/{self.total}] {mark} {result.run.source.name} — {result.run.title} ({how})", flush=True)


def _seconds(started: float) -> str:
    return f"{time.perf_counter() - started:.1f}".replace(".", ",")


def build(params: RunParams, renderer: str = "auto", force: bool = False) -> tuple[Path, Path]:
    """Build the report; returns the published (index.html, pdf)."""
    started = time.perf_counter()
    root = project_root()
    book = load_book(root / "_quarto.yml")
    cache = BuildCache(root / ".cache")
    renderer = choose_renderer(renderer)
    progress = Progress(len(book.notebooks))
    check_input_folders(params)
    check_out(params, root)
    check_cache(cache.root)
    params = _with_mapping(params)  # an evaluator's export is mapped into the cache, after the checks
    claim_out(params.out)
    with locked(params.out):
        remove_leftovers(params.out)
        collect_versions(params.out)  # versions a killed build moved in but never linked
        return _build_in(params, root, book, cache, renderer, force, progress, started)


def _build_in(
    params: RunParams,
    root: Path,
    book: Book,
    cache: BuildCache,
    renderer: str,
    force: bool,
    progress: Progress,
    started: float,
) -> tuple[Path, Path]:
    """The build proper, in a staging folder of the (checked, locked) output folder."""
    parameters = params.notebook_parameters(root)
    stage = Path(tempfile.mkdtemp(prefix=".staging-", dir=params.out))
    try:
        runs = [
            ChapterRun(root / nb, stage / nb, chapter_title(root / nb), chapter_parameters(root / nb, params, root))
            for nb in book.notebooks
        ]
        keys = {run.source: cache.chapter_key(run.source, {**parameters, **run.extra}) for run in runs}
        hits = {run.source: None if force else cache.lookup(run.source, keys[run.source]) for run in runs}
        missing = sorted(
            (run for run in runs if hits[run.source] is None), key=lambda run: -cache.expected_seconds(run.source)
        )
        with _kernels(len(missing), root, stage / "kernels.log") as (pool, ready):
            inputs_key = _validate(params, root, cache, force, progress)
            for run in runs:
                if hits[run.source] is not None:
                    run.output.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(hits[run.source], run.output)
                    progress.chapter(RunResult(run, 0.0), cached=True)
            if missing:
                _execute_chapters(missing, len(runs), parameters, params, pool, ready, keys, cache, progress)
        report_key = digest(
            inputs_key,
            renderer,
            git_commit(root),
            str(sorted(parameters.items())),
            *[file_digest(p) for p in (root / "_quarto.yml", root / "index.qmd")],
            *[file_digest(run.output) for run in runs],
        )
        key_file = params.out / REPORT_KEY
        published = (params.out / "report" / "index.html", params.out / "report" / f"{book.output_file}.pdf")
        outputs = (*published, params.out / INDICATORS_CSV, params.out / "edition.json")
        if (
            not force
            and key_file.is_file()
            and key_file.read_text() == report_key
            and all(p.is_file() for p in outputs)
        ):
            progress.step("Report up to date: nothing to render")
        else:
            published = _render_and_publish(renderer, root, stage, book, params, progress, cache)
            key_file.write_text(report_key)
    except KeyboardInterrupt:
        print(f"Interrupted: the previous report in {display_path(params.out, root) + '/report'} is untouched.")
        raise
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    print(f"Report built in {_seconds(started)} s:\n  HTML: {published[0]}\n  PDF:  {published[1]}")
    return published


def _with_mapping(params: RunParams) -> RunParams:
    """The run parameters with the data folder an evaluator's export maps to (itself without a mapping)."""
    from dataclasses import replace

    from quartieri_erp.inputs.monitoring.mapping import find_mapping, mapped_data_dir

    if find_mapping(params.data_dir, params.mapping) is None:
        return params
    mapped = mapped_data_dir(params.data_dir, params.mapping, params.reference_dir)
    print(
        f"• Export mapped onto the data contract ({display_path(params.data_dir)} → {display_path(mapped)})", flush=True
    )
    return replace(params, data_dir=mapped)


def check_cache(folder: Path) -> None:
    """The cache folder must be writable, or creatable in a writable parent (checked, nothing created)."""
    if folder.is_dir():
        check_writable(folder, "the cache folder", "make it writable (chmod -R u+w) or delete it")
    elif folder.exists() or os.path.lexists(folder):
        raise ParameterError(f"the cache folder {folder} is not a folder; delete it (it is recreated)")
    else:
        check_writable(folder.parent, "the folder of the cache", "make it writable")


@contextmanager
def _kernels(needed: int, cwd: Path, log: Path):
    """Spawn warm kernels for ``needed`` chapters and preload them in the background (while the inputs are
    validated); yields (pool, future of the preparation), or (None, None) when nothing needs executing.
    papermill is imported here, in this thread, before any other thread starts (see ``import_papermill``)."""
    if not needed:
        yield None, None
        return
    from quartieri_erp.pipeline.execute import import_papermill
    from quartieri_erp.pipeline.kernels import KernelPool

    import_papermill()
    with (
        KernelPool(max(1, min(os.cpu_count() or 1, needed)), cwd, log) as pool,
        ThreadPoolExecutor(max_workers=1) as background,
    ):
        try:
            yield pool, background.submit(pool.preload)
        finally:
            pool.close()  # kills the kernels at once, even while they are still loading


def _validate(params: RunParams, root: Path, cache: BuildCache, force: bool, progress: Progress) -> str:
    """Validate every input unless the same inputs (and code) passed before; returns their key."""
    inputs_key = digest(code_fingerprint(), *[f"{p}={file_digest(p)}" for p in input_files(params)])
    if not force and cache.has_marker("validated", inputs_key):
        progress.step("Inputs unchanged since their last validation")
        _print_warnings((cache.root / "validated" / inputs_key).read_text(encoding="utf-8"))
        return inputs_key
    progress.step(f"Validating inputs (data: {display_path(params.data_dir, root)})")
    try:
        validate_inputs(params)
    except InputError:
        print(
            f"Invalid input: nothing was built; the previous report in "
            f"{display_path(params.out, root) + '/report'} is untouched.",
            flush=True,
        )
        raise
    cache.set_marker("validated", inputs_key)
    from quartieri_erp.pipeline.inputs import reconciliation_warnings

    warnings = "\n".join(reconciliation_warnings(params))
    (cache.root / "validated" / inputs_key).write_text(warnings, encoding="utf-8")  # re-printed on a cache hit
    _print_warnings(warnings)
    return inputs_key


def _print_warnings(warnings: str) -> None:
    """Print the warnings of the validation (problems that do not stop the build)."""
    for warning in warnings.splitlines():
        print(f"  {warning}", flush=True)


def _warm_indicators(params: RunParams):
    """Compute (or find cached) the shared indicator set, which the chapters then read from the cache."""
    from quartieri_erp.indicators import shared_indicators

    return shared_indicators(params.data_dir, params.reference_dir, params.as_of)


def _execute_chapters(
    missing: list[ChapterRun],
    total: int,
    parameters: dict,
    params: RunParams,
    pool,
    ready,
    keys: dict,
    cache: BuildCache,
    progress: Progress,
) -> None:
    """Execute the chapters not found in the cache (longest first, in parallel) and cache the successes.

    The shared indicator set is computed in this process while the kernels finish loading.
    """
    progress.step(f"Executing {len(missing)} of {total} chapter notebooks")
    with ThreadPoolExecutor(max_workers=1) as background:
        warming = background.submit(_warm_indicators, params)
        try:
            ready.result()
        except (RuntimeError, TimeoutError) as err:
            raise BuildError(
                f"a Jupyter kernel could not start ({err}); nothing was executed and the "
                f"previous report is untouched: run the build again"
            ) from None
        warming.result()  # verified (or recomputed) before any chapter reads it
        faults.point("executing")
        results = execute_all(missing, parameters, pool, len(pool), progress.chapter)
        warming.result()
    for result in results:
        if not result.error:
            cache.store(
                result.run.source,
                keys[result.run.source],
                result.run.output,
                reads(result.run.read_log),
                result.seconds,
            )
    if any(r.error for r in results):
        out = params.out
        kept = keep_failed(results, out)
        try:
            raise_failures(results)
        except BuildError as err:
            where = ", ".join(p.as_posix() for p in kept)
            raise BuildError(
                f"{err}\nThe executed notebook is kept for inspection: {where}\n"
                f"The previous report in {(out / 'report').as_posix()} is untouched."
            ) from None


def _render_and_publish(
    renderer: str, root: Path, stage: Path, book: Book, params: RunParams, progress: Progress, cache: BuildCache
) -> tuple[Path, Path]:
    progress.step(f"Rendering HTML and PDF ({renderer})")
    stage_project(root, stage, params, colophon(params, root, renderer, dt.datetime.now(dt.UTC)))
    book = load_book(stage / "_quarto.yml")  # the staged book carries the edition line as its date (title page, cover)
    try:
        index, pdf = _render(renderer, stage, load_book(stage / "_quarto.yml"), cache)
    except (ValueError, RuntimeError, OSError) as err:
        raise BuildError(
            f"rendering with the {renderer} renderer failed: {err}\n"
            f"The previous report in {(params.out / 'report').as_posix()} is untouched."
        ) from None
    if not index.is_file() or not pdf.is_file():
        raise BuildError(f"the {renderer} renderer did not produce {index.name} and {pdf.name}")
    from quartieri_erp.indicators import save_indicators

    save_indicators(_warm_indicators(params).indicators, stage / INDICATORS_CSV)
    faults.point("rendered")
    progress.step("Checking the outputs for participant ids")
    check_staged(
        params.data_dir,
        [index.parent, stage / "notebooks", stage / INDICATORS_CSV],
        f"The previous report in {(params.out / 'report').as_posix()} is untouched.",
    )
    published = publish(stage, params.out, index, pdf, stage.name.removeprefix(".staging-"))
    export_figures(params.out / "executed", book, params.build_figures)
    if params.figures_dir != params.build_figures:  # the default build also exports to figures/
        export_figures(params.out / "executed", book, params.figures_dir)
    publish_edition(params)
    return published
