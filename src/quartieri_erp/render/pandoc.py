"""Run the pandoc binary of the pypandoc-binary wheel."""

from __future__ import annotations

import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
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


def pandoc_many(jobs: list[tuple[str, list[str]]], to: str) -> list[str]:
    """Convert several Markdown texts, each with its own extra arguments, in parallel (one pandoc
    process per core); results in the order of ``jobs``."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return list(pool.map(lambda job: pandoc(job[0], to, *job[1]), jobs))
