"""The appendices generated from data: data dictionary (A2), provenance and discrepancies (A4), glossary (A5)
and the per-project annex (A6).

A6 shows the facts of each project (lead partner, place, ranking, act, budget) with their provenance and, only
when the edition allows findings (real monitoring data, or synthetic data shown as ILLUSTRATIVE), aggregates of
the monitoring data by project. Those are protected with ``quartieri_erp.indicators.disclosure``: every count below the
threshold (zeros included) prints "<5", companions hidden to prevent computation by difference print "n.d.",
and a linear-programming audit checks every hidden cell against the identities within a project and the column
totals that chapter 3 publishes (``annex_model``); a share or a mean of a hidden group is never shown.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from quartieri_erp.chapters.labels import Labels
from quartieri_erp.chapters.programme import DATA_NAMES, FILE_NAME, LINE_NUMBERS, reader_words  # noqa: F401
from quartieri_erp.chapters.wording import discrepancy_ref, join_it
from quartieri_erp.indicators.disclosure import Equality, Protection, notes_md, protect, sums_to
from quartieri_erp.inputs.curated.citations import cite, cited_documents
from quartieri_erp.inputs.dictionary import BREAK, code_span, data_dictionary, table_rules
from quartieri_erp.inputs.monitoring import Monitoring
from quartieri_erp.inputs.monitoring.codes import CITIZENSHIP, ITALY, PIP_STATUSES, SEX
from quartieri_erp.inputs.monitoring.integrity import link_participants
from quartieri_erp.inputs.readlog import note_read
from quartieri_erp.inputs.tables import TableSpec
from quartieri_erp.presentation.formatting import fmt_eur, fmt_int, fmt_num, fmt_pct
from quartieri_erp.presentation.markdown_tables import markdown_table, md_frame
from quartieri_erp.presentation.markup import Md, escape, number, plain
from quartieri_erp.presentation.provenance import Source, curated, derived, from_cell, published
from quartieri_erp.presentation.provenance import monitoring as monitoring_kind

# Names a reader should see as code: words with an underscore (column names, codes) and data file names.
IDENTIFIER = re.compile(r"(?<![\w./|-])[\w./|-]*(?:_[\w./|-]*\w|\w\.(?:csv|yml|json))(?![\w])")


FILE_EXTENSION = re.compile(r"\.(?:csv|xlsx|yml|yaml|json|parquet)$")


def _code_token(token: str, wrap: str = "/") -> str:
    """A name as code; a path may wrap after each '/' (after each character of ``wrap``). A file name is also
    marked as such (a ``.csv`` span: the data dictionary names the input files on purpose, and the reader-text
    checks know it)."""
    code = BREAK.join(code_span(piece) for piece in re.split(f"(?<=[{re.escape(wrap)}])", token) if piece)
    return f"[{code}]{{.csv}}" if FILE_EXTENSION.search(token) else code


def file_code(name: str, narrow: bool = False) -> Md:
    """An input file named in the data dictionary: '[`projects.csv`]{.csv}'; ``narrow``: in a narrow column, where
    a long name may also wrap after each '_'."""
    return Md(_code_token(plain(name), "/_" if narrow else "/"))


def _escaped_with_identifiers(text: str) -> str:
    """Plain text escaped (``markup.escape``), its identifiers and file names as code spans."""
    out, last = [], 0
    for match in IDENTIFIER.finditer(text):
        out.append(escape(text[last : match.start()]) if match.start() > last else "")
        out.append(_code_token(match.group(0)))
        last = match.end()
    out.append(escape(text[last:]) if last < len(text) else "")
    return "".join(out)


def no_line_numbers(text: str) -> str:
    """Package text without the line numbers of the text extraction of the sources ('(l. 862-1424)') and without
    pointers to the package's modules ('(si veda indicators/published.py)')."""
    text = re.sub(r"\s*\(ll?\.\s*\d[\d\s,\-–e]*\)", "", plain(text))
    text = re.sub(r"\s*\((?:si veda |vedi )?[\w/.-]+\.py\)", "", text)  # a module of the package is no source
    return re.sub(r",?\s*\bll?\.\s*\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:,|e)\s*\d+(?:\s*[-–]\s*\d+)?)*", "", text)


def code_identifiers(text: str) -> Md:
    """Package or schema text as Markdown: identifiers and file names as code, text between backticks kept as
    code (the one formatting schema descriptions use), everything else escaped (``markup.escape``), so that a
    description of a user-extended schema cannot inject Markdown or HTML."""
    parts = plain(text).split("`")
    if len(parts) % 2 == 0:  # an unmatched backtick is literal text
        parts[-2:] = [parts[-2] + "`" + parts[-1]]
    shown = [
        _escaped_with_identifiers(part) if i % 2 == 0 else (code_span(part) if part else "")
        for i, part in enumerate(parts)
    ]
    return Md("".join(shown))


# --- A2: data dictionary ----------------------------------------------------------------------------------

DICTIONARY_WEIGHTS = (1, 3)  # Colonna, Descrizione e regole: two columns stay readable on a phone
COMPACT_WEIGHTS = (3, 2, 2, 5)  # Colonna, Tipo, Obbligo, Regola
SHORT_RULE = 60  # characters of a rule shown in the compact (PDF) table


def section_id(*parts: str) -> str:
    """A heading id from free parts: 'sec-' + lower-case letters, digits and hyphens."""
    text = "-".join(parts).lower()
    return "sec-" + re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _presence(row: pd.Series) -> str:
    if not row["required"]:
        return "colonna facoltativa"
    return "può essere vuota" if row["nullable"] else "obbligatoria"


def _column_name(column: str, title: object) -> Md:
    shown = code_span(plain(column))
    return Md(shown + (f" ({escape(title)})" if isinstance(title, str) and title else ""))


def columns_table(dictionary: pd.DataFrame) -> pd.DataFrame:
    """The dictionary rows of one file for display (Markdown cells, ``Md``): the column (and its title), then
    its description followed, in italics, by its type and constraints."""
    names, rules = [], []
    for _, row in dictionary.iterrows():
        names.append(_column_name(row["column"], row["title"]))
        parts = [
            escape(row["type"]),
            _presence(row),
            "valori unici" if row["unique"] else "",
            code_identifiers(row["rule"]) if row["rule"] else "",
        ]
        text = "; ".join(filter(None, parts))
        description = code_identifiers(no_line_numbers(row["description"] or ""))
        rules.append(Md(f"{description} _{text[:1].upper()}{text[1:]}._".strip()))
    return md_frame({"Colonna": names, "Descrizione e regole": rules})


