# %% [markdown]
# # L'esperienza FSE maturata in alcuni quartieri ERP lombardi {#sec-casi-studio}

# %% tags=["parameters"]
edition = "2021"
as_of = "2020-11-30"
data_dir = "data/synthetic"
programme_dir = "data/programme"
reference_dir = "data/reference"
suppression_threshold = 5
illustrative = False

# %%
from functools import partial

from quartieri_erp.presentation import charts
from quartieri_erp.presentation.context import open_chapter
from quartieri_erp.chapters import cases
from quartieri_erp.chapters.cases import cap
from quartieri_erp.chapters.wording import discrepancy_cite, quantity, with_article
from quartieri_erp.inputs.curated import cite
from quartieri_erp.presentation.display import md, show_figure, show_table
from quartieri_erp.presentation.formatting import fmt_eur, fmt_int, fmt_num, fmt_pct

ch = open_chapter(globals())
data = cases.CaseData.load(ch)
labels = ch.labels(cases.LABELLED_HERE)
documents = ch.table("documents")
discrepancies = ch.table("discrepancies")
facts = ch.table("facts")
value = data.value
see = partial(discrepancy_cite, discrepancies)  # 'Appendice D, D18 e D19': entries of the discrepancy register


# %% [markdown]
# Uno degli obiettivi della valutazione è ricostruire che cosa gli interventi hanno prodotto in alcuni
# quartieri: a che punto è l'attuazione, quali condizioni l'hanno favorita o frenata, quali vincoli sono emersi
# e quali indicazioni se ne possono trarre per la programmazione 2021-2027. Il capitolo restituisce il confronto con i
# referenti delle due Autorità urbane della strategia di sviluppo urbano sostenibile, Milano per il quartiere
# Lorenteggio e Bollate, e con quelli di alcuni Comuni che hanno realizzato progetti finanziati dall'avviso
# regionale, scelti insieme agli uffici regionali per rappresentare aree diverse della Lombardia.
#
# Il confronto si è concentrato su alcuni temi comuni, ripresi nella sintesi finale (@sec-casi-temi):
#
# - come costruire e mantenere un dialogo continuativo con gli abitanti;
# - se e come collegare i percorsi di inclusione sociale finanziati dal FSE (Azione 9.1.3) con il sostegno del
#   FESR a imprese sociali che producono beni e servizi per il quartiere (Azione V.3.c.1.1);
# - quali effetti ha avuto la crisi sanitaria del Covid-19 sulle attività e come i progetti vi si sono adattati.

# %%
overview = cases.overview_table(data, labels)
md(f"""
Per ogni intervento il capitolo presenta la scheda di sintesi, ricostruita dai dati e numerata come nel rapporto
pubblicato, i numeri principali e una lettura degli esiti. In chiusura (@sec-casi-temi), una sezione aggiunta in
questa edizione mette a confronto le {fmt_int(data.count(overview))} schede, riferite a
{fmt_int(data.count(data.cards.drop_duplicates("municipality")))} comuni (@tbl-casi-panoramica,
@fig-casi-dotazioni), e ne raccoglie i temi comuni.
""")

# %% [markdown]
# ## Le esperienze maturate nella Strategia di Sviluppo Urbano {#sec-casi-sus}
#
# Data la centralità della strategia di sviluppo urbano nella programmazione regionale, il confronto ha
# coinvolto entrambe le Autorità urbane: il Comune di Milano per il quartiere Lorenteggio e il Comune di
# Bollate per l'area ERP di via Turati e via Verdi.
#
# ### Gli Interventi del POR FSE nel quartiere Lorenteggio {#sec-casi-lorenteggio}
#
# A Lorenteggio il FSE accompagna la rigenerazione fisica del quartiere con due interventi complementari: il
# laboratorio sociale MILOLAB, che presidia la relazione con gli abitanti, e il progetto PROLORENTEGGIO,
# affidato ad AFOL Metropolitana, che offre percorsi di inclusione attiva orientati al lavoro. Un avviso del
# FESR per imprese a impatto sociale completa il disegno.
#
#
# MILOLAB (@tav-milolab) è il perno dell'intervento sociale. Un'équipe con competenze di rigenerazione urbana,
# mediazione sociale e culturale, educazione, orientamento e comunicazione ha lavorato su un duplice mandato:
# sostenere le persone più fragili e aprire spazi di cittadinanza attiva. Il primo passo è stato cercare gli
# abitanti nei cortili, civico per civico, per raccoglierne il punto di vista: ne è nata una base di contatti
# che si è rivelata preziosa nei mesi successivi. Il laboratorio ha poi accompagnato la progettazione
# partecipata del futuro parco di quartiere e ha avviato con La Scuola dei Quartieri un tavolo sull'innovazione
# sociale.

# %%
#| label: tav-milolab
#| tbl-cap: "Scheda di sintesi Intervento MILOLAB"
table = cases.card_table(data, "4.1", labels, as_of=ch.as_of)
show_table(table.drop(columns="source"), widths=[1, 3])
md(cases.source_note(data, table["source"], documents))

# %%
md(f"""
Dall'avvio il laboratorio ha accolto {fmt_int(value("4.1", "people_welcomed"))} persone, con
{fmt_int(value("4.1", "accesses"))} accessi e {fmt_int(value("4.1", "requests"))} segnalazioni di bisogni e
problemi, in gran parte di natura sociale: in media
{fmt_num(value("4.1", "accesses") / value("4.1", "people_welcomed"), 1)} accessi e
{fmt_num(value("4.1", "requests") / value("4.1", "people_welcomed"), 1)} segnalazioni per persona, perché chi
arriva torna per un percorso di accompagnamento.
{cap(with_article(fmt_int(value("4.1", "park_workshops")), "i"))} workshop sul parco hanno prodotto indicazioni consegnate ai
progettisti del Comune. La scheda data l'avvio del servizio {data.date("4.1", "start", "al")},
il testo colloca l'apertura delle attività alcune settimane dopo; la dotazione della scheda, al netto dell'IVA,
non coincide con l'importo riportato per lo stesso laboratorio nel quadro delle procedure ({see("D18", "D19")}).
""")

