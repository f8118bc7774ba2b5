"""The Content-Security-Policy header of the archive's own pages (Django 5.2 has none built in)."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

# Admin and the API's browsable docs ship their own inline scripts and styles; the policy is ours.
EXEMPT_PREFIXES = ("/admin/", "/api/")


class ContentSecurityPolicyMiddleware:
    """Adds settings.CONTENT_SECURITY_POLICY to HTML pages outside admin and the API docs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")
        html = response.get("Content-Type", "").startswith("text/html")
        if policy and html and not request.path.startswith(EXEMPT_PREFIXES):
            response.headers.setdefault("Content-Security-Policy", policy)
        return response
