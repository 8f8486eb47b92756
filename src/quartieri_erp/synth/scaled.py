"""Scaled editions for benchmarks: N people resampled from the published edition, across K projects.

People are drawn with replacement from the 830 of the published edition (so every proportion
and every link between characteristics is kept, up to sampling noise); their start dates move
by up to three weeks. Projects are copies of the funded projects, cycled: project k copies
funded project k mod 33, and a person joins a copy of their template's project (any project when
K < 33 leaves that project without a copy).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from quartieri_erp.synth.people import People

JITTER_DAYS = 21


def scaled_projects(funded: pd.DataFrame, count: int) -> pd.DataFrame:
    """``count`` projects copied from the funded ones in turn, with ids P01.. (P001.. beyond 99)."""
    width = max(2, len(str(count)))
    projects = funded.iloc[np.arange(count) % len(funded)].reset_index(drop=True)
    return projects.assign(project_id=[f"P{k:0{width}d}" for k in range(1, count + 1)])


def scaled_people(
    template: People, funded: pd.DataFrame, projects: pd.DataFrame, count: int, seed: int, cut_off: np.datetime64
) -> People:
    """``count`` people resampled from ``template`` (vectorised), assigned to ``projects``."""
    rng = np.random.default_rng([seed, count, len(projects)])
    table = template.table.iloc[rng.integers(0, len(template.table), size=count)].reset_index(drop=True)

    source = pd.Index(funded["project_id"]).get_indexer(table["project_id"].astype(str))
    copies = len(projects) // len(funded) + (source < len(projects) % len(funded))
    chosen = source + len(funded) * np.floor(rng.random(count) * copies).astype(np.int64)
    chosen = np.where(copies > 0, chosen, rng.integers(0, len(projects), size=count))
    table["project_id"] = pd.Categorical.from_codes(chosen, categories=projects["project_id"])

    shift = rng.integers(-JITTER_DAYS, JITTER_DAYS + 1, size=count).astype("timedelta64[D]")
    for column in ("lab_start", "pip_start"):
        dates = table[column].to_numpy().astype("datetime64[D]") + shift
        table[column] = np.minimum(dates, cut_off)
    return People.of(table)
