"""Chapter 2: the procedures of actions 9.1.3 and 9.4.2, the regional call and the two urban strategies."""

from __future__ import annotations

import math
from fractions import Fraction

import pandas as pd

from quartieri_erp.chapters.programme import (  # noqa: F401
    FUNDED,
    NOT_ADMITTED,
    call_outcomes,
    funded_projects,
)
from quartieri_erp.chapters.wording import date_with, join_it, with_article
from quartieri_erp.inputs.curated import fact
from quartieri_erp.presentation.formatting import fmt_eur, fmt_eur_millions, fmt_int, fmt_partial_date, fmt_pct
from quartieri_erp.presentation.markdown_tables import md_frame
from quartieri_erp.presentation.markup import Md, escape
from quartieri_erp.presentation.provenance import Sourced, derived, source_of

NOT_NAMED = "Capofila non indicato nella fonte"  # the lead partner the source does not name (D05): never guessed


# --- Tabella 2.1 --------------------------------------------------------------------------------------


def procedures_table(procedures: pd.DataFrame) -> pd.DataFrame:
    """Tabella 2.1 for display: actions, territory, procedure, cost, eligible spending, operations."""
    return pd.DataFrame(
        {
            "Azioni": procedures["actions"].str.split(";").map(join_it),
            "Territorio": procedures["territory_label"],
            "Procedura": procedures["call_name"],
            "Costo": procedures["cost_eur"],
            "Spesa ammissibile": procedures["eligible_spending_eur"],
            "Operazioni": procedures["operations"],
        }
    ).reset_index(drop=True)


def accounting_eur(amount: float) -> str:
    """An amount of Tabella 2.1 as the published table prints it: a zero is a dash ('- €' in accounting format),
    any other amount in euro."""
    return "–" if amount == 0 else fmt_eur(amount)


def cost_by_territory(procedures: pd.DataFrame, exclude: tuple[str, ...] = ()) -> pd.DataFrame:
    """Cost of the procedures of each territory code and its share of the total (``exclude``: procedure ids)."""
    kept = procedures[~procedures["procedure_id"].isin(exclude)]
    cost = kept.groupby("territory", sort=False)["cost_eur"].sum().round(2)
    return pd.DataFrame({"cost_eur": cost, "share": cost / cost.sum()})


def operations_sentence(operations: int, funded: int) -> str:
    """How the operations of the regional call relate to its funded projects (two sub-projects each)."""
    if operations == 2 * funded:
        return (
            f"le {fmt_int(operations)} operazioni selezionate sono esattamente il doppio dei "
            f"{fmt_int(funded)} progetti finanziati: un'operazione per ciascuno dei due sub-progetti"
        )
    return (
        f"le {fmt_int(operations)} operazioni selezionate non corrispondono al doppio dei "
        f"{fmt_int(funded)} progetti finanziati, come ci si attenderebbe con due sub-progetti ciascuno"
    )


# --- Budget and outcome of the regional call ----------------------------------------------------------


def call_budget(facts: pd.DataFrame) -> dict[str, float]:
    """Initial budget (and its split by action: 9.1.3 printed, 9.4.2 by difference, D03), top-up, their
    sum, the stated total and the gap (sum minus stated total)."""
    initial, topup = fact(facts, "call_initial_budget_eur"), fact(facts, "call_topup_eur")
    total, active_inclusion = fact(facts, "call_budget_total_eur"), fact(facts, "call_initial_budget_913_eur")
    return {
        "initial": initial,
        "topup": topup,
        "sum": round(initial + topup, 2),
        "total": total,
        "gap": round(initial + topup - total, 2),
        "initial_913": active_inclusion,
        "initial_942": round(initial - active_inclusion, 2),
    }


BUDGET_KEYS = ("call_initial_budget_eur", "call_topup_eur", "call_budget_total_eur")


def budget_rows(facts: pd.DataFrame) -> pd.DataFrame:
    """The rows of facts.csv behind the budget table (for its 'Fonte:' line)."""
    return facts[facts["key"].isin(BUDGET_KEYS)]


