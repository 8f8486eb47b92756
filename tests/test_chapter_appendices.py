"""Appendices A2, A4 and A5: tables built from the schemas and the curated files (A6, the per-project annex:
tests/test_annex_projects.py)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quartieri_erp.chapters import appendices as app
from quartieri_erp.chapters.labels import load_labels
from quartieri_erp.curated import load_discrepancies, load_glossary, load_projects
from quartieri_erp.dictionary import FOLDERS, all_tables, data_dictionary
from quartieri_erp.tables import markdown_table
from quartieri_erp.monitoring import load_monitoring

ROOT = Path(__file__).resolve().parents[1]
PROGRAMME, REFERENCE, SYNTHETIC = ROOT / "data" / "programme", ROOT / "data" / "reference", ROOT / "data" / "synthetic"
MARK = "<5"


# --- A2 ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("folder", FOLDERS)
def test_each_folder_section_has_one_heading_and_one_table_row_per_column(folder):
    tables = all_tables()
    text = app.folder_sections(tables, folder)
    specs = [t for t in tables if t.folder == folder]
    assert re.findall(r"^### `([^`]+)` \{#(sec-dizionario-[a-z-]+)\}$", text, flags=re.M) == [
        (t.file, f"sec-dizionario-{folder}-{t.name.replace('_', '-')}") for t in specs]
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) == len(data_dictionary(specs))


def test_identifiers_and_file_names_become_code_and_existing_code_is_kept():
    text = "see education_levels.csv; codes nessun_titolo|licenza_media; a `source` cell; D01-D36 stay."
    assert app.code_identifiers(text) == (
        "see `education_levels.csv`; codes `nessun_titolo`|\u200b`licenza_media`; a `source` cell; D01-D36 stay.")
    assert app.code_identifiers("(copy of shared/reference-data/x_y.csv)") == (
        "(copy of `shared/`\u200b`reference-data/`\u200b`x_y.csv`)")
    assert app.code_identifiers("empty for laboratorio_sociale.") == "empty for `laboratorio_sociale`."


def test_the_overview_names_every_file_with_its_folder():
    overview = app.files_overview(all_tables(), {"monitoring": "M", "programme": "P", "reference": "R"})
    assert overview["File"].iloc[0] == "`projects.csv` (M)"
    assert overview["Colonne"].sum() == len(data_dictionary(all_tables()))


# --- A4 ------------------------------------------------------------------------------------------------

def _csv_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_programme_files_count_rows_and_cited_documents_from_the_files():
    files = app.programme_files(all_tables(), PROGRAMME).set_index("file")
    for name, row in files.iterrows():
        assert row["rows"] == len(_csv_rows(PROGRAMME / name))
    assert files.loc["projects.csv", "documents"] == "000"
    assert files.loc["documents.csv", "documents"] == "000, 001, 002, 003"
    assert files.loc["published_indicators.csv", "documents"] == ""  # its source cells cite lines of 000 only
    shown = app.programme_files_table(files.reset_index())
    timeline_rows = len(_csv_rows(PROGRAMME / "timeline.csv"))
    assert shown["File"].iloc[0] == f"`timeline.csv`: {timeline_rows} righe; documenti 000, 002"


def test_every_discrepancy_is_a_row_with_what_the_sources_say_the_choice_and_the_reason():
    discrepancies = load_discrepancies(PROGRAMME)
    table = app.discrepancies_table(discrepancies)
    assert len(table) == len(discrepancies) == 44
    assert [re.match(r"\*\*(D\d{2})\*\*", t).group(1) for t in table["Discordanza"]] == [
        f"D{i:02d}" for i in range(1, 45)]
    d02 = table.iloc[1]["Fonti, scelta e motivo"]
    assert "**Scelta:** Azione 9.1.3." in d02 and "**Motivo:** Refuso" in d02
    assert "`call_initial_budget_913_eur`" in d02


# --- A5 ------------------------------------------------------------------------------------------------

def test_glossary_in_alphabetical_order_ignoring_case():
    glossary = load_glossary(PROGRAMME)
    table = app.glossary_table(glossary)
    assert sorted(table["Sigla"]) == sorted(glossary["acronym"])
    assert list(table["Sigla"]) == sorted(glossary["acronym"], key=str.casefold)
    assert app.glossary_table(pd.DataFrame({"acronym": ["b", "AdG", "ABF"], "expansion": ["1", "2", "3"],
                                            "explanation": ["x", "y", "z"]}))["Sigla"].tolist() == ["ABF", "AdG", "b"]


# --- A6: see tests/test_annex_projects.py ------------------------------------------------------------

def test_documents_show_the_year_as_written():
    documents = pd.DataFrame({"doc_id": ["000", "001"], "author": ["A", "B"], "title": ["T", "U"],
                              "year": pd.array([2021, None], dtype="Int64")})
    years = app.documents_table(documents)["Anno"]
    assert years.iloc[0] == "2021" and pd.isna(years.iloc[1])  # shown as '2021' and '–', never '2.021'
    assert "| 2021 |" in markdown_table(app.documents_table(documents))


def test_known_budgets_clause_follows_the_count():
    assert app.known_budgets_text(pd.Series([1.0, np.nan, 2.0, np.nan])) == (
        "la dotazione del singolo progetto è nota per 2 di essi")
    assert app.known_budgets_text(pd.Series([np.nan, np.nan])) == "la dotazione dei singoli progetti non è nota"
    assert app.known_budgets_text(pd.Series([1.0])) == "la dotazione è nota per tutti"


def test_artifacts_sentence_agrees_with_the_counts():
    frame = pd.DataFrame({"rebuilt": ["completa"] * 3 + ["dai_dati"] + ["in_parte"] * 2})
    sentence = app.artifacts_sentence(frame)
    assert sentence.startswith("Delle 6 tabelle, tavole e figure del rapporto pubblicato 3 sono ricostruite")
    assert "1 è ridisegnata dai dati" in sentence and "2 sono ricostruibili solo in parte" in sentence


def test_artifacts_table_links_every_published_item_to_its_label():
    from quartieri_erp.curated import load_published_artifacts

    artifacts = load_published_artifacts(PROGRAMME)
    table = app.artifacts_table(artifacts, load_labels(REFERENCE))
    assert len(table) == len(artifacts) and table["In questa edizione"].str.fullmatch(r"@(tbl|tav|fig)-[a-z0-9-]+").all()
    assert table.loc[0, "Rapporto pubblicato"].startswith("**Figura 1.1**")
