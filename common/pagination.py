"""Keyset pages for the API: a cursor over (one ordering field, id), next/previous links in the body and in
an RFC 8288 Link header, and an exact count when asked. The reading rule is common/keyset.py's.

A cursor is a position, written out: `{n|p}.{ordering}.{id}.{value}`, e.g. `n.-start_date.1560.2024-09-19`
(the page after the visit 1560 of 19 September 2024, newest first), `p.name.288.Ahmad Osman`,
`n.-updated_at.12.2026-11-30T03:17:22.895908Z`, `n.-start_date.77.` (an undated record). The schema
gives its pattern for each list, and every string of that pattern is a position: a day that does not exist
(2023-02-30) stands between the days around it, year 0000 before the first. The cursor carries its ordering,
so a `?ordering=` beside it does not change the order of the pages that follow.
"""

from __future__ import annotations

import calendar
import datetime
import re
from typing import Any

from django.db import models
from django.db.models import prefetch_related_objects
from rest_framework import serializers
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from common.keyset import Keyset

# Ids up to 18 digits: every one fits a PostgreSQL bigint.
ID_PATTERN = "[0-9]{1,18}"
DAY_PATTERN = "[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
MOMENT_PATTERN = DAY_PATTERN + "T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]\\.[0-9]{6}Z"
TEXT_PATTERN = "[^\\u0000]*"
MOMENT_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def _value_pattern(field: models.Field) -> str:
    """How a cursor writes a value of `field`; empty is null for a field that may be null."""
    if isinstance(field, models.DateTimeField):
        pattern = MOMENT_PATTERN
    elif isinstance(field, models.DateField):
        pattern = DAY_PATTERN
    else:
        return TEXT_PATTERN  # text: any string but NUL is a position in the text order
    return f"(?:{pattern})?" if field.null else pattern


def cursor_pattern(model: type[models.Model], orderings: dict[str, tuple[str, bool]]) -> str:
    """The cursors of a list over `model` with these orderings, as a regular expression (ECMA and Python)."""
    alternatives = [
        f"{key}\\.{ID_PATTERN}\\.{_value_pattern(model._meta.get_field(field))}"
        for key, (field, _) in orderings.items()
    ]
    return f"^[np]\\.(?:{'|'.join(alternatives)})$"