def budget_table(facts: pd.DataFrame) -> pd.DataFrame:
    """The budget of the call as printed, with the two computed lines that expose the gap."""
    b = call_budget(facts)
    return pd.DataFrame(
        {
            "Voce": [
                "Dotazione iniziale",
                "Integrazione della dotazione",
                "Somma di dotazione iniziale e integrazione (calcolata)",
                "Risorse complessive dichiarate",
                "Differenza tra somma e risorse dichiarate (calcolata)",
            ],
            "Importo": [b["initial"], b["topup"], b["sum"], b["total"], b["gap"]],
        }
    )


def _rounded(value, decimals: int = 2):
    """``round`` that keeps the provenance of a ``Sourced`` value."""
    source = source_of(value)
    result = round(float(value), decimals)
    return Sourced(result, source) if source else result


def budget_gap_sentence(initial: float, topup: float, total: float) -> str:
    """States plainly whether initial budget plus top-up add up to the stated total (a full sentence)."""
    added = _rounded(initial + topup, 2)
    gap = _rounded(added - total, 2)
    if gap == 0:
        return (
            f"I conti pubblicati tornano: la somma di dotazione iniziale e integrazione ({fmt_eur(added)}) "
            f"coincide con le risorse complessive dichiarate."
        )
    direction = "supera di" if gap > 0 else "è inferiore di"
    return (
        f"I conti pubblicati non tornano: la somma di dotazione iniziale e integrazione ({fmt_eur(added)}) "
        f"{direction} {fmt_eur(abs(gap))} le risorse complessive dichiarate ({fmt_eur(total)})."
    )


def budget_table_sourced(cited) -> pd.DataFrame:
    """``budget_table`` with each amount carrying its kind: the printed values as published, the two computed
    lines as derived from them (amounts as Markdown spans, to be right-aligned)."""
    initial, topup = cited.fact("call_initial_budget_eur"), cited.fact("call_topup_eur")
    total = cited.fact("call_budget_total_eur")
    added = _rounded(initial + topup, 2)
    gap = _rounded(added - total, 2)
    return md_frame(
        {
            "Voce": [
                "Dotazione iniziale",
                "Integrazione della dotazione",
                "Somma di dotazione iniziale e integrazione (calcolata)",
                "Risorse complessive dichiarate",
                "Differenza tra somma e risorse dichiarate (calcolata)",
            ],
            "Importo": [Md(printed_amount(initial)), *(Md(fmt_eur(v)) for v in (topup, added, total, gap))],
        }
    )


def assumed_leads_sentence(outcomes: dict[str, int], note: str = "") -> str:
    """A sentence on first-ranking projects whose lead partner the source does not name ('' when none);
    ``note`` (e.g. 'discrepanza D05') goes in brackets at its end."""
    missing = outcomes["first"] - outcomes["first_leads_printed"]
    if missing == 0:
        return ""
    attributed = (
        "il progetto mancante è attribuito"
        if missing == 1
        else f"{with_article(fmt_int(missing), 'i')} progetti mancanti sono attribuiti"
    )
    bracket = f" ({note})" if note else ""
    return (
        f"L'elenco pubblicato della prima graduatoria nomina {fmt_int(outcomes['first_leads_printed'])} "
        f"capofila per {fmt_int(outcomes['first'])} progetti: {attributed} qui a un capofila ipotetico, "
        f"da verificare sul decreto di approvazione{bracket}."
    )


def outcome_label(projects: pd.DataFrame, ranking_labels: dict[str, str], outcome_labels: dict[str, str]) -> pd.Series:
    """'Prima graduatoria' / 'Scorrimento della graduatoria' for funded projects, else the outcome label."""
    by_ranking = projects["ranking"].map(ranking_labels)
    return by_ranking.where(projects["outcome"] == FUNDED, projects["outcome"].map(outcome_labels))


def projects_table(
    projects: pd.DataFrame, provinces: pd.DataFrame, ranking_labels: dict[str, str], outcome_labels: dict[str, str]
) -> pd.DataFrame:
    """The applications in ranking order: lead partner, municipality, province, outcome; a lead partner the source
    does not name (``lead_partner_assumed``) is shown as ``NOT_NAMED``, with neither municipality nor province."""
    names = provinces.set_index("sigla")["denominazione_uts"]
    unnamed = projects["lead_partner_assumed"].astype(bool)
    return pd.DataFrame(
        {
            "Capofila": projects["lead_partner"].mask(unnamed, NOT_NAMED),
            "Comune": projects["municipality"].mask(unnamed, "–"),
            "Provincia": projects["province"].map(names).mask(unnamed, "–"),
            "Esito": outcome_label(projects, ranking_labels, outcome_labels),
        }
    ).reset_index(drop=True)


