"""Compression of HTML and JSON answers, except where it could leak a secret (BREACH).

BREACH recovers a secret from the size of compressed answers that reflect attacker-chosen text next to
it. So an answer is compressed only when it carries no secret: no CSRF token was put in it, it sets no
cookie, and the request carried no session (a signed-in editor's pages are never compressed). Public
pages, exports and the API read anonymously or with a token (sent in a header, never reflected) are.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware


class SafeGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware, skipped for answers with a CSRF token, a cookie or a session behind them."""

    def process_response(self, request, response):
        # Django 5 marks a request whose page carries a CSRF token with CSRF_COOKIE_NEEDS_UPDATE.
        if (
            request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            or request.META.get("CSRF_COOKIE_USED")
            or response.cookies
        ):
            return response
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return response
        return super().process_response(request, response)
