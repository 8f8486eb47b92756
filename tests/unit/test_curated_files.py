"""The curated files as shipped: they validate, every row names its source, the published counts hold."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from quartieri_erp.inputs.catalogue import read_input
from quartieri_erp.inputs.curated import TABLES, check_programme

ROOT = Path(__file__).resolve().parents[2]
PROGRAMME = ROOT / "data" / "programme"
REFERENCE = ROOT / "data" / "reference"
PROGRAMME_SPECS = [spec for spec in TABLES if spec.folder == "programme"]


def test_every_curated_file_validates():
    check_programme(PROGRAMME, REFERENCE)


def test_every_csv_of_the_programme_folder_has_a_table_spec():
    ours = {spec.file for spec in PROGRAMME_SPECS} | {"published_indicators.csv"}
    assert {path.name for path in PROGRAMME.glob("*.csv")} <= ours


@pytest.mark.parametrize("spec", PROGRAMME_SPECS, ids=lambda spec: spec.file)
def test_every_row_names_its_source(spec):
    with open(PROGRAMME / spec.file, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    assert [row["source"] for row in rows if not row["source"].strip()] == []


def test_reference_files_are_the_shared_istat_copies():
    shared = Path("/work/shared/reference-data")
    if not shared.is_dir():
        pytest.skip("shared reference data not mounted")
    assert (REFERENCE / "provinces.csv").read_bytes() == (shared / "lombardia_province_istat.csv").read_bytes()
    assert (REFERENCE / "municipalities.csv").read_bytes() == (
        shared / "lombardia_comuni_istat_2020-02-19.csv"
    ).read_bytes()


def test_applications_are_38_of_which_33_funded_in_two_rankings():
    projects = read_input("projects", PROGRAMME)
    assert len(projects) == 38
    assert projects["outcome"].value_counts().to_dict() == {"finanziato": 33, "non_ammesso": 5}
    assert projects["ranking"].value_counts().to_dict() == {"seconda": 18, "prima": 15}


def test_project_ids_follow_the_rankings():
    projects = read_input("projects", PROGRAMME).set_index("project_id")
    assert set(projects.loc["P01":"P15", "ranking"]) == {"prima"}
    assert set(projects.loc["P16":"P33", "ranking"]) == {"seconda"}
    assert set(projects.loc["P34":"P38", "outcome"]) == {"non_ammesso"}


def test_only_the_fifteenth_first_ranking_lead_is_assumed():
    projects = read_input("projects", PROGRAMME)
    assumed = projects[projects["lead_partner_assumed"]]
    assert assumed["project_id"].tolist() == ["P15"]
    assert "D05" in assumed["note"].iloc[0]


def test_experimentation_has_15_labs_in_12_municipalities():
    labs = read_input("experimentation_labs", PROGRAMME)
    per_town = labs["municipality"].value_counts()
    assert len(labs) == 15
    assert len(per_town) == 12
    assert sorted(per_town[per_town == 2].index) == ["Brescia", "Cinisello Balsamo", "Milano"]


def test_urban_strategies_have_22_and_11_steps():
    steps = read_input("sus_steps", PROGRAMME)
    assert steps["strategy"].value_counts().to_dict() == {"milano_lorenteggio": 22, "bollate": 11}


def test_resources_are_activated_by_the_printed_steps():
    steps = read_input("sus_steps", PROGRAMME)
    activated = steps.dropna(subset=["fund_activated"]).set_index("fund_activated")["act"].to_dict()
    assert activated == {"FESR": "DGR n. X/3829", "FSE": "DGR n. X/3969"}


def test_the_steps_chapter_2_cites_are_marked_by_milestone():
    """Tavola 2.1 l. 438, 454, 458, 474 and Tavola 2.2 l. 545, 548-550, 553 (report 000)."""
    steps = read_input("sus_steps", PROGRAMME).dropna(subset=["milestone"])
    marked = dict(zip(steps["milestone"], zip(steps["strategy"], steps["step"])))
    assert marked == {
        "protocollo_intesa": ("milano_lorenteggio", 1),
        "adp_efficace": ("milano_lorenteggio", 11),
        "convenzione_oi_firmata": ("milano_lorenteggio", 15),
        "adp_promosso": ("bollate", 1),
        "adp_sottoscritto": ("bollate", 4),
        "adp_approvato": ("bollate", 5),
        "schema_convenzione_oi_approvato": ("bollate", 6),
        "mobilita_approvata": ("bollate", 9),
        "adp_integrazione_2018": ("milano_lorenteggio", 22),
    }
