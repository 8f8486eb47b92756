"""Two builds of the same inputs publish the same indicators, figures and notebook outputs, and pages
that differ only in the build time of the colophon. The second build runs with ``--force``, so its
chapters are executed again rather than taken from the cache.

Executed notebooks are compared by what they show: papermill gives the injected parameters cell a new
id and records the (staging) paths of each run.
"""

from __future__ import annotations

import json
import re

from pypdf import PdfReader

from conftest import ROOT, run_cli
from quartieri_erp.rendering.book import load_book
from report_state import snapshot, warm_cache

BOOK = load_book(ROOT / "_quarto.yml")
BUILD_TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC")


def pages(report) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(report.glob("*.html"))}


def cells(notebook) -> list[tuple]:
    """What an executed notebook shows: each cell's kind, source and outputs (not papermill's run data)."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    return [
        (c["cell_type"], "".join(c["source"]), json.dumps(c.get("outputs", []), sort_keys=True)) for c in nb["cells"]
    ]


def without_pages(state: dict[str, str]) -> dict[str, str]:
    """A report snapshot without its HTML pages and PDF (compared as text, build time aside) and the search
    index built from the pages (it holds the colophon's build time too)."""
    return {
        name: sha
        for name, sha in state.items()
        if not name.endswith((".html", ".pdf")) and not name.startswith("pagefind/")
    }


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_two_builds_differ_only_in_the_build_time(project_copy, built_report):
    warm_cache(project_copy)
    first = run_cli("build", "--renderer", "offline", cwd=project_copy)
    assert first.returncode == 0, first.stdout + first.stderr
    figures = snapshot(project_copy / "figures")
    second = run_cli("build", "--renderer", "offline", "--force", "--out", "build2", cwd=project_copy)
    assert second.returncode == 0, second.stdout + second.stderr
    assert f"Executing {len(BOOK.notebooks)} of {len(BOOK.notebooks)} chapter notebooks" in second.stdout
    ran = [line for line in second.stdout.splitlines() if "✓" in line and "(cache)" not in line]
    assert len(ran) == len(BOOK.notebooks), second.stdout  # --force: none taken from the cache

    a, b = project_copy / "build", project_copy / "build2"
    assert (a / "indicators.csv").read_bytes() == (b / "indicators.csv").read_bytes()
    assert figures and snapshot(project_copy / "figures") == figures
    assert {nb.name: cells(nb) for nb in (a / "executed").glob("*.ipynb")} == {
        nb.name: cells(nb) for nb in (b / "executed").glob("*.ipynb")
    }
    assert without_pages(snapshot(a / "report")) == without_pages(snapshot(b / "report"))

    first_pages, second_pages = pages(a / "report"), pages(b / "report")
    assert sum(len(BUILD_TIME.findall(html)) for html in first_pages.values()) == 1
    assert first_pages.keys() == second_pages.keys()
    for name, html in first_pages.items():
        assert BUILD_TIME.sub("", html) == BUILD_TIME.sub("", second_pages[name]), name
    pdf = f"{BOOK.output_file}.pdf"
    assert BUILD_TIME.sub("", pdf_text(a / "report" / pdf)) == BUILD_TIME.sub("", pdf_text(b / "report" / pdf))
