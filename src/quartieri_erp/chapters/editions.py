"""Appendix "Cosa cambia rispetto all'edizione precedente": tables and sentences from an edition comparison.

The previous edition is a build folder (``previous_build``); the current edition is described from its
inputs (the same manifest fields a build writes, without the Sintesi, which is executed in parallel).
The reconciliation of the programme's funded projects with the monitoring data is shown in every
edition, with or without a previous one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from quartieri_erp.chapters.programme import funded_projects
from quartieri_erp.chapters.wording import counted, join_it
from quartieri_erp.editions.compare import ADDED, CHANGED, REMOVED, UNCHANGED, Comparison, compare_manifests
from quartieri_erp.editions.manifest import NotABuild, input_hashes, project_counts, read_build
from quartieri_erp.paths import resolve
from quartieri_erp.presentation.formatting import fmt_date, fmt_int, fmt_num, fmt_pct

INDICATOR_NAMES = {
    "projects": "Progetti",
    "participants": "Partecipanti",
    "pip_share": "Quota nei PIP",
    "pip_status": "Stato dei PIP",
    "vulnerable_share": "Quota in condizione di vulnerabilità",
    "mean_age": "Età media",
    "age_band": "Classe di età",
    "sex": "Sesso",
    "citizenship": "Cittadinanza",
    "origin_area": "Area di origine",
    "education": "Titolo di studio",
    "disadvantage": "Svantaggio",
    "employment_status": "Condizione occupazionale",
    "province": "Provincia",
}
GROUP_NAMES = {
    "totale": "totale",
    "laboratorio_sociale": "Laboratori sociali",
    "pip": "PIP",
    "entrambi": "entrambi i sotto-progetti",
}
STATUS_NAMES = {ADDED: "entrato", REMOVED: "uscito", CHANGED: "variato", UNCHANGED: "invariato"}


@dataclass(frozen=True)
class Reconciliation:
    """Projects of the monitoring data and funded projects of the programme data that do not match."""

    monitored_not_funded: list[str]
    funded_not_monitored: list[str]


def reconcile(monitored: list[str], funded: list[str]) -> Reconciliation:
    return Reconciliation(sorted(set(monitored) - set(funded)), sorted(set(funded) - set(monitored)))


def funded_ids(projects: pd.DataFrame) -> list[str]:
    """The ids of the funded projects of projects.csv."""
    return funded_projects(projects)["project_id"].astype(str).tolist()


def current_edition(ch) -> tuple[dict, pd.DataFrame, Reconciliation]:
    """The manifest and indicator table of the edition being built, and its project reconciliation."""
    monitoring = ch.monitoring()
    funded = funded_ids(ch.table("projects"))
    folders = {"data_dir": ch.data_dir, "programme_dir": ch.programme_dir, "reference_dir": ch.reference_dir}
    manifest = {
        "edition": ch.edition,
        "as_of": ch.as_of.isoformat(),
        "inputs": input_hashes(folders),
        "projects": project_counts(monitoring.projects, monitoring.participants, ch.suppression_threshold),
    }
    indicators = ch.indicators().indicators
    return manifest, indicators, reconcile(monitoring.projects["project_id"].astype(str).tolist(), funded)


def compare_with_previous(previous_build: str, ch) -> tuple[Comparison | None, Reconciliation, str | None]:
    """(comparison or None when no previous edition was given or found, reconciliation, problem text)."""
    manifest, indicators, reconciliation = current_edition(ch)
    if not str(previous_build or "").strip():
        return None, reconciliation, None
    try:
        old_manifest, old_indicators = read_build(resolve(previous_build))
    except NotABuild:
        return (
            None,
            reconciliation,
            (
                f"La cartella indicata come edizione precedente (`{previous_build}`) non "
                "contiene una build del rapporto (mancano `edition.json` o "
                "`indicators.csv`): il confronto non è possibile."
            ),
        )
    return compare_manifests(old_manifest, manifest, old_indicators, indicators), reconciliation, None


def overview_text(comparison: Comparison | None, problem: str | None = None) -> str:
    if comparison is None:
        return problem or (
            "Per questa edizione non è stata indicata un'edizione precedente (parametro "
            "`previous_build`, opzione `--previous` di `quartieri-erp build`): non c'è quindi "
            "nulla da confrontare, e le tabelle che seguono lo segnalano. Resta valida la verifica "
            "dei progetti tra dati del programma e dati di monitoraggio, in fondo all'appendice."
        )
    c = comparison
    changed = c.of("indicators", CHANGED)
    files = c.inputs[c.inputs["status"] != UNCHANGED]
    return (
        f"Questa edizione ({c.new_edition}, dati aggiornati al {fmt_date(c.new_as_of)}) è confrontata con "
        f"l'edizione {c.old_edition}, con dati aggiornati al {fmt_date(c.old_as_of)}. "
        f"{_projects_clause(c)} Degli indicatori del capitolo sui destinatari ne sono variati "
        f"{fmt_int(len(changed))} su {fmt_int(len(c.indicators))}; {_marked_clause(len(c.marked))} "
        f"{_files_clause(len(files))}"
    )


def _marked_clause(n: int) -> str:
    rule = (
        "gli intervalli di confidenza di Wilson al livello del novantacinque per cento delle due edizioni non "
        "si sovrappongono"
    )
    if n == 0:
        return f"per nessuna quota la variazione è così ampia che {rule}."
    return f"per {counted(n, 'quota', 'quote')} la variazione è così ampia che {rule}."


def _files_clause(n: int) -> str:
    if n == 0:
        return "I file di input sono gli stessi."
    return f"{'È cambiato' if n == 1 else 'Sono cambiati'} {counted(n, 'file', 'file')} di input."


def _projects_clause(c: Comparison) -> str:
    parts = []
    if c.entered:
        verb = "entra" if len(c.entered) == 1 else "entrano"
        parts.append(f"{verb} {counted(len(c.entered), 'progetto', 'progetti')} ({join_it(c.entered)})")
    if c.left:
        verb = "esce" if len(c.left) == 1 else "escono"
        parts.append(f"{verb} {counted(len(c.left), 'progetto', 'progetti')} ({join_it(c.left)})")
    if c.changed_projects:
        parts.append(f"cambiano i dati di {counted(len(c.changed_projects), 'progetto', 'progetti')}")
    if not parts:
        return "L'elenco dei progetti e i loro dati non cambiano."
    text = re.sub(r" e (?=[eE])", " ed ", join_it(parts))  # 'ed esce'
    return f"Nei dati di monitoraggio {text}."


def _value(value: float, unit: str) -> str:
    if pd.isna(value):
        return "–"
    return fmt_pct(value) if unit == "share" else fmt_num(value, 1) if unit == "years" else fmt_int(value)


def _difference(value: float, unit: str) -> str:
    if pd.isna(value):
        return "–"
    sign = "+" if value > 0 else ""
    if unit == "share":
        return f"{sign}{fmt_num(value * 100, 1)} punti"
    return f"{sign}{fmt_num(value, 1 if unit == 'years' else 0)}"


def _none_row(columns: list[str], text: str) -> pd.DataFrame:
    return pd.DataFrame([[text] + ["–"] * (len(columns) - 1)], columns=columns)


def projects_table(comparison: Comparison | None) -> pd.DataFrame:
    columns = ["Progetto", "Variazione", "Partecipanti prima", "Partecipanti ora"]
    if comparison is None:
        return _none_row(columns, "nessuna edizione precedente")
    rows = comparison.projects[comparison.projects["status"] != UNCHANGED]
    if rows.empty:
        return _none_row(columns, "nessuna variazione")
    fmt = lambda n: "–" if n is None or pd.isna(n) else fmt_int(n)  # noqa: E731 - None: below the threshold
    return pd.DataFrame(
        {
            "Progetto": rows["project_id"],
            "Variazione": rows["status"].map(STATUS_NAMES),
            "Partecipanti prima": rows["participants_old"].map(fmt),
            "Partecipanti ora": rows["participants_new"].map(fmt),
        },
        columns=columns,
    )


def indicators_table(comparison: Comparison | None) -> pd.DataFrame:
    """Every indicator that changed, with both values, the difference and the mark."""
    columns = ["Indicatore", "Gruppo", "Categoria", "Prima", "Ora", "Differenza", "Oltre gli intervalli"]
    if comparison is None:
        return _none_row(columns, "nessuna edizione precedente")
    rows = comparison.indicators[comparison.indicators["status"] != UNCHANGED]
    if rows.empty:
        return _none_row(columns, "nessuna variazione")
    rows = rows.sort_values("beyond_ci", ascending=False, kind="stable")  # the marked ones first
    return pd.DataFrame(
        {
            "Indicatore": rows["indicator"].map(lambda k: INDICATOR_NAMES.get(k, k)),
            "Gruppo": rows["group"].map(lambda g: GROUP_NAMES.get(g, g)),
            "Categoria": rows["category"].replace("", "–"),
            "Prima": [_value(v, u) for v, u in zip(rows["old"], rows["unit"])],
            "Ora": [_value(v, u) for v, u in zip(rows["new"], rows["unit"])],
            "Differenza": [_difference(v, u) for v, u in zip(rows["difference"], rows["unit"])],
            "Oltre gli intervalli": rows["beyond_ci"].map({True: "sì", False: ""}),
        },
        columns=columns,
    )


def inputs_table(comparison: Comparison | None) -> pd.DataFrame:
    columns = ["File", "Variazione", "SHA-256 prima", "SHA-256 ora"]
    if comparison is None:
        return _none_row(columns, "nessuna edizione precedente")
    rows = comparison.inputs[comparison.inputs["status"] != UNCHANGED]
    if rows.empty:
        return _none_row(columns, "nessun file cambiato")
    short = lambda h: "–" if h is None or pd.isna(h) else f"`{h[:12]}`"  # noqa: E731
    return pd.DataFrame(
        {
            "File": rows["file"].map(lambda f: f"`{f}`"),
            "Variazione": rows["status"].map({ADDED: "aggiunto", REMOVED: "rimosso", CHANGED: "modificato"}),
            "SHA-256 prima": rows["old"].map(short),
            "SHA-256 ora": rows["new"].map(short),
        },
        columns=columns,
    )


def reconciliation_text(r: Reconciliation) -> str:
    """What the report does with projects found in only one of the two sources."""
    if not r.monitored_not_funded and not r.funded_not_monitored:
        return (
            "Tutti i progetti dei dati di monitoraggio sono tra quelli finanziati secondo i dati del programma, "
            "e ogni progetto finanziato compare nei dati di monitoraggio."
        )
    parts = []
    if r.monitored_not_funded:
        ids = join_it(r.monitored_not_funded)
        n = len(r.monitored_not_funded)
        parts.append(
            f"I dati di monitoraggio contengono {counted(n, 'progetto', 'progetti')} "
            f"che non {'risulta' if n == 1 else 'risultano'} tra i finanziati dell'avviso nei dati del "
            f"programma ({ids}). Il rapporto ne "
            "conta i partecipanti negli indicatori e dedica loro una scheda, ma non li include nelle cifre "
            "del bando (capitolo sull'attuazione), che vengono dai dati del programma: va verificato se si "
            "tratta di progetti finanziati dopo l'edizione pubblicata o di codici errati."
        )
    if r.funded_not_monitored:
        ids = join_it(r.funded_not_monitored)
        parts.append(
            f"Tra i progetti finanziati secondo i dati del programma, "
            f"{counted(len(r.funded_not_monitored), 'progetto non compare', 'progetti non compaiono')} "
            f"nei dati di monitoraggio ({ids}). Il rapporto li conta tra i finanziati nel capitolo "
            "sull'attuazione, ma non hanno partecipanti negli indicatori né una scheda: va verificato se "
            "sono stati revocati o se mancano dall'estrazione."
        )
    return "\n\n".join(parts)
