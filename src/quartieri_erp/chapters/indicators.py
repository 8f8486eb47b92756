"""Chapter 3: tables and chart frames of the participants' indicators, and the Italian sentences that read them.

Every function works on the aggregate tables of ``quartieri_erp.indicators.IndicatorSet`` (the long
``indicators`` table, ``tests``, ``esf``), never on participant rows. Sentences say only what the numbers
show: a category "prevale" only above one half, a share is "più alta" only when it is higher, and a
difference between the sub-projects is called significant only when every test of it has p < ``ALPHA``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from ..disclosure import note as disclosure_note
from ..disclosure import suppression_mask
from ..figures import PALETTE
from ..formatting import fmt_int, fmt_num, fmt_pct, fmt_share, round_half_up
from ..indicators.core import SUBGROUPS
from .wording import date_with, join_it, with_article

ALPHA = 0.05  # significance level of the tests
CONFIDENCE = 0.95  # level of the Wilson intervals of the indicator set
MIN_EXPECTED = 5  # below this expected count a chi-square p-value is only indicative
AGE_DECIMALS = 1  # mean ages are shown, and compared, with one decimal

GROUP_IN = {"totale": "nel complesso", "laboratorio_sociale": "nei Laboratori Sociali", "pip": "nei PIP"}
GROUP_OF = {"totale": "di tutti i destinatari", "laboratorio_sociale": "dei Laboratori Sociali", "pip": "dei PIP"}
NOUNS = {("sex", "F"): "le donne", ("sex", "M"): "gli uomini",
         ("citizenship", "italiana"): "i cittadini italiani", ("citizenship", "straniera"): "i cittadini stranieri"}
BARE = {("sex", "F"): "donne", ("sex", "M"): "uomini",
        ("citizenship", "italiana"): "italiani", ("citizenship", "straniera"): "stranieri"}
TEST_NAMES = {"chi_square": "test del chi quadrato", "fisher_exact": "test esatto di Fisher",
              "welch_t": "test t di Welch", "mann_whitney_u": "test di Mann-Whitney"}
LOWER_CASE = ("age_band", "education", "disadvantage", "employment_status", "pip_status")
UNEMPLOYED = ("disoccupato", "prima_occupazione")  # the condition of entry to a PIP (report 000, footnote 45)

# The indicator boxes of section 3.1 of the report (lines 599-617), with how each is computed here.
DEFINITIONS = (
    ("Implementazione della policy", "Progetti integrati", "Numero",
     "Progetti finanziati dall'avviso presenti nei dati di monitoraggio"),
    ("Implementazione della policy", "Destinatari dei progetti integrati", "Numero",
     "Persone distinte iscritte ad almeno uno dei due sub-progetti"),
    ("Implementazione della policy", "Destinatari dei Laboratori Sociali (Azione 9.4.2)", "Numero",
     "Persone iscritte al sub-progetto Laboratorio Sociale"),
    ("Implementazione della policy", "Destinatari dei Piani di Intervento Personalizzati (Azione 9.1.3)", "Numero",
     "Persone con un PIP avviato"),
    ("Efficacia dell'intervento", "Destinatari con un PIP sul totale", "Percentuale",
     "Destinatari dei PIP divisi per i destinatari dei progetti integrati"),
    ("Efficacia dell'intervento", "PIP conclusi sul totale", "Percentuale",
     "PIP in stato «concluso» alla data di riferimento divisi per i PIP avviati"),
    ("Lezioni apprese", "Capacità di raggiungere soggetti vulnerabili", "Percentuale",
     "Destinatari con una condizione di svantaggio registrata all'ingresso divisi per i destinatari"),
    ("Lezioni apprese", "Età media dei destinatari", "Anni",
     "Media dell'età all'ingresso, in anni compiuti, per sub-progetto"),
)


# --- Reading the indicator table ---------------------------------------------------------------------

def pick(ind: pd.DataFrame, indicator: str, group: str = "totale", category: str | None = None) -> pd.Series:
    """The one row of ``indicator`` for ``group`` (and ``category``); KeyError if there is not exactly one."""
    rows = ind[(ind["indicator"] == indicator) & (ind["group"] == group)]
    if category is not None:
        rows = rows[rows["category"] == category]
    if len(rows) != 1:
        raise KeyError(f"{len(rows)} rows for {indicator}/{group}/{category}")
    return rows.iloc[0]


def value(ind: pd.DataFrame, indicator: str, group: str = "totale", category: str | None = None) -> float:
    """The value of one indicator row (a count, a share 0-1 or years)."""
    return float(pick(ind, indicator, group, category)["value"])


def distribution(ind: pd.DataFrame, indicator: str, group: str = "totale") -> pd.Series:
    """Shares of the categories of ``indicator`` in ``group`` (category code -> share), in code order."""
    rows = ind[(ind["indicator"] == indicator) & (ind["group"] == group)]
    return pd.Series(rows["value"].to_numpy(dtype=float), index=rows["category"].astype(str).to_numpy())


# --- Italian number formats for the text (shares: ``formatting.fmt_share``) -------------------------------

def fmt_pair(a: float, b: float, decimals: int = 0) -> tuple[str, str]:
    """Two shares with the fewest decimals (from ``decimals``) that keep them apart when they differ."""
    for places in range(decimals, 4):
        first, second = fmt_share(a, places), fmt_share(b, places)
        if a == b or first != second:
            break
    return first, second


def fmt_ci(low: float, high: float, decimals: int = 1) -> str:
    """A confidence interval of a share: '59,8%–66,3%'."""
    return f"{fmt_pct(low, decimals)}–{fmt_pct(high, decimals)}"


def fmt_p(p: float) -> str:
    """A p-value for the text: 'p < 0,001', 'p = 0,042'; never rounded across the significance level."""
    if p < 0.001:
        return f"p < {fmt_num(0.001, 3)}"
    if p < ALPHA <= round_half_up(p, 3):
        return f"p < {fmt_num(ALPHA, 2)}"
    return f"p = {fmt_num(p, 3)}"


def _lower(label: str, variable: str) -> str:
    return label[:1].lower() + label[1:] if variable in LOWER_CASE else label


def category_list(labels: dict[str, str], variable: str) -> str:
    """'meno di 18 anni, 18-35 anni … e 65 anni e più': the labels of a variable in display order."""
    return join_it(_lower(label, variable) for label in labels.values())


# --- Sentences ----------------------------------------------------------------------------------------

SIGNIFICANT, NOT_SIGNIFICANT, UNCERTAIN, UNTESTABLE = "significant", "not significant", "uncertain", "untestable"
VERDICT_WORDS = {SIGNIFICANT: "è statisticamente significativa",
                 NOT_SIGNIFICANT: "non è statisticamente significativa",
                 UNCERTAIN: "è incerta, perché i test non concordano"}


@dataclass(frozen=True)
class Difference:
    """Whether the sub-projects differ on one characteristic, judged on every test run on it."""

    verdict: str  # SIGNIFICANT (every p < ALPHA), NOT_SIGNIFICANT (none), UNCERTAIN (they disagree), UNTESTABLE
    clause: str  # 'è statisticamente significativa (test del chi quadrato, p < 0,001)', to follow 'la differenza'


def difference(tests: pd.DataFrame, indicator: str) -> Difference:
    """The verdict on ``indicator`` and its clause with each test and its p-value (``fmt_p``); a chi-square
    with an expected count below ``MIN_EXPECTED`` carries a warning. The one rule of every chapter."""
    rows = tests[(tests["indicator"] == indicator) & tests["p_value"].notna()]
    if rows.empty:
        return Difference(UNTESTABLE, "non si può verificare con un test: uno dei due gruppi è vuoto o ha una sola "
                                      "categoria")
    detail = "; ".join(f"{TEST_NAMES[t]}, {fmt_p(p)}" for t, p in zip(rows["test"], rows["p_value"]))
    significant = rows["p_value"] < ALPHA
    verdict = SIGNIFICANT if significant.all() else NOT_SIGNIFICANT if not significant.any() else UNCERTAIN
    clause = f"{VERDICT_WORDS[verdict]} ({detail})"
    sparse = (rows["test"] == "chi_square") & (rows["min_expected"] < MIN_EXPECTED)
    if sparse.any():
        clause += (f", ma alcune frequenze attese sono inferiori a {fmt_int(MIN_EXPECTED)} e il risultato va "
                   "letto con cautela")
    return Difference(verdict, clause)


def significance(tests: pd.DataFrame, indicator: str) -> str:
    """Whether the sub-projects differ on ``indicator``, as a clause: 'la differenza tra i due sub-progetti è
    statisticamente significativa (test del chi quadrato, p < 0,001)' (see ``difference``)."""
    return f"la differenza tra i due sub-progetti {difference(tests, indicator).clause}"


