"""common.cache.RedisCache: Django's Redis cache with kept clients and a one-round-trip counter."""

import os

import pytest
from django.core.cache import caches

from common.cache import RedisCache
from tests.conftest import in_ci

pytestmark = pytest.mark.services


@pytest.fixture
def location() -> str:
    broker = os.environ.get("CELERY_BROKER_URL", "")
    if not broker.startswith("redis://"):
        if in_ci():
            pytest.fail("CI must provide Redis (CELERY_BROKER_URL)")
        pytest.skip("needs Redis; .ci/run provides it")
    return broker.rsplit("/", 1)[0] + "/13"


def _disconnect(*backends: RedisCache) -> None:
    for backend in backends:
        for pool in backend._cache._pools.values():
            pool.disconnect()


def test_two_processes_count_into_one_counter_that_expires_from_its_first_count(location):
    one, two = RedisCache(location, {}), RedisCache(location, {})
    key = "rl:test:count"
    one.delete(key)
    assert [one.count(key, 60), two.count(key, 60), one.count(key, 60)] == [1, 2, 3]
    client = one._cache.get_client(write=True)
    real_key = one.make_and_validate_key(key)
    assert 0 < client.ttl(real_key) <= 60
    client.expire(real_key, 5)
    one.count(key, 60)  # a later count leaves the first count's expiry alone
    assert client.ttl(real_key) <= 5
    assert one.get(key) == 4  # and Django's own reads see the counter
    one.delete(key)
    _disconnect(one, two)


def test_one_client_object_per_pool(location):
    cache = RedisCache(location, {})
    assert cache._cache.get_client("a") is cache._cache.get_client("b")
    cache.set("k", {"x": 1}, 10)
    assert cache.get("k") == {"x": 1}
    cache.delete("k")
    _disconnect(cache)


def test_the_api_rate_limit_counts_in_redis(location, settings, client, db):
    settings.CACHES = {"default": {"BACKEND": "common.cache.RedisCache", "LOCATION": location}}
    caches["default"].clear()
    try:
        first = client.get("/api/v1/visits/")
        second = client.get("/api/v1/visits/")
        assert first.status_code == second.status_code == 200
        assert int(first["X-RateLimit-Remaining"]) - int(second["X-RateLimit-Remaining"]) == 1
    finally:
        caches["default"].clear()
        _disconnect(caches["default"])
