import datetime as dt
from pathlib import Path

import pytest

from quartieri_erp.params import load_params

ROOT = Path(__file__).resolve().parents[2]


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


@pytest.mark.parametrize(
    "line, message",
    [
        ("as_of: 2020-13-01", "dates are written YYYY-MM-DD"),
        ("as_of: il trenta novembre", "as_of must be a date written YYYY-MM-DD"),
        ("suppression_threshold: cinque", "suppression_threshold must be a whole number"),
        ("suppression_threshold: 0", "suppression_threshold must be a whole number"),
    ],
)
def test_unusable_values_are_refused_with_the_rule(tmp_path, line, message):
    from quartieri_erp.errors import ParameterError

    key = line.split(":")[0]
    text = "\n".join(
        line if row.startswith(f"{key}:") else row for row in (ROOT / "params.yml").read_text().splitlines()
    )
    (tmp_path / "params.yml").write_text(text)
    with pytest.raises(ParameterError, match=message):
        load_params(tmp_path / "params.yml")


def test_the_command_line_reports_a_bad_date_without_a_traceback():
    from conftest import run_cli

    result = run_cli("build", "--as-of", "2020-13-01")
    assert result.returncode == 2
    assert result.stderr.strip() == "Invalid parameter: as_of must be a date written YYYY-MM-DD, not '2020-13-01'"


def _variant(tmp_path, key: str, line: str):
    text = "\n".join(
        line if row.startswith(f"{key}:") else row for row in (ROOT / "params.yml").read_text().splitlines()
    )
    (tmp_path / "params.yml").write_text(text)
    return tmp_path / "params.yml"


@pytest.mark.parametrize(
    "key, line, message",
    [
        ("data_dir", "data_dir: [data/synthetic, data/other]", "data_dir must be one folder path written as text"),
        ("as_of", "as_of: 2999-01-01", "is after today"),
        ("edition", 'edition: &e "2021"', "anchors and aliases"),
    ],
)
def test_lists_future_dates_and_yaml_anchors_are_refused(tmp_path, key, line, message):
    from quartieri_erp.errors import ParameterError

    with pytest.raises(ParameterError, match=message):
        load_params(_variant(tmp_path, key, line))


def test_a_yaml_alias_bomb_is_refused_before_it_expands(tmp_path):
    from quartieri_erp.errors import ParameterError

    bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    bomb += [
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]"
        for i in range(20)
    ]
    (tmp_path / "params.yml").write_text((ROOT / "params.yml").read_text() + "\n" + "\n".join(bomb) + "\n")
    with pytest.raises(ParameterError, match="anchors and aliases"):
        load_params(tmp_path / "params.yml")


def test_a_symlink_loop_is_a_parameter_error(tmp_path):
    from quartieri_erp.errors import ParameterError

    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    with pytest.raises(ParameterError, match="cannot be resolved"):
        load_params(ROOT / "params.yml", data_dir=tmp_path / "loop" / "x")
