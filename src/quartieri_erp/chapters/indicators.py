"""Chapter 3: tables and chart frames of the participants' indicators, and the Italian sentences that read them.

Every function works on the aggregate tables of ``quartieri_erp.indicators.IndicatorSet`` (the long
``indicators`` table, ``tests``, ``esf``), never on participant rows. Sentences say only what the numbers
show: a category "prevale" only above one half, a share is "più alta" only when it is higher, and a
difference between the sub-projects is called significant only when every test of it has p < ``ALPHA``.
"""

from __future__ import annotations

import math

import pandas as pd

from quartieri_erp.chapters.programme import (  # noqa: F401  (the call's lists, shown in § 3.2 as in the original)
    CALL_BENEFITS,
    CALL_OBJECTIVES,
    call_list_markdown,
    call_list_rows,
)
from quartieri_erp.chapters.readings import (  # noqa: F401  (shared with other chapters)
    AGE_DECIMALS,
    ALPHA,
    CONFIDENCE,
    GROUP_IN,
    LABELS_SOURCE,
    MIN_EXPECTED,
    MONITORING_REF,
    NOT_SIGNIFICANT,
    PUBLISHED_COLUMNS,
    SIGNIFICANT,
    TEST_NAMES,
    UNCERTAIN,
    UNTESTABLE,
    VERDICT_WORDS,
    Difference,
    Reconciled,
    _reconciled,
    as_published,
    difference,
    fmt_p,
    fmt_value,
    labelled,
    monitoring_source,
    pick,
    published_reference,
    shown_age,
    sourced_value,
    value,
    with_published,
)
from quartieri_erp.chapters.wording import join_it, with_article
from quartieri_erp.indicators.core import SUBGROUPS
from quartieri_erp.indicators.disclosure import COMPLEMENTARY_MARK, SHOWN, mark, notes_md, protect, sums_to
from quartieri_erp.indicators.intervals import wilson_interval
from quartieri_erp.presentation.figure_style import PALETTE
from quartieri_erp.presentation.formatting import fmt_int, fmt_num, fmt_pct, fmt_share
from quartieri_erp.presentation.markup import Md, escape, visible
from quartieri_erp.presentation.provenance import Sourced, curated, derived, monitoring, source_of

GROUP_OF = {"totale": "di tutti i destinatari", "laboratorio_sociale": "dei Laboratori Sociali", "pip": "dei PIP"}
NOUNS = {
    ("sex", "F"): "le donne",
    ("sex", "M"): "gli uomini",
    ("citizenship", "italiana"): "i cittadini italiani",
    ("citizenship", "straniera"): "i cittadini stranieri",
}
BARE = {
    ("sex", "F"): "donne",
    ("sex", "M"): "uomini",
    ("citizenship", "italiana"): "italiani",
    ("citizenship", "straniera"): "stranieri",
}
LOWER_CASE = ("age_band", "education", "disadvantage", "employment_status", "pip_status")
UNEMPLOYED = ("disoccupato", "prima_occupazione")  # the condition of entry to a PIP (report 000, footnote 45)

# The indicator boxes of section 3.1 of the report (lines 599-617), with how each is computed here.
DEFINITIONS = (
    (
        "Implementazione della policy",
        "Progetti integrati",
        "Numero",
        "Progetti finanziati dall'avviso presenti nei dati di monitoraggio",
    ),
    (
        "Implementazione della policy",
        "Destinatari dei progetti integrati",
        "Numero",
        "Persone distinte iscritte ad almeno uno dei due sub-progetti",
    ),
    (
        "Implementazione della policy",
        "Destinatari dei Laboratori Sociali (Azione 9.4.2)",
        "Numero",
        "Persone iscritte al sub-progetto Laboratorio Sociale",
    ),
    (
        "Implementazione della policy",
        "Destinatari dei Piani di Intervento Personalizzati (Azione 9.1.3)",
        "Numero",
        "Persone con un PIP avviato",
    ),
    (
        "Efficacia dell'intervento",
        "Destinatari con un PIP sul totale",
        "Percentuale",
        "Destinatari dei PIP divisi per i destinatari dei progetti integrati",
    ),
    (
        "Efficacia dell'intervento",
        "PIP conclusi sul totale",
        "Percentuale",
        "PIP in stato «concluso» alla data di riferimento divisi per i PIP avviati",
    ),
    (
        "Lezioni apprese",
        "Capacità di raggiungere soggetti vulnerabili",
        "Percentuale",
        "Destinatari con una condizione di svantaggio registrata all'ingresso divisi per i destinatari",
    ),
    (
        "Lezioni apprese",
        "Età media dei destinatari",
        "Anni",
        "Media dell'età all'ingresso, in anni compiuti, per sub-progetto",
    ),
)


# --- Reading the indicator table, with the provenance of each value ----------------------------------------


def count(ind: pd.DataFrame, indicator: str, group: str = "totale", category: str | None = None) -> Sourced:
    """The number of people behind one share row (its numerator), sourced like ``value``."""
    return sourced_value(pick(ind, indicator, group, category), "numerator")


def is_reconciled(v) -> bool:
    """True for a value equal to a published one (``Reconciled``) or computed only from published values."""
    source = source_of(v)
    return isinstance(v, Reconciled) or (source is not None and source.kind in ("published", "derived"))


def distribution(ind: pd.DataFrame, indicator: str, group: str = "totale") -> pd.Series:
    """Shares of the categories of ``indicator`` in ``group`` (category code -> share), in code order."""
    rows = ind[(ind["indicator"] == indicator) & (ind["group"] == group)]
    return pd.Series(rows["value"].to_numpy(dtype=float), index=rows["category"].astype(str).to_numpy())


def sourced_distribution(
    ind: pd.DataFrame, indicator: str, group: str = "totale", published_only: bool = False
) -> dict[str, Sourced]:
    """Like ``distribution`` with sourced values (``value``); ``published_only`` keeps the reconciled ones."""
    rows = ind[(ind["indicator"] == indicator) & (ind["group"] == group)]
    out = {str(row["category"]): sourced_value(row) for _, row in rows.iterrows()}
    return {k: v for k, v in out.items() if is_reconciled(v)} if published_only else out


# --- Italian number formats for the text (shares: ``formatting.fmt_share``) -------------------------------

METHOD = curated("scelta di metodo di questa edizione")


def fmt_pair(a: float, b: float, decimals: int = 0) -> tuple[str, str]:
    """Two shares with the fewest decimals (from ``decimals``) that keep them apart when they differ; two
    reconciled values are shown at their printed precision."""
    if isinstance(a, Reconciled) and isinstance(b, Reconciled):
        return fmt_value(a), fmt_value(b)
    for places in range(decimals, 4):
        first, second = fmt_share(a, places), fmt_share(b, places)
        if a == b or visible(first) != visible(second):
            break
    return first, second


def fmt_ci(low: float, high: float, decimals: int = 1) -> str:
    """A confidence interval of a share: '59,8%–66,3%'."""
    return f"{fmt_pct(low, decimals)}–{fmt_pct(high, decimals)}"


def _lower(label: str, variable: str) -> Md:
    text = label[:1].lower() + label[1:] if variable in LOWER_CASE else label
    return labelled(text)


def category_list(labels: dict[str, str], variable: str) -> str:
    """'meno di 18 anni, 18-35 anni … e 65 anni e più': the labels of a variable in display order."""
    return join_it(_lower(label, variable) for label in labels.values())


# --- Sentences ----------------------------------------------------------------------------------------


