"""Chapters 1 and 2 keep the original's table of contents and the numbers and kinds of its tables, Tavole and
figures (issue 16): the two notebooks are executed and numbered by the offline renderer as in a build."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import papermill
import pytest

from quartieri_erp.rendering.cells import Chapter, notebook_blocks
from quartieri_erp.rendering.numbering import Numberer

ROOT = Path(__file__).resolve().parents[2]
PROGRAMME = ROOT / "data" / "programme"


@pytest.fixture(scope="module")
def numbered(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("chapters")
    numberer = Numberer()
    for name in ("01_politiche", "02_bando"):
        out = tmp / f"{name}.ipynb"
        papermill.execute_notebook(
            str(ROOT / "notebooks" / f"{name}.ipynb"),
            str(out),
            cwd=str(ROOT),
            kernel_name="python3",
            progress_bar=False,
        )
        chapter = Chapter(
            file=f"notebooks/{name}.ipynb",
            stem=name,
            blocks=notebook_blocks(json.loads(out.read_text()), {"echo": False}),
        )
        numberer.number_chapter(chapter, appendix=False, front=False)
    return numberer


def test_sections_have_the_original_numbers_and_titles(numbered):
    sections = pd.read_csv(PROGRAMME / "report_sections.csv", dtype={"section": str})
    original = {
        s: t
        for s, t in zip(sections["section"], sections["title"])
        if isinstance(s, str) and s.split(".")[0] in ("1", "2")
    }
    built = {h.number: h.title for h in numbered.headings if h.number}
    for number, title in original.items():
        assert number in built, f"§ {number} missing"
        assert built[number].replace("\\", "") == title, number
    extra = {n: t for n, t in built.items() if n not in original}
    assert all("aggiunta di questa edizione" in t for t in extra.values()), extra


def test_tables_tavole_and_figures_keep_the_original_numbers_and_kinds(numbered):
    artifacts = pd.read_csv(PROGRAMME / "published_artifacts.csv", dtype={"number": str})
    prefix = {"tabella": "Tabella", "tavola": "Tavola", "figura": "Figura"}
    mine = artifacts[artifacts["number"].fillna("").str.match(r"^[12]\.")]
    assert len(mine) == 5  # Figura 1.1, Tabella 2.1, Figura 2.1, Tavole 2.1 and 2.2
    for kind, number, label in zip(mine["kind"], mine["number"], mine["label"]):
        assert numbered.targets[label].text == f"{prefix[kind]} {number}", label
