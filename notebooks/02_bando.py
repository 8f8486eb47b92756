# %% [markdown]
# # L'attuazione dei progetti per la gestione sociale dei quartieri di edilizia pubblica nel POR FSE 2014-2020 {#sec-bando}

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
from quartieri_erp.chapters import call
from quartieri_erp.chapters.call import DISCREPANCIES as D, EVENTS as E, PROCEDURES as PR
from quartieri_erp.chapters.cited import Cited, addition_heading, heading, items_list
from quartieri_erp.chapters.wording import join_it, with_article
from quartieri_erp.inputs.curated import cite
from quartieri_erp.inputs.curated.citations import source_line
from quartieri_erp.presentation.display import md, show_figure, show_table
from quartieri_erp.presentation.formatting import fmt_eur, fmt_eur_millions, fmt_int, fmt_num, fmt_pct
from quartieri_erp.presentation.markup import escape
from quartieri_erp.presentation.provenance import Sourced, curated, derived

ch = open_chapter(globals())
cited = Cited.load(ch)
sections = cited.sections
procedures = ch.table("procedures")
projects = ch.table("projects")
provinces = ch.table("provinces")
steps = ch.table("sus_steps")
resources = ch.table("sus_resources")
lists = ch.table("call_lists")
documents = ch.table("documents")
labels = ch.labels()

funds = labels["fund"]
rankings = labels["ranking"]
fact, when, year, act, see, tense = cited.fact, cited.when, cited.year, cited.act, cited.see, cited.tense
procedure = procedures.set_index("procedure_id")
OBJECTIVES_SECTION = "3.2"  # where the original lists the call's objectives and long-term benefits


def proc(procedure_id, column):
    """A value of Tabella 2.1 with its source."""
    return cited.value(procedure.loc[procedure_id, column], procedure.loc[procedure_id, "source"])


def counted_rows(frame, n=None):
    """A count of curated rows that cite the report: derived from the printed list."""
    return Sourced(len(frame) if n is None else n, derived(cited.column(frame, "source").ref))


# %% [markdown]
# Nel ciclo 2014-2020 la Regione porta la gestione sociale dei quartieri ERP dentro l'Asse II del POR FSE,
# dedicato all'inclusione sociale e alla lotta alla povertà, attraverso due azioni:
#
# - **Azione 9.1.3**, sostegno a persone in temporanea difficoltà economica (anche con microcredito,
#   strumenti rimborsabili o ore di lavoro per la collettività): nei quartieri diventa un'offerta di
#   percorsi di inclusione attiva, cioè formazione e accompagnamento al lavoro con un'indennità di
#   partecipazione, per i residenti più lontani dal mercato del lavoro;
# - **Azione 9.4.2**, servizi di promozione e accompagnamento all'abitare assistito, nella sperimentazione
#   di modelli sociali e abitativi innovativi per persone fragili: è l'azione dei Laboratori sociali,
#   presidi di prossimità per l'aggregazione, l'ascolto dei residenti e la raccolta delle segnalazioni.
#
# Le due azioni arrivano nei quartieri per due strade diverse:
#
# - un **avviso regionale**, «Progettare la gestione sociale dei quartieri ERP in Lombardia», gestito
#   direttamente dalla Regione e aperto a Comuni e ALER di tutta la Lombardia: ogni progetto unisce in un
#   solo intervento un Laboratorio sociale e percorsi personalizzati di inclusione attiva
#   (@sec-bando-avviso);
# - la **co-progettazione con i Comuni di Milano e di Bollate** nelle strategie di sviluppo urbano
#   sostenibile dell'Asse V del POR FESR: qui il Laboratorio sociale accompagna una riqualificazione
#   edilizia di grande scala, che a Milano richiede lo spostamento di molte famiglie, e l'inclusione
#   attiva passa per progetti distinti ma coordinati (@sec-bando-sus).

