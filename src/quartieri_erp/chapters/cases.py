"""Chapter 4, the case studies: card tables, key numbers, budgets by fund and sentences that depend on data.

Every table builder returns a DataFrame with a ``source`` column (the provenance of each row); the
notebook shows the other columns and turns ``source`` into the 'Fonte:' line with
``curated.citations.source_line``. Labels: ``labels.load_labels(reference_dir, LABELLED_HERE)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

import pandas as pd

# Funds of the Operational Programme actions (identifiers fixed by POR FSE and POR FESR 2014-2020).
from quartieri_erp.chapters.programme import card_order  # noqa: F401  (shared with other chapters)
from quartieri_erp.chapters.wording import UNITS, date_with, join_it, quantity, tense, with_article
from quartieri_erp.inputs.curated.citations import cited_documents, source_line
from quartieri_erp.presentation.formatting import fmt_eur, fmt_int, fmt_num, fmt_partial_date, fmt_pct
from quartieri_erp.presentation.markdown_tables import md_frame
from quartieri_erp.presentation.markup import Md, escape, number
from quartieri_erp.presentation.provenance import (
    REPORT,
    REPORT_NAME,
    Source,
    Sourced,
    from_cell,
    source_of,
    sourced,
    total,
)

FUND_OF_ACTION = {"9.1.3": "FSE", "9.4.2": "FSE", "V.3.c.1.1": "FESR"}
FUND_SHARE_METRICS = {"FSE": "budget_fse_eur", "FESR": "budget_fesr_eur"}
BUDGET_PREFIX = "budget_"  # case_study_results metrics that split or restate a card's own budget
CARD_LISTS = ("partner", "objective", "location", "action", "rule")  # printed lists of a card, in order
# Variables of labels.csv this chapter reads (the first five were added for it).
LABELLED_HERE = ("case_field", "case_status", "result_kind", "partner_role", "case_programme", "ranking", "fund")

Labels = Mapping[str, Mapping[str, str]]


@dataclass(frozen=True)
class CaseData:
    """The curated tables chapter 4 reads."""

    cards: pd.DataFrame
    items: pd.DataFrame
    results: pd.DataFrame
    timeline: pd.DataFrame
    projects: pd.DataFrame
    documents: Mapping[str, str] = field(default_factory=dict)  # doc id -> short citation (documents.csv)
    pages: Mapping[str, int] = field(default_factory=dict)  # section of the report -> page (report_sections.csv)

    @classmethod
    def load(cls, ch) -> CaseData:
        """The cards and what they cite, read through the chapter object ``ch``."""
        documents = ch.table("documents")
        return cls(
            *[ch.table(name) for name in ("case_studies", "case_study_items", "case_study_results", "timeline")],
            ch.table("projects"),
            dict(zip(documents["doc_id"], documents["citation"])),
            ch.pages(),
        )

    def src(self, *cells: object) -> Source:
        """The ``Source`` of a value read from rows with these ``source`` cells (published when they cite only
        the report, curated otherwise), with the reference a reader can follow."""
        return from_cell(_sources(cells), self.documents, self.pages)

    def card_source(self, card_id: str) -> str:
        """The ``source`` cell of a card; for a card linked to a project, with the project's row (budget)."""
        card = self.card(card_id)
        if pd.isna(card["project_id"]):
            return str(card["source"])
        project = self.projects.loc[self.projects["project_id"] == card["project_id"], "source"]
        return _sources([card["source"]], project)

    def number(self, card_id: str, column: str) -> Sourced | float:
        """A number of the card row (``budget_eur``, ``duration_months``) with the card's source."""
        return sourced(self.card(card_id)[column], self.src(self.card_source(card_id)))

    def date(self, card_id: str, which: str, preposition: str | None = None) -> str:
        """The start or end (``which``) of a card at its precision, with the card's source: 'a marzo 2021'."""
        card = self.card(card_id)
        return date_with(card[f"{which}_date"], preposition, card[f"{which}_precision"], src=self.src(card["source"]))

    def fact(self, facts: pd.DataFrame, key: str) -> Sourced:
        """A value of facts.csv with the source of its row (a KeyError names the missing key)."""
        rows = facts.loc[facts["key"] == key]
        if rows.empty:
            raise KeyError(f"facts.csv has no key {key!r}")
        return Sourced(float(rows["value"].iloc[0]), self.src(rows["source"].iloc[0]))

    def count(self, rows: pd.DataFrame) -> Sourced:
        """How many rows a table has, sourced by their ``source`` cells (rows of the published report only:
        derived from published values)."""
        return total(sourced(1, self.src(cell)) for cell in rows["source"])

    def card(self, card_id: str) -> pd.Series:
        found = self.cards[self.cards["card_id"] == card_id]
        if found.empty:
            raise KeyError(f"case_studies.csv has no card {card_id!r}")
        return found.iloc[0]

    def items_of(self, card_id: str, field: str) -> pd.DataFrame:
        rows = self.items[(self.items["card_id"] == card_id) & (self.items["field"] == field)]
        return rows.sort_values("position")

    def results_of(self, card_id: str) -> pd.DataFrame:
        return self.results[self.results["card_id"] == card_id]

    def value(self, card_id: str, metric: str) -> Sourced:
        """The value of ``metric`` of a card, with its source (a KeyError names what is missing)."""
        rows = self.results[(self.results["card_id"] == card_id) & (self.results["metric"] == metric)]
        if rows.empty:
            raise KeyError(f"case_study_results.csv has no metric {metric!r} for card {card_id!r}")
        return Sourced(float(rows["value"].iloc[0]), self.src(rows["source"].iloc[0]))

    def result_date(self, card_id: str, metric: str, preposition: str | None = None) -> str:
        """The reference date of a result at its precision, with the result's source: 'al 30 novembre 2020'."""
        row = self.results[(self.results["card_id"] == card_id) & (self.results["metric"] == metric)].iloc[0]
        return date_with(row["reference_date"], preposition, row["date_precision"], src=self.src(row["source"]))

    def card_ids(self, kind: str | None = None) -> list[str]:
        """Card ids in printed order (4.1 … 4.10), optionally of one kind (scheda, riquadro)."""
        cards = self.cards if kind is None else self.cards[self.cards["kind"] == kind]
        return sorted(cards["card_id"], key=card_order)


