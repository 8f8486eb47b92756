"""Run parameters: the top-level params.yml, overridden by the command line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace
from pathlib import Path

import yaml

from quartieri_erp.errors import ParameterError
from quartieri_erp.paths import PARAMS_FILE, project_root


@dataclass(frozen=True)
class RunParams:
    """Everything a build needs to know; paths are absolute once loaded."""

    edition: str
    as_of: dt.date
    data_dir: Path
    programme_dir: Path
    reference_dir: Path
    out: Path
    figures_dir: Path
    report_name: str
    suppression_threshold: int
    illustrative: bool = False
    previous_build: Path | None = None  # build folder of the previous edition, for the comparison appendix
    mapping: Path | None = None  # mapping file of an evaluator's own export (default: mapping.yml in data_dir)

    @property
    def build_figures(self) -> Path:
        """Where the build writes its figures: always under its own output folder."""
        return self.out / "figures"

    def notebook_parameters(self, root: Path) -> dict:
        """The values of ``NOTEBOOK_PARAMETERS`` injected into every chapter notebook (paths relative to
        ``root`` when inside it, dates as YYYY-MM-DD)."""
        return {name: _notebook_value(getattr(self, name), root) for name in NOTEBOOK_PARAMETERS}


NOTEBOOK_PARAMETERS = (
    "edition",
    "as_of",
    "data_dir",
    "programme_dir",
    "reference_dir",
    "suppression_threshold",
    "illustrative",
)
"""The run parameters every chapter notebook assigns in its ``parameters`` cell, with the values of params.yml
as defaults (a test checks every notebook against this list and params.yml); ``open_chapter`` reads them."""

OPTIONAL_NOTEBOOK_PARAMETERS = ("previous_build",)
"""Injected only into the notebooks whose parameters cell assigns them (the editions appendix)."""


def _notebook_value(value, root: Path):
    """A parameter as papermill injects it: a path relative to ``root`` when inside it, a date as text."""
    if isinstance(value, Path):
        try:
            return value.relative_to(root).as_posix()
        except ValueError:
            return value.as_posix()
    return value.isoformat() if isinstance(value, dt.date) else value


PATH_FIELDS = ("data_dir", "programme_dir", "reference_dir", "out", "figures_dir", "previous_build", "mapping")
OPTIONAL_FIELDS = ("previous_build", "mapping")


INPUT_FIELDS = ("data_dir", "programme_dir", "reference_dir")


class _NoAliasLoader(yaml.SafeLoader):
    """YAML without anchors and aliases (``&a``/``*a``): a parameters file never needs them, and their
    expansion is unbounded."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (&, *) are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)


def _resolve(name: str, path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError) as err:  # a symlink loop
        raise ParameterError(f"{name} {path} cannot be resolved ({err}); check the path and its links") from None


def _coerce(name: str, value, root: Path):
    if name in OPTIONAL_FIELDS and (value is None or str(value).strip() in ("", "none", "null")):
        return None
    if name in PATH_FIELDS:
        if not isinstance(value, (str, Path)) or not str(value).strip():
            raise ParameterError(f"{name} must be one folder path written as text, not {value!r}")
        path = Path(value).expanduser()
        return _resolve(name, path if path.is_absolute() else root / path)
    if name == "as_of":
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            date = value
        else:
            try:
                date = dt.date.fromisoformat(str(value))
            except ValueError:
                raise ParameterError(f"as_of must be a date written YYYY-MM-DD, not {value!r}") from None
        if date > dt.date.today():
            raise ParameterError(
                f"as_of {date.isoformat()} is after today ({dt.date.today().isoformat()}); "
                f"the data cut-off date cannot be in the future"
            )
        return date
    if name == "illustrative":
        if not isinstance(value, bool):
            raise ParameterError(f"illustrative must be true or false, not {value!r}")
        return value
    if name == "suppression_threshold":
        if isinstance(value, bool) or not str(value).isdigit() or int(value) < 1:
            raise ParameterError(f"suppression_threshold must be a whole number of at least 1, not {value!r}")
        return int(value)
    return str(value)


def load_params(params_file: Path | None = None, **overrides) -> RunParams:
    """Read ``params.yml`` (default: the project's) and apply non-None ``overrides``."""
    params_file = params_file or project_root() / PARAMS_FILE
    if not params_file.is_file():
        raise ParameterError(
            f"the parameters file {params_file} does not exist or is not a file; "
            f"pass the path of a params.yml with --params"
        )
    root = params_file.resolve().parent
    try:
        raw = yaml.load(params_file.read_text(encoding="utf-8"), Loader=_NoAliasLoader) or {}
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ParameterError(f"{params_file}: cannot be read{where}: {err.problem or err.context}") from None
    except (yaml.YAMLError, ValueError) as err:  # YAML turns 2020-13-01 into a date and fails
        raise ParameterError(f"{params_file}: cannot be read ({err}); dates are written YYYY-MM-DD") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ParameterError(f"{params_file}: cannot be read ({err}); it must be a UTF-8 YAML file") from None
    if not isinstance(raw, dict):
        raise ParameterError(f"{params_file}: must be a YAML mapping of parameter: value lines")
    names = {f.name for f in fields(RunParams)}
    unknown = set(raw) - names
    if unknown:
        raise ParameterError(f"{params_file}: unknown parameter(s) {sorted(unknown)}; known: {sorted(names)}")
    missing = names - set(raw) - set(OPTIONAL_FIELDS) - {"illustrative"}
    if missing:
        raise ParameterError(f"{params_file}: missing parameter(s) {sorted(missing)}")
    values = {name: _coerce(name, raw.get(name), root) for name in names if name in raw or name in OPTIONAL_FIELDS}
    params = RunParams(**values)
    cli = {k: _coerce(k, v, Path.cwd()) for k, v in overrides.items() if v is not None}
    if "out" in cli and cli["out"] != params.out and "figures_dir" not in cli:
        cli["figures_dir"] = cli["out"] / "figures"  # the top-level figures/ is the default build's export only
    return replace(params, **cli)


def check_input_folders(params: RunParams) -> None:
    """Each input folder must exist and be a folder; the message names the parameter and the path."""
    for name in INPUT_FIELDS:
        folder = getattr(params, name)
        option = "data_dir (--data-dir)" if name == "data_dir" else name
        if not folder.exists():
            raise ParameterError(
                f"{option} {folder} does not exist; check the spelling of the folder "
                f"(relative paths are taken from the current folder on the command line, "
                f"from the folder of params.yml in the file)"
            )
        if not folder.is_dir():
            raise ParameterError(f"{option} {folder} is a file, not a folder; pass the folder that holds it")
