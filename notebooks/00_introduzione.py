# %% [markdown]
# # Introduzione {#sec-introduzione .unnumbered}

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
from quartieri_erp.chapters import policy, summary
from quartieri_erp.chapters.call import EVENTS as E
from quartieri_erp.chapters.call import funded_projects
from quartieri_erp.chapters.cited import Cited
from quartieri_erp.chapters.wording import join_it, with_article
from quartieri_erp.presentation.display import md
from quartieri_erp.presentation.formatting import fmt_int
from quartieri_erp.presentation.markup import escape, number
from quartieri_erp.presentation.provenance import Sourced, derived

ch = open_chapter(globals())
cited = Cited.load(ch)
projects = ch.table("projects")
cards = ch.table("case_studies")
documents = ch.table("documents")
lists = ch.table("call_lists")
funded = funded_projects(projects)
n_funded = Sourced(len(funded), derived(cited.column(funded, "source").ref))

# %%
md(f"""
Il rapporto valuta i progetti per la gestione sociale dei quartieri di edilizia residenziale pubblica
(ERP) che Regione Lombardia ha promosso nell'Asse II del POR FSE 2014-2020 sulla base della legge
regionale sui servizi abitativi ({cited.act(E.housing_law)}), per sperimentare nuovi modelli di gestione sociale in
quartieri di particolare fragilità sociale ed economica.

I progetti uniscono due strumenti. Il Laboratorio sociale (Azione 9.4.2) è un presidio di prossimità:
un luogo in cui gli abitanti si incontrano e partecipano ad attività aggregative ed educative, vengono
ascoltati e possono segnalare i problemi del quartiere. Accanto al Laboratorio, operatori accreditati ai
servizi al lavoro e alla formazione offrono a chi è in temporanea difficoltà economica un percorso di
inclusione attiva, definito in un Piano di Intervento Personalizzato (PIP; Azione 9.1.3). Sulla scia, in
parte, dei Contratti di Quartiere, l'intento è lasciarsi alle spalle un approccio prevalentemente
assistenziale e puntare sull'attivazione delle persone più fragili.

La Regione ha seguito due strade. Con i Comuni di Milano e di Bollate, Organismi intermedi delle
strategie di sviluppo urbano sostenibile sostenute dall'Asse V del POR FESR, ha co-progettato interventi
in cui il Laboratorio è il perno sociale della rigenerazione del quadrilatero ERP di Lorenteggio e
dell'ambito ERP di Bollate. Con un avviso gestito direttamente e aperto a tutto il territorio ha
finanziato {fmt_int(n_funded)} progetti (@sec-bando). Al momento della valutazione molti interventi
erano ancora in corso e alcuni risultati non erano misurabili: la valutazione ha quindi, in parte,
carattere intermedio.
""")

# %% [markdown]
# ## Obiettivi e domande di valutazione {#sec-introduzione-domande .unnumbered}
#
# Il primo obiettivo è costruire una batteria di indicatori per una prima lettura valutativa dei percorsi
# attivati dall'avviso regionale, sia sul versante dei modelli sociali e abitativi innovativi (i
# Laboratori sociali, Azione 9.4.2) sia su quello dell'inclusione lavorativa di persone economicamente e
# socialmente vulnerabili (i percorsi di inclusione attiva, Azione 9.1.3), e calcolarli sui dati
# di monitoraggio. Gli indicatori servono a capire se l'intervento:
#
# - abbia raggiunto un numero significativo di persone vulnerabili, prendendone in carico anche i bisogni
#   di formazione e di inserimento lavorativo;
# - abbia portato a termine le attività previste dai Piani di Intervento Personalizzati;
# - si sia dimostrato un modello valido di inclusione sociale in aree urbane di disagio.
#
# Gli indicatori misurano l'attuazione (progetti integrati e destinatari, in totale e per sub-progetto),
# l'efficacia (quota di destinatari con un PIP e quota di PIP conclusi) e le lezioni apprese (capacità di
# raggiungere persone vulnerabili ed età media dei destinatari). Li accompagna il profilo dei destinatari
# per genere, età, cittadinanza, titolo di studio, condizione di svantaggio e condizione occupazionale
# (@sec-indicatori).
#
# Il secondo obiettivo è capire che cosa è successo in alcuni quartieri: a che punto sono gli interventi e
# come possono evolvere, quali condizioni li hanno favoriti od ostacolati, quali spunti offrono per nuove
# linee di intervento (@sec-casi-studio). L'analisi si concentra su questi temi:
#
# - le forme di **dialogo continuativo con i residenti** dei quartieri;
# - la possibilità e l'utilità di **collegare inclusione sociale ed economia locale**, cioè i percorsi
#   multidimensionali di inclusione finanziati dal FSE (Azione 9.1.3) e il rafforzamento di imprese
#   sociali che producono per gli abitanti beni e servizi che il mercato non offre, finanziato dal FESR
#   (Azione V.3.c.1.1);
# - gli **effetti della crisi sanitaria di Covid-19** sulle attività dei progetti, gli adattamenti che ha
#   richiesto e quelli che richiederanno le sue conseguenze nei quartieri.

