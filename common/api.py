"""The API plumbing every resource shares.

Keyset pages, size-limited parsers, the schema class that documents error answers, and the write path
(validate, full_clean, history, mark editor-owned fields) that admin follows too. Error answers and
their statuses: common/errors.py.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import time
from typing import Any

import django_filters
from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, models, transaction
from django.utils.http import http_date
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.parsers import BaseParser, JSONParser
from rest_framework.request import Request
from rest_framework.response import Response

from common.editing import record_edit
from common.errors import (
    API_MAX_BODY_BYTES,
    BodyTooLarge,
    PreconditionFailed,
    PreconditionRequired,
    api_exception_handler,
    as_drf_error,
)
from common.filters import MAX_ID, RecordFilter, StrictFilterBackend, WholeNumberFilter
from common.pagination import KeysetPagination
from common.response_cache import CachedReadMixin
from common.retry import retrying
from common.schema import ERROR_REF, NO_NUL, input_constraints
from common.serializers import StrictInputMixin

WRITE_METHODS = ("POST", "PUT", "PATCH")


def record_version(instance: models.Model) -> str:
    """The record's version: its last change, to the microsecond (every save of a record updates it)."""
    stamp = getattr(instance, "updated_at", None)
    return f"v{int(stamp.timestamp() * 1_000_000)}" if stamp else f"v{instance.pk}"


def record_etag(instance: models.Model, data: Any = None) -> str:
    """A strong ETag: the record's version, then a digest of the body (related rows change it too).

    If-Match compares the version part only, so a write needs the ETag of the record as last read.
    """
    digest = ""
    if data is not None:
        body = json.dumps(data, sort_keys=True, default=str).encode()
        digest = "." + hashlib.sha256(body).hexdigest()[:16]
    return f'"{record_version(instance)}{digest}"'


