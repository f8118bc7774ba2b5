"""The API plumbing every resource shares.

Keyset pages, size-limited parsers, the schema class that documents error answers, and the write path
(validate, full_clean, history, mark editor-owned fields) that admin follows too.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import prefetch_related_objects
from django.utils.http import http_date
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.exceptions import APIException, ParseError
from rest_framework.pagination import BasePagination
from rest_framework.parsers import BaseParser, JSONParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from common.editing import record_edit
from common.keyset import Keyset

# Record writes and articles are small; a bigger body is refused before it is read.
API_MAX_BODY_BYTES = settings.API_MAX_BODY_BYTES
WRITE_METHODS = ("POST", "PUT", "PATCH")


class BodyTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = f"Request body too large: the limit is {API_MAX_BODY_BYTES} bytes."
    default_code = "body_too_large"


def _refuse_large_body(parser_context: dict | None) -> None:
    request = (parser_context or {}).get("request")
    meta = request.META if request is not None else {}
    try:
        length = int(meta.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > API_MAX_BODY_BYTES:
        raise BodyTooLarge(
            f"Request body too large: {length} bytes, the limit is {API_MAX_BODY_BYTES} bytes."
        )


class LimitedJSONParser(JSONParser):
    """JSON with a body limit (DRF reads the stream itself, so Django's upload limit does not apply)."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: dict | None = None) -> Any:
        _refuse_large_body(parser_context)
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError("JSON parse error - nested too deeply.") from exc


class PlainTextParser(BaseParser):
    """A text/plain body is an article's text."""

    media_type = "text/plain"

    def parse(self, stream: Any, media_type: str | None = None, parser_context: dict | None = None) -> dict:
        _refuse_large_body(parser_context)
        charset = (parser_context or {}).get("encoding") or "utf-8"
        try:
            return {"text": stream.read().decode(charset)}
        except (UnicodeDecodeError, LookupError) as exc:
            raise ParseError(f"The body is not text in {charset}.") from exc


ERROR = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description='An error: {"detail": "..."} or, for invalid input, {"field": ["message", ...]}.',
)


class ArchiveSchema(AutoSchema):
    """Documents the error answers every operation can give, and anonymous read access."""

    def get_auth(self) -> list:
        auths = super().get_auth()
        perms = [type(p) for p in self.view.get_permissions()]
        anon_reads = permissions.DjangoModelPermissionsOrAnonReadOnly in perms
        if anon_reads and self.method in permissions.SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths

    def get_override_parameters(self) -> list:
        params = list(super().get_override_parameters())
        if "{slug}" in self.path:
            params.append(
                OpenApiParameter("slug", str, OpenApiParameter.PATH, description="The record's slug.")
            )
        if "{id}" in self.path:
            params.append(OpenApiParameter("id", int, OpenApiParameter.PATH, description="The record's id."))
        return params

    def _get_filter_parameters(self) -> list[dict]:
        # As on the HTML pages' forms, an empty filter value means "no filter"; the schema says so.
        params = super()._get_filter_parameters()
        for param in params:
            schema = param.get("schema", {})
            typed = schema.get("format") or "enum" in schema or schema.get("type") != "string"
            if typed:
                param["schema"] = {"anyOf": [schema, {"type": "string", "maxLength": 0}]}
                param["description"] = f"{param.get('description') or ''} Empty means no filter.".strip()
        return params

    def get_request_serializer(self) -> Any:
        input_class = getattr(self.view, "input_serializer_class", None)
        if input_class is not None and self.method in WRITE_METHODS:
            return input_class
        return super().get_request_serializer()

    def _get_response_bodies(self, direction: str = "response") -> dict:
        responses = super()._get_response_bodies(direction)
        errors = {
            "400": "Invalid input, filter value or cursor.",
            "401": "Missing or invalid token.",
            "403": "The token's user lacks the permission.",
            "429": "Too many requests; see Retry-After.",
        }
        if "{" in self.path:
            errors["404"] = "No such record."
        if self.method in WRITE_METHODS:
            errors["413"] = "Request body too large."
            errors["415"] = "Unsupported content type."
        if self.method == "GET":
            errors["304"] = "Not modified since the ETag or date the client sent."
        for code, text in errors.items():
            if code not in responses:
                body = None if code == "304" else ERROR.response
                responses[code] = self._get_response_for_code(OpenApiResponse(body, description=text), code)
        return responses


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
        if not raw.isdigit() or not 1 <= int(raw) <= self.max_page_size:
            raise serializers.ValidationError(
                {"page_size": [f"A whole number from 1 to {self.max_page_size}."]}
            )
        return int(raw)

    def _decode(self, raw: str | None, field: models.Field) -> tuple | None:
        if not raw:
            return None
        try:
            direction, value, pk = json.loads(base64.urlsafe_b64decode(raw.encode("ascii")))
            if direction not in ("n", "p") or not isinstance(pk, int) or isinstance(pk, bool):
                raise ValueError
            if value is not None:
                if not isinstance(value, str):
                    raise ValueError
                value = field.to_python(value)
        except (ValueError, TypeError, UnicodeError, binascii.Error, DjangoValidationError):
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

    def get_paginated_response(self, data: list) -> Response:
        return Response(
            {
                "next": self._link("n", self.next_row),
                "previous": self._link("p", self.previous_row),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict) -> dict:
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
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
        ]