def majority(ind: pd.DataFrame, indicator: str, group: str = "totale") -> str:
    """For sex or citizenship: 'prevalgono le donne (69%)', or 'donne e uomini si equivalgono' at one half."""
    shares = distribution(ind, indicator, group)
    if shares.isna().all():
        return f"{GROUP_IN[group]} non ci sono destinatari"
    top = shares.idxmax()
    if shares[top] > 0.5:
        return f"prevalgono {NOUNS[(indicator, top)]} ({fmt_share(shares[top])})"
    first, second = (BARE[(indicator, code)] for code in shares.index)
    return f"{first} e {second} si equivalgono"


def compare(ind: pd.DataFrame, indicator: str, category: str | None, what: str,
            a: str = "pip", b: str = "laboratorio_sociale") -> str:
    """'la quota di stranieri è più alta nei PIP (33%) che nei Laboratori Sociali (24%)' (or 'più bassa',
    or 'la stessa')."""
    va, vb = value(ind, indicator, a, category), value(ind, indicator, b, category)
    ta, tb = fmt_pair(va, vb)
    if va == vb:
        return f"la quota di {what} è la stessa {GROUP_IN[a]} e {GROUP_IN[b]} ({ta})"
    word = "più alta" if va > vb else "più bassa"
    return f"la quota di {what} è {word} {GROUP_IN[a]} ({ta}) che {GROUP_IN[b]} ({tb})"


