"""Appendix A3: the chapter-3 figures of the published report against the computed ones, and the checks
that expose the report's own inconsistencies.

``published_indicators.csv`` records the two sub-project counts under the swapped reading (H2:
Laboratori Sociali 485, PIP 524, see its notes); the labels as printed in the report's Tabella 3.1 are
the same two counts exchanged (H1). ``readings`` tests both readings against the printed figures that
depend on the PIP count, using only published numbers. A published row is ``incoerente nella fonte``
when such a check (or a statement of the report's text, ``SOURCE_STATEMENTS``) shows that the report
cannot be right as printed; otherwise it ``coincide`` or ``differisce`` from the computed value.
"""

from __future__ import annotations

import itertools
import re
from fractions import Fraction

import pandas as pd

from quartieri_erp.chapters.readings import GROUP_IN, MONITORING_REF, published_reference
from quartieri_erp.chapters.wording import join_it, with_article
from quartieri_erp.presentation import formatting as _f
from quartieri_erp.presentation.formatting import round_half_up
from quartieri_erp.presentation.markdown_tables import records_frame
from quartieri_erp.presentation.markup import Md, escape, number
from quartieri_erp.presentation.provenance import Source, derived, monitoring, published

# Numbers of this appendix: checks computed from the published figures (derived) unless a source is given;
# printed figures carry their table or figure (``_row_source``), computed ones the monitoring data.
CHECK = derived("verifica sulle cifre pubblicate nel capitolo 3 del Rapporto 2021")


def fmt_int(value, src: Source | None = None) -> str:
    return _f.fmt_int(value, src=src or CHECK)


def fmt_num(value, decimals: int = 0, src: Source | None = None) -> str:
    return _f.fmt_num(value, decimals, src=src or CHECK)


def fmt_pct(value, decimals: int = 1, src: Source | None = None) -> str:
    return _f.fmt_pct(value, decimals, src=src or CHECK)


def fmt_share(value, decimals: int = 0, src: Source | None = None) -> str:
    return _f.fmt_share(value, decimals, src=src or CHECK)


def _row_source(row: pd.Series) -> Source:
    """A printed figure's source: the report's table or figure, as readers cite it."""
    return published(published_reference(row["source"]))


def reader_note(text: str) -> str:
    """A note of published_indicators.csv for readers: no line numbers, no project-internal reading names."""
    text = re.sub(r"\s*\(lettura H\d\)", "", str(text))
    text = re.sub(r",?\s*\bll?\.\s*\d[\d\-–]*(?:,\s*\d[\d\-–]*)*,?", "", text)
    return text.strip()


COINCIDE, DIFFERISCE, INCOERENTE = "coincide", "differisce", "incoerente nella fonte"
STATUSES = (COINCIDE, DIFFERISCE, INCOERENTE)
PRINTED, SWAPPED = "Etichette come stampate", "Etichette scambiate (lettura adottata)"

# Statements of the report's text about a printed share, in the claim syntax of published_indicators.csv:
# (indicator, group, category, claim, where, discrepancy id, what the text says).
SOURCE_STATEMENTS = (
    (
        "citizenship",
        "pip",
        "italiana",
        "gt:totale",
        "§ 3.3",
        "D09",
        "tra i destinatari dei PIP la quota di italiani cresce rispetto al totale",
    ),
)


# --- Which whole numbers give a printed percentage --------------------------------------------------------


def counts_for_share(share: float, decimals: int, base: int) -> list[int]:
    """Whole numbers k (0 to ``base``) for which k/base, as a percentage rounded half-up to ``decimals``,
    prints as ``share`` does (exact fractions, so no floating-point edge effects)."""
    if base <= 0:
        return []
    target = Fraction(str(round_half_up(float(share) * 100, decimals)))
    half = Fraction(1, 2 * 10**decimals)
    low, high = target - half, target + half  # half-up: a value on ``low`` rounds to target, one on ``high`` not
    return [k for k in range(base + 1) if low <= Fraction(100 * k, base) < high]


def _row(
    published: pd.DataFrame, indicator: str, group: str, category: str | None = None, unit: str | None = None
) -> pd.Series:
    rows = published[(published["indicator"] == indicator) & (published["group"] == group)]
    rows = rows[rows["category"].isna()] if category is None else rows[rows["category"] == category]
    if unit:
        rows = rows[rows["unit"] == unit]
    if len(rows) != 1:
        raise KeyError(f"published_indicators.csv: {len(rows)} rows for {indicator}/{group}/{category}")
    return rows.iloc[0]


