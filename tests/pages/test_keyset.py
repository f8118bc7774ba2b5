"""Keyset pagination walks every visit exactly once, both ways, dated newest first and undated last."""

import datetime
import itertools

from tests.factories import VisitFactory
from visits import keyset
from visits.models import Visit


def _walk_older(size: int) -> list[int]:
    seen, cursor = [], None
    while True:
        page = keyset.paginate(Visit.objects.all(), size=size, before=cursor)
        seen += [v.pk for v in page.rows]
        if page.older is None:
            return seen
        cursor = page.older


def test_walking_older_visits_every_row_once_in_timeline_order(db):
    days = [datetime.date(2024, 1, 1), datetime.date(2024, 1, 1), datetime.date(2023, 5, 5), None, None]
    visits = [VisitFactory(start_date=d) for d in days * 3]
    expected = [
        v.pk
        for v in sorted(
            visits,
            key=lambda v: (v.start_date is None, -(v.start_date or datetime.date.min).toordinal(), -v.pk),
        )
    ]
    for size in (1, 2, 4, 50):
        assert _walk_older(size) == expected


def test_walking_newer_returns_the_previous_page(db):
    for i in range(7):
        VisitFactory(start_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=i % 3))
    VisitFactory(start_date=None)
    VisitFactory(start_date=None)
    pages = []
    cursor = None
    while True:
        page = keyset.paginate(Visit.objects.all(), size=3, before=cursor)
        pages.append(page)
        if page.older is None:
            break
        cursor = page.older
    for previous, page in itertools.pairwise(pages):
        back = keyset.paginate(Visit.objects.all(), size=3, after=page.newer)
        assert [v.pk for v in back.rows] == [v.pk for v in previous.rows]


def test_cursor_round_trips_and_rejects_garbage():
    cursor = keyset.Cursor(datetime.date(2024, 5, 18), 42)
    assert keyset.Cursor.parse(str(cursor)) == cursor
    assert keyset.Cursor.parse("none_7") == keyset.Cursor(None, 7)
    for bad in ("", "2024-05-18", "2024-13-40_1", "x_1", "2024-05-18_-1", "2024-05-18_" + "9" * 40):
        try:
            keyset.Cursor.parse(bad)
        except ValueError:
            continue
        raise AssertionError(bad)
