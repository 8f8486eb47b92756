"""Content-hash cache of the build: executed chapters, validated inputs, rendered report.

A chapter is re-executed only when its notebook, the run parameters, the package code (or the versions
of the libraries it runs on) or one of the input files it read has changed. Entries are written
atomically after a successful execution, so a build that fails half-way leaves no partial entry, and
each stores the checksum of its executed notebook: a damaged entry is reported, discarded and re-run.

Each notebook keeps several entries, one per content (its key and the digests of the files it read),
so switching between editions re-uses the chapters already executed for each; the
``ENTRIES_PER_NOTEBOOK`` most recently used are kept.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from quartieri_erp.pipeline.hashing import code_fingerprint, digest, file_digest
from quartieri_erp.pipeline.integrity import discarded, sha256

ENTRIES_PER_NOTEBOOK = 6  # the most recently used entries kept per notebook (a few editions' worth)
VALIDATED_MARKERS = 8  # validated input sets remembered (one per edition switched between)


def _write_atomically(folder: Path, files: dict[str, bytes]) -> None:
    """Create ``folder`` with ``files`` in one rename (an existing folder is replaced)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder.parent))
    for name, data in files.items():
        (tmp / name).write_bytes(data)
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(tmp, folder)


class BuildCache:
    """The cache folder of a project (``.cache/`` at its root, git-ignored); ``.cache/pandoc`` holds the
    offline renderer's conversions."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.project = root.parent

    def _name(self, path: Path) -> str:
        """A read file as recorded: relative to the project when inside it, so the cache moves with it."""
        try:
            return path.resolve().relative_to(self.project.resolve()).as_posix()
        except ValueError:
            return str(path.resolve())

    # chapters -----------------------------------------------------------------------------------
    def chapter_key(self, notebook: Path, parameters: dict) -> str:
        return digest(notebook.read_bytes(), json.dumps(parameters, sort_keys=True), code_fingerprint())

    def _folder(self, notebook: Path) -> Path:
        return self.root / "chapters" / notebook.stem

    def _entries(self, notebook: Path) -> list[Path]:
        """The notebook's entries, most recently used first (a damaged one last: it is checked on lookup)."""
        folder = self._folder(notebook)
        if not folder.is_dir():
            return []

        def used(entry: Path) -> float:
            try:
                return (entry / "meta.json").stat().st_mtime
            except OSError:
                return 0.0

        return sorted(
            (e for e in folder.iterdir() if e.is_dir() and not e.name.startswith(".tmp-")), key=used, reverse=True
        )

    def _verified(self, entry: Path) -> dict | None:
        """The entry's metadata when the entry is whole (its notebook matches the stored checksum); a
        damaged entry is reported, deleted and None returned. None, silently, when there is no entry."""
        if not entry.exists():
            return None
        try:
            meta = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
            if not isinstance(meta, dict) or not {"key", "reads", "sha256"} <= set(meta):
                raise ValueError("incomplete metadata")
            if sha256((entry / "executed.ipynb").read_bytes()) != meta["sha256"]:
                raise ValueError("the executed notebook does not match its checksum")
        except (OSError, ValueError) as err:
            discarded(entry, str(err).splitlines()[0][:120])
            shutil.rmtree(entry, ignore_errors=True)
            return None
        return meta

    def lookup(self, notebook: Path, key: str) -> Path | None:
        """The cached executed notebook for ``key`` from a whole entry whose read files are all unchanged,
        else None."""
        for entry in self._entries(notebook):
            meta = self._verified(entry)
            if meta is None or meta.get("key") != key:
                continue
            if all(
                (self.project / name).is_file() and file_digest(self.project / name) == sha
                for name, sha in meta["reads"].items()
            ):  # absolute names stay absolute
                os.utime(entry / "meta.json")  # most recently used
                return entry / "executed.ipynb"
        return None

    def store(self, notebook: Path, key: str, executed: Path, read_files: list[Path], seconds: float) -> None:
        """Remember a successful execution, the files it read and how long it took, next to the notebook's
        other entries; the least recently used beyond ``ENTRIES_PER_NOTEBOOK`` are dropped."""
        reads = {self._name(p): file_digest(p) for p in read_files if p.is_file()}
        data = executed.read_bytes()
        meta = json.dumps(
            {"key": key, "reads": reads, "seconds": round(seconds, 2), "sha256": sha256(data)}, indent=1, sort_keys=True
        ).encode()
        name = digest(key, json.dumps(reads, sort_keys=True))[:24]
        _write_atomically(self._folder(notebook) / name, {"executed.ipynb": data, "meta.json": meta})
        for stale in self._entries(notebook)[ENTRIES_PER_NOTEBOOK:]:
            shutil.rmtree(stale, ignore_errors=True)

    def expected_seconds(self, notebook: Path) -> float:
        """How long the notebook took last time (for scheduling the longest first); a guess from its size
        when it never ran."""
        try:
            latest = self._entries(notebook)[0]
            return float(json.loads((latest / "meta.json").read_text(encoding="utf-8"))["seconds"])
        except (OSError, ValueError, KeyError, IndexError):
            return notebook.stat().st_size / 20_000

    # validated inputs and rendered report -------------------------------------------------------
    def has_marker(self, kind: str, key: str) -> bool:
        return (self.root / kind / key).is_file()

    def set_marker(self, kind: str, key: str, keep: int = VALIDATED_MARKERS) -> None:
        """Remember ``key`` among the ``keep`` most recent markers of ``kind``."""
        folder = self.root / kind
        folder.mkdir(parents=True, exist_ok=True)
        (folder / key).touch()
        markers = sorted(folder.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in markers[keep:]:
            stale.unlink(missing_ok=True)