# %%
costs = call.cost_by_territory(procedures)
table_21 = cited.column(procedures, "cost_eur")
share_src = derived(table_21.ref)
regional_ops = proc(PR.regional_call, "operations")
funded_count = counted_rows(call.funded_projects(projects))
md(f"""
La @tbl-procedure riepiloga le {fmt_int(counted_rows(procedures))} procedure avviate sulle due azioni secondo i dati
di monitoraggio del Programma {call.reference_date_sourced(cited, procedures)}, per un costo complessivo di
{fmt_eur(costs["cost_eur"].sum(), src=share_src)} (somma calcolata). Il costo si ripartisce così: avviso regionale
{fmt_pct(costs.loc["regione", "share"], 0, share_src)}, strategia di Milano
{fmt_pct(costs.loc["sus_milano", "share"], 0, share_src)} (di cui {fmt_eur(proc(PR.milano_programmes, "cost_eur"))}
per il solo avviso sui programmi integrati di welfare, avviato nel {year(E.milano_programmes_call)}), strategia di
Bollate {fmt_pct(costs.loc["sus_bollate", "share"], 0, share_src)}. Per l'avviso regionale
{call.operations_sentence(regional_ops, funded_count)}. La colonna della spesa ammissibile riporta un importo solo
per l'avviso regionale e per il servizio di assistenza tecnica di Milano; altrove la tabella pubblicata, come questa,
stampa un trattino, e il significato della colonna non è documentato ({see(D.eligible_spending_column)}).
""")

# %%
#| label: tbl-procedure
#| tbl-cap: "Bandi in attuazione delle Azioni 9.1.3 e 9.4.2"
show_table(call.procedures_table(procedures),
           formats={"Costo": fmt_eur, "Spesa ammissibile": call.accounting_eur, "Operazioni": fmt_int},
           sources=table_21)
md(source_line(procedures["source"], documents,
               note="La tabella pubblicata riporta dati di monitoraggio del POR FSE. Per l'avviso di Bollate sulle "
                    "competenze riporta solo la quota FSE: l'avviso è finanziato anche dal POR FESR."))

# %%
md(heading(sections, "2.1", "sec-bando-avviso", 2))

# %%
md(f"""
L'avviso «Progettare la gestione sociale dei quartieri ERP in Lombardia», approvato con il
{act(E.call_approved)}, si inserisce nella legge regionale sui servizi abitativi ({act(E.housing_law)}), che chiede a
Comuni, ALER e operatori accreditati di affiancare all'amministrazione degli alloggi la cura della
convivenza: partecipazione degli inquilini, mediazione, prevenzione dei conflitti. L'avviso vuole diffondere una
cultura della gestione sociale e continuare a sperimentarne i modelli, con il Laboratorio sociale come presidio di
prossimità del quartiere e i percorsi di inclusione attiva affidati a operatori accreditati ai servizi al lavoro e
alla formazione. Concorre a due obiettivi specifici dell'Asse II: ridurre la povertà e l'esclusione sociale,
promuovendo l'innovazione sociale, e ridurre il numero di famiglie fragili in condizione di disagio abitativo. Gli
obiettivi specifici assegnati ai progetti e i benefici attesi nel lungo periodo sono elencati più avanti, nel
capitolo sui destinatari (@sec-indicatori-attuazione), dove li colloca anche il rapporto pubblicato
({cited.section_ref(OBJECTIVES_SECTION)}).
""")

# %%
initial, topup, stated = fact("call_initial_budget_eur"), fact("call_topup_eur"), fact("call_budget_total_eur")
initial_913 = fact("call_initial_budget_913_eur")
md(f"""
L'avviso parte con una dotazione di {call.printed_amount(initial)}: {call.printed_amount(initial_913)} per il
sub-progetto di inclusione attiva (Azione 9.1.3) e, per differenza, {call.printed_amount(initial - initial_913)} per i
Laboratori sociali (Azione 9.4.2). Il
rapporto pubblicato non stampa la seconda cifra e attribuisce la prima a un'azione inesistente
({see(D.budget_action_typo, D.budget_942_missing)}). Per finanziare tutte le proposte ammissibili la dotazione è
integrata con {fmt_eur(topup)} ({act(E.call_topup)}) e il rapporto indica in {fmt_eur(stated)} le risorse
complessive. {call.budget_gap_sentence(initial, topup, stated)} Il confronto è nella @tbl-avviso-dotazione. Nel
seguito si usa il totale dichiarato, confermato dalla tabella delle procedure e dal capitolo sui destinatari
({see(D.budget_sum)}).
""")

