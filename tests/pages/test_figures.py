"""visits/templatetags/figures.py writes what the template loops it replaced wrote, byte for byte."""

import pytest
from django.template import Context, Template
from django.utils import translation

from visits.maps import choropleth
from visits.stats import bar_chart
from visits.templatetags.figures import chart_bars, chart_rows, map_count_rows, map_shapes

# The loops as templates/visits/_map.html and templates/_bar_chart.html wrote them before.
SHAPES = (
    '{% load humanize %}{% for s in map.shapes %}<path class="land{% if s.home %} home{% elif s.shade %}'
    ' s{{ s.shade }}{% endif %}" d="{{ s.d }}" data-code="{{ s.code }}">{% if s.name %}<title>{{ s.name }}'
    "{% if s.count %}: {{ s.count|intcomma }}{% endif %}</title>{% endif %}</path>{% endfor %}"
)
COUNT_ROWS = (
    '{% load humanize %}{% for r in map.rows %}<tr><th scope="row">{{ r.name }}</th><td class="num">'
    "{{ r.count|intcomma }}</td></tr>{% endfor %}"
)
BARS = (
    '{% load humanize %}{% for bar in chart.bars %}<rect class="bar bar--s{{ bar.series }}" x="{{ bar.x }}"'
    ' y="{{ bar.y }}" width="{{ bar.width }}" height="{{ bar.height }}" rx="1.5"><title>{{ bar.label }}'
    "{% if bar.series_name %} · {{ bar.series_name }}{% endif %}: {{ bar.value|intcomma }}</title></rect>"
    "{% endfor %}"
)
CHART_ROWS = (
    '{% load humanize %}{% for label, values in chart.rows %}<tr><th scope="row">{{ label }}</th>'
    "{% for v in values %}<td>{{ v|intcomma }}</td>{% endfor %}</tr>{% endfor %}"
)


def _old(source: str, **context) -> str:
    return Template(source).render(Context(context))


COUNTS = {"FR": 12345, "US": 1_234_567, "TJ": 3, "SU": 40, "DE": 999, "KZ": 1000, "XK": 7, "AQ": 1}


@pytest.mark.parametrize("language", ["en-gb", "de", "fr"])
def test_map_shapes_and_rows_are_the_loops_output(language):
    with translation.override(language):
        for world_map in (
            choropleth(COUNTS, title="Where <visitors> go", home="TJ"),
            choropleth({}, title="Empty"),
            choropleth({"FR": 5}, title="One", home="CI"),
        ):
            assert str(map_shapes(world_map)) == _old(SHAPES, map=world_map)
            assert str(map_count_rows(world_map)) == _old(COUNT_ROWS, map=world_map)


@pytest.mark.parametrize("language", ["en-gb"])
def test_chart_bars_and_rows_are_the_loops_output(language):
    years = [str(y) for y in range(1946, 2027)]
    series = [[(i * 7919) % 2500 for i in range(len(years))], [(i * 104729) % 13 for i in range(len(years))]]
    with translation.override(language):
        for chart in (
            bar_chart(years, series, title="Visits & more", names=["Outgoing", "Incoming <in>"]),
            bar_chart(["2020"], [[1_000_000]], title="One"),
            bar_chart([], [[]], title="None"),
        ):
            assert str(chart_bars(chart)) == _old(BARS, chart=chart)
            assert str(chart_rows(chart)) == _old(CHART_ROWS, chart=chart)


def test_chart_coordinates_stay_svg_numbers_in_any_language():
    # The template loop localised them: "49,1" under German formats, which no SVG reader accepts.
    with translation.override("de"):
        bars = str(chart_bars(bar_chart(["1990", "1991"], [[3, 5]], title="t")))
    assert 'x="' in bars and "," not in bars.split("<title>")[0]
