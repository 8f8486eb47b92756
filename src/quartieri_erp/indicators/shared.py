"""The indicator set of a monitoring folder, computed once and shared by every chapter of a build.

The set is cached on disk under a key made of the package code and the content of the monitoring and
reference files, so the build computes it once (before the chapters run) and every notebook that asks
for it reads the cached tables instead of reloading and recounting a possibly large export.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..hashing import code_fingerprint, digest, file_digest
from ..monitoring import load_monitoring
from ..paths import project_root
from ..readlog import note_read
from .esf import esf_indicators
from .output import indicator_table
from .significance import group_tests

TABLES = ("indicators", "tests", "esf")


@dataclass(frozen=True)
class IndicatorSet:
    """What chapter 3 and the chapters quoting it need from the monitoring data."""

    indicators: pd.DataFrame  # long table with Wilson intervals on shares
    tests: pd.DataFrame  # differences between the sub-projects
    esf: pd.DataFrame  # ESF common output indicators by group
    synthetic: bool


def _inputs(data_dir: Path, reference_dir: Path) -> list[Path]:
    return sorted(p for folder in (data_dir, reference_dir) for p in folder.iterdir()
                  if p.is_file() and not p.name.startswith("."))


def compute_set(data_dir: Path, reference_dir: Path, as_of: dt.date | None) -> IndicatorSet:
    monitoring = load_monitoring(data_dir, reference_dir, as_of=as_of)
    return IndicatorSet(indicator_table(monitoring), group_tests(monitoring), esf_indicators(monitoring),
                        monitoring.synthetic)


def shared_indicators(data_dir: Path, reference_dir: Path, as_of: dt.date | None = None,
                      cache_dir: Path | None = None) -> IndicatorSet:
    """The indicator set of ``data_dir``, from the cache when its inputs are unchanged."""
    files = _inputs(Path(data_dir), Path(reference_dir))
    for path in files:
        note_read(path)
    key = digest(code_fingerprint(), str(as_of), *[f"{p.name}={file_digest(p)}" for p in files])
    folder = (cache_dir or project_root() / ".cache" / "indicators") / key
    if (folder / "done").is_file():
        frames = {name: pd.read_parquet(folder / f"{name}.parquet") for name in TABLES}
        return IndicatorSet(**frames, synthetic=(folder / "synthetic").is_file())
    result = compute_set(Path(data_dir), Path(reference_dir), as_of)
    _store(folder, result)
    return result


def _store(folder: Path, result: IndicatorSet) -> None:
    """Write the set atomically; older entries are removed (one monitoring folder at a time)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder.parent))
    for name in TABLES:
        getattr(result, name).to_parquet(tmp / f"{name}.parquet", index=False)
    if result.synthetic:
        (tmp / "synthetic").touch()
    (tmp / "done").touch()
    for old in folder.parent.iterdir():
        if old != tmp and not old.name.startswith(".tmp-"):
            shutil.rmtree(old, ignore_errors=True)
    os.replace(tmp, folder)