def _recorded(row: pd.Series) -> str:
    """The recorded value of a published row in its printed format ('63,1%', '830', '42,9')."""
    decimals = int(row["decimals"])
    src = _row_source(row)
    return fmt_pct(row["value"], decimals, src) if row["unit"] == "share" else fmt_num(row["value"], decimals, src)


def _printed(row: pd.Series) -> str:
    """The figure as printed (a sourced span when it holds a number), or the recorded value when the report
    prints no text for it."""
    if isinstance(row["printed"], str) and row["printed"]:
        return number(row["printed"], _row_source(row)) if re.search(r"\d", row["printed"]) else escape(row["printed"])
    return _recorded(row)


def _status_split(published: pd.DataFrame, base: int) -> tuple[dict[str, int] | None, list[str]]:
    """Counts of PIPs by status that give every printed status share on ``base`` PIPs and add up to it
    (None if there are none) and the statuses whose share no whole number reaches."""
    rows = published[(published["indicator"] == "pip_status") & published["value"].notna()]
    options = {r["category"]: counts_for_share(r["value"], int(r["decimals"]), base) for _, r in rows.iterrows()}
    unreachable = [c for c, ks in options.items() if not ks]
    for combination in itertools.product(*options.values()):
        if sum(combination) == base:
            return dict(zip(options, combination)), unreachable
    return None, unreachable


def readings(published: pd.DataFrame) -> pd.DataFrame:
    """Both readings of the two sub-project counts (as printed, swapped) with the checks of the printed
    PIP figures: ``reading, laboratorio_sociale, pip, pip_share`` (pip / total), ``pip_share_ok``,
    ``status_counts`` (a split by status reaching every printed share, or None), ``unreachable``
    (statuses no whole number reaches) and ``consistent`` (every check passes)."""
    total = int(_row(published, "participants", "totale")["value"])
    lab, pip = (int(_row(published, "participants", g)["value"]) for g in ("laboratorio_sociale", "pip"))
    share = _row(published, "pip_share", "totale")
    rows = []
    for name, (lab_count, pip_count) in ((PRINTED, (pip, lab)), (SWAPPED, (lab, pip))):
        ok = pip_count in counts_for_share(share["value"], int(share["decimals"]), total)
        split, unreachable = _status_split(published, pip_count)
        rows.append(
            {
                "reading": name,
                "laboratorio_sociale": lab_count,
                "pip": pip_count,
                "pip_share": pip_count / total,
                "pip_share_ok": ok,
                "status_counts": split,
                "unreachable": unreachable,
                "consistent": ok and split is not None,
            }
        )
    return pd.DataFrame(rows)


def readings_table(published: pd.DataFrame) -> pd.DataFrame:
    """The two readings for display: counts, PIP share of the total (against the printed one), and whether
    the printed PIP status shares can be obtained."""
    share = _row(published, "pip_share", "totale")
    rows = []
    for _, r in readings(published).iterrows():
        pip_share = fmt_pct(r["pip_share"], int(share["decimals"]))
        if r["status_counts"]:
            split = f"sì: {join_it(fmt_int(k) for k in r['status_counts'].values())} PIP"
        elif r["unreachable"]:
            split = "no: nessun numero intero dà " + join_it(
                _printed(_row(published, "pip_status", "pip", c)) for c in r["unreachable"]
            )
        else:
            split = "no: le quote non sommano al totale dei PIP"
        rows.append(
            {
                "Lettura": Md(
                    f"{r['reading']}: Laboratori Sociali {fmt_int(r['laboratorio_sociale'])}, PIP {fmt_int(r['pip'])}"
                ),
                "Quota di PIP sul totale": Md(f"{pip_share} ({'coincide' if r['pip_share_ok'] else 'non coincide'})"),
                "Stato dei PIP ottenibile": Md(split),
            }
        )
    return pd.DataFrame(rows, dtype=object)


def printed_pip_figures(published: pd.DataFrame) -> str:
    """The printed figures the readings are tested against, for the notes of their table."""
    share = _row(published, "pip_share", "totale")
    total = _row(published, "participants", "totale")
    statuses = published[(published["indicator"] == "pip_status") & published["value"].notna()]
    return (
        f"Cifre stampate: quota di destinatari con un PIP {_printed(share)} su {_printed(total)}; PIP per stato "
        f"{join_it(_printed(r) for _, r in statuses.iterrows())}."
    )


def _table_of(source: str) -> str:
    """'Tabella 3.1' from a source cell such as 'Tabella 3.1, l. 676; testo l. 665'."""
    return source.split(",")[0].split(";")[0].strip()


SWAP_REF = "Appendice C, @sec-riconciliazione-etichette"  # where readers find the check of the two readings


