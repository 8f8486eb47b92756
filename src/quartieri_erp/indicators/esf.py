"""ESF 2014-2020 common output indicators that the monitoring data support, by sub-project.

Each indicator counts participants at entry (Regulation (EU) 1304/2013, Annex I). Mappings from
the monitoring codes:

- CO01 unemployed: ``disoccupato`` or ``prima_occupazione`` (first-job seekers are unemployed);
- CO03 inactive: ``inattivo``, ``studente`` or ``pensionato``; CO04 inactive not in education:
  ``inattivo`` or ``pensionato``; CO05 employed: ``occupato``;
- CO06 below 25 years: age < 25; CO07 above 54 years: age > 54; CO08 above 54 and unemployed or
  inactive not in education;
- CO09 ISCED 1-2: ``licenza_elementare``, ``licenza_media`` and also ``nessun_titolo`` (ISCED 0;
  a project choice, common in ESF reporting, since the code list has no separate ISCED 0 row);
- CO15 migrants, foreign background, minorities: foreign citizenship or disadvantage ``migrante``;
- CO16 disabled: ``disabilita``; CO17 other disadvantaged: ``detenzione_dipendenza`` or ``altro``.

CO10/CO11 are not supported: ``post_diploma_laurea`` spans ISCED 4 (CO10) and 5-8 (CO11).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from quartieri_erp.indicators.core import GROUP_CLASSES, SUBGROUPS, membership
from quartieri_erp.inputs.monitoring import Monitoring
from quartieri_erp.inputs.monitoring.codes import ITALY

UNEMPLOYED = ("disoccupato", "prima_occupazione")
INACTIVE = ("inattivo", "studente", "pensionato")
INACTIVE_NOT_IN_EDUCATION = ("inattivo", "pensionato")
ISCED_2_OR_LOWER = ("nessun_titolo", "licenza_elementare", "licenza_media")
OTHER_DISADVANTAGE = ("detenzione_dipendenza", "altro")


def _flags(p: pd.DataFrame) -> dict[str, np.ndarray]:
    employment = p["employment_status"]
    age = p["age"].to_numpy()
    return {
        "CO01": employment.isin(UNEMPLOYED).to_numpy(),
        "CO03": employment.isin(INACTIVE).to_numpy(),
        "CO04": employment.isin(INACTIVE_NOT_IN_EDUCATION).to_numpy(),
        "CO05": (employment == "occupato").to_numpy(),
        "CO06": age < 25,
        "CO07": age > 54,
        "CO08": (age > 54) & employment.isin(UNEMPLOYED + INACTIVE_NOT_IN_EDUCATION).to_numpy(),
        "CO09": p["education"].isin(ISCED_2_OR_LOWER).to_numpy(),
        "CO15": ((p["citizenship"] != ITALY) | (p["disadvantage"] == "migrante")).to_numpy(),
        "CO16": (p["disadvantage"] == "disabilita").to_numpy(),
        "CO17": p["disadvantage"].isin(OTHER_DISADVANTAGE).to_numpy(),
    }


def esf_indicators(m: Monitoring) -> pd.DataFrame:
    """ESF common output indicators by group (totale, laboratorio_sociale, pip).

    Columns: ``code, group, numerator`` (participants counted), ``denominator`` (participants of
    the group) and ``value`` (their share, 0-1). Join ``label_it`` from esf_common_indicators.csv.
    """
    classes = membership(m.participants)
    sizes = np.bincount(classes, minlength=3)
    rows = []
    for code, flag in _flags(m.participants).items():
        counts = np.bincount(classes[flag], minlength=3)
        for group in SUBGROUPS:
            members = list(GROUP_CLASSES[group])
            k, n = int(counts[members].sum()), int(sizes[members].sum())
            rows.append((code, group, k, n, k / n if n else np.nan))
    table = pd.DataFrame(rows, columns=["code", "group", "numerator", "denominator", "value"])
    return table.astype({"numerator": "Int64", "denominator": "Int64"})
