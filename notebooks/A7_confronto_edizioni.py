# %% [markdown]
# # Cosa cambia rispetto all'edizione precedente {#sec-confronto-edizioni}

# %% tags=["parameters"]
edition = "2021"
as_of = "2020-11-30"
data_dir = "data/synthetic"
programme_dir = "data/programme"
reference_dir = "data/reference"
suppression_threshold = 5
previous_build = ""
illustrative = False

# %%
from quartieri_erp.presentation.context import open_chapter
from quartieri_erp.chapters import editions
from quartieri_erp.presentation.display import md, show_table

ch = open_chapter(globals(), monitoring=True)
comparison, reconciliation, problem = editions.compare_with_previous(previous_build, ch)

# %% [markdown]
# Questa appendice confronta l'edizione del rapporto con quella precedente, quando la build ne indica la cartella: quali progetti sono entrati nei dati di monitoraggio o ne sono usciti, quali indicatori sui destinatari sono variati e di quanto, quali file di input sono cambiati. Lo stesso confronto si ottiene dalla riga di comando con `quartieri-erp compare`, che elenca anche le frasi della sintesi cambiate tra le due edizioni e scrive il confronto completo in un file CSV.

# %%
md(editions.overview_text(comparison, problem))

# %% [markdown]
# ## Progetti entrati, usciti o variati {#sec-confronto-progetti}
#
# Un progetto è *entrato* se compare solo nei dati di questa edizione, *uscito* se compare solo in quelli dell'edizione precedente, *variato* se cambiano i partecipanti, il capofila o il comune. I partecipanti sotto la soglia di riservatezza non sono indicati.

# %%
#| label: tbl-confronto-progetti
#| tbl-cap: "Progetti entrati, usciti o variati rispetto all'edizione precedente"
show_table(editions.projects_table(comparison))

# %% [markdown]
# ## Indicatori variati {#sec-confronto-indicatori}
#
# La tabella riporta ogni indicatore del capitolo sui destinatari il cui valore è cambiato, con i valori delle due edizioni e la differenza (per le quote, in punti percentuali). La colonna *Oltre gli intervalli* segna le quote per cui gli intervalli di confidenza di Wilson delle due edizioni non si sovrappongono: una variazione così ampia difficilmente si spiega con la sola variabilità del numero di persone osservate. Conteggi ed età media non hanno un intervallo e non sono mai segnati.

# %%
#| label: tbl-confronto-indicatori
#| tbl-cap: "Indicatori sui destinatari variati rispetto all'edizione precedente"
show_table(editions.indicators_table(comparison))

# %% [markdown]
# ## File di input cambiati {#sec-confronto-file}
#
# I file sono confrontati attraverso la loro impronta crittografica (SHA a duecentocinquantasei bit): un file con la stessa impronta ha lo stesso contenuto. Sono indicati per cartella (monitoraggio, programma, riferimento) e nome.

# %%
#| label: tbl-confronto-file
#| tbl-cap: "File di input aggiunti, rimossi o modificati rispetto all'edizione precedente"
show_table(editions.inputs_table(comparison))

# %% [markdown]
# ## Progetti finanziati e dati di monitoraggio {#sec-confronto-riconciliazione}
#
# L'elenco dei progetti finanziati viene dai dati del programma, quello dei progetti con partecipanti dai dati di monitoraggio. Le due fonti dovrebbero coincidere; la validazione degli input segnala ogni differenza come avviso, senza fermare la build, e qui si dice che cosa ne fa il rapporto.

# %%
md(editions.reconciliation_text(reconciliation))