def label_swap_note(
    published: pd.DataFrame, short: bool = False, pages: dict[str, int] | None = None, applies: bool = True
) -> str:
    """Where this edition's sub-project counts differ from the published Tabella 3.1 (which prints them on
    swapped rows), with the reference to the reconciliation appendix; '' when the printed labels are coherent.
    ``short``: one sentence for the notes under a table; ``applies`` False when this edition's counts are not
    the published ones (then only how the report prints them)."""
    from quartieri_erp.chapters.readings import published_reference
    from quartieri_erp.presentation.provenance import published as published_source

    read = readings(published).set_index("reading")
    printed, swapped = read.loc[PRINTED], read.loc[SWAPPED]
    if printed["consistent"] or not swapped["consistent"]:
        return ""
    row = _row(published, "participants", "pip")
    src = published_source(published_reference(row["source"], pages))
    table = _table_of(row["source"])
    lab, pip = fmt_int(printed["laboratorio_sociale"], src=src), fmt_int(printed["pip"], src=src)
    if not applies:  # this edition's counts are not the published ones: only say how the report prints them
        return (
            f"La {table} del rapporto pubblicato stampa {lab} sulla riga dei Laboratori Sociali e {pip} su quella "
            f"dei PIP, con le etichette scambiate ({SWAP_REF})."
        )
    if short:
        return (
            f"La {table} del rapporto pubblicato stampa {lab} sulla riga dei Laboratori Sociali e {pip} su quella "
            f"dei PIP; qui le due cifre sono scambiate, come spiegato in {SWAP_REF}."
        )
    return (
        f"La {table} del rapporto pubblicato stampa le due cifre a righe invertite, {lab} per i Laboratori "
        f"Sociali e {pip} per i PIP; solo leggendole scambiate tornano la quota di destinatari con un PIP e la "
        f"ripartizione dei PIP per stato, come mostra {SWAP_REF}."
    )


def label_swap_flag(published: pd.DataFrame, pages: dict[str, int] | None = None) -> str:
    """The short flag beside a sub-project count in a table: 'scambiato rispetto alla Tabella 3.1 pubblicata:
    Appendice C, …'; '' when the printed labels are coherent."""
    read = readings(published).set_index("reading")
    if read.loc[PRINTED, "consistent"] or not read.loc[SWAPPED, "consistent"]:
        return ""
    table = _table_of(_row(published, "participants", "pip")["source"])
    return f"nella {table} pubblicata è sull'altra riga: {SWAP_REF}"


def reading_sentences(published: pd.DataFrame) -> str:
    """What the printed sub-project counts say and which reading the other printed figures support."""
    read = readings(published).set_index("reading")
    printed, swapped = read.loc[PRINTED], read.loc[SWAPPED]
    table = _table_of(_row(published, "participants", "pip")["source"])
    share = _row(published, "pip_share", "totale")
    total = int(_row(published, "participants", "totale")["value"])
    opening = (
        f"Nel rapporto pubblicato la {table} attribuisce {fmt_int(printed['laboratorio_sociale'])} "
        f"destinatari ai Laboratori Sociali e {fmt_int(printed['pip'])} ai PIP."
    )
    if printed["consistent"]:
        return f"{opening} Queste cifre sono coerenti con le altre cifre stampate sui PIP."
    reasons = []
    if not printed["pip_share_ok"]:
        matching = counts_for_share(share["value"], int(share["decimals"]), total)
        reasons.append(
            f"la quota di destinatari con un PIP, {_printed(share)} di {fmt_int(total)}, corrisponde a "
            f"{join_it(fmt_int(k) for k in matching)} persone, mentre {fmt_int(printed['pip'])} darebbero "
            f"{fmt_pct(printed['pip_share'], int(share['decimals']))}"
        )
    statuses = published[(published["indicator"] == "pip_status") & published["value"].notna()]
    shares = join_it(_printed(r) for _, r in statuses.iterrows())
    if printed["status_counts"] is None:
        reason = f"la ripartizione dei PIP per stato ({shares}) "
        if swapped["status_counts"]:
            reason += (
                f"si ottiene con {join_it(fmt_int(k) for k in swapped['status_counts'].values())} PIP su "
                f"{fmt_int(swapped['pip'])}, "
            )
        missing = printed["unreachable"]
        reason += (
            f"mentre nessun numero intero su {fmt_int(printed['pip'])} dà "
            f"{join_it(_printed(_row(published, 'pip_status', 'pip', c)) for c in missing)}"
            if missing
            else f"mentre su {fmt_int(printed['pip'])} le quote non sommano al totale"
        )
        reasons.append(reason)
    text = f"{opening} Ma {reasons[0]}." + "".join(f" Inoltre {reason}." for reason in reasons[1:])
    if swapped["consistent"]:
        overlap = printed["laboratorio_sociale"] + printed["pip"] - total
        text += (
            f" Le due cifre vanno quindi lette scambiate: {fmt_int(swapped['laboratorio_sociale'])} "
            f"destinatari dei Laboratori Sociali e {fmt_int(swapped['pip'])} dei PIP; in entrambe le letture "
            f"{fmt_int(overlap)} persone partecipano a tutti e due i sub-progetti."
        )
    else:
        text += " Nemmeno scambiando le etichette le cifre tornano: il capitolo pubblicato resta incoerente."
    return text


