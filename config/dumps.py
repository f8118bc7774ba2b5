"""Bulk dumps: every record of a resource as CSV or JSON Lines, in the API's own field names, streamed.

What a data user loads with one call (`pandas.read_csv(".../dumps/visits.csv")`): a header row, one record
per line, no comment lines; nested values (a visitor, a meeting list) as JSON in their cell. The citation
and licence are in the dumps index (`/api/v1/dumps/`) and in a `Link: rel="describedby"` header, not in
the file. The rows are the API list's (same serializer, same related-data fetch), read in id order, a
chunk at a time, so memory stays flat at any size.
"""

import csv
import itertools
import json
from collections.abc import Iterator
from typing import Any

from django.http import Http404, HttpRequest, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from rest_framework.request import Request

from common.sync import DeletionViewSet
from orgs.api import OrganisationViewSet
from people.api import OfficialViewSet
from visits.api import MeetingViewSet, SourceViewSet, VisitViewSet

RESOURCES = {
    "visits": VisitViewSet,
    "meetings": MeetingViewSet,
    "officials": OfficialViewSet,
    "organisations": OrganisationViewSet,
    "sources": SourceViewSet,
    "deletions": DeletionViewSet,
}
FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/jsonl; charset=utf-8"}
CHUNK = 500
CITATION = "Archive of official visits, {url}, retrieved {date}"
LICENCE = "Records: as their sources allow (each record links its source); the archive's own work: CC0 1.0."


def _rows(request: HttpRequest, resource: str) -> tuple[list[str], Iterator[dict[str, Any]]]:
    """The field names and the records, as the API lists them."""
    view = RESOURCES[resource]()
    view.request, view.action, view.format_kwarg, view.kwargs, view.args = (
        Request(request),
        "list",
        None,
        {},
        (),
    )
    queryset = view.get_queryset()
    serializer_class = view.get_serializer_class()
    context = view.get_serializer_context()

    def records() -> Iterator[dict[str, Any]]:
        last = 0
        while True:
            chunk = list(queryset.filter(pk__gt=last).order_by("pk")[:CHUNK])
            if not chunk:
                return
            yield from serializer_class(chunk, many=True, context=context).data
            last = chunk[-1].pk

    rows = records()
    fields = list(getattr(serializer_class(context=context), "fields", None) or ())
    if not fields:
        # A serializer without field objects (visits/lean.py builds the list's dicts directly): the
        # first record names the columns.
        first = next(rows, None)
        if first is not None:
            fields, rows = list(first), itertools.chain([first], rows)
    return fields, rows


class _Echo:
    def write(self, value: str) -> str:
        return value


def _cell(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    # A cell starting with = + - @ is a formula to spreadsheet programs: record text must stay text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def dump(request: HttpRequest, resource: str, fmt: str) -> StreamingHttpResponse:
    """Every record of `resource` as CSV (a header row) or JSON Lines."""
    if resource not in RESOURCES or fmt not in FORMATS:
        raise Http404("No such dump.")
    fields, records = _rows(request, resource)
    if fmt == "csv":
        writer = csv.writer(_Echo())

        def lines() -> Iterator[str]:
            yield writer.writerow(fields)
            for record in records:
                yield writer.writerow([_cell(record.get(name)) for name in fields])

    else:

        def lines() -> Iterator[str]:
            for record in records:
                yield json.dumps(record, ensure_ascii=False, default=str) + "\n"

    response = StreamingHttpResponse(lines(), content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{resource}.{fmt}"'
    response["Link"] = f'<{request.build_absolute_uri(reverse("api:dumps"))}>; rel="describedby"'
    return response


def dumps_index(request: HttpRequest) -> JsonResponse:
    """Where each dump is, with the citation and licence that go with them."""
    here = request.build_absolute_uri(reverse("api:dumps"))
    files = {
        resource: {
            fmt: request.build_absolute_uri(reverse("api:dump", args=[resource, fmt])) for fmt in FORMATS
        }
        for resource in RESOURCES
    }
    citation = CITATION.format(url=here, date=timezone.now().date().isoformat())
    return JsonResponse({"citation": citation, "licence": LICENCE, "dumps": files})
