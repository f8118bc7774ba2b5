"""Coverage by decade: how many visits the archive holds on a country, how well sourced, and the gaps."""

import datetime

import pytest

from summaries.services import rebuild
from tests.factories import EvidenceFactory, SourceFactory, VisitFactory
from visits.coverage import coverage

pytestmark = pytest.mark.django_db
d = datetime.date


def test_counts_per_decade_with_articles_reviews_and_empty_decades(client):
    reported = VisitFactory(origin_country="AZ", destination_country="TJ", start_date=d(1995, 3, 1))
    EvidenceFactory(visit=reported, source=SourceFactory(kind="article"))
    VisitFactory(
        origin_country="TJ", destination_country="AZ", start_date=d(1998, 1, 1), review_state="accepted"
    )
    VisitFactory(origin_country="TJ", destination_country="KZ", start_date=d(2021, 1, 1))
    VisitFactory(origin_country="TJ", destination_country="KZ", start_date=None)
    VisitFactory(origin_country="UZ", destination_country="KZ", start_date=d(1970, 1, 1))  # not TJ's
    rows, undated = coverage("TJ")
    assert [(r.label, r.made, r.received, r.with_article, r.reviewed) for r in rows] == [
        ("1990s", 1, 1, 1, 1),
        ("2000s", 0, 0, 0, 0),
        ("2010s", 0, 0, 0, 0),
        ("2020s", 1, 0, 0, 0),
    ]
    assert undated == 1
    page = client.get("/countries/TJ/coverage/").content.decode()
    assert "Nothing recorded in: 2000s, 2010s." in page
    assert 'href="/countries/TJ/coverage/"' in client.get("/countries/TJ/").content.decode()


def test_coverage_page_costs_two_queries(client, django_assert_num_queries):
    VisitFactory.create_batch(5, origin_country="TJ")
    rebuild()  # counted from the summary tables, current here
    with django_assert_num_queries(2):
        assert client.get("/countries/TJ/coverage/").status_code == 200
    assert client.get("/countries/XX/coverage/").status_code == 404


def test_the_same_numbers_in_the_api(client):
    VisitFactory(origin_country="TJ", destination_country="KZ", start_date=d(2001, 1, 1))
    VisitFactory(origin_country="KZ", destination_country="TJ", start_date=d(2021, 1, 1))
    body = client.get("/api/v1/countries/TJ/coverage/").json()
    assert body["code"] == "TJ" and body["undated"] == 0
    assert [(r["decade"], r["made"], r["received"]) for r in body["decades"]] == [
        (2000, 1, 0),
        (2010, 0, 0),
        (2020, 0, 1),
    ]
    assert client.get("/api/v1/countries/XX/coverage/").status_code == 404
