"""The cases schemathesis found from outside, each as the rule it broke: a request the schema admits is
answered 2xx, and one it refuses is answered 400.

- a slug that names no record is a query whose answer is empty (200), not an error;
- an empty query value means "not given" (`allowEmptyValue` in the schema);
- a whole number (a year, a visit id) is a whole number: 2024.5 is an error, any id up to bigint is a query;
- a cursor is a position written out, and every string of the schema's pattern is one;
- free text is refused only for a NUL or past its declared length.
"""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from drf_spectacular.generators import SchemaGenerator

from people.models import OfficialRedirect
from tests.factories import (
    MeetingFactory,
    OfficialFactory,
    OrganisationFactory,
    ParticipantFactory,
    PositionFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def query_parameters(schema: dict, path: str) -> dict[str, dict]:
    return {p["name"]: p for p in schema["paths"][path]["get"]["parameters"] if p["in"] == "query"}


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/api/v1/visits/", "official"),
        ("/api/v1/visits/", "visitor"),
        ("/api/v1/visits/", "organisation"),
        ("/api/v1/meetings/", "official"),
        ("/api/v1/officials/", "organisation"),
        ("/api/v1/organisations/", "parent"),
        ("/api/v1/countries/pairs/", "official"),
    ],
)
def test_a_slug_naming_no_record_answers_an_empty_list(anon_client, url, name):
    visit = VisitFactory()
    MeetingFactory(visit=visit)
    OrganisationFactory(parent=OrganisationFactory())
    assert anon_client.get(url).json(), "the unfiltered list is not empty"
    for value in ("nobody-at-all", "ö", "x" * 1000):
        response = anon_client.get(url, {name: value})
        assert response.status_code == 200, response.json()
        body = response.json()
        assert (body["results"] if isinstance(body, dict) else body) == []


def test_a_known_slug_still_filters_and_a_merged_slug_names_the_survivor(anon_client):
    survivor = OfficialFactory(slug="heydar-aliyev")
    other = OfficialFactory()
    mine, theirs = VisitFactory(visitor=survivor), VisitFactory(visitor=other)
    OfficialRedirect.objects.create(old_slug="geidar-aliyev", official=survivor)
    for slug in ("heydar-aliyev", "geidar-aliyev"):
        ids = [v["id"] for v in anon_client.get("/api/v1/visits/", {"visitor": slug}).json()["results"]]
        assert ids == [mine.pk]
    assert theirs.pk not in ids


def test_an_official_met_is_found_by_slug_and_an_unknown_organisation_selects_no_official(anon_client):
    official, org = OfficialFactory(), OrganisationFactory()
    PositionFactory(official=official, organisation=org)
    meeting = MeetingFactory()
    ParticipantFactory(meeting=meeting, official=official)
    visits = anon_client.get("/api/v1/visits/", {"official": official.slug}).json()["results"]
    assert [v["id"] for v in visits] == [meeting.visit_id]
    officials = anon_client.get("/api/v1/officials/", {"organisation": org.slug}).json()["results"]
    assert [o["slug"] for o in officials] == [official.slug]
    assert anon_client.get("/api/v1/officials/", {"organisation": "no-body"}).json()["results"] == []


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/visits/",
        "/api/v1/meetings/",
        "/api/v1/officials/",
        "/api/v1/organisations/",
        "/api/v1/sources/",
        "/api/v1/outcomes/",
        "/api/v1/trips/",
        "/api/v1/deletions/",
        "/api/v1/countries/",
        "/api/v1/countries/pairs/",
    ],
)
def test_every_query_parameter_left_empty_is_not_given_as_the_schema_says(anon_client, schema, path):
    VisitFactory()
    parameters = query_parameters(schema, path)
    assert parameters and all(p["allowEmptyValue"] is True for p in parameters.values())
    plain = anon_client.get(path)
    assert plain.status_code == 200
    for name in parameters:
        response = anon_client.get(path, {name: ""})
        assert response.status_code == 200, (name, response.json())
        assert response.json() == plain.json(), name


def test_whole_numbers_are_typed_and_any_id_is_a_query(anon_client, schema):
    meeting = MeetingFactory()
    visit_param = query_parameters(schema, "/api/v1/meetings/")["visit"]["schema"]
    assert visit_param == {"type": "integer", "minimum": 1, "maximum": 2**63 - 1}
    year_param = query_parameters(schema, "/api/v1/visits/")["year"]["schema"]
    assert year_param["type"] == "integer"
    found = anon_client.get("/api/v1/meetings/", {"visit": meeting.visit_id}).json()["results"]
    assert [m["id"] for m in found] == [meeting.pk]
    for value in (str(2**63 - 1), "123456789"):
        response = anon_client.get("/api/v1/meetings/", {"visit": value})
        assert response.status_code == 200
        assert response.json()["results"] == []
    for value in (str(2**63), "0", "1.5", "1e3"):
        response = anon_client.get("/api/v1/meetings/", {"visit": value})
        assert response.status_code == 400
        assert "visit" in response.json()
    assert anon_client.get("/api/v1/visits/", {"year": "2024.5"}).status_code == 400


