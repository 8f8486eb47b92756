"""The appendices generated from data: data dictionary (A2), provenance and discrepancies (A4), glossary (A5)
and the per-project annex (A6).

A6 shows aggregates of the monitoring data by project only. Counts are protected with
``quartieri_erp.disclosure`` in both directions: the totals of every column are published in chapter 3,
so a column may not have a single hidden cell either; a project whose total is hidden has every count hidden;
a share or a mean is hidden with the counts it is computed from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..curated.citations import cited_documents
from ..dictionary import BREAK, code_span, data_dictionary, table_rules
from ..disclosure import mark, suppression_mask
from ..formatting import fmt_eur, fmt_int, fmt_num, fmt_pct
from ..monitoring import Monitoring
from ..monitoring.codes import CITIZENSHIP, ITALY, PIP_STATUSES, SEX
from ..monitoring.integrity import link_participants
from ..tables import markdown_table
from ..tables_io import TableSpec, read_table
from .labels import Labels
from .wording import discrepancy_ref, join_it


# Names a reader should see as code: words with an underscore (column names, codes) and data file names.
IDENTIFIER = re.compile(r"(?<![\w./|-])[\w./|-]*(?:_[\w./|-]*\w|\w\.(?:csv|yml|json))(?![\w])")


def _code_token(token: str) -> str:
    """A name as code; a path may wrap after each '/'."""
    return BREAK.join(code_span(piece) for piece in re.split(r"(?<=/)", token) if piece)


def code_identifiers(text: str) -> str:
    """Free text (Markdown) with its identifiers and file names as code, leaving existing code spans alone."""
    parts = str(text).split("`")
    parts[::2] = [IDENTIFIER.sub(lambda m: _code_token(m.group(0)), part) for part in parts[::2]]
    return "`".join(parts)


# --- A2: data dictionary ----------------------------------------------------------------------------------

DICTIONARY_WEIGHTS = (1, 3)  # Colonna, Descrizione e regole: two columns stay readable on a phone


def section_id(*parts: str) -> str:
    """A heading id from free parts: 'sec-' + lower-case letters, digits and hyphens."""
    text = "-".join(parts).lower()
    return "sec-" + re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _presence(row: pd.Series) -> str:
    if not row["required"]:
        return "colonna facoltativa"
    return "può essere vuota" if row["nullable"] else "obbligatoria"


def columns_table(dictionary: pd.DataFrame) -> pd.DataFrame:
    """The dictionary rows of one file for display: the column (and its title), then its description followed,
    in italics, by its type and constraints."""
    titles = dictionary["title"].map(lambda t: f" ({t})" if isinstance(t, str) and t else "")
    rules = []
    for _, row in dictionary.iterrows():
        parts = [row["type"], _presence(row), "valori unici" if row["unique"] else "",
                 code_identifiers(row["rule"])]
        text = "; ".join(filter(None, parts))
        rules.append(f"{code_identifiers(row['description'] or '')} _{text[:1].upper()}{text[1:]}._".strip())
    return pd.DataFrame({"Colonna": ("`" + dictionary["column"] + "`" + titles).tolist(),
                         "Descrizione e regole": rules})


def file_section(spec: TableSpec, dictionary: pd.DataFrame) -> str:
    """Markdown for one file: a heading, what a row is, where the file comes from, row rules, the column table."""
    rows = dictionary[(dictionary["folder"] == spec.folder) & (dictionary["table"] == spec.name)]
    table = markdown_table(columns_table(rows), widths=DICTIONARY_WEIGHTS)
    rules = code_identifiers("; ".join(table_rules(spec)))
    return (f"### `{spec.file}` {{#{section_id('dizionario', spec.folder, spec.name)}}}\n\n"
            f"**Contenuto.** {code_identifiers(spec.description)}  \n"
            f"**Provenienza.** {code_identifiers(spec.source)}  \n"
            f"**Regole sulle righe.** {rules[:1].upper()}{rules[1:]}.\n\n{table}")


def folder_sections(tables: list[TableSpec], folder: str) -> str:
    """The sections of every file of ``folder``, in the order of ``tables``."""
    specs = [spec for spec in tables if spec.folder == folder]
    if not specs:
        raise ValueError(f"no table in folder {folder!r}")
    dictionary = data_dictionary(specs)
    return "\n\n".join(file_section(spec, dictionary) for spec in specs)


def files_overview(tables: list[TableSpec], folder_labels: Mapping[str, str]) -> pd.DataFrame:
    """One row per file: file (with the Italian label of its folder), number of columns, what a row is."""
    return pd.DataFrame({
        "File": [f"`{spec.file}` ({folder_labels[spec.folder]})" for spec in tables],
        "Colonne": [len(spec.schema.columns) for spec in tables],
        "Contenuto": [code_identifiers(spec.description) for spec in tables],
    })


# --- A4: provenance and discrepancies --------------------------------------------------------------------

def documents_table(documents: pd.DataFrame) -> pd.DataFrame:
    """The source documents: id, author, title, year (as written, not as a quantity; empty when unknown)."""
    return pd.DataFrame({
        "Codice": documents["doc_id"].tolist(), "Autore": documents["author"].tolist(),
        "Titolo": documents["title"].tolist(),
        "Anno": [str(year) if pd.notna(year) else None for year in documents["year"]],
    })


def programme_files(tables: list[TableSpec], programme_dir: Path) -> pd.DataFrame:
    """One row per programme file: file, rows, documents cited by its ``source`` cells, provenance of the file."""
    specs = [spec for spec in tables if spec.folder == "programme"]
    frames = [read_table(spec, Path(programme_dir)) for spec in specs]
    return pd.DataFrame({
        "file": [spec.file for spec in specs],
        "rows": [len(frame) for frame in frames],
        "documents": [", ".join(cited_documents(frame["source"].dropna())) if "source" in frame else ""
                      for frame in frames],
        "source": [spec.source for spec in specs],
    })


def programme_files_table(files: pd.DataFrame) -> pd.DataFrame:
    """``programme_files`` for display in two columns: the file with its rows and cited documents, its provenance."""
    cited = files["documents"].map(lambda ids: f"documenti {ids}" if ids else "")
    facts = [f"`{file}`: {fmt_int(rows)} righe" + (f"; {docs}" if docs else "")
             for file, rows, docs in zip(files["file"], files["rows"], cited)]
    return pd.DataFrame({"File": facts, "Provenienza": files["source"].map(code_identifiers).tolist()})


def discrepancies_table(discrepancies: pd.DataFrame) -> pd.DataFrame:
    """Each discrepancy in two columns: its id and topic; what the sources say, the choice, why, the data affected."""
    resolution = (discrepancies["sources_say"].map(code_identifiers)
                  + " **Scelta:** " + discrepancies["chosen"].map(code_identifiers)
                  + " **Motivo:** " + discrepancies["reason"].map(code_identifiers)
                  + " **Dati:** " + discrepancies["affects"].map(code_identifiers))
    what = "**" + discrepancies["discrepancy_id"] + "** " + discrepancies["topic"]
    return pd.DataFrame({"Discordanza": what.tolist(), "Fonti, scelta e motivo": resolution.tolist()})


def artifacts_sentence(artifacts: pd.DataFrame) -> str:
    """How many published tables and figures are rebuilt in full, redrawn from data, or only in part."""
    counts = artifacts["rebuilt"].value_counts()
    parts = []
    for code, one, many in (("completa", "è ricostruita integralmente", "sono ricostruite integralmente"),
                            ("dai_dati", "è ridisegnata dai dati perché nel testo pubblicato ne restano solo il "
                                         "titolo e il commento",
                             "sono ridisegnate dai dati perché nel testo pubblicato ne restano solo il titolo "
                             "e il commento"),
                            ("in_parte", "è ricostruibile solo in parte", "sono ricostruibili solo in parte")):
        n = int(counts.get(code, 0))
        if n:
            parts.append(f"{fmt_int(n)} {one if n == 1 else many}")
    return f"Delle {fmt_int(len(artifacts))} tabelle, tavole e figure del rapporto pubblicato {join_it(parts)}."


def artifacts_table(artifacts: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """Each table and figure of the published report next to a cross-reference to its rebuilt version
    (``labels`` from ``labels.load_labels``)."""
    kind, rebuilt = labels["artifact_kind"], labels["artifact_rebuilt"]
    published = [f"{kind[k]} {n}" if pd.notna(n) else f"{kind[k]} senza numero"
                 for k, n in zip(artifacts["kind"], artifacts["number"])]
    return pd.DataFrame({
        "Rapporto pubblicato": [f"**{p}** {t}" for p, t in zip(published, artifacts["title"])],
        "In questa edizione": [f"@{label}" for label in artifacts["label"]],
        "Ricostruzione": [rebuilt[r] + (f". {n}" if pd.notna(n) else "")
                          for r, n in zip(artifacts["rebuilt"], artifacts["note"])],
    })


# --- A5: glossary ----------------------------------------------------------------------------------------

def glossary_table(glossary: pd.DataFrame) -> pd.DataFrame:
    """The acronyms in alphabetical order (ignoring case), with expansion and explanation."""
    ordered = glossary.sort_values("acronym", key=lambda s: s.str.casefold(), kind="stable")
    return pd.DataFrame({"Sigla": ordered["acronym"].tolist(), "Significato": ordered["expansion"].tolist(),
                         "Spiegazione": ordered["explanation"].tolist()})


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
        "laboratorio_only": lab & ~pip, "pip_only": pip & ~lab, "both": lab & pip,
        "laboratorio_sociale": lab, "pip": pip,
        **{sex: _is(people["sex"], sex) for sex in SEX},
        "italiana": italian, "straniera": ~italian,
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


def protect(counts: pd.DataFrame, threshold: int, hidden_rows: pd.Series | None = None) -> pd.DataFrame:
    """Cells of ``counts`` (projects × categories) to hide when the totals of both rows and columns are known.

    Small counts are hidden, and every non-zero cell of ``hidden_rows``; then, until nothing changes, a row
    or a column with exactly one hidden non-zero cell hides its smallest other non-zero cell
    (``disclosure.suppression_mask``, applied to rows and to columns, with hidden cells counted as small).
    """
    mask = suppression_mask(counts, threshold)
    if hidden_rows is not None:
        mask = mask | ((counts > 0) & hidden_rows.to_numpy()[:, None])
    while True:
        marked = counts.mask(mask, 1)
        grown = mask | suppression_mask(marked, threshold) | suppression_mask(marked.T, threshold).T
        if grown.equals(mask):
            return mask
        mask = grown


def hidden_indicators(counts: pd.DataFrame, threshold: int) -> pd.DataFrame:
    """What the annex must not show, per project: counts, shares and the mean age (True = hidden)."""
    total = protect(counts[["participants"]], threshold)["participants"]
    split = protect(counts[list(SPLIT)], threshold, total)
    lab = (counts["laboratorio_sociale"] > 0) & (split["laboratorio_only"] | split["both"])
    pip = (counts["pip"] > 0) & (split["pip_only"] | split["both"])
    status = protect(counts[list(PIP_STATUSES)], threshold, pip)
    sex = protect(counts[list(SEX)], threshold, total)
    citizenship = protect(counts[list(CITIZENSHIP)], threshold, total)
    return pd.DataFrame({
        "participants": total, "laboratorio_sociale": lab, "pip": pip, "both": split["both"],
        **{s: status[s] for s in PIP_STATUSES},
        "women_share": total | sex.any(axis=1), "foreign_share": total | citizenship.any(axis=1),
        "mean_age": total,
    })


def shown_indicators(counts: pd.DataFrame, threshold: int) -> pd.DataFrame:
    """The indicators of each project as display text, with the suppression mark where they are hidden."""
    with np.errstate(divide="ignore", invalid="ignore"):
        people = counts["participants"].where(counts["participants"] > 0)
        shares = {"women_share": counts["F"] / people, "foreign_share": counts["straniera"] / people}
        mean_age = counts["age_sum"] / people
    text = pd.DataFrame({
        **{c: counts[c].map(fmt_int) for c in ("participants", "laboratorio_sociale", "pip", "both", *PIP_STATUSES)},
        **{c: s.map(fmt_pct) for c, s in shares.items()},
        "mean_age": mean_age.map(lambda v: fmt_num(v, 1)),
    })
    return text.mask(hidden_indicators(counts, threshold), mark(threshold))


def project_facts(projects: pd.DataFrame, programme_projects: pd.DataFrame) -> pd.DataFrame:
    """The monitoring projects with the act, budget and assumption flag of the same project in the programme
    file (matched on id and lead partner; a budget of the monitoring file wins)."""
    programme = programme_projects.set_index(["project_id", "lead_partner"])
    key = pd.MultiIndex.from_frame(projects[["project_id", "lead_partner"]])
    matched = programme.reindex(key)
    budget = projects["budget_eur"] if "budget_eur" in projects else pd.Series(np.nan, index=projects.index)
    return projects.assign(
        act=matched["act"].to_numpy(),
        budget_eur=budget.fillna(pd.Series(matched["budget_eur"].to_numpy(), index=projects.index)),
        lead_partner_assumed=matched["lead_partner_assumed"].fillna(False).astype(bool).to_numpy(),
    ).reset_index(drop=True)


def known_budgets_text(budgets: pd.Series) -> str:
    """How many projects have a known budget, as a clause: 'la dotazione è nota per 3 di essi'."""
    known = int(budgets.notna().sum())
    if known == 0:
        return "la dotazione dei singoli progetti non è nota"
    if known == len(budgets):
        return "la dotazione è nota per tutti"
    return f"la dotazione del singolo progetto è nota per {fmt_int(known)} di essi"


@dataclass(frozen=True)
class AnnexLabels:
    """Italian labels the cards use (from labels.csv) and the discrepancy on assumed lead partners."""

    lead_type: Mapping[str, str]
    ranking: Mapping[str, str]
    group: Mapping[str, str]
    pip_status: Mapping[str, str]
    assumed_lead: str  # e.g. "D05", checked against discrepancies.csv

    @classmethod
    def from_tables(cls, labels: Labels, discrepancies: pd.DataFrame) -> AnnexLabels:
        """From ``labels.load_labels`` and discrepancies.csv."""
        return cls(labels["lead_type"], labels["ranking"], labels["group"], labels["pip_status"],
                   discrepancy_ref(discrepancies, ASSUMED_LEAD_DISCREPANCY))


def project_anchor(project_id: str) -> str:
    """The heading id of a project's card: 'sec-progetto-p17'."""
    return section_id("progetto", project_id)


