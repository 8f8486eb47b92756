"""Each chapter notebook and its paired script (jupytext, py:percent) say the same thing (issue 17): the script
is what a reviewer reads in a diff, so it must never lag behind the notebook, nor the notebook behind it."""

from __future__ import annotations

from pathlib import Path

import jupytext
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_notebook_and_its_script_are_in_sync(notebook):
    script = notebook.with_suffix(".py")
    assert script.is_file(), f"{script.name} is missing: run `jupytext --sync {notebook.relative_to(ROOT)}`"
    config = jupytext.config.load_jupytext_configuration_file(str(ROOT / "jupytext.toml"))
    expected = jupytext.writes(jupytext.read(notebook), fmt="py:percent", config=config)
    assert script.read_text(encoding="utf-8") == expected, (
        f"{script.name} differs from {notebook.name}: run `jupytext --sync notebooks/*.ipynb` (or save the "
        f"notebook in JupyterLab with jupytext installed)"
    )


def test_every_script_has_its_notebook():
    assert sorted(p.stem for p in (ROOT / "notebooks").glob("*.py")) == [p.stem for p in NOTEBOOKS]