def test_free_text_is_refused_only_for_a_nul_or_past_its_declared_length(anon_client, schema):
    q = query_parameters(schema, "/api/v1/visits/")["q"]["schema"]
    assert q["maxLength"] == 200
    assert re.search(q["pattern"], "a\x00b") is None
    assert re.search(q["pattern"], "Tashkent ö ☃") is not None
    assert anon_client.get("/api/v1/visits/", {"q": "é" * 200}).status_code == 200
    assert anon_client.get("/api/v1/visits/", {"q": "é" * 201}).status_code == 400
    assert anon_client.get("/api/v1/visits/", {"q": "a\x00b"}).status_code == 400
    assert anon_client.get("/api/v1/visits/", {"official": "a\x00b"}).status_code == 400


def cursor_regex(schema: dict, path: str) -> str:
    return query_parameters(schema, path)["cursor"]["schema"]["pattern"]


def test_the_cursors_the_server_writes_match_the_schema_and_walk_every_record(anon_client, schema):
    start = datetime.date(2020, 2, 27)
    visits = [VisitFactory(start_date=start + datetime.timedelta(days=i // 2)) for i in range(7)]
    visits.append(VisitFactory(start_date=None))
    pattern = cursor_regex(schema, "/api/v1/visits/")
    for ordering in ("-start_date", "start_date", "-updated_at"):
        seen, url = [], f"/api/v1/visits/?page_size=3&ordering={ordering}"
        while url:
            body = anon_client.get(url).json()
            seen += [v["id"] for v in body["results"]]
            url = body["next"]
            if url:
                cursor = parse_qs(urlsplit(url).query)["cursor"][0]
                assert re.search(pattern, cursor), cursor
        assert sorted(seen) == sorted(v.pk for v in visits), ordering
        assert len(seen) == len(visits)


@pytest.mark.parametrize(
    ("cursor", "expected"),
    [
        # Newest first: the page after a position. 2020-02-30 does not exist: it stands between the 29th
        # and 1 March, so the page after it starts on the 29th.
        ("n.-start_date.0.2020-02-30", ["2020-02-29", "2020-02-28", None]),
        ("n.-start_date.999999999.2020-02-29", ["2020-02-29", "2020-02-28", None]),
        ("n.-start_date.1.2020-02-29", ["2020-02-28", None]),
        ("p.-start_date.0.2020-02-30", ["2020-03-01"]),
        ("n.-start_date.5.0000-01-01", [None]),
        ("n.-start_date.5.9999-12-31", ["2020-03-01", "2020-02-29", "2020-02-28", None]),
        # Undated records come last, newest id first: after (undated, id 0) there is nothing.
        ("n.-start_date.0.", []),
        ("n.-start_date.999999999999999999.", [None]),
        # The cursor's ordering wins over ?ordering=.
        ("n.start_date.0.2020-02-29", ["2020-02-29", "2020-03-01", None]),
        ("n.-updated_at.1.2020-02-30T25:00:00.000000Z", None),
        ("n.-updated_at.1.2020-02-30T23:00:00.000000Z", []),
        ("n.-updated_at.1.9999-02-30T23:00:00.000000Z", ["2020-02-28", "2020-02-29", "2020-03-01", None]),
    ],
)
def test_every_string_of_the_cursor_pattern_is_a_position(anon_client, schema, cursor, expected):
    for day in (28, 29):
        VisitFactory(start_date=datetime.date(2020, 2, day))
    VisitFactory(start_date=datetime.date(2020, 3, 1))
    VisitFactory(start_date=None)
    matches = re.search(cursor_regex(schema, "/api/v1/visits/"), cursor) is not None
    response = anon_client.get("/api/v1/visits/", {"cursor": cursor, "ordering": "-start_date"})
    if expected is None:
        assert not matches
        assert response.status_code == 400
        assert "cursor" in response.json()
        return
    assert matches
    assert response.status_code == 200, response.json()
    results = response.json()["results"]
    if cursor.startswith("n.-updated_at"):
        results.reverse()  # the newest change first: here the order the visits were made in, reversed
    assert [v["start_date"] for v in results] == expected


def test_a_text_cursor_is_any_text_and_the_patterns_differ_per_list(anon_client, schema):
    everyone = ["Ahmad Osman", "Mohammad Hatta", "Zhou Enlai"]
    for name in everyone:
        OfficialFactory(name=name)
    pattern = cursor_regex(schema, "/api/v1/officials/")
    for cursor, names in [
        ("n.name.0.Ahmad Osman", everyone),  # id 0: before every record of that name
        ("n.name.999999999999999999.Ahmad Osman", everyone[1:]),
        ("n.name.0.B\U0001f600 ☃ x.y", everyone[1:]),
        ("p.name.0.Zzz", everyone),
        ("p.name.0.Mohammad Hatta", everyone[:1]),
        ("n.name.0.", everyone),
    ]:
        assert re.search(pattern, cursor)
        response = anon_client.get("/api/v1/officials/", {"cursor": cursor})
        assert response.status_code == 200
        assert [o["name"] for o in response.json()["results"]] == names
    assert not re.search(pattern, "n.-start_date.1.2020-01-01")
    assert not re.search(cursor_regex(schema, "/api/v1/visits/"), "n.name.0.Ahmad Osman")


def test_links_name_the_cursor_ordering_when_the_request_named_another(anon_client):
    for day in (1, 2, 3):
        VisitFactory(start_date=datetime.date(2021, 1, day))
    body = anon_client.get(
        "/api/v1/visits/", {"cursor": "n.start_date.0.2021-01-01", "ordering": "-updated_at", "page_size": 1}
    ).json()
    assert [v["start_date"] for v in body["results"]] == ["2021-01-01"]
    assert "ordering=start_date" in body["next"]
    assert "cursor=n.start_date." in body["next"]
