"""Checksums of cache entries: every entry stores the SHA-256 of its content, and an entry whose
content no longer matches (missing, truncated, emptied or edited) is reported in one line, discarded
and recomputed."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def discarded(entry: Path, reason: str) -> None:
    """Report a damaged cache entry in one line on the process's real stderr (in a kernel, its log, so
    the notice never reaches a notebook's output)."""
    stream = sys.__stderr__
    if stream is not None:  # one write: lines from parallel conversions never interleave
        stream.write(f"warning: cache entry {entry} is damaged ({reason}): discarded, recomputing\n")
        stream.flush()
