"""Each PDF check reports its fault in a tiny PDF made with Typst to show it, and passes a correct PDF."""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
import typst
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

import pdf_checks as checks

pytestmark = pytest.mark.skipif(
    not all(map(shutil.which, ("pdftotext", "pdftoppm", "pdffonts"))),
    reason="poppler-utils (pdftotext, pdftoppm, pdffonts) is not installed",
)
MARGINS = {"left": 2.3 * checks.CM, "right": 2.3 * checks.CM, "top": 2.5 * checks.CM, "bottom": 2.5 * checks.CM}
A4 = (595.276, 841.89)
PAGE = '#set page(paper: "a4", margin: (x: 2.3cm, top: 2.5cm, bottom: 2.5cm), numbering: "1")\n'
GOOD = (
    PAGE
    + """#set document(title: "Rapporto di prova")
#set text(lang: "it")
#set figure(numbering: none)
#show heading.where(level: 1): it => { pagebreak(weak: true); it }
#page(numbering: none)[Rapporto di prova]
#outline(title: [Indice])
= 1 Primo capitolo
Testo con 830 persone e 63,1% di quote.
#figure(image("nero.png", width: 4cm), caption: [Figura 1.1: Un rettangolo])
= Elenco delle figure
Figura 1.1: Un rettangolo
"""
)


def make_pdf(folder: Path, source: str) -> Path:
    """Compile ``source`` (Typst) in ``folder``, next to a small black image nero.png; returns the PDF."""
    (folder / "nero.png").write_bytes(_png(np.zeros((4, 8), dtype=np.uint8)))
    (folder / "doc.typ").write_text(source, encoding="utf-8")
    pdf = folder / "doc.pdf"
    typst.compile(str(folder / "doc.typ"), output=str(pdf), root=str(folder))
    return pdf