# %%
#| label: tbl-avviso-dotazione
#| tbl-cap: "La dotazione dell'avviso regionale: valori pubblicati e verifica della somma"
show_table(call.budget_table_sourced(cited), align={"Importo": "right"})
md(source_line(call.budget_rows(cited.facts)["source"], documents))

# %%
outcomes = call.call_outcomes(projects)
funded = call.funded_projects(projects)
first = funded[funded["ranking"] == "prima"]
second = funded[funded["ranking"] == "seconda"]
mean_value = call.mean_project_value(stated, funded_count)
budgets_src = cited.column(projects, "budget_eur", projects["budget_eur"].notna())
md(f"""
Le candidature sono {fmt_int(counted_rows(projects))}: {fmt_int(funded_count)} progetti finanziati e
{fmt_int(counted_rows(projects[projects["outcome"] == call.NOT_ADMITTED]))} non ammessi (@tbl-progetti). I primi
{fmt_int(counted_rows(first))} sono finanziati con la dotazione iniziale ({act(E.first_ranking)}); gli altri
{fmt_int(counted_rows(second))} con lo scorrimento della graduatoria reso possibile dall'integrazione
({when(E.second_ranking)}). Il valore medio di un progetto è di {fmt_eur(mean_value, 0)} (calcolato sul totale
delle risorse; {see(D.mean_project_value)}). Le dotazioni dei singoli progetti non sono pubblicate, tranne quelle
dei casi di studio (@sec-casi-studio): {call.known_budgets_sentence(projects, mean_value, budgets_src)}.
""")

# %%
#| label: tbl-progetti
#| tbl-cap: "Le candidature all'avviso regionale e il loro esito"
show_table(call.projects_table(projects, provinces, rankings, labels["outcome"]))
md(source_line(projects["source"], documents,
               note=f"Provincia: quella del capofila (per le ALER, della sede). Il capofila di un progetto della prima "
                    f"graduatoria non è indicato nella fonte ({see(D.assumed_lead)})."))

# %%
months = fact("call_covid_extension_months")
md(f"""
Con la pandemia di Covid-19 i termini sono stati prorogati di {fmt_int(months)} mesi ({act(E.call_extended)}):
le attività {tense(E.call_end_after_extension, fact="si sono concluse", plan="devono concludersi",
overdue="dovevano concludersi")} entro {fmt_int(fact("call_max_duration_months"))} mesi dall'avvio e comunque
entro {when(E.call_end_after_extension, "il")}. Chi siano i destinatari raggiunti e come abbiano partecipato è
l'oggetto del capitolo successivo (@sec-indicatori).
""")

# %%
md(addition_heading("Capofila e partenariati dei progetti finanziati", "sec-bando-progetti", 3))

# %%
leads = call.lead_type_counts(projects)
by_province = call.lead_provinces(projects, provinces)
named_src = derived(cited.column(funded[~funded["lead_partner_assumed"].astype(bool)], "source").ref)
md(f"""
Questa sezione raccoglie conteggi che il rapporto pubblicato non stampa, calcolati dall'elenco dei capofila.
{call.lead_types_sentence(leads, named_src, see(D.assumed_lead))} I capofila nominati si trovano in
{fmt_int(Sourced(len(by_province), named_src))} province su
{fmt_int(Sourced(len(provinces), curated("ISTAT, elenco delle province lombarde")))} (@tbl-progetti-provincia):
{call.top_province_sentence(by_province, leads["known"], named_src, named_src)}; nessuno dei capofila
nominati ha sede nelle province di {join_it(escape(p) for p in call.provinces_without_funded(projects, provinces))}.
Per i progetti guidati da un'ALER la provincia è quella della sede dell'azienda, non necessariamente quella del
quartiere: il rapporto non localizza questi interventi ({see(D.aler_province)}).
""")

