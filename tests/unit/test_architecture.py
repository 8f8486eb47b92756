"""The layout a newcomer relies on (issue 17): chapter modules stand alone, every notebook maps to its module,
and docs/architecture.md names only modules that exist."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

from quartieri_erp import chapters

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "quartieri_erp"


def _imported_chapter_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("quartieri_erp.chapters."):
                found.add(node.module.split(".")[2])
            elif node.module == "quartieri_erp.chapters":
                found.update(alias.name for alias in node.names)
    return found


def test_no_chapter_module_imports_another_chapter_module():
    own = set(chapters.MODULES.values())
    wrong = {
        module: sorted((_imported_chapter_modules(PACKAGE / "chapters" / f"{module}.py") & own) - {module})
        for module in own
    }
    assert {m: found for m, found in wrong.items() if found} == {}


def test_every_module_of_the_chapters_package_is_a_chapter_module_or_a_shared_one():
    modules = {p.stem for p in (PACKAGE / "chapters").glob("*.py")} - {"__init__"}
    assert modules == set(chapters.MODULES.values()) | set(chapters.SHARED)


def test_every_notebook_of_the_book_maps_to_its_chapter_module():
    book = yaml.safe_load((ROOT / "_quarto.yml").read_text(encoding="utf-8"))["book"]
    notebooks = {Path(p).stem for p in [*book["chapters"], *book.get("appendices", [])] if p.endswith(".ipynb")}
    assert notebooks == set(chapters.MODULES)


def test_the_architecture_page_names_only_modules_that_exist():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(quartieri_erp(?:\.\w+)+)`", text))
    named |= {
        f"quartieri_erp.{m}"
        for m in re.findall(
            r"`((?:pipeline|rendering|inputs|indicators|presentation|"
            r"chapters|synth|editions)\.\w+)`",
            text,
        )
    }
    assert len(named) > 20

    def exists(dotted: str) -> bool:
        path = PACKAGE.joinpath(*dotted.split(".")[1:])
        return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()

    assert sorted(n for n in named if not exists(n)) == []
