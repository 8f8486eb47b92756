# %% [markdown]
# # Dizionario dei dati {#sec-dizionario}

# %% tags=["parameters"]
edition = "2021"
as_of = "2020-11-30"
data_dir = "data/synthetic"
programme_dir = "data/programme"
reference_dir = "data/reference"
suppression_threshold = 5
illustrative = False

# %%
from quartieri_erp.inputs import monitoring
from quartieri_erp.presentation.context import open_chapter
from quartieri_erp.chapters import appendices
from quartieri_erp.chapters.wording import date_with, join_it
from quartieri_erp.inputs.dictionary import all_tables, data_dictionary
from quartieri_erp.presentation.display import md
from quartieri_erp.inputs.file_formats import WORKBOOK
from quartieri_erp.presentation.formatting import fmt_int
from quartieri_erp.presentation.markdown_tables import markdown_table
from quartieri_erp.inputs.monitoring.load import EDITION_FILE
from quartieri_erp.presentation.provenance import curated

ch = open_chapter(globals())
tables = all_tables()
dictionary = data_dictionary(tables)
folders = ch.labels()["data_folder"]
files_in = dictionary.groupby("folder")["file"].nunique()
schemas = curated("schemi di validazione di questa edizione")
run = curated("parametri di questa costruzione del rapporto")

# %% [markdown]
# Questa appendice descrive i file che il rapporto legge: per ciascuno, che cosa rappresenta una riga, da dove
# viene e, colonna per colonna, il tipo, gli obblighi e le regole che i valori devono rispettare. Non è scritta
# a mano: è generata dagli stessi schemi con cui ogni file viene verificato prima che il rapporto sia
# costruito, e cambia con loro. Nella versione stampata ogni cartella ha una tabella compatta, con il contenuto di
# ciascun file e le sue colonne: un asterisco segna quelle obbligatorie e, tra parentesi, è indicato il tipo
# delle colonne che non contengono testo; la versione web riporta per intero descrizioni e regole, e l'intero
# dizionario si può scaricare come foglio di calcolo.

# %%
md(appendices.html_only(appendices.download_link(
    "Scarica il dizionario dei dati completo (CSV)", appendices.dictionary_csv(dictionary), "dizionario-dati.csv")))

# %%
md(f"""
I file descritti sono {fmt_int(len(tables), src=schemas)}, per {fmt_int(len(dictionary), src=schemas)} colonne:
{fmt_int(files_in["monitoring"], src=schemas)} di dati di monitoraggio, che chi valuta consegna a ogni nuova edizione
(@sec-dizionario-monitoraggio); {fmt_int(files_in["programme"], src=schemas)} di dati del programma, ricavati dalle fonti
pubblicate (@sec-dizionario-programma); {fmt_int(files_in["reference"], src=schemas)} tabelle di riferimento
(@sec-dizionario-riferimento).
""")

# %%
md(appendices.html_only(
    "**I file letti dal rapporto.**\n\n"
    + markdown_table(appendices.files_overview(tables, folders), widths=[4, 1, 7], sources=schemas)))

# %%
md(appendices.html_only("""
Nelle tabelle di ciascun file, accanto al nome della colonna c'è il suo titolo italiano, quando lo schema
lo prevede. Dopo la descrizione, in corsivo, il tipo e i vincoli: come va scritto il valore (testo, numero
intero, numero con il punto come separatore decimale, data nella forma anno-mese-giorno, oppure
`true`/`false`), se la colonna è obbligatoria (deve esserci e ogni cella va compilata), se può restare vuota
o se è facoltativa, se i valori devono essere unici e quale regola devono rispettare: l'elenco dei valori
ammessi, un intervallo, uno schema di scrittura. Le regole che hanno un messaggio proprio sono citate tra
virgolette basse, in inglese, con le stesse parole con cui la verifica segnala un valore che non le rispetta;
le altre (valori ammessi, intervalli, forme di scrittura) sono espresse in italiano.
"""))

# %% [markdown]
# ## Il contratto dei dati di monitoraggio {#sec-dizionario-monitoraggio}

# %%
file = appendices.file_code
projects, participants, enrolments = (file(spec.file) for spec in monitoring.TABLES)
md(f"""
Chi valuta una nuova edizione consegna i dati di monitoraggio in una cartella, indicata dal parametro
`data_dir` della costruzione del rapporto, con i file
{join_it([projects, participants, enrolments])}, con i nomi delle colonne nella prima riga; una cella
vuota è un valore mancante e le colonne in più sono ignorate. I file possono essere:

- CSV in codifica `UTF-8`, con o senza BOM, o `Windows-1252`, separati da virgole, punti e virgola o tabulazioni;
  con il punto e virgola, come nei CSV prodotti da Excel in italiano, i numeri possono avere la virgola
  decimale e il punto delle migliaia;
- cartelle di lavoro Excel `{WORKBOOK}` con lo stesso nome del file CSV che sostituiscono: la tabella è nel
  foglio che porta il nome del file, o nell'unico foglio.

Un file che non si riesce a leggere (per esempio in un'altra codifica, o salvato in un vecchio formato di
Excel) è rifiutato con un messaggio che dice come salvarlo. Un file facoltativo, {file(EDITION_FILE)}, dichiara se i dati sono sintetici (`synthetic: true`) e la
data di estrazione (`extracted_on`).

Prima di eseguire qualsiasi capitolo, la costruzione del rapporto controlla ogni file con le regole delle
tabelle che seguono e poi le regole che legano i file tra loro:

- ogni persona compare una sola volta in {participants} e ha almeno una riga in {enrolments}; ogni
  riga di {enrolments} si riferisce a una persona di {participants}, e nessuno è iscritto due volte
  allo stesso sotto-progetto;
- ogni iscrizione a un PIP ha uno stato, le iscrizioni al Laboratorio sociale non ne hanno;
- nessuna data di avvio è successiva alla data di aggiornamento dei dati, in questa edizione
  {date_with(ch.as_of, "il", src=run)};
- il progetto di ogni persona è una riga di {projects}, la cittadinanza è un codice di {file("countries.csv")} e
  la provincia, delle persone e dei progetti, è una provincia lombarda di {file("provinces.csv")}.

Se una regola non è rispettata la costruzione si ferma ed elenca tutti i problemi trovati, ciascuno con
file, riga, colonna, valore e regola violata. Le regole tra file valgono per i file che hanno superato i
propri controlli: gli errori di un file non impediscono di segnalare quelli degli altri.
""")

# %%
md(appendices.folder_sections(tables, "monitoring"))

# %% [markdown]
# ## I dati del programma {#sec-dizionario-programma}
#
# I file del programma raccolgono i fatti pubblicati nel rapporto e nelle fonti collegate: procedure,
# candidature all'avviso, passaggi e risorse delle strategie urbane, casi di studio, cronologia, glossario.
# Ogni riga cita nella colonna `source` il documento e il punto da cui proviene (tavola, paragrafo, nota); i
# documenti e le discordanze tra le fonti sono descritti nell'appendice sulla provenienza dei dati (@sec-provenienza).

# %%
md(appendices.folder_sections(tables, "programme"))

# %% [markdown]
# ## Le tabelle di riferimento {#sec-dizionario-riferimento}
#
# Le tabelle di riferimento sono elenchi stabili che servono a controllare e a leggere gli altri file: province
# e comuni della Lombardia secondo l'ISTAT, paesi, titoli di studio, indicatori comuni del FSE ed etichette
# italiane dei codici.

# %%
md(appendices.folder_sections(tables, "reference"))
