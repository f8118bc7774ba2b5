"""Exports of exactly the filtered timeline, and the Atom feed; each carries a citation and permalink."""

import csv
import datetime
import io
import json

import defusedxml.ElementTree as ET
import pytest

from tests.factories import VisitFactory
from visits.models import Visit

ATOM = "{http://www.w3.org/2005/Atom}"


def body(response) -> str:
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


def test_csv_export_has_citation_header_and_only_the_filtered_rows(client, scenario):
    response = client.get("/visits/export.csv", {"destination": "TJ", "year": "2024"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rest = body(response)
    assert rest.startswith("id,url,")  # a plain table: pandas.read_csv reads it without options
    today = datetime.date.today().isoformat()
    assert response["X-Citation"] == (
        f"Archive of official visits, http://testserver/visits/?destination=TJ&year=2024, retrieved {today}"
    )
    assert response["Link"] == '<http://testserver/visits/?destination=TJ&year=2024>; rel="cite-as"'
    rows = list(csv.DictReader(io.StringIO(rest)))
    assert [r["id"] for r in rows] == [str(scenario.visit.pk)]
    row = rows[0]
    assert (row["visitor"], row["origin_country"], row["destination_country"]) == (
        scenario.visit.visitor.slug,
        "AZ",
        "TJ",
    )
    assert set(Visit.content_fields()) - {"organisations"} <= set(row)  # every field an editor enters
    assert row["url"] == f"http://testserver/visits/{scenario.visit.pk}/"
    assert row["meeting_count"] == "1"


def test_csv_cells_that_look_like_formulas_are_neutralised(client, db):
    VisitFactory(purpose='=HYPERLINK("http://evil")')
    text = body(client.get("/visits/export.csv"))
    assert "'=HYPERLINK" in text


def test_json_export_lists_the_filtered_visits_with_citation(client, scenario):
    data = json.loads(body(client.get("/visits/export.json", {"country": "TJ"})))
    assert data["permalink"] == "http://testserver/visits/?country=TJ"
    assert data["citation"].startswith("Archive of official visits, http://testserver/visits/?country=TJ")
    assert {r["id"] for r in data["results"]} == {scenario.visit.pk, scenario.older.pk}


def test_ics_export_has_one_all_day_event_per_visit(client, scenario):
    text = body(client.get("/visits/export.ics", {"origin": "AZ"}))
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 2
    assert "DTSTART;VALUE=DATE:20240518\r\nDTEND;VALUE=DATE:20240521" in text
    assert "STATUS:TENTATIVE" in text  # the planned visit
    assert "URL:http://testserver/visits/?origin=AZ" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_feed_is_valid_atom_with_new_and_upcoming_visits(client, scenario):
    response = client.get("/feeds/visits/", {"origin": "AZ"})
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert "Archive of official visits, http://testserver/visits/?origin=AZ" in root.findtext(
        f"{ATOM}subtitle"
    )
    titles = [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")]
    assert titles[0].startswith("Kamran Aliyev (AZ) in Astana, Kazakhstan, 2031-09-01 (planned)")
    assert len(titles) == 2


@pytest.mark.parametrize(
    "url", ["/visits/export.csv", "/visits/export.json", "/visits/export.ics", "/feeds/visits/"]
)
def test_exports_refuse_invalid_filters_with_a_message(client, scenario, url):
    response = client.get(url, {"date_before": "2024-13-40"})
    assert response.status_code == 400
    assert "To date: Enter a valid date." in response.content.decode()
