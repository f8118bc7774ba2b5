"""visits.maps: outlines keyed by ISO code, shading, routes framed around their stops."""

from visits.maps import SHADES, RouteStop, choropleth, route, world


def test_the_outlines_cover_the_world_by_alpha_2_code():
    countries = world()["countries"]
    assert len(countries) > 170
    assert countries["FR"]["d"].startswith("M") and countries["XK"]["d"]
    assert countries["SG"]["d"] == "" and countries["SG"]["at"]  # too small at 1:110m: a point only
    assert "AQ" not in countries


def test_choropleth_shades_by_count_and_lists_every_country_in_its_table():
    m = choropleth({"FR": 40, "DE": 1, "SU": 3, "SG": 2}, title="Visits", home="US")
    shapes = {s.code: s for s in m.shapes}
    assert shapes["FR"].shade == SHADES and 1 <= shapes["DE"].shade < SHADES
    assert shapes["RU"].count == 3  # the Soviet Union drawn on Russia's outline
    assert shapes["US"].home
    assert [(r.code, r.count) for r in m.rows] == [("FR", 40), ("SU", 3), ("SG", 2), ("DE", 1)]


def test_a_route_joins_its_stops_in_order_and_frames_them():
    m = route([RouteStop("US", "Start"), RouteStop("JP", "1"), RouteStop("KR", "2")], title="Trip")
    assert m.line.count("L") == 2 and len(m.stops) == 3
    x, y, width, height = map(float, m.view_box.split())
    assert x >= 0 and width <= world()["width"]
    jp = world()["countries"]["JP"]["at"]
    assert x <= jp[0] <= x + width and y <= jp[1] <= y + height


def test_two_legs_in_one_country_share_one_mark():
    m = route([RouteStop("JP", "1"), RouteStop("JP", "2")], title="Trip")
    assert [s.labels for s in m.stops] == [["1", "2"]] and m.line == ""
