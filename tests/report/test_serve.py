"""`quartieri-erp serve` prints the address of the report on 127.0.0.1 and serves its pages, CSVs and search
index; the staging helpers that make the book Quarto-proof, on fabricated notebooks."""

from __future__ import annotations

import subprocess
import sys
import urllib.request

from book_factory import TABLE, chapter, code_cell, markdown_output
from conftest import ROOT
from quartieri_erp.pipeline.stage_book import drop_repeated_callout_titles, keep_heading_in_body, unnumber_tables


def test_serve_prints_the_address_and_serves_the_report(tmp_path):
    report = tmp_path / "report"
    (report / "dati").mkdir(parents=True)
    (report / "index.html").write_text("<!DOCTYPE html><title>x</title>", encoding="utf-8")
    (report / "dati" / "t.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "quartieri_erp.cli", "serve", "--out", str(tmp_path), "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()
        address = line.split("http://", 1)[1].split()[0]
        assert address.startswith("127.0.0.1:")
        with urllib.request.urlopen(f"http://{address}index.html", timeout=10) as response:
            assert response.status == 200
        with urllib.request.urlopen(f"http://{address}dati/t.csv", timeout=10) as response:
            assert response.headers["Content-Type"].startswith("text/csv")
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_without_a_built_report_says_so(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "quartieri_erp.cli", "serve", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1 and "build the report first" in result.stderr


def test_a_front_chapter_table_loses_its_number_but_keeps_an_anchor_and_its_references():
    nb = chapter(
        "# Sintesi {#sec-sintesi .unnumbered}\n\nVedi @tbl-x.",
        code_cell('#| label: tbl-x\n#| tbl-cap: "Valori chiave"\nt()', markdown_output(TABLE)),
    )
    assert unnumber_tables(nb) == ["tbl-x"]
    keep_heading_in_body(nb)
    heading = next(c for c in nb["cells"] if c["cell_type"] == "markdown")["source"]
    assert heading.startswith("\n# Sintesi {#sec-sintesi .unnumbered}")
    assert "[tabella](#tab-x)" in heading
    cell = nb["cells"][-1]
    assert "label" not in cell["source"]
    shown = cell["outputs"][0]["data"]["text/markdown"]
    assert shown.startswith("[]{#tab-x}") and shown.rstrip().endswith(": Valori chiave")


def test_a_callout_does_not_repeat_its_title():
    text = '::: {.callout-warning title="Dati sintetici"}\n**Dati sintetici.** Testo.\n:::'
    nb = chapter("# A {#sec-a}", code_cell("x()", markdown_output(text)))
    drop_repeated_callout_titles(nb)
    assert (
        nb["cells"][-1]["outputs"][0]["data"]["text/markdown"]
        == '::: {.callout-warning title="Dati sintetici"}\nTesto.\n:::'
    )