# %%
#| label: tbl-progetti-provincia
#| tbl-cap: "Progetti finanziati dall'avviso regionale per provincia del capofila"
table = call.provinces_table(by_province, leads["assumed"])
show_table(table, sources={table.columns[1]: named_src})
md(source_line(funded["source"], documents,
               note=f"Il capofila di un progetto della prima graduatoria non è indicato nella fonte "
                    f"({see(D.assumed_lead)}); la provincia di un'ALER è quella della sede."))

# %%
partners = call.partner_bounds(cited.facts, funded_count, cited)
md(f"""
Ogni progetto doveva essere presentato da un partenariato di almeno
{fmt_int(fact("call_partnership_min_members"))} soggetti scelti tra Comuni, ALER, enti del terzo settore, imprese
sociali, enti religiosi riconosciuti e operatori che la Regione ha accreditato per la formazione e per i servizi al
lavoro; solo Comuni e ALER potevano fare da capofila, e la presenza di un operatore accreditato era obbligatoria,
perché il sub-progetto di inclusione attiva passa per i servizi al lavoro. Nei progetti finanziati i partner non
accreditati sono {fmt_int(partners["non_accredited"])} ({fmt_pct(partners["share"], 0)} dei partner, esclusi i
capofila). Il totale non è pubblicato: perché la quota arrotondata sia quella stampata deve essere compreso tra
{fmt_int(partners["total_low"])} e {fmt_int(partners["total_high"])}, il che lascia agli operatori accreditati
tra {fmt_int(partners["accredited_low"])} e {fmt_int(partners["accredited_high"])} presenze, in media tra
{fmt_num(partners["per_project_low"], 1)} e {fmt_num(partners["per_project_high"], 1)} per progetto
({see(D.partner_total)}). Il peso dei soggetti non accreditati misura la capacità dei progetti di coinvolgere il
privato sociale del territorio; quello degli operatori accreditati, la base su cui poggiano i percorsi di inclusione
attiva.
""")

# %%
md(heading(sections, "2.2", "sec-bando-sus", 2))

# %%
res = call.resources_frame(resources, labels["strategy"], funds)
strategy_total = call.sourced_strategy_totals(cited, resources)
share = call.fund_shares(resources)
res_src = derived(cited.column(resources, "amount_eur").ref)
all_total = strategy_total["milano_lorenteggio"] + strategy_total["bollate"]
md(f"""
La seconda strada è la rigenerazione integrata di due aree di edilizia pubblica dell'area metropolitana
milanese, segnate da edifici degradati, spazi pubblici trascurati e popolazione fragile: il quartiere
Lorenteggio a Milano e gli ambiti di via Turati e via Verdi a Bollate. I due Comuni sono Autorità urbane e,
per delega delle Autorità di gestione, Organismi intermedi del POR FESR e del POR FSE. Le strategie mettono
insieme più fondi: l'Asse V del POR FESR dispone di {fmt_eur_millions(fact("fesr_axis_v_budget_eur"), 0)},
il POR FSE vi destina al massimo {fmt_eur_millions(fact("fse_sus_max_eur"), 0)} e, con il PON Metro e
i bilanci di Comune e Regione, le risorse attivate superano {fmt_eur_millions(fact("sus_total_min_eur"), 0)}:
le voci dei due quadri finanziari sommano a {fmt_eur_millions(all_total, 2)} (@fig-sus-risorse).

Il FSE pesa per {with_article(fmt_pct(share[("milano_lorenteggio", "FSE")], 0, res_src))} sulle risorse di
Lorenteggio e per {with_article(fmt_pct(share[("bollate", "FSE")], 0, res_src))} su quelle di Bollate; il FESR
rispettivamente per {with_article(fmt_pct(share[("milano_lorenteggio", "FESR")], 0, res_src))} e
{with_article(fmt_pct(share[("bollate", "FESR")], 0, res_src))}.
Il FSE finanzia dunque la parte sociale di interventi di riqualificazione edilizia, e i suoi tempi dipendono da
quelli dei cantieri.
""")

