"""Run the pandoc binary of the pypandoc-binary wheel."""

from __future__ import annotations

import subprocess
from importlib.resources import files
from pathlib import Path

import pypandoc

TEMPLATES = files("quartieri_erp.render") / "templates"


def template(name: str) -> Path:
    return Path(str(TEMPLATES / name))


def pandoc(markdown: str, to: str, *args: str) -> str:
    """Convert pandoc Markdown to ``to``; returns the output text."""
    command = [pypandoc.get_pandoc_path(), "--from", "markdown", "--to", to, "--wrap=none", *args]
    result = subprocess.run(command, input=markdown, capture_output=True, text=True, encoding="utf-8")
    if result.returncode != 0:
        raise RuntimeError(f"pandoc --to {to} failed: {result.stderr.strip()}")
    return result.stdout
