"""Input problems an evaluator can act on: grouped, in Italian, with hints, and all listed in a CSV file.

The validators record one ``InputIssue`` per offending cell (English rule text, kept for the code and
its tests). What the evaluator reads is built here: issues grouped per file, column and rule, with the
number of rows, the first examples (values truncated), a hint when one systematic difference explains
many rows (ISTAT numeric province codes, lower-case codes, dates written DD/MM/YYYY, …), and the path
of a CSV file holding every problem (file, row, column, value, rule, message).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

EXAMPLES = 5  # rows shown per group
VALUE_WIDTH = 30  # characters of a value shown
MIN_SYSTEMATIC = 3  # rows from which a shared difference is worth a hint

TYPE_WORDS = {
    "a whole number": "un numero intero",
    "a number": "un numero",
    "a date (YYYY-MM-DD)": "una data (AAAA-MM-GG)",
    "true or false": "true o false",
    "text": "testo",
}
KINDS = {
    "an old-format Excel workbook": "una cartella di lavoro Excel nel vecchio formato",
    "an OpenDocument spreadsheet": "un foglio di calcolo OpenDocument",
}
SAVE_AS_IT = "salvarlo come 'CSV UTF-8' (in Excel: Salva con nome > CSV UTF-8) o come cartella di lavoro .xlsx"

# English rule (regular expression) -> Italian wording; the first match wins, unmatched rules are shown as written.
RULES: list[tuple[str, str]] = [
    (r"value is required", "il valore è obbligatorio"),
    (r"value must be unique", "il valore deve essere unico nel file"),
    (r"cannot be read as (.+)", lambda m: f"non si legge come {TYPE_WORDS.get(m[1], m[1])}"),
    (r"wrong type: expected (.+)", lambda m: f"tipo errato: atteso {TYPE_WORDS.get(m[1], m[1])}"),
    (r"must be one of (.+)", r"deve essere uno dei valori \1"),
    (r"must be between (.+) and (.+)", r"deve essere compreso tra \1 e \2"),
    (r"must match the pattern (.+)", r"deve avere la forma \1"),
    (
        r"must be a Lombardy province code \(provinces.csv\)",
        "deve essere la sigla di una provincia lombarda (provinces.csv)",
    ),
    (r"must be a (two|2)-letter province code", "deve essere una sigla di provincia di due lettere maiuscole"),
    (r"must be a two-letter country code", "deve essere un codice di paese di due lettere maiuscole"),
    (r"must be a two-letter code", "deve essere un codice di due lettere maiuscole"),
    (
        r"must be a country code of countries.csv \(ISO 3166-1 alpha-2\)",
        "deve essere un codice di paese di countries.csv (ISO 3166-1 alpha-2)",
    ),
    (r"must be a (\w+) of (\S+)", r"deve essere un \1 di \2"),
    (r"must be an ISTAT code of (\S+)", r"deve essere un codice ISTAT di \1"),
    (r"must be a 6-digit ISTAT (municipality )?code", "deve essere un codice ISTAT di comune di sei cifre"),
    (r"must be a date written YYYY-MM-DD", "deve essere una data scritta AAAA-MM-GG"),
    (
        r"must not be after the data cut-off \((.+)\)",
        r"non può essere successiva alla data di aggiornamento dei dati (\1)",
    ),
    (r"must be zero or more", "deve essere zero o più"),
    (r"must be 1 or more", "deve essere 1 o più"),
    (r"a pip enrolment needs a status", "una riga pip richiede lo stato del PIP"),
    (r"must be empty for a laboratorio_sociale enrolment", "deve essere vuoto per una riga laboratorio_sociale"),
    (
        r"the person is enrolled more than once in the same sub-project",
        "la persona è iscritta più di una volta allo stesso sotto-progetto",
    ),
    (r"the person has no row in enrolments.csv", "la persona non ha righe in enrolments.csv"),
    (r"required column is missing", "manca la colonna obbligatoria"),
    (
        r"unknown column name: did you mean '(.+)'\? \(the required column '(.+)' is missing\)",
        r"nome di colonna sconosciuto: forse '\1'? (manca la colonna obbligatoria '\2')",
    ),
    (
        r"column is not part of the contract: did you mean '(.+)'\?",
        r"la colonna non fa parte del contratto: forse '\1'?",
    ),
    (r"column is not part of the contract", "la colonna non fa parte del contratto"),
    (
        r"the column name appears more than once in row 1; keep one column with this name",
        "il nome della colonna compare più volte nella riga 1: tenere una sola colonna con questo nome",
    ),
    (
        r"the column has values but no name in row 1; name it or delete it",
        "la colonna ha valori ma nessun nome nella riga 1: darle un nome o eliminarla",
    ),
    (r"the row is empty; delete it", "la riga è vuota: eliminarla"),
    (
        r"the row has (\d+) values? but row 1 names (\d+) columns; check the separator and the quotes around values "
        r"that contain it",
        lambda m: (
            f"la riga ha {m[1]} {'valore' if m[1] == '1' else 'valori'} ma la riga 1 nomina "
            f"{m[2]} colonne: controllare il separatore e le virgolette intorno ai valori che "
            "lo contengono"
        ),
    ),
    (r"the file is empty", "il file è vuoto"),
    (r"the sheet is empty", "il foglio è vuoto"),
    (r"the file has column names but no data rows", "il file ha i nomi delle colonne ma nessuna riga di dati"),
    (r"row 1 must hold the column names", "la riga 1 deve contenere i nomi delle colonne"),
    (r"file not found: the folder (.+) does not exist", r"file non trovato: la cartella \1 non esiste"),
    (
        r"file not found: the folder has '(.+)'; rename it to '(.+)'",
        r"file non trovato: nella cartella c'è '\1'; rinominarlo '\2'",
    ),
    (r"file not found \(expected (.+) or (.+)\)", r"file non trovato (atteso \1 o \2)"),
    (
        r"file not found: (.+) is (.+), which cannot be read; .*",
        lambda m: f"file non trovato: {m[1]} è {KINDS.get(m[2], m[2])}, che non si può leggere; {SAVE_AS_IT}",
    ),
    (
        r"both (.+) and (.+) are in the folder: keep only one of them",
        r"nella cartella ci sono sia \1 sia \2: tenerne uno solo",
    ),
    (
        r"the workbook has (\d+) sheets \((.+)\) and none is named '([^']+)'.*",
        r"la cartella di lavoro ha \1 fogli (\2) e nessuno si chiama '\3': rinominare '\3' il foglio che contiene "
        r"la tabella, o tenere solo quel foglio",
    ),
    (r"the file is written in UTF-16.*", "il file è scritto in UTF-16: " + SAVE_AS_IT),
    (
        r"the file is neither UTF-8 nor Windows-1252 \(Latin-1\) text(.*?); save it as .*",
        r"il file non è testo UTF-8 né Windows-1252 (Latin-1)\1: " + SAVE_AS_IT,
    ),
    (r"the file is not text \(it contains NUL bytes\).*", "il file non è testo (contiene byte NUL): " + SAVE_AS_IT),
    (r"cannot be read as YAML: (.+)", r"non si legge come YAML: \1"),
    (r"must be true or false", "deve essere true o false"),
]


def italian(rule: str) -> str:
    """The Italian wording of a validator's rule (the rule itself when no wording is known)."""
    for pattern, replacement in RULES:
        match = re.fullmatch(pattern, rule, flags=re.S)
        if match:
            return replacement(match) if callable(replacement) else match.expand(replacement)
    return rule


