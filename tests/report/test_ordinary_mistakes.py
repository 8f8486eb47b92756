"""Ordinary mistakes stop the command before anything runs, with exit code 2, one message naming the path
and what to do, and no traceback; an ``--out`` the build does not own is refused and nothing in it is
touched.

All cases share one copy of the project (each refused command leaves it as it was, which the last test
checks). Cases that need a build are in ``test_crash_safety.py``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_cli
from report_state import snapshot

UNWRITABLE = Path("/sys/kernel")  # a folder no process may create files in, not even root's


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("mistakes") / "project"
    root.mkdir()
    for name in ("params.yml", "_quarto.yml", "index.qmd"):
        shutil.copy(ROOT / name, root / name)
    for folder in ("notebooks", "data", "report"):
        shutil.copytree(ROOT / folder, root / folder)
    (root / "foreign").mkdir()
    (root / "foreign" / "notes.txt").write_text("mine")
    (root / "foreign" / "report").mkdir()
    (root / "a-file").write_text("not a folder")
    (root / "loop").symlink_to(root / "loop")
    params = yaml.safe_load((root / "params.yml").read_text())
    (root / "params-list.yml").write_text(yaml.safe_dump({**params, "data_dir": ["data/synthetic", "data/x"]}))
    (root / "params-alias.yml").write_text(
        (root / "params.yml")
        .read_text()
        .replace('edition: "2021"', 'edition: &e "2021"\nreport_name: *e')
        .replace("report_name: rapporto-quartieri-erp", "")
    )
    return root


def refused(project: Path, *args: str, code: int = 2, cwd: Path | None = None) -> str:
    result = run_cli(*args, cwd=cwd or project, timeout=120)
    assert result.returncode == code, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Executing" not in result.stdout
    return result.stderr


@pytest.mark.parametrize(
    "args, fragments",
    [
        (["build", "--data-dir", "data/synthetc"], ["data/synthetc does not exist", "check the spelling"]),
        (["build", "--data-dir", "data/synthetic/projects.csv"], ["projects.csv is a file, not a folder"]),
        (["build", "--data-dir", "loop/data"], ["loop/data cannot be resolved", "Symlink loop"]),
        (["build", "--out", "a-file"], ["a-file is a file, not a folder"]),
        (["build", "--out", str(UNWRITABLE / "quartieri-erp")], ["cannot be created", "writable folder"]),
        (["build", "--out", "."], ["is the project folder or contains it"]),
        (["build", "--out", "/"], ["--out / is the file-system root"]),
        (["build", "--out", ".."], ["is the project folder or contains it"]),
        (["build", "--out", "data/synthetic"], ["is the input folder", "data_dir"]),
        (["build", "--out", "data/programme/sub"], ["is inside the input folder", "programme_dir"]),
        (["build", "--out", "data"], ["contains the input folder"]),
        (["build", "--out", "foreign"], ["a build did not create", "notes.txt"]),
        (["build", "--as-of", "2999-12-31"], ["as_of 2999-12-31 is after today"]),
        (["--params", "params-list.yml", "build"], ["data_dir must be one folder path written as text"]),
        (["--params", "params-alias.yml", "build"], ["anchors and aliases (&, *) are not allowed"]),
        (["--params", "missing.yml", "build"], ["missing.yml does not exist"]),
        (["indicators", "--out", "data"], ["indicators --out", "is a folder", "indicators.csv"]),
        (["indicators", "--out", "nowhere/x.csv"], ["the folder", "nowhere does not exist"]),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) and value and "-" in value[0] + value[-1] else None,
)
def test_an_ordinary_mistake_is_one_clear_message(project, args, fragments):
    message = refused(project, *args)
    for fragment in fragments:
        assert fragment in message, message


def test_a_read_only_cache_is_named(project, tmp_path):
    cache = project / ".cache"
    cache.symlink_to(UNWRITABLE)
    try:
        message = refused(project, "build", "--out", str(tmp_path / "out"))
    finally:
        cache.unlink()
    assert "the cache folder" in message and "is not writable" in message and "chmod" in message
    assert not (tmp_path / "out").exists()


def test_a_params_file_outside_the_project_run_from_outside_it(project, tmp_path):
    shutil.copy(project / "params.yml", tmp_path / "params.yml")
    message = refused(project, "--params", str(tmp_path / "params.yml"), "build", cwd=tmp_path)
    assert "is not inside the project" in message and "run quartieri-erp from the project folder" in message


def test_a_params_file_outside_the_project_names_its_relative_folders(project, tmp_path):
    shutil.copy(project / "params.yml", tmp_path / "params.yml")
    message = refused(project, "--params", str(tmp_path / "params.yml"), "build")
    assert f"{tmp_path}/data/synthetic does not exist" in message
    assert "from the folder of params.yml" in message


def test_refused_commands_changed_nothing(project):
    before = snapshot(project)
    refused(project, "build", "--out", "foreign")
    refused(project, "build", "--out", ".")
    assert snapshot(project) == before
    assert (project / "foreign" / "notes.txt").read_text() == "mine"
    assert not (project / ".quartieri-erp-build").exists() and not (project / "build").exists()
