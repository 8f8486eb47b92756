"""The comparison engine on small tables: statuses, the confidence-interval mark, projects and files."""

from __future__ import annotations

import math

import pandas as pd

from quartieri_erp.chapters.editions import indicators_table, overview_text, reconcile, reconciliation_text
from quartieri_erp.editions.compare import (
    ADDED,
    CHANGED,
    REMOVED,
    UNCHANGED,
    compare_indicators,
    compare_inputs,
    compare_manifests,
    compare_projects,
    comparison_rows,
    intervals_apart,
    summary_lines,
)
from quartieri_erp.editions.manifest import sentences

NAN = math.nan


def table(rows):
    return pd.DataFrame(
        rows,
        columns=["indicator", "group", "category", "unit", "numerator", "denominator", "value", "ci_low", "ci_high"],
    )


OLD = table(
    [
        ["participants", "totale", NAN, "count", NAN, NAN, 830, NAN, NAN],
        ["pip_share", "totale", NAN, "share", 524, 830, 0.63, 0.60, 0.66],
        ["sex", "totale", "F", "share", 400, 830, 0.48, 0.45, 0.51],
        ["province", "totale", "SO", "share", 5, 830, 0.006, 0.002, 0.014],
    ]
)
NEW = table(
    [
        ["participants", "totale", NAN, "count", NAN, NAN, 1225, NAN, NAN],
        ["pip_share", "totale", NAN, "share", 900, 1225, 0.73, 0.70, 0.76],
        ["sex", "totale", "F", "share", 600, 1225, 0.49, 0.46, 0.52],
        ["province", "totale", "LO", "share", 5, 1225, 0.004, 0.001, 0.01],
    ]
)


def test_intervals_apart_only_when_both_are_known_and_disjoint():
    assert intervals_apart(0.60, 0.66, 0.70, 0.76)
    assert not intervals_apart(0.45, 0.51, 0.46, 0.52)
    assert not intervals_apart(NAN, NAN, 0.1, 0.2)


def test_indicators_get_both_values_the_difference_and_the_mark():
    diff = compare_indicators(OLD, NEW).set_index(["indicator", "category"])
    assert diff.loc[("participants", ""), "difference"] == 395
    assert diff.loc[("participants", ""), "status"] == CHANGED and not diff.loc[("participants", ""), "beyond_ci"]
    assert diff.loc[("pip_share", ""), "beyond_ci"]
    assert not diff.loc[("sex", "F"), "beyond_ci"]
    assert diff.loc[("province", "SO"), "status"] == REMOVED
    assert diff.loc[("province", "LO"), "status"] == ADDED


def test_equal_values_up_to_csv_rounding_are_unchanged():
    same = OLD.assign(value=OLD["value"] * (1 + 1e-12))
    assert set(compare_indicators(OLD, same)["status"]) == {UNCHANGED}


def test_projects_in_out_and_changed():
    old = [
        {"project_id": "P01", "participants": 18},
        {"project_id": "P07", "participants": 20},
        {"project_id": "P08", "participants": None},
    ]
    new = [
        {"project_id": "P01", "participants": 25},
        {"project_id": "P08", "participants": None},
        {"project_id": "P34", "participants": 200},
    ]
    diff = compare_projects(old, new).set_index("project_id")["status"].to_dict()
    assert diff == {"P01": CHANGED, "P07": REMOVED, "P08": UNCHANGED, "P34": ADDED}


def test_inputs_by_hash():
    diff = compare_inputs({"a": "1", "b": "2"}, {"b": "3", "c": "4"}).set_index("file")["status"].to_dict()
    assert diff == {"a": REMOVED, "b": CHANGED, "c": ADDED}


def test_whole_comparison_summary_csv_and_report_text():
    old = {
        "edition": "2021",
        "as_of": "2020-11-30",
        "projects": [{"project_id": "P07", "participants": 9}],
        "inputs": {"x": "1"},
        "sintesi": ["Sono stati raggiunti 830 destinatari."],
    }
    new = {
        "edition": "2022",
        "as_of": "2022-09-30",
        "projects": [{"project_id": "P34", "participants": 9}, {"project_id": "P35", "participants": 9}],
        "inputs": {"x": "2"},
        "sintesi": ["Sono stati raggiunti 1.225 destinatari."],
    }
    c = compare_manifests(old, new, OLD, NEW)
    assert c.entered == ["P34", "P35"] and c.left == ["P07"]
    text = "\n".join(summary_lines(c))
    assert "Progetti entrati: P34, P35" in text and "Progetti usciti: P07" in text
    rows = comparison_rows(c)
    assert set(rows["section"]) == {"indicatore", "progetto", "file di input", "sintesi"}
    prose = overview_text(c)
    assert "entrano 2 progetti (P34 e P35)" in prose and "esce 1 progetto (P07)" in prose
    assert "30 settembre 2022" in prose
    shown = indicators_table(c)
    assert "sì" in shown["Oltre gli intervalli"].tolist()
    assert "nessuna edizione precedente" in indicators_table(None).iloc[0, 0]
    assert "non è stata indicata" in overview_text(None)


def test_reconciliation_says_what_the_report_does():
    r = reconcile(["P01", "P34", "P35"], ["P01", "P07"])
    assert r.monitored_not_funded == ["P34", "P35"] and r.funded_not_monitored == ["P07"]
    text = reconciliation_text(r)
    assert "2 progetti che non risultano tra i finanziati" in text and "P34 e P35" in text
    assert "1 progetto non compare" in text
    assert "coincidono" not in reconciliation_text(reconcile(["P01"], ["P01"]))


def test_sentences_skip_tables_and_headings():
    text = "## Titolo\n\nPrima frase lunga abbastanza. Seconda frase, anche questa lunga.\n\n| a | b |\n|---|---|"
    assert sentences(text) == ["Prima frase lunga abbastanza.", "Seconda frase, anche questa lunga."]


def test_previous_build_goes_only_to_the_notebooks_that_declare_it(tmp_path):
    from conftest import ROOT
    from quartieri_erp.params import load_params
    from quartieri_erp.pipeline.editions import chapter_parameters

    params = load_params(previous_build=str(tmp_path))
    assert chapter_parameters(ROOT / "notebooks" / "A7_confronto_edizioni.ipynb", params, ROOT) == {
        "previous_build": tmp_path.as_posix()
    }
    assert chapter_parameters(ROOT / "notebooks" / "02_bando.ipynb", params, ROOT) == {}
    assert chapter_parameters(ROOT / "notebooks" / "A7_confronto_edizioni.ipynb", load_params(), ROOT) == {
        "previous_build": ""
    }


def test_a_build_with_another_out_keeps_its_figures_under_it(tmp_path):
    from conftest import ROOT
    from quartieri_erp.params import load_params

    default = load_params()
    assert default.figures_dir == ROOT / "figures" and default.build_figures == ROOT / "build" / "figures"
    assert default.previous_build is None and default.mapping is None
    other = load_params(out=str(tmp_path / "ed2022"), edition="2022")
    assert other.figures_dir == tmp_path / "ed2022" / "figures" == other.build_figures
    assert other.edition == "2022"
