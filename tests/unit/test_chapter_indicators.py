"""Chapter 3: the sentences that read the indicators (on small hand-made tables where the answer flips), the
tables and chart frames, disclosure control of the province breakdown, and the chapter on a second dataset."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quartieri_erp.chapters import indicators as ci_module
from quartieri_erp.presentation.markup import visible
from visible_text import Visible

ci = Visible(ci_module)  # sentences as readers see them (number spans removed)
from project_chapter import chapter
from quartieri_erp.chapters.labels import load_labels
from quartieri_erp.indicators import wilson_interval
from quartieri_erp.indicators.shared import compute_set
from quartieri_erp.inputs.monitoring import ESF_INDICATORS
from quartieri_erp.inputs.tables import read_table
from quartieri_erp.synth import write_synthetic_edition

ROOT = Path(__file__).resolve().parents[2]
SYNTHETIC = ROOT / "data" / "synthetic"
PROGRAMME = ROOT / "data" / "programme"
REFERENCE = ROOT / "data" / "reference"


# --- Hand-made indicator tables ------------------------------------------------------------------------


def shares(indicator: str, counts: dict[str, dict[str, int]]) -> list[dict]:
    """Share rows of ``indicator``: group -> category -> count, with Wilson intervals as the engine adds them."""
    rows = []
    for group, by_category in counts.items():
        n = sum(by_category.values())
        for category, k in by_category.items():
            low, high = wilson_interval(k, n)
            rows.append(
                {
                    "indicator": indicator,
                    "group": group,
                    "category": category,
                    "unit": "share",
                    "numerator": k,
                    "denominator": n,
                    "value": k / n if n else float("nan"),
                    "ci_low": low,
                    "ci_high": high,
                }
            )
    return rows


def scalar(
    indicator: str, group: str, value: float, unit: str = "share", k: int | None = None, n: int | None = None
) -> dict:
    low, high = wilson_interval(k, n) if unit == "share" and n else (float("nan"), float("nan"))
    return {
        "indicator": indicator,
        "group": group,
        "category": None,
        "unit": unit,
        "numerator": k,
        "denominator": n,
        "value": value,
        "ci_low": low,
        "ci_high": high,
    }


def table(*parts) -> pd.DataFrame:
    rows = [r for part in parts for r in (part if isinstance(part, list) else [part])]
    return pd.DataFrame(rows)


def p_values(*rows) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "indicator": i,
                "test": t,
                "statistic": 1.0,
                "dof": 1.0,
                "p_value": p,
                "groups": "lab_only vs pip_only",
                "n_a": 100,
                "n_b": 100,
                "min_expected": e,
            }
            for i, t, p, e in rows
        ]
    )


def sex(women_lab: int, women_pip: int, n: int = 100) -> list[dict]:
    return shares(
        "sex",
        {
            "totale": {"F": women_lab + women_pip, "M": 2 * n - women_lab - women_pip},
            "laboratorio_sociale": {"F": women_lab, "M": n - women_lab},
            "pip": {"F": women_pip, "M": n - women_pip},
        },
    )


# --- Numbers in the text -------------------------------------------------------------------------------


def test_fmt_pair_adds_decimals_only_to_keep_different_shares_apart():
    assert ci.fmt_pair(0.36, 0.28) == ("36%", "28%")
    assert ci.fmt_pair(0.331, 0.334) == ("33,1%", "33,4%")
    assert ci.fmt_pair(0.25, 0.25) == ("25%", "25%")


@pytest.mark.parametrize(
    "p, text",
    [
        (0.0004, "p < 0,001"),
        (0.04, "p = 0,040"),
        (0.2, "p = 0,200"),
        (0.04996, "p < 0,05"),
        (0.05, "p = 0,050"),
        (0.2979, "p = 0,298"),
    ],
)
def test_fmt_p_never_rounds_across_the_significance_level(p, text):
    assert ci.fmt_p(p) == text


# --- Sentences whose wording depends on the data ------------------------------------------------------------


@pytest.mark.parametrize(
    "women, expected",
    [(49, "prevalgono gli uomini (51%)"), (51, "prevalgono le donne (51%)"), (50, "donne e uomini si equivalgono")],
)
def test_majority_flips_with_the_data(women, expected):
    ind = table(shares("sex", {"totale": {"F": women, "M": 100 - women}}))
    assert ci.majority(ind, "sex") == expected


@pytest.mark.parametrize(
    "p, verdict", [(0.04, "è significativa (p = 0,040)"), (0.2, "non è significativa (p = 0,200)")]
)
def test_significance_follows_the_p_value(p, verdict):
    """Significance is named once per comparison, compactly: the verdict and the p-value in brackets."""
    assert (
        ci.significance(p_values(("sex", "chi_square", p, 50.0)), "sex")
        == f"la differenza tra i due sub-progetti {verdict}"
    )


def test_significance_needs_every_test_and_warns_on_sparse_tables():
    disagree = p_values(("age", "welch_t", 0.01, None), ("age", "mann_whitney_u", 0.3, None))
    assert "è incerta, perché i test non concordano" in ci.significance(disagree, "age")
    assert "(p = 0,010 e p = 0,300)" in ci.significance(disagree, "age")
    sparse = ci.significance(p_values(("origin_area", "chi_square", 0.0001, 2.9)), "origin_area")
    assert sparse.endswith("(p < 0,001), ma con frequenze attese molto piccole, da leggere con cautela")
    sparse_tests = p_values(("origin_area", "chi_square", 0.0001, 2.9))
    others = {ci.significance(sparse_tests, "origin_area", form) for form in (1, 2)}
    assert len(others | {sparse}) == 3 and all("è significativa (p < 0,001)" in text for text in others)
    fisher = ci.significance(p_values(("sex", "fisher_exact", 0.03, 2.0)), "sex")
    assert "(p = 0,030)" in fisher and "cautela" not in fisher
    untestable = p_values(("sex", "not testable", float("nan"), None))
    assert "non si può verificare" in ci.significance(untestable, "sex")


@pytest.mark.parametrize(
    "rows, verdict",
    [
        ([("age", "welch_t", 0.01, None), ("age", "mann_whitney_u", 0.02, None)], ci.SIGNIFICANT),
        ([("age", "welch_t", 0.01, None), ("age", "mann_whitney_u", 0.3, None)], ci.UNCERTAIN),
        ([("age", "welch_t", 0.2, None), ("age", "mann_whitney_u", 0.3, None)], ci.NOT_SIGNIFICANT),
        ([("age", "not testable", float("nan"), None)], ci.UNTESTABLE),
        ([("sex", "chi_square", 0.001, 50.0)], ci.UNTESTABLE),  # no test of age at all
    ],
)
def test_difference_needs_every_test_of_the_characteristic(rows, verdict):
    found = ci.difference(p_values(*rows), "age")
    assert found.verdict == verdict
    assert ci.significance(p_values(*rows), "age") == f"la differenza tra i due sub-progetti {found.clause}"


def test_difference_never_rounds_p_across_the_level():
    """p = 0,0496 is below 0,05 but prints as 0,050 at three decimals: the clause says 'p < 0,05'."""
    found = ci.difference(p_values(("sex", "chi_square", 0.0496, 50.0)), "sex")
    assert found.verdict == ci.SIGNIFICANT
    assert found.clause == "è significativa (p < 0,05)"


@pytest.mark.parametrize("men_lab, men_pip, word", [(28, 36, "più alta"), (40, 36, "più bassa")])
def test_compare_states_the_direction_the_numbers_show(men_lab, men_pip, word):
    ind = table(sex(100 - men_lab, 100 - men_pip))
    text = ci.compare(ind, "sex", "M", "uomini")
    assert text == f"la quota di uomini è {word} nei PIP ({men_pip}%) che nei Laboratori Sociali ({men_lab}%)"


def test_compare_equal_shares():
    assert (
        ci.compare(table(sex(70, 70)), "sex", "M", "uomini")
        == "la quota di uomini è la stessa nei PIP e nei Laboratori Sociali (30%)"
    )


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 199), st.integers(1, 199))
def test_compare_never_contradicts_its_numbers(k_pip, k_lab):
    ind = table(
        shares(
            "citizenship",
            {
                "pip": {"italiana": 200 - k_pip, "straniera": k_pip},
                "laboratorio_sociale": {"italiana": 200 - k_lab, "straniera": k_lab},
            },
        )
    )
    text = ci.compare(ind, "citizenship", "straniera", "stranieri")
    numbers = [float(x.replace(",", ".")) for x in re.findall(r"\(([\d,]+)%\)", text)]
    if k_pip == k_lab:
        assert "la stessa" in text
    else:
        assert ("più alta" in text) == (k_pip > k_lab)
        assert numbers[0] != numbers[1] and (numbers[0] > numbers[1]) == (k_pip > k_lab)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 1000))
def test_majority_is_claimed_only_above_one_half(women):
    ind = table(shares("sex", {"totale": {"F": women, "M": 1000 - women}}))
    text = ci.majority(ind, "sex")
    assert ("prevalgono le donne" in text) == (women > 500)
    assert ("prevalgono gli uomini" in text) == (women < 500)


def test_ranked_orders_by_share_leaves_out_empty_and_excluded_categories():
    labels = {
        "nessuna": "Nessuna vulnerabilità rilevata",
        "migrante": "Migrante o cittadino straniero",
        "disabilita": "Disabilità",
        "altro": "Altra vulnerabilità",
    }
    ind = table(shares("disadvantage", {"totale": {"nessuna": 38, "migrante": 27, "disabilita": 0, "altro": 35}}))
    assert (
        ci.ranked(ind, "disadvantage", labels)
        == "nessuna vulnerabilità rilevata (38%), altra vulnerabilità (35%) e migrante o cittadino straniero (27%)"
    )
    assert (
        ci.ranked(ind, "disadvantage", labels, exclude=("nessuna",))
        == "altra vulnerabilità (35%) e migrante o cittadino straniero (27%)"
    )


def ages(pip: float, lab: float) -> list[dict]:
    return [
        scalar("mean_age", "pip", pip, "years", n=100),
        scalar("mean_age", "laboratorio_sociale", lab, "years", n=100),
    ]


@pytest.mark.parametrize(
    "pip, lab, phrase",
    [
        (42.9, 49.0, "i primi sono più giovani di 6,1 anni"),
        (50.04, 49.0, "i primi sono più anziani di 1,0 anni"),
        (49.04, 48.96, "l'età media è la stessa"),
    ],
)
def test_mean_age_sentence(pip, lab, phrase):
    age_tests = p_values(("age", "welch_t", 0.2, None), ("age", "mann_whitney_u", 0.3, None))
    text = ci.mean_age_sentence(table(ages(pip, lab)), age_tests)
    assert phrase in text and "lo scarto potrebbe dipendere dal caso (p = 0,200 e p = 0,300)" in text
    assert "p =" not in ci.mean_age_sentence(table(ages(pip, lab)), age_tests, findings=False)


def profile_table(women_lab: int, italians_lab: int, vulnerable_lab: float) -> pd.DataFrame:
    return table(
        sex(women_lab, 64),
        shares(
            "citizenship",
            {
                "laboratorio_sociale": {"italiana": italians_lab, "straniera": 100 - italians_lab},
                "pip": {"italiana": 67, "straniera": 33},
            },
        ),
        shares(
            "age_band",
            {
                "laboratorio_sociale": {"18-35": 20, "36-54": 47, "55-64": 24, "65+": 9},
                "pip": {"18-35": 32, "36-54": 53, "55-64": 15, "65+": 0},
            },
        ),
        shares(
            "origin_area",
            {
                "laboratorio_sociale": {"maghreb_vicino_oriente": 5, "asia": 6},
                "pip": {"maghreb_vicino_oriente": 20, "asia": 3},
            },
        ),
        scalar("vulnerable_share", "laboratorio_sociale", vulnerable_lab, k=int(vulnerable_lab * 100), n=100),
        scalar("vulnerable_share", "pip", 0.76, k=76, n=100),
        ages(42.9, 49.0),
    )


LABELS = {
    "age_band": {"18-35": "18-35 anni", "36-54": "36-54 anni", "55-64": "55-64 anni", "65+": "65 anni e più"},
    "origin_area": {"maghreb_vicino_oriente": "Maghreb-Vicino Oriente", "asia": "Asia"},
}


def test_profile_sentence_of_the_published_laboratori():
    text = ci.profile_sentence(profile_table(72, 76, 0.48), "laboratorio_sociale", LABELS)
    assert text == (
        "Nei Laboratori Sociali prevalgono le donne (72%) e i cittadini italiani (76%); la fascia d'età "
        "più rappresentata è quella dei 36-54 anni (47%) e la maggioranza (52%) non presenta condizioni "
        "di vulnerabilità. Tra gli stranieri prevale la provenienza da Asia (55%)."
    )


def test_profile_sentence_flips_with_the_data():
    text = ci.profile_sentence(profile_table(49, 50, 0.53), "laboratorio_sociale", LABELS)
    assert text.startswith("Nei Laboratori Sociali prevalgono gli uomini (51%) e italiani e stranieri si equivalgono;")
    assert "la maggioranza (53%) presenta almeno una condizione di vulnerabilità" in text


def test_contrast_sentence_lists_only_true_differences():
    text = ci.contrast_sentence(profile_table(72, 76, 0.48))
    assert text.startswith(
        "Rispetto ai destinatari dei Laboratori Sociali, nei PIP cresce la quota di uomini "
        "(36% contro 28%), di stranieri (33% contro 24%) e di persone con almeno una "
        "vulnerabilità (76% contro 48%) e l'età media è più bassa (42,9 anni contro 49,0)."
    )
    flipped = ci.contrast_sentence(profile_table(60, 60, 0.9))
    assert "cresce la quota di uomini (36% contro 40%)" not in flipped
    assert (
        "nei PIP cala la quota di uomini (36% contro 40%), di stranieri (33% contro 40%) e di persone "
        "con almeno una vulnerabilità (76% contro 90%) e l'età media è più bassa"
    ) in flipped
    assert "cresce" not in flipped


def test_pip_status_and_entry_sentences():
    ind = table(
        shares("pip_status", {"pip": {"concluso": 339, "in_corso": 181, "rinuncia": 4}}),
        shares("employment_status", {"pip": {"disoccupato": 470, "prima_occupazione": 54, "occupato": 0}}),
    )
    assert ci.pip_status_sentence(ind) == (
        "Alla data di riferimento risulta concluso il 64,7% dei PIP avviati e in "
        "corso il 34,5%; le rinunce sono lo 0,8%."
    )
    assert ci.pip_entry_sentence(ind).startswith("Tutti i destinatari dei PIP erano disoccupati")
    other = table(
        shares("pip_status", {"pip": {"concluso": 80, "in_corso": 20, "rinuncia": 0}}),
        shares("employment_status", {"pip": {"disoccupato": 90, "prima_occupazione": 5, "occupato": 5}}),
    )
    assert ci.pip_status_sentence(other).endswith("in corso il 20,0%; non si registrano rinunce.")
    assert ci.pip_entry_sentence(other).startswith("Tra i destinatari dei PIP il 95% era disoccupato")
    assert "per il restante 5%" in ci.pip_entry_sentence(other)
    eighty = table(shares("employment_status", {"pip": {"disoccupato": 80, "prima_occupazione": 0, "occupato": 20}}))
    assert ci.pip_entry_sentence(eighty).startswith("Tra i destinatari dei PIP l'80% era disoccupato")


def test_sentences_on_an_empty_group_say_it_is_empty():
    """Shares of an empty group are NaN: their sum is NaN too (not 0), so no sentence reads '0%'."""
    empty = table(
        shares(
            "employment_status",
            {
                "pip": {code: 0 for code in ("disoccupato", "prima_occupazione", "occupato")},
                "laboratorio_sociale": {
                    code: 0 for code in ("inattivo", "studente", "occupato", "pensionato", "disoccupato")
                },
            },
        ),
        shares(
            "education", {"totale": {"nessun_titolo": 0, "licenza_elementare": 0, "licenza_media": 0, "diploma": 0}}
        ),
    )
    assert ci.pip_entry_sentence(empty) == "Non risultano destinatari dei PIP."
    assert ci.lab_employment_sentence(empty) == "Non risultano destinatari dei Laboratori Sociali."
    assert ci.education_reading(empty) == "Non risultano destinatari."


def test_lab_employment_sentence_with_its_article():
    ind = table(shares("employment_status", {"laboratorio_sociale": {"disoccupato": 92, "occupato": 8}}))
    assert ci.lab_employment_sentence(ind).startswith("Non cercava lavoro l'8% dei destinatari dei Laboratori")
    nobody = table(shares("employment_status", {"laboratorio_sociale": {"disoccupato": 10, "occupato": 0}}))
    assert ci.lab_employment_sentence(nobody).startswith("Tutti i destinatari dei Laboratori Sociali cercavano")


def test_disadvantage_recording_sentence_follows_the_residual_category():
    names = {"nessuna": "Nessuna vulnerabilità rilevata", "altro": "Altra vulnerabilità"}
    with_residual = table(shares("disadvantage", {"totale": {"nessuna": 89, "altro": 11}}))
    text = ci.disadvantage_recording_sentence(with_residual, names)
    assert text.startswith(
        "La voce «altra vulnerabilità», che non dice di quale condizione si tratti, riguarda "
        "l'11% dei destinatari, e per ogni persona è registrata una sola condizione"
    )
    without = ci.disadvantage_recording_sentence(
        table(shares("disadvantage", {"totale": {"nessuna": 9, "altro": 0}})), names
    )
    assert without.startswith("Per ogni persona è registrata una sola condizione di svantaggio")
    assert "non è rilevato" not in text + without


def esf_reference(*codes: str) -> pd.DataFrame:
    return pd.DataFrame({"code": list(codes), "type": "output", "unit": "participants"})


@pytest.mark.parametrize(
    "missing, expected",
    [
        ((), "Tutti gli indicatori comuni di output sui partecipanti sono calcolabili."),
        (("CO02",), "Non sono calcolabili CO02: i dati non registrano la durata della disoccupazione (CO02)."),
        (
            ("CO10", "CO11"),
            "Non sono calcolabili CO10 e CO11: il codice «post-diploma o laurea» unisce livelli di "
            "istruzione che il FSE tiene distinti (CO10 e CO11).",
        ),
        (
            ("CO12", "CO13", "CO18"),
            "Non sono calcolabili CO12, CO13 e CO18: i dati non registrano la composizione del "
            "nucleo familiare (CO12 e CO13) né la condizione abitativa (CO18).",
        ),
        (
            ("CO02", "CO19", "CO99"),
            "Non sono calcolabili CO02, CO19 e CO99: i dati non registrano la durata della "
            "disoccupazione (CO02) né la residenza in aree rurali (CO19); per CO99 i dati di "
            "monitoraggio non hanno le informazioni necessarie.",
        ),
    ],
)
def test_esf_missing_sentence_gives_the_reasons_of_the_missing_indicators_only(missing, expected):
    esf = pd.DataFrame({"code": ["CO01"]})
    assert ci.esf_missing_sentence(esf, esf_reference("CO01", *missing)) == expected


def test_monitoring_source_puts_the_article_before_the_date():
    assert ci.monitoring_source("2020-11-30", True) == (
        "dati di monitoraggio dei progetti integrati al 30 novembre 2020 (dati sintetici)"
    )
    assert ci.monitoring_source("2021-08-01", False) == "dati di monitoraggio dei progetti integrati al 1º agosto 2021"


def test_readings_flip_with_the_data():
    more_men_in_pip, fewer = table(sex(72, 64)), table(sex(60, 70))
    assert "i percorsi personalizzati, legati a una prospettiva concreta di lavoro" in ci.sex_reading(more_men_in_pip)
    assert ci.sex_reading(fewer).startswith("Nemmeno")
    low = table(
        shares(
            "education",
            {
                "totale": {
                    "nessun_titolo": 20,
                    "licenza_elementare": 12,
                    "licenza_media": 44,
                    "diploma": 21,
                    "post_diploma_laurea": 3,
                }
            },
        )
    )
    high = table(
        shares(
            "education",
            {
                "totale": {
                    "nessun_titolo": 5,
                    "licenza_elementare": 5,
                    "licenza_media": 30,
                    "diploma": 40,
                    "post_diploma_laurea": 20,
                }
            },
        )
    )
    assert ci.education_reading(low).startswith("La maggioranza dei destinatari (76%) ha al massimo la licenza media")
    assert ci.education_reading(high).endswith("la maggioranza ha almeno un diploma.")


# --- Disclosure control of the province breakdown ----------------------------------------------------------------

NAMES = {"MI": "Milano", "BG": "Bergamo", "SO": "Sondrio", "CR": "Cremona"}
GROUPS = {"totale": "Totale destinatari", "laboratorio_sociale": "Laboratori Sociali", "pip": "PIP"}


def province_table() -> pd.DataFrame:
    return table(
        shares(
            "province",
            {
                "totale": {"MI": 60, "BG": 30, "SO": 7, "CR": 0},
                "laboratorio_sociale": {"MI": 30, "BG": 20, "SO": 3, "CR": 0},
                "pip": {"MI": 40, "BG": 12, "SO": 4, "CR": 0},
            },
        )
    )


def test_province_frame_hides_small_counts_and_their_complements():
    frame = ci.province_frame(province_table(), NAMES, GROUPS, threshold=5)
    assert list(dict.fromkeys(frame["category"])) == ["Milano", "Bergamo", "Sondrio"]  # empty Cremona left out
    hidden = frame[frame["hidden"]]
    cells = set(zip(hidden["group_code"], hidden["code"]))
    # SO below 5 in both sub-projects; companions hide what the group totals and the per-province tie
    # total + both = laboratori + PIP (both in Bergamo is 2, in Sondrio 0) would let a reader compute
    assert {("laboratorio_sociale", "SO"), ("pip", "SO")} <= cells and len(cells) > 2
    assert all((m == "<5") == (n < 5) and m in ("<5", "n.d.") for m, n in zip(hidden["mark"], hidden["numerator"]))
    assert "<5: conteggio inferiore a 5" in ci.suppression_sentence(frame, 5)
    assert (
        ci.suppression_sentence(ci.province_frame(province_table(), NAMES, GROUPS, threshold=1), 1)
        == "Nessun valore mostrato nel capitolo riguarda meno di 1 persone: non è stato necessario oscurare alcun dato."
    )


def test_province_sentence_never_uses_hidden_cells():
    hidden = ci.province_frame(province_table(), NAMES, GROUPS, threshold=5)
    text = ci.province_sentence(hidden)
    assert text.startswith("La provincia di residenza più frequente è quella di Milano (62% dei destinatari).")
    assert "Sondrio" not in text and "Bergamo" not in text
    shown = ci.province_sentence(ci.province_frame(province_table(), NAMES, GROUPS, threshold=1))
    assert "più alta nelle province di Milano e Sondrio" in shown and "più bassa nella provincia di Bergamo" in shown


# --- Tables and frames on the synthetic edition ----------------------------------------------------------------


@pytest.fixture(scope="module")
def found():
    return compute_set(SYNTHETIC, REFERENCE, None)


@pytest.fixture(scope="module")
def labels():
    return load_labels(REFERENCE)


def test_summary_and_results_tables_show_the_computed_figures(found):
    summary = ci.summary_table(found.indicators)
    assert summary["Valore"].tolist() == ["33", "830", "485", "524", "179"]
    results = ci.results_table(found.indicators).set_index("Indicatore")
    assert results.loc["Destinatari con un PIP sul totale dei destinatari", "Valore"] == "63,1%"
    assert results.loc["Destinatari con un PIP sul totale dei destinatari", "IC 95%"] == "59,8%–66,3%"
    assert results.loc["PIP conclusi sul totale dei PIP avviati", "Base"] == "524"
    assert results.loc["Età media dei destinatari dei PIP", "Valore"] == "42,9 anni"
    assert results.loc["**Lezioni apprese**", "Valore"] == ""


def test_share_frame_keeps_label_order_and_drops_empty_categories(found, labels):
    frame = ci.share_frame(found.indicators, "age_band", labels["age_band"], GROUPS)
    assert list(dict.fromkeys(frame["category"])) == ["18-35 anni", "36-54 anni", "55-64 anni", "65 anni e più"]
    assert list(frame["group"][:3]) == list(GROUPS.values())
    assert (frame["ci_low"] <= frame["value"]).all() and (frame["value"] <= frame["ci_high"]).all()


def test_esf_table(found):
    reference = read_table(ESF_INDICATORS, REFERENCE)
    esf = ci.esf_table(found.esf, reference, GROUPS)
    assert list(esf.columns) == ["Indicatore", *GROUPS.values()]
    esf = esf.set_index(esf["Indicatore"].str[:4])
    assert esf.loc["CO01", "Indicatore"] == "CO01 disoccupati, compresi i disoccupati di lungo periodo"
    assert esf.loc["CO01", "PIP"] == "524 (100,0%)"
    assert esf.loc["CO15", "Totale destinatari"] == "244 (29,4%)"
    assert "CO02" in ci.esf_missing_sentence(found.esf, reference)


# --- The same functions on a different dataset --------------------------------------------------------------------


def test_a_different_dataset_gives_different_and_true_sentences(tmp_path, found, labels):
    write_synthetic_edition(tmp_path, seed=7, programme_dir=PROGRAMME, participants=2000, projects=20)
    other = compute_set(tmp_path, REFERENCE, None)
    ind, base = other.indicators, found.indicators
    assert ci.summary_table(ind)["Valore"].tolist()[:2] == ["20", "2.000"]
    for indicator, group in (("age_band", "totale"), ("education", "totale")):
        names = labels[indicator]
        assert ci.ranked(ind, indicator, names, group) != ci.ranked(base, indicator, names, group)
    assert ci.profile_sentence(ind, "laboratorio_sociale", labels) != ci.profile_sentence(
        base, "laboratorio_sociale", labels
    )
    vulnerable = ci.value(ind, "vulnerable_share", "laboratorio_sociale")
    phrase = ci.vulnerability_phrase(ind, "laboratorio_sociale")
    assert ("non presenta" in phrase) == (vulnerable < 0.5)
    p_education = other.tests.set_index("indicator").loc["education", "p_value"]
    assert ("non è significativa" in ci.significance(other.tests, "education")) == (p_education >= ci.ALPHA)


# --- Provenance of the values the readers return (issue 12) -------------------------------------------------


def published_rows(*rows) -> pd.DataFrame:
    """Rows of published_indicators.csv: (indicator, group, category, unit, value, decimals, source)."""
    return pd.DataFrame(
        [
            {
                "indicator": i,
                "group": g,
                "category": c,
                "unit": u,
                "printed": None,
                "value": v,
                "decimals": d,
                "claim": None,
                "source": s,
                "note": None,
            }
            for i, g, c, u, v, d, s in rows
        ]
    ).astype({"decimals": "Int64"})


def counts_table() -> pd.DataFrame:
    """830 people, 485 in the labs, 524 with a PIP, 179 in both; 0.498 of them aged 36-54 (413 of 830)."""
    return table(
        scalar("participants", "totale", 830, "count"),
        scalar("participants", "laboratorio_sociale", 485, "count"),
        scalar("participants", "pip", 524, "count"),
        scalar("participants", "entrambi", 179, "count"),
        scalar("pip_share", "totale", 524 / 830, k=524, n=830),
        shares("age_band", {"totale": {"18-35": 206, "36-54": 413, "55-64": 166, "65+": 45}}),
        scalar("vulnerable_share", "pip", 0.756, k=396, n=524),
    )


PUBLISHED = published_rows(
    ("participants", "totale", None, "count", 830.0, 0, "Tabella 3.1, l. 674"),
    ("participants", "laboratorio_sociale", None, "count", 485.0, 0, "Tabella 3.1, l. 676"),
    ("participants", "pip", None, "count", 524.0, 0, "Tabella 3.1, l. 675"),
    ("pip_share", "totale", None, "share", 0.631, 1, "Tabella 3.2, l. 854; testo l. 804"),
    ("age_band", "totale", "36-54", "share", 0.5, 0, "Figura 3.1, l. 682"),
    ("age_band", "totale", "65+", "share", 0.10, 0, "Figura 3.1, l. 682"),  # 45/830 = 5,4%: does not match
)


def test_readers_return_reconciled_monitoring_values_at_the_printed_precision():
    ind = ci_module.with_published(counts_table(), PUBLISHED, {"3.3": 35})
    band = ci_module.value(ind, "age_band", "totale", "36-54")
    assert isinstance(band, ci_module.Reconciled)
    assert band.source.kind == "monitoring" and band.source.reconciled == "Rapporto 2021, Figura 3.1"
    assert round(float(band), 3) == 0.498 and band.decimals == 0 and band.printed == 0.5
    assert visible(ci_module.fmt_value(band)) == "50%"  # as printed, not 49,8%
    assert 'data-reconciled="Rapporto 2021, Figura 3.1"' in ci_module.fmt_value(band)
    share = ci_module.value(ind, "pip_share")
    assert share.source.reconciled == "Rapporto 2021, Tabella 3.2" and visible(ci_module.fmt_value(share)) == "63,1%"


def test_values_that_differ_from_the_published_ones_stay_unreconciled_monitoring():
    ind = ci_module.with_published(counts_table(), PUBLISHED)
    residual = ci_module.value(ind, "age_band", "totale", "65+")  # 5,4% against a published 10%
    assert not isinstance(residual, ci_module.Reconciled)
    assert residual.source.kind == "monitoring" and residual.source.reconciled == ""
    assert not ci_module.is_reconciled(residual)
    unpublished = ci_module.value(ind, "vulnerable_share", "pip")  # never printed: the 75,6% of the PIPs
    assert unpublished.source.kind == "monitoring" and not unpublished.source.reconciled
    # without the published table every value is plain monitoring
    plain = ci_module.value(counts_table(), "participants")
    assert plain.source.kind == "monitoring" and not plain.source.reconciled


def test_arithmetic_on_reconciled_values_is_derived_from_the_published_ones():
    ind = ci_module.with_published(counts_table(), PUBLISHED)
    lab, pip = ci_module.value(ind, "participants", "laboratorio_sociale"), ci_module.value(ind, "participants", "pip")
    total = ci_module.as_published(lab) + ci_module.as_published(pip)
    assert float(total) == 1009 and total.source.kind == "derived"
    assert (lab + pip).source.kind == "monitoring"  # plain arithmetic on monitoring values stays monitoring


def test_a_synthetic_edition_gets_intervals_only_from_published_counts():
    ind = ci_module.with_published(counts_table(), PUBLISHED)
    low, high = ci_module.row_interval(ci_module.pick(ind, "pip_share"), ind, synthetic=True)
    expected = wilson_interval(524, 830)
    assert (float(low), float(high)) == pytest.approx(expected) and low.source.kind == "derived"
    band = ci_module.pick(ind, "age_band", "totale", "36-54")
    assert all(pd.isna(v) for v in ci_module.row_interval(band, ind, synthetic=True))  # count never printed
    real_low, _ = ci_module.row_interval(band, ind, synthetic=False)
    assert real_low.source.kind == "monitoring"


def test_share_frame_of_a_synthetic_edition_keeps_only_published_rows():
    ind = ci_module.with_published(counts_table(), PUBLISHED)
    bands = {"18-35": "18-35 anni", "36-54": "36-54 anni", "55-64": "55-64 anni", "65+": "65 anni e più"}
    full = ci_module.share_frame(ind, "age_band", bands, {"totale": "Totale"}, ("totale",))
    shown = ci_module.share_frame(ind, "age_band", bands, {"totale": "Totale"}, ("totale",), synthetic=True)
    assert len(full) == 4 and shown["code"].tolist() == ["36-54"]
    assert shown["decimals"].tolist() == [0] and shown[["ci_low", "ci_high"]].isna().all().all()


# --- A synthetic edition publishes no synthetic-only finding ---------------------------------------------------


def section_inputs():
    ind = table(
        sex(72, 64),
        shares("citizenship", {g: {"italiana": 70, "straniera": 30} for g in GROUPS}),
        shares("origin_area", {g: {"maghreb_vicino_oriente": 20, "asia": 10} for g in GROUPS}),
        shares("age_band", {g: {"18-35": 25, "36-54": 50, "55-64": 20, "65+": 5} for g in GROUPS}),
    )
    tests = p_values(
        ("sex", "chi_square", 0.03, 50.0),
        ("age_band", "chi_square", 0.2, 10.0),
        ("citizenship", "chi_square", 0.01, 10.0),
        ("origin_area", "chi_square", 0.5, 10.0),
    )
    published = published_rows(
        ("sex", "totale", "F", "share", 0.68, 0, "Figura 3.2, l. 695"),
        ("sex", "laboratorio_sociale", "M", "share", 0.28, 0, "Figura 3.2, l. 701"),
        ("sex", "pip", "M", "share", 0.36, 0, "Figura 3.2, l. 699"),
    )
    labels = {"age_band": {"18-35": "18-35 anni", "36-54": "36-54 anni", "55-64": "55-64 anni", "65+": "65 anni e più"}}
    return ci_module.with_published(ind, published), tests, labels


@pytest.mark.parametrize("topic", ["sex", "age"])
def test_sections_show_tests_only_with_real_data(topic):
    ind, tests, labels = section_inputs()
    real = ci.section_text(topic, ind, tests, labels, findings=True)
    synthetic = ci.section_text(topic, ind, tests, labels, findings=False)
    assert re.search(r"\(p [=<]", real) and not re.search(r"\bp [=<]", synthetic)
    assert "Con i dati reali di monitoraggio questa parte mostra anche" in synthetic
    assert "Con i dati reali" not in real


def test_synthetic_sex_section_quotes_only_published_shares():
    ind, tests, labels = section_inputs()
    text = ci_module.section_text("sex", ind, tests, labels, findings=False)
    spans = re.findall(r"\{\.num ([^}]*)\}", text)
    assert spans and all("data-reconciled" in s or 'data-kind="derived"' in s for s in spans)
    assert "36%" in visible(text) and "28%" in visible(text)


def test_synthetic_age_section_lists_only_the_published_bands():
    ind, tests, labels = section_inputs()  # no age band is published here
    text = visible(ci.section_text("age", ind, tests, labels, findings=False))
    assert "%" not in text.split("(@fig-eta)")[0]


def test_significance_is_named_once_and_varies_its_wording():
    tests = p_values(("sex", "chi_square", 0.03, 50.0))
    forms = {ci.significance(tests, "sex", form) for form in range(3)}
    assert len(forms) == 3 and all(text.endswith("(p = 0,030)") for text in forms)
    assert not any("statisticamente" in text for text in forms)


def test_compare_varies_its_wording_but_not_its_direction():
    ind = table(sex(72, 64))
    texts = [ci.compare(ind, "sex", "M", "uomini", form=f) for f in range(3)]
    assert len(set(texts)) == 3 and all("36%" in t and "28%" in t for t in texts)
    assert "più alta" in texts[0] and "sale" in texts[1] and "arriva al 36%" in texts[2]


def test_confidentiality_sentence_counts_every_value_the_chapter_shows():
    province = ci_module.province_frame(province_table(), NAMES, GROUPS, threshold=1)  # nothing to hide
    small = table(shares("age_band", {"pip": {"18-35": 100, "65+": 2}}))
    frame = ci_module.share_frame(small, "age_band", {"18-35": "18-35 anni", "65+": "65 anni e più"}, GROUPS, ("pip",))
    text = ci.suppression_sentence(province, 3, [frame])
    assert "meno di 3 persone (1 quota nelle figure)" in text and "Nessun valore" not in text
    assert ci.suppression_sentence(province, 3, []).startswith("Nessun valore mostrato nel capitolo")


def test_chapter_three_titles_are_the_published_ones():
    from quartieri_erp.inputs.curated.documentation import REPORT_SECTIONS

    sections = read_table(REPORT_SECTIONS, PROGRAMME)
    notebook = (ROOT / "notebooks" / "03_indicatori.ipynb").read_text(encoding="utf-8")
    for number in ("3", "3.1", "3.2", "3.3"):
        assert (
            ci.section_title(sections, number).replace("'", "\\u2019") in notebook
            or ci.section_title(sections, number) in notebook
        )
    assert chapter().pages()["3.3"] == 35


def test_chapter_three_orders_its_numbered_artifacts_as_the_original():
    labels = re.findall(
        r"#\| label: ((?:fig|tbl)-[\w-]+)", (ROOT / "notebooks" / "03_indicatori.ipynb").read_text(encoding="utf-8")
    )
    figures = [label for label in labels if label.startswith("fig-")]
    tables = [label for label in labels if label.startswith("tbl-")]
    assert figures == [
        "fig-eta",
        "fig-genere",
        "fig-cittadinanza",
        "fig-provenienza",
        "fig-istruzione",
        "fig-svantaggio",
        "fig-occupazione",
        "fig-provincia",
        "fig-stato-pip",
        "fig-eta-media",
    ]
    assert tables[:2] == ["tbl-quadro-sintesi", "tbl-indicatori-risultato"]  # Tabelle 3.1 and 3.2; additions after


def test_results_table_marks_an_illustrative_edition():
    ind = table(scalar("pip_share", "totale", 0.631, k=524, n=830))
    marked = ci_module.with_mark(pd.DataFrame({"A": ["x"], "B": ["y"]}), True)
    assert marked.iloc[0, 0] == "**ILLUSTRATIVO — dati sintetici**" and len(marked) == 2
    assert len(ci_module.with_mark(pd.DataFrame({"A": ["x"]}), False)) == 1
    assert ind is not None


def test_charts_show_published_precision_and_the_illustrative_mark():
    from quartieri_erp.presentation import charts

    frame = pd.DataFrame(
        {
            "category": ["36-54 anni", "65 anni e più"],
            "group": ["Totale", "Totale"],
            "value": [0.498, 0.054],
            "ci_low": [float("nan")] * 2,
            "ci_high": [float("nan")] * 2,
            "decimals": [0, float("nan")],
        }
    )
    fig = charts.interval_bars(frame, "category", "group", source="x", watermark="ILLUSTRATIVO — dati sintetici")
    texts = [t.get_text() for t in fig.axes[0].texts] + [t.get_text() for t in fig.texts]
    assert "50%" in texts and "49,8%" not in texts and "5%" in texts
    assert "ILLUSTRATIVO — dati sintetici" in texts
    assert "ILLUSTRATIVO — dati sintetici" not in [
        t.get_text() for t in charts.interval_bars(frame, "category", "group", source="x").texts
    ]


def test_the_province_figure_hides_small_counts_so_that_no_published_total_pins_them():
    """Threshold 12 on the shipped data: the two counts below it are hidden with companions, and an independent
    linear programme over what the report publishes (group totals, the tie total + both = laboratori + PIP in
    each province) leaves each hidden small count more than one possible value."""
    import numpy as np
    from scipy.optimize import linprog

    from quartieri_erp.indicators import shared_indicators
    from quartieri_erp.indicators.core import SUBGROUPS
    from quartieri_erp.indicators.disclosure import PRIMARY, SHOWN

    ind = shared_indicators(ROOT / "data/synthetic", ROOT / "data/reference", dt.date(2020, 11, 30)).indicators
    status = ci_module.protect_provinces(ind, 12)
    rows = ind[(ind["indicator"] == "province") & ind["group"].isin(SUBGROUPS)]
    count = {(g, str(c)): int(n) for g, c, n in zip(rows["group"], rows["category"], rows["numerator"])}
    assert {cell for cell, st in status.items() if st == PRIMARY} == {cell for cell in status if 0 <= count[cell] < 12}
    provinces = sorted({c for _, c in status})
    unknown = [cell for cell, st in status.items() if st != SHOWN]
    names = unknown + [("entrambi", p) for p in provinces]
    at = {name: i for i, name in enumerate(names)}
    a_eq, b_eq = [], []
    for g in (*SUBGROUPS, "entrambi"):
        row, rhs = np.zeros(len(names)), float(ci_module.value(ind, "participants", g))
        for p in provinces:
            if (g, p) in at:
                row[at[(g, p)]] += 1
            else:
                rhs -= count[(g, p)]
        a_eq.append(row), b_eq.append(rhs)
    for p in provinces:  # totale + entrambi - laboratori - pip = 0
        row, rhs = np.zeros(len(names)), 0.0
        for g, sign in (("totale", 1), ("entrambi", 1), ("laboratorio_sociale", -1), ("pip", -1)):
            if (g, p) in at:
                row[at[(g, p)]] += sign
            else:
                rhs -= sign * count[(g, p)]
        a_eq.append(row), b_eq.append(rhs)
    for cell in (c for c, state in status.items() if state == PRIMARY):
        c = np.zeros(len(names))
        c[at[cell]] = 1
        low = linprog(c, A_eq=a_eq, b_eq=b_eq, bounds=(0, None)).fun
        high = -linprog(-c, A_eq=a_eq, b_eq=b_eq, bounds=(0, None)).fun
        assert high - low >= 3 - 1e-6, (cell, low, high)


# --- The call's lists of the original § 3.2 (issue 16) --------------------------------------------------------


def test_call_list_markdown_is_a_bullet_list_in_printed_order_escaped_with_lower_initials_but_acronyms():
    lists = pd.DataFrame(
        {
            "list": ["call_objectives"] * 3 + ["call_benefits"],
            "position": [2, 1, 3, 1],
            "text": ["Avvicinare i residenti.", "Aprire *Laboratori*", "SAP più sicuri", "Meno disagio"],
            "source": ["000 § 3.2"] * 4,
        }
    )
    text = ci.call_list_markdown(lists, ci.CALL_OBJECTIVES)
    assert text.split("\n") == ["- aprire \\*Laboratori\\*;", "- avvicinare i residenti;", "- SAP più sicuri."]
    assert ci.call_list_markdown(lists, ci.CALL_BENEFITS) == "- meno disagio."
    assert ci.call_list_rows(lists, ci.CALL_OBJECTIVES)["position"].tolist() == [1, 2, 3]
    with pytest.raises(KeyError):
        ci.call_list_rows(lists, "nessuna")


# --- Chapter 3 with findings does not repeat its sentence frames (issue 16) -------------------------------------

REPEATED_FRAMES = ("statisticamente significativ", "è più alta", "è più bassa", "rispetto ai", "più alta nei")
FRAME_LIMIT = 3


def findings_commentary(found, labels) -> str:
    """Every paragraph of chapter 3's commentary as the notebook composes it with findings on (real data, or
    synthetic data shown as ILLUSTRATIVE), on the synthetic indicator set, as a reader sees it."""
    ind, tests = found.indicators, found.tests
    provinces = ci_module.province_frame(ind, labels["province"], labels["group"], 5)
    esf_reference = read_table(ESF_INDICATORS, REFERENCE)
    parts = [
        ci.method_paragraph(ind, True),
        *(ci.section_text(t, ind, tests, labels, True) for t in TOPICS),
        ci.province_text(provinces, tests, True),
        ci.efficacy_paragraph(ind, True),
        ci.lessons_paragraph(ind, tests, True, True),
        ci.profiles_text(ind, labels, True),
        ci.esf_paragraph(found.esf, esf_reference, True),
    ]
    return " ".join(" ".join(str(p).split()) for p in parts)


TOPICS = ("age", "sex", "citizenship", "education", "disadvantage", "employment")


def test_chapter_3_with_findings_names_each_frame_at_most_a_few_times(found, labels):
    text = findings_commentary(found, labels).lower()
    assert "(p " in text  # the commentary does report the tests
    counts = {frame: text.count(frame) for frame in REPEATED_FRAMES}
    assert {f: n for f, n in counts.items() if n > FRAME_LIMIT} == {}, counts


def test_chapter_3_with_findings_writes_no_sentence_twice(found, labels):
    text = findings_commentary(found, labels)
    sentences = [s for s in re.split(r"(?<=[.;])\s+", text) if len(s) > 25]
    repeated = {s: n for s, n in Counter(sentences).items() if n > 1}
    assert repeated == {}