def shown(value: object) -> str:
    """A value as quoted in a message, truncated to ``VALUE_WIDTH`` characters."""
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= VALUE_WIDTH else text[: VALUE_WIDTH - 1] + "…"


@dataclass
class Group:
    """The issues of one file, column and rule."""

    file: str
    column: str | None
    rule: str
    issues: list = field(default_factory=list)
    contract_column: str | None = None  # the contract's name of the column (hints are keyed on it)

    @property
    def rows(self) -> list[int]:
        return [i.row for i in self.issues if i.row is not None]

    def hints(self) -> list[str]:
        return systematic_hints(
            self.contract_column or self.column, [i.value for i in self.issues if i.value is not None]
        )

    def lines(self) -> list[str]:
        rule = italian(self.rule)
        if len(self.issues) == 1:
            issue = self.issues[0]
            where = self.file + (f", riga {issue.row}" if issue.row is not None else "")
            where += f", colonna '{self.column}'" if self.column is not None else ""
            where += f", valore {shown(issue.value)}" if issue.value is not None else ""
            lines = [f"  - {where} — {rule}"]
        else:
            where = self.file + (f", colonna '{self.column}'" if self.column is not None else "")
            examples = "; ".join(
                f"riga {i.row}" + (f": {shown(i.value)}" if i.value is not None else "") for i in self.issues[:EXAMPLES]
            )
            more = f"; … e altre {len(self.issues) - EXAMPLES}" if len(self.issues) > EXAMPLES else ""
            lines = [f"  - {where} — {rule}: {len(self.issues)} righe ({examples}{more})"]
        lines += [f"    Suggerimento: {hint}" for hint in self.hints()]
        return lines


