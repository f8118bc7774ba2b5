"""The many-element parts of maps and charts written in Python, exactly as the template loops wrote them.

A country page draws two world maps (some 250 outlines and a table row per country each) and a chart of
up to 160 bars with its table: the template language resolved some 3,000 variables a page, most of its
CPU (70 ms of a cold country page at a million visits). templates/visits/_map.html and
templates/_bar_chart.html call these filters for those loops; tests/pages/test_figures.py checks each
against the loop it replaced.
"""

from __future__ import annotations

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import get_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from visits.maps import WorldMap
from visits.stats import Chart

register = template.Library()


def _grouper():
    """`intcomma` for whole numbers: Python's own grouping when the language groups by threes with commas."""
    if get_format("THOUSAND_SEPARATOR") == "," and get_format("NUMBER_GROUPING") in (3, 0):
        return lambda n: f"{n:,}" if isinstance(n, int) else intcomma(n)
    return intcomma


@register.filter
def map_shapes(world_map: WorldMap) -> SafeString:
    """Each country's outline, shaded, with its name and count as a tooltip."""
    grouped = _grouper()
    out = []
    for s in world_map.shapes:
        shade = " home" if s.home else (f" s{s.shade}" if s.shade else "")
        title = ""
        if s.name:
            count = f": {grouped(s.count)}" if s.count else ""
            title = f"<title>{escape(s.name)}{count}</title>"
        out.append(f'<path class="land{shade}" d="{escape(s.d)}" data-code="{escape(s.code)}">{title}</path>')
    return mark_safe("".join(out))  # noqa: S308 (every value escaped above)


@register.filter
def map_count_rows(world_map: WorldMap) -> SafeString:
    """The choropleth's table: a row per country counted."""
    grouped = _grouper()
    rows = (
        f'<tr><th scope="row">{escape(r.name)}</th><td class="num">{grouped(r.count)}</td></tr>'
        for r in world_map.rows
    )
    return mark_safe("".join(rows))  # noqa: S308 (every value escaped above)


@register.filter
def chart_bars(chart: Chart) -> SafeString:
    """The bars, each with its label, series and value as a tooltip."""
    grouped = _grouper()
    out = []
    for bar in chart.bars:
        series = f" · {escape(bar.series_name)}" if bar.series_name else ""
        out.append(
            f'<rect class="bar bar--s{bar.series}" x="{bar.x}" y="{bar.y}" width="{bar.width}" '
            f'height="{bar.height}" rx="1.5">'
            f"<title>{escape(bar.label)}{series}: {grouped(bar.value)}</title></rect>"
        )
    return mark_safe("".join(out))  # noqa: S308 (every value escaped above)


@register.filter
def chart_rows(chart: Chart) -> SafeString:
    """The chart's numbers as table rows: a label, then a value per series."""
    grouped = _grouper()
    rows = (
        f'<tr><th scope="row">{escape(label)}</th>{"".join(f"<td>{grouped(v)}</td>" for v in values)}</tr>'
        for label, values in chart.rows
    )
    return mark_safe("".join(rows))  # noqa: S308 (every value escaped above)
