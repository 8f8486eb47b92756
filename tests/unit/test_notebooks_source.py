"""The committed chapter notebooks: listed in the book, clean, parameterised, no typed numbers in prose."""

import ast
import re
from pathlib import Path

import nbformat
import pytest

from quartieri_erp.rendering.book import load_book
from quartieri_erp.rendering.cells import split_options

ROOT = Path(__file__).resolve().parents[2]
BOOK = load_book(ROOT / "_quarto.yml")
NOTEBOOKS = [ROOT / nb for nb in BOOK.notebooks]
REQUIRED_PARAMETERS = {"data_dir", "as_of", "edition"}
# Names that contain digits but are not data: the programming periods, the pandemic, the codes of the
# programme's actions (identifiers fixed by the Operational Programme), and file-format names.
NAMES_WITH_DIGITS = re.compile(
    r"20(14|21)-20(20|27)|Covid-19|COVID-19|\b9\.[14]\.[23]\b|V\.3\.c\.1\.1|UTF-8|Windows-1252|ISO 3166-1"
)


def md_literals(code: str) -> list[str]:
    """The literal text of the strings passed to ``md(...)`` (interpolated ``{…}`` parts left out)."""
    texts = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "md":
            for arg in node.args:
                parts = arg.values if isinstance(arg, ast.JoinedStr) else [arg]
                texts += [p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str)]
    return texts


def prose_of(nb) -> list[str]:
    """Everything a reader sees that is typed in the notebook: Markdown cells, captions, alt texts and the
    literal text of ``md(f"…")`` sentences."""
    texts = [c.source for c in nb.cells if c.cell_type == "markdown"]
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" not in cell.metadata.get("tags", []):
            options, code = split_options(cell.source)
            texts += [str(options[k]) for k in ("fig-cap", "tbl-cap", "fig-alt") if k in options]
            texts += md_literals(code)
    return texts


def test_every_notebook_is_in_the_book_and_every_book_file_exists():
    on_disk = {p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").glob("*.ipynb")}
    assert on_disk == set(BOOK.notebooks)
    assert (ROOT / "index.qmd").is_file()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebook_has_no_outputs(path):
    nb = nbformat.read(path, as_version=4)
    dirty = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (c.outputs or c.execution_count)]
    assert not dirty, f"cells {dirty} carry outputs: clear them before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_has_a_parameters_cell_and_a_chapter_heading(path):
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    names = set(re.findall(r"^(\w+)\s*=", tagged[0].source, flags=re.M))
    assert names >= REQUIRED_PARAMETERS
    first_markdown = next(c for c in nb.cells if c.cell_type == "markdown")
    assert re.match(r"# .+\{#sec-[\w-]+", first_markdown.source), "the chapter must open with '# Title {#sec-…}'"
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_prose_and_captions_carry_no_typed_numbers(path):
    nb = nbformat.read(path, as_version=4)
    for text in prose_of(nb):
        without_refs = re.sub(r"@(fig|tbl|sec)-[\w-]+|\{#[^}]*\}", "", NAMES_WITH_DIGITS.sub("", text))
        digits = re.findall(r".{0,30}\d.{0,30}", without_refs)
        assert not digits, f"numbers typed in prose/caption of {path.name}: {digits}"
