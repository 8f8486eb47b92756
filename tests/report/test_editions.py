"""Two editions built into two folders: each names itself, keeps its own figures, and the second compares
itself with the first (appendix "Cosa cambia rispetto all'edizione precedente" and `quartieri-erp compare`).

The second edition is a changed copy of data/synthetic: project P07 removed (with its participants),
P34 and P35 added, more participants, a later cut-off (30 September 2022).
"""

from __future__ import annotations

import csv
import hashlib
import html
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, run_cli

NEW_AS_OF = "2022-09-30"


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def second_edition(folder: Path) -> Path:
    """data/synthetic changed: P07 gone, P34 and P35 new (copies of P01/P02 people), 2022 cut-off."""
    shutil.copytree(ROOT / "data" / "synthetic", folder)
    projects = [p for p in _rows(folder / "projects.csv") if p["project_id"] != "P07"]
    for new, model in (("P34", projects[0]), ("P35", projects[1])):
        projects.append({**model, "project_id": new, "lead_partner": f"Comune di prova {new}"})
    _write(folder / "projects.csv", projects)
    people = _rows(folder / "participants.csv")
    gone = {p["participant_id"] for p in people if p["project_id"] == "P07"}
    kept = [p for p in people if p["participant_id"] not in gone]
    added = [
        {**p, "participant_id": f"N{i:04d}", "project_id": ("P34", "P35")[i % 2]} for i, p in enumerate(kept[:400])
    ]
    _write(folder / "participants.csv", kept + added)
    enrolments = [e for e in _rows(folder / "enrolments.csv") if e["participant_id"] not in gone]
    first = {}
    for e in enrolments:
        first.setdefault(e["participant_id"], e)
    new_rows = [
        {**first[p["participant_id"]], "participant_id": f"N{i:04d}", "start_date": "2022-03-15"}
        for i, p in enumerate(kept[:400])
    ]
    _write(folder / "enrolments.csv", enrolments + new_rows)
    info = (folder / "edition.yml").read_text(encoding="utf-8")
    (folder / "edition.yml").write_text(
        re.sub(r"extracted_on: .*", f"extracted_on: {NEW_AS_OF}", info), encoding="utf-8"
    )
    return folder


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.png"))}


def plain(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("\u2019", "'").split())


@pytest.fixture(scope="module")
def editions(tmp_path_factory, built_report):
    """(first build, second build, figures of the first before the second was built, second's build result).

    The first edition is a copy of the session's default build (``built_report``, shared with the other tests
    and, under xdist, with the other worker: the rebuild below must not write into it while they read it).
    """
    tmp = tmp_path_factory.mktemp("editions")
    first, second = tmp / "ed2021", tmp / "ed2022"
    shutil.copytree(built_report, first, symlinks=True)  # report/ and executed/ stay links to their versions
    figures_before = _digests(first / "figures")
    data = second_edition(tmp / "data2022")
    result = run_cli(
        "build",
        "--renderer",
        "offline",
        "--out",
        str(second),
        "--data-dir",
        str(data),
        "--as-of",
        NEW_AS_OF,
        "--edition",
        "2022",
        "--previous",
        str(first),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return first, second, figures_before, result


def test_each_report_names_its_edition_and_date_on_title_page_and_cover(editions):
    """The title-page facts (stage.title_page_markdown, the cover table of the PDF template) name this edition
    as 'Questa edizione: NAME, dati di monitoraggio aggiornati al DAY' (a label and its value; the PDF cover
    prints the label in its own column)."""
    first, second, _, _ = editions
    for out, edition, day in ((first, "2021", "30 novembre 2020"), (second, "2022", "30 settembre 2022")):
        line = re.compile(rf"Questa edizione:? {edition}, dati di monitoraggio aggiornati al {day}")
        title = plain((out / "report" / "index.html").read_text(encoding="utf-8"))
        assert line.search(title), out
        cover = plain(PdfReader(out / "report" / "rapporto-quartieri-erp.pdf").pages[0].extract_text())
        assert line.search(cover), cover


def test_figures_live_under_each_out_and_the_second_build_leaves_the_first_alone(editions):
    first, second, figures_before, _ = editions
    assert figures_before and _digests(first / "figures") == figures_before
    assert _digests(second / "figures")
    assert _digests(second / "figures") != figures_before  # the 2022 charts are other charts


def test_comparison_appendix_lists_projects_in_and_out_and_changed_indicators(editions):
    first, second, _, _ = editions
    page = plain((second / "report" / "A7_confronto_edizioni.html").read_text(encoding="utf-8"))
    assert "Cosa cambia rispetto all'edizione precedente" in page
    assert "edizione 2021" in page
    assert re.search(r"entrano 2 progetti \(P34 e P35\)", page), page[:3000]
    assert re.search(r"esce 1 progetto \(P07\)|escono 1 progetto \(P07\)", page)
    assert "Oltre gli intervalli" in page and "sì" in page
    assert "monitoraggio/participants.csv" in page
    # P34 and P35 are not among the funded projects of the programme data: said in the appendix
    assert "P34 e P35" in page and "non risultano tra i finanziati" in page
    assert "P07" in page and "non compare" in page
    own = plain((first / "report" / "A7_confronto_edizioni.html").read_text(encoding="utf-8"))
    assert "non è stata indicata un'edizione precedente" in own


def test_reconciliation_warnings_are_printed_and_not_fatal(editions):
    _, _, _, result = editions
    text = result.stdout + result.stderr
    assert "P34" in text and "P35" in text and "P07" in text
    assert "Avviso" in text


def test_compare_prints_the_same_and_writes_csv(editions, tmp_path):
    first, second, _, _ = editions
    table = tmp_path / "confronto.csv"
    result = run_cli("compare", str(first), str(second), "--csv", str(table))
    assert result.returncode == 0, result.stderr
    assert "Progetti entrati: P34, P35" in result.stdout
    assert "Progetti usciti: P07" in result.stdout
    marked = int(re.search(r"oltre gli intervalli di confidenza: (\d+)", result.stdout).group(1))
    assert marked > 0
    rows = _rows(table)
    assert {"P34", "P35", "P07"} <= {r["item"] for r in rows if r["section"] == "progetto"}
    assert sum(r["note"] == "oltre gli intervalli di confidenza" for r in rows) == marked
    assert any(r["section"] == "sintesi" for r in rows)  # the headline sentences with the numbers changed
    assert any(r["item"] == "monitoraggio/participants.csv" for r in rows)


def test_compare_on_a_folder_that_is_not_a_build_says_so(tmp_path):
    result = run_cli("compare", str(tmp_path), str(tmp_path))
    assert result.returncode == 2
    assert "not the output folder of a build" in result.stderr


def test_rebuilding_the_first_edition_after_the_second_reexecutes_nothing(editions):
    first, _, _, _ = editions
    result = run_cli("build", "--renderer", "offline", "--out", str(first))
    assert result.returncode == 0, result.stdout + result.stderr
    ran = [line for line in result.stdout.splitlines() if "✓" in line and "(cache)" not in line]
    assert ran == []
    assert "Report up to date" in result.stdout