# %%
#| label: fig-sus-risorse
#| fig-cap: "Le risorse della Strategia di Sviluppo Urbano Sostenibile, per intervento e fonte di finanziamento"
#| fig-alt: "Due pannelli di barre orizzontali, uno per Milano-Lorenteggio e uno per Bollate, con l'importo in milioni di euro di ciascuna fonte di finanziamento, sulla stessa scala indicata sotto il secondo pannello."
show_figure(charts.panel_bars(res, "panel", "fund", "amount_eur", source=cite(res["source"], documents),
                              value_text=lambda amount: call.printed_amount(amount, short=True),
                              shared_axis="Importo (milioni di euro)",
                              tick_text=lambda amount: fmt_eur_millions(amount, 0, short=True)))

# %%
milano = call.steps_frame(steps, "milano_lorenteggio", funds)
bollate = call.steps_frame(steps, "bollate", funds)
md(f"""
La regia è condivisa tra l'Autorità di gestione del POR FESR, la Direzione generale competente per le
politiche abitative e le due Autorità urbane. Un intervento con molti attori e molti fondi richiede
protocolli, accordi di programma, deleghe e convenzioni prima che le risorse arrivino ai quartieri: a Milano il
percorso parte {call.sourced_step_when(cited, milano, "protocollo_intesa", "il")} con il protocollo d'intesa e si
completa con l'accordo di programma e la delega delle funzioni di Organismo intermedio; a Bollate parte
{call.sourced_step_when(cited, bollate, "adp_promosso", "il")} con la promozione dell'accordo di programma e si chiude
con la firma della convenzione di delega, {when(E.bollate_oi_convention_signed, "il")}. Il cammino è stato rallentato
dalla difficoltà di liberare immobili spesso occupati senza titolo, dalle bonifiche dei terreni e dal coordinamento
con i lavori della nuova linea della metropolitana milanese. Le due sezioni che seguono ricostruiscono i passaggi
procedurali delle strategie; i due grafici usano la stessa scala dei tempi, per renderli confrontabili.
""")

# %%
md(heading(sections, "2.2.1", "sec-bando-lorenteggio", 3))

# %%
milano_start = call.milestones(cited.timeline, {E.lorenteggio_fse_started: "Avvio degli interventi FSE"})
bollate_start = call.milestones(cited.timeline, {E.bollate_lab_start_planned: "Avvio previsto del Laboratorio sociale"})
span = (min(milano["plot_date"].min(), bollate["plot_date"].min()),
        max(milano_start["date"].max(), bollate_start["date"].max()))
steps_src = derived(cited.column(milano, "source").ref)
first_step, last_step = milano.iloc[0], milano.loc[milano["date"].idxmax()]
mi_months = Sourced(call.months_elapsed(first_step["date"], last_step["date"]), steps_src)
md(f"""
A Lorenteggio il percorso si apre con il protocollo d'intesa tra Regione e Comune
{call.sourced_step_when(cited, milano, "protocollo_intesa", "del")} (in un passo il rapporto indica una data diversa;
qui si seguono la tavola e l'atto: {see(D.lorenteggio_protocol_date)}). Le risorse FESR sono attivate
{call.sourced_fund_when(cited, milano, "FESR", "il")}, quelle FSE {call.sourced_fund_when(cited, milano, "FSE", "il")};
l'Accordo di Programma tra Regione, Comune e ALER Milano diventa efficace
{call.sourced_step_when(cited, milano, "adp_efficace", "il")} e la convenzione che delega al Comune le funzioni di
Organismo intermedio è firmata {call.sourced_step_when(cited, milano, "convenzione_oi_firmata", "il")}.
La @tav-lorenteggio-passi elenca {with_article(fmt_int(counted_rows(milano)), "i")} passaggi e la @fig-lorenteggio-passi
li colloca nel tempo: dal primo, {call.sourced_step_when(cited, milano, "protocollo_intesa", "del")}, all'ultimo,
{call.sourced_step_when(cited, milano, "adp_integrazione_2018", "del")}, passano {fmt_int(mi_months)} mesi compiuti.
L'ultimo passaggio è un atto integrativo dell'Accordo che aggiunge {fmt_eur(fact("lorenteggio_adp_2018_extra_eur"))}
di risorse regionali per mettere in sicurezza gli edifici svuotati. Il cuore del processo è la mobilità delle
famiglie: gli edifici da demolire e ricostruire devono essere liberati, e l'Accordo prevede un programma di
trasferimento dei residenti e l'acquisto o la permuta di {fmt_int(fact("lorenteggio_private_flats"))} alloggi privati.
""")