# --- Rows the report itself gets wrong ----------------------------------------------------------------------


def _claim_on(
    published: pd.DataFrame, indicator: str, group: str, category: str, claim: str
) -> tuple[bool, float, float]:
    kind, _, other = claim.partition(":")
    mine = _row(published, indicator, group, category, "share")["value"]
    theirs = _row(published, indicator, other, category, "share")["value"]
    return (mine > theirs if kind == "gt" else mine < theirs), mine, theirs


def source_conflicts(published: pd.DataFrame) -> pd.DataFrame:
    """Published rows the report cannot get right as printed: ``indicator, group, category, unit,
    discrepancy, explanation`` (empty when the printed figures are consistent)."""
    rows = []
    read = readings(published).set_index("reading")
    printed, swapped = read.loc[PRINTED], read.loc[SWAPPED]
    if not printed["consistent"] and swapped["consistent"]:
        table = _table_of(_row(published, "participants", "pip")["source"])
        labels = (
            f"La {table} stampa {fmt_int(printed['laboratorio_sociale'])} sulla riga dei Laboratori Sociali "
            f"e {fmt_int(printed['pip'])} su quella dei PIP: le altre cifre dei PIP tornano solo scambiando "
            "le due etichette."
        )
        for group in ("laboratorio_sociale", "pip"):
            rows.append(("participants", group, None, "count", "D07", labels))
        share = _row(published, "pip_share", "totale")
        total = int(_row(published, "participants", "totale")["value"])
        if not printed["pip_share_ok"]:
            rows.append(
                (
                    "pip_share",
                    "totale",
                    None,
                    "share",
                    "D07",
                    f"Con le etichette come stampate i PIP sarebbero {fmt_int(printed['pip'])} su "
                    f"{fmt_int(total)}, cioè {fmt_pct(printed['pip_share'], int(share['decimals']))}, non {_printed(share)}.",
                )
            )
        for status in printed["unreachable"]:
            count = swapped["status_counts"][status]
            rows.append(
                (
                    "pip_status",
                    "pip",
                    status,
                    "share",
                    "D08",
                    f"Nessun numero intero di PIP su {fmt_int(printed['pip'])} dà "
                    f"{_printed(_row(published, 'pip_status', 'pip', status))}; su {fmt_int(swapped['pip'])} "
                    f"lo danno {fmt_int(count)} PIP.",
                )
            )
    for indicator, group, category, claim, where, discrepancy, says in SOURCE_STATEMENTS:
        holds, mine, theirs = _claim_on(published, indicator, group, category, claim)
        if not holds:
            other = claim.partition(":")[2]
            rows.append(
                (
                    indicator,
                    group,
                    category,
                    "share",
                    discrepancy,
                    f"Il testo ({where}) dice che {says}, ma le cifre stampate sono {fmt_pct(mine, 0)} "
                    f"{GROUP_IN[group]} e {fmt_pct(theirs, 0)} {GROUP_IN[other]}.",
                )
            )
    return pd.DataFrame(rows, columns=["indicator", "group", "category", "unit", "discrepancy", "explanation"])


def count_share_checks(published: pd.DataFrame) -> pd.DataFrame:
    """Categories printed both as a count and as a share of their group: ``indicator, group, category,
    explanation`` saying whether count / group size rounds to the printed share."""
    rows = []
    counts = published[(published["unit"] == "count") & published["category"].notna()]
    for _, count in counts.iterrows():
        share = _row(published, count["indicator"], count["group"], count["category"], "share")
        base = int(_row(published, "participants", count["group"])["value"])
        decimals = int(share["decimals"])
        ok = int(count["value"]) in counts_for_share(share["value"], decimals, base)
        printed = _printed(share)
        verdict = f"coerente con {with_article(printed)}" if ok else f"diverso {with_article(printed, 'dal')}"
        exact = with_article(fmt_pct(count["value"] / base, decimals + 1))
        rows.append(
            (
                count["indicator"],
                count["group"],
                count["category"],
                f"{fmt_int(count['value'])} su {fmt_int(base)} è {exact}: {verdict} stampato.",
            )
        )
    return pd.DataFrame(rows, columns=["indicator", "group", "category", "explanation"])


