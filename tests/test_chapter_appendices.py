"""Appendices A2, A4, A5 and A6: tables built from the schemas and the curated files, and the per-project
annex with its disclosure control. Small monitoring folders are written by hand and counted by hand."""

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
from quartieri_erp.disclosure import suppression_mask
from quartieri_erp.tables import markdown_table
from quartieri_erp.markup import visible
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
    assert re.findall(r"^### \[`([^`]+)`\]\{\.csv\} \{#(sec-dizionario-[a-z-]+)\}$", text, flags=re.M) == [
        (t.file, f"sec-dizionario-{folder}-{t.name.replace('_', '-')}") for t in specs]
    html = re.findall(r'^::: \{\.content-visible when-format="html"\}\n(.*?)^:::$', text, flags=re.M | re.S)
    pdf = re.findall(r'^::: \{\.content-hidden when-format="html"\}\n(.*?)^:::$', text, flags=re.M | re.S)
    assert len(html) == len(specs) and len(pdf) == 1  # each file in the HTML, one compact table in the PDF
    rows = [line for block in html for line in block.splitlines() if line.startswith("| `")]
    assert len(rows) == len(data_dictionary(specs))
    files = [line for line in pdf[0].splitlines() if line.startswith("| [`")]
    assert len(files) == len(specs)
    listed = sum(line.split("**Colonne:**")[1].count(";") + 1 for line in files)  # every column, ';'-separated
    assert listed == len(data_dictionary(specs))


def test_the_pdf_lists_the_columns_in_one_paragraph_and_the_html_keeps_the_rules():
    spec = next(t for t in all_tables() if t.name == "enrolments")
    text = app.folder_sections([spec], "monitoring")
    line = app.columns_line(data_dictionary([spec]))
    assert line.startswith("`participant_id`\\* testo; `subproject`\\* testo;")
    assert line.endswith("`status` testo.")  # may be empty: no asterisk
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
        "Rapporto (documento 000), capitolo 4: schede")
    assert app.no_line_numbers("Affermazione verificabile (si veda indicators/published.py).") == (
        "Affermazione verificabile.")


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
    from quartieri_erp.render.pandoc import pandoc, template

    markdown = app.html_only("SOLO-WEB") + "\n\n" + app.pdf_only("SOLO-PDF") + "\n\nSEMPRE\n"
    out = pandoc(markdown, to, "--lua-filter", str(template("html.lua" if to == "html" else "typst.lua")))
    assert kept in out and "SEMPRE" in out and dropped not in out


def test_identifiers_and_file_names_become_code_and_existing_code_is_kept():
    text = "see education_levels.csv; codes nessun_titolo|licenza_media; a `source` cell; D01-D36 stay."
    assert app.code_identifiers(text) == (
        "see [`education_levels.csv`]{.csv}; codes `nessun_titolo`|\u200b`licenza_media`; a `source` cell; D01-D36 stay.")
    assert app.code_identifiers("(copy of shared/reference-data/x_y.csv)") == (
        "(copy of [`shared/`\u200b`reference-data/`\u200b`x_y.csv`]{.csv})")
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
    files = app.programme_files(all_tables(), PROGRAMME).set_index("file")
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
    discrepancies = load_discrepancies(PROGRAMME)
    table = app.discrepancies_table(discrepancies)
    assert len(table) == len(discrepancies) == 44
    assert [re.match(r"\*\*(D\d{2})\*\*", t).group(1) for t in table["Discordanza"]] == [
        f"D{i:02d}" for i in range(1, 45)]
    d02 = table.iloc[1]["Fonti, scelta e motivo"]
    assert "**Scelta:** Azione 9.1.3." in d02 and "**Motivo:** Refuso" in d02
    # the published report cited by section and page, the data by name: no line number, no file name
    assert d02.startswith("Il § 2.1 (p. 20) attribuisce")
    assert "**Dati:** dati puntuali (call\\_initial\\_budget\\_913\\_eur)" in d02
    for cell in table.to_numpy().ravel():
        assert not re.search(r"\.csv\b|\bll?\. \d", cell), cell


def test_reader_words_drop_line_numbers_and_name_the_data():
    assert app.reader_words("Il § 3.1 (l. 584-585) lega") == "Il § 3.1 lega"
    assert app.reader_words("000 Tavola 4.1, l. 892-914") == "000 Tavola 4.1"
    assert app.reader_words("case_studies.csv (4.1); procedures.csv") == (
        "schede dei casi di studio (4.1); procedure attivate")
    assert app.reader_words("new_things.csv") == "dati new things"


