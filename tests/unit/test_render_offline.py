import re

import pytest
from nbformat.v4 import new_markdown_cell
from pypdf import PdfReader

from book_factory import TABLE, chapter, code_cell, image_output, markdown_output, stage
from quartieri_erp.rendering.book import load_book
from quartieri_erp.rendering.offline import render_offline


def two_chapters():
    first = chapter(
        "# Primo capitolo {#sec-primo}\n\nVedi @fig-eta, @tbl-quadro e @sec-secondo.",
        code_cell(
            '#| label: fig-eta\n#| fig-cap: "Partecipanti per età"\n#| fig-alt: "Barre per fascia"\nf()', image_output()
        ),
        new_markdown_cell("## Una sezione\n\n### Un paragrafo\n\nTesto."),
        code_cell('#| label: tbl-quadro\n#| tbl-cap: "Quadro di sintesi"\nt()', markdown_output(TABLE)),
    )
    second = chapter("# Secondo capitolo {#sec-secondo}\n\n## Sezione due\n\nNumero solo: [-@fig-eta].")
    appendix = chapter("# Note di metodo\n\nSi veda @sec-primo.")
    return {"01_a.ipynb": first, "02_b.ipynb": second}, {"A1_m.ipynb": appendix}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("book")
    chapters, appendices = two_chapters()
    stage(tmp, chapters, appendices)
    index, pdf = render_offline(tmp, load_book(tmp / "_quarto.yml"), tmp / "_book")
    return tmp / "_book", index, pdf


def main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def test_pages_exist_with_one_h1_each(rendered):
    out, index, _ = rendered
    pages = sorted(p.name for p in out.glob("*.html"))
    assert pages == ["01_a.html", "02_b.html", "A1_m.html", "figure-tabelle.html", "index.html"]
    for page in pages:
        assert len(re.findall(r"<h1[ >]", main((out / page).read_text()))) == 1, page
    assert '<html lang="it">' in index.read_text()


def test_numbering_and_cross_references(rendered):
    out, _, _ = rendered
    first = main((out / "01_a.html").read_text())
    assert '<a href="#fig-eta">Figura 1.1</a>' in first
    assert '<a href="#tbl-quadro">Tabella 1.1</a>' in first
    assert '<a href="02_b.html">Capitolo 2</a>' in first
    assert "Figura 1.1: Partecipanti per età" in first and 'alt="Barre per fascia"' in first
    assert "<caption>Tabella 1.1: Quadro di sintesi</caption>" in first
    assert '<span class="header-section-number">1.1.1</span> Un paragrafo' in first
    second = main((out / "02_b.html").read_text())
    assert '<a href="01_a.html#fig-eta">1.1</a>' in second
    appendix = main((out / "A1_m.html").read_text())
    assert '<span class="header-section-number">A</span> Note di metodo' in appendix
    assert '<a href="01_a.html">Capitolo 1</a>' in appendix


def test_navigation_and_lists(rendered):
    out, _, _ = rendered
    first = (out / "01_a.html").read_text()
    assert 'rel="prev">← Presentazione' in first and 'href="02_b.html" rel="next"' in first
    lists = main((out / "figure-tabelle.html").read_text())
    assert 'href="01_a.html#fig-eta">Figura 1.1</a>: Partecipanti per età' in lists
    assert (out / "figures" / "01_a-fig-eta.png").is_file()
    assert "injected-parameters" not in first and "Parameters" not in first


def test_pdf_has_outline_captions_and_accents(rendered):
    _, _, pdf = rendered
    reader = PdfReader(pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in (
        "Rapporto di prova",
        "Indice",
        "1 Primo capitolo",
        "2 Secondo capitolo",
        "A Note di metodo",
        "Figura 1.1: Partecipanti per età",
        "Tabella 1.1: Quadro di sintesi",
        "7.827.051,51 €",
        "Testo con è, à e €.",
    ):
        assert expected in text, expected
    titles = [item["/Title"] for item in reader.outline if isinstance(item, dict)]
    assert "1 Primo capitolo" in titles and "A Note di metodo" in titles


def test_unknown_reference_fails_with_the_label(tmp_path):
    chapters = {"01_a.ipynb": chapter("# Capitolo\n\nVedi @fig-assente.")}
    stage(tmp_path, chapters)
    with pytest.raises(ValueError, match="fig-assente"):
        render_offline(tmp_path, load_book(tmp_path / "_quarto.yml"), tmp_path / "_book")


def test_duplicate_label_fails(tmp_path):
    cell = code_cell('#| label: tbl-x\n#| tbl-cap: "X"\nt()', markdown_output(TABLE))
    stage(tmp_path, {"01_a.ipynb": chapter("# A", cell), "02_b.ipynb": chapter("# B", cell)})
    with pytest.raises(ValueError, match="duplicate label 'tbl-x'"):
        render_offline(tmp_path, load_book(tmp_path / "_quarto.yml"), tmp_path / "_book")