# %% [markdown]
# ## Metodo {#sec-introduzione-metodo .unnumbered}

# %%
sus_places = summary.case_study_municipalities(cards, ("sus_milano", "sus_bollate"))
call_places = summary.case_study_municipalities(cards, ("avviso_regionale",))
places = Sourced(len(sus_places) + len(call_places), derived(cited.column(cards, "source").ref))
md(f"""
Il rapporto combina l'analisi desk delle informazioni disponibili con il confronto diretto con chi ha
gestito e attuato gli interventi:

- **dati di monitoraggio**: i dati amministrativi che la Regione raccoglie nei propri sistemi informativi
  con le schede del manuale di gestione dell'avviso (comunicazione di partecipazione ai Laboratori,
  domanda di partecipazione con il PIP, dichiarazione riassuntiva unica). Gli indicatori sono calcolati
  sui dati individuali e presentati solo in forma aggregata, con intervalli di confidenza e test sulle
  differenze tra i sub-progetti (@sec-metodo);
- **documenti**: la documentazione fornita dall'Autorità di gestione e dai referenti regionali, gli atti
  e le pagine dei siti istituzionali, il rapporto pubblicato e le fonti che esso richiama;
- **interviste** ai referenti regionali delle Azioni 9.1.3 e 9.4.2 e ai rappresentanti
  {with_article(fmt_int(places), "dei")} Comuni dei casi di studio: le Autorità urbane di
  {join_it(escape(p) for p in sus_places)} e i Comuni di {join_it(escape(p) for p in call_places)}, scelti con gli uffici
  regionali per rappresentare aree diverse della Lombardia. Per le regole di distanziamento le interviste si sono
  svolte in videochiamata, sulla base di una breve traccia inviata in anticipo.
""")

# %%
provider = lists[lists["list"] == "monitoring_data_provider"].iloc[0]
md(policy.monitoring_data_note_sourced(ch.synthetic, ch.as_of, ch.suppression_threshold,
                                       number(provider["text"], cited.source(provider["source"]))))

# %% [markdown]
# I fatti di programma (atti, dotazioni, date, schede dei casi di studio) provengono da dati curati a
# partire dal rapporto pubblicato e dai documenti che esso richiama, e descrivono la situazione che il
# rapporto riporta, in alcuni casi successiva alla data dei dati di monitoraggio. Ogni riga dei file curati
# indica il documento e il punto da cui è tratta (@sec-provenienza); dove le fonti non concordano, la
# scelta adottata è registrata e motivata, e il confronto tra i valori ricalcolati e quelli pubblicati è
# documentato a parte (@sec-riconciliazione).

# %%
md(f"""
I documenti di riferimento, citati nelle righe «Fonte» di tabelle e figure, sono:

{policy.documents_list_sourced(documents, cited)}
""")

# %% [markdown]
# ## Struttura del rapporto {#sec-introduzione-struttura .unnumbered}
#
# Dopo la sintesi e questa introduzione, il rapporto si articola in capitoli e appendici.
#
# - @sec-politiche colloca l'intervento nell'evoluzione delle politiche regionali per la gestione sociale
#   dei quartieri, dai Contratti di Quartiere alla sperimentazione dei Laboratori sociali.
# - @sec-bando presenta le procedure attivate nel POR FSE 2014-2020: l'avviso regionale, con la sua
#   dotazione, i progetti e i partenariati, e le strategie di sviluppo urbano sostenibile di Milano, nel
#   quartiere Lorenteggio, e di Bollate.
# - @sec-indicatori analizza sui dati di monitoraggio i percorsi attivati dai progetti dell'avviso, per i
#   due sub-progetti: il Laboratorio sociale e l'inclusione attiva.
# - @sec-casi-studio illustra le esperienze delle Autorità urbane e dei progetti dell'avviso esaminati e
#   le legge alla luce dei temi della valutazione.
# - @sec-conclusioni trae le considerazioni conclusive e le indicazioni per la programmazione 2021-2027.
#
# Le appendici documentano come il rapporto è costruito:
#
# - @sec-metodo raccoglie le note di metodo sul calcolo e sulla lettura degli indicatori;
# - @sec-dizionario descrive ogni file di input, con il significato e le regole di ciascun campo;
# - @sec-riconciliazione confronta i valori ricalcolati con quelli dell'edizione pubblicata;
# - @sec-provenienza indica da dove proviene ogni dato e come sono state risolte le discordanze tra le
#   fonti;
# - @sec-glossario scioglie le sigle usate nel testo;
# - @sec-schede-progetto presenta le schede dei progetti finanziati dall'avviso regionale.
