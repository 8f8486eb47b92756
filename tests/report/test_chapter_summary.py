"""Summary, introduction and conclusions: the figures they quote and the wording chosen from them.

Hand-made indicator tables check that the words follow the numbers (a share of 0,40 and one of 0,63 are
not described alike); the curated programme data and the published synthetic edition check the values
the summary quotes against the report (Tabelle 2.1, 3.1, 3.2; § 3.3, l. 832); an end-to-end test runs the
summary notebook on a second synthetic edition.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from quartieri_erp.chapters import indicators as ci_module
from quartieri_erp.chapters import summary as summary_module
from quartieri_erp.presentation.markup import visible
from visible_text import Visible

ci, summary = Visible(ci_module), Visible(summary_module)  # text as readers see it
from quartieri_erp.indicators import IndicatorSet, shared_indicators
from quartieri_erp.inputs.catalogue import read_input
from quartieri_erp.presentation.formatting import fmt_int, fmt_pct

ROOT = Path(__file__).resolve().parents[2]
PROGRAMME = ROOT / "data" / "programme"
REFERENCE = ROOT / "data" / "reference"
AS_OF = dt.date(2020, 11, 30)
FRACTIONS = (
    {row[1]: row[0] for row in summary.LADDER}
    | {row[2]: row[0] for row in summary.LADDER}
    | {row[3]: row[0] for row in summary.LADDER}
)


# ---------------------------------------------------------------- words for a share


@pytest.mark.parametrize(
    "share, words",
    [
        (0.631, "quasi due su tre"),
        (0.48, "quasi la metà"),
        (0.40, "due su cinque"),
        (0.52, "poco più della metà"),
        (0.617, "poco più di tre su cinque"),
        (0.72, "quasi tre su quattro"),
        (0.69, "poco più di due su tre"),
        (0.5, "la metà"),
        (0.03, "meno di uno su venti"),
        (0.07, "poco più di uno su venti"),
        (0.96, "quasi la totalità"),
        (1.0, "la totalità"),
        (0.0, "assenti"),
    ],
)
def test_share_words_by_hand(share, words):
    assert summary.share_words(share) == words


def test_share_words_feminine_only_changes_uno():
    assert summary.share_words(1 / 3, feminine=True) == "una su tre"
    assert summary.share_words(0.3, feminine=True) == "quasi una su tre"
    assert summary.share_words(0.631, feminine=True) == "quasi due su tre"


@pytest.mark.parametrize("bad", [-0.1, 1.2, math.nan])
def test_share_words_rejects_what_is_not_a_share(bad):
    with pytest.raises(ValueError):
        summary.share_words(bad)


def named_fraction(words: str) -> tuple[str, float]:
    """('quasi'|'poco più'|'esatto'|'meno di', value of the fraction named)."""
    for qualifier in ("quasi ", "poco più di ", "poco più ", "meno di "):
        if words.startswith(qualifier):
            return qualifier.strip(), FRACTIONS[words[len(qualifier) :]]
    return "esatto", FRACTIONS[words]


@given(st.floats(min_value=0.001, max_value=0.999))
def test_share_words_never_strays_from_the_share(share):
    words = summary.share_words(share)
    assert "maggioranza" not in words
    qualifier, value = named_fraction(words)
    if qualifier == "quasi":
        assert 0 < value - share <= 0.05
    elif qualifier.startswith("poco più"):
        assert 0 < share - value <= 0.05
    elif qualifier == "meno di":
        assert share < value
    else:
        assert abs(share - value) < summary.EXACT


@given(st.floats(min_value=0, max_value=1))
def test_majority_only_above_one_half(share):
    words = summary.majority_words(share)
    if share <= 0.5:
        assert "maggioranza" not in words and "totalità" not in words
    else:
        assert "maggioranza" in words or "totalità" in words


@pytest.mark.parametrize(
    "share, words",
    [
        (0.72, "la netta maggioranza"),
        (0.76, "la netta maggioranza"),
        (0.6, "la maggioranza"),
        (0.515, "di poco la maggioranza"),
        (0.5, "esattamente la metà"),
        (0.48, "poco meno della metà"),
        (0.40, "una minoranza"),
        (0.93, "la quasi totalità"),
        (1.0, "la totalità"),
    ],
)
def test_majority_words_by_hand(share, words):
    assert summary.majority_words(share) == words


# ---------------------------------------------------------------- hand-made indicator sets


def fake_set(
    pip_share=0.63,
    concluded=0.647,
    withdrawn=0.008,
    vulnerable=(0.62, 0.48, 0.76),
    ages=(49.0, 42.9),
    women_lab=0.72,
    lab_jobs=(0.20, 0.19),
    p=1e-6,
    participants=830,
    projects=33,
) -> IndicatorSet:
    """An IndicatorSet with just the rows the summary reads (shares 0-1; p for every test)."""
    lab, pip = round(participants * 0.58), round(participants * pip_share)
    rows = [
        ("projects", "totale", None, projects),
        ("participants", "totale", None, participants),
        ("participants", "laboratorio_sociale", None, lab),
        ("participants", "pip", None, pip),
        ("participants", "entrambi", None, lab + pip - participants),
        ("pip_share", "totale", None, pip_share),
        ("pip_status", "pip", "concluso", concluded),
        ("pip_status", "pip", "rinuncia", withdrawn),
        ("pip_status", "pip", "in_corso", 1 - concluded - withdrawn),
        ("vulnerable_share", "totale", None, vulnerable[0]),
        ("vulnerable_share", "laboratorio_sociale", None, vulnerable[1]),
        ("vulnerable_share", "pip", None, vulnerable[2]),
        ("disadvantage", "laboratorio_sociale", "nessuna", 1 - vulnerable[1]),
        ("mean_age", "laboratorio_sociale", None, ages[0]),
        ("mean_age", "pip", None, ages[1]),
        ("sex", "laboratorio_sociale", "F", women_lab),
        ("sex", "laboratorio_sociale", "M", 1 - women_lab),
        ("employment_status", "laboratorio_sociale", "occupato", lab_jobs[0]),
        ("employment_status", "laboratorio_sociale", "pensionato", lab_jobs[1]),
        ("age_band", "pip", "<18", 0.0),
        ("age_band", "pip", "18-35", 0.3),
        ("age_band", "pip", "36-54", 0.55),
        ("age_band", "pip", "55-64", 0.14),
        ("age_band", "pip", "65+", 0.01),
    ]
    indicators = pd.DataFrame(rows, columns=["indicator", "group", "category", "value"])
    indicators["category"] = indicators["category"].astype("string")
    p_age = p if isinstance(p, tuple) else (p, p)  # Welch, Mann-Whitney
    tests = pd.DataFrame(
        {
            "indicator": ["sex", "disadvantage", "age", "age"],
            "test": ["chi_square", "chi_square", "welch_t", "mann_whitney_u"],
            "p_value": [p_age[0], p_age[0], *p_age],
            "min_expected": [50.0, 50.0, np.nan, np.nan],
        }
    )
    return IndicatorSet(indicators=indicators, tests=tests, esf=pd.DataFrame(), synthetic=True)


def test_key_figures_reads_the_rows_it_needs():
    key = summary.key_figures(fake_set())
    assert (key.participants, key.pip_participants, key.projects) == (830, 523, 33)
    assert key.pip_share == 0.63 and key.pip_withdrawn == 0.008
    assert key.employed_or_retired_lab == pytest.approx(0.39)
    assert key.pip_aged_36_plus == pytest.approx(0.70)  # 0.55 + 0.14 + 0.01
    assert key.non_vulnerable_lab == pytest.approx(0.52)
    assert {name: d.verdict for name, d in key.profile_differences().items()} == {
        "età": ci.SIGNIFICANT,
        "genere": ci.SIGNIFICANT,
        "condizione di svantaggio": ci.SIGNIFICANT,
    }


def test_key_figures_names_a_missing_indicator():
    iset = fake_set()
    ind = iset.indicators[iset.indicators["indicator"] != "mean_age"]
    with pytest.raises(KeyError, match="mean_age"):
        summary.key_figures(IndicatorSet(ind, iset.tests, iset.esf, True))


def test_missing_tests_read_as_not_verifiable():
    iset = fake_set()
    key = summary.key_figures(IndicatorSet(iset.indicators, iset.tests.iloc[:0], iset.esf, True))
    assert key.age_difference.verdict == ci.UNTESTABLE
    assert "non si può verificare con un test" in summary.age_sentence(
        key.mean_age_lab, key.mean_age_pip, key.age_difference
    )


@pytest.mark.parametrize(
    "p_age, words",
    [
        ((0.01, 0.3), "è incerta, perché i test non concordano (p = 0,010 e p = 0,300)"),
        ((0.0496, 0.0496), "è significativa (p < 0,05 e p < 0,05)"),
        ((0.2, 0.3), "non è significativa"),
    ],
)
def test_the_summary_reads_the_tests_as_chapter_3_does(p_age, words):
    """Welch alone is not enough, and p = 0,0496 never prints as 0,050: the verdict is chapter 3's."""
    iset = fake_set(p=p_age)
    key = summary.key_figures(iset)
    text = summary.age_sentence(key.mean_age_lab, key.mean_age_pip, key.age_difference)
    assert words in text
    assert ci.significance(iset.tests, "age").removeprefix("la differenza tra i due sub-progetti ") in text


