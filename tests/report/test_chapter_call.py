"""Chapter 2 logic: Tabella 2.1, the budget and outcome of the regional call, the urban strategies."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from project_chapter import chapter
from quartieri_erp.chapters import call
from quartieri_erp.inputs.catalogue import read_input

PROGRAMME = Path(__file__).resolve().parents[2] / "data" / "programme"
RANKINGS = {"prima": "Prima graduatoria", "seconda": "Scorrimento"}
OUTCOMES = {"finanziato": "Finanziato", "non_ammesso": "Non ammesso"}
PROVINCES = pd.DataFrame({"sigla": ["MI", "BS", "CO"], "denominazione_uts": ["Milano", "Brescia", "Como"]})


def facts(**values: float) -> pd.DataFrame:
    return pd.DataFrame({"key": list(values), "value": list(values.values()), "source": ["000 l. 375"] * len(values)})


def projects() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "lead_partner": ["ALER Milano", "Comune di Brescia", "ALER Milano", "Comune di Rho"],
            "lead_type": ["ALER", "Comune", "ALER", "Comune"],
            "municipality": ["Milano", "Brescia", "Milano", "Rho"],
            "province": ["MI", "BS", "MI", "MI"],
            "outcome": ["finanziato", "finanziato", "finanziato", "non_ammesso"],
            "ranking": ["prima", "seconda", "prima", None],
            "budget_eur": [None, 300.0, None, None],
            "lead_partner_assumed": pd.array([False, False, True, False], dtype="boolean"),
            "source": ["000 nota 26, l. 389"] * 4,
        }
    )


def procedures() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "procedure_id": ["PR1", "PR2", "PR3"],
            "actions": ["9.4.2;9.1.3", "9.4.2", "9.1.3"],
            "territory": ["regione", "sus_milano", "sus_milano"],
            "territory_label": ["Regione", "Milano", "Milano"],
            "call_name": ["Avviso", "AT", "Lavoro"],
            "cost_eur": [600.0, 100.0, 300.0],
            "eligible_spending_eur": [50.0, 0.0, 0.0],
            "operations": [4, 1, 1],
        }
    )


def steps() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "strategy": ["a", "a", "a", "b"],
            "step": [2, 1, 3, 1],
            "milestone": [None, "protocollo", "mobilita", "adp"],
            "date": pd.to_datetime(["2015-03-01", "2014-11-21", "2017-12-01", "2015-04-01"]),
            "date_precision": ["month", "day", "month", "day"],
            "date_qualifier": ["da", None, "fine", None],
            "act": ["DGR", None, None, None],
            "description": ["Tavolo", "Protocollo", "Mobilità", "AdP"],
            "fund_activated": [None, "FESR", None, None],
            "source": ["000 Tavola 2.1, l. 438"] * 4,
        }
    )


def test_procedures_table_writes_the_actions_in_words():
    table = call.procedures_table(procedures())
    assert table["Azioni"].tolist() == ["9.4.2 e 9.1.3", "9.4.2", "9.1.3"]
    assert list(table.columns) == ["Azioni", "Territorio", "Procedura", "Costo", "Spesa ammissibile", "Operazioni"]


def test_cost_by_territory_sums_costs_and_shares_with_exclusions():
    costs = call.cost_by_territory(procedures())
    assert costs["cost_eur"].to_dict() == {"regione": 600.0, "sus_milano": 400.0}
    assert costs["share"].to_dict() == {"regione": 0.6, "sus_milano": 0.4}
    assert call.cost_by_territory(procedures(), exclude=("PR3",)).loc["sus_milano", "cost_eur"] == 100.0


def test_operations_sentence_checks_two_sub_projects_per_project():
    assert "esattamente il doppio dei 33 progetti" in call.operations_sentence(66, 33)
    assert "non corrispondono al doppio dei 33 progetti" in call.operations_sentence(65, 33)


@pytest.mark.parametrize(
    "initial, topup, total, expected",
    [
        (100.0, 50.0, 150.0, "I conti pubblicati tornano"),
        (100.0, 50.0, 140.0, "supera di 10,00\u00a0€ le risorse complessive dichiarate (140,00\u00a0€)"),
        (100.0, 50.0, 160.5, "è inferiore di 10,50\u00a0€ le risorse complessive dichiarate (160,50\u00a0€)"),
    ],
)
def test_budget_gap_sentence_says_whether_the_budget_adds_up(initial, topup, total, expected):
    assert expected in call.budget_gap_sentence(initial, topup, total)


def test_budget_table_exposes_the_published_gap_of_the_call():
    """3.800.000 + 4.151.154,84 - 7.827.051,51 = 124.103,33 (D04)."""
    table = call.budget_table(read_input("facts", PROGRAMME)).set_index("Voce")["Importo"]
    assert table.iloc[2] == 7_951_154.84
    assert table.iloc[4] == 124_103.33


def test_budget_rows_are_the_facts_shown_in_the_table():
    rows = call.budget_rows(facts(call_initial_budget_eur=1, call_topup_eur=2, call_budget_total_eur=3, other=4))
    assert rows["key"].tolist() == ["call_initial_budget_eur", "call_topup_eur", "call_budget_total_eur"]


def test_call_outcomes_count_rankings_leads_and_the_assumed_lead():
    outcomes = call.call_outcomes(projects())
    assert outcomes == {
        "applications": 4,
        "funded": 3,
        "first": 2,
        "second": 1,
        "not_admitted": 1,
        "funded_aler": 2,
        "funded_comune": 1,
        "funded_assumed": 1,
        "first_leads_printed": 1,
    }


def test_projects_table_never_shows_the_assumed_lead_and_names_outcomes():
    table = call.projects_table(projects(), PROVINCES, RANKINGS, OUTCOMES)
    assert table.iloc[2].tolist()[:3] == ["Capofila non indicato nella fonte", "–", "–"]
    assert "ALER Milano" not in table["Capofila"].tolist()[2]
    assert table["Esito"].tolist() == ["Prima graduatoria", "Scorrimento", "Prima graduatoria", "Non ammesso"]
    assert table["Provincia"].tolist() == ["Milano", "Brescia", "–", "Milano"]


def test_provinces_without_a_named_lead_partner():
    assert call.provinces_without_funded(projects(), PROVINCES) == ["Como"]


@pytest.mark.parametrize(
    "budgets, mean, expected",
    [
        ([None, None], 10.0, "il rapporto non pubblica la dotazione di alcun progetto"),
        ([20.0, 30.0], 10.0, "le 2 dotazioni pubblicate vanno da 20\u00a0€ a 30\u00a0€, tutte superiori alla media"),
        ([5.0, 30.0], 10.0, "le 2 dotazioni pubblicate vanno da 5\u00a0€ a 30\u00a0€, sopra la media in 1 caso su 2"),
        (
            [5.0, 30.0, 40.0],
            10.0,
            "le 3 dotazioni pubblicate vanno da 5\u00a0€ a 40\u00a0€, sopra la media in 2 casi su 3",
        ),
        ([5.0, 8.0], 10.0, "le 2 dotazioni pubblicate vanno da 5\u00a0€ a 8\u00a0€, tutte inferiori alla media"),
        ([None, 30.0], 10.0, "l'unica dotazione pubblicata, di 30\u00a0€, è superiore alla media"),
        ([5.0], 10.0, "l'unica dotazione pubblicata, di 5\u00a0€, è inferiore alla media"),
    ],
)
def test_known_budgets_sentence(budgets, mean, expected):
    assert call.known_budgets_sentence(pd.DataFrame({"budget_eur": budgets}), mean) == expected


def test_implied_total_range_of_the_non_accredited_partners():
    """185 partners printed as 76%: 185/242 = 76,4% ... 185/245 = 75,5%; 241 and 246 fall outside."""
    assert call.implied_total_range(185, 76) == (242, 245)


def _rounds_to(part: int, total: int, percent: int) -> bool:
    return (200 * part + total) // (2 * total) == percent  # floor(100 part / total + 1/2): half-up, as printed


@pytest.mark.parametrize("part", [1, 3, 7, 40, 185])
def test_implied_total_range_holds_exactly_the_totals_that_round_to_the_percentage(part):
    for percent in range(1, 100):
        low, high = call.implied_total_range(part, percent)
        fitting = [n for n in range(part, part * 200 + 2) if _rounds_to(part, n, percent)]
        assert (fitting[0], fitting[-1]) == (low, high) if fitting else low > high


def test_strategy_totals_and_resources_frame_shares():
    resources = pd.DataFrame(
        {
            "strategy": ["x", "x", "y"],
            "fund": ["FESR", "FSE", "FSE"],
            "amount_eur": [3e6, 1e6, 5e5],
            "source": ["000 l. 478"] * 3,
        }
    )
    frame = call.resources_frame(resources, {"x": "Milano", "y": "Bollate"}, {"FESR": "POR FESR", "FSE": "POR FSE"})
    assert call.strategy_totals(resources).to_dict() == {"x": 4e6, "y": 5e5}
    assert frame["share"].tolist() == [0.75, 0.25, 1.0]
    assert frame["panel"].tolist()[0] == "Milano (totale 4,00 mln €)"
    assert frame["fund"].tolist() == ["POR FESR", "POR FSE", "POR FSE"]


def test_resource_list_is_a_markdown_list_ending_with_a_full_stop():
    resources = pd.DataFrame(
        {
            "strategy": ["x", "x"],
            "fund": ["FESR", "FSE"],
            "amount_eur": [7.3e6, 5.5e5],
            "purpose": ["Alloggi ERP", "Laboratorio sociale"],
        }
    )
    assert call.resource_list(resources, "x", {"FESR": "POR FESR", "FSE": "POR FSE"}) == (
        "- **POR FESR**, 7,30 milioni di euro: alloggi ERP;\n- **POR FSE**, 0,55 milioni di euro: laboratorio sociale."
    )


@pytest.mark.parametrize(
    "stated, components, expected",
    [
        (8.5e6, 8.74e6, "le voci elencate sommano a 8.740.000\u00a0€, 240.000\u00a0€ in più dei circa 8.500.000"),
        (8.5e6, 8.4e6, "le voci elencate sommano a 8.400.000\u00a0€, 100.000\u00a0€ in meno dei circa 8.500.000"),
        (8.5e6, 8.5e6, "le voci elencate sommano esattamente ai circa 8.500.000\u00a0€ dichiarati"),
    ],
)
def test_stated_total_sentence(stated, components, expected):
    assert call.stated_total_sentence(stated, components).startswith(expected)


@pytest.mark.parametrize(
    "date, precision, qualifier, label, plotted",
    [
        ("2014-11-21", "day", None, "21 novembre 2014", "2014-11-21"),
        ("2015-03-01", "month", "da", "da marzo 2015", "2015-03-01"),
        ("2017-12-01", "month", "fine", "fine dicembre 2017", "2017-12-31"),
        ("2017-10-01", "month", None, "ottobre 2017", "2017-10-15"),
    ],
)
def test_step_dates_for_the_table_and_for_the_time_axis(date, precision, qualifier, label, plotted):
    day = pd.Timestamp(date)
    assert call.step_date_label(day, precision, qualifier) == label
    assert call.step_plot_date(day, precision, qualifier) == pd.Timestamp(plotted)


def test_steps_frame_and_table_follow_the_printed_order_of_one_strategy():
    frame = call.steps_frame(steps(), "a", {"FESR": "POR FESR"})
    assert frame["step"].tolist() == [1, 2, 3]
    assert frame["fund_label"].tolist()[0] == "POR FESR"
    table = call.steps_table(frame)
    assert list(table.columns) == ["N.", "Data", "Atto", "Passaggio"]
    assert table["Data"].tolist() == ["21 novembre 2014", "da marzo 2015", "fine dicembre 2017"]


def test_procedure_span_counts_months_and_dates_the_fund_activation():
    frame = call.steps_frame(steps(), "a", {"FESR": "POR FESR"})
    span = call.procedure_span(frame)
    assert span == {
        "steps": 3,
        "months": 37,  # November 2014 -> December 2017
        "fund_dates": {"FESR": pd.Timestamp("2014-11-21")},
    }
    assert call.fund_when(frame, "FESR", "il") == "il 21 novembre 2014"
    with pytest.raises(KeyError):
        call.fund_when(frame, "FSE")


def test_months_between_ignores_the_day():
    assert call.months_between(pd.Timestamp("2015-07-31"), pd.Timestamp("2018-12-01")) == 41


def test_step_when_selects_by_milestone_with_and_without_article():
    frame = call.steps_frame(steps(), "b", {})
    assert call.step_when(frame, "adp") == "1º aprile 2015"
    assert call.step_when(frame, "adp", "il") == "il 1º aprile 2015"
    with pytest.raises(KeyError):
        call.step_when(frame, "protocollo")  # a milestone of the other strategy
    milano = call.steps_frame(steps(), "a", {})
    assert call.step_when(milano, "mobilita", "il") == "fine dicembre 2017"  # a qualified date stays as printed


def test_step_when_follows_the_milestone_not_the_position():
    renumbered = steps().assign(step=[3, 2, 1, 1])  # the same steps printed in another order
    frame = call.steps_frame(renumbered, "a", {})
    assert call.step_when(frame, "protocollo", "del") == "del 21 novembre 2014"
    assert call.milestone_step(frame, "protocollo")["step"] == 2


def test_milestones_take_date_and_source_from_the_timeline():
    timeline = pd.DataFrame(
        {
            "event_id": ["E17", "E30"],
            "date": pd.to_datetime(["2018-12-01", "2021-02-01"]),
            "date_precision": ["month", "month"],
            "source": ["000 l. 501", "000 l. 1157"],
        }
    )
    marks = call.milestones(timeline, {"E30": "Avvio del Laboratorio"})
    assert marks.to_dict("records") == [
        {"date": pd.Timestamp("2021-02-15"), "label": "Avvio del Laboratorio", "source": "000 l. 1157"}
    ]


def test_call_budget_splits_the_initial_budget_by_action():
    budget = call.call_budget(
        facts(
            call_initial_budget_eur=3.8e6,
            call_topup_eur=1.0,
            call_budget_total_eur=3.8e6,
            call_initial_budget_913_eur=1.8e6,
        )
    )
    assert (budget["initial_913"], budget["initial_942"], budget["gap"]) == (1.8e6, 2.0e6, 1.0)


@pytest.mark.parametrize(
    "printed, expected",
    [
        (15, ""),
        (
            14,
            "nomina 14 capofila per 15 progetti: il progetto mancante è attribuito qui a un capofila ipotetico, "
            "da verificare sul decreto di approvazione (discrepanza D05).",
        ),
        (13, "nomina 13 capofila per 15 progetti: i 2 progetti mancanti sono attribuiti qui"),
    ],
)
def test_assumed_leads_sentence_only_when_leads_are_missing(printed, expected):
    sentence = call.assumed_leads_sentence({"first": 15, "first_leads_printed": printed}, "discrepanza D05")
    assert expected in sentence and (sentence == "") == (expected == "")


def test_partner_bounds_derive_accredited_partners_from_the_printed_share():
    bounds = call.partner_bounds(facts(call_non_accredited_partners=185, call_non_accredited_partners_pct=76), 33)
    assert (bounds["total_low"], bounds["total_high"]) == (242, 245)
    assert (bounds["accredited_low"], bounds["accredited_high"]) == (57, 60)
    assert round(bounds["per_project_low"], 3) == 1.727 and round(bounds["per_project_high"], 3) == 1.818
    assert bounds["share"] == 0.76


def test_fund_shares_are_shares_of_each_strategy_total():
    resources = pd.DataFrame(
        {"strategy": ["x", "x", "y"], "fund": ["FESR", "FSE", "FSE"], "amount_eur": [3e6, 1e6, 5e5]}
    )
    assert call.fund_shares(resources).to_dict() == {("x", "FESR"): 0.75, ("x", "FSE"): 0.25, ("y", "FSE"): 1.0}


def test_reference_date_words_follow_the_data():
    frame = pd.DataFrame({"reference_date": pd.to_datetime(["2020-12-31", "2020-12-31"])})
    assert call.reference_date_words(frame) == "al 31 dicembre 2020"
    frame.loc[1, "reference_date"] = pd.Timestamp("2021-06-30")
    assert call.reference_date_words(frame) == "tra il 31 dicembre 2020 e il 30 giugno 2021"
    frame["reference_date"] = pd.to_datetime(["2021-08-01", "2021-08-01"])
    assert call.reference_date_words(frame) == "al 1º agosto 2021"
    frame.loc[1, "reference_date"] = pd.Timestamp("2021-08-08")
    assert call.reference_date_words(frame) == "tra il 1º agosto 2021 e l'8 agosto 2021"


def test_mean_project_value_is_total_over_funded():
    assert call.mean_project_value(7827051.51, 33) == pytest.approx(237183.38, abs=0.005)


# --- Assumption-marked counts (issue 12: no count that depends on the assumed lead stated as fact) ------------


def test_lead_type_counts_separate_named_and_assumed_leads():
    # funded: ALER Milano (named), Comune di Brescia (named), ALER Milano (assumed)
    counts = call.lead_type_counts(projects())
    assert counts == {
        "funded": 3,
        "known": 2,
        "assumed": 1,
        "comune_known": 1,
        "comune_range": (1, 2),
        "aler_known": 1,
        "aler_range": (1, 2),
    }


def test_lead_types_sentence_states_ranges_not_the_assumed_count():
    text = call.lead_types_sentence(call.lead_type_counts(projects()), see="Appendice D, D05")
    assert "nomina i capofila di 2 progetti finanziati su 3: 1 Comuni e 1 ALER" in text
    assert "sono 1 o 2" in text and "un'ALER 1 o 2" in text and "(Appendice D, D05)" in text


def test_lead_types_on_the_shipped_data_never_print_the_assumed_totals_as_fact():
    """Footnote 26 names 14 leads for 15 first-ranking projects; footnote 27 names 18: 32 named, 28 Comuni and
    4 ALER; the assumed one makes 28-29 Comuni and 4-5 ALER (never '28 casi e ALER in 5' as fact)."""
    from quartieri_erp.inputs.catalogue import read_input

    counts = call.lead_type_counts(read_input("projects", PROGRAMME))
    assert (counts["known"], counts["comune_known"], counts["aler_known"]) == (32, 28, 4)
    text = call.lead_types_sentence(counts)
    assert "28 o 29" in text and "4 o 5" in text and "ALER in 5" not in text


def test_lead_provinces_count_only_named_lead_partners_and_the_unnamed_apart():
    counts = call.lead_provinces(projects(), PROVINCES)
    assert list(counts.items()) == [("Brescia", 1), ("Milano", 1)]  # ties in alphabetical order
    assert call.lead_type_counts(projects())["assumed"] == 1
    table = call.provinces_table(counts, call.lead_type_counts(projects())["assumed"])
    assert table.values.tolist() == [["Brescia", 1], ["Milano", 1], ["Capofila non indicato nella fonte", 1]]
    assert len(call.provinces_table(counts, 0)) == 2


def test_top_province_sentence_states_the_named_share():
    text = call.top_province_sentence(call.lead_provinces(projects(), PROVINCES), 2)
    assert text == "la provincia di Brescia raccoglie 1 dei 2 capofila nominati dalla fonte (50%)"


def test_count_range_words():
    assert call.count_range(4, 4) == "4" and call.count_range(4, 5) == "4 o 5" and call.count_range(4, 6) == "tra 4 e 6"


# --- Lorenteggio's span of months (issue 16: '49 mesi') ------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        ("2014-11-21", "2018-12-03", 48),  # Tavola 2.1, first and last step: the 49th month is not over
        ("2014-11-21", "2018-12-21", 49),
        ("2015-07-31", "2018-12-01", 40),  # FSE resources activated -> FSE interventions started (end of 2018)
        ("2015-04-01", "2017-12-19", 32),  # Tavola 2.2, first and last step
    ],
)
def test_months_elapsed_counts_whole_months(start, end, months):
    assert call.months_elapsed(start, end) == months


# --- Named ids instead of opaque ones ------------------------------------------------------------------------


def test_named_ids_exist_in_the_curated_data():
    from quartieri_erp.inputs.catalogue import read_input

    events = set(read_input("timeline", PROGRAMME)["event_id"])
    assert set(vars(call.EVENTS).values()) <= events
    assert set(vars(call.PROCEDURES).values()) <= set(read_input("procedures", PROGRAMME)["procedure_id"])
    assert set(vars(call.DISCREPANCIES).values()) <= set(read_input("discrepancies", PROGRAMME)["discrepancy_id"])
    with pytest.raises(AttributeError):
        call.EVENTS.call_approved = "E99"


# --- Omitted lists of the original (issue 16), for the chapter that prints them --------------------------------


def test_call_objectives_and_benefits_lists_have_ten_and_five_items_in_order():
    from quartieri_erp.chapters.programme import CALL_BENEFITS, CALL_OBJECTIVES, call_list_rows
    from quartieri_erp.inputs.catalogue import read_input

    lists = read_input("call_lists", PROGRAMME)
    objectives, benefits = call_list_rows(lists, CALL_OBJECTIVES)["text"], call_list_rows(lists, CALL_BENEFITS)["text"]
    assert len(objectives) == 10 and len(benefits) == 5
    assert objectives.iloc[0].startswith("Aprire Laboratori sociali") and "SAP" in objectives.iloc[9]
    assert len(lists[lists["list"] == "milano_programme_lines"]) == 5
    with pytest.raises(KeyError):
        call_list_rows(lists, "nessuna")


# --- Provenance of the budget table -----------------------------------------------------------------------------


def test_budget_table_sourced_marks_printed_values_published_and_sums_derived():
    from quartieri_erp.chapters.cited import Cited

    cited = Cited.load(chapter("2020-11-30"))
    cells = call.budget_table_sourced(cited)["Importo"].tolist()
    kinds = [c.split('data-kind="')[1].split('"')[0] for c in cells]
    assert kinds == ["published", "published", "derived", "published", "derived"]
    assert cells[2].startswith("[7.951.154,84") and cells[4].startswith("[124.103,33")


# --- Tense from the data cut-off (issue 14, part 3) ---------------------------------------------------------------

FUTURE = (
    "dovrebbero partire",
    "devono concludersi",
    "non hanno ancora avviato",
    "partiranno",
    " sarà ",
    " saranno ",
    "si concluderanno",
)


def test_chapter_2_built_two_years_later_has_no_future_tense_for_past_events(tmp_path):
    """Executes the chapter with as_of two years after the default: every planned event (Bollate's lab start,
    the end of the regional call's projects) is then in the past and must read as such."""
    import json

    import papermill

    root = Path(__file__).resolve().parents[2]
    out = tmp_path / "02.ipynb"
    papermill.execute_notebook(
        str(root / "notebooks" / "02_bando.ipynb"),
        str(out),
        cwd=str(root),
        parameters={"as_of": "2022-11-30"},
        kernel_name="python3",
        progress_bar=False,
    )
    text = "\n".join(
        "".join(o["data"]["text/markdown"])
        for c in json.loads(out.read_text())["cells"]
        for o in c.get("outputs", [])
        if "text/markdown" in o.get("data", {})
    )
    assert not [phrase for phrase in FUTURE if phrase in text]
    assert "era previsto che partissero" in text and "dovevano concludersi" in text
    assert "alla data del rapporto non avevano ancora avviato" in text


def test_tabella_2_1_prints_a_zero_amount_as_the_published_dash():
    assert call.accounting_eur(0.0) == "–"
    assert "558.999,80" in call.accounting_eur(558999.80)
