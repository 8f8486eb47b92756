"""Statistical disclosure control that holds against subtraction: primary and complementary suppression, and an
audit by linear programming of everything the report publishes about the same population.

Model
-----
A protected table is a set of *cells* (counts of people; any hashable key) linked by *published equalities*:
row and column totals, grand totals, totals printed in other chapters (chapter 3 prints the participants per
sub-project, by sex, by citizenship and the PIPs by status), and identities such as "Laboratori = solo Laboratori
+ entrambi". A cell is

- ``shown``: printed (zeros included: a printed zero is published);
- ``primary``: a count below the threshold ``t``, printed as ``"<t"`` (``mark``);
- ``complementary``: a count of at least ``t`` hidden only so that a primary cell cannot be computed by
  difference, printed as ``COMPLEMENTARY_MARK`` (``"n.d."``), never as ``"<t"``.

Cells that a table does not print but that follow from printed ones (e.g. "solo Laboratori" = Laboratori − entrambi)
are cells too, with ``printed`` False: they are protected like the others.

Zeros. With ``zeros="small"`` (the default of ``protect``) a zero is a count below the threshold like any other:
it is a primary cell printed ``"<t"``. Printed zeros would tell which cells hide a non-zero count, and with a small
published total they pin them (four projects hiding one withdrawal each, with four withdrawals printed elsewhere,
each hide exactly 1). A zero that a published total of zero already implies is shown as 0. With ``zeros="shown"``
zeros are printed and primary cells are known to hold 1 … t−1.

What a reader can infer (the audit's constraints). Every published equality; shown cells at their value; a primary
cell between 0 (1 when zeros are shown) and t−1, as its mark says; a complementary cell at least t (it is not
primary); a cell that is not printed at least 0. Integers are relaxed to reals.

Protection rule. For every hidden cell the audit computes, with ``scipy.optimize.linprog``, the smallest and
largest value that all the published figures *together* allow (its feasible interval). The rule:

1. no hidden cell is ever pinned: its feasible interval is at least 1 wide (it never collapses to one value);
2. a primary cell keeps at least t−1 possible values: its interval is at least t−2 wide (for t = 5, e.g. 0 … 3
   or 1 … 4, never 3 … 4), or, when a single published total containing it already allows less (a column
   total of 2 leaves 0 … 2, counting the other hidden cells of that total as any value ≥ 0), as wide as that
   total alone allows. Combining the figures of the report (margins,
   totals of other chapters, zeros) may thus rule out at most one of the values its mark "<t" leaves open.
   (A width of t, as rules of thumb ask of larger cells, cannot be required of a cell whose mark already says it
   lies in 0 … t−1.)

A cell that breaks the rule gets more complementary suppression: among the shown cells of at least ``t`` that
share a published equality with it (or, failing those, with a hidden cell that does), the one that repairs it at
the least information loss (its value: the smallest count) is hidden, or else the one that widens its interval
most per unit of loss; the audit runs again until it passes. When no cell can repair it, ``protect`` raises
``DisclosureError`` naming the table and the cell, and the build stops.

Shares and means of a group are shown only where the counts they are computed from are shown (see
``shown_share``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import linprog

from quartieri_erp.presentation.formatting import fmt_int
from quartieri_erp.presentation.markup import Md, number
from quartieri_erp.presentation.provenance import Source, curated

SHOWN, PRIMARY, COMPLEMENTARY = "shown", "primary", "complementary"
COMPLEMENTARY_MARK = "n.d."
EPS = 1e-6
THRESHOLD_SOURCE = curated("soglia di riservatezza fissata nei parametri dell'edizione (suppression_threshold)")

NOTE = (
    "I valori inferiori a {threshold} sono oscurati ({mark}), insieme a quelli che permetterebbero "
    "di ricostruirli, per tutelare la riservatezza dei partecipanti."
)


# --- Legacy helpers (kept for callers: chapters/indicators.py) ----------------------------------------------


def suppression_mask(counts: pd.DataFrame, threshold: int) -> pd.DataFrame:
    """True where a cell of ``counts`` (rows × categories) must not be shown: counts in 1 … threshold−1, and,
    when a row then has exactly one hidden cell, its smallest other non-zero cell (row totals known). This is the
    first step only: ``protect_table`` audits the result against all published totals."""
    values = counts.to_numpy(dtype=float, na_value=np.nan)
    mask = (values > 0) & (values < threshold)
    candidates = np.where((values > 0) & ~mask, values, np.inf)
    rows = np.flatnonzero((mask.sum(axis=1) == 1) & np.isfinite(candidates).any(axis=1))
    if rows.size:
        mask[rows, candidates[rows].argmin(axis=1)] = True  # the first smallest, as idxmin
    return pd.DataFrame(mask, index=counts.index, columns=counts.columns)


def mark(threshold: int) -> str:
    """The visible mark of a primary cell (a count below the threshold), e.g. '<5'. Plain text."""
    return f"<{threshold}"


def note(threshold: int) -> str:
    """The sentence explaining the suppression marks, for the notes under a table (plain text)."""
    return NOTE.format(threshold=fmt_int(threshold), mark=mark(threshold))


# --- Marks and notes as Markdown with provenance ---------------------------------------------------------------


def threshold_md(threshold: int) -> Md:
    """The threshold as a number span of kind ``curated`` (a parameter chosen for the edition)."""
    return Md(number(fmt_int(threshold), THRESHOLD_SOURCE))


def mark_md(threshold: int) -> Md:
    """The mark of a primary cell as Markdown: '\\<' followed by the threshold as a sourced number."""
    return Md("\\<" + threshold_md(threshold))


def complementary_mark_md() -> Md:
    return Md(COMPLEMENTARY_MARK)


def notes_md(threshold: int, primary: bool = True, complementary: bool = True, zeros: str = "small") -> Md:
    """The notes under a protected table: what each mark means and the rule the audit checks."""
    t = threshold_md(threshold)
    parts = []
    if primary:
        low = "zero compreso" if zeros == "small" else "da uno"
        parts.append(
            f"{mark_md(threshold)}: conteggio inferiore a {t} ({low}), oscurato per tutelare la "
            "riservatezza dei partecipanti."
        )
    if complementary:
        parts.append(
            f"{COMPLEMENTARY_MARK}: valore non inferiore a {t}, oscurato per impedire il calcolo per "
            "differenza di un valore piccolo a partire dai totali pubblicati."
        )
    if primary or complementary:
        values = max(2, threshold - 1)
        parts.append(
            "Una verifica di programmazione lineare su tutto ciò che il rapporto pubblica sulle stesse "
            "persone (totali della tabella e degli altri capitoli, zeri) controlla che nessun valore "
            "oscurato possa essere ricostruito: combinati, i valori pubblicati lasciano a ogni conteggio "
            f"segnato {mark_md(threshold)} almeno {number(fmt_int(values), THRESHOLD_SOURCE)} valori "
            "possibili (meno solo se un singolo totale pubblicato è già più piccolo) e a ogni altro valore "
            "oscurato più di un valore possibile."
        )
    return Md(" ".join(parts))


# --- The model -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Equality:
    """A published equality: ``sum(coefficient × cell) == total``."""

    terms: Mapping[Hashable, float]
    total: float = 0.0
    label: str = ""


def sums_to(
    cells: Iterable[Hashable], total: float | None = None, total_cell: Hashable | None = None, label: str = ""
) -> Equality:
    """``sum(cells) == total`` (a published number) or ``sum(cells) == total_cell`` (a cell of the table)."""
    terms: dict[Hashable, float] = {}
    for cell in cells:
        terms[cell] = terms.get(cell, 0.0) + 1.0
    if total_cell is not None:
        terms[total_cell] = terms.get(total_cell, 0.0) - 1.0
    return Equality(terms, float(total or 0.0), label)


class DisclosureError(RuntimeError):
    """A protected table fails the audit: a hidden cell can be computed or narrowed from published figures."""

    def __init__(
        self, table: str, cell: Hashable, low: float, high: float, required: float, value: float | None = None
    ):
        self.table, self.cell, self.low, self.high, self.required = table, cell, low, high, required
        super().__init__(
            f"disclosure audit failed for table {table!r}, cell {cell!r}: the published figures together allow "
            f"only {low:g} … {high:g} (the rule requires an interval at least {required:g} wide); complementary "
            "suppression could not protect it"
        )


@dataclass
class Protection:
    """The result of ``protect``: the status of every cell and the audit of every hidden one."""

    table: str
    threshold: int
    zeros: str
    values: pd.Series
    status: pd.Series  # SHOWN / PRIMARY / COMPLEMENTARY
    printed: pd.Series  # bool
    equalities: list[Equality] = field(repr=False)
    intervals: pd.DataFrame = field(repr=False)  # per hidden cell: low, high, need_width, ok

    @property
    def hidden(self) -> pd.Series:
        return self.status != SHOWN

    def is_shown(self, cell: Hashable) -> bool:
        return self.status[cell] == SHOWN

    def text(self, cell: Hashable, fmt: Callable[[float], str] = fmt_int) -> str:
        """The cell as printed: the formatted value, the primary mark or the complementary mark."""
        state = self.status[cell]
        if state == PRIMARY:
            return mark(self.threshold)
        if state == COMPLEMENTARY:
            return COMPLEMENTARY_MARK
        return fmt(self.values[cell])

    def md(self, cell: Hashable, src: Source | None = None) -> Md:
        """The cell as Markdown: a sourced number, or a mark (the threshold of '<5' sourced)."""
        state = self.status[cell]
        if state == PRIMARY:
            return mark_md(self.threshold)
        if state == COMPLEMENTARY:
            return complementary_mark_md()
        return Md(fmt_int(self.values[cell], src=src)) if src else Md(fmt_int(self.values[cell]))

    def check(self) -> None:
        """Raise ``DisclosureError`` for the first hidden cell that breaks the rule (audit again, from scratch)."""
        report = audit(self.values, self.status, self.printed, self.equalities, self.threshold, self.zeros, exact=False)
        _raise_first(self.table, report, self.values)

    def audit(self, exact: bool = True, cells: Iterable[Hashable] | None = None) -> pd.DataFrame:
        """The audit of every hidden cell (or of ``cells``), from scratch (``audit``)."""
        return audit(
            self.values,
            self.status,
            self.printed,
            self.equalities,
            self.threshold,
            self.zeros,
            cells=cells,
            exact=exact,
        )

    @property
    def counts(self) -> dict[str, int]:
        return {state: int((self.status[self.printed] == state).sum()) for state in (PRIMARY, COMPLEMENTARY)}


def _raise_first(table: str, report: pd.DataFrame, values: pd.Series) -> None:
    bad = report[~report["ok"]]
    if len(bad):
        cell = bad.index[0]
        row = bad.iloc[0]
        raise DisclosureError(table, cell, row["low"], row["high"], row["need_width"], float(values[cell]))


def _bounds(
    values: pd.Series, status: pd.Series, printed: pd.Series, threshold: int, zeros: str
) -> tuple[np.ndarray, np.ndarray]:
    """What a reader knows of each cell on its own: shown cells exactly, primary ones from their mark,
    complementary ones are not below the threshold, unprinted ones are not negative."""
    v = values.to_numpy(dtype=float)
    st = status.to_numpy()
    pr = printed.to_numpy(dtype=bool)
    low = np.zeros(len(v))
    high = np.full(len(v), np.inf)
    shown = st == SHOWN
    low[shown], high[shown] = v[shown], v[shown]
    prim = (st == PRIMARY) & pr
    high[prim] = threshold - 1
    if zeros == "shown":
        low[prim] = np.minimum(1, threshold - 1)
    comp = (st == COMPLEMENTARY) & pr
    low[comp] = threshold
    return low, high


class _System:
    """The published equalities as a sparse matrix over the cells."""

    def __init__(self, cells: pd.Index, equalities: Sequence[Equality]):
        position = {cell: i for i, cell in enumerate(cells)}
        rows, cols, data, rhs = [], [], [], []
        for r, eq in enumerate(equalities):
            for cell, coef in eq.terms.items():
                if cell not in position:
                    raise KeyError(f"equality {eq.label or r!r} names an unknown cell {cell!r}")
                rows.append(r)
                cols.append(position[cell])
                data.append(float(coef))
            rhs.append(float(eq.total))
        self.matrix = sparse.csr_matrix((data, (rows, cols)), shape=(len(equalities), len(cells)))
        self.rhs = np.asarray(rhs, dtype=float)
        self.by_cell = [set() for _ in cells]
        for r, c in zip(rows, cols):
            self.by_cell[c].add(r)
        self.cells_of = [set() for _ in equalities]
        for r, c in zip(rows, cols):
            self.cells_of[r].add(c)


def _single_equality_range(system: _System, j: int, low: np.ndarray, high: np.ndarray) -> tuple[float, float]:
    """The range of cell ``j`` given its own bounds and each single equality containing it (no combination)."""
    lo, hi = low[j], high[j]
    m = system.matrix
    for r in system.by_cell[j]:
        row = m.getrow(r)
        coefs = dict(zip(row.indices, row.data))
        a = coefs.get(j, 0.0)
        if abs(a) < EPS:
            continue
        # a*x = rhs - sum(others); others range in [min_others, max_others]
        min_o = max_o = 0.0
        for k, c in coefs.items():
            if k == j:
                continue
            lo_k, hi_k = (c * low[k], c * high[k]) if c > 0 else (c * high[k], c * low[k])
            min_o += lo_k
            max_o += hi_k
        rest_hi = system.rhs[r] - min_o
        rest_lo = system.rhs[r] - max_o
        x_hi, x_lo = (rest_hi / a, rest_lo / a) if a > 0 else (rest_lo / a, rest_hi / a)
        if not math.isnan(x_hi):
            hi = min(hi, x_hi)
        if not math.isnan(x_lo):
            lo = max(lo, x_lo)
    return lo, hi


def _lp_bound(
    system: _System, variables: np.ndarray, low: np.ndarray, high: np.ndarray, j: int, fixed: np.ndarray, sign: float
) -> tuple[float, np.ndarray | None]:
    """The minimum (``sign`` 1) or maximum (``sign`` -1) of cell ``j`` subject to all published equalities,
    by linear programming (``scipy.optimize.linprog``) over the hidden cells, with the solution (all cells)."""
    m = system.matrix
    idx = np.flatnonzero(fixed)
    rhs = system.rhs - m[:, idx] @ low[idx] if len(idx) else system.rhs.copy()
    sub = m[:, variables]
    used = np.flatnonzero(sub.getnnz(axis=1) > 0)
    bounds = list(zip(low[variables], [None if math.isinf(h) else h for h in high[variables]]))
    c = np.zeros(len(variables))
    c[int(np.flatnonzero(variables == j)[0])] = sign
    res = linprog(
        c, A_eq=sub[used] if len(used) else None, b_eq=rhs[used] if len(used) else None, bounds=bounds, method="highs"
    )
    if res.status == 3:  # unbounded
        return (-math.inf if sign > 0 else math.inf), None
    if res.status != 0:
        raise ValueError(f"the published equalities are inconsistent with the data ({res.message})")
    point = low.copy()
    point[variables] = res.x
    return float(sign * res.fun), point


def _requirement(system: _System, j: int, low: np.ndarray, high: np.ndarray, status: str, threshold: int) -> float:
    """The width the feasible interval of a hidden cell must keep (see the module's protection rule)."""
    own = high[j] - low[j]
    if status == PRIMARY:
        # what each published total allows on its own, with the hidden cells at any value not negative (the
        # complementary marks' "at least t" is not counted: a small complementary cell must not excuse a narrow
        # interval)
        lo, hi = _single_equality_range(system, j, np.where(low == high, low, np.minimum(low, 0.0)), high)
        return max(min(1.0, own), min(threshold - 2.0, hi - lo))
    return min(1.0, own)  # complementary or not printed: never pinned


def _check_one(
    system, low, high, status_arr, j, threshold, full: bool = True, pool: list[np.ndarray] | None = None
) -> dict:
    """The audit of hidden cell ``j``: its feasible interval, the width the rule requires, and whether it holds.

    ``pool``: feasible points already known (the true values, earlier LP solutions): when two of them already
    differ by the required width no LP is solved (low/high are then what the points show, which proves the rule);
    new LP solutions are appended to it. With ``full`` False the minimum is not computed when the maximum
    alone shows that the rule fails."""
    hidden_vars = np.flatnonzero(status_arr != SHOWN)
    fixed = status_arr == SHOWN
    need = _requirement(system, j, low, high, status_arr[j], threshold)
    seen = [p[j] for p in pool] if pool else []
    if seen and max(seen) - min(seen) >= need - EPS:
        return {"low": min(seen), "high": max(seen), "need_width": need, "ok": True}
    hi, point = _lp_bound(system, hidden_vars, low, high, j, fixed, -1.0)
    if point is not None and pool is not None:
        pool.append(point)
        seen.append(point[j])
    if seen and hi - min(seen) >= need - EPS:
        return {"low": min(seen), "high": hi, "need_width": need, "ok": True}
    if not full and hi - low[j] < need - EPS:
        return {"low": math.nan, "high": hi, "need_width": need, "ok": False}
    lo, point = _lp_bound(system, hidden_vars, low, high, j, fixed, 1.0)
    if point is not None and pool is not None:
        pool.append(point)
    return {"low": lo, "high": hi, "need_width": need, "ok": bool(hi - lo >= need - EPS)}


def audit(
    values: pd.Series,
    status: pd.Series,
    printed: pd.Series | None,
    equalities: Sequence[Equality],
    threshold: int,
    zeros: str = "small",
    cells: Iterable[Hashable] | None = None,
    exact: bool = True,
) -> pd.DataFrame:
    """The feasible interval of every hidden cell (or of ``cells``) given all published figures, with the
    interval the rule requires and whether it holds (columns low, high, need_width, ok).

    ``exact``: the true minimum and maximum of every cell (two LPs each); otherwise a side of the rule already
    shown by a known feasible point (the true values or an earlier LP solution) is not solved again, and low/high
    are then what the points show (still a proof that the rule holds)."""
    printed = printed if printed is not None else pd.Series(True, index=values.index)
    printed = printed.reindex(values.index).fillna(True).astype(bool)
    system = _System(values.index, equalities)
    low, high = _bounds(values, status, printed, threshold, zeros)
    st = status.to_numpy()
    pool = None if exact else [values.to_numpy(dtype=float).copy()]
    if cells is None:
        targets = [j for j in np.flatnonzero(st != SHOWN) if printed.iloc[j] or st[j] == PRIMARY]
    else:
        targets = [values.index.get_loc(c) for c in cells]
    rows = {values.index[j]: _check_one(system, low, high, st, j, threshold, pool=pool) for j in targets}
    columns = ["low", "high", "need_width", "ok"]
    if not rows:
        return pd.DataFrame(columns=columns).astype({"ok": bool})
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=columns)
    frame.index = pd.Index(list(rows), tupleize_cols=False)
    return frame.astype({"ok": bool})


