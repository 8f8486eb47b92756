"""Appendix A1: sentences built from the run (reference date, data edition), the Wilson formula, the
multiple-comparison check and the table of tests."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from quartieri_erp.chapters import method as cm_module
from visible_text import Visible

cm = Visible(cm_module)  # text as readers see it
from quartieri_erp.indicators import wilson_interval


def p_values(*rows) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "indicator": i,
                "test": t,
                "statistic": s,
                "dof": d,
                "p_value": p,
                "groups": "lab_only vs pip_only",
                "n_a": 306,
                "n_b": 345,
                "min_expected": e,
            }
            for i, t, s, d, p, e in rows
        ]
    )


LABELS = {"sex": "Genere", "education": "Titolo di studio", "citizenship": "Cittadinanza"}


def test_cutoff_sentence_compares_the_run_date_with_the_extraction_date():
    day = dt.date(2020, 11, 30)
    assert cm.cutoff_sentence(day, {"extracted_on": day}).endswith("coincide con la data di estrazione dei dati")
    assert cm.cutoff_sentence(day, {"extracted_on": "2020-12-15"}).endswith("estratti il 15 dicembre 2020")
    assert cm.cutoff_sentence(day, {}).endswith("non indica la data di estrazione dei dati")
    assert cm.cutoff_sentence(day, {}).startswith("la data di riferimento di questa edizione è il 30 novembre 2020")


def test_cutoff_sentence_articles_before_the_first_of_the_month_and_the_eighth():
    text = cm.cutoff_sentence(dt.date(2021, 8, 1), {"extracted_on": "2021-08-08"})
    assert text == (
        "la data di riferimento di questa edizione è il 1º agosto 2021, mentre i dati sono stati estratti l'8 agosto 2021"
    )


def test_synthetic_paragraph_uses_the_edition_file():
    synthetic = cm.synthetic_paragraph({"seed": 2021, "description": "Edizione di prova."}, True)
    assert "seme casuale fisso (2021)" in synthetic and "«Edizione di prova.»" in synthetic
    assert "@sec-riconciliazione" in synthetic
    real = cm.synthetic_paragraph({"description": "export di novembre"}, False)
    assert real.startswith(
        "I dati di questa edizione sono quelli del sistema di monitoraggio regionale (export di novembre)"
    )
    assert "sintetici" not in real


def test_wilson_sentence_states_the_formula_that_the_engine_computes():
    text = cm.wilson_sentence()
    assert "z = 1,96" in text and "(k + z²/2) / (n + z²)" in text
    k, n, z = 524, 830, 1.959963984540054  # the formula of the sentence, against the engine
    centre = (k + z**2 / 2) / (n + z**2)
    half = z * (k * (n - k) / n + z**2 / 4) ** 0.5 / (n + z**2)
    assert (centre - half, centre + half) == pytest.approx(wilson_interval(k, n))


def test_holm_changes_conclusions_only_when_it_should():
    assert cm.holm_adjusted([0.01, 0.04, 0.03]) == pytest.approx([0.03, 0.06, 0.06])
    robust = p_values(("sex", "chi_square", 1, 1, 0.0001, 50), ("education", "chi_square", 1, 1, 0.001, 50))
    fragile = p_values(
        ("sex", "chi_square", 1, 1, 0.0001, 50),
        ("education", "chi_square", 1, 1, 0.04, 50),
        ("citizenship", "chi_square", 1, 1, 0.03, 50),
    )  # Holm: 0,0003, 0,06, 0,06
    none = p_values(("sex", "chi_square", 1, 1, 0.3, 50))
    assert cm.holm_sentence(robust, LABELS) == (
        "Con 2 test, la correzione di Holm per i confronti multipli non cambia alcuna conclusione."
    )
    assert cm.holm_sentence(fragile, LABELS).endswith("le differenze per titolo di studio e cittadinanza.")
    assert cm.holm_sentence(none, LABELS).startswith("Nessuna differenza risulta significativa")


def test_tests_table_formats_every_column():
    tests = p_values(
        ("education", "chi_square", 4.897408, 4.0, 0.2979869, 11.28),
        ("age", "welch_t", 8.89735, 598.895823, 6.7e-18, None),
        ("sex", "not testable", None, None, None, None),
    )
    table = cm.tests_table(tests, LABELS)
    assert table.iloc[0].tolist() == [
        "Titolo di studio",
        "Test del chi quadrato",
        "4,90 (4 gdl)",
        "0,298",
        "306 / 345",
        "11,3",
    ]
    assert table.iloc[1].tolist()[:4] == ["Età all'ingresso", "Test t di Welch", "8,90 (598,9 gdl)", "< 0,001"]
    assert table.iloc[2].tolist()[1:4] == ["Non eseguibile", "–", "–"]


def test_rounding_sentence_shows_half_up_against_half_even():
    assert cm.rounding_sentence() == (
        "Le cifre sono arrotondate per eccesso dal mezzo, come nel rapporto pubblicato: "
        "12,5 diventa 13 e 0,125 diventa 0,13, mentre l'arrotondamento «al pari» di "
        "molti programmi darebbe 12 e 0,12."
    )


@pytest.mark.parametrize("findings", [True, False])
def test_tests_paragraph_reports_tests_only_with_real_data(findings):
    tests = pd.DataFrame({"indicator": ["sex"], "p_value": [0.01], "test": ["chi_square"]})
    text = cm.tests_paragraph(tests, {"sex": "Genere"}, 179, findings)
    assert "179 persone partecipano a entrambi" in text
    assert ("@tbl-metodo-test" in text) == findings and ("non sono mostrati" in text) == (not findings)
