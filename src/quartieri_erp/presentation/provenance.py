"""Where a number comes from: its kind and its source, carried with the value up to the formatter.

Every number a reader sees is of one kind:

- ``published``: printed in the 2021 report (source 000), shown as printed;
- ``derived``: computed only from published values (a Wilson interval from published counts, a sum);
- ``monitoring``: computed from the monitoring data of this edition; ``reconciled`` names the published
  value it equals, when it does;
- ``curated``: a fact of ``data/programme`` taken from another document, or chosen by the curators.

A ``Sourced`` is a float that remembers its ``Source``; arithmetic between sourced values keeps a source
(``combine``), so a difference of two published counts is ``derived`` and anything touched by monitoring data
is ``monitoring``. The formatters of ``quartieri_erp.presentation.formatting`` turn a sourced value into a Markdown span
that carries the kind into the HTML (``quartieri_erp.presentation.markup.number``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

KINDS = ("published", "derived", "monitoring", "curated")
KIND_LABELS = {
    "published": "pubblicato",
    "derived": "derivato da valori pubblicati",
    "monitoring": "dati di monitoraggio",
    "curated": "dato curato",
}
REPORT = "000"  # the document id of the published report in documents.csv
REPORT_NAME = "Rapporto 2021"


@dataclass(frozen=True)
class Source:
    """The kind of a number and the reader-facing reference of where it comes from."""

    kind: str
    ref: str = ""
    reconciled: str = ""  # for a monitoring value equal to a published one: the published reference

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind of number {self.kind!r}: one of {', '.join(KINDS)}")

    def describe(self) -> str:
        """The text shown on hover: 'pubblicato — Rapporto 2021, Tabella 3.1'."""
        text = f"{KIND_LABELS[self.kind]} — {self.ref}" if self.ref else KIND_LABELS[self.kind]
        return f"{text} (come pubblicato: {self.reconciled})" if self.reconciled else text


def published(ref: str) -> Source:
    return Source("published", ref)


def derived(ref: str) -> Source:
    return Source("derived", ref)


def monitoring(ref: str, reconciled: str = "") -> Source:
    return Source("monitoring", ref, reconciled)


def curated(ref: str) -> Source:
    return Source("curated", ref)


def combine(*sources: Source | None) -> Source | None:
    """The source of a value computed from values of these sources (None for unsourced operands).

    Monitoring wins; published with published (or derived) gives derived; curated with anything else
    not monitoring gives curated. An unsourced operand (a constant such as 100) does not change the kind.
    """
    known = [s for s in sources if s is not None]
    if not known:
        return None
    kinds = {s.kind for s in known}
    ref = "; ".join(dict.fromkeys(s.ref for s in known if s.ref))
    if "monitoring" in kinds:
        return Source("monitoring", ref)
    if "curated" in kinds:
        return Source("curated", ref)
    if len(known) == 1:
        return known[0]
    return Source("derived", ref)


def _source_of(value) -> Source | None:
    return value.source if isinstance(value, Sourced) else None


def _binary(name: str):
    def op(self, other):
        result = getattr(float, name)(self, other)
        if result is NotImplemented:
            return result
        return Sourced(result, combine(self.source, _source_of(other)))

    op.__name__ = name
    return op


class Sourced(float):
    """A float with a ``Source``. Arithmetic keeps a combined source (see ``combine``)."""

    __slots__ = ("source",)

    def __new__(cls, value: float, source: Source | None):
        obj = super().__new__(cls, value)
        obj.source = source
        return obj

    def __repr__(self) -> str:
        return f"Sourced({float(self)!r}, {self.source!r})"

    for _name in (
        "__add__",
        "__radd__",
        "__sub__",
        "__rsub__",
        "__mul__",
        "__rmul__",
        "__truediv__",
        "__rtruediv__",
        "__floordiv__",
        "__pow__",
    ):
        locals()[_name] = _binary(_name)
    del _name

    def __neg__(self):
        return Sourced(-float(self), self.source)

    def __abs__(self):
        return Sourced(abs(float(self)), self.source)


def sourced(value, source: Source | None) -> Sourced | float:
    """``value`` as a ``Sourced`` (NaN and None stay plain NaN: a missing number has no source)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return math.nan
    return Sourced(float(value), source)


def total(values: Iterable, source: Source | None = None) -> Sourced:
    """The sum of ``values``, sourced by ``source`` or by the combination of the values' sources."""
    values = list(values)
    return Sourced(math.fsum(float(v) for v in values), source or combine(*map(_source_of, values)))


def source_of(value) -> Source | None:
    """The ``Source`` of a value, or None."""
    return _source_of(value)


# --- Reader-facing references from the `source` cells of data/programme -------------------------------------

LINE_REF = re.compile(r",?\s*\bll?\.\s*[\d\s,\-–]+(?=;|$|\))")


SECTION_REF = re.compile(r"§\s*(\d+(?:\.\d+)*)")


def reader_ref(cell: str, documents: dict[str, str] | None = None, pages: dict[str, int] | None = None) -> str:
    """A `source` cell ('000 Tavola 4.1, l. 892-914; § 4.1.1, l. 880') as a reader cites it: 'Rapporto 2021,
    Tavola 4.1; § 4.1.1 (p. 47)'. Line numbers of the text extraction are dropped; a section of the report gets
    its page from ``pages`` (section -> page, from report_sections.csv) when given; document ids other than the
    report become their short citation from ``documents`` (doc id -> citation) when given."""
    parts, current = [], REPORT

    def page(match: re.Match) -> str:
        number = match.group(1)
        found = (pages or {}).get(number) if current == REPORT else None
        return f"§ {number} (p. {found})" if found else f"§ {number}"

    for part in str(cell).split(";"):
        part = LINE_REF.sub("", part).strip().rstrip(",")
        token = part.split(" ", 1)[0]
        if token.isdigit() and len(token) == 3:
            current, part = token, part[4:].strip()
            name = REPORT_NAME if current == REPORT else (documents or {}).get(current, f"documento {current}")
            part = f"{name}, {part}" if part else name
        if part:
            parts.append(SECTION_REF.sub(page, part))
    return "; ".join(dict.fromkeys(parts))


def kind_of_cell(cell: str) -> str:
    """'published' when a `source` cell cites only the published report, otherwise 'curated'."""
    docs = {p.strip().split(" ", 1)[0] for p in str(cell).split(";")}
    docs = {d for d in docs if d.isdigit() and len(d) == 3}
    return "published" if docs <= {REPORT} else "curated"


def from_cell(cell: str, documents: dict[str, str] | None = None, pages: dict[str, int] | None = None) -> Source:
    """The ``Source`` of a value read from a row of data/programme with this `source` cell."""
    return Source(kind_of_cell(cell), reader_ref(cell, documents, pages))


def with_ref(source: Source, ref: str) -> Source:
    return replace(source, ref=ref)
