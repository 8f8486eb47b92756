"""The output folder's helpers, on small folders: which ``--out`` is accepted, leftovers of killed builds,
and the atomic switch of the ``report`` link (also over a real folder of an earlier build)."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from quartieri_erp.errors import ParameterError
from quartieri_erp.params import load_params
from quartieri_erp.pipeline.outdir import MARKER, check_out, claim_out, remove_leftovers
from quartieri_erp.pipeline.publish import collect_versions, switch_link

ROOT = Path(__file__).resolve().parents[2]


def params_with_out(out: Path):
    return replace(load_params(ROOT / "params.yml"), out=out)


def test_a_folder_holding_only_build_outputs_is_adopted_and_marked(tmp_path):
    out = tmp_path / "build"
    (out / "report").mkdir(parents=True)
    (out / "indicators.csv").write_text("x")
    (out / ".staging-abc").mkdir()
    check_out(params_with_out(out), ROOT)
    claim_out(out)
    assert (out / MARKER).is_file()
    (out / "mine.txt").write_text("x")
    check_out(params_with_out(out), ROOT)  # marked: the build deletes only what it wrote, mine.txt stays


def test_a_foreign_folder_is_refused_even_with_a_report_inside(tmp_path):
    out = tmp_path / "site"
    (out / "report").mkdir(parents=True)
    (out / "index.html").write_text("x")
    with pytest.raises(ParameterError, match=r"a build did not create.*index\.html"):
        check_out(params_with_out(out), ROOT)


def test_leftovers_are_removed_and_a_half_swapped_report_is_restored(tmp_path):
    (tmp_path / ".staging-x" / "notebooks").mkdir(parents=True)
    (tmp_path / ".report.tmp-123").symlink_to(".reports/a")
    (tmp_path / ".report.old").mkdir()
    (tmp_path / ".report.old" / "index.html").write_text("previous")
    remove_leftovers(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]
    assert (tmp_path / "report" / "index.html").read_text() == "previous"


def test_the_report_link_is_switched_over_a_real_folder_and_old_versions_are_collected(tmp_path):
    (tmp_path / "report").mkdir()
    (tmp_path / "report" / "index.html").write_text("earlier build")
    for version in ("a", "b"):
        (tmp_path / ".reports" / version).mkdir(parents=True)
        (tmp_path / ".reports" / version / "index.html").write_text(version)
    switch_link(tmp_path / "report", ".reports/a")
    assert os.readlink(tmp_path / "report") == ".reports/a"
    switch_link(tmp_path / "report", ".reports/b")
    assert (tmp_path / "report" / "index.html").read_text() == "b"
    collect_versions(tmp_path)
    assert [p.name for p in (tmp_path / ".reports").iterdir()] == ["b"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".reports", "report"]
