"""Reading the API: nested records, filters, keyset pages, query budgets and conditional requests."""

import datetime

import pytest
from django.utils import timezone

from people.models import OfficialAlias
from tests.factories import (
    EvidenceFactory,
    MeetingFactory,
    OfficialFactory,
    ParticipantFactory,
    SourceFactory,
    VisitFactory,
)
from tests.scenario import full_visit
from visits.models import Visit

pytestmark = pytest.mark.django_db


def test_visit_detail_nests_visitor_places_meetings_participants_and_sources(anon_client):
    visit = full_visit()
    body = anon_client.get(f"/api/v1/visits/{visit.pk}/").json()
    assert body["api_url"].endswith(f"/api/v1/visits/{visit.pk}/")
    assert body["permalink"] == f"http://testserver/visits/{visit.pk}/"
    assert body["visitor"]["slug"] == visit.visitor.slug
    assert body["destination_country"] == {"code": "TJ", "name": "Tajikistan"}
    assert body["destination_city"] == "Dushanbe"
    assert len(body["organisations"]) == 1
    [meeting] = body["meetings"]
    assert {p["name"] for p in meeting["participants"]} >= {"Someone Unresolved"}
    assert [p["official"] is None for p in meeting["participants"]] == [False, False, True]
    [source] = body["sources"]
    assert source["api_url"].endswith(f"/api/v1/sources/{visit.evidence.get().source_id}/")
    assert source["excerpts"] == ["Article number 0. Th"] or source["excerpts"]


def test_official_detail_has_positions_and_aliases(anon_client):
    visit = full_visit()
    body = anon_client.get(f"/api/v1/officials/{visit.visitor.slug}/").json()
    assert body["aliases"] == [f"{visit.visitor.name} Jr"]
    assert body["positions"][0]["title"] == "Prosecutor General"
    assert body["positions"][0]["organisation"]["slug"]
    assert body["visit_count"] == 1


def test_source_links_to_the_records_it_produced(anon_client):
    visit = full_visit()
    source = visit.evidence.get().source
    body = anon_client.get(f"/api/v1/sources/{source.pk}/").json()
    assert body["visits"] == [f"http://testserver/api/v1/visits/{visit.pk}/"]
    assert body["text"] == source.text


def _make(n: int) -> dict[str, str]:
    """n fully linked visits; returns the detail URL of each resource."""
    visits = [full_visit() for _ in range(n)]
    for _ in range(n):
        SourceFactory()
    visit = visits[0]
    return {
        "visit": f"/api/v1/visits/{visit.pk}/",
        "meeting": f"/api/v1/meetings/{visit.meetings.get().pk}/",
        "official": f"/api/v1/officials/{visit.visitor.slug}/",
        "organisation": f"/api/v1/organisations/{visit.organisations.get().slug}/",
        "source": f"/api/v1/sources/{visit.evidence.get().source_id}/",
        "country": "/api/v1/countries/TJ/",
    }


# (list URL, detail key, queries for the list, queries for a detail)
BUDGETS = [
    ("/api/v1/visits/", "visit", 4, 5),
    ("/api/v1/visits/?expand=meetings", "visit", 6, 5),
    ("/api/v1/meetings/", "meeting", 4, 3),
    ("/api/v1/officials/", "official", 4, 4),
    ("/api/v1/organisations/", "organisation", 1, 1),
    ("/api/v1/sources/", "source", 2, 2),
    ("/api/v1/countries/", "country", 2, 2),
    ("/api/v1/countries/pairs/", "country", 1, 2),
]


