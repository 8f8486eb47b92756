"""Schemas of chapter 4: the case-study cards, their listed items and every number they hold."""

from __future__ import annotations

import pandera.pandas as pa

from quartieri_erp.inputs.curated import columns as col
from quartieri_erp.inputs.tables import TableSpec

CARD_ID = r"4\.\d{1,2}"
STATUSES = ["avviso_aperto", "non_avviato", "in_corso", "concluso"]
ITEM_FIELDS = [
    "partner",
    "objective",
    "location",
    "action",
    "rule",
    "result",
    "covid_effect",
    "difficulty",
    "success_factor",
    "follow_up",
]
PARTNER_ROLES = ["capofila", "capogruppo", "partner", "attuatore"]
UNITS = ["count", "eur", "percent", "hours", "months", "years", "sqm", "ratio"]
RESULT_KINDS = ["contesto", "dotazione", "parametro", "atteso", "risultato"]


def card_id(description: str, *, unique: bool = False) -> pa.Column:
    """Reference to a card of case_studies.csv, e.g. '4.10'."""
    return pa.Column(
        str,
        pa.Check.str_matches(f"^{CARD_ID}$", error="must be a card id like 4.1"),
        unique=unique,
        title="Scheda",
        description=description,
    )


CASE_STUDIES = TableSpec(
    name="case_studies",
    file="case_studies.csv",
    folder="programme",
    description="Una riga per ogni scheda di caso di studio del capitolo 4 (Tavole 4.1-4.10; la 4.8 è il "
    "riquadro sui Punti Luna).",
    source="Rapporto (documento 000), capitolo 4: le schede e il testo che le accompagna; note 48, 54, 59 e 61 "
    "per i referenti intervistati.",
    schema=pa.DataFrameSchema(
        {
            "card_id": card_id("Numero della scheda come riportato nel rapporto (Tavola 4.N).", unique=True),
            "kind": col.enum(["scheda", "riquadro"], "Scheda di sintesi o riquadro esplicativo."),
            "short_name": col.text("Nome breve usato nelle tabelle e nel testo (ad es. MILOLAB)."),
            "title": col.text("Titolo della scheda come riportato nel rapporto."),
            "section": pa.Column(
                str,
                pa.Check.str_matches(r"^4\.\d(\.\d)?$", error="must be a section like 4.1.2"),
                description="Sezione del rapporto che contiene la scheda.",
            ),
            "programme": col.enum(
                ["sus_milano", "sus_bollate", "avviso_regionale"],
                "Strategia di sviluppo urbano sostenibile (SUS) o avviso regionale a cui appartiene l'intervento.",
            ),
            "municipality": col.municipality(),
            "istat_code": col.istat_code(),
            "province": col.province(),
            "neighbourhood": col.text("Quartiere o zona."),
            "actions": col.actions("Azioni del POR FSE o del POR FESR che finanziano l'intervento."),
            "project_id": col.text(
                "Progetto di projects.csv quando la scheda riguarda un progetto finanziato "
                "dall'avviso; la dotazione è allora in projects.csv.",
                nullable=True,
            ),
            "status": col.enum(
                STATUSES, "Stato di avanzamento alla data del rapporto; vuoto per un riquadro.", nullable=True
            ),
            "start_date": col.date("Inizio delle attività (effettivo o previsto).", nullable=True),
            "start_precision": col.precision(nullable=True, of="la data di inizio"),
            "start_is_planned": col.flag(
                "true se la data di inizio è una previsione (attività non ancora "
                "avviate alla data dello stato); da compilare quando c'è una data di "
                "inizio.",
                nullable=True,
            ),
            "end_date": col.date("Fine delle attività (effettiva o prevista).", nullable=True),
            "end_precision": col.precision(nullable=True, of="la data di fine"),
            "end_is_planned": col.flag(
                "true se la data di fine è una previsione; da compilare quando c'è una data di fine.", nullable=True
            ),
            "duration_months": col.count("Durata prevista in mesi, se riportata.", nullable=True),
            "budget_eur": col.euros(
                "Dotazione riportata nella scheda; vuota se project_id è compilato "
                "(dotazione in projects.csv) o se la scheda riporta solo le quote per fondo "
                "(vedi case_study_results.csv).",
                nullable=True,
            ),
            "status_date": col.date(
                "Data a cui si riferisce lo stato di avanzamento (i dati del rapporto "
                "pubblicato); vuota per un riquadro.",
                nullable=True,
            ),
            "target": col.text("Destinatari principali, descritti per questa edizione."),
            "interviewees": col.text(
                "Referenti intervistati per il caso di studio, con il loro ruolo, come li "
                "indica il rapporto; vuoto se il rapporto non li nomina.",
                nullable=True,
            ),
            "interview_source": pa.Column(
                str,
                pa.Check.str_matches(
                    f"^(?:{col.DOCUMENTS}) \\S", error="must start with a source document id (000-003) and a location"
                ),
                nullable=True,
                title="Fonte dei referenti",
                description="Dove il rapporto nomina i referenti intervistati (la nota), come la colonna "
                "`source`; da compilare quando c'è `interviewees`.",
            ),
            "source": col.source(),
            "note": col.note(),
        },
        coerce=True,
        strict=True,
        title="Case-study cards",
    ),
)