# %%
#| label: tav-lorenteggio-passi
#| tbl-cap: "Gli step procedurali del progetto di sviluppo urbano sostenibile nel comune di Milano – quartiere Lorenteggio"
show_table(call.steps_table(milano), formats={"N.": fmt_int}, sources=cited.column(milano, "source"))
md(source_line(milano["source"], documents))

# %%
#| label: fig-lorenteggio-passi
#| fig-cap: "I passaggi procedurali della strategia di Milano, quartiere Lorenteggio, nel tempo"
#| fig-alt: "Grafico a punti: ogni riga è un passaggio procedurale, con il numero della tavola e l'inizio della sua descrizione, collocato alla sua data; i passaggi che attivano i fondi FESR e FSE sono evidenziati e una linea tratteggiata segna l'avvio degli interventi FSE."
show_figure(charts.step_ladder(milano, source=cite([*milano["source"], *milano_start["source"]], documents),
                               date="plot_date", span=span, highlight="fund_label", legend_title="Risorse attivate",
                               ylabel="", names="description", markers=milano_start))

# %%
plan_fse = cited.value(*resources.set_index(["strategy", "fund"]).loc[("milano_lorenteggio", "FSE"),
                                                                      ["amount_eur", "source"]])
monitored_fse = Sourced(call.cost_by_territory(procedures, exclude=(PR.milano_programmes,)).loc["sus_milano", "cost_eur"],
                        derived(table_21.ref))
md(f"""
Il quadro finanziario di Lorenteggio vale {fmt_eur_millions(strategy_total["milano_lorenteggio"], 2)}
(somma calcolata: il rapporto non stampa il totale):

{call.sourced_resource_list(cited, resources, "milano_lorenteggio", funds)}

La quota FSE del quadro ({call.printed_amount(plan_fse)}) non coincide con le procedure FSE della strategia registrate dal
monitoraggio, che, escluso l'avviso sui programmi integrati, valgono {fmt_eur(monitored_fse)}
(@tbl-procedure; {see(D.lorenteggio_fse_amount)}): le due fonti misurano cose diverse, il piano e le procedure avviate.
""")

# %%
stop = fact("lorenteggio_site_stop_months")
md(f"""
Gli interventi strutturali finanziati dal FESR sono partiti prima di quelli sociali, ma hanno rallentato per le
bonifiche dei terreni non previste e per il difficile coordinamento con il cantiere della linea della metropolitana
che avrà una fermata nel quartiere. Nel {year(E.lorenteggio_sites_restarted)} la pandemia ha fermato i cantieri per
più di {fmt_int(stop)} mesi, fino {when(E.lorenteggio_sites_restarted, "al")}, e le norme d'emergenza hanno sospeso
permessi di costruire e gare. Secondo quanto riferito dai referenti del Comune di Milano in un'intervista al
valutatore, nel corso del {year(E.lorenteggio_works_2020)} il cantiere è comunque avanzato:

- {cited.event_sourced(E.lorenteggio_demolitions_done)};
- {cited.event_sourced(E.lorenteggio_works_2020)};
- da ultimo, anche i lavori sulla viabilità del quartiere.

Il FESR finanzia anche il sostegno alle attività imprenditoriali, profit e non profit, che producono effetti sociali
desiderabili nel quadrilatero e nei dintorni (Azione V.3.c.1.1): l'avviso del Comune, approvato con
{act(E.lorenteggio_fesr_call)}, dispone di {fmt_eur(fact("lorenteggio_fesr_social_call_eur"), 0)} per servizi
alle fasce più deboli, per rivitalizzare l'economia dell'area e per creare lavoro, con priorità per chi abita nel
quadrilatero; è descritto tra i casi di studio (@sec-casi-studio).
""")

