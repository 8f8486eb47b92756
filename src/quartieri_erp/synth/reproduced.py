"""The synthetic published edition: 830 people whose counts are exactly those of the design file.

Each characteristic is dealt out within each disjoint group (lab_only, pip_only, both) from the
design's counts, so every published percentage is met exactly; the seed only decides who gets
what. A few characteristics are dealt in an order that keeps people plausible: migrant status
goes to foreigners, retirement to the oldest, study to the youngest, "no vulnerability" mostly
to the employed and retired, concluded PIPs to the earliest starters.
"""

from __future__ import annotations

from importlib import resources

import numpy as np
import pandas as pd
import yaml

from quartieri_erp.inputs.monitoring.codes import AGE_BAND_LOWER, AGE_BANDS
from quartieri_erp.synth.people import GROUP_ORDER, People

DESIGN_FILE = "design_2020.yml"
COUNTED = (
    "sex",
    "citizenship",
    "origin_area",
    "age_band",
    "education",
    "disadvantage",
    "employment_status",
    "province",
)


def load_design() -> dict:
    """The design of the 2020 edition (design_2020.yml next to this module)."""
    return yaml.safe_load(resources.files(__package__).joinpath(DESIGN_FILE).read_text(encoding="utf-8"))


def _deal(counts: dict, rng: np.random.Generator) -> np.ndarray:
    """The codes of ``counts`` ({code: n}) in random order."""
    return rng.permutation(np.repeat(list(counts), list(counts.values())))


def _deal_in_order(counts: dict, order: np.ndarray) -> np.ndarray:
    """The codes of ``counts`` given out in the order of ``order`` (indices of people)."""
    out = np.empty(len(order), dtype=object)
    out[order] = np.repeat(list(counts), list(counts.values()))
    return out


def _ages(bands: np.ndarray, target_sum: int, upper: dict, rng: np.random.Generator) -> np.ndarray:
    """Whole ages uniform within each band, then moved one year at a time within the band to sum to target."""
    lower_of = dict(zip(AGE_BANDS, AGE_BAND_LOWER, strict=True))
    low = np.array([lower_of[band] for band in bands])
    high = np.array([upper[band] for band in bands])
    ages = rng.integers(low, high + 1)
    while (gap := target_sum - int(ages.sum())) != 0:
        step = 1 if gap > 0 else -1
        movable = np.flatnonzero(ages + step <= high) if step > 0 else np.flatnonzero(ages + step >= low)
        if len(movable) == 0:
            raise ValueError(f"age sum {target_sum} cannot be reached within the bands")
        chosen = rng.choice(movable, size=min(abs(gap), len(movable)), replace=False)
        ages[chosen] += step
    return ages


def _group(design: dict, group: str, rng: np.random.Generator) -> pd.DataFrame:
    n = design["groups"][group]
    counts = {key: design[key][group] for key in COUNTED}
    foreign = _deal(counts["citizenship"], rng) == "straniera"
    origin = np.full(n, None, dtype=object)
    origin[foreign] = _deal(counts["origin_area"], rng)
    citizenship = np.full(n, "IT", dtype=object)
    for area, weights in design["countries"].items():
        who = np.flatnonzero(origin == area)
        codes, w = list(weights), np.array(list(weights.values()), dtype=float)
        citizenship[who] = rng.choice(codes, size=len(who), p=w / w.sum())

    bands = _deal(counts["age_band"], rng)
    ages = _ages(bands, design["age_sum"][group], design["age_upper"], rng)
    # oldest first (random among equal ages): retired people are the oldest, students the youngest
    by_age = np.lexsort((rng.random(n), -ages))
    employment_counts = dict(counts["employment_status"])
    retired, students = employment_counts.pop("pensionato", 0), employment_counts.pop("studente", 0)
    middle = rng.permutation(by_age[retired : n - students])
    employment = _deal_in_order(
        {"pensionato": retired, **employment_counts, "studente": students},
        np.concatenate([by_age[:retired], middle, by_age[n - students :]]),
    )

    disadvantage_counts = dict(counts["disadvantage"])
    migrants = disadvantage_counts.pop("migrante", 0)
    foreigners_first = np.lexsort((rng.random(n), ~foreign))
    rest = foreigners_first[migrants:]
    settled = np.isin(employment[rest], ["occupato", "pensionato"])
    rest = rest[np.argsort(-(settled * 0.8 + rng.random(len(rest))), kind="stable")]
    none_count = disadvantage_counts.pop("nessuna", 0)
    others = rng.permutation(rest[none_count:])
    disadvantage = _deal_in_order(
        {"migrante": migrants, "nessuna": none_count, **disadvantage_counts},
        np.concatenate([foreigners_first[:migrants], rest[:none_count], others]),
    )

    return pd.DataFrame(
        {
            "group": group,
            "sex": _deal(counts["sex"], rng),
            "age": ages,
            "citizenship": citizenship,
            "education": _deal(counts["education"], rng),
            "disadvantage": disadvantage,
            "employment_status": employment,
            "province": _deal(counts["province"], rng),
        }
    )


