"""Chapter 4 (case studies): card tables, key numbers, budgets by fund and sentences built from the curated data.

Expectations are computed by hand from the published cards (report 000, Tavole 4.1-4.10); edited copies of
the data check that a changed value reaches the tables and the sentences.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from project_chapter import chapter
from quartieri_erp.chapters import cases
from quartieri_erp.chapters.labels import load_labels
from quartieri_erp.chapters.wording import discrepancy_cite
from quartieri_erp.inputs.catalogue import read_input
from quartieri_erp.presentation.formatting import fmt_int
from quartieri_erp.presentation.markup import visible

ROOT = Path(__file__).resolve().parents[2]
PROGRAMME = ROOT / "data" / "programme"
REFERENCE = ROOT / "data" / "reference"


@pytest.fixture(scope="module")
def data() -> cases.CaseData:
    return cases.CaseData.load(chapter())


@pytest.fixture(scope="module")
def labels() -> dict:
    return load_labels(REFERENCE, cases.LABELLED_HERE)


@pytest.fixture()
def copied(tmp_path) -> tuple[Path, Path]:
    programme, reference = tmp_path / "programme", tmp_path / "reference"
    shutil.copytree(PROGRAMME, programme)
    shutil.copytree(REFERENCE, reference)
    return programme, reference


def edit_csv(path: Path, match: dict[str, str], column: str, value: str) -> None:
    """Set ``column`` to ``value`` in the one row whose cells equal ``match``."""
    with open(path, encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    hits = [row for row in rows if all(row[header.index(k)] == v for k, v in match.items())]
    assert len(hits) == 1, match
    hits[0][header.index(column)] = value
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, *rows])


def as_dict(table: pd.DataFrame) -> dict[str, str]:
    return dict(zip(map(visible, table["Voce"]), map(visible, table["Contenuto"])))


# ---------------------------------------------------------------- formats


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (1_000_000.0, "eur", "1.000.000,00\u00a0€"),
        (7.5, "percent", "7,5%"),
        (36.0, "percent", "36%"),
        (18.0, "hours", "18 ore"),
        (1.0, "hours", "1 ora"),
        (1.0, "months", "1 mese"),
        (24.0, "months", "24 mesi"),
        (2.0, "years", "2 anni"),
        (273_659.53, "sqm", "273.659,53 mq"),
        (6_570.0, "sqm", "6.570 mq"),
        (0.3333, "ratio", "1/3"),
        (3_739.0, "count", "3.739"),
    ],
)
def test_values_are_shown_in_italian_with_their_unit(value, unit, shown):
    assert cases.format_value(value, unit) == shown


def test_lists_actions_and_dates_are_written_readably():
    assert cases.join_items(["Primo", "KCity S.r.l.", "terzo;"]) == "Primo; KCity S.r.l.; terzo."
    assert cases.join_items([]) == ""
    assert cases.actions_text("9.4.2;9.1.3") == "POR FSE, Azioni 9.4.2 e 9.1.3"
    assert cases.actions_text("9.1.3;V.3.c.1.1") == "POR FSE, Azione 9.1.3; POR FESR, Azione V.3.c.1.1"


def test_repeated_group_values_are_shown_once():
    assert cases.blank_repeats(["A", "A", "B", "A"]) == ["A", "", "B", "A"]


# ---------------------------------------------------------------- one card


def test_status_joins_status_dates_duration_ranking_and_steps(data, labels):
    assert (
        visible(cases.status_text(data, "4.1", labels))
        == "In corso: attivo dal 21 giugno 2019; durata prevista di 36 mesi."
    )
    assert visible(cases.status_text(data, "4.2", labels)) == (
        "In corso: avviato a gennaio 2020; conclusione prevista a settembre 2021; durata prevista di 24 mesi."
    )
    assert visible(cases.status_text(data, "4.10", labels)) == (
        "In corso: conclusione prevista ad aprile 2021. Esito dell'avviso: scorrimento della graduatoria."
    )
    assert cases.status_text(data, "4.7", labels) == (
        "Attività concluse, rendicontazione in corso. Esito dell'avviso: prima graduatoria."
    )
    bollate = visible(cases.status_text(data, "4.4", labels))
    assert bollate.startswith("Non ancora avviato: avvio previsto a marzo 2021. Tappe: 14 agosto 2020, pubblicato")
    assert bollate.index("30 ottobre 2020") < bollate.index("30 novembre 2020, approvati")
    assert cases.status_text(data, "4.8", labels) == ""  # the Punti Luna box has no status


def test_budget_is_the_printed_one_or_the_sum_of_the_fund_shares(data):
    assert cases.card_budget(data, "4.2") == 1_000_000
    assert cases.card_budget(data, "4.5") == pytest.approx(149_974.67 + 149_625.00)
    assert cases.card_budget(data, "4.8") is None
    assert visible(cases.budget_text(data, "4.1")) == "768.608,42\u00a0€ (Dotazione IVA inclusa: 937.702,27\u00a0€)"
    assert visible(cases.budget_text(data, "4.5")).endswith("(totale calcolato: 299.599,67\u00a0€)")


def test_a_card_is_rebuilt_field_by_field(data, labels):
    table = cases.card_table(data, "4.1", labels)
    assert list(table["Voce"]) == [
        "Partenariato",
        "Obiettivi",
        "Localizzazione e area di intervento",
        "Principali azioni",
        "Azioni del Programma",
        "Stato di avanzamento",
        "Dotazione economica",
        "Principali destinatari",
    ]
    card = as_dict(table)
    assert card["Partenariato"].startswith("Spazio Aperto Servizi (capogruppo); KCity S.r.l.; ")
    assert card["Principali azioni"].count("; ") == 4  # five actions
    assert card["Azioni del Programma"] == "POR FSE, Azione 9.4.2"
    assert table["source"].str.startswith("000").all()


def test_a_card_without_location_falls_back_to_its_neighbourhood(data, labels, copied):
    programme, reference = copied
    path = programme / "case_study_items.csv"
    with open(path, encoding="utf-8") as handle:
        kept = [line for line in handle if not line.startswith("4.10,location,")]
    path.write_text("".join(kept), encoding="utf-8")
    card = as_dict(cases.card_table(cases.CaseData.load(chapter(programme_dir=programme)), "4.10", labels))
    assert card["Localizzazione e area di intervento"] == "Grumello al Piano, Bergamo."


def test_the_box_shows_its_lists_target_and_numbers(data, labels):
    box = as_dict(cases.card_table(data, "4.8", labels, with_numbers=True))
    assert "Stato di avanzamento" not in box and "Dotazione economica" not in box
    assert box["Punti Luna maturati, al 30 novembre 2020"] == "17.891"
    assert box["Valore di un Punto Luna"] == "1,00\u00a0€"


def test_key_numbers_leave_out_the_budget_and_follow_kind_order(data, labels):
    table = cases.key_numbers(data, "4.2", labels)
    assert not table["Voce"].str.contains("Quota per").any()  # budget_* rows live in the card
    kinds = [k for k in table["Tipo"] if k]
    assert kinds == ["Regole e parametri", "Risultati raggiunti"]
    assert visible(table.loc[table["Voce"] == "Iscrizioni raccolte", "Valore"].item()) == "69"
    assert (
        visible(table.loc[table["Voce"] == "Importo massimo per percorso individuale", "Valore"].item())
        == "3.000,00\u00a0€"
    )


def test_a_month_reference_date_is_added_to_a_label_that_lacks_it(data, labels):
    voci = [visible(v) for v in cases.key_numbers(data, "4.3", labels)["Voce"]]
    assert "Imprese a impatto sociale ammesse nella prima finestra (novembre 2020)" in voci


def test_compare_numbers_puts_cards_side_by_side(data, labels):
    table = cases.compare_numbers(data, {"4.4": "Avviso", "4.5": "Groane", "4.6": "Cultura"}, labels)
    rows = table.set_index("Voce")
    assert [visible(v) for v in rows.loc["Durata del tirocinio formativo", ["Avviso", "Groane", "Cultura"]]] == [
        "6 mesi",
        "–",
        "6 mesi",
    ]
    assert visible(rows.loc["Beneficiari della formazione", "Cultura"]) == "10"
    assert not table["Voce"].str.startswith("FSE").any()
    assert table["Voce"].is_unique


# ---------------------------------------------------------------- across cards


def test_overview_lists_the_cards_but_not_the_box(data, labels):
    table = cases.overview_table(data, labels)
    assert len(table) == len(data.cards) - 1
    assert "Punti Luna" not in set(table["Intervento"])
    row = table.set_index("Intervento").loc["Cultura in bolla"]
    assert visible(row["Dotazione"]) == "299.599,67\u00a0€"
    assert 'data-kind="derived"' in row["Dotazione"]  # the sum of the two printed shares (FSE, FESR)
    assert row["Territorio"] == "Area ERP Turati-Verdi (Bollate)"


def test_budget_by_fund_uses_shares_or_the_fund_of_the_actions(data):
    funds = cases.budget_by_fund(data, exclude=["4.4"])
    assert "Rigenerare le competenze" not in set(funds["Intervento"])
    groane = funds[funds["Intervento"] == "Le Groane in Tavola"].set_index("Fondo")["Dotazione"]
    assert groane.to_dict() == {"FSE": 149_974.67, "FESR": 149_625.00}
    assert funds.set_index("Intervento").loc["Avviso FESR imprese sociali Lorenteggio", "Fondo"] == "FESR"
    assert funds["Dotazione"].sum() == pytest.approx(
        768_608.42 + 1_000_000 + 1_200_000 + 2 * 299_599.67 + 251_983.20 + 241_679.72 + 251_989.04
    )


def test_a_card_mixing_funds_without_shares_is_an_error(copied):
    programme, _ = copied
    edit_csv(programme / "case_studies.csv", {"card_id": "4.2"}, "actions", "9.1.3;V.3.c.1.1")
    with pytest.raises(ValueError, match="4.2"):
        cases.budget_by_fund(cases.CaseData.load(chapter(programme_dir=programme)))


def test_items_and_lessons_are_grouped_by_card(data, labels):
    covid = cases.items_by_card(data, "covid_effect")
    assert list(covid["Intervento"]) == [
        "MILOLAB",
        "PROLORENTEGGIO",
        "Rigenerare le competenze",
        "Lunattiva",
        "PASS",
        "G.E.S.T.I. Sociali",
    ]
    lessons = cases.lessons_table(data, ["success_factor", "difficulty"], labels)
    lunattiva = lessons.index[lessons["Intervento"] == "Lunattiva"][0]
    assert lessons.loc[lunattiva + 1, "Intervento"] == ""  # shown once per card
    assert list(lessons.loc[lunattiva : lunattiva + 1, "Aspetto"]) == ["Fattori di successo", "Criticità"]


def test_metric_frame_keeps_the_requested_order_and_names_missing_metrics(data):
    frame = cases.metric_frame(data, "4.7", ["active_users", "indirect_beneficiaries"])
    assert list(frame["Valore"]) == [104, 3500]
    with pytest.raises(KeyError, match="no_such_metric"):
        cases.metric_frame(data, "4.7", ["no_such_metric"])


def test_discrepancies_of_the_cases_and_their_references():
    discrepancies = read_input("discrepancies", PROGRAMME)
    ids = cases.discrepancy_ids(discrepancies)
    assert {"D18", "D21", "D28", "D29", "D44"} <= set(ids)
    assert "D37" not in ids  # about projects.csv only
    # cited as readers cite them: the appendix (a cross-reference, 'Appendice D') and the entry, never a file
    assert discrepancy_cite(discrepancies, "D18", "D19") == "@sec-provenienza, D18 e D19"
    assert discrepancy_cite(discrepancies, "D21") == "@sec-provenienza, D21"
    with pytest.raises(KeyError):
        discrepancy_cite(discrepancies, "D999")


# ---------------------------------------------------------------- sentences


def test_sum_check_says_how_parts_compare_with_the_total():
    assert cases.sum_check(69, [30, 9, 24]) == "sommano a 63, 6 in meno del totale di 69"
    assert cases.sum_check(322, [240, 82]) == "sommano a 322, pari al totale"
    assert cases.sum_check(10, [8, 4]) == "sommano a 12, 2 in più del totale di 10"


def test_a_gap_note_only_when_the_parts_miss_their_total():
    assert cases.parts_gap_note(322, [240, 82]) == ""
    assert cases.parts_gap_note(322, [240, 80]) == " (le due voci sommano a 320, 2 in meno del totale di 322)"


@given(st.integers(0, 10_000), st.lists(st.integers(0, 1_000), min_size=1, max_size=5))
def test_sum_check_always_states_the_sum_and_the_gap(total, parts):
    sentence = cases.sum_check(total, parts)
    assert sentence.startswith(f"sommano a {fmt_int(sum(parts))}")
    gap = total - sum(parts)
    assert ("pari al totale" in sentence) == (gap == 0)
    if gap:
        assert f"{fmt_int(abs(gap))} {'in meno' if gap > 0 else 'in più'}" in sentence


def test_share_and_cap_checks_word_the_comparison():
    assert cases.share_check(557, 1740, 30) == "pari al 32%, più del 30% indicato"
    assert cases.share_check(388, 671, 58) == "pari al 58%, come indicato"
    assert cases.share_check(20, 100, 25) == "pari al 20%, meno del 25% indicato"
    assert cases.share_check(8, 100, 80) == "pari all'8%, meno dell'80% indicato"
    assert cases.share_check(11, 100, 11) == "pari all'11%, come indicato"
    assert cases.cap_check(299_949.34, 300_000) == "entro il tetto di 300.000,00\u00a0€"
    assert cases.cap_check(300_010, 300_000) == "oltre il tetto di 300.000,00\u00a0€ per 10,00\u00a0€"
    assert cases.agreement([(1, 2), (1, 2)]) == "coincidono"
    assert cases.agreement([(1, 2), (1, 3)]) == "non coincidono"


def test_status_summary_groups_cards_by_ranking_and_status(data, labels):
    assert cases.status_summary(data, ["4.7", "4.9", "4.10"], labels) == (
        "Lunattiva (Mantova) e PASS (Giussano): prima graduatoria, attività concluse, rendicontazione in corso; "
        "G.E.S.T.I. Sociali (Bergamo): scorrimento della graduatoria, in corso"
    )


# ---------------------------------------------------------------- edited copies of the data


def test_an_edited_result_changes_the_table_and_the_sentence(copied, labels):
    programme, _ = copied
    edit_csv(programme / "case_study_results.csv", {"card_id": "4.2", "metric": "signups"}, "value", "63")
    data = cases.CaseData.load(chapter(programme_dir=programme))
    table = cases.key_numbers(data, "4.2", labels)
    assert visible(table.loc[table["Voce"] == "Iscrizioni raccolte", "Valore"].item()) == "63"
    parts = [data.value("4.2", m) for m in ("eligible", "being_checked", "ineligible")]
    assert visible(cases.sum_check(data.value("4.2", "signups"), parts)) == "sommano a 63, pari al totale"


def test_an_edited_card_changes_its_status_and_the_overview(copied, labels):
    programme, _ = copied
    edit_csv(programme / "case_studies.csv", {"card_id": "4.10"}, "status", "concluso")
    edit_csv(programme / "projects.csv", {"project_id": "P17"}, "budget_eur", "250000.00")
    data = cases.CaseData.load(chapter(programme_dir=programme))
    assert visible(cases.status_text(data, "4.10", labels)).startswith("Attività concluse, rendicontazione in corso:")
    row = cases.overview_table(data, labels).set_index("Intervento").loc["G.E.S.T.I. Sociali"]
    assert (row["Stato"], visible(row["Dotazione"])) == (
        "Attività concluse, rendicontazione in corso",
        "250.000,00\u00a0€",
    )


def test_a_reference_date_on_the_first_of_the_month_is_an_ordinal(copied, labels):
    programme, _ = copied
    edit_csv(
        programme / "case_study_results.csv",
        {"card_id": "4.8", "metric": "points_earned"},
        "reference_date",
        "2020-08-01",
    )
    box = as_dict(
        cases.card_table(cases.CaseData.load(chapter(programme_dir=programme)), "4.8", labels, with_numbers=True)
    )
    assert box["Punti Luna maturati, al 1º agosto 2020"] == "17.891"


# ---------------------------------------------------------------- provenance, tense, attribution (issues 12, 14, 16)


def test_values_carry_their_kind_from_the_source_cell(data):
    people = data.value("4.1", "people_welcomed")  # '000 § 4.1.1, l. 886': the report only
    assert people.source.kind == "published" and people.source.ref == "Rapporto 2021, § 4.1.1 (p. 47)"
    per_person = data.value("4.1", "accesses") / people  # two published values: derived
    assert per_person.source.kind == "derived"
    lunattiva = data.number("4.7", "budget_eur")  # the budget of a linked card comes from projects.csv (000)
    assert lunattiva.source.kind == "published" and float(lunattiva) == 251_983.20
    assert data.count(data.cards).source.kind == "derived" and data.count(data.cards) == 10
    shown = cases.format_value(data.value("4.9", "allowance_share_to_arrears"), "ratio")
    assert visible(shown) == "1/3" and 'data-kind="published"' in shown


def test_a_value_citing_another_document_is_curated(copied):
    programme, _ = copied
    edit_csv(
        programme / "case_study_results.csv", {"card_id": "4.1", "metric": "accesses"}, "source", "001 slide 4, l. 12"
    )
    data = cases.CaseData.load(chapter(programme_dir=programme))
    accesses = data.value("4.1", "accesses")
    assert accesses.source.kind == "curated" and "l. 12" not in accesses.source.ref
    assert (accesses / data.value("4.1", "people_welcomed")).source.kind == "curated"


def test_no_line_number_reaches_the_reader(data, labels):
    for card_id in data.card_ids():
        for _, row in cases.key_numbers(data, card_id, labels).iterrows():
            assert "l. " not in row["Valore"]
        for cell in cases.card_table(data, card_id, labels, with_numbers=True)["Contenuto"]:
            assert not any(f"l. {n}" in cell for n in range(10)), cell


def test_a_band_of_two_results_is_one_row(data, labels):
    table = cases.key_numbers(data, "4.7", labels)
    band = table[table["Voce"] == "Fascia d'età prevalente degli utenti attivi"]
    assert len(band) == 1 and visible(band["Valore"].item()) == "30-50 anni"
    assert not table["Voce"].str.startswith("Età iniziale").any()


def test_status_tense_follows_the_cut_off(data, labels):
    # at the date of the report: plans are plans
    assert visible(cases.status_text(data, "4.4", labels, as_of="2020-11-30")).startswith(
        "Non ancora avviato: avvio previsto a marzo 2021."
    )
    # two years later: the planned start is past and nothing records it, so it was a plan then
    later = visible(cases.status_text(data, "4.4", labels, as_of="2022-11-30"))
    assert later.startswith("Non ancora avviato al 30 novembre 2020: avvio allora previsto a marzo 2021.")
    later = visible(cases.status_text(data, "4.2", labels, as_of="2022-11-30"))
    assert "conclusione allora prevista a settembre 2021" in later and "In corso al 30 novembre 2020" in later
    assert cases.start_verb(data, "4.4", "2020-11-30") == "sono previste"
    assert cases.start_verb(data, "4.4", "2022-11-30") == "erano previste"
    assert cases.start_verb(data, "4.2", "2022-11-30") == "sono partite"  # an actual start stays a fact


def test_seen_from_is_present_at_the_date_of_the_facts_and_past_afterwards():
    assert cases.seen_from("2020-11-30", "2020-11-30", now="non hanno", then="non avevano") == "non hanno"
    assert cases.seen_from("2020-11-30", "2020-11-29", now="non hanno", then="non avevano") == "non hanno"
    assert cases.seen_from("2020-11-30", "2020-12-01", now="non hanno", then="non avevano") == "non avevano"


def test_interviews_are_attributed_as_the_report_does(data):
    note = cases.interview_note(data, "4.9")
    assert note.startswith("^[") and note.endswith("(rapporto pubblicato, § 4.2.2, p. 61, nota 59).]")  # a footnote
    assert "Francesca Tidori" in note
    assert cases.interview_note(data, "4.1") == ""  # the report names no one for MILOLAB
    assert {c for c in data.card_ids() if cases.interview_note(data, c)} == {"4.4", "4.7", "4.9", "4.10"}


PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "# heading",
    "[x](javascript:alert(1))",
    "$x$",
    "@fig-x",
    "`x`{=typst}",
    "a" * 120,
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_data_text_of_the_cards_is_escaped(copied, labels, payload):
    programme, _ = copied
    edit_csv(programme / "case_studies.csv", {"card_id": "4.10"}, "target", payload)
    edit_csv(
        programme / "case_study_items.csv", {"card_id": "4.10", "field": "partner", "position": "1"}, "text", payload
    )
    data = cases.CaseData.load(chapter(programme_dir=programme))
    card = as_dict(cases.card_table(data, "4.10", labels))
    for shown in (card["Principali destinatari"], card["Partenariato"]):
        assert "<img" not in shown.replace("\\<img", "")
        assert "](javascript" not in shown.replace("\\](javascript", "")
        assert not shown.startswith("#") and "{=typst}" not in shown.replace("\\{=typst\\}", "")
        assert "@fig" not in shown.replace("\\@fig", "") and "$x$" not in shown.replace("\\$x\\$", "")


# ---------------------------------------------------------------- the chapter keeps the original's structure


def _chapter_cells() -> list[dict]:
    import json

    return json.loads((ROOT / "notebooks" / "04_casi_studio.ipynb").read_text(encoding="utf-8"))["cells"]


def test_the_chapter_has_the_sections_of_the_published_index_in_order():
    import re

    from quartieri_erp.inputs.curated.documentation import REPORT_SECTIONS
    from quartieri_erp.inputs.tables import read_table

    index = read_table(REPORT_SECTIONS, PROGRAMME)
    published = [(s, t) for s, t in zip(index["section"], index["title"]) if isinstance(s, str) and s.startswith("4")]
    levels = {1: 1, 2: 2, 3: 3}
    headings = []
    for cell in _chapter_cells():
        for hashes, title in re.findall(r"^(#{1,3}) (.+?) \{\{?#sec-[^}]*\}", "".join(cell["source"]), flags=re.M):
            headings.append((levels[len(hashes)], title.strip()))
    numbered, counts = [], [0, 0, 0]
    for level, title in headings:  # number them as the renderer does
        if level == 1:
            numbered.append(("4", title))
            continue
        counts[level - 1] += 1
        counts[level:] = [0] * (3 - level)
        numbered.append((".".join(["4", *map(str, counts[1:level])]), title))
    assert numbered[: len(published)] == published
    additions = numbered[len(published) :]
    assert additions and all("aggiunta di questa edizione" in t for _, t in additions)  # no new 4.3


def test_the_cards_are_tavole_four_one_to_four_ten_and_lunattiva_is_figure_four_one():
    import re

    labels = [
        m
        for cell in _chapter_cells()
        for m in re.findall(r"^#\| label: ((?:tbl|tav|fig)-[\w-]+)", "".join(cell["source"]), flags=re.M)
    ]
    tables = [label for label in labels if not label.startswith("fig-")]
    assert tables[:10] == [
        "tav-milolab",
        "tav-prolorenteggio",
        "tav-fesr-lorenteggio",
        "tav-bollate-avviso",
        "tav-groane",
        "tav-cultura",
        "tav-lunattiva",
        "tav-punti-luna",
        "tav-pass",
        "tav-gesti",
    ]
    assert not any(label.startswith("tav-") for label in tables[10:])  # additions are Tabelle 4.1, 4.2 …
    assert [label for label in labels if label.startswith("fig-")][0] == "fig-lunattiva-utenti"
    from quartieri_erp.inputs.catalogue import read_input

    artifacts = read_input("published_artifacts", PROGRAMME)
    tavole = artifacts[(artifacts["kind"] == "tavola") & artifacts["number"].str.startswith("4.", na=False)]
    assert [f"4.{i}" for i in range(1, 11)] == list(tavole["number"])
    assert list(tavole["label"]) == tables[:10]  # same number here as in the original


def test_the_source_line_cites_the_places_of_the_report_with_their_page(data, labels):
    from quartieri_erp.inputs.catalogue import read_input

    documents = read_input("documents", PROGRAMME)
    note = cases.source_note(data, cases.card_table(data, "4.1", labels)["source"], documents)
    assert note == (
        "Fonte: Regione Lombardia, Rapporto tematico di valutazione sui quartieri ERP, Tavola 4.1; "
        "§ 4.1.1, p. 47; Tabella 2.1."
    )  # the report only: its places, no line numbers
    many = cases.source_note(data, data.items["source"], documents)
    assert many.endswith(", capitolo 4.")
    mixed = cases.source_note(data, ["000 Tavola 4.1, l. 3", "001 slide 2"], documents)
    assert mixed.startswith("Fonte: elaborazione su Regione Lombardia") and mixed.endswith("(Tavola 4.1).")


def test_a_minimum_reads_as_more_than_its_value(labels):
    box = as_dict(cases.card_table(cases.CaseData.load(chapter()), "4.8", labels, with_numbers=True))
    [hours] = [value for label, value in box.items() if label.startswith("Ore di coinvolgimento attivo")]
    assert hours == "oltre 3.500 ore"
    assert not any("soglia minima" in label for label in box)
