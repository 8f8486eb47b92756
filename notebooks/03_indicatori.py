# %% [markdown]
# # Analisi dei percorsi attivati dai progetti integrati per la gestione sociale dei quartieri di edilizia pubblica {#sec-indicatori}

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
from quartieri_erp.presentation.context import ILLUSTRATIVE, open_chapter
from quartieri_erp.chapters import indicators as ci
from quartieri_erp.chapters.reconciliation import label_swap_note
from quartieri_erp.chapters.wording import with_article
from quartieri_erp.inputs.curated.citations import cite, source_line
from quartieri_erp.indicators.disclosure import mark
from quartieri_erp.presentation.display import md, show_figure, show_table
from quartieri_erp.presentation.formatting import fmt_date
from quartieri_erp.inputs.monitoring.codes import SUBPROJECTS
from quartieri_erp.presentation.provenance import curated

ch = open_chapter(globals(), monitoring=True)
found = ch.indicators()
published = ch.table("published_indicators")
ind = ch.indicator_table
tests = found.tests
call_lists = ch.table("call_lists")
documents = ch.table("documents")
labels = ch.labels()
groups = labels["group"]
colours = ci.group_colours(groups)
monitoring = ci.monitoring_source(ch.as_of, ch.synthetic)
source = cite(also=[monitoring])  # the 'Fonte:' text of the figures
as_of_text = with_article(fmt_date(ch.as_of, src=curated("data di riferimento dei dati di monitoraggio")), "al")
watermark = ILLUSTRATIVE if ch.marked else ""
synthetic_only = not ch.findings  # a synthetic edition shows only the published values
frames = {
    "age_band": ci.share_frame(ind, "age_band", labels["age_band"], groups, synthetic=synthetic_only),
    "sex": ci.share_frame(ind, "sex", labels["sex"], groups, synthetic=synthetic_only),
    "citizenship": ci.share_frame(ind, "citizenship", labels["citizenship"], groups, synthetic=synthetic_only),
    "origin_area": ci.share_frame(ind, "origin_area", labels["origin_area"], groups, synthetic=synthetic_only),
    "education": ci.share_frame(ind, "education", labels["education"], groups, synthetic=synthetic_only),
    "disadvantage": ci.share_frame(ind, "disadvantage", labels["disadvantage"], groups, synthetic=synthetic_only),
    "employment_status": ci.share_frame(ind, "employment_status", labels["employment_status"], groups,
                                        SUBPROJECTS, synthetic=synthetic_only),
    "pip_status": ci.share_frame(ind, "pip_status", labels["pip_status"], groups, ("pip",),
                                 synthetic=synthetic_only),
}
provinces = ci.province_frame(ind, labels["province"], groups, ch.suppression_threshold, synthetic=synthetic_only)


def figure(indicator, **options):
    return charts.interval_bars(frames[indicator], "category", "group", source=source, colours=colours,
                                watermark=watermark, **options)


def text(topic):
    return ci.section_text(topic, ind, tests, labels, ch.findings)


# %%
md(f"""
Questo capitolo ricostruisce dai dati di monitoraggio dei partecipanti, aggiornati {as_of_text}, gli
indicatori con cui il rapporto pubblicato descrive l'attuazione dell'avviso regionale: quante persone sono state
raggiunte, con quali caratteristiche, con quali percorsi e con quali esiti. Ogni cifra, tabella e figura è
ricalcolata dai dati; il confronto con i valori stampati nel rapporto è nell'appendice di riconciliazione (@sec-riconciliazione).
""")

# %% [markdown]
# ## L'analisi quantitativa dell'attuazione: oggetto e finalità specifiche {#sec-indicatori-oggetto}
#
# L'avviso finanzia progetti integrati che uniscono due sub-progetti: il **Laboratorio Sociale** (Azione 9.4.2),
# presidio di prossimità aperto agli abitanti del quartiere, e i **Piani di Intervento Personalizzati**, o PIP
# (Azione 9.1.3), percorsi di formazione e di orientamento al lavoro con un'indennità di partecipazione. Una
# persona può partecipare a uno solo dei due sub-progetti o a entrambi. L'analisi riguarda solo i progetti
# dell'avviso regionale: per gli interventi di Milano-Lorenteggio e di Bollate (@sec-bando-sus) non sono
# disponibili dati sui partecipanti.
#
# Gli indicatori, riassunti con il loro metodo di calcolo nella @tbl-indicatori-definizioni, rispondono a tre domande di valutazione: se l'intervento ha
# raggiunto molte persone vulnerabili dei quartieri, prendendone in carico i bisogni di formazione e di lavoro
# (*implementazione della policy*); se i percorsi avviati arrivano a conclusione (*efficacia dell'intervento*);
# che cosa insegna il modello per la programmazione successiva (*lezioni apprese*). Li accompagnano alcuni
# descrittori dei destinatari: età, genere, cittadinanza, titolo di studio, condizione di svantaggio, condizione
# occupazionale e provincia di residenza.

