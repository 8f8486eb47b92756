"""Text from the data is data (issue 13): payloads in every free-text column of every input table, in a file
name of the data folder and in the edition parameter render as literal text in the HTML (real Chromium) and
the PDF, and change neither the structure of the report nor run any script."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import browser_checks as checks
from conftest import ROOT, run_cli
from quartieri_erp.inputs.curated.registry import SPECS
from quartieri_erp.inputs.monitoring.lookups import REFERENCE_TABLES
from quartieri_erp.inputs.monitoring.schemas import TABLES as MONITORING_TABLES

pytest_plugins = ["browser_session"]
pytestmark = [pytest.mark.e2e, pytest.mark.browser]

# (payload, what a reader must see of it once escaped: whitespace-free, so that line breaks do not matter)
PAYLOADS = [
    ("<img src=x onerror=alert(1)>", "<imgsrc=xonerror=alert(1)>"),
    ("<script>alert(2)</script>", "<script>alert(2)</script>"),
    ('<b onclick="alert(3)">clic</b>', '<bonclick="alert(3)">clic</b>'),
    ("`<i>x</i>`{=html}", "`<i>x</i>`{=html}"),
    ("[link](javascript:alert(4))", "[link](javascript:alert(4))"),
    ("\n\n# Titolo iniettato {#sec-iniettato}\n\n", "#Titoloiniettato{#sec-iniettato}"),
    ("![immagine](x.png)", "![immagine](x.png)"),
    ("$x^2$ @fig-eta [@sec-metodo]", "$x^2$@fig-eta[@sec-metodo]"),
    ("```{=typst}\n#let f(n) = f(n + 1)\n```", "```{=typst}#letf(n)=f(n+1)```"),
    ("`#for i in range(99999999) [x]`{=typst}", "`#foriinrange(99999999)[x]`{=typst}"),
    ("{{< include /etc/hostname >}} {edition} %s", "{{<include/etc/hostname>}}{edition}%s"),
    ("| a | b |\n|---|---|", "|a|b||---|---|"),
    ("::: {.callout-note}\nnota\n:::", ":::{.callout-note}nota:::"),
    ("\x07\x1b[31mrosso\u202e", "[31mrosso"),
    ("w" * 150, "w" * 150),
]
EDITION = "Edizione <img src=e onerror=alert(9)>"
HOSTILE_FILE = "nota <img src=f onerror=alert(8)>.txt"
VOID = re.compile(r"[\s\u200b\u00ad]+")


def _squeeze(text: str) -> str:
    return VOID.sub("", text)


CODES = re.compile(r"^(cod_|nuts|istat|den)|_id$|^(municipality|section|number|capoluogo|affects|code|variable)$")


def free_text_columns(schema) -> list[str]:
    """Columns of a schema that hold free text: string columns without a closed list or a pattern to match, and
    not codes that other tables refer to (``CODES``)."""
    found = []
    for name, column in schema.columns.items():
        if CODES.search(name):
            continue
        if "str" not in str(column.dtype).lower() and "object" not in str(column.dtype).lower():
            continue
        if column.unique or column.metadata:
            continue
        names = {getattr(check, "name", "") for check in column.checks}
        if names & {"isin", "str_matches", "str_length"} and name != "source":
            continue
        found.append(name)
    return found


def _rows(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _write(path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def poison(path, columns: list[str], start: int) -> int:
    """Append a payload to every non-empty cell of ``columns`` of the CSV ``path``; returns the next payload."""
    rows = _rows(path)
    at = [rows[0].index(c) for c in columns if c in rows[0]]
    for row in rows[1:]:
        for i in at:
            if row[i]:
                row[i] = f"{row[i]} {PAYLOADS[start % len(PAYLOADS)][0]}"
                start += 1
    _write(path, rows)
    return start


def keep_what_validation_accepts(params_file, originals: dict) -> int:
    """Put back the original of every poisoned cell that a validation rule rejects (a payload in a name that must
    match another table, say): the attack then reaches every cell that validation lets through. Returns the
    number of cells put back."""
    from quartieri_erp.errors import InputError
    from quartieri_erp.params import load_params
    from quartieri_erp.pipeline.inputs import validate_inputs

    restored = 0
    for _ in range(3):
        try:
            validate_inputs(load_params(params_file))
            return restored
        except InputError as err:
            rejected = [(Path(i.file).name, i.row, i.column) for i in err.issues if i.row and i.column]
            assert rejected, err.report()
        for name, row, column in rejected:
            path = next(p for p in originals if p.name == name)
            rows, before = _rows(path), originals[path]
            j = rows[0].index(column)
            rows[row - 1][j] = before[row - 1][j]
            _write(path, rows)
            restored += 1
    validate_inputs(load_params(params_file))
    return restored


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory):
    """A copy of the project whose free text carries payloads, built once; returns (out, poisoned columns)."""
    project = tmp_path_factory.mktemp("poisoned")
    for name in ("params.yml", "_quarto.yml", "index.qmd"):
        shutil.copy(ROOT / name, project / name)
    for folder in ("notebooks", "data", "report"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    poisoned, originals, start = {}, {}, 0
    folders = {
        "programme": project / "data/programme",
        "reference": project / "data/reference",
        "monitoring": project / "data/synthetic",
    }
    tables = [(s, s.folder) for s in [*SPECS.values(), *REFERENCE_TABLES]] + [
        (s, "monitoring") for s in MONITORING_TABLES
    ]
    for spec, folder in tables:
        columns = free_text_columns(spec.schema)
        if columns:
            path = folders[folder] / spec.file
            originals[path] = _rows(path)
            start = poison(path, columns, start)
            poisoned[f"{folder}/{spec.file}"] = columns
    (project / "data/synthetic" / HOSTILE_FILE).write_text("nota\n", encoding="utf-8")
    params = (project / "params.yml").read_text(encoding="utf-8")
    (project / "params.yml").write_text(re.sub(r"(?m)^edition: .*$", f"edition: '{EDITION}'", params), encoding="utf-8")
    restored = keep_what_validation_accepts(project / "params.yml", originals)
    assert restored < 50, f"validation rejected {restored} poisoned cells"
    out = project / "build"
    result = run_cli(
        "--params", str(project / "params.yml"), "build", "--renderer", "offline", "--out", str(out), cwd=project
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out, poisoned


def test_the_attack_reaches_many_text_columns(poisoned):
    _, columns = poisoned
    assert sum(len(c) for c in columns.values()) >= 20, columns


def _page_texts(site) -> dict[str, str]:
    return {name: tab.evaluate("() => document.body.innerText") for name, tab in site.tabs.items()}


def test_no_script_runs_and_no_markup_is_injected(open_folder, poisoned):
    # A 'javascript:void(0)' address runs nothing (the search box's form has one, as in a clean build): any
    # other javascript: address is an injection.
    out, _ = poisoned
    dialogs: list[str] = []
    with open_folder(out / "report") as site:
        problems = []
        for name, tab in site.tabs.items():
            tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            tab.reload()
            tab.wait_for_timeout(50)
            found = tab.evaluate("""() => ({
              js: [...document.querySelectorAll('[href],[src],[action]')].map(e => e.getAttribute('href') ||
                   e.getAttribute('src') || e.getAttribute('action'))
                   .filter(u => /^\\s*javascript:/i.test(u) && !/^\\s*javascript:\\s*void\\s*\\(0\\);?\\s*$/i.test(u)),
              on: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name))
                   .filter(n => n.startsWith('on')),
              scripts: [...document.scripts].map(s => s.src || s.textContent.slice(0, 40)),
              injected: [...document.querySelectorAll('img[src="x"], img[src="e"], img[src="f"], i, b[onclick]')]
                   .length,
            })""")
            if found["js"] or found["on"] or found["injected"]:
                problems.append((name, found))
            if any("alert" in s for s in found["scripts"]):
                problems.append((name, found["scripts"]))
    assert dialogs == [] and problems == []


def test_the_table_of_contents_is_unchanged(open_folder, poisoned, built_report):
    out, _ = poisoned
    with open_folder(built_report / "report") as clean, open_folder(out / "report") as attacked:
        assert checks.sidebar_order(attacked.pages["index.html"]) == checks.sidebar_order(clean.pages["index.html"])
        outline = "() => [...document.querySelectorAll('main h1, main h2, main h3')].map(h => h.id)"
        assert {n: t.evaluate(outline) for n, t in attacked.tabs.items()} == {
            n: t.evaluate(outline) for n, t in clean.tabs.items()
        }


def test_every_payload_is_shown_as_text_in_the_html_and_the_pdf(open_folder, poisoned):
    out, _ = poisoned
    with open_folder(out / "report") as site:
        html = _squeeze(" ".join(_page_texts(site).values())).replace("’", "'")
    pdf = next((out / "report").glob("*.pdf"))
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = _squeeze(text).replace("’", "'")
    missing_html = [shown for _, shown in PAYLOADS if shown not in html]
    missing_pdf = [shown for _, shown in PAYLOADS if shown not in text]
    assert missing_html == [] and missing_pdf == []
    assert _squeeze(EDITION) in html