def _known_zero(system: _System, values: np.ndarray) -> np.ndarray:
    """Cells that published totals of zero force to zero: an equality with total zero whose unknown cells all have
    coefficients of one sign, repeated as cells become known (a row of known zeros makes its total cell known)."""
    known = np.zeros(len(values), dtype=bool)
    m = system.matrix
    rows = [m.getrow(r) for r in range(m.shape[0])]
    changed = True
    while changed:
        changed = False
        for r, row in enumerate(rows):
            if abs(system.rhs[r]) > EPS:
                continue
            unknown = ~known[row.indices]
            data = row.data[unknown]
            if len(data) and (np.all(data > 0) or np.all(data < 0)):
                known[row.indices[unknown]] = True
                changed = True
    return known & (values == 0)


def protect(
    values: pd.Series,
    equalities: Sequence[Equality],
    threshold: int,
    *,
    printed: pd.Series | None = None,
    zeros: str = "small",
    cost: pd.Series | None = None,
    candidates: pd.Series | None = None,
    table: str = "tabella",
    max_rounds: int = 500,
) -> Protection:
    """Primary suppression, then complementary suppression until the audit passes (see the module docstring).

    ``values``: the true counts, one per cell (any hashable index); ``equalities``: everything published about
    the same population; ``printed``: False for cells the table does not print (they are still protected);
    ``cost``: the information loss of hiding a cell (default: its value); ``candidates``: False for cells that
    must not be hidden as complementary. Raises ``DisclosureError`` when a cell cannot be protected.
    """
    if zeros not in ("small", "shown"):
        raise ValueError("zeros must be 'small' or 'shown'")
    values = values.astype(float)
    printed = (printed if printed is not None else pd.Series(True, index=values.index)).reindex(values.index)
    printed = printed.fillna(True).astype(bool)
    cost = (cost if cost is not None else values.clip(lower=1)).reindex(values.index).astype(float)
    allowed = (
        (candidates if candidates is not None else pd.Series(True, index=values.index))
        .reindex(values.index)
        .fillna(False)
        .astype(bool)
    )
    system = _System(values.index, equalities)
    v = values.to_numpy()
    if np.any(np.abs(system.matrix @ v - system.rhs) > 1e-6):
        bad = int(np.flatnonzero(np.abs(system.matrix @ v - system.rhs) > 1e-6)[0])
        raise ValueError(
            f"table {table!r}: the data do not satisfy the published equality {equalities[bad].label or bad!r}"
        )
    small = (v < threshold) & ((v > 0) | (zeros == "small")) & (threshold > 1)
    small &= ~_known_zero(system, v)
    st = np.where(small, PRIMARY, SHOWN).astype(object)
    st[(~printed.to_numpy()) & ~small] = COMPLEMENTARY  # not printed: a free variable, audited as complementary
    pr = printed.to_numpy()

    memo: dict = {}
    pool = [v.copy()]  # feasible points of the current state (hiding more cells keeps them feasible)

    def check(j: int, st_arr: np.ndarray, full: bool = True) -> dict:
        key = (j, full, np.packbits(st_arr == SHOWN).tobytes(), np.packbits(st_arr == PRIMARY).tobytes())
        if key not in memo:
            low, high = _bounds(values, pd.Series(st_arr, index=values.index), printed, threshold, zeros)
            trial = st_arr is not st
            memo[key] = _check_one(system, low, high, st_arr, j, threshold, full, list(pool) if trial else pool)
        return memo[key]

    ok_candidate = allowed.to_numpy() & pr & (v >= threshold)
    costs = cost.to_numpy()
    _no_singletons(system, st, ok_candidate, costs, pr)
    rounds = 0
    while True:
        todo = [j for j in np.flatnonzero(st != SHOWN) if pr[j] or st[j] == PRIMARY]
        failing = [j for j in todo if not check(j, st)["ok"]]
        if not failing:
            break
        for j in failing:
            while True:
                r = check(j, st)
                if r["ok"]:
                    break
                rounds += 1
                chosen = None if rounds > max_rounds else _choose(system, st, ok_candidate, costs, j, r, check)
                if chosen is None and rounds <= max_rounds:
                    chosen = _fallback(system, st, ok_candidate, costs, j)
                if chosen is None:
                    raise DisclosureError(table, values.index[j], r["low"], r["high"], r["need_width"], float(v[j]))
                st[chosen] = COMPLEMENTARY
                _no_singletons(system, st, ok_candidate, costs, pr)
    final = pd.Series(st, index=values.index)
    targets = [j for j in np.flatnonzero(st != SHOWN) if pr[j] or st[j] == PRIMARY]
    report = pd.DataFrame.from_dict(
        {values.index[j]: check(j, st) for j in targets}, orient="index", columns=["low", "high", "need_width", "ok"]
    )
    report.index = pd.Index([values.index[j] for j in targets], tupleize_cols=False)
    return Protection(table, int(threshold), zeros, values, final, printed, list(equalities), report)