# %%
table = cases.key_numbers(data, "4.1", labels)
md("**MILOLAB in cifre.** Le cifre dell'intervento riportate nella scheda e nel testo del rapporto.")
show_table(table.drop(columns="source"), align={"Valore": "right"}, widths=[2, 6, 2])
md(cases.source_note(data, table["source"], documents))

# %%
md(f"""
La pandemia ha colpito un servizio fondato sul contatto diretto. Durante il lockdown le attività sono state
riprogrammate ogni settimana; il laboratorio ha scelto di tenere aperto il presidio fisico, per segnalare
vicinanza ai più fragili, e di spostare la relazione su telefono, WhatsApp e Facebook. È diventato il punto di
raccordo con le parrocchie e le altre realtà solidali e un luogo di distribuzione di aiuti: nei mesi
dell'emergenza ha registrato {fmt_int(value("4.1", "lockdown_accesses"))} accessi e ha sostenuto
{fmt_int(value("4.1", "lockdown_people_supported"))} persone con le misure nazionali, regionali e di
quartiere. Dirette radio e Facebook hanno raggiunto molte persone e {fmt_int(value("4.1", "active_residents"))}
residenti attivi hanno fatto da antenne del disagio. Dopo il lockdown Comune e operatori hanno mantenuto il
nuovo modo di lavorare: contatti individuali e piccoli gruppi nei cortili, su prenotazione.
""")

# %% [markdown]
# PROLORENTEGGIO (@tav-prolorenteggio) ha dedicato i primi mesi alla preparazione: un angolo dedicato al
# quartiere nel Centro per l'Impiego di via Strozzi, un operatore incaricato di cercare posti vacanti presso le
# imprese, materiali informativi, un sistema di iscrizione semplice e un rapporto stretto con le associazioni.
# Le iscrizioni sono state raccolte con l'aiuto di MILOLAB e della rete associativa del quartiere.

# %%
#| label: tav-prolorenteggio
#| tbl-cap: "Scheda di sintesi Intervento Vivere, lavorare e fare impresa al Lorenteggio"
table = cases.card_table(data, "4.2", labels, as_of=ch.as_of)
show_table(table.drop(columns="source"), widths=[1, 3])
md(cases.source_note(data, table["source"], documents))

# %%
outcomes = [value("4.2", m) for m in ("eligible", "being_checked", "ineligible")]
md(f"""
Le iscrizioni raccolte sono {fmt_int(value("4.2", "signups"))}, di cui {fmt_int(value("4.2", "signups_via_milolab"))}
arrivate tramite MILOLAB. Sono risultate idonee {fmt_int(value("4.2", "eligible"))} persone
({fmt_int(value("4.2", "eligible_women"))} donne e {fmt_int(value("4.2", "eligible_men"))} uomini),
{fmt_int(value("4.2", "being_checked"))} erano ancora in verifica e {fmt_int(value("4.2", "ineligible"))} non
avevano i requisiti, che non sono solo anagrafici ma riguardano anche la condizione occupazionale o la
fruizione della NASpI. Idonei, in verifica e non idonei {cases.sum_check(value("4.2", "signups"), outcomes)}, senza che il testo
spieghi la differenza; la scheda parla inoltre di {fmt_int(value("4.2", "selected_for_restart"))} persone già
selezionate per la ripartenza. Anche le date non coincidono: la scheda indica l'avvio
{data.date("4.2", "start", "il")} e una durata di
{quantity(data.number("4.2", "duration_months"), "months")}, il testo la conclusione
{data.date("4.2", "end", "il")}
({see("D20", "D21")}).

Gli utenti avviati alla formazione sono {fmt_int(value("4.2", "in_training"))}, con corsi brevi e mirati
(sanificazione, abilitazione alla guida del muletto); {fmt_int(value("4.2", "labour_services"))} hanno usato
anche i servizi al lavoro. La dotazione è divisa tra percorsi di politica attiva e
indennità di partecipazione: agli importi massimi le risorse bastano per almeno
{fmt_int(value("4.2", "budget_active_policies_eur") // value("4.2", "max_per_pathway_eur"))} percorsi e
{fmt_int(value("4.2", "budget_allowances_eur") // value("4.2", "max_allowance_per_person_eur"))} indennità.
""")

# %%
table = cases.key_numbers(data, "4.2", labels)
md("**PROLORENTEGGIO in cifre.** Iscrizioni, esiti della selezione, parametri e dotazione del progetto.")
show_table(table.drop(columns="source"), align={"Valore": "right"}, widths=[2, 6, 2])
md(cases.source_note(data, table["source"], documents))

# %% [markdown]
# Il lockdown ha interrotto la formazione, perché la didattica a distanza non era adatta a questi utenti; al
# momento del confronto il progetto stava ripartendo e puntava anche su una presenza nei mercati coperti, lavorando insieme sulle
# potenzialità delle persone, sulla domanda di lavoro emersa dal contatto con le imprese e su una formazione
# che unisca competenze professionali e trasversali. Il confronto ha messo in luce i limiti della Dote Unica
# Lavoro: le sue regole costringono un intervento sperimentale in binari stretti e non riconoscono il lavoro
# indiretto, molto elevato, che richiedono destinatari così fragili. Se si pensa a replicare l'intervento, non
# si può contare sulla generosità degli operatori.

