"""Keyset reading shared by the pages and the API: rows after a cursor over (one field, id), nulls last.

Why keyset and not page numbers: OFFSET and COUNT(*) both grow with the table; at a million rows page
2,000 would scan 100,000 of them. A cursor (value, id) seeks straight into an index on (field, id), so
every page costs the same. Rows whose field is null come after all the others in either direction; they
are read by a second, id-ordered query only when the first runs out, so no query needs an index on
"field NULLS LAST". The pages and the API keep their own cursor formats; this is the one reading rule.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet


@dataclass(frozen=True)
class Keyset:
    """An ordering over (field, id): `descending` is the list's natural order (newest first)."""

    field: str
    descending: bool

    def order(self, backwards: bool) -> list[str]:
        """ORDER BY for reading forwards (the list's order) or backwards (towards its start)."""
        if self.descending != backwards:
            return [f"-{self.field}", "-pk"]
        return [self.field, "pk"]

    def beyond(self, value: Any, pk: int, backwards: bool) -> Q:
        """Rows after (value, pk) in the direction read; nulls come after every value."""
        op = self._op(backwards)
        f = self.field
        if value is None:
            same = Q(**{f"{f}__isnull": True, f"pk__{op}": pk})
            return (Q(**{f"{f}__isnull": False}) | same) if backwards else same
        after = self._valued_beyond(value, pk, backwards)
        return after if backwards else after | Q(**{f"{f}__isnull": True})

    def _op(self, backwards: bool) -> str:
        return "lt" if self.descending != backwards else "gt"

    def _valued_beyond(self, value: Any, pk: int, backwards: bool) -> Q:
        """Rows with a value after (value, pk): the first condition is the index range; the second trims
        the cursor's own value."""
        op, f = self._op(backwards), self.field
        return Q(**{f"{f}__{op}e": value}) & (Q(**{f"{f}__{op}": value}) | Q(**{f: value, f"pk__{op}": pk}))

    def read(
        self,
        queryset: QuerySet,
        *,
        cursor: tuple[Any, int] | None,
        backwards: bool,
        limit: int,
        nullable: bool,
    ) -> list:
        """Up to `limit` rows beyond `cursor`, in the direction read (backwards: nearest first)."""
        if not nullable:
            if cursor is not None:
                queryset = queryset.filter(self.beyond(cursor[0], cursor[1], backwards))
            return list(queryset.order_by(*self.order(backwards))[:limit])
        # Valued and null rows are read apart, so each query can follow a plain index on the field; each
        # gets only its own side of the cursor (a range ORed with "IS NULL" is no index range: at a million
        # rows PostgreSQL then walked the whole index, 10 s a page).
        valued = queryset.filter(**{f"{self.field}__isnull": False})
        nulls = queryset.filter(**{f"{self.field}__isnull": True})
        if cursor is not None and cursor[0] is None:
            nulls = nulls.filter(**{f"pk__{self._op(backwards)}": cursor[1]})
        elif cursor is not None:
            valued = valued.filter(self._valued_beyond(cursor[0], cursor[1], backwards))
        valued = valued.order_by(*self.order(backwards))
        nulls = nulls.order_by(self.order(backwards)[1])
        first, second = (nulls, valued) if backwards else (valued, nulls)
        # A cursor on a valued row read backwards, or on a null row read forwards, has passed `first`.
        if cursor is not None and (cursor[0] is None) != backwards:
            first = None
        rows = list(first[:limit]) if first is not None else []
        if len(rows) < limit:
            rows += list(second[: limit - len(rows)])
        return rows
