"""Editions of the report: the manifest a build leaves in its folder, and the comparison of two editions."""

from .compare import Comparison, compare_builds, compare_manifests
from .manifest import MANIFEST, read_build

__all__ = ["MANIFEST", "Comparison", "compare_builds", "compare_manifests", "read_build"]
