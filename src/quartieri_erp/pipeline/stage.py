"""The staged project that a renderer reads: _quarto.yml, index.qmd, executed notebooks, colophon."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import yaml

from quartieri_erp.params import RunParams
from quartieri_erp.pipeline.hashing import LIBRARIES, file_digest, library_versions
from quartieri_erp.pipeline.stage_book import COLOPHON_FILE, LIST_FILE, list_page, stage_notebooks, staged_chapters
from quartieri_erp.presentation.formatting import fmt_date, fmt_month
from quartieri_erp.presentation.markup import escape
from quartieri_erp.rendering.book import TITLE_PAGE_KEY

TITLE_PAGE = "_frontespizio.md"  # included by index.qmd
ORIGINAL_REPORT = "000"  # documents.csv: the published report this project rebuilds
PRODUCT = "Rapporto tematico di valutazione"


def input_files(params: RunParams) -> list[Path]:
    """Every input file of a build, in a stable order."""
    files: list[Path] = []
    for folder in (params.data_dir, params.programme_dir, params.reference_dir):
        files += sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    return files


def git_commit(root: Path) -> str:
    """Short commit of the project, with '+modifiche' when the work tree differs from it."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "non disponibile"
    return f"{commit}+modifiche" if dirty else commit


def _mapping_lines(params: RunParams, root: Path) -> list[str]:
    """The export and mapping file behind a mapped data folder (none for a contract-shaped folder)."""
    import json

    from quartieri_erp.inputs.monitoring.mapping import ORIGIN_FILE

    origin = params.data_dir / ORIGIN_FILE
    if not origin.is_file():
        return []
    info = json.loads(origin.read_text(encoding="utf-8"))
    exports = sorted({shown_path(Path(f["export"]).parent, root) for f in info["files"].values()})
    return [
        f"- **Esportazione mappata sul contratto dei dati:** {', '.join(escape(e) for e in exports)} "
        f"(mappatura {escape(shown_path(info['mapping'], root))})"
    ]


def shown_path(path: Path, root: Path) -> str:
    """A path as readers see it: relative to the project, or only its last two parts when outside it
    (never an absolute local path)."""
    path = Path(path).resolve()
    try:
        return path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return "…/" + "/".join(path.parts[-2:])


def build_time(now: dt.datetime) -> dt.datetime:
    """The build's time: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else ``now``."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else now


def title_page(params: RunParams) -> dict[str, str]:
    """The title page's facts, from the run parameters and the published report's row of documents.csv:
    commissioning body, evaluator, kind of product, date of the original edition, this edition's data
    cut-off."""
    from quartieri_erp.inputs.catalogue import read_input

    documents = read_input("documents", params.programme_dir).set_index("doc_id")
    report = documents.loc[ORIGINAL_REPORT]
    match = re.match(r"^(.*?)\s*\((.*)\)\s*$", str(report["author"]))
    client, evaluator = (match.group(1), match.group(2)) if match else (str(report["author"]), "")
    year, month = report["year"], report.get("month")
    original = (
        (fmt_month(dt.date(int(year), int(month), 1)) if pd.notna(month) else str(year)) if pd.notna(year) else ""
    )
    return {
        "committente": client,
        "valutatore": re.sub(r"^valutatore indipendente\s+", "", evaluator, flags=re.I),
        "prodotto": PRODUCT,
        "edizione_originale": original,
        "edizione": str(params.edition),
        "dati_al": fmt_date(params.as_of),
        "dati_al_iso": params.as_of.isoformat(),
    }


def title_page_markdown(facts: dict[str, str]) -> str:
    """The title page's facts as a Markdown box (the first thing of the title page in both renderers); every
    fact is data (documents.csv, the run parameters) and is escaped."""
    fact = {key: escape(value) for key, value in facts.items()}
    return "\n".join(
        [
            "::: {.title-facts}",
            f"**{fact['prodotto']}**  ",
            f"Committente: {fact['committente']}  ",
            f"Valutatore indipendente: {fact['valutatore']}  ",
            f"Edizione originale: {fact['edizione_originale']}  ",
            f"Questa edizione: {fact['edizione']}, dati di monitoraggio aggiornati al {fact['dati_al']}",
            ":::",
            "",
        ]
    )


def colophon(params: RunParams, root: Path, renderer: str, built_at: dt.datetime) -> str:
    """Markdown colophon (the last page): run parameters, input hashes, versions, commit, renderer, build
    time; every path relative to the project."""
    lines = [
        "# Colophon {#sec-colophon .unnumbered}",
        "",
        f"- **Edizione:** {escape(params.edition)}",
        f"- **Dati aggiornati al:** {fmt_date(params.as_of)}",
        f"- **Cartella dei dati di monitoraggio:** {escape(shown_path(params.data_dir, root))}",
        *_mapping_lines(params, root),
        f"- **Versione del codice (git):** `{git_commit(root)}`",
        f"- **Motore di impaginazione:** {renderer}",
        f"- **Generato il:** {build_time(built_at).strftime('%Y-%m-%d %H:%M')} UTC",
        "",
        "| File di input | SHA-256 (primi 16 caratteri) |",
        "|:---|:---|",
        *[f"| {escape(shown_path(p, root))} | `{file_digest(p)[:16]}` |" for p in input_files(params)],
        "",
        "| Pacchetto | Versione |",
        "|:---|:---|",
        *[f"| {name} | {v or '–'} |" for name, v in library_versions(("quartieri-erp", *LIBRARIES)).items()],
        "",
    ]
    return "\n".join(lines)


def staged_config(config: dict, facts: dict[str, str]) -> dict:
    """The staged _quarto.yml: chapters at the stage's root with the list page and the colophon, the data
    cut-off as the book's ISO date (labelled as such), the title-page facts for the offline renderer."""
    config = {**config}
    book = staged_chapters(config.get("book") or {})
    book["date"] = facts["dati_al_iso"]
    config["book"] = book
    language = dict(config.get("language") or {})
    language.setdefault("title-block-published", "Dati aggiornati al")
    config["language"] = language
    config[TITLE_PAGE_KEY] = facts
    return config


def stage_project(root: Path, stage: Path, params: RunParams, colophon_text: str) -> None:
    """Write the staged project that both renderers read: _quarto.yml, index.qmd, report/, the chapter
    notebooks at the root (see ``stage_book``), the list of figures and tables and the colophon.

    The executed notebooks are already in ``stage/notebooks`` (papermill wrote them there).
    """
    config = yaml.safe_load((root / "_quarto.yml").read_text(encoding="utf-8"))
    facts = title_page(params)
    staged = staged_config(config, facts)
    book = config.get("book") or {}
    files = [f for f in (book.get("chapters") or []) + (book.get("appendices") or []) if f.endswith(".ipynb")]
    items = stage_notebooks(stage, files, set(book.get("appendices") or []), dict(config.get("execute") or {}))
    (stage / "_quarto.yml").write_text(yaml.safe_dump(staged, allow_unicode=True, sort_keys=False), encoding="utf-8")
    shutil.copyfile(root / "index.qmd", stage / "index.qmd")
    if (root / "report").is_dir():
        shutil.copytree(
            root / "report", stage / "report", dirs_exist_ok=True, ignore=shutil.ignore_patterns("README.md")
        )  # not a page of the book
    (stage / TITLE_PAGE).write_text(title_page_markdown(facts), encoding="utf-8")
    (stage / LIST_FILE).write_text(list_page(items), encoding="utf-8")
    (stage / COLOPHON_FILE).write_text(colophon_text, encoding="utf-8")