def test_reach_sentence_follows_the_pip_share():
    high = summary.key_figures(fake_set(pip_share=0.63))
    low = summary.key_figures(fake_set(pip_share=0.40))
    high_text = summary.reach_sentence(high.participants, high.pip_share, AS_OF)
    low_text = summary.reach_sentence(low.participants, low.pip_share, AS_OF)
    assert "quasi due su tre (63,0%)" in high_text
    assert "due su cinque (40,0%)" in low_text and "maggioranza" not in low_text
    assert high_text.startswith("Al 30 novembre 2020 i progetti dell'avviso avevano raggiunto 830 persone")
    assert summary.reach_sentence(10, 0.5, dt.date(2021, 7, 8)).startswith("All'8 luglio 2021")


def test_verdict_follows_the_indicators():
    good = summary.key_figures(fake_set(pip_share=0.63))
    weak = summary.key_figures(fake_set(pip_share=0.40, vulnerable=(0.45, 0.3, 0.6), withdrawn=0.3, concluded=0.4))
    good_text = summary.call_verdict_sentence(good.vulnerable, good.pip_share, good.pip_concluded, good.pip_withdrawn)
    weak_text = summary.call_verdict_sentence(weak.vulnerable, weak.pip_share, weak.pip_concluded, weak.pip_withdrawn)
    assert "strumento valido" in good_text and "solo in parte" not in good_text
    assert weak_text == (
        "Sul piano quantitativo il bilancio dell'avviso è positivo solo in parte: le persone "
        "vulnerabili sono una minoranza dei destinatari, meno della metà dei destinatari ha avviato "
        "un PIP e le rinunce pesano sui PIP già chiusi."
    )


