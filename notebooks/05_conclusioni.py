# %% [markdown]
# # Considerazioni conclusive {#sec-conclusioni}

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
from quartieri_erp.chapters import summary
from quartieri_erp.chapters.wording import ProseRefs, with_article
from quartieri_erp.presentation.display import md
from quartieri_erp.presentation.formatting import fmt_int

ch = open_chapter(globals(), monitoring=True)
pages = ch.pages()
call = summary.call_figures(ch.table("projects"), ch.table("facts"),
                            ch.table("procedures"), pages)
key = summary.key_figures(ch.indicators(), ch.table("published_indicators"),
                          pages)
results = ch.table("case_study_results").set_index(["card_id", "metric"])
refs = summary.SourcedRefs(ProseRefs(ch.table("timeline"), ch.table("discrepancies"),
                                     ch.table("case_studies")), pages)
when, start = refs.when, refs.start

# %% [markdown]
# I Laboratori sociali, dentro le strategie di sviluppo urbano come nei progetti dell'avviso regionale,
# stanno sperimentando un modo di contrastare povertà ed esclusione sociale che parte dalla persona: una
# presa in carico costruita sul singolo caso e servizi sociali, abitativi e per il lavoro che operano
# insieme invece che in parallelo. Il capitolo riprende i risultati dei capitoli precedenti e ne ricava
# indicazioni per la programmazione 2021-2027.

# %% [markdown]
# ## L'attuazione dei progetti integrati per la gestione sociale dei quartieri di edilizia pubblica nel POR FSE 2014-2020 {#sec-conclusioni-avviso}

# %%
md(f"""
{summary.call_verdict_sentence(key.vulnerable, key.pip_share, key.pip_concluded, key.pip_withdrawn)}
{summary.reach_sentence(key.participants, key.pip_share, ch.as_of, form=1)}

{summary.pip_target_sentence(key.mean_age_pip, key.pip_aged_36_plus, ch.findings)}

{summary.lab_openness_sentence(key.non_vulnerable_lab, key.employed_or_retired_lab, ch.findings)}

{summary.profiles_sentence(key.profile_differences(), ch.findings)}
""")

# %%
md(f"""
{summary.partners_sentence(call.non_accredited_partners, call.non_accredited_share, form=1)} La scelta di affidare
i progetti a partenariati pubblico-privati, con funzioni e competenze diverse, si conferma efficace:
orienta le attività sui bisogni locali e assicura competenze specialistiche nella conduzione dei
Laboratori e nei servizi al lavoro e alla formazione. Le organizzazioni del privato sociale radicate nei
singoli quartieri sono un valore aggiunto: portano una conoscenza fine delle dinamiche sociali dei
microcontesti e la fiducia delle persone a cui i progetti si rivolgono, due condizioni per programmare e
gestire bene gli interventi (@sec-bando).
""")

