"""Content hashes: of bytes, of files (memoised on size and mtime), of the package's own code."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import quartieri_erp

LIBRARIES = (
    "pandas",
    "numpy",
    "scipy",
    "matplotlib",
    "seaborn",
    "pandera",
    "papermill",
    "pyarrow",
    "pypandoc-binary",
    "typst",
)


def digest(*parts: str | bytes) -> str:
    """SHA-256 of ``parts``, each length-prefixed so that boundaries matter."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes (memoised while the file's size and modification time stay the same)."""
    stat = path.stat()
    return _file_digest(path.resolve(), stat.st_size, stat.st_mtime_ns)


@cache
def _file_digest(path: Path, size: int, mtime_ns: int) -> str:
    h = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def files_digest(paths: list[Path], root: Path) -> str:
    """One digest for a set of files: their paths relative to ``root`` and their contents."""
    return digest(*[f"{p.relative_to(root).as_posix()}={file_digest(p)}" for p in sorted(paths)])


def library_versions(names: tuple[str, ...] = LIBRARIES) -> dict[str, str | None]:
    """Installed version of each distribution (None when it is not installed)."""
    found: dict[str, str | None] = {}
    for name in names:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


@cache
def code_fingerprint() -> str:
    """Digest of the package's source and templates and of the library versions it runs on."""
    package = Path(quartieri_erp.__file__).parent
    files = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return digest(files_digest(files, package), *[f"{n}=={v}" for n, v in library_versions().items()])
