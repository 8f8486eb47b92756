"""Checks of the PDF report as a reader gets it: text, bookmarks, table of contents, captions, fonts,
rendering and margins. Every check returns a list of problems (empty when the PDF is fine)."""

from __future__ import annotations

import functools
import re
import subprocess
from pathlib import Path

import numpy as np
from pypdf import PdfReader

from browser_checks import whole_number

CM = 72 / 2.54  # PDF points per centimetre
INK = 230  # a grey level (0-255) darker than this is ink (anti-aliased text at low resolution is light)


def squash(text: str) -> str:
    """Text without spaces and hyphens, to find a title that the page wraps or hyphenates."""
    return re.sub(r"[\s\-\u2010\u2060\u00ad]", "", normalize(text))


def normalize(text: str) -> str:
    """Text compared across HTML, outline and page text: one space between words, plain apostrophes."""
    text = text.replace("\u2060", "").replace("\u00ad", "").replace("’", "'").replace("‘", "'")
    return " ".join(text.split())


def page_texts(pdf: Path) -> list[str]:
    """The text of each page, as poppler's pdftotext extracts it (once per version of the file)."""
    stat = pdf.stat()
    return list(_page_texts(str(pdf), stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=4)
def _page_texts(path: str, mtime_ns: int, size: int) -> tuple[str, ...]:
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True, check=True)
    return tuple(result.stdout.split("\f")[:-1])  # pdftotext ends every page with a form feed


def text_problems(pdf: Path) -> list[str]:
    """Every page has extractable text, and the first page shows the document's title."""
    reader = PdfReader(pdf)
    texts = page_texts(pdf)
    problems = [f"page {n}: no extractable text" for n, text in enumerate(texts, 1) if not text.strip()]
    title = (reader.metadata or {}).get("/Title", "")
    if not title:
        problems.append("the PDF has no title in its metadata")
    elif texts and normalize(title) not in normalize(texts[0]):
        problems.append(f"the first page does not show the title '{title}'")
    return problems


def outline(pdf: Path) -> list[tuple[str, int]]:
    """Top-level bookmarks: (title, 0-based page index)."""
    reader = PdfReader(pdf)
    return [
        (item.title, reader.get_destination_page_number(item)) for item in reader.outline if not isinstance(item, list)
    ]


def outline_problems(pdf: Path, expected_titles: list[str]) -> list[str]:
    """The PDF has bookmarks; each lands on a page showing its title; every expected title has one."""
    entries = outline(pdf)
    if not entries:
        return ["the PDF has no bookmarks (outline)"]
    texts = [squash(t) for t in page_texts(pdf)]
    problems = [
        f"bookmark '{title}' lands on page {index + 1}, which does not show it"
        for title, index in entries
        if squash(title) not in texts[index]
    ]
    titles = {normalize(title) for title, _ in entries}
    problems += [f"no bookmark for '{title}'" for title in expected_titles if normalize(title) not in titles]
    return problems


def page_numbers(pdf: Path, footer_height: float) -> list[str]:
    """The number printed in each page's footer (the bottom ``footer_height`` points), "" when none."""
    box = PdfReader(pdf).pages[0].mediabox
    width, height = int(float(box.width)), int(float(box.height))
    crop = ["-x", "0", "-y", str(height - int(footer_height)), "-W", str(width), "-H", str(int(footer_height))]
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *crop, str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return [text.strip() if text.strip().isdigit() else "" for text in result.stdout.split("\f")[:-1]]


def toc_problems(pdf: Path, margins: dict[str, float]) -> list[str]:
    """A table of contents headed "Indice" lists every top-level bookmark with the page number printed (in
    the bottom margin) on the page that bookmark lands on."""
    texts = page_texts(pdf)
    start = next((n for n, text in enumerate(texts) if text.lstrip().startswith("Indice")), None)
    if start is None:
        return ["no table of contents page headed 'Indice'"]
    entries = outline(pdf)
    numbers = page_numbers(pdf, margins["bottom"])
    end = min([index for _, index in entries if index > start], default=len(texts))
    toc = normalize(" ".join(texts[start:end]))
    problems = []
    for title, index in entries:
        match = re.search(re.escape(normalize(title)) + r"[ .]*?(\d+)\b", toc)
        if match is None:
            problems.append(f"the table of contents does not list '{title}'")
        elif match.group(1) != numbers[index]:
            problems.append(
                f"the table of contents gives page {match.group(1)} for '{title}', "
                f"which is on the page numbered {numbers[index] or '(none)'}"
            )
    return problems


