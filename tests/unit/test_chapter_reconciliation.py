"""Appendix A3: which whole numbers give a printed share, the two readings of the sub-project counts, the rows
the report gets wrong as printed, sums of distributions, and the status of every published figure."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quartieri_erp.chapters import reconciliation as rc_module
from visible_text import Visible

rc = Visible(rc_module)  # text as readers see it
from quartieri_erp.chapters.labels import load_labels
from quartieri_erp.indicators.published_figures import reconcile
from quartieri_erp.indicators.shared import compute_set
from quartieri_erp.inputs.catalogue import read_input

ROOT = Path(__file__).resolve().parents[2]
PROGRAMME = ROOT / "data" / "programme"
REFERENCE = ROOT / "data" / "reference"
SYNTHETIC = ROOT / "data" / "synthetic"


@pytest.fixture(scope="module")
def published() -> pd.DataFrame:
    return read_input("published_indicators", PROGRAMME)


@pytest.fixture(scope="module")
def computed() -> pd.DataFrame:
    return compute_set(SYNTHETIC, REFERENCE, None).indicators


@pytest.fixture(scope="module")
def labels() -> dict:
    return load_labels(REFERENCE)


def edited(published: pd.DataFrame, indicator: str, group: str, category: str | None, value: float) -> pd.DataFrame:
    """A copy of ``published`` with the share of one row changed."""
    copy = published.copy()
    match = (copy["indicator"] == indicator) & (copy["group"] == group) & (copy["unit"] == "share")
    match &= copy["category"].isna() if category is None else (copy["category"] == category)
    assert match.sum() == 1
    copy.loc[match, "value"] = value
    copy.loc[match, "printed"] = None
    return copy


# --- counts_for_share -------------------------------------------------------------------------------------------


def test_counts_for_share_on_the_published_figures():
    assert rc.counts_for_share(0.631, 1, 830) == [524]
    assert rc.counts_for_share(0.345, 1, 485) == []
    assert rc.counts_for_share(0.345, 1, 524) == [181]
    assert rc.counts_for_share(0.29, 0, 830) == list(range(237, 245))
    assert rc.counts_for_share(0.12, 0, 8) == []  # 1/8 = 12,5% rounds half-up to 13%, never to 12%
    assert rc.counts_for_share(0.13, 0, 8) == [1]
    assert rc.counts_for_share(0.5, 0, 0) == []


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 3000), st.data(), st.integers(0, 2))
def test_every_count_is_found_from_its_own_printed_share(base, data, decimals):
    k = data.draw(st.integers(0, base))
    printed = (Decimal(100 * k) / Decimal(base)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    found = rc.counts_for_share(float(printed) / 100, decimals, base)
    assert k in found
    assert all(abs(Decimal(100 * j) / Decimal(base) - printed) <= Decimal("0.5").scaleb(-decimals) for j in found)


# --- The two readings --------------------------------------------------------------------------------------------


def test_the_printed_labels_fail_and_the_swapped_ones_hold(published):
    read = rc.readings(published).set_index("reading")
    printed, swapped = read.loc[rc.PRINTED], read.loc[rc.SWAPPED]
    assert (printed["laboratorio_sociale"], printed["pip"]) == (524, 485)
    assert not printed["pip_share_ok"] and printed["unreachable"] == ["in_corso"] and not printed["consistent"]
    assert swapped["status_counts"] == {"concluso": 339, "in_corso": 181, "rinuncia": 4} and swapped["consistent"]
    text = rc.reading_sentences(published)
    assert "la Tabella 3.1 attribuisce 524 destinatari ai Laboratori Sociali e 485 ai PIP" in text
    assert "485 darebbero 58,4%" in text and "339, 181 e 4 PIP su 524" in text
    assert "nessun numero intero su 485 dà 34,5%" in text and "lette scambiate" in text and "179 persone" in text


def test_when_the_printed_labels_are_consistent_nothing_is_swapped(published):
    # 485/830 = 58,4%; on 485 PIPs 64,7 / 34,4 / 0,8% are 314 + 167 + 4 = 485
    consistent = edited(edited(published, "pip_share", "totale", None, 0.584), "pip_status", "pip", "in_corso", 0.344)
    assert rc.readings(consistent).set_index("reading").loc[rc.PRINTED, "consistent"]
    assert rc.reading_sentences(consistent).endswith("coerenti con le altre cifre stampate sui PIP.")
    assert rc.reading_summary(consistent).startswith("Le cifre dei sub-progetti sono lette come stampate")
    assert rc.source_conflicts(consistent)["discrepancy"].tolist() == ["D09"]


def test_readings_table(published):
    table = rc.readings_table(published)
    assert table["Lettura"].tolist() == [
        "Etichette come stampate: Laboratori Sociali 524, PIP 485",
        "Etichette scambiate (lettura adottata): Laboratori Sociali 485, PIP 524",
    ]
    assert table["Quota di PIP sul totale"].tolist() == ["58,4% (non coincide)", "63,1% (coincide)"]
    assert table["Stato dei PIP ottenibile"].tolist() == ["no: nessun numero intero dà 34,5%", "sì: 339, 181 e 4 PIP"]
    assert rc.printed_pip_figures(published) == (
        "Cifre stampate: quota di destinatari con un PIP 63,1% su 830; PIP per stato 64,7%, 34,5% e 0,8%."
    )


# --- Rows the report gets wrong --------------------------------------------------------------------------------------


def test_source_conflicts_on_the_published_chapter(published):
    conflicts = rc.source_conflicts(published)
    keys = list(zip(conflicts["indicator"], conflicts["group"], conflicts["category"].fillna("-")))
    assert keys == [
        ("participants", "laboratorio_sociale", "-"),
        ("participants", "pip", "-"),
        ("pip_share", "totale", "-"),
        ("pip_status", "pip", "in_corso"),
        ("citizenship", "pip", "italiana"),
    ]
    assert conflicts["discrepancy"].tolist() == ["D07", "D07", "D07", "D08", "D09"]
    assert "sarebbero 485 su 830, cioè 58,4%, non 63,1%" in conflicts["explanation"].iloc[2]
    assert "67% nei PIP e 71% nel complesso" in conflicts["explanation"].iloc[4]


def test_a_text_statement_that_the_numbers_support_is_no_conflict(published):
    agrees = edited(published, "citizenship", "pip", "italiana", 0.75)  # above the 71% of all participants
    assert "D09" not in set(rc.source_conflicts(agrees)["discrepancy"])


def test_count_share_checks(published):
    checks = rc.count_share_checks(published)
    assert checks["explanation"].tolist() == ["244 su 830 è il 29,4%: coerente con il 29% stampato."]
    wrong = edited(published, "citizenship", "totale", "straniera", 0.31)
    assert rc.count_share_checks(wrong)["explanation"].iloc[0] == "244 su 830 è il 29,4%: diverso dal 31% stampato."
    eight = edited(published, "citizenship", "totale", "straniera", 0.08)
    assert rc.count_share_checks(eight)["explanation"].iloc[0] == "244 su 830 è il 29,4%: diverso dall'8% stampato."


@pytest.mark.parametrize(
    "claim, text",
    [
        ("above:0.08", "superiore all'8%"),
        ("below:0.5", "inferiore al 50%"),
        ("below:0.004", "inferiore allo 0,4%"),
        ("below:0.01", "inferiore all'1%"),
        ("gt:pip", "più alta che nei PIP"),
    ],
)
def test_claims_are_written_with_their_articulated_preposition(claim, text):
    assert rc._claim_text(claim) == text


def test_distribution_sums(published, labels):
    sums = rc.distribution_sums(published, labels["indicator"], labels["group"]).set_index("Distribuzione")
    education = sums.loc["Titolo di studio, Totale destinatari (5 quote)"]
    assert education["Somma"] == "99%: compatibile con gli arrotondamenti (±2,5 punti)"
    assert (education["total"], education["fits"]) == (99, True)
    age = sums.loc["Fascia d'età, Totale destinatari (4 quote)"]
    assert age["Quote lette dal testo o ricavate"] == "«un quarto» e «marginale»"
    assert sums.loc["PIP per stato di attuazione, PIP (3 quote)", "Somma"].startswith("100,0%: compatibile")
    assert list(rc.sums_table(sums.reset_index()).columns) == [
        "Distribuzione",
        "Somma",
        "Quote lette dal testo o ricavate",
    ]
    text = rc.sums_sentence(sums.reset_index())
    assert text == (
        "Non sommano a 100 le quote di titolo di studio, totale destinatari (99%) e condizione di "
        "svantaggio, totale destinatari (99%): lo scarto rientra in quello dovuto agli arrotondamenti."
    )
    off = edited(published, "education", "totale", "diploma", 0.10)  # sums to 89: beyond rounding
    sums_off = rc.distribution_sums(off, labels["indicator"], labels["group"])
    assert "per titolo di studio, totale destinatari lo scarto è maggiore" in rc.sums_sentence(sums_off)


# --- Status of every published figure ------------------------------------------------------------------------------


def rows_for(computed, published):
    return rc.compare_rows(
        reconcile(computed, published), computed, rc.source_conflicts(published), rc.count_share_checks(published)
    )


def test_every_published_figure_has_a_status_and_the_synthetic_edition_matches(computed, published, labels):
    rows = rows_for(computed, published)
    assert len(rows) == len(published)
    assert rc.status_counts(rows) == {"coincide": 60, "differisce": 0, "incoerente nella fonte": 5}
    assert rc.summary_sentence(rc.status_counts(rows)) == (
        "Sono messi a confronto 65 valori e affermazioni del capitolo pubblicato: 60 coincidono con il valore "
        "calcolato, nessuno differisce e 5 sono incoerenti nella fonte stessa."
    )
    table = rc.reconciliation_table(rows, labels).set_index("Voce (fonte)")
    assert list(table.columns) == ["Valori", "Esito e spiegazione"]
    assert (
        table.loc["Destinatari con PIP sul totale (Tabella 3.2)", "Valori"] == "Pubblicato: 63,1%. Calcolato: 63,13%."
    )
    assert (
        table.loc["Fascia d'età, Totale destinatari: 18-35 anni (Figura 3.1)", "Valori"]
        == "Pubblicato: «un quarto», letto come 25%. Calcolato: 24,8%."
    )
    assert (
        table.loc["Genere, PIP: Uomini (Figura 3.2)", "Valori"]
        == "Pubblicato: 36%; più alta che nei Laboratori Sociali. Calcolato: 36,1% contro 28,0% nei Laboratori Sociali."
    )
    verdict = table.loc["PIP per stato di attuazione, PIP: In corso (Figura 3.9)", "Esito e spiegazione"]
    assert verdict.startswith("**incoerente nella fonte**. Nessun numero intero di PIP su 485 dà 34,5%")
    assert "il valore calcolato coincide (discrepanza D08)" in verdict
    count = table.loc["Cittadinanza, Totale destinatari: Straniera (numero) (Figura 3.3)", "Esito e spiegazione"]
    assert count.endswith("244 su 830 è il 29,4%: coerente con il 29% stampato.")
    # what the report printed on each row, no line numbers, no internal reading names
    assert (
        table.loc["Destinatari, Laboratori Sociali (Tabella 3.1)", "Valori"]
        == "Pubblicato: 524 sulla riga stampata; letto come 485. Calcolato: 485."
    )
    assert not any(re.search(r"\bl\. \d|lettura H\d", text) for text in table.to_numpy().ravel())


def test_a_synthetic_edition_shows_claims_and_values_only_as_published(computed, published, labels):
    rows = rc.compare_rows(
        reconcile(computed, published),
        computed,
        rc.source_conflicts(published),
        rc.count_share_checks(published),
        findings=False,
    )
    table = rc.reconciliation_table(rows, labels).set_index("Voce (fonte)")
    assert table.loc["Destinatari con PIP sul totale (Tabella 3.2)", "Valori"] == "Pubblicato: 63,1%. Calcolato: 63,1%."
    assert table.loc["Fascia d'età, PIP: 65 anni e più (Figura 3.1)", "Valori"].endswith(
        "Calcolato: affermazione vera sui dati."
    )  # not the synthetic-only 0,4%
    assert (
        table.loc["Genere, PIP: Uomini (Figura 3.2)", "Valori"]
        == "Pubblicato: 36%; più alta che nei Laboratori Sociali. Calcolato: 36%; affermazione vera sui dati."
    )


def test_label_swap_note_cites_the_appendix_as_readers_do(published):
    note = rc.label_swap_note(published)
    assert "Tabella 3.1" in note and "524 per i Laboratori Sociali e 485 per i PIP" in note
    assert "Appendice C, @sec-riconciliazione-etichette" in note
    assert rc.label_swap_flag(published).startswith("nella Tabella 3.1 pubblicata è sull'altra riga")
    assert (
        rc.reader_note("etichette scambiate (lettura H2): la tabella, l. 712, stampa")
        == "etichette scambiate: la tabella stampa"
    )


def test_a_different_value_or_a_false_claim_differs(computed, published):
    changed = computed.copy()
    women = (changed["indicator"] == "sex") & (changed["group"] == "totale") & (changed["category"] == "F")
    changed.loc[women, "value"] = 0.60
    cremona = (changed["indicator"] == "province") & (changed["category"] == "CR") & (changed["group"] == "pip")
    changed.loc[cremona, "value"] = 0.5  # the Laboratori no longer have the larger share of Cremona residents
    rows = rows_for(changed, published).set_index(["indicator", "group"])
    assert rc.status_counts(rows.reset_index())["differisce"] == 2
    assert rows.loc[("sex", "totale")].query("category == 'F'")["status"].item() == "differisce"
    assert rows.loc[[("province", "laboratorio_sociale")]]["status"].tolist() == ["differisce"]


def test_summary_sentence_grammar():
    assert rc.summary_sentence({"coincide": 1, "differisce": 1, "incoerente nella fonte": 0}) == (
        "Sono messi a confronto 2 valori e affermazioni del capitolo pubblicato: 1 coincide con il valore "
        "calcolato, 1 differisce e nessuno è incoerente nella fonte stessa."
    )


def test_discrepancy_items_cover_d06_to_d12(published, labels):
    sums = rc.distribution_sums(published, labels["indicator"], labels["group"])
    items = dict(
        rc.discrepancy_items(published, rc.source_conflicts(published), rc.count_share_checks(published), sums)
    )
    assert list(items) == ["D06", "D07", "D08", "D09", "D10", "D11", "D12"]
    assert "sommano a 1.009, più delle 830 persone raggiunte" in items["D06"] and "179 persone" in items["D06"]
    assert "solo il 62% risulta in condizione di vulnerabilità" in items["D12"]
    register = pd.read_csv(PROGRAMME / "discrepancies.csv")["discrepancy_id"]
    assert set(items) <= set(register)


def test_comparison_note_depends_on_the_edition():
    assert "sintetici" in rc.comparison_note(True) and "verifica il generatore" in rc.comparison_note(True)
    assert "sintetici" not in rc.comparison_note(False) and "da spiegare" in rc.comparison_note(False)


def test_label_swap_note_of_an_edition_with_other_counts(published):
    note = rc.label_swap_note(published, short=True, applies=False)
    assert "qui le due cifre" not in note and "Appendice C" in note


def test_the_printed_comparison_has_one_row_per_item_and_names_only_what_does_not_coincide(computed, published, labels):
    rows = rows_for(computed, published)
    table = rc.reconciliation_compact(rows, labels)
    assert list(table.columns) == ["Voce (fonti)", "Pubblicato / calcolato", "Esito"]
    assert len(table) == len(set(zip(rows["indicator"], rows["group"])))
    figures = sum(len(cell.split(" · ")) for cell in table["Pubblicato / calcolato"])
    assert figures == len(rows)  # every published figure is there
    outcomes = " ".join(table["Esito"])
    assert outcomes.count("**incoerente nella fonte**") == rc.status_counts(rows)["incoerente nella fonte"]
    assert {"D07", "D08", "D09"} <= set(re.findall(r"D\d+", outcomes))
    state = table.set_index("Voce (fonti)")["Esito"]
    assert state["PIP per stato di attuazione, PIP (Tabella 3.2; Figura 3.9)"].endswith("le altre coincidono")


def test_the_sums_table_keeps_its_markdown_cells(published, labels):
    from quartieri_erp.presentation.markup import Md

    table = rc_module.sums_table(rc_module.distribution_sums(published, labels["indicator"], labels["group"]))
    assert all(isinstance(cell, Md) for cell in table["Somma"])  # else show_table escapes the number spans
