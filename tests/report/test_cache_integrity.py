"""Cache entries carry checksums: a missing, truncated, emptied or edited entry is reported in one line,
discarded and recomputed, and a build never publishes from it.

Unit tests for each kind of entry (chapters, pandoc conversions, the indicator set), then one build of a
warm project copy whose cache entries of every kind were damaged.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import ROOT, run_cli
from quartieri_erp.indicators.shared import shared_indicators
from quartieri_erp.params import load_params
from quartieri_erp.pipeline.cache import BuildCache
from quartieri_erp.pipeline.integrity import sha256
from quartieri_erp.rendering.pandoc import PandocCache
from report_state import warm_cache

DAMAGE = {
    "missing": lambda path: path.unlink(),
    "truncated": lambda path: path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2]),
    "empty": lambda path: path.write_bytes(b""),
    "edited": lambda path: path.write_bytes(_flip(path.read_bytes())),
}


def _flip(data: bytes) -> bytes:
    """``data`` with one bit changed two thirds of the way in (same length: an edit, not a truncation)."""
    at = len(data) * 2 // 3
    return data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :]


@pytest.fixture()
def chapter_entry(tmp_path):
    (tmp_path / "notebooks").mkdir()
    notebook = tmp_path / "notebooks" / "01.ipynb"
    notebook.write_text('{"cells": []}')
    executed = tmp_path / "executed.ipynb"
    executed.write_text('{"cells": ["done"]}')
    cache = BuildCache(tmp_path / ".cache")
    key = cache.chapter_key(notebook, {})
    cache.store(notebook, key, executed, [], seconds=1.0)
    (entry,) = chapter_entries(tmp_path / ".cache", "01")
    return cache, notebook, key, executed, entry


def chapter_entries(cache: Path, stem: str) -> list[Path]:
    """The entry folders of a notebook's chapter cache (``chapters/<stem>/<entry-id>/``)."""
    return sorted(meta.parent for meta in (cache / "chapters" / stem).glob("*/meta.json"))


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("file", ["executed.ipynb", "meta.json"])
def test_a_damaged_chapter_entry_is_reported_and_discarded(chapter_entry, capfd, damage, file):
    cache, notebook, key, executed, entry = chapter_entry
    assert cache.lookup(notebook, key) is not None
    DAMAGE[damage](entry / file)

    assert cache.lookup(notebook, key) is None

    err = capfd.readouterr().err
    assert err.count("\n") == 1 and f"cache entry {entry} is damaged" in err and "discarded, recomputing" in err
    assert not entry.exists()
    cache.store(notebook, key, executed, [], seconds=1.0)  # the next successful run stores it again, whole
    assert cache.lookup(notebook, key).read_text() == executed.read_text()
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize("damage", ["truncated", "empty", "edited"])
def test_a_damaged_pandoc_conversion_is_converted_again(tmp_path, monkeypatch, capfd, damage):
    import quartieri_erp.rendering.pandoc as module

    monkeypatch.setattr(module, "pandoc", lambda text, to, *args: f"<p>{text} converted</p>")
    PandocCache(tmp_path).convert("uno", "html5", [])
    (stored,) = tmp_path.iterdir()
    DAMAGE[damage](stored)

    assert PandocCache(tmp_path).convert("uno", "html5", []) == "<p>uno converted</p>"

    assert "is damaged" in capfd.readouterr().err
    assert PandocCache(tmp_path).convert("uno", "html5", []) == "<p>uno converted</p>"  # stored again, whole
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("file", ["indicators.parquet", "checksums.json"])
def test_a_damaged_indicator_set_is_recomputed(tmp_path, capfd, damage, file):
    data, reference = ROOT / "data" / "synthetic", ROOT / "data" / "reference"
    first = shared_indicators(data, reference, cache_dir=tmp_path)
    (entry,) = [p for p in tmp_path.iterdir()]
    DAMAGE[damage](entry / file)

    again = shared_indicators(data, reference, cache_dir=tmp_path)

    assert "is damaged" in capfd.readouterr().err
    pd.testing.assert_frame_equal(again.indicators, first.indicators)
    assert again.synthetic == first.synthetic
    shared_indicators(data, reference, cache_dir=tmp_path)
    assert capfd.readouterr().err == ""  # the recomputed entry is whole


@pytest.mark.e2e
def test_a_build_with_damaged_cache_entries_recomputes_them_and_publishes_the_same_report(project_copy, built_report):
    warm_cache(project_copy)
    cache = project_copy / ".cache"
    forged, truncated = chapter_entries(cache, "A5_glossario"), chapter_entries(cache, "A1_metodo")
    for entry in forged:  # every entry of the notebook, whichever this build's key matches
        nb = json.loads((entry / "executed.ipynb").read_text())
        nb["cells"].append({"cell_type": "markdown", "id": "forged", "metadata": {}, "source": "Testo falsificato."})
        (entry / "executed.ipynb").write_text(json.dumps(nb))  # edited: a valid notebook, not its checksum
    for entry in truncated:
        (entry / "executed.ipynb").write_bytes((entry / "executed.ipynb").read_bytes()[:100])
    emptied = sorted((cache / "pandoc").iterdir())  # all: whichever render filled them, this one uses some
    for path in emptied:
        path.write_bytes(b"")
    # The project's cache keeps the indicators of the last data folder used: with two workers, another build (other
    # data, another edition) may have replaced those of this build. Make sure the copy has this build's entry.
    params = load_params(project_copy / "params.yml")
    shared_indicators(params.data_dir, params.reference_dir, params.as_of, cache_dir=cache / "indicators")
    for parquet in (cache / "indicators").glob("*/indicators.parquet"):
        parquet.write_bytes(parquet.read_bytes()[:50])

    result = run_cli("build", "--renderer", "offline", cwd=project_copy)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    damaged = [line for line in result.stderr.splitlines() if "is damaged" in line]
    assert len([line for line in damaged if "/chapters/" in line]) == len(forged) + len(truncated), result.stderr
    for entry in chapter_entries(cache, "A5_glossario") + chapter_entries(cache, "A1_metodo"):  # recomputed, whole
        meta = json.loads((entry / "meta.json").read_text())
        assert meta["sha256"] == sha256((entry / "executed.ipynb").read_bytes())
    assert len([line for line in damaged if "/indicators/" in line]) == 1, result.stderr
    assert all(line.startswith("warning: cache entry ") for line in damaged)
    reported = sorted(line.split()[3] for line in damaged if "/pandoc/" in line)
    used = [str(path) for path in emptied if path.exists()]  # converted again; the others were pruned unused
    assert reported == used and used, result.stderr
    assert all(path.stat().st_size > 64 for path in (cache / "pandoc").iterdir())
    executed = [line.split()[2] for line in result.stdout.splitlines() if "✓" in line and "(cache)" not in line]
    assert sorted(executed) == ["A1_metodo.ipynb", "A5_glossario.ipynb"]
    report, expected = project_copy / "build" / "report", built_report / "report"
    for page in ("A1_metodo.html", "A5_glossario.html", "03_indicatori.html"):
        assert (report / page).read_text() == (expected / page).read_text(), page
    assert "Testo falsificato" not in (report / "A5_glossario.html").read_text()
    pdf = next(report.glob("*.pdf"))
    assert pdf.stat().st_size > 0.9 * next(expected.glob("*.pdf")).stat().st_size
