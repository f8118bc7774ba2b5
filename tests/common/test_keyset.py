"""The one keyset reading rule: every row once, in order, both ways, null values last."""

import datetime

import pytest

from common.keyset import Keyset
from tests.factories import VisitFactory
from visits.models import Visit

pytestmark = pytest.mark.django_db


def _walk(keyset: Keyset, size: int, *, backwards_from: tuple | None = None) -> list[int]:
    seen: list[int] = []
    cursor, backwards = backwards_from, backwards_from is not None
    while True:
        rows = keyset.read(Visit.objects.all(), cursor=cursor, backwards=backwards, limit=size, nullable=True)
        if not rows:
            return seen
        seen += [v.pk for v in rows]
        cursor = (rows[-1].start_date, rows[-1].pk)


@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("size", [1, 2, 5, 50])
def test_reading_forwards_and_backwards_gives_every_row_once_in_order(descending, size):
    days = [datetime.date(2024, 1, 1), datetime.date(2024, 1, 1), datetime.date(2023, 5, 2), None, None]
    visits = [VisitFactory(start_date=day, end_date=None) for day in days]
    keyset = Keyset("start_date", descending=descending)
    dated = sorted(
        (v for v in visits if v.start_date), key=lambda v: (v.start_date, v.pk), reverse=descending
    )
    undated = sorted((v for v in visits if not v.start_date), key=lambda v: v.pk, reverse=descending)
    expected = [v.pk for v in dated + undated]
    assert _walk(keyset, size) == expected
    # Backwards from just past the last row: the same rows, nearest first.
    last = Visit.objects.get(pk=expected[-1])
    beyond_last = (last.start_date, last.pk + (-1 if descending else 1))
    assert _walk(keyset, size, backwards_from=beyond_last) == list(reversed(expected))


def test_a_field_without_nulls_is_read_in_one_query(django_assert_num_queries):
    VisitFactory.create_batch(3)
    with django_assert_num_queries(1):
        rows = Keyset("updated_at", descending=True).read(
            Visit.objects.all(), cursor=None, backwards=False, limit=10, nullable=False
        )
    assert len(rows) == 3
