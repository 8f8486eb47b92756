"""Errors the pipeline reports to evaluators: what went wrong, where, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InputIssue:
    """One problem in one input file: where it is and which rule it breaks."""

    file: str
    rule: str
    row: int | None = None  # 1-based line in the file, header = line 1
    column: str | None = None
    value: object = None

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        shown = "" if self.value is None else f", value {self.value!r}"
        return f"{where}{shown} — {self.rule}"


class InputError(Exception):
    """Input files that do not meet their contract; carries every issue found."""

    def __init__(self, issues: list[InputIssue]):
        self.issues = list(issues)
        super().__init__(self.details())

    def details(self, limit: int = 50) -> str:
        """One line per issue, as the validators wrote them (for developers and tests)."""
        lines = [f"Invalid input: {len(self.issues)} problem(s) found."]
        lines += [f"  - {issue}" for issue in self.issues[:limit]]
        if len(self.issues) > limit:
            lines.append(f"  … and {len(self.issues) - limit} more")
        return "\n".join(lines)

    def report(self, csv_path=None) -> str:
        """What the evaluator reads (Italian, grouped per file, column and rule, with hints); every issue is
        also written to a CSV file (``csv_path``, default in the system temp folder) that the text names."""
        from quartieri_erp.inputs.problems import report, write_issues_csv

        return report(self.issues, write_issues_csv(self.issues, csv_path))


class BuildError(Exception):
    """A build step failed; the message names the step and what to look at."""


class ParameterError(ValueError):
    """A run parameter (params.yml or the command line) that cannot be used."""
