"""The one place where text becomes Markdown.

Chapters write Markdown (headings, emphasis, cross-references); data never do. Every string that comes from
data or parameters (curated texts, labels, monitoring strings, file names, the edition) reaches Markdown through
``escape``, which makes it literal text for pandoc and Quarto alike, and so for both the HTML and the PDF: no raw
HTML or Typst, no Markdown structure (headings, lists, links, images, math, cross-references, attributes), no
breaking of a table cell. ``Md`` marks a string that is already Markdown written by the package, so that it is
not escaped twice (``show_table`` escapes every cell that is not ``Md``).

``number`` wraps a formatted number in a bracketed span that carries its kind and source into the HTML
(``<span class="num" data-kind="…" data-src="…">``); the PDF shows the bare number.
"""

from __future__ import annotations

import re
import unicodedata

from quartieri_erp.presentation.provenance import Source


class Md(str):
    """A string that is Markdown written by the package (trusted): never escaped again."""

    __slots__ = ()

    def __add__(self, other):
        return Md(str.__add__(self, other)) if isinstance(other, Md) else str.__add__(self, other)


# ASCII punctuation that pandoc's Markdown may read as structure; every one is backslash-escapable there
# (extension all_symbols_escapable). Letters, digits, spaces and ,.;:'?!%()/-€ stay as they are.
SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+|!$@^~=&\"])")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
MAX_WORD = 40  # longer words get break opportunities, so that a table column cannot be pushed off the page
SOFT_BREAK = "\u200b"


def _break_long_words(text: str) -> str:
    def split(match: re.Match) -> str:
        word = match.group(0)
        return SOFT_BREAK.join(word[i : i + MAX_WORD] for i in range(0, len(word), MAX_WORD))

    return re.sub(rf"\S{{{MAX_WORD + 1},}}", split, text)


def plain(value: object) -> str:
    """Data text normalised for display: NFC, control characters removed, any line break or tab a space."""
    text = unicodedata.normalize("NFC", str(value))
    text = re.sub(r"[\r\n\t\f\v]+", " ", text)
    return CONTROL.sub("", text)


def escape(value: object) -> Md:
    """``value`` as literal text in pandoc/Quarto Markdown (both HTML and PDF)."""
    if isinstance(value, Md):
        return value
    text = _break_long_words(plain(value))
    text = SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"-{2,}|\.{3,}", lambda run: "".join("\\" + c for c in run.group()), text)  # no dash or ellipsis
    # '1.', '-', '+' or ':' start a list or a div at the start of a block: make the first one literal.
    text = re.sub(r"^(\d+)([.)])(?=\s|$)", r"\1\\\2", text)
    if text and text[0] in "-+:":
        text = "\\" + text
    return Md(text)


TYPST_SPECIAL = re.compile(r"([\\#\[\]*_`$<>@=\-+/~'\"])")


def escape_typst(value: object) -> str:
    """``value`` as literal Typst markup (the title page's variables of the PDF template): every character
    that Typst reads as markup or code is backslash-escaped."""
    return TYPST_SPECIAL.sub(r"\\\1", plain(value))


def attribute(value: object) -> str:
    """``value`` as the content of a double-quoted attribute of a pandoc span or image (``@`` escaped too, so
    that no cross-reference is resolved inside it)."""
    return plain(value).replace("\\", "\\\\").replace('"', '\\"').replace("@", "\\@")


def number(shown: str, source: Source | None) -> Md | str:
    """A formatted number with its provenance: '[63,1%]{.num data-kind="monitoring" data-src="…"}'."""
    if source is None:
        return shown
    shown = escape(shown)
    attrs = f'.num data-kind="{source.kind}" data-src="{attribute(source.describe())}"'
    if source.reconciled:
        attrs += f' data-reconciled="{attribute(source.reconciled)}"'
    return Md(f"[{shown}]{{{attrs}}}")


SPAN = re.compile(r"\[([^\[\]]*)\]\{\.num [^{}]*\}")


def visible(text: str) -> str:
    """The text a reader sees of Markdown with number spans: '[63,1%]{.num …}' -> '63,1%'."""
    return SPAN.sub(r"\1", text)


def unmarked(text: object) -> object:
    """What a reader sees of package Markdown (``Md``) as plain text, for the CSV downloads: number spans
    reduced to their number, escapes and break opportunities removed; other text loses its number spans only
    (a span formatted into a plain string); anything else is returned unchanged."""
    if not isinstance(text, str):
        return text
    if not isinstance(text, Md):
        return visible(text)
    return re.sub(r"\\(.)", r"\1", visible(text)).replace(SOFT_BREAK, "")


HTML_ONLY = '::: {.content-visible when-format="html"}'  # Quarto's conditional content, honoured by both renderers
NOT_HTML = '::: {.content-hidden when-format="html"}'
_PER_FORMAT = re.compile(
    rf"\A{re.escape(HTML_ONLY)}\n\n(?P<html>.*?)\n\n:::\n\n{re.escape(NOT_HTML)}\n\n(?P<pdf>.*?)\n\n:::\Z", re.S
)


def per_format(html: str, pdf: str) -> str:
    """One output in two versions, in Quarto's conditional-content syntax: ``html`` for the HTML, ``pdf`` for
    every other format (the PDF)."""
    return f"{HTML_ONLY}\n\n{html.strip()}\n\n:::\n\n{NOT_HTML}\n\n{pdf.strip()}\n\n:::"


def split_per_format(text: str) -> tuple[str, str | None]:
    """``(html, pdf)`` of a ``per_format`` output; ``(text, None)`` for any other text."""
    found = _PER_FORMAT.match(text.strip())
    return (found["html"], found["pdf"]) if found else (text, None)
