"""Sums of the curated data against the totals printed in the sources (expectations computed by hand).

Where a printed total disagrees with its components, the test requires the discrepancy entry that
records the decision.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quartieri_erp.inputs.catalogue import read_input
from quartieri_erp.inputs.curated import fact

PROGRAMME = Path(__file__).resolve().parents[2] / "data" / "programme"


@pytest.fixture(scope="module")
def facts():
    return read_input("facts", PROGRAMME)


@pytest.fixture(scope="module")
def results():
    return read_input("case_study_results", PROGRAMME).set_index(["card_id", "metric"])["value"]


@pytest.fixture(scope="module")
def discrepancy_ids():
    return set(read_input("discrepancies", PROGRAMME)["discrepancy_id"])


def test_tabella_2_1_totals():
    procedures = read_input("procedures", PROGRAMME)
    assert procedures["cost_eur"].sum() == pytest.approx(16_202_674.14, abs=0.005)
    assert procedures["operations"].sum() == 79
    assert procedures.groupby("territory")["cost_eur"].sum().round(2).to_dict() == {
        "regione": 7_827_051.51,
        "sus_milano": 7_864_457.34,
        "sus_bollate": 511_165.29,
    }


def test_regional_call_row_is_the_call_budget(facts):
    call = read_input("procedures", PROGRAMME).set_index("procedure_id").loc["PR1"]
    assert call["cost_eur"] == fact(facts, "call_budget_total_eur") == 7_827_051.51
    assert call["operations"] == 2 * (read_input("projects", PROGRAMME)["outcome"] == "finanziato").sum()


def test_call_budget_components_are_a_recorded_discrepancy(facts, discrepancy_ids):
    initial, topup = fact(facts, "call_initial_budget_eur"), fact(facts, "call_topup_eur")
    assert initial + topup == pytest.approx(7_951_154.84, abs=0.005)
    assert initial + topup != pytest.approx(fact(facts, "call_budget_total_eur"), abs=0.005)
    assert "D04" in discrepancy_ids


def test_known_project_budgets_stay_within_the_call_and_the_rest_is_recorded(facts, discrepancy_ids):
    budgets = read_input("projects", PROGRAMME).set_index("project_id")["budget_eur"].dropna()
    assert budgets.to_dict() == {"P08": 241_679.72, "P10": 251_983.20, "P17": 251_989.04}
    assert budgets.sum() == pytest.approx(745_651.96, abs=0.005)
    assert budgets.sum() < fact(facts, "call_budget_total_eur")
    assert "D37" in discrepancy_ids


def test_bollate_call_is_300000_fse_plus_300000_fesr(results):
    cards = read_input("case_studies", PROGRAMME).set_index("card_id")
    fse, fesr = results["4.4", "budget_fse_eur"], results["4.4", "budget_fesr_eur"]
    assert (fse, fesr) == (300_000, 300_000)
    assert fse + fesr == cards.loc["4.4", "budget_eur"] == 600_000
    procedures = read_input("procedures", PROGRAMME).set_index("procedure_id")
    assert procedures.loc["PR7", "cost_eur"] == fse


def test_bollate_projects_fit_the_call_caps(results, discrepancy_ids):
    fse = results["4.5", "budget_fse_eur"] + results["4.6", "budget_fse_eur"]
    fesr = results["4.5", "budget_fesr_eur"] + results["4.6", "budget_fesr_eur"]
    assert fse == pytest.approx(299_949.34, abs=0.005) and fse <= results["4.4", "budget_fse_eur"]
    assert fesr == pytest.approx(299_250.00, abs=0.005) and fesr <= results["4.4", "budget_fesr_eur"]
    assert "D29" in discrepancy_ids


def test_urban_strategy_components_against_printed_totals(facts, discrepancy_ids):
    totals = read_input("sus_resources", PROGRAMME).groupby("strategy")["amount_eur"].sum()
    assert totals["milano_lorenteggio"] == pytest.approx(95_450_000)
    assert totals["bollate"] == pytest.approx(8_740_000)
    assert totals["bollate"] != pytest.approx(fact(facts, "sus_bollate_total_stated_eur"))
    assert totals.sum() > fact(facts, "sus_total_min_eur")
    assert "D16" in discrepancy_ids


def test_fse_of_the_strategies_against_tabella_2_1_is_recorded(discrepancy_ids):
    resources = read_input("sus_resources", PROGRAMME).set_index(["strategy", "fund"])["amount_eur"]
    procedures = read_input("procedures", PROGRAMME)
    milano = procedures[(procedures["territory"] == "sus_milano") & (procedures["procedure_id"] != "PR5")]
    bollate = procedures[procedures["territory"] == "sus_bollate"]
    assert milano["cost_eur"].sum() == pytest.approx(1_872_364.52, abs=0.005)
    assert bollate["cost_eur"].sum() == pytest.approx(511_165.29, abs=0.005)
    assert (resources["milano_lorenteggio", "FSE"], resources["bollate", "FSE"]) == (1_950_000, 550_000)
    assert "D17" in discrepancy_ids


def test_milolab_budget_with_vat_is_22_percent_more(results):
    cards = read_input("case_studies", PROGRAMME).set_index("card_id")
    assert round(cards.loc["4.1", "budget_eur"] * 1.22, 2) == results["4.1", "budget_vat_included_eur"]


def test_prolorenteggio_budget_and_eligible_people(results, discrepancy_ids):
    cards = read_input("case_studies", PROGRAMME).set_index("card_id")
    assert (
        results["4.2", "budget_active_policies_eur"] + results["4.2", "budget_allowances_eur"]
        == cards.loc["4.2", "budget_eur"]
        == 1_000_000
    )
    assert results["4.2", "eligible_women"] + results["4.2", "eligible_men"] == results["4.2", "eligible"] == 30
    outcomes = results["4.2", "eligible"] + results["4.2", "being_checked"] + results["4.2", "ineligible"]
    assert (outcomes, results["4.2", "signups"]) == (63, 69)
    assert "D21" in discrepancy_ids


def test_punti_luna_points_are_worth_17891_euro(results):
    assert results["4.8", "points_earned"] * results["4.8", "point_value_eur"] == 17_891


def test_pass_families_in_arrears_are_53_percent(results):
    assert results["4.9", "families_arrears_below_pct"] + results["4.9", "families_arrears_above_pct"] == 53
    assert results["4.9", "residents"] - results["4.9", "adults"] == 41


def test_gesti_dwellings_and_the_230_of_the_target(results, discrepancy_ids):
    assert (
        results["4.10", "dwellings_aler"] + results["4.10", "dwellings_municipal"]
        == results["4.10", "dwellings"]
        == 322
    )
    assert results["4.10", "sap_residents"] / results["4.10", "inhabitants"] == pytest.approx(0.32, abs=0.001)
    assert "D28" in discrepancy_ids


def test_contratti_di_quartiere_are_31(facts):
    assert fact(facts, "cdq_national_count") + fact(facts, "cdq_regional_count") == 31
