"""Summary, introduction and conclusions: the figures they quote and the sentences whose wording follows them.

Chapter-3 values come from the shared ``IndicatorSet`` (``key_figures``), programme values from the curated
files (``call_figures``). Every function that picks words from a number (``share_words``,
``majority_words`` ...) states its thresholds in a constant or its docstring, so a new edition of the data
changes the wording exactly where the numbers cross them. Whether the sub-projects differ, and how mean ages
compare, is decided by the rules of chapter 3 (``indicators.difference``, ``indicators.shown_age``), so the
summary and the chapter can never disagree.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

import pandas as pd

from quartieri_erp.chapters.programme import call_outcomes, card_order
from quartieri_erp.chapters.readings import (
    AGE_DECIMALS,
    NOT_SIGNIFICANT,
    SIGNIFICANT,
    UNCERTAIN,
    Difference,
    Reconciled,
    as_published,
    difference,
    fmt_value,
    shown_age,
    value,
    with_published,
)
from quartieri_erp.chapters.wording import join_it, with_article
from quartieri_erp.indicators import IndicatorSet
from quartieri_erp.inputs.curated import fact
from quartieri_erp.inputs.monitoring.codes import AGE_BAND_LOWER, AGE_BANDS
from quartieri_erp.presentation.formatting import MONTHS, fmt_eur, fmt_int, fmt_pct
from quartieri_erp.presentation.markup import Md
from quartieri_erp.presentation.provenance import Source, Sourced, curated, derived, from_cell, kind_of_cell, reader_ref

AS_OF = curated("data di riferimento dei dati di monitoraggio, parametro dell'edizione")
THRESHOLD = curated("soglia di riservatezza, parametro dell'edizione")


def as_of_with(as_of: dt.date, preposition: str = "al") -> str:
    """'al 30 novembre 2020' with the date as a sourced number (the cut-off date of the edition)."""
    from quartieri_erp.presentation.formatting import fmt_date

    return with_article(fmt_date(as_of, src=AS_OF), preposition)


MIDLIFE_AGE = 36  # first age of the band after the young adults (18-35)

# --- words for a share --------------------------------------------------------------------------------

# Familiar fractions: (value, masculine words, feminine words, words after "di").
LADDER = (
    (1 / 20, "uno su venti", "una su venti", "uno su venti"),
    (1 / 10, "uno su dieci", "una su dieci", "uno su dieci"),
    (1 / 5, "uno su cinque", "una su cinque", "uno su cinque"),
    (1 / 4, "uno su quattro", "una su quattro", "uno su quattro"),
    (1 / 3, "uno su tre", "una su tre", "uno su tre"),
    (2 / 5, "due su cinque", "due su cinque", "due su cinque"),
    (1 / 2, "la metà", "la metà", "della metà"),
    (3 / 5, "tre su cinque", "tre su cinque", "tre su cinque"),
    (2 / 3, "due su tre", "due su tre", "due su tre"),
    (3 / 4, "tre su quattro", "tre su quattro", "tre su quattro"),
    (4 / 5, "quattro su cinque", "quattro su cinque", "quattro su cinque"),
    (9 / 10, "nove su dieci", "nove su dieci", "nove su dieci"),
    (1.0, "la totalità", "la totalità", "della totalità"),
)
EXACT = 0.005  # closer than this to a fraction (half a percentage point): the fraction itself
NEARLY = 0.04  # up to this much (and a fifth of the fraction) below the next fraction: "quasi"
ABOVE = 0.05  # up to this much (and half the fraction) above the previous fraction: "poco più di"


def _check_share(share: float) -> float:
    share = float(share)
    if math.isnan(share) or not 0 <= share <= 1:
        raise ValueError(f"a share must be between 0 and 1, not {share}")
    return share


def share_words(share: float, feminine: bool = False) -> str:
    """A share as a familiar fraction, to follow 'sono': 0.631 -> 'quasi due su tre', 0.48 -> 'quasi la
    metà', 0.52 -> 'poco più della metà', 0.40 -> 'due su cinque'. Prefers 'quasi' (up to ``NEARLY``
    below the next fraction), then 'poco più di' (up to ``ABOVE`` above the previous one), both capped in
    proportion to the fraction so that small shares are not rounded too far. Never 'maggioranza'."""
    share = _check_share(share)
    form = 2 if feminine else 1
    if share == 0:
        return "assenti"
    if share == 1:
        return LADDER[-1][form]
    for row in LADDER[:-1]:
        if abs(share - row[0]) < EXACT:
            return row[form]
    if share < LADDER[0][0]:
        return "meno di " + LADDER[0][3]
    lower = max((row for row in LADDER if row[0] <= share), key=lambda row: row[0])
    upper = min((row for row in LADDER if row[0] > share), key=lambda row: row[0])
    if upper[0] - share <= min(NEARLY, upper[0] / 5) or share - lower[0] > min(ABOVE, lower[0] / 2):
        return "quasi " + upper[form]
    return "poco più " + (lower[3] if lower[3].startswith("della") else "di " + lower[3])


def majority_words(share: float) -> str:
    """Where a group stands against the rest, to follow 'sono': 'la quasi totalità' (0.9 or more), 'la
    netta maggioranza' (two thirds or more), 'la maggioranza' (0.55 or more), 'di poco la maggioranza'
    (above one half), 'esattamente la metà', 'poco meno della metà' (above 0.45), 'una minoranza';
    'la totalità' for 1."""
    share = _check_share(share)
    if share == 1:
        return "la totalità"
    if share >= 0.9:
        return "la quasi totalità"
    if share >= 2 / 3:
        return "la netta maggioranza"
    if share >= 0.55:
        return "la maggioranza"
    if share > 0.5:
        return "di poco la maggioranza"
    if share == 0.5:
        return "esattamente la metà"
    if share > 0.45:
        return "poco meno della metà"
    return "una minoranza"


# --- figures ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CallFigures:
    """Programme figures of the regional call and of Tabella 2.1 (curated data)."""

    applications: float  # Sourced counts and amounts
    funded: float
    first_ranking: float
    resources_eur: float
    procedures: float
    procedures_cost_eur: float
    non_accredited_partners: float
    non_accredited_share: float  # of the partners other than the lead partners, 0-1


KEY_FACTS = ("call_budget_total_eur", "call_non_accredited_partners", "call_non_accredited_partners_pct")


def cells_source(
    cells, what: str, pages: dict[str, int] | None = None, documents: dict[str, str] | None = None
) -> Source:
    """The source of a value computed from rows of data/programme with these `source` cells: derived when they
    all cite only the published report, else curated; the reference names ``what`` and the first documents."""
    cells = [str(c) for c in cells if isinstance(c, str) and c]
    kinds = {kind_of_cell(c) for c in cells}
    refs = list(dict.fromkeys(reader_ref(c, documents, pages).split(";")[0] for c in cells))[:2]
    ref = f"{what}: {'; '.join(refs)}" if refs else what
    return (
        derived(ref)
        if kinds <= {"published"} and len(cells) > 1
        else (from_cell(cells[0], documents, pages) if len(cells) == 1 else curated(ref))
    )


def _fact_source(facts: pd.DataFrame, key: str, pages=None, documents=None) -> Source:
    row = facts[facts["key"] == key]
    return from_cell(row["source"].iloc[0], documents, pages) if len(row) else curated(key)


def call_figures(
    projects: pd.DataFrame,
    facts: pd.DataFrame,
    procedures: pd.DataFrame,
    pages: dict[str, int] | None = None,
    documents: dict[str, str] | None = None,
) -> CallFigures:
    """Applications, funded projects (``call.call_outcomes``), resources, procedures and non-accredited partners,
    each a ``Sourced`` value with the kind of the curated rows it comes from."""
    outcomes = call_outcomes(projects)
    budget, partners, partners_pct = KEY_FACTS
    counted = cells_source(projects["source"], "progetti dell'avviso", pages, documents)
    procs = cells_source(procedures["source"], "procedure attivate", pages, documents)
    return CallFigures(
        applications=Sourced(outcomes["applications"], counted),
        funded=Sourced(outcomes["funded"], counted),
        first_ranking=Sourced(outcomes["first"], counted),
        resources_eur=Sourced(fact(facts, budget), _fact_source(facts, budget, pages, documents)),
        procedures=Sourced(len(procedures), procs),
        procedures_cost_eur=Sourced(round(float(procedures["cost_eur"].sum()), 2), procs),
        non_accredited_partners=Sourced(fact(facts, partners), _fact_source(facts, partners, pages, documents)),
        non_accredited_share=Sourced(
            fact(facts, partners_pct) / 100, _fact_source(facts, partners_pct, pages, documents)
        ),
    )


@dataclass(frozen=True)
class KeyFigures:
    """The chapter-3 values quoted by the summary and the conclusions (shares 0-1, ages in years), each a
    ``Sourced`` value (``Reconciled`` where it equals a published one)."""

    projects: float
    participants: float
    lab_participants: float
    pip_participants: float
    both: float
    pip_share: float
    pip_concluded: float
    pip_in_progress: float
    pip_withdrawn: float
    vulnerable: float
    vulnerable_lab: float
    vulnerable_pip: float
    mean_age_lab: float
    mean_age_pip: float
    women_lab: float
    non_vulnerable_lab: float
    employed_or_retired_lab: float
    pip_aged_36_plus: float
    age_difference: Difference  # lab-only vs pip-only, as chapter 3 reads the tests
    sex_difference: Difference
    disadvantage_difference: Difference

    def profile_differences(self) -> dict[str, Difference]:
        """The lab-only vs pip-only differences, keyed by the Italian name of the dimension."""
        return {
            "età": self.age_difference,
            "genere": self.sex_difference,
            "condizione di svantaggio": self.disadvantage_difference,
        }


def share_aged_at_least(indicators: pd.DataFrame, group: str, first_age: int) -> float:
    """Share of ``group`` in the age bands that start at ``first_age`` or later (a band boundary)."""
    if first_age not in AGE_BAND_LOWER:
        raise ValueError(f"{first_age} is not the first age of an age band {AGE_BANDS}")
    bands = [band for band, lower in zip(AGE_BANDS, AGE_BAND_LOWER) if lower >= first_age]
    values = [value(indicators, "age_band", group, band) for band in bands]
    return sum(values[1:], values[0])


def key_figures(
    iset: IndicatorSet, published: pd.DataFrame | None = None, pages: dict[str, int] | None = None
) -> KeyFigures:
    """The chapter-3 values of the summary, read from the shared indicator set (each row checked to be there
    exactly once, ``indicators.value``); with ``published`` (published_indicators.csv) the values that equal a
    published one are reconciled with it (``indicators.with_published``)."""
    ind = iset.indicators if published is None else with_published(iset.indicators, published, pages)

    def of(indicator: str, group: str = "totale", category: str | None = None) -> float:
        return value(ind, indicator, group, category)

    return KeyFigures(
        projects=of("projects"),
        participants=of("participants"),
        lab_participants=of("participants", "laboratorio_sociale"),
        pip_participants=of("participants", "pip"),
        both=of("participants", "entrambi"),
        pip_share=of("pip_share"),
        pip_concluded=of("pip_status", "pip", "concluso"),
        pip_in_progress=of("pip_status", "pip", "in_corso"),
        pip_withdrawn=of("pip_status", "pip", "rinuncia"),
        vulnerable=of("vulnerable_share"),
        vulnerable_lab=of("vulnerable_share", "laboratorio_sociale"),
        vulnerable_pip=of("vulnerable_share", "pip"),
        mean_age_lab=of("mean_age", "laboratorio_sociale"),
        mean_age_pip=of("mean_age", "pip"),
        women_lab=of("sex", "laboratorio_sociale", "F"),
        non_vulnerable_lab=of("disadvantage", "laboratorio_sociale", "nessuna"),
        employed_or_retired_lab=_sum(
            of("employment_status", "laboratorio_sociale", "occupato"),
            of("employment_status", "laboratorio_sociale", "pensionato"),
        ),
        pip_aged_36_plus=share_aged_at_least(ind, "pip", MIDLIFE_AGE),
        age_difference=difference(iset.tests, "age"),
        sex_difference=difference(iset.tests, "sex"),
        disadvantage_difference=difference(iset.tests, "disadvantage"),
    )


def _sum(*values):
    """The sum of indicator values: derived from the published values when each is reconciled with one."""
    if all(isinstance(v, Reconciled) for v in values):
        values = [as_published(v) for v in values]
    return sum(values[1:], values[0])


def _pct(v, decimals: int = 1) -> str:
    """A share for the summary: at the printed precision when it equals a published one (``fmt_value``)."""
    return fmt_value(v, decimals) if isinstance(v, Reconciled) else fmt_pct(v, decimals)


# --- sentences of the summary and the conclusions ------------------------------------------------------


def coverage_sentence(monitored: int, funded: int) -> str:
    """How the projects in the monitoring data relate to the projects funded by the call."""
    if monitored == funded:
        return f"I dati di monitoraggio coprono tutti {with_article(fmt_int(funded), 'i')} progetti finanziati."
    if monitored < funded:
        return (
            f"I dati di monitoraggio riguardano {fmt_int(monitored)} {with_article(fmt_int(funded), 'dei')} "
            f"progetti finanziati: i valori che seguono non descrivono l'intero avviso."
        )
    return (
        f"I dati di monitoraggio contano {fmt_int(monitored)} progetti, più "
        f"{with_article(fmt_int(funded), 'dei')} finanziati dall'avviso: la corrispondenza tra le due fonti va "
        f"verificata."
    )


def reach_sentence(participants: int, pip_share: float, as_of: dt.date, form: int = 0) -> str:
    """People reached by the call and the share that started a personalised plan (``form`` 1: the wording of
    the conclusions, so that the two chapters do not repeat each other)."""
    when = as_of_with(as_of, "al")
    if form == 1:
        return (
            f"Le {fmt_int(participants)} persone raggiunte {when} dicono che l'avviso ha saputo arrivare nei "
            f"quartieri, e {share_words(pip_share, feminine=True)} di loro ({_pct(pip_share)}) sono passate a "
            "un percorso personalizzato verso il lavoro."
        )
    return (
        f"{when[0].upper()}{when[1:]} i progetti dell'avviso avevano raggiunto {fmt_int(participants)} persone; "
        f"quelle avviate a un Piano di Intervento Personalizzato (PIP) di formazione e accompagnamento "
        f"al lavoro sono {share_words(pip_share, feminine=True)} ({_pct(pip_share)})."
    )


def withdrawal_words(share: float) -> str:
    """Withdrawals from the PIPs, to follow 'le rinunce sono': 'assenti', 'rarissime' (below 2%), 'rare'
    (below 5%), 'non trascurabili' (below 15%), 'frequenti'."""
    share = _check_share(share)
    if share == 0:
        return "assenti"
    if share < 0.02:
        return "rarissime"
    if share < 0.05:
        return "rare"
    if share < 0.15:
        return "non trascurabili"
    return "frequenti"


DROPOUT_LOW, DROPOUT_HIGH = 0.05, 0.15  # withdrawals among the closed PIPs: few / weighing


def dropout_rate(concluded: float, withdrawn: float) -> float:
    """Withdrawals among the PIPs that have ended (concluded or withdrawn); NaN when none has ended."""
    closed = concluded + withdrawn
    return withdrawn / closed if closed else math.nan


def pip_outcome_sentence(concluded: float, in_progress: float, withdrawn: float) -> str:
    """State of the PIPs and what the withdrawals say about keeping people on their plan."""
    state = (
        f"Dei PIP avviati, quelli conclusi sono {share_words(concluded)} ({_pct(concluded)}), quelli "
        f"ancora in corso {with_article(_pct(in_progress))}; le rinunce sono {withdrawal_words(withdrawn)} "
        f"({_pct(withdrawn)})."
    )
    dropout = dropout_rate(concluded, withdrawn)
    if math.isnan(dropout):
        return state + " Nessun percorso si è ancora chiuso: la tenuta dei PIP non si può ancora giudicare."
    if dropout < DROPOUT_LOW:
        verdict = (
            "Quasi tutti i percorsi chiusi sono arrivati a termine: i soggetti attuatori hanno saputo "
            "tenere alto l'interesse dei partecipanti."
        )
    elif dropout < DROPOUT_HIGH:
        verdict = "La maggior parte dei percorsi chiusi è arrivata a termine, ma le interruzioni non sono marginali."
    else:
        verdict = "Le interruzioni pesano in misura rilevante sui percorsi chiusi: la tenuta dei PIP è debole."
    return f"{state} {verdict}"


def vulnerability_sentence(
    total: float, lab: float, pip: float, disadvantage: Difference, findings: bool = True
) -> str:
    """Share of people with at least one vulnerability, overall and (``findings``: real data) by sub-project,
    and whether lab-only and PIP-only participants differ in their disadvantage."""
    if not findings:
        return (
            f"Le persone con almeno una condizione di vulnerabilità sono {share_words(total, feminine=True)} "
            f"({_pct(total)}): l'avviso ha raggiunto il pubblico fragile a cui si rivolgeva."
        )
    if abs(pip - lab) < EXACT:
        where = f"con quote simili nei due sub-progetti ({_pct(lab)} nei Laboratori, {_pct(pip)} nei PIP)"
    elif pip > lab:
        where = (
            f"più spesso tra chi segue un PIP ({_pct(pip)}) che tra chi frequenta un Laboratorio sociale ({_pct(lab)})"
        )
    else:
        where = (
            f"più spesso tra chi frequenta un Laboratorio sociale ({_pct(lab)}) che tra chi segue un PIP ({_pct(pip)})"
        )
    return (
        f"Le persone con almeno una condizione di vulnerabilità sono {share_words(total, feminine=True)} "
        f"({_pct(total)}), {where}; la differenza nella condizione di svantaggio tra chi partecipa a "
        f"uno solo dei due sub-progetti {disadvantage.clause}."
    )


def _years(v) -> str:
    return fmt_value(v, AGE_DECIMALS, "years")


def age_sentence(mean_lab: float, mean_pip: float, age: Difference, findings: bool = True) -> str:
    """Mean age in the two sub-projects (compared as shown, ``indicators.shown_age``) and (``findings``)
    whether lab-only and PIP-only participants differ in age."""
    lab, pip = shown_age(mean_lab), shown_age(mean_pip)
    if lab == pip:
        head = (
            f"Chi frequenta un Laboratorio sociale e chi segue un PIP hanno in media la stessa età "
            f"({_years(mean_lab)} anni)"
        )
    else:
        older = "più anziano" if lab > pip else "più giovane"
        head = (
            f"Chi frequenta un Laboratorio sociale è in media {older} di chi segue un PIP "
            f"({_years(mean_lab)} e {_years(mean_pip)} anni, rispettivamente)"
        )
    if not findings:
        return f"{head}."
    return f"{head}; la differenza tra chi partecipa a uno solo dei due sub-progetti {age.clause}."


def lab_profile_sentence(women: float, mean_age: float, employed_or_retired: float) -> str:
    """Who takes part in the Laboratori: women, mean age, employed and retired people."""
    return (
        f"Nei Laboratori sociali le donne sono {majority_words(women)} ({_pct(women)}), l'età media è di "
        f"{_years(mean_age)} anni e occupati e pensionati sono {share_words(employed_or_retired)} "
        f"({_pct(employed_or_retired, 0)})."
    )


OPEN_LAB_NON_VULNERABLE = 0.25  # a quarter of lab participants without any vulnerability ...
OPEN_LAB_NOT_JOBSEEKING = 0.20  # ... and a fifth employed or retired: the lab is more than a service


def lab_openness_sentence(non_vulnerable: float, employed_or_retired: float, findings: bool = True) -> str:
    """Reading of the Laboratori's audience: open to the neighbourhood, or a service for people in need; in a
    synthetic edition (not ``findings``) only what the published report states in words."""
    if not findings:
        return (
            "Secondo il rapporto pubblicato la maggior parte dei partecipanti ai Laboratori non ha "
            "vulnerabilità accertate e molti non cercano lavoro: il Laboratorio attira anche chi vuole dedicare "
            "tempo alla comunità ed è un punto di riferimento per i problemi del quartiere, non solo un "
            "servizio per chi è in difficoltà."
        )
    if non_vulnerable >= OPEN_LAB_NON_VULNERABLE and employed_or_retired >= OPEN_LAB_NOT_JOBSEEKING:
        return (
            f"Tra i partecipanti ai Laboratori le persone senza alcuna vulnerabilità sono "
            f"{majority_words(non_vulnerable)} ({_pct(non_vulnerable)}) e molti non cercano lavoro: il "
            f"Laboratorio attira anche chi vuole dedicare tempo alla comunità e appare un punto di "
            f"riferimento credibile per i problemi del quartiere, non solo un servizio per chi è in "
            f"difficoltà."
        )
    return (
        f"Tra i partecipanti ai Laboratori le persone senza alcuna vulnerabilità sono "
        f"{majority_words(non_vulnerable)} ({_pct(non_vulnerable)}): il Laboratorio si rivolge "
        f"soprattutto a persone in difficoltà e la sua funzione di presidio aperto a tutto il quartiere "
        f"resta in secondo piano."
    )


def call_verdict_sentence(vulnerable: float, pip_share: float, concluded: float, withdrawn: float) -> str:
    """The quantitative verdict on the call: positive only if most people reached are vulnerable, most
    started a PIP and withdrawals stay below ``DROPOUT_HIGH`` of the closed PIPs; else the weak points."""
    weak = []
    if vulnerable < 0.5:
        weak.append("le persone vulnerabili sono una minoranza dei destinatari")
    if pip_share < 0.5:
        weak.append("meno della metà dei destinatari ha avviato un PIP")
    dropout = dropout_rate(concluded, withdrawn)
    if math.isnan(dropout):
        weak.append("nessun PIP si è ancora chiuso")
    elif dropout >= DROPOUT_HIGH:
        weak.append("le rinunce pesano sui PIP già chiusi")
    if weak:
        return f"Sul piano quantitativo il bilancio dell'avviso è positivo solo in parte: {join_it(weak)}."
    return (
        "Sul piano quantitativo l'avviso si è dimostrato uno strumento valido di inclusione sociale in "
        "quartieri segnati dal disagio abitativo: ha raggiunto in prevalenza persone vulnerabili, ne ha "
        "avviato la maggior parte a percorsi personalizzati per migliorarne l'occupabilità e li ha portati "
        "avanti con poche interruzioni."
    )


def pip_target_sentence(mean_age: float, aged_36_plus: float, findings: bool = True) -> str:
    """Age profile of the PIP participants (share aged ``MIDLIFE_AGE`` or more) and what it implies; in a
    synthetic edition (not ``findings``) only the published mean age."""
    if not findings:
        return (
            f"I destinatari dei PIP hanno in media {_years(mean_age)} anni: i percorsi personalizzati si "
            "rivolgono ad adulti nel pieno dell'età lavorativa, spesso considerati poco occupabili dai servizi "
            "di intermediazione."
        )
    midlife = fmt_int(MIDLIFE_AGE, src=curated("fasce d'età del monitoraggio"))
    profile = (
        f"I destinatari dei PIP hanno in media {_years(mean_age)} anni e quelli con almeno "
        f"{midlife} anni sono {share_words(aged_36_plus)} ({_pct(aged_36_plus)})."
    )
    if aged_36_plus >= 0.5:
        return (
            f"{profile} I PIP hanno quindi raggiunto soprattutto adulti non più giovani, che i servizi di "
            f"intermediazione tendono a considerare poco occupabili e che, senza questi percorsi, "
            f"resterebbero probabilmente fuori dai circuiti ordinari di ricollocazione."
        )
    return (
        f"{profile} I PIP si sono quindi rivolti soprattutto a giovani adulti, più vicini ai canali "
        f"ordinari di inserimento lavorativo."
    )


def profiles_sentence(differences: dict[str, Difference], findings: bool = True) -> str:
    """Whether lab-only and PIP-only participants differ, from the verdicts of chapter 3 on the dimensions
    tested (``{'età': Difference, 'genere': …}``); dimensions whose tests disagree are named as uncertain. In a
    synthetic edition (not ``findings``) what the comparison shows with real data."""
    if not findings:
        return ""  # the page's synthetic-data notice says what cannot be concluded
    named = {
        verdict: [name for name, d in differences.items() if d.verdict == verdict]
        for verdict in (SIGNIFICANT, NOT_SIGNIFICANT, UNCERTAIN)
    }
    uncertain = named[UNCERTAIN]
    doubt = f" Per {join_it(uncertain)} i test non concordano e la differenza resta incerta." if uncertain else ""
    if named[SIGNIFICANT]:
        return (
            f"Chi partecipa solo ai Laboratori e chi segue solo un PIP hanno profili diversi, con differenze "
            f"significative per {join_it(named[SIGNIFICANT])}: il progetto integrato offre "
            f"strade diverse a persone diverse e le mette in contatto nello stesso quartiere, facendo "
            f"circolare conoscenze ed esperienze su cui costruire relazioni di comunità più inclusive.{doubt}"
        )
    if named[NOT_SIGNIFICANT] and not uncertain:
        return (
            f"Chi partecipa solo ai Laboratori e chi segue solo un PIP non differiscono in modo statisticamente "
            f"significativo per {join_it(named[NOT_SIGNIFICANT])}: i due sub-progetti raggiungono persone simili "
            f"e la loro complementarità sta più nelle attività offerte che nei destinatari."
        )
    if named[NOT_SIGNIFICANT]:
        return (
            f"Chi partecipa solo ai Laboratori e chi segue solo un PIP non differiscono in modo statisticamente "
            f"significativo per {join_it(named[NOT_SIGNIFICANT])}.{doubt}"
        )
    if uncertain:
        return doubt.strip()
    return "Le differenze di profilo tra i due sub-progetti non si possono verificare con i dati disponibili."


def partners_sentence(count: int, share: float, form: int = 0) -> str:
    """Non-accredited partners and their weight among the partners other than the lead partners (``form`` 1:
    the wording of the conclusions)."""
    if form == 1:
        return (
            f"Dei partner diversi dai capofila, {majority_words(share)} ({fmt_pct(share, 0)}, cioè "
            f"{fmt_int(count)} soggetti) non è accreditata ai servizi al lavoro e alla formazione."
        )
    return (
        f"I partner non accreditati ai servizi al lavoro e alla formazione sono {fmt_int(count)}, "
        f"{majority_words(share)} dei partner diversi dai capofila ({fmt_pct(share, 0)})."
    )


# --- introduction -------------------------------------------------------------------------------------


def monitoring_data_note(synthetic: bool, as_of: dt.date, threshold: int) -> str:
    """What the monitoring data of this run are, and what that means for chapter 3 (@sec-indicatori)."""
    if synthetic:
        return (
            f"**I dati di monitoraggio di questa edizione sono sintetici.** I dati individuali dei destinatari "
            f"contengono informazioni personali e non sono pubblici: al loro posto il rapporto usa un archivio "
            f"generato al computer, riferito {as_of_with(as_of, 'al')}, con la stessa struttura dei dati "
            f"amministrativi e costruito a partire dalle distribuzioni pubblicate nel rapporto originale: "
            f"non descrivono persone reali. Per questo il capitolo sugli indicatori (@sec-indicatori), la sintesi e le conclusioni riportano "
            f"solo i valori che coincidono con quelli pubblicati o ne derivano; i confronti tra gruppi, i test "
            f"e gli altri incroci, che i dati sintetici non possono sostenere, sono sostituiti da una nota. Con "
            f"un'estrazione reale nella cartella dei dati, ogni valore e ogni frase che ne dipende si aggiorna."
        )
    return (
        f"I dati di monitoraggio sui destinatari provengono dai sistemi informativi regionali e sono "
        f"aggiornati {as_of_with(as_of, 'al')}. Descrivono persone reali e sono pubblicati solo in forma aggregata: "
        f"nelle disaggregazioni al di sotto del sub-progetto i conteggi inferiori a {fmt_int(threshold, src=THRESHOLD)} sono "
        f"soppressi (@sec-indicatori)."
    )


def case_study_municipalities(cards: pd.DataFrame, programmes: tuple[str, ...]) -> list[str]:
    """Municipalities of the chapter-4 cards of the given programmes, in card order, without repeats."""
    chosen = cards.assign(_order=cards["card_id"].map(card_order)).sort_values("_order")
    chosen = chosen[chosen["programme"].isin(programmes)]
    return list(dict.fromkeys(chosen["municipality"]))


def documents_list(documents: pd.DataFrame) -> str:
    """The source documents as a Markdown list: author, *title*, year when known."""
    items = []
    for author, title, year in zip(documents["author"], documents["title"], documents["year"]):
        when = "" if pd.isna(year) else f", {int(year)}"
        items.append(f"- {author}, *{title}*{when}")
    return ";\n".join(items) + "."


def call_figures_sources(projects: pd.DataFrame, facts: pd.DataFrame, procedures: pd.DataFrame) -> list[str]:
    """The ``source`` cells behind ``call_figures`` (for the 'Fonte:' line of the key figures)."""
    rows = facts[facts["key"].isin(KEY_FACTS)]
    return [*projects["source"], *procedures["source"], *rows["source"]]


SWAP_MARK = "(a)"  # after the sub-project counts of the key-figures table; the note under the table explains it


def key_figures_table(call: CallFigures, key: KeyFigures, swap_note: str = "") -> pd.DataFrame:
    """The key figures of the summary as display text (``Md`` cells: sourced numbers and cross-references):
    ``Voce``, ``Valore``, ``Capitolo``. When ``swap_note`` (``reconciliation.label_swap_flag``) is given, the two
    sub-project counts that the published Tabella 3.1 prints on swapped rows carry the note mark ``SWAP_MARK``,
    explained once under the table."""
    flag = f" {SWAP_MARK}" if swap_note else ""
    rows = [
        (
            "Progetti finanziati dall'avviso regionale",
            f"{fmt_int(call.funded)} su {fmt_int(call.applications)}",
            "@sec-bando",
        ),
        ("Risorse complessive dell'avviso", fmt_eur(call.resources_eur), "@sec-bando"),
        (
            "Costo delle procedure sulle Azioni 9.1.3 e 9.4.2 (somma calcolata)",
            fmt_eur(call.procedures_cost_eur),
            "@sec-bando",
        ),
        (
            "Partner non accreditati (quota sui partner esclusi i capofila)",
            f"{fmt_int(call.non_accredited_partners)} ({fmt_pct(call.non_accredited_share, 0)})",
            "@sec-bando",
        ),
        ("Persone raggiunte", fmt_int(key.participants), "@sec-indicatori"),
        ("di cui nei Laboratori sociali", f"{fmt_int(key.lab_participants)}{flag}", "@sec-indicatori"),
        ("di cui con un PIP", f"{fmt_int(key.pip_participants)}{flag}", "@sec-indicatori"),
        ("di cui in entrambi i sub-progetti", fmt_int(key.both), "@sec-indicatori"),
        ("Quota di persone con un PIP", _pct(key.pip_share), "@sec-indicatori"),
        ("PIP conclusi", _pct(key.pip_concluded), "@sec-indicatori"),
        ("Rinunce ai PIP", _pct(key.pip_withdrawn), "@sec-indicatori"),
        ("Persone con almeno una vulnerabilità", _pct(key.vulnerable), "@sec-indicatori"),
        ("Età media nei Laboratori sociali (anni)", _years(key.mean_age_lab), "@sec-indicatori"),
        ("Età media nei PIP (anni)", _years(key.mean_age_pip), "@sec-indicatori"),
        ("Donne tra i partecipanti ai Laboratori", _pct(key.women_lab), "@sec-indicatori"),
    ]
    return pd.DataFrame(
        [(name, Md(shown), Md(where)) for name, shown, where in rows],
        columns=["Voce", "Valore", "Capitolo"],
        dtype=object,
    )


def key_figures_note(swap_flag: str, swap_note: str) -> str:
    """The note under the key-figures table: the sub-projects overlap and, when the counts carry ``SWAP_MARK``
    (``swap_flag`` given), ``swap_note`` after the mark."""
    overlap = "I destinatari dei due sub-progetti si sovrappongono: chi partecipa a entrambi è contato in ciascuno."
    return f"{overlap} {SWAP_MARK} {swap_note}" if swap_flag and swap_note else overlap


def limits_paragraph(synthetic: bool, swapped: bool = True) -> str:
    """The limits of the evidence behind the summary, and where the recommendations are."""
    data = (
        "Dei risultati quantitativi si riportano solo quelli già pubblicati nel rapporto originale, perché i dati "
        "di monitoraggio di questa edizione sono sintetici; i confronti tra gruppi restano da verificare sui dati "
        "reali. "
        if synthetic
        else "I dati di monitoraggio descrivono le persone al momento dell'ingresso e lo stato dei percorsi alla data "
        "di riferimento, non gli esiti occupazionali o sociali a distanza di tempo. "
    )
    return (
        f"**I limiti delle evidenze.** {data}Gli indicatori misurano chi è stato raggiunto e quanti percorsi "
        "sono arrivati a termine, non l'effetto dei progetti rispetto a ciò che sarebbe accaduto senza di "
        "essi. I casi di studio sono pochi, scelti per ricchezza dell'esperienza e non per rappresentare tutti "
        "i progetti, e si fondano in buona parte sulle voci di chi li ha realizzati; la pandemia ha interrotto "
        "le attività proprio mentre si raccoglievano i dati. "
        + (
            "Le cifre dei due sub-progetti, infine, si leggono solo scambiando due righe della tabella "
            "pubblicata (@sec-riconciliazione-etichette). "
            if swapped
            else ""
        )
        + "Le indicazioni che ne discendono per la programmazione 2021-2027 sono raccolte nelle conclusioni "
        "(@sec-conclusioni-indicazioni)."
    )


# --- Dates and figures of the curated data, with their sources -----------------------------------------

DATE_TEXT = re.compile(r"(?:\d{1,2} )?(?:[a-zà-ù]+ )?\d{4}")


def _date_spans(text: str, src: Source) -> Md:
    """``text`` (a date after its preposition: 'il 21 giugno 2019', 'a marzo 2021') with the date as a number
    span of ``src``."""
    from quartieri_erp.presentation.markup import number

    def wrap(match: re.Match) -> str:
        found = match.group(0)
        word = found.split(" ")
        if len(word) == 3 or (len(word) == 2 and not word[0].isdigit() and word[0] in MONTHS):
            return number(found, src)
        if len(word) == 2:  # 'nel 2004' matched with the preposition: keep the word, wrap the year
            return f"{word[0]} {number(word[1], src)}"
        return number(found, src)

    return Md(DATE_TEXT.sub(wrap, text))


class SourcedRefs:
    """``wording.ProseRefs`` whose dates carry the source of their timeline row or case-study card."""

    def __init__(self, refs, pages: dict[str, int] | None = None, documents: dict[str, str] | None = None):
        self.refs, self.pages, self.documents = refs, pages, documents

    def _event(self, event_id: str) -> Source:
        row = self.refs.timeline.loc[self.refs.timeline["event_id"] == event_id]
        return from_cell(row["source"].iloc[0], self.documents, self.pages) if len(row) else curated(event_id)

    def _card(self, card_id: str) -> Source:
        row = self.refs.cards.loc[self.refs.cards["card_id"] == card_id]
        return from_cell(row["source"].iloc[0], self.documents, self.pages) if len(row) else curated(card_id)

    def when(self, event_id: str, preposition: str | None = None) -> Md:
        return _date_spans(self.refs.when(event_id, preposition), self._event(event_id))

    def year(self, event_id: str) -> Md:
        from quartieri_erp.presentation.markup import number

        return Md(number(self.refs.year(event_id), self._event(event_id)))

    def start(self, card_id: str, preposition: str | None = None) -> Md:
        return _date_spans(self.refs.start(card_id, preposition), self._card(card_id))

    def see(self, *ids: str) -> str:
        return self.refs.see(*ids)


def result_value(results: pd.DataFrame, card_id: str, metric: str, pages=None, documents=None) -> Sourced:
    """A case-study figure (case_study_results.csv, indexed by card and metric) with the source of its row."""
    row = results.loc[(card_id, metric)]
    return Sourced(float(row["value"]), from_cell(row["source"], documents, pages))


def counts_flag(key: KeyFigures, flag: str) -> str:
    """``flag`` (the label swap of the published Tabella 3.1) when this edition's sub-project counts are the
    published ones, else '' (other counts: the swap does not concern them)."""
    same = isinstance(key.lab_participants, Reconciled) and isinstance(key.pip_participants, Reconciled)
    return flag if same else ""


def counts_as_published(key: KeyFigures) -> bool:
    """True when this edition's sub-project counts are the published ones (see ``counts_flag``)."""
    return bool(counts_flag(key, "x"))
