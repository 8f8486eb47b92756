# %% [markdown]
# # Gli interventi per la gestione sociale dei quartieri di edilizia pubblica in Lombardia {#sec-politiche}

# %% tags=["parameters"]
edition = "2021"
as_of = "2020-11-30"
data_dir = "data/synthetic"
programme_dir = "data/programme"
reference_dir = "data/reference"
suppression_threshold = 5
illustrative = False

# %%
from quartieri_erp.presentation import charts
from quartieri_erp.presentation.context import open_chapter
from quartieri_erp.chapters import policy
from quartieri_erp.chapters.call import EVENTS as E
from quartieri_erp.chapters.cited import Cited, heading, sourced_date
from quartieri_erp.chapters.wording import with_article
from quartieri_erp.inputs.curated import cite
from quartieri_erp.inputs.curated.citations import source_line
from quartieri_erp.presentation.display import md, show_figure, show_table
from quartieri_erp.presentation.formatting import fmt_eur, fmt_eur_millions, fmt_int, fmt_num, fmt_pct
from quartieri_erp.presentation.markup import escape
from quartieri_erp.presentation.provenance import Sourced, derived

ch = open_chapter(globals())
cited = Cited.load(ch)
sections = cited.sections
labs = ch.table("experimentation_labs")
reflections = ch.table("evaluative_reflections")
documents = ch.table("documents")
labels = ch.labels()

events = policy.policy_events(cited.timeline, labels["timeline_category"])
areas = labels["intervention_area"]
fact, when, year, act, see = cited.fact, cited.when, cited.year, cited.act, cited.see
lab = policy.labs_overview_sourced(labs, cited)
area_counts = policy.area_counts(labs, areas)
labs_src = cited.column(labs, "source")

# %%
md(f"""
Il POR FSE 2014-2020 non inventa la gestione sociale dei quartieri di edilizia residenziale pubblica (ERP): la
eredita da un percorso regionale iniziato con i Contratti di Quartiere e arrivato, con la sperimentazione dei
Laboratori sociali avviata nel {year(E.labs_criteria_approved)}, a un modello di intervento già provato sul campo. Il
filo che lega le tappe è il cambiamento del ruolo di chi gestisce gli alloggi pubblici: da ente che costruisce e
ristruttura a soggetto responsabile anche delle relazioni con gli inquilini e tra di loro. La @fig-politiche-tappe
ricostruisce il percorso in tre fasi; la @tbl-politiche-atti ne elenca gli atti formali.
""")

# %%
#| label: fig-politiche-tappe
#| fig-cap: "L'evoluzione del concetto di gestione sociale nel contesto abitativo lombardo"
#| fig-alt: "Linea del tempo verticale in tre blocchi (Contratti di Quartiere, programmazione regionale, sperimentazione dei Laboratori sociali): per ogni evento la data e una breve descrizione, dal più antico al più recente."
show_figure(charts.phase_timeline(events, source=cite(events["source"], documents)))

# %%
#| label: tbl-politiche-atti
#| tbl-cap: "Gli atti formali del percorso"
show_table(policy.acts_table_sourced(events, cited))
md(source_line(events.dropna(subset=["act"])["source"], documents))

# %%
md(heading(sections, "1.1", "sec-politiche-cdq", 2))

# %%
md(f"""
I Contratti di Quartiere sono programmi sperimentali di recupero urbano per quartieri con edifici e spazi
degradati, servizi carenti e scarsa coesione sociale. La prima edizione, promossa nel {year(E.cdq_first)} dal
Ministero delle Infrastrutture e dei Trasporti insieme alla Regione, resta centrata sulle opere. Con la
seconda, del {year(E.cdq_second)}, gli obiettivi sociali ed economici diventano espliciti, gli abitanti
partecipano alla definizione del programma e alla riqualificazione degli edifici si affiancano servizi di
quartiere: centri per anziani, spazi gioco, biblioteche, mercati rionali, luoghi di aggregazione. Il
gestore del patrimonio pubblico smette di essere soltanto un esecutore di lavori e diventa un interlocutore
stabile degli inquilini.
""")

