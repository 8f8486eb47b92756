"""Pytest plugin (``pytest_plugins = ["browser_session"]``): one headless Chromium for the whole session,
a local HTTP server for a report folder, the built report loaded once, and axe-core."""

from __future__ import annotations

import functools
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from browser_checks import DESKTOP, load_page, page_files
from quartieri_erp.rendering.serve import make_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_DIR = Path(__file__).parents[1] / "axe"
AXE_SCRIPT = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` as `quartieri-erp serve` does (127.0.0.1, here a free port) in a thread; yields the
    base URL, ending in '/'."""
    server = make_server(folder, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass
class Site:
    """A report folder served and loaded: one open tab and its facts per HTML page."""

    folder: Path
    base_url: str
    tabs: dict  # file name -> playwright Page
    pages: dict  # file name -> browser_checks.PageFacts


@contextmanager
def open_site(browser, folder: Path, names: list[str] | None = None) -> Iterator[Site]:
    """Serve ``folder`` and load its HTML pages (all, or ``names``), each in its own tab of a fresh
    desktop-sized browser context."""
    with serve(folder) as base_url:
        context = browser.new_context(viewport=DESKTOP)
        try:
            loaded = {name: load_page(context, base_url, name) for name in names or page_files(folder)}
            yield Site(
                folder,
                base_url,
                {n: tab for n, (tab, _) in loaded.items()},
                {n: facts for n, (_, facts) in loaded.items()},
            )
        finally:
            context.close()


@pytest.fixture(scope="session")
def chromium():
    """Debian's headless Chromium driven by playwright; skips when either is missing."""
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is not installed (Debian package 'chromium'): browser tests skipped")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')"
    )
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def open_folder(chromium):
    """`open_site` on the session's browser: ``with open_folder(folder, names) as site: …``."""
    return functools.partial(open_site, chromium)


@pytest.fixture(scope="session")
def report_site(chromium, built_report) -> Iterator[Site]:
    """The built report, served and loaded once for every browser test."""
    with open_site(chromium, built_report / "report") as site:
        yield site


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core's script, installed with npm from tests/axe/package-lock.json when missing."""
    if not AXE_SCRIPT.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is not installed: cannot install axe-core for the accessibility checks")
        result = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"], cwd=AXE_DIR, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, f"npm ci in {AXE_DIR} failed:\n{result.stderr[-2000:]}"
    return AXE_SCRIPT