# %%
md(ci.method_paragraph(ind, ch.findings))

# %% [markdown]
# ## Elementi descrittivi del quadro di attuazione dell'intervento {#sec-indicatori-attuazione}
#
# Per leggere i dati sui partecipanti conviene tenere presente che cosa l'avviso regionale chiedeva ai progetti
# integrati e quali ricadute se ne aspettava. Ogni progetto doveva essere proposto da un partenariato guidato da un
# Comune o da un'ALER (@sec-bando-avviso) e orientare le proprie attività verso questi obiettivi specifici:

# %%
md(ci.call_list_markdown(call_lists, ci.CALL_OBJECTIVES))

# %% [markdown]
# Nel lungo periodo, dall'insieme dei progetti l'avviso si attendeva questi benefici:

# %%
md(ci.call_list_markdown(call_lists, ci.CALL_BENEFITS))
md(source_line(ci.call_list_rows(call_lists, ci.CALL_OBJECTIVES)["source"].tolist()
               + ci.call_list_rows(call_lists, ci.CALL_BENEFITS)["source"].tolist(), documents))

# %%
md(f"""
{ci.reach_paragraph(ind, as_of_text)}

**Le etichette dei sub-progetti nel rapporto pubblicato.** {label_swap_note(published, applies=ci.counts_as_published(ind))} Questo capitolo usa i
dati così come registrati.
""")

# %%
#| label: tbl-quadro-sintesi
#| tbl-cap: "Quadro di sintesi relativo all'implementazione dell'Avviso Progetti Integrati"
show_table(ci.with_mark(ci.summary_table(ind), ch.marked), widths=[4, 1], align={"Valore": "right"})
md(source_line(also=[monitoring], note=label_swap_note(published, short=True,
                                                      applies=ci.counts_as_published(ind))))

# %% [markdown]
# ## Le evidenze fornite dall'analisi {#sec-indicatori-destinatari}
#
# Le figure che seguono descrivono i destinatari al momento dell'ingresso nei progetti, nel complesso e per
# ciascun sub-progetto; la linea sottile su una barra, dove c'è, è l'intervallo di confidenza della quota.
#
# ### L'età {#sec-indicatori-eta}

# %%
md(text("age"))

# %%
#| label: fig-eta
#| fig-cap: "Destinatari per fascia d'età, nel complesso e per sub-progetto"
#| fig-alt: "Barre orizzontali con la quota di destinatari in ciascuna fascia d'età; con i dati reali per il totale, i Laboratori Sociali e i PIP, con l'intervallo di confidenza di ogni quota."
show_figure(figure("age_band"))

# %% [markdown]
# ### Il genere {#sec-indicatori-genere}

# %%
md(text("sex"))

# %%
#| label: fig-genere
#| fig-cap: "Destinatari per genere, nel complesso e per sub-progetto"
#| fig-alt: "Barre orizzontali con la quota di donne e di uomini per il totale, i Laboratori Sociali e i PIP."
show_figure(figure("sex"))

# %% [markdown]
# ### La cittadinanza e la provenienza {#sec-indicatori-cittadinanza}

# %%
md(text("citizenship"))

# %%
#| label: fig-cittadinanza
#| fig-cap: "Destinatari per cittadinanza, nel complesso e per sub-progetto"
#| fig-alt: "Barre orizzontali con la quota di cittadini italiani e stranieri per il totale, i Laboratori Sociali e i PIP."
show_figure(figure("citizenship"))

# %%
#| label: fig-provenienza
#| fig-cap: "Destinatari stranieri per area di provenienza, nel complesso e per sub-progetto"
#| fig-alt: "Barre orizzontali con la quota di stranieri proveniente da ciascuna area geografica, nel complesso e, dove disponibile, per sub-progetto."
show_figure(figure("origin_area", xlabel="Quota degli stranieri del gruppo"))

# %% [markdown]
# ### Il titolo di studio {#sec-indicatori-istruzione}

# %%
md(text("education"))

# %%
#| label: fig-istruzione
#| fig-cap: "Destinatari per titolo di studio, nel complesso e per sub-progetto"
#| fig-alt: "Barre orizzontali con la quota di destinatari per titolo di studio, dal nessun titolo alla laurea."
show_figure(figure("education"))

# %% [markdown]
# ### La condizione di svantaggio {#sec-indicatori-svantaggio}

# %%
md(text("disadvantage"))

# %%
#| label: fig-svantaggio
#| fig-cap: "Destinatari per condizione di svantaggio, nel complesso e per sub-progetto"
#| fig-alt: "Barre orizzontali con la quota di destinatari per condizione di svantaggio registrata all'ingresso."
show_figure(figure("disadvantage"))