def ranked(ind: pd.DataFrame, indicator: str, labels: dict[str, str], group: str = "totale",
           exclude: tuple[str, ...] = ()) -> str:
    """'licenza media inferiore (44%), nessun titolo (20%) … e post-diploma o laurea (3%)': the non-empty
    categories (but ``exclude``) by decreasing share, ties in code order."""
    shares = distribution(ind, indicator, group).drop(list(exclude))
    shares = shares[shares > 0].sort_values(ascending=False, kind="stable")
    items = [f"{_lower(labels[code], indicator)} ({fmt_share(share)})" for code, share in shares.items()]
    return join_it(items)


def interval_phrase(ind: pd.DataFrame, indicator: str, group: str = "totale", category: str | None = None) -> str:
    """'intervallo di confidenza al 95%: 59,8%–66,3%'."""
    row = pick(ind, indicator, group, category)
    return (f"intervallo di confidenza {with_article(fmt_pct(CONFIDENCE, 0), 'al')}: "
            f"{fmt_ci(row['ci_low'], row['ci_high'])}")


def top_phrase(ind: pd.DataFrame, indicator: str, labels: dict[str, str], group: str = "totale") -> str:
    """'36-54 anni (50%)': the category with the largest share, or the tied ones ('A e B (30% ciascuna)')."""
    shares = distribution(ind, indicator, group)
    tied = shares[shares == shares.max()]
    names = join_it(_lower(labels[code], indicator) for code in tied.index)
    return f"{names} ({fmt_share(shares.max())}{' ciascuna' if len(tied) > 1 else ''})"


def shown_age(years: float) -> float:
    """A mean age as the text shows it (``AGE_DECIMALS``, half-up): two ages are 'the same' when these are equal."""
    return round_half_up(years, AGE_DECIMALS)