# %% [markdown]
# ## L'esperienza FSE maturata in alcuni quartieri ERP lombardi {#sec-conclusioni-quartieri}
#
# I casi di studio restituiscono esperienze ricche e diverse per approccio, attori e strumenti. Pur con
# gradi di avanzamento e risultati differenti, gli interventi di Lorenteggio e di Bollate e i progetti
# dell'avviso esaminati offrono pratiche che possono essere riprese in quartieri simili e un capitale di
# esperienza da valorizzare (@sec-casi-studio).
#
# La crisi sanitaria ne accresce il valore. I Laboratori raggiungono le persone più esposte: abitanti di
# quartieri disagiati che già vivevano al limite delle proprie possibilità, con bassa istruzione, senza
# lavoro o con lavori precari o irregolari. Alla data del rapporto si prevedeva per i mesi successivi un
# forte deterioramento del mercato del lavoro e delle condizioni economiche e sociali, con più disoccupazione
# e più inattività; a pagarne il prezzo più alto sarebbero state le persone poco qualificate, con
# competenze digitali scarse o nulle e senza risorse per affrontare la crisi.
#
# ### Il dialogo continuativo con i residenti nei quartieri oggetto di intervento {#sec-conclusioni-dialogo}
#
# In tutti i casi la fiducia degli abitanti è la condizione da cui dipende il resto: costruirla ha
# assorbito gran parte della fase di avvio, mantenerla richiede un impegno continuo. La rete è stata
# riconosciuta più in fretta dove i partner lavoravano in modo coordinato e dove alcuni operatori erano già
# presenti nel quartiere o conoscevano gli abitanti grazie a interventi precedenti. Alcuni elementi si
# ritrovano ovunque: una presenza fisica stabile nel quartiere, la disponibilità ad ascoltare e a farsi
# carico di bisogni diversi, la flessibilità di accompagnare le persone verso una risposta anche quando
# questa sta fuori dal progetto. Gli strumenti più efficaci sono i più semplici: incontri nei cortili,
# conversazioni dai balconi, molte ore di sportello, apertura costante verso le associazioni e gli altri
# soggetti del quartiere.
#
# ### Gli effetti della pandemia da Covid-19 {#sec-conclusioni-covid}
#
# La pandemia ha colpito soprattutto i progetti che stavano partendo e non avevano ancora costruito una
# relazione di fiducia con gli abitanti. Il distanziamento ha reso impossibili le forme abituali di
# contatto e ha costretto a cercare altri modi di seguire le persone fragili, sapendo che molte non
# dispongono di strumenti digitali o non sanno usarli. I progetti hanno scelto canali semplici e già
# diffusi: il telefono, i gruppi WhatsApp, le pagine Facebook per informare e orientare. Spesso il
# Laboratorio è diventato il luogo in cui si raccolgono i bisogni e si indirizzano le persone verso gli
# aiuti del Comune e delle associazioni del quartiere; i legami con gli altri soggetti del territorio ne
# sono usciti rafforzati, insieme alla conoscenza dei servizi e delle iniziative di solidarietà disponibili
# durante l'emergenza.
#
# ### L'azione sinergica tra gli interventi di inclusione sociale e quelli di promozione dell'economia locale {#sec-conclusioni-sinergie}
#
# I percorsi di inclusione attiva, con i loro limiti e con gradi di attuazione diversi, offrono spunti per
# la programmazione 2021-2027: interventi che lavorino su più livelli, più settori e più attività, nei
# quartieri già coinvolti o in altre aree urbane segnate da povertà economica, culturale e lavorativa.
#
# L'inserimento lavorativo di persone fragili, spesso lontanissime dal mercato, è riuscito solo in parte.
# Hanno pesato il profilo dei residenti, spesso anziani, la crisi pandemica e la difficoltà di far
# passare all'attivazione richiesta dalle politiche attive persone abituate a forme di sostegno passivo. I
# percorsi hanno comunque prodotto risultati, diversi secondo le attese e il punto di partenza di
# ciascuno: meno morosità incolpevole, più autonomia, un maggiore senso di appartenenza al quartiere,
# competenze di cittadinanza più solide.
#
# Le esperienze segnalano alcuni ostacoli e una risorsa:
#
# - la Dote Unica Lavoro (DUL) si adatta male alla gradualità e alla flessibilità che servono con
#   destinatari spesso distanti anche dalle regole elementari del mercato del lavoro;
# - il lavoro che non consiste in azioni rivolte direttamente all'utente, come i contatti, il
#   coordinamento e l'accompagnamento informale, non è finanziato: senza risorse dedicate l'esperienza non
#   è sostenibile né replicabile;
# - i tirocini si sono rivelati decisivi anche senza l'indennità di partecipazione, che l'avviso non
#   ammetteva, perché l'esperienza pratica è il modo più efficace per far crescere le competenze di
#   persone così fragili.

# %%
md(f"""
L'integrazione tra percorsi FSE e sostegno alle imprese sociali del quartiere deve ancora essere messa
alla prova sul campo: a Bollate {with_article(fmt_int(summary.result_value(results, "4.4", "approved_projects", pages)), "i")} progetti
plurifondo approvati {when("E27", "il")} partiranno {start("4.4", "il")}, mentre a Lorenteggio le imprese
ammesse con l'avviso FESR {when("E25", "il")} non hanno ancora avviato le attività. È comunque la direzione
indicata dalle esperienze esaminate, e conviene seguirla e valutarla fin dall'avvio.
""")

# %% [markdown]
# ## Indicazioni per la programmazione 2021-2027 {#sec-conclusioni-indicazioni}
#
# *Sezione aggiunta in questa edizione: il rapporto originale non ha un capitolo di raccomandazioni, e le
# indicazioni che seguono, nuove rispetto all'originale, sono ricavate dalle sue conclusioni.*
#
# Dall'analisi discendono alcune indicazioni:
#
# - dare continuità ai Laboratori sociali e alle esperienze più mature, che hanno costruito relazioni di
#   fiducia difficili da ricreare, con orizzonti temporali adeguati ai tempi lunghi del lavoro di
#   comunità;
# - riconoscere e finanziare il lavoro di rete e di accompagnamento che non si traduce in prestazioni
#   individuali all'utente;
# - rendere più graduali e flessibili gli strumenti di politica attiva, a partire dalla Dote Unica
#   Lavoro, per i destinatari più lontani dal lavoro, e valorizzare i tirocini;
# - proseguire e valutare l'integrazione tra inclusione attiva finanziata dal FSE e sostegno alle imprese
#   sociali dei quartieri finanziato dal FESR;
# - raccogliere nel monitoraggio anche gli esiti dei percorsi, occupazionali e sociali, perché possano
#   essere misurati e non soltanto descritti.
