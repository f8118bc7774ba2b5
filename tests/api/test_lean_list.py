"""Lean lists give exactly what they stand in for: the API list DRF's JSON, the timeline the row partial."""

import datetime
import json

import pytest
from django.template.loader import get_template
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from tests.factories import OrganisationFactory, VisitFactory
from tests.scenario import add_lived_in, build_scenario, full_visit
from visits.lean import LeanVisitListSerializer, visit_row_html
from visits.models import Visit
from visits.serializers import VisitListSerializer

pytestmark = pytest.mark.django_db


def _archive() -> None:
    add_lived_in(build_scenario())
    full_visit(destination_city="Dushanbe", purpose="Talks — «énergie»", edited_fields=["purpose"])
    VisitFactory(visitor=None, visitor_name="Someone Unresolved", start_date=None, origin_country="")
    VisitFactory(
        start_date=datetime.date(2020, 5, 1), start_precision="month", end_date=datetime.date(2020, 5, 31)
    ).organisations.add(OrganisationFactory(acronym="", country=""))


def _rendered(serializer_class: type, rows: list[Visit], request: Request) -> list[str]:
    data = serializer_class(rows, many=True, context={"request": request, "expand_meetings": False}).data
    return [json.dumps(row) for row in json.loads(JSONRenderer().render(data))]


def test_lean_rows_are_the_drf_rows_byte_for_byte():
    _archive()
    rows = list(Visit.objects.timeline().with_source_links())
    request = Request(APIRequestFactory().get("/api/v1/visits/"))
    lean = _rendered(LeanVisitListSerializer, rows, request)
    drf = _rendered(VisitListSerializer, rows, request)
    assert len(lean) == len(rows) > 5
    assert lean == drf


def test_the_api_list_serves_the_lean_rows_and_expand_the_full_ones(client):
    _archive()
    rows = {r.pk: r for r in Visit.objects.timeline().with_source_links()}
    request = Request(APIRequestFactory().get("/api/v1/visits/"))
    listed = client.get("/api/v1/visits/").json()["results"]
    expected = VisitListSerializer(
        [rows[r["id"]] for r in listed], many=True, context={"request": request, "expand_meetings": False}
    ).data
    assert json.dumps(listed) == json.dumps(json.loads(JSONRenderer().render(expected)))
    expanded = client.get("/api/v1/visits/?expand=meetings").json()["results"]
    assert all("meetings" in row for row in expanded)


def test_timeline_rows_are_the_row_partial_byte_for_byte():
    _archive()
    VisitFactory(status="planned", visitor_title="Minister <of> Things & Stuff", destination_city="Ko'ln")
    VisitFactory(status="cancelled", destination_country="XK", origin_country="")
    rows = list(Visit.objects.timeline())
    assert len(rows) > 5
    partial = get_template("_visit_row.html")
    for visit in rows:
        assert visit_row_html(visit) == partial.render({"visit": visit})


def test_the_timeline_shows_the_lean_rows(client):
    _archive()
    page = client.get("/visits/").content.decode()
    partial = get_template("_visit_row.html")
    for visit in Visit.objects.timeline():
        assert partial.render({"visit": visit}) in page


def test_lean_rows_read_plain_values_with_the_related_rows_a_listed_visit_shows():
    from types import SimpleNamespace

    from visits.lean import lean_rows

    _archive()
    rows = {row.pk: row for row in lean_rows(Visit.objects.timeline())}
    for visit in Visit.objects.timeline():
        row = rows[visit.pk]
        assert isinstance(row, SimpleNamespace)
        assert (row.start_date, row.meeting_count, row.visitor_name) == (
            visit.start_date,
            visit.meeting_count,
            visit.visitor_name,
        )
        assert (row.visitor and row.visitor.slug) == (visit.visitor and visit.visitor.slug)
        post = visit.visitor_position
        assert (row.visitor_position and row.visitor_position.title) == (post and post.title)
        if post is not None:
            org = post.organisation
            assert (row.visitor_position.organisation and row.visitor_position.organisation.slug) == (
                org and org.slug
            )
    assert any(row.visitor is None for row in rows.values())
    assert any(row.visitor_position is not None for row in rows.values())
