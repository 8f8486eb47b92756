"""Chapter 1: the policy history, the Contratti di Quartiere, the 2014-2015 labs and their lessons."""

from __future__ import annotations

import pandas as pd

from quartieri_erp.chapters.wording import counted, date_with, join_it
from quartieri_erp.inputs.curated import fact
from quartieri_erp.presentation.formatting import fmt_eur, fmt_int, fmt_partial_date
from quartieri_erp.presentation.markdown_tables import md_frame
from quartieri_erp.presentation.markup import Md, escape
from quartieri_erp.presentation.provenance import Source, Sourced, derived

POLICY_PHASES = ("antecedenti", "programmazione_regionale", "sperimentazione_laboratori")
AREA_COLUMNS = (
    "area_representation",
    "area_intermediation",
    "area_self_management",
    "area_arrears",
    "area_social_distress",
)


def policy_events(
    timeline: pd.DataFrame, phase_labels: dict[str, str], phases: tuple[str, ...] = POLICY_PHASES
) -> pd.DataFrame:
    """Events of the policy phases, oldest first, with ``date_label``, ``label`` and ``phase`` (Italian)."""
    events = timeline[timeline["category"].isin(phases)].sort_values("date", kind="stable")
    return pd.DataFrame(
        {
            "date": events["date"],
            "date_precision": events["date_precision"],
            "date_label": [fmt_partial_date(d, p) for d, p in zip(events["date"], events["date_precision"])],
            "label": events["event"],
            "phase": events["category"].map(phase_labels),
            "act": events["act"],
            "source": events["source"],
        }
    ).reset_index(drop=True)


def acts_table(events: pd.DataFrame) -> pd.DataFrame:
    """The events that have a formal act: date, act and what it did (display columns)."""
    acts = events.dropna(subset=["act"])
    return pd.DataFrame({"Data": acts["date_label"], "Atto": acts["act"], "Contenuto": acts["label"]})


def cdq_counts(facts: pd.DataFrame) -> dict:
    """Contratti di Quartiere: national and regional counts, their total, resources and state of works."""
    national, regional = fact(facts, "cdq_national_count"), fact(facts, "cdq_regional_count")
    in_progress, completed = fact(facts, "cdq_national_in_progress"), fact(facts, "cdq_regional_completed")
    dated = facts.set_index("key")["reference_date"]
    return {
        "national": national,
        "regional": regional,
        "total": national + regional,
        "national_eur": fact(facts, "cdq_national_budget_eur"),
        "regional_eur": fact(facts, "cdq_regional_investment_eur"),
        "national_in_progress": in_progress,
        "national_in_progress_share": in_progress / national,
        "regional_completed": completed,
        "regional_completed_share": completed / regional,
        "as_of": dated["cdq_national_in_progress"],
    }


def cdq_table(facts: pd.DataFrame) -> pd.DataFrame:
    """National and regional Contratti di Quartiere side by side (unpublished cells are NA)."""
    c = cdq_counts(facts)
    dated = facts.set_index("key")["reference_date"]
    return pd.DataFrame(
        {
            "Contratti di Quartiere": ["Nazionali (cofinanziati dal Ministero)", "Regionali", "Totale"],
            "Numero": [c["national"], c["regional"], c["total"]],
            "Risorse (euro)": [c["national_eur"], c["regional_eur"], pd.NA],
            f"In corso {date_with(dated['cdq_national_in_progress'], 'al')}": [c["national_in_progress"], pd.NA, pd.NA],
            f"Completati {date_with(dated['cdq_regional_completed'], 'al')}": [pd.NA, c["regional_completed"], pd.NA],
        }
    )


def facts_rows(facts: pd.DataFrame, prefix: str) -> pd.DataFrame:
    """The rows of facts.csv whose key starts with ``prefix`` (for a table's 'Fonte:' line)."""
    return facts[facts["key"].str.startswith(prefix)]


def lab_areas(labs: pd.DataFrame, area_labels: dict[str, str]) -> pd.Series:
    """For each lab, its intervention areas as Italian text in the order of ``area_labels``."""
    return labs.apply(lambda lab: "; ".join(label for column, label in area_labels.items() if lab[column]), axis=1)


