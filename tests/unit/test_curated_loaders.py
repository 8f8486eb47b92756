"""Loaders return typed tables; ``fact`` reads one value."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from quartieri_erp.inputs.catalogue import read_input
from quartieri_erp.inputs.curated import SPECS, TABLES, fact

PROGRAMME = Path(__file__).resolve().parents[2] / "data" / "programme"
REFERENCE = PROGRAMME.parent / "reference"


def test_tables_have_unique_names_and_files_and_described_columns():
    assert len(SPECS) == len(TABLES) == len({spec.file for spec in TABLES})
    undescribed = [
        (spec.name, name) for spec in TABLES for name, column in spec.schema.columns.items() if not column.description
    ]
    assert undescribed == []


def test_typed_columns():
    projects = read_input("projects", PROGRAMME)
    assert projects["budget_eur"].dtype == "float64"
    assert projects["lead_partner_assumed"].dtype == "boolean"
    assert projects["istat_code"].tolist()[:2] == ["015146", "017029"]
    assert pd.api.types.is_datetime64_any_dtype(read_input("timeline", PROGRAMME)["date"])
    assert read_input("sus_steps", PROGRAMME)["step"].dtype == "Int64"


def test_intervention_areas_are_booleans_counted_per_area():
    labs = read_input("experimentation_labs", PROGRAMME)
    areas = labs.filter(like="area_").sum().to_dict()
    assert areas == {
        "area_representation": 9,
        "area_intermediation": 4,
        "area_self_management": 1,
        "area_arrears": 10,
        "area_social_distress": 12,
    }


def test_case_study_budget_comes_from_the_linked_project():
    cards = read_input("case_studies", PROGRAMME).set_index("card_id")
    assert cards.loc["4.7", "budget_eur"] == 251_983.20
    assert cards.loc["4.10", "budget_eur"] == 251_989.04
    assert pd.isna(cards.loc["4.8", "budget_eur"])


def test_fact_reads_one_value_and_names_a_missing_key():
    facts = read_input("facts", PROGRAMME)
    assert fact(facts, "lab_call_budget_eur") == 733_322.26
    with pytest.raises(KeyError, match="no_such_fact"):
        fact(facts, "no_such_fact")


def test_cite_names_each_cited_document_once_in_order(tmp_path):
    from quartieri_erp.inputs.catalogue import read_input
    from quartieri_erp.inputs.curated import cite
    from quartieri_erp.inputs.curated.citations import cited_documents

    assert cited_documents(["000 Tavola 2.1, l. 350", "002 Tabella 1; 000 nota 21", "nota libera"]) == ["000", "002"]
    documents = read_input("documents", PROGRAMME)
    line = cite(["002 Tabella 1, l. 985", "000 § 1.4; 002 l. 3"], documents)
    assert line.startswith("elaborazione su Éupolis Lombardia") and line.count(";") == 1


def test_source_line_cites_documents_then_other_sources_then_a_note():
    from quartieri_erp.inputs.curated.citations import source_line

    documents = pd.DataFrame({"doc_id": ["000", "002"], "citation": ["Rapporto", "Valutazione"]})
    assert source_line(["002 l. 3", "000 l. 1; 002 l. 4"], documents) == "Fonte: elaborazione su Valutazione; Rapporto."
    assert (
        source_line(["000 l. 1"], documents, also=["dati di monitoraggio"], note="Nota.")
        == "Fonte: elaborazione su Rapporto; dati di monitoraggio. Nota."
    )
    assert (
        source_line(also=["dati di monitoraggio al 30 novembre 2020"])
        == "Fonte: elaborazione su dati di monitoraggio al 30 novembre 2020."
    )
    with pytest.raises(KeyError):
        source_line(["009 l. 1"], documents)


def test_a_source_citing_an_unknown_document_fails_the_check(tmp_path):
    import shutil

    import pytest

    from quartieri_erp.errors import InputError
    from quartieri_erp.inputs.curated import check_programme

    copy = tmp_path / "programme"
    shutil.copytree(PROGRAMME, copy)
    text = (copy / "facts.csv").read_text(encoding="utf-8")
    (copy / "facts.csv").write_text(text.replace('"000 nota 10, l. 240"', '"009 nota 10, l. 240"', 1), encoding="utf-8")
    with pytest.raises(InputError) as err:
        check_programme(copy, REFERENCE)
    assert "facts.csv, row 2, column 'source'" in str(err.value) and "documents.csv" in str(err.value)
