"""What the build stages for a renderer, beyond copying files: the book as real Quarto must read it.

Both renderers read the staged project, so the fixes here hold for both:

- the chapter notebooks sit at the root of the stage, so that Quarto writes their pages next to
  ``index.html`` (``report/03_indicatori.html``, not ``report/notebooks/…``);
- the first Markdown cell of every chapter starts with a blank line: Quarto lifts a level-1 heading
  that opens a notebook into the document title and drops its attributes (quarto-cli issue 8526), so
  ``{.unnumbered}`` and the ``#sec-`` id would be lost;
- a table of an unnumbered front chapter (the Sintesi) is not numbered: its label becomes a plain
  anchor and references to it read "tabella" (Quarto would print "Tabella 0.1");
- a generated page lists every figure, table and Tavola the edition shows (``figure-tabelle.qmd``), and the colophon is the last
  page of the book (``colofone.qmd``).
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

from quartieri_erp.rendering.cells import SKIPPED_TAGS, split_options

LIST_FILE = "figure-tabelle.qmd"
LIST_TITLE = "Elenco delle figure e delle tabelle"
COLOPHON_FILE = "colofone.qmd"
HEADING = re.compile(r"^# .*\{([^}]*)\}\s*$", re.M)
LISTED = ("fig-", "tbl-", "tav-")  # figures, tables and Tavole (the original's boxed tables)
REFERENCE = re.compile(r"(\[-@|(?<![\w@.\\])@)(tbl-[A-Za-z0-9_-]*[A-Za-z0-9_])(\]?)")


def _text(source) -> str:
    return "".join(source) if isinstance(source, list) else source


def first_markdown(nb: dict) -> dict | None:
    return next((c for c in nb["cells"] if c["cell_type"] == "markdown"), None)


def is_unnumbered(nb: dict) -> bool:
    """Whether the chapter's opening heading is marked ``{.unnumbered}`` (a front chapter)."""
    cell = first_markdown(nb)
    match = HEADING.search(_text(cell["source"])) if cell else None
    return bool(match) and any(t in (".unnumbered", "-") for t in match.group(1).split())


def keep_heading_in_body(nb: dict) -> None:
    """Start the chapter's first Markdown cell with a blank line, so Quarto does not lift its heading."""
    cell = first_markdown(nb)
    if cell is not None and not _text(cell["source"]).startswith("\n"):
        cell["source"] = "\n" + _text(cell["source"])


CALLOUT_LEAD = re.compile(r'(::: \{\.callout-[\w-]+ title="([^"]+)"\}\n)\*\*\2\.?\*\*[ \t]*')


def drop_repeated_callout_titles(nb: dict) -> None:
    """A callout whose body opens with its own title in bold ("**Dati sintetici.**") would show the title
    twice in Quarto, which prints ``title`` as the callout's header; keep the header only (the offline
    renderer prints the title too, see its Lua filters)."""
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/markdown" in data:
                data["text/markdown"] = CALLOUT_LEAD.sub(r"\1", _text(data["text/markdown"]))


def anchor(label: str) -> str:
    """The plain anchor an unnumbered table keeps instead of its ``tbl-`` label."""
    return "tab-" + label.removeprefix("tbl-")


