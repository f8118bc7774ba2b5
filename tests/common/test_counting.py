"""common.counting: exact counts up to a cap; a search the planner expects to match many is "about"."""

import pytest
from django.db import connection

from common import counting
from tests.factories import VisitFactory
from visits.models import Visit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "n, shown", [(0, 0), (7, 7), (99, 99), (100, 100), (7043, 7000), (187_875, 190_000), (1050, 1100)]
)
def test_estimates_are_shown_to_two_significant_figures(n, shown):
    assert counting.rounded(n) == shown


def test_exact_up_to_the_cap_then_more_than():
    VisitFactory.create_batch(4)
    assert counting.count(Visit.objects.all(), cap=10) == counting.Count(4)
    assert counting.count(Visit.objects.all(), cap=3) == counting.Count(3, capped=True)


def test_the_planners_estimate_is_used_only_above_the_threshold(monkeypatch):
    VisitFactory.create_batch(3)
    monkeypatch.setattr(counting, "planner_estimate", lambda qs: 187_875)
    assert counting.count(Visit.objects.all(), cap=10, estimate_above=1000) == counting.Count(
        190_000, approximate=True
    )
    monkeypatch.setattr(counting, "planner_estimate", lambda qs: 500)
    assert counting.count(Visit.objects.all(), cap=10, estimate_above=1000) == counting.Count(3)
    # Without a threshold the planner is never asked.
    monkeypatch.setattr(counting, "planner_estimate", lambda qs: pytest.fail("asked the planner"))
    assert counting.count(Visit.objects.all(), cap=10) == counting.Count(3)


def test_the_planner_is_asked_on_postgresql_only():
    VisitFactory.create_batch(150, destination_country="FR")
    estimate = counting.planner_estimate(Visit.objects.filter(destination_country="FR"))
    if connection.vendor != "postgresql":
        assert estimate is None
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE visits_visit")
    estimate = counting.planner_estimate(Visit.objects.filter(destination_country="FR").values("pk"))
    assert 100 <= estimate <= 200  # 150 rows, as the statistics just gathered say


def test_a_search_page_says_about_when_the_planner_expects_many(client, monkeypatch):
    VisitFactory(purpose="Trade talks", destination_country="FR")
    monkeypatch.setattr(counting, "planner_estimate", lambda qs: 187_875)
    html = client.get("/visits/", {"q": "trade"}).content.decode()
    assert "About 190,000 visits match" in html
    # Filters without a search are counted exactly, whatever the planner thinks.
    html = client.get("/visits/", {"destination": "FR"}).content.decode()
    assert "1 visit matches" in html