def test_verdict_when_no_pip_has_ended():
    text = summary.call_verdict_sentence(0.7, 0.7, 0.0, 0.0)
    assert text.endswith("positivo solo in parte: nessun PIP si è ancora chiuso.")


@pytest.mark.parametrize(
    "concluded, withdrawn, expected",
    [
        (0.647, 0.008, "Quasi tutti i percorsi chiusi sono arrivati a termine"),  # 1,2% of the closed plans
        (0.5, 0.05, "le interruzioni non sono marginali"),  # 9,1%
        (0.4, 0.2, "la tenuta dei PIP è debole"),  # 33%
        (0.0, 0.0, "non si può ancora giudicare"),
    ],
)
def test_pip_outcome_sentence_judges_withdrawals_among_closed_plans(concluded, withdrawn, expected):
    text = summary.pip_outcome_sentence(concluded, 1 - concluded - withdrawn, withdrawn)
    assert expected in text
    assert f"({fmt_pct(withdrawn)})" in text


def test_withdrawal_words():
    assert [summary.withdrawal_words(s) for s in (0, 0.008, 0.03, 0.1, 0.2)] == [
        "assenti",
        "rarissime",
        "rare",
        "non trascurabili",
        "frequenti",
    ]


SIGNIFICANT_AGE = ci.Difference(ci.SIGNIFICANT, "è statisticamente significativa (test t di Welch, p < 0,001)")
NOT_SIGNIFICANT_AGE = ci.Difference(
    ci.NOT_SIGNIFICANT, "non è statisticamente significativa (test t di Welch, p = 0,400)"
)