def short_rule(rule: str, limit: int = SHORT_RULE) -> str:
    """A rule cut for the compact table: whole if short, else its first clause or its first ``limit``
    characters, ending with '…' ('uno tra: `a`, `b`, …')."""
    rule = plain(rule)
    if len(rule) <= limit:
        return rule
    head = rule.split(";", 1)[0]
    if len(head) <= limit:
        return head + "; …"
    cut = head[:limit].rsplit(",", 1)[0] if "," in head[:limit] else head[:limit].rsplit(" ", 1)[0]
    if cut.count("`") % 2:
        cut += "`"
    return cut + ", …" if "," in head[:limit] else cut + " …"


def compact_table(dictionary: pd.DataFrame) -> pd.DataFrame:
    """The dictionary rows of one file in four short columns (for the PDF): column, type, obligation and the
    rule cut to its first clause (``short_rule``); the full rules are in the HTML and in the CSV."""
    presence = {"colonna facoltativa": "facoltativa", "può essere vuota": "può essere vuota", "obbligatoria": "sì"}
    return md_frame(
        {
            "Colonna": [Md(code_span(plain(c))) for c in dictionary["column"]],
            "Tipo": [escape(t) for t in dictionary["type"]],
            "Obbligatoria": [presence[_presence(row)] for _, row in dictionary.iterrows()],
            "Regola": [code_identifiers(short_rule(r)) if r else Md("–") for r in dictionary["rule"]],
        }
    )


def html_only(markdown: str) -> str:
    """Markdown shown only in the HTML (a Quarto ``content-visible`` div, honoured by both renderers)."""
    return f'::: {{.content-visible when-format="html"}}\n\n{markdown}\n\n:::'


def pdf_only(markdown: str) -> str:
    """Markdown left out of the HTML (a Quarto ``content-hidden`` div, honoured by both renderers)."""
    return f'::: {{.content-hidden when-format="html"}}\n\n{markdown}\n\n:::'


SCHEMA_TEXT = curated("descrizioni degli schemi di validazione di questa edizione")
DIGITS = re.compile(r"(?<![\w\\.,/-])(\d+(?:[.,/\-–]\d+)*)(?![\w\\])")


def mark_numbers(text: Md, source=SCHEMA_TEXT) -> Md:
    """Package Markdown with each number outside code spans wrapped as a number span of ``source``: the figures
    written in a schema's description ('del 2017', '6 cifre') say where they come from like any other."""
    parts = str(text).split("`")
    parts[::2] = [DIGITS.sub(lambda m: number(m.group(1), source), part) for part in parts[::2]]
    return Md("`".join(parts))


PLAIN_TYPE = "testo"  # the type most columns have: the compact list names only the others


def columns_line(dictionary: pd.DataFrame) -> Md:
    """The columns of one file in one paragraph, for the PDF: '`a`\\*, `b` (data), …' (an asterisk marks the
    columns that must be present and filled; the type, without its gloss, is named when it is not text,
    ``PLAIN_TYPE``: '`flag` (vero/falso)')."""
    star = "\\*"
    parts = [
        f"{code_span(plain(row['column']))}{star if _presence(row) == 'obbligatoria' else ''}"
        + (f" ({escape(row['type'].split(' (')[0])})" if row["type"] != PLAIN_TYPE else "")
        for _, row in dictionary.iterrows()
    ]
    return Md(", ".join(parts) + ".")


def file_section(spec: TableSpec, dictionary: pd.DataFrame) -> str:
    """Markdown for one file, shown in the HTML only: a heading, what a row is, where the file comes from, the
    row rules and the full column table (the PDF has one compact table per folder: ``folder_table``)."""
    rows = dictionary[(dictionary["folder"] == spec.folder) & (dictionary["table"] == spec.name)]
    full = markdown_table(columns_table(rows), widths=DICTIONARY_WEIGHTS)
    rules = code_identifiers("; ".join(table_rules(spec)))
    return html_only(
        f"### {file_code(spec.file)} {{#{section_id('dizionario', spec.folder, spec.name)}}}\n\n"
        f"**Contenuto.** {mark_numbers(code_identifiers(no_line_numbers(spec.description)))}  \n"
        f"**Provenienza.** {mark_numbers(code_identifiers(no_line_numbers(spec.source)))}  \n"
        f"**Regole sulle righe.** {rules[:1].upper()}{rules[1:]}.\n\n{full}"
    )


FOLDER_WEIGHTS = (2, 8)  # File, Contenuto e colonne


def folder_table(specs: list[TableSpec], dictionary: pd.DataFrame) -> pd.DataFrame:
    """The files of a folder for the PDF, one row each: the file, what a row is and its columns with their type
    (``columns_line``: an asterisk marks the columns that must be present and filled)."""
    cells = []
    for spec in specs:
        rows = dictionary[(dictionary["folder"] == spec.folder) & (dictionary["table"] == spec.name)]
        description = mark_numbers(code_identifiers(no_line_numbers(spec.description)))
        cells.append(Md(f"{description} **Colonne:** {columns_line(rows)}"))
    return md_frame({"File": [file_code(spec.file, narrow=True) for spec in specs], "Contenuto e colonne": cells})


def folder_sections(tables: list[TableSpec], folder: str) -> str:
    """The files of ``folder``, in the order of ``tables``: in the HTML a section per file with every rule, in the
    PDF one compact table (``folder_table``)."""
    specs = [spec for spec in tables if spec.folder == folder]
    if not specs:
        raise ValueError(f"no table in folder {folder!r}")
    dictionary = data_dictionary(specs)
    compact = markdown_table(folder_table(specs, dictionary), widths=FOLDER_WEIGHTS)
    return "\n\n".join([*(file_section(spec, dictionary) for spec in specs), pdf_only(compact)])


