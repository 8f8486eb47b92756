"""Shared fixtures: the project root and one end-to-end build of the report, reused by several tests.

The tests are grouped by what they cost: ``unit/`` (no build; ``make test-fast``), ``report/`` (they build the
report or execute notebooks: marker ``e2e``), ``browser/`` (real Chromium on a built report: marker
``browser``); ``support/`` holds the helpers they import.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run (CI must not turn red by chance); a failure found by a
# wider search is added to the test as an explicit example.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.load_profile("repeatable")

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "quartieri_erp.cli"]
TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS / "support"))
MARKERS = {"unit": "unit", "report": "e2e", "browser": "browser"}


# Slow files that need no session build (``built_report``), run first: under xdist (``make test``) the other
# worker runs them while the first one to need the build makes it, instead of waiting for it.
FIRST = ("report/test_annex_shipped.py", "browser/test_injection.py")


def _rank(item) -> int:
    path = Path(str(item.fspath)).resolve()
    return next((i for i, name in enumerate(FIRST) if path == TESTS / name), len(FIRST))


def pytest_collection_modifyitems(items):
    """Each test gets the marker of its folder (``MARKERS``), so that ``-m`` selects by cost; the ``FIRST``
    files are moved to the front (the others keep their order)."""
    items.sort(key=_rank)
    for item in items:
        try:
            folder = Path(str(item.fspath)).resolve().relative_to(TESTS).parts[0]
        except ValueError:
            continue  # the notebooks, collected by nbval
        if folder in MARKERS:
            item.add_marker(MARKERS[folder])


def run_cli(*args: str, cwd: Path = ROOT, timeout: int = 600) -> subprocess.CompletedProcess:
    """Run `quartieri-erp …` as a user would; returns the completed process (never raises)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.run([*CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)


@pytest.fixture(scope="session")
def built_report(tmp_path_factory) -> Path:
    """`quartieri-erp build --renderer offline` of the project into a temporary folder.

    Under pytest-xdist (``make test`` runs ``-n 2``) the build is shared by the workers: the first to take
    the lock builds into the folder all the workers' temporary folders share, the others wait and reuse
    it (the tests only read it; the ones that change a build work on a copy)."""
    if "PYTEST_XDIST_WORKER" not in os.environ:  # not distributed
        out = tmp_path_factory.mktemp("build")
        _build_into(out)
        return out
    shared = tmp_path_factory.getbasetemp().parent
    out, done = shared / "built_report", shared / "built_report.ok"
    with (shared / "built_report.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not done.is_file():
            shutil.rmtree(out, ignore_errors=True)  # a build that failed for an earlier worker is retried
            out.mkdir()
            _build_into(out)
            done.touch()
    return out


def _build_into(out: Path) -> None:
    result = run_cli("build", "--renderer", "offline", "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture()
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project (code stays the installed package) to break on purpose."""
    for name in ("params.yml", "_quarto.yml", "index.qmd"):
        shutil.copy(ROOT / name, tmp_path / name)
    for folder in ("notebooks", "data", "report"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return tmp_path