@pytest.mark.parametrize("records", [1, 50])
@pytest.mark.parametrize(("list_url", "key", "list_queries", "detail_queries"), BUDGETS)
def test_query_count_does_not_grow_with_records(
    anon_client, django_assert_num_queries, records, list_url, key, list_queries, detail_queries
):
    urls = _make(records)
    with django_assert_num_queries(list_queries):
        response = anon_client.get(list_url)
    assert response.status_code == 200
    with django_assert_num_queries(detail_queries):
        response = anon_client.get(urls[key])
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/v1/visits/", {"destination": "XX"}),
        ("/api/v1/visits/", {"year": "twenty"}),
        ("/api/v1/visits/", {"date_after": "2024-13-45"}),
        ("/api/v1/visits/", {"kind": "holiday"}),
        ("/api/v1/visits/", {"year": "2024.5"}),
        ("/api/v1/visits/", {"updated_after": "yesterday"}),
        ("/api/v1/officials/", {"reviewed": "perhaps"}),
        ("/api/v1/visits/", {"cursor": "not-a-cursor"}),
        ("/api/v1/visits/", {"page_size": "1000"}),
        ("/api/v1/visits/", {"ordering": "purpose"}),
        ("/api/v1/visits/", {"expand": "everything"}),
        ("/api/v1/meetings/", {"country": "Narnia"}),
        ("/api/v1/meetings/", {"visit": "1.5"}),
        ("/api/v1/organisations/", {"kind": "club"}),
        ("/api/v1/sources/", {"status": "lost"}),
        ("/api/v1/countries/", {"year": "0"}),
        ("/api/v1/countries/pairs/", {"origin": "ZZ"}),
    ],
)
def test_invalid_filter_value_answers_400_naming_the_field(anon_client, url, params):
    VisitFactory()
    response = anon_client.get(url, params)
    assert response.status_code == 400
    assert set(params) <= set(response.json())


def test_filters_mean_what_the_pages_mean(anon_client):
    to_tj = VisitFactory(destination_country="TJ", start_date=datetime.date(2024, 5, 1))
    VisitFactory(destination_country="UZ", start_date=datetime.date(2023, 5, 1))
    for params in (
        {"destination": "tj"},
        {"year": "2024"},
        {"country": "TJ"},
        {"official": to_tj.visitor.slug},
    ):
        ids = [v["id"] for v in anon_client.get("/api/v1/visits/", params).json()["results"]]
        assert ids == [to_tj.pk], params


def test_updated_after_lists_only_records_changed_since(anon_client):
    old = VisitFactory()
    stamp = old.updated_at + datetime.timedelta(microseconds=1)
    new = VisitFactory()
    ids = [
        v["id"]
        for v in anon_client.get("/api/v1/visits/", {"updated_after": stamp.isoformat()}).json()["results"]
    ]
    assert ids == [new.pk]


def _walk(client, url, params):
    seen, pages = [], 0
    body = client.get(url, params).json()
    while True:
        seen += [v["id"] for v in body["results"]]
        pages += 1
        if not body["next"]:
            return seen, pages
        body = client.get(body["next"]).json()


def test_visit_pages_run_newest_first_with_undated_visits_last(anon_client):
    dated = [
        VisitFactory(start_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=i % 3)) for i in range(7)
    ]
    undated = [VisitFactory(start_date=None) for _ in range(3)]
    seen, pages = _walk(anon_client, "/api/v1/visits/", {"page_size": 3})
    expected = sorted(dated, key=lambda v: (v.start_date, v.pk), reverse=True) + sorted(
        undated, key=lambda v: v.pk, reverse=True
    )
    assert seen == [v.pk for v in expected]
    assert pages == 4


def test_visit_pages_do_not_shift_when_visits_are_added(anon_client):
    visits = [VisitFactory(start_date=datetime.date(2024, 1, 1)) for _ in range(4)]
    first = anon_client.get("/api/v1/visits/", {"page_size": 2}).json()
    # Newer visits, and one on the same day, arrive while the client pages.
    VisitFactory(start_date=datetime.date(2025, 1, 1))
    VisitFactory(start_date=datetime.date(2024, 1, 1))
    second = anon_client.get(first["next"]).json()
    ids = [v["id"] for v in first["results"] + second["results"]]
    assert ids == [v.pk for v in reversed(visits)]


def test_previous_link_returns_the_page_before(anon_client):
    for _ in range(5):
        VisitFactory(start_date=None)
    first = anon_client.get("/api/v1/visits/", {"page_size": 2}).json()
    second = anon_client.get(first["next"]).json()
    back = anon_client.get(second["previous"]).json()
    assert [v["id"] for v in back["results"]] == [v["id"] for v in first["results"]]
    assert first["previous"] is None


def test_list_and_detail_answer_304_to_a_matching_etag(anon_client):
    visit = VisitFactory()
    Visit.objects.filter(pk=visit.pk).update(updated_at=timezone.now() - datetime.timedelta(seconds=5))
    for url in ("/api/v1/visits/", f"/api/v1/visits/{visit.pk}/", "/api/v1/countries/"):
        first = anon_client.get(url)
        assert first["ETag"]
        again = anon_client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, url
    detail = anon_client.get(f"/api/v1/visits/{visit.pk}/")
    since = anon_client.get(f"/api/v1/visits/{visit.pk}/", HTTP_IF_MODIFIED_SINCE=detail["Last-Modified"])
    assert since.status_code == 304
    # Lists carry no date: a deletion changes a list but no row's date.
    assert "Last-Modified" not in anon_client.get("/api/v1/visits/")