def dictionary_csv(dictionary: pd.DataFrame) -> str:
    """The data dictionary as CSV text (UTF-8, one row per column of every file, Italian headers)."""
    shown = dictionary.rename(
        columns={
            "folder": "cartella",
            "file": "file",
            "column": "colonna",
            "title": "titolo",
            "type": "tipo",
            "required": "presente",
            "nullable": "puo_essere_vuota",
            "unique": "valori_unici",
            "rule": "regola",
            "description": "descrizione",
        }
    ).drop(columns="table")
    return shown.to_csv(index=False, lineterminator="\n")


def download_link(text: str, csv_text: str, filename: str) -> Md:
    """A Markdown link that downloads ``csv_text`` as ``filename`` (a data: URI, so it needs no file next to
    the page); meant for the HTML only (``html_only``)."""
    payload = base64.b64encode(csv_text.encode("utf-8")).decode("ascii")
    name = re.sub(r"[^A-Za-z0-9._-]", "-", filename)
    return Md(f'[{escape(text)}](data:text/csv;charset=utf-8;base64,{payload}){{.download download="{name}"}}')


def files_overview(tables: list[TableSpec], folder_labels: Mapping[str, str]) -> pd.DataFrame:
    """One row per file: file (with the Italian label of its folder), number of columns, what a row is."""
    return md_frame(
        {
            "File": [Md(f"{file_code(spec.file)} ({escape(folder_labels[spec.folder])})") for spec in tables],
            "Colonne": [len(spec.schema.columns) for spec in tables],
            "Contenuto": [code_identifiers(spec.description) for spec in tables],
        }
    )


# --- A4: provenance and discrepancies --------------------------------------------------------------------

ARTIFACT_KINDS = ("tabella", "tavola", "figura")


DOCUMENT_CODES = curated("codici dei documenti di origine in questa edizione")
DOCUMENT_YEARS = curated("documenti di origine, dal loro frontespizio")


def _codes(ids: str) -> Md | str:
    """Document ids ('000, 002') as spans that say what they are (an id of this edition, not a quantity)."""
    if not ids:
        return "–"
    return Md(", ".join(number(plain(i).strip(), DOCUMENT_CODES) for i in str(ids).split(",")))


def documents_table(documents: pd.DataFrame) -> pd.DataFrame:
    """The source documents: id, author, title, year (as written, not as a quantity; empty when unknown)."""
    return md_frame(
        {
            "Codice": [_codes(i) for i in documents["doc_id"]],
            "Autore": documents["author"].tolist(),
            "Titolo": documents["title"].tolist(),
            "Anno": [Md(number(str(year), DOCUMENT_YEARS)) if pd.notna(year) else None for year in documents["year"]],
        }
    )


def programme_files(tables: list[TableSpec], read: Callable[[str], pd.DataFrame]) -> pd.DataFrame:
    """One row per programme file: file, rows, documents cited by its ``source`` cells, provenance of the file;
    ``read`` reads a table by name (``ch.table``)."""
    specs = [spec for spec in tables if spec.folder == "programme"]
    frames = [read(spec.name) for spec in specs]
    return md_frame(
        {
            "file": [spec.file for spec in specs],
            "name": [spec.name for spec in specs],
            "rows": [len(frame) for frame in frames],
            "documents": [
                ", ".join(cited_documents(frame["source"].dropna())) if "source" in frame else "" for frame in frames
            ],
            "source": [spec.source for spec in specs],
        }
    )


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


ROWS_SOURCE = curated("dati del programma di questa edizione")


def programme_files_table(files: pd.DataFrame) -> pd.DataFrame:
    """``programme_files`` for display: the data (by name, with a link to its section of the dictionary), its
    rows (sourced), the documents it cites and its provenance, without file names or line numbers."""
    names = [
        Md(f"{_cap(escape(reader_words(file)))} (@{section_id('dizionario', 'programme', name)})")
        for file, name in zip(files["file"], files["name"])
    ]
    return md_frame(
        {
            "Dati": names,
            "Righe": [Md(fmt_int(rows, src=ROWS_SOURCE)) for rows in files["rows"]],
            "Documenti citati": [_codes(ids) for ids in files["documents"]],
            "Provenienza": [escape(reader_words(text)) for text in files["source"]],
        }
    )


def source_note(cells, documents: pd.DataFrame) -> Md:
    """The 'Fonte:' line under a table of the appendices, with the citations of documents.csv escaped (they are
    data): 'Fonte: elaborazione su …'."""
    return Md(f"Fonte: {escape(cite(list(cells), documents))}.")


def discrepancies_table(discrepancies: pd.DataFrame) -> pd.DataFrame:
    """Each discrepancy in two columns: its id and topic; what the sources say, the choice, why, the data
    affected (Markdown cells: the texts escaped, file names and line numbers in reader words)."""

    def words(value: object) -> str:
        return escape(reader_words(value))

    resolution = [
        Md(f"{words(say)} **Scelta:** {words(chosen)} **Motivo:** {words(reason)} **Dati:** {words(affects)}")
        for say, chosen, reason, affects in zip(
            discrepancies["sources_say"], discrepancies["chosen"], discrepancies["reason"], discrepancies["affects"]
        )
    ]
    what = [
        Md(f"**{escape(i)}** {words(topic)}")
        for i, topic in zip(discrepancies["discrepancy_id"], discrepancies["topic"])
    ]
    return md_frame({"Discordanza": what, "Fonti, scelta e motivo": resolution})


def discrepancies_compact(discrepancies: pd.DataFrame) -> pd.DataFrame:
    """The PDF's version of ``discrepancies_table``: each discrepancy with its id and topic, and the choice made
    in the data (what the sources say, the reason and the data affected are in the HTML)."""
    what = [
        Md(f"**{escape(i)}** {escape(reader_words(topic))}")
        for i, topic in zip(discrepancies["discrepancy_id"], discrepancies["topic"])
    ]
    return md_frame(
        {"Discordanza": what, "Scelta fatta nei dati": [escape(reader_words(c)) for c in discrepancies["chosen"]]}
    )


def _artifacts(artifacts: pd.DataFrame) -> pd.DataFrame:
    """The tables, Tavole and figures (not the chapters and sections of the index)."""
    return artifacts[artifacts["kind"].isin(ARTIFACT_KINDS)] if "kind" in artifacts else artifacts


