"""API rate limits counted in the shared cache, with `X-RateLimit-*` headers on every API answer.

A fixed window per client and scope, counted with the cache's atomic `incr`: with `CACHE_URL` pointing at
Redis every web process counts into one number, so a client gets its limit once however many workers
answer it (the in-process default cache counts per process, which is fine for one process). The headers
follow the common `X-RateLimit-Limit / -Remaining / -Reset` convention (Reset in seconds from now); a 429
carries `Retry-After` as well.
"""

import time
from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from rest_framework.throttling import SimpleRateThrottle


def _count(counter: str, timeout: int) -> int:
    """One more request in a window: one round trip on Redis (common/cache.py), add and incr elsewhere."""
    if hasattr(cache, "count"):
        return cache.count(counter, timeout)
    cache.add(counter, 0, timeout)
    try:
        return cache.incr(counter)
    except ValueError:  # expired between add and incr
        cache.set(counter, 1, timeout)
        return 1


class WindowThrottle(SimpleRateThrottle):
    """A fixed-window counter: `rate` requests per window, counted atomically in the shared cache."""

    scope = "anon"

    def get_cache_key(self, request, view) -> str | None:
        if request.user and request.user.is_authenticated:
            return None  # the user scope counts them
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        now = time.time()
        window = int(now // self.duration)
        count = _count(f"{key}:{window}", self.duration + 1)
        reset = int((window + 1) * self.duration - now) + 1
        self.wait_seconds = reset
        # The strictest limit a request meets is the one its answer reports.
        state = (self.num_requests, max(0, self.num_requests - count), reset)
        previous = getattr(request._request, "rate_limit", None)
        if previous is None or state[1] < previous[1]:
            request._request.rate_limit = state
        return count <= self.num_requests

    def wait(self) -> float | None:
        return getattr(self, "wait_seconds", None)


class AnonThrottle(WindowThrottle):
    """Anonymous clients, by address."""

    scope = "anon"


class UserThrottle(WindowThrottle):
    """Signed-in clients (a token or a session), by user."""

    scope = "user"

    def get_cache_key(self, request, view) -> str | None:
        if not (request.user and request.user.is_authenticated):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class RateLimitHeaders:
    """Middleware: copy the throttle's count onto the answer as X-RateLimit-Limit / -Remaining / -Reset."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        state = getattr(request, "rate_limit", None)
        if state is not None:
            limit, remaining, reset = state
            response["X-RateLimit-Limit"] = str(limit)
            response["X-RateLimit-Remaining"] = str(remaining)
            response["X-RateLimit-Reset"] = str(reset)
        return response
