"""common.permissions: reads are decided without the view's queryset; writes as DRF decides them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from common.permissions import ModelPermissionsOrAnonReadOnly
from visits.models import Visit


class View:
    calls = 0

    def get_queryset(self):
        View.calls += 1
        return Visit.objects.all()


def _request(method: str) -> Request:
    request = Request(getattr(APIRequestFactory(), method.lower())("/api/v1/visits/"))
    request.user = AnonymousUser()
    return request


@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS"])
def test_anyone_reads_and_the_queryset_is_not_built(method):
    View.calls = 0
    assert ModelPermissionsOrAnonReadOnly().has_permission(_request(method), View())
    assert View.calls == 0


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_an_anonymous_write_is_refused(method):
    assert not ModelPermissionsOrAnonReadOnly().has_permission(_request(method), View())


def test_the_schema_still_says_reads_are_public(client, db):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    list_security = schema["paths"]["/api/v1/visits/"]["get"]["security"]
    assert {} in list_security
    assert {} not in schema["paths"]["/api/v1/visits/"]["post"]["security"]
