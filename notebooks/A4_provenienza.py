# %% [markdown]
# # Provenienza dei dati e discordanze tra le fonti {#sec-provenienza}

# %% tags=["parameters"]
edition = "2021"
as_of = "2020-11-30"
data_dir = "data/synthetic"
programme_dir = "data/programme"
reference_dir = "data/reference"
suppression_threshold = 5
illustrative = False

# %%
from quartieri_erp.paths import project_root
from quartieri_erp.presentation.context import open_chapter
from quartieri_erp.chapters import appendices
from quartieri_erp.chapters.wording import discrepancy_cite
from quartieri_erp.inputs.dictionary import all_tables
from quartieri_erp.presentation.display import md, show_table
from quartieri_erp.presentation.formatting import fmt_int
from quartieri_erp.presentation.markdown_tables import markdown_table

ch = open_chapter(globals())
documents = ch.table("documents")
discrepancies = ch.table("discrepancies")
files = appendices.programme_files(all_tables(), ch.table)
artifacts = ch.table("published_artifacts")
sections = ch.table("report_sections")
labels = ch.labels()
known = appendices.notebook_labels(sorted((project_root() / "notebooks").glob("*.ipynb")))
counted = appendices.ROWS_SOURCE

# %% [markdown]
# Ogni numero del rapporto che non viene dai dati di monitoraggio viene da un documento pubblicato, ed è
# conservato nei dati del programma così come è stampato, con l'indicazione del punto da cui è tratto. Nel
# testo ogni cifra dice di che tipo è (pubblicata, derivata da valori pubblicati, dato curato da altre fonti o
# dato di monitoraggio) e, nella versione web, da dove viene. Questa appendice elenca i documenti di origine,
# dice da quali documenti provengono i dati del programma, fa corrispondere capitoli, paragrafi, tabelle e
# figure del rapporto pubblicato a quelli di questa edizione e registra le discordanze: i casi in cui le fonti,
# o parti diverse della stessa fonte, non concordano, con la scelta fatta nei dati e il suo motivo. Il testo dei
# capitoli cita ciascuna discordanza con il suo codice, preceduto dalla lettera di questa appendice.

# %% [markdown]
# ## I documenti di origine {#sec-provenienza-documenti}

# %%
md(f"""
I documenti di origine sono {fmt_int(len(documents), src=counted)} (@tbl-provenienza-documenti). Il rapporto
pubblicato è citato per paragrafo, con la pagina di inizio che ne dà l'indice, oppure per tabella, tavola,
figura o nota; gli altri documenti per la loro parte. Le righe «Fonte:» sotto tabelle e figure nominano i
documenti da cui vengono i valori mostrati.
""")

# %%
#| label: tbl-provenienza-documenti
#| tbl-cap: "I documenti di origine dei dati del programma"
show_table(appendices.documents_table(documents), widths=[1, 3, 7, 1])

# %% [markdown]
# ## I dati del programma {#sec-provenienza-file}

# %%
md(f"""
I dati del programma sono raccolti in {fmt_int(len(files), src=counted)} tabelle, per
{fmt_int(files["rows"].sum(), src=counted)} righe in tutto; le colonne di ogni tabella sono descritte nel
dizionario dei dati (@sec-dizionario-programma), dove ciascuna dice anche da quali documenti proviene. La
versione web riporta qui, per ogni tabella, il numero di righe e i documenti citati.
""")

# %%
programme_table = appendices.programme_files_table(files)
md(appendices.html_only(
    "**I dati del programma: righe e provenienza.**\n\n"
    + markdown_table(programme_table, align={"Righe": "right"}, widths=[3, 1, 2, 5])), data=programme_table)

# %% [markdown]
# ## Le corrispondenze con il rapporto pubblicato {#sec-provenienza-tavole}

# %%
md(f"""
Questa edizione conserva l'ordine, i titoli e i numeri dei capitoli e dei paragrafi del rapporto pubblicato;
quanto aggiunge compare come ulteriori paragrafi, segnalati come aggiunte. La @tbl-provenienza-sezioni fa
corrispondere ogni voce dell'indice pubblicato, con la sua pagina, alla sezione di questa edizione.
{appendices.artifacts_sentence(artifacts)} La @tbl-provenienza-tavole indica per ciascuna la versione di questa
edizione, con lo stesso numero e lo stesso tipo: le tavole restano tavole.
""")

# %%
#| label: tbl-provenienza-sezioni
#| tbl-cap: "I capitoli e i paragrafi del rapporto pubblicato e le sezioni di questa edizione"
show_table(appendices.sections_table(sections, known), align={"Pagina": "right"}, widths=[7, 1, 2])
md(appendices.source_note(sections["source"], documents))

# %%
#| label: tbl-provenienza-tavole
#| tbl-cap: "Le tavole e le figure del rapporto pubblicato e la loro ricostruzione"
table = appendices.artifacts_table(artifacts, labels, known, notes=False)
show_table(table, widths=[6, 2, 3], pdf=table, pdf_widths=[9, 2, 3])
md(appendices.source_note(artifacts["source"], documents))
md(appendices.html_only("**Come sono state ricostruite.**\n\n" + appendices.artifact_notes(artifacts, labels)))

# %% [markdown]
# ## Le discordanze tra le fonti {#sec-provenienza-discordanze}

# %%
md(f"""
Le discordanze registrate sono {fmt_int(len(discrepancies), src=counted)} (@tbl-provenienza-discordanze). Per
ciascuna la tabella indica il valore conservato nei dati; la versione web aggiunge che cosa dicono le fonti e
dove, il motivo della scelta e i dati che ne dipendono. I capitoli le citano con la lettera dell'appendice e il codice, per esempio
«{discrepancy_cite(discrepancies, discrepancies["discrepancy_id"].iloc[-1])}».
""")

# %%
#| label: tbl-provenienza-discordanze
#| tbl-cap: "Le discordanze tra le fonti e come i dati le risolvono"
show_table(appendices.discrepancies_table(discrepancies), widths=[1, 3],
           pdf=appendices.discrepancies_compact(discrepancies), pdf_widths=[1, 1])
md(appendices.source_note(discrepancies["source"], documents))
