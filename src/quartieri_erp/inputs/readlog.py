"""Which input files a chapter read: the build's cache re-runs a chapter only when one of them changes.

Every reader of input files calls ``note_read``; during a build each kernel appends the resolved paths
to the file named by the environment variable below (outside a build nothing is recorded).
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "QUARTIERI_ERP_READ_LOG"


def note_read(path: str | Path) -> None:
    """Record that ``path`` was read (no-op unless a build set the log)."""
    log = os.environ.get(ENV)
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{Path(path).resolve()}\n")


def reads(log: Path) -> list[Path]:
    """The distinct files recorded in ``log``, in first-read order."""
    if not log.is_file():
        return []
    return [Path(line) for line in dict.fromkeys(log.read_text(encoding="utf-8").splitlines()) if line]
