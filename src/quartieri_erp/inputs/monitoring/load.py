"""Load a monitoring data folder: read, validate every file, check the rules across files, derive flags."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from quartieri_erp.errors import InputError, InputIssue
from quartieri_erp.inputs.curated.istat import PROVINCES
from quartieri_erp.inputs.monitoring import integrity
from quartieri_erp.inputs.monitoring.codes import (
    DISADVANTAGE,
    EDUCATION,
    EMPLOYMENT,
    ORIGIN_AREAS,
    PIP_STATUSES,
    SEX,
    SUBPROJECTS,
)
from quartieri_erp.inputs.monitoring.lookups import COUNTRIES
from quartieri_erp.inputs.monitoring.reading import read_fast
from quartieri_erp.inputs.monitoring.schemas import DATE_FORMAT, ENROLMENTS, PARTICIPANTS, PROJECTS
from quartieri_erp.inputs.readlog import note_read
from quartieri_erp.inputs.tables import read_table

EDITION_FILE = "edition.yml"
CANONICAL = {"sex": SEX, "education": EDUCATION, "disadvantage": DISADVANTAGE, "employment_status": EMPLOYMENT}


@dataclass(frozen=True)
class Monitoring:
    """A validated monitoring data folder.

    ``participants`` holds the contract columns plus derived ones: ``in_laboratorio_sociale`` and
    ``in_pip`` (enrolled in that sub-project) and ``origin_area`` (report's origin group, NA for
    Italians). Code columns are categories in the canonical order of ``codes.py`` (provinces: all
    Lombardy provinces in the order of provinces.csv);
    ``enrolments.start_date`` is a datetime.
    """

    projects: pd.DataFrame
    participants: pd.DataFrame
    enrolments: pd.DataFrame
    synthetic: bool = False
    edition_info: dict = field(default_factory=dict)


def read_edition(folder: Path) -> dict:
    """``edition.yml`` of the folder as a dict ({} when absent)."""
    path = Path(folder) / EDITION_FILE
    if not path.is_file():
        return {}
    note_read(path)
    try:
        info = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise InputError([InputIssue(file=path.as_posix(), rule=f"cannot be read as YAML: {err}")]) from None
    if not isinstance(info, dict):
        raise InputError([InputIssue(file=path.as_posix(), rule="must be a mapping of keys to values")])
    if not isinstance(info.get("synthetic", False), bool):
        raise InputError(
            [
                InputIssue(
                    file=path.as_posix(), rule="must be true or false", column="synthetic", value=info["synthetic"]
                )
            ]
        )
    return info


def _collect(issues: list[InputIssue], read: Callable[[], pd.DataFrame]) -> pd.DataFrame | None:
    try:
        return read()
    except InputError as err:
        issues.extend(err.issues)
        return None


def _lombardy_provinces(reference_dir: Path) -> pd.Index:
    """The province codes of provinces.csv, in file order."""
    return pd.Index(read_table(PROVINCES, reference_dir)["sigla"])


def _cut_off(as_of: dt.date | None, info: dict) -> dt.date:
    if as_of is not None:
        return as_of
    extracted = info.get("extracted_on")
    if isinstance(extracted, dt.date):
        return extracted
    return dt.date.fromisoformat(str(extracted)) if extracted else dt.date.today()


def _as_dates(values: pd.Series) -> pd.Series:
    """Validated YYYY-MM-DD categories -> datetimes, parsing each distinct value once."""
    codes = values.cat.codes.to_numpy()
    parsed = pd.to_datetime(pd.Series(values.cat.categories.astype(str)), format=DATE_FORMAT).to_numpy()
    return pd.Series(parsed[codes], index=values.index, name=values.name)


def _derive(
    participants: pd.DataFrame, enrolments: pd.DataFrame, rows: np.ndarray, origin_of: pd.Series, provinces: pd.Index
) -> pd.DataFrame:
    participants = participants.copy()
    for column, codes in {**CANONICAL, "province": provinces}.items():
        participants[column] = participants[column].cat.set_categories(codes)
    for sub in SUBPROJECTS:
        flag = np.zeros(len(participants), dtype=bool)
        flag[rows[(enrolments["subproject"] == sub).to_numpy()]] = True
        participants[f"in_{sub}"] = flag
    citizenship = participants["citizenship"]
    origin = pd.Categorical(citizenship.cat.categories.map(origin_of), categories=ORIGIN_AREAS)
    participants["origin_area"] = pd.Series(origin.take(citizenship.cat.codes.to_numpy()), index=participants.index)
    return participants


def _code_issues(table: pd.DataFrame, lookups: dict[str, tuple[pd.Index | None, str]], file: str) -> list[InputIssue]:
    """Values of ``table`` not in their lookup: column -> (allowed values, rule); a lookup that could not
    be read (None) is skipped, its own issues being reported already."""
    return [
        issue
        for column, (allowed, rule) in lookups.items()
        if allowed is not None
        for issue in integrity.code_issues(table[column], allowed, file, column, rule)
    ]


def _index(table: pd.DataFrame | None, column: str) -> pd.Index | None:
    return None if table is None else pd.Index(table[column])


def load_monitoring(data_dir: Path, reference_dir: Path, as_of: dt.date | None = None) -> Monitoring:
    """Read and validate a monitoring data folder; raises InputError listing every problem.

    Each file is checked against its schema, then the rules across files (ids, provinces, countries,
    dates not after ``as_of``) among the files that passed theirs, so that one run reports all it can.
    ``as_of`` defaults to ``extracted_on`` of edition.yml, else today.
    """
    data_dir, reference_dir = Path(data_dir), Path(reference_dir)
    issues: list[InputIssue] = []
    info = _collect(issues, lambda: read_edition(data_dir)) or {}
    countries = _collect(issues, lambda: read_table(COUNTRIES, reference_dir))
    provinces = _collect(issues, lambda: _lombardy_provinces(reference_dir))
    projects = _collect(issues, lambda: read_table(PROJECTS, data_dir))
    participants = _collect(issues, lambda: read_fast(PARTICIPANTS, data_dir))
    enrolments = _collect(issues, lambda: read_fast(ENROLMENTS, data_dir))

    files = integrity.Files(*((data_dir / spec.file).as_posix() for spec in (PROJECTS, PARTICIPANTS, ENROLMENTS)))
    province_rule = (provinces, "must be a Lombardy province code (provinces.csv)")
    if enrolments is not None:
        enrolments = enrolments.assign(
            subproject=enrolments["subproject"].cat.set_categories(SUBPROJECTS),
            status=enrolments["status"].cat.set_categories(PIP_STATUSES),
        )
        dates = _as_dates(enrolments["start_date"])
        issues += integrity.status_issues(enrolments, files.enrolments)
        issues += integrity.date_issues(enrolments, dates, _cut_off(as_of, info), files.enrolments)
    if participants is not None and enrolments is not None:
        links = integrity.link_participants(participants, enrolments)
        issues += integrity.id_issues(participants, enrolments, links, files)
    if participants is not None:
        issues += _code_issues(
            participants,
            {
                "project_id": (_index(projects, "project_id"), "must be a project_id of projects.csv"),
                "citizenship": (
                    _index(countries, "code"),
                    "must be a country code of countries.csv (ISO 3166-1 alpha-2)",
                ),
                "province": province_rule,
            },
            files.participants,
        )
    if projects is not None:
        issues += _code_issues(projects, {"province": province_rule}, files.projects)
    if issues:
        raise InputError(issues)

    projects = projects[[c for c in PROJECTS.schema.columns if c in projects.columns]]
    origin_of = countries.set_index("code")["origin_area"]
    participants = _derive(participants, enrolments, links.enrolment_row, origin_of, provinces)
    enrolments = enrolments.assign(start_date=dates)
    return Monitoring(
        projects=projects.reset_index(drop=True),
        participants=participants,
        enrolments=enrolments,
        synthetic=bool(info.get("synthetic", False)),
        edition_info=info,
    )
