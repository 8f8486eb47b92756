"""Schemas of chapter 2 about the calls: the 38 applications and the procedures of Tabella 2.1."""

from __future__ import annotations

import pandera.pandas as pa

from quartieri_erp.inputs.curated import columns as col
from quartieri_erp.inputs.tables import TableSpec

PROJECTS = TableSpec(
    name="projects",
    file="projects.csv",
    folder="programme",
    description="Una riga per ogni domanda presentata all'avviso 'Progettare la gestione sociale dei quartieri "
    "ERP in Lombardia'.",
    source="Rapporto (documento 000), note 24-27 (l. 385-391), l. 377 e 661; importi dei progetti dalle "
    "Tavole 4.7, 4.9 e 4.10.",
    schema=pa.DataFrameSchema(
        {
            "project_id": col.identifier(
                r"P\d{2}",
                "Identificativo del progetto: P01-P15 prima "
                "graduatoria, P16-P33 seconda graduatoria, P34-P38 non "
                "ammessi.",
            ),
            "lead_partner": col.text("Denominazione del capofila usata nelle tabelle, ad es. 'Comune di Giussano'."),
            "lead_type": col.enum(["Comune", "ALER"], "Tipo di capofila (solo un Comune o un'ALER può esserlo)."),
            "municipality": col.municipality(),
            "istat_code": col.istat_code(),
            "province": col.province(),
            "outcome": col.enum(["finanziato", "non_ammesso"], "Esito della domanda."),
            "ranking": col.enum(
                ["prima", "seconda"],
                "Graduatoria con cui il progetto è stato finanziato; vuota per i non ammessi.",
                nullable=True,
            ),
            "act": col.text("Atto che ha finanziato il progetto; vuoto per i non ammessi.", nullable=True),
            "budget_eur": col.euros(
                "Importo del progetto, se il rapporto lo pubblica (solo casi di studio).", nullable=True
            ),
            "source": col.source(),
            "note": col.note(),
            "lead_partner_assumed": col.flag(
                "Vero se il capofila non compare nella fonte ed è ipotizzato in questa edizione (vedi D05)."
            ),
        },
        coerce=True,
        strict=True,
        title="Applications to the regional call",
    ),
)

PROCEDURES = TableSpec(
    name="procedures",
    file="procedures.csv",
    folder="programme",
    description="Una riga per ogni procedura della Tabella 2.1 (avvisi che attuano le azioni 9.1.3 e 9.4.2 "
    "al 31 dicembre 2020).",
    source="Rapporto (documento 000), Tabella 2.1 (l. 347-360), su dati di monitoraggio del POR FSE 2014-2020.",
    schema=pa.DataFrameSchema(
        {
            "procedure_id": col.identifier(r"PR\d", "Identificativo della procedura, nell'ordine della tabella."),
            "actions": col.actions("Azioni del POR FSE attuate dalla procedura."),
            "territory": col.enum(
                ["regione", "sus_milano", "sus_bollate"], "Territorio in cui si applica la procedura."
            ),
            "territory_label": col.text(
                "Territorio come riportato nella tabella (le celle unite sono ripetute su ogni riga)."
            ),
            "call_name": col.text("Nome dell'avviso o del servizio come riportato nella tabella."),
            "cost_eur": col.euros("Costo (colonna 'Costo')."),
            "eligible_spending_eur": col.euros(
                "Spesa totale ammissibile (colonna 'Spesa totale "
                "ammissibile'); il valore '- €' della fonte è registrato come 0."
            ),
            "operations": col.count("Numero di operazioni selezionate."),
            "reference_date": col.date(
                "Data a cui si riferiscono i dati di monitoraggio della riga (nella Tabella 2.1: 31 dicembre 2020)."
            ),
            "source": col.source(),
            "note": col.note(),
        },
        coerce=True,
        strict=True,
        title="Procedures of Tabella 2.1",
    ),
)

CALL_LISTS = TableSpec(
    name="call_lists",
    file="call_lists.csv",
    folder="programme",
    description="Elenchi del rapporto riscritti per questa edizione, una riga per voce: gli obiettivi e i benefici "
    "di lungo termine dell'avviso regionale (§ 3.2), le linee d'azione dell'avviso milanese sui programmi "
    "integrati (§ 2.2.1), il soggetto che ha fornito i dati di monitoraggio (§ 3.1).",
    source="Rapporto (documento 000), § 2.2.1 (l. 516-520), § 3.1 (l. 587) e § 3.2 (l. 640-657).",
    schema=pa.DataFrameSchema(
        {
            "list": col.enum(
                ["call_objectives", "call_benefits", "milano_programme_lines", "monitoring_data_provider"],
                "Elenco a cui appartiene la voce.",
            ),
            "position": pa.Column(
                "Int64",
                pa.Check.ge(1, error="must be 1 or more"),
                description="Posizione della voce nell'elenco, come nel rapporto.",
            ),
            "text": col.text("La voce, scritta per questa edizione."),
            "source": col.source(),
        },
        unique=["list", "position"],
        coerce=True,
        strict=True,
        title="Lists of the regional calls",
    ),
)
