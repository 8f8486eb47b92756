"""Schemas of section 2.2: procedural steps and resources of the two urban strategies."""

from __future__ import annotations

import pandera.pandas as pa

from quartieri_erp.inputs.curated import columns as col
from quartieri_erp.inputs.tables import TableSpec

STRATEGIES = ["milano_lorenteggio", "bollate"]
FUNDS = ["FESR", "FSE", "PON Metro", "comunale", "regionale"]
MILESTONE = r"^[a-z][a-z0-9_]*$"

SUS_STEPS = TableSpec(
    name="sus_steps",
    file="sus_steps.csv",
    folder="programme",
    description="Una riga per ogni passaggio procedurale di una strategia di sviluppo urbano sostenibile (SUS): "
    "Tavola 2.1 per Milano-Lorenteggio, Tavola 2.2 per Bollate.",
    source="Rapporto (documento 000), Tavola 2.1 (l. 435-474) e Tavola 2.2 (l. 542-555), con le relative note.",
    schema=pa.DataFrameSchema(
        {
            "strategy": col.enum(STRATEGIES, "Strategia di sviluppo urbano sostenibile (SUS)."),
            "step": pa.Column(
                "Int64",
                pa.Check.ge(1, error="must be 1 or more"),
                description="Numero del passaggio nell'ordine della tavola, da 1 a n per ogni strategia.",
            ),
            "milestone": pa.Column(
                str,
                [
                    pa.Check.str_matches(
                        MILESTONE, error="must be a short snake_case key: lower-case letters, digits and underscores"
                    ),
                    pa.Check(
                        lambda keys: ~(keys.notna() & keys.duplicated(keep=False)),
                        error="must be unique in the file: a key names one step",
                    ),
                ],
                nullable=True,
                title="Tappa citata",
                description="Chiave con cui il testo del capitolo 2 cita il passaggio (ad es. adp_efficace, "
                "convenzione_oi_firmata), così che una nuova numerazione dei passaggi non cambi il testo; "
                "vuota per i passaggi che il testo non cita. Ogni chiave indica un solo passaggio.",
            ),
            "date": col.date("Data del passaggio."),
            "date_precision": col.precision(),
            "date_qualifier": col.enum(
                ["da", "fine"],
                "'da' = a partire da quel mese, 'fine' = alla fine di quel mese; vuoto per una data semplice.",
                nullable=True,
            ),
            "act": col.text("Atto del passaggio (DGR, DPGR, DDG...), se la fonte lo riporta.", nullable=True),
            "description": col.text("Descrizione di quanto avvenuto, scritta per questa edizione."),
            "fund_activated": col.enum(["FESR", "FSE"], "Fondo di cui il passaggio attiva le risorse.", nullable=True),
            "source": col.source(),
            "note": col.note(),
        },
        unique=["strategy", "step"],
        coerce=True,
        strict=True,
        title="Urban strategy steps",
    ),
)

SUS_RESOURCES = TableSpec(
    name="sus_resources",
    file="sus_resources.csv",
    folder="programme",
    description="Una riga per ogni fonte di finanziamento di una strategia di sviluppo urbano sostenibile (SUS).",
    source="Rapporto (documento 000), paragrafi 2.2.1 (l. 478-482) e 2.2.2 (l. 528-540); la Figura 2.1 non è "
    "leggibile nel testo del documento.",
    schema=pa.DataFrameSchema(
        {
            "strategy": col.enum(STRATEGIES, "Strategia di sviluppo urbano sostenibile (SUS)."),
            "fund": col.enum(FUNDS, "Fonte di finanziamento."),
            "amount_eur": col.euros(
                "Importo indicato dalla fonte in milioni o migliaia di euro, riportato per intero."
            ),
            "purpose": col.text("Finalità delle risorse, scritta per questa edizione."),
            "source": col.source(),
            "note": col.note(),
        },
        unique=["strategy", "fund"],
        coerce=True,
        strict=True,
        title="Urban strategy resources",
    ),
)