def _calendar_day(text: str) -> tuple[datetime.date, bool]:
    """The day `YYYY-MM-DD` names, or the first real day after it (True) when it does not exist."""
    year, month, day = int(text[:4]), int(text[5:7]), int(text[8:10])
    if year == 0:
        return datetime.date.min, True
    if day > calendar.monthrange(year, month)[1]:
        return datetime.date(year + month // 12, month % 12 + 1, 1), True
    return datetime.date(year, month, day), False


def _position(field: models.Field, text: str) -> tuple[Any, bool]:
    """The value a cursor's text names for `field`, and whether it is the first moment after that text."""
    if text == "" and field.null and isinstance(field, models.DateField):
        return None, False
    if isinstance(field, models.DateTimeField):
        day, moved = _calendar_day(text[:10])
        if moved:
            return datetime.datetime.combine(day, datetime.time(), datetime.UTC), True
        clock = datetime.datetime.strptime(text[11:], "%H:%M:%S.%fZ").time()
        return datetime.datetime.combine(day, clock, datetime.UTC), False
    if isinstance(field, models.DateField):
        return _calendar_day(text)
    return text, False


class KeysetPagination(BasePagination):
    """Keyset pages over (one ordering field, id): stable while records are added or removed.

    The view names its orderings in `keyset_orderings` ({"-start_date": ("start_date", True), ...}).
    Nulls in the ordering field come last in either direction, so undated records end the list.
    """

    page_size = 50
    max_page_size = 200

    def paginate_queryset(self, queryset: models.QuerySet, request: Request, view: Any = None) -> list:
        self.request = request
        orderings = view.keyset_orderings
        key = request.query_params.get("ordering") or next(iter(orderings))
        if key not in orderings:
            raise serializers.ValidationError({"ordering": [f"Choose one of: {', '.join(orderings)}."]})
        cursor = self._decode(request.query_params.get("cursor"), queryset.model, orderings)
        if cursor is not None:
            key = cursor[1]  # a cursor carries its ordering on
        self.key = key
        self.field, self.descending = orderings[key]
        model_field = queryset.model._meta.get_field(self.field)
        self.page_size = self._page_size(request)
        backwards = bool(cursor and cursor[0] == "p")
        self.count = self._count(request, queryset)
        # Related rows are fetched once for the whole page, however many queries read it.
        lookups = queryset._prefetch_related_lookups
        rows = Keyset(self.field, self.descending).read(
            queryset.prefetch_related(None),
            cursor=cursor[2:] if cursor else None,
            backwards=backwards,
            limit=self.page_size + 1,
            nullable=model_field.null,
        )
        more = len(rows) > self.page_size
        rows = rows[: self.page_size]
        prefetch_related_objects(rows, *lookups)
        if backwards:
            rows.reverse()
        self.next_row = rows[-1] if rows and (more or backwards) else None
        self.previous_row = rows[0] if rows and ((more and backwards) or (cursor and not backwards)) else None
        return rows

    def _page_size(self, request: Request) -> int:
        raw = request.query_params.get("page_size")
        if raw in (None, ""):
            return self.page_size
        # isdigit() alone admits "²", which int() refuses.
        if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= self.max_page_size:
            raise serializers.ValidationError(
                {"page_size": [f"A whole number from 1 to {self.max_page_size}."]}
            )
        return int(raw)

    def _decode(self, raw: str | None, model: type[models.Model], orderings: dict) -> tuple | None:
        """(direction, ordering, value, id) from a cursor; any string of the schema's pattern is one."""
        if not raw:
            return None
        if not re.fullmatch(cursor_pattern(model, orderings)[1:-1], raw):
            raise serializers.ValidationError(
                {"cursor": ["Not a position: use a `next` or `previous` link (see the schema's pattern)."]}
            )
        direction, rest = raw.split(".", 1)
        key = next(k for k in sorted(orderings, key=len, reverse=True) if rest.startswith(f"{k}."))
        pk, text = rest[len(key) + 1 :].split(".", 1)
        value, moved = _position(model._meta.get_field(orderings[key][0]), text)
        # A day that does not exist stands before every record of the next real day: (that day, id 0).
        return direction, key, value, 0 if moved else int(pk)

    def _encode(self, direction: str, row: models.Model) -> str:
        value = getattr(row, self.field)
        if value is None:
            text = ""
        elif isinstance(value, datetime.datetime):
            text = value.astimezone(datetime.UTC).strftime(MOMENT_FORMAT)
        elif isinstance(value, datetime.date):
            text = value.isoformat()
        else:
            text = str(value)
        return f"{direction}.{self.key}.{row.pk}.{text}"

    def _link(self, direction: str, row: models.Model | None) -> str | None:
        if row is None:
            return None
        url = self.request.build_absolute_uri()
        if "ordering" in self.request.query_params:
            url = replace_query_param(url, "ordering", self.key)
        return replace_query_param(url, "cursor", self._encode(direction, row))

    def _count(self, request: Request, queryset: models.QuerySet) -> int | None:
        """The exact number of records the filters select, only when asked (`?count=true`): a scan."""
        raw = request.query_params.get("count", "")
        if raw in ("", "false", "0"):
            return None
        if raw not in ("true", "1"):
            raise serializers.ValidationError({"count": ["Enter true or false."]})
        return queryset.order_by().count()

    def get_paginated_response(self, data: list) -> Response:
        links = {"next": self._link("n", self.next_row), "previous": self._link("p", self.previous_row)}
        body = {**links, "results": data}
        headers = {}
        if self.count is not None:
            body = {"count": self.count, **body}
            headers["X-Total-Count"] = str(self.count)
        # RFC 8288: the same links in a header, for clients that page without reading the body.
        web_links = [f'<{url}>; rel="{rel}"' for rel, url in links.items() if url]
        if web_links:
            headers["Link"] = ", ".join(web_links)
        return Response(body, headers=headers)

    def get_paginated_response_schema(self, schema: dict) -> dict:
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "count": {
                    "type": "integer",
                    "description": "How many records the filters select; only with `?count=true`.",
                },
                "next": {**link, "description": "The next page; null on the last."},
                "previous": {**link, "description": "The previous page; null on the first."},
                "results": {**schema, "description": "The records on this page."},
            },
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict]:
        model = view.queryset.model if view.queryset is not None else view.get_queryset().model
        # Empty is "not given" for each (common/schema.py says so of every query parameter).
        return [
            {
                "name": "cursor",
                "in": "query",
                "required": False,
                "description": "A position, as in a `next` or `previous` link: "
                "`{n|p}.{ordering}.{id}.{value}` (n: the page after it, p: the page before it; the value "
                "of the ordering field, empty when null). Any string of this pattern is a position; the "
                "cursor's ordering wins over `ordering`.",
                "schema": {"type": "string", "pattern": cursor_pattern(model, view.keyset_orderings)},
            },
            {
                "name": "page_size",
                "in": "query",
                "required": False,
                "description": f"Records per page (default {self.page_size}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
            {
                "name": "ordering",
                "in": "query",
                "required": False,
                "description": "Sort order; the first is the default. Records without a value come last.",
                "schema": {"type": "string", "enum": list(view.keyset_orderings)},
            },
            {
                "name": "count",
                "in": "query",
                "required": False,
                "description": "true: also the exact number of records selected (`count`, `X-Total-Count`).",
                "schema": {"type": "boolean"},
            },
        ]