CAUTION_FORMS = (  # {v}: the verdict of ``readings.VERDICT_WORDS`` (feminine, after 'la differenza')
    "la differenza tra i due sub-progetti {v} {d}, ma con frequenze attese molto piccole, da leggere con cautela",
    "la differenza tra i gruppi {v} {d}; alcune frequenze attese sono però così piccole da chiedere prudenza",
    "con la cautela che impongono frequenze attese molto piccole, la distanza tra i sub-progetti {v} {d}",
)
SIGNIFICANCE_FORMS = {
    SIGNIFICANT: (
        "la differenza tra i due sub-progetti è significativa {d}",
        "i due sub-progetti si distinguono in modo non casuale {d}",
        "lo scarto regge alla verifica statistica {d}",
    ),
    NOT_SIGNIFICANT: (
        "la differenza tra i due sub-progetti non è significativa {d}",
        "lo scarto potrebbe dipendere dal caso {d}",
        "i due sub-progetti non si distinguono in modo netto {d}",
    ),
}


def significance(tests: pd.DataFrame, indicator: str, form: int = 0) -> str:
    """Whether the sub-projects differ on ``indicator``, as a clause with its p-value named once: 'la differenza
    tra i due sub-progetti è significativa (p < 0,001)'; ``form`` picks one of several wordings so that the
    chapter does not repeat one frame (see ``difference``)."""
    found = difference(tests, indicator)
    forms = SIGNIFICANCE_FORMS.get(found.verdict)
    if forms is None:
        return f"la differenza tra i due sub-progetti {found.clause}"
    if "cautela" in found.clause:  # a chi-square on sparse tables: the verdict and the warning, in turn
        return CAUTION_FORMS[form % len(CAUTION_FORMS)].format(v=VERDICT_WORDS[found.verdict], d=found.detail)
    return forms[form % len(forms)].format(d=found.detail)


def majority(ind: pd.DataFrame, indicator: str, group: str = "totale") -> str:
    """For sex or citizenship: 'prevalgono le donne (69%)', or 'donne e uomini si equivalgono' at one half."""
    shares = distribution(ind, indicator, group)
    if shares.isna().all():
        return f"{GROUP_IN[group]} non ci sono destinatari"
    top = shares.idxmax()
    if shares[top] > 0.5:
        return f"prevalgono {NOUNS[(indicator, top)]} ({fmt_value(value(ind, indicator, group, top))})"
    first, second = (BARE[(indicator, code)] for code in shares.index)
    return f"{first} e {second} si equivalgono"


COMPARE_FORMS = 3


def compare(
    ind: pd.DataFrame,
    indicator: str,
    category: str | None,
    what: str,
    a: str = "pip",
    b: str = "laboratorio_sociale",
    form: int = 0,
) -> str:
    """How the share of ``what`` differs between ``a`` and ``b``, in one of ``COMPARE_FORMS`` wordings
    (``form``): 'la quota di stranieri è più alta nei PIP (33%) che nei Laboratori Sociali (24%)', 'nei PIP la
    quota di stranieri sale al 33%, contro il 24% nei Laboratori Sociali', 'stranieri: 33% nei PIP, 24% nei
    Laboratori Sociali'; equal shares: 'la stessa'."""
    va, vb = value(ind, indicator, a, category), value(ind, indicator, b, category)
    ta, tb = fmt_pair(va, vb)
    if visible(ta) == visible(tb):
        return f"la quota di {what} è la stessa {GROUP_IN[a]} e {GROUP_IN[b]} ({ta})"
    higher = va > vb
    form %= COMPARE_FORMS
    if form == 1:
        return (
            f"{GROUP_IN[a]} la quota di {what} {'sale' if higher else 'scende'} "
            f"{with_article(ta, 'al')}, contro {with_article(tb)} {GROUP_IN[b]}"
        )
    if form == 2:
        verbs = ("arriva", "si ferma") if higher else ("si ferma", "arriva")
        return (
            f"la quota di {what} {verbs[0]} {with_article(ta, 'al')} tra i destinatari {GROUP_OF[a]} e "
            f"{verbs[1]} {with_article(tb, 'al')} tra quelli {GROUP_OF[b]}"
        )
    return f"la quota di {what} è {'più alta' if higher else 'più bassa'} {GROUP_IN[a]} ({ta}) che {GROUP_IN[b]} ({tb})"


def ranked(
    ind: pd.DataFrame,
    indicator: str,
    labels: dict[str, str],
    group: str = "totale",
    exclude: tuple[str, ...] = (),
    published_only: bool = False,
) -> str:
    """'licenza media inferiore (44%), nessun titolo (20%) … e post-diploma o laurea (3%)': the non-empty
    categories (but ``exclude``) by decreasing share, ties in code order; ``published_only``: only the
    categories whose share equals a published one (at the printed precision)."""
    shares = sourced_distribution(ind, indicator, group, published_only)
    shares = {k: v for k, v in shares.items() if k not in exclude and v > 0}
    order = sorted(shares, key=lambda k: -float(shares[k]))
    return join_it(f"{_lower(labels[code], indicator)} ({fmt_value(shares[code])})" for code in order)


def interval_phrase(
    ind: pd.DataFrame, indicator: str, group: str = "totale", category: str | None = None, synthetic: bool = False
) -> str:
    """'intervallo di confidenza al 95%: 59,8%–66,3%' (``row_interval``: derived from published counts in a
    synthetic edition, '' when they are not published)."""
    low, high = row_interval(pick(ind, indicator, group, category), ind, synthetic)
    if pd.isna(low):
        return ""
    return f"intervallo di confidenza {with_article(fmt_pct(CONFIDENCE, 0, src=METHOD), 'al')}: {fmt_ci(low, high)}"


def row_interval(row: pd.Series, ind: pd.DataFrame, synthetic: bool) -> tuple:
    """The Wilson interval of a share row, sourced: monitoring with real data; in a synthetic edition derived
    from the published count and base when both are published (524 PIP of 830 people), else (nan, nan)."""
    if row["unit"] != "share" or pd.isna(row.get("ci_low")):
        return math.nan, math.nan
    if not synthetic:
        src = monitoring(MONITORING_REF)
        return Sourced(row["ci_low"], src), Sourced(row["ci_high"], src)
    k, n = _published_count(row, ind), _published_base(row, ind)
    if k is None or n is None:
        return math.nan, math.nan
    low, high = wilson_interval(k, n, CONFIDENCE)
    src = derived(f"intervallo di Wilson su valori pubblicati ({_fmt_plain(k)} su {_fmt_plain(n)})")
    return Sourced(float(low), src), Sourced(float(high), src)


def _fmt_plain(n: float) -> str:
    return fmt_int(float(n))


GROUP_BASE = {"pip_share": ("participants", "totale"), "pip_status": ("participants", "pip")}


def _published_count(row: pd.Series, ind: pd.DataFrame) -> float | None:
    if _reconciled(row.get("count_ref", "")):
        return float(row["count_value"])
    if row["indicator"] == "pip_share":
        pip = pick(ind, "participants", "pip")
        return float(pip["published_value"]) if _reconciled(pip.get("published_ref", "")) else None
    return None


def _published_base(row: pd.Series, ind: pd.DataFrame) -> float | None:
    indicator, group = GROUP_BASE.get(row["indicator"], ("participants", row["group"]))
    if row["indicator"] == "origin_area":
        return None
    base = pick(ind, indicator, group)
    return float(base["published_value"]) if _reconciled(base.get("published_ref", "")) else None