def provinces_without_funded(projects: pd.DataFrame, provinces: pd.DataFrame) -> list[str]:
    """Names of the provinces where no named lead partner of a funded project is, alphabetical."""
    funded = funded_projects(projects)
    funded = set(funded.loc[~funded["lead_partner_assumed"].astype(bool), "province"])
    return sorted(provinces.loc[~provinces["sigla"].isin(funded), "denominazione_uts"])


def known_budgets_sentence(projects: pd.DataFrame, mean: float, src=None) -> str:
    """Where the budgets published for single projects stand against the mean value of a funded project
    (``src``: the source of the published budgets)."""
    known = projects["budget_eur"].dropna()
    if src is not None:
        known = pd.Series([Sourced(v, src) for v in known], index=known.index, dtype=object)
    if known.empty:
        return "il rapporto non pubblica la dotazione di alcun progetto"
    above = int((known > mean).sum())
    if len(known) == 1:
        side = "superiore" if above else "inferiore" if known.iloc[0] < mean else "pari"
        return f"l'unica dotazione pubblicata, di {fmt_eur(known.iloc[0], 0)}, è {side} alla media"
    if above == len(known):
        position = "tutte superiori alla media"
    elif above == 0:
        position = "tutte inferiori alla media"
    n = Sourced(len(known), derived(src.ref)) if src is not None else len(known)
    if above == len(known):
        pass
    elif above != 0:
        count = Sourced(above, derived(src.ref)) if src is not None else above
        noun = "caso" if above == 1 else "casi"
        position = f"sopra la media in {fmt_int(count)} {noun} su {fmt_int(n)}"
    low = min(known, key=float)
    high = max(known, key=float)
    return f"le {fmt_int(n)} dotazioni pubblicate vanno da {fmt_eur(low, 0)} a {fmt_eur(high, 0)}, {position}"


def implied_total_range(part: int, percent: float, decimals: int = 0) -> tuple[int, int]:
    """Smallest and largest whole total N for which ``part``/N, as a percentage rounded half-up to
    ``decimals`` decimals, prints as ``percent`` (what a published share says about an unprinted total)."""
    half = Fraction(1, 2) / 10**decimals
    share = Fraction(str(percent))
    low = math.floor(Fraction(part * 100) / (share + half)) + 1  # exactly at the upper edge rounds up: out
    high = math.floor(Fraction(part * 100) / (share - half))  # exactly at the lower edge rounds up: in
    return low, high


def partner_bounds(facts: pd.DataFrame, funded: int, cited=None) -> dict[str, float]:
    """What the printed count and share of non-accredited partners imply (D34): the range of the total
    of partners other than the leads, of the accredited ones, and of accredited ones per funded project. With
    ``cited`` (``chapters.cited.Cited``) the values carry their provenance (the bounds are derived)."""
    if cited is not None:
        part = cited.fact("call_non_accredited_partners")
        percent = cited.fact("call_non_accredited_partners_pct")
    else:
        part, percent = fact(facts, "call_non_accredited_partners"), fact(facts, "call_non_accredited_partners_pct")
    low, high = implied_total_range(int(part), float(percent))
    if cited is not None:
        kind = derived(source_of(part).ref)
        low, high = Sourced(low, kind), Sourced(high, kind)
    return {
        "non_accredited": part,
        "share": percent / 100,
        "total_low": low,
        "total_high": high,
        "accredited_low": low - part,
        "accredited_high": high - part,
        "per_project_low": (low - part) / funded,
        "per_project_high": (high - part) / funded,
    }


# --- Urban strategies ----------------------------------------------------------------------------------


def strategy_totals(resources: pd.DataFrame) -> pd.Series:
    """Sum of the funding sources of each strategy (not printed in the report, see D16)."""
    return resources.groupby("strategy", sort=False)["amount_eur"].sum().round(2)


def fund_shares(resources: pd.DataFrame) -> pd.Series:
    """Share of each fund in its strategy's total, indexed by (strategy, fund) codes."""
    indexed = resources.set_index(["strategy", "fund"])["amount_eur"]
    return indexed / indexed.groupby(level="strategy").transform("sum")


