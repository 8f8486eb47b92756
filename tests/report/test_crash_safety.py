"""A build killed at any point (SIGKILL included) leaves ``<out>/report`` as the previous complete report
or the new one, the next build succeeds and removes what the killed one left; a full disk is one clear
message; nothing the build did not write is ever deleted.

The kills come from the build's fault hook (``QUARTIERI_ERP_FAULT=kill:<point>``, see
``quartieri_erp.pipeline.faults``), which sends SIGKILL to the build itself at a named step. All builds
share one warm copy of the project; each edits ``index.qmd`` so that only the render and the publish
run (one also edits a chapter, to be killed while chapters execute).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

import nbformat
import pytest

from conftest import CLI, ROOT
from quartieri_erp.rendering.book import load_book
from report_state import install_previous_report, snapshot, warm_cache

BOOK = load_book(ROOT / "_quarto.yml")
PDF = f"{BOOK.output_file}.pdf"
# step of the build -> which report a kill there leaves
KILLS = {
    "executing": "previous",
    "rendered": "previous",
    "publish-moved-report": "previous",
    "publish-moved-executed": "previous",
    "publish-switched-executed": "previous",
    "publish-switched-report": "new",
    "publish-replaced-indicators": "new",
}
HASHED = re.compile(r"pagefind/(fragment/|index/|pagefind\.[^/]+\.pf_meta$)")  # Pagefind's content-hashed files
WORDS = ["alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett"]

pytestmark = pytest.mark.e2e


def build(project: Path, fault: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("QUARTIERI_ERP_FAULT", None)
    if fault:
        env["QUARTIERI_ERP_FAULT"] = fault
    return subprocess.run(
        [*CLI, "build", "--renderer", "offline"], cwd=project, capture_output=True, text=True, timeout=600, env=env
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory, built_report) -> Path:
    root = tmp_path_factory.mktemp("crash") / "project"
    root.mkdir()
    for name in ("params.yml", "_quarto.yml", "index.qmd"):
        shutil.copy(ROOT / name, root / name)
    for folder in ("notebooks", "data", "report"):
        shutil.copytree(ROOT / folder, root / folder)
    warm_cache(root)
    install_previous_report(built_report, root / "build")
    (root / "build" / "notes.txt").write_text("mine, in the output folder")
    (root / "figures").mkdir()
    (root / "figures" / "mine.png").write_bytes(b"not the build's")
    return root


def new_version(project: Path, word: str) -> str:
    """Edit the title page so that the next build renders a new report; returns the sentence added."""
    sentence = f"Versione di prova {word}."
    with (project / "index.qmd").open("a", encoding="utf-8") as handle:
        handle.write(f"\n{sentence}\n")
    return sentence


def report_is_complete(report: Path) -> None:
    assert (report / "index.html").is_file() and (report / PDF).stat().st_size > 100_000
    assert {p.name for p in report.glob("*.html")} >= {f"{Path(nb).stem}.html" for nb in BOOK.notebooks}
    search_index_is_complete(report / "pagefind")


def search_index_is_complete(index: Path) -> None:
    """Pagefind's index is whole: its entry file, and for each language the metadata, the search engine,
    one fragment per indexed page and the index chunks (their names are hashes of their content)."""
    entry = json.loads((index / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"] and (index / "pagefind.js").is_file()
    for language in entry["languages"].values():
        assert (index / f"pagefind.{language['hash']}.pf_meta").is_file()
        assert (index / f"wasm.{language['wasm']}.pagefind").is_file()
        assert len(list((index / "fragment").glob("*.pf_fragment"))) == language["page_count"] > 0
        assert list((index / "index").glob("*.pf_index"))


def stable_names(files: dict[str, str]) -> set[str]:
    """The report's file names but those of Pagefind named by the hash of their content (a new report has
    new ones: compared by ``search_index_is_complete`` instead)."""
    return {name for name in files if not HASHED.match(name)}


def executed_is_complete(executed: Path) -> None:
    assert sorted(p.name for p in executed.glob("*.ipynb")) == sorted(Path(nb).name for nb in BOOK.notebooks)


def leftovers(out: Path) -> list[str]:
    return sorted(
        p.name
        for p in out.iterdir()
        if p.name.startswith(".") and p.name not in {".reports", ".executed", ".report-key", ".quartieri-erp-build"}
    )


def test_a_build_killed_at_any_step_leaves_the_previous_or_the_new_report(project):
    out = project / "build"
    previous = snapshot(out / "report")
    for word, (point, expected) in zip(WORDS, KILLS.items(), strict=False):
        sentence = new_version(project, word)
        if point == "executing":
            nb = nbformat.read(project / BOOK.notebooks[-1], as_version=4)
            nb.cells.append(nbformat.v4.new_markdown_cell("Una nota aggiunta."))
            nbformat.write(nb, project / BOOK.notebooks[-1])

        result = build(project, f"kill:{point}")

        assert result.returncode == -signal.SIGKILL, f"{point}: {result.stdout}{result.stderr}"
        assert (out / "report").is_symlink(), point
        report_is_complete(out / "report")
        executed_is_complete(out / "executed")
        now = snapshot(out / "report")
        if expected == "previous":
            assert now == previous, point
        else:
            assert sentence in (out / "report" / "index.html").read_text(encoding="utf-8"), point
            assert stable_names(now) == stable_names(previous), point
            previous = now

    result = build(project)

    assert result.returncode == 0, result.stdout + result.stderr
    assert sentence in (out / "report" / "index.html").read_text(encoding="utf-8")
    report_is_complete(out / "report")
    executed_is_complete(out / "executed")
    assert "Una nota aggiunta." in (out / "report" / Path(BOOK.notebooks[-1]).with_suffix(".html").name).read_text()
    assert leftovers(out) == []
    assert [p.name for p in (out / ".reports").iterdir()] == [os.readlink(out / "report").split("/")[-1]]
    assert [p.name for p in (out / ".executed").iterdir()] == [os.readlink(out / "executed").split("/")[-1]]
    assert (out / "notes.txt").read_text() == "mine, in the output folder"
    assert (project / "figures" / "mine.png").read_bytes() == b"not the build's"
    assert len(list((project / "figures").glob("*.png"))) > 10


def test_a_full_disk_while_executing_is_one_message_and_keeps_the_previous_report(project):
    out = project / "build"
    before = snapshot(out)
    new_version(project, "kilo")
    nb = nbformat.read(project / BOOK.notebooks[0], as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("Un'altra nota."))
    nbformat.write(nb, project / BOOK.notebooks[0])

    result = build(project, "enospc:executing")

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("Build failed: the disk is full")
    assert "free some space and run again" in result.stderr
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_the_figure_export_deletes_only_the_figures_it_wrote(project):
    figures = project / "figures"
    manifest = (figures / ".quartieri-erp-figures").read_text().split()
    assert manifest and "mine.png" not in manifest
    stale = figures / manifest[0]
    (figures / ".quartieri-erp-figures").write_text("\n".join([*manifest, "../notes.txt", "stale-one.png"]))
    (figures / "stale-one.png").write_bytes(b"written by an earlier build")
    new_version(project, "lima")

    result = build(project)

    assert result.returncode == 0, result.stdout + result.stderr
    assert not (figures / "stale-one.png").exists()  # listed in the manifest: the build's own
    assert stale.is_file() and (figures / "mine.png").is_file()
    assert (project / "build" / "notes.txt").is_file()
    own = project / "build" / "figures"  # every build also exports under its --out, with its own manifest
    listed = (own / ".quartieri-erp-figures").read_text().split()
    assert listed == (figures / ".quartieri-erp-figures").read_text().split() == manifest
    assert sorted(p.name for p in own.glob("*.png")) == sorted(listed)
