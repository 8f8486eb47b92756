# %% [markdown]
# # Riconciliazione con l'edizione pubblicata {#sec-riconciliazione}

# %% tags=["parameters"]
edition = "2021"
as_of = "2020-11-30"
data_dir = "data/synthetic"
programme_dir = "data/programme"
reference_dir = "data/reference"
suppression_threshold = 5
illustrative = False

# %%
from quartieri_erp.presentation.context import open_chapter
from quartieri_erp.chapters import indicators as ci
from quartieri_erp.chapters import reconciliation as rc
from quartieri_erp.chapters import summary
from quartieri_erp.inputs.curated.citations import source_line
from quartieri_erp.presentation.display import md, show_table
from quartieri_erp.indicators.published_figures import reconcile

ch = open_chapter(globals(), monitoring=True)
ind = ch.indicators().indicators
published = ch.table("published_indicators")
labels = ch.labels()
discrepancies = ch.table("discrepancies").set_index("discrepancy_id")
documents = ch.table("documents")
conflicts = rc.source_conflicts(published)
checks = rc.count_share_checks(published)
sums = rc.distribution_sums(published, labels["indicator"], labels["group"])
rows = rc.compare_rows(reconcile(ind, published), ind, conflicts, checks, ch.findings)
printed = published["source"].radd("000 ")  # the rows cite lines of the published report (document 000)

# %%
md(f"""
Questa appendice mette ogni cifra del capitolo sui destinatari del rapporto pubblicato accanto al valore
ricalcolato dai dati di monitoraggio di questa edizione, aggiornati {summary.as_of_with(ch.as_of, "al")}. Le cifre pubblicate
sono registrate nei dati del programma con la tabella o la figura del rapporto da cui provengono, il testo
stampato e, per le affermazioni solo qualitative come «più alta nei PIP», una forma che si può verificare.
{rc.comparison_note(ch.synthetic)}

{rc.summary_sentence(rc.status_counts(rows))}
""")

# %% [markdown]
# L'esito di ciascuna cifra è uno di tre:
#
# - **coincide**: il valore calcolato, arrotondato per eccesso dal mezzo alla precisione stampata, dà la stessa
#   cifra, oppure l'affermazione qualitativa è vera sui dati;
# - **differisce**: il valore calcolato arrotondato dà un'altra cifra, oppure l'affermazione è falsa sui dati;
# - **incoerente nella fonte**: il rapporto stesso non può avere ragione così com'è stampato, perché la cifra
#   contraddice altre cifre o frasi dello stesso capitolo; la spiegazione dice anche se il valore calcolato
#   coincide con la lettura adottata.
#
# ## Le etichette dei sub-progetti {#sec-riconciliazione-etichette}

# %%
md(f"""
{rc.reading_sentences(published)} La @tbl-riconciliazione-letture mette alla prova le due letture.
{rc.overlap_sentence(published)}
""")

# %%
#| label: tbl-riconciliazione-letture
#| tbl-cap: "Le due letture delle cifre dei sub-progetti alla prova delle altre cifre pubblicate"
show_table(rc.readings_table(published), widths=[4, 3, 3])
md(source_line(printed, documents, note=rc.printed_pip_figures(published)))

# %% [markdown]
# ## Il confronto cifra per cifra {#sec-riconciliazione-confronto}
#
# Tra i valori pubblicati, le cifre scritte in lettere sono riportate tra virgolette con il valore con cui sono
# lette; quelle non stampate ma ricavabili per differenza sono segnalate come tali. Con i dati reali il valore calcolato
# ha un decimale in più della cifra stampata, per mostrare l'effetto dell'arrotondamento; con dati sintetici è
# mostrato alla precisione stampata, e delle affermazioni qualitative si dice solo se sono vere sui dati. Nella
# versione stampata la tabella riunisce le cifre di ogni voce e ne dà l'esito, con il codice della discordanza che lo spiega; la versione
# web aggiunge la spiegazione di ogni esito.

# %%
#| label: tbl-riconciliazione
#| tbl-cap: "Le cifre del capitolo pubblicato sui destinatari e i valori calcolati"
show_table(ci.with_mark(rc.reconciliation_table(rows, labels), ch.marked), widths=[3, 3, 4],
           pdf=ci.with_mark(rc.reconciliation_compact(rows, labels), ch.marked), pdf_widths=[3, 6, 3])
md(source_line(printed, documents, note=f"Valori calcolati su {ci.monitoring_source(ch.as_of, ch.synthetic)}."))

# %% [markdown]
# ## Somme e residui {#sec-riconciliazione-somme}
#
# Ogni quota stampata senza decimali può scostarsi fino a mezzo punto dal valore esatto, per cui le quote di una
# distribuzione possono sommare a poco più o poco meno di cento senza alcun errore. Alcune quote, poi, il rapporto
# non le stampa come cifra: sono scritte in lettere o vanno ricavate per differenza dalle altre.

# %%
md(rc.sums_sentence(sums))

# %%
#| label: tbl-riconciliazione-somme
#| tbl-cap: "Somme delle quote pubblicate per distribuzione"
show_table(rc.sums_table(sums), widths=[3, 4, 3])
md(source_line(printed, documents, note="Somme e scarti calcolati."))

# %% [markdown]
# ## Le discordanze del capitolo sui destinatari {#sec-riconciliazione-discordanze}
#
# Il registro delle discordanze tra le fonti (@sec-provenienza) rinvia a questa appendice per le cifre del
# capitolo sui destinatari. Ecco come si risolvono.

# %%
items = rc.discrepancy_items(published, conflicts, checks, sums)
md(rc.discrepancy_list(items, discrepancies))
