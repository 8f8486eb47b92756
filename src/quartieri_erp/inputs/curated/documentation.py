"""Schemas of the cross-cutting files: source documents, scalar facts, discrepancies, glossary."""

from __future__ import annotations

import pandera.pandas as pa

from quartieri_erp.inputs.curated import columns as col
from quartieri_erp.inputs.tables import TableSpec

FACT_UNITS = ["count", "eur", "percent", "months", "days"]

DOCUMENTS = TableSpec(
    name="documents",
    file="documents.csv",
    folder="programme",
    description="Una riga per ogni documento; la colonna `source` di tutti gli altri file cita questi identificativi.",
    source="Frontespizi e intestazioni dei documenti 000-003.",
    schema=pa.DataFrameSchema(
        {
            "doc_id": col.identifier(
                col.DOCUMENTS, "Identificativo del documento, primo elemento di ogni cella `source`."
            ),
            "author": col.text("Autore o ente emittente."),
            "title": col.text("Titolo completo."),
            "year": pa.Column("Int64", nullable=True, title="Anno", description="Anno di pubblicazione, se noto."),
            "month": pa.Column(
                "Int64",
                pa.Check.in_range(1, 12),
                nullable=True,
                title="Mese",
                description="Mese di pubblicazione (da 1 a 12), se noto: la data dell'edizione "
                "originale sul frontespizio di questa edizione.",
            ),
            "citation": col.text("Citazione breve usata nelle righe 'Fonte:' di tabelle e figure."),
            "source": col.source(),
        },
        coerce=True,
        strict=True,
        title="Source documents",
    ),
)

REPORT_SECTIONS = TableSpec(
    name="report_sections",
    file="report_sections.csv",
    folder="programme",
    description="L'indice del rapporto pubblicato: numero, titolo e pagina di ogni capitolo e paragrafo.",
    source="Indice del rapporto (documento 000).",
    schema=pa.DataFrameSchema(
        {
            "section": col.text("Numero del capitolo o del paragrafo; vuoto per le parti non numerate.", nullable=True),
            "title": col.text("Titolo come pubblicato."),
            "page": pa.Column(
                int, pa.Check.in_range(1, 200), title="Pagina", description="Pagina di inizio secondo l'indice."
            ),
            "label": pa.Column(
                str,
                pa.Check.str_matches(r"^sec-[a-z0-9-]+$", error="must be a sec- label"),
                nullable=True,
                unique=True,
                title="Sezione di questa edizione",
                description="Etichetta della sezione corrispondente in questa edizione (per la "
                "concordanza dell'appendice D); vuota se non c'è.",
            ),
            "source": col.source(),
        },
        coerce=True,
        strict=True,
        title="Sections of the published report",
    ),
)

PUBLISHED_ARTIFACTS = TableSpec(
    name="published_artifacts",
    file="published_artifacts.csv",
    folder="programme",
    description="Una riga per ogni tabella, tavola o figura del rapporto pubblicato, con la versione "
    "ricostruita in questa edizione.",
    source="Titoli e numeri delle tabelle e delle figure del rapporto (documento 000); riferimenti incrociati di "
    "questa edizione.",
    schema=pa.DataFrameSchema(
        {
            "artifact_id": col.identifier(r"A\d{2}", "Identificativo Ann, nell'ordine del rapporto pubblicato."),
            "kind": col.enum(
                ["tabella", "tavola", "figura"], "Tipo di elemento, secondo la numerazione del rapporto pubblicato."
            ),
            "number": col.text("Numero nel rapporto pubblicato (vuoto per le tabelle non numerate).", nullable=True),
            "title": col.text("Titolo come pubblicato."),
            "label": pa.Column(
                str,
                pa.Check.str_matches(
                    r"^(tbl|tav|fig)-[a-z0-9-]+$", error="must be a tbl-…, tav-… or fig-… label of a notebook"
                ),
                unique=True,
                description="Etichetta della tabella o della figura ricostruita in questa edizione.",
            ),
            "rebuilt": col.enum(
                ["completa", "dai_dati", "in_parte"],
                "completa: ricostruita per intero; dai_dati: immagine perduta, ridisegnata "
                "dai dati; in_parte: solo quanto il testo consente.",
            ),
            "note": col.note(),
            "source": col.source(),
        },
        coerce=True,
        strict=True,
        title="Tables and figures of the published report",
    ),
)

FACTS = TableSpec(
    name="facts",
    file="facts.csv",
    folder="programme",
    description="Una riga per ogni dato puntuale citato nel testo che non appartiene ad altre tabelle.",
    source="Rapporto (documento 000): sintesi, capitoli 1-2 e note a piè di pagina; documento 002 per la "
    "sperimentazione.",
    schema=pa.DataFrameSchema(
        {
            "key": pa.Column(
                str,
                pa.Check.str_matches(r"^[a-z][a-z0-9_]*$", error="must be snake_case"),
                unique=True,
                title="Chiave",
                description="Chiave univoca in snake_case, usata dal codice.",
            ),
            "value": col.number(
                "Il valore come riportato nella fonte (un dato di partenza, mai calcolato); percentuali da 0 a 100."
            ),
            "unit": col.enum(FACT_UNITS, "Unità di misura del valore."),
            "label": col.text("Etichetta."),
            "reference_date": col.date("Data a cui si riferisce il valore, se indicata.", nullable=True),
            "source": col.source(),
            "note": col.note(),
        },
        coerce=True,
        strict=True,
        title="Scalar facts",
    ),
)

DISCREPANCIES = TableSpec(
    name="discrepancies",
    file="discrepancies.csv",
    folder="programme",
    description="Una riga per ogni discordanza tra le fonti o all'interno di una fonte, con la soluzione "
    "adottata nei dati.",
    source="Confronto tra le parti del rapporto (documento 000) e con le fonti collegate (D01-D36) e revisione "
    "dei dati di questa edizione (da D37 in poi).",
    schema=pa.DataFrameSchema(
        {
            "discrepancy_id": col.identifier(
                r"D\d{2}", "Identificativo Dnn; D01-D36 seguono la numerazione dell'inventario."
            ),
            "topic": col.text("Titolo breve."),
            "affects": col.text("File di dati (e colonne o righe) i cui valori dipendono dalla scelta."),
            "sources_say": col.text("Che cosa dice ciascuna fonte, con la sua collocazione."),
            "chosen": col.text("Il valore o la lettura adottati nei dati."),
            "reason": col.text("Motivazione della scelta."),
            "source": col.source(),
        },
        coerce=True,
        strict=True,
        title="Discrepancies",
    ),
)

GLOSSARY = TableSpec(
    name="glossary",
    file="glossary.csv",
    folder="programme",
    description="Una riga per ogni sigla usata nel rapporto.",
    source="Rapporto (documento 000), al primo uso significativo di ciascuna sigla; spiegazioni scritte per "
    "questa edizione.",
    schema=pa.DataFrameSchema(
        {
            "acronym": col.text("Sigla come scritta nel rapporto.", unique=True),
            "expansion": col.text("Forma estesa."),
            "explanation": col.text("Spiegazione in una riga, scritta per questa edizione."),
            "source": col.source(),
        },
        coerce=True,
        strict=True,
        title="Glossary",
    ),
)
