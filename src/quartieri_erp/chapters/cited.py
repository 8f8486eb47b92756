"""The curated programme facts as the prose of the Introduzione and chapters 1-2 cites them: every number and date
carries its provenance (``published`` when its row cites only the report, ``curated`` otherwise), every data text
is escaped, every act is a named span with its source, and every sentence about a dated event can choose its tense
from the data cut-off (``Cited.tense``).

``Cited`` is built once per chapter from the loaded tables::

    cited = Cited.load(ch.programme_dir, ch.as_of)
    cited.fact("call_topup_eur")            # Sourced(4151154.84, published '… § 2.1 (p. 20) …')
    cited.when(EVENTS.call_approved, "il")  # "il [15 novembre 2017]{.num …}"
    cited.see("D05")                        # "@sec-provenienza, D05" -> 'Appendice D, D05'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from quartieri_erp.chapters.wording import ARTICLES, _sound, discrepancy_cite, tense
from quartieri_erp.presentation.formatting import fmt_partial_date
from quartieri_erp.presentation.markup import Md, escape, number
from quartieri_erp.presentation.provenance import Source, Sourced, from_cell, sourced


def section_pages(sections: pd.DataFrame) -> dict[str, int]:
    """Section number -> page of the original report (report_sections.csv)."""
    rows = sections.dropna(subset=["section"])
    return {str(s): int(p) for s, p in zip(rows["section"], rows["page"])}


def section_title(sections: pd.DataFrame, number: str) -> str:
    """The title of a section of the original report, as published (report_sections.csv)."""
    rows = sections.loc[sections["section"].astype(str) == number, "title"]
    if rows.empty:
        raise KeyError(f"report_sections.csv has no section {number!r}")
    return str(rows.iloc[0])


def heading(sections: pd.DataFrame, number: str, ident: str, level: int) -> Md:
    """A heading of the original's table of contents with its published title: '## <title> {#sec-…}'. The number
    itself comes from the automatic numbering, which follows the original's order."""
    return Md(f"{'#' * level} {escape(section_title(sections, number))} {{#{ident}}}")


ADDITION_CLASS = ".aggiunta"
ADDITION_NOTE = "aggiunta di questa edizione"


def addition_heading(title: str, ident: str, level: int) -> Md:
    """A heading of a section this edition adds to the original's structure, marked as such."""
    return Md(f"{'#' * level} {escape(title)} ({ADDITION_NOTE}) {{#{ident} {ADDITION_CLASS}}}")


def _date_phrase(label: str, precision: str, preposition: str | None) -> str:
    """``wording.date_with`` for a label that may be a number span ('[marzo 2021]{.num …}')."""
    if preposition is None:
        return label
    shown = label.lstrip("[")
    if precision == "month" and preposition == "il":
        return f"{'ad' if shown.startswith('a') else 'a'} {label}"
    if precision == "month" and preposition == "dal":
        return f"da {label}"
    if precision == "year" and preposition == "il":
        return f"nel {label}"
    return f"{ARTICLES[preposition][_sound(shown)]}{label}"


def sourced_date(day, precision: str, source: Source | None, preposition: str | None = None) -> str:
    """A date at its precision as a provenance span, optionally after a preposition ('il', 'dal', 'al' …)."""
    return _date_phrase(fmt_partial_date(day, precision, source), precision, preposition)


