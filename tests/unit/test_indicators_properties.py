"""Properties of the indicators on random valid monitoring folders (hypothesis)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quartieri_erp.indicators import compute_indicators, esf_indicators, group_tests
from quartieri_erp.inputs.monitoring import codes, load_monitoring

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "data" / "reference"
PROJECTS = (
    "project_id,lead_partner,lead_type,municipality,istat_code,province,ranking\n"
    "P1,Comune di Milano,Comune,Milano,015146,MI,prima\n"
    "P2,ALER Bergamo-Lecco-Sondrio,ALER,Bergamo,016024,BG,seconda\n"
)

person = st.fixed_dictionaries(
    {
        "project_id": st.sampled_from(["P1", "P2"]),
        "sex": st.sampled_from(codes.SEX),
        "age": st.integers(0, codes.MAX_AGE),
        "citizenship": st.sampled_from(["IT", "IT", "MA", "RO", "SN", "CN", "PE", "FR"]),
        "education": st.sampled_from(codes.EDUCATION),
        "disadvantage": st.sampled_from(codes.DISADVANTAGE),
        "employment_status": st.sampled_from(codes.EMPLOYMENT),
        "province": st.sampled_from(["MI", "BG", "SO", "CR"]),
        "subprojects": st.sampled_from([("laboratorio_sociale",), ("pip",), ("laboratorio_sociale", "pip")]),
        "status": st.sampled_from(codes.PIP_STATUSES),
        "day": st.integers(0, 700),
    }
)


@st.composite
def folders(draw):
    people = draw(st.lists(person, min_size=1, max_size=30))
    if draw(st.booleans()):  # prefix + digits (matched as numbers) or free text (hashed)
        ids = [f"X{i:03d}" for i in draw(st.permutations(range(len(people))))]
    else:
        ids = draw(
            st.lists(
                st.text("abcdefghij-_", min_size=1, max_size=6), min_size=len(people), max_size=len(people), unique=True
            )
        )
    participants = pd.DataFrame(people).assign(participant_id=ids)
    rows = [
        {
            "participant_id": p["participant_id"],
            "subproject": sub,
            "start_date": (pd.Timestamp("2019-01-01") + pd.Timedelta(days=p["day"])).date().isoformat(),
            "status": p["status"] if sub == "pip" else "",
        }
        for p in participants.to_dict("records")
        for sub in p["subprojects"]
    ]
    order = draw(st.permutations(range(len(rows))))
    return participants, pd.DataFrame([rows[i] for i in order])


def load(participants: pd.DataFrame, enrolments: pd.DataFrame):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        (folder / "projects.csv").write_text(PROJECTS, encoding="utf-8")
        columns = [
            "participant_id",
            "project_id",
            "sex",
            "age",
            "citizenship",
            "education",
            "disadvantage",
            "employment_status",
            "province",
        ]
        participants[columns].to_csv(folder / "participants.csv", index=False)
        enrolments.to_csv(folder / "enrolments.csv", index=False)
        return load_monitoring(folder, REFERENCE)


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(folders())
def test_shares_are_consistent(data):
    m = load(*data)
    table = compute_indicators(m)
    shares = table[table["unit"] == "share"]
    assert (shares["numerator"] <= shares["denominator"]).all()
    assert (shares["numerator"] >= 0).all()
    for (indicator, group), rows in shares.groupby(["indicator", "group"]):
        if rows["category"].notna().all() and rows["denominator"].iloc[0] > 0:
            assert rows["numerator"].sum() == rows["denominator"].iloc[0], (indicator, group)
            assert abs(rows["value"].sum() - 1) < 1e-12


@SETTINGS
@given(folders())
def test_group_sizes_follow_the_enrolments(data):
    participants, enrolments = data
    m = load(participants, enrolments)
    table = compute_indicators(m)
    size = table[table["indicator"] == "participants"].set_index("group")["value"]
    per_sub = enrolments["subproject"].value_counts()
    assert size["totale"] == len(participants)
    assert size["laboratorio_sociale"] == per_sub.get("laboratorio_sociale", 0)
    assert size["pip"] == per_sub.get("pip", 0)
    assert size["entrambi"] == size["laboratorio_sociale"] + size["pip"] - size["totale"]
    expected = participants.set_index("participant_id")["subprojects"]
    flags = m.participants.set_index("participant_id")
    for pid, subs in expected.items():
        assert flags.loc[pid, "in_laboratorio_sociale"] == ("laboratorio_sociale" in subs)
        assert flags.loc[pid, "in_pip"] == ("pip" in subs)


@SETTINGS
@given(folders())
def test_tests_and_esf_use_the_disjoint_groups(data):
    m = load(*data)
    lab, pip = m.participants["in_laboratorio_sociale"], m.participants["in_pip"]
    tests = group_tests(m)
    for row in tests[tests["indicator"].isin(["sex", "education", "age_band"])].itertuples():
        assert (row.n_a, row.n_b) == ((lab & ~pip).sum(), (pip & ~lab).sum())
    assert ((tests["p_value"] >= 0) & (tests["p_value"] <= 1) | tests["p_value"].isna()).all()
    esf = esf_indicators(m)
    assert (esf["numerator"] <= esf["denominator"]).all()
    total = esf[esf["group"] == "totale"].set_index("code")["numerator"]
    assert total["CO01"] + total["CO03"] + total["CO05"] == len(m.participants)  # unemployed/inactive/employed
