"""Where things are: the project root and the paths resolved against it."""

from __future__ import annotations

from pathlib import Path

PARAMS_FILE = "params.yml"


def project_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` (default: cwd) holding ``params.yml``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / PARAMS_FILE).is_file():
            return folder
    raise FileNotFoundError(f"no {PARAMS_FILE} found in {here} or any parent folder")


def resolve(path: str | Path, root: Path | None = None) -> Path:
    """``path`` as an absolute path; relative paths are taken from the project root."""
    path = Path(path).expanduser()
    return path if path.is_absolute() else project_root(root) / path


def display_path(path: str | Path, root: Path | None = None) -> str:
    """``path`` relative to the project root when inside it (for what readers see)."""
    path = Path(path).resolve()
    try:
        return path.relative_to(project_root(root)).as_posix()
    except ValueError:
        return path.as_posix()
