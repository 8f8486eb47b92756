"""Checks of the provenance of the numbers in the built HTML (issue 12).

Every number a reader sees in prose carries its kind: it sits inside a ``<span class="num" data-kind=…>``
written by the formatters. Numbers that are not quantities are excepted by rule, not by list:

- numbering and navigation: headings, section/figure/table numbers, captions, the sidebar and page links, links
  to cross-references and downloads;
- run metadata: the run box, the title page's facts (edition, cut-off date) and the colophon;
- citations: "Fonte:" lines and references to the report's parts ("Tabella 3.1", "§ 2.2.1", "p. 35");
- names that contain digits: programming periods (2014-2020), action codes (9.1.3), acts ("DGR n. X/2692",
  "decreto n. 7390 del 23/05/2018"), ids of projects, discrepancies, events ("P07", "D29"), "Covid-19".

Run as a script on built pages to list what is left: ``python tests/support/provenance_checks.py build/report/*.html``.
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIP_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "nav",
    "figcaption",
    "caption",
    "code",
    "pre",
    "script",
    "style",
    "header",
    "footer",
    "title",
    "head",
    "svg",
    "button",
}
SKIP_CLASSES = {
    "header-section-number",
    "source-note",
    "run-info",
    "colophon",
    "num",
    "sidebar",
    "page-nav",
    "search",
    "downloads",
    "quarto-title",
    "title-page",
    "csv-link",
    "pdf-link",
    "title-facts",
}
SKIP_IDS = {"sec-colophon"}  # the colophon: run metadata, not findings
PROSE_TAGS = {"p", "li", "dd", "dt", "blockquote"}

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NAMES = re.compile(
    "|".join(
        [
            r"\b(?:19|20)\d\d\s*[-–/]\s*(?:19|20)?\d\d\b(?=[^%\d]|$)(?!\s*(?:milioni|mln|€|euro|persone|progetti))",
            r"\bCovid-19\b",
            r"\b\d+(?:\.[\dA-Za-z]+){2,}\b",  # action codes 9.1.3, V.3.c.1.1
            r"\bV\.\d(?:\.\w+)+",
            r"\b(?:n\.|nn\.|DGR|D\.G\.R\.|d\.d\.s\.|d\.d\.u\.o\.|DDS|DD|[Dd]ecreto|[Dd]elibera(?:zione)?|[Ll]egge|L\.R\.|l\.r\.|"
            r"[Rr]egolamento|Reg\.|Protocollo|prot\.)\s*(?:\(UE\)\s*)?(?:n\.\s*)?[A-Z]*[/\d][\w/.\-]*"
            r"(?:\s+del(?:l')?\s*\d{1,2}[/.]\d{1,2}[/.]\d{2,4})?",
            r"\b[A-Z]{1,3}\d{1,3}\b",  # ids: P07, D29, E17, PR5, L01
            r"(?:\b(?:[Tt]abell[ae]|[Tt]avol[ae]|[Ff]igur[ae]|[Cc]apitol[oi]|[Pp]aragraf[oi]|[Ss]ezion[ei]|[Ss]ched[ae]|"
            r"[Nn]ot[ae]|[Pp]agin[ae]|[Aa]ppendic[ei]|[Ll]ettura|[Ii]potesi|pp?\.)|§)\s*"
            r"(?:[A-Z]\.?)?\d+(?:\.\d+)*(?:\s*(?:[-–,]|e)\s*(?:[A-Z]\.?)?\d+(?:\.\d+)*)*",
        ]
    )
)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, set[str], dict[str, str]]] = []
        self.found: list[tuple[str, str]] = []  # (where, text)
        self.cells: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = {k: v or "" for k, v in attrs}
        self.stack.append((tag, set(attrs.get("class", "").split()), attrs))
        if tag in ("td", "th"):
            self.cells.append([])

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag == "td" and self.cells:
            cell = self.cells.pop()
            text = " ".join("".join(t for t, _ in cell).split())
            if NAMES.fullmatch(text.strip()):  # a cell that is only a name (an action code, an act, an id)
                pass
            elif NUMBER.fullmatch(
                text.replace("%", "").replace("€", "").replace("\u00a0", "").strip() or "x"
            ) and not all(tagged for _, tagged in cell if _.strip()):
                self.found.append(("table", text))
        elif tag == "th" and self.cells:
            self.cells.pop()

    def _skipped(self) -> bool:
        for tag, classes, attrs in self.stack:
            if tag in SKIP_TAGS or classes & SKIP_CLASSES or attrs.get("id") in SKIP_IDS:
                return True
            if tag == "a" and re.match(r"^[\w\-]*\.html(#|$)|^#", attrs.get("href", "")):
                return True  # cross-references and page links
        return False

    def handle_data(self, data):
        if not data.strip():
            return
        in_num = any("num" in classes for _, classes, _ in self.stack)
        if self.cells and any(tag == "td" for tag, _, _ in self.stack):
            self.cells[-1].append((data, in_num))
            return
        if self._skipped() or not any(tag in PROSE_TAGS for tag, _, _ in self.stack):
            return
        if not any(tag == "main" for tag, _, _ in self.stack):
            return
        text = NAMES.sub(" ", data)
        for match in NUMBER.finditer(text):
            start, end = max(0, match.start() - 30), match.end() + 30
            self.found.append(("prose", text[start:end].strip()))


def untagged_numbers(html: str) -> list[tuple[str, str]]:
    """(where, context) of every number in prose, or whole-number table cell, that carries no kind (none on the
    colophon's page: run metadata)."""
    if 'id="sec-colophon"' in html:
        return []
    page = _Page()
    page.feed(html)
    return page.found


KIND_SPAN = re.compile(r'<span class="num"([^>]*)>(.*?)</span>', re.S)


def spans(html: str) -> list[dict[str, str]]:
    """Every number span of a page: its attributes (data-kind, data-src, data-reconciled) and its text."""
    found = []
    for attrs, text in KIND_SPAN.findall(html):
        entry = dict(re.findall(r'([\w-]+)="([^"]*)"', attrs))
        entry["text"] = re.sub(r"<[^>]+>", "", text)
        found.append(entry)
    return found


if __name__ == "__main__":
    for name in sys.argv[1:]:
        for where, context in untagged_numbers(Path(name).read_text(encoding="utf-8")):
            print(f"{Path(name).name} [{where}]: …{context}…")
