"""Curated data from the published sources: schemas (TABLES), cross-table checks, citations.

The files live in ``data/reference`` (ISTAT lookups) and ``data/programme`` (facts of chapters 1, 2
and 4 of the report); ``data/programme/README.md`` describes each file. A table is read by name with
``inputs.catalogue.read_input`` (in a chapter: ``ch.table(name)``).
"""

from quartieri_erp.inputs.curated.checks import check_programme
from quartieri_erp.inputs.curated.citations import cite, source_line
from quartieri_erp.inputs.curated.loaders import fact
from quartieri_erp.inputs.curated.registry import SPECS, TABLES

__all__ = ["SPECS", "TABLES", "check_programme", "cite", "fact", "source_line"]