def _neighbours(system: _System, cells: Iterable[int]) -> set[int]:
    found: set[int] = set()
    for j in cells:
        for r in system.by_cell[j]:
            found |= system.cells_of[r]
    return found


def _hidden_in(system: _System, st: np.ndarray, r: int) -> int:
    return sum(1 for k in system.cells_of[r] if st[k] != SHOWN)


def _key(system: _System, st: np.ndarray, costs: np.ndarray, k: int) -> tuple:
    """Preference among candidates: the least loss, doubled for each equality that hiding it would leave with a
    single hidden cell (to be repaired in turn) and halved for each such equality it repairs."""
    hidden = [_hidden_in(system, st, r) for r in system.by_cell[k]]
    net = sum(1 for h in hidden if h == 0) - sum(1 for h in hidden if h == 1)
    return costs[k] * 2.0**net, k


def _no_singletons(
    system: _System, st: np.ndarray, ok: np.ndarray, costs: np.ndarray, printed: np.ndarray | None = None
) -> None:
    """Until no published equality has exactly one hidden cell (which it would pin), hide in each such
    equality its best candidate (see ``_key``). Equalities without a candidate are left to the audit. A lone
    cell that is neither printed nor small (``printed`` False: a free variable such as an unprinted sum) needs no
    protection and asks for none."""
    stuck: set[int] = set()

    def lone_protected(r: int) -> bool:
        hidden = [k for k in system.cells_of[r] if st[k] != SHOWN]
        return len(hidden) == 1 and (printed is None or printed[hidden[0]] or st[hidden[0]] == PRIMARY)

    while True:
        lonely = [r for r in range(len(system.cells_of)) if r not in stuck and lone_protected(r)]
        if not lonely:
            return
        r = lonely[0]
        candidates = [k for k in system.cells_of[r] if st[k] == SHOWN and ok[k]]
        if not candidates:
            stuck.add(r)
            continue
        st[min(candidates, key=lambda k: _key(system, st, costs, k))] = COMPLEMENTARY


