"""The 'Tavola' kind of the offline renderer: labels ``tav-…`` with a ``tbl-cap`` (or ``tav-cap``) are numbered
with their own counter inside the chapter (Tavola 2.1 next to Tabella 2.1), referenced as 'Tavola N.M' and listed."""

import yaml

from book_factory import TABLE, chapter, code_cell, markdown_output, stage
from quartieri_erp.rendering.book import load_book
from quartieri_erp.rendering.cells import Table, notebook_blocks
from quartieri_erp.rendering.markdown import block_markdown, lists_markdown
from quartieri_erp.rendering.numbering import Numberer, resolve_references
from quartieri_erp.rendering.offline import render_offline


def numbered(*cells, title="# Capitolo {#sec-c}"):
    nb = chapter(title, *cells)
    from quartieri_erp.rendering.cells import Chapter

    ch = Chapter(file="01_c.ipynb", stem="01_c", blocks=notebook_blocks(nb, {}))
    numberer = Numberer()
    numberer.number_chapter(ch, appendix=False, front=False)
    return ch, numberer


def test_a_tav_label_is_a_tavola_with_the_tbl_cap_caption():
    nb = chapter("# C", code_cell('#| label: tav-passi\n#| tbl-cap: "I passaggi"\nt()', markdown_output(TABLE)))
    [table] = [b for b in notebook_blocks(nb, {}) if isinstance(b, Table)]
    assert table.kind == "tav" and table.caption == "I passaggi"
    nb = chapter("# C", code_cell('#| label: tav-passi\n#| tav-cap: "Altro"\nt()', markdown_output(TABLE)))
    [table] = [b for b in notebook_blocks(nb, {}) if isinstance(b, Table)]
    assert table.caption == "Altro"


def test_tavole_and_tabelle_have_separate_counters():
    # order in the chapter: Tabella, Tavola, Tabella, Tavola -> Tabella 1.1, Tavola 1.1, Tabella 1.2, Tavola 1.2
    ch, numberer = numbered(
        code_cell('#| label: tbl-a\n#| tbl-cap: "A"\nt()', markdown_output(TABLE)),
        code_cell('#| label: tav-b\n#| tbl-cap: "B"\nt()', markdown_output(TABLE)),
        code_cell('#| label: tbl-c\n#| tbl-cap: "C"\nt()', markdown_output(TABLE)),
        code_cell('#| label: tav-d\n#| tbl-cap: "D"\nt()', markdown_output(TABLE)),
    )
    texts = {label: t.text for label, t in numberer.targets.items() if label.startswith(("tbl-", "tav-"))}
    assert texts == {"tbl-a": "Tabella 1.1", "tav-b": "Tavola 1.1", "tbl-c": "Tabella 1.2", "tav-d": "Tavola 1.2"}
    tavola = [b for b in ch.blocks if isinstance(b, Table) and b.label == "tav-d"][0]
    assert block_markdown(tavola, None).endswith(": Tavola 1.2: D {#tav-d}")
    linked = resolve_references("Vedi @tav-b e [-@tav-d].", numberer.targets, lambda t, label: f"#{label}")
    assert linked == "Vedi [Tavola 1.1](#tav-b) e [1.2](#tav-d)."
    listed = lists_markdown(numberer, lambda t, label: f"#{label}")
    assert "- [Tavola 1.1](#tav-b): B" in listed and "- [Tabella 1.2](#tbl-c): C" in listed


def test_the_offline_html_captions_and_links_a_tavola(tmp_path):
    first = chapter(
        "# Primo {#sec-primo}\n\nVedi @tav-passi e @tbl-quadro.",
        code_cell('#| label: tbl-quadro\n#| tbl-cap: "Quadro"\nt()', markdown_output(TABLE)),
        code_cell('#| label: tav-passi\n#| tbl-cap: "Passaggi"\nt()', markdown_output(TABLE)),
    )
    stage(tmp_path, {"01_a.ipynb": first})
    index, _ = render_offline(tmp_path, load_book(tmp_path / "_quarto.yml"), tmp_path / "_book")
    html = (tmp_path / "_book" / "01_a.html").read_text()
    assert "<caption>Tavola 1.1: Passaggi</caption>" in html
    assert "<caption>Tabella 1.1: Quadro</caption>" in html
    assert '<a href="#tav-passi">Tavola 1.1</a>' in html


def test_quarto_declares_the_tav_kind():
    from pathlib import Path

    config = yaml.safe_load((Path(__file__).parents[2] / "_quarto.yml").read_text(encoding="utf-8"))
    [kind] = [k for k in config["crossref"]["custom"] if k["key"] == "tav"]
    assert kind["kind"] == "float" and kind["reference-prefix"] == "Tavola"


def test_the_data_link_of_a_tavola_names_the_tavola():
    from quartieri_erp.rendering.markdown import _download

    ch, _ = numbered(
        code_cell('#| label: tbl-a\n#| tbl-cap: "A"\nt()', markdown_output(TABLE)),
        code_cell('#| label: tav-b\n#| tbl-cap: "B"\nt()', markdown_output(TABLE)),
    )
    tabella, tavola = [b for b in ch.blocks if isinstance(b, Table)]
    assert "Scarica i dati della Tabella 1.1 (CSV)" in _download(tabella, "dati/a.csv")
    assert "Scarica i dati della Tavola 1.1 (CSV)" in _download(tavola, "dati/b.csv")
