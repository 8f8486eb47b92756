"""The indicator set read with the provenance of each value, the verdicts of the tests and the number formats that
several chapters share (chapter 3, the Sintesi, the conclusions, appendices A, C and F)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from quartieri_erp.chapters.wording import date_with
from quartieri_erp.indicators.published_figures import reconcile
from quartieri_erp.presentation.formatting import fmt_int, fmt_num, fmt_pct, fmt_share, round_half_up
from quartieri_erp.presentation.markup import Md, escape
from quartieri_erp.presentation.provenance import Source, Sourced, curated, monitoring, published, reader_ref

ALPHA = 0.05  # significance level of the tests


CONFIDENCE = 0.95  # level of the Wilson intervals of the indicator set


MIN_EXPECTED = 5  # below this expected count a chi-square p-value is only indicative


AGE_DECIMALS = 1  # mean ages are shown, and compared, with one decimal


GROUP_IN = {"totale": "nel complesso", "laboratorio_sociale": "nei Laboratori Sociali", "pip": "nei PIP"}


TEST_NAMES = {
    "chi_square": "test del chi quadrato",
    "fisher_exact": "test esatto di Fisher",
    "welch_t": "test t di Welch",
    "mann_whitney_u": "test di Mann-Whitney",
}


MONITORING_REF = "ricalcolato dai dati di monitoraggio di questa edizione"


PUBLISHED_COLUMNS = ("published_ref", "published_value", "published_decimals", "count_ref", "count_value")


class Reconciled(Sourced):
    """A monitoring value that, rounded to the precision printed in the 2021 report, equals a published value:
    kind ``monitoring`` with ``reconciled`` naming the published table or figure. ``decimals`` is the printed
    precision (of the percentage, for shares) and ``printed`` the published value itself."""

    __slots__ = ("decimals", "printed")

    def __new__(cls, value: float, source: Source, decimals: int, printed: float):
        obj = super().__new__(cls, value, source)
        obj.decimals, obj.printed = int(decimals), float(printed)
        return obj


def published_reference(cell: str, pages: dict[str, int] | None = None) -> str:
    """The `source` cell of a published_indicators row as readers cite it: 'Tabella 3.1, l. 674; testo l. 663'
    -> 'Rapporto 2021, Tabella 3.1' (line numbers and bare 'testo' dropped)."""
    parts = [part for part in reader_ref(f"000 {cell}", None, pages).split("; ") if part.strip() != "testo"]
    return "; ".join(parts)


def with_published(
    ind: pd.DataFrame, published_rows: pd.DataFrame, pages: dict[str, int] | None = None
) -> pd.DataFrame:
    """``ind`` with the published counterpart of each row, where the computed value rounded to the printed
    precision equals the printed one (``indicators.published.reconcile``): ``published_ref`` (reader-facing
    reference, '' if none), ``published_value``, ``published_decimals``; and for a share whose count is printed
    (244 foreigners), ``count_ref`` and ``count_value``."""
    checked = reconcile(ind.drop(columns=[c for c in PUBLISHED_COLUMNS if c in ind]), published_rows)
    matched = checked[checked["matches"].fillna(False).astype(bool)]
    key = ind["indicator"].astype(str) + "|" + ind["group"].astype(str) + "|" + ind["category"].fillna("").astype(str)
    out = ind.drop(columns=[c for c in PUBLISHED_COLUMNS if c in ind]).copy()
    out["published_ref"], out["count_ref"] = "", ""
    out["published_value"], out["published_decimals"], out["count_value"] = math.nan, math.nan, math.nan
    for _, row in matched.iterrows():
        where = (key == f"{row['indicator']}|{row['group']}|{row['category'] or ''}").to_numpy()
        if not where.any():
            continue
        engine_unit = ind.loc[where, "unit"].iloc[0]
        ref = published_reference(row["source"], pages)
        if row["unit"] == "count" and engine_unit == "share":
            out.loc[where, ["count_ref", "count_value"]] = [ref, float(row["value"])]
        else:
            out.loc[where, ["published_ref", "published_value", "published_decimals"]] = [
                ref,
                float(row["value"]),
                float(row["decimals"]),
            ]
    return out


def _reconciled(ref: str) -> bool:
    return isinstance(ref, str) and bool(ref)


def sourced_value(row: pd.Series, column: str = "value") -> Sourced:
    """The ``value`` (or ``numerator``) of one indicator row as a ``Sourced`` of kind monitoring, reconciled
    (a ``Reconciled``) when it equals a published value at the printed precision."""
    number = float(row[column]) if pd.notna(row[column]) else math.nan
    ref_column, value_column = (
        ("published_ref", "published_value") if column == "value" else ("count_ref", "count_value")
    )
    ref = row.get(ref_column, "")
    if _reconciled(ref):
        decimals = row.get("published_decimals", 0) if column == "value" else 0
        decimals = 0 if pd.isna(decimals) else int(decimals)
        return Reconciled(number, monitoring(MONITORING_REF, reconciled=ref), decimals, row[value_column])
    return Sourced(number, monitoring(MONITORING_REF))


def pick(ind: pd.DataFrame, indicator: str, group: str = "totale", category: str | None = None) -> pd.Series:
    """The one row of ``indicator`` for ``group`` (and ``category``); KeyError if there is not exactly one."""
    rows = ind[(ind["indicator"] == indicator) & (ind["group"] == group)]
    if category is not None:
        rows = rows[rows["category"] == category]
    if len(rows) != 1:
        raise KeyError(f"{len(rows)} rows for {indicator}/{group}/{category}")
    return rows.iloc[0]


def value(ind: pd.DataFrame, indicator: str, group: str = "totale", category: str | None = None) -> Sourced:
    """The value of one indicator row (a count, a share 0-1 or years) as a monitoring ``Sourced``; a
    ``Reconciled`` when ``ind`` went through ``with_published`` and the value equals a published one."""
    return sourced_value(pick(ind, indicator, group, category))


def as_published(v) -> Sourced:
    """A reconciled value as the published value it equals (kind published), so that arithmetic on it gives
    values derived from published ones; other values unchanged."""
    if isinstance(v, Reconciled):
        return Sourced(v.printed, published(v.source.reconciled))
    return v


def fmt_value(v, decimals: int = 0, unit: str = "share") -> str:
    """A value of the indicator table for the text: a reconciled value at the printed precision (36-54 anni:
    '50%' as printed, not '49,8%'), others as ``fmt_share`` (shares), ``fmt_num`` (years) or ``fmt_int``."""
    places = v.decimals if isinstance(v, Reconciled) else decimals
    if unit == "share":
        return fmt_pct(v, places) if isinstance(v, Reconciled) else fmt_share(v, places)
    if unit == "years":
        return fmt_num(v, places)
    return fmt_int(v)


def fmt_p(p: float) -> str:
    """A p-value for the text: 'p < 0,001', 'p = 0,042'; never rounded across the significance level."""
    src = monitoring(f"{MONITORING_REF}, test statistico")
    if p < 0.001:
        return f"p < {fmt_num(0.001, 3, src=src)}"
    if p < ALPHA <= round_half_up(p, 3):
        return f"p < {fmt_num(ALPHA, 2, src=src)}"
    return f"p = {fmt_num(p, 3, src=src)}"


LABELS_SOURCE = curated("etichette delle categorie del monitoraggio")


def labelled(text: str, src: Source = LABELS_SOURCE) -> Md:
    """A data label escaped (``escape``), its numbers ('36-54 anni') as spans of ``src``: category names."""
    import re

    from quartieri_erp.presentation.markup import number

    return Md(re.sub(r"\d+(?:[.,]\d+)*", lambda m: number(m.group(0), src), escape(text)))


SIGNIFICANT, NOT_SIGNIFICANT, UNCERTAIN, UNTESTABLE = "significant", "not significant", "uncertain", "untestable"


VERDICT_WORDS = {
    SIGNIFICANT: "è significativa",
    NOT_SIGNIFICANT: "non è significativa",
    UNCERTAIN: "è incerta, perché i test non concordano",
}


@dataclass(frozen=True)
class Difference:
    """Whether the sub-projects differ on one characteristic, judged on every test run on it."""

    verdict: str  # SIGNIFICANT (every p < ALPHA), NOT_SIGNIFICANT (none), UNCERTAIN (they disagree), UNTESTABLE
    clause: str  # 'è significativa (p < 0,001)', to follow 'la differenza'
    detail: str = ""  # '(p < 0,001)': every p-value, compact


def difference(tests: pd.DataFrame, indicator: str) -> Difference:
    """The verdict on ``indicator`` and its clause with the p-value of each test, named once and compactly
    ('(p = 0,030)', '(p = 0,012 e p = 0,020)' for the two tests of age); a chi-square with an expected count
    below ``MIN_EXPECTED`` carries a warning. The one rule of every chapter."""
    rows = tests[(tests["indicator"] == indicator) & tests["p_value"].notna()]
    if rows.empty:
        return Difference(
            UNTESTABLE, "non si può verificare con un test: uno dei due gruppi è vuoto o ha una sola categoria"
        )
    detail = f"({' e '.join(fmt_p(p) for p in rows['p_value'])})"
    significant = rows["p_value"] < ALPHA
    verdict = SIGNIFICANT if significant.all() else NOT_SIGNIFICANT if not significant.any() else UNCERTAIN
    clause = f"{VERDICT_WORDS[verdict]} {detail}"
    sparse = (rows["test"] == "chi_square") & (rows["min_expected"] < MIN_EXPECTED)
    if sparse.any():
        clause += ", ma con frequenze attese molto piccole, da leggere con cautela"
    return Difference(verdict, clause, detail)


def shown_age(years: float) -> float:
    """A mean age as the text shows it (``AGE_DECIMALS``, half-up): two ages are 'the same' when these are equal."""
    return round_half_up(years, AGE_DECIMALS)


def monitoring_source(as_of, synthetic: bool) -> str:
    """The monitoring data as a source, for 'Fonte:' lines (``curated.citations.source_line``, ``cite``):
    'dati di monitoraggio dei progetti integrati al 30 novembre 2020 (dati sintetici)'."""
    text = f"dati di monitoraggio dei progetti integrati {date_with(as_of, 'al')}"
    return f"{text} (dati sintetici)" if synthetic else text