# %%
status_day = data.card("4.3")["status_date"]
businesses = value("4.3", "admitted_businesses")
md(f"""
L'avviso FESR per le imprese a impatto sociale (@tav-fesr-lorenteggio) mette a disposizione
{fmt_eur(data.number("4.3", "budget_eur"))}, con contributi a fondo perduto fino a
{fmt_eur(value("4.3", "max_grant_per_project_eur"))} per progetto d'impresa. Il suo legame con il FSE è un
criterio premiale: la capacità di creare occupazione di buona qualità, anche insieme a PROLORENTEGGIO.
{cases.seen_from(status_day, ch.as_of,
    now=f"Le {fmt_int(businesses)} imprese ammesse con la prima finestra non hanno ancora avviato le attività; "
        "MILOLAB le sta incontrando, ma non ci sono ancora elementi per giudicare se la sinergia funzioni.",
    then=f"{cap(data.result_date('4.3', 'admitted_businesses', 'il'))} erano state ammesse con la prima finestra "
         f"{fmt_int(businesses)} imprese, che non avevano ancora avviato le attività: MILOLAB le stava "
         "incontrando, ma non c'erano elementi per giudicare se la sinergia funzionasse.")}
""")

# %%
#| label: tav-fesr-lorenteggio
#| tbl-cap: "Scheda di sintesi dell'avviso per attività imprenditoriali con effetti socialmente desiderabili nel quadrilatero Lorenteggio"
table = cases.card_table(data, "4.3", labels, with_numbers=True, as_of=ch.as_of)
show_table(table.drop(columns="source"), widths=[1, 3])
md(cases.source_note(data, table["source"], documents))

# %%
md(f"""
### Rigenerare le competenze, competenze per la rigenerazione - quartieri ERP di via Turati e Via Verdi nel Comune di Bollate {{#sec-casi-bollate}}

Bollate ha costruito la propria strategia urbana sull'area ERP di via Turati e via Verdi, cerniera tra il
centro storico e il Parco delle Groane, ma segnata da degrado fisico, conflitti, scarsa mescolanza sociale,
collegamenti deboli con il resto della città, redditi in calo, disoccupazione ed emergenza abitativa. Il
Comune ha scelto di intrecciare riqualificazione urbana, cultura, economia e organizzazione sociale.{cases.interview_note(data, "4.4")}

L'esperienza più interessante è l'avviso «Rigenerare le competenze, competenze per la rigenerazione»
(@tav-bollate-avviso), che mette insieme in un unico bando un'azione del FSE e una del FESR. I progetti devono
offrire ai residenti formazione, tirocini e occasioni di lavoro e, insieme, avviare nuovi rami d'impresa
sociale nel quartiere. Il partenariato deve comprendere imprese sociali ed enti accreditati alla formazione o
al lavoro, affiancati da una rete di imprese del territorio che ospita i tirocini; il Comune concede in
comodato gratuito, rinnovabile, alcuni immobili pubblici per le nuove attività.
""")

# %%
#| label: tav-bollate-avviso
#| tbl-cap: "Scheda di sintesi Rigenerare le competenze, competenze per la rigenerazione"
table = cases.card_table(data, "4.4", labels, as_of=ch.as_of)
show_table(table.drop(columns="source"), widths=[1, 3])
md(cases.source_note(data, table["source"], documents))

# %%
md(f"""
L'avviso ha selezionato {fmt_int(value("4.4", "approved_projects"))} progetti, le cui attività
{cases.start_verb(data, "4.4", ch.as_of)} {data.date("4.4", "start", "il")}. I tirocini durano
{quantity(value("4.4", "internship_months"), "months")}. Il testo parla di
{fmt_int(value("4.4", "public_buildings_lent"))} immobili in comodato, ma l'elenco che lo accompagna non
coincide con questo numero ({see("D30")}).

Le Groane in Tavola (@tav-groane), con capofila la cooperativa Arca di Noè, costruisce una filiera agroalimentare
a chilometro zero: orti, frutteto e apicoltura nell'area verde di via Origona
({fmt_int(value("4.5", "green_area_sqm"))} metri quadrati), una tavola fredda nell'Urban Centre e una bottega
nell'ex sede della Polizia Locale. Cultura in bolla (@tav-cultura), con capofila Stripes, apre nel foyer
dell'Urban Centre un hub delle arti e della creatività per bambini, ragazzi, adulti e famiglie. I due progetti
hanno in comune AFOL Metropolitana, per l'inserimento lavorativo, e il Consorzio SiR, per la formazione: una
collaborazione nata già nella fase di progettazione.
""")

# %%
#| label: tav-groane
#| tbl-cap: "Le Groane in Tavola"
table = cases.card_table(data, "4.5", labels, as_of=ch.as_of)
show_table(table.drop(columns="source"), widths=[1, 3])
md(cases.source_note(data, table["source"], documents))

# %%
#| label: tav-cultura
#| tbl-cap: "Cultura in bolla"
table = cases.card_table(data, "4.6", labels, as_of=ch.as_of)
show_table(table.drop(columns="source"), widths=[1, 3])
md(cases.source_note(data, table["source"], documents))

