"""Chapter 4, the case studies: card tables, key numbers, budgets by fund and sentences that depend on data.

Every table builder returns a DataFrame with a ``source`` column (the provenance of each row); the
notebook shows the other columns and turns ``source`` into the 'Fonte:' line with
``curated.citations.source_line``. Labels: ``labels.load_labels(reference_dir, LABELLED_HERE)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pandas as pd

from ..curated import (
    load_case_studies,
    load_case_study_items,
    load_case_study_results,
    load_projects,
    load_timeline,
)
from ..formatting import fmt_eur, fmt_int, fmt_num, fmt_partial_date, fmt_pct
from .wording import UNITS, date_with, discrepancy_ref, join_it, quantity, with_article

# Funds of the Operational Programme actions (identifiers fixed by POR FSE and POR FESR 2014-2020).
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

    @classmethod
    def load(cls, programme_dir: Path) -> CaseData:
        return cls(load_case_studies(programme_dir), load_case_study_items(programme_dir),
                   load_case_study_results(programme_dir), load_timeline(programme_dir),
                   load_projects(programme_dir))

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

    def value(self, card_id: str, metric: str) -> float:
        """The value of ``metric`` of a card (a KeyError names what is missing)."""
        rows = self.results[(self.results["card_id"] == card_id) & (self.results["metric"] == metric)]
        if rows.empty:
            raise KeyError(f"case_study_results.csv has no metric {metric!r} for card {card_id!r}")
        return float(rows["value"].iloc[0])

    def card_ids(self, kind: str | None = None) -> list[str]:
        """Card ids in printed order (4.1 … 4.10), optionally of one kind (scheda, riquadro)."""
        cards = self.cards if kind is None else self.cards[self.cards["kind"] == kind]
        return sorted(cards["card_id"], key=card_order)


def card_order(card_id: str) -> tuple[int, ...]:
    """Sort key of a card id: '4.10' after '4.9'."""
    return tuple(int(part) for part in card_id.split("."))


# ---------------------------------------------------------------- formatting of values and lists


def _decimals(value: float, most: int = 2) -> int:
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return min(max(-int(exponent), 0), most)


def format_value(value: float, unit: str) -> str:
    """A number of case_study_results in Italian, with its unit: '1.000.000,00 €', '7,5%', '18 ore', '1/3'."""
    if unit == "eur":
        return fmt_eur(value)
    if unit == "percent":
        return fmt_pct(value / 100, _decimals(value, 1))
    if unit == "ratio":
        fraction = Fraction(float(value)).limit_denominator(12)
        return f"{fraction.numerator}/{fraction.denominator}"
    if unit in UNITS:
        return quantity(value, unit, _decimals(value))
    return fmt_num(value, _decimals(value))


def join_items(texts: Iterable[str]) -> str:
    """Listed items as one readable cell: 'Primo; secondo; terzo.'"""
    texts = [str(t).strip().rstrip(";") for t in texts]
    if not texts:
        return ""
    joined = "; ".join(texts)
    return joined if joined.endswith(".") else joined + "."


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


# ---------------------------------------------------------------- one card


def status_text(data: CaseData, card_id: str, labels: Labels) -> str:
    """The 'Stato di avanzamento' of a card: status, dates, duration, ranking of the call and dated steps."""
    card = data.card(card_id)
    if pd.isna(card["status"]):
        return ""
    details = []
    if pd.notna(card["start_date"]):
        when = date_with(card["start_date"], "il", card["start_precision"])
        if card["status"] == "non_avviato":
            details.append(f"avvio previsto {when}")
        elif card["start_precision"] == "day":
            details.append(f"attivo {date_with(card['start_date'], 'dal')}")
        else:
            details.append(f"avviato {when}")
    if pd.notna(card["end_date"]):
        verb = "conclusione prevista" if card["end_is_planned"] else "concluso"
        details.append(f"{verb} {date_with(card['end_date'], 'il', card['end_precision'])}")
    if pd.notna(card["duration_months"]):
        details.append(f"durata prevista di {format_value(card['duration_months'], 'months')}")
    text = labels["case_status"][card["status"]]
    text += f": {'; '.join(details)}." if details else "."
    if pd.notna(card["project_id"]):
        ranking = data.projects.set_index("project_id").loc[card["project_id"], "ranking"]
        text += f" Esito dell'avviso: {labels['ranking'][ranking].lower()}."
    events = data.timeline[data.timeline["card_id"] == card_id].sort_values("date", kind="stable")
    steps = [f"{fmt_partial_date(e.date.date(), e.date_precision)}, {e.event[0].lower()}{e.event[1:]}"
             for e in events.itertuples()]
    return f"{text} Tappe: {'; '.join(steps)}." if steps else text


def budget_parts(data: CaseData, card_id: str) -> pd.DataFrame:
    """The results that split or restate a card's budget (metrics ``budget_*``), in file order."""
    rows = data.results_of(card_id)
    return rows[rows["metric"].str.startswith(BUDGET_PREFIX)]


