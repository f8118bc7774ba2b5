"""Every list and detail page costs the same number of queries over 1 record and over 50.

The budget per page (see the views for what each query fetches):
timeline 3 (dated page, undated top-up, capped count; 2 going newer; a search on PostgreSQL asks the
planner first, common/counting.py: 4); visit 7 (visit with visitor and post,
organisations, meetings, participants, visit evidence with sources, meeting evidence, outcomes); official 10
(+ trips, + the map's countries; 11 with trips: their legs); organisation 4; country 7 (its two maps draw
counts already fetched); pair 7; stats 5 (the map included); trip 5 (tests/pages/test_trips_maps.py);
exports 1; feed 2. Countries, country, pair and stats count from the summary tables, built first here
(a page that finds them stale rebuilds them: tests/visits/test_summaries.py).
"""

import pytest
from django.db import connection

from summaries.services import rebuild
from tests.factories import MeetingFactory, ParticipantFactory
from tests.scenario import many_visits

BUDGET = {
    "timeline": ("/visits/", 3),
    "timeline_filtered": ("/visits/?destination=TJ&year=2024&q=Meeting&kind=working", 3),
    "timeline_older": ("/visits/?before=2030-01-01_999999", 3),
    "timeline_newer": ("/visits/?after=2000-01-01_1", 2),
    "officials": ("/officials/", 2),
    "organisations": ("/organisations/", 2),
    "countries": ("/countries/", 2),
    "country": ("/countries/TJ/", 7),
    "pair": ("/countries/AZ/TJ/", 7),
    "stats": ("/stats/", 5),
    "csv": ("/visits/export.csv", 1),
    "json": ("/visits/export.json", 1),
    "ics": ("/visits/export.ics", 1),
    "feed": ("/feeds/visits/", 2),
}
DETAIL_BUDGET = {"visit": 7, "source": 2, "official": 10, "organisation": 4}


def _get(client, url: str) -> None:
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    assert response.status_code == 200, url


@pytest.mark.parametrize("n", [1, 50])
@pytest.mark.parametrize("page", sorted(BUDGET))
def test_list_page_query_count_is_constant(client, db, django_assert_num_queries, n, page):
    many_visits(n)
    rebuild()
    url, queries = BUDGET[page]
    if "q=" in url and connection.vendor == "postgresql":
        queries += 1  # EXPLAIN: the search's expected matches
    with django_assert_num_queries(queries):
        _get(client, url)


@pytest.mark.parametrize("n", [1, 50])
@pytest.mark.parametrize("page", sorted(DETAIL_BUDGET))
def test_detail_page_query_count_is_constant(client, db, django_assert_num_queries, n, page):
    visits = many_visits(n)
    visit = visits[-1]
    # The visit gets n meetings, so its page shows n of them.
    for _ in range(n - 1):
        ParticipantFactory(meeting=MeetingFactory(visit=visit), official=visit.visitor)
    urls = {
        "visit": visit.get_absolute_url(),
        "source": visit.evidence.first().source.get_absolute_url(),
        "official": visit.visitor.get_absolute_url(),
        "organisation": visit.organisations.first().get_absolute_url(),
    }
    with django_assert_num_queries(DETAIL_BUDGET[page]):
        _get(client, urls[page])