def resources_frame(
    resources: pd.DataFrame, strategy_labels: dict[str, str], fund_labels: dict[str, str]
) -> pd.DataFrame:
    """Funding of the strategies for the figure: ``panel`` (strategy and its computed total), ``fund``
    label, amount, share of the strategy's total, source."""
    totals = strategy_totals(resources)
    titles = {
        code: f"{label} (totale {fmt_eur_millions(totals[code], 2, short=True)})"
        for code, label in strategy_labels.items()
        if code in totals.index
    }
    return pd.DataFrame(
        {
            "panel": resources["strategy"].map(titles),
            "fund": resources["fund"].map(fund_labels),
            "amount_eur": resources["amount_eur"],
            "share": resources["amount_eur"] / resources["strategy"].map(totals),
            "source": resources["source"],
        }
    ).reset_index(drop=True)


def resource_list(resources: pd.DataFrame, strategy: str, fund_labels: dict[str, str]) -> str:
    """A Markdown list of one strategy's funding sources: fund, amount and what it pays for."""
    rows = resources[resources["strategy"] == strategy]
    items = [
        f"- **{fund_labels[fund]}**, {fmt_eur_millions(amount, 2)}: {purpose[:1].lower()}{purpose[1:]}"
        for fund, amount, purpose in zip(rows["fund"], rows["amount_eur"], rows["purpose"])
    ]
    return ";\n".join(items) + "."


def stated_total_sentence(stated: float, components: float) -> str:
    """Compares a total printed as 'circa' with the sum of its printed components."""
    gap = _rounded(components - stated, 2)
    if gap == 0:
        return f"le voci elencate sommano esattamente ai circa {fmt_eur(stated, 0)} dichiarati"
    more_or_less = "in più" if gap > 0 else "in meno"
    return (
        f"le voci elencate sommano a {fmt_eur(components, 0)}, {fmt_eur(abs(gap), 0)} {more_or_less} "
        f"dei circa {fmt_eur(stated, 0)} dichiarati"
    )


def step_date_label(date: pd.Timestamp, precision: str, qualifier: str | None) -> str:
    """'21 novembre 2014', 'da marzo 2015', 'fine dicembre 2017'."""
    text = fmt_partial_date(date, precision)
    return f"{qualifier} {text}" if isinstance(qualifier, str) else text


def step_plot_date(date: pd.Timestamp, precision: str, qualifier: str | None) -> pd.Timestamp:
    """Where a step sits on a time axis: a month-level date at mid-month, or at its end when 'fine'."""
    if precision != "month":
        return date
    if qualifier == "fine":
        return date + pd.offsets.MonthEnd(0)
    return date if qualifier == "da" else date + pd.Timedelta(days=14)


def steps_frame(steps: pd.DataFrame, strategy: str, fund_labels: dict[str, str]) -> pd.DataFrame:
    """The steps of one strategy in printed order, with a date label, a plotting date and the fund label."""
    part = steps[steps["strategy"] == strategy].sort_values("step").reset_index(drop=True)
    return part.assign(
        date_label=[
            step_date_label(d, p, q) for d, p, q in zip(part["date"], part["date_precision"], part["date_qualifier"])
        ],
        plot_date=[
            step_plot_date(d, p, q) for d, p, q in zip(part["date"], part["date_precision"], part["date_qualifier"])
        ],
        fund_label=part["fund_activated"].map(fund_labels),
    )


