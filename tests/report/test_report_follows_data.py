"""The rendered report follows its data: a changed curated value, another monitoring dataset."""

import csv
import html
import re
from pathlib import Path

import pandas as pd
import pytest

from conftest import run_cli
from quartieri_erp.presentation.formatting import fmt_int, fmt_pct
from report_state import warm_cache


def page_text(report: Path, page: str) -> str:
    """The visible text of a page: tags dropped, entities decoded, whitespace collapsed."""
    raw = (report / page).read_text(encoding="utf-8")
    main = raw[raw.index("<main") : raw.index("</main>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).replace("\u2019", "'").split())


def set_value(path: Path, card: str, metric: str, value: str) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    [row] = [r for r in rows if r["card_id"] == card and r["metric"] == metric]
    row["value"] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.e2e
def test_a_changed_case_study_result_changes_the_rendered_report(project_copy, built_report):
    warm_cache(project_copy)
    set_value(project_copy / "data" / "programme" / "case_study_results.csv", "4.1", "people_welcomed", "1267")
    result = run_cli("build", "--renderer", "offline", cwd=project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    rerun = [line.split()[2] for line in result.stdout.splitlines() if "✓" in line and "(cache)" not in line]
    assert "04_casi_studio.ipynb" in rerun and "03_indicatori.ipynb" not in rerun
    chapter = page_text(project_copy / "build" / "report", "04_casi_studio.html")
    before = page_text(built_report / "report", "04_casi_studio.html")
    assert "1.267" in chapter and "1.267" not in before


@pytest.fixture(scope="module")
def other_build(tmp_path_factory):
    """The report built on a second synthetic dataset: other sizes, proportions and project list."""
    folder = tmp_path_factory.mktemp("other")
    data, out = folder / "data", folder / "build"
    result = run_cli("synth", "--out", str(data), "--seed", "7", "--participants", "2000", "--projects", "20")
    assert result.returncode == 0, result.stderr
    result = run_cli("build", "--renderer", "offline", "--data-dir", str(data), "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return data, out


@pytest.mark.e2e
def test_another_dataset_gives_a_report_that_follows_it(other_build, tmp_path):
    data, out = other_build
    expected = tmp_path / "indicators.csv"
    assert run_cli("indicators", "--data-dir", str(data), "--out", str(expected)).returncode == 0
    assert (out / "indicators.csv").read_bytes() == expected.read_bytes()

    indicators = pd.read_csv(expected)
    total = indicators.query("indicator == 'participants' and group == 'totale'")["value"].iloc[0]
    share = indicators.query("indicator == 'pip_share' and group == 'totale'")["value"].iloc[0]
    assert total == 2000
    report = out / "report"
    chapter3, summary = page_text(report, "03_indicatori.html"), page_text(report, "00_sintesi.html")
    for text in (chapter3, summary):  # (chapter 3 also quotes the published 830 when it explains the labels)
        assert fmt_int(total) in text and fmt_pct(share) in text
    assert fmt_int(total) in page_text(report, "05_conclusioni.html")
    assert "Dati sintetici" in chapter3  # the banner follows edition.yml of the data folder


@pytest.mark.e2e
def test_another_dataset_changes_the_chapter_3_figures(other_build, built_report):
    _, out = other_build
    ours = {p.name: p.read_bytes() for p in (built_report / "report" / "figures").glob("03_indicatori-*.png")}
    theirs = {p.name: p.read_bytes() for p in (out / "report" / "figures").glob("03_indicatori-*.png")}
    assert ours.keys() == theirs.keys() and all(ours[name] != theirs[name] for name in ours)
