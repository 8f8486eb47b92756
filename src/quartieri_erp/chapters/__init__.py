"""Chapter-specific logic: the tables, sentences and figure data of each chapter, as tested functions.

``MODULES`` maps each notebook to its module. A chapter module stands alone: it imports no other chapter
module, only the shared ones (``SHARED``): ``wording`` (Italian articles, dates at their precision, agreement,
tense), ``labels`` (display labels of codes), ``cited`` (curated facts with their provenance), ``readings`` (the
indicator set read with provenance, verdicts of tests) and ``programme`` (facts of the call and the cards that
several chapters quote). Other building blocks live in ``quartieri_erp.presentation``.
"""

MODULES = {
    "00_sintesi": "summary",
    "00_introduzione": "policy",
    "01_politiche": "policy",
    "02_bando": "call",
    "03_indicatori": "indicators",
    "04_casi_studio": "cases",
    "05_conclusioni": "summary",
    "A1_metodo": "method",
    "A2_dizionario_dati": "appendices",
    "A3_riconciliazione": "reconciliation",
    "A4_provenienza": "appendices",
    "A5_glossario": "appendices",
    "A6_schede_progetto": "appendices",
    "A7_confronto_edizioni": "editions",
}
SHARED = ("wording", "labels", "cited", "readings", "programme")
