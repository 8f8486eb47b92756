"""No participant identifier reaches the report: the built HTML, the PDF text, the executed notebooks and
the figures are scanned for every ``participant_id`` of the input, and the build itself (which runs the
same scanner on its staged outputs) refuses to publish a chapter that displays raw rows.

Pictures are scanned for their text chunks only: an identifier drawn into the pixels of a figure would
not be seen here.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from pypdf import PdfReader

from conftest import ROOT, run_cli
from quartieri_erp.pipeline.privacy_scan import DATA_URI, find_ids, notebook_text, png_text
from quartieri_erp.rendering.book import load_book
from report_state import install_previous_report, leftovers, snapshot, warm_cache

BOOK = load_book(ROOT / "_quarto.yml")


def participant_ids(data_dir: Path) -> list[str]:
    with (data_dir / "participants.csv").open(encoding="utf-8", newline="") as handle:
        return [row["participant_id"] for row in csv.DictReader(handle)]


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    return "\n".join(
        [json.dumps({k: str(v) for k, v in (reader.metadata or {}).items()})]
        + [page.extract_text() for page in reader.pages]
    )


def build_texts(out: Path, figures_dir: Path) -> dict[str, str]:
    """The text of every file a build publishes, by path: pages, PDF, notebooks, figures, indicators."""
    report = out / "report"
    texts = {p.as_posix(): DATA_URI.sub("", p.read_text(encoding="utf-8")) for p in report.glob("*.html")}
    texts |= {p.as_posix(): pdf_text(p) for p in report.glob("*.pdf")}
    texts |= {p.as_posix(): notebook_text(p) for p in (out / "executed").glob("*.ipynb")}
    texts |= {p.as_posix(): png_text(p) for p in [*report.rglob("*.png"), *figures_dir.glob("*.png")]}
    texts[(out / "indicators.csv").as_posix()] = (out / "indicators.csv").read_text(encoding="utf-8")
    return texts


def leaks(texts: dict[str, str], ids: list[str]) -> dict[str, list[str]]:
    """The identifiers found in each text (whole identifiers only: the build's own scanner)."""
    found = {where: find_ids(text, set(ids)) for where, text in texts.items()}
    return {where: hits for where, hits in found.items() if hits}


def kinds(paths) -> set[str]:
    return {Path(p).suffix for p in paths}


def test_the_built_report_shows_no_participant_id(built_report):
    texts = build_texts(built_report, built_report / "report" / "figures")
    assert len([p for p in texts if p.endswith(".ipynb")]) == len(BOOK.notebooks)
    assert kinds(texts) == {".html", ".pdf", ".ipynb", ".png", ".csv"}
    assert leaks(texts, participant_ids(ROOT / "data" / "synthetic")) == {}


def test_the_build_stops_before_publishing_a_chapter_that_displays_raw_rows(project_copy, built_report):
    warm_cache(project_copy)
    previous = install_previous_report(built_report, project_copy / "build")
    victim = project_copy / BOOK.notebooks[-1]
    nb = nbformat.read(victim, as_version=4)
    nb.cells.append(
        nbformat.v4.new_code_cell(
            "from quartieri_erp.inputs.monitoring import load_monitoring\n"
            "load_monitoring(data_dir, reference_dir).participants.head(3)"
        )
    )
    nbformat.write(nb, victim)

    result = run_cli("build", "--renderer", "offline", cwd=project_copy)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "participant ids found in the outputs; nothing was published" in result.stderr
    first_three = participant_ids(project_copy / "data" / "synthetic")[:3]
    for name in (f"{victim.stem}.html", victim.name):  # the page and the executed notebook are named
        assert f"{name}: 3 id(s), e.g. {', '.join(sorted(first_three))}" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project_copy / "build") == previous
    assert leftovers(project_copy / "build") == []


@pytest.mark.parametrize(
    "path", ["data/real/participants.csv", "data/real/2021-06/participants.xlsx", "data/private/enrolments.csv"]
)
def test_real_data_folders_are_ignored_by_git(path):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    assert subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT).returncode == 0, path
    assert "data/real/" in (ROOT / "README.md").read_text(encoding="utf-8")
