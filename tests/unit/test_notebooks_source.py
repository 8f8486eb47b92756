"""The committed chapter notebooks: listed in the book, clean, parameterised, no typed numbers in prose."""

import ast
import re
from pathlib import Path

import nbformat
import pytest
import yaml

from quartieri_erp.params import NOTEBOOK_PARAMETERS, OPTIONAL_NOTEBOOK_PARAMETERS, load_params
from quartieri_erp.presentation.context import Chapter
from quartieri_erp.rendering.book import load_book
from quartieri_erp.rendering.cells import split_options

ROOT = Path(__file__).resolve().parents[2]
BOOK = load_book(ROOT / "_quarto.yml")
NOTEBOOKS = [ROOT / nb for nb in BOOK.notebooks]
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


def parameters_cell(nb) -> dict:
    """The names and values the notebook's one ``parameters`` cell assigns."""
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "a chapter notebook has exactly one cell tagged 'parameters'"
    tree = ast.parse(tagged[0].source)
    return {node.targets[0].id: ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_has_a_parameters_cell_and_a_chapter_heading(path):
    nb = nbformat.read(path, as_version=4)
    assert set(parameters_cell(nb)) - set(OPTIONAL_NOTEBOOK_PARAMETERS) == set(NOTEBOOK_PARAMETERS)
    first_markdown = next(c for c in nb.cells if c.cell_type == "markdown")
    assert re.match(r"# .+\{#sec-[\w-]+", first_markdown.source), "the chapter must open with '# Title {#sec-…}'"
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_the_parameters_cell_defaults_are_the_values_of_params_yml(path):
    """The parameters are declared once (``params.NOTEBOOK_PARAMETERS``); a notebook run by hand in JupyterLab
    gets the same values as the default build."""
    raw = yaml.safe_load((ROOT / "params.yml").read_text(encoding="utf-8"))
    injected = load_params(ROOT / "params.yml").notebook_parameters(ROOT)
    defaults = parameters_cell(nbformat.read(path, as_version=4))
    assert {name: defaults[name] for name in NOTEBOOK_PARAMETERS} == injected
    assert set(NOTEBOOK_PARAMETERS) <= set(raw)


def test_the_chapter_object_holds_exactly_the_declared_parameters_and_the_data_kind():
    assert [f for f in Chapter.__dataclass_fields__ if f != "synthetic"] == list(NOTEBOOK_PARAMETERS)


def test_notebooks_open_their_chapter_from_the_parameters_cell_and_read_no_folder_directly():
    for path in NOTEBOOKS:
        code = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        assert "open_chapter(globals()" in code, path.name
        assert not re.search(r"\bload_\w+\(|read_table\(|read_checked\(|\bch\.(programme|reference)_dir\b", code), (
            path.name
        )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_prose_and_captions_carry_no_typed_numbers(path):
    nb = nbformat.read(path, as_version=4)
    for text in prose_of(nb):
        without_refs = re.sub(r"@(fig|tbl|sec)-[\w-]+|\{#[^}]*\}", "", NAMES_WITH_DIGITS.sub("", text))
        digits = re.findall(r".{0,30}\d.{0,30}", without_refs)
        assert not digits, f"numbers typed in prose/caption of {path.name}: {digits}"