def mean_age_sentence(ind: pd.DataFrame, tests: pd.DataFrame) -> str:
    """Mean age of PIP against Laboratori Sociali participants, the gap and its tests (one sentence)."""
    pip, lab = (shown_age(value(ind, "mean_age", g)) for g in ("pip", "laboratorio_sociale"))
    opening = (f"In media i destinatari dei PIP hanno {fmt_num(pip, AGE_DECIMALS)} anni e quelli dei Laboratori "
               f"Sociali {fmt_num(lab, AGE_DECIMALS)}")
    if pip == lab:
        return f"{opening}: l'età media è la stessa; {significance(tests, 'age')}."
    word = "più giovani" if pip < lab else "più anziani"
    gap = fmt_num(abs(lab - pip), AGE_DECIMALS)
    return f"{opening}: i primi sono {word} di {gap} anni; {significance(tests, 'age')}."


def vulnerability_phrase(ind: pd.DataFrame, group: str) -> str:
    """'la maggioranza (52%) non presenta condizioni di vulnerabilità', its opposite, or 'metà …'."""
    vulnerable = value(ind, "vulnerable_share", group)
    if vulnerable < 0.5:
        return f"la maggioranza ({fmt_share(1 - vulnerable)}) non presenta condizioni di vulnerabilità"
    if vulnerable > 0.5:
        return f"la maggioranza ({fmt_share(vulnerable)}) presenta almeno una condizione di vulnerabilità"
    return "metà presenta almeno una condizione di vulnerabilità"


def profile_sentence(ind: pd.DataFrame, group: str, labels: dict[str, dict[str, str]]) -> str:
    """The typical participant of a sub-project: prevailing sex and citizenship, most frequent age band,
    vulnerability, most frequent origin area of the foreigners. ``labels`` maps a variable to its labels."""
    prevailing, balanced = [], []
    for indicator in ("sex", "citizenship"):
        phrase = majority(ind, indicator, group)
        if phrase.startswith("prevalgono "):
            prevailing.append(phrase.removeprefix("prevalgono "))
        else:
            balanced.append(phrase)
    opening = GROUP_IN[group][:1].upper() + GROUP_IN[group][1:]
    parts = [f"prevalgono {join_it(prevailing)}"] if prevailing else []
    parts += balanced
    text = (f"{opening} {join_it(parts)}; la fascia d'età più rappresentata è "
            f"{top_phrase(ind, 'age_band', labels['age_band'], group)} e {vulnerability_phrase(ind, group)}.")
    foreign = distribution(ind, "origin_area", group)
    if foreign.notna().any() and foreign.max() > 0:
        text += (" Tra gli stranieri l'area di provenienza più frequente è "
                 f"{top_phrase(ind, 'origin_area', labels['origin_area'], group)}.")
    return text


CONTRASTS = (("sex", "M", "uomini"), ("citizenship", "straniera", "stranieri"),
             ("vulnerable_share", None, "persone con almeno una vulnerabilità"))


def contrast_sentence(ind: pd.DataFrame, a: str = "pip", b: str = "laboratorio_sociale") -> str:
    """How group ``a`` differs from ``b`` in the shares of men, foreigners and vulnerable people and in mean age."""
    higher, lower = [], []
    for indicator, category, what in CONTRASTS:
        va, vb = value(ind, indicator, a, category), value(ind, indicator, b, category)
        ta, tb = fmt_pair(va, vb)
        if va != vb:
            (higher if va > vb else lower).append(f"di {what} ({ta} contro {tb})")
    parts = []
    if higher:
        parts.append(f"è più alta la quota {join_it(higher)}")
    if lower:
        parts.append(f"è più bassa la quota {join_it(lower)}")
    age_a, age_b = (shown_age(value(ind, "mean_age", g)) for g in (a, b))
    if age_a != age_b:
        word = "più bassa" if age_a < age_b else "più alta"
        parts.append(f"l'età media è {word} ({fmt_num(age_a, AGE_DECIMALS)} anni contro "
                     f"{fmt_num(age_b, AGE_DECIMALS)})")
    if not parts:
        return ("I due sub-progetti raggiungono persone con lo stesso profilo per genere, cittadinanza, "
                "vulnerabilità ed età media.")
    return (f"Rispetto ai destinatari {GROUP_OF[b]}, {GROUP_IN[a]} {join_it(parts)}. Se altre indagini lo "
            "confermassero, i due sub-progetti offrirebbero vie diverse di partecipazione a persone con profili "
            "diversi, dentro uno stesso intervento di quartiere.")