def _projects_for(people: pd.DataFrame, projects: pd.DataFrame, extra: dict, rng: np.random.Generator) -> np.ndarray:
    """A funded project of each person's province of residence (plus the design's extra links)."""
    unknown = {p for ids in extra.values() for p in ids} - set(projects["project_id"])
    if unknown:
        raise ValueError(f"the design links residents to unknown projects {sorted(unknown)}")
    out = np.empty(len(people), dtype=object)
    for province, who in people.groupby("province", sort=True).indices.items():
        candidates = sorted(projects.loc[projects["province"] == province, "project_id"]) + extra.get(province, [])
        if not candidates:
            raise ValueError(f"no funded project for residents of {province}")
        out[who] = rng.choice(candidates, size=len(who))
    return out


def _dates(span: list[str], size: int, rng: np.random.Generator) -> np.ndarray:
    start, end = (np.datetime64(day, "D") for day in span)
    return start + rng.integers(0, (end - start).astype(int) + 1, size=size)


def _enrolment_details(people: pd.DataFrame, design: dict, rng: np.random.Generator) -> pd.DataFrame:
    dates = design["start_dates"]
    n = len(people)
    group = people["group"].to_numpy()
    in_lab = group != "pip_only"
    lab_start = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    lab_start[in_lab] = _dates(dates["laboratorio_sociale"], int(in_lab.sum()), rng)
    pip_start = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    pip_start[group == "pip_only"] = _dates(dates["pip"], int((group == "pip_only").sum()), rng)
    both = group == "both"
    low_gap, high_gap = dates["pip_after_lab_days"]
    pip_end = np.datetime64(dates["pip"][1], "D")
    pip_start[both] = np.minimum(lab_start[both] + rng.integers(low_gap, high_gap + 1, size=int(both.sum())), pip_end)
    status = np.full(n, None, dtype=object)
    for name in ("pip_only", "both"):
        who = np.flatnonzero(group == name)
        counts = design["pip_status"][name]
        withdrawn = counts.get("rinuncia", 0)
        shuffled = rng.permutation(who)
        status[shuffled[:withdrawn]] = "rinuncia"
        rest = shuffled[withdrawn:]
        # earliest starters conclude first (with some noise: about two months)
        noise = rng.normal(0, 60, size=len(rest))
        rest = rest[np.argsort(pip_start[rest].astype(float) + noise, kind="stable")]
        concluded = counts.get("concluso", 0)
        status[rest[:concluded]] = "concluso"
        status[rest[concluded:]] = "in_corso"
    return pd.DataFrame({"lab_start": lab_start, "pip_start": pip_start, "pip_status": status})


def published_people(design: dict, projects: pd.DataFrame, seed: int) -> People:
    """The 830 people of the published edition, in random order, with their enrolments."""
    rng = np.random.default_rng(seed)
    people = pd.concat([_group(design, group, rng) for group in GROUP_ORDER], ignore_index=True)
    people["project_id"] = _projects_for(people, projects, design.get("extra_projects", {}), rng)
    people = pd.concat([people, _enrolment_details(people, design, rng)], axis=1)
    people = people.iloc[rng.permutation(len(people))].reset_index(drop=True)
    return People.of(people.drop(columns="group"))