# %%
shares = {c: (value(c, "budget_fse_eur"), value(c, "budget_fesr_eur")) for c in ("4.5", "4.6")}
md(f"""
La tabella che segue mette a confronto i parametri dell'avviso e i risultati attesi dei due progetti. Le quote FSE e FESR stampate nelle
due schede {cases.agreement(list(shares.values()))} ({fmt_eur(shares["4.5"][0])} e
{fmt_eur(shares["4.5"][1])} per Le Groane in Tavola, {fmt_eur(shares["4.6"][0])} e {fmt_eur(shares["4.6"][1])}
per Cultura in bolla), forse per un errore di trascrizione; insieme restano
{cases.cap_check(sum(s[0] for s in shares.values()), value("4.4", "budget_fse_eur"))} per il FSE e
{cases.cap_check(sum(s[1] for s in shares.values()), value("4.4", "budget_fesr_eur"))} per il FESR
({see("D29")}).
""")

# %%
table = cases.compare_numbers(data, {"4.4": "Avviso", "4.5": "Le Groane in Tavola", "4.6": "Cultura in bolla"},
                              labels)
md("**Bollate in cifre.** Parametri dell'avviso e risultati attesi dei due progetti selezionati.")
show_table(table.drop(columns="source"), align={c: "right" for c in table.columns[1:-1]}, widths=[4, 2, 2, 2])
md(cases.source_note(data, table["source"], documents))

# %% [markdown]
# Le azioni FSE non erano ancora partite quando è arrivata la pandemia, che quindi non ha inciso direttamente
# sui progetti; le attività sono state disegnate tenendo conto delle restrizioni, anche se, secondo
# l'amministrazione, il protrarsi della crisi avrebbe reso più difficile coinvolgere i destinatari. Per questo il
# Comune contava sul laboratorio sociale, affidato alla cooperativa Spazio Giovani, sulle attività di animazione
# già promosse dalla biblioteca e dai servizi sociali e su una rete di realtà locali, anche di volontariato.

# %% [markdown]
# ## Tre esperienze nell'ambito del bando "Progettare la gestione sociale dei quartieri ERP in Lombardia" {#sec-casi-avviso}

# %%
call_cards = [c for c in data.card_ids("scheda") if data.card(c)["programme"] == "avviso_regionale"]
md(f"""
Le esperienze finanziate dall'avviso sono state scelte con i referenti regionali per rappresentare aree diverse
della regione. Graduatoria e stato di avanzamento secondo il rapporto pubblicato:
{cases.status_summary(data, call_cards, labels)}. Per la crisi sanitaria la Regione ha prorogato di
{quantity(data.fact(facts, "call_covid_extension_months"), "months")} il termine delle attività, fissato a
{quantity(data.fact(facts, "call_max_duration_months"), "months")} dall'avvio dei progetti.
""")

# %% [markdown]
# ### Lunattiva – quartiere Lunetta nel Comune di Mantova {#sec-casi-lunattiva}
#
# Lunattiva interviene in un quartiere periferico con un'alta quota di alloggi pubblici, diversi problemi
# sociali e una lunga storia di interventi. Il progetto punta sulla progettazione partecipata, sulla
# responsabilizzazione degli abitanti e sul superamento degli stereotipi sul «diverso». Le azioni portanti sono
# il laboratorio «Officina delle Idee», luogo di informazione, riunione e partecipazione, e la banca virtuale
# dei Punti Luna contro la morosità (@tav-lunattiva).

# %%
#| label: tav-lunattiva
#| tbl-cap: "Scheda di sintesi Progetto Lunattiva Mantova"
table = cases.card_table(data, "4.7", labels, as_of=ch.as_of)
show_table(table.drop(columns="source"), widths=[1, 3])
md(cases.source_note(data, table["source"], documents))

# %%
md(f"""
Lunetta conta {fmt_int(value("4.7", "district_inhabitants"))} abitanti,
{with_article(fmt_pct(value("4.7", "district_population_share") / 100))} della popolazione di Mantova.
{cap(with_article(fmt_int(value("4.7", "dwellings")), "nei"))} alloggi popolari vivono {fmt_int(value("4.7", "households"))} nuclei, dei
quali {fmt_int(value("4.7", "households_in_arrears"))} in morosità:
{with_article(fmt_pct(value("4.7", "households_in_arrears") / value("4.7", "households")))}, una quota calcolata qui e non
riportata dalla fonte.

Secondo il Comune e il coordinamento del progetto, Lunattiva ha raggiunto
{fmt_int(value("4.7", "indirect_beneficiaries"))} destinatari indiretti, ha registrato
{fmt_int(value("4.7", "desk_accesses"))} accessi allo sportello in {fmt_int(value("4.7", "desk_hours"))} ore di
apertura, ha attivato {fmt_int(value("4.7", "training_pathways"))} percorsi formativi e organizzato
{fmt_int(value("4.7", "events_workshops"))} tra eventi e laboratori, coinvolgendo
{fmt_int(value("4.7", "active_users"))} utenti attivi (@fig-lunattiva-utenti). Al
lavoro di {fmt_int(value("4.7", "partnership_operators"))} operatori del partenariato si è aggiunto quello di
{fmt_int(value("4.7", "other_bodies"))} enti e {fmt_int(value("4.7", "network_operators"))} operatori di rete
esterni al partenariato. Il
Comune è stato premiato ai Cresco Awards di Fondazione Sodalitas e ANCI, riservati
{with_article(fmt_int(value("4.7", "award_best_projects")), "ai")} migliori progetti comunali di sviluppo sostenibile.
""")

# %%
table = cases.key_numbers(data, "4.7", labels)
md("**Lunattiva in cifre.** Contesto del quartiere, risorse e risultati del progetto.")
show_table(table.drop(columns="source"), align={"Valore": "right"}, widths=[2, 6, 2])
md(cases.source_note(data, table["source"], documents))

