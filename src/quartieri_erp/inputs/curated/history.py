"""Schemas of chapter 1: the policy timeline, the 2014-2015 experimentation labs, the lessons table."""

from __future__ import annotations

import pandera.pandas as pa

from quartieri_erp.inputs.curated import columns as col
from quartieri_erp.inputs.tables import TableSpec

TIMELINE_CATEGORIES = [
    "antecedenti",
    "programmazione_regionale",
    "sperimentazione_laboratori",
    "avviso_regionale",
    "sviluppo_urbano_milano",
    "sviluppo_urbano_bollate",
]

TIMELINE = TableSpec(
    name="timeline",
    file="timeline.csv",
    folder="programme",
    description="Una riga per ogni evento datato della storia della politica e degli avvisi del programma.",
    source="Rapporto (documento 000), capitoli 1, 2 e 4 e relative note; documento 002 per l'atto della "
    "sperimentazione.",
    schema=pa.DataFrameSchema(
        {
            "event_id": col.identifier(
                r"E\d{2}",
                "Identificativo dell'evento, E01, E02, ...: in ordine di data fino a E32, poi in ordine di aggiunta.",
            ),
            "date": col.date("Data dell'evento."),
            "date_precision": col.precision(),
            "event": col.text("Breve denominazione dell'evento, scritta per questa edizione."),
            "act": col.text("Atto (DGR, decreto, legge), se la fonte lo indica.", nullable=True),
            "actor": col.text("Soggetti che agiscono (enti, persone)."),
            "category": col.enum(
                TIMELINE_CATEGORIES, "Fase della politica; raggruppa gli eventi nella figura della cronologia."
            ),
            "card_id": col.text(
                "Scheda del caso di studio a cui appartiene l'evento (case_studies.csv), se c'è.", nullable=True
            ),
            "source": col.source(),
            "note": col.note(),
            "planned": col.flag(
                "Vero se la fonte riporta l'evento come previsto (una scadenza o un avvio atteso) e "
                "non come avvenuto: il testo ne sceglie il tempo verbale rispetto alla data dei dati "
                "(ad es. 'è previsto' prima, 'era previsto' dopo)."
            ),
        },
        coerce=True,
        strict=True,
        title="Policy timeline",
    ),
)

EXPERIMENTATION_LABS = TableSpec(
    name="experimentation_labs",
    file="experimentation_labs.csv",
    folder="programme",
    description="Una riga per ogni Laboratorio sociale della sperimentazione regionale 2014-2015.",
    source="Documento 002, Tabella 1 (l. 985-1106) e titoli della Parte 2; rapporto (documento 000), nota 21 (l. 313).",
    schema=pa.DataFrameSchema(
        {
            "lab_id": col.identifier(
                r"L\d{2}", "Identificativo del laboratorio, L01-L15 nell'ordine della Tabella 1 del documento 002."
            ),
            "title": col.text("Titolo del progetto come nell'intestazione della Parte 2 del documento 002."),
            "lead_body": col.text("Ente capofila, ad es. 'Comune di Milano', 'ALER Pavia'."),
            "lead_type": col.enum(["Comune", "ALER"], "Tipo di ente capofila."),
            "municipality": col.municipality(),
            "istat_code": col.istat_code(),
            "province": col.province(),
            "area_representation": col.flag(
                "Il laboratorio opera nell'area di intervento 'Promozione della rappresentanza' (Tabella 1)."
            ),
            "area_intermediation": col.flag(
                "Il laboratorio opera nell'area di intervento 'Organizzazione dell'intermediazione'."
            ),
            "area_self_management": col.flag(
                "Il laboratorio opera nell'area di intervento 'Promozione dell'autogestione'."
            ),
            "area_arrears": col.flag(
                "Il laboratorio opera nell'area di intervento 'Contrasto alla morosità incolpevole'."
            ),
            "area_social_distress": col.flag(
                "Il laboratorio opera nell'area di intervento 'Contrasto al disagio sociale'."
            ),
            "report_section": pa.Column(
                str,
                pa.Check.str_matches(r"^2\.\d{1,2}$", error="must look like 2.N"),
                description="Sezione della Parte 2 del documento 002 che descrive il laboratorio.",
            ),
            "source": col.source(),
            "note": col.note(),
        },
        coerce=True,
        strict=True,
        title="Experimentation labs 2014-2015",
    ),
)

EVALUATIVE_REFLECTIONS = TableSpec(
    name="evaluative_reflections",
    file="evaluative_reflections.csv",
    folder="programme",
    description="Una riga per ogni voce della tabella 'Elementi esperienziali / Riflessioni valutative' del "
    "capitolo 1.",
    source="Rapporto (documento 000), tabella non numerata del paragrafo 1.4 (l. 317-325), ripresa da Éupolis "
    "Lombardia.",
    schema=pa.DataFrameSchema(
        {
            "position": pa.Column(
                "Int64",
                pa.Check.ge(1, error="must be 1 or more"),
                unique=True,
                description="Posizione della voce nella tabella del rapporto.",
            ),
            "experience": col.text("Elemento emerso dalla sperimentazione, scritto per questa edizione."),
            "reflection": col.text("Riflessione valutativa che se ne ricava, scritta per questa edizione."),
            "source": col.source(),
        },
        coerce=True,
        strict=True,
        title="Lessons of the experimentation",
    ),
)
