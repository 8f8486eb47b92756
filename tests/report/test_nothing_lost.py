"""A failed or interrupted build loses nothing: the previous report stays byte for byte as it was, the
message names the step that failed, a failed chapter's executed notebook is kept in ``<out>/failed``,
and no staging folder is left behind.

Each test breaks a copy of the project whose build folder holds a successful build (the previous
report) and whose cache holds the project's executed chapters, so only the broken step runs.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import nbformat
import pytest

from conftest import CLI, ROOT, run_cli
from input_variants import read_rows, write_rows
from quartieri_erp.pipeline.execute import chapter_title
from quartieri_erp.rendering.book import load_book
from report_state import install_previous_report, leftovers, snapshot, warm_cache

BOOK = load_book(ROOT / "_quarto.yml")


@pytest.fixture()
def previous(project_copy, built_report) -> dict[str, str]:
    """Snapshot of the previous report installed in the copy's build folder."""
    warm_cache(project_copy)
    return install_previous_report(built_report, project_copy / "build")


def append_cell(notebook: Path, code: str) -> int:
    """Add a code cell at the end of ``notebook``; returns the number of cells."""
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(code))
    nbformat.write(nb, notebook)
    return len(nb.cells)


def processes_in(folder: Path) -> list[int]:
    """Ids of the processes whose working directory is ``folder`` (Linux /proc; kernels run there)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if Path(os.readlink(entry / "cwd")) == folder:
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_bad_input_exits_with_2_before_anything_runs(project_copy, previous):
    participants = project_copy / "data" / "synthetic" / "participants.csv"
    rows = read_rows(participants)
    rows[2][rows[0].index("sex")] = "X"
    write_rows(participants, rows)

    result = run_cli("build", "--renderer", "offline", cwd=project_copy)

    assert result.returncode == 2, result.stdout + result.stderr
    assert "participants.csv, riga 3, colonna 'sex', valore 'X' — deve essere uno dei valori" in result.stderr
    assert "Executing" not in result.stdout
    assert "the previous report in build/report is untouched" in result.stdout
    assert snapshot(project_copy / "build") == previous
    assert leftovers(project_copy / "build") == []


def test_a_chapter_that_raises_keeps_its_notebook_and_the_previous_report(project_copy, previous):
    victim = project_copy / BOOK.notebooks[-1]
    cells = append_cell(victim, "raise RuntimeError('deliberate failure')")

    result = run_cli("build", "--renderer", "offline", cwd=project_copy)

    assert result.returncode == 1, result.stdout + result.stderr
    assert f"chapter '{chapter_title(victim)}' ({victim.name}) failed in cell {cells}" in result.stderr
    assert "RuntimeError: deliberate failure" in result.stderr
    assert "is untouched" in result.stderr
    kept = nbformat.read(project_copy / "build" / "failed" / victim.name, as_version=4)
    assert [o.get("ename") for o in kept.cells[-1].outputs] == ["RuntimeError"]
    after = snapshot(project_copy / "build")
    assert {k: v for k, v in after.items() if not k.startswith("failed/")} == previous
    assert leftovers(project_copy / "build") == []


def test_a_render_failure_names_the_renderer_and_keeps_the_previous_report(project_copy, previous):
    with (project_copy / "index.qmd").open("a", encoding="utf-8") as handle:
        handle.write("\nSi veda @fig-inesistente.\n")

    result = run_cli("build", "--renderer", "offline", cwd=project_copy)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "rendering with the offline renderer failed" in result.stderr
    assert "fig-inesistente" in result.stderr
    assert "is untouched" in result.stderr
    assert snapshot(project_copy / "build") == previous
    assert leftovers(project_copy / "build") == []


def test_ctrl_c_while_chapters_run_keeps_the_previous_report_and_leaves_no_staging(project_copy, previous, tmp_path):
    started = tmp_path / "chapter-started"
    append_cell(
        project_copy / BOOK.notebooks[-1],
        f"import pathlib, time\npathlib.Path({str(started)!r}).touch()\ntime.sleep(600)",
    )
    build = subprocess.Popen(
        [*CLI, "build", "--renderer", "offline"],
        cwd=project_copy,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        # Ctrl-C as in a terminal: a suite started in the background by a shell without job control inherits
        # SIGINT ignored, and Python then installs no KeyboardInterrupt handler in the build
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 300
        while not started.exists():
            assert build.poll() is None and time.monotonic() < deadline, "the chapter never started"
            time.sleep(0.2)
        build.send_signal(signal.SIGINT)
        out, err = build.communicate(timeout=120)
    finally:
        build.kill()

    assert build.returncode == 130, out + err
    assert "Interrupted: the previous report in build/report is untouched." in out
    assert snapshot(project_copy / "build") == previous
    assert leftovers(project_copy / "build") == []
    if Path("/proc/self/cwd").exists():
        assert processes_in(project_copy.resolve()) == []  # no kernel left running
