"""The indicator set of a monitoring folder, computed once and shared by every chapter of a build.

The set is cached on disk under a key made of the package code and the content of the monitoring and
reference files (each table with its checksum, verified when read), so the build computes it once (before the chapters run) and every notebook that asks
for it reads the cached tables instead of reloading and recounting a possibly large export.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from quartieri_erp.indicators.esf import esf_indicators
from quartieri_erp.indicators.output import indicator_table
from quartieri_erp.indicators.significance import group_tests
from quartieri_erp.inputs.monitoring import load_monitoring
from quartieri_erp.inputs.readlog import note_read
from quartieri_erp.paths import project_root
from quartieri_erp.pipeline.hashing import code_fingerprint, digest, file_digest
from quartieri_erp.pipeline.integrity import discarded, sha256

TABLES = ("indicators", "tests", "esf")
CHECKSUMS = "checksums.json"  # SHA-256 of each table, and whether the data are synthetic


@dataclass(frozen=True)
class IndicatorSet:
    """What chapter 3 and the chapters quoting it need from the monitoring data."""

    indicators: pd.DataFrame  # long table with Wilson intervals on shares
    tests: pd.DataFrame  # differences between the sub-projects
    esf: pd.DataFrame  # ESF common output indicators by group
    synthetic: bool


def _inputs(data_dir: Path, reference_dir: Path) -> list[Path]:
    return sorted(
        p
        for folder in (data_dir, reference_dir)
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".")
    )


def compute_set(data_dir: Path, reference_dir: Path, as_of: dt.date | None) -> IndicatorSet:
    monitoring = load_monitoring(data_dir, reference_dir, as_of=as_of)
    return IndicatorSet(
        indicator_table(monitoring), group_tests(monitoring), esf_indicators(monitoring), monitoring.synthetic
    )


def shared_indicators(
    data_dir: Path, reference_dir: Path, as_of: dt.date | None = None, cache_dir: Path | None = None
) -> IndicatorSet:
    """The indicator set of ``data_dir``, from the cache when its inputs are unchanged."""
    files = _inputs(Path(data_dir), Path(reference_dir))
    for path in files:
        note_read(path)
    key = digest(code_fingerprint(), str(as_of), *[f"{p.name}={file_digest(p)}" for p in files])
    folder = (cache_dir or project_root() / ".cache" / "indicators") / key
    cached = _load(folder)
    if cached is not None:
        return cached
    result = compute_set(Path(data_dir), Path(reference_dir), as_of)
    _store(folder, result)
    return result


def _load(folder: Path) -> IndicatorSet | None:
    """The stored set when every table matches the checksum recorded with it; a damaged entry is
    reported and deleted. None when there is no entry."""
    if not folder.exists():
        return None
    try:
        sums = json.loads((folder / CHECKSUMS).read_text(encoding="utf-8"))
        data = {name: (folder / f"{name}.parquet").read_bytes() for name in TABLES}
        bad = [name for name in TABLES if sha256(data[name]) != sums.get(name)]
        if bad:
            raise ValueError(f"{', '.join(bad)} do not match their checksums")
        frames = {name: pd.read_parquet(io.BytesIO(data[name])) for name in TABLES}
    except (OSError, ValueError, AttributeError) as err:
        discarded(folder, str(err).splitlines()[0][:120] if str(err) else type(err).__name__)
        shutil.rmtree(folder, ignore_errors=True)
        return None
    return IndicatorSet(**frames, synthetic=bool(sums.get("synthetic")))


def _store(folder: Path, result: IndicatorSet) -> None:
    """Write the set atomically; older entries are removed (one monitoring folder at a time)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder.parent))
    sums: dict[str, object] = {"synthetic": result.synthetic}
    for name in TABLES:
        buffer = io.BytesIO()
        getattr(result, name).to_parquet(buffer, index=False)
        (tmp / f"{name}.parquet").write_bytes(buffer.getvalue())
        sums[name] = sha256(buffer.getvalue())
    (tmp / CHECKSUMS).write_text(json.dumps(sums, indent=1), encoding="utf-8")
    for old in folder.parent.iterdir():
        if old != tmp and not old.name.startswith(".tmp-"):
            shutil.rmtree(old, ignore_errors=True)
    try:
        os.replace(tmp, folder)
    except OSError:  # another process stored the same set meanwhile
        shutil.rmtree(tmp, ignore_errors=True)