def steps_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Tavola 2.1 / 2.2 for display (``frame`` from ``steps_frame``); the fund a step activates is named
    in its description and marked in the chart."""
    return pd.DataFrame(
        {
            "N.": frame["step"],
            "Data": frame["date_label"],
            "Atto": frame["act"],
            "Passaggio": frame["description"],
        }
    )


def months_between(start: pd.Timestamp, end: pd.Timestamp) -> int:
    """Whole calendar months from ``start`` to ``end`` (day of month ignored)."""
    return (end.year - start.year) * 12 + end.month - start.month


def procedure_span(frame: pd.DataFrame) -> dict:
    """Number of steps, months from the first to the last, and the date each fund was activated (on the time
    axis; in words: ``fund_when``)."""
    activated = frame.dropna(subset=["fund_activated"])
    return {
        "steps": len(frame),
        "months": months_between(frame["plot_date"].min(), frame["plot_date"].max()),
        "fund_dates": dict(zip(activated["fund_activated"], activated["plot_date"])),
    }


def milestones(timeline: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """Timeline events to mark on a steps chart: ``date`` (mid-month when only the month is known),
    the short ``label`` given for each event id, and ``source``."""
    events = timeline.set_index("event_id").loc[list(labels)]
    return pd.DataFrame(
        {
            "date": [step_plot_date(d, p, None) for d, p in zip(events["date"], events["date_precision"])],
            "label": list(labels.values()),
            "source": events["source"].tolist(),
        }
    )


def milestone_step(frame: pd.DataFrame, milestone: str) -> pd.Series:
    """The step of ``frame`` (from ``steps_frame``) that sus_steps.csv marks with ``milestone``."""
    row = frame.loc[frame["milestone"] == milestone]
    if len(row) != 1:
        raise KeyError(f"sus_steps.csv: {len(row)} steps of this strategy have milestone {milestone!r}")
    return row.iloc[0]


def _step_date(step: pd.Series, preposition: str | None) -> str:
    if preposition is None or isinstance(step["date_qualifier"], str):
        return step["date_label"]
    return date_with(step["date"], preposition, step["date_precision"])


def step_when(frame: pd.DataFrame, milestone: str, preposition: str | None = None) -> str:
    """The date of the step marked ``milestone``, optionally after a preposition (``wording.date_with``); a
    qualified label ('da marzo 2015', 'fine dicembre 2017') is returned as printed."""
    return _step_date(milestone_step(frame, milestone), preposition)


def fund_when(frame: pd.DataFrame, fund: str, preposition: str | None = None) -> str:
    """The date of the step that activates ``fund`` (``fund_activated``), as ``step_when`` writes it."""
    row = frame.loc[frame["fund_activated"] == fund]
    if len(row) != 1:
        raise KeyError(f"sus_steps.csv: {len(row)} steps of this strategy activate {fund!r}")
    return _step_date(row.iloc[0], preposition)


def reference_date_words(procedures: pd.DataFrame) -> str:
    """'al 31 dicembre 2020' (the date the procedures' figures refer to), or a range if rows differ."""
    dates = sorted(procedures["reference_date"].dropna().dt.date.unique())
    if not dates:
        return ""
    if len(dates) == 1:
        return date_with(dates[0], "al")
    return f"tra {date_with(dates[0], 'il')} e {date_with(dates[-1], 'il')}"


def mean_project_value(total: float, funded: int) -> float:
    """Average resources per funded project (the report prints it rounded: D33)."""
    return total / funded


# --- Names for the curated rows the chapter cites ---------------------------------------------------------------


class _Names:
    """A read-only namespace of ids: ``EVENTS.call_approved`` says what ``'E13'`` is."""

    def __init__(self, **ids: str) -> None:
        self.__dict__.update(ids)

    def __setattr__(self, name, value):
        raise AttributeError("read-only")


EVENTS = _Names(
    cdq_first="E01",
    cdq_second="E02",
    milano_cohesion_projects="E03",
    prerp_approved="E04",
    patto_plenary_first="E05",
    patto_plenary_second="E06",
    patto_plenary_third="E07",
    patto_signed="E08",
    aler_directive="E09",
    labs_criteria_approved="E10",
    labs_deadline="E11",
    housing_law="E12",
    call_approved="E13",
    first_ranking="E14",
    call_topup="E15",
    second_ranking="E16",
    lorenteggio_fse_started="E17",
    bollate_lab_tender="E18",
    lorenteggio_sites_restarted="E19",
    lorenteggio_fesr_call="E20",
    bollate_lab_awarded="E21",
    milano_programmes_call="E22",
    bollate_call_published="E23",
    bollate_call_deadline="E24",
    milano_programmes_approved="E26",
    bollate_projects_approved="E27",
    call_extended="E29",
    bollate_lab_start_planned="E30",
    call_end_after_extension="E32",
    bollate_oi_convention_signed="E33",
    lorenteggio_works_2020="E34",
    lorenteggio_demolitions_done="E35",
    bollate_fesr_works_started="E36",
)
PROCEDURES = _Names(regional_call="PR1", milano_programmes="PR5", bollate_competences_call="PR7")
DISCREPANCIES = _Names(
    budget_action_typo="D02",
    budget_942_missing="D03",
    budget_sum="D04",
    assumed_lead="D05",
    lorenteggio_protocol_date="D13",
    bollate_convention_date="D14",
    bollate_relocation="D15",
    bollate_total="D16",
    lorenteggio_fse_amount="D17",
    milano_programmes_count="D22",
    eligible_spending_column="D23",
    mean_project_value="D33",
    partner_total="D34",
    aler_province="D42",
)


# --- Lead partners and an assumption that must stay visible --------------------------------------------------


def lead_type_counts(projects: pd.DataFrame) -> dict:
    """Lead partners of the funded projects by type, separating those the source names from the assumed ones:
    ``known`` (named by the source), ``assumed``, ``comune_known``, ``aler_known``, and for each type the range
    the true count lies in (``comune_range``/``aler_range``: named ones, up to named plus every unnamed one)."""
    funded = funded_projects(projects)
    assumed = funded["lead_partner_assumed"].astype(bool)
    known = funded[~assumed]
    n_assumed = int(assumed.sum())
    out = {"funded": len(funded), "known": len(known), "assumed": n_assumed}
    for code, name in (("Comune", "comune"), ("ALER", "aler")):
        k = int((known["lead_type"] == code).sum())
        out[f"{name}_known"] = k
        out[f"{name}_range"] = (k, k + n_assumed)
    return out


def count_range(low: int, high: int, fmt=None) -> str:
    """'27' when both ends are equal, else '27 o 28' (two values) or 'tra 27 e 29'."""
    fmt = fmt or fmt_int
    if low == high:
        return fmt(low)
    if high == low + 1:
        return f"{fmt(low)} o {fmt(high)}"
    return f"tra {fmt(low)} e {fmt(high)}"


def lead_types_sentence(counts: dict, src=None, see: str = "") -> str:
    """The lead partners by type stated only as far as the source supports it: the named ones as fact, the
    assumed ones as a range, with the reference to the discrepancy (``see``)."""
    f = (lambda v: fmt_int(v, src)) if src else fmt_int
    bracket = f" ({see})" if see else ""
    if counts["assumed"] == 0:
        return (
            f"I capofila dei progetti finanziati sono Comuni in {f(counts['comune_known'])} casi e ALER in "
            f"{f(counts['aler_known'])}."
        )
    missing = (
        "un capofila non è nominato" if counts["assumed"] == 1 else f"{f(counts['assumed'])} capofila non sono nominati"
    )
    return (
        f"La fonte nomina i capofila di {f(counts['known'])} progetti finanziati su {f(counts['funded'])}: "
        f"{f(counts['comune_known'])} Comuni e {f(counts['aler_known'])} ALER. Poiché {missing}{bracket}, i "
        f"progetti guidati da un Comune sono {count_range(*counts['comune_range'], f)} e quelli guidati da "
        f"un'ALER {count_range(*counts['aler_range'], f)}."
    )


def lead_provinces(projects: pd.DataFrame, provinces: pd.DataFrame) -> pd.Series:
    """Funded projects per province of the lead partners the source names (``named``), largest first; the
    projects whose lead partner it does not name have no province and are counted apart (``unnamed_leads``)."""
    names = provinces.set_index("sigla")["denominazione_uts"]
    funded = funded_projects(projects)
    named = funded[~funded["lead_partner_assumed"].astype(bool)]
    counts = named.groupby("province").size().rename("named")
    counts.index = counts.index.map(names).rename("province")
    return counts.sort_index().sort_values(ascending=False, kind="stable")  # ties in alphabetical order


def provinces_table(counts: pd.Series, unnamed: int) -> pd.DataFrame:
    """The provinces of the named lead partners for display, with a last row for the unnamed ones (if any)."""
    rows = list(zip(counts.index, counts.to_numpy())) + ([(NOT_NAMED, unnamed)] if unnamed else [])
    return pd.DataFrame(rows, columns=["Provincia del capofila", "Progetti finanziati"])


def top_province_sentence(counts: pd.Series, known: int, src=None, share_src=None) -> str:
    """Where most named lead partners are, stated on the named ones."""
    f = (lambda v: fmt_int(v, src)) if src else fmt_int
    return (
        f"la provincia di {escape(str(counts.index[0]))} raccoglie {f(counts.iloc[0])} dei {f(known)} capofila "
        f"nominati dalla fonte ({fmt_pct(counts.iloc[0] / known, 0, share_src)})"
    )


def months_elapsed(start, end) -> int:
    """Whole months elapsed from ``start`` to ``end`` (21/11/2014 -> 3/12/2018: 48, the 49th month is not over)."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


def sourced_step_when(cited, frame: pd.DataFrame, milestone: str, preposition: str | None = None) -> str:
    """``step_when`` with the date as a provenance span (the step's source)."""
    return _sourced_step(cited, milestone_step(frame, milestone), preposition)


def sourced_fund_when(cited, frame: pd.DataFrame, fund: str, preposition: str | None = None) -> str:
    """``fund_when`` with the date as a provenance span."""
    row = frame.loc[frame["fund_activated"] == fund]
    if len(row) != 1:
        raise KeyError(f"sus_steps.csv: {len(row)} steps of this strategy activate {fund!r}")
    return _sourced_step(cited, row.iloc[0], preposition)


def _sourced_step(cited, step: pd.Series, preposition: str | None) -> str:
    from quartieri_erp.chapters.cited import sourced_date

    src = cited.source(step["source"])
    if isinstance(step["date_qualifier"], str):
        return f"{step['date_qualifier']} {fmt_partial_date(step['date'], step['date_precision'], src)}"
    return sourced_date(step["date"], step["date_precision"], src, preposition)


def sourced_resource_list(cited, resources: pd.DataFrame, strategy: str, fund_labels: dict[str, str]) -> Md:
    """``resource_list`` with escaped data texts and each amount carrying its source."""
    rows = resources[resources["strategy"] == strategy]
    items = []
    for fund, amount, purpose, cell in zip(rows["fund"], rows["amount_eur"], rows["purpose"], rows["source"]):
        value = cited.value(amount, cell)
        items.append(
            f"- **{escape(fund_labels[fund])}**, {printed_amount(value)}: {escape(purpose[:1].lower() + purpose[1:])}"
        )
    return Md(";\n".join(items) + ".")


def sourced_strategy_totals(cited, resources: pd.DataFrame) -> dict[str, Sourced]:
    """Sum of the funding sources of each strategy, derived from the printed components (not printed: D16)."""
    out = {}
    for strategy, rows in resources.groupby("strategy", sort=False):
        out[strategy] = _rounded(
            sum((cited.value(a, c) for a, c in zip(rows["amount_eur"], rows["source"])), Sourced(0.0, None)), 2
        )
    return out


def reference_date_sourced(cited, procedures: pd.DataFrame) -> str:
    """``reference_date_words`` with the dates as provenance spans ('al 31 dicembre 2020')."""
    from quartieri_erp.chapters.cited import sourced_date

    src = cited.column(procedures, "reference_date")
    dates = sorted(procedures["reference_date"].dropna().dt.date.unique())
    if not dates:
        return ""
    if len(dates) == 1:
        return sourced_date(dates[0], "day", src, "al")
    return f"tra {sourced_date(dates[0], 'day', src, 'il')} e {sourced_date(dates[-1], 'day', src, 'il')}"


def printed_amount(amount, short: bool = False) -> str:
    """An amount at the precision the report prints round figures: whole tens of thousands in millions with the
    fewest decimals ('52,7 milioni di euro', '1,95 milioni di euro', '5 milioni di euro'), smaller round thousands
    in thousands ('550 mila euro'), anything else to the cent. ``short``: 'mln €' / 'mila €' (chart labels). The
    value keeps its provenance (a ``Sourced`` amount gives a span)."""
    value = float(amount)
    if value >= 1e6 and round(value) % 10_000 == 0:
        decimals = next(d for d in (0, 1, 2) if round(value / 1e6, d) * 1e6 == round(value))
        return fmt_eur_millions(amount, decimals, short=short)
    if 1000 <= value < 1e6 and round(value) % 1000 == 0:
        from quartieri_erp.presentation.formatting import fmt_num

        thousands = amount / 1000
        return f"{fmt_num(thousands)} {'mila €' if short else 'mila euro'}"
    return fmt_eur(amount)
