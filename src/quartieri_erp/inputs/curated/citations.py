"""The 'Fonte:' line of a table or figure, built from the `source` cells of the rows it shows."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd


def cited_documents(sources: Iterable[str]) -> list[str]:
    """Document ids cited by `source` cells ('000 Tavola 2.1, l. 437; 002 …'), in order of first use."""
    ids: dict[str, None] = {}
    for cell in sources:
        for part in str(cell).split(";"):
            token = part.strip().split(" ", 1)[0]
            if token.isdigit() and len(token) == 3:
                ids.setdefault(token)
    return list(ids)


def cite(
    sources: Iterable[str] = (),
    documents: pd.DataFrame | None = None,
    prefix: str = "elaborazione su",
    also: Iterable[str] = (),
) -> str:
    """'elaborazione su Regione Lombardia, Rapporto …; Éupolis Lombardia, …' for the documents cited by
    ``sources``, followed by ``also``: sources already in words, such as the monitoring data."""
    ids = cited_documents(sources)
    citations = documents.set_index("doc_id")["citation"] if ids else pd.Series(dtype=str)
    unknown = [i for i in ids if i not in citations.index]
    if unknown:
        raise KeyError(f"source cells cite unknown document id(s) {unknown}; add them to documents.csv")
    return f"{prefix} {'; '.join([*(citations[i] for i in ids), *also])}".strip()


def source_line(
    sources: Iterable[str] = (), documents: pd.DataFrame | None = None, *, also: Iterable[str] = (), note: str = ""
) -> str:
    """The 'Fonte:' line under a table: 'Fonte: elaborazione su …' (see ``cite``; escaped, as data text), then
    ``note`` (Markdown written by the package) after the full stop."""
    from quartieri_erp.presentation.markup import (
        escape,  # the citations are data: literal text in the Markdown of the page
    )

    return f"Fonte: {escape(cite(sources, documents, also=also))}." + (f" {note}" if note else "")