@dataclass(frozen=True)
class Cited:
    """The curated tables of chapters 0-2 with the documents and the original's index, for sourced prose."""

    facts: pd.DataFrame
    timeline: pd.DataFrame
    documents: pd.DataFrame
    sections: pd.DataFrame
    discrepancies: pd.DataFrame
    as_of: dt.date
    _docs: dict = field(default_factory=dict, repr=False)
    _pages: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._docs.update(dict(zip(self.documents["doc_id"], self.documents["citation"])))
        self._pages.update(section_pages(self.sections))

    @classmethod
    def load(cls, ch) -> Cited:
        """The facts, dates, documents, sections and discrepancies of the chapter object ``ch``."""
        tables = [ch.table(name) for name in ("facts", "timeline", "documents", "report_sections", "discrepancies")]
        return cls(*tables, pd.Timestamp(ch.as_of).date())

    # --- sources -------------------------------------------------------------------------------------------
    def source(self, cell: str) -> Source:
        """The Source of a value read from a row with this `source` cell (see ``provenance.from_cell``)."""
        return from_cell(cell, self._docs, self._pages)

    def page(self, section: str) -> int:
        """The page of a section of the original report (its index)."""
        return self._pages[section]

    def section_ref(self, section: str) -> str:
        """A section of the original as readers cite it: '§ 3.2, p. 34'."""
        return f"§ {section}, p. {self.page(section)}"

    def value(self, value, cell: str) -> Sourced:
        return sourced(value, self.source(cell))

    def column(self, frame: pd.DataFrame, column: str, rows=None) -> Source:
        """The Source of a column of ``frame`` read from the rows ``rows`` (all when None): published only when
        every row cites only the report."""
        cells = frame["source"] if rows is None else frame.loc[rows, "source"]
        kinds = {self.source(c).kind for c in cells}
        ref = "; ".join(dict.fromkeys(self.source(c).ref for c in cells))
        return Source("published" if kinds == {"published"} else "curated", ref)

    # --- facts ---------------------------------------------------------------------------------------------
    def _fact_row(self, key: str) -> pd.Series:
        rows = self.facts.loc[self.facts["key"] == key]
        if rows.empty:
            raise KeyError(f"facts.csv has no key {key!r}")
        return rows.iloc[0]

    def fact(self, key: str) -> Sourced:
        """The value of fact ``key`` with its source."""
        row = self._fact_row(key)
        return self.value(row["value"], row["source"])

    def fact_date(self, key: str, preposition: str | None = None) -> str:
        """The reference date of fact ``key`` ('al 31 luglio 2020') as a span with the fact's source."""
        row = self._fact_row(key)
        return sourced_date(row["reference_date"], "day", self.source(row["source"]), preposition)

    # --- events --------------------------------------------------------------------------------------------
    def event_row(self, event_id: str) -> pd.Series:
        rows = self.timeline.loc[self.timeline["event_id"] == event_id]
        if rows.empty:
            raise KeyError(f"timeline.csv has no event {event_id!r}")
        return rows.iloc[0]

    def when(self, event_id: str, preposition: str | None = None) -> str:
        """The date of an event at its precision, as a span with the event's source."""
        row = self.event_row(event_id)
        return sourced_date(row["date"], row["date_precision"], self.source(row["source"]), preposition)

    def year(self, event_id: str) -> str:
        """The year of an event as a span."""
        row = self.event_row(event_id)
        return sourced_date(row["date"], "year", self.source(row["source"]))

    def act(self, event_id: str) -> str:
        """The act of an event ('decreto n. 14207 del 15/11/2017') as a span with its source."""
        row = self.event_row(event_id)
        if pd.isna(row["act"]):
            raise KeyError(f"timeline.csv: event {event_id!r} has no act")
        return number(str(row["act"]), self.source(row["source"]))

    def event(self, event_id: str) -> Md:
        """The description of an event, escaped, with a lower-case first letter (for use inside a sentence)."""
        text = str(self.event_row(event_id)["event"])
        return escape(text[:1].lower() + text[1:])

    def planned(self, event_id: str) -> bool:
        return bool(self.event_row(event_id)["planned"])

    def view_date(self) -> dt.date:
        """The point of view of the prose: the data cut-off, or the latest event the curated data record as done
        when that is later (the report describes the programme after its monitoring cut-off)."""
        return max(self.as_of, self.recorded_until())

    def tense(self, event_id: str, *, fact: str, plan: str, overdue: str | None = None) -> str:
        """The verb phrase for an event seen from ``view_date`` (``wording.tense``): ``plan`` for an event after
        it, ``fact`` for one before, ``overdue`` for a planned event whose date has passed without a recorded
        outcome."""
        row = self.event_row(event_id)
        return tense(row["date"], self.view_date(), fact=fact, plan=plan, overdue=overdue, planned=bool(row["planned"]))

    def recorded_until(self) -> dt.date:
        """The date of the latest event the curated data record as done."""
        done = self.timeline.loc[~self.timeline["planned"].astype(bool), "date"]
        return pd.Timestamp(done.max()).date() if len(done) else self.as_of

    def status(self, *, now: str, then: str) -> str:
        """The wording of a state the curated data describe at their date (e.g. 'non hanno ancora avviato le
        attività'): ``now`` while the data cut-off is not later than that date, ``then`` (past tense, e.g. 'alla
        data del rapporto non avevano ancora avviato…') when it is."""
        return tense(self.recorded_until(), self.as_of, fact=then, plan=now)

    def event_sourced(self, event_id: str) -> str:
        """The description of an event as a statement with its source (a span: hover shows where it comes
        from), lower-case first letter, for a list or a sentence."""
        text = str(self.event_row(event_id)["event"])
        return number(text[:1].lower() + text[1:], self.source(self.event_row(event_id)["source"]))

    # --- discrepancies -------------------------------------------------------------------------------------
    def see(self, *ids: str) -> Md:
        """'Appendice D, D05' (a cross-reference to the discrepancy appendix and the ids, checked to exist)."""
        return discrepancy_cite(self.discrepancies, *ids)


def items_list(items: pd.DataFrame) -> Md:
    """A Markdown list of data texts (escaped), one per row of ``items`` (column ``text``), in order."""
    rows = items.sort_values("position") if "position" in items else items
    texts = [escape(t[:1].lower() + t[1:]) for t in rows["text"]]
    return Md(";\n".join(f"- {t}" for t in texts) + ".")
