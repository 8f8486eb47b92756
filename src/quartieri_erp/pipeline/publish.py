"""Moving a finished build into place: report, executed notebooks, figures; keeping failed notebooks.

Publishing is crash-safe: the report and the executed notebooks live in versioned folders
(``<out>/.reports/<id>``, ``<out>/.executed/<id>``) and ``<out>/report`` and ``<out>/executed`` are
relative symbolic links switched with one atomic ``rename``. At every instant, whatever kills the
build, ``<out>/report`` is the previous complete report or the new one; the versions no link points
to are deleted after the switch (or by the next build).
"""

from __future__ import annotations

import ctypes
import os
import shutil
from pathlib import Path

from quartieri_erp.pipeline import faults
from quartieri_erp.pipeline.execute import RunResult, read_notebook
from quartieri_erp.rendering.book import Book
from quartieri_erp.rendering.cells import Figure, notebook_blocks

VERSIONS = {"report": ".reports", "executed": ".executed"}
FIGURES_MANIFEST = ".quartieri-erp-figures"
RENAME_EXCHANGE = 2
AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False when the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0
    except (OSError, AttributeError):
        return False


def switch_link(link: Path, target: str) -> None:
    """Make ``link`` a symbolic link to ``target`` (relative to its folder) in one atomic step."""
    tmp = link.with_name(f".{link.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    if link.is_dir() and not link.is_symlink():  # a real folder from an earlier version of the build
        if _exchange(tmp, link):
            shutil.rmtree(tmp)  # now the old folder
            return
        old = link.with_name(f".{link.name}.old")  # no atomic exchange: restored by the next build
        link.rename(old)
        os.replace(tmp, link)
        shutil.rmtree(old)
        return
    os.replace(tmp, link)


def collect_versions(out: Path) -> None:
    """Delete the versions of ``report`` and ``executed`` that their links do not point to."""
    for name, folder in VERSIONS.items():
        versions = out / folder
        if not versions.is_dir():
            continue
        link = out / name
        if not link.is_symlink() and link.is_dir():  # a copied report: its versions are copies too
            continue
        current = os.readlink(link) if link.is_symlink() else None
        for version in versions.iterdir():
            if current != f"{folder}/{version.name}":
                shutil.rmtree(version, ignore_errors=True)


def publish(stage: Path, out: Path, index: Path, pdf: Path, version: str) -> tuple[Path, Path]:
    """Move the rendered report and the executed notebooks from ``stage`` into ``out`` as ``version``."""
    moves = {"report": index.parent, "executed": stage / "notebooks"}
    for name, folder in VERSIONS.items():
        (out / folder).mkdir(exist_ok=True)
        moves[name].rename(out / folder / version)
        faults.point(f"publish-moved-{name}")
    switch_link(out / "executed", f"{VERSIONS['executed']}/{version}")
    faults.point("publish-switched-executed")
    switch_link(out / "report", f"{VERSIONS['report']}/{version}")
    faults.point("publish-switched-report")
    os.replace(stage / "indicators.csv", out / "indicators.csv")
    faults.point("publish-replaced-indicators")
    collect_versions(out)
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
    """Write every captioned figure of the executed notebooks (in ``executed``) to ``figures_dir``.

    The names written are listed in the folder's manifest; the next export deletes only the files
    that manifest lists, never another ``*.png`` of the folder.
    """
    figures_dir.mkdir(parents=True, exist_ok=True)
    manifest = figures_dir / FIGURES_MANIFEST
    if manifest.is_file():
        for name in manifest.read_text(encoding="utf-8").splitlines():
            if name and "/" not in name and not name.startswith("."):
                (figures_dir / name).unlink(missing_ok=True)
    written = []
    for notebook in book.notebooks:
        nb = read_notebook(executed / Path(notebook).name)
        for block in notebook_blocks(nb, book.execute_options):
            if isinstance(block, Figure) and block.label:
                written.append(figures_dir / f"{Path(notebook).stem}-{block.label}.png")
                written[-1].write_bytes(block.png)
    manifest.write_text("".join(f"{p.name}\n" for p in written), encoding="utf-8")
    return written
