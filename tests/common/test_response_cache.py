"""The response cache: anonymous reads served from the store, never a stale answer after any write."""

import datetime

import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from common.response_cache import ResponseCacheMiddleware
from people.services import official_merge
from tests.factories import OfficialFactory, OrganisationFactory, SourceFactory, VisitFactory
from visits.models import Source
from visits.nesting import nesting_touch
from visits.services.merges import visit_merge
from visits.services.sources import source_parse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.RESPONSE_CACHE_SECONDS = 300
    settings.RESPONSE_CACHE_MAX_AGE = 60


def test_a_second_identical_page_request_is_served_from_the_cache(client, django_assert_num_queries):
    VisitFactory(destination_city="Dushanbe")
    first = client.get("/visits/")
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get("/visits/")
    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert "public" in second["Cache-Control"] and "max-age=60" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert client.get("/visits/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_exports_are_cached_with_their_headers(client, django_assert_num_queries):
    VisitFactory()
    first = client.get("/visits/export.csv")
    assert first.status_code == 200
    body = b"".join(first.streaming_content)
    with django_assert_num_queries(0):
        second = client.get("/visits/export.csv")
    assert second.content == body
    assert second["Content-Type"] == first["Content-Type"]
    assert second.get("Content-Disposition") == first.get("Content-Disposition")


def test_query_string_is_part_of_the_key(client):
    VisitFactory(destination_country="US")
    client.get("/visits/")
    assert client.get("/visits/?destination=FR").content != client.get("/visits/").content


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(lambda v: VisitFactory(purpose="A brand new visit"), id="save"),
        pytest.param(lambda v: v.delete(), id="deletion"),
        pytest.param(lambda v: v.organisations.add(OrganisationFactory()), id="many-to-many"),
        pytest.param(lambda v: nesting_touch(record=v.visitor), id="nesting-touch"),
        pytest.param(lambda v: visit_merge(survivor=VisitFactory(), merged=v), id="visit-merge"),
        pytest.param(
            lambda v: official_merge(survivor=OfficialFactory(), merged=v.visitor), id="official-merge"
        ),
        pytest.param(
            lambda v: source_parse(source_id=SourceFactory(status=Source.Status.PENDING).pk), id="parse"
        ),
    ],
)
def test_any_write_makes_the_next_request_fresh(client, django_assert_max_num_queries, write):
    visit = VisitFactory()
    client.get("/visits/")
    client.get("/api/v1/visits/")
    write(visit)
    for url in ("/visits/", "/api/v1/visits/"):
        with django_assert_max_num_queries(50) as context:
            client.get(url)
        assert len(context.captured_queries) > 0, f"{url} was answered from the cache after a write"


def test_no_stale_answer_after_a_write(client):
    visit = VisitFactory(purpose="Talks on water")
    assert b"Talks on water" in client.get(f"/visits/{visit.pk}/").content
    assert client.get("/api/v1/visits/").json()["results"][0]["purpose"] == "Talks on water"
    visit.purpose = "Talks on energy"
    visit.save()
    assert b"Talks on energy" in client.get(f"/visits/{visit.pk}/").content
    assert client.get("/api/v1/visits/").json()["results"][0]["purpose"] == "Talks on energy"


def test_api_editor_write_makes_the_next_read_fresh(editor):
    anon, writer = APIClient(), APIClient()
    writer.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    org = OrganisationFactory(acronym="OLD")
    assert anon.get(f"/api/v1/organisations/{org.slug}/").json()["acronym"] == "OLD"
    assert (
        writer.patch(f"/api/v1/organisations/{org.slug}/", {"acronym": "NEW"}, format="json").status_code
        == 200
    )
    assert anon.get(f"/api/v1/organisations/{org.slug}/").json()["acronym"] == "NEW"


def test_signed_in_readers_are_never_served_nor_stored(client, reader, django_assert_max_num_queries):
    VisitFactory()
    client.force_login(reader)
    client.get("/visits/")
    with django_assert_max_num_queries(50) as context:
        response = client.get("/visits/")
    assert len(context.captured_queries) > 0
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_api_hit_still_counts_against_the_rate_limit(django_assert_num_queries):
    VisitFactory()
    client = APIClient()
    first = client.get("/api/v1/visits/")
    with django_assert_num_queries(0):
        second = client.get("/api/v1/visits/")
    assert second.json() == first.json()
    assert second["Content-Type"] == first["Content-Type"]
    assert int(second["X-RateLimit-Remaining"]) == int(first["X-RateLimit-Remaining"]) - 1
    assert "public" in second["Cache-Control"]


def test_api_record_keeps_its_etag_and_last_modified_on_a_hit(django_assert_num_queries):
    visit = VisitFactory()
    client = APIClient()
    first = client.get(f"/api/v1/visits/{visit.pk}/")
    with django_assert_num_queries(0):
        second = client.get(f"/api/v1/visits/{visit.pk}/")
    assert second["ETag"] == first["ETag"]
    assert second.get("Last-Modified") == first.get("Last-Modified")