CASE_STUDY_ITEMS = TableSpec(
    name="case_study_items",
    file="case_study_items.csv",
    folder="programme",
    description="Una riga per ogni voce di una scheda (partner, obiettivo, azione, effetti del Covid-19...), "
    "nell'ordine della scheda.",
    source="Rapporto (documento 000), capitolo 4: schede e testo; voci scritte per questa edizione, nomi dei "
    "partner come riportati nel rapporto.",
    schema=pa.DataFrameSchema(
        {
            "card_id": card_id("Scheda di case_studies.csv a cui appartiene la voce."),
            "field": col.enum(ITEM_FIELDS, "Elenco della scheda a cui appartiene la voce."),
            "position": pa.Column(
                "Int64",
                pa.Check.ge(1, error="must be 1 or more"),
                description="Ordine all'interno della scheda e dell'elenco, a partire da 1.",
            ),
            "text": col.text(
                "La voce, scritta per questa edizione, o il nome del partner come riportato nel rapporto."
            ),
            "role": col.enum(PARTNER_ROLES, "Ruolo del partner; solo per field = partner.", nullable=True),
            "source": col.source(),
        },
        unique=["card_id", "field", "position"],
        coerce=True,
        strict=True,
        title="Case-study items",
    ),
)

CASE_STUDY_RESULTS = TableSpec(
    name="case_study_results",
    file="case_study_results.csv",
    folder="programme",
    description="Una riga per ogni valore numerico di una scheda o del testo che la accompagna (contesto, "
    "dotazioni, parametri, risultati attesi e conseguiti).",
    source="Rapporto (documento 000), capitolo 4: schede, riquadro 4.8 e testo.",
    schema=pa.DataFrameSchema(
        {
            "card_id": card_id("Scheda di case_studies.csv a cui si riferisce il valore."),
            "metric": pa.Column(
                str,
                pa.Check.str_matches(r"^[a-z][a-z0-9_]*$", error="must be snake_case"),
                description="Chiave del valore, in snake_case, unica all'interno della scheda.",
            ),
            "value": col.number("Il valore come riportato nel rapporto (percentuali da 0 a 100)."),
            "unit": col.enum(UNITS, "Unità di misura del valore."),
            "kind": col.enum(
                RESULT_KINDS,
                "Natura del valore: dato di contesto, dotazione, parametro, risultato atteso o conseguito.",
            ),
            "label": col.text("Etichetta per tabelle e figure."),
            "reference_date": col.date("Data a cui si riferisce il valore, se indicata.", nullable=True),
            "date_precision": col.precision(nullable=True, of="la data di riferimento"),
            "source": col.source(),
            "note": col.note(),
        },
        unique=["card_id", "metric"],
        coerce=True,
        strict=True,
        title="Case-study numbers",
    ),
)
