"""Scaled synthetic editions, and a second, different dataset whose indicators must follow its data
(checked against an independent count made here with the csv module)."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd
import pytest

from quartieri_erp.cli import main
from quartieri_erp.indicators import compute_indicators
from quartieri_erp.inputs.monitoring import load_monitoring
from quartieri_erp.synth import write_synthetic_edition

ROOT = Path(__file__).resolve().parents[2]
PROGRAMME = ROOT / "data" / "programme"
REFERENCE = ROOT / "data" / "reference"


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_scaled_edition_sizes_and_proportions(tmp_path: Path):
    write_synthetic_edition(tmp_path, seed=4, programme_dir=PROGRAMME, participants=5000, projects=50)
    m = load_monitoring(tmp_path, REFERENCE)
    table = compute_indicators(m).set_index(["indicator", "group", "category"])
    assert len(m.participants) == 5000 and m.participants["participant_id"].iloc[0] == "S0001"
    assert m.projects["project_id"].tolist() == [f"P{k:02d}" for k in range(1, 51)]
    assert m.participants["project_id"].nunique() == 50
    # resampled from the published edition: the published proportions, up to sampling noise
    assert table.loc[("pip_share", "totale", pd.NA), "value"] == pytest.approx(524 / 830, abs=0.03)
    assert table.loc[("sex", "totale", "F"), "value"] == pytest.approx(572 / 830, abs=0.03)
    assert table.loc[("province", "totale", "MI"), "value"] == pytest.approx(0.40, abs=0.03)
    assert table.loc[("mean_age", "pip", pd.NA), "value"] == pytest.approx(42.9, abs=1.0)


def test_fewer_projects_than_the_funded_ones(tmp_path: Path):
    write_synthetic_edition(tmp_path, seed=4, programme_dir=PROGRAMME, participants=400, projects=7)
    m = load_monitoring(tmp_path, REFERENCE)
    assert sorted(m.participants["project_id"].unique()) == [f"P{k:02d}" for k in range(1, 8)]


def test_scaled_edition_is_deterministic(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(ROOT)
    for name in ("a", "b"):
        assert (
            main(["synth", "--out", str(tmp_path / name), "--seed", "9", "--participants", "1500", "--projects", "330"])
            == 0
        )
    for file in ("projects.csv", "participants.csv", "enrolments.csv", "edition.yml"):
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes()
    assert len(read(tmp_path / "a" / "projects.csv")) == 330
    assert read(tmp_path / "a" / "projects.csv")[-1]["project_id"] == "P330"


def test_projects_option_needs_participants(tmp_path: Path):
    with pytest.raises(ValueError, match="--projects needs --participants"):
        write_synthetic_edition(tmp_path, seed=1, programme_dir=PROGRAMME, projects=10)


AGE_BANDS = [("<18", 0, 17), ("18-35", 18, 35), ("36-54", 36, 54), ("55-64", 55, 64), ("65+", 65, 200)]


def independent_indicators(folder: Path) -> dict:
    """(indicator, group, category) -> (numerator, denominator) or value, counted row by row."""
    people = {row["participant_id"]: row for row in read(folder / "participants.csv")}
    member = defaultdict(set)
    status = Counter()
    for row in read(folder / "enrolments.csv"):
        member[row["participant_id"]].add(row["subproject"])
        if row["subproject"] == "pip":
            status[row["status"]] += 1
    origin = {row["code"]: row["origin_area"] for row in read(REFERENCE / "countries.csv")}
    groups = {
        "totale": list(people),
        "laboratorio_sociale": [p for p in people if "laboratorio_sociale" in member[p]],
        "pip": [p for p in people if "pip" in member[p]],
    }
    out = {("participants", g, None): len(ids) for g, ids in groups.items()}
    out[("participants", "entrambi", None)] = sum(len(member[p]) == 2 for p in people)
    out[("projects", "totale", None)] = len(read(folder / "projects.csv"))
    for status_code, n in status.items():
        out[("pip_status", "pip", status_code)] = (n, sum(status.values()))
    for group, ids in groups.items():
        rows = [people[p] for p in ids]
        out[("mean_age", group, None)] = sum(int(r["age"]) for r in rows) / len(rows)
        out[("vulnerable_share", group, None)] = (sum(r["disadvantage"] != "nessuna" for r in rows), len(rows))
        dims = {
            "sex": lambda r: r["sex"],
            "age_band": lambda r: next(b for b, lo, hi in AGE_BANDS if lo <= int(r["age"]) <= hi),
            "citizenship": lambda r: "italiana" if r["citizenship"] == "IT" else "straniera",
            "education": lambda r: r["education"],
            "disadvantage": lambda r: r["disadvantage"],
            "employment_status": lambda r: r["employment_status"],
            "province": lambda r: r["province"],
        }
        for name, key in dims.items():
            for category, n in Counter(map(key, rows)).items():
                out[(name, group, category)] = (n, len(rows))
        foreign = [r for r in rows if r["citizenship"] != "IT"]
        for category, n in Counter(origin[r["citizenship"]] for r in foreign).items():
            out[("origin_area", group, category)] = (n, len(foreign))
    return out


def test_a_different_dataset_gives_indicators_that_follow_it(tmp_path: Path):
    write_synthetic_edition(tmp_path, seed=11, programme_dir=PROGRAMME, participants=2500, projects=12)
    # change the proportions: drop every foreign woman and every PIP of people over 50
    people = read(tmp_path / "participants.csv")
    dropped = {r["participant_id"] for r in people if r["citizenship"] != "IT" and r["sex"] == "F"}
    write(tmp_path / "participants.csv", [r for r in people if r["participant_id"] not in dropped])
    age = {r["participant_id"]: int(r["age"]) for r in people}
    enrolments = [r for r in read(tmp_path / "enrolments.csv") if r["participant_id"] not in dropped]
    kept_lab = {r["participant_id"] for r in enrolments if r["subproject"] == "laboratorio_sociale"}
    enrolments = [
        r
        for r in enrolments
        if not (r["subproject"] == "pip" and age[r["participant_id"]] > 50 and r["participant_id"] in kept_lab)
    ]
    write(tmp_path / "enrolments.csv", enrolments)

    computed = compute_indicators(load_monitoring(tmp_path, REFERENCE))
    expected = independent_indicators(tmp_path)
    assert expected[("participants", "totale", None)] == 2500 - len(dropped) < 2500
    for row in computed.itertuples(index=False):
        key = (row.indicator, row.group, None if pd.isna(row.category) else row.category)
        if row.unit == "share" and row.indicator != "pip_share":
            numerator, denominator = expected.get(key, (0, row.denominator))
            assert (row.numerator, row.denominator) == (numerator, denominator), key
        elif row.unit == "count":
            assert row.value == expected[key], key
        elif row.unit == "years":
            assert row.value == pytest.approx(expected[key]), key
    pip_share = computed[computed["indicator"] == "pip_share"].iloc[0]
    assert pip_share["numerator"] == expected[("participants", "pip", None)]
    assert pip_share["value"] < 524 / 830 - 0.05  # the edit really moved the proportions
