"""End to end: the report builds from the project's data, with the offline renderer, into a temp folder."""

import html
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
from pypdf import PdfReader

from conftest import ROOT, run_cli
from quartieri_erp.pipeline.execute import chapter_title
from quartieri_erp.rendering.book import load_book

BOOK = load_book(ROOT / "_quarto.yml")
TITLES = [chapter_title(ROOT / nb) for nb in BOOK.notebooks]


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def plain(text: str) -> str:
    """Text as a reader sees it, whitespace collapsed; typographic apostrophes as typed."""
    return " ".join(html.unescape(text).replace("\u2019", "'").split())


def test_build_writes_html_pdf_executed_notebooks_and_figures(built_report):
    report = built_report / "report"
    assert (report / "index.html").is_file()
    assert (report / f"{BOOK.output_file}.pdf").is_file()
    for notebook in BOOK.notebooks:
        assert (built_report / "executed" / Path(notebook).name).is_file()
    assert list((report / "figures").glob("*.png"))


def test_every_chapter_title_is_in_the_html_and_the_pdf(built_report):
    report = built_report / "report"
    pages = plain("\n".join(p.read_text(encoding="utf-8") for p in report.glob("*.html")))
    text = plain(pdf_text(report / f"{BOOK.output_file}.pdf"))
    for title in TITLES:
        assert plain(title) in pages, title
        assert plain(title) in text, title


def test_pdf_has_a_table_of_contents_and_italian_captions(built_report):
    text = pdf_text(built_report / "report" / f"{BOOK.output_file}.pdf")
    assert "Indice" in text
    assert "Figura 1.1:" in text and "Tabella" in text
    assert PdfReader(built_report / "report" / f"{BOOK.output_file}.pdf").outline


def test_executed_notebooks_pass_nbval(built_report):
    # nbval starts each kernel in the notebook's folder, and the notebooks resolve their data paths from
    # the project root above it: check them from inside the project, as they sit in build/executed.
    (ROOT / ".cache").mkdir(exist_ok=True)
    executed = Path(tempfile.mkdtemp(dir=ROOT / ".cache", prefix="nbval-"))
    try:
        for notebook in (built_report / "executed").glob("*.ipynb"):
            shutil.copy(notebook, executed / notebook.name)
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "--nbval",
                "--nbval-current-env",
                "--nbval-sanitize-with",
                str(ROOT / "tests" / "nbval_sanitize.cfg"),
                str(executed),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=900,
        )
    finally:
        shutil.rmtree(executed, ignore_errors=True)
    assert result.returncode == 0, result.stdout[-4000:]


def test_executed_notebooks_keep_figures_as_png_and_no_timing_metadata(built_report):
    for path in (built_report / "executed").glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        assert "start_time" not in json.dumps(nb.metadata.get("papermill", {}))
        mimes = {m for c in nb.cells if c.cell_type == "code" for o in c.outputs for m in o.get("data", {})}
        assert not mimes & {"image/svg+xml", "application/pdf"}, path.name


def test_a_failing_chapter_names_itself_and_the_cell_and_keeps_the_previous_report(project_copy, built_report):
    out = project_copy / "build"
    (out / "report").mkdir(parents=True)
    (out / "report" / "index.html").write_text("previous report")
    victim = project_copy / BOOK.notebooks[-1]
    nb = nbformat.read(victim, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise RuntimeError('deliberate failure')"))
    nbformat.write(nb, victim)
    result = run_cli("build", "--renderer", "offline", cwd=project_copy)
    assert result.returncode == 1
    message = result.stderr
    assert chapter_title(victim) in message
    assert f"failed in cell {len(nb.cells)}" in message
    assert "RuntimeError: deliberate failure" in message
    assert "untouched" in message
    assert (out / "report" / "index.html").read_text() == "previous report"
    assert (out / "failed" / victim.name).is_file()