def distribution_sums(
    published: pd.DataFrame, indicator_labels: dict[str, str], group_labels: dict[str, str]
) -> pd.DataFrame:
    """For each distribution with two or more recorded shares: their sum, whether rounding alone can take it
    that far from 100, and which shares are not printed as figures (display columns, plus ``fits`` and
    ``total`` for the checks; show it with ``sums_table``)."""
    rows = []
    shares = published[(published["unit"] == "share") & published["value"].notna() & published["category"].notna()]
    for (indicator, group), part in shares.groupby(["indicator", "group"], sort=False):
        if len(part) < 2:
            continue
        decimals = int(part["decimals"].max())
        total = round(float((part["value"] * 100).sum()), decimals + 1)
        tolerance = 0.5 * len(part) / 10**decimals
        words = [
            f"«{escape(p)}»" if isinstance(p, str) else "non stampata"
            for p in part["printed"]
            if not (isinstance(p, str) and re.fullmatch(r"[\d.,]+%", p))
        ]
        fits = abs(total - 100) <= tolerance + 1e-9
        rows.append(
            {
                "Distribuzione": Md(
                    f"{escape(indicator_labels[indicator])}, {escape(group_labels[group])} ({fmt_int(len(part))} quote)"
                ),
                "Somma": Md(
                    f"{fmt_pct(total / 100, decimals)}: {'compatibile' if fits else 'non compatibile'} con gli "
                    f"arrotondamenti (±{fmt_num(tolerance, decimals + 1)} punti)"
                ),
                "Quote lette dal testo o ricavate": Md(join_it(dict.fromkeys(words))) if words else "–",
                "fits": fits,
                "total": total,
            }
        )
    return records_frame(rows)


def sums_table(sums: pd.DataFrame) -> pd.DataFrame:
    """``distribution_sums`` for display (its check columns left out)."""
    return sums.drop(columns=["fits", "total"]).astype(object)


# --- The value-by-value comparison ----------------------------------------------------------------------------


def _claim_text(claim: str) -> str:
    kind, _, argument = claim.partition(":")
    if kind in ("gt", "lt"):
        return f"{'più alta' if kind == 'gt' else 'più bassa'} che {GROUP_IN[argument]}"
    if kind == "max":
        return "la più alta del gruppo"
    return f"{'superiore' if kind == 'above' else 'inferiore'} {with_article(fmt_share(float(argument)), 'al')}"


def _published_text(row: pd.Series, on_row: str = "") -> str:
    """What the report prints for this figure; ``on_row``: for a count the report prints on another row (the
    swapped sub-project labels), the figure printed on this row, shown as printed."""
    parts = []
    printed = row["printed"] if isinstance(row["printed"], str) else ""
    if on_row:
        parts.append(f"{on_row} sulla riga stampata; letto come {_recorded(row)}")
    elif printed and re.search(r"\d", printed):
        parts.append(_printed(row))
    elif printed:
        parts.append(f"«{escape(printed)}»" + (f", letto come {_recorded(row)}" if pd.notna(row["value"]) else ""))
    elif pd.notna(row["value"]):
        parts.append(f"{_recorded(row)} (non stampato)")
    if isinstance(row["claim"], str):
        parts.append(_claim_text(row["claim"]))
    return "; ".join(parts)


def _computed_text(row: pd.Series, computed: pd.DataFrame, findings: bool = True) -> str:
    """The computed value with one decimal more than printed, and what a claim compares it with (monitoring
    numbers; reconciled with the printed figure when they match it at its precision)."""
    if pd.isna(row["computed"]):
        return "–"
    if not findings and pd.isna(row["value"]):  # a claim: no synthetic-only number, only whether it holds
        return "affermazione vera sui dati" if bool(row["claim_holds"]) else "affermazione falsa sui dati"
    places = (int(row["decimals"]) + (1 if findings else 0)) if pd.notna(row["value"]) else 1
    unit = row["unit"]
    matches = bool(row["matches"]) if pd.notna(row["matches"]) else False
    src = monitoring(MONITORING_REF, reconciled=published_reference(row["source"]) if matches else "")
    fmt_int = lambda v: _f.fmt_int(v, src=src)  # noqa: E731
    fmt_num = lambda v, d: _f.fmt_num(v, d, src=src)  # noqa: E731
    fmt_pct = lambda v, d: _f.fmt_pct(v, d, src=monitoring(MONITORING_REF))  # noqa: E731
    text = (
        fmt_int(row["computed"])
        if unit == "count"
        else _f.fmt_pct(row["computed"], places, src=src)
        if unit == "share"
        else fmt_num(row["computed"], places)
    )
    if not isinstance(row["claim"], str):
        return text
    if not findings:
        return f"{text}; affermazione {'vera' if bool(row['claim_holds']) else 'falsa'} sui dati"
    kind, _, argument = row["claim"].partition(":")
    same = computed[(computed["indicator"] == row["indicator"])]
    if kind in ("gt", "lt"):
        other = same[(same["group"] == argument) & (same["category"].astype(object) == row["category"])]["value"].iloc[
            0
        ]
        return f"{text} contro {fmt_pct(other, places)} {GROUP_IN[argument]}"
    if kind == "max":
        top = same[same["group"] == row["group"]]["value"].max()
        return (
            f"{text} (la più alta del gruppo)"
            if row["computed"] == top
            else f"{text} (la più alta del gruppo è {fmt_pct(top, places)})"
        )
    return text