def artifacts_sentence(artifacts: pd.DataFrame) -> str:
    """How many published tables and figures are rebuilt in full, redrawn from data, or only in part."""
    artifacts = _artifacts(artifacts)
    counts = artifacts["rebuilt"].value_counts()
    parts = []
    for code, one, many in (
        ("completa", "è ricostruita integralmente", "sono ricostruite integralmente"),
        (
            "dai_dati",
            "è ridisegnata dai dati perché nel testo pubblicato ne restano solo il titolo e il commento",
            "sono ridisegnate dai dati perché nel testo pubblicato ne restano solo il titolo e il commento",
        ),
        ("in_parte", "è ricostruibile solo in parte", "sono ricostruibili solo in parte"),
    ):
        n = int(counts.get(code, 0))
        if n:
            parts.append(f"{fmt_int(n, src=ROWS_SOURCE)} {one if n == 1 else many}")
    total = fmt_int(len(artifacts), src=ROWS_SOURCE)
    return f"Delle {total} tabelle, tavole e figure del rapporto pubblicato {join_it(parts)}."


def _edition_ref(label: object, known: set[str] | None) -> Md | str:
    if not isinstance(label, str) or (known is not None and label not in known):
        return "–"
    return Md(f"@{label}")


def artifacts_table(
    artifacts: pd.DataFrame, labels: Labels, known: set[str] | None = None, notes: bool = True
) -> pd.DataFrame:
    """Each table and figure of the published report next to a cross-reference to its rebuilt version
    (``labels`` from ``labels.load_labels``; a label not in ``known``, when given, shows '–'). Without ``notes``
    the last column says only how it was rebuilt (the notes go to ``artifact_notes``)."""
    artifacts = _artifacts(artifacts)
    kind, rebuilt = labels["artifact_kind"], labels["artifact_rebuilt"]
    published = [
        f"{kind[k]} {n}" if pd.notna(n) else f"{kind[k]} senza numero"
        for k, n in zip(artifacts["kind"], artifacts["number"])
    ]
    return md_frame(
        {
            "Rapporto pubblicato": [Md(f"**{escape(p)}** {escape(t)}") for p, t in zip(published, artifacts["title"])],
            "In questa edizione": [_edition_ref(label, known) for label in artifacts["label"]],
            "Ricostruzione": [
                rebuilt[r] + (f". {reader_words(n)}" if pd.notna(n) and notes else "")
                for r, n in zip(artifacts["rebuilt"], artifacts["note"])
            ],
        }
    )


def artifact_notes(artifacts: pd.DataFrame, labels: Labels) -> Md:
    """The notes on how each table and figure was rebuilt, as a list: '- **Figura 1.1**: Immagine non …'."""
    kind = labels["artifact_kind"]
    lines = [
        f"- **{escape(kind[k])} {escape(n if pd.notna(n) else 'senza numero')}**: {escape(reader_words(note))}"
        for k, n, note in zip(artifacts["kind"], artifacts["number"], artifacts["note"])
        if pd.notna(note)
    ]
    return Md("\n".join(lines))


INDEX_SOURCE = published("Rapporto 2021, indice")


def sections_table(sections: pd.DataFrame, known: set[str] | None = None) -> pd.DataFrame:
    """The concordance of the sections: each chapter and section of the published report's index
    (report_sections.csv: number, title, page) next to a cross-reference to its section in this edition (``label``;
    a label not in ``known``, when given, or an empty one shows '–')."""
    numbers = [str(n) if pd.notna(n) else "" for n in sections["section"]]
    return md_frame(
        {
            "Rapporto pubblicato": [
                Md(f"**{escape(n)}** {escape(t)}" if n else escape(t)) for n, t in zip(numbers, sections["title"])
            ],
            "Pagina": [Md(fmt_int(p, src=INDEX_SOURCE)) for p in sections["page"]],
            "In questa edizione": [_edition_ref(label, known) for label in sections["label"]],
        }
    )


LABEL_IN_SOURCE = re.compile(
    r"\{#((?:sec|tbl|tav|fig)-[A-Za-z0-9_-]+)|#\|\s*label:\s*((?:tbl|tav|fig)-[\w-]+)|"
    r"[\"']((?:sec|tbl|tav|fig)-[a-z0-9-]+)[\"']"
)  # the last: an id given to heading()


def notebook_labels(notebooks: list[Path]) -> set[str]:
    """The cross-reference labels the chapter notebooks define (heading ids and ``#| label:`` options), so that
    the concordance points only to targets that exist."""
    found: set[str] = set()
    for path in notebooks:
        note_read(path)
        for cell in json.loads(Path(path).read_text(encoding="utf-8"))["cells"]:
            text = "".join(cell["source"])
            found.update(a or b or c for a, b, c in LABEL_IN_SOURCE.findall(text))
    return found


# --- A5: glossary ----------------------------------------------------------------------------------------


def glossary_table(glossary: pd.DataFrame) -> pd.DataFrame:
    """The acronyms in alphabetical order (ignoring case), with expansion and explanation (data text, escaped
    by ``show_table``)."""
    ordered = glossary.sort_values("acronym", key=lambda s: s.str.casefold(), kind="stable")
    return md_frame(
        {
            "Sigla": ordered["acronym"].tolist(),
            "Significato": ordered["expansion"].tolist(),
            "Spiegazione": ordered["explanation"].tolist(),
        }
    )


def glossary_compact(glossary: pd.DataFrame) -> pd.DataFrame:
    """The PDF's version of ``glossary_table``: each acronym with its expansion in one cell ('**ABF** Azienda …'),
    in two columns read top to bottom, then the second (the explanations are in the HTML)."""
    ordered = glossary_table(glossary)
    cells = [Md(f"**{escape(a)}** {escape(e)}") for a, e in zip(ordered["Sigla"], ordered["Significato"])]
    half = (len(cells) + 1) // 2
    left, right = cells[:half], cells[half:] + [Md("")] * (2 * half - len(cells))
    return md_frame({"Sigla e significato": left, "Sigla e significato (segue)": right})


# --- A6: per-project annex -------------------------------------------------------------------------------

SPLIT = ("laboratorio_only", "pip_only", "both")  # disjoint: the three add up to the participants
ASSUMED_LEAD_DISCREPANCY = "D05"  # discrepancies.csv entry on the lead partner assumed for a project


def _is(codes: pd.Series, value: str) -> np.ndarray:
    """Where a category column equals ``value`` (compared on the integer codes)."""
    return codes.cat.codes.to_numpy() == codes.cat.categories.get_indexer([value])[0]


