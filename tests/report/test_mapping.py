"""An evaluator's own export (Italian headers and codes, ISTAT province codes, lower-case sigle, dates of
birth) with its mapping file gives the same indicators.csv as the contract-shaped files it was made from."""

from __future__ import annotations

import csv
import datetime as dt
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from conftest import ROOT, run_cli
from quartieri_erp.errors import InputError
from quartieri_erp.inputs.monitoring.mapping import age_at_first_enrolment, iso_dates, province_codes, read_mapping

SYNTHETIC = ROOT / "data" / "synthetic"
SEX = {"F": "femmina", "M": "maschio"}
EDUCATION = {
    "nessun_titolo": "Nessun titolo",
    "licenza_elementare": "Licenza elementare",
    "licenza_media": "Licenza media",
    "diploma": "Diploma",
    "post_diploma_laurea": "Laurea o post-diploma",
}
EMPLOYMENT = {
    "disoccupato": "Disoccupato/a",
    "prima_occupazione": "In cerca di prima occupazione",
    "inattivo": "Inattivo/a",
    "studente": "Studente",
    "occupato": "Occupato/a",
    "pensionato": "Pensionato/a",
}
DISADVANTAGE = {
    "nessuna": "Nessuna",
    "migrante": "Migrante",
    "disabilita": "Disabilità",
    "detenzione_dipendenza": "Detenzione o dipendenza",
    "altro": "Altra",
}
ISTAT = {
    "VA": "012",
    "CO": "013",
    "SO": "014",
    "MI": "015",
    "BG": "016",
    "BS": "017",
    "PV": "018",
    "CR": "019",
    "MN": "020",
    "LC": "097",
    "LO": "098",
    "MB": "108",
}

MAPPING = textwrap.dedent("""\
    files:
      participants: anagrafica.csv
      enrolments: iscrizioni.csv
      projects: progetti.csv
    columns:
      participants:
        participant_id: Codice partecipante
        project_id: Codice progetto
        sex: Sesso
        date_of_birth: Data di nascita
        citizenship: Cittadinanza
        education: Titolo di studio
        disadvantage: Svantaggio
        employment_status: Condizione occupazionale
        province: Provincia
      enrolments:
        participant_id: Codice partecipante
        subproject: Sottoprogetto
        start_date: Data di avvio
        status: Stato
      projects:
        project_id: Codice progetto
        lead_partner: Capofila
        lead_type: Tipo capofila
        municipality: Comune
        istat_code: Codice ISTAT comune
        province: Provincia
        ranking: Graduatoria
    values:
      sex: {femmina: F, maschio: M}
      citizenship: {italiana: IT}
      education: {%s}
      employment_status: {%s}
      disadvantage: {%s}
      subproject: {Laboratorio sociale: laboratorio_sociale, PIP: pip}
    province: istat
    """) % tuple(", ".join(f"{v}: {k}" for k, v in table.items()) for table in (EDUCATION, EMPLOYMENT, DISADVANTAGE))


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(path: Path, rows: list[dict], separator: str = ",") -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=separator, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _province(sigla: str, i: int) -> str:
    """Three spellings in turn: ISTAT code with zeros ('015'), without ('15'), lower-case sigla ('mi')."""
    return (ISTAT[sigla], str(int(ISTAT[sigla])), sigla.lower())[i % 3]


def _birth(first_start: dt.date, age: int, i: int) -> dt.date:
    """A date of birth that makes the person ``age`` at ``first_start`` (1 to 300 days before the birthday)."""
    try:
        anniversary = first_start.replace(year=first_start.year - age)
    except ValueError:  # 29 February
        anniversary = dt.date(first_start.year - age, 2, 28)
    return anniversary - dt.timedelta(days=1 + (i * 37) % 300)