# %%
programmes_budget = fact("milano_integrated_programmes_budget_eur")
fse_activated = milano.loc[milano["fund_activated"] == "FSE"].iloc[0]
fse_start = Sourced(call.months_elapsed(fse_activated["date"], cited.event_row(E.lorenteggio_fse_started)["date"]),
                    steps_src)
not_started = cited.status(now="non hanno ancora avviato le attività",
                           then="alla data del rapporto non avevano ancora avviato le attività")
md(f"""
Gli interventi di inclusione sociale finanziati dal FSE partono alla fine del {year(E.lorenteggio_fse_started)},
circa {fmt_int(fse_start)} mesi dopo l'attivazione delle risorse FSE, e accelerano l'anno successivo
con l'affidamento del Laboratorio sociale alla cooperativa Spazio Aperto (progetto MILO-LAB) e dei percorsi di
inclusione attiva, con le relative indennità di frequenza, ad AFOL Metropolitana: entrambi sono descritti tra i casi
di studio (@sec-casi-studio). Si aggiunge l'avviso regionale per programmi integrati di innovazione sociale e
welfare locale nei quartieri ERP di Milano (Azione 9.4.2), approvato con il {act(E.milano_programmes_call)}, con
{fmt_eur(programmes_budget, 0)}. I programmi possono combinare cinque linee d'azione:

{items_list(lists[lists["list"] == "milano_programme_lines"])}

{with_article(fmt_int(fact("milano_integrated_programmes_approved")), "i").capitalize()} programmi presentati dal
Comune e dall'ALER sono approvati con il {act(E.milano_programmes_approved)} e {not_started}. Il monitoraggio registra
per questa procedura {fmt_int(proc(PR.milano_programmes, "operations"))} operazioni e
{fmt_eur(proc(PR.milano_programmes, "cost_eur"))} ({see(D.milano_programmes_count)}). Anche l'accompagnamento
sociale ha risentito della pandemia: il distanziamento ha lasciato spazio solo a poche attività a distanza, poco adatte
a residenti che non hanno familiarità con gli strumenti digitali.
""")

# %%
md(heading(sections, "2.2.2", "sec-bando-bollate", 3))

# %%
bo_months = Sourced(call.months_elapsed(bollate["date"].min(), bollate["date"].max()),
                    derived(cited.column(bollate, "source").ref))
stated_bollate = fact("sus_bollate_total_stated_eur")
md(f"""
Bollate è un intervento più contenuto: riqualifica due ambiti di edilizia pubblica, in via Verdi e in via
Turati, segnati da degrado urbanistico, illegalità e disagio abitativo, e vuole ricucirli con il centro e con
il parco delle Groane. Il quadro finanziario dichiarato è di circa {fmt_eur_millions(stated_bollate, 1)};
{call.stated_total_sentence(stated_bollate, strategy_total["bollate"])} ({see(D.bollate_total)}):

{call.sourced_resource_list(cited, resources, "bollate", funds)}

Il percorso si apre con la promozione dell'Accordo di Programma
{call.sourced_step_when(cited, bollate, "adp_promosso", "del")}; l'Accordo è sottoscritto
{call.sourced_step_when(cited, bollate, "adp_sottoscritto", "il")} e approvato
{call.sourced_step_when(cited, bollate, "adp_approvato", "il")}; lo schema di convenzione per la delega al Comune
delle funzioni di Organismo intermedio è approvato {call.sourced_step_when(cited, bollate, "schema_convenzione_oi_approvato", "il")}
e la convenzione è firmata {when(E.bollate_oi_convention_signed, "il")} (il testo del rapporto colloca la firma a
giugno: {see(D.bollate_convention_date)}). In tutto {fmt_int(counted_rows(bollate))} passaggi in
{fmt_int(bo_months)} mesi (@tav-bollate-passi, @fig-bollate-passi).
""")