def compare_rows(
    reconciled: pd.DataFrame,
    computed: pd.DataFrame,
    conflicts: pd.DataFrame,
    checks: pd.DataFrame,
    findings: bool = True,
) -> pd.DataFrame:
    """``reconciled`` (from ``indicators.published.reconcile``) with ``status``, ``published_text``,
    ``computed_text`` and ``explanation``. Without ``findings`` (a synthetic edition) computed values are shown
    at the printed precision and qualitative claims only as true or false."""
    key = ["indicator", "group", "category", "unit"]

    def keyed(frame, columns):
        return {tuple(None if pd.isna(v) else v for v in r[columns]): r for _, r in frame.iterrows()}

    conflict_of = keyed(conflicts, key)
    check_of = keyed(checks, key[:3])
    read = readings(reconciled).set_index("reading") if {"printed", "decimals"} <= set(reconciled) else None
    out = []
    for _, row in reconciled.iterrows():
        k = tuple(None if pd.isna(row[c]) else row[c] for c in key)
        verdicts = [bool(v) for v in (row["matches"], row["claim_holds"]) if pd.notna(v)]
        agrees = bool(verdicts) and all(verdicts)
        note = reader_note(row["note"]) if isinstance(row["note"], str) else ""
        parts = []
        if k in conflict_of:
            status = INCOERENTE
            conflict = conflict_of[k]
            parts.append(
                f"{conflict['explanation']} Con la lettura adottata il valore calcolato "
                f"{'coincide' if agrees else 'differisce'} (discrepanza {conflict['discrepancy']})."
            )
        else:
            status = COINCIDE if agrees else DIFFERISCE
            if note:
                parts.append(escape(note[:1].upper() + note[1:] + "."))
            if row["unit"] == "count" and k[:3] in check_of:
                parts.append(check_of[k[:3]]["explanation"])
        on_row = ""
        if read is not None and k in conflict_of and row["indicator"] == "participants":
            on_row = fmt_int(read.loc[PRINTED, row["group"]], _row_source(row))
        out.append(
            {
                **row.to_dict(),
                "status": status,
                "published_text": _published_text(row, on_row),
                "computed_text": _computed_text(row, computed, findings),
                "explanation": " ".join(parts) or "–",
            }
        )
    return pd.DataFrame(out)


def reconciliation_table(rows: pd.DataFrame, labels: dict[str, dict[str, str]]) -> pd.DataFrame:
    """The comparison for display: item with its source, published and computed values, status with its
    explanation (three columns, readable at phone width). ``labels`` maps
    ``indicator``, ``group`` and each indicator with categories to its Italian labels."""

    def item(row):
        text = labels["indicator"][row["indicator"]]
        if row["group"] != "totale" or isinstance(row["category"], str):
            text += f", {labels['group'][row['group']]}"
        if isinstance(row["category"], str):
            text += f": {labels[row['indicator']][row['category']]}"
            if row["unit"] == "count":
                text += " (numero)"
        return text

    verdicts = [
        Md(f"**{status}**" + (f". {text}" if text != "–" else ""))
        for status, text in zip(rows["status"], rows["explanation"])
    ]
    return pd.DataFrame(
        {
            "Voce (fonte)": [
                escape(f"{item(r)} ({published_reference(r['source']).removeprefix('Rapporto 2021, ')})")
                for _, r in rows.iterrows()
            ],
            "Valori": [
                Md(f"Pubblicato: {p}. Calcolato: {c}.") for p, c in zip(rows["published_text"], rows["computed_text"])
            ],
            "Esito e spiegazione": verdicts,
        },
        dtype=object,
    )


