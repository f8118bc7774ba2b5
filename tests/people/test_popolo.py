"""Popolo JSON: persons, organizations, memberships with dates, and countries as areas."""

import datetime
import json

import pytest

from people.models import Identifier, OfficialAlias
from tests.factories import OfficialFactory, OrganisationFactory, PositionFactory

pytestmark = pytest.mark.django_db


def test_people_bodies_and_posts_read_as_popolo(client):
    ministry = OrganisationFactory(
        name="Ministry of Foreign Affairs", slug="mfa-az", acronym="MFA", country="AZ"
    )
    official = OfficialFactory(name="Jeyhun Bayramov", slug="jeyhun-bayramov", country="AZ")
    OfficialAlias.objects.create(official=official, name="Ceyhun Bayramov")
    Identifier.objects.create(official=official, scheme="wikidata", value="Q12345")
    PositionFactory(
        official=official,
        title="Minister of Foreign Affairs",
        organisation=ministry,
        country="AZ",
        start_date=datetime.date(2020, 7, 16),
        start_precision="day",
        end_date=None,
    )
    response = client.get("/api/v1/popolo.json")
    assert response.status_code == 200
    data = json.loads(b"".join(response.streaming_content))
    [person] = data["persons"]
    assert person["id"] == "person/jeyhun-bayramov" and person["national_identity"] == "AZ"
    assert person["other_names"] == [{"name": "Ceyhun Bayramov"}]
    assert {"scheme": "wikidata", "identifier": "Q12345"} in person["identifiers"]
    [org] = data["organizations"]
    assert org["id"] == "organization/mfa-az" and org["area_id"] == "country/AZ"
    [membership] = data["memberships"]
    assert membership == {
        "id": membership["id"],
        "person_id": "person/jeyhun-bayramov",
        "role": "Minister of Foreign Affairs",
        "organization_id": "organization/mfa-az",
        "area_id": "country/AZ",
        "start_date": "2020-07-16",
    }
    assert {"id": "country/AZ", "name": "Azerbaijan", "classification": "country"} in data["areas"]