def cap(text: str) -> str:
    """``text`` with its first letter in upper case, the rest untouched (number spans keep their source)."""
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------- formatting of values and lists


def _decimals(value: float, most: int = 2) -> int:
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return min(max(-int(exponent), 0), most)


def format_value(value: float, unit: str, src: Source | None = None) -> str:
    """A number of case_study_results in Italian, with its unit: '1.000.000,00 €', '7,5%', '18 ore', '1/3'.

    A sourced value (or one given ``src``) comes back as a number span (``Md``) that carries its kind."""
    if src is not None:
        value = sourced(value, src)
    if unit == "eur":
        return fmt_eur(value)
    if unit == "percent":
        return fmt_pct(value / 100, _decimals(value, 1))
    if unit == "ratio":
        fraction = Fraction(float(value)).limit_denominator(12)
        return number(f"{fraction.numerator}/{fraction.denominator}", source_of(value))
    if unit in UNITS:
        text = quantity(value, unit, _decimals(value))
        return Md(text) if source_of(value) else text
    return fmt_num(value, _decimals(value))


def join_items(texts: Iterable[str]) -> Md:
    """Listed items (data text, escaped) as one readable cell: 'Primo; secondo; terzo.'"""
    texts = [escape(str(t).strip().rstrip(";")) if not isinstance(t, Md) else t for t in texts]
    if not texts:
        return Md("")
    joined = "; ".join(texts)
    return Md(joined if joined.endswith(".") else joined + ".")


def actions_text(actions: str) -> str:
    """'9.4.2;9.1.3' -> 'POR FSE, Azioni 9.4.2 e 9.1.3'; funds in order of first appearance."""
    codes = [code.strip() for code in actions.split(";")]
    by_fund: dict[str, list[str]] = {}
    for code in codes:
        by_fund.setdefault(FUND_OF_ACTION[code], []).append(code)
    return "; ".join(f"POR {fund}, Azion{'e' if len(c) == 1 else 'i'} {join_it(c)}" for fund, c in by_fund.items())