def project_counts(monitoring: Monitoring) -> pd.DataFrame:
    """Counts per project (rows in the order of projects.csv), computed in grouped passes over the people.

    Columns: participants, the disjoint split laboratorio_only / pip_only / both, laboratorio_sociale and pip
    (people in each sub-project), F and M, italiana and straniera, one column per PIP status, age_sum.
    """
    people, enrolments = monitoring.participants, monitoring.enrolments
    project_ids = pd.Index(monitoring.projects["project_id"])
    # position in projects.csv of each person's project (every project_id is known: checked when loading)
    project = project_ids.get_indexer(people["project_id"].cat.categories)[people["project_id"].cat.codes.to_numpy()]
    lab, pip = people["in_laboratorio_sociale"].to_numpy(), people["in_pip"].to_numpy()
    italian = _is(people["citizenship"], ITALY)
    columns = {
        "participants": np.ones(len(people), dtype=np.int64),
        "laboratorio_only": lab & ~pip,
        "pip_only": pip & ~lab,
        "both": lab & pip,
        "laboratorio_sociale": lab,
        "pip": pip,
        **{sex: _is(people["sex"], sex) for sex in SEX},
        "italiana": italian,
        "straniera": ~italian,
        "age_sum": people["age"].to_numpy(),
    }
    counts = pd.DataFrame(columns).groupby(project).sum()
    pip_rows = _is(enrolments["subproject"], "pip")
    person = link_participants(people, enrolments).enrolment_row[pip_rows]
    status = enrolments["status"].cat.codes.to_numpy()[pip_rows]
    by_status = pd.crosstab(project[person], status).reindex(columns=range(len(PIP_STATUSES)), fill_value=0)
    by_status.columns = list(enrolments["status"].cat.categories)  # PIP_STATUSES, as set when loading
    counts = counts.join(by_status[list(PIP_STATUSES)], how="outer")
    counts = counts.reindex(range(len(project_ids)), fill_value=0).fillna(0).astype(np.int64)
    return counts.set_axis(project_ids.rename("project_id"))


# The annex prints, per project, the people of each sub-project, those in both, the PIPs by status, and the shares
# of women and of foreigners (which give the counts of women, men, Italians and foreigners). "Laboratori only" and
# "PIP only" are not printed but follow from the printed cells. Chapter 3 prints the totals of every one of these
# columns, so each column total is published.
ANNEX_TABLE = "Appendice F, schede dei progetti"
ANNEX_PRINTED = ("participants", "laboratorio_sociale", "pip", "both", *SEX, *CITIZENSHIP, *PIP_STATUSES)
ANNEX_UNPRINTED = ("laboratorio_only", "pip_only")


def annex_model(counts: pd.DataFrame) -> tuple[pd.Series, list[Equality], pd.Series]:
    """The cells of the annex (keys ``(project, column)``), every equality the report publishes about them (the
    identities inside a project and the chapter-3 totals of each column) and which cells the annex prints."""
    columns = [*ANNEX_PRINTED, *ANNEX_UNPRINTED]
    keys = [(p, c) for p in counts.index for c in columns]
    values = pd.Series([float(counts.loc[p, c]) for p, c in keys], index=pd.Index(keys, tupleize_cols=False))
    printed = pd.Series([c in ANNEX_PRINTED for _, c in keys], index=values.index)
    equalities = []
    for p in counts.index:
        row = counts.loc[p]
        identities = [
            (("laboratorio_only", "pip_only", "both"), "participants"),
            (("laboratorio_only", "both"), "laboratorio_sociale"),
            (("pip_only", "both"), "pip"),
            (SEX, "participants"),
            (CITIZENSHIP, "participants"),
            (PIP_STATUSES, "pip"),
        ]
        for parts, whole in identities:
            if sum(row[c] for c in parts) == row[whole]:  # (a person with two PIPs would break the last one)
                equalities.append(sums_to([(p, c) for c in parts], total_cell=(p, whole), label=f"{p}: {whole}"))
    for c in columns:
        equalities.append(
            sums_to([(p, c) for p in counts.index], total=float(counts[c].sum()), label=f"totale {c} (capitolo 3)")
        )
    return values, equalities, printed


def protect_annex(counts: pd.DataFrame, threshold: int) -> Protection:
    """Primary and complementary suppression of the annex, audited against every published total
    (``disclosure.protect``; raises ``DisclosureError`` naming the table and the cell when it cannot hold)."""
    values, equalities, printed = annex_model(counts)
    return protect(values, equalities, threshold, printed=printed, table=ANNEX_TABLE)


def hidden_means(protection: Protection, counts: pd.DataFrame) -> pd.Series:
    """Projects whose mean age is not shown: those whose number of participants is hidden, and, when that is a
    single project, also the smallest other one (the published overall mean would otherwise give away the ages
    of the hidden group by difference)."""
    hidden = pd.Series([not protection.is_shown((p, "participants")) for p in counts.index], index=counts.index)
    if hidden.sum() == 1:
        others = counts.loc[~hidden, "participants"]
        others = others[others > 0]
        if len(others):
            hidden[others.idxmin()] = True
    return hidden


