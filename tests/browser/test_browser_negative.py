"""Each browser check fails when its fault is put on purpose into a copy of the built HTML."""

from __future__ import annotations

import re
import shutil

import pytest

import browser_checks as checks

pytest_plugins = ["browser_session"]
pytestmark = pytest.mark.browser

CODE_CELL = (
    '<div class="sourceCode"><pre class="sourceCode python"><code>import pandas as pd\n'
    'df = pd.read_csv("participants.csv")\ndf.head()</code></pre></div>'
)


@pytest.fixture()
def copy(chromium, built_report, tmp_path):
    """A throw-away copy of the built report folder."""
    return shutil.copytree(built_report / "report", tmp_path / "report")


def chapter_with(folder, pattern: str) -> tuple[str, re.Match]:
    """The first page (in file order) whose HTML matches ``pattern``, and the match."""
    for name in checks.page_files(folder):
        match = re.search(pattern, (folder / name).read_text(encoding="utf-8"))
        if match:
            return name, match
    pytest.fail(f"no page of the built report matches {pattern!r}")


def edit(folder, name: str, old: str, new: str) -> None:
    path = folder / name
    html = path.read_text(encoding="utf-8")
    assert old in html, f"{old!r} not in {name}"
    path.write_text(html.replace(old, new, 1), encoding="utf-8")


def add_to_main(folder, name: str, html: str) -> None:
    edit(folder, name, '<main id="contenuto">', f'<main id="contenuto">\n{html}')


def site_problems(open_folder, folder, check, *args, names=None) -> list[str]:
    """Problems found by a page check on every loaded page of ``folder``."""
    with open_folder(folder, names) as site:
        return [p for facts in site.pages.values() for p in check(facts, *args)]


def with_changed(report_site, open_folder, folder, names: list[str]) -> dict:
    """The facts of every page of the built report, those of ``names`` taken from the edited copy."""
    with open_folder(folder, names) as site:
        return {**report_site.pages, **site.pages}


def test_a_broken_cross_reference_is_reported(open_folder, report_site, copy):
    name, match = chapter_with(copy, r'href="#((?:fig|tbl)-[\w-]+)"')
    edit(copy, name, match.group(0), 'href="#fig-inesistente"')
    problems = checks.link_problems(with_changed(report_site, open_folder, copy, [name]), checks.all_files(copy))
    assert [p for p in problems if p.startswith(f"{name}:") and "no element with id 'fig-inesistente'" in p]


def test_a_cross_reference_to_the_wrong_element_is_reported(open_folder, report_site, copy):
    name, figure_ref = chapter_with(copy, r'href="#(fig-[\w-]+)">Figura')
    title_id = re.search(r'<h1 id="([\w-]+)"', (copy / name).read_text(encoding="utf-8")).group(1)
    edit(copy, name, figure_ref.group(0), f'href="#{title_id}">Figura')
    problems = checks.link_problems(with_changed(report_site, open_folder, copy, [name]), checks.all_files(copy))
    assert [p for p in problems if p.startswith(f"{name}:") and "cross-reference lands on <h1>" in p]


def test_an_entry_of_the_list_of_figures_pointing_to_a_missing_page_is_reported(open_folder, report_site, copy):
    _, entry = chapter_with(copy, r'<li><a href="(\w+\.html)#fig-')
    edit(copy, checks.LIST_PAGE, entry.group(0), '<li><a href="99_mancante.html#fig-')
    pages = with_changed(report_site, open_folder, copy, [checks.LIST_PAGE])
    assert [p for p in checks.link_problems(pages, checks.all_files(copy)) if "'99_mancante.html' does not exist" in p]
    unlisted = f"({entry.group(1)}#fig-"
    assert [p for p in checks.list_of_figures_problems(pages) if unlisted in p and "is not listed" in p]


def test_a_missing_image_is_reported(open_folder, copy):
    image = sorted((copy / "figures").glob("*.png"))[0]
    image.unlink()
    name, _ = chapter_with(copy, re.escape(f"figures/{image.name}"))
    with open_folder(copy, [name]) as site:
        facts = site.pages[name]
    assert f"{name}: image figures/{image.name} did not load" in checks.image_problems(facts)
    assert [p for p in checks.load_problems(facts) if "HTTP 404" in p and image.name in p]