_ENGLISH_CAPTION = re.compile(r"\b(Figure|Fig\.|Table|Tab\.)\s*\d+(\.\d+)*")


def caption_problems(pdf: Path, labels: list[str]) -> list[str]:
    """Captions are Italian: no "Figure 1"/"Table 1"; each label ("Figura 3.1") opens a caption and an entry
    of the list of figures and tables (so it appears at least twice followed by a colon)."""
    text = normalize(" ".join(page_texts(pdf)))
    problems = [f"English caption or reference '{m.group(0)}'" for m in _ENGLISH_CAPTION.finditer(text)]
    problems += [
        f"'{label}:' appears {text.count(label + ':')} time(s), expected a caption and a list entry"
        for label in labels
        if text.count(label + ":") < 2
    ]
    return problems


def number_problems(pdf: Path, numbers: list[str]) -> list[str]:
    """Each number (Italian format) appears in the PDF's text as a whole figure."""
    text = normalize(" ".join(page_texts(pdf)))
    return [f"'{number}' does not appear" for number in numbers if not whole_number(number).search(text)]


def font_problems(pdf: Path) -> list[str]:
    """Every font is embedded (pdffonts' "emb" column, fifth from the right)."""
    result = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True)
    if result.returncode != 0:
        return [f"pdffonts failed: {result.stderr.strip()}"]
    rows = [line.split() for line in result.stdout.splitlines()[2:]]
    return [f"font {row[0]} is not embedded" for row in rows if row[-5] != "yes"]


