"""Full-text search of the HTML report: Pagefind (from PyPI) indexes the written pages.

The index lives in ``<report>/pagefind/``; the pages load Pagefind's interface only when served over
http(s) (``quartieri-erp serve``): opened from disk they say how to get search instead.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

INDEX_DIR = "pagefind"


def index_site(folder: Path, lang: str = "it") -> Path:
    """Index every HTML page of ``folder`` (the text inside ``data-pagefind-body``); returns the index folder."""
    command = [sys.executable, "-m", "pagefind", "--site", str(folder), "--force-language", lang, "--silent"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"pagefind failed: {(result.stderr or result.stdout).strip()[-2000:]}")
    return folder / INDEX_DIR
