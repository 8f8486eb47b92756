"""Numbering of chapters, sections, figures and tables, and resolution of @fig-/@tbl-/@sec- references.

Chapters are numbered 1, 2, … and appendices A, B, …; headings marked ``{.unnumbered}`` (or ``{-}``)
and the chapters they open are not numbered. Figures and tables are numbered within their chapter
(Figura 3.1, Tabella 3.2), as Quarto books do. A "Tavola" (label ``tav-…``, the original report's boxed
tables) is a kind of its own with its own counter (Tavola 2.1 next to Tabella 2.1), as the custom cross-reference
kind ``tav`` declared in _quarto.yml is for Quarto.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass

from quartieri_erp.rendering.cells import Chapter, Figure, Prose, Table

HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)(?:[ \t]+\{([^}]*)\})?[ \t]*$")
FENCE = re.compile(r"^(```|~~~)")
REFERENCE = re.compile(r"(\[-@|(?<![\w@.\\])@)((?:fig|tbl|tav|sec)-[A-Za-z0-9_-]*[A-Za-z0-9_])(\]?)")
NUMBER_DEPTH = 3
PREFIX = {
    "fig": "Figura",
    "tbl": "Tabella",
    "tav": "Tavola",
    "chapter": "Capitolo",
    "appendix": "Appendice",
    "sec": "Sezione",
}


@dataclass(frozen=True)
class Target:
    """Something a reference can point to."""

    kind: str  # fig | tbl | tav | chapter | appendix | sec
    number: str  # "" when unnumbered
    stem: str  # page it lives on
    title: str

    @property
    def text(self) -> str:
        return f"{PREFIX[self.kind]} {self.number}" if self.number else self.title


@dataclass(frozen=True)
class Heading:
    level: int
    number: str
    title: str
    ident: str
    stem: str


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "sezione"


def _attributes(raw: str | None) -> tuple[str | None, bool, str]:
    """(id, unnumbered, other attributes) of a heading's ``{…}``."""
    ident, unnumbered, rest = None, False, []
    for token in (raw or "").split():
        if token.startswith("#"):
            ident = token[1:]
        elif token in (".unnumbered", "-"):
            unnumbered = True
        else:
            rest.append(token)
    return ident, unnumbered, " ".join(rest)


class Numberer:
    """Walks the chapters in book order, numbering and registering every target."""

    def __init__(self) -> None:
        self.targets: dict[str, Target] = {}
        self.headings: list[Heading] = []
        self.figures: list[tuple[Target, str]] = []  # (target, label)
        self.tables: list[tuple[Target, str]] = []  # Tabelle and Tavole, in book order
        self._chapters = 0
        self._appendices = 0

    def _register(self, label: str, target: Target) -> None:
        if label in self.targets:
            raise ValueError(f"duplicate label '{label}' (in {target.stem} and {self.targets[label].stem})")
        self.targets[label] = target

    def number_chapter(self, chapter: Chapter, appendix: bool, front: bool) -> None:
        """Number the chapter in place: rewrite headings, set figure and table numbers."""
        state = {"chapter": "", "counts": [0] * 6, "fig": 0, "tbl": 0, "tav": 0}
        for block in chapter.blocks:
            if isinstance(block, Prose):
                block.text = self._headings(block.text, chapter.stem, appendix, front, state)
            elif isinstance(block, (Figure, Table)):
                kind = "fig" if isinstance(block, Figure) else block.kind
                if block.label is None:
                    continue
                state[kind] += 1
                block.number = f"{state['chapter']}.{state[kind]}" if state["chapter"] else str(state[kind])
                target = Target(kind, block.number, chapter.stem, block.caption)
                self._register(block.label, target)
                (self.figures if kind == "fig" else self.tables).append((target, block.label))

    def _headings(self, text: str, stem: str, appendix: bool, front: bool, state: dict) -> str:
        out, fenced = [], False
        for line in text.split("\n"):
            if FENCE.match(line):
                fenced = not fenced
            match = None if fenced else HEADING.match(line)
            if not match:
                out.append(line)
                continue
            hashes, title, raw = match.groups()
            level = len(hashes)
            ident, unnumbered, rest = _attributes(raw)
            ident = ident or self._free_id(title)
            number = ""
            if level == 1:
                if not (unnumbered or front):
                    if appendix:
                        self._appendices += 1
                        number = string.ascii_uppercase[self._appendices - 1]
                    else:
                        self._chapters += 1
                        number = str(self._chapters)
                state["chapter"] = number
                state["counts"] = [0] * 6
                kind = "appendix" if appendix else "chapter"
            else:
                kind = "sec"
                if state["chapter"] and not unnumbered and level <= NUMBER_DEPTH:
                    counts = state["counts"]
                    counts[level - 1] += 1
                    counts[level:] = [0] * (6 - level)
                    number = ".".join([state["chapter"], *map(str, counts[1:level])])
            self._register(ident, Target(kind, number, stem, title))
            self.headings.append(Heading(level, number, title, ident, stem))
            shown = f"[{number}]{{.header-section-number}} {title}" if number else title
            classes = " ".join(filter(None, [f"#{ident}", ".unnumbered" if not number else "", rest]))
            out.append(f"{hashes} {shown} {{{classes}}}")
        return "\n".join(out)

    def _free_id(self, title: str) -> str:
        base = f"sec-{slug(title)}"
        ident, n = base, 1
        while ident in self.targets:
            n += 1
            ident = f"{base}-{n}"
        return ident


def resolve_references(text: str, targets: dict[str, Target], href) -> str:
    """Replace @label / [-@label] with links; ``href(target, label)`` builds the link address.

    Raises KeyError naming every label that has no target.
    """
    missing: list[str] = []
    out, fenced = [], False
    for line in text.split("\n"):
        if FENCE.match(line):
            fenced = not fenced
        if fenced:
            out.append(line)
            continue

        def link(match: re.Match) -> str:
            opener, label, closer = match.groups()
            target = targets.get(label)
            if target is None:
                missing.append(label)
                return match.group(0)
            text = target.number if opener == "[-@" and target.number else target.text
            trailing = "" if opener == "[-@" else closer
            return f"[{text}]({href(target, label)}){trailing}"

        out.append(REFERENCE.sub(link, line))
    if missing:
        raise KeyError(", ".join(sorted(set(missing))))
    return "\n".join(out)
