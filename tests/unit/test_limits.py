"""The limits of one build are data in one place, and the external programs stop at their time limit."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import quartieri_erp.rendering.pandoc as pandoc_module
from quartieri_erp.limits import LIMITS
from quartieri_erp.rendering.pdf import compile_typst

ROOT = Path(__file__).resolve().parents[2]


def test_the_readme_states_the_limits():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"at most {LIMITS.annex_projects} funded projects" in readme
    assert f"at most {LIMITS.text_cell_chars:,} characters".replace(",", ".") in readme
    assert f"after {LIMITS.pandoc_seconds} s" in readme and f"after {LIMITS.typst_seconds} s" in readme


def test_the_pdf_compiler_is_stopped_at_its_time_limit(tmp_path):
    (tmp_path / "doc.typ").write_text("#let x = 0\n#for i in range(1000000000) { x = x + 1 }\n#x\n")
    with pytest.raises(RuntimeError, match=r"the PDF compiler \(typst\) did not finish in 1 s"):
        compile_typst(tmp_path / "doc.typ", tmp_path / "doc.pdf", tmp_path, timeout=1)
    assert not (tmp_path / "doc.pdf").exists()


def test_pandoc_is_stopped_at_its_time_limit(monkeypatch):
    monkeypatch.setattr(pandoc_module, "LIMITS", dataclasses.replace(LIMITS, pandoc_seconds=0.001))
    with pytest.raises(RuntimeError, match="did not finish in 0.001 s"):
        pandoc_module.pandoc("testo " * 100_000, "html5")
