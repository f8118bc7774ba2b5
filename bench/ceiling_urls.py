"""The ceiling of the stack: one plain Django view behind the project's full middleware, no database."""

from django.http import HttpRequest, HttpResponse
from django.urls import path


def ceiling(request: HttpRequest) -> HttpResponse:
    """A fixed small response: what gunicorn + Django cost before any query or template."""
    return HttpResponse(b"ok\n", content_type="text/plain")


urlpatterns = [path("__ceiling__", ceiling)]
