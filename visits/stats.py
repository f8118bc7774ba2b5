"""The statistics page: visits per year, top country pairs and a country-to-country matrix, as SVG.

Its counts come from the summary tables (summaries/), not from the visits themselves.
"""

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.views.generic import TemplateView

from summaries import figures
from summaries.figures import SummaryPage
from visits.maps import choropleth

MATRIX_SIZE = 12
TOP_PAIRS = 15


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    label: str
    series: int
    series_name: str = ""


@dataclass
class Chart:
    """Geometry for a bar chart drawn by templates/_bar_chart.html (no JavaScript)."""

    width: int
    height: int
    bars: list[Bar]
    labels: list[tuple[float, str]]
    ticks: list[tuple[float, int]]
    series_names: list[str]
    title: str
    rows: list[tuple[str, list[int]]]

    @property
    def empty(self) -> bool:
        return not self.bars


def _nice_max(value: int) -> int:
    """The top of the axis: four equal integer steps of 1, 2, 5, 10, 20, 25, 50... that reach `value`."""
    step = 1
    while step * 4 < value:
        step = next(s * m for m in (1, 10, 100, 1000, 10000, 100000) for s in (2, 5, 10) if s * m > step)
    return step * 4


def bar_chart(
    labels: list[str], series: list[list[int]], *, title: str, names: list[str] | None = None
) -> Chart:
    """Grouped vertical bars: one group per label, one bar per series; labels thinned when crowded."""
    width, height, left, bottom, top = 720, 240, 40, 28, 10
    names = names or []
    peak = _nice_max(max((v for s in series for v in s), default=0))
    plot_h = height - bottom - top
    slot = (width - left - 8) / max(len(labels), 1)
    bar_w = min(max(slot * 0.8 / max(len(series), 1), 1), 56)
    pad = (slot - bar_w * len(series)) / 2
    bars = []
    for i, label in enumerate(labels):
        for s, values in enumerate(series):
            h = plot_h * values[i] / peak if peak else 0
            x = left + i * slot + pad + s * bar_w
            name = names[s] if s < len(names) else ""
            geometry = (round(x, 1), round(top + plot_h - h, 1), round(bar_w, 1), round(h, 1))
            bars.append(Bar(*geometry, value=values[i], label=label, series=s, series_name=name))
    every = max(1, (len(labels) + 11) // 12)
    shown = [(round(left + i * slot + slot / 2, 1), lab) for i, lab in enumerate(labels) if i % every == 0]
    ticks = [(round(top + plot_h - plot_h * k / 4, 1), peak * k // 4) for k in range(5)]
    rows = [(label, [values[i] for values in series]) for i, label in enumerate(labels)]
    return Chart(width, height, [b for b in bars if b.value], shown, ticks, names, title, rows)


def years_range(*counters: Counter) -> list[int]:
    """Every year from the first to the last seen in any counter (gaps shown as zero)."""
    years = [y for c in counters for y in c if y is not None]
    return list(range(min(years), max(years) + 1)) if years else []


@dataclass
class Pair:
    a: str
    b: str
    a_to_b: int
    b_to_a: int

    @property
    def total(self) -> int:
        return self.a_to_b + self.b_to_a


class StatsView(SummaryPage, TemplateView):
    """Charts and the map over the whole archive, from the summaries: five queries (their age, the years,
    the countries' totals, the busiest pairs, the matrix)."""

    template_name = "visits/stats.html"

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        years = figures.years_total()
        span = years_range(years)
        top_pairs = [Pair(p.country_a, p.country_b, p.a_to_b, p.b_to_a) for p in figures.top_pairs(TOP_PAIRS)]
        totals = figures.country_totals()
        # The matrix's countries: the most involved, by visits made and received.
        top = sorted(totals, key=lambda c: (-sum(totals[c]), c))[:MATRIX_SIZE]
        directed = figures.directed_among(top)
        peak = max((directed[(o, d)] for o in top for d in top), default=0) or 1
        matrix = [
            {
                "code": o,
                "cells": [
                    {"to": d, "n": directed[(o, d)], "shade": round(directed[(o, d)] / peak, 2)} for d in top
                ],
            }
            for o in top
        ]
        context.update(
            total=sum(years.values()),
            year_chart=bar_chart([str(y) for y in span], [[years[y] for y in span]], title="Visits per year"),
            top_pairs=top_pairs,
            pair_peak=max((p.total for p in top_pairs), default=1),
            matrix_codes=top,
            matrix=matrix,
            map=choropleth(
                {code: received for code, (_, received) in totals.items() if received},
                title="Visits received, by country",
                slug="stats-map",
            ),
        )
        return context