def pip_status_sentence(ind: pd.DataFrame) -> str:
    """'Alla data di riferimento risulta concluso il 64,7% dei PIP avviati e in corso il 34,5%; le rinunce
    sono lo 0,8%.' (no withdrawals: 'non si registrano rinunce')."""
    shares = distribution(ind, "pip_status", "pip")
    if shares.isna().all():
        return "Non risultano PIP avviati."
    text = (f"Alla data di riferimento risulta concluso {with_article(fmt_share(shares['concluso'], 1))} dei PIP "
            f"avviati e in corso {with_article(fmt_share(shares['in_corso'], 1))}")
    if shares["rinuncia"] == 0:
        return f"{text}; non si registrano rinunce."
    return f"{text}; le rinunce sono {with_article(fmt_share(shares['rinuncia'], 1))}."


def _sum_of(ind: pd.DataFrame, indicator: str, group: str, categories: tuple[str, ...]) -> float:
    """The summed share of ``categories`` in ``group``; NaN when the group is empty (its shares are NaN)."""
    return float(distribution(ind, indicator, group).reindex(list(categories)).sum(min_count=1))


def pip_entry_sentence(ind: pd.DataFrame) -> str:
    """Whether every PIP participant was unemployed or seeking a first job at entry, as the call required."""
    entitled = _sum_of(ind, "employment_status", "pip", UNEMPLOYED)
    if math.isnan(entitled):
        return "Non risultano destinatari dei PIP."
    if entitled == 1:
        return ("Tutti i destinatari dei PIP erano disoccupati o in cerca di prima occupazione al momento "
                "dell'ingresso, come richiesto per accedere ai percorsi personalizzati.")
    return (f"Tra i destinatari dei PIP {with_article(fmt_share(entitled))} era disoccupato o in cerca di prima "
            f"occupazione al momento dell'ingresso; per il restante {fmt_share(1 - entitled)} la condizione "
            "registrata non corrisponde al requisito di accesso ai percorsi personalizzati e andrebbe verificata.")


def sex_reading(ind: pd.DataFrame) -> str:
    """How the share of men in the PIPs compares with the Laboratori, read as the report reads it."""
    pip, lab = value(ind, "sex", "pip", "M"), value(ind, "sex", "laboratorio_sociale", "M")
    if pip > lab:
        return ("I percorsi personalizzati, legati a una prospettiva concreta di lavoro, coinvolgono gli uomini più "
                "delle attività di comunità dei Laboratori, dove la partecipazione femminile è più forte.")
    return ("Nemmeno i percorsi personalizzati, pur legati a una prospettiva di lavoro, coinvolgono gli uomini più "
            "delle attività di comunità dei Laboratori.")


def citizenship_reading(ind: pd.DataFrame) -> str:
    """Whether foreigners turn to the PIPs more than to the Laboratori."""
    pip, lab = (value(ind, "citizenship", g, "straniera") for g in ("pip", "laboratorio_sociale"))
    if pip > lab:
        return "Gli stranieri si rivolgono dunque più spesso ai percorsi personalizzati di formazione e lavoro."
    return "Gli stranieri non si rivolgono ai percorsi personalizzati più spesso che ai Laboratori."


LOW_EDUCATION = ("nessun_titolo", "licenza_elementare", "licenza_media")


def education_reading(ind: pd.DataFrame) -> str:
    """The share of participants with at most a lower-secondary qualification, and what it says."""
    low = _sum_of(ind, "education", "totale", LOW_EDUCATION)
    if math.isnan(low):
        return "Non risultano destinatari."
    if low > 0.5:
        return (f"La maggioranza dei destinatari ({fmt_share(low)}) ha al massimo la licenza media: una povertà "
                "educativa diffusa, frequente nei contesti di disagio abitativo.")
    return (f"I destinatari con al massimo la licenza media sono {with_article(fmt_share(low))}: la maggioranza ha "
            "almeno un diploma.")


