"""API writes and concurrency: a write starts from the newest version; If-Match guards a stale read."""

import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from tests.api.conftest import token_client
from tests.factories import OrganisationFactory, VisitFactory
from visits.models import Visit

# Eight fields eight clients change at once, and the value each sets.
CHANGES = {
    "visitor_title": "Minister of Justice",
    "delegation": "Two deputies",
    "destination_city": "Khujand",
    "purpose": "Talks on transit",
    "summary": "A two-day visit.",
    "kind": "official",
    "status": "cancelled",
    "origin_country": "KZ",
}


@pytest.mark.django_db
def test_a_read_gives_an_etag_and_a_write_with_it_succeeds(editor_client):
    visit = VisitFactory()
    read = editor_client.get(f"/api/v1/visits/{visit.pk}/")
    etag = read["ETag"]
    assert etag.startswith('"v')
    response = editor_client.patch(
        f"/api/v1/visits/{visit.pk}/", {"purpose": "Talks"}, format="json", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 200, response.json()
    assert response["ETag"] != etag
    assert Visit.objects.get(pk=visit.pk).purpose == "Talks"


@pytest.mark.django_db
def test_a_write_with_a_stale_etag_answers_412_and_changes_nothing(editor_client):
    visit = VisitFactory(purpose="Old")
    stale = editor_client.get(f"/api/v1/visits/{visit.pk}/")["ETag"]
    assert (
        editor_client.patch(f"/api/v1/visits/{visit.pk}/", {"purpose": "First"}, format="json").status_code
        == 200
    )
    response = editor_client.patch(
        f"/api/v1/visits/{visit.pk}/", {"purpose": "Second"}, format="json", HTTP_IF_MATCH=stale
    )
    assert response.status_code == 412
    assert "changed since you read it" in response.json()["detail"]
    assert Visit.objects.get(pk=visit.pk).purpose == "First"
    assert editor_client.delete(f"/api/v1/visits/{visit.pk}/", HTTP_IF_MATCH=stale).status_code == 412
    assert Visit.objects.filter(pk=visit.pk).exists()


@pytest.mark.django_db
def test_if_match_star_and_absent_are_accepted_unless_required(editor_client, settings):
    visit = VisitFactory()
    url = f"/api/v1/visits/{visit.pk}/"
    assert editor_client.patch(url, {"purpose": "A"}, format="json", HTTP_IF_MATCH="*").status_code == 200
    assert editor_client.patch(url, {"purpose": "B"}, format="json").status_code == 200
    settings.API_REQUIRE_IF_MATCH = True
    response = editor_client.patch(url, {"purpose": "C"}, format="json")
    assert response.status_code == 428
    assert "If-Match" in response.json()["detail"]
    etag = editor_client.get(url)["ETag"]
    assert editor_client.patch(url, {"purpose": "C"}, format="json", HTTP_IF_MATCH=etag).status_code == 200


@pytest.mark.django_db
def test_the_etag_changes_when_an_organisation_is_renamed(editor_client):
    org = OrganisationFactory()
    before = editor_client.get(f"/api/v1/organisations/{org.slug}/")["ETag"]
    editor_client.patch(f"/api/v1/organisations/{org.slug}/", {"name": "Renamed body"}, format="json")
    after = editor_client.get(f"/api/v1/organisations/{org.slug}/")["ETag"]
    assert before != after


@pytest.mark.django_db(transaction=True)
def test_eight_concurrent_patches_of_different_fields_all_survive(editor):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (SQLite runs one writer at a time anyway)")
    visit = VisitFactory(visitor_title="", delegation="", purpose="", summary="", kind="working")
    first = token_client(editor)
    clients = [first] + [APIClient() for _ in range(len(CHANGES) - 1)]
    for client in clients[1:]:
        client.credentials(HTTP_AUTHORIZATION=first._credentials["HTTP_AUTHORIZATION"])
    start = threading.Barrier(len(CHANGES))
    codes: list[int] = []

    def patch(client, field: str, value: str) -> None:
        start.wait()
        try:
            codes.append(
                client.patch(f"/api/v1/visits/{visit.pk}/", {field: value}, format="json").status_code
            )
        finally:
            connection.close()

    threads = [
        threading.Thread(target=patch, args=(client, field, value))
        for client, (field, value) in zip(clients, CHANGES.items(), strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert codes == [200] * len(CHANGES)
    visit.refresh_from_db()
    assert {field: str(getattr(visit, field)) for field in CHANGES} == CHANGES
    assert set(CHANGES) <= set(visit.edited_fields)
