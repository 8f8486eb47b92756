"""The real-Quarto path: `quarto render` on the staged project (execution disabled)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from quartieri_erp.rendering.book import Book


def quarto_available() -> bool:
    return shutil.which("quarto") is not None


def render_quarto(stage: Path, book: Book) -> tuple[Path, Path]:
    """Render every format of _quarto.yml (HTML and Typst PDF) into ``stage/_book``."""
    result = subprocess.run(["quarto", "render", str(stage), "--no-execute"], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"quarto render failed:\n{result.stderr.strip()[-3000:]}")
    out = stage / "_book"
    return out / "index.html", out / f"{book.output_file}.pdf"
