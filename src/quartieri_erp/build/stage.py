"""The staged project that a renderer reads: _quarto.yml, index.qmd, executed notebooks, colophon."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import yaml

from ..formatting import fmt_date
from ..hashing import LIBRARIES, file_digest, library_versions
from ..params import RunParams
from ..paths import display_path

COLOPHON = "_colophon.md"


def input_files(params: RunParams) -> list[Path]:
    """Every input file of a build, in a stable order."""
    files: list[Path] = []
    for folder in (params.data_dir, params.programme_dir, params.reference_dir):
        files += sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    return files


def git_commit(root: Path) -> str:
    """Short commit of the project, with '+modifiche' when the work tree differs from it."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root, capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "non disponibile"
    return f"{commit}+modifiche" if dirty else commit


def edition_line(params: RunParams) -> str:
    return f"Edizione {params.edition} — dati di monitoraggio aggiornati al {fmt_date(params.as_of)}"


def _mapping_lines(params: RunParams, root: Path) -> list[str]:
    """The export and mapping file behind a mapped data folder (none for a contract-shaped folder)."""
    import json

    from ..monitoring.mapping import ORIGIN_FILE

    origin = params.data_dir / ORIGIN_FILE
    if not origin.is_file():
        return []
    info = json.loads(origin.read_text(encoding="utf-8"))
    exports = sorted({display_path(Path(f["export"]).parent, root) for f in info["files"].values()})
    return [f"- **Esportazione mappata sul contratto dei dati:** `{'`, `'.join(exports)}` "
            f"(mappatura `{display_path(info['mapping'], root)}`)"]


def colophon(params: RunParams, root: Path, renderer: str, built_at: dt.datetime) -> str:
    """Markdown colophon: run parameters, input hashes, versions, commit, renderer, build time."""
    lines = [
        "## Colophon {#sec-colophon .unnumbered}",
        "",
        f"- **Edizione:** {params.edition}",
        f"- **Dati aggiornati al:** {fmt_date(params.as_of)}",
        f"- **Cartella dei dati di monitoraggio:** `{display_path(params.data_dir, root)}`",
        *_mapping_lines(params, root),
        f"- **Versione del codice (git):** `{git_commit(root)}`",
        f"- **Motore di impaginazione:** {renderer}",
        f"- **Generato il:** {built_at.strftime('%Y-%m-%d %H:%M')} UTC",
        "",
        "| File di input | SHA-256 (primi 16 caratteri) |",
        "|:---|:---|",
        *[f"| `{display_path(p, root)}` | `{file_digest(p)[:16]}` |" for p in input_files(params)],
        "",
        "| Pacchetto | Versione |",
        "|:---|:---|",
        *[f"| {name} | {v or '–'} |" for name, v in library_versions(("quartieri-erp", *LIBRARIES)).items()],
        "",
    ]
    return "\n".join(lines)


def stage_project(root: Path, stage: Path, params: RunParams, colophon_text: str) -> None:
    """Copy _quarto.yml (with the edition line as the book's date), index.qmd and report/ into ``stage``.

    The executed notebooks are already in ``stage/notebooks`` (papermill wrote them there).
    """
    config = yaml.safe_load((root / "_quarto.yml").read_text(encoding="utf-8"))
    config.setdefault("book", {})["date"] = edition_line(params)
    (stage / "_quarto.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    shutil.copyfile(root / "index.qmd", stage / "index.qmd")
    if (root / "report").is_dir():
        shutil.copytree(root / "report", stage / "report", dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("README.md"))  # not a page of the book
    (stage / COLOPHON).write_text(colophon_text, encoding="utf-8")