# %%
national, regional = fact("cdq_national_count"), fact("cdq_regional_count")
in_progress, completed = fact("cdq_national_in_progress"), fact("cdq_regional_completed")
md(f"""
In Lombardia la Regione ha sottoscritto con ALER e Comuni {fmt_int(national + regional)} Contratti di Quartiere
(@tbl-cdq): {fmt_int(national)} nazionali, cofinanziati dal Ministero con una dotazione di
{fmt_eur_millions(fact("cdq_national_budget_eur"), 0)}, e {fmt_int(regional)} regionali, con un investimento di circa
{fmt_eur_millions(fact("cdq_regional_investment_eur"), 0)}; la fonte non chiarisce se la prima cifra copra i soli
contratti nazionali o l'intero programma. Erano ancora aperti, {cited.fact_date("cdq_national_in_progress", "al")},
{fmt_int(in_progress)} contratti nazionali su {fmt_int(national)} ({fmt_pct(in_progress / national, 0)}), mentre dei
regionali ne risultavano completati {fmt_int(completed)} su {fmt_int(regional)}. La durata dei programmi che uniscono
opere e azioni sociali è un tema che ritorna nelle strategie di sviluppo urbano descritte nel capitolo successivo
(@sec-bando-sus).
""")

# %%
#| label: tbl-cdq
#| tbl-cap: "I Contratti di Quartiere sottoscritti in Lombardia"
cdq = policy.cdq_table_sourced(cited)
show_table(cdq, align={c: "right" for c in cdq.columns[1:]})
md(source_line(policy.facts_rows(cited.facts, "cdq_")["source"], documents))

# %%
md(f"""
Il Comune di Milano, dove si concentrano patrimonio pubblico e bisogni, assume presto il ruolo di terreno di prova:
con la delibera {when(E.milano_cohesion_projects, "del")} ({act(E.milano_cohesion_projects)}) la Regione finanzia due
progetti di coesione sociale nei quartieri Mazzini e Quarto Oggiaro e una ricerca sul concetto stesso di coesione
sociale, per dare ai programmi successivi una base di conoscenza comune.
""")

# %%
md(heading(sections, "1.2", "sec-politiche-prerp", 2))

# %%
md(f"""
Con il Programma Regionale per l'Edilizia Residenziale Pubblica (PRERP), approvato {when(E.prerp_approved, "il")}
({act(E.prerp_approved)}), l'integrazione tra riqualificazione e coesione sociale entra nella programmazione ordinaria;
dalla sua attuazione nasce il secondo programma regionale dei Contratti di Quartiere. L'idea guida è che l'alloggio
pubblico diventi un servizio abitativo, cioè una casa collegata ai servizi di cui la famiglia o la persona ha
bisogno, anche solo per un periodo. Il Programma fissa principi che restano attuali:
""")

# %% [markdown]
# - **innovazione**: collegare le strategie di riqualificazione abitativa, economica, sociale e ambientale;
# - **sperimentazione**: provare programmi complessi in alcuni contesti per individuare le pratiche
#   migliori e diffonderle nel resto della regione;
# - **empowerment di comunità**: affidare i progetti a partenariati locali e coinvolgere le reti del
#   territorio a loro sostegno;
# - **confronto e mainstreaming**: creare occasioni di scambio tra i soggetti coinvolti, utili alla
#   programmazione e alla valutazione delle politiche;
# - **sostenibilità**: creare le condizioni perché i partenariati mantengano gli effetti positivi anche
#   dopo la fine del finanziamento.
#
# Sono criteri che ritornano nell'avviso regionale del POR FSE (@sec-bando-avviso): progetti affidati a
# partenariati locali, carattere sperimentale, modelli da descrivere e diffondere in altri contesti.

# %%
md(heading(sections, "1.3", "sec-politiche-patto", 2))