def blank_repeats(values: Iterable[str]) -> list[str]:
    """A grouping column shown once per group: each value equal to the one above becomes ''."""
    shown, previous = [], None
    for value in values:
        shown.append("" if value == previous else value)
        previous = value
    return shown


def _sources(*groups: Iterable[str]) -> str:
    cells = [str(cell) for group in groups for cell in group if pd.notna(cell)]
    return "; ".join(dict.fromkeys(cells))


# ---------------------------------------------------------------- tense


def seen_from(day, as_of, now: str, then: str) -> str:
    """A sentence about a state observed on ``day`` (the data of the published report), seen from the data
    cut-off ``as_of``: ``now`` (present tense) when ``as_of`` is not after ``day``, else ``then`` (past tense,
    which should say the date)."""
    return tense(pd.Timestamp(day) + pd.Timedelta(days=1), as_of, fact=then, plan=now)


def start_verb(
    data: CaseData,
    card_id: str,
    as_of,
    *,
    plan: str = "sono previste",
    overdue: str = "erano previste",
    fact: str = "sono partite",
) -> str:
    """The verb for the start of a card's activities from ``as_of``: a planned start after ``as_of`` is
    ``plan``, one before it is ``overdue`` (the data record no outcome), an actual start is ``fact``."""
    card = data.card(card_id)
    planned = bool(card["start_is_planned"]) if pd.notna(card["start_is_planned"]) else False
    return tense(card["start_date"], as_of, fact=fact, plan=plan, overdue=overdue, planned=planned)


# ---------------------------------------------------------------- one card


def status_text(data: CaseData, card_id: str, labels: Labels, as_of=None) -> Md:
    """The 'Stato di avanzamento' of a card: status, dates, duration, ranking of the call and dated steps.

    Seen from ``as_of`` (default: the date of the status): a planned start or end after it reads 'avvio
    previsto', one before it 'avvio allora previsto'; a status older than ``as_of`` says its date."""
    card = data.card(card_id)
    if pd.isna(card["status"]):
        return Md("")
    status_day = card["status_date"] if pd.notna(card["status_date"]) else None
    as_of = as_of if as_of is not None else status_day
    details = []
    if pd.notna(card["start_date"]):
        if card["status"] == "non_avviato":
            when = data.date(card_id, "start", "il")
            verb = (
                "avvio previsto"
                if as_of is None
                else tense(
                    card["start_date"],
                    as_of,
                    fact="avvio previsto",
                    plan="avvio previsto",
                    overdue="avvio allora previsto",
                    planned=True,
                )
            )
            details.append(f"{verb} {when}")
        elif card["start_precision"] == "day":
            details.append(f"attivo {data.date(card_id, 'start', 'dal')}")
        else:
            details.append(f"avviato {data.date(card_id, 'start', 'il')}")
    if pd.notna(card["end_date"]):
        when = data.date(card_id, "end", "il")
        if card["end_is_planned"]:
            verb = (
                "conclusione prevista"
                if as_of is None
                else tense(
                    card["end_date"],
                    as_of,
                    fact="conclusione prevista",
                    plan="conclusione prevista",
                    overdue="conclusione allora prevista",
                    planned=True,
                )
            )
        else:
            verb = "concluso"
        details.append(f"{verb} {when}")
    if pd.notna(card["duration_months"]):
        details.append(f"durata prevista di {format_value(data.number(card_id, 'duration_months'), 'months')}")
    text = escape(labels["case_status"][card["status"]])
    if status_day is not None and as_of is not None and pd.Timestamp(as_of) > pd.Timestamp(status_day):
        text += f" {date_with(status_day, 'al', src=data.src(card['source']))}"
    text += f": {'; '.join(details)}." if details else "."
    if pd.notna(card["project_id"]):
        ranking = data.projects.set_index("project_id").loc[card["project_id"], "ranking"]
        text += f" Esito dell'avviso: {escape(labels['ranking'][ranking].lower())}."
    events = data.timeline[data.timeline["card_id"] == card_id].sort_values("date", kind="stable")
    steps = [
        f"{fmt_partial_date(e.date.date(), e.date_precision, data.src(e.source))}, "
        f"{escape(e.event[0].lower() + e.event[1:])}"
        for e in events.itertuples()
    ]
    return Md(f"{text} Tappe: {'; '.join(steps)}." if steps else text)


