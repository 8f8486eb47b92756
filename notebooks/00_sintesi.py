# %% [markdown]
# # Sintesi {#sec-sintesi .unnumbered}

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
from quartieri_erp.chapters import summary
from quartieri_erp.chapters.reconciliation import label_swap_flag, label_swap_note
from quartieri_erp.chapters.wording import ProseRefs, join_it, with_article
from quartieri_erp.inputs.curated.citations import source_line
from quartieri_erp.presentation.display import md, show_table
from quartieri_erp.presentation.formatting import fmt_eur, fmt_int

ch = open_chapter(globals(), monitoring=True)
projects = ch.table("projects")
facts = ch.table("facts")
procedures = ch.table("procedures")
timeline = ch.table("timeline")
cards = ch.table("case_studies")
results = ch.table("case_study_results").set_index(["card_id", "metric"])
documents = ch.table("documents")
discrepancies = ch.table("discrepancies")

pages = ch.pages()
citations = dict(zip(documents["doc_id"].astype(str), documents["citation"].astype(str)))
published = ch.table("published_indicators")
call = summary.call_figures(projects, facts, procedures, pages, citations)
key = summary.key_figures(ch.indicators(), published, pages)
refs = summary.SourcedRefs(ProseRefs(timeline, discrepancies, cards), pages, citations)
when, year, start, see = refs.when, refs.year, refs.start, refs.see

# %%
md(f"""
Il rapporto valuta i progetti con cui Regione Lombardia ha portato la gestione sociale dei quartieri di
edilizia residenziale pubblica (ERP) dentro il POR FSE 2014-2020: Laboratori sociali che presidiano il
quartiere (Azione 9.4.2) e percorsi personalizzati che accompagnano verso il lavoro i residenti in
difficoltà economica (Azione 9.1.3). Le risorse arrivano ai quartieri per due canali: un avviso regionale,
che ha finanziato {fmt_int(call.funded)} progetti su {fmt_int(call.applications)} candidature con
{fmt_eur(call.resources_eur)}, e le strategie di sviluppo urbano sostenibile di Milano, nel quartiere
Lorenteggio, e di Bollate, dove il FSE affianca la riqualificazione edilizia finanziata dal FESR.
""")

# %% [markdown]
# ## Le radici dell'intervento {#sec-sintesi-radici .unnumbered}

# %%
md(f"""
Il modello non nasce con il FSE. I Contratti di Quartiere di seconda generazione, avviati nel
{year("E02")}, portano dentro la rigenerazione urbana le relazioni tra gli abitanti e la loro
partecipazione, e fanno del gestore degli alloggi pubblici un interlocutore degli inquilini, non più
soltanto chi costruisce e ristruttura. Il programma regionale per l'edilizia pubblica approvato nel
{year("E04")} inserisce il legame tra riqualificazione e coesione sociale nella programmazione ordinaria;
il Patto per la Casa del {year("E08")} affida alle ALER un presidio sociale del territorio contro il
degrado; la sperimentazione dei Laboratori sociali di quartiere, avviata nel {year("E10")}, mette alla
prova lo strumento che il POR FSE estende poi a tutta la regione (@sec-politiche).
""")

# %% [markdown]
# ## Lo stato di attuazione {#sec-sintesi-attuazione .unnumbered}

# %%
md(f"""
Le procedure attivate sulle due azioni sono {fmt_int(call.procedures)}, per un costo complessivo di
{fmt_eur(call.procedures_cost_eur)}, calcolato sommando le righe della tabella pubblicata (@tbl-procedure). Le strategie urbane scontano i tempi lunghi della
riqualificazione edilizia, ma il giudizio sulla loro esperienza è positivo e ne suggerisce la
prosecuzione nel ciclo 2021-2027. Lo stato di avanzamento è però molto diverso da un canale all'altro:

- **Milano, quartiere Lorenteggio.** È l'esperienza più matura: il Laboratorio sociale MILOLAB è
  operativo {start("4.1", "dal")}, i percorsi di inclusione attiva affidati ad AFOL
  Metropolitana sono partiti {start("4.2", "il")} e un avviso FESR sostiene le imprese a impatto sociale del
  quartiere, con le prime ammissioni {when("E25", "il")}.
- **Bollate.** Gli interventi FSE sono appena avviati ma promettenti: il Laboratorio sociale è stato
  affidato {when("E21", "il")}, con attività previste {when("E30", "dal")}, e l'avviso plurifondo FSE-FESR
  «Rigenerare le competenze, competenze per la rigenerazione» ha portato {when("E27", "il")}
  all'approvazione di {fmt_int(summary.result_value(results, "4.4", "approved_projects", pages))} progetti, che
  partiranno {start("4.4", "il")}. La sintesi del rapporto originale descriveva una fase precedente a questi
  passaggi; qui si segue il corpo del rapporto ({see("D25")}).
- **Avviso regionale.** {with_article(fmt_int(call.funded), "dei").capitalize()} progetti finanziati, {fmt_int(call.first_ranking)}
  sono entrati nella prima graduatoria ({when("E14")}) e gli altri
  {fmt_int(call.funded - call.first_ranking)} nello scorrimento reso possibile dall'integrazione delle
  risorse ({when("E16")}). I primi sono conclusi o in chiusura, gli altri prossimi alla conclusione; per
  la pandemia il termine delle attività è stato prorogato {when("E32", "al")} (@sec-bando).
""")