def test_age_sentence_older_younger_same():
    assert "più anziano di chi segue un PIP (49,0 e 42,9 anni" in summary.age_sentence(49.0, 42.9, SIGNIFICANT_AGE)
    assert "più giovane" in summary.age_sentence(40.0, 45.0, SIGNIFICANT_AGE)
    close = summary.age_sentence(45.2, 44.8, NOT_SIGNIFICANT_AGE)
    assert "più anziano di chi segue un PIP (45,2 e 44,8 anni" in close and "non è statisticamente" in close
    same = summary.age_sentence(45.04, 44.96, NOT_SIGNIFICANT_AGE)
    assert "hanno in media la stessa età (45,0 anni)" in same


@given(st.floats(min_value=18, max_value=80), st.floats(min_value=18, max_value=80))
def test_summary_and_chapter_3_compare_mean_ages_by_one_rule(lab, pip):
    ind = pd.DataFrame(
        {
            "indicator": ["mean_age", "mean_age"],
            "group": ["laboratorio_sociale", "pip"],
            "category": [None, None],
            "value": [lab, pip],
        }
    )
    tests = pd.DataFrame({"indicator": ["age"], "test": ["welch_t"], "p_value": [0.5], "min_expected": [np.nan]})
    chapter = ci.mean_age_sentence(ind, tests)
    text = summary.age_sentence(lab, pip, ci.difference(tests, "age"))
    assert ("la stessa" in chapter) == ("la stessa età" in text)
    assert ("più giovani" in chapter) == ("più anziano" in text)


def test_vulnerability_sentence_direction_and_significance():
    pip_more = summary.vulnerability_sentence(0.617, 0.485, 0.756, SIGNIFICANT_AGE)
    assert pip_more.startswith(
        "Le persone con almeno una condizione di vulnerabilità sono poco più di tre su "
        "cinque (61,7%), più spesso tra chi segue un PIP (75,6%)"
    )
    lab_more = summary.vulnerability_sentence(0.5, 0.6, 0.4, NOT_SIGNIFICANT_AGE)
    assert "più spesso tra chi frequenta un Laboratorio sociale (60,0%)" in lab_more
    assert lab_more.endswith(
        "tra chi partecipa a uno solo dei due sub-progetti non è statisticamente significativa "
        "(test t di Welch, p = 0,400)."
    )
    assert "quote simili" in summary.vulnerability_sentence(0.5, 0.5, 0.502, NOT_SIGNIFICANT_AGE)


def test_lab_sentences_follow_the_shares():
    assert "le donne sono la netta maggioranza (72,0%)" in summary.lab_profile_sentence(0.72, 49.0, 0.39)
    minority = summary.lab_profile_sentence(0.45, 49.0, 0.39)
    assert "le donne sono una minoranza (45,0%)" in minority and "maggioranza" not in minority
    assert "punto di riferimento credibile" in summary.lab_openness_sentence(0.515, 0.39)
    closed = summary.lab_openness_sentence(0.15, 0.39)
    assert "una minoranza (15,0%)" in closed and "secondo piano" in closed
    assert "secondo piano" in summary.lab_openness_sentence(0.5, 0.1)


def test_pip_target_sentence_reads_the_age_profile():
    older = summary.pip_target_sentence(42.9, 0.683)
    assert older.startswith(
        "I destinatari dei PIP hanno in media 42,9 anni e quelli con almeno 36 anni sono "
        "poco più di due su tre (68,3%)."
    )
    assert "adulti non più giovani" in older
    assert "giovani adulti" in summary.pip_target_sentence(31.0, 0.3)


def verdict(code: str) -> ci.Difference:
    return ci.Difference(code, "")


def test_profiles_sentence_lists_the_significant_dimensions():
    text = summary.profiles_sentence(
        {
            "età": verdict(ci.SIGNIFICANT),
            "genere": verdict(ci.NOT_SIGNIFICANT),
            "condizione di svantaggio": verdict(ci.SIGNIFICANT),
        }
    )
    assert "significative per età e condizione di svantaggio:" in text
    same = summary.profiles_sentence({"età": verdict(ci.NOT_SIGNIFICANT), "genere": verdict(ci.UNTESTABLE)})
    assert "non differiscono in modo statisticamente significativo per età:" in same
    assert "raggiungono persone simili" in same
    assert "non si possono verificare" in summary.profiles_sentence({"età": verdict(ci.UNTESTABLE)})