def _choose(system, st, ok, costs, j, current, check) -> int | None:
    """The shown cell whose complementary suppression best protects cell ``j``: one that repairs it at the least
    loss, or else the largest widening of its interval per unit of loss; None when no single cell helps."""
    frontier = {j}
    seen: set[int] = set()
    width = current["high"] - current["low"]
    for _ in range(2):  # cells sharing an equality with j, then with the hidden cells linked to it
        near = _neighbours(system, frontier)
        candidates = sorted((k for k in near - seen if st[k] == SHOWN and ok[k]), key=lambda k: (costs[k], k))
        seen |= near
        best, best_key = None, None
        for k in candidates:
            trial = st.copy()
            trial[k] = COMPLEMENTARY
            r = check(j, trial, full=False)
            low = current["low"] if math.isnan(r["low"]) else r["low"]  # the minimum can only fall
            gain = (r["high"] - low) - width
            if r["ok"]:
                return k  # sorted by loss: the first that repairs it is the cheapest
            if gain > EPS and (best_key is None or -gain / costs[k] < best_key):
                best, best_key = k, -gain / costs[k]
        if best is not None:
            return best
        frontier = {k for k in near if st[k] != SHOWN} | frontier
    return None


def _fallback(system, st, ok, costs, j) -> int | None:
    """When no single cell widens the interval of ``j`` (several are needed together), the best candidate
    (``_key``) sharing an equality with ``j``, or with a hidden cell linked to it."""
    frontier = {j}
    for _ in range(3):
        near = _neighbours(system, frontier)
        candidates = [k for k in near if st[k] == SHOWN and ok[k]]
        if candidates:
            return min(candidates, key=lambda k: _key(system, st, costs, k))
        frontier = {k for k in near if st[k] != SHOWN} | frontier
    return None


