"""Checks of the HTML report as a browser shows it.

A page is loaded once (`load_page`) and described by `PageFacts`, gathered in the browser; every check is a
function that returns a list of problems (empty when the page is fine), so the same check serves the real
tests (nothing found) and the negative tests (the injected fault is named).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

DESKTOP = {"width": 1280, "height": 900}
PHONE_WIDTH = 390
LIST_PAGE = "figure-tabelle.html"

_FACTS_JS = """() => {
  const flat = el => (el ? el.innerText : '').replace(/\\s+/g, ' ').trim();
  const area = el => el.closest('nav.sidebar') ? 'sidebar' : el.closest('nav.page-nav') ? 'page-nav'
    : el.closest('main') ? 'main' : 'other';
  const targets = {}, duplicates = [];
  for (const el of document.querySelectorAll('[id]')) {
    if (el.id in targets) duplicates.push(el.id);
    const label = el.tagName === 'FIGURE' ? el.querySelector('figcaption')
      : el.tagName === 'TABLE' ? el.caption : el;
    targets[el.id] = {tag: el.tagName.toLowerCase(), text: flat(label)};
  }
  const main = document.querySelector('main');
  return {
    lang: document.documentElement.getAttribute('lang') || '',
    number: flat(document.querySelector('h1 .header-section-number')),
    targets, duplicates,
    links: [...document.querySelectorAll('a[href]')].map(a => ({
      href: a.href, raw: a.getAttribute('href'), text: flat(a), area: area(a), rel: a.rel,
      current: a.getAttribute('aria-current') || ''})),
    images: [...document.images].map(i => ({
      src: i.getAttribute('src'), alt: i.getAttribute('alt'), loaded: i.complete && i.naturalWidth > 0})),
    headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => ({
      level: Number(h.tagName[1]), text: flat(h)})),
    tables: [...document.querySelectorAll('table')].map(t => ({
      id: t.id, caption: flat(t.caption), headers: t.querySelectorAll('th').length})),
    code: [...document.querySelectorAll('pre, code')].filter(e => !e.parentElement.closest('pre')).map(e => ({
      tag: e.tagName.toLowerCase(), text: e.innerText,
      classes: [e, e.parentElement, e.firstElementChild].filter(Boolean).map(x => x.className).join(' ')})),
    text: document.body.innerText,
    main_text: main ? main.innerText : '',
    prose: [...(function* () {
      const walker = document.createTreeWalker(main || document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        if (!n.parentElement.closest('pre, code, script, style') && n.parentElement.getClientRects().length)
          yield n.data;
    })()].join(' '),
  };
}"""

_OVERFLOW_JS = """() => {
  const width = window.innerWidth;
  const clipped = el => { for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
    if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX)) return true;
    return false; };
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (el.classList.length ? '.' + [...el.classList].join('.') : '');
  const wide = [...document.body.querySelectorAll('*')].filter(el =>
    el.getBoundingClientRect().right > width + 1 && !clipped(el));
  const outermost = wide.filter(el => !wide.includes(el.parentElement));
  return {scroll: document.scrollingElement.scrollWidth, width, wide: outermost.slice(0, 5).map(name)};
}"""


@dataclass
class PageFacts:
    """What one loaded page shows: gathered once, read by every check."""

    name: str  # file name in the report folder, e.g. "03_indicatori.html"
    lang: str
    number: str  # the chapter's number ("3"; a letter for an appendix; "" when unnumbered)
    targets: dict[str, dict]  # element id -> {"tag", "text"} (caption text for figures and tables)
    duplicates: list[str]
    links: list[dict]  # {"href" (absolute), "local" (relative to the report, None if elsewhere), "raw",
    #                     "text", "area", "rel", "current"}
    images: list[dict]  # {"src", "alt", "loaded"}
    headings: list[dict]  # {"level", "text"}
    tables: list[dict]  # {"id", "caption", "headers"}
    code: list[dict]  # outermost <pre> and inline <code>: {"tag", "text", "classes"}
    text: str  # innerText of the body
    main_text: str  # innerText of <main>
    prose: str  # visible text of <main> outside <pre> and <code>
    errors: list[str] = field(default_factory=list)  # console errors, failed and external requests


def load_page(context: BrowserContext, base_url: str, name: str) -> tuple[Page, PageFacts]:
    """Open ``base_url + name`` in a new tab, recording errors and requests; returns the tab and its facts."""
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(f"console error: {m.text}"))
    page.on("pageerror", lambda e: errors.append(f"script error: {e}"))
    page.on("requestfailed", lambda r: errors.append(f"failed request: {r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and errors.append(f"HTTP {r.status}: {r.url}"))

    def local_only(route):
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            errors.append(f"external request (the report must work offline): {route.request.url}")
            route.abort()

    page.route("**/*", local_only)
    page.goto(base_url + name, wait_until="load")
    facts = PageFacts(name=name, **page.evaluate(_FACTS_JS))
    for link in facts.links:
        link["local"] = link["href"][len(base_url) :] if link["href"].startswith(base_url) else None
    facts.errors = errors
    return page, facts


def _local_target(local: str) -> tuple[str, str]:
    """(file name, fragment) of a link into the report, from its address relative to the report folder."""
    parts = urlsplit(local)
    return unquote(parts.path) or "index.html", unquote(parts.fragment)


def load_problems(facts: PageFacts) -> list[str]:
    """Console errors, script errors, failed requests and requests leaving the machine."""
    return [f"{facts.name}: {error}" for error in facts.errors]


def image_problems(facts: PageFacts) -> list[str]:
    """Images that did not load or have no (or an empty) alternative text."""
    problems = []
    for image in facts.images:
        if not image["loaded"]:
            problems.append(f"{facts.name}: image {image['src']} did not load")
        if not (image["alt"] or "").strip():
            problems.append(f"{facts.name}: image {image['src']} has no alt text")
    return problems


_XREF = re.compile(r"^(Figura|Tabella|Sezione|Capitolo|Appendice) (\S+)$")
_XREF_TAGS = {"Figura": {"figure"}, "Tabella": {"table"}, "Sezione": {"h2", "h3", "h4", "h5", "h6"}}


def _xref_problem(text: str, page: PageFacts, fragment: str) -> str | None:
    """A "Figura 3.1"-style link must land on that figure (table, section, chapter), not just anywhere."""
    match = _XREF.match(text)
    if not match:
        return None
    kind, number = match.groups()
    if kind in ("Capitolo", "Appendice"):
        first = page.headings[0]["text"] if page.headings else ""
        return None if first.startswith(f"{number} ") else f"lands on a page whose title is '{first}'"
    target = page.targets.get(fragment, {})
    expected = f"{kind} {number}:" if kind != "Sezione" else f"{number} "
    if target.get("tag") not in _XREF_TAGS[kind] or not target.get("text", "").startswith(expected):
        return f"lands on <{target.get('tag')}> '{target.get('text', '')[:60]}'"
    return None


def link_problems(pages: dict[str, PageFacts], files: set[str]) -> list[str]:
    """Every link into the report (sidebar, page navigation, cross-references, list of figures and tables)
    must reach an existing page or file and an existing element id, and a cross-reference the right one."""
    problems = []
    for facts in pages.values():
        problems += [f"{facts.name}: duplicate id '{ident}'" for ident in facts.duplicates]
        for link in facts.links:
            where = f"{facts.name}: link '{link['text']}' ({link['raw']})"
            if link["raw"] in ("", "#") or link["raw"].startswith("javascript:"):
                problems.append(f"{where} goes nowhere")
                continue
            if link["local"] is None:
                continue
            name, fragment = _local_target(link["local"])
            if name.endswith(".html"):
                target = pages.get(name)
                if target is None:
                    problems.append(f"{where}: page '{name}' does not exist")
                elif fragment and fragment not in target.targets:
                    problems.append(f"{where}: no element with id '{fragment}' on {target.name}")
                elif (problem := _xref_problem(link["text"], target, fragment)) is not None:
                    problems.append(f"{where}: cross-reference {problem}")
            elif name not in files:
                problems.append(f"{where}: file '{name}' does not exist")
    return problems


def sidebar_order(facts: PageFacts) -> list[str]:
    """The pages listed in a page's sidebar index, in order (section entries of the current page left out)."""
    return [link["raw"] for link in facts.links if link["area"] == "sidebar" and "#" not in link["raw"]]