def top_phrase(ind: pd.DataFrame, indicator: str, labels: dict[str, str], group: str = "totale") -> str:
    """'quella di 36-54 anni (50%)': the category with the largest share, or the tied ones."""
    shares = distribution(ind, indicator, group)
    tied = shares[shares == shares.max()]
    names = join_it(_lower(labels[code], indicator) for code in tied.index)
    shown = fmt_value(value(ind, indicator, group, tied.index[0]))
    return f"{names} ({shown}{' ciascuna' if len(tied) > 1 else ''})"


def _age(v) -> str:
    return fmt_value(v, AGE_DECIMALS, "years")


def mean_age_sentence(ind: pd.DataFrame, tests: pd.DataFrame, findings: bool = True) -> str:
    """Mean age of PIP against Laboratori Sociali participants, the gap and (``findings``) its tests."""
    pip_v, lab_v = (value(ind, "mean_age", g) for g in ("pip", "laboratorio_sociale"))
    pip, lab = shown_age(pip_v), shown_age(lab_v)
    opening = f"In media i destinatari dei PIP hanno {_age(pip_v)} anni e quelli dei Laboratori Sociali {_age(lab_v)}"
    test = f"; {significance(tests, 'age', 1)}" if findings else ""
    if pip == lab:
        return f"{opening}: l'età media è la stessa{test}."
    word = "più giovani" if pip < lab else "più anziani"
    gap = abs(as_published(lab_v) - as_published(pip_v))
    return f"{opening}: i primi sono {word} di {fmt_num(gap, AGE_DECIMALS)} anni{test}."


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
    text = (
        f"{opening} {join_it(parts)}; la fascia d'età più rappresentata è quella dei "
        f"{top_phrase(ind, 'age_band', labels['age_band'], group)} e {vulnerability_phrase(ind, group)}."
    )
    foreign = distribution(ind, "origin_area", group)
    if foreign.notna().any() and foreign.max() > 0:
        text += (
            " Tra gli stranieri prevale la provenienza da "
            f"{top_phrase(ind, 'origin_area', labels['origin_area'], group)}."
        )
    return text


CONTRASTS = (
    ("sex", "M", "uomini"),
    ("citizenship", "straniera", "stranieri"),
    ("vulnerable_share", None, "persone con almeno una vulnerabilità"),
)


def contrast_sentence(ind: pd.DataFrame, a: str = "pip", b: str = "laboratorio_sociale") -> str:
    """How group ``a`` differs from ``b`` in the shares of men, foreigners and vulnerable people and in mean age."""
    higher, lower = [], []
    for indicator, category, what in CONTRASTS:
        va, vb = value(ind, indicator, a, category), value(ind, indicator, b, category)
        ta, tb = fmt_pair(va, vb)
        if visible(ta) != visible(tb):
            (higher if va > vb else lower).append(f"di {what} ({ta} contro {tb})")
    parts = []
    if higher:
        parts.append(f"cresce la quota {join_it(higher)}")
    if lower:
        parts.append(f"cala la quota {join_it(lower)}")
    va_age, vb_age = (value(ind, "mean_age", g) for g in (a, b))
    if shown_age(va_age) != shown_age(vb_age):
        word = "più bassa" if va_age < vb_age else "più alta"
        parts.append(f"l'età media è {word} ({_age(va_age)} anni contro {_age(vb_age)})")
    if not parts:
        return (
            "I due sub-progetti raggiungono persone con lo stesso profilo per genere, cittadinanza, "
            "vulnerabilità ed età media."
        )
    return (
        f"Rispetto ai destinatari {GROUP_OF[b]}, {GROUP_IN[a]} {join_it(parts)}. Se altre indagini lo "
        "confermassero, i due sub-progetti offrirebbero vie diverse di partecipazione a persone con profili "
        "diversi, dentro uno stesso intervento di quartiere."
    )


def pip_status_sentence(ind: pd.DataFrame) -> str:
    """'Alla data di riferimento risulta concluso il 64,7% dei PIP avviati e in corso il 34,5%; le rinunce
    sono lo 0,8%.' (no withdrawals: 'non si registrano rinunce')."""
    shares = distribution(ind, "pip_status", "pip")
    if shares.isna().all():
        return "Non risultano PIP avviati."
    of = lambda code: fmt_value(value(ind, "pip_status", "pip", code), 1)  # noqa: E731
    text = (
        f"Alla data di riferimento risulta concluso {with_article(of('concluso'))} dei PIP "
        f"avviati e in corso {with_article(of('in_corso'))}"
    )
    if shares["rinuncia"] == 0:
        return f"{text}; non si registrano rinunce."
    return f"{text}; le rinunce sono {with_article(of('rinuncia'))}."


def _sum_of(ind: pd.DataFrame, indicator: str, group: str, categories: tuple[str, ...]) -> float:
    """The summed share of ``categories`` in ``group``; NaN when the group is empty (its shares are NaN). The
    sum of reconciled shares is derived from the published ones."""
    shares = [
        value(ind, indicator, group, c) for c in categories if c in set(distribution(ind, indicator, group).index)
    ]
    if not shares or all(math.isnan(s) for s in shares):
        return math.nan
    if all(isinstance(s, Reconciled) for s in shares):
        return sum((as_published(s) for s in shares[1:]), as_published(shares[0]))
    return sum(shares[1:], shares[0])


def pip_entry_sentence(ind: pd.DataFrame) -> str:
    """Whether every PIP participant was unemployed or seeking a first job at entry, as the call required."""
    entitled = _sum_of(ind, "employment_status", "pip", UNEMPLOYED)
    if math.isnan(entitled):
        return "Non risultano destinatari dei PIP."
    if entitled == 1:
        return (
            "Tutti i destinatari dei PIP erano disoccupati o in cerca di prima occupazione al momento "
            "dell'ingresso, come richiesto per accedere ai percorsi personalizzati."
        )
    return (
        f"Tra i destinatari dei PIP {with_article(fmt_share(entitled))} era disoccupato o in cerca di prima "
        f"occupazione al momento dell'ingresso; per il restante {fmt_share(1 - entitled)} la condizione "
        "registrata non corrisponde al requisito di accesso ai percorsi personalizzati e andrebbe verificata."
    )


def sex_reading(ind: pd.DataFrame) -> str:
    """How the share of men in the PIPs compares with the Laboratori, read as the report reads it."""
    pip, lab = value(ind, "sex", "pip", "M"), value(ind, "sex", "laboratorio_sociale", "M")
    if pip > lab:
        return (
            "Per la portata dell'intervento è un segnale utile: i percorsi personalizzati, legati a una "
            "prospettiva concreta di lavoro, coinvolgono gli uomini più delle attività di comunità dei "
            "Laboratori, dove la partecipazione femminile è più forte."
        )
    return (
        "Nemmeno i percorsi personalizzati, pur legati a una prospettiva di lavoro, coinvolgono gli uomini più "
        "delle attività di comunità dei Laboratori."
    )


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
        return (
            f"La maggioranza dei destinatari ({fmt_share(low)}) ha al massimo la licenza media: una povertà "
            "educativa diffusa, frequente nei contesti di disagio abitativo, che conferma come l'intervento "
            "abbia raggiunto il pubblico a cui era destinato."
        )
    return (
        f"I destinatari con al massimo la licenza media sono {with_article(fmt_share(low))}: la maggioranza ha "
        "almeno un diploma."
    )


