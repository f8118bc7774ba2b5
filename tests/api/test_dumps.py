"""Full dumps: every resource as CSV (a header row, nothing else) and JSON Lines, in the API's field names."""

import csv
import io
import json

import pytest

from tests.scenario import full_visit

pytestmark = pytest.mark.django_db


def _body(response) -> str:
    return b"".join(response.streaming_content).decode()


def test_the_visits_csv_reads_as_a_plain_table(anon_client):
    visits = [full_visit() for _ in range(3)]
    response = anon_client.get("/api/v1/dumps/visits.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert 'rel="describedby"' in response["Link"]
    rows = list(csv.DictReader(io.StringIO(_body(response))))
    assert [int(r["id"]) for r in rows] == [v.pk for v in visits]
    listed = anon_client.get("/api/v1/visits/").json()["results"][0]
    assert set(rows[0]) == set(listed)  # the API's own field names
    assert json.loads(rows[0]["visitor"])["slug"] == visits[0].visitor.slug


@pytest.mark.parametrize(
    "resource", ["visits", "meetings", "officials", "organisations", "sources", "deletions"]
)
def test_every_resource_dumps_as_json_lines(anon_client, resource):
    full_visit()
    response = anon_client.get(f"/api/v1/dumps/{resource}.jsonl")
    assert response.status_code == 200
    lines = [json.loads(line) for line in _body(response).splitlines()]
    if resource != "deletions":
        assert lines and all("id" in line or "slug" in line for line in lines)


def test_the_dumps_index_gives_each_file_the_citation_and_the_licence(anon_client):
    body = anon_client.get("/api/v1/dumps/").json()
    assert body["dumps"]["visits"]["csv"] == "http://testserver/api/v1/dumps/visits.csv"
    assert body["citation"].startswith("Archive of official visits") and body["licence"]
    assert anon_client.get("/api/v1/dumps/nothing.csv").status_code == 404
    assert anon_client.get("/api/v1/dumps/visits.xls").status_code == 404