def test_discrepancies_are_cited_as_readers_cite_them():
    discrepancies = load_discrepancies(PROGRAMME)
    assert app.discrepancy_cite(discrepancies, "D29") == "@sec-provenienza, D29"
    assert app.discrepancy_cite(discrepancies, "D18", "D19") == "@sec-provenienza, D18 e D19"
    with pytest.raises(KeyError):
        app.discrepancy_cite(discrepancies, "D99")


def test_text_of_the_register_is_escaped():
    frame = pd.DataFrame({"discrepancy_id": ["D01"], "topic": ["<img src=x onerror=alert(1)>"],
                          "affects": ["x.csv"], "sources_say": ["# heading"], "chosen": ["[x](javascript:y)"],
                          "reason": ["$x$ @fig-x"], "source": ["000 § 1"]})
    row = app.discrepancies_table(frame).iloc[0]
    assert "\\<img" in row["Discordanza"] and "\\# heading" in row["Fonti, scelta e motivo"]
    assert "\\[x\\](javascript:y)" in row["Fonti, scelta e motivo"]
    assert "\\$x\\$ \\@fig-x" in row["Fonti, scelta e motivo"]


# --- A5 ------------------------------------------------------------------------------------------------

def test_glossary_in_alphabetical_order_ignoring_case():
    glossary = load_glossary(PROGRAMME)
    table = app.glossary_table(glossary)
    assert sorted(table["Sigla"]) == sorted(glossary["acronym"])
    assert list(table["Sigla"]) == sorted(glossary["acronym"], key=str.casefold)
    assert app.glossary_table(pd.DataFrame({"acronym": ["b", "AdG", "ABF"], "expansion": ["1", "2", "3"],
                                            "explanation": ["x", "y", "z"]}))["Sigla"].tolist() == ["ABF", "AdG", "b"]


# --- A6: a monitoring folder written by hand -----------------------------------------------------------

PROJECTS = [
    ("P1", "Comune di Milano", "Comune", "Milano", "015146", "MI", "prima", ""),
    ("P2", "Comune di Cremona", "Comune", "Cremona", "019036", "CR", "seconda", "100000.50"),
]


