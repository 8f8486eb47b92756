"""Appendices A2, A4 and A5: tables built from the schemas and the curated files (A6, the per-project annex:
tests/unit/test_annex_projects.py)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from project_chapter import chapter
from quartieri_erp.chapters import appendices as app
from quartieri_erp.chapters.labels import load_labels
from quartieri_erp.chapters.wording import discrepancy_cite
from quartieri_erp.inputs.catalogue import read_input
from quartieri_erp.inputs.dictionary import FOLDERS, all_tables, data_dictionary
from quartieri_erp.presentation.markdown_tables import markdown_table
from quartieri_erp.presentation.markup import visible

ROOT = Path(__file__).resolve().parents[2]
PROGRAMME, REFERENCE, SYNTHETIC = ROOT / "data" / "programme", ROOT / "data" / "reference", ROOT / "data" / "synthetic"
MARK = "<5"


# --- A2 ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("folder", FOLDERS)
def test_each_folder_section_has_one_heading_and_one_table_row_per_column(folder):
    tables = all_tables()
    text = app.folder_sections(tables, folder)
    specs = [t for t in tables if t.folder == folder]
    assert re.findall(r"^### \[`([^`]+)`\]\{\.csv\} \{#(sec-dizionario-[a-z-]+)\}$", text, flags=re.M) == [
        (t.file, f"sec-dizionario-{folder}-{t.name.replace('_', '-')}") for t in specs
    ]
    html = re.findall(r'^::: \{\.content-visible when-format="html"\}\n(.*?)^:::$', text, flags=re.M | re.S)
    pdf = re.findall(r'^::: \{\.content-hidden when-format="html"\}\n(.*?)^:::$', text, flags=re.M | re.S)
    assert len(html) == len(specs) and len(pdf) == 1  # each file in the HTML, one compact table in the PDF
    rows = [line for block in html for line in block.splitlines() if line.startswith("| `")]
    assert len(rows) == len(data_dictionary(specs))
    files = [line for line in pdf[0].splitlines() if line.startswith("| [`")]
    assert len(files) == len(specs)
    listed = sum(len(re.findall(r"`[^`]+`", line.split("**Colonne:**")[1])) for line in files)  # every column
    assert listed == len(data_dictionary(specs))


def test_the_pdf_lists_the_columns_in_one_paragraph_and_the_html_keeps_the_rules():
    spec = next(t for t in all_tables() if t.name == "enrolments")
    text = app.folder_sections([spec], "monitoring")
    line = app.columns_line(data_dictionary([spec]))
    assert line.startswith("`participant_id`\\*, `subproject`\\*, `start_date`\\*")  # text: no type named
    assert line.endswith("`status`.")  # may be empty: no asterisk
    projects = app.columns_line(data_dictionary([next(t for t in all_tables() if t.name == "projects")]))
    assert "`budget_eur` (numero)" in projects
    pdf = text.split('::: {.content-hidden when-format="html"}')[1]
    assert "Regole sulle righe" not in pdf and "«must be a date written YYYY-MM-DD»" not in pdf
    assert line in pdf
    html = text.split('::: {.content-visible when-format="html"}')[1].split(":::")[0]
    assert "Regole sulle righe" in html and "«must be a date written YYYY-MM-DD»" in html


def test_short_rules_cut_long_lists():
    assert app.short_rule("da 0 a 110") == "da 0 a 110"
    long = "uno tra: " + ", ".join(f"`v{i}`" for i in range(30))
    cut = app.short_rule(long)
    assert len(cut) <= app.SHORT_RULE + 4 and cut.endswith(", …") and cut.count("`") % 2 == 0


def test_numbers_in_schema_text_carry_a_kind_and_code_is_left_alone():
    marked = app.mark_numbers(app.code_identifiers("Avviso del 2017, codice `E01`, 6 cifre"))
    assert visible(marked) == "Avviso del 2017, codice `E01`, 6 cifre"
    assert marked.count('data-kind="curated"') == 2 and "`E01`" in marked
    assert app.no_line_numbers("Rapporto (documento 000), capitolo 4 (l. 862-1424): schede") == (
        "Rapporto (documento 000), capitolo 4: schede"
    )
    assert app.no_line_numbers("Affermazione verificabile (si veda indicators/published.py).") == (
        "Affermazione verificabile."
    )


def test_schema_descriptions_from_a_user_extended_schema_are_escaped():
    shown = app.code_identifiers("<img src=x onerror=alert(1)> [x](javascript:y) $x$ @fig-x `kept_code`")
    assert "\\<img" in shown and "\\[x\\](javascript:y)" in shown and "\\$x\\$" in shown
    assert "\\@fig-x" in shown and "`kept_code`" in shown


def test_the_dictionary_downloads_as_csv_from_the_html():
    dictionary = data_dictionary(all_tables())
    text = app.dictionary_csv(dictionary)
    rows = list(csv.DictReader(text.splitlines()))
    assert len(rows) == len(dictionary) and rows[0]["colonna"] == "project_id" and rows[0]["file"] == "projects.csv"
    link = app.download_link("Scarica <x>", "a,b\n1,2\n", "dizionario dati.csv")
    assert link.startswith("[Scarica \\<x\\>](data:text/csv;charset=utf-8;base64,YSxiCjEsMgo=)")
    assert link.endswith('{.download download="dizionario-dati.csv"}')


@pytest.mark.parametrize("to,kept,dropped", [("html", "SOLO-WEB", "SOLO-PDF"), ("typst", "SOLO-PDF", "SOLO-WEB")])
def test_the_offline_renderer_honours_quarto_conditional_content(to, kept, dropped):
    from quartieri_erp.rendering.pandoc import pandoc, template

    markdown = app.html_only("SOLO-WEB") + "\n\n" + app.pdf_only("SOLO-PDF") + "\n\nSEMPRE\n"
    out = pandoc(markdown, to, "--lua-filter", str(template("html.lua" if to == "html" else "typst.lua")))
    assert kept in out and "SEMPRE" in out and dropped not in out


def test_identifiers_and_file_names_become_code_and_existing_code_is_kept():
    text = "see education_levels.csv; codes nessun_titolo|licenza_media; a `source` cell; D01-D36 stay."
    assert app.code_identifiers(text) == (
        "see [`education_levels.csv`]{.csv}; codes `nessun_titolo`|\u200b`licenza_media`; a `source` cell; D01-D36 stay."
    )
    assert app.code_identifiers("(copy of shared/reference-data/x_y.csv)") == (
        "(copy of [`shared/`\u200b`reference-data/`\u200b`x_y.csv`]{.csv})"
    )
    assert app.code_identifiers("empty for laboratorio_sociale.") == "empty for `laboratorio_sociale`."


def test_the_overview_names_every_file_with_its_folder():
    overview = app.files_overview(all_tables(), {"monitoring": "M", "programme": "P", "reference": "R"})
    assert overview["File"].iloc[0] == "[`projects.csv`]{.csv} (M)"
    assert overview["Colonne"].sum() == len(data_dictionary(all_tables()))


# --- A4 ------------------------------------------------------------------------------------------------


def _csv_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_programme_files_count_rows_and_cited_documents_from_the_files():
    files = app.programme_files(all_tables(), chapter().table).set_index("file")
    for name, row in files.iterrows():
        assert row["rows"] == len(_csv_rows(PROGRAMME / name))
    assert files.loc["projects.csv", "documents"] == "000"
    assert files.loc["documents.csv", "documents"] == "000, 001, 002, 003"
    assert files.loc["published_indicators.csv", "documents"] == ""  # its source cells cite lines of 000 only
    shown = app.programme_files_table(files.reset_index())
    timeline_rows = len(_csv_rows(PROGRAMME / "timeline.csv"))
    # the data by name with a link to the dictionary, never the file name; the count carries its kind
    assert shown["Dati"].iloc[0] == "Cronologia degli interventi (@sec-dizionario-programme-timeline)"
    assert visible(shown["Righe"].iloc[0]) == str(timeline_rows)
    assert 'data-kind="curated"' in shown["Righe"].iloc[0]
    assert visible(shown["Documenti citati"].iloc[0]) == "000, 002"
    assert not any(re.search(r"\.csv\b|\bl\. \d", str(cell)) for cell in shown.to_numpy().ravel())


def test_every_discrepancy_is_a_row_with_what_the_sources_say_the_choice_and_the_reason():
    discrepancies = read_input("discrepancies", PROGRAMME)
    table = app.discrepancies_table(discrepancies)
    assert len(table) == len(discrepancies) == 44
    assert [re.match(r"\*\*(D\d{2})\*\*", t).group(1) for t in table["Discordanza"]] == [
        f"D{i:02d}" for i in range(1, 45)
    ]
    d02 = table.iloc[1]["Fonti, scelta e motivo"]
    assert "**Scelta:** Azione 9.1.3." in d02 and "**Motivo:** Refuso" in d02
    # the published report cited by section and page, the data by name: no line number, no file name
    assert d02.startswith("Il § 2.1 (p. 20) attribuisce")
    assert d02.endswith("**Dati:** dati puntuali")  # the key names of the data are not reader text
    for cell in table.to_numpy().ravel():
        assert not re.search(r"\.csv\b|\bll?\. \d", cell), cell


def test_reader_words_drop_line_numbers_and_name_the_data():
    assert app.reader_words("Il § 3.1 (l. 584-585) lega") == "Il § 3.1 lega"
    assert app.reader_words("000 Tavola 4.1, l. 892-914") == "000 Tavola 4.1"
    assert app.reader_words("case_studies.csv (4.1); procedures.csv") == (
        "schede dei casi di studio (4.1); procedure attivate"
    )
    assert app.reader_words("new_things.csv") == "dati new things"
    assert app.reader_words("dati puntuali (call_topup_eur, budget_eur); projects.csv (P15)") == (
        "dati puntuali; progetti dell'avviso (P15)"
    )


def test_the_discrepancy_register_shows_no_code_names():
    table = app.discrepancies_table(read_input("discrepancies", PROGRAMME))
    text = " ".join(visible(cell) for column in table.columns for cell in table[column])
    assert re.findall(r"\b[a-z0-9]+_[a-z0-9_]+\b|\.csv\b| = true", text) == []


def test_discrepancies_are_cited_as_readers_cite_them():
    discrepancies = read_input("discrepancies", PROGRAMME)
    assert discrepancy_cite(discrepancies, "D29") == "@sec-provenienza, D29"
    assert discrepancy_cite(discrepancies, "D18", "D19") == "@sec-provenienza, D18 e D19"
    with pytest.raises(KeyError):
        discrepancy_cite(discrepancies, "D99")


def test_text_of_the_register_is_escaped():
    frame = pd.DataFrame(
        {
            "discrepancy_id": ["D01"],
            "topic": ["<img src=x onerror=alert(1)>"],
            "affects": ["x.csv"],
            "sources_say": ["# heading"],
            "chosen": ["[x](javascript:y)"],
            "reason": ["$x$ @fig-x"],
            "source": ["000 § 1"],
        }
    )
    row = app.discrepancies_table(frame).iloc[0]
    assert "\\<img" in row["Discordanza"] and "\\# heading" in row["Fonti, scelta e motivo"]
    assert "\\[x\\](javascript:y)" in row["Fonti, scelta e motivo"]
    assert "\\$x\\$ \\@fig-x" in row["Fonti, scelta e motivo"]


# --- A5 ------------------------------------------------------------------------------------------------


def test_glossary_in_alphabetical_order_ignoring_case():
    glossary = read_input("glossary", PROGRAMME)
    table = app.glossary_table(glossary)
    assert sorted(table["Sigla"]) == sorted(glossary["acronym"])
    assert list(table["Sigla"]) == sorted(glossary["acronym"], key=str.casefold)
    assert app.glossary_table(
        pd.DataFrame({"acronym": ["b", "AdG", "ABF"], "expansion": ["1", "2", "3"], "explanation": ["x", "y", "z"]})
    )["Sigla"].tolist() == ["ABF", "AdG", "b"]


# --- A6: see tests/unit/test_annex_projects.py ------------------------------------------------------------


def test_documents_show_the_year_as_written():
    documents = pd.DataFrame(
        {
            "doc_id": ["000", "001"],
            "author": ["A", "B"],
            "title": ["T", "U"],
            "year": pd.array([2021, None], dtype="Int64"),
        }
    )
    years = app.documents_table(documents)["Anno"]
    assert visible(years.iloc[0]) == "2021" and pd.isna(years.iloc[1])  # shown as '2021' and '–', never '2.021'
    assert "| [2021]{.num" in markdown_table(app.documents_table(documents))


def test_known_budgets_clause_follows_the_count():
    assert app.known_budgets_text(pd.Series([1.0, np.nan, 2.0, np.nan])) == (
        "la dotazione del singolo progetto è nota per 2 di essi"
    )
    assert app.known_budgets_text(pd.Series([np.nan, np.nan])) == "la dotazione dei singoli progetti non è nota"
    assert app.known_budgets_text(pd.Series([1.0])) == "la dotazione è nota per tutti"


def test_artifacts_sentence_agrees_with_the_counts():
    frame = pd.DataFrame({"rebuilt": ["completa"] * 3 + ["dai_dati"] + ["in_parte"] * 2})
    sentence = visible(app.artifacts_sentence(frame))
    assert sentence.startswith("Delle 6 tabelle, tavole e figure del rapporto pubblicato 3 sono ricostruite")
    assert "1 è ridisegnata dai dati" in sentence and "2 sono ricostruibili solo in parte" in sentence


def test_artifacts_table_links_every_published_item_to_its_label():
    from quartieri_erp.inputs.catalogue import read_input

    artifacts = read_input("published_artifacts", PROGRAMME)
    table = app.artifacts_table(artifacts, load_labels(REFERENCE))
    assert len(table) == len(artifacts) == 30
    assert table["In questa edizione"].str.fullmatch(r"@(tbl|tav|fig)-[a-z0-9-]+").all()
    assert table.loc[0, "Rapporto pubblicato"].startswith("**Figura 1.1**")
    known = app.artifacts_table(artifacts, load_labels(REFERENCE), known={"fig-politiche-tappe"})
    assert known["In questa edizione"].tolist()[:2] == ["@fig-politiche-tappe", "–"]


def test_the_concordance_covers_the_sections_of_the_index_with_their_pages():
    from quartieri_erp.inputs.curated.documentation import REPORT_SECTIONS
    from quartieri_erp.inputs.tables import read_table

    sections = read_table(REPORT_SECTIONS, PROGRAMME)
    table = app.sections_table(sections)
    assert len(table) == len(sections) == 30  # the INDICE of the report: 2 unnumbered parts, 28 sections
    first = table.iloc[0]
    assert (first["Rapporto pubblicato"], visible(first["Pagina"]), first["In questa edizione"]) == (
        "Executive summary",
        "5",
        "@sec-sintesi",
    )
    row = table[table["Rapporto pubblicato"].str.startswith("**4.1.1**")].iloc[0]
    assert visible(row["Pagina"]) == "47" and row["In questa edizione"] == "@sec-casi-lorenteggio"
    assert 'data-kind="published"' in row["Pagina"]
    # a label that no notebook defines is not referenced (it would fail the build)
    assert app.sections_table(sections, known=set())["In questa edizione"].eq("–").all()


def test_notebook_labels_reads_heading_ids_and_cell_labels(tmp_path):
    import json

    notebook = {
        "cells": [
            {"cell_type": "markdown", "source": ["## Titolo {#sec-uno .unnumbered}\n"]},
            {"cell_type": "code", "source": ["#| label: tbl-due\n", "show_table(x)"]},
            {"cell_type": "code", "source": ['md(heading(sections, "1.1", "sec-tre", 2))']},
        ]
    }
    path = tmp_path / "x.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    assert app.notebook_labels([path]) == {"sec-uno", "tbl-due", "sec-tre"}


def test_every_concordance_label_exists_in_the_notebooks():
    from quartieri_erp.inputs.catalogue import read_input
    from quartieri_erp.inputs.curated.documentation import REPORT_SECTIONS
    from quartieri_erp.inputs.tables import read_table

    known = app.notebook_labels(sorted((ROOT / "notebooks").glob("*.ipynb")))
    artifacts = read_input("published_artifacts", PROGRAMME)
    sections = read_table(REPORT_SECTIONS, PROGRAMME)
    missing = sorted((set(artifacts["label"]) | set(sections["label"].dropna())) - known)
    assert not missing, f"published_artifacts.csv points to labels no notebook defines: {missing}"


def test_the_source_line_of_the_appendices_escapes_the_citations():
    documents = pd.DataFrame({"doc_id": ["000"], "citation": ['Rapporto ![immagine](x.png) <b onclick="a()">']})
    note = app.source_note(["000 § 1"], documents)
    assert note.startswith("Fonte: elaborazione su Rapporto \\!\\[immagine\\](x.png) \\<b onclick")


def test_the_notes_on_the_rebuilt_items_are_a_list_for_the_html():
    frame = pd.DataFrame({"kind": ["figura", "tabella"], "number": ["1.1", None], "note": ["Immagine <persa>", None]})
    notes = app.artifact_notes(frame, {"artifact_kind": {"figura": "Figura", "tabella": "Tabella"}})
    assert notes == "- **Figura 1.1**: Immagine \\<persa\\>"
    from quartieri_erp.inputs.catalogue import read_input

    table = app.artifacts_table(read_input("published_artifacts", PROGRAMME), load_labels(REFERENCE), notes=False)
    assert set(table["Ricostruzione"]) <= {"Ricostruita", "Ridisegnata dai dati", "Ricostruita in parte"}


def test_the_printed_discrepancies_keep_every_id_topic_and_choice():
    discrepancies = read_input("discrepancies", PROGRAMME)
    table = app.discrepancies_compact(discrepancies)
    assert list(table.columns) == ["Discordanza", "Scelta fatta nei dati"] and len(table) == len(discrepancies)
    assert all(table["Discordanza"].str.startswith("**D"))
    assert "Motivo" not in " ".join(table["Scelta fatta nei dati"])


def test_the_printed_glossary_has_every_acronym_once_in_two_columns_read_downwards():
    glossary = read_input("glossary", PROGRAMME)
    table = app.glossary_compact(glossary)
    cells = [c for c in [*table.iloc[:, 0], *table.iloc[:, 1]] if c]
    assert len(table) == (len(glossary) + 1) // 2 and len(cells) == len(glossary)
    acronyms = [re.match(r"\*\*(.+?)\*\*", c).group(1).replace("\\", "") for c in cells]
    assert acronyms == app.glossary_table(glossary)["Sigla"].tolist()