# %%
#| label: fig-lunattiva-utenti
#| fig-cap: "Lunattiva: destinatari, utenti attivi, accessi allo sportello e percorsi formativi (la figura originale, per età e nazionalità, non è ricostruibile dal testo)"
#| fig-alt: "Tre pannelli di barre orizzontali, uno per ciascuna unità di conto: le persone (destinatari indiretti e utenti attivi), gli accessi allo sportello e i percorsi formativi di Lunattiva, ciascuno con la sua scala e il valore accanto alla barra."
reach = cases.metric_frame(data, "4.7", ["indirect_beneficiaries", "active_users", "desk_accesses",
                                         "training_pathways"])
counted = {"indirect_beneficiaries": "Persone", "active_users": "Persone",
           "desk_accesses": "Accessi allo sportello", "training_pathways": "Percorsi formativi"}
show_figure(charts.panel_bars(reach.assign(Unità=reach["metric"].map(counted)), "Unità", "Voce", "Valore",
                              source=cite(reach["source"], documents), value_text=fmt_int))

# %%
age_from, age_to = value("4.7", "active_users_main_age_min"), value("4.7", "active_users_main_age_max")
md(f"""
Gli utenti attivi sono in prevalenza di nazionalità italiana e marocchina e hanno tra {fmt_int(age_from)} e
{fmt_int(age_to)} anni. Il rapporto originale ne mostrava la ripartizione per età e nazionalità in una figura
di cui il testo non riporta i conteggi: la @fig-lunattiva-utenti, che ne tiene il numero, mostra perciò solo
quanti sono gli utenti attivi rispetto alle altre cifre del progetto.
""")

# %% [markdown]
# Il meccanismo più innovativo del progetto, i Punti Luna (@tav-punti-luna), è stato anche il suo principale
# ostacolo iniziale: gli abitanti faticavano a credere che il tempo dedicato ad attività para-lavorative si
# traducesse davvero in un debito più basso. La fiducia è arrivata con le prime comunicazioni di Comune e ALER
# sulla riduzione effettiva della morosità.

# %%
#| label: tav-punti-luna
#| tbl-cap: "Funzionamento del sistema Punti Luna"
table = cases.card_table(data, "4.8", labels, with_numbers=True, as_of=ch.as_of)
show_table(table.drop(columns="source"), widths=[1, 3])
md(cases.source_note(data, table["source"], documents))

# %%
md(f"""
{cap(data.result_date("4.8", "points_earned", "al"))}
oltre {fmt_int(value("4.8", "engagement_hours"))} ore di attività avevano generato
{fmt_int(value("4.8", "points_earned"))} punti, pari a
{fmt_eur(value("4.8", "points_earned") * value("4.8", "point_value_eur"))}: il Comune ha versato l'importo direttamente
ad ALER, garantendo che la morosità si riducesse davvero (la prosa del rapporto arrotonda la cifra,
{see("D44")}). Al sistema hanno partecipato anche residenti non ALER e persone esterne al quartiere, che hanno
potuto donare i propri punti.

Il lockdown ha sospeso le attività per circa {cases.format_value(value("4.7", "covid_suspension_months"), "months")};
gli incontri sono poi ripresi con modalità compatibili con il distanziamento e lo sportello ha riaperto con i
dispositivi di protezione. La continuità è stata possibile perché il capitale relazionale andava mantenuto, non
creato: era frutto di una presenza capillare nei luoghi chiave del quartiere (scuola, asili, farmacia) e di una
comunicazione in più lingue, con mediatrici per l'arabo e per le lingue del Pakistan. Telefono, gruppo WhatsApp
con «locandine parlanti» e riunioni virtuali hanno sostituito gli incontri; la WebAPP del progetto ha permesso di
controllare i punti accumulati, seguire gli eventi e comunicare con Comune e ALER.

I referenti attribuiscono il successo alla continuità con i Contratti di Quartiere e con la rete di
associazioni Rete Lunetta, alla posizione del quartiere, percepito come un microcosmo a sé, e al protagonismo
dei residenti.{cases.interview_note(data, "4.7")} Le difficoltà hanno riguardato i Piani di Intervento Personalizzati, rigidi e onerosi per un
quartiere in cui {with_article(fmt_pct(value("4.7", "families_passive_support_pct") / 100, 0))} delle famiglie è
assistito con politiche passive: molti residenti non hanno le competenze di base per i percorsi tradizionali e
avrebbero bisogno di percorsi di avvicinamento, da costruire con cooperative e imprese sociali. Concluso il
progetto, il Comune ha scelto di mantenere con risorse proprie un'attività minima del laboratorio; la co-progettazione ha
generato una nuova edizione di Lunattiva, un'officina sociale diffusa sostenuta da Fondazione Cariverona con
{fmt_eur(value("4.7", "follow_up_grant_eur"))} in {fmt_int(value("4.7", "follow_up_grant_months"))} mesi.
""")

# %% [markdown]
# ### PASS (Progettazione Attiva Spazi Sociali) - quartiere nel Comune di Giussano {#sec-casi-pass}
#
# PASS (Progettazione Attiva Spazi Sociali) interviene su un insieme circoscritto di caseggiati pubblici molto
# fragili, con una presa in carico insieme di contesto e individuale (@tav-pass). La regola di ingaggio è il «do
# ut des»: la famiglia vede soddisfatto un bisogno, con un'indennità di partecipazione ai corsi o un contributo
# di attivazione (il DO), e restituisce qualcosa alla comunità, con attività a vantaggio di altri o di cura dei
# luoghi di vita e destinando una parte dell'indennità alla riduzione della morosità incolpevole (il DES).

