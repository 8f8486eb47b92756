"""What one build will render, in one place (stated in the README): inputs beyond these limits are
refused by validation, and the external programs are stopped after their time limit."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    annex_projects: int = 500  # projects in the monitoring data (one annex section each)
    text_cell_chars: int = 5_000  # characters in one cell of an input table
    pandoc_seconds: int = 120  # one pandoc conversion
    typst_seconds: int = 300  # compiling the PDF


LIMITS = Limits()