def labs_table(labs: pd.DataFrame, area_labels: dict[str, str]) -> pd.DataFrame:
    """The experimentation labs: title, lead body, municipality (province) and intervention areas."""
    return pd.DataFrame(
        {
            "Laboratorio": labs["title"],
            "Capofila": labs["lead_body"],
            "Comune": labs["municipality"] + " (" + labs["province"] + ")",
            "Ambiti di intervento": lab_areas(labs, area_labels),
        }
    ).reset_index(drop=True)


def area_counts(labs: pd.DataFrame, area_labels: dict[str, str]) -> pd.DataFrame:
    """Number of labs working in each intervention area (a lab can work in several)."""
    return pd.DataFrame(
        {
            "area": list(area_labels.values()),
            "labs": [int(labs[column].sum()) for column in area_labels],
        }
    )


def labs_overview(labs: pd.DataFrame, facts: pd.DataFrame) -> dict:
    """The experimentation in numbers: labs, municipalities (and their share of the eligible ones),
    budget per lab, leads, provinces and intervention areas per lab (which municipalities ran more than one
    lab: ``repeated_municipalities_sentence``)."""
    per_municipality = labs.groupby("municipality").size()
    areas = labs[list(AREA_COLUMNS)].sum(axis=1)
    budget, eligible = fact(facts, "lab_call_budget_eur"), fact(facts, "lab_call_eligible_municipalities")
    return {
        "labs": len(labs),
        "municipalities": int(per_municipality.size),
        "eligible": eligible,
        "participation": per_municipality.size / eligible,
        "budget": budget,
        "budget_per_lab": budget / len(labs),
        "aler_led": int((labs["lead_type"] == "ALER").sum()),
        "comune_led": int((labs["lead_type"] == "Comune").sum()),
        "by_province": labs["province"].value_counts(),
        "mean_areas": float(areas.mean()),
    }


def repeated_municipalities_sentence(labs: pd.DataFrame) -> str:
    """Why labs outnumber municipalities: which municipalities ran more than one lab."""
    per_municipality = labs.groupby("municipality").size()
    repeated = per_municipality[per_municipality > 1].sort_index()
    if repeated.empty:
        return "ogni comune ha avviato un solo laboratorio"
    groups = [(n, list(names)) for n, names in repeated.groupby(repeated).groups.items()]
    parts = [
        f"{join_it(names)} ne hanno avviati {fmt_int(n)} ciascuno"
        if len(names) > 1
        else f"{names[0]} ne ha avviati {fmt_int(n)}"
        for n, names in sorted(groups, reverse=True)
    ]
    return join_it(parts)


def area_ranking_sentence(counts: pd.DataFrame, total_labs: int) -> str:
    """Which intervention areas were the most and the least chosen (ties named together)."""
    top, bottom = counts["labs"].max(), counts["labs"].min()
    most = counts.loc[counts["labs"] == top, "area"].str.lower().tolist()
    least = counts.loc[counts["labs"] == bottom, "area"].str.lower().tolist()
    verb = "sono gli ambiti più frequenti" if len(most) > 1 else "è l'ambito più frequente"
    appears = "compaiono" if len(least) > 1 else "compare"
    if bottom == 0:
        rest = f"non {appears} in alcun laboratorio"
    else:
        rest = f"{appears} {'in un solo laboratorio' if bottom == 1 else f'in {fmt_int(bottom)} laboratori'}"
    return (
        f"{join_it(most)} {verb} ({counted(top, 'laboratorio', 'laboratori')} su {fmt_int(total_labs)}), "
        f"mentre {join_it(least)} {rest}"
    )


def reflections_table(reflections: pd.DataFrame) -> pd.DataFrame:
    """The lessons of the experimentation, in printed order."""
    rows = reflections.sort_values("position")
    return pd.DataFrame(
        {
            "Che cosa ha mostrato la sperimentazione": rows["experience"].tolist(),
            "Indicazione per la programmazione": rows["reflection"].tolist(),
        }
    )


# --- Sourced versions for the prose and tables (provenance of every number, escaped data texts) -------------------


def _curated_count(value, frame: pd.DataFrame, cited) -> Sourced:
    """A count made from the rows of a curated table: derived when every row cites only the report, else
    curated (the rows come from another document)."""
    column = cited.column(frame, "source")
    return Sourced(value, derived(column.ref) if column.kind == "published" else column)


