"""Schemas of the cross-cutting files: source documents, scalar facts, discrepancies, glossary."""

from __future__ import annotations

import pandera.pandas as pa

from ..tables_io import TableSpec
from . import columns as col

FACT_UNITS = ["count", "eur", "percent", "months", "days"]

DOCUMENTS = TableSpec(
    name="documents",
    file="documents.csv",
    folder="programme",
    description="One row per source document; the `source` column of every other file cites these ids.",
    source="Title pages and headers of the source documents 000-003.",
    schema=pa.DataFrameSchema(
        {
            "doc_id": col.identifier(col.DOCUMENTS, "Document id, the first token of every `source` cell."),
            "author": col.text("Author or issuing body."),
            "title": col.text("Full title."),
            "year": pa.Column("Int64", nullable=True, title="Year", description="Year of publication, when known."),
            "citation": col.text("Short Italian citation used in the 'Fonte:' lines of tables and figures."),
            "source": col.source(),
        },
        coerce=True, strict=True, title="Source documents",
    ),
)

PUBLISHED_ARTIFACTS = TableSpec(
    name="published_artifacts",
    file="published_artifacts.csv",
    folder="programme",
    description="One row per table, 'tavola' or figure of the published report, with its rebuilt version here.",
    source="Titles and numbers of the tables and figures of report 000; labels of this edition's notebooks.",
    schema=pa.DataFrameSchema(
        {
            "artifact_id": col.identifier(r"A\d{2}", "Identifier Ann, in the order of the published report."),
            "kind": col.enum(["tabella", "tavola", "figura"], "Kind of item as numbered in the published report."),
            "number": col.text("Number in the published report (empty for unnumbered tables).", nullable=True),
            "title": col.text("Title as published."),
            "label": pa.Column(str, pa.Check.str_matches(r"^(tbl|fig)-[a-z0-9-]+$",
                                                         error="must be a tbl-… or fig-… label of a notebook"),
                               unique=True, description="Label of the rebuilt table or figure in this edition."),
            "rebuilt": col.enum(["completa", "dai_dati", "in_parte"],
                                "completa: rebuilt in full; dai_dati: image lost, redrawn from data; "
                                "in_parte: only what the text supports."),
            "note": col.note(),
            "source": col.source(),
        },
        coerce=True, strict=True, title="Tables and figures of the published report",
    ),
)

FACTS = TableSpec(
    name="facts",
    file="facts.csv",
    folder="programme",
    description="One row per scalar fact used in the prose that belongs to no other table.",
    source="Report 000 executive summary, chapters 1-2 and footnotes; source 002 for the experimentation.",
    schema=pa.DataFrameSchema(
        {
            "key": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$", error="must be snake_case"),
                             unique=True, title="Key", description="Unique snake_case key used by the code."),
            "value": col.number("The printed value (an input, never a computed one); percentages as 0-100."),
            "unit": col.enum(FACT_UNITS, "Unit of the value."),
            "label": col.text("Italian label."),
            "reference_date": col.date("Date the value refers to, when printed.", nullable=True),
            "source": col.source(),
            "note": col.note(),
        },
        coerce=True, strict=True, title="Scalar facts",
    ),
)

DISCREPANCIES = TableSpec(
    name="discrepancies",
    file="discrepancies.csv",
    folder="programme",
    description="One row per inconsistency between or within the sources and how the data resolve it.",
    source="Inventory of report 000 (section 6, items D01-D36) plus the curation of this project (D37 on).",
    schema=pa.DataFrameSchema(
        {
            "discrepancy_id": col.identifier(r"D\d{2}", "Identifier Dnn; D01-D36 follow the inventory numbering."),
            "topic": col.text("Short Italian title."),
            "affects": col.text("Data files (and columns or rows) whose values depend on the decision."),
            "sources_say": col.text("What each source says, with its location (Italian)."),
            "chosen": col.text("The value or reading kept in the data (Italian)."),
            "reason": col.text("Why (Italian)."),
            "source": col.source(),
        },
        coerce=True, strict=True, title="Discrepancies",
    ),
)

GLOSSARY = TableSpec(
    name="glossary",
    file="glossary.csv",
    folder="programme",
    description="One row per acronym used in the report.",
    source="Report 000 (first meaningful use of each acronym); explanations written anew in Italian.",
    schema=pa.DataFrameSchema(
        {
            "acronym": col.text("Acronym as written in the report.", unique=True),
            "expansion": col.text("Italian expansion."),
            "explanation": col.text("One-line Italian explanation, written anew."),
            "source": col.source(),
        },
        coerce=True, strict=True, title="Glossary",
    ),
)