def navigation_problems(pages: dict[str, PageFacts]) -> list[str]:
    """The sidebar lists every page in the same order on every page and marks the current one; previous/next
    links follow that order."""
    problems = []
    order = sidebar_order(pages["index.html"]) if "index.html" in pages else []
    if sorted(order) != sorted(pages):
        problems.append(f"sidebar lists {order}, the report has {sorted(pages)}")
    for position, name in enumerate(order):
        facts = pages.get(name)
        if facts is None:
            continue
        if sidebar_order(facts) != order:
            problems.append(f"{name}: sidebar order {sidebar_order(facts)} differs from index.html's")
        current = [link["raw"] for link in facts.links if link["area"] == "sidebar" and link["current"] == "page"]
        if current != [name]:
            problems.append(f"{name}: sidebar marks {current} as the current page")
        for rel, other in (("prev", position - 1), ("next", position + 1)):
            expected = [order[other]] if 0 <= other < len(order) else []
            found = [link["raw"] for link in facts.links if link["area"] == "page-nav" and rel in link["rel"].split()]
            if found != expected:
                problems.append(f"{name}: '{rel}' link goes to {found}, expected {expected}")
    return problems


def list_of_figures_problems(pages: dict[str, PageFacts], list_page: str = LIST_PAGE) -> list[str]:
    """The list page names every captioned figure and table of the report once, each entry linked to it."""
    if list_page not in pages:
        return [f"the list of figures and tables ({list_page}) is missing"]
    entries = [link["raw"] for link in pages[list_page].links if link["area"] == "main"]
    problems = [f"{list_page}: '{e}' is listed more than once" for e in sorted(set(entries)) if entries.count(e) > 1]
    for facts in pages.values():
        if facts.name == list_page:
            continue
        for ident, target in facts.targets.items():
            if target["tag"] in ("figure", "table") and f"{facts.name}#{ident}" not in entries:
                problems.append(f"{list_page}: {target['text'][:60] or ident} ({facts.name}#{ident}) is not listed")
    return problems


