"""The prose is written anew: no run of words of the source documents reaches the report, except what the
curated data carry over on purpose (titles of acts and calls, names of projects and bodies)."""

import html
import re
from pathlib import Path

import pytest

from conftest import ROOT

SOURCES = ROOT.parent / "shared" / "sources"
RUN = 12  # words: a sentence fragment, longer than the official names the data carry (plus a word or two)
pytestmark = pytest.mark.skipif(not SOURCES.is_dir(), reason=f"source documents not found in {SOURCES}")


def words(text: str) -> list[str]:
    """Lower-case words without numbers (numbers are data; the test is about sentences)."""
    text = html.unescape(text).replace("\u2019", "'").lower()
    return re.findall(r"[a-zàèéìíòóùú]+", text)


def runs(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


def prose(page: Path) -> list[str]:
    """The paragraphs and list items of a page (headings, captions and table cells are names and data)."""
    raw = page.read_text(encoding="utf-8")
    main = re.sub(r"<table.*?</table>", " ", raw[raw.index("<main") : raw.index("</main>")], flags=re.S)
    return [re.sub(r"<[^>]+>", " ", block) for block in re.findall(r"<(?:p|li)\b.*?</(?:p|li)>", main, flags=re.S)]


def test_no_sentence_of_the_sources_is_reproduced(built_report):
    source = set().union(*(runs(words(p.read_text(encoding="utf-8"))) for p in SOURCES.glob("0*.txt")))
    carried = set().union(
        *(runs(words(p.read_text(encoding="utf-8"))) for p in (ROOT / "data" / "programme").glob("*.csv"))
    )
    copied = {}
    for page in sorted((built_report / "report").glob("*.html")):
        shared = set().union(*(runs(words(block)) for block in prose(page))) & source - carried
        if shared:
            copied[page.name] = sorted(" ".join(run) for run in shared)[:3]
    assert not copied, f"runs of {RUN} words copied from the sources: {copied}"