def card_budget(data: CaseData, card_id: str) -> float | None:
    """The card's budget; when only the FSE and FESR shares are printed, their sum; else None."""
    card = data.card(card_id)
    if pd.notna(card["budget_eur"]):
        return float(card["budget_eur"])
    shares = budget_parts(data, card_id)
    shares = shares[shares["metric"].isin(FUND_SHARE_METRICS.values())]
    return float(shares["value"].sum()) if not shares.empty else None


def budget_text(data: CaseData, card_id: str) -> str:
    """'1.000.000,00 € (quota …: 600.000,00 €; …)', or the printed shares with their computed total."""
    card = data.card(card_id)
    parts = [f"{row.label}: {fmt_eur(row.value)}" for row in budget_parts(data, card_id).itertuples()]
    if pd.notna(card["budget_eur"]):
        return fmt_eur(card["budget_eur"]) + (f" ({'; '.join(parts)})" if parts else "")
    total = card_budget(data, card_id)
    if total is None:
        return ""
    return f"{'; '.join(parts)} (totale calcolato: {fmt_eur(total)})"


def _number_label(row) -> str:
    """A result's label, with its reference date when the label does not already say it."""
    if pd.isna(row.reference_date) or str(row.reference_date.year) in row.label:
        return row.label
    if row.date_precision == "day":
        return f"{row.label}, {date_with(row.reference_date, 'al')}"
    return f"{row.label} ({date_with(row.reference_date, None, row.date_precision)})"


def card_table(data: CaseData, card_id: str, labels: Labels, with_numbers: bool = False) -> pd.DataFrame:
    """A card rebuilt as two columns, field → content (``Voce``, ``Contenuto``), plus ``source``.

    A box (``riquadro``) shows only its lists and target; ``with_numbers`` appends the card's numbers
    that are not part of its budget, one per row.
    """
    card = data.card(card_id)
    field = labels["case_field"]
    box = card["kind"] == "riquadro"
    rows: list[tuple[str, str, str]] = []

    def add(code: str, text: str, *sources: Iterable[str]) -> None:
        if text:
            rows.append((field[code], text, _sources(*sources)))

    for code in CARD_LISTS:
        items = data.items_of(card_id, code)
        if code == "partner":
            roles = labels["partner_role"]
            texts = [t if r == "partner" else f"{t} ({roles[r]})" for t, r in zip(items["text"], items["role"])]
        else:
            texts = list(items["text"])
        if code == "location" and not texts and not box:
            texts = [f"{card['neighbourhood']}, {card['municipality']}"]
            items = pd.DataFrame({"source": [card["source"]]})
        add(code, join_items(texts), items["source"])
    if not box:
        add("por_actions", actions_text(card["actions"]), [card["source"]])
        events = data.timeline.loc[data.timeline["card_id"] == card_id, "source"]
        add("status", status_text(data, card_id, labels), [card["source"]], events)
        add("budget", budget_text(data, card_id), [card["source"]], budget_parts(data, card_id)["source"])
    add("target", str(card["target"]), [card["source"]])
    if with_numbers:
        numbers = data.results_of(card_id)
        numbers = numbers[~numbers["metric"].str.startswith(BUDGET_PREFIX)]
        rows += [(_number_label(r), format_value(r.value, r.unit), r.source) for r in numbers.itertuples()]
    return pd.DataFrame(rows, columns=["Voce", "Contenuto", "source"])