# %%
md(f"""
L'impegno a unire riqualificazione urbana e coesione sociale diventa un accordo formale con il Patto per la Casa,
firmato {when(E.patto_signed, "il")} dal presidente della Regione Roberto Formigoni e dall'assessore alla Casa
Domenico Zambetti con i soggetti pubblici, privati e sociali del settore: sindaci dei capoluoghi, ANCI e UPL,
sindacati degli inquilini e confederali, costruttori, artigiani, banche, cooperative, ordini professionali,
volontariato. Il testo nasce da un confronto svolto nella seconda metà del {year(E.patto_plenary_first)}, con incontri
tematici sul territorio e sedute plenarie {when(E.patto_plenary_first, "il")}, {when(E.patto_plenary_second, "il")} e
{when(E.patto_plenary_third, "il")}. Per la gestione sociale contano due punti:
""")

# %% [markdown]
# - alle ALER è riconosciuta una responsabilità sociale e affidato un presidio del territorio, per
#   prevenire il degrado e migliorare sicurezza, vivibilità e integrazione;
# - Comuni e ALER sono chiamati a collaborare come «costruttori di socialità», con progetti di tutor di
#   fabbricato, squadre per le emergenze manutentive, mediazione linguistica e culturale, custodia sociale
#   e portierato, mix sociale, contrasto alla morosità incolpevole.

# %%
md(f"""
Il principio del welfare abitativo entra poi nelle direttive alle ALER del {year(E.aler_directive)}, che chiedono una
gestione orientata alla qualità del servizio e alla soddisfazione degli inquilini, coerente con la funzione sociale
delle aziende. Chiude il quadro la legge regionale sui servizi abitativi ({act(E.housing_law)}): Comuni, ALER e
operatori accreditati devono curare anche la partecipazione degli inquilini, la mediazione e la prevenzione dei
conflitti. È la cornice normativa dell'avviso regionale.
""")

# %%
md(heading(sections, "1.4", "sec-politiche-laboratori", 2))

# %%
md(f"""
Il passaggio più diretto verso l'intervento del POR FSE è il bando «Laboratori sociali di quartiere – Nuovi spazi di
attivazione sociale», i cui criteri sono approvati dalla Giunta {when(E.labs_criteria_approved, "il")}
({act(E.labs_criteria_approved)}). La delibera lo lega esplicitamente ai Contratti di Quartiere: il gestore deve
occuparsi della vita sociale del quartiere, favorire buone relazioni con gli abitanti e tra di loro e assumersi una
responsabilità sociale verso i propri inquilini. Il rapporto pubblicato colloca il bando in un biennio precedente; la
data della delibera e la valutazione originale lo riportano invece al {year(E.labs_criteria_approved)} ({see("D26")}).

Ai Comuni il bando chiede presidi locali che rafforzino il senso di appartenenza, facilitino i rapporti tra inquilini
e con il gestore, raccolgano i bisogni e orientino ai servizi del territorio, pubblici e del privato sociale; ai
gestori, un'attenzione più diretta ai problemi sociali degli inquilini. I progetti potevano lavorare su uno o più
ambiti:
""")

# %% [markdown]
# - **promozione della rappresentanza**: percorsi partecipativi che rendano gli abitanti più consapevoli e
#   i gestori più attenti alla qualità del servizio;
# - **organizzazione dell'intermediazione** tra inquilini e proprietà: nuove figure sul territorio che
#   raccolgano e smistino le richieste di manutenzione e di gestione;
# - **promozione dell'autogestione**: inquilini che da fruitori passivi diventano responsabili della
#   qualità del proprio abitare;
# - **contrasto alla morosità incolpevole**: procedure aziendali riviste, legami con il reinserimento
#   lavorativo, piccole prestazioni affidate ai residenti, prevenzione;
# - **contrasto al disagio sociale**: coordinamento delle politiche pubbliche e accompagnamento verso le
#   misure di welfare, anche con percorsi di empowerment dei più fragili.

