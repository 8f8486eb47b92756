# %% [markdown]
# # Schede dei progetti finanziati {#sec-schede-progetto}

# %% tags=["parameters"]
edition = "2021"
as_of = "2020-11-30"
data_dir = "data/synthetic"
programme_dir = "data/programme"
reference_dir = "data/reference"
suppression_threshold = 5
illustrative = False

# %%
from quartieri_erp.presentation.context import ILLUSTRATIVE, open_chapter
from quartieri_erp.chapters import appendices
from quartieri_erp.chapters.wording import discrepancy_ref
from quartieri_erp.presentation.display import md, show_table

ch = open_chapter(globals(), monitoring=True)
monitoring = ch.monitoring()
discrepancies = ch.table("discrepancies")
labels = appendices.AnnexLabels.from_tables(ch.labels(), discrepancies)
programme_projects = ch.table("projects")
documents = ch.table("documents").set_index("doc_id")["citation"].to_dict()
sections = ch.table("report_sections").dropna(subset=["section"])
pages = dict(zip(sections["section"].astype(str), sections["page"]))
# with findings: per-project figures protected and audited (a failed audit stops the build, naming table and cell)
annex = appendices.build_annex(monitoring, programme_projects, ch.suppression_threshold, findings=ch.findings,
                               marked=ch.marked, as_of=ch.as_of, synthetic=ch.synthetic, documents=documents,
                               pages=pages, illustrative_mark=ILLUSTRATIVE)
facts = annex.facts
source = appendices.annex_source_line(annex, programme_projects, ch.table("documents"), ch.as_of,
                                     ch.synthetic)

# %% [markdown]
# Questa appendice dedica una scheda a ciascun progetto integrato finanziato dall'avviso regionale. Ogni
# scheda riunisce i dati del progetto (capofila, comune, graduatoria, atto di finanziamento e dotazione,
# quando è pubblicata) e, quando i dati di monitoraggio lo consentono, gli indicatori sui partecipanti: quante
# persone il progetto ha raggiunto nel Laboratorio sociale e nei Piani di Intervento Personalizzati (PIP), a che
# punto sono i PIP, la quota di donne e di cittadini stranieri, l'età media. Le definizioni sono quelle del
# capitolo sui destinatari (@sec-indicatori).

# %%
md(f"""
{appendices.cards_count_text(facts, programme_projects, documents, pages)};
{appendices.known_budgets_text(facts["budget_eur"], appendices.budgets_source(facts))}. Per i capofila ALER comune e
provincia sono quelli della sede dell'azienda, non necessariamente del quartiere (Appendice D,
{discrepancy_ref(discrepancies, "D42")}). {appendices.assumed_lead_sentence(facts, labels)}

{appendices.annex_note(annex, ch.suppression_threshold)}
""")

# %% [markdown]
# ## Quadro riassuntivo {#sec-schede-quadro}
#
# La @tbl-schede-quadro elenca i progetti con i loro dati principali; nella versione web il codice del progetto
# rimanda alla sua scheda.

# %%
#| label: tbl-schede-quadro
#| tbl-cap: "I progetti finanziati: capofila e dati principali"
summary = appendices.summary_table(facts, annex.shown, labels, annex.mark)
printed = appendices.summary_table(facts, annex.shown, labels, annex.mark, printed=True)
show_table(summary, align=appendices.summary_align(summary), widths=appendices.summary_widths(annex),
           pdf=printed, pdf_align=appendices.summary_align(printed),
           pdf_widths=appendices.summary_widths(annex, printed=True))
md(source)

# %% [markdown]
# ## Le schede {#sec-schede-elenco}

# %%
md(appendices.html_only(appendices.project_sections(facts, annex.shown, labels, annex.mark) + "\n\n" + source))
md(appendices.pdf_only(
    "Nella versione stampata le schede sono riassunte nel quadro che precede (@tbl-schede-quadro), che per ogni "
    "progetto indica anche la graduatoria e l'atto di finanziamento. La versione web del rapporto riporta la "
    "scheda completa di ciascun progetto, con i dati sui partecipanti quando possono essere mostrati."))
