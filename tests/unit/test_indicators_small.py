"""Indicators of the hand-made 16-person fixture, every expected value counted by hand.

The fixture (tests/fixtures/monitoring_small): 16 people in 2 projects; Laboratori Sociali: 12
(A01 A02 A04 A06 A07 A08 A10 A11 A12 A14 A15 A16), PIP: 8 (A02 A03 A05 A08 A09 A13 A14 A15),
both: 4 (A02 A08 A14 A15); so lab only: 8, PIP only: 4 (A03 A05 A09 A13).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from quartieri_erp.cli import main
from quartieri_erp.indicators import (
    add_confidence_intervals,
    compute_indicators,
    esf_indicators,
    group_tests,
    wilson_interval,
)
from quartieri_erp.inputs.monitoring import load_monitoring

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "monitoring_small"
REFERENCE = ROOT / "data" / "reference"


@pytest.fixture(scope="module")
def m():
    return load_monitoring(FIXTURE, REFERENCE)


@pytest.fixture(scope="module")
def table(m):
    return compute_indicators(m)


def rows(table: pd.DataFrame, indicator: str, group: str) -> pd.DataFrame:
    return table[(table["indicator"] == indicator) & (table["group"] == group)]


def one(table: pd.DataFrame, indicator: str, group: str) -> pd.Series:
    found = rows(table, indicator, group)
    assert len(found) == 1
    return found.iloc[0]


def counts(table: pd.DataFrame, indicator: str, group: str) -> dict:
    found = rows(table, indicator, group)
    assert found["denominator"].nunique() == 1
    return dict(zip(found["category"], found["numerator"].astype(int), strict=True))


def test_headline_counts(table):
    assert one(table, "projects", "totale")["value"] == 2
    assert {
        g: one(table, "participants", g)["value"] for g in ("totale", "laboratorio_sociale", "pip", "entrambi")
    } == {"totale": 16, "laboratorio_sociale": 12, "pip": 8, "entrambi": 4}
    share = one(table, "pip_share", "totale")
    assert (share["numerator"], share["denominator"], share["value"]) == (8, 16, 0.5)


def test_pip_status_and_vulnerable_share(table):
    assert counts(table, "pip_status", "pip") == {"concluso": 4, "in_corso": 3, "rinuncia": 1}
    assert set(rows(table, "pip_status", "pip")["denominator"]) == {8}
    vulnerable = {
        g: (one(table, "vulnerable_share", g)["numerator"], one(table, "vulnerable_share", g)["denominator"])
        for g in ("totale", "laboratorio_sociale", "pip")
    }
    assert vulnerable == {"totale": (10, 16), "laboratorio_sociale": (6, 12), "pip": (8, 8)}
    assert one(table, "vulnerable_share", "totale")["value"] == 0.625


def test_mean_ages(table):
    assert one(table, "mean_age", "totale")["value"] == pytest.approx(697 / 16)
    assert one(table, "mean_age", "laboratorio_sociale")["value"] == pytest.approx(532 / 12)
    assert one(table, "mean_age", "pip")["value"] == pytest.approx(313 / 8)
    assert pd.isna(one(table, "mean_age", "pip")["numerator"]) and one(table, "mean_age", "pip")["denominator"] == 8


def test_age_bands_respect_the_boundaries(table):
    # 17 | 18 25 30 33 35 | 36 40 45 50 54 | 55 60 64 | 65 70
    assert counts(table, "age_band", "totale") == {"<18": 1, "18-35": 5, "36-54": 5, "55-64": 3, "65+": 2}
    assert counts(table, "age_band", "pip") == {"<18": 0, "18-35": 4, "36-54": 2, "55-64": 2, "65+": 0}


def test_distributions(table):
    assert counts(table, "sex", "totale") == {"F": 10, "M": 6}
    assert counts(table, "sex", "laboratorio_sociale") == {"F": 9, "M": 3}
    assert counts(table, "citizenship", "totale") == {"italiana": 9, "straniera": 7}
    assert counts(table, "citizenship", "pip") == {"italiana": 3, "straniera": 5}
    assert counts(table, "origin_area", "totale") == {
        "maghreb_vicino_oriente": 2,
        "europa_orientale": 1,
        "africa_subsahariana": 1,
        "asia": 1,
        "america_latina": 1,
        "altro": 1,
    }
    assert set(rows(table, "origin_area", "laboratorio_sociale")["denominator"]) == {5}  # MA SN PE CN DE
    assert counts(table, "education", "totale") == {
        "nessun_titolo": 2,
        "licenza_elementare": 2,
        "licenza_media": 7,
        "diploma": 4,
        "post_diploma_laurea": 1,
    }
    assert counts(table, "disadvantage", "totale") == {
        "nessuna": 6,
        "migrante": 4,
        "disabilita": 2,
        "detenzione_dipendenza": 1,
        "altro": 3,
    }
    assert counts(table, "employment_status", "laboratorio_sociale") == {
        "disoccupato": 3,
        "prima_occupazione": 1,
        "inattivo": 1,
        "studente": 1,
        "occupato": 3,
        "pensionato": 3,
    }
    province = counts(table, "province", "totale")
    assert {k: v for k, v in province.items() if v} == {"MI": 10, "CR": 5, "BG": 1} and len(province) == 12


def test_table_shape_and_order(table):
    assert list(table.columns) == ["indicator", "group", "category", "unit", "numerator", "denominator", "value"]
    assert table["indicator"].drop_duplicates().tolist() == [
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
    ]
    assert rows(table, "sex", "totale")["category"].tolist() == ["F", "M"]
    assert table.loc[table["indicator"] == "participants", "category"].isna().all()


def test_wilson_interval_against_an_independent_calculation():
    # Wilson's interval holds the p with (x/n - p)^2 = z^2 p (1 - p) / n: the roots of a quadratic.
    z = 1.959963984540054
    for k, n in ((8, 16), (81, 263), (0, 10), (10, 10), (1, 830)):
        a, b, c = 1 + z**2 / n, -(2 * k / n + z**2 / n), (k / n) ** 2
        expected = sorted(np.roots([a, b, c]).real)
        low, high = wilson_interval(k, n)
        assert (float(low), float(high)) == pytest.approx(tuple(expected), abs=1e-12)
    low, high = wilson_interval(81, 263)  # Newcombe (1998), example (i): 0.2553 to 0.3662
    assert (round(float(low), 4), round(float(high), 4)) == (0.2553, 0.3662)
    low, high = wilson_interval([8, 0], [16, 0])
    assert low[0] == pytest.approx(0.5 - 0.2200, abs=1e-4) and np.isnan(low[1]) and np.isnan(high[1])


def test_confidence_intervals_only_on_share_rows(table):
    with_ci = add_confidence_intervals(table)
    share = with_ci[with_ci["unit"] == "share"]
    assert share["ci_low"].notna().all() and (share["ci_low"] <= share["value"]).all()
    assert (share["value"] <= share["ci_high"]).all()
    assert with_ci.loc[with_ci["unit"] != "share", ["ci_low", "ci_high"]].isna().all().all()
    pip_share = with_ci[with_ci["indicator"] == "pip_share"].iloc[0]
    assert (pip_share["ci_low"], pip_share["ci_high"]) == pytest.approx(wilson_interval(8, 16))


def test_group_tests_against_hand_calculations(m):
    tests = group_tests(m).set_index(["indicator", "test"])
    # sex, lab only F7 M1 vs PIP only F1 M3: expected M count 4*4/12 < 5 -> Fisher's exact test.
    # P(a) = C(8,a) C(4,8-a) / C(12,8) for a = 4..8: 70, 224, 168, 32, 1 (/495); observed a = 7.
    fisher = tests.loc[("sex", "fisher_exact")]
    assert fisher["statistic"] == pytest.approx(7 * 3 / (1 * 1))
    assert fisher["p_value"] == pytest.approx((32 + 1) / 495)
    assert (fisher["n_a"], fisher["n_b"]) == (8, 4)
    # disadvantage: [[6,0,1,0,1],[0,1,0,1,2]], expected [[4,2/3,2/3,2/3,2],[2,1/3,1/3,1/3,1]] -> chi2 = 9, dof 4;
    # for 4 degrees of freedom the survival function is exp(-x/2) (1 + x/2).
    chi = tests.loc[("disadvantage", "chi_square")]
    assert (chi["statistic"], chi["dof"]) == (pytest.approx(9.0), 4)
    assert chi["p_value"] == pytest.approx(math.exp(-4.5) * 5.5)
    # age: Welch's t from the two samples, computed here from its formula
    a = np.array([17, 36, 45, 54, 64, 65, 70, 33], dtype=float)
    b = np.array([30, 40, 60, 35], dtype=float)
    va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    welch = tests.loc[("age", "welch_t")]
    assert welch["statistic"] == pytest.approx((a.mean() - b.mean()) / math.sqrt(va + vb))
    assert welch["dof"] == pytest.approx((va + vb) ** 2 / (va**2 / 7 + vb**2 / 3))
    assert "employment_status" not in tests.index.get_level_values("indicator")


def test_esf_indicators(m):
    esf = esf_indicators(m).set_index(["code", "group"])
    totals = esf.xs("totale", level="group")["numerator"].to_dict()
    assert totals == {
        "CO01": 8,
        "CO03": 5,
        "CO04": 4,
        "CO05": 3,
        "CO06": 2,
        "CO07": 5,
        "CO08": 5,
        "CO09": 11,
        "CO15": 7,
        "CO16": 2,
        "CO17": 4,
    }
    assert esf.loc[("CO01", "pip"), "numerator"] == 8 and esf.loc[("CO01", "pip"), "denominator"] == 8
    assert esf.loc[("CO06", "laboratorio_sociale"), "numerator"] == 2  # A01 (17) and A14 (18); A02 is 25
    codes = pd.read_csv(REFERENCE / "esf_common_indicators.csv").set_index("code")
    assert (codes.loc[list(totals), "type"] == "output").all()


def test_indicators_command_writes_the_table(tmp_path: Path, m, monkeypatch):
    out = tmp_path / "out" / "indicators.csv"
    out.parent.mkdir()
    monkeypatch.chdir(ROOT)
    assert main(["indicators", "--data-dir", str(FIXTURE), "--out", str(out)]) == 0
    written = pd.read_csv(out, keep_default_na=False, na_values=[""])
    expected = add_confidence_intervals(compute_indicators(m))
    assert list(written.columns) == list(expected.columns)
    np.testing.assert_allclose(written["value"], expected["value"].astype(float), rtol=1e-9)
    assert written["category"].fillna("").tolist() == expected["category"].fillna("").tolist()


def test_indicators_command_reports_bad_input(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["indicators", "--data-dir", str(tmp_path), "--out", str(tmp_path / "x.csv")]) == 2
    assert "projects.csv — file non trovato" in capsys.readouterr().err
