"""Moving a finished build into place: report, executed notebooks, figures; keeping failed notebooks."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..render.book import Book
from ..render.cells import Figure, notebook_blocks
from .execute import RunResult, read_notebook


def _swap_dir(new: Path, target: Path) -> None:
    """Replace ``target`` by ``new`` with two renames; the old copy is restored if the second fails."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    try:
        new.rename(target)
    except BaseException:
        if old.exists():
            old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def publish(stage: Path, out: Path, index: Path, pdf: Path) -> tuple[Path, Path]:
    """Move the rendered report and the executed notebooks from ``stage`` into ``out``."""
    _swap_dir(index.parent, out / "report")
    _swap_dir(stage / "notebooks", out / "executed")
    os.replace(stage / "indicators.csv", out / "indicators.csv")
    shutil.rmtree(out / "failed", ignore_errors=True)
    return out / "report" / index.name, out / "report" / pdf.name


def keep_failed(results: list[RunResult], out: Path) -> list[Path]:
    """Copy the executed notebooks of failed chapters to ``out/failed`` for inspection."""
    folder = out / "failed"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    kept = []
    for result in results:
        if result.error and result.run.output.is_file():
            kept.append(folder / result.run.output.name)
            shutil.copyfile(result.run.output, kept[-1])
    return kept


def export_figures(executed: Path, book: Book, figures_dir: Path) -> list[Path]:
    """Write every captioned figure of the executed notebooks (in ``executed``) to ``figures_dir``."""
    figures_dir.mkdir(parents=True, exist_ok=True)
    for stale in figures_dir.glob("*.png"):
        stale.unlink()
    written = []
    for notebook in book.notebooks:
        nb = read_notebook(executed / Path(notebook).name)
        for block in notebook_blocks(nb, book.execute_options):
            if isinstance(block, Figure) and block.label:
                written.append(figures_dir / f"{Path(notebook).stem}-{block.label}.png")
                written[-1].write_bytes(block.png)
    return written
