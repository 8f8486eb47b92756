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
{fmt_eur(call.procedures_cost_eur)} (@tbl-procedure). Le strategie urbane scontano i tempi lunghi della
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
show_table(summary.key_figures_table(call, key, summary.counts_flag(key, label_swap_flag(published))))
md(source_line(summary.call_figures_sources(projects, facts, procedures), documents,
               also=[ci.monitoring_source(ch.as_of, ch.synthetic)],
               note="I destinatari dei due sub-progetti si sovrappongono: chi partecipa a entrambi è contato in "
                    f"ciascuno. {label_swap_note(published, short=True, applies=summary.counts_as_published(key))}"))

# %% [markdown]
# ## Le esperienze nei quartieri {#sec-sintesi-quartieri .unnumbered}

# %%
sus_places = summary.case_study_municipalities(cards, ("sus_milano", "sus_bollate"))
call_places = summary.case_study_municipalities(cards, ("avviso_regionale",))
md(f"""
L'approfondimento qualitativo riguarda le Autorità urbane di {join_it(sus_places)} e i progetti
dell'avviso realizzati a {join_it(call_places)} (@sec-casi-studio). Le esperienze differiscono per
approccio, attori e strumenti e sono a stadi diversi di attuazione; insieme offrono pratiche che possono
essere riprese in quartieri simili e un capitale di esperienza da valorizzare. Le indicazioni principali riguardano i
temi scelti per l'analisi.
""")

# %% [markdown]
# **Il dialogo con i residenti.** Ovunque la fase di avvio è stata spesa soprattutto a conquistare la
# fiducia degli abitanti, un lavoro lento che non si conclude mai del tutto. La rete dei partner è stata
# riconosciuta più in fretta dove i soggetti del partenariato agivano in modo coordinato e dove alcuni
# operatori erano già noti nel quartiere per interventi precedenti. Conta soprattutto esserci: un presidio
# fisico stabile, operatori disposti ad ascoltare e ad aiutare le persone a trovare una risposta anche fuori
# dal progetto, strumenti semplici come gli incontri in cortile, le conversazioni dai balconi, lunghe
# aperture dello sportello e il contatto con le associazioni e gli altri soggetti presenti nel quartiere.
#
# **Gli effetti del Covid-19.** La pandemia ha colpito di più i progetti appena partiti, che non avevano
# ancora costruito quella fiducia. Il distanziamento ha imposto nuovi modi di seguire le persone fragili,
# spesso prive di strumenti digitali o poco capaci di usarli: i progetti hanno scelto canali già diffusi e
# facili, come i gruppi WhatsApp e le videochiamate, e in molti casi il Laboratorio è diventato il punto in
# cui si raccolgono i bisogni e si indirizzano le persone verso gli aiuti del Comune e delle associazioni
# del quartiere.
#
# **Inclusione sociale ed economia locale.** Collegare i percorsi di inclusione attiva allo sviluppo
# dell'economia del quartiere è la strada più promettente per la programmazione 2021-2027: interventi su
# più livelli, più settori e più attività, nei quartieri già coinvolti o in nuove aree segnate da povertà
# economica, culturale e lavorativa. L'esperienza segnala un limite e una risorsa. La Dote Unica Lavoro (DUL) si
# adatta male alla gradualità e alla flessibilità che servono con persone molto fragili, spesso lontane
# anche dalle regole di base del mercato del lavoro. I tirocini, invece, si sono rivelati preziosi anche
# senza l'indennità di partecipazione, che l'avviso non ammetteva, perché imparare facendo è la via più
# efficace per queste persone. Per questo l'integrazione tra i percorsi del FSE e il sostegno alle imprese
# sociali dei quartieri, non ancora sperimentata sul campo, è guardata con grande interesse. Le
# implicazioni sono discusse nelle conclusioni (@sec-conclusioni).

# %%
md(summary.limits_paragraph(ch.synthetic and not ch.illustrative, bool(label_swap_flag(published))))
