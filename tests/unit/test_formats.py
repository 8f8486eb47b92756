"""Files as people send them — ';' with BOM and decimal commas, Windows-1252, .xlsx workbooks — are read
exactly like the plain UTF-8 CSV files of the project, by both readers (``inputs.tables`` and the fast
``monitoring.reading``)."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from input_variants import italian, read_rows, to_semicolons, to_workbook, write_rows
from quartieri_erp.cli import main
from quartieri_erp.errors import InputError
from quartieri_erp.inputs.curated import TABLES, check_programme
from quartieri_erp.inputs.curated.loaders import read_checked
from quartieri_erp.inputs.file_formats import csv_dialect, text_frame
from quartieri_erp.inputs.monitoring import PROJECTS, load_monitoring
from quartieri_erp.inputs.monitoring.reading import read_fast
from quartieri_erp.inputs.tables import TableSpec, number_columns, read_table

SYNTHETIC = ROOT / "data" / "synthetic"
MONITORING = ("projects.csv", "participants.csv", "enrolments.csv")


def indicators_of(data_dir: Path, out: Path, monkeypatch) -> bytes:
    """`quartieri-erp indicators --data-dir DATA --out OUT`, run from the project; returns the CSV bytes."""
    monkeypatch.chdir(ROOT)
    assert main(["indicators", "--data-dir", str(data_dir), "--out", str(out)]) == 0
    return out.read_bytes()


def monitoring_copy(folder: Path, write) -> Path:
    """The synthetic edition with each monitoring file rewritten by ``write(src, folder)``."""
    folder.mkdir()
    shutil.copy(SYNTHETIC / "edition.yml", folder)
    for name in MONITORING:
        write(SYNTHETIC / name, folder)
    return folder


def semicolons_with_bom(src: Path, folder: Path) -> None:
    to_semicolons(src, folder / src.name, numbers=("budget_eur",))


def workbook(src: Path, folder: Path) -> None:
    to_workbook(src, folder / f"{src.stem}.xlsx")


def windows_1252(src: Path, folder: Path) -> None:
    rows = read_rows(src)
    note = ["note"] + ["città, qualità"] * (len(rows) - 1)
    write_rows(folder / src.name, [row + [extra] for row, extra in zip(rows, note, strict=True)], encoding="cp1252")


@pytest.mark.parametrize("write", [semicolons_with_bom, workbook, windows_1252], ids=lambda w: w.__name__)
def test_an_export_gives_the_same_indicators_as_the_plain_csv(write, tmp_path, monkeypatch):
    plain = indicators_of(SYNTHETIC, tmp_path / "plain.csv", monkeypatch)
    variant = monitoring_copy(tmp_path / "variant", write)
    assert indicators_of(variant, tmp_path / "variant.csv", monkeypatch) == plain


def test_windows_1252_text_is_decoded(tmp_path):
    folder = monitoring_copy(tmp_path / "cp1252", windows_1252)
    assert set(read_table(PROJECTS, folder)["note"]) == {"città, qualità"}


def test_a_windows_byte_beyond_the_sniffed_sample_switches_the_fast_reader_to_the_exact_one(tmp_path):
    """participants.csv is ASCII for its first 64 KiB, then holds an id written in Windows-1252."""
    folder = tmp_path / "late"
    shutil.copytree(SYNTHETIC, folder)
    for name in ("participants.csv", "enrolments.csv"):
        rows = read_rows(SYNTHETIC / name)
        rows = [[value.replace("S0830", "S0830-è") for value in row] for row in rows]
        if name == "participants.csv":
            rows = [rows[0] + ["note"]] + [row + ["x" * 100] for row in rows[1:]]
        write_rows(folder / name, rows, encoding="cp1252")
    assert (folder / "participants.csv").read_bytes().index("è".encode("cp1252")) > 1 << 16
    people = load_monitoring(folder, ROOT / "data" / "reference").participants.set_index("participant_id")
    original = load_monitoring(SYNTHETIC, ROOT / "data" / "reference").participants.set_index("participant_id")
    assert people.loc["S0830-è"].equals(original.loc["S0830"])


def test_quoted_line_breaks_and_trailing_blank_lines_are_read_exactly(tmp_path):
    folder = tmp_path / "quoted"
    shutil.copytree(SYNTHETIC, folder)
    rows = read_rows(SYNTHETIC / "participants.csv")
    note = "due\nrighe; e, virgole"
    write_rows(folder / "participants.csv", [rows[0] + ["note"]] + [row + [note] for row in rows[1:]])
    with (folder / "enrolments.csv").open("a", encoding="utf-8") as handle:
        handle.write("\n\n")
    reference = ROOT / "data" / "reference"
    loaded, original = load_monitoring(folder, reference), load_monitoring(SYNTHETIC, reference)
    pd.testing.assert_frame_equal(loaded.participants, original.participants)
    pd.testing.assert_frame_equal(loaded.enrolments, original.enrolments)


@pytest.fixture(scope="module")
def italian_curated(tmp_path_factory) -> tuple[Path, Path]:
    """Every curated file as an Italian Excel export: BOM, ';', CRLF, decimal commas and thousands points."""
    root = tmp_path_factory.mktemp("italian")
    folders = {"programme": root / "programme", "reference": root / "reference"}
    for folder in folders.values():
        folder.mkdir()
    for spec in TABLES:
        to_semicolons(
            ROOT / "data" / spec.folder / spec.file,
            folders[spec.folder] / spec.file,
            numbers=number_columns(spec.schema),
        )
    return folders["programme"], folders["reference"]


@pytest.mark.parametrize("spec", TABLES, ids=lambda spec: spec.name)
def test_curated_tables_written_the_italian_way_load_identically(spec, italian_curated):
    programme, reference = italian_curated
    folder = programme if spec.folder == "programme" else reference
    pd.testing.assert_frame_equal(read_checked(spec, folder), read_checked(spec, ROOT / "data" / spec.folder))


def test_the_italian_curated_folder_passes_every_cross_check(italian_curated):
    text = (italian_curated[0] / "procedures.csv").read_text(encoding="utf-8-sig")
    assert "7.827.051,51" in text  # the conversion did write Italian amounts
    check_programme(*italian_curated)


def test_a_curated_workbook_with_typed_cells_loads_identically(tmp_path):
    spec = next(s for s in TABLES if s.name == "procedures")
    src = ROOT / "data" / "programme" / spec.file
    typed = {"cost_eur": float, "eligible_spending_eur": float, "operations": int}
    to_workbook(src, tmp_path / "procedures.xlsx", extra_sheets=("note",), types=typed)
    pd.testing.assert_frame_equal(read_checked(spec, tmp_path), read_checked(spec, src.parent))


@settings(max_examples=60, deadline=None)
@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_amounts_with_decimal_comma_read_as_written_with_a_point(tmp_path_factory, amount):
    path = tmp_path_factory.mktemp("amount") / "amounts.csv"
    path.write_text(f"fund;amount_eur\nFSE;{italian(str(amount))}\n", encoding="utf-8")
    assert Decimal(text_frame(path, numbers=("amount_eur",))["amount_eur"].iloc[0]) == amount


@pytest.mark.parametrize(
    ("separator", "written", "read"),
    [
        (";", "1.234", "1234"),  # thousands point
        (";", "1234.5", "1234.5"),  # not the Italian way: left as written
        (";", "12,50", "12.50"),
        (",", '"1.234"', "1.234"),  # a ','-separated file writes numbers with a decimal point
    ],
)
def test_numbers_follow_the_convention_of_the_separator(tmp_path, separator, written, read):
    path = tmp_path / "amounts.csv"
    path.write_text(f"fund{separator}amount_eur\nFSE{separator}{written}\n", encoding="utf-8")
    assert text_frame(path, numbers=("amount_eur",))["amount_eur"].iloc[0] == read


@pytest.mark.parametrize(
    ("data", "encoding", "separator"),
    [
        (b"a,b\n1,2\n", "utf-8", ","),
        ("\ufeffa;b\r\n1;è\r\n".encode(), "utf-8-sig", ";"),
        ("a\tb\n1\tè\n".encode("cp1252"), "cp1252", "\t"),
        (b'"a;b;c",d\n1,2\n', "utf-8", ","),  # separators inside quoted names do not count
    ],
)
def test_encoding_and_separator_are_sniffed(tmp_path, data, encoding, separator):
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    dialect = csv_dialect(path)
    assert (dialect.encoding, dialect.separator) == (encoding, separator)


def test_empty_unnamed_columns_of_a_spreadsheet_export_are_dropped(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a;b;;\n1;2;;\n3;4;;\n", encoding="utf-8")
    assert list(text_frame(path).columns) == ["a", "b"]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("a;b;\n1;2;x\n", "the column has values but no name in row 1"),
        ("a,b\n1,2\n\n3,4\n", "row 3 — the row is empty; delete it"),
    ],
)
def test_ambiguous_layouts_are_refused(tmp_path, text, rule):
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        text_frame(path)
    assert rule in str(caught.value)


CELL = st.text(alphabet="ab è;,\"'\n\t", max_size=6)


@st.composite
def tables(draw) -> tuple[list[str], list[list[str]]]:
    names = draw(st.lists(st.text(alphabet="abcdefgh_", min_size=1, max_size=6), min_size=2, max_size=4, unique=True))
    row = st.lists(CELL, min_size=len(names), max_size=len(names)).filter(lambda r: any(r))
    return names, draw(st.lists(row, min_size=1, max_size=5))


@settings(max_examples=60, deadline=None)
@given(
    tables(),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
    st.sampled_from(["\n", "\r\n"]),
)
def test_both_readers_read_back_what_was_written(tmp_path_factory, table, separator, encoding, line_end):
    names, rows = table
    folder = tmp_path_factory.mktemp("roundtrip")
    write_rows(folder / "t.csv", [names, *rows], separator=separator, encoding=encoding, line_end=line_end)
    spec = TableSpec(
        name="t",
        file="t.csv",
        folder="monitoring",
        description="",
        source="",
        schema=pa.DataFrameSchema(
            {names[0]: pa.Column(str, nullable=True), **{n: pa.Column("category", nullable=True) for n in names[1:]}},
            coerce=True,
        ),
    )
    expected = [[value or None for value in row] for row in rows]
    for frame in (text_frame(folder / "t.csv"), read_fast(spec, folder)):
        assert list(frame.columns) == names
        assert frame.astype(object).where(frame.notna(), None).to_numpy().tolist() == expected


def test_a_table_read_again_is_validated_once_and_comes_back_as_a_fresh_copy(tmp_path, monkeypatch):
    import quartieri_erp.inputs.tables as tables_io

    monkeypatch.setattr(tables_io, "_VALIDATED", {})
    calls = []
    validate = tables_io.validate_frame
    monkeypatch.setattr(tables_io, "validate_frame", lambda *args: calls.append(args[2]) or validate(*args))
    folder = Path(shutil.copytree(SYNTHETIC, tmp_path / "data"))
    first = read_table(PROJECTS, folder)
    first.loc[0, "lead_partner"] = "changed by the caller"
    second = read_table(PROJECTS, folder)
    assert len(calls) == 1
    assert second.loc[0, "lead_partner"] != "changed by the caller"
    monkeypatch.setattr(tables_io, "_VALIDATED", {})
    pd.testing.assert_frame_equal(second, read_table(PROJECTS, folder))  # what a fresh validation gives
    assert len(calls) == 2


def test_a_table_whose_bytes_changed_is_validated_again(tmp_path, monkeypatch):
    import quartieri_erp.inputs.tables as tables_io

    monkeypatch.setattr(tables_io, "_VALIDATED", {})
    folder = Path(shutil.copytree(SYNTHETIC, tmp_path / "data"))
    read_table(PROJECTS, folder)
    text = (folder / "projects.csv").read_text(encoding="utf-8")
    (folder / "projects.csv").write_text(text.replace(",MI,", ",XX,", 1), encoding="utf-8")  # same size
    assert set(read_table(PROJECTS, folder)["province"]) >= {"XX"}
    (folder / "projects.csv").write_text(text.replace(",prima,", ",terza,", 1), encoding="utf-8")
    with pytest.raises(InputError, match="ranking"):
        read_table(PROJECTS, folder)
    with pytest.raises(InputError, match="ranking"):  # a failed validation is not kept
        read_table(PROJECTS, folder)


def test_a_table_served_again_is_still_recorded_as_read(tmp_path, monkeypatch):
    """The build's cache learns a chapter's inputs from the read log, also when the table was validated before."""
    import quartieri_erp.inputs.tables as tables_io
    from quartieri_erp.inputs.readlog import ENV, reads

    monkeypatch.setattr(tables_io, "_VALIDATED", {})
    read_table(PROJECTS, SYNTHETIC)
    monkeypatch.setenv(ENV, str(tmp_path / "reads.txt"))
    read_table(PROJECTS, SYNTHETIC)
    assert reads(tmp_path / "reads.txt") == [(SYNTHETIC / "projects.csv").resolve()]
