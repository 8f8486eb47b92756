"""The participant-id scanner of the build (``quartieri_erp.pipeline.privacy_scan``), on small files."""

from __future__ import annotations

import json

import pytest
from PIL import Image, PngImagePlugin

from quartieri_erp.errors import BuildError
from quartieri_erp.pipeline.privacy_scan import check_staged, find_ids, participant_ids, scan

IDS = {"S0001", "S0002", "S0100"}


def test_only_whole_identifiers_count():
    assert find_ids("S0001 and S0002.", IDS) == ["S0001", "S0002"]
    assert find_ids("S00010 xS0001 S0001-b S0001_", IDS) == []
    assert find_ids("<td>S0100</td>", IDS) == ["S0100"]


def test_identifiers_with_other_characters_are_matched_by_pattern():
    ids = {"P/01.7", "A B"}
    assert find_ids("codes: P/01.7; A B", ids) == ["A B", "P/01.7"]
    assert find_ids("P/01.77", ids) == []


def test_scan_reads_pages_notebooks_csv_and_png_text_but_not_base64(tmp_path):
    (tmp_path / "page.html").write_text('<img src="data:image/png;base64,S0001AAAA"><p>S0002</p>')
    nb = {
        "metadata": {},
        "cells": [
            {
                "cell_type": "code",
                "source": "x",
                "outputs": [{"output_type": "display_data", "data": {"text/plain": "S0100", "image/png": "S0001"}}],
            }
        ],
    }
    (tmp_path / "executed").mkdir()
    (tmp_path / "executed" / "ch.ipynb").write_text(json.dumps(nb))
    (tmp_path / "table.csv").write_text("a\nclean\n")
    info = PngImagePlugin.PngInfo()
    info.add_text("Description", "bars for S0001")
    Image.new("RGB", (2, 2)).save(tmp_path / "fig.png", pnginfo=info)
    (tmp_path / "doc.pdf").write_bytes(b"S0001")  # not a kind the scan reads

    found = scan([tmp_path], IDS)

    assert {path.name: hits for path, hits in found.items()} == {
        "page.html": ["S0002"],
        "ch.ipynb": ["S0100"],
        "fig.png": ["S0001"],
    }


def test_check_staged_names_the_files_and_says_nothing_was_published(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "participants.csv").write_text("participant_id,project_id\nS0001,P01\nS0002,P01\n")
    assert participant_ids(data) == {"S0001", "S0002"}
    out = tmp_path / "out"
    out.mkdir()
    (out / "ok.html").write_text("<p>nothing here</p>")
    check_staged(data, [out], "kept")  # no hit: no error
    (out / "leak.html").write_text("<td>S0002</td>")
    with pytest.raises(BuildError, match=r"(?s)participant ids found.*leak\.html: 1 id\(s\), e\.g\. S0002.*kept"):
        check_staged(data, [out], "kept")