def test_profiles_sentence_never_calls_uncertain_dimensions_similar():
    mixed = summary.profiles_sentence({"età": verdict(ci.UNCERTAIN), "genere": verdict(ci.NOT_SIGNIFICANT)})
    assert mixed == (
        "Chi partecipa solo ai Laboratori e chi segue solo un PIP non differiscono in modo "
        "statisticamente significativo per genere. Per età i test non concordano e la differenza "
        "resta incerta."
    )
    assert "persone simili" not in mixed
    only = summary.profiles_sentence({"età": verdict(ci.UNCERTAIN)})
    assert only == "Per età i test non concordano e la differenza resta incerta."


def test_coverage_sentence():
    assert summary.coverage_sentence(33, 33) == "I dati di monitoraggio coprono tutti i 33 progetti finanziati."
    assert summary.coverage_sentence(8, 8) == "I dati di monitoraggio coprono tutti gli 8 progetti finanziati."
    assert "riguardano 5 degli 8 progetti" in summary.coverage_sentence(5, 8)
    assert "riguardano 20 dei 33 progetti" in summary.coverage_sentence(20, 33)
    assert "va verificata" in summary.coverage_sentence(40, 33)


def test_partners_sentence_quotes_facts():
    assert summary.partners_sentence(185, 0.76) == (
        "I partner non accreditati ai servizi al lavoro e alla formazione sono 185, la netta maggioranza dei "
        "partner diversi dai capofila (76%)."
    )


def test_monitoring_notes_say_whether_data_are_synthetic():
    synthetic = summary.monitoring_data_note(True, AS_OF, 5)
    real = summary.monitoring_data_note(False, dt.date(2021, 8, 1), 5)
    assert "sintetici" in synthetic and "non descrivono persone reali" in synthetic and "@sec-indicatori" in synthetic
    assert "sintetic" not in real and "aggiornati al 1º agosto 2021" in real
    assert "inferiori a 5" in real and "@sec-indicatori" in real


# ---------------------------------------------------------------- values quoted from the curated data


@pytest.fixture(scope="module")
def call() -> summary.CallFigures:
    return summary.call_figures(
        read_input("projects", PROGRAMME), read_input("facts", PROGRAMME), read_input("procedures", PROGRAMME)
    )


def test_call_figures_match_the_report(call):
    # 33 of 38 applications, 15 in the first ranking (l. 377); 7.827.051,51 € (l. 375); Tabella 2.1 costs
    # add up to 16.202.674,14 € over 7 procedures; 185 non-accredited partners, 76% (l. 832).
    assert (call.applications, call.funded, call.first_ranking) == (38, 33, 15)
    assert call.resources_eur == 7_827_051.51
    assert (call.procedures, call.procedures_cost_eur) == (7, 16_202_674.14)
    assert (call.non_accredited_partners, call.non_accredited_share) == (185, 0.76)


def test_call_figures_sources_cite_only_the_rows_used():
    facts = read_input("facts", PROGRAMME)
    sources = summary.call_figures_sources(
        read_input("projects", PROGRAMME), facts, read_input("procedures", PROGRAMME)
    )
    cited = [s for s in sources if s in set(facts["source"])]
    assert sorted(set(cited)) == sorted(set(facts.loc[facts["key"].isin(summary.KEY_FACTS), "source"]))
    assert all(s.startswith("000") for s in sources)


def test_key_figures_table_has_every_quoted_value(call):
    key = summary.key_figures(fake_set())
    table = summary.key_figures_table(call, key)
    values = dict(zip(table["Voce"], table["Valore"]))
    assert values["Progetti finanziati dall'avviso regionale"] == "33 su 38"
    assert values["Risorse complessive dell'avviso"] == "7.827.051,51\u00a0€"
    assert values["Rinunce ai PIP"] == "0,8%"
    assert values["di cui in entrambi i sub-progetti"] == fmt_int(float(key.both))
    assert set(table["Capitolo"]) == {"@sec-bando", "@sec-indicatori"}