def budget_parts(data: CaseData, card_id: str) -> pd.DataFrame:
    """The results that split or restate a card's budget (metrics ``budget_*``), in file order."""
    rows = data.results_of(card_id)
    return rows[rows["metric"].str.startswith(BUDGET_PREFIX)]


def card_budget(data: CaseData, card_id: str) -> Sourced | None:
    """The card's budget with its source; when only the FSE and FESR shares are printed, their sum (derived
    from them); else None."""
    card = data.card(card_id)
    if pd.notna(card["budget_eur"]):
        return data.number(card_id, "budget_eur")
    shares = budget_parts(data, card_id)
    shares = shares[shares["metric"].isin(FUND_SHARE_METRICS.values())]
    if shares.empty:
        return None
    return total(Sourced(float(v), data.src(c)) for v, c in zip(shares["value"], shares["source"]))


def budget_text(data: CaseData, card_id: str) -> Md:
    """'1.000.000,00 € (quota …: 600.000,00 €; …)', or the printed shares with their computed total."""
    card = data.card(card_id)
    parts = [
        f"{escape(row.label)}: {fmt_eur(row.value, src=data.src(row.source))}"
        for row in budget_parts(data, card_id).itertuples()
    ]
    if pd.notna(card["budget_eur"]):
        return Md(fmt_eur(data.number(card_id, "budget_eur")) + (f" ({'; '.join(parts)})" if parts else ""))
    amount = card_budget(data, card_id)
    if amount is None:
        return Md("")
    return Md(f"{'; '.join(parts)} (totale calcolato: {fmt_eur(amount)})")


def _number_label(row, data: CaseData | None = None) -> str:
    """A result's label, with its reference date when the label does not already say it."""
    if pd.isna(row.reference_date) or str(row.reference_date.year) in row.label:
        return row.label
    src = data.src(row.source) if data is not None else None
    if row.date_precision == "day":
        return Md(f"{escape(row.label)}, {date_with(row.reference_date, 'al', src=src)}")
    return Md(f"{escape(row.label)} ({date_with(row.reference_date, None, row.date_precision, src=src)})")


MINIMUM = " (soglia minima)"  # a label of case_study_results.csv for a value printed as 'più di …'


def _number_row(row, data: CaseData) -> tuple[str, Md, str]:
    """One number of a card as (label, value, source); a minimum ('più di 3.500 ore') reads 'oltre 3.500 ore'."""
    minimum = row.label.endswith(MINIMUM)
    if minimum:
        row = row._replace(label=row.label.removesuffix(MINIMUM))
    value = format_any(data, row.value, row.unit, row.source)
    return _number_label(row, data), Md(f"oltre {value}" if minimum else value), row.source