class ArchiveReadMixin:
    """Last-Modified from the records shown (ETag comes from ConditionalGetMiddleware)."""

    schema = ArchiveSchema()
    # Any path segment reaches the view, so a malformed id is a JSON 404, not Django's HTML page.
    lookup_value_regex = "[^/]+"
    filter_backends = [DjangoFilterBackend]
    pagination_class = KeysetPagination
    parser_classes = [LimitedJSONParser]
    last_modified: datetime.datetime | None = None

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().list(request, *args, **kwargs)
        # The newest change among the records returned; a deletion shows in the ETag only.
        stamps = [getattr(row, "updated_at", None) for row in getattr(self.paginator, "rows", [])]
        self.last_modified = max((s for s in stamps if s), default=None)
        return response

    def paginate_queryset(self, queryset: models.QuerySet) -> list | None:
        rows = super().paginate_queryset(queryset)
        if self.paginator is not None:
            self.paginator.rows = rows
        return rows

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()
        self.last_modified = getattr(instance, "updated_at", None)
        return Response(self.get_serializer(instance).data)

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        if self.last_modified and request.method in ("GET", "HEAD") and response.status_code == 200:
            response.headers["Last-Modified"] = http_date(self.last_modified.timestamp())
        return response


def _as_drf_error(exc: DjangoValidationError) -> serializers.ValidationError:
    if hasattr(exc, "error_dict"):
        detail = {("non_field_errors" if k == "__all__" else k): v for k, v in exc.message_dict.items()}
        return serializers.ValidationError(detail)
    return serializers.ValidationError({"non_field_errors": exc.messages})


class RecordViewSet(ArchiveReadMixin, viewsets.ModelViewSet):
    """Read for everyone; create, change and delete with the model's permission.

    Writes go through a strict input serializer, then the model's full_clean() (as admin does), in one
    transaction; the fields the client set are marked editor-owned and the history records the user.
    """

    input_serializer_class: type[serializers.Serializer]
    # Input keys that are not plain model fields; `save_related` stores them after the record.
    related_fields: tuple[str, ...] = ()

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.write(self.get_queryset().model(), request, partial=False)
        data = self.get_serializer(self.get_queryset().get(pk=instance.pk)).data
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["api_url"]})

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.write(self.get_object(), request, partial=kwargs.get("partial", False))
        return Response(self.get_serializer(self.get_queryset().get(pk=instance.pk)).data)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()
        instance._history_user = request.user
        with transaction.atomic():
            instance.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)

    def write(self, instance: models.Model, request: Request, *, partial: bool) -> models.Model:
        created = instance.pk is None
        serializer = self.input_serializer_class(
            instance=None if created else instance,
            data=request.data,
            partial=partial,
            context=self.get_serializer_context(),
        )
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        related = {name: values.pop(name) for name in self.related_fields if name in values}
        changed = [name for name, value in values.items() if created or getattr(instance, name) != value]
        changed += self.related_changes(instance, related, created)
        try:
            record_edit(
                instance=instance,
                values=values,
                changed=changed,
                user=request.user,
                reason="Changed through the API",
                prepare=lambda: self.prepare(instance, created),
                save_related=lambda: self.save_related(instance, related),
            )
        except DjangoValidationError as exc:
            raise _as_drf_error(exc) from None
        except IntegrityError:
            raise serializers.ValidationError(
                {"non_field_errors": ["The change conflicts with another record; reload and retry."]}
            ) from None
        return instance

    def prepare(self, instance: models.Model, created: bool) -> None:
        """Fill derived values before validation (e.g. a slug made from the name)."""

    def related_changes(self, instance: models.Model, related: dict, created: bool) -> list[str]:
        """Names of the related values the client changed."""
        return list(related)

    def save_related(self, instance: models.Model, related: dict) -> None:
        """Store related values (many-to-many, child rows) after the record is saved."""
