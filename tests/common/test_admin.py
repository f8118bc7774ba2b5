"""Admin saves: a save over someone else's newer change is refused with a message; editor marks kept."""

import re

import pytest

from orgs.models import Organisation
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def change_url(org: Organisation) -> str:
    return f"/admin/orgs/organisation/{org.pk}/change/"


def opened_version(client, org: Organisation) -> str:
    page = client.get(change_url(org)).content.decode()
    match = re.search(r'name="record_version" value="([^"]+)"', page)
    assert match, "the change form carries the version it was opened at"
    return match.group(1)


def form_data(org: Organisation, **changes: str) -> dict:
    data = {
        "name": org.name,
        "acronym": org.acronym,
        "slug": org.slug,
        "kind": org.kind,
        "country": org.country.code or "",
        "parent": "",
        "aliases": "[]",
        "wikidata_id": org.wikidata_id,
        "review_state": org.review_state,
    }
    return {**data, **changes}


def test_a_save_after_someone_elses_change_is_refused_with_a_message(client, editor):
    client.force_login(editor)
    org = OrganisationFactory(name="Ministry of Justice")
    version = opened_version(client, org)
    # Meanwhile another editor saves the record.
    other = Organisation.objects.get(pk=org.pk)
    other.acronym = "MoJ"
    other.save()

    response = client.post(change_url(org), form_data(org, name="Ministry of Law", record_version=version))
    assert response.status_code == 200
    assert "Someone else saved this record after you opened it" in response.content.decode()
    org.refresh_from_db()
    assert (org.name, org.acronym) == ("Ministry of Justice", "MoJ")


def test_a_save_from_the_newest_version_goes_through_and_marks_only_real_fields(client, editor):
    client.force_login(editor)
    org = OrganisationFactory(name="Ministry of Justice")
    version = opened_version(client, org)
    response = client.post(change_url(org), form_data(org, name="Ministry of Law", record_version=version))
    assert response.status_code == 302, response.content.decode()[:2000]
    org.refresh_from_db()
    assert org.name == "Ministry of Law"
    assert "record_version" not in org.edited_fields and "name" in org.edited_fields


def test_a_parent_loop_is_refused_in_admin(client, editor):
    client.force_login(editor)
    top = OrganisationFactory()
    child = OrganisationFactory(parent=top)
    version = opened_version(client, top)
    response = client.post(change_url(top), form_data(top, parent=str(child.pk), record_version=version))
    assert response.status_code == 200
    assert "cannot be its own parent or ancestor" in response.content.decode()