def card_table(data: CaseData, card_id: str, labels: Labels, with_numbers: bool = False, as_of=None) -> pd.DataFrame:
    """A card rebuilt as two columns, field → content (``Voce``, ``Contenuto``, Markdown cells), plus ``source``.

    A box (``riquadro``) shows only its lists and target; ``with_numbers`` appends the card's numbers
    that are not part of its budget, one per row. ``as_of`` chooses the tense of the status (``status_text``).
    """
    card = data.card(card_id)
    field_label = labels["case_field"]
    box = card["kind"] == "riquadro"
    rows: list[tuple[str, str, str]] = []

    def add(code: str, text: str, *sources: Iterable[str]) -> None:
        if text:
            rows.append((field_label[code], text, _sources(*sources)))

    for code in CARD_LISTS:
        items = data.items_of(card_id, code)
        if code == "partner":
            roles = labels["partner_role"]
            texts = [
                escape(t) if r == "partner" else Md(f"{escape(t)} ({escape(roles[r])})")
                for t, r in zip(items["text"], items["role"])
            ]
        else:
            texts = list(items["text"])
        if code == "location" and not texts and not box:
            texts = [f"{card['neighbourhood']}, {card['municipality']}"]
            items = pd.DataFrame({"source": [card["source"]]})
        add(code, join_items(texts), items["source"])
    if not box:
        add("por_actions", Md(escape(actions_text(card["actions"]))), [card["source"]])
        events = data.timeline.loc[data.timeline["card_id"] == card_id, "source"]
        add("status", status_text(data, card_id, labels, as_of), [card["source"]], events)
        add("budget", budget_text(data, card_id), [data.card_source(card_id)], budget_parts(data, card_id)["source"])
    add("target", escape(card["target"]), [card["source"]])
    if with_numbers:
        numbers = data.results_of(card_id)
        numbers = numbers[~numbers["metric"].str.startswith(BUDGET_PREFIX)]
        rows += [_number_row(r, data) for r in _ranges(numbers).itertuples()]
    return md_frame(
        dict(zip(["Voce", "Contenuto", "source"], zip(*rows))) if rows else {"Voce": [], "Contenuto": [], "source": []}
    )


RANGE_ENDS = ("_min", "_max")


def _ranges(rows: pd.DataFrame) -> pd.DataFrame:
    """Results whose metrics end in ``_min`` and ``_max`` with the same label become one row (unit
    ``range``, value the pair), so that a band reads '30-50 anni' instead of two half-labelled rows."""
    keep, merged = [], {}
    for row in rows.itertuples(index=False):
        stem, end = row.metric[:-4], row.metric[-4:]
        partner = stem + ("_max" if end == "_min" else "_min")
        if end in RANGE_ENDS and partner in set(rows["metric"]):
            if end == "_min":
                other = rows[rows["metric"] == partner].iloc[0]
                merged[stem] = row._replace(
                    metric=stem,
                    unit=f"range:{row.unit}",
                    value=(row.value, other["value"]),
                    source=_sources([row.source, other["source"]]),
                )
                keep.append(merged[stem])
            continue
        keep.append(row)
    return pd.DataFrame(keep, columns=rows.columns) if keep else rows.iloc[0:0]


def format_any(data: CaseData, value, unit: str, source: str) -> Md:
    """``format_value`` with the row's source, also for a merged band (unit 'range:years': '30-50 anni')."""
    src = data.src(source)
    if unit.startswith("range:"):
        low, high = value
        inner = unit.split(":", 1)[1]
        words = UNITS.get(inner, ("", ""))[1]
        shown = f"{fmt_num(low, _decimals(low))}-{fmt_num(high, _decimals(high))}" + (f" {words}" if words else "")
        return Md(number(shown, src))
    return Md(format_value(value, unit, src))


def key_numbers(data: CaseData, card_id: str, labels: Labels) -> pd.DataFrame:
    """The numbers of a card and of its prose, budget excluded: ``Tipo``, ``Voce``, ``Valore`` (Markdown with the
    number's kind), ``source``. Ordered by kind (context, money, rules, expected, achieved), then as in the
    file; ``Tipo`` is written on the first row of each kind only; a band (``_min``/``_max``) is one row."""
    kinds = labels["result_kind"]
    rows = data.results_of(card_id)
    rows = _ranges(rows[~rows["metric"].str.startswith(BUDGET_PREFIX)]).copy()
    rows["_kind"] = rows["kind"].map(list(kinds).index)
    rows = rows.sort_values("_kind", kind="stable")
    return md_frame(
        {
            "Tipo": blank_repeats([kinds[k] for k in rows["kind"]]),
            "Voce": [_number_label(r, data) for r in rows.itertuples()],
            "Valore": [format_any(data, v, u, c) for v, u, c in zip(rows["value"], rows["unit"], rows["source"])],
            "source": list(rows["source"]),
        }
    )


