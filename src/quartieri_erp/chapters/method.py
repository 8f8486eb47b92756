"""Appendix A1 (method notes): the sentences and the table whose wording or numbers come from the run —
reference date, data edition, Wilson intervals, tests between the sub-projects and their multiple-comparison
check, rounding."""

from __future__ import annotations

from statistics import NormalDist

import pandas as pd

from quartieri_erp.chapters.readings import ALPHA, CONFIDENCE, MONITORING_REF, TEST_NAMES, fmt_p
from quartieri_erp.chapters.wording import join_it, with_article
from quartieri_erp.presentation.formatting import fmt_date, fmt_int, fmt_num, fmt_pct
from quartieri_erp.presentation.markup import Md, escape
from quartieri_erp.presentation.provenance import curated, monitoring

METHOD = curated("nota di metodo di questa edizione")  # constants of formulas, examples, levels
DATES = curated("file dell'edizione dei dati di monitoraggio")
TESTS = monitoring(f"{MONITORING_REF}, test statistico")


def with_numbers(text: str, src) -> Md:
    """Data text escaped (``escape``), its numbers as spans of ``src``: a sentence of a curated file quoted as is."""
    import re

    from quartieri_erp.presentation.markup import number

    return Md(re.sub(r"\d+(?:[.,]\d+)*", lambda m: number(m.group(0), src), escape(text)))


def _date(day, preposition: str) -> str:
    return with_article(fmt_date(day, src=DATES), preposition)


AGE_LABEL = "Età all'ingresso"  # the age test has no category indicator of its own


def cutoff_sentence(as_of, info: dict) -> str:
    """The reference date of the run and how it relates to the extraction date of edition.yml."""
    text = f"la data di riferimento di questa edizione è {_date(as_of, 'il')}"
    extracted = info.get("extracted_on")
    if not extracted:
        return f"{text}; il file dell'edizione non indica la data di estrazione dei dati"
    if str(extracted) == str(as_of):
        return f"{text}, che coincide con la data di estrazione dei dati"
    return f"{text}, mentre i dati sono stati estratti {_date(str(extracted), 'il')}"


def synthetic_paragraph(info: dict, synthetic: bool) -> str:
    """Why the edition's data are synthetic and how they were made (from edition.yml), or that they are real."""
    described = info.get("description", "").strip()
    if not synthetic:
        return (
            "I dati di questa edizione sono quelli del sistema di monitoraggio regionale"
            + (f" ({with_numbers(described, DATES)})" if described else "")
            + ": le cifre descrivono le persone realmente raggiunte."
        )
    seed = (
        f", con un seme casuale fisso ({with_numbers(str(info['seed']), DATES)})"
        if info.get("seed") is not None
        else ""
    )
    text = (
        "I dati individuali del monitoraggio regionale non sono pubblici, perché contengono dati personali. Per "
        "rendere il rapporto eseguibile da chiunque, questa edizione usa dati sintetici: persone inventate da un "
        f"generatore{seed}."
    )
    if described:
        text += f" Il file dell'edizione li descrive così: «{with_numbers(described, DATES)}»."
    return text + (
        " Quanto le cifre riproducano quelle pubblicate è verificato nell'appendice di riconciliazione (@sec-riconciliazione). Le "
        "combinazioni di caratteristiche che il rapporto non pubblica, per esempio età e titolo di studio "
        "insieme, sono frutto del generatore e non vanno interpretate: per questo il capitolo sui "
        "destinatari, in questa edizione, non le mostra, e non mostra i test sulle differenze tra "
        "sub-progetti, salvo che l'analisi completa sia chiesta a titolo dimostrativo. Chi dispone dei dati reali li colloca "
        "in una cartella non condivisa con la stessa struttura e rigenera il rapporto: ogni cifra, tabella e frase "
        "del capitolo sui destinatari viene ricalcolata."
    )


def wilson_sentence() -> str:
    """The Wilson interval in words, with the z value of the confidence level."""
    z = NormalDist().inv_cdf(0.5 + CONFIDENCE / 2)
    level = with_article(fmt_pct(CONFIDENCE, 0, src=METHOD), "al")
    return (
        f"Per una quota di k persone su n, l'intervallo di Wilson {level} ha centro "
        f"(k + z²/{fmt_int(2, src=METHOD)}) / (n + z²) e semiampiezza z · √(k(n − k)/n + "
        f"z²/{fmt_int(4, src=METHOD)}) / (n + z²), con "
        f"z = {fmt_num(z, 2, src=METHOD)}. Rispetto all'intervallo più noto, quota ± z volte l'errore standard, "
        f"resta sempre tra {fmt_pct(0, 0, src=METHOD)} e {fmt_pct(1, 0, src=METHOD)} e ha una copertura più vicina a quella dichiarata quando la quota è vicina a zero o a uno "
        "o il gruppo è piccolo."
    )


def holm_adjusted(p_values) -> list[float]:
    """Holm's step-down adjusted p-values, in the input order."""
    order = sorted(range(len(p_values)), key=lambda i: p_values[i])
    adjusted, running = [0.0] * len(p_values), 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(p_values) - rank) * p_values[i]))
        adjusted[i] = running
    return adjusted