def write_folder(folder: Path, groups: list[tuple[str, int, str, int, str, bool, str | None]]) -> Path:
    """Monitoring files from groups (project, how many, sex, age, citizenship, in the lab, PIP status or None)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "edition.yml").write_text("synthetic: true\nextracted_on: 2020-11-30\n", encoding="utf-8")
    with open(folder / "projects.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["project_id", "lead_partner", "lead_type", "municipality", "istat_code", "province",
                         "ranking", "budget_eur"])
        writer.writerows(PROJECTS)
    people, enrolments, n = [], [], 0
    for project, count, sex, age, citizenship, lab, pip in groups:
        for _ in range(count):
            n += 1
            pid = f"X{n:04d}"
            people.append([pid, project, sex, age, citizenship, "diploma", "nessuna", "disoccupato", "MI"])
            if lab:
                enrolments.append([pid, "laboratorio_sociale", "2019-01-10", ""])
            if pip:
                enrolments.append([pid, "pip", "2019-06-10", pip])
    with open(folder / "participants.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["participant_id", "project_id", "sex", "age", "citizenship", "education", "disadvantage",
                         "employment_status", "province"])
        writer.writerows(people)
    with open(folder / "enrolments.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["participant_id", "subproject", "start_date", "status"])
        writer.writerows(enrolments)
    return folder


# P1: 20 women in the lab only, 3 men in a PIP only (concluded): 3 must not be readable, nor 20 (= 23 - 3).
# P2: 10 lab only, 10 PIP only, 2 in both; mixed sex and citizenship.
GROUPS = [
    ("P1", 20, "F", 40, "IT", True, None),
    ("P1", 3, "M", 30, "MA", False, "concluso"),
    ("P2", 10, "F", 50, "IT", True, None),
    ("P2", 6, "M", 20, "IT", False, "concluso"),
    ("P2", 4, "F", 60, "RO", False, "in_corso"),
    ("P2", 2, "M", 35, "IT", True, "rinuncia"),
]


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    return load_monitoring(write_folder(tmp_path_factory.mktemp("mon"), GROUPS), REFERENCE)


@pytest.fixture(scope="module")
def labels() -> app.AnnexLabels:
    return app.AnnexLabels.from_tables(load_labels(REFERENCE), load_discrepancies(PROGRAMME))


def test_counts_per_project_by_hand(small):
    counts = app.project_counts(small)
    assert list(counts.index) == ["P1", "P2"]
    assert counts.loc["P1"].to_dict() == {
        "participants": 23, "laboratorio_only": 20, "pip_only": 3, "both": 0, "laboratorio_sociale": 20, "pip": 3,
        "F": 20, "M": 3, "italiana": 20, "straniera": 3, "age_sum": 20 * 40 + 3 * 30,
        "concluso": 3, "in_corso": 0, "rinuncia": 0}
    assert counts.loc["P2"].to_dict() == {
        "participants": 22, "laboratorio_only": 10, "pip_only": 10, "both": 2, "laboratorio_sociale": 12, "pip": 12,
        "F": 14, "M": 8, "italiana": 18, "straniera": 4, "age_sum": 500 + 120 + 240 + 70,
        "concluso": 6, "in_corso": 4, "rinuncia": 2}


def test_a_project_with_three_pip_participants_shows_the_mark_and_its_lab_count_is_protected(small):
    shown = app.shown_indicators(app.project_counts(small), 5).loc["P1"]
    assert shown["participants"] == "23"
    # 3 in a PIP is below the threshold; 20 in the lab would give it away (23 - 20), so both are hidden.
    assert shown["pip"] == MARK and shown["laboratorio_sociale"] == MARK
    assert shown["concluso"] == MARK  # the PIP total is hidden, so is its split
    assert shown["women_share"] == MARK and shown["foreign_share"] == MARK  # 3 men, 3 foreigners
    assert shown["mean_age"] == "38,7"  # (800 + 90) / 23


def test_small_cells_and_their_complements_are_hidden_in_the_split_and_statuses(small):
    shown = app.shown_indicators(app.project_counts(small), 5).loc["P2"]
    # both = 2 is hidden; the split then hides the smallest other cell (lab only, 10), so lab = 12 and pip = 12
    # (each contains the hidden 2) are hidden too.
    assert (shown["both"], shown["laboratorio_sociale"], shown["pip"]) == (MARK, MARK, MARK)
    assert (shown["concluso"], shown["in_corso"], shown["rinuncia"]) == (MARK, MARK, MARK)
    # Women: P1's 20 is hidden (complement of its 3 men); the published total of women would then give it away
    # through P2's 14, so P2's sex split, and its share of women, are hidden too.
    assert shown["women_share"] == MARK
    assert shown["foreign_share"] == MARK  # 4 foreigners
    assert shown["mean_age"] == "42,3"  # 930 / 22


def test_protection_runs_along_columns_too():
    counts = pd.DataFrame({"a": [10, 10, 10], "b": [2, 10, 10]}, index=["x", "y", "z"])
    mask = app.protect(counts, 5)
    # x: 2 is small and 10 its complement; column a then has one hidden cell, so y's 10 goes, and y's b with it.
    assert mask.to_numpy().tolist() == [[True, True], [True, True], [False, False]]


def test_a_hidden_row_total_hides_the_whole_row():
    counts = pd.DataFrame({"a": [1, 30, 30], "b": [2, 30, 30], "c": [0, 30, 30]})
    hidden = pd.Series([False, True, True])
    assert app.protect(counts, 5, hidden).to_numpy().tolist() == [
        [True, True, False], [True, True, True], [True, True, True]]


@settings(deadline=None)
@given(st.lists(st.lists(st.integers(0, 12), min_size=3, max_size=3), min_size=1, max_size=8),
       st.integers(2, 6))
def test_no_row_or_column_ever_has_exactly_one_hidden_nonzero_cell(rows, threshold):
    counts = pd.DataFrame(rows, columns=["a", "b", "c"])
    mask = app.protect(counts, threshold).to_numpy()
    values = counts.to_numpy()
    assert (mask <= (values > 0)).all()  # zeros are never hidden
    assert ((values > 0) & (values < threshold) <= mask).all()  # small counts always are
    for axis in (0, 1):
        hidden = mask.sum(axis=axis)
        shown_nonzero = ((values > 0) & ~mask).sum(axis=axis)
        assert ((hidden != 1) | (shown_nonzero == 0)).all()


def _row_by_row_mask(counts: pd.DataFrame, threshold: int) -> pd.DataFrame:
    """The complementary suppression rule applied one row at a time (reference for the vectorised version)."""
    mask = (counts > 0) & (counts < threshold)
    for row in counts.index:
        if mask.loc[row].sum() == 1:
            candidates = counts.loc[row][(counts.loc[row] > 0) & ~mask.loc[row]]
            if not candidates.empty:
                mask.loc[row, candidates.idxmin()] = True
    return mask


@settings(deadline=None)
@given(st.lists(st.lists(st.integers(0, 30), min_size=4, max_size=4), min_size=0, max_size=10),
       st.integers(1, 10))
def test_vectorised_suppression_matches_the_row_by_row_rule(rows, threshold):
    counts = pd.DataFrame(rows, columns=list("abcd"), dtype="int64")
    pd.testing.assert_frame_equal(suppression_mask(counts, threshold), _row_by_row_mask(counts, threshold),
                                  check_dtype=False)


def test_facts_come_from_the_programme_file_when_id_and_lead_partner_agree():
    programme = load_projects(PROGRAMME)
    projects = pd.DataFrame({
        "project_id": ["P15", "P17", "P01"], "lead_partner": ["ALER Milano", "Comune di Bergamo", "Somebody else"],
        "lead_type": ["ALER", "Comune", "Comune"], "municipality": ["Milano", "Bergamo", "Milano"],
        "istat_code": ["015146", "016024", "015146"], "province": ["MI", "BG", "MI"],
        "ranking": ["prima", "seconda", "prima"], "budget_eur": [np.nan, np.nan, 5.0],
    })
    facts = app.project_facts(projects, programme).set_index("project_id")
    assert facts.loc["P15", "lead_partner_assumed"] and facts.loc["P15", "act"] == "decreto n. 7390 del 23/05/2018"
    assert facts.loc["P17", "budget_eur"] == 251989.04 and not facts.loc["P17", "lead_partner_assumed"]
    assert pd.isna(facts.loc["P01", "act"]) and facts.loc["P01", "budget_eur"] == 5.0  # another lead: no match


def test_a_card_from_the_template(small, labels):
    facts = app.project_facts(small.projects, load_projects(PROGRAMME)).assign(lead_partner_assumed=[True, False])
    shown = app.shown_indicators(app.project_counts(small), 5)
    text = app.project_sections(facts, shown, labels)
    p1, p2 = text.split("\n\n### ")
    assert p1.splitlines()[0] == "### P1 · Comune di Milano {#sec-progetto-p1}"
    assert "- **Capofila**: Comune, Milano (MI); capofila ipotizzato, non nominato nella fonte (discrepanza D05)." in p1
    assert "- **Partecipanti**: 23 (Laboratori Sociali <5 · PIP <5 · Sia Laboratori sia PIP 0)." in p1
    assert "- **Finanziamento**: Scorrimento della graduatoria; dotazione 100.000,50\u00a0€." in p2
    assert "età media 38,7 anni" in p1
    assert not re.search(r"\bX\d{4}\b", text)  # no participant id ever reaches the page


def test_a_project_without_participants_or_pip(tmp_path, labels):
    folder = write_folder(tmp_path / "m", [("P1", 6, "F", 40, "IT", True, None)])
    monitoring = load_monitoring(folder, REFERENCE)
    counts = app.project_counts(monitoring)
    assert counts.loc["P2"].sum() == 0
    shown = app.shown_indicators(counts, 5)
    facts = app.project_facts(monitoring.projects, load_projects(PROGRAMME))
    p1, p2 = app.project_sections(facts, shown, labels).split("\n\n### ")
    assert "- **Esito dei PIP**: nessun PIP avviato." in p1
    assert "donne 100,0% · stranieri 0,0% · età media 40,0 anni" in p1
    assert "- **Partecipanti**: nessuno registrato." in p2 and "Profilo" not in p2


def test_summary_links_lead_to_the_cards(small, labels):
    facts = app.project_facts(small.projects, load_projects(PROGRAMME))
    shown = app.shown_indicators(app.project_counts(small), 5)
    summary = app.summary_table(facts, shown, labels)
    anchors = re.findall(r"\{#(sec-progetto-[\w-]+)\}", app.project_sections(facts, shown, labels))
    assert [re.search(r"\(#([\w-]+)\)", link).group(1) for link in summary["Progetto"]] == anchors
    assert summary.iloc[0].tolist() == ["[P1](#sec-progetto-p1)", "Comune di Milano (MI)", "23", MARK, MARK]


def test_synthetic_edition_counts_add_up_to_the_published_totals():
    counts = app.project_counts(load_monitoring(SYNTHETIC, REFERENCE))
    assert len(counts) == 33
    totals = counts.sum()
    people = (totals["participants"], totals["laboratorio_sociale"], totals["pip"], totals["both"])
    assert people == (830, 485, 524, 179)  # data/synthetic/README.md
    assert (totals["concluso"], totals["in_corso"], totals["rinuncia"]) == (339, 181, 4)


def test_documents_show_the_year_as_written():
    documents = pd.DataFrame({"doc_id": ["000", "001"], "author": ["A", "B"], "title": ["T", "U"],
                              "year": pd.array([2021, None], dtype="Int64")})
    years = app.documents_table(documents)["Anno"]
    assert visible(years.iloc[0]) == "2021" and pd.isna(years.iloc[1])  # shown as '2021' and '–', never '2.021'
    assert "| [2021]{.num" in markdown_table(app.documents_table(documents))


def test_known_budgets_clause_follows_the_count():
    assert app.known_budgets_text(pd.Series([1.0, np.nan, 2.0, np.nan])) == (
        "la dotazione del singolo progetto è nota per 2 di essi")
    assert app.known_budgets_text(pd.Series([np.nan, np.nan])) == "la dotazione dei singoli progetti non è nota"
    assert app.known_budgets_text(pd.Series([1.0])) == "la dotazione è nota per tutti"


def test_artifacts_sentence_agrees_with_the_counts():
    frame = pd.DataFrame({"rebuilt": ["completa"] * 3 + ["dai_dati"] + ["in_parte"] * 2})
    sentence = visible(app.artifacts_sentence(frame))
    assert sentence.startswith("Delle 6 tabelle, tavole e figure del rapporto pubblicato 3 sono ricostruite")
    assert "1 è ridisegnata dai dati" in sentence and "2 sono ricostruibili solo in parte" in sentence


def test_artifacts_table_links_every_published_item_to_its_label():
    from quartieri_erp.curated import load_published_artifacts

    artifacts = load_published_artifacts(PROGRAMME)
    table = app.artifacts_table(artifacts, load_labels(REFERENCE))
    assert len(table) == len(artifacts) == 30
    assert table["In questa edizione"].str.fullmatch(r"@(tbl|tav|fig)-[a-z0-9-]+").all()
    assert table.loc[0, "Rapporto pubblicato"].startswith("**Figura 1.1**")
    known = app.artifacts_table(artifacts, load_labels(REFERENCE), known={"fig-politiche-tappe"})
    assert known["In questa edizione"].tolist()[:2] == ["@fig-politiche-tappe", "–"]


def test_the_concordance_covers_the_sections_of_the_index_with_their_pages():
    from quartieri_erp.curated.documentation import REPORT_SECTIONS
    from quartieri_erp.tables_io import read_table

    sections = read_table(REPORT_SECTIONS, PROGRAMME)
    table = app.sections_table(sections)
    assert len(table) == len(sections) == 30  # the INDICE of the report: 2 unnumbered parts, 28 sections
    first = table.iloc[0]
    assert (first["Rapporto pubblicato"], visible(first["Pagina"]), first["In questa edizione"]) == (
        "Executive summary", "5", "@sec-sintesi")
    row = table[table["Rapporto pubblicato"].str.startswith("**4.1.1**")].iloc[0]
    assert visible(row["Pagina"]) == "47" and row["In questa edizione"] == "@sec-casi-lorenteggio"
    assert 'data-kind="published"' in row["Pagina"]
    # a label that no notebook defines is not referenced (it would fail the build)
    assert app.sections_table(sections, known=set())["In questa edizione"].eq("–").all()


def test_notebook_labels_reads_heading_ids_and_cell_labels(tmp_path):
    import json

    notebook = {"cells": [{"cell_type": "markdown", "source": ["## Titolo {#sec-uno .unnumbered}\n"]},
                          {"cell_type": "code", "source": ["#| label: tbl-due\n", "show_table(x)"]}]}
    path = tmp_path / "x.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    assert app.notebook_labels([path]) == {"sec-uno", "tbl-due"}


def test_every_concordance_label_exists_in_the_notebooks():
    from quartieri_erp.curated import load_published_artifacts

    from quartieri_erp.curated.documentation import REPORT_SECTIONS
    from quartieri_erp.tables_io import read_table

    known = app.notebook_labels(sorted((ROOT / "notebooks").glob("*.ipynb")))
    artifacts = load_published_artifacts(PROGRAMME)
    sections = read_table(REPORT_SECTIONS, PROGRAMME)
    missing = sorted((set(artifacts["label"]) | set(sections["label"].dropna())) - known)
    assert not missing, f"published_artifacts.csv points to labels no notebook defines: {missing}"


def test_the_source_line_of_the_appendices_escapes_the_citations():
    documents = pd.DataFrame({"doc_id": ["000"], "citation": ["Rapporto ![immagine](x.png) <b onclick=\"a()\">"]})
    note = app.source_note(["000 § 1"], documents)
    assert note.startswith("Fonte: elaborazione su Rapporto \\!\\[immagine\\](x.png) \\<b onclick")
