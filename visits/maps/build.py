"""Build world.json (country outlines as SVG paths) from Natural Earth 1:110m via the npm package world-atlas.

    cd /tmp && npm pack world-atlas && tar xzf world-atlas-*.tgz
    python visits/maps/build.py /tmp/package/countries-110m.json

Decodes the TopoJSON arcs, projects them (Miller cylindrical, cropped to 56°S–83°N: no Antarctica), rounds
to whole units of a 1000-wide box and keys each country by ISO 3166-1 alpha-2 (numeric ids via pycountry).
Each country keeps a label point (the centroid of its largest polygon): where a route line meets it.
Small states missing at 1:110m get a point from SMALL_STATES (their capitals, approximately).
Run by hand when the source changes; the output is committed. Not imported by the site.
"""

import json
import math
import sys
from pathlib import Path

import pycountry

WIDTH = 1000.0
NORTH, SOUTH = 83.0, -56.0
OUT = Path(__file__).with_name("world.json")
UNNAMED = {"Kosovo": "XK"}  # Natural Earth gives Kosovo no ISO number
SMALL_STATES = {  # alpha-2: (lon, lat), capitals of states too small for 1:110m
    "AD": (1.52, 42.51),
    "AG": (-61.85, 17.12),
    "BB": (-59.6, 13.1),
    "BH": (50.58, 26.23),
    "CV": (-23.51, 14.93),
    "DM": (-61.39, 15.3),
    "FM": (158.16, 6.92),
    "GD": (-61.75, 12.05),
    "HK": (114.17, 22.32),
    "KI": (173.0, 1.33),
    "KM": (43.26, -11.7),
    "KN": (-62.72, 17.3),
    "LC": (-60.98, 14.01),
    "LI": (9.52, 47.14),
    "MC": (7.42, 43.74),
    "MH": (171.38, 7.09),
    "MO": (113.54, 22.2),
    "MT": (14.51, 35.9),
    "MU": (57.5, -20.16),
    "MV": (73.51, 4.18),
    "NR": (166.92, -0.55),
    "PW": (134.48, 7.5),
    "SC": (55.45, -4.62),
    "SG": (103.82, 1.35),
    "SM": (12.45, 43.94),
    "ST": (6.73, 0.34),
    "TO": (-175.2, -21.14),
    "TV": (179.19, -8.52),
    "VA": (12.45, 41.9),
    "VC": (-61.23, 13.16),
    "WS": (-171.76, -13.83),
    "BM": (-64.78, 32.3),
    "AW": (-70.03, 12.52),
    "CW": (-68.93, 12.11),
    "GI": (-5.35, 36.14),
    "JE": (-2.1, 49.19),
}


def _miller(lat: float) -> float:
    return 1.25 * math.log(math.tan(math.pi / 4 + 0.4 * math.radians(lat)))


TOP, BOTTOM = _miller(NORTH), _miller(SOUTH)
SCALE = WIDTH / (2 * math.pi)
HEIGHT = round((TOP - BOTTOM) * SCALE, 1)


def project(lon: float, lat: float) -> tuple[float, float]:
    lat = max(min(lat, NORTH), SOUTH)
    return (round((lon + 180) / 360 * WIDTH, 1), round((TOP - _miller(lat)) * SCALE, 1))


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Keep a ring that crosses the antimeridian (Russia, Fiji) continuous: no line across the map."""
    out: list[tuple[float, float]] = []
    shift = 0.0
    for i, (lon, lat) in enumerate(points):
        if i and lon + shift - out[-1][0] > 180:
            shift -= 360
        elif i and out[-1][0] - (lon + shift) > 180:
            shift += 360
        out.append((lon + shift, lat))
    return out


def area_centroid(points: list[tuple[float, float]]) -> tuple[float, float, float]:
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not a:
        return 0.0, points[0][0], points[0][1]
    return abs(a / 2), cx / (3 * a), cy / (3 * a)


def path_of(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for r in rings:
        rounded = [(round(x), round(y)) for x, y in r]
        pts = [p for i, p in enumerate(rounded) if i == 0 or p != rounded[i - 1]]
        if len(pts) < 3:
            continue
        parts.append("M" + "L".join(f"{x},{y}" for x, y in pts) + "Z")
    return "".join(parts)


def build(source: Path) -> dict:
    topo = json.loads(source.read_text())
    arcs = decode_arcs(topo)
    countries = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        number = geometry.get("id")
        found = pycountry.countries.get(numeric=number) if number else None
        code = found.alpha_2 if found else UNNAMED.get(name)
        if not code or code == "AQ":
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings, largest = [], (0.0, 0.0, 0.0)
        for polygon in polygons:
            projected = [[project(*p) for p in unwrap(ring(arcs, r))] for r in polygon]
            rings.extend(projected)
            largest = max(largest, area_centroid(projected[0]))
        countries[code] = {"d": path_of(rings), "at": [round(largest[1], 1), round(largest[2], 1)]}
    for code, (lon, lat) in SMALL_STATES.items():
        countries.setdefault(code, {"d": "", "at": list(project(lon, lat))})
    return {"width": WIDTH, "height": HEIGHT, "countries": dict(sorted(countries.items()))}


if __name__ == "__main__":
    OUT.write_text(json.dumps(build(Path(sys.argv[1])), separators=(",", ":")) + "\n")
    print(f"wrote {OUT}")