def write_export(folder: Path) -> Path:
    """data/synthetic as a regional export: Italian headers and codes, dates DD/MM/YYYY, ';' enrolments."""
    folder.mkdir()
    enrolments = _rows(SYNTHETIC / "enrolments.csv")
    first: dict[str, dt.date] = {}
    for e in enrolments:
        day = dt.date.fromisoformat(e["start_date"])
        first[e["participant_id"]] = min(day, first.get(e["participant_id"], day))
    people = [
        {
            "Codice partecipante": p["participant_id"],
            "Codice progetto": p["project_id"],
            "Sesso": SEX[p["sex"]],
            "Data di nascita": _birth(first[p["participant_id"]], int(p["age"]), i).strftime("%d/%m/%Y"),
            "Cittadinanza": "italiana" if p["citizenship"] == "IT" else p["citizenship"],
            "Titolo di studio": EDUCATION[p["education"]],
            "Svantaggio": DISADVANTAGE[p["disadvantage"]],
            "Condizione occupazionale": EMPLOYMENT[p["employment_status"]],
            "Provincia": _province(p["province"], i),
        }
        for i, p in enumerate(_rows(SYNTHETIC / "participants.csv"))
    ]
    _write(folder / "anagrafica.csv", people)
    _write(
        folder / "iscrizioni.csv",
        [
            {
                "Codice partecipante": e["participant_id"],
                "Sottoprogetto": {"laboratorio_sociale": "Laboratorio sociale", "pip": "PIP"}[e["subproject"]],
                "Data di avvio": dt.date.fromisoformat(e["start_date"]).strftime("%d/%m/%Y"),
                "Stato": e["status"],
            }
            for e in enrolments
        ],
        separator=";",
    )
    _write(
        folder / "progetti.csv",
        [
            {
                "Codice progetto": p["project_id"],
                "Capofila": p["lead_partner"],
                "Tipo capofila": p["lead_type"],
                "Comune": p["municipality"],
                "Codice ISTAT comune": p["istat_code"],
                "Provincia": p["province"].lower(),
                "Graduatoria": p["ranking"],
            }
            for p in _rows(SYNTHETIC / "projects.csv")
        ],
    )
    (folder / "edition.yml").write_bytes((SYNTHETIC / "edition.yml").read_bytes())
    (folder / "mappatura.yml").write_text(MAPPING, encoding="utf-8")
    return folder


def test_export_with_its_mapping_gives_the_same_indicators(tmp_path):
    export = write_export(tmp_path / "export")
    contract = run_cli("indicators", "--data-dir", str(SYNTHETIC), "--out", str(tmp_path / "contract.csv"))
    assert contract.returncode == 0, contract.stderr
    mapped = run_cli(
        "indicators",
        "--data-dir",
        str(export),
        "--mapping",
        str(export / "mappatura.yml"),
        "--out",
        str(tmp_path / "export.csv"),
    )
    assert mapped.returncode == 0, mapped.stderr
    assert (tmp_path / "export.csv").read_bytes() == (tmp_path / "contract.csv").read_bytes()


def test_mapping_yml_inside_the_data_folder_is_used_and_bad_mapped_values_are_validated(tmp_path):
    export = write_export(tmp_path / "export")
    (export / "mappatura.yml").rename(export / "mapping.yml")
    rows = _rows(export / "anagrafica.csv")
    rows[3]["Sesso"] = "altro"
    _write(export / "anagrafica.csv", rows)
    result = run_cli("indicators", "--data-dir", str(export), "--out", str(tmp_path / "x.csv"))
    assert result.returncode == 2
    assert "anagrafica.csv, riga 5, colonna 'Sesso', valore 'altro'" in result.stderr, result.stderr


def test_age_is_counted_at_the_start_of_the_first_enrolment():
    enrolments = pd.DataFrame(
        {"participant_id": ["a", "a", "b"], "start_date": ["2019-05-10", "2018-05-10", "2020-01-01"]}
    )
    ages = age_at_first_enrolment(pd.Series(["1980-05-10", "2000-01-02"]), pd.Series(["a", "b"]), enrolments)
    assert ages.tolist() == ["38", "19"]


def test_dates_and_provinces_are_rewritten_to_the_contract():
    assert iso_dates(pd.Series(["07/03/2019", "2019-03-07", "7.3.2019"])).tolist() == ["2019-03-07"] * 3
    istat = {15: "MI", 215: "MI", 98: "LO"}
    assert province_codes(pd.Series(["015", "15", "215", "mi", "098", "LO"]), "istat", istat).tolist() == [
        "MI",
        "MI",
        "MI",
        "MI",
        "LO",
        "LO",
    ]
    assert province_codes(pd.Series(["mi", "015"]), "sigla", istat).tolist() == ["MI", "015"]


def test_a_mapping_naming_an_unknown_contract_column_is_refused(tmp_path):
    path = tmp_path / "mapping.yml"
    path.write_text("columns:\n  participants:\n    eta: Età\n", encoding="utf-8")
    with pytest.raises(InputError, match="colonna sconosciuta"):
        read_mapping(path)


def test_problems_of_a_mapped_export_name_the_export_file_and_column(tmp_path):
    export = write_export(tmp_path / "export")
    (export / "mappatura.yml").write_text(MAPPING.replace("province: istat", "province: sigla"), encoding="utf-8")
    result = run_cli(
        "indicators",
        "--data-dir",
        str(export),
        "--mapping",
        str(export / "mappatura.yml"),
        "--out",
        str(tmp_path / "x.csv"),
    )
    assert result.returncode == 2
    assert "anagrafica.csv, colonna 'Provincia'" in result.stderr, result.stderr
    assert "codici ISTAT numerici: aggiungere `province: istat` alla mappatura" in result.stderr
