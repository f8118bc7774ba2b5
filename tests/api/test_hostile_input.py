"""Hostile parameters and bodies answer a 4xx with a JSON message, never a 500 or an HTML page."""

import json

import pytest

from tests.factories import OfficialFactory, OrganisationFactory, SourceFactory, VisitFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "params", "key"),
    [
        ("/api/v1/visits/", {"page_size": "²"}, "page_size"),
        ("/api/v1/visits/", {"page_size": "٣"}, "page_size"),
        ("/api/v1/visits/", {"cursor": "n.-start_date.1." + "[" * 50_000}, "cursor"),
        ("/api/v1/visits/", {"cursor": "n.-start_date.1.2024-01-01\x00"}, "cursor"),
        ("/api/v1/officials/", {"cursor": "n.name.1.A\x00"}, "cursor"),
        ("/api/v1/visits/", {"cursor": f"n.-start_date.{10**30}."}, "cursor"),
        ("/api/v1/visits/", {"cursor": "n.-start_date.1.2024-13-01"}, "cursor"),
        ("/api/v1/visits/", {"cursor": "n.name.1.Ahmad"}, "cursor"),
        ("/api/v1/visits/", {"cursor": "é" * 10}, "cursor"),
    ],
)
def test_hostile_list_parameters_answer_400_in_json(anon_client, url, params, key):
    VisitFactory()
    response = anon_client.get(url, params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert key in response.json()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/visits/1e400/",
        "/api/v1/visits/99999999999999999999999/",
        "/api/v1/visits/%C2%B2/",
        "/api/v1/visits/-1/",
        "/api/v1/sources/1e400/",
        "/api/v1/officials/a%00b/",
        "/api/v1/organisations/a%00b/",
        "/api/v1/meetings/%00/",
    ],
)
def test_impossible_ids_and_slugs_answer_404_in_json(anon_client, url):
    response = anon_client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_an_impossible_id_in_a_write_answers_404(editor_client):
    response = editor_client.patch("/api/v1/visits/1e400/", {"purpose": "x"}, format="json")
    assert response.status_code == 404


def test_an_organisation_parent_loop_is_refused(editor_client):
    top = OrganisationFactory()
    middle = OrganisationFactory(parent=top)
    bottom = OrganisationFactory(parent=middle)
    response = editor_client.patch(
        f"/api/v1/organisations/{top.slug}/", {"parent": bottom.slug}, format="json"
    )
    assert response.status_code == 422
    assert "own parent or ancestor" in response.json()["parent"][0]
    top.refresh_from_db()
    assert top.parent is None


def test_a_source_never_shows_the_server_folder(anon_client):
    from visits.services import source_create

    source, _ = source_create(text="Some article text.", filename="/srv/app/media/imports/a.zip!x/b.html")
    body = anon_client.get(f"/api/v1/sources/{source.pk}/").json()
    assert body["filename"] == "a.zip!x/b.html"


def test_deeply_nested_json_bodies_answer_400(editor_client):
    official = OfficialFactory()
    body = '{"aliases": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = editor_client.patch(
        f"/api/v1/officials/{official.slug}/", body, content_type="application/json"
    )
    assert response.status_code == 400


def test_source_pages_answer_json_even_for_odd_ids(anon_client):
    SourceFactory()
    assert anon_client.get("/api/v1/sources/0/").status_code == 404


def test_the_database_not_answering_is_a_json_503_with_retry_after(anon_client, monkeypatch):
    from django.db import OperationalError

    from visits.api import VisitViewSet

    def down(self):
        raise OperationalError("connection refused")

    monkeypatch.setattr(VisitViewSet, "get_queryset", down)
    response = anon_client.get("/api/v1/visits/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "not answering" in response.json()["detail"]


def test_an_unexpected_error_is_a_json_500_naming_nothing_of_the_server(anon_client, monkeypatch):
    from visits.api import VisitViewSet

    def broken(self):
        raise RuntimeError("/srv/app/secret/path.py exploded")

    monkeypatch.setattr(VisitViewSet, "get_queryset", broken)
    response = anon_client.get("/api/v1/visits/")
    assert response.status_code == 500
    assert response.json() == {"detail": "Server error."}


def test_a_conflicting_write_names_no_constraint(editor_client):
    OrganisationFactory(wikidata_id="Q458")
    other = OrganisationFactory()
    response = editor_client.patch(
        f"/api/v1/organisations/{other.slug}/", {"wikidata_id": "Q458"}, format="json"
    )
    # Well-formed input that conflicts with another record: 409 (the schema's documented answer).
    assert response.status_code == 409
    text = json.dumps(response.json(), ensure_ascii=False)
    assert "organisation_unique_wikidata_id" not in text and "Constraint" not in text