# %%
#| label: tav-pass
#| tbl-cap: "Scheda di sintesi Intervento P.A.S.S. - Progettazione Attiva Spazi Sociali di Giussano"
table = cases.card_table(data, "4.9", labels, as_of=ch.as_of)
show_table(table.drop(columns="source"), widths=[1, 3])
md(cases.source_note(data, table["source"], documents))

# %%
arrears = [value("4.9", "families_arrears_below"), value("4.9", "families_arrears_above")]
md(f"""
Il progetto riguarda {fmt_int(value("4.9", "municipal_buildings"))} stabili comunali e
{fmt_int(value("4.9", "aler_buildings"))} di ALER nella zona ovest della città:
{fmt_int(value("4.9", "dwellings"))} alloggi, {fmt_int(value("4.9", "dwellings_assigned"))} dei quali assegnati,
abitati da {fmt_int(value("4.9", "residents"))} persone. Gli anziani sono
{with_article(fmt_pct(value("4.9", "elderly_pct") / 100, 0))}, i minori
{with_article(fmt_pct(value("4.9", "minors_pct") / 100, 0))} e gli stranieri
{with_article(fmt_pct(value("4.9", "foreigners_pct") / 100, 0))};
{with_article(fmt_int(value("4.9", "adults")), "dei")} adulti,
{fmt_int(value("4.9", "unemployed"))} sono disoccupati. Le famiglie in morosità sono {fmt_int(sum(arrears))}:
{fmt_int(arrears[0])} con un debito sotto i {fmt_eur(value("4.9", "arrears_threshold_eur"), 0)} e
{fmt_int(arrears[1])} sopra; {fmt_int(value("4.9", "families_social_services"))} sono seguite dal Servizio Sociale.
La parte dell'indennità destinata alla morosità è indicativamente
{cases.format_value(value("4.9", "allowance_share_to_arrears"), "ratio")}.

La scheda prevedeva {fmt_int(value("4.9", "work_experience_pathways"))} esperienze di lavoro part-time di
{cases.format_value(value("4.9", "work_experience_months"), "months")}, circa
{fmt_int(value("4.9", "individual_do_ut_des"))} percorsi «do ut des» individuali e
{fmt_int(value("4.9", "group_do_ut_des"))} di gruppo; il percorso di inclusione attiva ha coinvolto
{fmt_int(value("4.9", "active_inclusion_people"))} persone. Il testo indica come
capofila di progetto la cooperativa Spazio Giovani, ma l'avviso ammette come capofila solo Comuni e ALER e la
scheda indica il Comune di Giussano ({see("D27")}).
""")

# %%
table = cases.key_numbers(data, "4.9", labels)
md("**PASS in cifre.** Contesto dei caseggiati, regole del progetto e risultati attesi e raggiunti.")
show_table(table.drop(columns="source"), align={"Valore": "right"}, widths=[2, 6, 2])
md(cases.source_note(data, table["source"], documents))

# %%
md(f"""
Partito per tempo, PASS aveva già realizzato buona parte delle attività prima della pandemia, che ha comunque imposto di ripensarle. Dopo circa
{cases.format_value(value("4.9", "covid_uncertainty_months"), "months")} di incertezza la relazione si è spostata
dal gruppo al singolo nucleo familiare, con una presa in carico ancora più specifica; le attività di animazione
sociale e il sostegno agli ospiti della RSA Residenza Amica, pensato per chi non aveva le competenze per
entrare nel mercato del lavoro, sono stati sostituiti. Gli operatori sottolineano quanto le interruzioni pesino:
non si riparte da dove ci si era fermati.
""")

# %%
md(f"""
I referenti giudicano soddisfacenti i risultati.{cases.interview_note(data, "4.9")} Li attribuiscono a una rete di collaborazione preesistente tra
Comune e Spazio Giovani, che ha reso credibili progetto e operatori presso alcune famiglie diventate a loro volta
promotrici; alla forte personalizzazione di ogni attività, per cui lo stesso corso è stato per qualcuno la via
d'uscita dalla morosità, per altri uno strumento di emancipazione o un'occasione di socialità; al ruolo di ponte
con i servizi comunali, ALER e le realtà del territorio. Il tirocinio è stato usato anche senza indennità.
Restano aperti alcuni nodi: accompagnare le persone da un approccio assistenziale alla logica delle politiche attive,
con uno strumento dotale giudicato rigido, e dare continuità a un lavoro che il Comune non ha risorse per
proseguire. La durata del progetto, per di più segnata dalla pandemia, è giudicata troppo breve per processi
di inclusione.
""")

# %% [markdown]
# ### G.E.S.T.I. Sociali (Gestione Efficace per uno Sviluppo Territoriale Inclusivo) – quartiere di Grumello al Piano nel Comune di Bergamo {#sec-casi-gesti}
#
# G.E.S.T.I. Sociali è stato finanziato dopo l'aumento della dotazione dell'avviso e per questo aveva le attività
# ancora in corso alla data di riferimento del rapporto pubblicato (@tav-gesti). Il quartiere, nella periferia sud della
# città, è tagliato da una strada provinciale che lo ha di fatto separato dal resto del tessuto urbano; vi
# convivono residenti storici, in prevalenza anziani, e famiglie arrivate di recente, molte delle quali
# extracomunitarie.

# %%
#| label: tav-gesti
#| tbl-cap: "Scheda di sintesi G.E.S.T.I. Sociali di Bergamo"
table = cases.card_table(data, "4.10", labels, as_of=ch.as_of)
show_table(table.drop(columns="source"), widths=[1, 3])
md(cases.source_note(data, table["source"], documents))

