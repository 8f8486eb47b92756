"""Run the pandoc binary of the pypandoc-binary wheel."""

from __future__ import annotations

import os
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from importlib.resources import files
from pathlib import Path

import pypandoc

from quartieri_erp.limits import LIMITS
from quartieri_erp.pipeline.hashing import digest, file_digest
from quartieri_erp.pipeline.integrity import discarded, sha256

TEMPLATES = files("quartieri_erp.rendering") / "templates"


def template(name: str) -> Path:
    return Path(str(TEMPLATES / name))


def pandoc(markdown: str, to: str, *args: str) -> str:
    """Convert pandoc Markdown to ``to``; returns the output text."""
    command = [pypandoc.get_pandoc_path(), "--from", "markdown", "--to", to, "--wrap=none", *args]
    try:
        result = subprocess.run(
            command, input=markdown, capture_output=True, text=True, encoding="utf-8", timeout=LIMITS.pandoc_seconds
        )
    except subprocess.TimeoutExpired:
        raise RuntimeError(
            f"pandoc --to {to} did not finish in {LIMITS.pandoc_seconds} s "
            f"(limit in quartieri_erp/limits.py); is a text unusually long?"
        ) from None
    if result.returncode != 0:
        raise RuntimeError(f"pandoc --to {to} failed: {result.stderr.strip()}")
    return result.stdout


class PandocCache:
    """Pandoc outputs by content hash (input, format, arguments, the files they name, pandoc's version), so
    that an unchanged chapter is not converted again. Without a folder it only converts."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def convert(self, markdown: str, to: str, args: list[str]) -> str:
        if self.folder is None:
            return pandoc(markdown, to, *args)
        files = [file_digest(Path(a)) for a in args if Path(a).is_file()]
        key = digest(to, *args, *files, pypandoc.get_pandoc_version(), markdown)
        self.used.add(key)
        path = self.folder / key
        cached = self._read(path)
        if cached is not None:
            return cached
        output = pandoc(markdown, to, *args)
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}-{threading.get_ident()}")
        data = output.encode("utf-8")
        tmp.write_bytes(sha256(data).encode("ascii") + b"\n" + data)
        os.replace(tmp, path)
        return output

    @staticmethod
    def _read(path: Path) -> str | None:
        """A stored output whose checksum (its first line) matches its content; a damaged one is
        reported and deleted. None when there is none."""
        try:
            stored = path.read_bytes()
        except FileNotFoundError:
            return None
        checksum, _, data = stored.partition(b"\n")
        if checksum.decode("ascii", "replace") == sha256(data):
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                pass
        discarded(path, "empty" if not stored else "content does not match its checksum")
        path.unlink(missing_ok=True)
        return None

    def prune(self) -> None:
        """Forget the outputs this render did not use."""
        if self.folder is not None and self.folder.is_dir():
            for path in self.folder.iterdir():
                if path.name not in self.used:
                    path.unlink(missing_ok=True)


def pandoc_many(jobs: list[tuple[str, list[str]]], to: str, cache: PandocCache) -> list[str]:
    """Convert several Markdown texts, each with its own extra arguments, in parallel (one pandoc
    process per core); results in the order of ``jobs``."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return list(pool.map(lambda job: cache.convert(job[0], to, job[1]), jobs))
