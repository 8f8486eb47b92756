# %% [markdown]
# # Note di metodo {#sec-metodo}

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
from quartieri_erp.chapters import method as cm
from quartieri_erp.chapters import reconciliation as rc
from quartieri_erp.inputs.curated.citations import source_line
from quartieri_erp.indicators.disclosure import mark
from quartieri_erp.presentation.display import md, show_table
from quartieri_erp.presentation.formatting import EDGES, fmt_int, fmt_pct
from quartieri_erp.presentation.markup import number
from quartieri_erp.presentation.provenance import curated

ch = open_chapter(globals(), monitoring=True)
found = ch.indicators()
tests = found.tests
info = ch.edition_info()
labels = ch.labels()
published = ch.table("published_indicators")
ind = ch.indicator_table
value = ch.value
both = value("participants", "entrambi")

# %% [markdown]
# Queste note spiegano da dove vengono i dati del rapporto e come sono calcolati gli indicatori, gli intervalli di
# confidenza e i test del capitolo sui destinatari (@sec-indicatori).
#
# ## Le fonti dei dati {#sec-metodo-fonti}

# %%
md(f"""
Il rapporto legge tre gruppi di file, verificati a ogni esecuzione:

- i **dati di monitoraggio dei partecipanti**, nella cartella dati dell'edizione: i progetti, le persone
  raggiunte con le loro caratteristiche all'ingresso e le loro iscrizioni ai due sub-progetti, con lo stato dei
  PIP; {cm.cutoff_sentence(ch.as_of, info)};
- i **dati del programma**, ricavati dal rapporto pubblicato e dagli altri documenti, ciascun valore con la
  tabella, la sezione o la pagina da cui proviene (@sec-provenienza);
- le **tabelle di riferimento**: province, comuni, paesi con la loro area di provenienza, livelli di istruzione,
  indicatori comuni del FSE ed etichette italiane dei codici.
""")

# %% [markdown]
# ## Il contratto dei dati di monitoraggio {#sec-metodo-contratto}

# %%
md(f"""
Ogni file di monitoraggio deve rispettare un contratto: colonne, codici ammessi e regole di coerenza tra i file.
Ogni iscrizione rimanda a una persona esistente e ogni persona a un progetto esistente; nessuna data è successiva
alla data di riferimento; lo stato di avanzamento è registrato solo per i PIP. I controlli sono eseguiti tutti
alla lettura e, se qualcosa non va, l'elaborazione si ferma con l'elenco completo dei problemi, file per file e
riga per riga. Il dizionario dei dati (@sec-dizionario) descrive ogni colonna. In questa edizione i file
contengono {fmt_int(value("projects"))} progetti, {fmt_int(value("participants"))} persone e
{fmt_int(ci.as_published(value("participants", "laboratorio_sociale")) + ci.as_published(value("participants", "pip")))}
iscrizioni ai sub-progetti.
L'età è quella all'ingresso in anni compiuti, la cittadinanza un codice di paese da cui si ricava l'area di
provenienza, lo svantaggio la condizione principale registrata all'ingresso.
""")

# %% [markdown]
# ## L'edizione dei dati {#sec-metodo-edizione}

# %%
md(cm.synthetic_paragraph(info, ch.synthetic))

# %% [markdown]
# ## Gli indicatori {#sec-metodo-indicatori}

# %%
md(f"""
I destinatari sono le persone distinte con almeno un'iscrizione. I destinatari di un sub-progetto sono le persone
iscritte a quel sub-progetto: chi partecipa a entrambi conta in tutti e due, per cui i destinatari dei
Laboratori Sociali e quelli dei PIP sommano a più del totale. Le quote sono calcolate sulle persone del gruppo, con
tre eccezioni: l'area di provenienza sui soli stranieri del gruppo, lo stato di attuazione sui PIP avviati, la
condizione occupazionale come rilevata all'ingresso. Le fasce d'età sono {ci.category_list(labels["age_band"], "age_band")}
(in anni compiuti); è vulnerabile chi ha una condizione di svantaggio diversa da «nessuna»; l'età media è la media
aritmetica delle età all'ingresso. Per gli indicatori comuni del FSE sono contati tra i disoccupati anche quanti
cercano la prima occupazione e tra i titoli fino alla secondaria inferiore anche chi non ne ha alcuno.
""")

# %% [markdown]
# ## Gli intervalli di confidenza {#sec-metodo-intervalli}

# %%
md(f"""
{cm.wilson_sentence()}

I destinatari non sono un campione: sono tutte le persone raggiunte. L'intervallo misura allora l'incertezza
dovuta al caso nel processo che porta le persone nei progetti, cioè di quanto la quota potrebbe cambiare con
altri partecipanti nelle stesse condizioni; non misura errori di registrazione dei dati.
""")

# %% [markdown]
# ## I confronti tra sub-progetti {#sec-metodo-test}

# %%
md(cm.tests_paragraph(tests, labels["indicator"], both, ch.findings))

# %%
#| label: tbl-metodo-test
#| tbl-cap: "I test delle differenze tra chi partecipa solo ai Laboratori Sociali e chi solo ai PIP"
if ch.findings:
    show_table(ci.with_mark(cm.tests_table(tests, labels["indicator"]), ch.marked))
    md(source_line(also=[ci.monitoring_source(ch.as_of, ch.synthetic)]))

# %% [markdown]
# ## Gli arrotondamenti {#sec-metodo-arrotondamenti}

# %%
edges = [fmt_pct(edge / 100, 0, src=cm.METHOD) for edge in EDGES]
md(f"""
{cm.rounding_sentence()} Nel testo le quote hanno di norma zero decimali, come nel rapporto pubblicato; ne hanno
di più quando l'arrotondamento farebbe leggere {", ".join(edges[:-1])} o {edges[-1]} per una quota che non lo è, o quando due quote
messe a confronto risulterebbero uguali. Le somme di quote arrotondate possono perciò discostarsi da cento
(@sec-riconciliazione-somme).
""")

# %% [markdown]
# ## La riservatezza {#sec-metodo-riservatezza}

# %%
threshold_src = curated("soglia di riservatezza, parametro dell'esecuzione")
md(f"""
Il rapporto mostra solo dati aggregati: nessuna riga riferita a una singola persona. Nelle ripartizioni più fini
di quella per sub-progetto, come la provincia di residenza (@fig-provincia), i conteggi inferiori a
{fmt_int(ch.suppression_threshold, src=threshold_src)} persone sono oscurati e sostituiti dal simbolo
«{number(mark(ch.suppression_threshold), threshold_src)}»,
insieme alle quote e agli intervalli calcolati su di essi; se in una riga resta un solo valore oscurato, si
oscura anche il più piccolo degli altri, perché non lo si possa ricostruire per differenza dal totale. Le frasi
del capitolo non usano mai valori oscurati. La soglia è un parametro dell'esecuzione. Le quote per sub-progetto a livello regionale non sono oscurate
anche quando riguardano poche persone: il capitolo lo segnala dove accade.
""")

# %% [markdown]
# ## La lettura delle etichette dei sub-progetti {#sec-metodo-etichette}

# %%
md(f"""
{rc.reading_summary(published)} La verifica completa è nell'appendice di riconciliazione
(@sec-riconciliazione-etichette).
""")
