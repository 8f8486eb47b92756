"""The bounds of one build and the clashes found only after every chapter ran are refused by validation,
before any notebook runs: exit code 2 and a message naming file, row, column and value (the limits are
``quartieri_erp.limits``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input_cases import Case, edit
from test_bad_inputs import broken_project

from conftest import ROOT
from input_variants import read_rows, write_rows
from quartieri_erp.cli import main
from quartieri_erp.limits import LIMITS
from report_state import install_previous_report, snapshot


def many_projects(count: int):
    def mutate(root: Path) -> None:
        rows = read_rows(root / "data" / "projects.csv")
        template = rows[1]
        rows += [[f"X{i:04d}", *template[1:]] for i in range(count - len(rows) + 1)]
        write_rows(root / "data" / "projects.csv", rows)

    return mutate


CASES = [
    Case(
        "project ids differing by case",
        (edit("data/projects.csv", 3, "project_id", "p01"),),
        ("projects.csv, riga 3, colonna 'project_id', valore 'p01' — differisce da 'P01' (riga 2) solo per maiuscole",),
    ),
    Case(
        "curated project ids differing by case",
        (edit("programme/projects.csv", 4, "project_id", "p01"),),
        ("programme/projects.csv, riga 4, colonna 'project_id', valore 'p01' — differisce da 'P01'",),
    ),
    Case(
        "a text cell beyond the limit",
        (edit("programme/glossary.csv", 2, "explanation", "parola " * 1000),),
        (
            "glossary.csv, riga 2, colonna 'explanation'",
            "il testo ha 7.000 caratteri; una cella ne ammette al massimo 5.000",
        ),
    ),
    Case(
        "more projects than the annex renders",
        (many_projects(LIMITS.annex_projects + 1),),
        (
            f"projects.csv — {LIMITS.annex_projects + 1:,} progetti; una compilazione ne presenta al massimo ".replace(
                ",", "."
            )
            + f"{LIMITS.annex_projects:,}".replace(",", "."),
        ),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_beyond_the_bounds_is_refused_before_anything_runs(case, tmp_path, built_report, monkeypatch, capsys):
    params_file = broken_project(case, tmp_path)
    before = install_previous_report(built_report, tmp_path / "out")
    monkeypatch.chdir(ROOT)

    code = main(["--params", str(params_file), "build", "--renderer", "offline"])

    printed = capsys.readouterr()
    assert code == 2, printed.out + printed.err
    for fragment in case.expected:
        assert fragment in printed.err, f"{fragment!r} not in:\n{printed.err}"
    assert "Executing" not in printed.out
    assert snapshot(tmp_path / "out") == before
