"""Build folders in the failure tests: byte snapshots, a previous report to protect, warm project copies."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from pathlib import Path

from conftest import ROOT


def snapshot(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under ``folder`` (hidden ones too), by relative path; a symbolic link counts
    as its target (``-> target``), so a switched ``report`` link is a change."""
    found = {}
    for p in sorted(folder.rglob("*")):
        if p.is_symlink() and p != folder:
            found[p.relative_to(folder).as_posix()] = f"-> {os.readlink(p)}"
        elif p.is_file():
            found[p.relative_to(folder).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    return found


def install_previous_report(built: Path, out: Path) -> dict[str, str]:
    """Copy a successful build into ``out`` (the report a failed build must not touch); returns its snapshot."""
    shutil.copytree(built, out, symlinks=True)  # report/ and executed/ stay links to their versions
    return snapshot(out)


def leftovers(out: Path) -> list[str]:
    """Staging folders or half-swapped copies a build left in ``out``."""
    return sorted(p.name for p in out.iterdir() if p.name.startswith((".staging-", ".report.old", ".executed.old")))


def warm_cache(project: Path) -> None:
    """Give a project copy the project's build cache, so that only the chapters a test changes re-run.

    The cache is filled by the ``built_report`` fixture; entries other builds replace while this
    copies are skipped (their chapters then simply re-execute).
    """
    with contextlib.suppress(shutil.Error):
        shutil.copytree(ROOT / ".cache", project / ".cache", dirs_exist_ok=True)