def test_case_study_municipalities_in_card_order():
    cards = read_input("case_studies", PROGRAMME)
    assert summary.case_study_municipalities(cards, ("sus_milano", "sus_bollate")) == ["Milano", "Bollate"]
    assert summary.case_study_municipalities(cards, ("avviso_regionale",)) == ["Mantova", "Giussano", "Bergamo"]


def test_documents_list_has_one_item_per_document():
    documents = read_input("documents", PROGRAMME)
    text = summary.documents_list(documents)
    assert text.count("\n- ") + 1 == len(documents) and text.endswith(".")
    assert "Éupolis Lombardia, *Valutazione degli esiti" in text and ", 2016;" in text


def test_published_edition_reads_as_the_report(tmp_path):
    """On the synthetic edition built to reproduce the report: 830 people, 63,1% with a PIP (Tabelle 3.1-3.2)."""
    key = summary.key_figures(shared_indicators(ROOT / "data" / "synthetic", REFERENCE, AS_OF, cache_dir=tmp_path))
    assert (key.participants, key.projects) == (830, 33)
    assert round(key.pip_share * 100, 1) == 63.1 and round(key.pip_concluded * 100, 1) == 64.7
    assert (round(key.mean_age_lab, 1), round(key.mean_age_pip, 1)) == (49.0, 42.9)
    assert "quasi due su tre (63,1%)" in summary.reach_sentence(key.participants, key.pip_share, AS_OF)
    assert "più anziano" in summary.age_sentence(key.mean_age_lab, key.mean_age_pip, key.age_difference)


# ---------------------------------------------------------------- the summary notebook on another edition