DISCREPANCY_IN_TEXT = re.compile(r"\bdiscrepanza (D\d+)")


def reconciliation_compact(rows: pd.DataFrame, labels: dict[str, dict[str, str]]) -> pd.DataFrame:
    """The PDF's version of ``reconciliation_table``: one row per indicator and group, in the order of ``rows``,
    with its sources, every figure as 'category: published / computed' (apart by ' · '), and the outcome: only the figures that do
    not coincide are named, with the code of the discrepancy that explains them (the explanations are in the
    HTML)."""
    out = {"Voce (fonti)": [], "Pubblicato / calcolato": [], "Esito": []}
    keys = list(dict.fromkeys(zip(rows["indicator"], rows["group"])))
    for indicator, group in keys:
        part = rows[(rows["indicator"] == indicator) & (rows["group"] == group)]
        sources = dict.fromkeys(
            ref for s in part["source"] for ref in published_reference(s).removeprefix("Rapporto 2021, ").split("; ")
        )
        name = labels["indicator"][indicator]
        if group != "totale" or part["category"].map(lambda c: isinstance(c, str)).any():
            name += f", {labels['group'][group]}"
        out["Voce (fonti)"].append(escape(f"{name} ({'; '.join(sources)})"))
        figures, outcomes = [], []
        for _, row in part.iterrows():
            what = ""
            if isinstance(row["category"], str):
                what = labels[indicator][row["category"]] + (" (numero)" if row["unit"] == "count" else "")
            figures.append((f"{escape(what)}: " if what else "") + f"{row['published_text']} / {row['computed_text']}")
            if row["status"] != COINCIDE:
                found = DISCREPANCY_IN_TEXT.search(str(row["explanation"]))
                code = f", {found.group(1)}" if found else ""
                outcomes.append((f"{escape(what)}: " if what else "") + f"**{escape(row['status'])}**{code}")
        if not outcomes:
            outcomes = ["coincide" if len(part) == 1 else "coincidono tutte"]
        elif len(outcomes) < len(part):
            outcomes.append("le altre coincidono" if len(part) - len(outcomes) > 1 else "l'altra coincide")
        out["Pubblicato / calcolato"].append(Md(" · ".join(figures)))
        out["Esito"].append(Md("; ".join(outcomes)))
    return pd.DataFrame(out, dtype=object)


def status_counts(rows: pd.DataFrame) -> dict[str, int]:
    """How many published figures have each status (every status present, zero included)."""
    return {s: int((rows["status"] == s).sum()) for s in STATUSES}


def summary_sentence(counts: dict[str, int]) -> str:
    """'Sono messi a confronto 65 valori …: 60 coincidono con il valore calcolato, nessuno differisce e 5 sono
    incoerenti nella fonte stessa.'"""
    total = sum(counts.values())

    def phrase(n, one, many, tail):
        if n == 0:
            return f"nessuno {one} {tail}".strip()
        return f"{fmt_int(n)} {one if n == 1 else many} {tail}".strip()

    parts = [
        phrase(counts[COINCIDE], "coincide", "coincidono", "con il valore calcolato"),
        phrase(counts[DIFFERISCE], "differisce", "differiscono", ""),
        phrase(counts[INCOERENTE], "è incoerente", "sono incoerenti", "nella fonte stessa"),
    ]
    return f"Sono messi a confronto {fmt_int(total)} valori e affermazioni del capitolo pubblicato: {join_it(parts)}."


def overlap_sentence(published: pd.DataFrame) -> str:
    """The two sub-project counts add up to more than the distinct participants: the difference is the
    people in both."""
    total = int(_row(published, "participants", "totale")["value"])
    lab, pip = (int(_row(published, "participants", g)["value"]) for g in ("laboratorio_sociale", "pip"))
    both = lab + pip - total
    if both <= 0:
        return (
            f"I destinatari dei due sub-progetti sommano a {fmt_int(lab + pip)}, non più delle {fmt_int(total)} "
            "persone raggiunte: nessuno risulta iscritto a entrambi."
        )
    return (
        f"I destinatari dei due sub-progetti sommano a {fmt_int(lab + pip)}, più delle {fmt_int(total)} "
        f"persone raggiunte: la differenza, {fmt_int(both)} persone, è il numero di chi partecipa a "
        "entrambi, che il rapporto non stampa."
    )