def disadvantage_recording_sentence(ind: pd.DataFrame, labels: dict[str, str]) -> str:
    """What the disadvantage code cannot tell: one condition per person (the main one) and, when used, a
    residual category that does not say which condition it is (``labels``: the labels of disadvantage)."""
    residual = value(ind, "disadvantage", "totale", "altro")
    advice = ("una registrazione più completa all'ingresso renderebbe questi dati più utili per calibrare gli "
              "interventi sui bisogni dei diversi gruppi, come raccomanda anche il rapporto pubblicato.")
    if residual > 0:
        return (f"La voce «{_lower(labels['altro'], 'disadvantage')}», che non dice di quale condizione si tratti, "
                f"riguarda {with_article(fmt_share(residual))} dei destinatari, e per ogni persona è registrata una "
                f"sola condizione, la principale: {advice}")
    return f"Per ogni persona è registrata una sola condizione di svantaggio, la principale: {advice}"


NOT_SEEKING = ("inattivo", "studente", "occupato", "pensionato")


def lab_employment_sentence(ind: pd.DataFrame) -> str:
    """The share of Laboratori participants who were not looking for a job at entry."""
    share = _sum_of(ind, "employment_status", "laboratorio_sociale", NOT_SEEKING)
    if math.isnan(share):
        return "Non risultano destinatari dei Laboratori Sociali."
    if share == 0:
        return "Tutti i destinatari dei Laboratori Sociali cercavano lavoro al momento dell'ingresso."
    return (f"Non cercava lavoro {with_article(fmt_share(share))} dei destinatari dei Laboratori Sociali (inattivi, "
            "studenti, occupati e pensionati): il Laboratorio raggiunge anche persone che non chiedono un aiuto a "
            "trovare lavoro.")


# --- Tables -------------------------------------------------------------------------------------------