def compare_numbers(data: CaseData, columns: Mapping[str, str], labels: Labels) -> pd.DataFrame:
    """The numbers of several cards side by side, budget excluded: ``Voce``, one column per card, ``source``.

    ``columns`` maps card ids to column names. A metric takes the label and kind of the first card that
    has it; rows follow kind order, then card order; a card without the metric shows '–'.
    """
    order = list(labels["result_kind"])
    rows = data.results[
        data.results["card_id"].isin(list(columns)) & ~data.results["metric"].str.startswith(BUDGET_PREFIX)
    ].copy()
    rows["_card"] = rows["card_id"].map(list(columns).index)
    rows = rows.sort_values("_card", kind="stable")
    first = rows.drop_duplicates("metric").copy()
    first["_kind"] = first["kind"].map(order.index)
    first = first.sort_values(["_kind", "_card"], kind="stable")
    table = {"Voce": [_number_label(r, data) for r in first.itertuples()]}
    for card_id, name in columns.items():
        mine = rows[rows["card_id"] == card_id].set_index("metric")
        table[name] = [
            format_any(data, mine.at[m, "value"], mine.at[m, "unit"], mine.at[m, "source"]) if m in mine.index else "–"
            for m in first["metric"]
        ]
    table["source"] = [_sources(rows.loc[rows["metric"] == m, "source"]) for m in first["metric"]]
    return md_frame(table)


# ---------------------------------------------------------------- across cards


def overview_table(data: CaseData, labels: Labels) -> pd.DataFrame:
    """One row per card (boxes excluded): ``Intervento``, ``Territorio``, ``Ambito``, ``Stato``, ``Dotazione``
    (a sourced amount, ``Md``; '–' when the card has none)."""
    rows = []
    for card_id in data.card_ids("scheda"):
        card = data.card(card_id)
        amount = card_budget(data, card_id)
        rows.append(
            {
                "Intervento": card["short_name"],
                "Territorio": f"{card['neighbourhood']} ({card['municipality']})",
                "Ambito": labels["case_programme"][card["programme"]],
                "Stato": labels["case_status"][card["status"]],
                "Dotazione": Md(fmt_eur(amount)) if amount is not None else "–",
                "source": _sources([data.card_source(card_id)], budget_parts(data, card_id)["source"]),
            }
        )
    return md_frame({key: [row[key] for row in rows] for key in rows[0]})


def budget_by_fund(data: CaseData, exclude: Iterable[str] = ()) -> pd.DataFrame:
    """Budget of each card by fund: ``Intervento``, ``Fondo`` (FSE/FESR), ``Dotazione``, ``source``.

    Printed FSE and FESR shares are used when a card has them; otherwise the whole budget goes to the fund
    of the card's actions (a card mixing funds without printed shares is an error). Cards without a budget
    and the ``exclude``d ones are left out.
    """
    rows = []
    for card_id in data.card_ids("scheda"):
        if card_id in exclude or card_budget(data, card_id) is None:
            continue
        card = data.card(card_id)
        parts = budget_parts(data, card_id).set_index("metric")
        shares = {fund: parts.loc[m] for fund, m in FUND_SHARE_METRICS.items() if m in parts.index}
        if shares:
            rows += [(card["short_name"], fund, float(r["value"]), r["source"]) for fund, r in shares.items()]
            continue
        funds = {FUND_OF_ACTION[a.strip()] for a in card["actions"].split(";")}
        if len(funds) > 1:
            raise ValueError(f"card {card_id} mixes funds {sorted(funds)} but prints no FSE/FESR shares")
        rows.append((card["short_name"], funds.pop(), float(card_budget(data, card_id)), data.card_source(card_id)))
    return pd.DataFrame(rows, columns=["Intervento", "Fondo", "Dotazione", "source"])


def sourced_values(data: CaseData, frame: pd.DataFrame, column: str) -> list[Sourced]:
    """The numbers of ``column`` with the source of their row (for sentences: min, max, sums keep a kind)."""
    return [Sourced(float(v), data.src(c)) for v, c in zip(frame[column], frame["source"])]