def participants_text(shown: Mapping[str, str], labels: AnnexLabels) -> str:
    """'45 (Laboratori Sociali 30 · PIP 25 · Sia Laboratori sia PIP 10)', or 'nessuno registrato'."""
    if shown["participants"] == fmt_int(0):
        return "nessuno registrato"
    columns = {"laboratorio_sociale": "laboratorio_sociale", "pip": "pip", "entrambi": "both"}  # group -> column
    parts = [f"{labels.group[group]} {shown[column]}" for group, column in columns.items()]
    return f"{shown['participants']} ({' · '.join(parts)})"


def pip_status_text(shown: Mapping[str, str], labels: AnnexLabels) -> str:
    """'Concluso 12 · In corso 10 · Rinuncia <5', or a plain statement when the project has no PIP."""
    if shown["pip"] == fmt_int(0):
        return "nessun PIP avviato"
    return " · ".join(f"{labels.pip_status[s]} {shown[s]}" for s in PIP_STATUSES)


def project_section(facts: Mapping, shown: Mapping[str, str], labels: AnnexLabels) -> str:
    """The card of one project: a level-3 heading (id and lead partner) with its anchor, then a short list: kind and
    place of the lead partner, funding, participants, PIP outcomes, profile of the participants."""
    lead = f"{labels.lead_type[facts['lead_type']]}, {facts['municipality']} ({facts['province']})"
    if facts["lead_partner_assumed"]:
        lead += f"; capofila ipotizzato, non nominato nella fonte (discrepanza {labels.assumed_lead})"
    funding = [labels.ranking[facts["ranking"]]]
    if isinstance(facts["act"], str):
        funding.append(facts["act"])
    if pd.notna(facts["budget_eur"]):
        funding.append(f"dotazione {fmt_eur(facts['budget_eur'])}")
    lines = [
        f"### {facts['project_id']} · {facts['lead_partner']} {{#{project_anchor(facts['project_id'])}}}",
        "",
        f"- **Capofila**: {lead}.",
        f"- **Finanziamento**: {'; '.join(funding)}.",
        f"- **Partecipanti**: {participants_text(shown, labels)}.",
    ]
    if shown["participants"] != fmt_int(0):
        lines += [f"- **Esito dei PIP**: {pip_status_text(shown, labels)}.",
                  f"- **Profilo**: donne {shown['women_share']} · stranieri {shown['foreign_share']} · "
                  f"età media {shown['mean_age']} anni."]
    return "\n".join(lines)


def project_sections(facts: pd.DataFrame, shown: pd.DataFrame, labels: AnnexLabels) -> str:
    """Every project's card, in the order of ``facts`` (``shown`` is indexed by project id)."""
    rows = shown.to_dict("index")
    return "\n\n".join(project_section(row, rows[row["project_id"]], labels) for row in facts.to_dict("records"))


def summary_table(facts: pd.DataFrame, shown: pd.DataFrame, labels: AnnexLabels) -> pd.DataFrame:
    """One row per project with a link to its card: lead partner (province), participants, lab and PIP counts."""
    shown = shown.reindex(facts["project_id"])
    return pd.DataFrame({
        "Progetto": [f"[{p}](#{project_anchor(p)})" for p in facts["project_id"]],
        "Capofila": (facts["lead_partner"] + " (" + facts["province"].astype(str) + ")").tolist(),
        "Partecipanti": shown["participants"].tolist(),
        labels.group["laboratorio_sociale"]: shown["laboratorio_sociale"].tolist(),
        labels.group["pip"]: shown["pip"].tolist(),
    })
