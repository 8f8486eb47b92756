"""Synthetic monitoring data: the published 2020 edition (default) or scaled editions for benchmarks."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from quartieri_erp.inputs.tables import read_csv_text
from quartieri_erp.synth.reproduced import load_design, published_people
from quartieri_erp.synth.scaled import scaled_people, scaled_projects
from quartieri_erp.synth.writing import write_edition_info, write_people, write_projects

PROGRAMME_PROJECTS = "projects.csv"
DEFAULT_PROJECTS = 33


def funded_projects(programme_dir: Path) -> pd.DataFrame:
    """The funded rows of the curated list of applications (data/programme/projects.csv)."""
    projects = read_csv_text(Path(programme_dir) / PROGRAMME_PROJECTS)
    return projects[projects["outcome"] == "finanziato"].reset_index(drop=True)


def write_synthetic_edition(
    out: Path, seed: int, programme_dir: Path, participants: int | None = None, projects: int | None = None
) -> None:
    """Write a synthetic monitoring data folder to ``out`` (same bytes for the same arguments).

    Default: the published edition (830 people in the 33 funded projects, reproducing every
    chapter-3 figure). With ``participants=N``: N people at the published proportions across
    ``projects`` (default 33) generated projects.
    """
    if projects is not None and participants is None:
        raise ValueError("--projects needs --participants (the published edition has the 33 funded projects)")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    design = load_design()
    funded = funded_projects(programme_dir)
    people = published_people(design, funded, seed)
    info = {"seed": seed, "extracted_on": design["extracted_on"]}
    if participants is None:
        project_table = funded
        info["description"] = (
            "Edizione sintetica che riproduce le cifre pubblicate del capitolo 3 "
            "(830 destinatari, 33 progetti); non sono dati reali."
        )
    else:
        project_table = scaled_projects(funded, projects or DEFAULT_PROJECTS)
        cut_off = np.datetime64(design["extracted_on"], "D")
        people = scaled_people(people, funded, project_table, participants, seed, cut_off)
        info["description"] = (
            f"Edizione sintetica di prova: {participants} destinatari ricampionati "
            f"dall'edizione pubblicata, {len(project_table)} progetti; non sono dati reali."
        )
    info.update(participants=len(people.table), projects=len(project_table))
    write_projects(project_table, out)
    write_people(people, out)
    write_edition_info(info, out)