def items_by_card(data: CaseData, field: str) -> pd.DataFrame:
    """The items of one field (e.g. covid_effect) of every card that has them: ``Intervento``, ``Contenuto``
    (escaped Markdown)."""
    rows = []
    for card_id in data.card_ids():
        items = data.items_of(card_id, field)
        if not items.empty:
            rows.append((data.card(card_id)["short_name"], join_items(items["text"]), _sources(items["source"])))
    return md_frame(
        dict(zip(["Intervento", "Contenuto", "source"], zip(*rows)))
        if rows
        else {"Intervento": [], "Contenuto": [], "source": []}
    )


def lessons_table(data: CaseData, fields: Sequence[str], labels: Labels) -> pd.DataFrame:
    """Qualitative findings by card and field: ``Intervento`` (on its first row only), ``Aspetto``, ``Elementi``."""
    rows = []
    for card_id in data.card_ids():
        for part in fields:
            items = data.items_of(card_id, part)
            if not items.empty:
                rows.append(
                    (
                        data.card(card_id)["short_name"],
                        labels["case_field"][part],
                        join_items(items["text"]),
                        _sources(items["source"]),
                    )
                )
    names = blank_repeats([r[0] for r in rows])
    return md_frame(
        {
            "Intervento": names,
            "Aspetto": [r[1] for r in rows],
            "Elementi": [r[2] for r in rows],
            "source": [r[3] for r in rows],
        }
    )


def metric_frame(data: CaseData, card_id: str, metrics: Sequence[str]) -> pd.DataFrame:
    """Chosen metrics of a card, in the given order: ``Voce``, ``Valore`` (number), ``metric``, ``source``."""
    rows = data.results_of(card_id).set_index("metric")
    missing = [m for m in metrics if m not in rows.index]
    if missing:
        raise KeyError(f"card {card_id} has no metric(s) {missing}")
    picked = rows.loc[list(metrics)]
    return md_frame(
        {
            "Voce": list(picked["label"]),
            "Valore": list(picked["value"].astype(float)),
            "metric": list(metrics),
            "source": list(picked["source"]),
        }
    )


def discrepancy_ids(discrepancies: pd.DataFrame, affects: str = "case_stud") -> list[str]:
    """The ids of the register entries that touch the case-study data, in register order."""
    return list(discrepancies.loc[discrepancies["affects"].str.contains(affects, regex=False), "discrepancy_id"])


MAX_PLACES = 6  # places of the report named in a 'Fonte:' line; beyond them the line names the chapter


def source_note(data: CaseData, cells: Iterable[str], documents: pd.DataFrame) -> Md:
    """The 'Fonte:' line under a table of the chapter, with the places of the published report it comes from as
    readers cite them (table or Tavola, section with its page, note): 'Fonte: elaborazione su … (Tavola 4.1;
    § 4.1.1, p. 47).' More than ``MAX_PLACES`` places become 'capitolo 4'."""
    places: list[str] = []
    for cell in cells:
        if pd.isna(cell):
            continue
        for part in data.src(cell).ref.split("; "):
            if part.startswith(f"{REPORT_NAME}, "):
                part = part[len(REPORT_NAME) + 2 :]
            elif part == REPORT_NAME or not (part.startswith(("§", "Tav", "Tab", "Fig", "nota", "note"))):
                continue
            place = part.replace(" (p. ", ", p. ").rstrip(")") if " (p. " in part else part
            if place not in places:
                places.append(place)
    cells = [c for c in cells if pd.notna(c)]
    where = "capitolo 4" if len(places) > MAX_PLACES else "; ".join(places)
    if cited_documents(cells) == [REPORT]:  # the report only: its citation and the places, nothing else
        citation = documents.set_index("doc_id").at[REPORT, "citation"]
        return Md(f"Fonte: {escape(citation)}" + (f", {escape(where)}." if places else "."))
    line = source_line(cells, documents).rstrip(".")
    return Md(f"{escape(line)} ({escape(where)})." if places else escape(line) + ".")