# --- Two-way tables ------------------------------------------------------------------------------------------

TOTAL = "__total__"


def protect_table(
    counts: pd.DataFrame,
    threshold: int,
    *,
    row_totals: bool | pd.Series = True,
    column_totals: bool | pd.Series = True,
    grand_total: bool = True,
    extra: Sequence[Equality] = (),
    zeros: str = "small",
    table: str = "tabella",
) -> Protection:
    """``protect`` for a rows × categories table of counts.

    ``row_totals`` / ``column_totals``: True when the table prints the totals as cells (keys ``(row, TOTAL)`` and
    ``(TOTAL, column)``, which may be hidden too); a Series when the totals are published elsewhere (constants
    that cannot be hidden); False when they are not published. ``grand_total``: the sum of all cells is
    published. ``extra``: more published equalities over the keys ``(row, column)``.
    """
    keys, vals, printed = [], [], []
    for r in counts.index:
        for c in counts.columns:
            keys.append((r, c))
            vals.append(float(counts.loc[r, c]))
            printed.append(True)
    eqs: list[Equality] = []
    row_sum, col_sum = counts.sum(axis=1), counts.sum(axis=0)
    if row_totals is True:
        for r in counts.index:
            keys.append((r, TOTAL))
            vals.append(float(row_sum[r]))
            printed.append(True)
            eqs.append(sums_to([(r, c) for c in counts.columns], total_cell=(r, TOTAL), label=f"totale {r}"))
    elif isinstance(row_totals, pd.Series):
        for r in counts.index:
            eqs.append(sums_to([(r, c) for c in counts.columns], total=float(row_totals[r]), label=f"totale {r}"))
    if column_totals is True:
        for c in counts.columns:
            keys.append((TOTAL, c))
            vals.append(float(col_sum[c]))
            printed.append(True)
            eqs.append(sums_to([(r, c) for r in counts.index], total_cell=(TOTAL, c), label=f"totale {c}"))
    elif isinstance(column_totals, pd.Series):
        for c in counts.columns:
            eqs.append(sums_to([(r, c) for r in counts.index], total=float(column_totals[c]), label=f"totale {c}"))
    if grand_total:
        eqs.append(
            sums_to(
                [(r, c) for r in counts.index for c in counts.columns],
                total=float(col_sum.sum()),
                label="totale generale",
            )
        )
    index = pd.Index(keys, tupleize_cols=False)
    return protect(
        pd.Series(vals, index=index),
        [*eqs, *extra],
        threshold,
        printed=pd.Series(printed, index=index),
        zeros=zeros,
        table=table,
    )


def status_frame(protection: Protection, rows: Sequence, columns: Sequence) -> pd.DataFrame:
    """The status of the cells ``(row, column)`` as a rows × columns frame."""
    return pd.DataFrame([[protection.status[(r, c)] for c in columns] for r in rows], index=rows, columns=columns)


def shown_share(protection: Protection, numerator: Hashable, *others: Hashable) -> bool:
    """True when a share or mean built from these cells may be shown: every one of them is shown and the group
    (the numerator's base) is not below the threshold."""
    return all(protection.status[c] == SHOWN for c in (numerator, *others))
