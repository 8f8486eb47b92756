"""Kinds and sources of numbers, kept through arithmetic and formatting (issue 12)."""

from __future__ import annotations

import math

import pytest

from quartieri_erp.chapters.wording import with_article
from quartieri_erp.presentation.formatting import fmt_date, fmt_eur, fmt_int, fmt_pct, fmt_share
from quartieri_erp.presentation.provenance import (
    Source,
    Sourced,
    combine,
    curated,
    derived,
    from_cell,
    kind_of_cell,
    monitoring,
    published,
    reader_ref,
    sourced,
    total,
)

TAB = published("Rapporto 2021, Tabella 3.1")


def test_arithmetic_between_published_values_is_derived_and_monitoring_wins():
    pip, all_ = Sourced(524, TAB), Sourced(830, TAB)
    share = pip / all_
    assert isinstance(share, Sourced) and share.source.kind == "derived"
    assert math.isclose(share, 524 / 830)
    assert (pip * 100).source == TAB  # a constant does not change the kind
    assert (pip + Sourced(3, monitoring("dati"))).source.kind == "monitoring"
    assert (pip - Sourced(1, curated("x"))).source.kind == "curated"
    assert (-pip).source == TAB and abs(-pip) == 524
    assert combine(None, None) is None


def test_total_and_missing_values():
    assert total([Sourced(1, TAB), Sourced(2, TAB)]).source.kind == "derived"
    assert math.isnan(sourced(None, TAB)) and not isinstance(sourced(float("nan"), TAB), Sourced)


def test_formatters_wrap_sourced_values_and_leave_plain_ones():
    assert fmt_int(830) == "830"
    assert (
        fmt_int(Sourced(830, TAB))
        == '[830]{.num data-kind="published" data-src="pubblicato — Rapporto 2021, Tabella 3.1"}'
    )
    assert fmt_pct(0.6313, src=derived("x")).startswith('[63,1%]{.num data-kind="derived"')
    assert fmt_share(Sourced(0.004, TAB)).startswith("[0,4%]")
    assert fmt_eur(7827051.51, src=TAB).startswith("[7.827.051,51\u00a0€]")
    assert fmt_date("2020-11-30", src=curated("Avviso")).startswith("[30 novembre 2020]")
    assert with_article(fmt_pct(Sourced(0.11, TAB), 0)).startswith("l'[11%]")


def test_source_cells_become_reader_references():
    cell = "000 Tavola 4.1, l. 892-914; § 4.1.1, l. 880-922"
    assert reader_ref(cell, pages={"4.1.1": 47}) == "Rapporto 2021, Tavola 4.1; § 4.1.1 (p. 47)"
    assert kind_of_cell(cell) == "published"
    other = from_cell("002 Tabella 1, l. 1019; 000 nota 21, l. 313", {"002": "Éupolis Lombardia, Valutazione"})
    assert other == Source("curated", "Éupolis Lombardia, Valutazione, Tabella 1; Rapporto 2021, nota 21")


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        Source("invented")
