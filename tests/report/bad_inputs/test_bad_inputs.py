"""Bad inputs stop `quartieri-erp build` before any notebook runs: exit code 2, a message naming the file,
row, column, value and rule of every problem, and the previous report left byte for byte as it was.

The cases are the table in ``bad_input_cases.py``; each runs the command's entry point in this process
(validation fails before any kernel starts) on broken copies of the input folders.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from bad_input_cases import CASES, Case

from conftest import ROOT
from quartieri_erp.cli import main
from report_state import install_previous_report, leftovers, snapshot

COPIES = {"data": "data/synthetic", "programme": "data/programme", "reference": "data/reference"}


def broken_project(case: Case, root: Path) -> Path:
    """Copies of the input folders under ``root`` with the case's mutations; returns its params file."""
    for name, source in COPIES.items():
        shutil.copytree(ROOT / source, root / name)
    for mutate in case.mutations:
        mutate(root)
    params = yaml.safe_load((ROOT / "params.yml").read_text(encoding="utf-8"))
    params.update(
        {f"{name}_dir": str(root / name) for name in COPIES}, out=str(root / "out"), figures_dir=str(root / "figures")
    )
    params_file = root / "params.yml"
    params_file.write_text(yaml.safe_dump(params), encoding="utf-8")
    return params_file


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_stops_the_build_and_keeps_the_previous_report(case, tmp_path, built_report, monkeypatch, capsys):
    params_file = broken_project(case, tmp_path)
    before = install_previous_report(built_report, tmp_path / "out")
    monkeypatch.chdir(ROOT)

    code = main(["--params", str(params_file), "build", "--renderer", "offline"])

    printed = capsys.readouterr()
    assert code == 2, printed.out + printed.err
    assert printed.err.startswith("Dati non validi:")
    for fragment in case.expected:
        assert fragment in printed.err, f"{fragment!r} not in:\n{printed.err}"
    assert "Executing" not in printed.out
    assert f"the previous report in {tmp_path / 'out' / 'report'} is untouched" in printed.out
    assert snapshot(tmp_path / "out") == before
    assert leftovers(tmp_path / "out") == []
    assert not (tmp_path / "figures").exists()