# %% [markdown]
# ## Che cosa dicono i dati di monitoraggio {#sec-sintesi-dati .unnumbered}

# %%
md(f"""
{summary.coverage_sentence(key.projects, call.funded)}
{summary.reach_sentence(key.participants, key.pip_share, ch.as_of)}
{summary.pip_outcome_sentence(key.pip_concluded, key.pip_in_progress, key.pip_withdrawn)}

{summary.vulnerability_sentence(key.vulnerable, key.vulnerable_lab, key.vulnerable_pip,
                                key.disadvantage_difference, ch.findings)}
{summary.lab_profile_sentence(key.women_lab, key.mean_age_lab, key.employed_or_retired_lab)}
{summary.age_sentence(key.mean_age_lab, key.mean_age_pip, key.age_difference, ch.findings)}
I valori principali sono riassunti nella @tbl-sintesi-numeri; l'analisi completa è nel capitolo sugli
indicatori (@sec-indicatori).

{summary.partners_sentence(call.non_accredited_partners, call.non_accredited_share)} Affidare i progetti a
partenariati pubblico-privati tiene le attività vicine ai bisogni dei quartieri e porta competenze
specialistiche sia nella conduzione dei Laboratori sia nei servizi al lavoro e alla formazione.
""")

# %%
#| label: tbl-sintesi-numeri
#| tbl-cap: "I valori chiave del rapporto"
swap_flag = summary.counts_flag(key, label_swap_flag(published))
show_table(summary.key_figures_table(call, key, swap_flag))
md(source_line(summary.call_figures_sources(projects, facts, procedures), documents,
               also=[ci.monitoring_source(ch.as_of, ch.synthetic)],
               note=summary.key_figures_note(swap_flag, label_swap_note(published, short=True,
                                                                        applies=summary.counts_as_published(key)))))

# %% [markdown]
# ## Le esperienze nei quartieri {#sec-sintesi-quartieri .unnumbered}

# %%
sus_places = summary.case_study_municipalities(cards, ("sus_milano", "sus_bollate"))
call_places = summary.case_study_municipalities(cards, ("avviso_regionale",))
md(f"""
L'approfondimento qualitativo riguarda le Autorità urbane di {join_it(sus_places)} e i progetti
dell'avviso realizzati a {join_it(call_places)} (@sec-casi-studio). Le esperienze differiscono per
approccio, attori e strumenti e sono a stadi diversi di attuazione, ma da ciascuna vengono soluzioni
trasferibili ad altri quartieri ERP. Di seguito le indicazioni principali, ordinate secondo i temi scelti per
l'analisi.
""")

# %% [markdown]
# **Il dialogo con i residenti.** Guadagnare la fiducia degli abitanti ha occupato gran parte dell'avvio e
# non è mai un risultato acquisito. I progetti sono stati accettati prima dove il partenariato si muoveva
# unito e dove qualche operatore era già conosciuto nel quartiere. Fanno la differenza una presenza fisica
# costante e l'attitudine ad ascoltare e a cercare risposte anche oltre il progetto, con mezzi semplici: il
# cortile, il balcone, lo sportello aperto a lungo, i rapporti con le associazioni del quartiere.
#
# **Gli effetti del Covid-19.** L'emergenza ha pesato soprattutto sui progetti più giovani, che non
# avevano ancora una rete di fiducia nel quartiere. Per restare vicini a persone fragili e poco abituate al
# digitale si sono usati strumenti alla portata di tutti, dalle chat di gruppo alle videochiamate, e il
# Laboratorio è diventato spesso lo snodo tra gli abitanti in difficoltà e gli aiuti messi in campo da
# Comune e associazioni.
#
# **Inclusione sociale ed economia locale.** Per la programmazione 2021-2027 la direzione indicata è legare
# l'inclusione attiva allo sviluppo economico del quartiere, con interventi che intreccino ambiti e livelli
# diversi, dove i progetti sono già presenti come in nuove aree di povertà economica, culturale e
# lavorativa. Dai casi vengono due lezioni: gli strumenti dotali come la Dote Unica Lavoro (DUL) sono
# troppo rigidi per chi è molto lontano dal lavoro, mentre il tirocinio, cioè imparare sul campo, funziona
# anche senza un'indennità, che l'avviso escludeva. Suscita perciò interesse l'idea, non ancora messa alla
# prova, di collegare i percorsi del FSE al sostegno delle imprese sociali dei quartieri. Le implicazioni
# sono discusse nelle conclusioni (@sec-conclusioni).

# %%
md(summary.limits_paragraph(ch.synthetic and not ch.illustrative, bool(label_swap_flag(published))))
