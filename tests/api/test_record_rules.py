"""Rules the schema states and rules it cannot, as the server answers them.

- A name (an official's, an alias) needs a letter or digit of some script: the schema's pattern says so in
  ECMA-262 with Unicode property escapes, and the server accepts exactly that (schemathesis found aliases the
  schema allowed and the server refused).
- A rule between a record's own fields, or its place among its parents, cannot be written in JSON Schema:
  a visit ending before it starts, an organisation under itself. Such input is well-formed, so it is not a
  400 (400 means "does not fit the schema"); nor a 409 (no other record is in the way); it is a 422 in the
  same error shape, documented on the operations it can happen on, and nothing is written.
"""

import json

import jsonschema_rs
import pytest
from drf_spectacular.generators import SchemaGenerator

from orgs.models import Organisation
from tests.factories import OfficialFactory, OrganisationFactory, VisitFactory
from visits.models import Visit

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def send(client, method, url, data):
    return getattr(client, method)(url, json.dumps(data), content_type="application/json")


def official_input(schema: dict) -> dict:
    return schema["components"]["schemas"]["OfficialInputRequest"]["properties"]


# Letters and digits of any script, a title alone, a letter the match key drops: names, as the pattern says.
NAMES = ["Lech Wałęsa", "日本 太郎", "Сергей", "٣", "Mr", "ɂ", "Ｈ.Ｅ.", " x "]
# Nothing but spaces, punctuation, symbols or a lone combining mark: not names, as the pattern says.
NOT_NAMES = ["!!", "—", "€ $", "\u093e", "\u3000", "...", "a\x00"]


@pytest.mark.parametrize("name", NAMES)
def test_a_name_with_a_letter_or_digit_is_accepted_as_the_schema_says(editor_client, schema, name):
    assert jsonschema_rs.validator_for(official_input(schema)["name"]).is_valid(name)
    response = send(editor_client, "post", "/api/v1/officials/", {"name": name, "aliases": [name]})
    assert response.status_code == 201, response.json()
    assert response.json()["name"] == name.strip()
    assert response.json()["aliases"] == [name.strip()]


@pytest.mark.parametrize("name", NOT_NAMES)
def test_a_name_without_one_is_refused_as_the_schema_says(editor_client, schema, name):
    assert not jsonschema_rs.validator_for(official_input(schema)["name"]).is_valid(name)
    assert not jsonschema_rs.validator_for(official_input(schema)["aliases"]["items"]).is_valid(name)
    response = send(editor_client, "post", "/api/v1/officials/", {"name": name})
    assert response.status_code == 400
    assert list(response.json()) == ["name"]
    official = OfficialFactory()
    response = send(editor_client, "patch", f"/api/v1/officials/{official.slug}/", {"aliases": ["Ada", name]})
    assert response.status_code == 400
    assert list(response.json()) == ["aliases"]
    assert not official.aliases.exists()


def test_aliases_that_are_one_spelling_are_kept_once(editor_client):
    response = send(
        editor_client,
        "post",
        "/api/v1/officials/",
        {"name": "Lech Wałęsa", "aliases": ["Walesa", "WAŁĘSA", "Mr", "Dr"]},
    )
    assert response.status_code == 201
    # "Mr" and "Dr" are titles to matching (one empty key): the first is kept, as for any two spellings.
    assert sorted(response.json()["aliases"]) == ["Mr", "Walesa"]


def test_a_visit_ending_before_it_starts_is_422_as_sent_or_against_the_stored_start(editor_client):
    response = send(
        editor_client,
        "post",
        "/api/v1/visits/",
        {"destination_country": "TJ", "start_date": "2024-05-18", "end_date": "2024-05-01"},
    )
    assert response.status_code == 422
    assert response.json() == {"non_field_errors": ["A visit cannot end before it starts."]}
    assert not Visit.objects.exists()
    visit = VisitFactory(start_date="2024-05-18", end_date=None)
    response = send(editor_client, "patch", f"/api/v1/visits/{visit.pk}/", {"end_date": "2024-05-01"})
    assert response.status_code == 422
    visit.refresh_from_db()
    assert visit.end_date is None
    # The same day, or no end, is a visit.
    assert (
        send(editor_client, "patch", f"/api/v1/visits/{visit.pk}/", {"end_date": "2024-05-18"}).status_code
        == 200
    )


def test_a_malformed_value_beside_a_broken_rule_is_a_400(editor_client):
    visit = VisitFactory(start_date="2024-05-18")
    response = send(
        editor_client, "patch", f"/api/v1/visits/{visit.pk}/", {"end_date": "2024-05-01", "kind": "x"}
    )
    assert response.status_code == 400
    assert "kind" in response.json()


def test_an_organisation_under_itself_is_422_directly_or_through_its_units(editor_client):
    top = OrganisationFactory()
    unit = OrganisationFactory(parent=top)
    for parent in (top.slug, unit.slug):
        response = send(editor_client, "patch", f"/api/v1/organisations/{top.slug}/", {"parent": parent})
        assert response.status_code == 422, parent
        assert list(response.json()) == ["parent"]
    top.refresh_from_db()
    assert top.parent is None
    # Under another body, it is a move.
    other = OrganisationFactory()
    response = send(editor_client, "patch", f"/api/v1/organisations/{top.slug}/", {"parent": other.slug})
    assert response.status_code == 200


def test_a_wikidata_id_another_organisation_has_is_a_409(editor_client):
    OrganisationFactory(wikidata_id="Q458")
    response = send(
        editor_client, "post", "/api/v1/organisations/", {"name": "European Union", "wikidata_id": "Q458"}
    )
    assert response.status_code == 409, response.json()
    assert Organisation.objects.filter(wikidata_id="Q458").count() == 1


def test_the_schema_documents_the_422_where_a_rule_can_break(schema):
    paths = schema["paths"]
    for path, needle in (
        ("/api/v1/visits/", "end before it starts"),
        ("/api/v1/organisations/", "under itself"),
    ):
        detail = path + ("{id}/" if "visits" in path else "{slug}/")
        for url, method in ((path, "post"), (detail, "put"), (detail, "patch")):
            answer = paths[url][method]["responses"]["422"]
            assert needle in answer["description"], (url, method)
            assert answer["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
    # Officials and meetings have no such rule: no 422 is promised there.
    assert "422" not in paths["/api/v1/officials/"]["post"]["responses"]
    assert "422" not in paths["/api/v1/meetings/"]["post"]["responses"]