def check_if_match(request: Request, instance: models.Model) -> None:
    """412 when If-Match names another version of the record; 428 when it is required and missing."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        if settings.API_REQUIRE_IF_MATCH:
            raise PreconditionRequired()
        return
    if header == "*":
        return
    current = record_version(instance)
    for tag in header.split(","):
        opaque = tag.strip().removeprefix("W/").strip('"')
        if opaque.split(".", 1)[0] == current:
            return
    raise PreconditionFailed()


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


# Rate-limit headers: on every answer a throttle counted (not on a 401 or 403, refused before counting).
RATE_LIMIT_HEADERS = {
    "X-RateLimit-Limit": "Requests allowed in the current window.",
    "X-RateLimit-Remaining": "Requests left in the current window.",
    "X-RateLimit-Reset": "Seconds until the window resets.",
}
# How each action reads in an operation's summary and its answer; {one} and {many} are the model's
# verbose names.
SUMMARIES = {
    "list": "List {many}",
    "retrieve": "Read {a} {one}",
    "create": "Create {a} {one}",
    "update": "Replace {a} {one}",
    "partial_update": "Change some fields of {a} {one}",
    "destroy": "Delete {a} {one}",
}
ANSWERS = {
    "list": "A page of {many}.",
    "retrieve": "The {one}.",
    "create": "The {one} as created.",
    "update": "The {one} as changed.",
    "partial_update": "The {one} as changed.",
    "destroy": "Deleted.",
}


def _header(schema: dict, description: str, *, required: bool = False) -> dict:
    return {"schema": schema, "description": description, "required": required}


class ArchiveSchema(AutoSchema):
    """Documents what every operation shares: who may call it, its errors, its headers, typed filters."""

    def get_auth(self) -> list:
        # Reads are public: {} (anonymous) comes first, a token or session is optional.
        auths = super().get_auth()
        anon = permissions.DjangoModelPermissionsOrAnonReadOnly
        anon_reads = any(isinstance(p, anon) for p in self.view.get_permissions())
        if anon_reads and self.method in permissions.SAFE_METHODS and {} not in auths:
            auths.insert(0, {})
        return auths

    def _describe(self, texts: dict[str, str]) -> str | None:
        """The text for this view's action, naming its queryset's records (a view may say otherwise)."""
        action = getattr(self.view, "action", None)
        if action not in texts or getattr(self.view, "queryset", None) is None:
            return None
        meta = self.view.queryset.model._meta
        one, many = str(meta.verbose_name), str(meta.verbose_name_plural)
        return texts[action].format(a="an" if one[:1] in "aeiou" else "a", one=one, many=many)

    def get_summary(self) -> str | None:
        return self._describe(SUMMARIES)

    def get_override_parameters(self) -> list:
        params = list(super().get_override_parameters())
        if "{slug}" in self.path:
            params.append(
                OpenApiParameter("slug", str, OpenApiParameter.PATH, description="The record's slug.")
            )
        if "{id}" in self.path:
            params.append(OpenApiParameter("id", int, OpenApiParameter.PATH, description="The record's id."))
        if self.method in ("PUT", "PATCH", "DELETE") and "{" in self.path:
            params.append(
                OpenApiParameter(
                    "If-Match",
                    str,
                    OpenApiParameter.HEADER,
                    description="The ETag of your last read: the write answers 412 if the record changed "
                    "since. Optional unless the server requires it (then 428 without it).",
                )
            )
        return params

    def _get_filter_parameters(self) -> list[dict]:
        # Typed as the filters parse them (the HTML forms' "empty means no filter" is left unsaid): a
        # strict boolean, a whole year, a country code or a choice from a named enum (common/schema.py).
        params = super()._get_filter_parameters()
        filterset = getattr(self.view, "filterset_class", None)
        filters = filterset.base_filters if filterset is not None else {}
        for param in params:
            schema = self._filter_schema(filters.get(param["name"]))
            if schema is not None:
                param["schema"] = schema
        return params

    @staticmethod
    def _filter_schema(filter_: Any) -> dict | None:
        if isinstance(filter_, django_filters.BooleanFilter):
            return {"type": "boolean"}
        if isinstance(filter_, WholeNumberFilter):
            low, high = filter_.extra.get("min_value"), filter_.extra.get("max_value")
            return {"type": "integer", "minimum": low, "maximum": high}
        if isinstance(filter_, RecordFilter):
            # Any slug is a query: one no record has selects nothing. Text fields refuse a NUL.
            return {"type": "string", "pattern": NO_NUL}
        if isinstance(filter_, django_filters.CharFilter):
            schema = {"type": "string", "pattern": NO_NUL}
            if filter_.extra.get("max_length"):
                schema["maxLength"] = filter_.extra["max_length"]
            return schema
        choices = filter_.extra.get("choices") if filter_ is not None else None
        if choices is not None:
            choices = choices() if callable(choices) else choices
            return {"type": "string", "enum": [code for code, _ in choices if code != ""]}
        return None

    def get_request_serializer(self) -> Any:
        input_class = getattr(self.view, "input_serializer_class", None)
        if input_class is not None and self.method in WRITE_METHODS:
            return input_class
        return super().get_request_serializer()

    def _map_basic_serializer(self, serializer: Any, direction: str) -> dict:
        schema = super()._map_basic_serializer(serializer, direction)
        if direction == "request" and isinstance(serializer, StrictInputMixin):
            schema["additionalProperties"] = False  # unknown keys answer 400
            input_constraints(serializer, schema)
        if direction == "response":
            # An answer has every field of its serializer, null or empty when unknown; only a field
            # declared writable and not required (VisitListSerializer.meetings, with ?expand=) may be absent.
            declared = getattr(serializer, "_declared_fields", {})
            optional = {name for name, f in declared.items() if not (f.required or f.read_only)}
            required = [name for name in schema.get("properties", {}) if name not in optional]
            if required:
                schema["required"] = required
        return schema

    def _get_request_body(self, direction: str = "request") -> dict | None:
        body = super()._get_request_body(direction)
        if body is not None and self.method in getattr(self.view, "body_required_for", ()):
            body["required"] = True  # e.g. POST /sources/: no body, no article
        return body

    def _get_response_bodies(self, direction: str = "response") -> dict:
        responses = super()._get_response_bodies(direction)
        errors = {
            "400": "Invalid input, filter value or cursor.",
            "401": "Missing or invalid token.",
            "403": "The token's user lacks the permission.",
            "429": "Too many requests; see Retry-After.",
            "500": "An unexpected error (logged on the server).",
            "503": "The database is not answering; retry after Retry-After seconds.",
        }
        if "{" in self.path:
            errors["404"] = "No such record."
        if self.method in (*WRITE_METHODS, "DELETE"):
            errors["409"] = (
                "Well-formed input that conflicts with the archive as it is now: a slug or external id "
                "another record has, a reference to a record that does not exist, or (DELETE) a record "
                "others still need."
            )
            errors["413"] = "Request body too large."
            errors["415"] = "Unsupported content type."
        rules = getattr(self.view, "record_rules", "")
        if rules and self.method in WRITE_METHODS:
            errors["422"] = f"Well-formed input that breaks a rule of the record no schema can state: {rules}"
        if self.method in ("PUT", "PATCH", "DELETE") and "{" in self.path:
            errors["412"] = "If-Match names an older version of the record: read it again."
            errors["428"] = "If-Match is required on this server (API_REQUIRE_IF_MATCH)."
        if self.method == "GET":
            errors["304"] = "Not modified since the ETag or date the client sent."
        answer = self._describe(ANSWERS)
        for code, response in responses.items():
            if code.startswith("2") and answer and response.get("description") in ("", "No response body"):
                response["description"] = answer
        for code, text in errors.items():
            if code not in responses:
                body = None if code == "304" else ERROR_REF
                responses[code] = self._get_response_for_code(OpenApiResponse(body, description=text), code)
        return dict(sorted(responses.items()))

    def _get_response_headers_for_code(self, status_code: str, direction: str = "response") -> dict:
        headers = super()._get_response_headers_for_code(status_code, direction)
        integer = {"type": "integer"}
        if status_code not in ("401", "403"):
            headers.update({name: _header(integer, text) for name, text in RATE_LIMIT_HEADERS.items()})
        success = status_code.startswith("2")
        detail = "{" in self.path
        if self.method == "GET" and status_code in ("200", "304"):
            headers["ETag"] = _header(
                {"type": "string"}, "The answer's version, for If-None-Match.", required=True
            )
        if self.method in ("PUT", "PATCH") and success:
            headers["ETag"] = _header(
                {"type": "string"}, "The record's new version, for If-Match.", required=True
            )
        if self.method == "GET" and status_code == "200" and (detail or self.view.pagination_class is None):
            headers["Last-Modified"] = _header(
                {"type": "string"},
                "When the records shown last changed (an HTTP date), once that second is over.",
            )
        if self.method == "POST" and success:
            headers["Location"] = _header(
                {"type": "string", "format": "uri"}, "The record in the API.", required=True
            )
            if status_code == "201":
                headers["ETag"] = _header(
                    {"type": "string"}, "The record's version, for If-Match.", required=True
                )
        if status_code == "301":
            headers["Location"] = _header(
                {"type": "string", "format": "uri"}, "Where the record is now.", required=True
            )
        if status_code in ("429", "503"):
            headers["Retry-After"] = _header(integer, "Seconds to wait before retrying.", required=True)
        if self.method == "GET" and status_code == "200" and self._is_list_view() and self._get_paginator():
            headers["Link"] = _header(
                {"type": "string"},
                'The next and previous pages as RFC 8288 links (rel="next", rel="previous"), when there '
                "are any.",
            )
            headers["X-Total-Count"] = _header(
                integer, "How many records the filters select; only with `?count=true`."
            )
        return headers


class ArchiveReadMixin(CachedReadMixin):
    """Last-Modified from the records shown (ETag comes from ConditionalGetMiddleware).

    Anonymous reads are answered from the response cache when they can be (common/response_cache.py).
    """

    schema = ArchiveSchema()
    # Any path segment reaches the view, so a malformed id is a JSON 404, not Django's HTML page.
    lookup_value_regex = "[^/]+"
    # Unknown query parameters answer 400 naming them (common/filters.py), never an unfiltered list.
    filter_backends = [StrictFilterBackend]
    pagination_class = KeysetPagination
    parser_classes = [LimitedJSONParser]
    last_modified: datetime.datetime | None = None

    def get_exception_handler(self) -> Any:
        return api_exception_handler

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # No Last-Modified on lists: a deletion changes a list but no row's date, so only the ETag is safe.
        return self.cached_answer(
            request, lambda: super(ArchiveReadMixin, self).list(request, *args, **kwargs)
        )

    def paginate_queryset(self, queryset: models.QuerySet) -> list | None:
        rows = super().paginate_queryset(queryset)
        if self.paginator is not None:
            self.paginator.rows = rows
        return rows

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        # A value no record can have is a 404 before any query: a NUL (PostgreSQL refuses it), a number
        # past bigint, "1e400" for an id.
        key = self.lookup_url_kwarg or self.lookup_field
        if key not in kwargs:
            return
        value = str(kwargs[key])
        if "\x00" in value or len(value) > 300:
            raise NotFound()
        if self.lookup_field == "pk" and not (
            value.isascii() and value.isdigit() and 0 < int(value) <= MAX_ID
        ):
            raise NotFound()

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.cached_answer(request, self.retrieve_fresh)

    def retrieve_fresh(self) -> Response:
        instance = self.get_object()
        self.last_modified = getattr(instance, "updated_at", None)
        data = self.get_serializer(instance).data
        return Response(data, headers={"ETag": record_etag(instance, data)})

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        # HTTP dates have whole seconds: a change later in the same second would get the same date and a
        # stale 304. So the date is given only once its second is over (the ETag serves until then).
        settled = self.last_modified and time.time() >= int(self.last_modified.timestamp()) + 1
        if settled and request.method in ("GET", "HEAD") and response.status_code == 200:
            response.headers["Last-Modified"] = http_date(self.last_modified.timestamp())
        return response


class RecordViewSet(ArchiveReadMixin, viewsets.ModelViewSet):
    """Read for everyone; create, change and delete with the model's permission.

    Writes go through a strict input serializer, then the model's full_clean() (as admin does), in one
    transaction; the fields the client set are marked editor-owned and the history records the user.

    Concurrency: a PUT, PATCH or DELETE locks the row and works on its newest version, so writes never
    undo each other's fields. A client that must not overwrite a change it has not seen sends the ETag
    of its last read in If-Match: a stale one answers 412. If-Match is optional unless the setting
    API_REQUIRE_IF_MATCH is on (then a write without it answers 428).
    """

    input_serializer_class: type[serializers.Serializer]
    # The record's rules between fields (its check constraints, clean()): documented with the 422 they answer.
    record_rules = ""
    # Input keys that are not plain model fields; `save_related` stores them after the record.
    related_fields: tuple[str, ...] = ()

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.write(self.get_queryset().model(), request, partial=False)
        return self.answer(instance, status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # The row is locked and read again inside the transaction, so the write starts from the newest
        # version: concurrent PATCHes of different fields all survive, as do the editor-owned marks.
        def work() -> models.Model:
            with transaction.atomic():
                instance = self.locked_object()
                check_if_match(request, instance)
                return self.write(instance, request, partial=kwargs.get("partial", False))

        return self.answer(retrying(work), status.HTTP_200_OK)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        def work() -> None:
            with transaction.atomic():
                instance = self.locked_object()
                check_if_match(request, instance)
                self.before_delete(instance)
                instance._history_user = request.user
                instance.delete()

        try:
            retrying(work)
        except IntegrityError:  # a row showing the record breaks a constraint without it (see before_delete)
            raise serializers.ValidationError(
                {"non_field_errors": ["Other records need this one; change them first."]}, code="conflict"
            ) from None
        return Response(status=status.HTTP_204_NO_CONTENT)

    def locked_object(self) -> models.Model:
        """The record (permissions and 404 as a read), locked until the transaction ends, read afresh."""
        found = self.get_object()
        model = type(found)
        list(model._base_manager.select_for_update().filter(pk=found.pk).values_list("pk", flat=True))
        try:
            instance = self.get_queryset().get(pk=found.pk)
        except model.DoesNotExist:
            raise NotFound() from None
        return instance

    def answer(self, instance: models.Model, code: int) -> Response:
        """The record as written, with its new ETag (and Location when created)."""
        fresh = self.get_queryset().get(pk=instance.pk)
        data = self.get_serializer(fresh).data
        headers = {"ETag": record_etag(fresh, data)}
        if code == status.HTTP_201_CREATED:
            headers["Location"] = data["api_url"]
        return Response(data, status=code, headers=headers)

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
            raise as_drf_error(exc, type(instance)) from None
        except IntegrityError:
            raise serializers.ValidationError(
                {"non_field_errors": ["The change conflicts with another record; reload and retry."]},
                code="conflict",
            ) from None
        return instance

    def prepare(self, instance: models.Model, created: bool) -> None:
        """Fill derived values before validation (e.g. a slug made from the name)."""

    def related_changes(self, instance: models.Model, related: dict, created: bool) -> list[str]:
        """Names of the related values the client changed."""
        return list(related)

    def save_related(self, instance: models.Model, related: dict) -> None:
        """Store related values (many-to-many, child rows) after the record is saved."""

    def before_delete(self, instance: models.Model) -> None:
        """Let the records that show this one stand without it (in the delete's transaction)."""