# %%
#| label: tav-bollate-passi
#| tbl-cap: "Gli step procedurali del progetto di sviluppo urbano sostenibile nel comune di Bollate"
show_table(call.steps_table(bollate), formats={"N.": fmt_int}, sources=cited.column(bollate, "source"))
md(source_line(bollate["source"], documents))

# %%
#| label: fig-bollate-passi
#| fig-cap: "I passaggi procedurali della strategia di Bollate, nel tempo"
#| fig-alt: "Grafico a punti sulla stessa scala dei tempi del grafico di Lorenteggio: ogni riga è un passaggio procedurale, con il numero della tavola e l'inizio della sua descrizione, collocato alla sua data; una linea tratteggiata a destra segna l'avvio previsto del Laboratorio sociale."
show_figure(charts.step_ladder(bollate, source=cite([*bollate["source"], *bollate_start["source"]], documents),
                               date="plot_date", span=span, highlight="fund_label", legend_title="Risorse attivate",
                               ylabel="", names="description", markers=bollate_start))

# %%
approved = call.milestone_step(bollate, "adp_approvato")
lab_wait = Sourced(call.months_elapsed(approved["date"], cited.event_row(E.bollate_lab_start_planned)["date"]),
                   derived(cited.column(bollate, "source").ref))
lab_start = tense(E.bollate_lab_start_planned, fact="sono partite", plan="dovrebbero partire",
                  overdue="era previsto che partissero")
md(f"""
Gli interventi strutturali finanziati dal FESR sono partiti nel {year(E.bollate_fesr_works_started)}: alla data del
rapporto l'illuminazione pubblica risultava sistemata, mentre erano in corso la riqualificazione della scuola di via
Verdi, l'efficientamento energetico e il rinnovo degli edifici. Non prevedendo demolizioni, secondo il rapporto
l'intervento non pone il problema della mobilità temporanea delle famiglie; la tavola registra però un programma
di mobilità degli abitanti, approvato {call.sourced_step_when(cited, bollate, "mobilita_approvata", "il")} e
finanziato dalla Regione ({see(D.bollate_relocation)}).

Gli interventi FSE, progettati dal {year(E.bollate_lab_tender)}, sono rallentati dalla pandemia. La gara per il
Laboratorio sociale (Azione 9.4.2) è pubblicata {when(E.bollate_lab_tender, "il")} e aggiudicata
{when(E.bollate_lab_awarded, "il")} alla cooperativa sociale Spazio Giovani di Monza; le attività {lab_start}
{when(E.bollate_lab_start_planned, "il")}, circa {fmt_int(lab_wait)} mesi dopo l'approvazione dell'Accordo di
Programma. Per l'inclusione attiva (Azione 9.1.3) il Comune sceglie una strada nuova: un avviso plurifondo,
«Rigenerare le competenze, competenze per la rigenerazione», che unisce la formazione e il lavoro finanziati dal FSE
al sostegno all'avvio di imprese sociali finanziato dal FESR (Azione V.3.c.1.1), con una dotazione complessiva di
{fmt_eur(fact("bollate_competences_call_total_eur"), 0)}. È la prima vera sperimentazione plurifondo FSE-FESR in
Lombardia: pubblicato {when(E.bollate_call_published, "il")}, con scadenza {when(E.bollate_call_deadline, "il")},
l'avviso ha portato all'approvazione di {fmt_int(proc(PR.bollate_competences_call, "operations"))} progetti
{when(E.bollate_projects_approved, "il")}, descritti tra i casi di studio (@sec-casi-studio).

In entrambe le aree, dunque, gli anni della programmazione precedono l'arrivo dei servizi sociali nei quartieri: a
Lorenteggio passano circa {fmt_int(fse_start)} mesi tra l'attivazione delle risorse FSE e l'avvio degli interventi, a
Bollate circa {fmt_int(lab_wait)} tra l'approvazione dell'Accordo e l'apertura prevista del Laboratorio. Il costo
di un processo integrato, con molti attori e molti fondi, si misura anzitutto in tempo.
""")
