"""Chapter 1 logic: policy events, Contratti di Quartiere, the experimentation labs and their wording."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from project_chapter import chapter
from quartieri_erp.chapters import policy
from quartieri_erp.inputs.catalogue import read_input

PROGRAMME = Path(__file__).resolve().parents[2] / "data" / "programme"
AREAS = {
    "area_representation": "Rappresentanza",
    "area_intermediation": "Intermediazione",
    "area_self_management": "Autogestione",
    "area_arrears": "Morosità",
    "area_social_distress": "Disagio",
}


def timeline() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "event_id": ["E01", "E02", "E03", "E04"],
            "date": pd.to_datetime(["2011-07-22", "1998-01-01", "2015-12-01", "2017-11-15"]),
            "date_precision": ["day", "year", "month", "day"],
            "event": ["Patto", "CdQ I", "Fine laboratori", "Avviso"],
            "act": [None, None, None, "decreto"],
            "category": ["programmazione_regionale", "antecedenti", "sperimentazione_laboratori", "avviso_regionale"],
            "source": ["000 l. 1", "000 l. 2", "000 l. 3", "000 l. 4"],
        }
    )


def labs(rows: list[tuple[str, str, str, list[str]]]) -> pd.DataFrame:
    """Labs from (municipality, province, lead_type, areas) tuples."""
    return pd.DataFrame(
        [
            {
                "title": f"Lab {i}",
                "lead_body": f"{lead} di {town}",
                "lead_type": lead,
                "municipality": town,
                "province": province,
                **{column: column in areas for column in AREAS},
            }
            for i, (town, province, lead, areas) in enumerate(rows, start=1)
        ]
    )


def facts(**values: float) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "key": list(values),
            "value": list(values.values()),
            "reference_date": [pd.Timestamp("2020-07-31")] * len(values),
            "source": ["000 nota 10, l. 240"] * len(values),
        }
    )


def test_policy_events_keep_the_policy_phases_in_date_order_with_italian_labels():
    events = policy.policy_events(
        timeline(),
        {
            "antecedenti": "Antecedenti",
            "programmazione_regionale": "Regione",
            "sperimentazione_laboratori": "Laboratori",
        },
    )
    assert events["label"].tolist() == ["CdQ I", "Patto", "Fine laboratori"]
    assert events["date_label"].tolist() == ["1998", "22 luglio 2011", "dicembre 2015"]
    assert events["phase"].tolist() == ["Antecedenti", "Regione", "Laboratori"]


def test_acts_table_lists_only_events_with_an_act():
    events = policy.policy_events(timeline(), {"avviso_regionale": "Avviso"}, phases=("avviso_regionale",))
    assert policy.acts_table(events).to_dict("records") == [
        {"Data": "15 novembre 2017", "Atto": "decreto", "Contenuto": "Avviso"}
    ]


def test_cdq_counts_add_national_and_regional_and_compute_shares():
    counts = policy.cdq_counts(
        facts(
            cdq_national_count=20,
            cdq_regional_count=10,
            cdq_national_budget_eur=1e6,
            cdq_regional_investment_eur=2e6,
            cdq_national_in_progress=5,
            cdq_regional_completed=4,
        )
    )
    assert counts["total"] == 30
    assert counts["national_in_progress_share"] == 0.25
    assert counts["regional_completed_share"] == 0.4


def test_cdq_table_dates_its_state_columns_and_leaves_unpublished_cells_empty():
    table = policy.cdq_table(
        facts(
            cdq_national_count=22,
            cdq_regional_count=9,
            cdq_national_budget_eur=3e8,
            cdq_regional_investment_eur=9e7,
            cdq_national_in_progress=14,
            cdq_regional_completed=5,
        )
    )
    assert list(table.columns[-2:]) == ["In corso al 31 luglio 2020", "Completati al 31 luglio 2020"]
    assert table["Numero"].tolist() == [22, 9, 31]
    assert pd.isna(table.iloc[1, 3]) and pd.isna(table.iloc[0, 4])


def test_cdq_table_articles_before_the_first_of_the_month_and_the_eighth():
    dated = facts(
        cdq_national_count=22,
        cdq_regional_count=9,
        cdq_national_budget_eur=3e8,
        cdq_regional_investment_eur=9e7,
        cdq_national_in_progress=14,
        cdq_regional_completed=5,
    )
    dated["reference_date"] = pd.to_datetime(["2020-08-01"] * 5 + ["2020-08-08"])
    assert list(policy.cdq_table(dated).columns[-2:]) == ["In corso al 1º agosto 2020", "Completati all'8 agosto 2020"]


def test_labs_table_names_the_areas_in_label_order():
    table = policy.labs_table(
        labs([("Brescia", "BS", "Comune", ["area_social_distress", "area_representation"])]), AREAS
    )
    assert table.loc[0, "Ambiti di intervento"] == "Rappresentanza; Disagio"
    assert table.loc[0, "Comune"] == "Brescia (BS)"


def test_area_counts_count_every_area_of_every_lab():
    frame = labs(
        [
            ("A", "MI", "Comune", ["area_arrears", "area_social_distress"]),
            ("B", "MI", "ALER", ["area_arrears"]),
            ("C", "BS", "Comune", []),
        ]
    )
    counts = policy.area_counts(frame, AREAS)
    assert dict(zip(counts["area"], counts["labs"])) == {
        "Rappresentanza": 0,
        "Intermediazione": 0,
        "Autogestione": 0,
        "Morosità": 2,
        "Disagio": 1,
    }


def test_labs_overview_counts_municipalities_budget_and_leads():
    frame = labs(
        [
            ("A", "MI", "Comune", ["area_arrears"]),
            ("A", "MI", "ALER", ["area_arrears", "area_social_distress"]),
            ("B", "BS", "Comune", ["area_arrears", "area_representation", "area_intermediation"]),
        ]
    )
    overview = policy.labs_overview(frame, facts(lab_call_budget_eur=900, lab_call_eligible_municipalities=8))
    assert (overview["labs"], overview["municipalities"], overview["aler_led"], overview["comune_led"]) == (3, 2, 1, 2)
    assert overview["participation"] == 0.25 and overview["budget_per_lab"] == 300
    assert "repeated" not in overview  # which municipalities ran more labs: repeated_municipalities_sentence
    assert overview["mean_areas"] == 2.0
    assert overview["by_province"].index[0] == "MI"


@pytest.mark.parametrize(
    "towns, sentence",
    [
        (["A", "B"], "ogni comune ha avviato un solo laboratorio"),
        (["A", "A", "B"], "A ne ha avviati 2"),
        (["B", "A", "A", "B", "C"], "A e B ne hanno avviati 2 ciascuno"),
        (["A", "A", "A", "B", "B"], "A ne ha avviati 3 e B ne ha avviati 2"),
    ],
)
def test_repeated_municipalities_sentence(towns, sentence):
    assert policy.repeated_municipalities_sentence(labs([(t, "MI", "Comune", []) for t in towns])) == sentence


def test_area_ranking_sentence_names_ties_together_and_says_one_lab_in_words():
    counts = pd.DataFrame({"area": ["Rappresentanza", "Morosità", "Disagio"], "labs": [1, 7, 7]})
    assert policy.area_ranking_sentence(counts, 9) == (
        "morosità e disagio sono gli ambiti più frequenti (7 laboratori su 9), "
        "mentre rappresentanza compare in un solo laboratorio"
    )
    counts = pd.DataFrame({"area": ["Rappresentanza", "Morosità"], "labs": [3, 5]})
    assert policy.area_ranking_sentence(counts, 6).endswith("rappresentanza compare in 3 laboratori")


def test_area_ranking_sentence_agrees_with_one_lab_and_with_none():
    counts = pd.DataFrame({"area": ["Rappresentanza", "Morosità", "Disagio"], "labs": [0, 1, 0]})
    assert policy.area_ranking_sentence(counts, 1) == (
        "morosità è l'ambito più frequente (1 laboratorio su 1), "
        "mentre rappresentanza e disagio non compaiono in alcun laboratorio"
    )


def test_reflections_table_follows_the_printed_order():
    reflections = pd.DataFrame({"position": [2, 1], "experience": ["b", "a"], "reflection": ["B", "A"]})
    table = policy.reflections_table(reflections)
    assert table.iloc[:, 0].tolist() == ["a", "b"] and table.iloc[:, 1].tolist() == ["A", "B"]


def test_area_counts_of_the_curated_labs_are_those_of_the_evaluation_table():
    """Source 002 Tabella 1 (D38): 9, 4, 1, 10 and 12 labs per area, 15 labs in 12 municipalities."""
    curated = read_input("experimentation_labs", PROGRAMME)
    assert policy.area_counts(curated, AREAS)["labs"].tolist() == [9, 4, 1, 10, 12]
    assert (
        policy.repeated_municipalities_sentence(curated)
        == "Brescia, Cinisello Balsamo e Milano ne hanno avviati 2 ciascuno"
    )


# --- Sourced versions (issue 12) and articles before labels (issue 16) -------------------------------------------


def _cited():
    from quartieri_erp.chapters.cited import Cited

    return Cited.load(chapter("2020-11-30"))


def test_areas_take_their_article():
    assert policy.with_definite_article("contrasto al disagio sociale") == "il contrasto al disagio sociale"
    assert policy.with_definite_article("promozione della rappresentanza") == "la promozione della rappresentanza"
    assert (
        policy.with_definite_article("organizzazione dell'intermediazione") == "l'organizzazione dell'intermediazione"
    )
    assert policy.with_definite_article("studio") == "lo studio"


def test_area_ranking_sentence_sourced_names_areas_with_articles():
    from quartieri_erp.presentation.markup import visible
    from quartieri_erp.presentation.provenance import curated

    counts = pd.DataFrame(
        {
            "area": ["Promozione della rappresentanza", "Contrasto al disagio sociale", "Promozione dell'autogestione"],
            "labs": [6, 12, 1],
        }
    )
    text = policy.area_ranking_sentence_sourced(counts, 15, curated("002 Tabella 1"))
    assert visible(text) == (
        "l'ambito più frequente è il contrasto al disagio sociale (12 laboratori su 15), "
        "mentre la promozione dell'autogestione compare in un solo laboratorio"
    )
    assert 'data-kind="curated"' in text


def test_cdq_table_sourced_kinds():
    table = policy.cdq_table_sourced(_cited())
    numbers = table["Numero"].tolist()
    assert [n.split('data-kind="')[1].split('"')[0] for n in numbers] == ["published", "published", "derived"]
    assert numbers[2].startswith("[31]")
    assert table.columns[3] == "In corso al 31 luglio 2020"


def test_acts_table_sourced_dates_are_spans():
    from quartieri_erp.chapters.labels import load_labels

    cited = _cited()
    labels = load_labels(Path(__file__).resolve().parents[2] / "data" / "reference")
    events = policy.policy_events(cited.timeline, labels["timeline_category"])
    table = policy.acts_table_sourced(events, cited)
    assert all(str(d).startswith("[") and "data-kind" in d for d in table["Data"])
    assert "[2014]{.num" in " ".join(table["Data"])  # the ALER directive is dated by year only


def test_labs_overview_sourced_kinds():
    from quartieri_erp.inputs.catalogue import read_input

    cited = _cited()
    lab = policy.labs_overview_sourced(
        read_input("experimentation_labs", _cited_dir := Path(__file__).resolve().parents[2] / "data" / "programme"),
        cited,
    )
    assert (float(lab["labs"]), float(lab["municipalities"])) == (15, 12)
    assert lab["labs"].source.kind == "curated"  # counted from source 002
    assert lab["participation"].source.kind == "curated" and round(float(lab["participation"]), 3) == 0.522


def test_documents_list_sourced_escapes_and_sources_years():
    cited = _cited()
    docs = pd.DataFrame({"author": ["<b>X</b>"], "title": ["*T*"], "year": [2016], "source": ["002 intestazione"]})
    text = policy.documents_list_sourced(docs, cited)
    assert text.startswith('- \\<b\\>X\\</b\\>, *\\*T\\**, [2016]{.num data-kind="curated"')


def test_monitoring_note_sources_cut_off_and_threshold():
    real = policy.monitoring_data_note_sourced(False, "2020-11-30", 5)
    assert 'aggiornati al [30 novembre 2020]{.num data-kind="curated"' in real and "[5]{.num" in real
    synthetic = policy.monitoring_data_note_sourced(True, "2020-11-30", 5, provider="ARIA spa")
    assert "li ha forniti ARIA spa" in synthetic or "forniti l'" in synthetic
