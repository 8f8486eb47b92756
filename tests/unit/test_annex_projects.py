"""Appendix F (A6), the per-project annex: project facts with their provenance, participant figures only when the
edition allows findings, protected by disclosure control and audited against the totals published elsewhere."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from quartieri_erp.chapters import appendices as app
from quartieri_erp.chapters.labels import load_labels
from quartieri_erp.indicators.disclosure import COMPLEMENTARY, COMPLEMENTARY_MARK, PRIMARY, SHOWN, DisclosureError
from quartieri_erp.inputs.catalogue import read_input
from quartieri_erp.inputs.monitoring import load_monitoring
from quartieri_erp.presentation.markup import visible
from quartieri_erp.synth import write_synthetic_edition

ROOT = Path(__file__).resolve().parents[2]
PROGRAMME, REFERENCE, SYNTHETIC = ROOT / "data" / "programme", ROOT / "data" / "reference", ROOT / "data" / "synthetic"
AS_OF = "2020-11-30"

PROJECTS = [
    ("P1", "Comune di Milano", "Comune", "Milano", "015146", "MI", "prima", ""),
    ("P2", "Comune di Cremona", "Comune", "Cremona", "019036", "CR", "seconda", "100000.50"),
    ("P3", "Comune di Varese", "Comune", "Varese", "012133", "VA", "seconda", ""),
]


def write_folder(folder: Path, groups, projects=PROJECTS) -> Path:
    """Monitoring files from groups (project, how many, sex, age, citizenship, in the lab, PIP status or None)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "edition.yml").write_text("synthetic: true\nextracted_on: 2020-11-30\n", encoding="utf-8")
    with open(folder / "projects.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "project_id",
                "lead_partner",
                "lead_type",
                "municipality",
                "istat_code",
                "province",
                "ranking",
                "budget_eur",
            ]
        )
        writer.writerows(projects)
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
        writer.writerow(
            [
                "participant_id",
                "project_id",
                "sex",
                "age",
                "citizenship",
                "education",
                "disadvantage",
                "employment_status",
                "province",
            ]
        )
        writer.writerows(people)
    with open(folder / "enrolments.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["participant_id", "subproject", "start_date", "status"])
        writer.writerows(enrolments)
    return folder


# P1: 20 women in the lab only, 3 men in a PIP only (concluded). P2: 10 lab only, 10 PIP only, 2 in both.
# P3: 5 women, all Italian, in the lab only (a single-sex project just at the threshold).
GROUPS = [
    ("P1", 20, "F", 40, "IT", True, None),
    ("P1", 3, "M", 30, "MA", False, "concluso"),
    ("P2", 10, "F", 50, "IT", True, None),
    ("P2", 6, "M", 20, "IT", False, "concluso"),
    ("P2", 4, "F", 60, "RO", False, "in_corso"),
    ("P2", 2, "M", 35, "IT", True, "rinuncia"),
    ("P3", 5, "F", 44, "IT", True, None),
]


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    return load_monitoring(write_folder(tmp_path_factory.mktemp("mon"), GROUPS), REFERENCE)


@pytest.fixture(scope="module")
def labels() -> app.AnnexLabels:
    return app.AnnexLabels.from_tables(load_labels(REFERENCE), read_input("discrepancies", PROGRAMME))


@pytest.fixture(scope="module")
def small_annex(small):
    return app.build_annex(
        small, read_input("projects", PROGRAMME), 5, findings=True, marked=False, as_of=AS_OF, synthetic=False
    )


def test_counts_per_project_by_hand(small):
    counts = app.project_counts(small)
    assert list(counts.index) == ["P1", "P2", "P3"]
    assert counts.loc["P1"].to_dict() == {
        "participants": 23,
        "laboratorio_only": 20,
        "pip_only": 3,
        "both": 0,
        "laboratorio_sociale": 20,
        "pip": 3,
        "F": 20,
        "M": 3,
        "italiana": 20,
        "straniera": 3,
        "age_sum": 20 * 40 + 3 * 30,
        "concluso": 3,
        "in_corso": 0,
        "rinuncia": 0,
    }
    assert counts.loc["P2"].to_dict() == {
        "participants": 22,
        "laboratorio_only": 10,
        "pip_only": 10,
        "both": 2,
        "laboratorio_sociale": 12,
        "pip": 12,
        "F": 14,
        "M": 8,
        "italiana": 18,
        "straniera": 4,
        "age_sum": 500 + 120 + 240 + 70,
        "concluso": 6,
        "in_corso": 4,
        "rinuncia": 2,
    }


def test_the_annex_model_holds_the_totals_published_in_chapter_3(small):
    values, equalities, printed = app.annex_model(app.project_counts(small))
    totals = {eq.label: eq.total for eq in equalities if eq.label.startswith("totale")}
    assert totals["totale rinuncia (capitolo 3)"] == 2 and totals["totale participants (capitolo 3)"] == 50
    assert not printed[("P1", "laboratorio_only")] and printed[("P1", "pip")]


def test_small_counts_print_the_primary_mark_and_their_companions_the_other_mark(small, small_annex):
    p, counts = small_annex.protection, app.project_counts(small)
    printed = p.status[p.printed]
    values = p.values[p.printed]
    # "<5" only on counts below 5 (zeros included), the complementary mark only on counts of at least 5
    assert (values[printed == PRIMARY] < 5).all() and (values[printed == COMPLEMENTARY] >= 5).all()
    assert ((values < 5) == (printed == PRIMARY)).all()
    # P1: 3 in a PIP; its 23 participants and 20 in the lab would give it away (23 - 20 + 0 in both), so one
    # of the two is hidden too, with the complementary mark.
    assert p.status[("P1", "pip")] == PRIMARY
    assert {p.status[("P1", "participants")], p.status[("P1", "laboratorio_sociale")]} == {SHOWN, COMPLEMENTARY}
    shown = small_annex.shown.loc["P1"]
    assert visible(shown["pip"]) == "\\<5"
    assert COMPLEMENTARY_MARK in {visible(shown["participants"]), visible(shown["laboratorio_sociale"])}
    assert counts.loc["P1", "laboratorio_sociale"] == 20
    assert p.audit(exact=True)["ok"].all()


def test_no_share_or_mean_of_a_hidden_group_is_shown(small, small_annex, labels):
    shown = small_annex.shown
    # P3: 5 women, no man, no foreigner: "donne 100,0%" and "stranieri 0,0%" would reveal the zeros.
    assert shown.loc["P3", "women_share"] is None and shown.loc["P3", "foreign_share"] is None
    # P1 has 3 men and 3 foreigners: no share either.
    assert shown.loc["P1", "women_share"] is None and shown.loc["P1", "foreign_share"] is None
    facts = small_annex.facts
    text = visible(app.project_sections(facts, shown, labels))
    assert "100,0%" not in text and " 0,0%" not in text and "età media <" not in text
    assert "età media \\<" not in text


def test_facts_come_from_the_programme_file_with_their_provenance():
    programme = read_input("projects", PROGRAMME)
    projects = pd.DataFrame(
        {
            "project_id": ["P15", "P17", "P01"],
            "lead_partner": ["ALER Milano", "Comune di Bergamo", "Somebody else"],
            "lead_type": ["ALER", "Comune", "Comune"],
            "municipality": ["Milano", "Bergamo", "Milano"],
            "istat_code": ["015146", "016024", "015146"],
            "province": ["MI", "BG", "MI"],
            "ranking": ["prima", "seconda", "prima"],
            "budget_eur": [np.nan, 251989.04, 5.0],
        }
    )
    facts = app.project_facts(projects, programme).set_index("project_id")
    assert facts.loc["P15", "lead_partner_assumed"] and facts.loc["P15", "act"] == "decreto n. 7390 del 23/05/2018"
    assert facts.loc["P17", "budget_eur"] == 251989.04 and not facts.loc["P17", "lead_partner_assumed"]
    # the budget printed in the report keeps its kind even when the monitoring file repeats it
    assert (
        facts.loc["P17", "budget_source"].kind == "published" and "Tavola 4.10" in facts.loc["P17", "budget_source"].ref
    )
    assert facts.loc["P15", "fact_source"].kind == "published"
    assert pd.isna(facts.loc["P01", "act"]) and facts.loc["P01", "budget_source"].kind == "monitoring"


def test_synthetic_edition_shows_no_participant_figure_and_says_why(labels):
    monitoring = load_monitoring(SYNTHETIC, REFERENCE)
    annex = app.build_annex(
        monitoring, read_input("projects", PROGRAMME), 5, findings=False, marked=False, as_of=AS_OF, synthetic=True
    )
    assert annex.shown is None and annex.protection is None
    cards = app.project_sections(annex.facts, annex.shown, labels)
    assert "Partecipanti" not in cards and "Esito dei PIP" not in cards and "Profilo" not in cards
    assert "Con i dati di monitoraggio reali" in app.annex_note(annex, 5)
    summary = app.summary_table(annex.facts, annex.shown, labels)
    assert list(summary.columns) == ["Progetto", "Capofila", "Comune", "Dotazione"]
    # the lead partner the source does not name is never guessed, in Tab. F.1 or in its card
    p15 = summary.loc[annex.facts["project_id"] == "P15"].iloc[0]
    assert p15["Capofila"].startswith("Non indicato nella fonte") and "Appendice D, D05" in p15["Capofila"]
    assert p15["Comune"] == "–"
    card = cards.split("### P15")[1].split("###")[0]
    assert "non indicato nella fonte" in card and "Appendice D, D05" in card and "ALER Milano" not in card
    # Giussano and Mantova: only the published budget, with its kind
    p08 = summary.loc[annex.facts["project_id"] == "P08", "Dotazione"].iloc[0]
    assert 'data-kind="published"' in p08 and "241.679,72" in p08
    assert not re.search(r"\bX\d{4}\b", cards)


def test_generated_edition_with_tiny_projects_passes_the_audit(tmp_path):
    write_synthetic_edition(tmp_path, 7, PROGRAMME, participants=40, projects=12)
    counts = app.project_counts(load_monitoring(tmp_path, REFERENCE))
    sizes = counts["participants"]
    assert ((sizes >= 1) & (sizes <= 4)).any()  # tiny projects
    assert ((counts["F"] == 0) | (counts["M"] == 0))[sizes > 0].any()  # single-sex projects
    assert (counts[["both", "pip", "concluso", "in_corso"]] == 1).any().any()  # one-person categories
    protection = app.protect_annex(counts, 5)
    assert protection.audit(exact=True)["ok"].all()
    shown = app.shown_indicators(counts, protection)
    assert shown.loc[sizes < 5, ["women_share", "foreign_share", "mean_age"]].isna().all().all()


def test_hand_made_tiny_projects_pass_the_audit(tmp_path):
    groups = [
        ("P1", 1, "F", 30, "IT", True, None),
        ("P2", 4, "M", 50, "MA", False, "in_corso"),
        ("P3", 12, "F", 41, "IT", True, "concluso"),
        ("P3", 1, "M", 22, "RO", True, None),
    ]
    counts = app.project_counts(load_monitoring(write_folder(tmp_path / "m", groups), REFERENCE))
    protection = app.protect_annex(counts, 5)
    assert protection.audit(exact=True)["ok"].all()
    assert protection.status[("P1", "participants")] == PRIMARY and protection.status[("P3", "M")] == PRIMARY


def test_an_audit_failure_stops_the_annex_with_a_clear_message(small, monkeypatch):
    real = app.protect

    def careless(values, equalities, threshold, **options):  # a protection that forgets its companions
        protection = real(values, equalities, threshold, **options)
        protection.status[protection.status == COMPLEMENTARY] = SHOWN
        protection.status[~protection.printed] = COMPLEMENTARY
        return protection

    monkeypatch.setattr(app, "protect", careless)
    with pytest.raises(DisclosureError) as failure:
        app.build_annex(
            small, read_input("projects", PROGRAMME), 5, findings=True, marked=False, as_of=AS_OF, synthetic=False
        )
    message = str(failure.value)
    assert "Appendice F, schede dei progetti" in message and re.search(r"cell \('P\d', '\w+'\)", message)


def test_data_text_is_escaped_in_cards_and_table(tmp_path, labels):
    hostile = "<img src=x onerror=alert(1)> [x](javascript:alert(1)) $x$ @fig-x"
    projects = [("P1", hostile, "Comune", hostile, "015146", "MI", "prima", "")]
    monitoring = load_monitoring(
        write_folder(tmp_path / "m", [("P1", 6, "F", 40, "IT", True, None)], projects), REFERENCE
    )
    annex = app.build_annex(
        monitoring, read_input("projects", PROGRAMME), 5, findings=False, marked=False, as_of=AS_OF, synthetic=True
    )
    cards = app.project_sections(annex.facts, annex.shown, labels)
    summary = app.summary_table(annex.facts, annex.shown, labels)
    for text in (cards, *summary["Capofila"], *summary["Comune"]):
        assert not re.search(r"(?<!\\)<img|(?<!\\)\]\(javascript|(?<!\\)[$@]", text)
        assert "\\<img" in text


def test_the_printed_summary_stands_for_the_cards_without_links_and_with_the_funding(labels):
    monitoring = load_monitoring(SYNTHETIC, REFERENCE)
    annex = app.build_annex(
        monitoring, read_input("projects", PROGRAMME), 5, findings=False, marked=False, as_of=AS_OF, synthetic=True
    )
    printed = app.summary_table(annex.facts, annex.shown, labels, printed=True)
    assert list(printed.columns) == ["Progetto", "Capofila", "Finanziamento", "Dotazione"]
    assert len(printed.columns) == len(app.summary_widths(annex, printed=True))
    assert not any("](#" in str(cell) for cell in printed["Progetto"])
    p15 = printed.loc[annex.facts["project_id"] == "P15"].iloc[0]
    assert p15["Finanziamento"] == "Prima graduatoria; decreto n. 7390 del 23/05/2018" and p15["Capofila"].startswith(
        "Non indicato nella fonte"
    )
    assert app.summary_align(printed)["Finanziamento"] == "left"