def test_a_visible_code_cell_is_reported(open_folder, copy):
    name, _ = chapter_with(copy, r"<figure")
    add_to_main(copy, name, CODE_CELL)
    with open_folder(copy, [name]) as site:
        facts = site.pages[name]
    assert checks.code_problems(facts) == [f"{name}: a code cell is shown: import pandas as pd"]
    assert [p for p in checks.raw_text_problems(facts) if "an import statement" in p]


def test_python_code_in_an_inline_code_element_is_reported_unless_the_page_shows_code_on_purpose(open_folder, copy):
    name, _ = chapter_with(copy, r"<figure")
    add_to_main(copy, name, "<p>Calcolato con <code>df.groupby('progetto').size()</code>.</p>")
    with open_folder(copy, [name]) as site:
        facts = site.pages[name]
    assert checks.code_problems(facts) == [f"{name}: <code> holds Python code: df.groupby('progetto').size()"]
    assert checks.code_problems(facts, frozenset({name})) == []


RAW_TEXT = {  # what the check calls it: a snippet that shows it
    "papermill's injected parameters": "<p>injected-parameters</p>",
    "a traceback": '<pre>Traceback (most recent call last):\n  File "x.py", line 3, in f</pre>',
    "a Python warning": "<p>FutureWarning: the default of observed=False is deprecated</p>",
    "a Python exception": "<p>KeyError: 'quota'</p>",
    "a Python object's repr": "<p>&lt;Figure size 640x480 with 1 Axes&gt;</p>",
    "a missing value": "<table><tr><th>Quota</th></tr><tr><td>NaN</td></tr></table>",
    "a code fence or Quarto syntax": "<p>#| label: fig-eta</p>",
    "an internal identifier": "<p>Destinatari del laboratorio_sociale</p>",
}


def test_raw_text_is_reported(open_folder, copy):
    name, _ = chapter_with(copy, r"<figure")
    add_to_main(copy, name, "\n".join(RAW_TEXT.values()))
    problems = site_problems(open_folder, copy, checks.raw_text_problems, names=[name])
    assert {what for what in RAW_TEXT if any(p.startswith(f"{name}: shows {what}:") for p in problems)} == set(RAW_TEXT)


def test_an_identifier_in_code_or_in_an_appendix_is_not_reported_as_raw_text(open_folder, copy):
    chapter, _ = chapter_with(copy, r'<h1 [^>]*><span class="header-section-number">\d+</span>')
    appendix, _ = chapter_with(copy, r'<h1 [^>]*><span class="header-section-number">[A-Z]</span>')
    add_to_main(copy, chapter, "<p>Il file <code>case_studies.csv</code> elenca i casi.</p>")
    add_to_main(copy, appendix, "<p>La colonna project_id rimanda a projects.csv.</p>")
    assert site_problems(open_folder, copy, checks.raw_text_problems, names=[chapter, appendix]) == []


def test_a_key_number_inside_a_larger_number_does_not_count(open_folder, copy):
    name, _ = chapter_with(copy, r"<figure")
    html = (copy / name).read_text(encoding="utf-8")
    number = next(str(n) for n in range(100, 1000) if str(n) not in html)
    add_to_main(copy, name, f"<p>Totale 1.{number}; media {number},5.</p>")
    with open_folder(copy, [name]) as site:
        facts = site.pages[name]
    assert checks.number_problems(facts, [number, f"1.{number}", f"{number},5"]) == [
        f"{name}: '{number}' does not appear"
    ]


def test_numbers_in_english_format_are_reported(open_folder, copy):
    name, _ = chapter_with(copy, r"<figure")
    add_to_main(copy, name, "<p>Quota 63.1% su 1,234.50 euro.</p>")
    problems = site_problems(open_folder, copy, checks.english_number_problems, names=[name])
    assert problems == [f"{name}: '63.1%' is not in Italian format", f"{name}: '1,234.50' is not in Italian format"]


