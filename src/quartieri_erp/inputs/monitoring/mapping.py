"""An evaluator's own export mapped onto the monitoring data contract.

A mapping file (YAML; ``--mapping FILE``, or ``mapping.yml`` in the data folder) says, per table, which
file of the export holds it, which export column holds each contract column, and which export value
stands for each contract code; it can give a date of birth instead of ``age`` (age is then computed in
whole years at the start of the person's first enrolment) and say how provinces are written::

    files:                       # optional: the export's file names (CSV or .xlsx)
      participants: anagrafica.csv
      enrolments: iscrizioni.csv
    columns:                     # contract column: export column
      participants:
        participant_id: codice_partecipante
        date_of_birth: data_nascita      # in place of age
        sex: sesso
      enrolments:
        start_date: data_avvio
    values:                      # contract column: {export value: contract code}
      sex: {femmina: F, maschio: M}
    province: istat              # istat: ISTAT numeric codes (015, 15, 215); sigla (default): MI or mi

The mapped tables are written, row for row in the export's order, as contract-shaped CSV files into a
folder of the cache named by the content of the export and the mapping; the build then validates and
reads that folder like any other data folder, so row numbers in messages are those of the export.
Dates written DD/MM/YYYY are rewritten YYYY-MM-DD; province sigle are upper-cased.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import yaml

from quartieri_erp.errors import InputError, InputIssue
from quartieri_erp.inputs.file_formats import locate, text_frame
from quartieri_erp.inputs.monitoring.schemas import ENROLMENTS, PARTICIPANTS, PROJECTS
from quartieri_erp.inputs.readlog import note_read
from quartieri_erp.paths import project_root
from quartieri_erp.pipeline.hashing import code_fingerprint, digest, file_digest

MAPPING_FILE = "mapping.yml"
TABLES = {spec.name: spec for spec in (PROJECTS, PARTICIPANTS, ENROLMENTS)}
PROVINCE_FORMS = ("sigla", "istat")
DATE_OF_BIRTH = "date_of_birth"
KEYS = ("files", "columns", "values", "province")
EDITION_FILE = "edition.yml"
MAPPED_KEPT = 4  # mapped copies kept in .cache/mapped (one per export and mapping content)
ORIGIN_FILE = "mapped_from.json"  # in a mapped folder: the export file and columns behind each contract file


def export_folder(data_dir: Path) -> Path:
    """The export folder behind a mapped data folder (``data_dir`` itself when it is not mapped)."""
    origin = Path(data_dir) / ORIGIN_FILE
    if not origin.is_file():
        return Path(data_dir)
    try:
        files = json.loads(origin.read_text(encoding="utf-8"))["files"]
        return Path(next(iter(files.values()))["export"]).parent
    except (OSError, ValueError, KeyError, StopIteration):
        return Path(data_dir)


def export_origin(file: str | Path, column: str | None) -> tuple[str, str | None] | None:
    """For a file of a mapped folder: (the export file it comes from, the export's name of ``column``)."""
    path = Path(file)
    origin = path.parent / ORIGIN_FILE
    if not origin.is_file():
        return None
    try:
        entry = json.loads(origin.read_text(encoding="utf-8"))["files"][path.name]
    except (OSError, ValueError, KeyError):
        return None
    columns = dict(entry.get("columns", {}))
    if column == "age" and DATE_OF_BIRTH in columns and "age" not in columns:
        return entry["export"], f"{columns[DATE_OF_BIRTH]} (età calcolata)"
    return entry["export"], columns.get(column, column)


def find_mapping(data_dir: Path, mapping: Path | None = None) -> Path | None:
    """The mapping file in use: the one given, else ``mapping.yml`` in the data folder, else None."""
    if mapping is not None:
        return Path(mapping)
    default = Path(data_dir) / MAPPING_FILE
    return default if default.is_file() else None


def _problem(path: Path, rule: str, column: str | None = None, value=None) -> InputError:
    return InputError([InputIssue(file=path.as_posix(), rule=rule, column=column, value=value)])


def read_mapping(path: Path) -> dict:
    """The mapping as a dict, checked: known keys, tables, contract columns and codes."""
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise _problem(path, "file della mappatura non trovato") from None
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise _problem(path, f"la mappatura non è un file YAML leggibile: {err}") from None
    if not isinstance(raw, dict) or set(raw) - set(KEYS):
        raise _problem(path, f"la mappatura ammette solo le chiavi {', '.join(KEYS)}")
    for key in ("files", "columns"):
        unknown = set(raw.get(key) or {}) - set(TABLES)
        if unknown:
            raise _problem(path, f"tabella sconosciuta in '{key}': usare {', '.join(TABLES)}", value=sorted(unknown)[0])
    for table, columns in (raw.get("columns") or {}).items():
        allowed = set(TABLES[table].schema.columns) | ({DATE_OF_BIRTH} if table == "participants" else set())
        unknown = set(columns or {}) - allowed
        if unknown:
            raise _problem(
                path,
                f"colonna sconosciuta del contratto per {table}: usare {', '.join(sorted(allowed))}",
                column=sorted(unknown)[0],
            )
    province = str(raw.get("province", "sigla")).lower()
    if province not in PROVINCE_FORMS:
        raise _problem(path, "province deve essere 'sigla' o 'istat'", column="province", value=raw.get("province"))
    return {
        "files": raw.get("files") or {},
        "columns": raw.get("columns") or {},
        "values": {k: {str(a): str(b) for a, b in (v or {}).items()} for k, v in (raw.get("values") or {}).items()},
        "province": province,
    }


def istat_provinces(reference_dir: Path) -> dict[int, str]:
    """ISTAT province number (current UTS code or historical province code) -> sigla."""
    from quartieri_erp.inputs.curated.istat import PROVINCES
    from quartieri_erp.inputs.tables import read_table

    table = read_table(PROVINCES, reference_dir)
    codes = {}
    for row in table.itertuples(index=False):
        for code in (row.cod_uts, row.cod_provincia_storico):
            if str(code).strip().isdigit():
                codes[int(code)] = str(row.sigla)
    return codes


def iso_dates(values: pd.Series) -> pd.Series:
    """DD/MM/YYYY (or D/M/YYYY, '-' or '.' separated) -> YYYY-MM-DD; other values unchanged."""

    def one(value):
        if not isinstance(value, str):
            return value
        match = re.fullmatch(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*", value)
        if match:
            day, month, year = match.groups()
            return f"{year}-{int(month):02d}-{int(day):02d}"
        return value.strip()[:10] if re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}([ T].*)?", value) else value

    return values.map(one)


def province_codes(values: pd.Series, form: str, istat: dict[int, str]) -> pd.Series:
    """Provinces as upper-case sigle; with ``form == 'istat'`` numeric codes become their sigla."""

    def one(value):
        if not isinstance(value, str):
            return value
        text = value.strip()
        if form == "istat" and text.isdigit() and int(text) in istat:
            return istat[int(text)]
        return text.upper()

    return values.map(one)


def age_at_first_enrolment(births: pd.Series, participant_ids: pd.Series, enrolments: pd.DataFrame) -> pd.Series:
    """Whole years between each date of birth and the person's first enrolment start ('' when unknown)."""
    starts = pd.to_datetime(enrolments["start_date"], format="%Y-%m-%d", errors="coerce")
    first = starts.groupby(enrolments["participant_id"]).min()
    born = pd.to_datetime(births, format="%Y-%m-%d", errors="coerce")
    start = participant_ids.map(first)
    years = start.dt.year - born.dt.year - ((start.dt.month * 100 + start.dt.day) < (born.dt.month * 100 + born.dt.day))
    return years.map(lambda y: "" if pd.isna(y) else str(int(y)))


def _mapped_table(name: str, mapping: dict, data_dir: Path) -> tuple[pd.DataFrame, Path]:
    """The export's table with contract column names and codes (text), and its file."""
    spec = TABLES[name]
    file_name = mapping["files"].get(name, spec.file)
    path = locate(Path(data_dir) / file_name)
    note_read(path)
    frame = text_frame(path)
    renames = {export: contract for contract, export in (mapping["columns"].get(name) or {}).items()}
    missing = [export for export in renames if export not in frame.columns]
    if missing:
        raise InputError(
            [
                InputIssue(
                    file=path.as_posix(),
                    row=1,
                    column=export,
                    rule="colonna indicata nella mappatura ma assente dal file",
                )
                for export in missing
            ]
        )
    frame = frame.rename(columns=renames)
    for column, values in mapping["values"].items():
        if column in frame.columns:
            frame[column] = frame[column].map(
                lambda v, table=values: table.get(str(v).strip(), v) if isinstance(v, str) else v
            )
    return frame, path


def map_export(data_dir: Path, mapping_file: Path, reference_dir: Path, target: Path) -> Path:
    """Write the contract-shaped files of the export in ``data_dir`` into ``target``."""
    mapping = read_mapping(mapping_file)
    note_read(mapping_file)
    istat = istat_provinces(reference_dir)
    read = {name: _mapped_table(name, mapping, data_dir) for name in TABLES}
    tables = {name: frame for name, (frame, _) in read.items()}
    for name, frame in tables.items():
        if "province" in frame.columns:
            frame["province"] = province_codes(frame["province"], mapping["province"], istat)
        if name == "enrolments" and "start_date" in frame.columns:
            frame["start_date"] = iso_dates(frame["start_date"])
    people = tables["participants"]
    if DATE_OF_BIRTH in people.columns:
        ages = age_at_first_enrolment(iso_dates(people[DATE_OF_BIRTH]), people["participant_id"], tables["enrolments"])
        people["age"] = ages if "age" not in people.columns else people["age"].fillna(ages)
        tables["participants"] = people.drop(columns=[DATE_OF_BIRTH])
    tmp = target.with_name(f".{target.name}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for name, frame in tables.items():
        contract = [c for c in TABLES[name].schema.columns if c in frame.columns]
        extra = [c for c in frame.columns if c not in contract]
        frame[contract + extra].to_csv(tmp / TABLES[name].file, index=False, lineterminator="\n")
    if (Path(data_dir) / EDITION_FILE).is_file():
        shutil.copyfile(Path(data_dir) / EDITION_FILE, tmp / EDITION_FILE)
    origin = {
        "mapping": Path(mapping_file).resolve().as_posix(),
        "files": {
            TABLES[name].file: {
                "export": path.resolve().as_posix(),
                "columns": {c: e for c, e in (mapping["columns"].get(name) or {}).items()},
            }
            for name, (_, path) in read.items()
        },
    }
    (tmp / ORIGIN_FILE).write_text(json.dumps(origin, indent=1, ensure_ascii=False), encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    return target


def mapped_data_dir(
    data_dir: Path, mapping: Path | None = None, reference_dir: Path | None = None, cache: Path | None = None
) -> Path:
    """``data_dir`` itself when no mapping applies; else the folder of its contract-shaped copy (made once
    per content of the export and the mapping, under ``.cache/mapped``)."""
    data_dir = Path(data_dir)
    mapping_file = find_mapping(data_dir, mapping)
    if mapping_file is None:
        return data_dir
    if not mapping_file.is_file():
        raise _problem(mapping_file, "file della mappatura non trovato")
    reference_dir = Path(reference_dir) if reference_dir else project_root() / "data" / "reference"
    files = sorted(p for p in data_dir.iterdir() if p.is_file() and not p.name.startswith("."))
    key = digest(
        code_fingerprint(),
        file_digest(mapping_file),
        *[f"{p.name}={file_digest(p)}" for p in files],
        *[file_digest(p) for p in sorted(reference_dir.glob("provinces.*"))],
    )
    target = (cache or project_root() / ".cache" / "mapped") / key[:24]
    if not (target / PARTICIPANTS.file).is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        map_export(data_dir, mapping_file, reference_dir, target)
        _prune(target.parent, keep=MAPPED_KEPT)
    return target


def _prune(folder: Path, keep: int) -> None:
    """Keep the ``keep`` most recently written mapped folders (they hold copies of personal data)."""
    mapped = sorted(
        (p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for stale in mapped[keep:]:
        shutil.rmtree(stale, ignore_errors=True)
