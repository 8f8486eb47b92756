import pytest
from nbformat.v4 import new_output

from book_factory import TABLE, chapter, code_cell, image_output, markdown_output
from quartieri_erp.rendering.cells import Code, Figure, Prose, Table, notebook_blocks, split_options


def test_split_options_reads_quarto_cell_options():
    options, code = split_options('#| label: fig-age\n#| fig-cap: "Età: fasce"\nplot()')
    assert options == {"label": "fig-age", "fig-cap": "Età: fasce"}
    assert code == "plot()"
    assert split_options("x = 1") == ({}, "x = 1")


def test_parameter_cells_are_never_shown_and_code_is_hidden_by_default():
    nb = chapter("# Titolo", code_cell("x = 1", markdown_output("Testo **calcolato**.")))
    blocks = notebook_blocks(nb, {"echo": False})
    assert [type(b) for b in blocks] == [Prose, Prose]
    assert "Parameters" not in str(blocks)


def test_figure_and_table_cells_carry_label_caption_and_alt():
    nb = chapter(
        "# T",
        code_cell('#| label: fig-x\n#| fig-cap: "Didascalia"\n#| fig-alt: "Testo alternativo"\nf()', image_output()),
        code_cell('#| label: tbl-y\n#| tbl-cap: "Tabella y"\nt()', markdown_output(TABLE), markdown_output("Nota.")),
    )
    blocks = notebook_blocks(nb, {})
    figure, table, note = blocks[1:]
    assert isinstance(figure, Figure) and (figure.label, figure.caption, figure.alt) == (
        "fig-x",
        "Didascalia",
        "Testo alternativo",
    )
    assert figure.png.startswith(b"\x89PNG")
    assert isinstance(table, Table) and table.label == "tbl-y" and table.markdown == TABLE
    assert isinstance(note, Prose) and note.text == "Nota."


def test_include_echo_output_and_streams():
    stderr = new_output("stream", name="stderr", text="Warning: something\n")
    stdout = new_output("stream", name="stdout", text="42\n")
    nb = chapter(
        "# T",
        code_cell("#| include: false\nsecret()", markdown_output("hidden")),
        code_cell("#| echo: true\nprint(42)", stdout, stderr),
        code_cell("#| output: false\nquiet()", markdown_output("not shown")),
    )
    blocks = notebook_blocks(nb, {"echo": False})[1:]
    assert blocks == [Code("print(42)"), Code("42", language="text")]


def test_malformed_options_are_reported():
    with pytest.raises(ValueError, match="not a YAML mapping"):
        split_options("#| just text\nx = 1")


def test_a_table_with_a_pdf_version_shows_each_version_in_its_format():
    from quartieri_erp.presentation.markup import per_format
    from quartieri_erp.rendering.markdown import block_markdown

    compact = "| A |\n|---|\n| breve |"
    nb = chapter(
        "# T", code_cell('#| label: tbl-y\n#| tbl-cap: "Tabella y"\nt()', markdown_output(per_format(TABLE, compact)))
    )
    table = notebook_blocks(nb, {})[1]
    assert isinstance(table, Table) and table.markdown.strip() == TABLE.strip() and table.pdf_markdown == compact
    table.number = "1.1"
    html, pdf = block_markdown(table, None), block_markdown(table, None, pdf=True)
    assert html.startswith(TABLE.strip()) and "breve" not in html and "{#tbl-y}" in html
    assert pdf.startswith(compact) and "{#tbl-y}" in pdf
    plain = notebook_blocks(chapter("# T", code_cell("#| label: tbl-z\nt()", markdown_output(TABLE))), {})[1]
    assert plain.pdf_markdown is None and block_markdown(plain, None, pdf=True) == block_markdown(plain, None)