def labs_overview_sourced(labs: pd.DataFrame, cited) -> dict:
    """``labs_overview`` with every value carrying its provenance (counts from the labs file, facts with their
    rows' sources; shares and means combine them)."""
    plain = labs_overview(labs, cited.facts)
    count = lambda v: _curated_count(v, labs, cited)  # noqa: E731
    budget, eligible = cited.fact("lab_call_budget_eur"), cited.fact("lab_call_eligible_municipalities")
    n_labs, municipalities = count(plain["labs"]), count(plain["municipalities"])
    return {
        "labs": n_labs,
        "municipalities": municipalities,
        "eligible": eligible,
        "participation": municipalities / eligible,
        "budget": budget,
        "budget_per_lab": budget / n_labs,
        "aler_led": count(plain["aler_led"]),
        "comune_led": count(plain["comune_led"]),
        "by_province": plain["by_province"],
        "top_province_labs": count(int(plain["by_province"].iloc[0])),
        "mean_areas": count(plain["mean_areas"]),
    }


def repeated_municipalities_sentence_sourced(labs: pd.DataFrame, cited) -> str:
    """``repeated_municipalities_sentence`` with escaped names and sourced counts."""
    per_municipality = labs.groupby("municipality").size()
    repeated = per_municipality[per_municipality > 1].sort_index()
    if repeated.empty:
        return "ogni comune ha avviato un solo laboratorio"
    count = lambda v: fmt_int(_curated_count(v, labs, cited))  # noqa: E731
    groups = [(n, [escape(m) for m in names]) for n, names in repeated.groupby(repeated).groups.items()]
    parts = [
        f"{join_it(names)} ne hanno avviati {count(n)} ciascuno"
        if len(names) > 1
        else f"{names[0]} ne ha avviati {count(n)}"
        for n, names in sorted(groups, reverse=True)
    ]
    return join_it(parts)


def with_definite_article(label: str) -> str:
    """A lower-case label of an intervention area after its definite article: 'il contrasto al disagio sociale',
    'la promozione della rappresentanza', "l'organizzazione dell'intermediazione" (the gender from the first
    word: '-zione' and '-a' feminine, otherwise masculine; 'lo' before z or s + consonant)."""
    word = label.split(" ", 1)[0].lower()
    if word[:1] in "aeiou":
        return f"l'{label}"
    if word.endswith(("zione", "a")):
        return f"la {label}"
    if word[:1] == "z" or (word[:1] == "s" and word[1:2] and word[1:2] not in "aeiou"):
        return f"lo {label}"
    return f"il {label}"


def area_ranking_sentence_sourced(counts: pd.DataFrame, total_labs, src) -> str:
    """Which intervention areas were the most and the least chosen (ties named together), each area with its
    article, the labels escaped and the counts carrying ``src``."""
    top, bottom = counts["labs"].max(), counts["labs"].min()
    named = lambda rows: [escape(with_definite_article(a)) for a in rows["area"].str.lower()]  # noqa: E731
    most, least = named(counts.loc[counts["labs"] == top]), named(counts.loc[counts["labs"] == bottom])
    n = lambda v: fmt_int(v, src)  # noqa: E731
    noun = "laboratorio" if top == 1 else "laboratori"
    if len(most) > 1:
        head = f"gli ambiti più frequenti sono {join_it(most)} ({n(top)} {noun} ciascuno su {fmt_int(total_labs)})"
    else:
        head = f"l'ambito più frequente è {most[0]} ({n(top)} {noun} su {fmt_int(total_labs)})"
    appears = "compaiono" if len(least) > 1 else "compare"
    if bottom == 0:
        rest = f"non {appears} in alcun laboratorio"
    else:
        rest = f"{appears} {'in un solo laboratorio' if bottom == 1 else f'in {n(bottom)} laboratori'}"
    return f"{head}, mentre {join_it(least)} {rest}"


def acts_table_sourced(events: pd.DataFrame, cited) -> pd.DataFrame:
    """``acts_table`` with the dates as provenance spans (a year alone is a number a reader sees)."""
    acts = events.dropna(subset=["act"])
    dates = [
        Md(fmt_partial_date(d, p, cited.source(s)))
        for d, p, s in zip(acts["date"], acts["date_precision"], acts["source"])
    ]
    return md_frame({"Data": dates, "Atto": acts["act"].tolist(), "Contenuto": acts["label"].tolist()})


