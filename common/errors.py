"""The API's error answers: DRF's shape for every 4xx and 5xx, and which status each kind of error gets.

An error about the request as a whole is {"detail": "..."}; invalid input names each field (the `Error`
component of the schema, common/schema.py). Used by every API view through ArchiveReadMixin (common/api.py).

Input errors get one of three statuses, so a client (and a fuzzer reading the schema) can tell them apart:
400 the input does not fit the schema; 409 it fits, but conflicts with other records as they are now (a
taken slug, a reference to nothing, a record others still need); 422 it fits, but breaks a rule of the
record itself that no JSON Schema can state (a visit ending before it starts, an organisation under itself).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, InterfaceError, OperationalError, models
from rest_framework import serializers, status
from rest_framework.exceptions import APIException, ErrorDetail
from rest_framework.response import Response
from rest_framework.views import exception_handler

log = logging.getLogger(__name__)

# Record writes and articles are small; a bigger body is refused before it is read.
API_MAX_BODY_BYTES = settings.API_MAX_BODY_BYTES

# A client told the database is not answering waits this long.
RETRY_AFTER_SECONDS = 30


def api_exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF's answers, and JSON for what would otherwise be Django's HTML error page.

    The database not answering is a 503 with Retry-After; a value it cannot store or compare (out of
    range, a NUL) a 400; anything else a logged 500 that names nothing of the server.
    """
    response = exception_handler(exc, context)
    if response is not None:
        if isinstance(exc, serializers.ValidationError):
            codes = exc.get_codes()
            if _codes_within(codes, CONFLICT_CODES):
                response.status_code = status.HTTP_409_CONFLICT
            elif _codes_within(codes, CONFLICT_CODES | {INCONSISTENT}):
                response.status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
        return response
    if isinstance(exc, OperationalError | InterfaceError):
        log.warning("API: database unavailable: %s", exc)
        return Response(
            {"detail": "The archive's database is not answering; try again in a moment."},
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    if isinstance(exc, DataError):
        return Response(
            {"detail": "A value in the request cannot be stored or searched (out of range or a NUL)."},
            status=status.HTTP_400_BAD_REQUEST,
        )
    log.error("API: unexpected error", exc_info=exc)
    return Response({"detail": "Server error."}, status=status.HTTP_500_INTERNAL_SERVER_ERROR)


# Input that is well formed but does not fit the archive as it is now: a slug or external id another record
# has, a reference to a record that does not exist. 409, not 400: the same request may succeed later.
CONFLICT_CODES = frozenset({"unique", "unique_together", "does_not_exist", "conflict"})
# Input that fits the schema but breaks a rule between the record's own fields, or its place among its
# parents: a model's check constraints and clean(). 422: no retry helps; the input must change.
INCONSISTENT = "inconsistent"


def _codes_within(codes: Any, allowed: frozenset[str]) -> bool:
    """Whether every error code in DRF's nested codes (dicts, lists, strings) is one of `allowed`."""
    if isinstance(codes, dict):
        return bool(codes) and all(_codes_within(c, allowed) for c in codes.values())
    if isinstance(codes, list):
        return bool(codes) and all(_codes_within(c, allowed) for c in codes)
    return codes in allowed


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The record changed since you read it: fetch it again (for its new ETag) and retry."
    default_code = "precondition_failed"


class PreconditionRequired(APIException):
    status_code = 428
    default_detail = "Send the record's ETag in If-Match: read it first, then write."
    default_code = "precondition_required"


class BodyTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = f"Request body too large: the limit is {API_MAX_BODY_BYTES} bytes."
    default_code = "body_too_large"


# Django's default message for a violated constraint names it ("Constraint “x_unique_y” is violated.").
_CONSTRAINT_MESSAGE = re.compile(r"^Constraint “[^”]*” is violated\.$")
CONSTRAINT_VIOLATED = "These values conflict with another record or with the record's rules."


def as_drf_error(exc: DjangoValidationError, model: type[models.Model]) -> serializers.ValidationError:
    """The model's validation errors in DRF's shape, with a code that decides the status.

    Field errors keep their own code (400); a unique constraint's is a conflict (409); a check
    constraint's, or one from the model's clean() (which has no code), is the record's own rule broken (422).
    """
    unique = {
        str(c.get_violation_error_message())
        for c in model._meta.constraints
        if isinstance(c, models.UniqueConstraint)
    }

    def details(errors: list[DjangoValidationError]) -> list[ErrorDetail]:
        found = []
        for error in errors:
            message = error.message % error.params if error.params else error.message
            code = error.code or ("conflict" if str(message) in unique else INCONSISTENT)
            if _CONSTRAINT_MESSAGE.match(str(message)):
                message = CONSTRAINT_VIOLATED
            found.append(ErrorDetail(str(message), code=code))
        return found

    if hasattr(exc, "error_dict"):
        return serializers.ValidationError(
            {("non_field_errors" if k == "__all__" else k): details(v) for k, v in exc.error_dict.items()}
        )
    return serializers.ValidationError({"non_field_errors": details(exc.error_list)})