def test_a_change_within_the_same_second_never_gets_a_stale_304(anon_client, editor_client, monkeypatch):
    import types

    import common.api

    visit = VisitFactory()
    url = f"/api/v1/visits/{visit.pk}/"
    for purpose in ("First change", "Second change"):
        assert editor_client.patch(url, {"purpose": purpose}, format="json").status_code == 200
        changed = Visit.objects.get(pk=visit.pk).updated_at.timestamp()
        # Asked within the second of the change (however slow the machine running this test is).
        monkeypatch.setattr(common.api, "time", types.SimpleNamespace(time=lambda t=changed: t + 0.01))
        fresh = anon_client.get(url)
        # No date to compare yet, so If-Modified-Since cannot match a later change of the same second.
        assert "Last-Modified" not in fresh
        assert fresh.json()["purpose"] == purpose
        monkeypatch.setattr(common.api, "time", types.SimpleNamespace(time=lambda t=changed: t + 1.5))
        assert "Last-Modified" in anon_client.get(url)


def test_changed_record_no_longer_matches_its_etag(anon_client):
    visit = VisitFactory()
    first = anon_client.get(f"/api/v1/visits/{visit.pk}/")
    visit.purpose = "Something else"
    visit.save()
    again = anon_client.get(f"/api/v1/visits/{visit.pk}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again.json()["purpose"] == "Something else"


def test_country_summary_counts_visits_both_ways_and_by_pair(anon_client):
    VisitFactory(origin_country="AZ", destination_country="TJ", start_date=datetime.date(2024, 5, 1))
    VisitFactory(origin_country="AZ", destination_country="TJ", start_date=datetime.date(2023, 5, 1))
    VisitFactory(origin_country="TJ", destination_country="UZ", start_date=datetime.date(2024, 6, 1))
    tj = anon_client.get("/api/v1/countries/TJ/").json()
    assert (tj["visits_from"], tj["visits_to"]) == (1, 2)
    assert tj["origins"] == [
        {
            "origin": {"code": "AZ", "name": "Azerbaijan"},
            "destination": {"code": "TJ", "name": "Tajikistan"},
            "visits": 2,
            "first_date": "2023-05-01",
            "last_date": "2024-05-01",
        }
    ]
    in_2024 = anon_client.get("/api/v1/countries/", {"year": 2024}).json()
    assert {c["code"]: (c["visits_from"], c["visits_to"]) for c in in_2024} == {
        "AZ": (1, 0),
        "TJ": (1, 1),
        "UZ": (0, 1),
    }
    pairs = anon_client.get("/api/v1/countries/pairs/").json()
    assert [(p["origin"]["code"], p["destination"]["code"], p["visits"]) for p in pairs] == [
        ("AZ", "TJ", 2),
        ("TJ", "UZ", 1),
    ]


def test_unknown_country_code_is_404(anon_client):
    assert anon_client.get("/api/v1/countries/QQ/").status_code == 404


def test_official_search_finds_aliases(anon_client):
    official = OfficialFactory(name="Kamran Aliyev")
    OfficialAlias.objects.create(official=official, name="Kamran Aliev")
    OfficialFactory(name="Yusuf Rahmon")
    found = anon_client.get("/api/v1/officials/", {"q": "Aliev"}).json()["results"]
    assert [o["slug"] for o in found] == [official.slug]


def test_cached_reverse_matches_django_reverse_for_int_and_slug_routes():
    from django.urls import reverse

    from common.urls import cached_reverse

    assert cached_reverse("visits:visit-detail", pk=42) == reverse("visits:visit-detail", kwargs={"pk": 42})
    assert cached_reverse("people:official-detail", slug="kamran-aliyev") == reverse(
        "people:official-detail", kwargs={"slug": "kamran-aliyev"}
    )


@pytest.mark.django_db
def test_listed_visits_count_their_meetings_and_expand_nests_them(anon_client):
    meeting = MeetingFactory()
    ParticipantFactory(meeting=meeting)
    EvidenceFactory(visit=meeting.visit)
    listed = anon_client.get("/api/v1/visits/").json()["results"][0]
    assert listed["meeting_count"] == 1
    assert "meetings" not in listed
    assert [s["id"] for s in listed["sources"]] == [meeting.visit.evidence.get().source_id]
    assert "excerpts" not in listed["sources"][0]
    expanded = anon_client.get("/api/v1/visits/", {"expand": "meetings"}).json()["results"][0]
    assert [m["id"] for m in expanded["meetings"]] == [meeting.pk]
    assert len(expanded["meetings"][0]["participants"]) == 1
    assert expanded["meeting_count"] == 1


@pytest.mark.parametrize(
    ("moment", "status"),
    [
        ("1586-10-31T01:33:48.401-21:41", 200),  # an offset PostgreSQL refuses: read in UTC instead
        ("2024-05-18T10:00:00+14:00", 200),
        ("0001-01-01T00:00:00+05:00", 400),  # before year 1 in UTC
    ],
)
def test_updated_after_takes_any_offset_in_utc(anon_client, moment, status):
    VisitFactory()
    response = anon_client.get("/api/v1/visits/", {"updated_after": moment})
    assert response.status_code == status, response.content


def test_a_merged_officials_old_slug_answers_301_to_the_survivor(anon_client):
    from people.models import OfficialRedirect

    survivor = OfficialFactory(name="Kamran Aliyev", slug="kamran-aliyev")
    OfficialRedirect.objects.create(official=survivor, old_slug="kamran-aliev")
    response = anon_client.get("/api/v1/officials/kamran-aliev/")
    assert response.status_code == 301
    assert response["Location"] == "http://testserver/api/v1/officials/kamran-aliyev/"
    assert anon_client.get(response["Location"]).json()["slug"] == "kamran-aliyev"
    assert anon_client.get("/api/v1/officials/nobody-at-all/").status_code == 404


def test_an_unknown_parameter_answers_400_naming_it(anon_client):
    response = anon_client.get("/api/v1/visits/", {"visitr": "william-j-clinton", "year": "2024"})
    assert response.status_code == 400
    assert list(response.json()) == ["visitr"]
    assert "Unknown parameter" in response.json()["visitr"][0]
    assert anon_client.get("/api/v1/visits/", {"expand": "meetings", "page_size": "5"}).status_code == 200
    assert anon_client.get("/api/v1/officials/", {"expand": "meetings"}).status_code == 400


def test_visitor_lists_the_visits_made_and_official_also_the_meetings_attended(anon_client):
    guest, host = OfficialFactory(slug="guest-x"), OfficialFactory(slug="host-y")
    made = VisitFactory(visitor=guest)
    hosted = VisitFactory(visitor=host)
    ParticipantFactory(meeting=MeetingFactory(visit=hosted), official=guest)
    made_ids = [v["id"] for v in anon_client.get("/api/v1/visits/", {"visitor": "guest-x"}).json()["results"]]
    all_ids = [v["id"] for v in anon_client.get("/api/v1/visits/", {"official": "guest-x"}).json()["results"]]
    assert made_ids == [made.pk]
    assert sorted(all_ids) == sorted([made.pk, hosted.pk])


def test_an_undated_meeting_is_found_by_its_visits_dates(anon_client):
    visit = VisitFactory(start_date=datetime.date(2024, 5, 18))
    undated = MeetingFactory(visit=visit, date=None)
    dated = MeetingFactory(visit=visit, date=datetime.date(2023, 1, 1))
    found = anon_client.get("/api/v1/meetings/", {"date_after": "2024-05-01"}).json()["results"]
    assert [m["id"] for m in found] == [undated.pk]
    in_2023 = anon_client.get("/api/v1/meetings/", {"year": "2023"}).json()["results"]
    assert [m["id"] for m in in_2023] == [dated.pk]


def test_count_true_gives_the_exact_total_and_link_headers_follow_rfc_8288(anon_client):
    VisitFactory.create_batch(3, destination_country="TJ")
    VisitFactory(destination_country="KZ")
    first = anon_client.get("/api/v1/visits/", {"destination": "TJ", "page_size": 2, "count": "true"})
    body = first.json()
    assert body["count"] == 3 and first["X-Total-Count"] == "3"
    assert first["Link"] == f'<{body["next"]}>; rel="next"'
    second = anon_client.get(body["next"])
    assert 'rel="previous"' in second["Link"] and "count" in second.json()
    assert "count" not in anon_client.get("/api/v1/visits/").json()
    assert anon_client.get("/api/v1/visits/", {"count": "maybe"}).status_code == 400