def _png(grey: np.ndarray) -> bytes:
    """A greyscale PNG of ``grey`` (rows of 0-255 values)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    height, width = grey.shape
    raw = b"".join(b"\x00" + row.tobytes() for row in grey)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def test_a_correct_pdf_passes_every_check(tmp_path):
    pdf = make_pdf(tmp_path, GOOD)
    assert checks.text_problems(pdf) == []
    assert checks.outline_problems(pdf, ["1 Primo capitolo"]) == []
    assert checks.toc_problems(pdf, MARGINS) == []
    assert checks.caption_problems(pdf, ["Figura 1.1"]) == []
    assert checks.number_problems(pdf, ["830", "63,1%"]) == []
    assert checks.image_placement_problems(pdf, MARGINS) == []


def test_a_correct_pdf_renders_with_embedded_fonts_and_clean_margins(tmp_path):
    pdf = make_pdf(tmp_path, GOOD)
    problems, images = checks.render(pdf, tmp_path / "pages")
    assert problems == [] and len(images) == 4
    assert checks.font_problems(pdf) == []
    assert checks.margin_ink_problems(images, A4, MARGINS) == []


def test_an_english_caption_is_reported(tmp_path):
    pdf = make_pdf(tmp_path, PAGE + '#figure(image("nero.png", width: 2cm), caption: [Un rettangolo])')
    assert checks.caption_problems(pdf, []) == ["English caption or reference 'Figure 1'"]


def test_a_figure_without_its_italian_caption_or_list_entry_is_reported(tmp_path):
    pdf = make_pdf(tmp_path, GOOD.replace("= Elenco delle figure\nFigura 1.1: Un rettangolo\n", ""))
    assert checks.caption_problems(pdf, ["Figura 1.1", "Tabella 1.1"]) == [
        "'Figura 1.1:' appears 1 time(s), expected a caption and a list entry",
        "'Tabella 1.1:' appears 0 time(s), expected a caption and a list entry",
    ]


def test_a_missing_number_or_one_inside_a_larger_number_is_reported(tmp_path):
    pdf = make_pdf(tmp_path, PAGE + "Destinatari: 1.830; quota 63,15%.")
    assert checks.number_problems(pdf, ["830", "63,1%", "1.830"]) == [
        "'830' does not appear",
        "'63,1%' does not appear",
    ]


def test_a_font_that_is_not_embedded_is_reported(tmp_path):
    pdf = make_pdf(tmp_path, PAGE + "Testo.")
    writer = PdfWriter(clone_from=PdfReader(pdf))
    fonts = writer.pages[0]["/Resources"]["/Font"]
    for font in fonts.values():
        font = font.get_object()
        for descendant in font.get("/DescendantFonts", [font]):
            descriptor = descendant.get_object()["/FontDescriptor"].get_object()
            for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                descriptor.pop(NameObject(key), None)
    stripped = tmp_path / "stripped.pdf"
    writer.write(stripped)
    problems = checks.font_problems(stripped)
    assert problems and all(p.startswith("font ") and p.endswith(" is not embedded") for p in problems)


def test_a_pdf_without_bookmarks_or_table_of_contents_is_reported(tmp_path):
    pdf = make_pdf(tmp_path, PAGE + "Solo testo.")
    assert checks.outline_problems(pdf, ["1 Primo capitolo"]) == ["the PDF has no bookmarks (outline)"]
    assert checks.toc_problems(pdf, MARGINS) == ["no table of contents page headed 'Indice'"]


def test_a_missing_chapter_bookmark_and_a_wrong_toc_page_number_are_reported(tmp_path):
    wrong_footer = GOOD.replace('numbering: "1")', 'numbering: "1", footer: align(center)[99])', 1)
    pdf = make_pdf(tmp_path, wrong_footer)
    assert checks.outline_problems(pdf, ["1 Primo capitolo", "2 Secondo capitolo"]) == [
        "no bookmark for '2 Secondo capitolo'"
    ]
    assert "the table of contents gives page 3 for '1 Primo capitolo', which is on the page numbered 99" in (
        checks.toc_problems(pdf, MARGINS)
    )


def test_a_page_without_text_and_a_title_missing_from_the_first_page_are_reported(tmp_path):
    pdf = make_pdf(
        tmp_path,
        '#set document(title: "Rapporto")\n#set page(numbering: none)\nAltro.\n#pagebreak()\n'
        '#image("nero.png", width: 2cm)',
    )
    assert checks.text_problems(pdf) == [
        "page 2: no extractable text",
        "the first page does not show the title 'Rapporto'",
    ]


def test_a_figure_leaving_the_text_area_is_reported(tmp_path):
    pdf = make_pdf(tmp_path, PAGE + '#place(dx: -2cm, image("nero.png", width: 6cm))')
    problems = checks.image_placement_problems(pdf, MARGINS)
    assert len(problems) == 1 and problems[0].startswith("page 1: image /") and "leaves the text area" in problems[0]


def test_ink_in_the_margins_is_reported(tmp_path):
    pdf = make_pdf(tmp_path, PAGE + '#place(dx: -2cm, image("nero.png", width: 6cm))\n#block(width: 130%)[#lorem(60)]')
    _, images = checks.render(pdf, tmp_path / "pages")
    assert checks.margin_ink_problems(images, A4, MARGINS) == [
        "page 1: ink in the left margin",
        "page 1: ink in the right margin",
    ]


def test_a_pdf_that_does_not_render_is_reported(tmp_path):
    broken = tmp_path / "rotto.pdf"
    broken.write_bytes(b"%PDF-1.7\nnon un PDF\n")
    problems, images = checks.render(broken, tmp_path / "pages")
    assert images == []
    assert [p for p in problems if p.startswith("pdftoppm exited with")]
    assert [p for p in problems if p.startswith("pypdf cannot read the PDF")]


def test_a_blank_page_is_reported(tmp_path):
    unnumbered = PAGE.replace('numbering: "1"', "numbering: none")
    pdf = make_pdf(tmp_path, unnumbered + "Testo.\n#pagebreak()\n#pagebreak()\nFine.")
    problems, _ = checks.render(pdf, tmp_path / "pages")
    assert problems == ["page-2.pgm is blank"]