def disadvantage_recording_sentence(ind: pd.DataFrame, labels: dict[str, str]) -> str:
    """What the disadvantage code cannot tell: one condition per person (the main one) and, when used, a
    residual category that does not say which condition it is (``labels``: the labels of disadvantage)."""
    residual = value(ind, "disadvantage", "totale", "altro")
    advice = (
        "una registrazione più completa all'ingresso renderebbe questi dati più utili per calibrare gli "
        "interventi sui bisogni dei diversi gruppi, come raccomanda anche il rapporto pubblicato."
    )
    if residual > 0:
        return (
            f"La voce «{_lower(labels['altro'], 'disadvantage')}», che non dice di quale condizione si tratti, "
            f"riguarda {with_article(fmt_value(residual))} dei destinatari, e per ogni persona è registrata una "
            f"sola condizione, la principale: {advice}"
        )
    return f"Per ogni persona è registrata una sola condizione di svantaggio, la principale: {advice}"


NOT_SEEKING = ("inattivo", "studente", "occupato", "pensionato")


def lab_employment_sentence(ind: pd.DataFrame) -> str:
    """The share of Laboratori participants who were not looking for a job at entry."""
    share = _sum_of(ind, "employment_status", "laboratorio_sociale", NOT_SEEKING)
    if math.isnan(share):
        return "Non risultano destinatari dei Laboratori Sociali."
    if share == 0:
        return "Tutti i destinatari dei Laboratori Sociali cercavano lavoro al momento dell'ingresso."
    return (
        f"Non cercava lavoro {with_article(fmt_share(share))} dei destinatari dei Laboratori Sociali (inattivi, "
        "studenti, occupati e pensionati): il Laboratorio raggiunge anche persone che non chiedono un aiuto a "
        "trovare lavoro."
    )


# --- What a synthetic edition shows instead of the findings -------------------------------------------

REAL_DATA = {
    "tests": "le differenze tra chi partecipa solo ai Laboratori e chi solo ai PIP, con il valore p di ogni test",
    "age": "la distribuzione per età di ciascun sub-progetto e la verifica statistica delle differenze",
    "sex": "la verifica statistica della differenza di genere tra i due sub-progetti",
    "citizenship": "le quote delle singole aree di provenienza in ciascun sub-progetto e la verifica statistica "
    "delle differenze",
    "education": "la distribuzione per titolo di studio di ciascun sub-progetto e la verifica statistica delle "
    "differenze",
    "disadvantage": "la distribuzione per condizione di svantaggio di ciascun sub-progetto e la verifica "
    "statistica delle differenze",
    "employment": "la condizione occupazionale all'ingresso dei destinatari dei PIP, da confrontare con il "
    "requisito di accesso",
    "province": "la quota di residenti di ciascuna provincia, per sub-progetto, con i valori piccoli oscurati",
    "vulnerable": "la quota di persone vulnerabili in ciascun sub-progetto e l'età media di tutti i destinatari, "
    "con la verifica statistica delle differenze di età",
    "profiles": "il profilo tipo dei destinatari di ciascun sub-progetto e il loro confronto",
    "esf": "gli indicatori comuni di output del Fondo sociale europeo per sub-progetto",
}


def real_data_note(topic: str) -> str:
    """The short note that replaces, in a synthetic edition, an analysis that only real monitoring data can
    give: what the section shows when it runs on them."""
    return (
        f"*Con i dati reali di monitoraggio questa parte mostra anche {REAL_DATA[topic]}. In questa edizione i "
        "dati sono sintetici e si riportano solo i valori che coincidono con quelli pubblicati.*"
    )


def targeting_words(none_share: float) -> str:
    """Who among the people reached has a registered vulnerability, from the share with none: 'la maggior
    parte delle persone raggiunte' (below one half), 'metà delle persone raggiunte', 'una minoranza …'."""
    if none_share < 0.5:
        return "la maggior parte delle persone raggiunte"
    return "metà delle persone raggiunte" if none_share == 0.5 else "una minoranza delle persone raggiunte"


def section_text(topic: str, ind: pd.DataFrame, tests: pd.DataFrame, labels: dict, findings: bool) -> str:
    """The commentary of one subsection of §3.3 (``topic``: age, sex, citizenship, education, disadvantage,
    employment): the full reading with real data (or ``findings``), else only the published values it can
    quote and ``real_data_note``."""
    ranked_ = lambda indicator, group="totale", exclude=(): ranked(  # noqa: E731
        ind, indicator, labels[indicator], group, exclude, published_only=not findings
    )
    cap = lambda text: text[:1].upper() + text[1:]  # noqa: E731
    if topic == "age":
        head = (
            f"Per età i destinatari si distribuiscono così: {ranked_('age_band')} (@fig-eta). La fascia "
            "centrale, quella di chi è nel pieno dell'età lavorativa, è la più ampia: l'intervento raggiunge "
            "soprattutto adulti, che sono il pubblico dei percorsi verso il lavoro."
        )
        if not findings:
            return f"{head}\n\n{real_data_note('age')}"
        return (
            f"{head} Tra i due sub-progetti "
            f"{compare(ind, 'age_band', '65+', 'persone di ' + _lower(labels['age_band']['65+'], 'age_band'))},"
            f" mentre {compare(ind, 'age_band', '18-35', 'persone di ' + labelled(labels['age_band']['18-35']), form=1)}"
            f"; {significance(tests, 'age_band', 0)}. I PIP erano rivolti a disoccupati in età da lavoro, "
            "mentre le attività dei Laboratori, come la gestione condivisa di spazi, orti ed eventi, sono "
            "aperte anche a chi il lavoro lo ha lasciato."
        )
    if topic == "sex":
        text = f"Nel complesso {majority(ind, 'sex')} (@fig-genere). {cap(compare(ind, 'sex', 'M', 'uomini', form=1))}"
        if not findings:
            return f"{text}. {sex_reading(ind)}\n\n{real_data_note('sex')}"
        return f"{text}: {significance(tests, 'sex', 1)}. {sex_reading(ind)}"
    if topic == "citizenship":
        foreign = count(ind, "citizenship", "totale", "straniera")
        text = (
            f"Nel complesso {majority(ind, 'citizenship')}; i destinatari stranieri sono {fmt_int(foreign)}, "
            f"{with_article(fmt_value(value(ind, 'citizenship', 'totale', 'straniera')))} del totale "
            "(@fig-cittadinanza). Non è possibile verificare se la composizione rispecchi quella della "
            "popolazione dei quartieri, perché il dato non è disponibile. "
            f"{cap(compare(ind, 'citizenship', 'straniera', 'stranieri', form=2))}"
        )
        text += "." if not findings else f": {significance(tests, 'citizenship', 2)}."
        text += (
            f" {citizenship_reading(ind)}\n\nTra gli stranieri (@fig-provenienza) le aree di provenienza "
            f"sono, in ordine: {ranked_('origin_area')}. Per l'area più rappresentata, "
            f"{compare(ind, 'origin_area', 'maghreb_vicino_oriente', 'provenienti dal Maghreb e dal Vicino Oriente')}"
        )
        if not findings:
            return (
                f"{text}. Le quote della figura sono calcolate sui soli destinatari stranieri di ciascun gruppo."
                f"\n\n{real_data_note('citizenship')}"
            )
        return (
            f"{text}; Europa orientale e Asia pesano invece di più nei Laboratori "
            f"({compare(ind, 'origin_area', 'europa_orientale', 'provenienti dall’Europa orientale', a='laboratorio_sociale', b='pip', form=2)}; "
            f"{compare(ind, 'origin_area', 'asia', 'provenienti dall’Asia', a='laboratorio_sociale', b='pip', form=2)}). "
            f"Sull'area di provenienza nel suo insieme {significance(tests, 'origin_area', 0)}. Le quote della "
            "figura sono calcolate sui soli destinatari stranieri di ciascun gruppo."
        )
    if topic == "education":
        text = (
            f"Per titolo di studio i destinatari si distribuiscono così: {ranked_('education')} "
            f"(@fig-istruzione). {education_reading(ind)}"
        )
        if not findings:
            return f"{text}\n\n{real_data_note('education')}"
        return (
            f"{text} Quanto alle persone più istruite, di solito meno toccate dai percorsi di inclusione, "
            f"{compare(ind, 'education', 'post_diploma_laurea', 'laureati o con titolo post-diploma', a='laboratorio_sociale', b='pip', form=1)}"
            f"; sulla distribuzione per titolo di studio nel suo insieme {significance(tests, 'education', 1)}."
        )
    if topic == "disadvantage":
        text = (
            f"Per {with_article(fmt_value(value(ind, 'disadvantage', 'totale', 'nessuna')))} dei destinatari "
            "non è registrata alcuna condizione di vulnerabilità (@fig-svantaggio); le altre condizioni sono, "
            f"in ordine: {ranked_('disadvantage', exclude=('nessuna',))}. Per la domanda sul targeting è il "
            f"dato decisivo: {targeting_words(value(ind, 'disadvantage', 'totale', 'nessuna'))} porta almeno "
            "una fragilità registrata all'ingresso."
        )
        if findings:
            text += (
                f" {cap(compare(ind, 'disadvantage', 'disabilita', 'persone con disabilità', a='laboratorio_sociale', b='pip', form=2))}, "
                f"mentre {compare(ind, 'disadvantage', 'migrante', 'migranti o cittadini stranieri', form=0)}; "
                f"{significance(tests, 'disadvantage', 2)}."
            )
        text += f"\n\n{disadvantage_recording_sentence(ind, labels['disadvantage'])}"
        return text if findings else f"{text}\n\n{real_data_note('disadvantage')}"
    if topic == "employment":
        entry = pip_entry_sentence(ind) if findings else ""
        text = (
            "La condizione occupazionale all'ingresso conta soprattutto per i Laboratori Sociali: per accedere "
            f"a un PIP bisognava essere disoccupati. {entry} Tra i destinatari dei Laboratori (@fig-occupazione) "
            f"le condizioni sono, in ordine: {ranked_('employment_status', 'laboratorio_sociale')}. "
            f"{lab_employment_sentence(ind)} Poiché il passaggio dal Laboratorio a un percorso personalizzato "
            "richiede la disoccupazione, la quota di disoccupati e di persone in cerca di prima occupazione "
            "misura anche il bacino dei possibili PIP."
        )
        text = " ".join(text.split("  "))
        return text if findings else f"{text}\n\n{real_data_note('employment')}"
    raise KeyError(topic)


