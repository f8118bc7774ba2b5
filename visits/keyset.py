"""Keyset pagination of the timeline on (start_date, id), newest first, undated visits last.

Why keyset and not page numbers: OFFSET and COUNT(*) both grow with the table; at a million visits
page 2,000 would scan 100,000 rows. A cursor `?before=<date>_<id>` (older) or `?after=<date>_<id>`
(newer) seeks straight into the index `visit_timeline_idx` (-start_date, -id), so every page costs the
same. Undated visits come after all dated ones; they are read by a second, id-ordered query only when
the dated rows run out, so no query needs an index on "start_date NULLS LAST".
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet

UNDATED = "none"


@dataclass(frozen=True)
class Cursor:
    start_date: datetime.date | None
    id: int

    def __str__(self) -> str:
        day = self.start_date.isoformat() if self.start_date else UNDATED
        return f"{day}_{self.id}"

    @classmethod
    def of(cls, visit) -> "Cursor":
        return cls(visit.start_date, visit.pk)

    @classmethod
    def parse(cls, text: str) -> "Cursor":
        """Read "2024-05-18_123" or "none_123"; ValueError when malformed."""
        day, sep, ident = text.partition("_")
        if not sep or not ident.isdigit() or len(ident) > 18:
            raise ValueError(text)
        return cls(None if day == UNDATED else datetime.date.fromisoformat(day), int(ident))


@dataclass
class Page:
    rows: list
    newer: Cursor | None  # cursor for ?after= (None: this is the newest page)
    older: Cursor | None  # cursor for ?before= (None: this is the oldest page)


def _dated(qs: QuerySet) -> QuerySet:
    return qs.filter(start_date__isnull=False)


def _undated(qs: QuerySet) -> QuerySet:
    return qs.filter(start_date__isnull=True)


def _older_than(qs: QuerySet, cursor: Cursor | None, n: int) -> list:
    """Up to n rows after `cursor` in timeline order (newest first, undated last)."""
    rows: list = []
    if cursor is None or cursor.start_date is not None:
        dated = _dated(qs)
        if cursor is not None:
            d, i = cursor.start_date, cursor.id
            # The first condition is the index range; the second trims the cursor's own day.
            dated = dated.filter(start_date__lte=d).filter(Q(start_date__lt=d) | Q(id__lt=i))
        rows = list(dated.order_by("-start_date", "-id")[:n])
        cursor = None
    if len(rows) < n:
        undated = _undated(qs)
        if cursor is not None:
            undated = undated.filter(id__lt=cursor.id)
        rows += list(undated.order_by("-id")[: n - len(rows)])
    return rows


def _newer_than(qs: QuerySet, cursor: Cursor, n: int) -> list:
    """Up to n rows before `cursor` in timeline order, returned in timeline order."""
    rows: list = []
    if cursor.start_date is None:
        rows = list(_undated(qs).filter(id__gt=cursor.id).order_by("id")[:n])
        if len(rows) < n:
            rows += list(_dated(qs).order_by("start_date", "id")[: n - len(rows)])
    else:
        d, i = cursor.start_date, cursor.id
        newer = _dated(qs).filter(start_date__gte=d).filter(Q(start_date__gt=d) | Q(id__gt=i))
        rows = list(newer.order_by("start_date", "id")[:n])
    rows.reverse()
    return rows


def paginate(qs: QuerySet, *, size: int, before: Cursor | None = None, after: Cursor | None = None) -> Page:
    """One page of `qs` in timeline order, read with at most two queries (plus the queryset's prefetches)."""
    if after is not None:
        rows = _newer_than(qs, after, size + 1)
        has_newer = len(rows) > size
        rows = rows[-size:] if has_newer else rows
        return Page(
            rows,
            Cursor.of(rows[0]) if has_newer else None,
            # Towards older rows again: the last row shown (the cursor row follows it).
            Cursor.of(rows[-1]) if rows else None,
        )
    rows = _older_than(qs, before, size + 1)
    has_older = len(rows) > size
    rows = rows[:size]
    return Page(
        rows,
        Cursor.of(rows[0]) if before is not None and rows else None,
        Cursor.of(rows[-1]) if has_older else None,
    )