# %%
housing = [value("4.10", "dwellings_aler"), value("4.10", "dwellings_municipal")]
md(f"""
Il quartiere conta {fmt_int(value("4.10", "inhabitants"))} abitanti e {fmt_int(value("4.10", "dwellings"))}
alloggi pubblici, {fmt_int(housing[0])} di ALER e {fmt_int(housing[1])} del
Comune{cases.parts_gap_note(value("4.10", "dwellings"), housing)}. I residenti degli alloggi SAP, destinatari del
progetto, sono {fmt_int(value("4.10", "sap_residents"))},
{cases.share_check(value("4.10", "sap_residents"), value("4.10", "inhabitants"), value("4.10", "sap_residents_pct"))}
nel testo. La scheda indica però come destinatari gli abitanti di {fmt_int(value("4.10", "sap_dwellings_target"))}
alloggi SAP, un numero che non si concilia con i conteggi precedenti; il testo descrive inoltre come «limitata»
la presenza di nuclei senza figli, che sono {with_article(fmt_pct(value("4.10", "households_without_children_pct") / 100, 0))}
({see("D28")}).

Le difficoltà sono iniziate prima dell'avvio: tra progettazione e intervento sono passati circa
{cases.format_value(value("4.10", "design_to_start_years"), "years")}, e le revisioni di attività e budget rese
necessarie dal tempo trascorso si sono scontrate con la rigidità delle procedure. Circa
{with_article(fmt_pct(value("4.10", "households_over65_pct") / 100, 0))} dei nuclei ha almeno un componente
ultrasessantacinquenne: costruire fiducia e partecipazione è stato più lento, e trovare candidati adatti ai
percorsi di inserimento più difficile, perché gli anziani hanno morosità basse. I corsi avviati sono stati
interrotti dalla pandemia e i tirocini si sono svolti nelle associazioni e nella parrocchia, perché le attività
economiche del quartiere, come il negozio di vicinato, hanno chiuso o si sono spostate. La scheda prevede
{fmt_int(value("4.10", "responsibility_pacts"))} patti di corresponsabilità e
{fmt_int(value("4.10", "orientation_participants"))} partecipanti alle attività di orientamento.
""")

# %%
table = cases.key_numbers(data, "4.10", labels)
md("**G.E.S.T.I. Sociali in cifre.** Contesto del quartiere e risultati attesi.")
show_table(table.drop(columns="source"), align={"Valore": "right"}, widths=[2, 6, 2])
md(cases.source_note(data, table["source"], documents))

# %%
md(f"""
Gli esiti dell'inclusione lavorativa sono stati raggiunti solo in parte: le donne straniere che hanno
frequentato i corsi hanno migliorato l'italiano, è nata una collaborazione con la mensa della parrocchia e
l'indennità di partecipazione ha sostenuto redditi fragili riducendo la morosità. Durante la pandemia il
progetto ha scelto di non interrompere la presenza, per non indebolire la relazione costruita: il presidio è
rimasto aperto, gli anziani sono stati seguiti con telefonate e controlli sulla salute, WhatsApp è diventato il
canale delle iniziative del quartiere e del Comune e i contatti si sono spostati all'aperto, al citofono o sul
balcone, o in ufficio con i dispositivi di protezione.

La chiave del successo, per i referenti, è stata un lavoro di relazione costante, a partire dalla «mappa dei
campanelli»,{cases.interview_note(data, "4.10")} e la scelta di porsi al servizio di tutti i residenti e delle associazioni, facendo da ponte con
Comune e ALER; ha aiutato il coinvolgimento di operatori già conosciuti nel quartiere. Al momento del
confronto l'amministrazione intendeva dare continuità ad alcuni strumenti, aprendo nel quartiere un punto
informativo comunale con anagrafe e servizi sociali, destinato a offrire in seguito anche orientamento al lavoro.
""")

# %% [markdown]
# ### Uno sguardo d'insieme sui casi di studio (aggiunta di questa edizione) {#sec-casi-temi .aggiunta}
#
# Questa sezione non è nel rapporto pubblicato: mette a confronto i casi descritti nelle sezioni precedenti e ne
# raccoglie i temi comuni, che il rapporto riprende nelle considerazioni conclusive (@sec-conclusioni-quartieri).
#
# #### Dotazioni e stato degli interventi {#sec-casi-quadro}

# %%
#| label: tbl-casi-panoramica
#| tbl-cap: "Gli interventi esaminati nei casi di studio"
show_table(overview.drop(columns="source"), align={"Dotazione": "right"}, widths=[3, 3, 3, 3, 2])
md(cases.source_note(data, overview["source"], documents))

# %%
funds = cases.budget_by_fund(data, exclude=["4.4"])
budgets = [cases.card_budget(data, c) for c in data.card_ids("scheda") if c != "4.4"]
budgets = [b for b in budgets if b is not None]
call_budgets = [cases.card_budget(data, c) for c in call_cards]
md(f"""
Le dotazioni vanno da {fmt_eur(min(budgets))} a {fmt_eur(max(budgets))}. I progetti dell'avviso regionale si
collocano tra {fmt_eur(min(call_budgets))} e {fmt_eur(max(call_budgets))}, mentre gli interventi della strategia
urbana di Milano hanno una scala maggiore. Il FESR compare in due forme: a Lorenteggio con un avviso per imprese a
impatto sociale, a Bollate dentro i due progetti plurifondo. Nella @fig-casi-dotazioni Bollate è rappresentata dai
due progetti approvati, non dalla dotazione dell'avviso che li finanzia ({fmt_eur(cases.card_budget(data, "4.4"))});
per MILOLAB la dotazione è al netto dell'IVA.
""")

