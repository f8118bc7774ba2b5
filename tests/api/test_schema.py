"""The OpenAPI schema: served, self-describing, and honoured by the live app (schemathesis)."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from common.countries import KNOWN_CODES
from common.throttling import AnonThrottle as AnonRateThrottle
from common.throttling import UserThrottle as UserRateThrottle
from config.wsgi import application
from tests.factories import EvidenceFactory, MeetingFactory, ParticipantFactory, VisitFactory

SCHEMA_URL = "/api/schema/?format=json"


@pytest.mark.django_db
def test_schema_is_served_and_every_field_is_described(anon_client):
    response = anon_client.get(SCHEMA_URL)
    assert response.status_code == 200
    schema = response.json()
    undescribed = []
    for name, component in schema["components"]["schemas"].items():
        for field, spec in component.get("properties", {}).items():
            if not spec.get("description"):
                undescribed.append(f"{name}.{field}")
    assert undescribed == [], undescribed
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                assert parameter.get("description"), f"{method} {path} {parameter['name']}"


@pytest.mark.django_db
def test_docs_page_serves_its_assets_locally(anon_client):
    response = anon_client.get("/api/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in page
    assert "cdn" not in page.lower()


@pytest.fixture
def _live_app(wsgi_in_test_transaction, monkeypatch):
    """The WSGI app inside the test transaction, without throttling getting in the way."""
    monkeypatch.setattr(AnonRateThrottle, "rate", "100000/hour", raising=False)
    monkeypatch.setattr(UserRateThrottle, "rate", "100000/hour", raising=False)
    visit = VisitFactory()
    ParticipantFactory(meeting=MeetingFactory(visit=visit))
    EvidenceFactory(visit=visit)


# Loaded once at collection; building the schema needs no database.
schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, application)
# The coverage phase sends hundreds of boundary cases per operation; the bounded fuzzing run is enough here.
schema.config.phases.coverage.enabled = False
# Whether a slug, an id or an external id exists is the database's to say, not the schema's: a
# schema-valid `official=some-slug` for no such official is rightly a 400. Every other check runs.
EXCLUDED = [positive_data_acceptance]
PLAIN = {"Accept-Encoding": "identity"}
EXAMPLES = settings(
    max_examples=10, deadline=None, database=None, suppress_health_check=list(HealthCheck), derandomize=True
)


def excluded_checks(case) -> list:
    """The checks that do not apply to this case."""
    # The API is lenient where the HTML pages' forms need it: an empty filter value means "no filter",
    # and a country code may be lower case. The schema types what a client sends (a year is an integer,
    # a country one of CountryEnum), so those are accepted although the schema does not list them.
    values = [*(case.query or {}).values(), *(case.path_parameters or {}).values()]
    if any(value == "" or (isinstance(value, str) and value.upper() in KNOWN_CODES) for value in values):
        return [*EXCLUDED, negative_data_rejection]
    return EXCLUDED


@schema.parametrize()
@EXAMPLES
def test_api_honours_its_schema_for_anonymous_clients(case, _live_app):
    """No 500, no response outside the schema, and no write accepted without a token."""
    # In-process WSGI calls get the bytes as sent: ask for them uncompressed (HTTP clients decode gzip).
    response = case.call_and_validate(headers=PLAIN, excluded_checks=excluded_checks(case))
    if case.method.upper() not in ("GET", "HEAD", "OPTIONS"):
        assert response.status_code in (400, 401, 404, 405, 413, 415), response.text[:300]


@schema.parametrize()
@EXAMPLES
def test_api_honours_its_schema_for_editors(case, _live_app, editor):
    token, _ = Token.objects.get_or_create(user=editor)
    headers = {**PLAIN, "Authorization": f"Token {token.key}"}
    case.call_and_validate(headers=headers, excluded_checks=excluded_checks(case))
