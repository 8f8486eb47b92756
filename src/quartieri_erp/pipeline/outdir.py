"""The output folder a build owns: which folders may be used as ``--out``, its marker, and its lock.

A build writes only into an ``--out`` folder it created (marked by ``MARKER``) or an empty one, and
refuses ``/``, the project root or a parent of it, an input folder (or a folder inside or around one),
a file, an unwritable place, and a non-empty folder without the marker. A folder holding nothing but
what a build writes (an output folder from before the marker existed) is adopted.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from quartieri_erp.errors import ParameterError
from quartieri_erp.params import RunParams

MARKER = ".quartieri-erp-build"
MARKER_TEXT = "This folder is written by `quartieri-erp build`; it deletes only what it wrote here.\n"
# Every name a build (this one or an earlier version) writes at the top of its output folder.
BUILD_NAMES = {
    MARKER,
    "report",
    "executed",
    "failed",
    "indicators.csv",
    ".report-key",
    ".reports",
    ".executed",
    "figures",
    "edition.json",
}
BUILD_PREFIXES = (".staging-", ".report.old", ".executed.old", ".report.tmp-", ".executed.tmp-")


def _owned_name(name: str) -> bool:
    return name in BUILD_NAMES or name.startswith(BUILD_PREFIXES)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_writable(folder: Path, what: str, fix: str) -> None:
    """Create and delete a probe file in ``folder``; ParameterError naming it when that fails."""
    try:
        handle, probe = tempfile.mkstemp(prefix=".probe-", dir=folder)
        os.close(handle)
        os.unlink(probe)
    except OSError as err:
        raise ParameterError(f"{what} {folder} is not writable ({err.strerror}); {fix}") from None


def check_out(params: RunParams, root: Path) -> None:
    """Refuse an ``--out`` the build must not write into (see the module docstring)."""
    out = params.out
    advice = "choose a new or empty folder, e.g. --out build"
    if out == Path(out.anchor):
        raise ParameterError(f"--out {out} is the file-system root; {advice}")
    if _inside(root, out):
        raise ParameterError(f"--out {out} is the project folder or contains it; {advice}")
    for name in ("data_dir", "programme_dir", "reference_dir"):
        folder = getattr(params, name)
        relation = (
            "is the input folder"
            if out == folder
            else "is inside the input folder"
            if _inside(out, folder)
            else "contains the input folder"
            if _inside(folder, out)
            else None
        )
        if relation:
            raise ParameterError(
                f"--out {out} {relation} {folder} ({name}); outputs must not mix with inputs: {advice}"
            )
    if out.exists() and not out.is_dir():
        raise ParameterError(f"--out {out} is a file, not a folder; {advice}")
    if not out.exists():
        parent = next(p for p in out.parents if p.exists())
        if not parent.is_dir():
            raise ParameterError(f"--out {out} cannot be created: {parent} is a file; {advice}")
        try:
            check_writable(parent, "the folder", "")
        except ParameterError:
            raise ParameterError(
                f"--out {out} cannot be created ({parent} is not writable); choose a writable folder"
            ) from None
    if out.is_dir() and not (out / MARKER).is_file():
        foreign = sorted(p.name for p in out.iterdir() if not _owned_name(p.name))
        if foreign:
            shown = ", ".join(foreign[:5]) + (" …" if len(foreign) > 5 else "")
            raise ParameterError(
                f"--out {out} is a folder that a build did not create and it holds other "
                f"files ({shown}); the build deletes what it writes there, so {advice}"
            )


def claim_out(out: Path) -> None:
    """Create ``out`` if needed and write the marker that makes it the build's."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ParameterError(f"--out {out} cannot be created ({err.strerror}); choose a writable folder") from None
    check_writable(out, "--out", "choose a writable folder or fix its permissions")
    if not (out / MARKER).is_file():
        (out / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


@contextmanager
def locked(out: Path):
    """Hold an exclusive lock on ``out`` for the whole build (two builds never share an output folder)."""
    with (out / MARKER).open("a", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            if err.errno in (errno.EWOULDBLOCK, errno.EACCES):
                raise ParameterError(f"another build is writing to {out}; wait for it or use another --out") from None
            raise
        yield


def remove_leftovers(out: Path) -> list[str]:
    """Delete what killed builds left in ``out`` (staging folders, half-switched links and copies)."""
    removed = []
    for name in ("report", "executed"):  # a build of an earlier version killed between its two renames
        old = out / f".{name}.old"
        if old.is_dir() and not os.path.lexists(out / name):
            old.rename(out / name)
    for path in out.iterdir():
        if path.name.startswith(BUILD_PREFIXES):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path.name)
    return removed