def key_numbers(data: CaseData, card_id: str, labels: Labels) -> pd.DataFrame:
    """The numbers of a card and of its prose, budget excluded: ``Tipo``, ``Voce``, ``Valore``, ``source``.

    Ordered by kind (context, money, rules, expected, achieved), then as in the file; ``Tipo`` is written
    on the first row of each kind only.
    """
    kinds = labels["result_kind"]
    rows = data.results_of(card_id)
    rows = rows[~rows["metric"].str.startswith(BUDGET_PREFIX)].copy()
    rows["_kind"] = rows["kind"].map(list(kinds).index)
    rows = rows.sort_values("_kind", kind="stable")
    return pd.DataFrame({
        "Tipo": blank_repeats([kinds[k] for k in rows["kind"]]),
        "Voce": [_number_label(r) for r in rows.itertuples()],
        "Valore": [format_value(v, u) for v, u in zip(rows["value"], rows["unit"])],
        "source": list(rows["source"]),
    })


def compare_numbers(data: CaseData, columns: Mapping[str, str], labels: Labels) -> pd.DataFrame:
    """The numbers of several cards side by side, budget excluded: ``Voce``, one column per card, ``source``.

    ``columns`` maps card ids to column names. A metric takes the label and kind of the first card that
    has it; rows follow kind order, then card order; a card without the metric shows '–'.
    """
    order = list(labels["result_kind"])
    rows = data.results[data.results["card_id"].isin(list(columns))
                        & ~data.results["metric"].str.startswith(BUDGET_PREFIX)].copy()
    rows["_card"] = rows["card_id"].map(list(columns).index)
    rows = rows.sort_values("_card", kind="stable")
    first = rows.drop_duplicates("metric").copy()
    first["_kind"] = first["kind"].map(order.index)
    first = first.sort_values(["_kind", "_card"], kind="stable")
    table = {"Voce": [_number_label(r) for r in first.itertuples()]}
    for card_id, name in columns.items():
        mine = rows[rows["card_id"] == card_id].set_index("metric")
        table[name] = [format_value(mine.at[m, "value"], mine.at[m, "unit"]) if m in mine.index else "–"
                       for m in first["metric"]]
    table["source"] = [_sources(rows.loc[rows["metric"] == m, "source"]) for m in first["metric"]]
    return pd.DataFrame(table)


# ---------------------------------------------------------------- across cards


def overview_table(data: CaseData, labels: Labels) -> pd.DataFrame:
    """One row per card (boxes excluded): ``Intervento``, ``Territorio``, ``Ambito``, ``Stato``, ``Dotazione`` (euro)."""
    rows = []
    for card_id in data.card_ids("scheda"):
        card = data.card(card_id)
        rows.append({
            "Intervento": card["short_name"],
            "Territorio": f"{card['neighbourhood']} ({card['municipality']})",
            "Ambito": labels["case_programme"][card["programme"]],
            "Stato": labels["case_status"][card["status"]],
            "Dotazione": card_budget(data, card_id),
            "source": _sources([card["source"]], budget_parts(data, card_id)["source"]),
        })
    return pd.DataFrame(rows)


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
        rows.append((card["short_name"], funds.pop(), card_budget(data, card_id), card["source"]))
    return pd.DataFrame(rows, columns=["Intervento", "Fondo", "Dotazione", "source"])


def items_by_card(data: CaseData, field: str) -> pd.DataFrame:
    """The items of one field (e.g. covid_effect) of every card that has them: ``Intervento``, ``Contenuto``."""
    rows = []
    for card_id in data.card_ids():
        items = data.items_of(card_id, field)
        if not items.empty:
            rows.append((data.card(card_id)["short_name"], join_items(items["text"]), _sources(items["source"])))
    return pd.DataFrame(rows, columns=["Intervento", "Contenuto", "source"])


def lessons_table(data: CaseData, fields: Sequence[str], labels: Labels) -> pd.DataFrame:
    """Qualitative findings by card and field: ``Intervento`` (on its first row only), ``Aspetto``, ``Elementi``."""
    rows = []
    for card_id in data.card_ids():
        for field in fields:
            items = data.items_of(card_id, field)
            if not items.empty:
                rows.append((data.card(card_id)["short_name"], labels["case_field"][field],
                             join_items(items["text"]), _sources(items["source"])))
    table = pd.DataFrame(rows, columns=["Intervento", "Aspetto", "Elementi", "source"])
    table["Intervento"] = blank_repeats(table["Intervento"])
    return table


