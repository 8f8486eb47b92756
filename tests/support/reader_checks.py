"""Checks of what a reader does with the served HTML report: search, PDF and CSV downloads, phone layout.

Each check returns a list of problems (empty when all is well), like ``browser_checks``.
"""

from __future__ import annotations

import csv
import io
import math
import re
import struct
import zlib
from pathlib import Path

PDF_NAME = "rapporto-quartieri-erp.pdf"
PAGES_WITHOUT_DATA = {"index.html", "figure-tabelle.html", "colofone.html"}  # no data tables or charts
# The data dictionary's uncaptioned tables list the columns of each input file (its schema, not data).
SCHEMA_PAGE = "A2_dizionario_dati.html"

_DOWNLOADS_JS = """() => [...document.querySelectorAll('main table, main figure')].map(el => {
  const box = el.tagName === 'TABLE' ? (el.closest('.table-scroll') || el) : el;
  const next = box.nextElementSibling;
  const link = next ? next.querySelector('a.csv-link') : null;
  const rows = el.tagName === 'TABLE' ? [...el.querySelectorAll('tbody tr')].map(
    tr => [...tr.children].map(td => td.innerText.trim())) : [];
  const heads = el.tagName === 'TABLE' ? [...el.querySelectorAll('thead th')].map(th => th.innerText.trim()) : [];
  const what = el.tagName === 'TABLE' ? (el.caption ? el.caption.innerText : '(tabella)')
    : ((el.querySelector('figcaption') || {}).innerText || '(figura)');
  return {tag: el.tagName.toLowerCase(), what: what.slice(0, 60), href: link ? link.getAttribute('href') : null,
          heads, rows};
})"""


def downloads(tab) -> list[dict]:
    """Every table and figure of a page's main text with the CSV link under it (``href`` None if absent)."""
    return tab.evaluate(_DOWNLOADS_JS)


def italian_number(text: str) -> tuple[float, int, bool] | None:
    """(value, decimals shown, is a percentage) of a cell such as '7.827.051,51 €', '63,1%', '830'; None
    when the cell is not a single number."""
    match = re.fullmatch(r"(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*(%|€)?", text.replace("\xa0", " ").strip())
    if not match:
        return None
    sign, whole, decimals, unit = match.groups()
    value = float(whole.replace(".", "") + ("." + decimals if decimals else ""))
    return (-value if sign else value), len(decimals or ""), unit == "%"


def _matches(shown: tuple[float, int, bool], raw: str) -> bool:
    value, decimals, percent = shown
    try:
        number = float(raw)
    except ValueError:
        return False
    tolerance = 0.5 * 10**-decimals + 1e-9
    candidates = [number, number * 100] if percent else [number]
    return any(math.isclose(c, value, abs_tol=tolerance) for c in candidates)


def csv_problems(name: str, item: dict, body: bytes | None) -> list[str]:
    """The CSV under a table has its rows and, cell by cell, the numbers the table shows."""
    where = f"{name}: {item['tag']} '{item['what']}'"
    if item["href"] is None:
        return [f"{where} has no CSV link"]
    if body is None:
        return [f"{where}: {item['href']} does not download"]
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    if len(rows) < 2:
        return [f"{where}: {item['href']} holds no data"]
    if item["tag"] != "table":
        return []
    header, data = rows[0], rows[1:]
    problems = []
    if item["heads"] and [h.strip() for h in header] != item["heads"]:
        problems.append(f"{where}: CSV columns {header} differ from the table's {item['heads']}")
    if len(data) != len(item["rows"]):
        return problems + [f"{where}: {len(data)} CSV rows for {len(item['rows'])} table rows"]
    for r, (shown_row, raw_row) in enumerate(zip(item["rows"], data), 1):
        for c, (shown, raw) in enumerate(zip(shown_row, raw_row)):
            number = italian_number(shown)
            if number is not None and raw.strip() and raw.strip() != shown and not _matches(number, raw):
                problems.append(f"{where}: row {r}, column {c + 1} shows '{shown}', the CSV has '{raw}'")
    return problems


def png_text(path: Path) -> dict[str, str]:
    """The tEXt chunks of a PNG file."""
    data, found, position = path.read_bytes(), {}, 8
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        chunk = data[position + 8 : position + 8 + length]
        if kind == b"tEXt":
            key, _, value = chunk.partition(b"\0")
            found[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"zTXt":
            key, _, rest = chunk.partition(b"\0")
            found[key.decode("latin-1")] = zlib.decompress(rest[1:]).decode("latin-1")
        position += 12 + length
    return found


_IMAGES_JS = """() => [...document.querySelectorAll('main img')].map(img => ({
  src: img.getAttribute('src'), shown: img.getBoundingClientRect().width, natural: img.naturalWidth}))"""


def chart_text_problems(tab, name: str, folder: Path, smallest_px: float = 9.0) -> list[str]:
    """The smallest text of every chart, as laid out now, is at least ``smallest_px`` CSS px (from the
    font size and resolution each PNG records)."""
    problems = []
    for image in tab.evaluate(_IMAGES_JS):
        meta = png_text(folder / image["src"])
        if "quartieri-erp:min-font-pt" not in meta:
            problems.append(f"{name}: {image['src']} does not record its smallest font size")
            continue
        natural_px = float(meta["quartieri-erp:min-font-pt"]) / 72 * float(meta["quartieri-erp:dpi"])
        shown_px = natural_px * image["shown"] / image["natural"]
        if shown_px < smallest_px - 0.05:
            problems.append(f"{name}: {image['src']}: smallest chart text {shown_px:.1f} px (< {smallest_px} px)")
    return problems


_CLIPPED_JS = """() => {
  const width = window.innerWidth, out = [];
  for (const el of document.querySelectorAll('main caption, main figcaption')) {
    const r = el.getBoundingClientRect();
    let clip = null;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX)) { clip = a.getBoundingClientRect(); break; }
    }
    const right = Math.min(width, clip ? clip.right : width), left = Math.max(0, clip ? clip.left : 0);
    if (r.right > right + 1 || r.left < left - 1) out.push(el.innerText.slice(0, 60));
  }
  return out;
}"""


def clipped_caption_problems(tab, name: str) -> list[str]:
    """Captions that do not fit in the window or in the scroll box around them."""
    return [f"{name}: caption clipped: '{text}'" for text in tab.evaluate(_CLIPPED_JS)]


_KEY_COLUMN_JS = """() => [...document.querySelectorAll('main table')].flatMap(t => {
  const width = window.innerWidth, cells = [...t.querySelectorAll('tr > :first-child')];
  const box = t.closest('.table-scroll');
  const out = [];
  for (const end of [0, 1]) {
    if (box) box.scrollLeft = end ? box.scrollWidth : 0;
    const hidden = cells.filter(c => { const r = c.getBoundingClientRect(); return r.left < -1 || r.right > width + 1; });
    if (hidden.length) out.push((t.caption ? t.caption.innerText : '(tabella)').slice(0, 60) + (end ? ' (scrolled)' : ''));
  }
  if (box) box.scrollLeft = 0;
  return out.slice(0, 1);
})"""


def key_column_problems(tab, name: str) -> list[str]:
    """Tables whose first (key) column leaves the window, before or after scrolling the table sideways."""
    return [f"{name}: key column out of view: '{text}'" for text in tab.evaluate(_KEY_COLUMN_JS)]
