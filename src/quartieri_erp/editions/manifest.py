"""``<out>/edition.json``: what a build records about its edition, so that a later edition can be compared.

The manifest holds the edition name and cut-off date, the SHA-256 of every input file (keyed by the
folder's role and the file's name, so that two editions in different folders line up), the projects of the
monitoring data with their number of participants (``None`` below the disclosure threshold), the funded
projects of the programme data, and the sentences of the Sintesi (from the executed notebook).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pandas as pd

from quartieri_erp.pipeline.hashing import file_digest

MANIFEST = "edition.json"
INDICATORS = "indicators.csv"
SINTESI = "00_sintesi.ipynb"
FORMAT = 1
RUN_BOX = "cartella dati `"  # the run-information box of every chapter, not a sentence of the Sintesi
ROLES = ("data_dir", "programme_dir", "reference_dir")
ROLE_NAMES = {"data_dir": "monitoraggio", "programme_dir": "programma", "reference_dir": "riferimento"}


def input_hashes(folders: dict[str, Path]) -> dict[str, str]:
    """``{"monitoraggio/participants.csv": sha256, …}`` for every file of the input folders."""
    hashes = {}
    for role, folder in folders.items():
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_file() and not p.name.startswith(".")):
            hashes[f"{ROLE_NAMES.get(role, role)}/{path.relative_to(folder).as_posix()}"] = file_digest(path)
    return hashes


def project_counts(projects: pd.DataFrame, participants: pd.DataFrame, threshold: int) -> list[dict]:
    """One record per monitored project: id, lead partner, municipality and participants (None below
    ``threshold``, so that the manifest discloses nothing the report would not)."""
    counts = participants["project_id"].astype(str).value_counts()
    records = []
    for row in projects.sort_values("project_id").itertuples(index=False):
        n = int(counts.get(str(row.project_id), 0))
        records.append(
            {
                "project_id": str(row.project_id),
                "lead_partner": str(row.lead_partner),
                "municipality": str(row.municipality),
                "participants": n if n >= threshold or n == 0 else None,
            }
        )
    return records


def _markdown_outputs(notebook: dict) -> list[str]:
    texts = []
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            text = output.get("data", {}).get("text/markdown")
            if text and RUN_BOX not in ("".join(text) if isinstance(text, list) else text):
                texts.append("".join(text) if isinstance(text, list) else text)
    return texts


def sentences(markdown: str) -> list[str]:
    """The sentences of Markdown prose (tables and headings skipped, emphasis and references kept)."""
    prose = " ".join(
        line.strip()
        for line in markdown.splitlines()
        if line.strip() and not line.lstrip().startswith(("|", "#", ":::", "Fonte:"))
    )
    parts = re.split(r"(?<=[.!?])\s+(?=[A-ZÀÈÉÌÒÙ*(«\"])", " ".join(prose.split()))
    return [part for part in (p.strip() for p in parts) if len(part) > 20]


def sintesi_sentences(executed: Path) -> list[str]:
    """The sentences written by code in the executed Sintesi (empty when it is not there)."""
    path = Path(executed) / SINTESI
    if not path.is_file():
        return []
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return [s for text in _markdown_outputs(notebook) for s in sentences(text)]


def make_manifest(
    edition: str, as_of: str, folders: dict[str, Path], projects: list[dict], funded: list[str], sintesi: list[str]
) -> dict:
    return {
        "format": FORMAT,
        "edition": str(edition),
        "as_of": str(as_of),
        "inputs": input_hashes(folders),
        "projects": projects,
        "funded_projects": sorted(funded),
        "sintesi": sintesi,
    }


def write_manifest(manifest: dict, out: Path) -> Path:
    """Write ``out/edition.json`` atomically."""
    target = Path(out) / MANIFEST
    tmp = target.with_name(f".{MANIFEST}.tmp")
    tmp.write_text(json.dumps(manifest, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, target)
    return target


class NotABuild(ValueError):
    """A folder that holds no build of the report (no edition.json / indicators.csv)."""


def read_build(folder: Path) -> tuple[dict, pd.DataFrame]:
    """The manifest and the indicator table of a build folder."""
    folder = Path(folder)
    manifest, indicators = folder / MANIFEST, folder / INDICATORS
    missing = [p.name for p in (manifest, indicators) if not p.is_file()]
    if missing:
        raise NotABuild(
            f"{folder.as_posix()} is not the output folder of a build (missing {', '.join(missing)}); "
            f"build it with `quartieri-erp build --out {folder.as_posix()}`"
        )
    from quartieri_erp.inputs.readlog import note_read

    note_read(manifest)
    note_read(indicators)
    return json.loads(manifest.read_text(encoding="utf-8")), pd.read_csv(
        indicators, dtype={"category": str, "group": str}, keep_default_na=False, na_values=[""]
    )
