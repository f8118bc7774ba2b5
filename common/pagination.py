"""Keyset pages for the API: an opaque cursor over (one ordering field, id), next/previous links in the body
and in an RFC 8288 Link header, and an exact count when asked. The reading rule is common/keyset.py's.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from rest_framework import serializers
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from common.keyset import Keyset

MAX_ID = 2**63 - 1


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
        self.field, self.descending = orderings[key]
        model_field = queryset.model._meta.get_field(self.field)
        self.page_size = self._page_size(request)
        cursor = self._decode(request.query_params.get("cursor"), model_field)
        backwards = bool(cursor and cursor[0] == "p")
        self.count = self._count(request, queryset)
        # Related rows are fetched once for the whole page, however many queries read it.
        lookups = queryset._prefetch_related_lookups
        rows = Keyset(self.field, self.descending).read(
            queryset.prefetch_related(None),
            cursor=cursor[1:] if cursor else None,
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
        if raw is None:
            return self.page_size
        # isdigit() alone admits "²", which int() refuses.
        if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= self.max_page_size:
            raise serializers.ValidationError(
                {"page_size": [f"A whole number from 1 to {self.max_page_size}."]}
            )
        return int(raw)

    def _decode(self, raw: str | None, field: models.Field) -> tuple | None:
        if not raw:
            return None
        try:
            if len(raw) > 1000:
                raise ValueError
            direction, value, pk = json.loads(base64.urlsafe_b64decode(raw.encode("ascii")))
            if direction not in ("n", "p") or not isinstance(pk, int) or isinstance(pk, bool):
                raise ValueError
            if not -MAX_ID <= pk <= MAX_ID:
                raise ValueError
            if value is not None:
                if not isinstance(value, str) or "\x00" in value:
                    raise ValueError
                value = field.to_python(value)
        except (
            ValueError,
            TypeError,
            UnicodeError,
            RecursionError,
            OverflowError,
            binascii.Error,
            DjangoValidationError,
        ):
            raise serializers.ValidationError({"cursor": ["Invalid cursor."]}) from None
        return direction, value, pk

    def _encode(self, direction: str, row: models.Model) -> str:
        value = getattr(row, self.field)
        if isinstance(value, datetime.date | datetime.datetime):
            value = value.isoformat()
        raw = json.dumps([direction, value, row.pk]).encode()
        return base64.urlsafe_b64encode(raw).decode("ascii")

    def _link(self, direction: str, row: models.Model | None) -> str | None:
        if row is None:
            return None
        url = self.request.build_absolute_uri()
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
        return [
            {
                "name": "cursor",
                "in": "query",
                "required": False,
                "description": "Opaque position from a `next` or `previous` link.",
                "schema": {"type": "string"},
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