def unnumber_tables(nb: dict) -> list[str]:
    """Turn the labelled tables of a front chapter into captioned, unnumbered tables; returns their labels.

    The ``label``/``tbl-cap`` options leave the cell; the caption goes under the Markdown table as
    pandoc's ``: caption`` line, with an empty span carrying the anchor; references become links.
    """
    labels = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        options, code = split_options(_text(cell["source"]))
        label = str(options.get("label", ""))
        if not label.startswith("tbl-"):
            continue
        caption = str(options.pop("tbl-cap", ""))
        options.pop("label")
        rest = "".join(f"#| {k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in options.items())
        cell["source"] = rest + code
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/markdown" in data:
                table = _text(data["text/markdown"]).rstrip("\n")
                data["text/markdown"] = f"[]{{#{anchor(label)}}}\n\n{table}\n\n: {caption}\n"
                break
        labels.append(label)
    if labels:
        _relink(nb, labels)
    return labels


def _relink(nb: dict, labels: list[str]) -> None:
    def link(match: re.Match) -> str:
        opener, label, closer = match.groups()
        if label not in labels:
            return match.group(0)
        return f"[tabella](#{anchor(label)})" + ("" if opener == "[-@" else closer)

    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            cell["source"] = REFERENCE.sub(link, _text(cell["source"]))
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/markdown" in data:
                data["text/markdown"] = REFERENCE.sub(link, _text(data["text/markdown"]))


def captioned(nb: dict, defaults: dict) -> list[tuple[str, str]]:
    """(label, caption) of every labelled figure, table and Tavola an executed notebook shows, in order."""
    found = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "code" or SKIPPED_TAGS & set(cell.get("metadata", {}).get("tags", [])):
            continue
        options = {**defaults, **split_options(_text(cell["source"]))[0]}
        label = str(options.get("label", ""))
        if options.get("include") is False or not label.startswith(LISTED):
            continue
        shown = "image/png" if label.startswith("fig-") else "text/markdown"
        if not any(shown in output.get("data", {}) for output in cell.get("outputs", [])):
            continue  # a labelled cell that shows nothing in this edition (e.g. a finding of real data only)
        if label.startswith("fig-"):
            caption = options.get("fig-cap", "")
        else:  # a Tavola takes tbl-cap or tav-cap, as in rendering.cells
            caption = options.get("tbl-cap", options.get("tav-cap", ""))
        found.append((label, str(caption)))
    return found


def list_page(items: list[tuple[str, str]]) -> str:
    """The list of figures, tables and Tavole as Quarto Markdown: each entry a cross-reference and its caption
    (the Tavole section only when the book has any, as in rendering.markdown.lists_markdown)."""

    def entries(prefix: str) -> str:
        return "\n".join(f"- @{label}: {caption}" for label, caption in items if label.startswith(prefix))

    tavole = entries("tav-")
    return (
        f"# {LIST_TITLE} {{#sec-elenco-figure-tabelle .unnumbered}}\n\n"
        f"## Figure {{#sec-elenco-figure .unnumbered}}\n\n{entries('fig-') or 'Nessuna.'}\n\n"
        f"## Tabelle {{#sec-elenco-tabelle .unnumbered}}\n\n{entries('tbl-') or 'Nessuna.'}\n"
        + (f"\n## Tavole {{#sec-elenco-tavole .unnumbered}}\n\n{tavole}\n" if tavole else "")
    )


def stage_notebooks(stage: Path, files: list[str], appendices: set[str], defaults: dict) -> list[tuple[str, str]]:
    """Write the Quarto-ready copy of each executed notebook (``stage/notebooks/X``) to ``stage/X``;
    returns the labelled figures and tables of the book, in order."""
    items = []
    for file in files:
        source = stage / file
        nb = json.loads(source.read_text(encoding="utf-8"))
        staged = copy.deepcopy(nb)
        keep_heading_in_body(staged)
        drop_repeated_callout_titles(staged)
        if file not in appendices and is_unnumbered(staged):
            unnumber_tables(staged)
        items += captioned(staged, defaults)
        (stage / Path(file).name).write_text(json.dumps(staged, ensure_ascii=False, indent=1), encoding="utf-8")
    return items


def staged_chapters(book: dict) -> dict:
    """``book.chapters``/``book.appendices`` of the staged _quarto.yml: notebooks at the root, the list of
    figures and tables after the title page, the colophon last."""
    chapters = [Path(f).name if f.endswith(".ipynb") else f for f in book.get("chapters") or []]
    appendices = [Path(f).name if f.endswith(".ipynb") else f for f in book.get("appendices") or []]
    return {**book, "chapters": [chapters[0], LIST_FILE, *chapters[1:]], "appendices": [*appendices, COLOPHON_FILE]}