def heading_problems(facts: PageFacts) -> list[str]:
    """Exactly one h1, first; no heading level skipped."""
    levels = [h["level"] for h in facts.headings]
    problems = []
    if levels.count(1) != 1 or (levels and levels[0] != 1):
        problems.append(f"{facts.name}: {levels.count(1)} h1 headings (one, first, expected)")
    for previous, heading in zip(facts.headings, facts.headings[1:]):
        if heading["level"] > previous["level"] + 1:
            problems.append(f"{facts.name}: h{heading['level']} '{heading['text']}' follows h{previous['level']}")
    return problems


def language_problems(facts: PageFacts, lang: str = "it") -> list[str]:
    return [] if facts.lang == lang else [f"{facts.name}: lang is '{facts.lang}', expected '{lang}'"]


def table_problems(facts: PageFacts) -> list[str]:
    """Every table has header cells."""
    return [
        f"{facts.name}: table {t['id'] or t['caption'][:40] or '(no id)'} has no header cells (th)"
        for t in facts.tables
        if t["headers"] == 0
    ]


_RAW_TEXT = {
    "papermill's injected parameters": re.compile(r"injected-parameters"),
    "a traceback": re.compile(r"Traceback \(most recent call last\)|File \"[^\"]+\", line \d+"),
    "a Python warning": re.compile(r"\b[A-Z]\w*Warning\b|warnings\.warn"),
    "a Python exception": re.compile(r"\b[A-Z]\w*(Error|Exception)\b"),
    "a Python object's repr": re.compile(r"<(Figure|Axes|matplotlib|pandas)\b[^>]*>|<[\w.]+ object at 0x"),
    "a missing value": re.compile(r"\b(NaN|nan|None|NaT|<NA>)\b"),
    "a code fence or Quarto syntax": re.compile(r"```|\{\{<|^#\|", re.M),
    "an import statement": re.compile(r"^\s*(import \w+|from [\w.]+ import \w)", re.M),
}


# snake_case: a column or code name, not Italian; a file name (the name followed by its extension, as the colophon
# lists the input files the reader has) is not one
_IDENTIFIER = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b(?!\.[a-z\u200b]{2,8}\b)")


def raw_text_problems(facts: PageFacts) -> list[str]:
    """Text a reader must never see: code, papermill's parameters, tracebacks, warnings, missing values,
    and in a chapter (appendices document the data files and name their columns) internal identifiers
    outside <pre>/<code>."""
    found = [(what, facts.text, pattern) for what, pattern in _RAW_TEXT.items()]
    if not facts.number.isalpha():
        found.append(("an internal identifier", facts.prose, _IDENTIFIER))
    problems = []
    for what, text, pattern in found:
        for match in pattern.finditer(text):
            context = text[max(0, match.start() - 30) : match.end() + 30].replace("\n", " ")
            problems.append(f"{facts.name}: shows {what}: …{context}…")
    return problems


