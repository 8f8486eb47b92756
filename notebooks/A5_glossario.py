# %% [markdown]
# # Glossario delle sigle {#sec-glossario}

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
from quartieri_erp.chapters import appendices
from quartieri_erp.presentation.display import md, show_table
from quartieri_erp.presentation.formatting import fmt_int

ch = open_chapter(globals())
glossary = ch.table("glossary")
documents = ch.table("documents")
from quartieri_erp.presentation.provenance import curated

# %%
md(f"""
Il glossario spiega le {fmt_int(len(glossary), src=curated("glossario di questa edizione"))} sigle usate nel rapporto (@tbl-glossario), in ordine
alfabetico: per ciascuna lo scioglimento e, nella versione web, una breve spiegazione.
""")

# %%
#| label: tbl-glossario
#| tbl-cap: "Le sigle usate nel rapporto"
show_table(appendices.glossary_table(glossary), widths=[2, 4, 6], pdf=appendices.glossary_compact(glossary),
           pdf_widths=[1, 1])
md(appendices.source_note(glossary["source"], documents))
