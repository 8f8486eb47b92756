"""Printed at the start of `make test`: which optional tools are missing and which test groups will skip."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "tests" / "axe" / "node_modules" / "axe-core" / "axe.min.js"


def missing_tools() -> list[tuple[str, str]]:
    """(missing tool, test groups that will skip) for each optional tool that is not installed."""
    missing = []
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing.append(("playwright (pip install -e '.[test]')", "browser tests (test_browser*.py)"))
    if not CHROMIUM.is_file():
        missing.append((f"{CHROMIUM} (apt-get install chromium)", "browser tests (test_browser*.py)"))
    if not AXE.is_file() and shutil.which("npm") is None:
        missing.append(("npm (apt-get install npm), to install axe-core", "accessibility test (axe)"))
    for tool in ("pdftotext", "pdftoppm", "pdffonts"):
        if shutil.which(tool) is None:
            missing.append((f"{tool} (apt-get install poppler-utils)", "PDF tests (test_pdf*.py)"))
            break
    return missing


def main() -> int:
    missing = missing_tools()
    if not missing:
        print("make test: every optional tool is installed; no test group will be skipped.")
        return 0
    print("make test: optional tools missing; these test groups will be SKIPPED:")
    for tool, groups in missing:
        print(f"  - {tool}: {groups}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
