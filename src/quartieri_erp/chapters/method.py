"""Appendix A1 (method notes): the sentences and the table whose wording or numbers come from the run —
reference date, data edition, Wilson intervals, tests between the sub-projects and their multiple-comparison
check, rounding."""

from __future__ import annotations

from statistics import NormalDist

import pandas as pd

from ..formatting import fmt_int, fmt_num, fmt_pct
from .indicators import ALPHA, CONFIDENCE, TEST_NAMES, fmt_p
from .wording import date_with, join_it, with_article

AGE_LABEL = "Età all'ingresso"  # the age test has no category indicator of its own


def cutoff_sentence(as_of, info: dict) -> str:
    """The reference date of the run and how it relates to the extraction date of edition.yml."""
    text = f"la data di riferimento di questa edizione è {date_with(as_of, 'il')}"
    extracted = info.get("extracted_on")
    if not extracted:
        return f"{text}; il file dell'edizione non indica la data di estrazione dei dati"
    if str(extracted) == str(as_of):
        return f"{text}, che coincide con la data di estrazione dei dati"
    return f"{text}, mentre i dati sono stati estratti {date_with(str(extracted), 'il')}"


def synthetic_paragraph(info: dict, synthetic: bool) -> str:
    """Why the edition's data are synthetic and how they were made (from edition.yml), or that they are real."""
    described = info.get("description", "").strip()
    if not synthetic:
        return ("I dati di questa edizione sono quelli del sistema di monitoraggio regionale"
                + (f" ({described})" if described else "") + ": le cifre descrivono le persone realmente raggiunte.")
    seed = f", con un seme casuale fisso ({info['seed']})" if info.get("seed") is not None else ""
    text = ("I dati individuali del monitoraggio regionale non sono pubblici, perché contengono dati personali. Per "
            "rendere il rapporto eseguibile da chiunque, questa edizione usa dati sintetici: persone inventate da un "
            f"generatore{seed}.")
    if described:
        text += f" Il file dell'edizione li descrive così: «{described}»."
    return text + (" Quanto le cifre riproducano quelle pubblicate è verificato in @sec-riconciliazione. Le "
                   "combinazioni di caratteristiche che il rapporto non pubblica, per esempio età e titolo di studio "
                   "insieme, sono frutto del generatore e non vanno interpretate; anche i test sulle differenze tra "
                   "sub-progetti illustrano il metodo più che la realtà. Chi dispone dei dati reali li colloca "
                   "in una cartella non condivisa con la stessa struttura e rigenera il rapporto: ogni cifra, tabella e frase "
                   "del capitolo sui destinatari viene ricalcolata.")


def wilson_sentence() -> str:
    """The Wilson interval in words, with the z value of the confidence level."""
    z = NormalDist().inv_cdf(0.5 + CONFIDENCE / 2)
    level = with_article(fmt_pct(CONFIDENCE, 0), "al")
    return (f"Per una quota di k persone su n, l'intervallo di Wilson {level} ha centro "
            f"(k + z²/{fmt_int(2)}) / (n + z²) e semiampiezza z · √(k(n − k)/n + z²/{fmt_int(4)}) / (n + z²), "
            "con "
            f"z = {fmt_num(z, 2)}. Rispetto all'intervallo più noto, quota ± z volte l'errore standard, resta sempre "
            "tra 0% e 100% e ha una copertura più vicina a quella dichiarata quando la quota è vicina a zero o a uno "
            "o il gruppo è piccolo.")


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
        return (f"Con {fmt_int(len(rows))} test, la correzione di Holm per i confronti multipli non cambia alcuna "
                "conclusione.")
    return (f"Con {fmt_int(len(rows))} test, applicando la correzione di Holm per i confronti multipli non "
            f"risulterebbero più significative le differenze per {join_it(lost)}.")


def tests_table(tests: pd.DataFrame, indicator_labels: dict[str, str]) -> pd.DataFrame:
    """Every test between the sub-projects for display: characteristic, test, statistic with its degrees of
    freedom, p-value, people compared (only Laboratori / only PIP) and the smallest expected count."""
    def statistic(value, dof):
        if pd.isna(value):
            return "–"
        return fmt_num(value, 2) + (f" ({fmt_num(dof, 0 if dof == int(dof) else 1)} gdl)" if pd.notna(dof) else "")

    names = [TEST_NAMES.get(t, "non eseguibile") for t in tests["test"]]
    return pd.DataFrame({
        "Caratteristica": [indicator_labels.get(i, AGE_LABEL) for i in tests["indicator"]],
        "Test": [name[:1].upper() + name[1:] for name in names],
        "Statistica": [statistic(v, d) for v, d in zip(tests["statistic"], tests["dof"])],
        "p": [fmt_p(v).removeprefix("p ").removeprefix("= ") if pd.notna(v) else "–" for v in tests["p_value"]],
        "Persone": [f"{fmt_int(a)} / {fmt_int(b)}" for a, b in zip(tests["n_a"], tests["n_b"])],
        "Frequenza attesa minima": [fmt_num(v, 1) if pd.notna(v) else "–" for v in tests["min_expected"]],
    })


def rounding_sentence() -> str:
    """Half-up rounding shown on two halves, against the round-half-to-even of many programs."""
    whole, small = 12.5, 0.125
    return (f"Le cifre sono arrotondate per eccesso dal mezzo, come nel rapporto pubblicato: {fmt_num(whole, 1)} "
            f"diventa {fmt_num(whole, 0)} e {fmt_num(small, 3)} diventa {fmt_num(small, 2)}, mentre l'arrotondamento "
            f"«al pari» di molti programmi darebbe {fmt_num(round(whole), 0)} e {fmt_num(round(small, 2), 2)}.")