def markdown_outputs(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    texts = [
        o["data"]["text/markdown"]
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if "text/markdown" in o.get("data", {})
    ]
    return "\n".join(texts)


@pytest.mark.e2e
def test_summary_notebook_follows_a_second_edition(tmp_path):
    import papermill

    from quartieri_erp.synth import write_synthetic_edition

    other = tmp_path / "other"
    write_synthetic_edition(other, seed=7, programme_dir=PROGRAMME, participants=2000, projects=20)
    out = tmp_path / "sintesi.ipynb"
    papermill.execute_notebook(
        str(ROOT / "notebooks" / "00_sintesi.ipynb"),
        str(out),
        kernel_name="python3",
        cwd=str(ROOT),
        parameters={"data_dir": str(other)},
        progress_bar=False,
    )
    text = visible(markdown_outputs(out))
    key = summary.key_figures(shared_indicators(other, REFERENCE, AS_OF, cache_dir=tmp_path / "cache"))
    assert key.participants == 2000 and key.projects == 20
    assert "I dati di monitoraggio riguardano 20 dei 33 progetti finanziati" in text
    assert summary.reach_sentence(key.participants, key.pip_share, AS_OF) in text
    assert summary.pip_outcome_sentence(key.pip_concluded, key.pip_in_progress, key.pip_withdrawn) in text
    assert summary.age_sentence(key.mean_age_lab, key.mean_age_pip, key.age_difference, findings=False) in text
    assert "p =" not in text and "p <" not in text  # a synthetic edition shows no test
    assert "raggiunto 2.000 persone" in text and "raggiunto 830 persone" not in text
    assert not re.search(r"\bnan\b|–%", text)
    assert np.isfinite(key.pip_share)


# ---------------------------------------------------------------- provenance and synthetic editions (issue 12)


def test_key_figures_are_reconciled_with_the_published_report(tmp_path):
    from quartieri_erp.inputs.catalogue import read_input

    iset = shared_indicators(ROOT / "data" / "synthetic", REFERENCE, AS_OF, cache_dir=tmp_path)
    key = summary_module.key_figures(iset, read_input("published_indicators", PROGRAMME))
    assert isinstance(key.participants, ci_module.Reconciled)
    assert key.participants.source.reconciled.startswith("Rapporto 2021, Tabella 3.1")
    assert key.pip_share.source.reconciled.startswith("Rapporto 2021, Tabella 3.2")
    assert not isinstance(key.vulnerable_lab, ci_module.Reconciled)  # the share of the labs was never printed
    assert key.vulnerable_lab.source.kind == "monitoring" and not key.vulnerable_lab.source.reconciled
    assert key.employed_or_retired_lab.source.kind == "derived"  # 20% + 19%, both printed
    assert visible(summary_module._pct(key.employed_or_retired_lab, 0)) == "39%"


@pytest.mark.parametrize("findings", [True, False])
def test_summary_sentences_quote_group_findings_only_with_real_data(findings):
    key = summary_module.key_figures(fake_set())
    vulnerable = summary.vulnerability_sentence(
        key.vulnerable, key.vulnerable_lab, key.vulnerable_pip, key.disadvantage_difference, findings
    )
    ages = summary.age_sentence(key.mean_age_lab, key.mean_age_pip, key.age_difference, findings)
    profiles = summary.profiles_sentence(key.profile_differences(), findings)
    openness = summary.lab_openness_sentence(key.non_vulnerable_lab, key.employed_or_retired_lab, findings)
    target = summary.pip_target_sentence(key.mean_age_pip, key.pip_aged_36_plus, findings)
    assert ("48,0%" in vulnerable and "76,0%" in vulnerable) == findings
    assert ("p <" in ages) == findings and ("significativ" in profiles) == findings
    assert ("52,0%" in openness) == findings and ("36 anni" in target) == findings


def test_key_figures_table_flags_the_swapped_counts():
    call = summary_module.call_figures(
        read_input("projects", PROGRAMME), read_input("facts", PROGRAMME), read_input("procedures", PROGRAMME)
    )
    flag = "nella Tabella 3.1 pubblicata è sull'altra riga: Appendice C, @sec-riconciliazione-etichette"
    table = summary_module.key_figures_table(call, summary_module.key_figures(fake_set()), flag)
    values = dict(zip(table["Voce"], table["Valore"]))
    assert values["di cui nei Laboratori sociali"].endswith(f" {summary_module.SWAP_MARK}")
    assert values["di cui con un PIP"].endswith(f" {summary_module.SWAP_MARK}")
    assert flag not in " ".join(values.values())  # explained once, under the table
    note = summary_module.key_figures_note(flag, "524 e 485 sono scambiate.")
    assert note.endswith("contato in ciascuno. (a) 524 e 485 sono scambiate.")
    assert summary_module.key_figures_note("", "x").endswith("contato in ciascuno.")
    assert all(isinstance(cell, summary_module.Md) for cell in table["Capitolo"])  # references stay Markdown


def test_call_figures_carry_the_kind_of_their_rows():
    call = summary_module.call_figures(
        read_input("projects", PROGRAMME), read_input("facts", PROGRAMME), read_input("procedures", PROGRAMME)
    )
    assert call.resources_eur.source.kind in ("published", "curated")
    assert call.funded.source.kind in ("derived", "curated")
    assert all(getattr(call, name).source is not None for name in ("applications", "procedures_cost_eur"))


def test_limits_paragraph_points_to_the_recommendations():
    synthetic = summary.limits_paragraph(True)
    real = summary.limits_paragraph(False, swapped=False)
    assert synthetic.startswith("**I limiti delle evidenze.**") and "sintetici" in synthetic
    assert "sintetici" not in real and "@sec-riconciliazione-etichette" not in real
    assert "@sec-conclusioni-indicazioni" in synthetic and "@sec-conclusioni-indicazioni" in real


def test_conclusions_do_not_repeat_the_reach_sentence_of_the_summary():
    key = summary_module.key_figures(fake_set())
    assert summary.reach_sentence(key.participants, key.pip_share, AS_OF) != summary.reach_sentence(
        key.participants, key.pip_share, AS_OF, form=1
    )


def test_conclusions_word_the_partners_anew():
    assert summary.partners_sentence(185, 0.76) != summary.partners_sentence(185, 0.76, form=1)
    assert "la netta maggioranza (76%, cioè 185 soggetti) non è accreditata" in summary.partners_sentence(185, 0.76, 1)


def test_the_swap_flag_concerns_only_the_published_counts():
    key = summary_module.key_figures(fake_set())  # not reconciled: other counts
    assert summary_module.counts_flag(key, "flag") == "" and not summary_module.counts_as_published(key)
