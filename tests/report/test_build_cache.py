"""The build cache: what is reused, what re-runs, and that a failed or moved build never reuses stale work."""

import json
import shutil

import nbformat
import pytest

from conftest import run_cli
from quartieri_erp.pipeline.cache import BuildCache
from quartieri_erp.rendering.pandoc import PandocCache
from report_state import warm_cache


def executed(output: str) -> list[str]:
    """Notebooks a build executed (not taken from the cache), from its progress lines."""
    return [line.split()[2] for line in output.splitlines() if "✓" in line and "(cache)" not in line]


@pytest.fixture()
def project(tmp_path):
    """A tiny project: one notebook and one data file it reads."""
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "data").mkdir()
    notebook = tmp_path / "notebooks" / "01.ipynb"
    notebook.write_text('{"cells": []}')
    data = tmp_path / "data" / "x.csv"
    data.write_text("a\n1\n")
    executed_nb = tmp_path / "executed.ipynb"
    executed_nb.write_text('{"cells": ["done"]}')
    return tmp_path, notebook, data, executed_nb


def test_a_chapter_is_reused_only_while_its_notebook_parameters_and_reads_are_unchanged(project):
    root, notebook, data, executed_nb = project
    cache = BuildCache(root / ".cache")
    key = cache.chapter_key(notebook, {"edition": "2021"})
    assert cache.lookup(notebook, key) is None
    cache.store(notebook, key, executed_nb, [data], seconds=1.5)
    assert cache.lookup(notebook, key).read_text() == executed_nb.read_text()
    assert cache.chapter_key(notebook, {"edition": "2022"}) != key
    notebook.write_text('{"cells": [1]}')
    assert cache.chapter_key(notebook, {"edition": "2021"}) != key
    data.write_text("a\n2\n")
    assert cache.lookup(notebook, key) is None  # a file it read changed
    assert cache.expected_seconds(notebook) == 1.5


def test_the_cache_moves_with_the_project(project, tmp_path_factory):
    root, notebook, data, executed_nb = project
    cache = BuildCache(root / ".cache")
    key = cache.chapter_key(notebook, {})
    cache.store(notebook, key, executed_nb, [data], seconds=1.0)
    meta = json.loads(next((root / ".cache" / "chapters" / "01").glob("*/meta.json")).read_text())
    assert list(meta["reads"]) == ["data/x.csv"]
    moved = tmp_path_factory.mktemp("moved") / "project"
    shutil.copytree(root, moved)
    moved_cache = BuildCache(moved / ".cache")
    assert moved_cache.lookup(moved / "notebooks" / "01.ipynb", key) is not None
    (moved / "data" / "x.csv").write_text("a\n3\n")  # the copy's data changed, not the original's
    assert moved_cache.lookup(moved / "notebooks" / "01.ipynb", key) is None


def test_the_cache_keeps_one_entry_per_content_and_the_most_recent_few(project):
    from quartieri_erp.pipeline.cache import ENTRIES_PER_NOTEBOOK

    root, notebook, data, executed_nb = project
    cache = BuildCache(root / ".cache")
    first, second = cache.chapter_key(notebook, {"edition": "A"}), cache.chapter_key(notebook, {"edition": "B"})
    cache.store(notebook, first, executed_nb, [data], seconds=1.0)
    cache.store(notebook, second, executed_nb, [data], seconds=1.0)
    assert cache.lookup(notebook, first) is not None  # switching back to the first edition: a hit
    assert cache.lookup(notebook, second) is not None
    for n in range(ENTRIES_PER_NOTEBOOK + 3):
        cache.store(notebook, cache.chapter_key(notebook, {"edition": str(n)}), executed_nb, [data], seconds=1.0)
    assert len(list((root / ".cache" / "chapters" / notebook.stem).iterdir())) == ENTRIES_PER_NOTEBOOK


def test_pandoc_conversions_are_reused_and_pruned(tmp_path, monkeypatch):
    import quartieri_erp.rendering.pandoc as module

    calls = []
    monkeypatch.setattr(module, "pandoc", lambda text, to, *args: calls.append(text) or text.upper())
    cache = PandocCache(tmp_path)
    assert cache.convert("uno", "html5", []) == "UNO" and cache.convert("due", "html5", []) == "DUE"
    second = PandocCache(tmp_path)
    assert second.convert("uno", "html5", []) == "UNO"
    assert calls == ["uno", "due"]
    second.prune()
    assert len(list(tmp_path.iterdir())) == 1


@pytest.mark.e2e
def test_nothing_changed_reuses_everything_and_skips_the_render(project_copy, built_report):
    warm_cache(project_copy)
    first = run_cli("build", "--renderer", "offline", cwd=project_copy)
    assert first.returncode == 0, first.stderr
    second = run_cli("build", "--renderer", "offline", cwd=project_copy)
    assert second.returncode == 0, second.stderr
    assert executed(second.stdout) == []
    assert "Report up to date: nothing to render" in second.stdout
    assert "Inputs unchanged since their last validation" in second.stdout


@pytest.mark.e2e
def test_editing_one_notebook_reruns_that_chapter_only_and_a_failure_is_never_cached(project_copy, built_report):
    warm_cache(project_copy)
    chapter = project_copy / "notebooks" / "A5_glossario.ipynb"
    nb = nbformat.read(chapter, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise RuntimeError('not yet')"))
    nbformat.write(nb, chapter)
    # Appendix D (A4_provenienza) reads every notebook (its concordance lists their labels): it re-runs
    # whenever a notebook changes, and its success is cached even when another chapter fails.
    for readers in (["A4_provenienza.ipynb"], []):  # a failed chapter is not cached: it executes again
        failed = run_cli("build", "--renderer", "offline", cwd=project_copy)
        assert failed.returncode == 1 and executed(failed.stdout) == readers, failed.stdout
        assert "✗ A5_glossario.ipynb" in failed.stdout
    nb.cells[-1] = nbformat.v4.new_markdown_cell("Una nota aggiunta.")
    nbformat.write(nb, chapter)
    fixed = run_cli("build", "--renderer", "offline", cwd=project_copy)
    assert fixed.returncode == 0, fixed.stderr
    assert sorted(executed(fixed.stdout)) == ["A4_provenienza.ipynb", "A5_glossario.ipynb"]
    assert "Una nota aggiunta." in (project_copy / "build" / "report" / "A5_glossario.html").read_text()
    # --force executing every chapter again is checked by test_determinism, on its own --force build.