# --- Tables -------------------------------------------------------------------------------------------


def _with_headings(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    """A display table whose first field groups the rows: each new group opens with a bold heading row."""
    out, current = [], None
    for group, *cells in rows:
        if group != current:
            out.append([Md(f"**{escape(group)}**")] + [""] * (len(columns) - 1))
            current = group
        out.append(cells)
    return pd.DataFrame(out, columns=columns, dtype=object)  # object keeps ``Md`` cells (pandas would make str)


def definitions_table() -> pd.DataFrame:
    """The indicators of section 3.1 under their dimension of analysis, with unit and how they are computed."""
    return _with_headings(list(DEFINITIONS), ["Indicatore", "Unità di misura", "Come si calcola"])


def summary_table(ind: pd.DataFrame) -> pd.DataFrame:
    """Tabella 3.1: projects and participants (distinct people), by sub-project and in both; values as sourced
    display text (``Md``)."""
    rows = [
        ("Progetti integrati", value(ind, "projects")),
        ("Destinatari dei progetti integrati (persone distinte)", value(ind, "participants")),
        ("di cui destinatari dei Laboratori Sociali (Azione 9.4.2)", value(ind, "participants", "laboratorio_sociale")),
        ("di cui destinatari dei Piani di Intervento Personalizzati (Azione 9.1.3)", value(ind, "participants", "pip")),
        ("di cui destinatari di entrambi i sub-progetti", value(ind, "participants", "entrambi")),
    ]
    return pd.DataFrame([(name, Md(fmt_int(v))) for name, v in rows], columns=["Indicatore", "Valore"], dtype=object)


EFFECTIVENESS, LESSONS = "Efficacia dell'intervento", "Lezioni apprese"
RESULTS = (
    (EFFECTIVENESS, "Destinatari con un PIP sul totale dei destinatari", "pip_share", "totale", None),
    (EFFECTIVENESS, "PIP conclusi sul totale dei PIP avviati", "pip_status", "pip", "concluso"),
    (LESSONS, "Destinatari vulnerabili sul totale dei destinatari", "vulnerable_share", "totale", None),
    (LESSONS, "Età media dei destinatari dei PIP", "mean_age", "pip", None),
    (LESSONS, "Età media dei destinatari dei Laboratori Sociali", "mean_age", "laboratorio_sociale", None),
)
BASES = {"pip_share": ("participants", "totale"), "pip_status": ("participants", "pip")}


def interval_header() -> str:
    """'IC 95%': the column header of confidence intervals (explained in the table's notes)."""
    return f"IC {fmt_pct(CONFIDENCE, 0)}"


def results_table(ind: pd.DataFrame, synthetic: bool = False) -> pd.DataFrame:
    """Tabella 3.2: effectiveness and lessons-learnt indicators under their dimension, with their base and
    Wilson interval (sourced display text; in a synthetic edition an interval only where it derives from
    published counts, ``row_interval``)."""
    rows = []
    for dimension, name, indicator, group, category in RESULTS:
        row = pick(ind, indicator, group, category)
        v = sourced_value(row)
        share = row["unit"] == "share"
        base = value(ind, *BASES.get(indicator, ("participants", group)))
        low, high = row_interval(row, ind, synthetic)
        rows.append(
            (
                dimension,
                name,
                Md(fmt_value(v, 1)) if share else Md(f"{fmt_value(v, 1, 'years')} anni"),
                Md(fmt_int(base)),
                Md(fmt_ci(low, high)) if share and pd.notna(low) else "–",
            )
        )
    return _with_headings(rows, ["Indicatore", "Valore", "Base", interval_header()])


ILLUSTRATIVE_ROW = "**ILLUSTRATIVO — dati sintetici**"


def with_mark(table: pd.DataFrame, marked: bool) -> pd.DataFrame:
    """``table`` with a first row carrying the visible mark ``chapter.ILLUSTRATIVE`` when ``marked``
    (synthetic data shown for demonstration), else unchanged."""
    if not marked:
        return table
    first = pd.DataFrame(
        [[Md(ILLUSTRATIVE_ROW)] + [""] * (len(table.columns) - 1)], columns=table.columns, dtype=object
    )
    return pd.concat([first, table.astype(object)], ignore_index=True)


def esf_table(esf: pd.DataFrame, esf_reference: pd.DataFrame, group_labels: dict[str, str]) -> pd.DataFrame:
    """ESF common output indicators: code with its Italian label, and 'count (share)' for each group."""
    names = esf_reference.set_index("code")["label_it"]
    src = monitoring(MONITORING_REF)
    cells = esf.assign(
        text=[Md(f"{fmt_int(k, src=src)} ({fmt_share(v, 1, src=src)})") for k, v in zip(esf["numerator"], esf["value"])]
    )
    wide = cells.pivot(index="code", columns="group", values="text")[list(SUBGROUPS)]
    table = pd.DataFrame(
        {"Indicatore": [escape(f"{c} {names[c][:1].lower()}{names[c][1:]}") for c in wide.index]}, dtype=object
    )
    for group in SUBGROUPS:
        table[group_labels[group]] = pd.Series([Md(text) for text in wide[group]], dtype=object)
    return table.reset_index(drop=True)


# What the monitoring data lack for each ESF output indicator on participants that they cannot give.
UNRECORDED = {
    "CO02": "la durata della disoccupazione",
    "CO12": "la composizione del nucleo familiare",
    "CO13": "la composizione del nucleo familiare",
    "CO14": "la composizione del nucleo familiare",
    "CO18": "la condizione abitativa",
    "CO19": "la residenza in aree rurali",
}
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
        reasons.append(
            f"il codice «post-diploma o laurea» unisce livelli di istruzione che il FSE tiene distinti {_codes(merged)}"
        )
    other = [code for code in missing if code not in UNRECORDED and code not in MERGED_EDUCATION]
    if other:
        reasons.append(f"per {join_it(other)} i dati di monitoraggio non hanno le informazioni necessarie")
    return f"Non sono calcolabili {join_it(missing)}: {'; '.join(reasons)}."


# --- Chart frames -------------------------------------------------------------------------------------


def group_colours(group_labels: dict[str, str]) -> dict[str, str]:
    """The colour of each group label: the same group has the same colour in every figure."""
    return {group_labels[g]: PALETTE[i] for i, g in enumerate(SUBGROUPS)}


def share_frame(
    ind: pd.DataFrame,
    indicator: str,
    category_labels: dict[str, str],
    group_labels: dict[str, str],
    groups: tuple[str, ...] = SUBGROUPS,
    synthetic: bool = False,
) -> pd.DataFrame:
    """The rows of ``indicator`` for ``groups`` as chart input: Italian ``category`` and ``group`` labels in
    display order, ``value``, ``ci_low``, ``ci_high``, ``numerator``, ``denominator`` and ``decimals`` (the
    printed precision of a reconciled share, else NaN); categories empty in every group are left out.

    ``synthetic``: only the rows whose value equals a published one, with an interval only where it derives
    from published counts (``row_interval``)."""
    rows = ind[(ind["indicator"] == indicator) & ind["group"].isin(groups)].copy()
    counts = rows.groupby("category")["numerator"].sum()
    rows = rows[rows["category"].map(counts) > 0]
    if "published_ref" not in rows:
        rows["published_ref"], rows["published_decimals"] = "", math.nan
    if synthetic:
        rows = rows[rows["published_ref"].fillna("").astype(str) != ""]
        intervals = [row_interval(row, ind, True) for _, row in rows.iterrows()]
        rows["ci_low"] = [float(low) for low, _ in intervals]
        rows["ci_high"] = [float(high) for _, high in intervals]
    order = {code: i for i, code in enumerate(category_labels)}
    rows["_order"] = rows["category"].map(order)
    rows["_group"] = rows["group"].map({g: i for i, g in enumerate(groups)})
    rows = rows.sort_values(["_order", "_group"])
    decimals = [
        float(d) if ref else math.nan for ref, d in zip(rows["published_ref"].fillna(""), rows["published_decimals"])
    ]
    return pd.DataFrame(
        {
            "code": rows["category"].astype(str).to_numpy(),
            "group_code": rows["group"].to_numpy(),
            "category": rows["category"].map(category_labels).to_numpy(),
            "group": rows["group"].map(group_labels).to_numpy(),
            "value": rows["value"].to_numpy(dtype=float),
            "ci_low": rows["ci_low"].to_numpy(dtype=float),
            "ci_high": rows["ci_high"].to_numpy(dtype=float),
            "numerator": rows["numerator"].to_numpy(),
            "denominator": rows["denominator"].to_numpy(),
            "decimals": decimals,
            "ref": rows["published_ref"].fillna("").astype(str).to_numpy(),
        }
    )


def frame_share(row: pd.Series) -> str:
    """The share of a chart-frame row for the text: at the printed precision and reconciled when it equals a
    published value, else monitoring (``fmt_share``)."""
    ref = row.get("ref", "")
    if isinstance(ref, str) and ref:
        return fmt_pct(row["value"], int(row["decimals"]), src=monitoring(MONITORING_REF, reconciled=ref))
    return fmt_share(row["value"], src=monitoring(MONITORING_REF))


def mean_age_frame(ind: pd.DataFrame, group_labels: dict[str, str], synthetic: bool = False) -> pd.DataFrame:
    """Mean age by group for the chart: ``group`` (label), ``value`` (years) and ``decimals`` (printed
    precision of a reconciled age, else ``AGE_DECIMALS``), total first; ``synthetic``: published ages only."""
    values = [(group_labels[g], value(ind, "mean_age", g)) for g in SUBGROUPS]
    if synthetic:
        values = [(label, v) for label, v in values if isinstance(v, Reconciled)]
    return pd.DataFrame(
        {
            "group": [label for label, _ in values],
            "value": [float(v) for _, v in values],
            "decimals": [v.decimals if isinstance(v, Reconciled) else AGE_DECIMALS for _, v in values],
        }
    )


def province_frame(
    ind: pd.DataFrame,
    province_names: dict[str, str],
    group_labels: dict[str, str],
    threshold: int,
    synthetic: bool = False,
) -> pd.DataFrame:
    """``share_frame`` of the province of residence, provinces by decreasing number of participants, with
    ``hidden`` True where disclosure control suppresses the count (and so its share and interval)."""
    rows = ind[(ind["indicator"] == "province") & (ind["group"] == "totale")]
    order = rows.sort_values("numerator", ascending=False, kind="stable")["category"].astype(str)
    frame = share_frame(ind, "province", {code: province_names[code] for code in order}, group_labels)
    status = protect_provinces(ind, threshold)
    cells = [status.get((g, c), SHOWN) for g, c in zip(frame["group_code"], frame["code"])]
    frame["hidden"] = [cell != SHOWN for cell in cells]
    frame["mark"] = [
        "" if not hidden else mark(threshold) if n < threshold else COMPLEMENTARY_MARK
        for n, hidden in zip(frame["numerator"], frame["hidden"])
    ]
    if synthetic:
        shown = share_frame(
            ind, "province", {code: province_names[code] for code in order}, group_labels, synthetic=True
        )
        keep = set(zip(shown["code"], shown["group_code"]))
        frame = frame[[(c, g) in keep for c, g in zip(frame["code"], frame["group_code"])]].reset_index(drop=True)
        frame[["ci_low", "ci_high"]] = (
            shown.set_index(["code", "group_code"])
            .loc[list(zip(frame["code"], frame["group_code"])), ["ci_low", "ci_high"]]
            .to_numpy()
        )
    return frame


def protect_provinces(ind: pd.DataFrame, threshold: int) -> dict[tuple[str, str], str]:
    """Disclosure status (``disclosure.SHOWN``/``PRIMARY``/``COMPLEMENTARY``) of each (group, province) count of
    the province figure, audited against everything the report publishes about the same people: the
    participants of each group and of both sub-projects, and the tie between the groups in each province
    (total + both = laboratori + PIP, with the per-province 'both' and sum never printed). Provinces with nobody
    are left out of the figure, and the text says so: their zeros are published."""
    rows = ind[(ind["indicator"] == "province") & ind["group"].isin(SUBGROUPS)]
    if rows.empty:
        return {}
    counts = {(g, str(c)): float(n) for g, c, n in zip(rows["group"], rows["category"], rows["numerator"])}
    # a province with nobody is left out of the figure, and the text says so: its zeros are published
    provinces = sorted({c for (g, c), n in counts.items() if g == SUBGROUPS[0] and n > 0})
    counts = {(g, c): n for (g, c), n in counts.items() if c in provinces}
    lab, pip, tot = SUBGROUPS[1], SUBGROUPS[2], SUBGROUPS[0]
    for p in provinces:
        for g in SUBGROUPS:
            counts.setdefault((g, p), 0.0)
        counts[("entrambi", p)] = counts[(lab, p)] + counts[(pip, p)] - counts[(tot, p)]
        counts[("somma", p)] = counts[(lab, p)] + counts[(pip, p)]
    values = pd.Series(counts)
    values.index = pd.Index(list(counts), tupleize_cols=False)
    totals = {g: float(d) for g, d in zip(rows["group"], rows["denominator"])}  # each share reveals its base
    both = ind[(ind["indicator"] == "participants") & (ind["group"] == "entrambi")]
    if len(both):
        totals["entrambi"] = float(both["value"].iloc[0])
    equalities = []
    for g, total in totals.items():  # a group total holds unless some people have no province recorded
        if math.isclose(sum(values[(g, p)] for p in provinces), total):
            equalities.append(sums_to([(g, p) for p in provinces], total=total, label=f"destinatari {g}"))
    for p in provinces:
        equalities.append(sums_to([(lab, p), (pip, p)], total_cell=("somma", p), label=f"{p}: laboratori + PIP"))
        equalities.append(
            sums_to([(tot, p), ("entrambi", p)], total_cell=("somma", p), label=f"{p}: totale + entrambi")
        )
    printed = pd.Series([g in SUBGROUPS for g, _ in values.index], index=values.index)  # 'both' and sum: never
    protection = protect(values, equalities, threshold, printed=printed, table="destinatari per provincia")
    return {cell: status for cell, status in protection.status.items() if cell[0] in SUBGROUPS}


def small_cells(frames: list[pd.DataFrame], threshold: int) -> pd.DataFrame:
    """The shown share rows of ``frames`` (chart frames of the chapter) that rest on fewer than ``threshold``
    people (0 < numerator < threshold, not hidden): what the confidentiality sentence must account for."""
    rows = []
    for frame in frames:
        hidden = frame["hidden"].astype(bool) if "hidden" in frame else pd.Series(False, index=frame.index)
        numerator = pd.to_numeric(frame["numerator"], errors="coerce")
        rows.append(frame[(numerator > 0) & (numerator < threshold) & ~hidden])
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()


def suppression_sentence(
    frame: pd.DataFrame, threshold: int, shown: list[pd.DataFrame] | None = None, synthetic: bool = False
) -> str:
    """The confidentiality sentence of §3.3, computed from every value the chapter shows (``shown``: its chart
    frames; ``frame``: the province frame, whose small counts are suppressed)."""
    src = curated("soglia di riservatezza, parametro dell'esecuzione")
    small = small_cells(list(shown or []) + [frame], threshold)
    parts = []
    if frame["hidden"].any():
        marks = set(frame.loc[frame["hidden"], "mark"]) if "mark" in frame else {mark(threshold)}
        parts.append(notes_md(threshold, primary=mark(threshold) in marks, complementary=COMPLEMENTARY_MARK in marks))
    if synthetic:
        parts.append(
            "In questa edizione il capitolo riporta solo quote già pubblicate nel rapporto originale, calcolate "
            "su interi sub-progetti a livello regionale."
        )
    elif not small.empty:
        parts.append(
            f"Alcune quote per sub-progetto riguardano meno di {fmt_int(threshold, src=src)} persone "
            f"({counted_cells(len(small))}); non sono oscurate perché si riferiscono a un intero "
            "sub-progetto a livello regionale e non a un singolo progetto o territorio, ma vanno lette "
            "con cautela."
        )
    elif not frame["hidden"].any():
        parts.append(
            f"Nessun valore mostrato nel capitolo riguarda meno di {fmt_int(threshold, src=src)} persone: "
            "non è stato necessario oscurare alcun dato."
        )
    return " ".join(parts)


def counted_cells(n: int) -> str:
    src = monitoring(MONITORING_REF)
    return f"{fmt_int(n, src=src)} {'quota' if n == 1 else 'quote'} nelle figure"


def _places(names: list[str]) -> str:
    names = [escape(name) for name in names]
    return f"nella provincia di {names[0]}" if len(names) == 1 else f"nelle province di {join_it(names)}"


def province_sentence(frame: pd.DataFrame, a: str = "pip", b: str = "laboratorio_sociale") -> str:
    """The most frequent province of residence and where ``a`` has a higher or lower share of residents
    than ``b``; hidden cells are never used."""
    shown = frame[~frame["hidden"]]
    total = shown[shown["group_code"] == "totale"].sort_values("value", ascending=False, kind="stable")
    text = ""
    if not total.empty:
        top = total.iloc[0]
        text = (
            f"La provincia di residenza più frequente è quella di {escape(top['category'])} "
            f"({frame_share(top)} dei destinatari)."
        )
    wide = shown.pivot(index="category", columns="group_code", values="value").reindex(columns=[a, b]).dropna()
    more = sorted(wide.index[wide[a] > wide[b]])
    less = sorted(wide.index[wide[a] < wide[b]])
    parts = []
    if more:
        parts.append(f"più alta {_places(more)}")
    if less:
        parts.append(f"più bassa {_places(less)}")
    if parts:
        text += (
            f" Rispetto ai destinatari {GROUP_OF[b]}, quelli {GROUP_OF[a]} hanno una quota di residenti "
            f"{join_it(parts)}."
        )
    return text.strip()


# --- Paragraphs of the chapter that depend on the edition --------------------------------------------


def section_title(sections: pd.DataFrame, number: str) -> str:
    """The title of section ``number`` as printed in the published report's index (report_sections.csv)."""
    rows = sections[sections["section"].astype(str) == number]
    if len(rows) != 1:
        raise KeyError(f"{len(rows)} sections numbered {number}")
    return str(rows["title"].iloc[0])


def method_paragraph(ind: pd.DataFrame, findings: bool) -> str:
    """How shares, intervals and tests are read in the chapter (with real data), or which values a synthetic
    edition shows."""
    level = with_article(fmt_pct(CONFIDENCE, 0, src=METHOD), "al")
    if not findings:
        return (
            "In questa edizione i dati di monitoraggio sono sintetici: il capitolo riporta solo i valori che, "
            "ricalcolati, coincidono con quelli stampati nel rapporto pubblicato, alla stessa precisione, e quelli "
            "che se ne ricavano. Un intervallo di confidenza (metodo di Wilson, "
            f"{level}) accompagna una quota solo quando il rapporto ne stampa anche il numeratore e la base. "
            "Passando il cursore su una cifra se ne vede la fonte. I confronti tra i sub-progetti e i test "
            "statistici, che richiedono i dati reali, sono descritti nelle note di metodo (@sec-metodo)."
        )
    lab, pip, both = (value(ind, "participants", g) for g in ("laboratorio_sociale", "pip", "entrambi"))
    return (
        f"Ogni quota è accompagnata da un intervallo di confidenza {level} (metodo di Wilson), che indica di "
        f"quanto potrebbe variare per effetto del caso. Poiché {fmt_int(both)} persone partecipano a entrambi "
        "i sub-progetti, le differenze tra Laboratori Sociali e PIP sono verificate con test statistici su due "
        f"gruppi senza sovrapposizioni: chi partecipa solo ai Laboratori ({fmt_int(lab - both)} persone) e chi "
        f"solo ai PIP ({fmt_int(pip - both)}). Una differenza è detta significativa quando la probabilità di "
        f"osservarla per puro caso, il valore p, è inferiore a {fmt_num(ALPHA, 2, src=METHOD)}; il valore p è "
        "indicato una volta, tra parentesi. I dettagli sono nelle note di metodo (@sec-metodo)."
    )


def reach_paragraph(ind: pd.DataFrame, as_of_text: str) -> str:
    """§3.2: projects and people reached (Tabella 3.1), with the overlap of the two sub-projects."""
    total, both = value(ind, "participants"), value(ind, "participants", "entrambi")
    lab, pip = value(ind, "participants", "laboratorio_sociale"), value(ind, "participants", "pip")
    return (
        f"{as_of_text[:1].upper()}{as_of_text[1:]} i progetti integrati presenti nei dati sono "
        f"{fmt_int(value(ind, 'projects'))} e hanno raggiunto {fmt_int(total)} persone distinte "
        f"(@tbl-quadro-sintesi): {fmt_int(lab)} hanno partecipato alle attività dei Laboratori Sociali e "
        f"{fmt_int(pip)} hanno avviato un PIP. Le due cifre sommano a "
        f"{fmt_int(as_published(lab) + as_published(pip))}, più delle persone raggiunte, perché "
        f"{fmt_int(both)} destinatari hanno preso parte a entrambi i sub-progetti. Per la prima domanda di "
        "valutazione, la capacità di raggiungere le persone dei quartieri, il rapporto pubblicato giudica "
        "positivo questo numero: si tratta spesso di persone ai margini della vita del quartiere, difficili da "
        "raggiungere per i servizi sociali."
    )


def efficacy_paragraph(ind: pd.DataFrame, synthetic: bool) -> str:
    """§3.3, efficacy: the share of people with a PIP (with its interval) and the state of the PIPs."""
    total, pip = value(ind, "participants"), value(ind, "participants", "pip")
    interval = interval_phrase(ind, "pip_share", synthetic=synthetic)
    return (
        f"Su un totale di {fmt_int(total)} destinatari, {fmt_int(pip)} hanno avviato un PIP: "
        f"{with_article(fmt_value(value(ind, 'pip_share'), 1))}{f' ({interval})' if interval else ''}. È la misura "
        "del passaggio dal presidio di comunità al percorso verso il lavoro. La ripartizione dei PIP per stato "
        f"di attuazione è nella @fig-stato-pip. {pip_status_sentence(ind)} Per la domanda sul completamento dei "
        "percorsi il dato va letto con la data di riferimento: la pandemia di Covid-19 ha fermato per mesi le "
        "attività dei Laboratori e dei percorsi personalizzati e ne ha rallentato la ripresa; la Regione ha "
        "prorogato i termini di conclusione, e la quota dei PIP conclusi andrà riletta a fine attuazione."
    )


def lessons_paragraph(ind: pd.DataFrame, tests: pd.DataFrame, findings: bool, synthetic: bool) -> str:
    """§3.3, lessons learnt: vulnerable people reached (by sub-project with ``findings``) and mean ages."""
    vulnerable = value(ind, "vulnerable_share")
    interval = interval_phrase(ind, "vulnerable_share", synthetic=synthetic)
    opening = with_article(fmt_value(vulnerable, 1))
    opening = opening[:1].upper() + opening[1:]
    text = (
        f"{opening} dei destinatari presenta almeno una condizione di vulnerabilità registrata "
        f"all'ingresso{f' ({interval})' if interval else ''}"
    )
    if findings:
        text += (
            f": {with_article(fmt_value(value(ind, 'vulnerable_share', 'laboratorio_sociale'), 1))} nei "
            f"Laboratori Sociali e {with_article(fmt_value(value(ind, 'vulnerable_share', 'pip'), 1))} nei PIP"
        )
    reached = (
        "ha raggiunto in prevalenza persone vulnerabili"
        if vulnerable > 0.5
        else "non ha raggiunto in prevalenza persone vulnerabili"
    )
    text += (
        f". È la risposta alla domanda sul targeting: l'intervento {reached}. Il Laboratorio ha avuto nel ciclo 2014-2020 un carattere sperimentale; il rapporto "
        "pubblicato vi legge la validità di un modello fondato su partenariati tra enti pubblici e privato "
        "sociale, con operatori accreditati per i servizi al lavoro e alla formazione accanto a chi conosce il "
        f"quartiere.\n\nLe età medie sono nella @fig-eta-media. {mean_age_sentence(ind, tests, findings)}"
    )
    return text if findings else f"{text}\n\n{real_data_note('vulnerable')}"


def province_text(frame: pd.DataFrame, tests: pd.DataFrame, findings: bool) -> str:
    """§3.3, province of residence: the most frequent province and (``findings``) the differences by
    sub-project with their test; else the published value and ``real_data_note``."""
    text = province_sentence(frame)
    if findings:
        return (
            f"{text} Nel complesso {significance(tests, 'province', 1)}. La distribuzione riflette la "
            "localizzazione dei progetti finanziati (@sec-bando-progetti); le province senza destinatari non "
            "compaiono nella figura (@fig-provincia)."
        )
    return (
        f"{text} La distribuzione riflette la localizzazione dei progetti finanziati (@sec-bando-progetti; "
        f"@fig-provincia).\n\n{real_data_note('province')}"
    )


def age_labels(ages: pd.DataFrame) -> list[str]:
    """The bar labels of the mean-age chart: '42,9 anni', at the printed precision of a published age."""
    return [f"{fmt_num(v, int(d))} anni" for v, d in zip(ages["value"], ages["decimals"])]


def results_note(synthetic: bool) -> str:
    """The notes under Tabella 3.2."""
    note = (
        f"Base: destinatari o PIP su cui è calcolata la quota o la media. {interval_header()}: intervallo di "
        "confidenza della quota (metodo di Wilson)"
    )
    if synthetic:
        return note + ", indicato solo dove il rapporto pubblicato ne stampa numeratore e base."
    return note + "."


def profiles_text(ind: pd.DataFrame, labels: dict, findings: bool) -> str:
    """The profile of the participants of each sub-project and their contrast (real data or ``findings``)."""
    if not findings:
        return real_data_note("profiles")
    return (
        f"{profile_sentence(ind, 'laboratorio_sociale', labels)}\n\n{profile_sentence(ind, 'pip', labels)}\n\n"
        f"{contrast_sentence(ind)}"
    )


def esf_paragraph(esf: pd.DataFrame, esf_reference: pd.DataFrame, findings: bool) -> str:
    """What the ESF section shows: the table with real data (or ``findings``), else ``real_data_note``."""
    if not findings:
        return real_data_note("esf")
    return "La @tbl-indicatori-fse li ricostruisce dai dati di monitoraggio, per quelli che i dati permettono di calcolare."


def counts_as_published(ind: pd.DataFrame) -> bool:
    """True when this edition's sub-project counts equal the published ones (so the label swap of the
    published Tabella 3.1 concerns the very numbers shown)."""
    return all(isinstance(value(ind, "participants", g), Reconciled) for g in ("laboratorio_sociale", "pip"))
