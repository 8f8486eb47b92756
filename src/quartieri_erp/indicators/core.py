"""The chapter-3 indicators as one long table, computed in one vectorised pass per dimension.

Groups: ``totale`` (every person), ``laboratorio_sociale`` and ``pip`` (people enrolled in that
sub-project; the two overlap) and, for the ``participants`` count only, ``entrambi`` (people in
both, the overlap of Tabella 3.1). Distributions are not given for ``entrambi``: the report has
none and its cells would be small.

Columns: ``indicator, group, category, unit, numerator, denominator, value``. ``unit`` is
``count`` (value = numerator-free count), ``share`` (value = numerator / denominator, 0-1) or
``years`` (mean age; denominator = people). ``category`` is NA where it does not apply.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from quartieri_erp.inputs.monitoring import Monitoring
from quartieri_erp.inputs.monitoring.codes import AGE_BAND_LOWER, AGE_BANDS, CITIZENSHIP, GROUPS, ITALY

INDICATORS = (
    "projects",
    "participants",
    "pip_share",
    "pip_status",
    "vulnerable_share",
    "mean_age",
    "age_band",
    "sex",
    "citizenship",
    "origin_area",
    "education",
    "disadvantage",
    "employment_status",
    "province",
)
SUBGROUPS = GROUPS[:3]  # totale, laboratorio_sociale, pip
COLUMNS = ["indicator", "group", "category", "unit", "numerator", "denominator", "value"]

# Disjoint membership classes: 0 = laboratorio_sociale only, 1 = pip only, 2 = both.
LAB_ONLY, PIP_ONLY, BOTH = 0, 1, 2
GROUP_CLASSES = {
    "totale": (LAB_ONLY, PIP_ONLY, BOTH),
    "laboratorio_sociale": (LAB_ONLY, BOTH),
    "pip": (PIP_ONLY, BOTH),
    "entrambi": (BOTH,),
}


def membership(participants: pd.DataFrame) -> np.ndarray:
    """Disjoint class of each person: 0 laboratorio_sociale only, 1 pip only, 2 both."""
    lab = participants["in_laboratorio_sociale"].to_numpy()
    pip = participants["in_pip"].to_numpy()
    return np.where(lab & pip, BOTH, np.where(pip, PIP_ONLY, LAB_ONLY))


def age_band_codes(age: np.ndarray) -> np.ndarray:
    """Index in AGE_BANDS of each age."""
    return np.searchsorted(np.asarray(AGE_BAND_LOWER), age, side="right") - 1


def dimensions(participants: pd.DataFrame) -> dict[str, tuple[np.ndarray, tuple[str, ...]]]:
    """Each categorical dimension as (integer codes with -1 for NA, category names)."""
    citizenship = participants["citizenship"]
    italy = citizenship.cat.categories.get_indexer([ITALY])[0]
    out = {
        "age_band": (age_band_codes(participants["age"].to_numpy()), AGE_BANDS),
        "sex": _codes(participants["sex"]),
        "citizenship": ((citizenship.cat.codes.to_numpy() != italy).astype(np.int64), CITIZENSHIP),
    }
    for name in ("origin_area", "education", "disadvantage", "employment_status", "province"):
        out[name] = _codes(participants[name])
    return out


def _codes(series: pd.Series) -> tuple[np.ndarray, tuple[str, ...]]:
    return series.cat.codes.to_numpy().astype(np.int64), tuple(series.cat.categories)


def _by_class(codes: np.ndarray, k: int, classes: np.ndarray) -> np.ndarray:
    """Counts per (membership class, category): a 3 x k array; NA codes (-1) are left out."""
    if len(codes) and codes.min() < 0:
        valid = codes >= 0
        classes, codes = classes[valid], codes[valid]
    return np.bincount(classes * k + codes, minlength=3 * k).reshape(3, k)


def _rows(indicator: str, group: str, categories, unit: str, numerators, denominators, values) -> pd.DataFrame:
    size = len(values)
    return pd.DataFrame(
        {
            "indicator": [indicator] * size,
            "group": [group] * size,
            "category": pd.array(list(categories) if categories is not None else [None] * size, dtype="string"),
            "unit": [unit] * size,
            "numerator": pd.array(numerators, dtype="Int64"),
            "denominator": pd.array(denominators, dtype="Int64"),
            "value": np.asarray(values, dtype=float),
        }
    )


def _share_rows(indicator: str, counts: np.ndarray, categories) -> list[pd.DataFrame]:
    frames = []
    for group in SUBGROUPS:
        numerators = counts[list(GROUP_CLASSES[group])].sum(axis=0)
        total = int(numerators.sum())
        with np.errstate(invalid="ignore", divide="ignore"):
            values = numerators / total if total else np.full(len(numerators), np.nan)
        frames.append(_rows(indicator, group, categories, "share", numerators, [total] * len(numerators), values))
    return frames


def compute_indicators(m: Monitoring) -> pd.DataFrame:
    """Every chapter-3 indicator of ``m`` as a long table (see the module docstring), in a fixed order."""
    participants, enrolments = m.participants, m.enrolments
    classes = membership(participants)
    sizes = np.bincount(classes, minlength=3)
    group_size = {group: int(sizes[list(GROUP_CLASSES[group])].sum()) for group in GROUPS}
    frames = [_rows("projects", "totale", None, "count", [None], [None], [len(m.projects)])]
    frames += [_rows("participants", group, None, "count", [None], [None], [group_size[group]]) for group in GROUPS]
    pip_total = group_size["pip"]
    frames.append(
        _rows(
            "pip_share",
            "totale",
            None,
            "share",
            [pip_total],
            [group_size["totale"]],
            [pip_total / group_size["totale"] if group_size["totale"] else np.nan],
        )
    )

    status = enrolments.loc[(enrolments["subproject"] == "pip").to_numpy(), "status"]
    status_counts = np.bincount(status.cat.codes.to_numpy(), minlength=len(status.cat.categories))
    frames.append(
        _rows(
            "pip_status",
            "pip",
            status.cat.categories,
            "share",
            status_counts,
            [len(status)] * len(status_counts),
            status_counts / len(status) if len(status) else np.full(len(status_counts), np.nan),
        )
    )

    dims = dimensions(participants)
    disadvantage_codes, disadvantage_names = dims["disadvantage"]
    vulnerable = (disadvantage_codes != disadvantage_names.index("nessuna")).astype(np.int64)
    counts = _by_class(vulnerable, 2, classes)
    for group in SUBGROUPS:
        k = int(counts[list(GROUP_CLASSES[group]), 1].sum())
        n = group_size[group]
        frames.append(_rows("vulnerable_share", group, None, "share", [k], [n], [k / n if n else np.nan]))

    age_sums = np.bincount(classes, weights=participants["age"].to_numpy(dtype=float), minlength=3)
    for group in SUBGROUPS:
        n = group_size[group]
        total = age_sums[list(GROUP_CLASSES[group])].sum()
        frames.append(_rows("mean_age", group, None, "years", [None], [n], [total / n if n else np.nan]))

    for name, (codes, categories) in dims.items():
        frames += _share_rows(name, _by_class(codes, len(categories), classes), categories)
    return pd.concat(frames, ignore_index=True)[COLUMNS]
