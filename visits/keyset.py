"""The timeline's pages on (start_date, id), newest first, undated visits last (common/keyset.py reads them).

The pages' cursor is readable: `?before=<date>_<id>` (older) or `?after=<date>_<id>` (newer), and seeks
into the index `visit_timeline_idx` (-start_date, -id).
"""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet

from common.keyset import Keyset

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


TIMELINE = Keyset("start_date", descending=True)


def _read(qs: QuerySet, cursor: Cursor | None, backwards: bool, n: int) -> list:
    key = (cursor.start_date, cursor.id) if cursor is not None else None
    rows = TIMELINE.read(qs, cursor=key, backwards=backwards, limit=n, nullable=True)
    if backwards:
        rows.reverse()
    return rows


def paginate(qs: QuerySet, *, size: int, before: Cursor | None = None, after: Cursor | None = None) -> Page:
    """One page of `qs` in timeline order, read with at most two queries (plus the queryset's prefetches)."""
    if after is not None:
        rows = _read(qs, after, True, size + 1)
        has_newer = len(rows) > size
        rows = rows[-size:] if has_newer else rows
        return Page(
            rows,
            Cursor.of(rows[0]) if has_newer else None,
            # Towards older rows again: the last row shown (the cursor row follows it).
            Cursor.of(rows[-1]) if rows else None,
        )
    rows = _read(qs, before, False, size + 1)
    has_older = len(rows) > size
    rows = rows[:size]
    return Page(
        rows,
        Cursor.of(rows[0]) if before is not None and rows else None,
        Cursor.of(rows[-1]) if has_older else None,
    )