def holm_sentence(tests: pd.DataFrame, indicator_labels: dict[str, str]) -> str:
    """Whether Holm's correction for multiple comparisons changes which differences are significant."""
    rows = tests[tests["p_value"].notna()]
    if rows.empty:
        return "Nessun confronto tra sub-progetti è stato possibile."
    raw = rows["p_value"] < ALPHA
    adjusted = pd.Series(holm_adjusted(list(rows["p_value"])), index=rows.index) < ALPHA
    if not raw.any():
        return "Nessuna differenza risulta significativa, con o senza correzione per i confronti multipli."
    lost = list(dict.fromkeys(indicator_labels.get(i, AGE_LABEL).lower() for i in rows["indicator"][raw & ~adjusted]))
    if not lost:
        return (
            f"Con {fmt_int(len(rows), src=TESTS)} test, la correzione di Holm per i confronti multipli non cambia alcuna "
            "conclusione."
        )
    return (
        f"Con {fmt_int(len(rows), src=TESTS)} test, applicando la correzione di Holm per i confronti multipli non "
        f"risulterebbero più significative le differenze per {join_it(lost)}."
    )


def tests_table(tests: pd.DataFrame, indicator_labels: dict[str, str]) -> pd.DataFrame:
    """Every test between the sub-projects for display: characteristic, test, statistic with its degrees of
    freedom, p-value, people compared (only Laboratori / only PIP) and the smallest expected count."""

    def statistic(value, dof):
        if pd.isna(value):
            return "–"
        return Md(
            fmt_num(value, 2, src=TESTS)
            + (f" ({fmt_num(dof, 0 if dof == int(dof) else 1, src=TESTS)} gdl)" if pd.notna(dof) else "")
        )

    names = [TEST_NAMES.get(t, "non eseguibile") for t in tests["test"]]
    return pd.DataFrame(
        {
            "Caratteristica": [indicator_labels.get(i, AGE_LABEL) for i in tests["indicator"]],
            "Test": [name[:1].upper() + name[1:] for name in names],
            "Statistica": [statistic(v, d) for v, d in zip(tests["statistic"], tests["dof"])],
            "p": [Md(fmt_p(v).removeprefix("p ").removeprefix("= ")) if pd.notna(v) else "–" for v in tests["p_value"]],
            "Persone": [
                Md(f"{fmt_int(a, src=TESTS)} / {fmt_int(b, src=TESTS)}") for a, b in zip(tests["n_a"], tests["n_b"])
            ],
            "Frequenza attesa minima": [
                Md(fmt_num(v, 1, src=TESTS)) if pd.notna(v) else "–" for v in tests["min_expected"]
            ],
        },
        dtype=object,
    )


def tests_paragraph(tests: pd.DataFrame, indicator_labels: dict[str, str], both, findings: bool) -> str:
    """How the sub-projects are compared (and, with ``findings``, what Holm's correction changes)."""
    from quartieri_erp.chapters.readings import MIN_EXPECTED

    text = (
        f"Poiché {fmt_int(both)} persone partecipano a entrambi i sub-progetti, i due gruppi «Laboratori Sociali» e "
        "«PIP» si sovrappongono e non si possono confrontare con i test classici, che richiedono gruppi "
        "indipendenti. I test confrontano perciò chi partecipa solo ai Laboratori con chi partecipa solo ai PIP, "
        "lasciando fuori chi partecipa a entrambi; le quote delle figure, invece, includono queste persone in "
        "tutti e due i gruppi.\n\n"
        "Per le caratteristiche a categorie si usa il test del chi quadrato di indipendenza (con la correzione di "
        "Yates sulle tabelle a due categorie), o il test esatto di Fisher quando una tabella a due categorie ha "
        f"una frequenza attesa inferiore a {fmt_int(MIN_EXPECTED, src=METHOD)}; le categorie vuote in entrambi i "
        "gruppi sono escluse e l'area di provenienza è confrontata tra i soli stranieri. Per l'età si usano il "
        "test t di Welch, che confronta le medie senza supporre varianze uguali, e il test di Mann-Whitney, che "
        "confronta le distribuzioni senza supporle normali. La condizione occupazionale non è sottoposta a test: "
        "la disoccupazione era un requisito d'accesso ai PIP, e la differenza è voluta. Una differenza è detta "
        "significativa quando ogni test che la riguarda ha un valore p inferiore a "
        f"{fmt_num(ALPHA, 2, src=METHOD)}."
    )
    if not findings:
        return (
            text + " In questa edizione i dati di monitoraggio sono sintetici: le differenze tra gruppi che il "
            "rapporto pubblicato non riporta sono frutto del generatore, e i test non sono mostrati. Con i dati "
            "reali questa sezione riporta l'esito di ogni test e l'effetto della correzione per i confronti "
            "multipli."
        )
    return f"{text} {holm_sentence(tests, indicator_labels)} La @tbl-metodo-test riporta tutti i test."


def rounding_sentence() -> str:
    """Half-up rounding shown on two halves, against the round-half-to-even of many programs."""
    whole, small = 12.5, 0.125
    m = METHOD
    return (
        f"Le cifre sono arrotondate per eccesso dal mezzo, come nel rapporto pubblicato: {fmt_num(whole, 1, src=m)} "
        f"diventa {fmt_num(whole, 0, src=m)} e {fmt_num(small, 3, src=m)} diventa {fmt_num(small, 2, src=m)}, "
        f"mentre l'arrotondamento «al pari» di molti programmi darebbe {fmt_num(round(whole), 0, src=m)} e "
        f"{fmt_num(round(small, 2), 2, src=m)}."
    )