# %%
top_province = lab["by_province"].index[0]
md(f"""
La dotazione era di {fmt_eur(lab["budget"])} e i progetti dovevano chiudersi entro la fine del
{year(E.labs_deadline)}. Potevano partecipare {with_article(fmt_int(lab["eligible"]), "i")} Comuni con fabbisogno
abitativo classificato acuto, da capoluogo o critico, insieme alle rispettive ALER: ne hanno aderito
{fmt_int(lab["municipalities"])} ({fmt_pct(lab["participation"], 0)}), con {fmt_int(lab["labs"])} laboratori ammessi,
perché {policy.repeated_municipalities_sentence_sourced(labs, cited)}. Ogni laboratorio disponeva in media di
{fmt_eur(lab["budget_per_lab"], 0)} (valore calcolato). I capofila sono Comuni in {fmt_int(lab["comune_led"])} casi e
ALER in {fmt_int(lab["aler_led"])}; la provincia di {escape(labels["province"][top_province])} ne accoglie
{fmt_int(lab["top_province_labs"])} su {fmt_int(lab["labs"])} (@tbl-laboratori).
""")

# %%
#| label: tbl-laboratori
#| tbl-cap: "I Laboratori sociali della sperimentazione regionale"
show_table(policy.labs_table(labs, areas))
md(source_line(labs["source"], documents))

# %%
md(f"""
Un laboratorio lavora in media su {fmt_num(lab["mean_areas"], 1)} ambiti. Nella codifica della valutazione di Éupolis
Lombardia (@fig-laboratori-ambiti) {policy.area_ranking_sentence_sourced(area_counts, lab["labs"], labs_src)}. È su
questa distribuzione che va letta la prima delle lezioni riportate più avanti, sul peso delle risposte di tipo
assistenziale. La stessa valutazione riporta nel testo conteggi per ambito leggermente diversi da quelli della sua
tabella, qui adottata ({see("D38")}).
""")

# %%
#| label: fig-laboratori-ambiti
#| fig-cap: "Laboratori della sperimentazione per ambito di intervento"
#| fig-alt: "Barre orizzontali con il numero di laboratori attivi in ciascuno dei cinque ambiti di intervento, dal più frequente al meno frequente; un laboratorio può lavorare su più ambiti."
ranked = area_counts.sort_values("labs", ascending=False, kind="stable")
show_figure(charts.value_bars(ranked, "area", "labs", source=cite(labs["source"], documents),
                              xlabel="Laboratori (un laboratorio può lavorare su più ambiti)"))

# %%
final_report = documents.set_index("doc_id").loc["002"]
md(f"""
La sperimentazione è stata accompagnata da una valutazione partecipata con {with_article(fmt_int(lab["municipalities"]), "i")}
Comuni coinvolti, curata da Éupolis Lombardia (il rapporto pubblicato le attribuisce una data anteriore a quella del
documento finale, del {sourced_date(f"{final_report['year']}-01-01", "year", cited.source(final_report["source"]))}:
{see("D39")}). La @tbl-riflessioni riprende, riformulate, le
{fmt_int(Sourced(len(reflections), derived(cited.column(reflections, "source").ref)))}
indicazioni che il rapporto pubblicato considera ancora valide per la programmazione.
""")

# %%
#| label: tbl-riflessioni
#| tbl-cap: "Riflessioni valutative maturate in esito alla sperimentazione dei Laboratori sociali"
show_table(policy.reflections_table(reflections))
md(source_line(reflections["source"], documents, note="La fonte riprende la valutazione di Éupolis Lombardia."))

# %% [markdown]
# Queste indicazioni si ritrovano nel disegno dell'intervento del POR FSE (@sec-bando). Ogni progetto
# dell'avviso regionale affianca al Laboratorio sociale (Azione 9.4.2) un sub-progetto di inclusione attiva
# con percorsi di formazione e lavoro (Azione 9.1.3): è la risposta al limite di un approccio solo
# assistenziale. Il capofila deve essere un Comune o un'ALER, cioè uno dei due soggetti che la
# sperimentazione chiedeva di impegnare direttamente, e il coinvolgimento degli abitanti nella vita del
# laboratorio è tra gli obiettivi dei progetti. Resta più debole la risposta sulla continuità: l'avviso
# chiede di descrivere modelli replicabili e di diffonderli, ma tra gli obiettivi riportati non compaiono
# impegni sulla prosecuzione delle attività a finanziamento concluso.
