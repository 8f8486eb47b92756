"""Compare two editions of the report: indicators, projects, input files, Sintesi sentences.

Pure functions over the manifests (``edition.json``) and indicator tables (``indicators.csv``) of two
build folders, in the spirit of ``etl diff`` (owid/etl): every item is *added*, *removed*, *changed* or
*unchanged*, and a changed indicator is *marked* when the change is larger than its confidence
intervals allow.

Rule for the mark: a share whose two 95% Wilson intervals (``ci_low``–``ci_high`` of both editions) do
not overlap. Counts and means carry no interval and are never marked, only reported as changed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from quartieri_erp.editions.manifest import read_build

KEYS = ["indicator", "group", "category", "unit"]
TOLERANCE = 1e-8  # relative: values equal up to the rounding of the CSV (10 significant digits)

# status words (Italian: they reach the report and the spreadsheet)
ADDED, REMOVED, CHANGED, UNCHANGED = "nuovo", "non più presente", "variato", "invariato"


def intervals_apart(old_low: float, old_high: float, new_low: float, new_high: float) -> bool:
    """True when both intervals are known and do not overlap."""
    values = (old_low, old_high, new_low, new_high)
    if any(v is None or (isinstance(v, float) and math.isnan(v)) for v in values):
        return False
    return new_low > old_high or new_high < old_low


def compare_indicators(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator of either edition: both values, the difference, status and mark.

    Columns: the KEYS, ``old``, ``new``, ``difference`` (new - old), ``status`` and ``beyond_ci``
    (True when the Wilson intervals of the two editions do not overlap).
    """

    def tidy(frame: pd.DataFrame) -> pd.DataFrame:
        frame = frame.copy()
        for column in ("group", "category"):
            frame[column] = frame[column].fillna("").astype(str)
        return frame[KEYS + ["value", "ci_low", "ci_high"]]

    both = tidy(old).merge(tidy(new), on=KEYS, how="outer", suffixes=("_old", "_new"), sort=False)
    both = both.rename(columns={"value_old": "old", "value_new": "new"})
    both["difference"] = both["new"] - both["old"]
    status = []
    for row in both.itertuples(index=False):
        if pd.isna(row.old):
            status.append(ADDED)
        elif pd.isna(row.new):
            status.append(REMOVED)
        elif abs(row.difference) > TOLERANCE * max(1.0, abs(row.old)):
            status.append(CHANGED)
        else:
            status.append(UNCHANGED)
    both["status"] = status
    both["beyond_ci"] = [
        s == CHANGED and intervals_apart(r.ci_low_old, r.ci_high_old, r.ci_low_new, r.ci_high_new)
        for s, r in zip(status, both.itertuples(index=False))
    ]
    return both[
        KEYS
        + ["old", "new", "difference", "ci_low_old", "ci_high_old", "ci_low_new", "ci_high_new", "status", "beyond_ci"]
    ].reset_index(drop=True)


def compare_projects(old: list[dict], new: list[dict]) -> pd.DataFrame:
    """Projects that entered, left or changed (participants, lead partner, municipality) between editions.

    Columns: project_id, status, participants_old, participants_new, what (the fields that changed).
    """
    before = {p["project_id"]: p for p in old}
    after = {p["project_id"]: p for p in new}
    rows = []
    for pid in sorted(set(before) | set(after)):
        a, b = before.get(pid), after.get(pid)
        if a is None or b is None:
            status, what = (ADDED if a is None else REMOVED), []
        else:
            what = [name for name in ("participants", "lead_partner", "municipality") if a.get(name) != b.get(name)]
            status = CHANGED if what else UNCHANGED
        rows.append(
            {
                "project_id": pid,
                "status": status,
                "participants_old": None if a is None else a.get("participants"),
                "participants_new": None if b is None else b.get("participants"),
                "what": what,
            }
        )
    return pd.DataFrame(rows, columns=["project_id", "status", "participants_old", "participants_new", "what"])


def compare_inputs(old: dict[str, str], new: dict[str, str]) -> pd.DataFrame:
    """Input files (by role and name) added, removed or with other content; columns file, status, old, new."""
    rows = []
    for name in sorted(set(old) | set(new)):
        a, b = old.get(name), new.get(name)
        status = ADDED if a is None else REMOVED if b is None else CHANGED if a != b else UNCHANGED
        rows.append({"file": name, "status": status, "old": a, "new": b})
    return pd.DataFrame(rows, columns=["file", "status", "old", "new"])


def compare_sentences(old: list[str], new: list[str]) -> pd.DataFrame:
    """Sentences of the Sintesi that are only in one edition; columns status, sentence."""
    rows = [{"status": REMOVED, "sentence": s} for s in old if s not in set(new)]
    rows += [{"status": ADDED, "sentence": s} for s in new if s not in set(old)]
    return pd.DataFrame(rows, columns=["status", "sentence"])


