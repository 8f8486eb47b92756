"""Editions of the report: the manifest a build leaves in its folder, and the comparison of two editions."""

from quartieri_erp.editions.compare import Comparison, compare_builds, compare_manifests
from quartieri_erp.editions.manifest import MANIFEST, read_build

__all__ = ["MANIFEST", "Comparison", "compare_builds", "compare_manifests", "read_build"]
