"""The "imported (curated source)" state wherever a review state is read: API, schema, admin, filters."""

import pytest

from common.models import ReviewState
from tests.factories import OfficialFactory, VisitFactory

pytestmark = pytest.mark.django_db


def test_the_api_shows_the_state_and_its_schema_names_it(client):
    visit = VisitFactory(review_state=ReviewState.IMPORTED)
    assert client.get(f"/api/v1/visits/{visit.pk}/").json()["review_state"] == "imported"
    listed = client.get("/api/v1/visits/").json()["results"]
    assert [v["review_state"] for v in listed] == ["imported"]
    schema = client.get("/api/schema/?format=json").json()["components"]["schemas"]
    enums = [s["enum"] for s in schema.values() if "imported" in s.get("enum", [])]
    assert enums and all(set(e) >= {"unreviewed", "imported", "accepted", "rejected"} for e in enums)


def test_an_imported_record_is_not_reviewed_by_an_editor(client):
    VisitFactory(review_state=ReviewState.IMPORTED)
    accepted = VisitFactory(review_state=ReviewState.ACCEPTED)
    reviewed = client.get("/api/v1/visits/", {"reviewed": "true"}).json()["results"]
    assert [v["id"] for v in reviewed] == [accepted.pk]
    page = client.get("/visits/", {"reviewed": "true"}).content.decode()
    assert page.count('<li class="vrow') == 1


def test_admin_lists_filter_by_the_new_state(client, admin_user):
    VisitFactory(review_state=ReviewState.IMPORTED)
    OfficialFactory(review_state=ReviewState.IMPORTED)
    client.force_login(admin_user)
    for url in ("/admin/visits/visit/", "/admin/people/official/", "/admin/orgs/organisation/"):
        page = client.get(url).content.decode()
        assert "?review_state__exact=imported" in page, url
    filtered = client.get("/admin/visits/visit/", {"review_state__exact": "imported"})
    assert filtered.context["cl"].result_count == 1


def test_the_visit_page_says_where_the_record_comes_from(client):
    visit = VisitFactory(review_state=ReviewState.IMPORTED)
    page = client.get(visit.get_absolute_url()).content.decode()
    assert "Imported (curated source)" in page and "Reviewed by an editor" not in page
