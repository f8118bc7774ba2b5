"""Cached answers for anonymous reads, in the shared cache, never stale after a write.

An answer is stored under sha256(scheme, host, full path with query, Accept, data version)
(common/versioning.py): every write moves the data version on, so the next request looks up a key no
earlier answer was stored under. Nothing needs forgetting; old entries expire (RESPONSE_CACHE_SECONDS).

What is cached: an anonymous (no session or messages cookie, no Authorization header) GET or HEAD whose
answer is a 200, sets no cookie and used no CSRF token; a streamed answer (an export) is kept as it
goes out when it ends within RESPONSE_CACHE_MAX_BYTES. Pages and exports are cached by
`ResponseCacheMiddleware`; the API by `CachedReadMixin` inside the view, after authentication and the
throttle, so every API request still counts against its client's limit and gets fresh X-RateLimit headers.

Headers: a cacheable answer (stored or served from the store) gets `Cache-Control: public,
max-age=RESPONSE_CACHE_MAX_AGE` and `Vary: Cookie, Authorization` (a signed-in reader's answer differs).
Any other page that has no Cache-Control of its own gets `private, no-cache`: no shared cache keeps it,
and the reader's browser asks again each time, with the ETag, so an editor never sees their own page
from before their edit. ETags come from ConditionalGetMiddleware (outside this one), on hits as well,
so a reader revalidating gets its 304. The middleware is the innermost one, so the headers and cookies
the outer ones add (CSP, X-Frame-Options, CORS, gzip) are made afresh for a hit.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterator
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from common.versioning import bumps_at_request_end, data_version

log = logging.getLogger(__name__)

# Not cached by the middleware: the API caches itself (after its throttle), editors' pages are never public.
SKIPPED_PREFIXES = ("/api/", "/admin/", "/accounts/", "/static/", "/media/")


def enabled() -> bool:
    return settings.RESPONSE_CACHE_SECONDS > 0


def anonymous(request: HttpRequest) -> bool:
    """No session, no pending messages, no credentials: the answer is the same for every such reader."""
    cookies = request.COOKIES
    return not (
        settings.SESSION_COOKIE_NAME in cookies
        or "messages" in cookies
        or "HTTP_AUTHORIZATION" in request.META
    )


def cache_key(request: HttpRequest, scope: str) -> str:
    """The key of this request's answer under the current data version."""
    parts = (
        scope,
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        request.META.get("HTTP_ACCEPT", ""),
        str(data_version()),
    )
    return "answer:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def storable(request: HttpRequest, response: HttpResponse) -> bool:
    """A 200 that is the same for every anonymous reader: no cookie, no CSRF token in it."""
    return (
        response.status_code == 200
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a CSRF token was put in it
        and not request.META.get("CSRF_COOKIE_USED")
        and not response.has_header("Set-Cookie")
        and "no-store" not in response.get("Cache-Control", "")
        and "private" not in response.get("Cache-Control", "")
    )


def lookup(request: HttpRequest, scope: str) -> tuple[str | None, tuple | None]:
    """This request's key and stored answer; (None, None) when the cache does not answer (then no caching)."""
    try:
        key = cache_key(request, scope)
        return key, cache.get(key)
    except Exception:  # the cache is an accelerator: without it pages are slower, never broken
        log.warning("Response cache: the cache did not answer", exc_info=True)
        return None, None


def _keep(key: str, entry: tuple) -> None:
    try:
        cache.set(key, entry, settings.RESPONSE_CACHE_SECONDS)
    except Exception:
        log.warning("Response cache: the cache did not take an answer", exc_info=True)


def store(key: str, response: HttpResponse, extra: Any = None) -> None:
    # The view's own headers (a record's ETag, Link, Content-Disposition...): this runs inside the other
    # middleware, so CORS, rate limits, CSP, cookies and the page's ETag are made afresh on a hit.
    headers = list(response.headers.items())
    _keep(key, (response.content, headers, extra))


def store_when_streamed(key: str, response: StreamingHttpResponse) -> None:
    """A streamed answer (an export) is kept as it goes out, if it ends within RESPONSE_CACHE_MAX_BYTES."""
    headers = list(response.headers.items())  # the view's, before the outer middleware add theirs
    limit = settings.RESPONSE_CACHE_MAX_BYTES

    def tee(chunks: Iterator[bytes]) -> Iterator[bytes]:
        kept: list[bytes] | None = []
        size = 0
        for chunk in chunks:
            if kept is not None:
                size += len(chunk)
                if size <= limit:
                    kept.append(chunk)
                else:
                    kept = None
            yield chunk
        if kept is not None:
            _keep(key, (b"".join(kept), headers, None))

    response.streaming_content = tee(iter(response.streaming_content))


def restore(entry: tuple) -> tuple[HttpResponse, Any]:
    content, headers, extra = entry
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response, extra


def mark_public(response: HttpResponse) -> None:
    patch_cache_control(response, public=True, max_age=settings.RESPONSE_CACHE_MAX_AGE)
    patch_vary_headers(response, ("Cookie", "Authorization"))


def mark_private(response: HttpResponse) -> None:
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_cache=True)


class ResponseCacheMiddleware:
    """Pages and exports: serve an anonymous GET from the store, or store its answer (see the module)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with bumps_at_request_end():
            return self.answer(request)

    def answer(self, request: HttpRequest) -> HttpResponse:
        if not enabled():
            return self.get_response(request)
        eligible = (
            request.method in ("GET", "HEAD")
            and not request.path.startswith(SKIPPED_PREFIXES)
            and anonymous(request)
        )
        if not eligible:
            response = self.get_response(request)
            if not request.path.startswith("/api/"):
                mark_private(response)
            return response
        key, entry = lookup(request, "page")
        if entry is not None:
            response, _ = restore(entry)
            mark_public(response)
            return response
        response = self.get_response(request)
        if key is not None and storable(request, response):
            if response.streaming:
                store_when_streamed(key, response)
            else:
                store(key, response)
            mark_public(response)
        else:
            mark_private(response)
        return response


class CachedReadMixin:
    """DRF: list and retrieve answered from the store for anonymous readers, after the throttle ran.

    The rendered bytes are stored (only JSON: the browsable API's forms carry a CSRF token), so a hit
    costs no query, no serialiser and no renderer.
    """

    cached_formats = ("json",)
    _answer_key: str | None = None

    def cached_answer(self, request: Any, produce: Callable[[], Any]) -> Any:
        if not (enabled() and request.method in ("GET", "HEAD") and not request.user.is_authenticated):
            return produce()
        if "HTTP_AUTHORIZATION" in request.META:
            return produce()
        key, entry = lookup(request._request, "api")
        if entry is not None:
            response, last_modified = restore(entry)
            self.last_modified = last_modified
            mark_public(response)
            return response
        self._answer_key = key
        return produce()

    def finalize_response(self, request: Any, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        key, self._answer_key = self._answer_key, None
        if key is None:
            return response
        renderer = getattr(response, "accepted_renderer", None)
        if renderer is not None and renderer.format in self.cached_formats:
            response.render()
            if storable(request._request, response):
                store(key, response, self.last_modified)
                mark_public(response)
        return response
