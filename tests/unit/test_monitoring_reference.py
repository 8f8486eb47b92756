"""Reference tables of chapter 3: valid against their schemas and in step with the code lists."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from quartieri_erp.inputs.monitoring import codes
from quartieri_erp.inputs.monitoring.lookups import (
    COUNTRIES,
    EDUCATION_LEVELS,
    ESF_INDICATORS,
    LABELS,
    REFERENCE_TABLES,
)
from quartieri_erp.inputs.monitoring.schemas import TABLES
from quartieri_erp.inputs.tables import read_table

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "data" / "reference"
ISO_JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")


@pytest.mark.parametrize("spec", REFERENCE_TABLES, ids=lambda s: s.name)
def test_reference_table_is_valid_and_documented(spec):
    table = read_table(spec, REFERENCE)
    assert len(table) > 0 and spec.folder == "reference" and spec.source
    assert all(column.description for column in spec.schema.columns.values())


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.name)
def test_monitoring_columns_are_documented(spec):
    assert spec.folder == "monitoring"
    assert all(column.description for column in spec.schema.columns.values())


LABELLED = {
    "sex": codes.SEX,
    "subproject": codes.SUBPROJECTS,
    "group": codes.GROUPS,
    "pip_status": codes.PIP_STATUSES,
    "age_band": codes.AGE_BANDS,
    "citizenship": codes.CITIZENSHIP,
    "origin_area": codes.ORIGIN_AREAS,
    "education": codes.EDUCATION,
    "disadvantage": codes.DISADVANTAGE,
    "employment_status": codes.EMPLOYMENT,
    "lead_type": codes.LEAD_TYPES,
    "ranking": codes.RANKINGS,
}


@pytest.mark.parametrize("variable", sorted(LABELLED))
def test_every_code_has_an_italian_label_in_the_canonical_order(variable):
    labels = read_table(LABELS, REFERENCE)
    rows = labels[labels["variable"] == variable].sort_values("order")
    assert tuple(rows["code"]) == LABELLED[variable]
    assert list(rows["order"]) == list(range(1, len(rows) + 1))


def test_indicator_labels_cover_the_engine():
    from quartieri_erp.indicators import INDICATORS

    labels = read_table(LABELS, REFERENCE)
    assert tuple(labels.loc[labels["variable"] == "indicator"].sort_values("order")["code"]) == INDICATORS


def test_education_levels_agree_with_labels_and_isced():
    levels = read_table(EDUCATION_LEVELS, REFERENCE).sort_values("order")
    labels = read_table(LABELS, REFERENCE)
    labels = labels[labels["variable"] == "education"].set_index("code")["label_it"]
    assert tuple(levels["code"]) == codes.EDUCATION
    assert list(levels["label_it"]) == [labels[c] for c in levels["code"]]
    assert list(levels["isced_2011_max"]) == [0, 1, 2, 3, 8]


def test_esf_table_is_the_shared_copy():
    ours = pd.read_csv(REFERENCE / ESF_INDICATORS.file, dtype=str, keep_default_na=False)
    shared = ROOT.parent / "shared" / "reference-data" / "esf_common_indicators_2014_2020.csv"
    if not shared.is_file():
        pytest.skip("shared reference data not available")
    pd.testing.assert_frame_equal(ours, pd.read_csv(shared, dtype=str, keep_default_na=False))


def test_countries_cover_iso_3166_and_origin_groups():
    countries = read_table(COUNTRIES, REFERENCE).set_index("code")
    if ISO_JSON.is_file():
        iso = {c["alpha_2"] for c in json.loads(ISO_JSON.read_text(encoding="utf-8"))["3166-1"]}
        assert iso <= set(countries.index)
        assert set(countries.index) - iso == {"XK"}
    assert countries["eu_member"].eq("true").sum() == 27 and countries.loc["GB", "eu_member"] == "false"
    origin = countries["origin_area"]
    assert {
        c: origin[c] for c in ("MA", "EG", "TN", "SY", "RO", "AL", "UA", "SN", "NG", "PH", "CN", "PE", "EC", "FR", "US")
    } == {
        "MA": "maghreb_vicino_oriente",
        "EG": "maghreb_vicino_oriente",
        "TN": "maghreb_vicino_oriente",
        "SY": "maghreb_vicino_oriente",
        "RO": "europa_orientale",
        "AL": "europa_orientale",
        "UA": "europa_orientale",
        "SN": "africa_subsahariana",
        "NG": "africa_subsahariana",
        "PH": "asia",
        "CN": "asia",
        "PE": "america_latina",
        "EC": "america_latina",
        "FR": "altro",
        "US": "altro",
    }
    assert origin.isna().sum() == 1 and pd.isna(origin["IT"])


def test_broken_country_table_is_reported(tmp_path: Path):
    table = pd.read_csv(REFERENCE / COUNTRIES.file, dtype=str, keep_default_na=False)
    table.loc[table["code"] == "FR", "origin_area"] = ""
    table.to_csv(tmp_path / COUNTRIES.file, index=False)
    from quartieri_erp.errors import InputError

    with pytest.raises(InputError, match="origin_area must be empty for IT and only for IT"):
        read_table(COUNTRIES, tmp_path)