def render(pdf: Path, out_dir: Path, dpi: int = 50) -> tuple[list[str], list[Path]]:
    """Render every page with pdftoppm as greyscale images; returns (problems, one image per page)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", str(pdf), str(out_dir / "page")], capture_output=True, text=True
    )
    images = sorted(out_dir.glob("page-*.pgm"))
    problems = [f"pdftoppm: {line}" for line in result.stderr.splitlines() if line.strip()]
    if result.returncode != 0:
        problems.append(f"pdftoppm exited with {result.returncode}")
    try:
        pages = len(PdfReader(pdf).pages)
    except Exception as error:  # noqa: BLE001 - any reading failure is the finding
        return [*problems, f"pypdf cannot read the PDF: {error}"], images
    if len(images) != pages:
        problems.append(f"{len(images)} of {pages} pages rendered")
    problems += [f"{image.name} is blank" for image in images if read_pgm(image).min() >= INK]
    return problems, images


def read_pgm(path: Path) -> np.ndarray:
    """A binary 8-bit PGM (pdftoppm -gray) as a 2-D array of grey levels."""
    data = path.read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)  # one whitespace byte before the pixels
    width, height = int(header.group(1)), int(header.group(2))
    return np.frombuffer(data, dtype=np.uint8, count=width * height, offset=header.end()).reshape(height, width)


def template_margins(report_typ: Path) -> dict[str, float]:
    """Page margins (left, right, top, bottom, in points) set by the Typst template."""
    match = re.search(
        r"margin:\s*\(x:\s*([\d.]+)cm,\s*top:\s*([\d.]+)cm,\s*bottom:\s*([\d.]+)cm\)",
        report_typ.read_text(encoding="utf-8"),
    )
    if match is None:
        raise ValueError(f"no 'margin: (x: …cm, top: …cm, bottom: …cm)' in {report_typ}")
    x, top, bottom = (float(v) * CM for v in match.groups())
    return {"left": x, "right": x, "top": top, "bottom": bottom}


def margin_ink_problems(
    images: list[Path],
    page_size: tuple[float, float],
    margins: dict[str, float],
    tolerance: float = 0.3 * CM,
    footer_width: float = 3 * CM,
) -> list[str]:
    """No ink in the page margins, except the centred page number in the bottom margin.

    ``page_size`` and ``margins`` are in points; a strip ``tolerance`` wide next to the text area is allowed.
    """
    problems = []
    for number, image in enumerate(images, 1):
        pixels = read_pgm(image)
        height, width = pixels.shape
        sx, sy = width / page_size[0], height / page_size[1]
        left, right = int((margins["left"] - tolerance) * sx), width - int((margins["right"] - tolerance) * sx)
        top, bottom = int((margins["top"] - tolerance) * sy), height - int((margins["bottom"] - tolerance) * sy)
        centre = slice(int((width - footer_width * sx) / 2), int((width + footer_width * sx) / 2))
        footer = pixels[bottom:].copy()
        footer[:, centre] = 255
        strips = {"left": pixels[:, :left], "right": pixels[:, right:], "top": pixels[:top], "bottom": footer}
        problems += [
            f"page {number}: ink in the {side} margin" for side, strip in strips.items() if (strip < INK).any()
        ]
    return problems


def _concat(m: tuple, ctm: tuple) -> tuple:
    """The matrix ``m`` applied before ``ctm`` (PDF's ``cm`` operator), both as (a, b, c, d, e, f)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = ctm
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _images_drawn(page) -> list[tuple[str, tuple[float, float, float, float]]]:
    """(name, (x0, y0, x1, y1)) of each image XObject drawn by the page's own content stream."""
    xobjects = page["/Resources"].get("/XObject", {}) if "/Resources" in page else {}
    if not xobjects:
        return []
    drawn, ctm, saved = [], (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), []
    for operands, operator in page.get_contents().operations:
        if operator == b"q":
            saved.append(ctm)
        elif operator == b"Q":
            ctm = saved.pop()
        elif operator == b"cm":
            ctm = _concat(tuple(float(v) for v in operands), ctm)
        elif operator == b"Do" and xobjects[operands[0]].get_object().get("/Subtype") == "/Image":
            a, b, c, d, e, f = ctm
            xs, ys = (e, e + a, e + c, e + a + c), (f, f + b, f + d, f + b + d)
            drawn.append((operands[0], (min(xs), min(ys), max(xs), max(ys))))
    return drawn


def image_placement_problems(pdf: Path, margins: dict[str, float], tolerance: float = 1.0) -> list[str]:
    """Every image lies inside the text area (page minus margins, ``tolerance`` points of slack)."""
    problems = []
    for number, page in enumerate(PdfReader(pdf).pages, 1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        area = (margins["left"], margins["bottom"], width - margins["right"], height - margins["top"])
        for name, (x0, y0, x1, y1) in _images_drawn(page):
            if (
                x0 < area[0] - tolerance
                or y0 < area[1] - tolerance
                or x1 > area[2] + tolerance
                or y1 > area[3] + tolerance
            ):
                problems.append(
                    f"page {number}: image {name} at ({x0:.0f}, {y0:.0f})-({x1:.0f}, {y1:.0f}) pt "
                    f"leaves the text area ({area[0]:.0f}, {area[1]:.0f})-({area[2]:.0f}, {area[3]:.0f})"
                )
    return problems


def page_fill(images: list[Path], page_size: tuple[float, float], margins: dict[str, float]) -> list[float]:
    """How far down its text area each page is inked (0 = empty, 1 = full to the bottom), footer aside."""
    fills = []
    for image in images:
        pixels = read_pgm(image)
        height = pixels.shape[0]
        sy = height / page_size[1]
        top, bottom = int(margins["top"] * sy), height - int(margins["bottom"] * sy)
        rows = np.flatnonzero((pixels[top:bottom] < INK).any(axis=1))
        fills.append(0.0 if rows.size == 0 else (rows[-1] + 1) / (bottom - top))
    return fills


def chapter_starts(pdf: Path) -> set[int]:
    """0-based indexes of the pages on which a top-level bookmark (a chapter, appendix or list) lands."""
    return {index for _, index in outline(pdf)}


def near_empty_page_problems(fills: list[float], starts: set[int], least: float = 1 / 3) -> list[str]:
    """Pages inside a chapter filled less than ``least`` of their text area; the page before a chapter
    start (a chapter's last page), the title page and the last page are allowed to be short."""
    return [
        f"page {n + 1} is only {fill:.0%} full"
        for n, fill in enumerate(fills)
        if fill < least and n > 0 and n + 1 not in starts and n + 1 < len(fills)
    ]


def table_split_problems(pdf: Path, least_lines: int = 3) -> list[str]:
    """Tables that break to the next page before their third row: a page whose last caption "Tabella …:"
    is followed by fewer than ``least_lines`` lines under the header that the next page repeats."""
    pages = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")[:-1]
    problems = []
    for number, (page, following) in enumerate(zip(pages, pages[1:]), 1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if lines and lines[-1].isdigit():
            lines = lines[:-1]  # the page number
        captions = [i for i, line in enumerate(lines) if re.match(r"Tabella [\w.]+:", line)]
        nxt = [line.strip() for line in following.splitlines() if line.strip()]
        if not captions or not nxt:
            continue
        after = lines[captions[-1] + 1 :]
        if nxt[0] in after:  # the next page starts with the repeated header of this table
            rows = len(after) - after.index(nxt[0]) - 1
            if rows < least_lines:
                problems.append(f"page {number}: '{lines[captions[-1]][:50]}' breaks after {rows} line(s)")
    return problems


def _struct_elements(node, found: list) -> None:
    node = node.get_object()
    if isinstance(node, list) or hasattr(node, "__iter__") and not hasattr(node, "keys"):
        for child in node:
            _struct_elements(child, found)
        return
    if not hasattr(node, "keys"):
        return
    if node.get("/S") is not None:
        found.append(node)
    kids = node.get("/K")
    if kids is not None:
        _struct_elements(kids, found)


def accessibility_problems(pdf: Path) -> list[str]:
    """PDF/UA-1: identification in the XMP metadata, Italian as the document language, a tagged structure
    in which every figure has alternative text, and as many tagged figures as drawn images."""
    reader = PdfReader(pdf)
    root = reader.trailer["/Root"]
    problems = []
    metadata = root.get("/Metadata")
    xmp = metadata.get_object().get_data().decode("utf-8", "replace") if metadata else ""
    if not re.search(r"pdfuaid:part>\s*1\s*<|pdfuaid:part=\"1\"", xmp):
        problems.append("no PDF/UA-1 identification (pdfuaid:part 1) in the XMP metadata")
    if str(root.get("/Lang", "")) != "it":
        problems.append(f"document language is '{root.get('/Lang')}', expected 'it'")
    if "/StructTreeRoot" not in root:
        return problems + ["the PDF is not tagged (no structure tree)"]
    elements: list = []
    _struct_elements(root["/StructTreeRoot"], elements)
    figures = [e for e in elements if e.get("/S") == "/Figure"]
    problems += [
        f"tagged figure {n} has no alternative text"
        for n, e in enumerate(figures, 1)
        if not str(e.get("/Alt", "")).strip()
    ]
    drawn = sum(len(_images_drawn(page)) for page in reader.pages)
    if len(figures) < drawn:
        problems.append(f"{drawn} images drawn, {len(figures)} tagged as figures")
    return problems


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def overlap_problems(pdf: Path, tolerance: float = 2.0) -> list[str]:
    """No word is printed over another (poppler's word boxes overlapping by more than ``tolerance`` points in both
    directions): a caption over the last line of the paragraph before, a long name over the next column."""
    result = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True)
    problems = []
    for number, page in enumerate(result.stdout.split("<page ")[1:], 1):
        words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in _WORD.findall(page)]
        for i, (x0, y0, x1, y1, word) in enumerate(words):
            for a0, b0, a1, b1, other in words[i + 1 : i + 80]:  # words close in reading order
                if min(y1, b1) - max(y0, b0) > tolerance and min(x1, a1) - max(x0, a0) > tolerance:
                    problems.append(f"page {number}: '{word}' overlaps '{other}'")
    return problems