_PYTHON = re.compile(
    r"^\s*(import \w|from [\w.]+ import |def \w+\(|class \w+[(:]|print\(|return\b|for \w+ in |>>> |%\w+)"
    r"|^\s*[\w.\[\]'\"]+\s*=[^=]|\b\w+\.\w+\(",
    re.M,
)


def code_problems(facts: PageFacts, deliberate_pages: frozenset[str] = frozenset()) -> list[str]:
    """Visible code cells (a <pre> of Python source) and <pre>/<code> blocks that hold Python code,
    except on pages that show code on purpose."""
    if facts.name in deliberate_pages:
        return []
    problems = []
    for block in facts.code:
        first_line = block["text"].strip().split("\n")[0][:60]
        if block["tag"] == "pre" and re.search(r"\bpython\b", block["classes"]):
            problems.append(f"{facts.name}: a code cell is shown: {first_line}")
        elif _PYTHON.search(block["text"]):
            problems.append(f"{facts.name}: <{block['tag']}> holds Python code: {first_line}")
    return problems


def whole_number(number: str) -> re.Pattern:
    """``number`` as a whole figure: "830" is not found in "1.830" or "830,5"."""
    return re.compile(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)")


def number_problems(facts: PageFacts, expected: list[str]) -> list[str]:
    """Each expected number (Italian format) appears in the page's main text as a whole figure."""
    return [
        f"{facts.name}: '{number}' does not appear"
        for number in expected
        if not whole_number(number).search(facts.main_text)
    ]


_ENGLISH_NUMBER = re.compile(r"\b\d+\.\d{1,2} ?%|\b\d{1,3}(,\d{3})+\.\d+\b|\b\d+\.\d+ ?€")


def english_number_problems(facts: PageFacts) -> list[str]:
    """Numbers written the English way (63.1%, 1,234.56, 7.5 €)."""
    return [f"{facts.name}: '{m.group(0)}' is not in Italian format" for m in _ENGLISH_NUMBER.finditer(facts.main_text)]


@contextmanager
def at_width(page: Page, width: int) -> Iterator[Page]:
    """The page laid out ``width`` px wide (a phone held upright), restored afterwards."""
    viewport = page.viewport_size
    page.set_viewport_size({"width": width, "height": 844})
    try:
        yield page
    finally:
        page.set_viewport_size(viewport)


def overflow_problems(page: Page, name: str, width: int = PHONE_WIDTH) -> list[str]:
    """At ``width`` px the body does not scroll sideways (wide tables scroll inside their own box)."""
    with at_width(page, width):
        result = page.evaluate(_OVERFLOW_JS)
    if result["scroll"] <= result["width"]:
        return []
    return [f"{name}: at {width} px the page is {result['scroll']} px wide; too wide: {', '.join(result['wide'])}"]


# axe rules whose outcome depends on the width of the window (the others are checked once, on a desktop)
AXE_LAYOUT_RULES = ["scrollable-region-focusable", "target-size", "meta-viewport", "meta-viewport-large"]


def axe_problems(
    tabs: dict[str, Page], axe_script: Path, rules: list[str] | None = None, impacts=("serious", "critical")
) -> list[str]:
    """axe-core violations of the given impacts (all rules, or ``rules``) in each tab's current layout; axe
    runs in every tab at once, each tab having its own renderer process."""
    options = {"resultTypes": ["violations"], **({"runOnly": {"type": "rule", "values": rules}} if rules else {})}
    for tab in tabs.values():
        if not tab.evaluate("typeof axe !== 'undefined'"):
            tab.add_script_tag(path=str(axe_script))
        tab.evaluate(
            "options => { window.axeViolations = axe.run(document, options).then(r => r.violations); }", options
        )
    problems = []
    for name, tab in tabs.items():
        problems += [
            f"{name}: axe {v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(" ".join(node["target"]) for node in v["nodes"][:3])
            for v in tab.evaluate("() => window.axeViolations")
            if v["impact"] in impacts
        ]
    return problems


def page_files(folder: Path) -> list[str]:
    """The HTML pages of a built report folder."""
    return sorted(p.name for p in folder.glob("*.html"))


def all_files(folder: Path) -> set[str]:
    """Every file of the report folder, as relative POSIX paths (targets of non-page links)."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