def test_wrong_language_headings_and_tables_without_headers_are_reported(open_folder, copy):
    name, _ = chapter_with(copy, r"<figure")
    edit(copy, name, '<html lang="it">', '<html lang="en">')
    add_to_main(copy, name, "<h1>Secondo titolo</h1><h4>Salto</h4><table><tr><td>1</td></tr></table>")
    with open_folder(copy, [name]) as site:
        facts = site.pages[name]
    assert checks.language_problems(facts) == [f"{name}: lang is 'en', expected 'it'"]
    assert checks.heading_problems(facts) == [
        f"{name}: 2 h1 headings (one, first, expected)",
        f"{name}: h4 'Salto' follows h1",
    ]
    assert checks.table_problems(facts) == [f"{name}: table (no id) has no header cells (th)"]


def test_an_image_without_alt_text_is_reported_by_the_check_and_by_axe(open_folder, copy, axe_script):
    name, match = chapter_with(copy, r'<img src="([^"]+)"[^>]*?( alt="[^"]*")')
    edit(copy, name, match.group(2), "")
    with open_folder(copy, [name]) as site:
        assert checks.image_problems(site.pages[name]) == [f"{name}: image {match.group(1)} has no alt text"]
        assert [p for p in checks.axe_problems(site.tabs, axe_script) if "axe image-alt (critical)" in p]


def test_low_contrast_text_is_reported_by_axe(open_folder, copy, axe_script):
    name, _ = chapter_with(copy, r"<figure")
    add_to_main(copy, name, '<p style="color: #c8c8c8">Testo poco leggibile.</p>')
    with open_folder(copy, [name]) as site:
        assert [p for p in checks.axe_problems(site.tabs, axe_script) if "color-contrast" in p]


def test_a_wide_table_box_that_takes_no_keyboard_focus_is_reported_by_axe_on_a_phone(open_folder, copy, axe_script):
    name, _ = chapter_with(copy, r"<figure")
    wide_table = "<tr>" + "<th>Intestazione lunga</th>" * 30 + "</tr>"
    add_to_main(copy, name, f'<div class="table-scroll"><table>{wide_table}</table></div>')
    with open_folder(copy, [name]) as site, checks.at_width(site.tabs[name], checks.PHONE_WIDTH) as tab:
        problems = checks.axe_problems({name: tab}, axe_script, checks.AXE_LAYOUT_RULES)
    assert [p for p in problems if "axe scrollable-region-focusable (serious)" in p]


def test_a_wide_element_makes_the_page_scroll_sideways_but_a_wide_table_or_long_code_does_not(open_folder, copy):
    name, _ = chapter_with(copy, r"<figure")
    wide_table = "<tr>" + "<th>Intestazione lunga</th>" * 30 + "</tr>"
    long_code = "<p>Il file <code>" + "data/programme/" * 6 + "case_study_items.csv</code> è letto.</p>"
    add_to_main(copy, name, f'<div class="table-scroll"><table>{wide_table}</table></div>{long_code}')
    with open_folder(copy, [name]) as site:
        assert checks.overflow_problems(site.tabs[name], name) == []
    add_to_main(copy, name, '<p id="troppo-largo" style="width: 900px">Testo.</p>')
    with open_folder(copy, [name]) as site:
        problems = checks.overflow_problems(site.tabs[name], name)
    assert len(problems) == 1 and "too wide: p#troppo-largo" in problems[0]


def test_a_request_leaving_the_machine_is_reported_and_blocked(open_folder, copy):
    name, _ = chapter_with(copy, r"<figure")
    add_to_main(copy, name, '<img src="https://report.invalid/logo.png" alt="Logo">')
    problems = site_problems(open_folder, copy, checks.load_problems, names=[name])
    assert [p for p in problems if "external request" in p and "report.invalid" in p]


def test_previous_next_links_out_of_order_are_reported(open_folder, report_site, copy):
    name, match = chapter_with(copy, r'<a class="next" href="([\w.]+)" rel="next">')
    edit(copy, name, match.group(0), '<a class="next" href="index.html" rel="next">')
    problems = checks.navigation_problems(with_changed(report_site, open_folder, copy, [name]))
    assert [p for p in problems if p.startswith(f"{name}: 'next' link goes to ['index.html'], expected")]


def test_a_page_missing_from_the_sidebar_is_reported(open_folder, report_site, copy):
    (copy / "99_orfana.html").write_text((copy / "index.html").read_text(encoding="utf-8"), encoding="utf-8")
    problems = checks.navigation_problems(with_changed(report_site, open_folder, copy, ["99_orfana.html"]))
    assert [p for p in problems if p.startswith("sidebar lists") and "99_orfana.html" in p]