def shown_indicators(counts: pd.DataFrame, protection: Protection, src: Source | None = None) -> pd.DataFrame:
    """The indicators of each project as Markdown: counts as sourced numbers or suppression marks; shares and the
    mean age as sourced numbers, or None when not shown (a share or a mean of a hidden group is never printed)."""
    people = counts["participants"].where(counts["participants"] > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        women, foreign, mean_age = counts["F"] / people, counts["straniera"] / people, counts["age_sum"] / people
    means_hidden = hidden_means(protection, counts)
    rows = {}
    for p in counts.index:
        shown = {
            c: protection.md((p, c), src) for c in ("participants", "laboratorio_sociale", "pip", "both", *PIP_STATUSES)
        }
        visible = {c: protection.is_shown((p, c)) for c in ANNEX_PRINTED}
        share_ok = visible["participants"] and pd.notna(people[p])
        shown["women_share"] = Md(fmt_pct(women[p], src=src)) if share_ok and all(visible[s] for s in SEX) else None
        shown["foreign_share"] = (
            Md(fmt_pct(foreign[p], src=src)) if share_ok and all(visible[c] for c in CITIZENSHIP) else None
        )
        shown["mean_age"] = Md(fmt_num(mean_age[p], 1, src=src)) if share_ok and not means_hidden[p] else None
        shown["no_participants"] = visible["participants"] and counts.loc[p, "participants"] == 0
        shown["no_pip"] = visible["pip"] and counts.loc[p, "pip"] == 0
        rows[p] = shown
    frame = pd.DataFrame.from_dict(rows, orient="index", dtype=object)  # object: keep Md (pandas would make str)
    return frame.rename_axis("project_id")


def project_facts(
    projects: pd.DataFrame,
    programme_projects: pd.DataFrame,
    documents: Mapping[str, str] | None = None,
    pages: Mapping[str, int] | None = None,
) -> pd.DataFrame:
    """The monitoring projects with the act, budget and assumption flag of the same project in the programme
    file (matched on id and lead partner; a budget of the monitoring file wins), and ``fact_source``: the Source
    of the project's facts (``provenance.from_cell`` of the programme row: published or curated; the monitoring
    file when the programme has no such project) and ``budget_source`` likewise for the budget."""
    programme = programme_projects.set_index(["project_id", "lead_partner"])
    key = pd.MultiIndex.from_frame(projects[["project_id", "lead_partner"]])
    matched = programme.reindex(key)
    budget = projects["budget_eur"] if "budget_eur" in projects else pd.Series(np.nan, index=projects.index)
    listed = monitoring_kind("elenco dei progetti consegnato con i dati di monitoraggio")
    cells = matched["source"].to_numpy() if "source" in matched else [None] * len(projects)
    fact_sources = [from_cell(_part(cell, ""), documents, pages) if isinstance(cell, str) else listed for cell in cells]
    budget_cells = [
        from_cell(_part(cell, "dotazione:"), documents, pages) if isinstance(cell, str) else listed for cell in cells
    ]
    published_budget = matched["budget_eur"].to_numpy(dtype=float)
    budget_sources = [
        listed if pd.notna(mine) and not (pd.notna(theirs) and abs(mine - theirs) < 0.005) else source
        for mine, theirs, source in zip(budget.to_numpy(dtype=float), published_budget, budget_cells)
    ]
    return projects.assign(
        act=matched["act"].to_numpy(),
        budget_eur=budget.fillna(pd.Series(matched["budget_eur"].to_numpy(), index=projects.index)),
        lead_partner_assumed=matched["lead_partner_assumed"].fillna(False).astype(bool).to_numpy(),
        fact_source=fact_sources,
        budget_source=budget_sources,
    ).reset_index(drop=True)


def _part(cell: str, label: str) -> str:
    """The part of a `source` cell about one fact: 'dotazione: 000 Tavola 4.9, l. 1320' -> '000 Tavola 4.9, l. 1320'
    for label 'dotazione:'; with an empty label, the parts without a label."""
    parts = [p.strip() for p in str(cell).split(";")]
    if label:
        found = [p[len(label) :].strip() for p in parts if p.startswith(label)]
        return "; ".join(found) if found else str(cell)
    return "; ".join(p for p in parts if not re.match(r"^[a-z]+:", p))


def known_budgets_text(budgets: pd.Series, src: Source | None = None) -> str:
    """How many projects have a known budget, as a clause: 'la dotazione è nota per 3 di essi'."""
    known = int(budgets.notna().sum())
    if known == 0:
        return "la dotazione dei singoli progetti non è nota"
    if known == len(budgets):
        return "la dotazione è nota per tutti"
    return f"la dotazione del singolo progetto è nota per {fmt_int(known, src=src)} di essi"


@dataclass(frozen=True)
class AnnexLabels:
    """Italian labels the cards use (from labels.csv) and the discrepancy on assumed lead partners."""

    lead_type: Mapping[str, str]
    ranking: Mapping[str, str]
    group: Mapping[str, str]
    pip_status: Mapping[str, str]
    assumed_lead: str  # e.g. "D05", checked against discrepancies.csv
    appendix: str = "Appendice D"  # how readers cite the appendix of the discrepancies

    @classmethod
    def from_tables(cls, labels: Labels, discrepancies: pd.DataFrame) -> AnnexLabels:
        """From ``labels.load_labels`` and discrepancies.csv."""
        return cls(
            labels["lead_type"],
            labels["ranking"],
            labels["group"],
            labels["pip_status"],
            discrepancy_ref(discrepancies, ASSUMED_LEAD_DISCREPANCY),
        )

    @property
    def assumed_ref(self) -> str:
        """'Appendice D, D05'."""
        return f"{self.appendix}, {self.assumed_lead}"


def project_anchor(project_id: str) -> str:
    """The heading id of a project's card: 'sec-progetto-p17'."""
    return section_id("progetto", project_id)


def participants_text(shown: Mapping, labels: AnnexLabels) -> Md:
    """'45 (Laboratori Sociali 30 · PIP 25 · Sia Laboratori sia PIP 10)', or 'nessuno registrato'."""
    if shown["no_participants"]:
        return Md("nessuno registrato")
    columns = {"laboratorio_sociale": "laboratorio_sociale", "pip": "pip", "entrambi": "both"}  # group -> column
    parts = [f"{escape(labels.group[group])} {shown[column]}" for group, column in columns.items()]
    return Md(f"{shown['participants']} ({' · '.join(parts)})")


def pip_status_text(shown: Mapping, labels: AnnexLabels) -> Md:
    """'Concluso 12 · In corso n.d. · Rinuncia <5', or a plain statement when the project has no PIP."""
    if shown["no_pip"]:
        return Md("nessun PIP avviato")
    return Md(" · ".join(f"{escape(labels.pip_status[s])} {shown[s]}" for s in PIP_STATUSES))


def profile_text(shown: Mapping) -> Md:
    """'donne 55,0% · stranieri 20,0% · età media 41,3 anni', with only the parts that may be shown."""
    parts = [
        f"{name} {shown[key]}{unit}"
        for name, key, unit in (
            ("donne", "women_share", ""),
            ("stranieri", "foreign_share", ""),
            ("età media", "mean_age", " anni"),
        )
        if shown[key] is not None
    ]
    if not parts:
        return Md(
            "non mostrato: le quote e l'età media di gruppi sotto la soglia di riservatezza, o che la "
            "renderebbero ricostruibile, non sono pubblicate"
        )
    return Md(" · ".join(parts))


def lead_text(facts: Mapping, labels: AnnexLabels) -> Md:
    """'Comune, Giussano (MB)'; for a lead partner the source does not name, only that (with the reference)."""
    if facts["lead_partner_assumed"]:
        return Md(f"non indicato nella fonte ({escape(labels.assumed_ref)})")
    return Md(
        f"{escape(labels.lead_type[facts['lead_type']])}, {escape(facts['municipality'])} ({escape(facts['province'])})"
    )


def project_section(facts: Mapping, shown: Mapping | None, labels: AnnexLabels, mark: str = "") -> str:
    """The card of one project: a level-3 heading (id and lead partner) with its anchor, then a short list: kind and
    place of the lead partner, funding and, when ``shown`` is given, participants, PIP outcomes and profile
    (``mark``: the ILLUSTRATIVE mark of synthetic findings, shown with every participant figure)."""
    funding = [escape(labels.ranking[facts["ranking"]])]
    if isinstance(facts["act"], str):
        funding.append(escape(facts["act"]))
    if pd.notna(facts["budget_eur"]):
        funding.append(f"dotazione {fmt_eur(facts['budget_eur'], src=facts['budget_source'])}")
    name = "capofila non indicato" if facts["lead_partner_assumed"] else escape(facts["lead_partner"])
    lines = [
        f"### {escape(facts['project_id'])} · {name} {{#{project_anchor(facts['project_id'])}}}",
        "",
        f"- **Capofila**: {lead_text(facts, labels)}.",
        f"- **Finanziamento**: {'; '.join(funding)}.",
    ]
    if shown is not None:
        label = f" ({escape(mark)})" if mark else ""
        lines.append(f"- **Partecipanti**{label}: {participants_text(shown, labels)}.")
        if not shown["no_participants"]:
            lines += [
                f"- **Esito dei PIP**: {pip_status_text(shown, labels)}.",
                f"- **Profilo**: {profile_text(shown)}.",
            ]
    return "\n".join(lines)


def project_sections(facts: pd.DataFrame, shown: pd.DataFrame | None, labels: AnnexLabels, mark: str = "") -> str:
    """Every project's card, in the order of ``facts`` (``shown`` is indexed by project id; None: no participant
    figures)."""
    rows = shown.to_dict("index") if shown is not None else {}
    return "\n\n".join(
        project_section(row, rows.get(row["project_id"]) if shown is not None else None, labels, mark)
        for row in facts.to_dict("records")
    )


def lead_cell(facts: Mapping, labels: AnnexLabels) -> Md:
    """The lead partner and its province for the summary table ('non indicato nella fonte' when it is not named)."""
    if facts["lead_partner_assumed"]:
        return Md(f"Non indicato nella fonte ({escape(labels.assumed_ref)})")
    return Md(f"{escape(facts['lead_partner'])} ({escape(facts['province'])})")


def funding_cell(facts: Mapping, labels: AnnexLabels) -> Md:
    """How a project was funded, in short: ranking and act ('Prima graduatoria; decreto n. 7390 del …')."""
    parts = [escape(labels.ranking[facts["ranking"]])]
    if isinstance(facts["act"], str):
        parts.append(escape(facts["act"]))
    return Md("; ".join(parts))


def summary_table(
    facts: pd.DataFrame,
    shown: pd.DataFrame | None,
    labels: AnnexLabels,
    mark: str = "",
    *,
    printed: bool = False,
) -> pd.DataFrame:
    """One row per project with a link to its card: lead partner (province, the assumption mark where it is
    assumed), municipality, budget when published, and, with ``shown``, participants, lab and PIP counts (their
    headers carry ``mark`` when given). ``printed``: the PDF's version, which stands for the cards (shown in the
    HTML only): no links, and the funding (ranking and act) of each project."""
    records = facts.to_dict("records")
    ids = [escape(r["project_id"]) for r in records]
    table = {
        "Progetto": ids
        if printed
        else [Md(f"[{i}](#{project_anchor(r['project_id'])})") for i, r in zip(ids, records)],
        "Capofila": [lead_cell(r, labels) for r in records],
    }
    if printed:
        table["Finanziamento"] = [funding_cell(r, labels) for r in records]
    if shown is None:
        if not printed:
            table["Comune"] = ["–" if r["lead_partner_assumed"] else escape(r["municipality"]) for r in records]
        table["Dotazione"] = [
            Md(fmt_eur(r["budget_eur"], src=r["budget_source"])) if pd.notna(r["budget_eur"]) else None for r in records
        ]
        return _object_frame(table)
    shown = shown.reindex(facts["project_id"])
    suffix = f" ({mark})" if mark else ""
    table[f"Partecipanti{suffix}"] = shown["participants"].tolist()
    table[labels.group["laboratorio_sociale"] + suffix] = shown["laboratorio_sociale"].tolist()
    table[labels.group["pip"] + suffix] = shown["pip"].tolist()
    return _object_frame(table)


def _object_frame(columns: Mapping[str, list]) -> pd.DataFrame:
    """A frame whose cells keep their type (``Md`` stays trusted Markdown: pandas would turn it into str)."""
    return pd.DataFrame({name: pd.Series(values, dtype=object) for name, values in columns.items()})


def funded_projects_source(
    programme_projects: pd.DataFrame, documents: Mapping[str, str] | None = None, pages: Mapping[str, int] | None = None
) -> Source:
    """The Source of the number of funded projects: the programme rows of the funded projects."""
    funded = programme_projects[programme_projects["outcome"] == "finanziato"]
    sources = [from_cell(str(cell).split(";")[0], documents, pages) for cell in funded["source"]]
    kind = "published" if all(s.kind == "published" for s in sources) else "curated"
    return Source(kind, "; ".join(dict.fromkeys(s.ref for s in sources)))


def cards_count_text(
    facts: pd.DataFrame,
    programme_projects: pd.DataFrame,
    documents: Mapping[str, str] | None = None,
    pages: Mapping[str, int] | None = None,
) -> str:
    """'Le schede sono 33, una per ogni progetto …': the count of the monitoring projects, reconciled with the
    published number of funded projects when it equals it."""
    n = len(facts)
    funded = funded_projects_source(programme_projects, documents, pages)
    n_funded = int((programme_projects["outcome"] == "finanziato").sum())
    src = (
        monitoring_kind("elenco dei progetti dei dati di monitoraggio", reconciled=funded.ref)
        if n == n_funded
        else monitoring_kind("elenco dei progetti dei dati di monitoraggio")
    )
    return (
        f"Le schede sono {fmt_int(n, src=src)}, una per ogni progetto del file dei progetti consegnato con i dati "
        f"di monitoraggio"
    )


def budgets_source(facts: pd.DataFrame) -> Source:
    """The Source of the number of projects with a known budget: derived from the budgets' sources."""
    sources = [s for s, b in zip(facts["budget_source"], facts["budget_eur"]) if pd.notna(b)]
    refs = "; ".join(dict.fromkeys(s.ref for s in sources)) or "dotazioni dei progetti"
    if any(s.kind == "monitoring" for s in sources):
        return monitoring_kind(refs)
    if any(s.kind == "curated" for s in sources):
        return Source("curated", refs)
    return derived(refs)


def disclosure_text(protection: Protection | None, threshold: int) -> Md:
    """The disclosure paragraph of the annex: what the marks mean and what the audit considers."""
    if protection is None:
        return Md("")
    return Md(
        notes_md(threshold, primary=True, complementary=True) + " La verifica considera, oltre ai valori "
        "delle schede, i totali per sotto-progetto, per sesso, per cittadinanza e per esito dei PIP pubblicati "
        "nel capitolo sui destinatari. Anche gli zeri sono indicati con il segno dei valori piccoli: mostrati, "
        "permetterebbero di ricavare per differenza i valori oscurati accanto a loro. Le quote e l'età media "
        "di un gruppo oscurato non sono mostrate."
    )


SYNTHETIC_NOTE = Md(
    "I dati di monitoraggio di questa edizione sono sintetici: riproducono i totali pubblicati, ma la loro "
    "ripartizione tra i progetti è inventata. Per non attribuire cifre inventate a progetti reali e nominati, le "
    "schede riportano solo i dati del progetto (capofila, comune e provincia, graduatoria, atto di finanziamento e "
    "dotazione, quando è pubblicata). Con i dati di monitoraggio reali ogni scheda riporta anche i partecipanti "
    "del progetto (Laboratori Sociali, PIP e persone che partecipano a entrambi), l'esito dei PIP (conclusi, in "
    "corso, chiusi per rinuncia), la quota di donne e di cittadini stranieri e l'età media, protetti dal controllo "
    "di riservatezza descritto nel testo."
)


@dataclass(frozen=True)
class Annex:
    """Everything appendix F shows: project facts, participant figures (None when not shown), their protection."""

    facts: pd.DataFrame
    shown: pd.DataFrame | None
    protection: Protection | None
    mark: str  # the ILLUSTRATIVE mark of synthetic findings, or ""


def build_annex(
    monitoring: Monitoring,
    programme_projects: pd.DataFrame,
    threshold: int,
    *,
    findings: bool,
    marked: bool,
    as_of,
    synthetic: bool,
    documents: Mapping[str, str] | None = None,
    pages: Mapping[str, int] | None = None,
    illustrative_mark: str = "",
) -> Annex:
    """The annex: with ``findings`` the per-project participant figures, protected and audited (a failed audit
    raises ``DisclosureError`` naming the table and the cell, which stops the build); without, facts only."""
    facts = project_facts(monitoring.projects, programme_projects, documents, pages)
    if not findings:
        return Annex(facts, None, None, "")
    from quartieri_erp.chapters.readings import monitoring_source  # the same wording as the chapter on the participants

    counts = project_counts(monitoring)
    protection = protect_annex(counts, threshold)
    protection.check()  # the audit, again from scratch: never publish a table that fails it
    src = monitoring_kind(f"{monitoring_source(as_of, synthetic)}, per progetto")
    return Annex(facts, shown_indicators(counts, protection, src), protection, illustrative_mark if marked else "")


def annex_note(annex: Annex, threshold: int) -> Md:
    """The paragraph after the introduction: the note on synthetic data when no participant figure is shown,
    otherwise the disclosure control (and, for synthetic findings, their mark)."""
    if annex.shown is None:
        return SYNTHETIC_NOTE
    text = disclosure_text(annex.protection, threshold)
    if annex.mark:
        text = Md(
            f"**{escape(annex.mark)}.** Le cifre sui partecipanti delle schede sono calcolate su dati "
            f"sintetici, solo a titolo dimostrativo: non descrivono i progetti nominati. {text}"
        )
    return text


def assumed_lead_sentence(facts: pd.DataFrame, labels: AnnexLabels) -> Md:
    """A sentence on the assumed lead partners, when there are any: they are marked wherever they appear."""
    assumed = facts.loc[facts["lead_partner_assumed"], "project_id"].tolist()
    if not assumed:
        return Md("")
    which = join_it([escape(p) for p in assumed])
    return Md(
        f"Il capofila di {which} non è indicato dalla fonte ({escape(labels.assumed_ref)}): la tabella e la scheda "
        f"non ne riportano né il nome né il comune."
    )


def summary_align(summary: pd.DataFrame) -> dict[str, str]:
    """Numbers to the right, names to the left."""
    text = ("Progetto", "Capofila", "Comune", "Finanziamento")
    return {column: "left" if column in text else "right" for column in summary.columns}


def summary_widths(annex: Annex, printed: bool = False) -> list[int]:
    """Relative column widths of ``summary_table`` (``printed``: of its PDF version)."""
    if printed:
        return [1, 4, 5, 2] if annex.shown is None else [1, 4, 5, 2, 2, 2]
    return [1, 4, 3, 3] if annex.shown is None else [1, 4, 2, 2, 2]


def annex_source_line(
    annex: Annex, programme_projects: pd.DataFrame, documents: pd.DataFrame, as_of, synthetic: bool
) -> str:
    """The 'Fonte:' line: the documents of the programme rows, and the monitoring data when their figures are
    shown."""
    from quartieri_erp.chapters.readings import monitoring_source
    from quartieri_erp.inputs.curated.citations import source_line

    also = [monitoring_source(as_of, synthetic)] if annex.shown is not None else []
    return source_line(programme_projects["source"], documents, also=also)
