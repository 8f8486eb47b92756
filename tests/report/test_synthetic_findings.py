"""A synthetic edition publishes no synthetic-only finding (issue 12).

The default edition (synthetic data, illustrative off) is built once; a copy of the project whose edition.yml
says ``synthetic: false`` is built again from the same files. In the default build every monitoring number is
reconciled with a published value (or is derived from published values), no p-value or test sentence appears,
and none of the numbers that only the real-mode build shows, with the words before them, is in the PDF text. In
real mode those sections are present.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from provenance_checks import KIND_SPAN, spans
from report_state import warm_cache

MONITORING_PAGES = ("00_sintesi", "03_indicatori", "05_conclusioni", "A1_metodo", "A3_riconciliazione")
P_VALUE = re.compile(r"\(p\s*[=<]\s*\d|\bp\s*[=<]\s*0,\d")
CONTEXT = 24  # visible characters kept before a number: enough to make it specific


def _build(out: Path, cwd: Path = ROOT) -> Path:
    result = run_cli("build", "--renderer", "offline", "--out", str(out), cwd=cwd)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def default_build(built_report) -> Path:
    """The default edition: the session's build (the same command, ``_build`` into a temporary folder)."""
    return built_report


@pytest.fixture(scope="module")
def real_build(tmp_path_factory, built_report) -> Path:
    """The same project and data, with the edition declared real (``synthetic: false``)."""
    copy = tmp_path_factory.mktemp("real-project")
    for name in ("params.yml", "_quarto.yml", "index.qmd"):
        shutil.copy(ROOT / name, copy / name)
    for folder in ("notebooks", "data", "report"):
        shutil.copytree(ROOT / folder, copy / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    edition = copy / "data" / "synthetic" / "edition.yml"
    edition.write_text(
        re.sub(r"(?m)^synthetic:\s*true", "synthetic: false", edition.read_text(encoding="utf-8")), encoding="utf-8"
    )
    warm_cache(copy)  # filled by built_report: only what edition.yml changes is executed and rendered again
    return _build(copy / "build", cwd=copy)


def _page(build: Path, name: str) -> str:
    return (build / "report" / f"{name}.html").read_text(encoding="utf-8")


def _visible(html: str) -> str:
    """The text of a page's main content, one space between words."""
    main = re.search(r"<main\b.*?</main>", html, re.S)
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", main.group(0) if main else html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", text)).split())


def _pdf_text(build: Path) -> str:
    pdf = next((build / "report").glob("*.pdf"))
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    else:
        from pypdf import PdfReader

        text = "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    return " ".join(text.replace("\u00a0", " ").split())


def _in_context(html: str, loose: bool) -> list[str]:
    """'quota di uomini sale al 36,1%': each number span with the visible words before it; ``loose``: only the
    monitoring numbers without a published counterpart, else only the others (published, derived, curated,
    reconciled)."""
    found = []
    for match in KIND_SPAN.finditer(html):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', match.group(1)))
        unreconciled = attrs.get("data-kind") == "monitoring" and not attrs.get("data-reconciled")
        if unreconciled != loose:
            continue
        before = _visible(html[max(0, match.start() - 1500) : match.start()])[-CONTEXT:]
        number = " ".join(unescape(re.sub(r"<[^>]+>", "", match.group(2))).replace("\u00a0", " ").split())
        if len(before.split()) >= 2:
            found.append(before + number if before.endswith("(") else f"{before} {number}")
    return found


def test_default_build_shows_only_reconciled_monitoring_numbers(default_build):
    for name in MONITORING_PAGES:
        loose = [
            s["text"]
            for s in spans(_page(default_build, name))
            if s.get("data-kind") == "monitoring" and not s.get("data-reconciled")
        ]
        assert not loose, f"{name}: monitoring numbers without a published counterpart: {loose[:10]}"


def test_default_build_has_no_test_sentence_and_no_illustrative_mark(default_build):
    for name in MONITORING_PAGES:
        text = _visible(_page(default_build, name))
        assert not P_VALUE.search(text), f"{name}: {P_VALUE.search(text).group(0)!r}"
        assert "ILLUSTRATIVO" not in text
    chapter = _visible(_page(default_build, "03_indicatori"))
    assert "Con i dati reali di monitoraggio questa parte mostra anche" in chapter
    assert "statisticamente significativ" not in chapter


def test_default_pdf_has_none_of_the_synthetic_only_numbers(default_build, real_build):
    pdf = _pdf_text(default_build)
    checked = 0
    for name in MONITORING_PAGES:
        # the same number in the same words may be shown legitimately: e.g. an interval that the default
        # edition derives from published counts and the real one computes from the monitoring data
        allowed = set(_in_context(_page(default_build, name), loose=False))
        for snippet in set(_in_context(_page(real_build, name), loose=True)) - allowed:
            checked += 1
            assert " ".join(snippet.split()) not in pdf, f"{name}: synthetic-only {snippet!r} in the PDF"
    assert checked > 20  # the real-mode build does show many such numbers


def test_real_mode_shows_the_full_analysis(real_build):
    chapter = _visible(_page(real_build, "03_indicatori"))
    assert P_VALUE.search(chapter) and "Con i dati reali di monitoraggio" not in chapter
    assert 'id="tbl-indicatori-fse"' in _page(real_build, "03_indicatori")
    assert "Dati sintetici" not in chapter and "ILLUSTRATIVO" not in chapter
    method = _page(real_build, "A1_metodo")
    assert 'id="tbl-metodo-test"' in method
    conclusions = _visible(_page(real_build, "05_conclusioni"))
    assert "significativ" in conclusions
    loose = [
        s
        for s in spans(_page(real_build, "03_indicatori"))
        if s.get("data-kind") == "monitoring" and not s.get("data-reconciled")
    ]
    assert len(loose) > 20