def vulnerability_wording_sentence(published: pd.DataFrame) -> str:
    """The report calls every participant a person in difficulty, yet prints a vulnerable share below 100%."""
    total = _row(published, "participants", "totale")
    share = _row(published, "vulnerable_share", "totale")
    if share["value"] >= 1:
        return "Il rapporto descrive tutti i destinatari come vulnerabili, in accordo con la quota stampata."
    return (
        f"Il rapporto descrive tutte le {_printed(total)} persone raggiunte come in temporanea difficoltà "
        f"economica o abitativa, ma solo {with_article(_printed(share))} risulta in condizione di vulnerabilità "
        "secondo il monitoraggio: la prima è una descrizione del bacino dell'avviso, la seconda una "
        "condizione registrata per ciascuna persona, ed è quella usata negli indicatori."
    )


def comparison_note(synthetic: bool) -> str:
    """What agreement with the published figures means for this edition's data."""
    if synthetic:
        return (
            "I dati di questa edizione sono sintetici: il confronto verifica il generatore e il calcolo, non dice "
            "nulla di nuovo sui progetti."
        )
    return (
        "I dati di questa edizione sono quelli del monitoraggio: ogni differenza dalle cifre pubblicate segnala un "
        "aggiornamento dei dati o un diverso modo di calcolare, da spiegare."
    )


def sums_sentence(sums: pd.DataFrame) -> str:
    """Which published distributions do not add up to 100, and whether rounding explains it."""
    off = sums[sums["total"] != 100]
    if off.empty:
        return f"Tutte le distribuzioni pubblicate sommano a {fmt_int(100)}."
    names = off["Distribuzione"].astype(str).str.replace(r" \(.*\)$", "", regex=True).str.lower()
    items = join_it(f"{d} ({fmt_num(t, 1 if t != round(t) else 0)}%)" for d, t in zip(names, off["total"]))
    if off["fits"].all():
        return (
            f"Non sommano a {fmt_int(100)} le quote di {items}: lo scarto rientra in quello dovuto agli arrotondamenti."
        )
    bad = join_it(names[~off["fits"]])
    return (
        f"Non sommano a {fmt_int(100)} le quote di {items}; per {bad} lo scarto è maggiore di quello dovuto agli "
        "arrotondamenti."
    )


def reading_summary(published: pd.DataFrame) -> str:
    """One sentence: which reading of the sub-project counts this edition follows, and why."""
    read = readings(published).set_index("reading")
    printed, swapped = read.loc[PRINTED], read.loc[SWAPPED]
    if printed["consistent"]:
        return "Le cifre dei sub-progetti sono lette come stampate nel rapporto: sono coerenti con le altre."
    if swapped["consistent"]:
        return (
            f"Le cifre dei sub-progetti sono lette con le etichette scambiate rispetto al rapporto pubblicato "
            f"(Laboratori Sociali {fmt_int(swapped['laboratorio_sociale'])}, PIP {fmt_int(swapped['pip'])}), "
            "perché solo così tornano la quota di destinatari con un PIP e la ripartizione dei PIP per stato."
        )
    return "Nessuna lettura delle cifre dei sub-progetti è coerente con tutte le altre cifre pubblicate."


def discrepancy_items(
    published: pd.DataFrame, conflicts: pd.DataFrame, checks: pd.DataFrame, sums: pd.DataFrame
) -> list[tuple[str, str]]:
    """How this appendix settles each discrepancy of the register about chapter 3 (D06-D12): (id, text)."""

    def conflict(discrepancy, fallback):
        found = conflicts.loc[conflicts["discrepancy"] == discrepancy, "explanation"]
        return " ".join(dict.fromkeys(found)) if len(found) else fallback

    count_checks = " ".join(checks["explanation"]) or "Nessuna cifra è stampata sia come numero sia come quota."
    return [
        ("D06", overlap_sentence(published)),
        ("D07", conflict("D07", "La quota di destinatari con un PIP è coerente con le cifre stampate.")),
        ("D08", conflict("D08", "La ripartizione dei PIP per stato è coerente con le cifre stampate.")),
        ("D09", conflict("D09", "Le cifre stampate sulla cittadinanza non contraddicono il testo.")),
        ("D10", count_checks),
        ("D11", sums_sentence(sums)),
        ("D12", vulnerability_wording_sentence(published)),
    ]


def discrepancy_list(items: list[tuple[str, str]], discrepancies: pd.DataFrame) -> str:
    """The register entries settled here as a Markdown list: id, topic (data text, its numbers sourced as the
    register's) and how this appendix settles it."""
    from quartieri_erp.chapters.readings import labelled
    from quartieri_erp.presentation.provenance import curated

    register = curated("registro delle discordanze tra le fonti (Appendice D)")
    return "\n".join(
        f"- **{key}. {labelled(discrepancies.loc[key, 'topic'], register)}.** {text}" for key, text in items
    )
