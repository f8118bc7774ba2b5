"""Throttling: anonymous and token clients get 429 with Retry-After past their rate."""

import pytest

from common.throttling import AnonThrottle as AnonRateThrottle
from common.throttling import UserThrottle as UserRateThrottle

pytestmark = pytest.mark.django_db


def test_anonymous_client_past_its_rate_gets_429_with_retry_after(anon_client, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "rate", "2/minute", raising=False)
    statuses = [anon_client.get("/api/v1/visits/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    response = anon_client.get("/api/v1/visits/")
    assert 0 < int(response["Retry-After"]) <= 60
    assert "throttled" in response.json()["detail"].lower()


def test_token_client_has_its_own_rate(reader_client, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "rate", "1/minute", raising=False)
    monkeypatch.setattr(UserRateThrottle, "rate", "3/minute", raising=False)
    statuses = [reader_client.get("/api/v1/officials/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert reader_client.get("/api/v1/officials/")["Retry-After"]


def test_past_the_limit_every_answer_is_429_and_says_nothing_is_left(anon_client, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "rate", "3/hour", raising=False)
    codes = [anon_client.get("/api/v1/visits/").status_code for _ in range(6)]
    assert codes == [200, 200, 200, 429, 429, 429]
    last = anon_client.get("/api/v1/visits/")
    assert last["X-RateLimit-Remaining"] == "0" and int(last["Retry-After"]) > 0
