"""Validation an evaluator can act on: problems grouped per file, column and rule, in Italian, with hints
for systematic differences, and every problem in a CSV file whose path the message gives."""

from __future__ import annotations

import csv
import re
import shutil

from conftest import ROOT, run_cli
from quartieri_erp.errors import InputIssue
from quartieri_erp.inputs.problems import group_issues, italian, report, systematic_hints, write_issues_csv

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


def test_eighty_province_codes_in_other_forms_give_one_group_with_hints_and_a_full_csv(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "synthetic", data)
    with (data / "participants.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    at = rows[0].index("province")
    for k, row in enumerate(rows[1:81]):
        row[at] = ISTAT[row[at]] if k % 2 else row[at].lower()
    with (data / "participants.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)

    result = run_cli("indicators", "--data-dir", str(data), "--out", str(tmp_path / "x.csv"))

    assert result.returncode == 2
    message = result.stderr
    assert message.startswith("Dati non validi: 80 problemi in 1 gruppo")
    assert len(re.findall(r"^  - ", message, flags=re.M)) == 1
    assert "colonna 'province'" in message and "80 righe" in message
    assert "40 righe usano codici ISTAT numerici: aggiungere `province: istat` alla mappatura" in message
    assert "40 righe usano sigle in minuscolo" in message
    listed = re.search(r"Elenco completo, una riga per problema: (\S+\.csv)", message).group(1)
    with open(listed, encoding="utf-8-sig", newline="") as handle:
        problems = list(csv.DictReader(handle))
    assert len(problems) == 80
    assert {p["colonna"] for p in problems} == {"province"}
    assert sorted(int(p["riga"]) for p in problems) == list(range(2, 82))
    assert problems[0]["messaggio"].startswith("deve essere")


def test_rules_are_worded_in_italian():
    assert italian("cannot be read as a whole number") == "non si legge come un numero intero"
    assert italian("must be between 0 and 110") == "deve essere compreso tra 0 e 110"
    assert italian("must not be after the data cut-off (2020-11-30)").startswith("non può essere successiva")
    assert italian("something else entirely") == "something else entirely"


def test_groups_show_the_first_examples_with_values_truncated():
    issues = [
        InputIssue("p.csv", "must be one of ['F', 'M']", row=r, column="sex", value="x" * 50 + str(r))
        for r in range(2, 12)
    ]
    groups = group_issues(issues + [InputIssue("p.csv", "value is required", row=3, column="age")])
    assert len(groups) == 2
    text = report(issues)
    assert "10 righe" in text and "… e altre 5" in text
    assert "x" * 40 not in text  # truncated


def test_hints_for_dates_and_for_few_repeated_codes():
    assert "GG/MM/AAAA" in systematic_hints("start_date", ["17/04/2019", "01/02/2019", "3/5/2020"])[0]
    assert "values: sex:" in systematic_hints("sex", ["femmina", "maschio", "femmina", "maschio"])[0]
    assert systematic_hints("sex", ["X"]) == []


def test_the_csv_lists_every_problem(tmp_path):
    issues = [InputIssue("p.csv", "value is required", row=r, column="age") for r in range(2, 7)]
    path = write_issues_csv(issues, tmp_path / "problemi.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["riga"] for r in rows] == ["2", "3", "4", "5", "6"]
    assert rows[0]["messaggio"] == "il valore è obbligatorio"
