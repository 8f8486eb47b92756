"""Facts of the programme that several chapters quote: the outcome of the regional call, the order of the case-study
cards, curated text as a reader meets it."""

from __future__ import annotations

import re

import pandas as pd

from quartieri_erp.presentation.markup import Md, escape, plain

FUNDED, NOT_ADMITTED = "finanziato", "non_ammesso"


def funded_projects(projects: pd.DataFrame) -> pd.DataFrame:
    """The applications that the call funded."""
    return projects[projects["outcome"] == FUNDED]


def call_outcomes(projects: pd.DataFrame) -> dict[str, int]:
    """Applications, funded (by ranking), not admitted, and lead partners of the funded projects by type."""
    funded = funded_projects(projects)
    return {
        "applications": len(projects),
        "funded": len(funded),
        "first": int((funded["ranking"] == "prima").sum()),
        "second": int((funded["ranking"] == "seconda").sum()),
        "not_admitted": int((projects["outcome"] == NOT_ADMITTED).sum()),
        "funded_aler": int((funded["lead_type"] == "ALER").sum()),
        "funded_comune": int((funded["lead_type"] == "Comune").sum()),
        "funded_assumed": int(funded["lead_partner_assumed"].sum()),
        "first_leads_printed": int(((funded["ranking"] == "prima") & ~funded["lead_partner_assumed"]).sum()),
    }


CALL_OBJECTIVES, CALL_BENEFITS = "call_objectives", "call_benefits"  # lists of call_lists.csv (original § 3.2)


def call_list_rows(lists: pd.DataFrame, name: str) -> pd.DataFrame:
    """The rows of one list of call_lists.csv in printed order (text and source), e.g. ``name='call_objectives'``."""
    rows = lists[lists["list"] == name].sort_values("position")
    if rows.empty:
        raise KeyError(f"call_lists.csv has no list {name!r}")
    return rows


def call_list_markdown(lists: pd.DataFrame, name: str) -> Md:
    """One list of call_lists.csv as a Markdown bullet list in printed order, each item escaped (data text) and
    ended as a list in running Italian prose: ';' after every item, '.' after the last."""
    items = [f"- {escape(_lower_initial(text.strip().rstrip('.;')))}" for text in call_list_rows(lists, name)["text"]]
    return Md(";\n".join(items) + ".")


def _lower_initial(text: str) -> str:
    """'Aprire laboratori' -> 'aprire laboratori' (an item inside a sentence); an acronym ('SAP …') is kept."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def card_order(card_id: str) -> tuple[int, ...]:
    """Sort key of a card id: '4.10' after '4.9'."""
    return tuple(int(part) for part in card_id.split("."))


# How a reader calls the programme files (a file name is machinery: the data dictionary, appendix B, gives it).
DATA_NAMES = {
    "provinces.csv": "province lombarde",
    "municipalities.csv": "comuni lombardi",
    "timeline.csv": "cronologia degli interventi",
    "experimentation_labs.csv": "laboratori della sperimentazione",
    "evaluative_reflections.csv": "riflessioni valutative",
    "projects.csv": "progetti dell'avviso",
    "procedures.csv": "procedure attivate",
    "sus_steps.csv": "passaggi delle strategie urbane",
    "sus_resources.csv": "risorse delle strategie urbane",
    "case_studies.csv": "schede dei casi di studio",
    "case_study_items.csv": "voci delle schede dei casi di studio",
    "case_study_results.csv": "cifre dei casi di studio",
    "documents.csv": "documenti di origine",
    "facts.csv": "dati puntuali",
    "discrepancies.csv": "registro delle discordanze",
    "glossary.csv": "glossario",
    "published_artifacts.csv": "tabelle, figure e paragrafi del rapporto pubblicato",
    "report_sections.csv": "indice del rapporto pubblicato",
    "published_indicators.csv": "indicatori pubblicati del capitolo 3",
}


FILE_NAME = re.compile(r"\b([a-z][a-z0-9_]*)\.(?:csv|xlsx|yml|json)\b")


LINE_NUMBERS = re.compile(
    r"\s*\(ll?\.\s*\d[\d\s,\-–e]*\)|,?\s*\bll?\.\s*\d+(?:\s*[-–]\s*\d+)?"
    r"(?:\s*(?:,|e)\s*\d+(?:\s*[-–]\s*\d+)?)*"
)


def reader_words(text: object) -> str:
    """Text of the curated files as a reader should meet it: file names become the names of the data
    (``DATA_NAMES``; an unknown file 'dati x'), line numbers of the text extraction ('l. 584-585') and lists of
    column or key names in brackets ('(call_topup_eur, budget_eur)') go."""

    def name(match: re.Match) -> str:
        return DATA_NAMES.get(match.group(0), f"dati {match.group(1).replace('_', ' ')}")

    text = IDENTIFIERS.sub("", plain(text))
    text = FILE_NAME.sub(name, text)
    return re.sub(r"\(\s*\)", "", LINE_NUMBERS.sub("", text)).strip()


# A bracketed list of code names (each with an underscore), e.g. '(call_initial_budget_eur, call_topup_eur)'.
IDENTIFIERS = re.compile(r"\s*\((?:[a-z0-9]+_[a-z0-9_]+)(?:\s*,\s*[a-z0-9]+_[a-z0-9_]+)*\)")
