"""Reproducible edition of the POR FSE 2014-2020 thematic report on ERP neighbourhoods."""

__version__ = "0.1.0"
