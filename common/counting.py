"""How many records a list page says it shows: exact up to a cap, or, for a search, PostgreSQL's estimate.

An exact count of a filtered list costs what reading every matching row costs. Below the cap that is
cheap for filters an index answers (a country, a year), but not for a full-text search of a common word:
at a million visits "trade" alone is 190,000 index entries, and counting its matches in one country took
100-190 ms, against 10 ms for the page of rows itself. So a search whose matches the planner expects to be
many is counted by the planner (EXPLAIN, no rows read) and shown as "about": a search page's count is a
sense of scale, and the rows and their order are what is exact.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.db import connections
from django.db.models import QuerySet


@dataclass(frozen=True)
class Count:
    value: int
    capped: bool = False  # more than `value` match
    approximate: bool = False  # about `value` match (the planner's estimate, rounded)


def planner_estimate(queryset: QuerySet) -> int | None:
    """The number of rows PostgreSQL expects `queryset` to return; None on other databases."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def rounded(n: int) -> int:
    """Two significant figures: 7,043 -> 7,000; 187,875 -> 190,000."""
    if n < 100:
        return n
    scale = 10 ** (len(str(n)) - 2)
    return (n + scale // 2) // scale * scale  # half up: 1,050 -> 1,100


def count(queryset: QuerySet, *, cap: int, estimate_above: int | None = None) -> Count:
    """The records of `queryset`: exact up to `cap` ("more than cap" beyond); with `estimate_above`, the
    planner's rounded estimate when it expects more than that many."""
    ids = queryset.order_by().values("pk")
    if estimate_above is not None:
        guess = planner_estimate(ids)
        if guess is not None and guess > estimate_above:
            return Count(rounded(guess), approximate=True)
    n = ids[: cap + 1].count()
    return Count(min(n, cap), capped=n > cap)
