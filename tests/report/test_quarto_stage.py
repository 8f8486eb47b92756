"""The staged project as real Quarto reads it (Quarto cannot run here, so its input is checked).

Each test guards one difference seen when Quarto 1.10 rendered the book: chapter titles lifted out of
the body (``{.unnumbered}`` lost, quarto-cli issue 8526), a figure cell with two outputs turned into
sub-figures, "Invalid Date" from a free-text ``book.date``, no list of figures and tables, "Tabella 0.1"
in the Sintesi, pages under ``notebooks/``, prefixes different from the offline renderer's.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest
import yaml

from conftest import ROOT
from quartieri_erp.params import load_params
from quartieri_erp.pipeline.stage import colophon, stage_project
from quartieri_erp.pipeline.stage_book import COLOPHON_FILE, LIST_FILE, is_unnumbered
from quartieri_erp.rendering.book import load_book
from quartieri_erp.rendering.cells import split_options
from quartieri_erp.rendering.numbering import PREFIX

SOURCE_BOOK = load_book(ROOT / "_quarto.yml")
OUTPUT_CALLS = {"md", "display", "print", "show_table", "show_figure"}


def labelled_cells(nb, prefix: str):
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            options, code = split_options("".join(cell["source"]))
            if str(options.get("label", "")).startswith(prefix):
                yield options["label"], code, cell


@pytest.mark.parametrize("notebook", SOURCE_BOOK.notebooks, ids=lambda p: Path(p).name)
def test_a_labelled_figure_cell_shows_only_its_figure(notebook):
    """Quarto turns a labelled figure cell with several outputs into sub-figures (a), (b) under a bare caption."""
    nb = nbformat.read(ROOT / notebook, as_version=4)
    for label, code, _ in labelled_cells(nb, "fig-"):
        calls = [
            node.func.id
            for node in ast.walk(ast.parse(code))
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in OUTPUT_CALLS
        ]
        assert calls == ["show_figure"], f"{label}: the cell calls {calls}; move other output to its own cell"


@pytest.fixture(scope="module")
def staged(built_report, tmp_path_factory) -> Path:
    """The project staged as the build stages it, from the executed notebooks of the session's build."""
    stage = tmp_path_factory.mktemp("stage")
    shutil.copytree(built_report / "executed", stage / "notebooks")
    params = load_params(ROOT / "params.yml")
    stage_project(ROOT, stage, params, colophon(params, ROOT, "quarto", dt.datetime(2021, 1, 1, tzinfo=dt.UTC)))
    return stage


@pytest.fixture(scope="module")
def config(staged) -> dict:
    return yaml.safe_load((staged / "_quarto.yml").read_text(encoding="utf-8"))


def staged_notebooks(staged, config) -> dict[str, dict]:
    files = config["book"]["chapters"] + config["book"]["appendices"]
    return {f: json.loads((staged / f).read_text(encoding="utf-8")) for f in files if f.endswith(".ipynb")}


def test_every_chapter_heading_stays_in_the_body_with_its_attributes(staged, config):
    """A blank line before the opening heading keeps Quarto from lifting it into the title (issue 8526)."""
    for file, nb in staged_notebooks(staged, config).items():
        first = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
        source = "".join(first["source"])
        assert source.startswith("\n") and re.match(r"\n+# .+\{#sec-[\w-]+", source), file
    fronts = [f for f, nb in staged_notebooks(staged, config).items() if is_unnumbered(nb)]
    assert {"00_sintesi.ipynb", "00_introduzione.ipynb"} <= set(fronts)


def test_every_labelled_figure_cell_has_one_output(staged, config):
    for file, nb in staged_notebooks(staged, config).items():
        for label, _, cell in labelled_cells(nb, "fig-"):
            shown = [o for o in cell["outputs"] if o["output_type"] in ("display_data", "execute_result", "stream")]
            assert len(shown) == 1, f"{file} {label}: {len(shown)} outputs"


def test_the_book_date_is_the_data_cut_off_as_an_iso_date_and_is_labelled(config):
    params = load_params(ROOT / "params.yml")
    assert dt.date.fromisoformat(str(config["book"]["date"])) == params.as_of
    assert config["language"]["title-block-published"] == "Dati aggiornati al"


def test_pages_sit_next_to_index_not_under_notebooks(staged, config):
    files = config["book"]["chapters"] + config["book"]["appendices"]
    assert not [f for f in files if "/" in f]
    assert all((staged / f).is_file() for f in files)


def _shows(label: str, cell) -> bool:
    """Whether a labelled cell shows its figure (an image) or its table or Tavola (Markdown) in this edition: in a
    synthetic edition a cell of real-data findings shows nothing, and a note in another cell says so."""
    shown = "image/png" if label.startswith("fig-") else "text/markdown"
    return any(shown in output.get("data", {}) for output in cell.get("outputs", []))