def test_api_token_readers_are_not_cached(reader, django_assert_max_num_queries):
    VisitFactory()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=reader).key}")
    client.get("/api/v1/visits/")
    with django_assert_max_num_queries(50) as context:
        response = client.get("/api/v1/visits/")
    assert len(context.captured_queries) > 0
    assert "public" not in response.get("Cache-Control", "")


def test_api_errors_are_not_cached(django_assert_max_num_queries):
    client = APIClient()
    assert client.get("/api/v1/visits/999999/").status_code == 404
    with django_assert_max_num_queries(50) as context:
        assert client.get("/api/v1/visits/999999/").status_code == 404
    assert len(context.captured_queries) > 0


def test_a_disabled_cache_stores_nothing(client, settings, django_assert_max_num_queries):
    settings.RESPONSE_CACHE_SECONDS = 0
    VisitFactory()
    client.get("/visits/")
    with django_assert_max_num_queries(50) as context:
        response = client.get("/visits/")
    assert len(context.captured_queries) > 0
    assert "public" not in response.get("Cache-Control", "")


# The middleware's rules, on a view that counts its calls.


class Counting:
    def __init__(self, answer):
        self.calls = 0
        self.answer = answer

    def __call__(self, request):
        self.calls += 1
        return self.answer(request)


def _twice(view, request_for) -> int:
    middleware = ResponseCacheMiddleware(view)
    for _ in range(2):
        middleware(request_for())
    return view.calls


def test_posts_are_never_cached():
    view = Counting(lambda r: HttpResponse("ok"))
    assert _twice(view, lambda: RequestFactory().post("/visits/")) == 2


def test_a_streamed_answer_is_stored_once_it_has_gone_out():
    view = Counting(lambda r: StreamingHttpResponse(iter([b"o", b"k"])))
    middleware = ResponseCacheMiddleware(view)
    first = middleware(RequestFactory().get("/visits/export.csv"))
    assert b"".join(first.streaming_content) == b"ok"
    second = middleware(RequestFactory().get("/visits/export.csv"))
    assert (view.calls, second.content) == (1, b"ok")


def test_a_streamed_answer_past_the_size_limit_is_not_stored(settings):
    settings.RESPONSE_CACHE_MAX_BYTES = 3
    view = Counting(lambda r: StreamingHttpResponse(iter([b"ab", b"cd"])))
    middleware = ResponseCacheMiddleware(view)
    for _ in range(2):
        assert b"".join(middleware(RequestFactory().get("/visits/export.csv")).streaming_content) == b"abcd"
    assert view.calls == 2


def test_a_get_is_stored_once():
    view = Counting(lambda r: HttpResponse("ok"))
    assert _twice(view, lambda: RequestFactory().get("/visits/")) == 1


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(lambda r: HttpResponse("ok", status=404), id="not-200"),
        pytest.param(lambda r: (lambda x: (x.set_cookie("c", "1"), x)[1])(HttpResponse("ok")), id="cookie"),
        pytest.param(lambda r: HttpResponse(get_token(r)), id="csrf-token"),
    ],
)
def test_answers_that_differ_per_reader_are_not_stored(answer):
    view = Counting(answer)
    assert _twice(view, lambda: RequestFactory().get("/visits/")) == 2


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param({"HTTP_COOKIE": "sessionid=abc"}, id="session"),
        pytest.param({"HTTP_COOKIE": "messages=abc"}, id="messages"),
        pytest.param({"HTTP_AUTHORIZATION": "Token abc"}, id="authorization"),
    ],
)
def test_requests_with_credentials_are_not_cached(extra):
    view = Counting(lambda r: HttpResponse("ok"))
    assert _twice(view, lambda: RequestFactory().get("/visits/", **extra)) == 2


def test_the_api_is_left_to_its_views():
    view = Counting(lambda r: HttpResponse("ok"))
    assert _twice(view, lambda: RequestFactory().get("/api/v1/visits/")) == 2


def test_old_entries_are_unreachable_once_the_version_moves():
    from common.versioning import data_version_bump

    view = Counting(lambda r: HttpResponse(datetime.datetime.now().isoformat()))
    middleware = ResponseCacheMiddleware(view)
    middleware(RequestFactory().get("/visits/"))
    data_version_bump()
    middleware(RequestFactory().get("/visits/"))
    assert view.calls == 2


def test_a_cache_that_does_not_answer_leaves_pages_working(client, monkeypatch):
    from django.core.cache import cache

    def down(*args, **kwargs):
        raise ConnectionError("the cache is down")

    VisitFactory()
    monkeypatch.setattr(cache, "get", down)
    monkeypatch.setattr(cache, "set", down)
    assert client.get("/visits/").status_code == 200
    assert APIClient().get("/api/v1/visits/").status_code == 200