# %%
#| label: fig-casi-dotazioni
#| fig-cap: "Dotazione degli interventi esaminati per fondo"
#| fig-alt: "Barre orizzontali con la dotazione in euro di ciascun intervento dei casi di studio, divisa tra POR FSE e POR FESR, dalla più alta alla più bassa."
show_figure(charts.stacked_bars(
    funds.assign(Fondo=funds["Fondo"].map(labels["fund"])), "Intervento", "Fondo", "Dotazione",
    source=cite(funds["source"], documents), xlabel="Dotazione (euro)",
    stack_order=[labels["fund"]["FSE"], labels["fund"]["FESR"]]))

# %% [markdown]
# #### Esiti, fattori di successo e criticità {#sec-casi-esiti}
#
# I casi esaminati sono molto diversi per contesto, scala e grado di avanzamento, ma il confronto con i
# referenti restituisce indicazioni convergenti sui temi di partenza. La @tbl-casi-lezioni raccoglie esiti,
# fattori di successo, criticità e prospettive di prosecuzione emersi per ciascun intervento.

# %%
#| label: tbl-casi-lezioni
#| tbl-cap: "Esiti, fattori di successo, criticità e prosecuzione dei casi di studio"
table = cases.lessons_table(data, ["result", "success_factor", "difficulty", "follow_up"], labels)
show_table(table.drop(columns="source"), widths=[2, 2, 6])
md(cases.source_note(data, table["source"], documents))

# %% [markdown]
# #### Il dialogo con gli abitanti {#sec-casi-dialogo}
#
# In tutti i casi la relazione di fiducia con gli abitanti è la condizione di ogni altro risultato, e richiede
# tempo. Funziona dove c'è un presidio fisico stabile e riconoscibile (il laboratorio, lo sportello, la presenza
# nei cortili), dove gli operatori sono già conosciuti e possono appoggiarsi a reti preesistenti (la Rete
# Lunetta a Mantova, la collaborazione tra Comune e Spazio Giovani a Giussano, le parrocchie a Milano e Bergamo),
# e dove il progetto sa fare da ponte tra le famiglie e le istituzioni, Comune e ALER in primo luogo. Gli
# strumenti sono semplici e personalizzati: incontri nei cortili, «mappa dei campanelli», residenti che fanno da
# antenne, un'applicazione che rende visibili i benefici. Il rischio comune è la fine del finanziamento: la
# fiducia costruita si disperde se il presidio si interrompe, e non a caso Mantova e Bergamo hanno scelto di
# mantenere con risorse proprie una presenza minima, mentre a Giussano si temeva di non poterlo fare.
#
# #### Gli effetti del Covid-19 {#sec-casi-covid}
#
# La @tbl-casi-covid riassume gli effetti della pandemia e le risposte dei progetti. Dove il capitale relazionale
# esisteva già, la crisi è stata assorbita: i presidi sono rimasti aperti o sono stati riaperti appena possibile,
# la relazione si è spostata dal gruppo al singolo nucleo e sui canali digitali, nei limiti delle capacità degli
# utenti, e i laboratori sono diventati punti di raccordo per gli aiuti di emergenza. Le attività più colpite
# sono state la formazione, che a distanza non raggiunge questi destinatari, e quelle di animazione collettiva,
# in parte sostituite. A Bollate, dove le azioni non erano partite, i progetti sono nati già adattati alle
# restrizioni. Resta il costo delle interruzioni, che fanno perdere terreno a percorsi già fragili.

# %%
#| label: tbl-casi-covid
#| tbl-cap: "Effetti del Covid-19 e adattamenti per intervento"
table = cases.items_by_card(data, "covid_effect")
show_table(table.drop(columns="source"), widths=[1, 4])
md(cases.source_note(data, table["source"], documents))

# %% [markdown]
# #### Inclusione sociale ed economia locale {#sec-casi-sinergie}
#
# Il legame tra percorsi di inclusione e imprese sociali del territorio è la scommessa più nuova e la meno
# verificabile, perché gli interventi che la incarnano non erano ancora partiti alla data di riferimento del
# rapporto pubblicato. Bollate la affida a un unico
# avviso plurifondo, in cui le imprese sociali sostenute dal FESR offrono tirocini e lavoro ai residenti seguiti
# con il FSE; Milano a un criterio premiale dell'avviso FESR, che guarda all'occupazione creata anche in sinergia
# con PROLORENTEGGIO. Le esperienze concluse ne confermano l'interesse: a Giussano le esperienze di lavoro con la
# cooperativa F.A.T.A. hanno anticipato questa integrazione, frenata però dalla pandemia e dall'assenza di un
# sostegno specifico; a Mantova i referenti chiedono percorsi di avvicinamento al lavoro costruiti con cooperative
# e imprese sociali; a Bergamo la chiusura delle attività economiche del quartiere ha reso difficile perfino
# trovare dove svolgere i tirocini.
#
# Dai casi emergono anche due condizioni perché questa integrazione funzioni. La prima sono strumenti più
# flessibili: Dote Unica Lavoro, doti e Piani di Intervento Personalizzati sono giudicati troppo rigidi per
# persone lontane dal mercato del lavoro, e non riconoscono il lavoro di accompagnamento che richiedono. La
# seconda è un orizzonte temporale adeguato, sia tra progettazione e avvio sia nella durata degli interventi,
# perché i processi di inclusione non si esauriscono in tempi brevi.
#
# #### Le fonti discordanti {#sec-casi-discrepanze}

# %%
md(f"""
In alcuni punti il rapporto riporta, sui casi di studio, valori che non si conciliano tra loro. Questo capitolo li
conserva come stampati e li segnala nel testo; le voci del registro delle discordanze che li riguardano
({see(*cases.discrepancy_ids(discrepancies))}) dicono per ciascuna che cosa riportano le fonti e quale valore si è
scelto.
""")
