"""Closed code lists of the monitoring data contract, in their canonical display order.

These tuples are the contract (the schemas check against them); the Italian display labels of
every code live in ``data/reference/labels.csv`` (a test keeps the two in step).
"""

from __future__ import annotations

SEX = ("F", "M")
SUBPROJECTS = ("laboratorio_sociale", "pip")
PIP_STATUSES = ("concluso", "in_corso", "rinuncia")
EDUCATION = ("nessun_titolo", "licenza_elementare", "licenza_media", "diploma", "post_diploma_laurea")
DISADVANTAGE = ("nessuna", "migrante", "disabilita", "detenzione_dipendenza", "altro")
EMPLOYMENT = ("disoccupato", "prima_occupazione", "inattivo", "studente", "occupato", "pensionato")
LEAD_TYPES = ("Comune", "ALER")
RANKINGS = ("prima", "seconda")

# Derived classifications used by the indicators.
CITIZENSHIP = ("italiana", "straniera")
ORIGIN_AREAS = (
    "maghreb_vicino_oriente",
    "europa_orientale",
    "africa_subsahariana",
    "asia",
    "america_latina",
    "altro",
)
AGE_BANDS = ("<18", "18-35", "36-54", "55-64", "65+")
AGE_BAND_LOWER = (0, 18, 36, 55, 65)  # first age (whole years) of each band
GROUPS = ("totale", "laboratorio_sociale", "pip", "entrambi")

ITALY = "IT"  # ISO 3166-1 alpha-2 code of Italian citizenship
MAX_AGE = 110