def test_a_list_of_figures_and_tables_names_every_labelled_figure_and_table(staged, config):
    """Every labelled figure, table and Tavola the edition shows is listed, each under its own heading."""
    assert config["book"]["chapters"][:2] == ["index.qmd", LIST_FILE]
    page = (staged / LIST_FILE).read_text(encoding="utf-8")
    listed = re.findall(r"^- @((?:fig|tbl|tav)-[\w-]+): .+$", page, re.M)
    labels = [
        label
        for nb in staged_notebooks(staged, config).values()
        for prefix in ("fig-", "tbl-", "tav-")
        for label, _, cell in labelled_cells(nb, prefix)
        if _shows(label, cell)
    ]
    assert listed and sorted(listed) == sorted(labels)
    assert any(label.startswith("tav-") for label in listed)
    for heading, prefix in (("## Figure", "fig-"), ("## Tabelle", "tbl-"), ("## Tavole", "tav-")):
        section = page.split(heading, 1)[1].split("\n## ", 1)[0]
        assert set(re.findall(r"^- @([\w-]+):", section, re.M)) == {
            label for label in listed if label.startswith(prefix)
        }


def test_front_chapters_have_no_numbered_tables_and_their_references_still_resolve(staged, config):
    for file, nb in staged_notebooks(staged, config).items():
        if not is_unnumbered(nb) or file in config["book"]["appendices"]:
            continue
        assert not list(labelled_cells(nb, "tbl-")), f"{file}: a numbered table in a front chapter"
        source = nbformat.read(ROOT / "notebooks" / file, as_version=4)
        former = [label for label, _, _ in labelled_cells(source, "tbl-")]
        shown = json.dumps(
            [c.get("outputs", []) for c in nb["cells"]]
            + [c["source"] for c in nb["cells"] if c["cell_type"] == "markdown"],
            ensure_ascii=False,
        )
        assert not [label for label in former if f"@{label}" in shown], f"{file}: a reference to an unnumbered table"
        for anchor in re.findall(r"\]\(#(tab-[\w-]+)\)", shown):
            assert "{#" + anchor + "}" in shown


def test_reference_words_match_the_offline_renderer_and_have_no_trailing_dot(config):
    crossref, language = config["crossref"], config["language"]
    assert crossref["fig-prefix"] == crossref["fig-title"] == PREFIX["fig"]
    assert crossref["tbl-prefix"] == crossref["tbl-title"] == PREFIX["tbl"]
    assert crossref["sec-prefix"] == PREFIX["sec"]
    assert language["crossref-ch-prefix"] == PREFIX["chapter"]
    assert language["crossref-apx-prefix"] == PREFIX["appendix"]
    assert crossref["title-delim"] == ":"
    [tavola] = [kind for kind in crossref["custom"] if kind["key"] == "tav"]
    assert tavola["reference-prefix"] == tavola["caption-prefix"] == PREFIX["tav"]
    words = (*crossref.values(), *tavola.values(), language["crossref-ch-prefix"], language["crossref-apx-prefix"])
    assert not [v for v in words if str(v).endswith(".")]


def test_the_title_page_names_client_evaluator_product_and_both_dates(staged):
    text = (staged / "_frontespizio.md").read_text(encoding="utf-8")
    for expected in (
        "Rapporto tematico di valutazione",
        "Committente: Regione Lombardia",
        "IRS-COGEA",
        "Edizione originale: gennaio 2021",
        "aggiornati al 30 novembre 2020",
    ):
        assert expected in text
    assert "_frontespizio.md" in (staged / "index.qmd").read_text(encoding="utf-8")


def test_the_colophon_is_the_last_page_and_shows_no_absolute_path(staged, config):
    assert config["book"]["appendices"][-1] == COLOPHON_FILE
    text = (staged / COLOPHON_FILE).read_text(encoding="utf-8")
    assert text.startswith("# Colophon {#sec-colophon .unnumbered}")
    assert str(ROOT) not in text and not re.search(r"`/", text)
    assert "_colophon" not in (staged / "index.qmd").read_text(encoding="utf-8")


def test_the_html_links_the_pdf_and_quarto_s_search_is_on(config):
    assert config["book"]["downloads"] == ["pdf"] and config["book"]["search"] is True


def test_no_callout_repeats_its_title_in_its_body(staged, config):
    for file, nb in staged_notebooks(staged, config).items():
        text = json.dumps([c.get("outputs", []) for c in nb["cells"]], ensure_ascii=False)
        for title in re.findall(r'callout-[\w-]+ title=\\"([^"\\]+)\\"', text):
            assert f"**{title}" not in text, f"{file}: the callout '{title}' repeats its title"
