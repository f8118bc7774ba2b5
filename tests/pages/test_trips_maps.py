"""Trip pages, the maps (each with its table), outcomes on visit pages and the two outcome filters."""

import datetime
import re

import pytest

from tests.factories import MeetingFactory, OfficialFactory, ParticipantFactory, VisitFactory
from tests.scenario import add_trip_and_outcome, build_scenario
from visits.models import Trip
from visits.services.trips import trips_rebuild

pytestmark = pytest.mark.django_db


def _table(html: str, slug: str) -> list[str]:
    """The row texts of a map's table, tags stripped."""
    table = re.search(rf'<table data-map-table="{slug}">(.*?)</table>', html, re.S).group(1)
    body = table.split("<tbody>", 1)[1]
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", r).split()) for r in rows]


@pytest.fixture
def toured():
    scenario = build_scenario()
    trip = add_trip_and_outcome(scenario)
    return scenario, trip


def test_trip_page_shows_route_dates_and_every_legs_meetings(client, toured):
    _, trip = toured
    html = client.get(f"/trips/{trip.pk}/").content.decode()
    assert "18 May 2024 – 24 May 2024" in " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert _table(html, "trip-route") == [
        "Start Azerbaijan",
        "1 Tajikistan Dushanbe 18–20 May 2024",
        "2 Uzbekistan Tashkent 21–22 May 2024",
        "3 Kazakhstan Astana 23–24 May 2024",
    ]
    svg = re.search(r'<svg viewBox="([\d. ]+)"[^>]*data-map="trip-route"', html)
    assert svg, "the route map is drawn"
    assert html.count('class="stop"') == 4 and 'class="route" d="M' in html
    assert "Habibullo Vohidzoda" in html  # the Dushanbe leg's meeting


def test_official_page_links_trips_and_maps_the_countries_visited(client, toured):
    scenario, trip = toured
    html = client.get(scenario.guest.get_absolute_url()).content.decode()
    assert f'href="/trips/{trip.pk}/"' in html
    assert "Dushanbe → Tashkent → Astana" in html
    rows = _table(html, "official-map")
    assert set(rows) == {"Tajikistan 1", "Uzbekistan 1", "Kazakhstan 1"}  # not the planned visit to Astana


def test_country_page_maps_where_its_visitors_go_and_come_from(client, toured):
    html = client.get("/countries/AZ/").content.decode()
    assert _table(html, "map-out")[0] == "Kazakhstan 2"
    assert set(_table(html, "map-out")) == {"Kazakhstan 2", "Tajikistan 1", "Uzbekistan 1"}
    assert _table(html, "map-in") == ["Tajikistan 1"]


def test_stats_page_maps_visits_received(client, toured):
    html = client.get("/stats/").content.decode()
    assert "Kazakhstan 2" in _table(html, "stats-map")


def test_map_scales_to_a_phone_and_shades_by_count(client, toured):
    scenario, _ = toured
    html = client.get(scenario.guest.get_absolute_url()).content.decode()
    assert 'preserveAspectRatio="xMidYMid meet"' in html
    assert re.search(r'class="land s5" d="M[^"]+" data-code="KZ"', html)
    assert re.search(r'class="land" d="M[^"]+" data-code="FR"', html)


def test_visit_page_shows_its_outcomes_and_its_trip(client, toured):
    scenario, trip = toured
    html = client.get(scenario.visit.get_absolute_url()).content.decode()
    assert "cooperation programme" in html and "Outcomes" in html
    assert f'href="/trips/{trip.pk}/"' in html and "Leg 1 of a trip" in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ("has_outcome=true", 1),
        ("has_outcome=false", 3),  # the other two legs and the planned visit to Astana
        ("outcome_kind=other", 1),
        ("outcome_kind=memorandum", 0),
    ],
)
def test_timeline_and_api_filter_on_outcomes(client, toured, params, expected):
    scenario, _ = toured
    api = client.get(f"/api/v1/visits/?official={scenario.guest.slug}&{params}").json()
    assert len(api["results"]) == expected
    page = client.get(f"/visits/?official={scenario.guest.slug}&{params}").content.decode()
    assert page.count('<li class="vrow') == expected


def test_invalid_outcome_filters_answer_400(client, toured):
    assert client.get("/api/v1/visits/?outcome_kind=treaty").status_code == 400
    assert client.get("/api/v1/visits/?has_outcome=maybe").status_code == 400


def test_api_lists_trips_with_legs_in_order_and_outcomes_with_excerpts(client, toured):
    scenario, _ = toured
    [body] = client.get("/api/v1/trips/").json()["results"]
    assert [leg["destination_country"]["code"] for leg in body["legs"]] == ["TJ", "UZ", "KZ"]
    assert body["visitor"]["slug"] == scenario.guest.slug
    [outcome] = client.get("/api/v1/outcomes/?party=TJ").json()["results"]
    assert outcome["kind"] == "other" and outcome["excerpts"] == ["The sides signed a cooperation programme."]
    assert client.get("/api/v1/outcomes/?party=KZ").json()["results"] == []


def _trip_of(n: int) -> Trip:
    official = OfficialFactory()
    for i in range(n):
        day = datetime.date(2025, 1, 1) + datetime.timedelta(days=i)
        leg = VisitFactory(visitor=official, destination_country=["JP", "KR", "CN"][i % 3], start_date=day)
        ParticipantFactory(meeting=MeetingFactory(visit=leg, date=day), official=official)
        ParticipantFactory(meeting=MeetingFactory(visit=leg, date=day))
    trips_rebuild()
    return Trip.objects.get(visitor=official)


@pytest.mark.parametrize("n", [2, 30])
def test_trip_page_query_count_is_constant(client, django_assert_num_queries, n):
    url = _trip_of(n).get_absolute_url()
    # The trip with its traveller, the legs, their meetings, the meetings' participants.
    with django_assert_num_queries(4):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("n", [2, 30])
def test_official_page_with_trips_query_count_is_constant(client, django_assert_num_queries, n):
    url = _trip_of(n).visitor.get_absolute_url()
    _trip_of(2)
    with django_assert_num_queries(11):
        assert client.get(url).status_code == 200
