"""What a build does for editions: parameters only some notebooks declare, and the manifest it publishes."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from quartieri_erp.params import OPTIONAL_NOTEBOOK_PARAMETERS, RunParams


@lru_cache(maxsize=64)
def _declared(notebook: Path, mtime: float) -> frozenset[str]:
    """Names assigned in the notebook's cell tagged ``parameters``."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell["source"])
            return frozenset(line.split("=")[0].strip() for line in source.splitlines() if "=" in line)
    return frozenset()


def chapter_parameters(notebook: Path, params: RunParams, root: Path) -> dict:
    """The ``OPTIONAL_NOTEBOOK_PARAMETERS`` that ``notebook`` declares, with this run's values ("" for none)."""
    declared = _declared(notebook, notebook.stat().st_mtime)
    return {
        name: "" if getattr(params, name) is None else getattr(params, name).as_posix()
        for name in OPTIONAL_NOTEBOOK_PARAMETERS
        if name in declared
    }


def publish_edition(params: RunParams) -> Path:
    """Write ``<out>/edition.json`` for the build just published (see ``editions.manifest``)."""
    from quartieri_erp.chapters.editions import funded_ids
    from quartieri_erp.editions.manifest import make_manifest, project_counts, sintesi_sentences, write_manifest
    from quartieri_erp.inputs.catalogue import read_input
    from quartieri_erp.inputs.monitoring import load_monitoring

    monitoring = load_monitoring(params.data_dir, params.reference_dir, params.as_of)
    funded = funded_ids(read_input("projects", params.programme_dir))
    folders = {role: getattr(params, role) for role in ("data_dir", "programme_dir", "reference_dir")}
    manifest = make_manifest(
        params.edition,
        params.as_of.isoformat(),
        folders,
        project_counts(monitoring.projects, monitoring.participants, params.suppression_threshold),
        funded,
        sintesi_sentences(params.out / "executed"),
    )
    return write_manifest(manifest, params.out)
