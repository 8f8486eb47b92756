"""Fabricated executed notebooks and staged projects, for renderer tests without a kernel."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import nbformat
import yaml
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output


def png_bytes(width: int = 40, height: int = 20) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(width / 10, height / 10), dpi=10)
    ax.bar([0, 1], [1, 2])
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def markdown_output(text: str):
    return new_output(
        "display_data", data={"text/markdown": text, "text/plain": "<IPython.core.display.Markdown object>"}
    )


def image_output(png: bytes | None = None):
    data = base64.b64encode(png or png_bytes()).decode()
    return new_output("display_data", data={"image/png": data, "text/plain": "<IPython.core.display.Image object>"})


def code_cell(source: str, *outputs, tags=()):
    cell = new_code_cell(source, outputs=list(outputs))
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def chapter(title_md: str, *cells) -> nbformat.NotebookNode:
    """An executed notebook: a parameters cell, papermill's injected cell, a heading, then ``cells``."""
    nb = new_notebook(
        cells=[
            code_cell("edition = '2021'", tags=["parameters"]),
            code_cell("# Parameters\nedition = '2021'\n", tags=["injected-parameters"]),
            new_markdown_cell(title_md),
            *cells,
        ]
    )
    nb.metadata["papermill"] = {"parameters": {"edition": "2021"}}
    return nb


TABLE = "| Voce | Valore |\n|:---|---:|\n| Progetti | 33 |\n| Importo | 7.827.051,51 € |"


def stage(
    tmp: Path,
    notebooks: dict[str, nbformat.NotebookNode],
    appendices: dict | None = None,
    index_md: str = "# Presentazione {.unnumbered}\n\nTesto con è, à e €.\n",
) -> Path:
    """A staged book project in ``tmp`` with the given executed notebooks."""
    appendices = appendices or {}
    (tmp / "notebooks").mkdir(parents=True, exist_ok=True)
    for name, nb in {**notebooks, **appendices}.items():
        nbformat.write(nb, tmp / "notebooks" / name)
    config = {
        "project": {"type": "book"},
        "lang": "it",
        "book": {
            "title": "Rapporto di prova",
            "subtitle": "Sottotitolo",
            "author": "Autore",
            "date": "Edizione di prova",
            "output-file": "prova",
            "chapters": ["index.qmd", *[f"notebooks/{n}" for n in notebooks]],
            "appendices": [f"notebooks/{n}" for n in appendices],
        },
        "execute": {"echo": False, "warning": False},
    }
    (tmp / "_quarto.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (tmp / "index.qmd").write_text(index_md, encoding="utf-8")
    return tmp
