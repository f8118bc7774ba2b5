"""What a consumer's program meets on the wire: rate-limit headers, shared limits, CORS and compression."""

import gzip
import os

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from rest_framework.test import APIClient

from tests.conftest import in_ci
from tests.factories import VisitFactory

pytestmark = pytest.mark.django_db


def test_every_api_answer_says_the_limit_and_what_is_left(anon_client):
    first = anon_client.get("/api/v1/visits/")
    second = anon_client.get("/api/v1/visits/")
    assert first["X-RateLimit-Limit"] == "600"
    assert int(first["X-RateLimit-Remaining"]) == 599
    assert int(second["X-RateLimit-Remaining"]) == 598
    assert 0 < int(first["X-RateLimit-Reset"]) <= 3601


def test_a_token_client_is_counted_as_its_user(editor_client):
    response = editor_client.get("/api/v1/visits/")
    assert response["X-RateLimit-Limit"] == "5000"


@pytest.mark.services
def test_two_processes_on_one_redis_count_into_one_limit(settings):
    """Two caches on one Redis stand for two gunicorn processes: the count is one."""
    broker = os.environ.get("CELERY_BROKER_URL", "")
    if not broker.startswith("redis://"):
        if in_ci():
            pytest.fail("CI must provide Redis (CELERY_BROKER_URL)")
        pytest.skip("needs Redis; .ci/run provides it")
    location = broker.rsplit("/", 1)[0] + "/13"
    one, two = RedisCache(location, {}), RedisCache(location, {})
    key = "rl:test:shared"
    one.delete(key)
    one.add(key, 0, 60)
    two.add(key, 0, 60)
    assert [one.incr(key), two.incr(key), one.incr(key)] == [1, 2, 3]
    one.delete(key)


def test_cors_lets_other_sites_read_the_api_but_not_the_pages():
    client = APIClient()
    api = client.get("/api/v1/visits/", HTTP_ORIGIN="https://elsewhere.example")
    assert api["Access-Control-Allow-Origin"] == "*"
    assert "X-RateLimit-Remaining" in api["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/visits/",
        HTTP_ORIGIN="https://elsewhere.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 200
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    page = client.get("/visits/", HTTP_ORIGIN="https://elsewhere.example")
    assert "Access-Control-Allow-Origin" not in page


def test_public_json_and_html_are_compressed():
    VisitFactory.create_batch(5)
    client = APIClient()
    api = client.get("/api/v1/visits/", HTTP_ACCEPT_ENCODING="gzip")
    assert api["Content-Encoding"] == "gzip"
    assert b'"results"' in gzip.decompress(api.content)
    page = client.get("/visits/", HTTP_ACCEPT_ENCODING="gzip")
    assert page["Content-Encoding"] == "gzip"


def test_answers_with_a_secret_are_not_compressed(client, editor, scenario):
    # A visit page carries the suggestion form's CSRF token: BREACH could read it from compressed sizes.
    form_page = client.get(scenario.visit.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip")
    assert "csrfmiddlewaretoken" in form_page.content.decode()
    assert "Content-Encoding" not in form_page
    client.force_login(editor)  # a session cookie: an editor's pages stay uncompressed
    signed_in = client.get("/visits/", HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in signed_in


def test_the_cache_is_the_in_process_one_by_default():
    assert caches["default"].__class__.__name__ == "LocMemCache"


def test_a_page_with_a_csrf_token_is_not_compressed_even_when_the_cookie_is_already_set(client, scenario):
    url = scenario.visit.get_absolute_url()
    client.get(url)  # the browser now holds the csrftoken cookie
    again = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert "csrfmiddlewaretoken" in again.content.decode()
    assert "Content-Encoding" not in again
