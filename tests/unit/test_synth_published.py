"""The synthetic published edition: it reproduces every chapter-3 figure of the report, it is the
committed data/synthetic, and its people are plausible."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from quartieri_erp.indicators import compute_indicators
from quartieri_erp.indicators.published_figures import reconcile
from quartieri_erp.inputs.catalogue import read_input
from quartieri_erp.inputs.monitoring import load_monitoring
from quartieri_erp.synth import write_synthetic_edition

ROOT = Path(__file__).resolve().parents[2]
PROGRAMME = ROOT / "data" / "programme"
REFERENCE = ROOT / "data" / "reference"
COMMITTED = ROOT / "data" / "synthetic"
SEED = 2021  # the seed of the committed edition (the CLI default)
PUBLISHED = read_input("published_indicators", PROGRAMME)


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("published")
    write_synthetic_edition(out, seed=SEED, programme_dir=PROGRAMME)
    return out


@pytest.fixture(scope="module")
def m(edition):
    return load_monitoring(edition, REFERENCE)


@pytest.fixture(scope="module")
def reconciled(m):
    return reconcile(compute_indicators(m), PUBLISHED)


def _row_id(row: pd.Series) -> str:
    return f"{row['indicator']}-{row['group']}-{row['category'] or ''}-{row['unit']}"


@pytest.mark.parametrize("position", range(len(PUBLISHED)), ids=[_row_id(r) for _, r in PUBLISHED.iterrows()])
def test_every_published_figure_is_reproduced(reconciled, position):
    row = reconciled.iloc[position]
    if pd.notna(row["value"]):
        assert row["matches"], f"computed {row['computed']} -> {row['computed_rounded']}, printed {row['printed']}"
    if pd.notna(row["claim"]):
        assert row["claim_holds"], f"{row['claim']} does not hold: computed {row['computed']}"


def test_reconciliation_detects_a_wrong_figure(m):
    wrong = PUBLISHED.copy()
    wrong.loc[wrong["indicator"] == "pip_share", "value"] = 0.584  # 485/830, the printed PIP label
    wrong.loc[(wrong["indicator"] == "province") & (wrong["category"] == "CR"), "claim"] = "lt:pip"
    result = reconcile(compute_indicators(m), wrong)
    assert not result.loc[result["indicator"] == "pip_share", "matches"].iloc[0]
    assert not result.loc[(result["indicator"] == "province") & (result["category"] == "CR"), "claim_holds"].iloc[0]


def test_committed_edition_is_the_generator_output(edition):
    for name in ("projects.csv", "participants.csv", "enrolments.csv", "edition.yml"):
        assert (edition / name).read_bytes() == (COMMITTED / name).read_bytes(), name


def test_edition_metadata(m, edition):
    info = yaml.safe_load((edition / "edition.yml").read_text(encoding="utf-8"))
    assert info["synthetic"] is True and info["seed"] == SEED and m.synthetic
    assert info["participants"] == 830 and info["projects"] == 33


def test_projects_are_the_funded_applications(m):
    programme = pd.read_csv(PROGRAMME / "projects.csv", dtype=str, keep_default_na=False)
    funded = programme[programme["outcome"] == "finanziato"]
    assert m.projects["project_id"].tolist() == funded["project_id"].tolist()
    assert set(m.participants["project_id"]) == set(funded["project_id"])  # every project has participants


def test_people_are_plausible(m):
    p = m.participants
    assert (p.loc[p["disadvantage"] == "migrante", "citizenship"] != "IT").all()
    assert p.loc[p["in_pip"], "employment_status"].isin(["disoccupato", "prima_occupazione"]).all()
    assert p.loc[p["employment_status"] == "pensionato", "age"].min() >= 55
    assert p.loc[p["employment_status"] == "studente", "age"].max() <= 35
    assert p["origin_area"].isna().eq(p["citizenship"] == "IT").all()
    enrol = m.enrolments.pivot(index="participant_id", columns="subproject", values="start_date").dropna()
    assert len(enrol) == 179 and (enrol["pip"] >= enrol["laboratorio_sociale"]).all()
    assert m.enrolments["start_date"].max() <= pd.Timestamp("2020-11-30")


def test_concluded_pips_started_earlier(m):
    pip = m.enrolments[m.enrolments["subproject"] == "pip"]
    median = pip.groupby("status", observed=True)["start_date"].median()
    assert median["concluso"] < median["in_corso"]


def test_other_seed_other_people_same_figures(tmp_path: Path, reconciled):
    write_synthetic_edition(tmp_path, seed=SEED + 1, programme_dir=PROGRAMME)
    assert (tmp_path / "participants.csv").read_bytes() != (COMMITTED / "participants.csv").read_bytes()
    other = reconcile(compute_indicators(load_monitoring(tmp_path, REFERENCE)), PUBLISHED)
    assert other["matches"].dropna().all() and other["claim_holds"].dropna().all()
    np.testing.assert_array_equal(other["computed_rounded"], reconciled["computed_rounded"])