def metric_frame(data: CaseData, card_id: str, metrics: Sequence[str]) -> pd.DataFrame:
    """Chosen metrics of a card, in the given order: ``Voce``, ``Valore`` (number), ``metric``, ``source``."""
    rows = data.results_of(card_id).set_index("metric")
    missing = [m for m in metrics if m not in rows.index]
    if missing:
        raise KeyError(f"card {card_id} has no metric(s) {missing}")
    picked = rows.loc[list(metrics)]
    return pd.DataFrame({"Voce": list(picked["label"]), "Valore": list(picked["value"].astype(float)),
                         "metric": list(metrics), "source": list(picked["source"])})


def discrepancies_table(discrepancies: pd.DataFrame, affects: str = "case_stud") -> pd.DataFrame:
    """Discrepancies touching the case-study files: ``Voce`` (id), ``Tema``, ``Scelta``, ``source``."""
    rows = discrepancies[discrepancies["affects"].str.contains(affects, regex=False)]
    return pd.DataFrame({"Voce": list(rows["discrepancy_id"]), "Tema": list(rows["topic"]),
                         "Scelta": list(rows["chosen"]), "source": list(rows["source"])})


def discrepancy_refs(discrepancies: pd.DataFrame, ids: Sequence[str], register: str) -> str:
    """'`register`, voce D21' or '`register`, voci D18 e D19', checking that the ids exist."""
    return f"`{register}`, {'voce' if len(ids) == 1 else 'voci'} {discrepancy_ref(discrepancies, *ids)}"


# ---------------------------------------------------------------- sentences whose wording depends on data


def sum_check(total: float, parts: Iterable[float]) -> str:
    """How parts compare with their printed total: 'sommano a 63, 6 in meno del totale di 69'."""
    parts_sum = sum(parts)
    gap = total - parts_sum
    if gap == 0:
        return f"sommano a {fmt_int(parts_sum)}, pari al totale"
    side = "in meno" if gap > 0 else "in più"
    return f"sommano a {fmt_int(parts_sum)}, {fmt_int(abs(gap))} {side} del totale di {fmt_int(total)}"


def share_check(part: float, whole: float, printed_pct: float) -> str:
    """A computed share against the printed percentage: 'pari al 32%, più del 30% indicato'."""
    share = part / whole
    computed = with_article(fmt_pct(share, 0), "al")
    if abs(share * 100 - printed_pct) < 0.5:
        return f"pari {computed}, come indicato"
    side = "più" if share * 100 > printed_pct else "meno"
    return f"pari {computed}, {side} {with_article(fmt_pct(printed_pct / 100, 0), 'del')} indicato"


def cap_check(amount: float, cap: float) -> str:
    """An amount against a ceiling: 'entro il tetto di 300.000,00 €' or 'oltre il tetto … di 10,00 €'."""
    if amount <= cap:
        return f"entro il tetto di {fmt_eur(cap)}"
    return f"oltre il tetto di {fmt_eur(cap)} per {fmt_eur(amount - cap)}"


def agreement(values: Sequence[object]) -> str:
    """'coincidono' when all values are equal, else 'non coincidono' (e.g. the budgets of two cards)."""
    return "coincidono" if len(set(values)) == 1 else "non coincidono"


def status_summary(data: CaseData, card_ids: Sequence[str], labels: Labels) -> str:
    """Cards grouped by call ranking and status, e.g. 'A (X) e B (Y): prima graduatoria, in corso; C (Z): …'."""
    rankings = data.projects.set_index("project_id")["ranking"]
    groups: dict[tuple[str, str], list[str]] = {}
    for card_id in card_ids:
        card = data.card(card_id)
        ranking = labels["ranking"][rankings[card["project_id"]]] if pd.notna(card["project_id"]) else ""
        status = labels["case_status"][card["status"]]
        groups.setdefault((ranking, status), []).append(f"{card['short_name']} ({card['municipality']})")
    parts = []
    for (ranking, status), names in groups.items():
        what = ", ".join(t[0].lower() + t[1:] for t in (ranking, status) if t)
        parts.append(f"{join_it(names)}: {what}")
    return "; ".join(parts)
