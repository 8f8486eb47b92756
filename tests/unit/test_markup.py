"""Data text reaches Markdown only through ``markup.escape``: pandoc then shows it literally, in HTML and Typst."""

from __future__ import annotations

import html
import re

import pypandoc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quartieri_erp.presentation.markup import MAX_WORD, Md, escape, number, plain, visible
from quartieri_erp.presentation.provenance import monitoring, published

ATTACKS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "`<b>x</b>`{=html}",
    "[a](javascript:alert(1))",
    "# Titolo",
    "1. elenco",
    "- punto",
    "::: {.callout}",
    "$x^2$",
    "@fig-eta",
    "[@sec-metodo]",
    "![i](x.png)",
    "```{=typst}\n#let f(n) = f(n)\n```",
    "{{< include x >}}",
    "| a | b |",
    "*enfasi* _x_ **y**",
    "a\\b",
    "~sub~ ^sup^",
    "&amp; &lt;",
    "<!-- commento -->",
    "[^nota]",
    "(@) esempio",
    "P07 {#sec-x .unnumbered}",
]


def _html(markdown: str) -> str:
    return pypandoc.convert_text(markdown, "html", format="markdown")


def _text(markdown: str) -> str:
    """What a reader sees of ``markdown``: the HTML's text (entities decoded, whitespace collapsed)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", _html(markdown))).replace("’", "'").split())


@pytest.mark.parametrize("attack", ATTACKS)
def test_an_attack_shows_as_its_own_text_and_makes_no_markup(attack):
    rendered = _html(f"Prima {escape(attack)} dopo")
    assert re.findall(r"<(\w+)", rendered) == ["p"], rendered
    assert _text(f"Prima {escape(attack)} dopo") == " ".join(f"Prima {plain(attack)} dopo".split())


@pytest.mark.parametrize("attack", ATTACKS)
def test_an_attack_in_a_typst_pdf_is_text_only(attack):
    typst = pypandoc.convert_text(f"Prima {escape(attack)} dopo", "typst", format="markdown")
    assert "#let" not in typst.replace("\\#let", "") and "#for" not in typst.replace("\\#for", "")


def test_line_breaks_control_characters_and_long_words():
    assert plain("a\nb\r\nc\td\x07e\u202e") == "a b c de"
    long = "x" * (2 * MAX_WORD + 5)
    assert escape(long).replace("\u200b", "") == long and escape(long).count("\u200b") == 2


def test_escaped_text_is_not_escaped_twice():
    once = escape("a*b")
    assert isinstance(once, Md) and escape(once) == once == "a\\*b"


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=30),
        min_size=1,
        max_size=8,
    )
)
def test_any_text_renders_literally(texts):
    paragraphs = "\n\n".join(f"QQSTART{escape(t)}QQEND" for t in texts)
    seen = re.findall(r"QQSTART(.*?)QQEND", _text(paragraphs).replace("\u200b", ""))
    assert [" ".join(s.split()) for s in seen] == [" ".join(plain(t).replace("’", "'").split()) for t in texts]


def test_a_number_span_carries_kind_source_and_reconciliation():
    span = number("63,1%", monitoring("Dati di monitoraggio", reconciled="Rapporto 2021, Tabella 3.1"))
    rendered = _html(f"quota {span}")
    assert 'data-kind="monitoring"' in rendered and 'data-reconciled="Rapporto 2021, Tabella 3.1"' in rendered
    assert ">63,1%</span>" in rendered and visible(span) == "63,1%"
    assert number("830", None) == "830"
    hostile = number("5", published('Rapporto "2021" <b>'))
    assert "<b>" not in _html(hostile).replace("&lt;b&gt;", "")


def test_a_frame_built_with_md_frame_keeps_the_package_markdown_and_escapes_data():
    from quartieri_erp.presentation.markdown_tables import markdown_table, md_frame, records_frame

    span = Md('[1 marzo 2006]{.num data-kind="published"}')
    for frame in (
        md_frame({"Data": [span], "Testo": ["<b>dato</b>"], "n": [3]}),
        records_frame([{"Data": span, "Testo": "<b>dato</b>", "n": 3}]),
    ):
        table = markdown_table(frame)
        assert '| [1 marzo 2006]{.num data-kind="published"} |' in table
        assert "\\<b\\>dato\\</b\\>" in table
        assert table.splitlines()[1].endswith(":|")  # the count column stays numeric (right-aligned)
