"""World maps drawn on the server as SVG geometry: countries shaded by a count, and a trip's route.

The outlines are Natural Earth 1:110m (public domain) from the npm package world-atlas, reduced by
build.py to world.json: one SVG path and one label point per ISO alpha-2 code (see NOTICE). Pure
Python: callers pass counts or stops they already fetched, so a map costs no query of its own, and
templates/visits/_map.html draws it (no JavaScript, no tiles).
"""

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.utils.translation import get_language

from common.countries import country_name

WORLD = Path(__file__).with_name("world.json")
SHADES = 5
# Historic states are drawn on their successor's outline (a visit to the Soviet Union shades Russia).
SUCCESSORS = {"SU": "RU", "YU": "RS", "CS": "CZ", "DD": "DE", "AN": "CW"}


@lru_cache(maxsize=1)
def world() -> dict:
    """The outlines, read once per process."""
    return json.loads(WORLD.read_text())


@dataclass
class Shape:
    code: str
    d: str
    name: str = ""
    count: int = 0
    shade: int = 0  # 0 (none) to SHADES
    home: bool = False  # the country the map is about (a country page's own outline)


@dataclass
class Stop:
    x: float
    y: float
    labels: list[str]
    names: list[str]


@dataclass
class Row:
    code: str
    name: str
    count: int = 0
    number: str = ""
    place: str = ""
    when: str = ""
    url: str = ""


@dataclass
class WorldMap:
    """What templates/visits/_map.html draws: outlines, optional route, and the same data as a table."""

    title: str
    view_box: str
    shapes: list[Shape]
    rows: list[Row]
    stops: list[Stop] = field(default_factory=list)
    line: str = ""
    dot: float = 4.0
    count_label: str = "Visits"
    route: bool = False
    slug: str = "map"

    @property
    def empty(self) -> bool:
        return not self.rows

    @property
    def label_size(self) -> float:
        return round(self.dot * 3, 2)


def _point(code: str) -> tuple[float, float] | None:
    country = world()["countries"].get(SUCCESSORS.get(code, code))
    return tuple(country["at"]) if country else None


def _base_shapes() -> dict[str, Shape]:
    return {code: Shape(code, c["d"]) for code, c in world()["countries"].items() if c["d"]}


def _shade(count: int, peak: int) -> int:
    """Steps on a log scale, so one big partner does not wash out the rest."""
    if count <= 0 or peak <= 0:
        return 0
    return max(1, math.ceil(SHADES * math.log1p(count) / math.log1p(peak)))


def choropleth(
    counts: Mapping[str, int],
    *,
    title: str,
    slug: str = "map",
    count_label: str = "Visits",
    home: str = "",
) -> WorldMap:
    """Countries shaded by a count (e.g. visits received); the table lists every country counted."""
    shapes = _base_shapes()
    language = get_language() or ""  # once: a map names some 250 countries
    if SUCCESSORS.get(home, home) in shapes:
        shapes[SUCCESSORS.get(home, home)].home = True
        shapes[SUCCESSORS.get(home, home)].name = country_name(home, language)
    drawn: dict[str, int] = {}
    for code, n in counts.items():
        if code and n:
            target = SUCCESSORS.get(code, code)
            drawn[target] = drawn.get(target, 0) + n
    peak = max(drawn.values(), default=0)
    for code, n in drawn.items():
        if code in shapes:
            shapes[code].count, shapes[code].shade = n, _shade(n, peak)
            shapes[code].name = country_name(code, language)
    rows = sorted(
        (Row(code, country_name(code, language), n) for code, n in counts.items() if code and n),
        key=lambda r: (-r.count, r.name),
    )
    w, h = world()["width"], world()["height"]
    return WorldMap(
        title, f"0 0 {w:g} {h:g}", list(shapes.values()), rows, slug=slug, count_label=count_label
    )


@dataclass
class RouteStop:
    """One place on a route: the country, and what the table says about it."""

    code: str
    number: str
    place: str = ""
    when: str = ""
    url: str = ""


def route(stops: Sequence[RouteStop], *, title: str, slug: str = "route") -> WorldMap:
    """A journey: the places in order joined by a line, the map framed around them."""
    shapes = _base_shapes()
    for stop in stops:
        target = SUCCESSORS.get(stop.code, stop.code)
        if target in shapes:
            shapes[target].shade, shapes[target].name = 2, country_name(stop.code)
    points: list[tuple[float, float]] = []
    marks: dict[tuple[float, float], Stop] = {}
    for stop in stops:
        at = _point(stop.code)
        if at is None:
            continue
        if not points or points[-1] != at:
            points.append(at)
        mark = marks.setdefault(at, Stop(at[0], at[1], [], []))
        mark.labels.append(stop.number)
        mark.names.append(country_name(stop.code))
    rows = [Row(s.code, country_name(s.code), 0, s.number, s.place, s.when, s.url) for s in stops]
    line = "M" + "L".join(f"{x:g},{y:g}" for x, y in points) if len(points) > 1 else ""
    box, size = _frame(points)
    return WorldMap(
        title,
        box,
        list(shapes.values()),
        rows,
        stops=list(marks.values()),
        line=line,
        dot=round(size / 90, 2),
        route=True,
        slug=slug,
    )


def _frame(points: list[tuple[float, float]]) -> tuple[str, float]:
    """A viewBox around the points with a margin, at the world's aspect ratio; the whole world if none."""
    w, h = world()["width"], world()["height"]
    if not points:
        return f"0 0 {w:g} {h:g}", w
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    span = max(max(xs) - min(xs), (max(ys) - min(ys)) * w / h, 120.0) * 1.5
    span = min(span, w)
    height = span * h / w
    x = min(max((min(xs) + max(xs)) / 2 - span / 2, 0.0), w - span)
    y = min(max((min(ys) + max(ys)) / 2 - height / 2, 0.0), h - height)
    return f"{x:.1f} {y:.1f} {span:.1f} {height:.1f}", span
