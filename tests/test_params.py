import datetime as dt
from pathlib import Path

import pytest

from quartieri_erp.params import load_params

ROOT = Path(__file__).resolve().parents[1]


def test_project_params_load_with_absolute_paths():
    params = load_params(ROOT / "params.yml")
    assert isinstance(params.as_of, dt.date)
    assert params.data_dir == ROOT / "data" / "synthetic"
    assert params.out.is_absolute()


def test_command_line_overrides_win(tmp_path):
    params = load_params(ROOT / "params.yml", data_dir=tmp_path, as_of="2021-06-30", out=None)
    assert params.data_dir == tmp_path
    assert params.as_of == dt.date(2021, 6, 30)
    assert params.out == ROOT / "build"


def test_unknown_and_missing_parameters_are_refused(tmp_path):
    text = (ROOT / "params.yml").read_text()
    (tmp_path / "params.yml").write_text(text + "\ncolour: blue\n")
    with pytest.raises(ValueError, match="unknown parameter.*colour"):
        load_params(tmp_path / "params.yml")
    (tmp_path / "params.yml").write_text(text.replace("edition:", "# edition:"))
    with pytest.raises(ValueError, match="missing parameter.*edition"):
        load_params(tmp_path / "params.yml")