def mark_refs(ref: str) -> Md:
    """A reader reference ('rapporto pubblicato, § 4.1.2 (p. 52), nota 48') escaped, with the parentheses of
    its page turned into commas so that it can sit inside parentheses."""
    return escape(ref.replace(" (p. ", ", p. ").replace(")", ""))


def interview_note(data: CaseData, card_id: str) -> Md:
    """Who was interviewed for a card, as the report names them in a note, as a footnote to put right after the
    first sentence that reports their views: '^[Confronto con … (rapporto pubblicato, nota 48).]', or '' when the
    report names nobody."""
    card = data.card(card_id)
    if pd.isna(card["interviewees"]):
        return Md("")
    ref = data.src(card["interview_source"]).ref.replace(REPORT_NAME, "rapporto pubblicato")
    return Md(f"^[Valutazioni raccolte nel confronto con {escape(card['interviewees'])} ({mark_refs(ref)}).]")


# ---------------------------------------------------------------- sentences whose wording depends on data


def parts_gap_note(total_value: float, parts: Iterable[float], subject: str = "le due voci") -> str:
    """' (le due voci sommano a 320, 2 in meno del totale di 322)' when the parts miss their printed total, else
    '' (a sum that matches needs no words)."""
    parts = list(parts)
    return "" if float(total_value - total(parts)) == 0 else f" ({subject} {sum_check(total_value, parts)})"


def sum_check(total_value: float, parts: Iterable[float]) -> str:
    """How parts compare with their printed total: 'sommano a 63, 6 in meno del totale di 69'."""
    parts_sum = total(list(parts))
    gap = total_value - parts_sum
    if float(gap) == 0:
        return f"sommano a {fmt_int(parts_sum)}, pari al totale"
    side = "in meno" if gap > 0 else "in più"
    return f"sommano a {fmt_int(parts_sum)}, {fmt_int(abs(gap))} {side} del totale di {fmt_int(total_value)}"


def share_check(part: float, whole: float, printed_pct: float) -> str:
    """A computed share against the printed percentage: 'pari al 32%, più del 30% indicato'."""
    share = part / whole
    computed = with_article(fmt_pct(share, 0), "al")
    if abs(float(share) * 100 - float(printed_pct)) < 0.5:
        return f"pari {computed}, come indicato"
    side = "più" if float(share) * 100 > float(printed_pct) else "meno"
    return f"pari {computed}, {side} {with_article(fmt_pct(printed_pct / 100, 0), 'del')} indicato"


def cap_check(amount: float, cap: float) -> str:
    """An amount against a ceiling: 'entro il tetto di 300.000,00 €' or 'oltre il tetto … di 10,00 €'."""
    if amount <= cap:
        return f"entro il tetto di {fmt_eur(cap)}"
    return f"oltre il tetto di {fmt_eur(cap)} per {fmt_eur(amount - cap)}"


def agreement(values: Sequence[object]) -> str:
    """'coincidono' when all values are equal, else 'non coincidono' (e.g. the budgets of two cards)."""
    return (
        "coincidono"
        if len({tuple(map(float, v)) if isinstance(v, tuple) else float(v) for v in values}) == 1
        else "non coincidono"
    )


def status_summary(data: CaseData, card_ids: Sequence[str], labels: Labels) -> str:
    """Cards grouped by call ranking and status, e.g. 'A (X) e B (Y): prima graduatoria, in corso; C (Z): …'
    (names escaped)."""
    rankings = data.projects.set_index("project_id")["ranking"]
    groups: dict[tuple[str, str], list[str]] = {}
    for card_id in card_ids:
        card = data.card(card_id)
        ranking = labels["ranking"][rankings[card["project_id"]]] if pd.notna(card["project_id"]) else ""
        status = labels["case_status"][card["status"]]
        groups.setdefault((ranking, status), []).append(
            f"{escape(card['short_name'])} ({escape(card['municipality'])})"
        )
    parts = []
    for (ranking, status), names in groups.items():
        what = ", ".join(escape(t[0].lower() + t[1:]) for t in (ranking, status) if t)
        parts.append(f"{join_it(names)}: {what}")
    return "; ".join(parts)