def cdq_table_sourced(cited) -> pd.DataFrame:
    """``cdq_table`` with every cell carrying its kind: printed counts and amounts published, the total derived."""
    national, regional = cited.fact("cdq_national_count"), cited.fact("cdq_regional_count")
    dash = "–"
    dated = cited.facts.set_index("key")["reference_date"]  # headers are plain text (escaped by show_table)
    return md_frame(
        {
            "Contratti di Quartiere": ["Nazionali (cofinanziati dal Ministero)", "Regionali", "Totale"],
            "Numero": [Md(fmt_int(v)) for v in (national, regional, national + regional)],
            "Risorse (euro)": [
                Md(fmt_eur(cited.fact("cdq_national_budget_eur"), 0)),
                Md(fmt_eur(cited.fact("cdq_regional_investment_eur"), 0)),
                dash,
            ],
            f"In corso {date_with(dated['cdq_national_in_progress'], 'al')}": [
                Md(fmt_int(cited.fact("cdq_national_in_progress"))),
                dash,
                dash,
            ],
            f"Completati {date_with(dated['cdq_regional_completed'], 'al')}": [
                dash,
                Md(fmt_int(cited.fact("cdq_regional_completed"))),
                dash,
            ],
        }
    )


# --- Introduzione -------------------------------------------------------------------------------------------


def as_of_source() -> Source:
    """The provenance of the data cut-off date: a parameter of the edition chosen by the curators."""
    from quartieri_erp.presentation.provenance import curated

    return curated("data di riferimento dei dati di monitoraggio di questa edizione (parametro as_of)")


def monitoring_data_note_sourced(synthetic: bool, as_of, threshold: int, provider: str = "") -> str:
    """What the monitoring data of this run are and what chapter 3 does with them; the cut-off date and the
    threshold carry their provenance, ``provider`` (Markdown, e.g. a sourced span) names who supplies real data."""
    from quartieri_erp.chapters.wording import with_article
    from quartieri_erp.presentation.formatting import fmt_date

    when = with_article(fmt_date(as_of, as_of_source()), "al")
    supplier = f", messi a disposizione da {provider}" if provider else ""
    if synthetic:
        real = f" (nell'edizione pubblicata li ha forniti {with_article(provider, 'il')})" if provider else ""
        return (
            f"**I dati di monitoraggio di questa edizione sono sintetici.** I dati individuali dei destinatari "
            f"contengono informazioni personali e non sono pubblici{real}: "
            f"al loro posto questa edizione usa un archivio generato al computer, riferito {when}, con la "
            f"struttura dei dati amministrativi e le distribuzioni pubblicate nel rapporto originale. Il "
            f"capitolo sugli indicatori (@sec-indicatori) ne mostra quindi solo i valori che coincidono con "
            f"quelli pubblicati o ne derivano; le analisi che richiedono i dati reali sono sostituite da una "
            f"nota. Con un'estrazione reale nella cartella dei dati, ogni valore e ogni frase che ne dipende si "
            f"aggiorna."
        )
    source = as_of_source()
    return (
        f"I dati di monitoraggio sui destinatari provengono dai sistemi informativi regionali{supplier} e "
        f"sono aggiornati {when}. Descrivono persone reali e sono pubblicati solo in forma aggregata: nelle "
        f"disaggregazioni al di sotto del sub-progetto i conteggi inferiori a {fmt_int(threshold, source)} "
        f"sono soppressi (@sec-indicatori)."
    )


def documents_list_sourced(documents: pd.DataFrame, cited) -> Md:
    """The source documents as a Markdown list: author, *title*, year when known (escaped, the year sourced)."""
    items = []
    for author, title, year, cell in zip(
        documents["author"], documents["title"], documents["year"], documents["source"]
    ):
        when = "" if pd.isna(year) else f", {fmt_partial_date(f'{int(year)}-01-01', 'year', cited.source(cell))}"
        items.append(f"- {escape(author)}, *{escape(title)}*{when}")
    return Md(";\n".join(items) + ".")