def as_in_export(issue):
    """An issue of a mapped folder (an evaluator's export mapped onto the contract) named with the export's
    file and column, so that the evaluator finds it; other issues unchanged."""
    from dataclasses import replace

    from quartieri_erp.inputs.monitoring.mapping import export_origin

    origin = export_origin(issue.file, issue.column)
    if origin is None:
        return issue
    export, column = origin
    return replace(issue, file=export, column=column)


def group_issues(issues: Sequence) -> list[Group]:
    """Issues grouped per (file, column, rule), groups in the order of their first issue."""
    groups: dict[tuple, Group] = {}
    for original in issues:
        issue = as_in_export(original)
        key = (issue.file, issue.column, issue.rule)
        groups.setdefault(
            key, Group(issue.file, issue.column, issue.rule, contract_column=original.column)
        ).issues.append(issue)
    return list(groups.values())


def _count(n: int) -> str:
    return "1 riga usa" if n == 1 else f"{n} righe usano"


def systematic_hints(column: str | None, values: list) -> list[str]:
    """Hints for differences shared by many values of a column (one per kind of difference)."""
    texts = [str(v).strip() for v in values]
    if not texts:
        return []
    hints = []
    if column == "province":
        istat = sum(t.isdigit() for t in texts)
        lower = sum(bool(re.fullmatch(r"[a-z]{2}", t)) for t in texts)
        if istat >= MIN_SYSTEMATIC:
            hints.append(
                f"{_count(istat)} codici ISTAT numerici: aggiungere `province: istat` alla mappatura "
                "(file mapping.yml nella cartella dei dati; si veda il README)"
            )
        if lower >= MIN_SYSTEMATIC:
            hints.append(
                f"{_count(lower)} sigle in minuscolo: una mappatura (anche vuota: mapping.yml nella cartella "
                "dei dati) le converte in maiuscolo"
            )
        return hints
    italian_dates = sum(bool(re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}", t)) for t in texts)
    if italian_dates >= MIN_SYSTEMATIC:
        hints.append(
            f"{_count(italian_dates)} date nella forma GG/MM/AAAA: scriverle AAAA-MM-GG, oppure usare una "
            "mappatura (mapping.yml), che le converte"
        )
    lower_codes = sum(bool(re.fullmatch(r"[a-z]{2}", t)) for t in texts)
    if column == "citizenship" and lower_codes >= MIN_SYSTEMATIC:
        hints.append(f"{_count(lower_codes)} codici in minuscolo: scriverli in maiuscolo (IT, MA, …)")
    distinct = sorted(set(texts))
    if len(texts) >= MIN_SYSTEMATIC and len(distinct) <= 3 and column is not None and not hints:
        hints.append(
            f"le {len(texts)} righe usano solo {len(distinct)} valori ({', '.join(shown(v) for v in distinct)}): "
            f"se sono codici dell'esportazione, tradurli con `values: {column}:` nella mappatura"
        )
    return hints


def write_issues_csv(issues: Sequence, path: Path | None = None) -> Path:
    """Every issue as one CSV row (file, row, column, value, rule, message); default: the system temp dir."""
    if path is None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        with tempfile.NamedTemporaryFile(
            "w", prefix=f"quartieri-erp-problemi-{stamp}-", suffix=".csv", delete=False, encoding="utf-8", newline=""
        ) as handle:
            path = Path(handle.name)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as out:  # BOM: Excel opens it as UTF-8
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["file", "riga", "colonna", "valore", "regola", "messaggio"])
        for issue in map(as_in_export, issues):
            writer.writerow(
                [
                    issue.file,
                    "" if issue.row is None else issue.row,
                    issue.column or "",
                    "" if issue.value is None else issue.value,
                    issue.rule,
                    italian(issue.rule),
                ]
            )
    return path


def report(issues: Sequence, csv_path: Path | None = None, limit: int = 40) -> str:
    """The grouped Italian report of ``issues``, naming the CSV file that lists them all."""
    groups = group_issues(issues)
    n = len(issues)
    head = (
        f"Dati non validi: {n} {'problema' if n == 1 else 'problemi'}"
        + (
            f" in {len(groups)} {'gruppo' if len(groups) == 1 else 'gruppi'} (stesso file, colonna e regola)"
            if len(groups) < n
            else ""
        )
        + "."
    )
    lines = [head]
    for group in groups[:limit]:
        lines += group.lines()
    if len(groups) > limit:
        lines.append(f"  … e altri {len(groups) - limit} gruppi")
    if csv_path is not None:
        lines.append(f"Elenco completo, una riga per problema: {Path(csv_path).as_posix()}")
    return "\n".join(lines)