def _with_headings(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    """A display table whose first field groups the rows: each new group opens with a bold heading row."""
    out, current = [], None
    for group, *cells in rows:
        if group != current:
            out.append([f"**{group}**"] + [""] * (len(columns) - 1))
            current = group
        out.append(cells)
    return pd.DataFrame(out, columns=columns)


def definitions_table() -> pd.DataFrame:
    """The indicators of section 3.1 under their dimension of analysis, with unit and how they are computed."""
    return _with_headings(list(DEFINITIONS), ["Indicatore", "Unità di misura", "Come si calcola"])


def summary_table(ind: pd.DataFrame) -> pd.DataFrame:
    """Tabella 3.1: projects and participants (distinct people), by sub-project and in both."""
    rows = [("Progetti integrati", value(ind, "projects")),
            ("Destinatari dei progetti integrati (persone distinte)", value(ind, "participants")),
            ("di cui destinatari dei Laboratori Sociali (Azione 9.4.2)",
             value(ind, "participants", "laboratorio_sociale")),
            ("di cui destinatari dei Piani di Intervento Personalizzati (Azione 9.1.3)",
             value(ind, "participants", "pip")),
            ("di cui destinatari di entrambi i sub-progetti", value(ind, "participants", "entrambi"))]
    return pd.DataFrame(rows, columns=["Indicatore", "Valore"]).astype({"Valore": int})


EFFECTIVENESS, LESSONS = "Efficacia dell'intervento", "Lezioni apprese"
RESULTS = ((EFFECTIVENESS, "Destinatari con un PIP sul totale dei destinatari", "pip_share", "totale", None),
           (EFFECTIVENESS, "PIP conclusi sul totale dei PIP avviati", "pip_status", "pip", "concluso"),
           (LESSONS, "Destinatari vulnerabili sul totale dei destinatari", "vulnerable_share", "totale", None),
           (LESSONS, "Età media dei destinatari dei PIP", "mean_age", "pip", None),
           (LESSONS, "Età media dei destinatari dei Laboratori Sociali", "mean_age", "laboratorio_sociale", None))


def interval_header() -> str:
    """'IC 95%': the column header of confidence intervals (explained in the table's notes)."""
    return f"IC {fmt_pct(CONFIDENCE, 0)}"


def results_table(ind: pd.DataFrame) -> pd.DataFrame:
    """Tabella 3.2: effectiveness and lessons-learnt indicators under their dimension, with their base and
    Wilson interval (display text)."""
    rows = []
    for dimension, name, indicator, group, category in RESULTS:
        row = pick(ind, indicator, group, category)
        share = row["unit"] == "share"
        rows.append((dimension, name,
                     fmt_share(row["value"], 1) if share else f"{fmt_num(row['value'], 1)} anni",
                     fmt_int(row["denominator"]),
                     fmt_ci(row["ci_low"], row["ci_high"]) if share else "–"))
    return _with_headings(rows, ["Indicatore", "Valore", "Base", interval_header()])


def esf_table(esf: pd.DataFrame, esf_reference: pd.DataFrame, group_labels: dict[str, str]) -> pd.DataFrame:
    """ESF common output indicators: code with its Italian label, and 'count (share)' for each group."""
    names = esf_reference.set_index("code")["label_it"]
    cells = esf.assign(text=[f"{fmt_int(k)} ({fmt_share(v, 1)})" for k, v in zip(esf["numerator"], esf["value"])])
    wide = cells.pivot(index="code", columns="group", values="text")[list(SUBGROUPS)]
    table = pd.DataFrame({"Indicatore": [f"{c} {names[c][:1].lower()}{names[c][1:]}" for c in wide.index]})
    for group in SUBGROUPS:
        table[group_labels[group]] = wide[group].to_numpy()
    return table.reset_index(drop=True)


def monitoring_source(as_of, synthetic: bool) -> str:
    """The monitoring data as a source, for 'Fonte:' lines (``curated.citations.source_line``, ``cite``):
    'dati di monitoraggio dei progetti integrati al 30 novembre 2020 (dati sintetici)'."""
    text = f"dati di monitoraggio dei progetti integrati {date_with(as_of, 'al')}"
    return f"{text} (dati sintetici)" if synthetic else text


# What the monitoring data lack for each ESF output indicator on participants that they cannot give.
UNRECORDED = {"CO02": "la durata della disoccupazione", "CO12": "la composizione del nucleo familiare",
              "CO13": "la composizione del nucleo familiare", "CO14": "la composizione del nucleo familiare",
              "CO18": "la condizione abitativa", "CO19": "la residenza in aree rurali"}
MERGED_EDUCATION = ("CO10", "CO11")  # 'post_diploma_laurea' spans ISCED 4 (CO10) and 5-8 (CO11)


def _codes(codes: list[str]) -> str:
    return f"({join_it(codes)})"


def esf_missing_sentence(esf: pd.DataFrame, esf_reference: pd.DataFrame) -> str:
    """Which ESF output indicators on participants the monitoring data cannot give, each with its reason."""
    wanted = esf_reference[(esf_reference["type"] == "output") & (esf_reference["unit"] == "participants")]["code"]
    missing = [code for code in wanted if code not in set(esf["code"])]
    if not missing:
        return "Tutti gli indicatori comuni di output sui partecipanti sono calcolabili."
    lacking: dict[str, list[str]] = {}
    for code in missing:
        if code in UNRECORDED:
            lacking.setdefault(UNRECORDED[code], []).append(code)
    items = [f"{what} {_codes(codes)}" for what, codes in lacking.items()]
    reasons = []
    if items:
        listed = items[0] if len(items) == 1 else f"{', '.join(items[:-1])} né {items[-1]}"
        reasons.append(f"i dati non registrano {listed}")
    merged = [code for code in missing if code in MERGED_EDUCATION]
    if merged:
        reasons.append("il codice «post-diploma o laurea» unisce livelli di istruzione che il FSE tiene distinti "
                       f"{_codes(merged)}")
    other = [code for code in missing if code not in UNRECORDED and code not in MERGED_EDUCATION]
    if other:
        reasons.append(f"per {join_it(other)} i dati di monitoraggio non hanno le informazioni necessarie")
    return f"Non sono calcolabili {join_it(missing)}: {'; '.join(reasons)}."


# --- Chart frames -------------------------------------------------------------------------------------

def group_colours(group_labels: dict[str, str]) -> dict[str, str]:
    """The colour of each group label: the same group has the same colour in every figure."""
    return {group_labels[g]: PALETTE[i] for i, g in enumerate(SUBGROUPS)}


def share_frame(ind: pd.DataFrame, indicator: str, category_labels: dict[str, str], group_labels: dict[str, str],
                groups: tuple[str, ...] = SUBGROUPS) -> pd.DataFrame:
    """The rows of ``indicator`` for ``groups`` as chart input: Italian ``category`` and ``group`` labels in
    display order, ``value``, ``ci_low``, ``ci_high``, ``numerator``, ``denominator``; categories empty in
    every group are left out."""
    rows = ind[(ind["indicator"] == indicator) & ind["group"].isin(groups)].copy()
    counts = rows.groupby("category")["numerator"].sum()
    rows = rows[rows["category"].map(counts) > 0]
    order = {code: i for i, code in enumerate(category_labels)}
    rows["_order"] = rows["category"].map(order)
    rows["_group"] = rows["group"].map({g: i for i, g in enumerate(groups)})
    rows = rows.sort_values(["_order", "_group"])
    return pd.DataFrame({
        "code": rows["category"].astype(str).to_numpy(),
        "group_code": rows["group"].to_numpy(),
        "category": rows["category"].map(category_labels).to_numpy(),
        "group": rows["group"].map(group_labels).to_numpy(),
        "value": rows["value"].to_numpy(), "ci_low": rows["ci_low"].to_numpy(), "ci_high": rows["ci_high"].to_numpy(),
        "numerator": rows["numerator"].to_numpy(), "denominator": rows["denominator"].to_numpy(),
    })


def mean_age_frame(ind: pd.DataFrame, group_labels: dict[str, str]) -> pd.DataFrame:
    """Mean age by group for the chart: ``group`` (label) and ``value`` (years), total first."""
    return pd.DataFrame({"group": [group_labels[g] for g in SUBGROUPS],
                         "value": [value(ind, "mean_age", g) for g in SUBGROUPS]})


def province_frame(ind: pd.DataFrame, province_names: dict[str, str], group_labels: dict[str, str],
                   threshold: int) -> pd.DataFrame:
    """``share_frame`` of the province of residence, provinces by decreasing number of participants, with
    ``hidden`` True where disclosure control suppresses the count (and so its share and interval)."""
    rows = ind[(ind["indicator"] == "province") & (ind["group"] == "totale")]
    order = rows.sort_values("numerator", ascending=False, kind="stable")["category"].astype(str)
    frame = share_frame(ind, "province", {code: province_names[code] for code in order}, group_labels)
    counts = frame.pivot(index="group_code", columns="code", values="numerator").astype(int)
    mask = suppression_mask(counts, threshold)
    frame["hidden"] = [bool(mask.loc[g, c]) for g, c in zip(frame["group_code"], frame["code"])]
    return frame


def suppression_sentence(frame: pd.DataFrame, threshold: int) -> str:
    """The disclosure note when a cell of ``frame`` is hidden, else a sentence saying none had to be."""
    if frame["hidden"].any():
        return disclosure_note(threshold)
    return (f"Nessun valore è inferiore alla soglia di riservatezza di {fmt_int(threshold)} persone: non è stato "
            "necessario oscurare alcun dato.")


def _places(names: list[str]) -> str:
    return f"nella provincia di {names[0]}" if len(names) == 1 else f"nelle province di {join_it(names)}"


def province_sentence(frame: pd.DataFrame, a: str = "pip", b: str = "laboratorio_sociale") -> str:
    """The most frequent province of residence and where ``a`` has a higher or lower share of residents
    than ``b``; hidden cells are never used."""
    shown = frame[~frame["hidden"]]
    total = shown[shown["group_code"] == "totale"].sort_values("value", ascending=False, kind="stable")
    text = ""
    if not total.empty:
        top = total.iloc[0]
        text = (f"La provincia di residenza più frequente è {top['category']} "
                f"({fmt_share(top['value'])} dei destinatari).")
    wide = shown.pivot(index="category", columns="group_code", values="value").reindex(columns=[a, b]).dropna()
    more = sorted(wide.index[wide[a] > wide[b]])
    less = sorted(wide.index[wide[a] < wide[b]])
    parts = []
    if more:
        parts.append(f"più alta {_places(more)}")
    if less:
        parts.append(f"più bassa {_places(less)}")
    if parts:
        text += (f" Rispetto ai destinatari {GROUP_OF[b]}, quelli {GROUP_OF[a]} hanno una quota di residenti "
                 f"{join_it(parts)}.")
    return text.strip()

