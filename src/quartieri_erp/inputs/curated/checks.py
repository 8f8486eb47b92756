"""Cross-table checks and ``check_programme``, which validates every curated file at once.

Cross checks read the files as text, so they also run on a file that failed its own schema and
report values as written; a check is skipped only when a file or one of its columns is missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from quartieri_erp.errors import InputError, InputIssue
from quartieri_erp.inputs.curated.citations import cited_documents
from quartieri_erp.inputs.curated.loaders import read_checked
from quartieri_erp.inputs.curated.registry import TABLES
from quartieri_erp.inputs.curated.rules import findings_to_issues, flag_rows
from quartieri_erp.inputs.tables import read_csv_text

Frames = dict[str, pd.DataFrame]
Files = dict[str, str]
CrossCheck = Callable[[Frames, Files], list[InputIssue]]
DISCREPANCY_ID = re.compile(r"\bD\d{2}\b")
PLACED_TABLES = ("projects", "experimentation_labs", "case_studies")
PLACE_COLUMNS = ("istat_code", "province", "municipality")
CARD_TABLES = ("case_study_items", "case_study_results", "timeline")


def _has(frames: Frames, table: str, columns: tuple[str, ...]) -> bool:
    return table in frames and set(columns) <= set(frames[table].columns)


def _issues(frames: Frames, files: Files, table: str, mask: pd.Series, column: str, rule: str) -> list[InputIssue]:
    frame = frames[table]
    return findings_to_issues(flag_rows(frame, mask, column, rule), frame, files[table])


def province_codes(frames: Frames, files: Files) -> list[InputIssue]:
    """Municipalities lie in a listed province; each province counts its municipalities right."""
    provinces, municipalities = frames["provinces"], frames["municipalities"]
    counts = provinces["sigla"].map(municipalities["sigla"].value_counts()).fillna(0)
    return _issues(
        frames,
        files,
        "municipalities",
        ~municipalities["sigla"].isin(provinces["sigla"]),
        "sigla",
        "must be a Lombardy province code (provinces.csv)",
    ) + _issues(
        frames,
        files,
        "provinces",
        pd.to_numeric(provinces["n_comuni_2020"], errors="coerce") != counts,
        "n_comuni_2020",
        "must equal the number of rows of municipalities.csv in the province",
    )


def places(frames: Frames, files: Files) -> list[InputIssue]:
    """ISTAT codes exist; province and municipality name agree with the code."""
    municipalities = frames["municipalities"].drop_duplicates("cod_comune_alfa").set_index("cod_comune_alfa")
    lombardy = frames["provinces"]["sigla"]
    issues: list[InputIssue] = []
    for table in PLACED_TABLES:
        if not _has(frames, table, PLACE_COLUMNS):
            continue
        frame = frames[table]
        code = frame["istat_code"]
        known = code.isin(municipalities.index)
        issues += _issues(
            frames, files, table, code.notna() & ~known, "istat_code", "must be an ISTAT code of municipalities.csv"
        )
        issues += _issues(
            frames,
            files,
            table,
            frame["province"].notna() & ~frame["province"].isin(lombardy),
            "province",
            "must be a Lombardy province code (provinces.csv)",
        )
        issues += _issues(
            frames,
            files,
            table,
            known & frame["province"].isin(lombardy) & (frame["province"] != code.map(municipalities["sigla"])),
            "province",
            "must be the province of the municipality's ISTAT code",
        )
        named = frame["municipality"].notna()
        issues += _issues(
            frames,
            files,
            table,
            known & named & (frame["municipality"] != code.map(municipalities["denominazione"])),
            "municipality",
            "must be the ISTAT name of the municipality's code",
        )
    return issues


def card_references(frames: Frames, files: Files) -> list[InputIssue]:
    """Items, numbers and events point to an existing card."""
    cards = frames["case_studies"]["card_id"]
    issues: list[InputIssue] = []
    for table in CARD_TABLES:
        if _has(frames, table, ("card_id",)):
            card = frames[table]["card_id"]
            issues += _issues(
                frames,
                files,
                table,
                card.notna() & ~card.isin(cards),
                "card_id",
                "must be a card_id of case_studies.csv",
            )
    return issues


def project_links(frames: Frames, files: Files) -> list[InputIssue]:
    """Cards linked to a project name an existing one in the same municipality and leave the budget to it."""
    cards = frames["case_studies"]
    projects = frames["projects"].drop_duplicates("project_id").set_index("project_id")
    linked = cards["project_id"].notna()
    known = cards["project_id"].isin(projects.index)
    return (
        _issues(frames, files, "case_studies", linked & ~known, "project_id", "must be a project_id of projects.csv")
        + _issues(
            frames,
            files,
            "case_studies",
            known & (cards["istat_code"] != cards["project_id"].map(projects["istat_code"])),
            "istat_code",
            "must be the ISTAT code of the linked project",
        )
        + _issues(
            frames,
            files,
            "case_studies",
            linked & cards["budget_eur"].notna(),
            "budget_eur",
            "must be empty when project_id is set: the budget lives in projects.csv",
        )
    )


def discrepancy_citations(frames: Frames, files: Files) -> list[InputIssue]:
    """Every Dnn cited in a text cell is an entry of discrepancies.csv."""
    known = set(frames["discrepancies"]["discrepancy_id"])
    issues: list[InputIssue] = []
    for spec in TABLES:
        if spec.folder != "programme" or spec.name not in frames:
            continue
        frame = frames[spec.name]
        for column in frame.columns:
            if column == "discrepancy_id":
                continue
            cited = frame[column].fillna("").map(lambda cell: set(DISCREPANCY_ID.findall(cell)) - known)
            issues += _issues(
                frames,
                files,
                spec.name,
                cited.map(bool),
                column,
                "cites a discrepancy id missing from discrepancies.csv",
            )
    return issues


def document_citations(frames: Frames, files: Files) -> list[InputIssue]:
    """Every document id cited in a `source` cell is an entry of documents.csv."""
    known = set(frames["documents"]["doc_id"])
    issues: list[InputIssue] = []
    for spec in TABLES:
        frame = frames.get(spec.name)
        if spec.folder != "programme" or frame is None or "source" not in frame.columns:
            continue
        unknown = frame["source"].fillna("").map(lambda cell: set(cited_documents([cell])) - known)
        issues += _issues(
            frames, files, spec.name, unknown.map(bool), "source", "cites a document id missing from documents.csv"
        )
    return issues


CROSS_CHECKS: list[tuple[dict[str, tuple[str, ...]], CrossCheck]] = [  # (needed columns by table, check)
    ({"provinces": ("sigla", "n_comuni_2020"), "municipalities": ("sigla",)}, province_codes),
    ({"provinces": ("sigla",), "municipalities": ("cod_comune_alfa", "sigla", "denominazione")}, places),
    ({"case_studies": ("card_id",)}, card_references),
    (
        {
            "case_studies": ("card_id", "project_id", "istat_code", "budget_eur"),
            "projects": ("project_id", "istat_code"),
        },
        project_links,
    ),
    ({"discrepancies": ("discrepancy_id",)}, discrepancy_citations),
    ({"documents": ("doc_id",)}, document_citations),
]


def check_programme(programme_dir: Path, reference_dir: Path) -> None:
    """Validate every curated file and the links between them; raise one InputError listing all issues."""
    texts: Frames = {}
    files: Files = {}
    issues: list[InputIssue] = []
    for spec in TABLES:
        folder = Path(reference_dir if spec.folder == "reference" else programme_dir)
        files[spec.name] = (folder / spec.file).as_posix()
        try:
            texts[spec.name] = read_csv_text(folder / spec.file)
            read_checked(spec, folder)
        except InputError as err:
            issues += err.issues
    for needed, check in CROSS_CHECKS:
        if all(_has(texts, table, columns) for table, columns in needed.items()):
            issues += check(texts, files)
    if issues:
        raise InputError(issues)