# %% [markdown]
# ### La condizione occupazionale {#sec-indicatori-occupazione}

# %%
md(text("employment"))

# %%
#| label: fig-occupazione
#| fig-cap: "Destinatari dei Laboratori Sociali e dei PIP per condizione occupazionale all'ingresso"
#| fig-alt: "Barre orizzontali con la quota di destinatari per condizione occupazionale all'ingresso, per i Laboratori Sociali e, con i dati reali, per i PIP."
show_figure(figure("employment_status"))

# %% [markdown]
# ### La provincia di residenza {#sec-indicatori-provincia}

# %%
md(ci.province_text(provinces, tests, ch.findings))

# %%
#| label: fig-provincia
#| fig-cap: "Destinatari per provincia di residenza, nel complesso e per sub-progetto"
#| fig-alt: "Barre orizzontali con la quota di destinatari residenti nelle province lombarde, dalla provincia con più destinatari a quella con meno."
show_figure(charts.interval_bars(provinces, "category", "group", source=source, colours=colours,
                                 mark=mark(ch.suppression_threshold), watermark=watermark))

# %%
md(ci.suppression_sentence(provinces, ch.suppression_threshold, list(frames.values()), synthetic_only))

# %% [markdown]
# ### L'efficacia dell'intervento {#sec-indicatori-efficacia}
#
# Il Laboratorio Sociale serve anche ad avvicinare persone vulnerabili del quartiere per proporre loro, quando
# ce ne sono le condizioni, un percorso personalizzato verso il lavoro: più spesso questo passaggio avviene, più
# l'intervento è efficace. Il secondo segnale di efficacia è la capacità di portare a termine i percorsi avviati.

# %%
md(ci.efficacy_paragraph(ind, ch.synthetic))

# %%
#| label: fig-stato-pip
#| fig-cap: "Piani di Intervento Personalizzati per stato di attuazione alla data di riferimento"
#| fig-alt: "Barre orizzontali con la quota di PIP conclusi, in corso e chiusi per rinuncia."
show_figure(figure("pip_status", xlabel="Quota dei PIP avviati", decimals=1))

# %% [markdown]
# ### Le lezioni apprese {#sec-indicatori-lezioni}

# %%
md(ci.lessons_paragraph(ind, tests, ch.findings, ch.synthetic))

# %%
#| label: fig-eta-media
#| fig-cap: "Età media dei destinatari dei Laboratori Sociali e dei PIP"
#| fig-alt: "Barre orizzontali con l'età media in anni dei destinatari dei Laboratori Sociali e dei PIP e, con i dati reali, di tutti i destinatari."
ages = ci.mean_age_frame(ind, groups, synthetic=synthetic_only)
show_figure(charts.value_bars(ages, "group", "value", source=source, xlabel="Età media (anni)",
                              texts=ci.age_labels(ages), colours=colours, watermark=watermark))

# %%
#| label: tbl-indicatori-risultato
#| tbl-cap: "Indicatori di risultato dei Progetti Integrati ricavati dai dati amministrativi raccolti"
show_table(ci.with_mark(ci.results_table(ind, ch.synthetic), ch.marked), align={"Base": "right"}, widths=[4, 2, 1, 3])
md(source_line(also=[monitoring], note=ci.results_note(ch.synthetic)))

# %%
#| label: tbl-indicatori-definizioni
#| tbl-cap: "Gli indicatori dell'analisi per dimensione di valutazione"
show_table(ci.definitions_table(), widths=[3, 2, 4])

# %% [markdown]
# ### Il profilo dei destinatari {#sec-indicatori-profili}
#
# *Sottosezione aggiunta in questa edizione.*

# %%
md(ci.profiles_text(ind, labels, ch.findings))

# %% [markdown]
# ## Gli indicatori comuni di output del FSE {#sec-indicatori-fse}
#
# *Sezione aggiunta in questa edizione.* Il regolamento del Fondo sociale europeo chiede di rilevare per ogni
# partecipante, all'ingresso, alcuni indicatori comuni di output.

# %%
esf_reference = ch.table("esf_common_indicators")
md(ci.esf_paragraph(found.esf, esf_reference, ch.findings))

# %%
#| label: tbl-indicatori-fse
#| tbl-cap: "Indicatori comuni di output del FSE per sub-progetto: partecipanti e quota sul gruppo"
if ch.findings:
    show_table(ci.with_mark(ci.esf_table(found.esf, esf_reference, groups), ch.marked), widths=[4, 2, 2, 2])
    md(source_line(also=[monitoring], note="Tra i disoccupati sono contate anche le persone in cerca di prima "
                                           "occupazione; tra i titoli fino alla secondaria inferiore anche chi non "
                                           f"ha alcun titolo. {ci.esf_missing_sentence(found.esf, esf_reference)}"))
