"""Tests of the difference between the two sub-projects.

The sub-projects overlap (people in both count in each), so the tests compare two DISJOINT
groups: people only in laboratorio_sociale (``lab_only``) against people only in pip
(``pip_only``); people in both are left out. Categorical dimensions: Pearson's chi-square test
of independence on the 2 x k table of counts (categories empty in both groups dropped; Yates'
correction on 2 x 2 tables), or Fisher's exact test for a 2 x 2 table with an expected count
below 5 (statistic = odds ratio). Origin areas are compared among foreigners only. Age: Welch's
t test and the Mann-Whitney U test (when each group has two people and the ages vary).
Employment status is not tested: being unemployed was a condition of entry to a PIP (report 000,
footnote 45), so the difference is by design.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from quartieri_erp.indicators.core import BOTH, LAB_ONLY, PIP_ONLY, dimensions, membership
from quartieri_erp.inputs.monitoring import Monitoring

GROUPS_COMPARED = "lab_only vs pip_only"
TESTED = ("age_band", "sex", "citizenship", "origin_area", "education", "disadvantage", "province")
COLUMNS = ["indicator", "test", "statistic", "dof", "p_value", "groups", "n_a", "n_b", "min_expected"]


def _categorical_test(indicator: str, table: np.ndarray) -> dict:
    from scipy import stats

    table = table[:, table.sum(axis=0) > 0]
    n_a, n_b = (int(x) for x in table.sum(axis=1))
    row = {"indicator": indicator, "groups": GROUPS_COMPARED, "n_a": n_a, "n_b": n_b}
    if table.shape[1] < 2 or min(n_a, n_b) == 0:
        return {
            **row,
            "test": "not testable",
            "statistic": np.nan,
            "dof": np.nan,
            "p_value": np.nan,
            "min_expected": np.nan,
        }
    expected = stats.contingency.expected_freq(table)
    if table.shape[1] == 2 and expected.min() < 5:
        odds_ratio, p_value = stats.fisher_exact(table)
        return {
            **row,
            "test": "fisher_exact",
            "statistic": odds_ratio,
            "dof": np.nan,
            "p_value": p_value,
            "min_expected": expected.min(),
        }
    result = stats.chi2_contingency(table)
    return {
        **row,
        "test": "chi_square",
        "statistic": result.statistic,
        "dof": result.dof,
        "p_value": result.pvalue,
        "min_expected": expected.min(),
    }


def group_tests(m: Monitoring) -> pd.DataFrame:
    """One row per test (see the module docstring); columns ``indicator, test, statistic, dof,
    p_value, groups, n_a, n_b, min_expected`` (a = lab_only, b = pip_only)."""
    from scipy import stats

    classes = membership(m.participants)
    rows = []
    for name, (codes, categories) in dimensions(m.participants).items():
        if name not in TESTED:
            continue
        valid = (codes >= 0) & (classes != BOTH)
        table = np.zeros((2, len(categories)), dtype=np.int64)
        for i, group in enumerate((LAB_ONLY, PIP_ONLY)):
            table[i] = np.bincount(codes[valid & (classes == group)], minlength=len(categories))
        rows.append(_categorical_test(name, table))
    age = m.participants["age"].to_numpy(dtype=float)
    a, b = age[classes == LAB_ONLY], age[classes == PIP_ONLY]
    base = {"indicator": "age", "groups": GROUPS_COMPARED, "n_a": len(a), "n_b": len(b), "min_expected": np.nan}
    if min(len(a), len(b)) >= 2 and (a.var() > 0 or b.var() > 0):
        with warnings.catch_warnings():  # a group of equal ages is valid data, not a precision problem
            warnings.simplefilter("ignore", RuntimeWarning)
            welch = stats.ttest_ind(a, b, equal_var=False)
        rows.append({**base, "test": "welch_t", "statistic": welch.statistic, "dof": welch.df, "p_value": welch.pvalue})
        mann_whitney = stats.mannwhitneyu(a, b, alternative="two-sided")
        rows.append(
            {
                **base,
                "test": "mann_whitney_u",
                "statistic": mann_whitney.statistic,
                "dof": np.nan,
                "p_value": mann_whitney.pvalue,
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)