@dataclass(frozen=True)
class Comparison:
    """Everything that differs between two editions."""

    old_edition: str
    new_edition: str
    old_as_of: str
    new_as_of: str
    indicators: pd.DataFrame
    projects: pd.DataFrame
    inputs: pd.DataFrame
    sintesi: pd.DataFrame = field(default_factory=lambda: compare_sentences([], []))

    def of(self, table: str, *statuses: str) -> pd.DataFrame:
        frame = getattr(self, table)
        return frame[frame["status"].isin(statuses)]

    @property
    def entered(self) -> list[str]:
        return self.of("projects", ADDED)["project_id"].tolist()

    @property
    def left(self) -> list[str]:
        return self.of("projects", REMOVED)["project_id"].tolist()

    @property
    def changed_projects(self) -> list[str]:
        return self.of("projects", CHANGED)["project_id"].tolist()

    @property
    def marked(self) -> pd.DataFrame:
        """Indicators whose change exceeds the confidence intervals."""
        return self.indicators[self.indicators["beyond_ci"]]


def compare_manifests(old: dict, new: dict, old_indicators: pd.DataFrame, new_indicators: pd.DataFrame) -> Comparison:
    return Comparison(
        old_edition=str(old.get("edition", "")),
        new_edition=str(new.get("edition", "")),
        old_as_of=str(old.get("as_of", "")),
        new_as_of=str(new.get("as_of", "")),
        indicators=compare_indicators(old_indicators, new_indicators),
        projects=compare_projects(old.get("projects", []), new.get("projects", [])),
        inputs=compare_inputs(old.get("inputs", {}), new.get("inputs", {})),
        sintesi=compare_sentences(old.get("sintesi", []), new.get("sintesi", [])),
    )


def compare_builds(old: Path, new: Path) -> Comparison:
    """The comparison of two build folders (each with edition.json and indicators.csv)."""
    old_manifest, old_indicators = read_build(old)
    new_manifest, new_indicators = read_build(new)
    return compare_manifests(old_manifest, new_manifest, old_indicators, new_indicators)


def comparison_rows(comparison: Comparison) -> pd.DataFrame:
    """The comparison as one long table for spreadsheets: section, item, status, old, new, difference, note."""
    rows = []
    for r in comparison.indicators.itertuples(index=False):
        if r.status == UNCHANGED:
            continue
        item = "/".join(x for x in (r.indicator, r.group, r.category) if x)
        rows.append(
            {
                "section": "indicatore",
                "item": item,
                "status": r.status,
                "old": r.old,
                "new": r.new,
                "difference": r.difference,
                "note": "oltre gli intervalli di confidenza" if r.beyond_ci else "",
            }
        )
    for r in comparison.projects.itertuples(index=False):
        if r.status != UNCHANGED:
            rows.append(
                {
                    "section": "progetto",
                    "item": r.project_id,
                    "status": r.status,
                    "old": r.participants_old,
                    "new": r.participants_new,
                    "difference": None,
                    "note": ", ".join(r.what),
                }
            )
    for r in comparison.inputs.itertuples(index=False):
        if r.status != UNCHANGED:
            rows.append(
                {
                    "section": "file di input",
                    "item": r.file,
                    "status": r.status,
                    "old": r.old,
                    "new": r.new,
                    "difference": None,
                    "note": "",
                }
            )
    for r in comparison.sintesi.itertuples(index=False):
        rows.append(
            {
                "section": "sintesi",
                "item": r.sentence,
                "status": r.status,
                "old": None,
                "new": None,
                "difference": None,
                "note": "",
            }
        )
    return pd.DataFrame(rows, columns=["section", "item", "status", "old", "new", "difference", "note"])


def summary_lines(comparison: Comparison, limit: int = 12) -> list[str]:
    """A short console summary (Italian, as the report)."""
    c = comparison
    changed = c.of("indicators", CHANGED)
    lines = [
        f"Edizione {c.old_edition} (dati al {c.old_as_of}) → edizione {c.new_edition} (dati al {c.new_as_of})",
        f"Progetti entrati: {', '.join(c.entered) or 'nessuno'}",
        f"Progetti usciti: {', '.join(c.left) or 'nessuno'}",
        f"Progetti variati: {', '.join(c.changed_projects) or 'nessuno'}",
        f"Indicatori variati: {len(changed)} su {len(c.indicators)}; oltre gli intervalli di confidenza: "
        f"{len(c.marked)}",
    ]
    for r in c.marked.head(limit).itertuples(index=False):
        item = "/".join(x for x in (r.indicator, r.group, r.category) if x)
        lines.append(f"  * {item}: {r.old:.4g} → {r.new:.4g} ({r.difference:+.4g})")
    if len(c.marked) > limit:
        lines.append(f"  … e altri {len(c.marked) - limit}")
    files = c.inputs[c.inputs["status"] != UNCHANGED]
    lines.append(f"File di input cambiati: {', '.join(files['file']) or 'nessuno'}")
    new_sentences = c.sintesi[c.sintesi["status"] == ADDED]["sentence"].tolist()
    lines.append(
        f"Frasi della Sintesi cambiate: {len(new_sentences)} nuove, "
        f"{len(c.sintesi) - len(new_sentences)} non più presenti"
    )
    for sentence in new_sentences[:3]:
        lines.append(f"  + {sentence if len(sentence) <= 160 else sentence[:159] + '…'}")
    if len(new_sentences) > 3:
        lines.append("  … (tutte nel CSV: --csv FILE)")
    return lines
