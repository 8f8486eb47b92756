"""Chapter 3: the sentences that read the indicators (on small hand-made tables where the answer flips), the
tables and chart frames, disclosure control of the province breakdown, and the chapter on a second dataset."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quartieri_erp.chapters import indicators as ci_module
from visible_text import Visible

ci = Visible(ci_module)  # sentences as readers see them (number spans removed)
from quartieri_erp.chapters.labels import load_labels
from quartieri_erp.indicators import wilson_interval
from quartieri_erp.indicators.shared import compute_set
from quartieri_erp.monitoring import ESF_INDICATORS
from quartieri_erp.synth import write_synthetic_edition
from quartieri_erp.tables_io import read_table

ROOT = Path(__file__).resolve().parents[1]
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
            rows.append({"indicator": indicator, "group": group, "category": category, "unit": "share",
                         "numerator": k, "denominator": n, "value": k / n if n else float("nan"),
                         "ci_low": low, "ci_high": high})
    return rows


def scalar(indicator: str, group: str, value: float, unit: str = "share", k: int | None = None,
           n: int | None = None) -> dict:
    low, high = wilson_interval(k, n) if unit == "share" and n else (float("nan"), float("nan"))
    return {"indicator": indicator, "group": group, "category": None, "unit": unit, "numerator": k,
            "denominator": n, "value": value, "ci_low": low, "ci_high": high}


def table(*parts) -> pd.DataFrame:
    rows = [r for part in parts for r in (part if isinstance(part, list) else [part])]
    return pd.DataFrame(rows)


def p_values(*rows) -> pd.DataFrame:
    return pd.DataFrame([{"indicator": i, "test": t, "statistic": 1.0, "dof": 1.0, "p_value": p,
                          "groups": "lab_only vs pip_only", "n_a": 100, "n_b": 100, "min_expected": e}
                         for i, t, p, e in rows])


def sex(women_lab: int, women_pip: int, n: int = 100) -> list[dict]:
    return shares("sex", {"totale": {"F": women_lab + women_pip, "M": 2 * n - women_lab - women_pip},
                          "laboratorio_sociale": {"F": women_lab, "M": n - women_lab},
                          "pip": {"F": women_pip, "M": n - women_pip}})


# --- Numbers in the text -------------------------------------------------------------------------------

def test_fmt_pair_adds_decimals_only_to_keep_different_shares_apart():
    assert ci.fmt_pair(0.36, 0.28) == ("36%", "28%")
    assert ci.fmt_pair(0.331, 0.334) == ("33,1%", "33,4%")
    assert ci.fmt_pair(0.25, 0.25) == ("25%", "25%")


@pytest.mark.parametrize("p, text", [(0.0004, "p < 0,001"), (0.04, "p = 0,040"), (0.2, "p = 0,200"),
                                     (0.04996, "p < 0,05"), (0.05, "p = 0,050"), (0.2979, "p = 0,298")])
def test_fmt_p_never_rounds_across_the_significance_level(p, text):
    assert ci.fmt_p(p) == text


# --- Sentences whose wording depends on the data ------------------------------------------------------------

@pytest.mark.parametrize("women, expected", [(49, "prevalgono gli uomini (51%)"), (51, "prevalgono le donne (51%)"),
                                             (50, "donne e uomini si equivalgono")])
def test_majority_flips_with_the_data(women, expected):
    ind = table(shares("sex", {"totale": {"F": women, "M": 100 - women}}))
    assert ci.majority(ind, "sex") == expected


@pytest.mark.parametrize("p, verdict", [(0.04, "è significativa (p = 0,040)"),
                                        (0.2, "non è significativa (p = 0,200)")])
def test_significance_follows_the_p_value(p, verdict):
    """Significance is named once per comparison, compactly: the verdict and the p-value in brackets."""
    assert ci.significance(p_values(("sex", "chi_square", p, 50.0)), "sex") == \
        f"la differenza tra i due sub-progetti {verdict}"


def test_significance_needs_every_test_and_warns_on_sparse_tables():
    disagree = p_values(("age", "welch_t", 0.01, None), ("age", "mann_whitney_u", 0.3, None))
    assert "è incerta, perché i test non concordano" in ci.significance(disagree, "age")
    assert "(p = 0,010 e p = 0,300)" in ci.significance(disagree, "age")
    sparse = ci.significance(p_values(("origin_area", "chi_square", 0.0001, 2.9)), "origin_area")
    assert sparse.endswith("(p < 0,001), ma con frequenze attese molto piccole, da leggere con cautela")
    fisher = ci.significance(p_values(("sex", "fisher_exact", 0.03, 2.0)), "sex")
    assert "(p = 0,030)" in fisher and "cautela" not in fisher
    untestable = p_values(("sex", "not testable", float("nan"), None))
    assert "non si può verificare" in ci.significance(untestable, "sex")


@pytest.mark.parametrize("rows, verdict", [
    ([("age", "welch_t", 0.01, None), ("age", "mann_whitney_u", 0.02, None)], ci.SIGNIFICANT),
    ([("age", "welch_t", 0.01, None), ("age", "mann_whitney_u", 0.3, None)], ci.UNCERTAIN),
    ([("age", "welch_t", 0.2, None), ("age", "mann_whitney_u", 0.3, None)], ci.NOT_SIGNIFICANT),
    ([("age", "not testable", float("nan"), None)], ci.UNTESTABLE),
    ([("sex", "chi_square", 0.001, 50.0)], ci.UNTESTABLE),  # no test of age at all
])
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
    assert ci.compare(table(sex(70, 70)), "sex", "M", "uomini") == \
        "la quota di uomini è la stessa nei PIP e nei Laboratori Sociali (30%)"


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 199), st.integers(1, 199))
def test_compare_never_contradicts_its_numbers(k_pip, k_lab):
    ind = table(shares("citizenship", {"pip": {"italiana": 200 - k_pip, "straniera": k_pip},
                                       "laboratorio_sociale": {"italiana": 200 - k_lab, "straniera": k_lab}}))
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
    labels = {"nessuna": "Nessuna vulnerabilità rilevata", "migrante": "Migrante o cittadino straniero",
              "disabilita": "Disabilità", "altro": "Altra vulnerabilità"}
    ind = table(shares("disadvantage", {"totale": {"nessuna": 38, "migrante": 27, "disabilita": 0, "altro": 35}}))
    assert ci.ranked(ind, "disadvantage", labels) == \
        "nessuna vulnerabilità rilevata (38%), altra vulnerabilità (35%) e migrante o cittadino straniero (27%)"
    assert ci.ranked(ind, "disadvantage", labels, exclude=("nessuna",)) == \
        "altra vulnerabilità (35%) e migrante o cittadino straniero (27%)"


def ages(pip: float, lab: float) -> list[dict]:
    return [scalar("mean_age", "pip", pip, "years", n=100),
            scalar("mean_age", "laboratorio_sociale", lab, "years", n=100)]


@pytest.mark.parametrize("pip, lab, phrase", [(42.9, 49.0, "i primi sono più giovani di 6,1 anni"),
                                              (50.04, 49.0, "i primi sono più anziani di 1,0 anni"),
                                              (49.04, 48.96, "l'età media è la stessa")])
def test_mean_age_sentence(pip, lab, phrase):
    age_tests = p_values(("age", "welch_t", 0.2, None), ("age", "mann_whitney_u", 0.3, None))
    text = ci.mean_age_sentence(table(ages(pip, lab)), age_tests)
    assert phrase in text and "lo scarto potrebbe dipendere dal caso (p = 0,200 e p = 0,300)" in text
    assert "p =" not in ci.mean_age_sentence(table(ages(pip, lab)), age_tests, findings=False)


def profile_table(women_lab: int, italians_lab: int, vulnerable_lab: float) -> pd.DataFrame:
    return table(
        sex(women_lab, 64),
        shares("citizenship", {"laboratorio_sociale": {"italiana": italians_lab, "straniera": 100 - italians_lab},
                               "pip": {"italiana": 67, "straniera": 33}}),
        shares("age_band", {"laboratorio_sociale": {"18-35": 20, "36-54": 47, "55-64": 24, "65+": 9},
                            "pip": {"18-35": 32, "36-54": 53, "55-64": 15, "65+": 0}}),
        shares("origin_area", {"laboratorio_sociale": {"maghreb_vicino_oriente": 5, "asia": 6},
                               "pip": {"maghreb_vicino_oriente": 20, "asia": 3}}),
        scalar("vulnerable_share", "laboratorio_sociale", vulnerable_lab, k=int(vulnerable_lab * 100), n=100),
        scalar("vulnerable_share", "pip", 0.76, k=76, n=100),
        ages(42.9, 49.0),
    )


LABELS = {"age_band": {"18-35": "18-35 anni", "36-54": "36-54 anni", "55-64": "55-64 anni", "65+": "65 anni e più"},
          "origin_area": {"maghreb_vicino_oriente": "Maghreb-Vicino Oriente", "asia": "Asia"}}


def test_profile_sentence_of_the_published_laboratori():
    text = ci.profile_sentence(profile_table(72, 76, 0.48), "laboratorio_sociale", LABELS)
    assert text == ("Nei Laboratori Sociali prevalgono le donne (72%) e i cittadini italiani (76%); la fascia d'età "
                    "più rappresentata è quella dei 36-54 anni (47%) e la maggioranza (52%) non presenta condizioni "
                    "di vulnerabilità. Tra gli stranieri prevale la provenienza da Asia (55%).")


def test_profile_sentence_flips_with_the_data():
    text = ci.profile_sentence(profile_table(49, 50, 0.53), "laboratorio_sociale", LABELS)
    assert text.startswith("Nei Laboratori Sociali prevalgono gli uomini (51%) e italiani e stranieri si equivalgono;")
    assert "la maggioranza (53%) presenta almeno una condizione di vulnerabilità" in text


def test_contrast_sentence_lists_only_true_differences():
    text = ci.contrast_sentence(profile_table(72, 76, 0.48))
    assert text.startswith("Rispetto ai destinatari dei Laboratori Sociali, nei PIP cresce la quota di uomini "
                           "(36% contro 28%), di stranieri (33% contro 24%) e di persone con almeno una "
                           "vulnerabilità (76% contro 48%) e l'età media è più bassa (42,9 anni contro 49,0).")
    flipped = ci.contrast_sentence(profile_table(60, 60, 0.9))
    assert "cresce la quota di uomini (36% contro 40%)" not in flipped
    assert ("nei PIP cala la quota di uomini (36% contro 40%), di stranieri (33% contro 40%) e di persone "
            "con almeno una vulnerabilità (76% contro 90%) e l'età media è più bassa") in flipped
    assert "cresce" not in flipped


def test_pip_status_and_entry_sentences():
    ind = table(shares("pip_status", {"pip": {"concluso": 339, "in_corso": 181, "rinuncia": 4}}),
                shares("employment_status", {"pip": {"disoccupato": 470, "prima_occupazione": 54, "occupato": 0}}))
    assert ci.pip_status_sentence(ind) == ("Alla data di riferimento risulta concluso il 64,7% dei PIP avviati e in "
                                           "corso il 34,5%; le rinunce sono lo 0,8%.")
    assert ci.pip_entry_sentence(ind).startswith("Tutti i destinatari dei PIP erano disoccupati")
    other = table(shares("pip_status", {"pip": {"concluso": 80, "in_corso": 20, "rinuncia": 0}}),
                  shares("employment_status", {"pip": {"disoccupato": 90, "prima_occupazione": 5, "occupato": 5}}))
    assert ci.pip_status_sentence(other).endswith("in corso il 20,0%; non si registrano rinunce.")
    assert ci.pip_entry_sentence(other).startswith("Tra i destinatari dei PIP il 95% era disoccupato")
    assert "per il restante 5%" in ci.pip_entry_sentence(other)
    eighty = table(shares("employment_status", {"pip": {"disoccupato": 80, "prima_occupazione": 0, "occupato": 20}}))
    assert ci.pip_entry_sentence(eighty).startswith("Tra i destinatari dei PIP l'80% era disoccupato")


def test_sentences_on_an_empty_group_say_it_is_empty():
    """Shares of an empty group are NaN: their sum is NaN too (not 0), so no sentence reads '0%'."""
    empty = table(
        shares("employment_status", {"pip": {code: 0 for code in ("disoccupato", "prima_occupazione", "occupato")},
                                     "laboratorio_sociale": {code: 0 for code in ("inattivo", "studente", "occupato",
                                                                                  "pensionato", "disoccupato")}}),
        shares("education", {"totale": {"nessun_titolo": 0, "licenza_elementare": 0, "licenza_media": 0,
                                        "diploma": 0}}))
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
    assert text.startswith("La voce «altra vulnerabilità», che non dice di quale condizione si tratti, riguarda "
                           "l'11% dei destinatari, e per ogni persona è registrata una sola condizione")
    without = ci.disadvantage_recording_sentence(table(shares("disadvantage", {"totale": {"nessuna": 9, "altro": 0}})),
                                                 names)
    assert without.startswith("Per ogni persona è registrata una sola condizione di svantaggio")
    assert "non è rilevato" not in text + without


def esf_reference(*codes: str) -> pd.DataFrame:
    return pd.DataFrame({"code": list(codes), "type": "output", "unit": "participants"})


@pytest.mark.parametrize("missing, expected", [
    ((), "Tutti gli indicatori comuni di output sui partecipanti sono calcolabili."),
    (("CO02",), "Non sono calcolabili CO02: i dati non registrano la durata della disoccupazione (CO02)."),
    (("CO10", "CO11"), "Non sono calcolabili CO10 e CO11: il codice «post-diploma o laurea» unisce livelli di "
                       "istruzione che il FSE tiene distinti (CO10 e CO11)."),
    (("CO12", "CO13", "CO18"), "Non sono calcolabili CO12, CO13 e CO18: i dati non registrano la composizione del "
                               "nucleo familiare (CO12 e CO13) né la condizione abitativa (CO18)."),
    (("CO02", "CO19", "CO99"), "Non sono calcolabili CO02, CO19 e CO99: i dati non registrano la durata della "
                               "disoccupazione (CO02) né la residenza in aree rurali (CO19); per CO99 i dati di "
                               "monitoraggio non hanno le informazioni necessarie."),
])
def test_esf_missing_sentence_gives_the_reasons_of_the_missing_indicators_only(missing, expected):
    esf = pd.DataFrame({"code": ["CO01"]})
    assert ci.esf_missing_sentence(esf, esf_reference("CO01", *missing)) == expected


def test_monitoring_source_elides_the_date():
    assert ci.monitoring_source("2020-11-30", True) == ("dati di monitoraggio dei progetti integrati al 30 novembre "
                                                        "2020 (dati sintetici)")
    assert ci.monitoring_source("2021-08-01", False) == "dati di monitoraggio dei progetti integrati all'1 agosto 2021"


def test_readings_flip_with_the_data():
    more_men_in_pip, fewer = table(sex(72, 64)), table(sex(60, 70))
    assert "i percorsi personalizzati, legati a una prospettiva concreta di lavoro" in ci.sex_reading(more_men_in_pip)
    assert ci.sex_reading(fewer).startswith("Nemmeno")
    low = table(shares("education", {"totale": {"nessun_titolo": 20, "licenza_elementare": 12, "licenza_media": 44,
                                                "diploma": 21, "post_diploma_laurea": 3}}))
    high = table(shares("education", {"totale": {"nessun_titolo": 5, "licenza_elementare": 5, "licenza_media": 30,
                                                 "diploma": 40, "post_diploma_laurea": 20}}))
    assert ci.education_reading(low).startswith("La maggioranza dei destinatari (76%) ha al massimo la licenza media")
    assert ci.education_reading(high).endswith("la maggioranza ha almeno un diploma.")


# --- Disclosure control of the province breakdown ----------------------------------------------------------------

NAMES = {"MI": "Milano", "BG": "Bergamo", "SO": "Sondrio", "CR": "Cremona"}
GROUPS = {"totale": "Totale destinatari", "laboratorio_sociale": "Laboratori Sociali", "pip": "PIP"}


def province_table() -> pd.DataFrame:
    return table(shares("province", {"totale": {"MI": 60, "BG": 30, "SO": 7, "CR": 0},
                                     "laboratorio_sociale": {"MI": 30, "BG": 20, "SO": 3, "CR": 0},
                                     "pip": {"MI": 40, "BG": 12, "SO": 4, "CR": 0}}))


def test_province_frame_hides_small_counts_and_their_complements():
    frame = ci.province_frame(province_table(), NAMES, GROUPS, threshold=5)
    assert list(dict.fromkeys(frame["category"])) == ["Milano", "Bergamo", "Sondrio"]  # empty Cremona left out
    hidden = set(zip(frame.loc[frame["hidden"], "group_code"], frame.loc[frame["hidden"], "code"]))
    # SO below 5 in both sub-projects; the smallest other cell of each row is hidden with it
    assert hidden == {("laboratorio_sociale", "SO"), ("laboratorio_sociale", "BG"), ("pip", "SO"), ("pip", "BG")}
    assert "oscurati (<5)" in ci.suppression_sentence(frame, 5)
    assert ci.suppression_sentence(ci.province_frame(province_table(), NAMES, GROUPS, threshold=3), 3) == \
        "Nessun valore mostrato nel capitolo riguarda meno di 3 persone: non è stato necessario oscurare alcun dato."


def test_province_sentence_never_uses_hidden_cells():
    hidden = ci.province_frame(province_table(), NAMES, GROUPS, threshold=5)
    text = ci.province_sentence(hidden)
    assert text.startswith("La provincia di residenza più frequente è quella di Milano (62% dei destinatari).")
    assert "Sondrio" not in text and "Bergamo" not in text
    assert "più alta nella provincia di Milano" in text
    shown = ci.province_sentence(ci.province_frame(province_table(), NAMES, GROUPS, threshold=2))
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
    assert ci.profile_sentence(ind, "laboratorio_sociale", labels) != \
        ci.profile_sentence(base, "laboratorio_sociale", labels)
    vulnerable = ci.value(ind, "vulnerable_share", "laboratorio_sociale")
    phrase = ci.vulnerability_phrase(ind, "laboratorio_sociale")
    assert ("non presenta" in phrase) == (vulnerable < 0.5)
    p_education = other.tests.set_index("indicator").loc["education", "p_value"]
    assert ("non è significativa" in ci.significance(other.tests, "education")) == (p_education >= ci.ALPHA)
