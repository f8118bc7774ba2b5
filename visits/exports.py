"""Exports of exactly the filtered timeline (CSV, JSON, iCalendar) and its Atom feed; each cites itself."""

import csv
import datetime
import itertools
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db import DatabaseError
from django.db.models import F
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from visits.listing import CITATION, Listing, read_filters
from visits.models import Visit, VisitStatus

log = logging.getLogger(__name__)

CHUNK = 2000
# C0 controls (but tab, line feed and carriage return), DEL and the C1 block: XML 1.0 cannot carry most of
# them and calendars and feeds should not; records may hold them (the CSV import and the API keep text as
# sent), so they are dropped on the way out.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
RETRY_AFTER_SECONDS = 30
FEED_SIZE = 50
# The record's own fields (as Visit.FIELD_GROUPS lists them; related records by slug, or id without one),
# framed by what the archive adds: its id and page, the meeting count and the last change.
FIELDS = [name for name in Visit.content_fields() if not Visit._meta.get_field(name).many_to_many]
COLUMNS = ["id", "url", *FIELDS, "meeting_count", "updated_at"]


def export_queryset(listing: Listing):
    """The filtered visits, newest first and undated last, read in chunks (no prefetch: one row, one line)."""
    return (
        listing.queryset.prefetch_related(None)
        .order_by(F("start_date").desc(nulls_last=True), "-id")
        .iterator(chunk_size=CHUNK)
    )


class Unavailable(Exception):
    """The database did not answer before the export's first byte."""


def _started(listing: Listing) -> Iterator[Visit]:
    """The export's rows with the query already run: a database that is down is a 503, not an empty 200."""
    rows = export_queryset(listing)
    try:
        first = list(itertools.islice(rows, 1))
    except DatabaseError as exc:
        log.warning("Export unavailable: %s", exc)
        raise Unavailable from exc
    return itertools.chain(first, rows)


def _unavailable() -> HttpResponse:
    response = HttpResponse(
        "The archive's database is not answering; try again in a moment.\n",
        status=503,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def printable(value: str) -> str:
    """Text without control characters (feeds and calendars cannot carry them)."""
    return _CONTROL.sub("", value)


def _citation(request: HttpRequest, listing: Listing) -> tuple[str, str]:
    permalink = listing.permalink(request)
    return CITATION.format(permalink=permalink, date=timezone.now().date().isoformat()), permalink


def _cell(visit: Visit, name: str) -> object:
    field = Visit._meta.get_field(name)
    if field.is_relation:
        if getattr(visit, field.attname) is None:
            return ""
        related = getattr(visit, name)
        return getattr(related, "slug", related.pk)
    value = getattr(visit, name)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return getattr(value, "code", value) or ("" if value is None else value)


def _row(request: HttpRequest, visit: Visit) -> dict[str, object]:
    return {
        "id": visit.pk,
        "url": request.build_absolute_uri(visit.get_absolute_url()),
        **{name: _cell(visit, name) for name in FIELDS},
        "meeting_count": visit.meeting_count,
        "updated_at": visit.updated_at.isoformat(),
    }


def _invalid(listing: Listing) -> HttpResponse:
    return HttpResponseBadRequest("\n".join(listing.errors) + "\n", content_type="text/plain; charset=utf-8")


class _Echo:
    def write(self, value: str) -> str:
        return value


def _spreadsheet_safe(value: object) -> object:
    # A cell starting with = + - @ is a formula to spreadsheet programs: record text must stay text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def export_csv(request: HttpRequest) -> HttpResponse:
    """The filtered list as CSV: a header row, then one visit a line (spreadsheets and pandas read it as is).

    The citation and permalink travel in headers (`Link: rel="cite-as"`, `X-Citation`), not in the file.
    """
    listing = read_filters(request.GET)
    if not listing.valid:
        return _invalid(listing)
    citation, permalink = _citation(request, listing)
    writer = csv.writer(_Echo())
    try:
        visits = _started(listing)
    except Unavailable:
        return _unavailable()

    def lines() -> Iterator[str]:
        yield writer.writerow(COLUMNS)
        for visit in visits:
            row = _row(request, visit)
            yield writer.writerow([_spreadsheet_safe(row[c]) if row[c] is not None else "" for c in COLUMNS])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="visits.csv"'
    response["Link"] = f'<{permalink}>; rel="cite-as"'
    response["X-Citation"] = citation.encode("ascii", "replace").decode()
    return response


def export_json(request: HttpRequest) -> HttpResponse:
    """The filtered list as one JSON object: citation, permalink, retrieved date and the visits."""
    listing = read_filters(request.GET)
    if not listing.valid:
        return _invalid(listing)
    citation, permalink = _citation(request, listing)
    try:
        visits = _started(listing)
    except Unavailable:
        return _unavailable()

    def chunks() -> Iterator[str]:
        head = {"citation": citation, "permalink": permalink, "retrieved": timezone.now().date().isoformat()}
        yield json.dumps(head)[:-1] + ', "results": ['
        for n, visit in enumerate(visits):
            yield ("," if n else "") + json.dumps(_row(request, visit), ensure_ascii=False)
        yield "]}\n"

    response = StreamingHttpResponse(chunks(), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="visits.json"'
    return response


def _ics_text(value: str) -> str:
    """TEXT as RFC 5545 §3.3.11 escapes it; any line break (CRLF, a lone CR or LF) becomes \\n."""
    value = printable(value).replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence."""
    out, current = [], ""
    for ch in line:
        if len((current + ch).encode()) > 75:
            out.append(current)
            current = " " + ch
        else:
            current += ch
    out.append(current)
    return "\r\n".join(out) + "\r\n"


def _ics_lines(request: HttpRequest, visits: Iterable[Visit], citation: str, permalink: str) -> Iterator[str]:
    host = request.get_host().split(":")[0] or "visits"
    yield from ("BEGIN:VCALENDAR\r\n", "VERSION:2.0\r\n", "PRODID:-//Archive of official visits//EN\r\n")
    yield "CALSCALE:GREGORIAN\r\n"
    yield _fold(f"NAME:{_ics_text('Official visits')}")
    yield _fold(f"X-WR-CALNAME:{_ics_text('Official visits')}")
    yield _fold(f"DESCRIPTION:{_ics_text(citation)}")
    yield _fold(f"X-WR-CALDESC:{_ics_text(citation)}")
    yield _fold(f"URL:{permalink}")
    for visit in visits:
        if visit.start_date is None:
            continue  # a calendar entry needs a day
        last = visit.end_date or visit.start_date
        # DTEND is the day after; on 9999-12-31 there is none, and DTEND is left out (one day).
        end = last + datetime.timedelta(days=1) if last < datetime.date.max else None
        place = ", ".join(p for p in (visit.destination_city, visit.destination_country.name) if p)
        summary = f"{visit.visitor_display or 'Unknown visitor'} in {place}"
        if visit.status == VisitStatus.CANCELLED:
            summary += " (cancelled)"
        yield "BEGIN:VEVENT\r\n"
        yield _fold(f"UID:visit-{visit.pk}@{host}")
        yield f"DTSTAMP:{visit.updated_at.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}\r\n"
        yield f"DTSTART;VALUE=DATE:{visit.start_date:%Y%m%d}\r\n"
        if end is not None:
            yield f"DTEND;VALUE=DATE:{end:%Y%m%d}\r\n"
        yield _fold(f"SUMMARY:{_ics_text(summary)}")
        yield _fold(f"LOCATION:{_ics_text(place)}")
        yield _fold(f"DESCRIPTION:{_ics_text(visit.purpose or visit.get_kind_display())}")
        yield _fold(f"URL:{request.build_absolute_uri(visit.get_absolute_url())}")
        status = {"planned": "TENTATIVE", "cancelled": "CANCELLED"}.get(visit.status, "CONFIRMED")
        yield f"STATUS:{status}\r\n"
        yield "END:VEVENT\r\n"
    yield "END:VCALENDAR\r\n"


def export_ics(request: HttpRequest) -> HttpResponse:
    """The filtered list as an iCalendar file, one all-day event per dated visit."""
    listing = read_filters(request.GET)
    if not listing.valid:
        return _invalid(listing)
    citation, permalink = _citation(request, listing)
    try:
        visits = _started(listing)
    except Unavailable:
        return _unavailable()
    lines = _ics_lines(request, visits, citation, permalink)
    response = StreamingHttpResponse(lines, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="visits.ics"'
    return response


@dataclass
class FeedRequest:
    request: HttpRequest
    listing: Listing


class VisitFeed(Feed):
    """Atom feed of new and upcoming visits matching the timeline's filters (/feeds/visits/?...)."""

    feed_type = Atom1Feed
    title = "Official visits: new and upcoming"

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        listing = read_filters(request.GET)
        if not listing.valid:
            return _invalid(listing)
        try:
            return super().__call__(request, *args, **kwargs)
        except DatabaseError as exc:
            log.warning("Feed unavailable: %s", exc)
            return _unavailable()

    def get_object(self, request: HttpRequest, *args, **kwargs) -> FeedRequest:
        return FeedRequest(request, read_filters(request.GET))

    def link(self, obj: FeedRequest) -> str:
        return obj.listing.permalink(obj.request)

    def subtitle(self, obj: FeedRequest) -> str:
        return printable(_citation(obj.request, obj.listing)[0])

    def items(self, obj: FeedRequest) -> list[Visit]:
        qs = obj.listing.queryset.prefetch_related(None)
        today = timezone.now().date()
        upcoming = list(
            qs.filter(status=VisitStatus.PLANNED, start_date__gte=today).order_by("start_date", "id")[
                :FEED_SIZE
            ]
        )
        newest = list(qs.order_by("-created_at", "-id")[:FEED_SIZE])
        seen: set[int] = set()
        merged = []
        for visit in upcoming + newest:
            if visit.pk not in seen:
                seen.add(visit.pk)
                merged.append(visit)
        return merged[:FEED_SIZE]

    def item_title(self, item: Visit) -> str:
        origin = item.origin_country.code or "?"
        place = ", ".join(p for p in (item.destination_city, item.destination_country.name) if p)
        when = item.start_date.isoformat() if item.start_date else "undated"
        status = " (planned)" if item.status == VisitStatus.PLANNED else ""
        return printable(f"{item.visitor_display or 'Unknown visitor'} ({origin}) in {place}, {when}{status}")

    def item_description(self, item: Visit) -> str:
        return printable(item.summary or item.purpose or item.get_kind_display())

    def item_pubdate(self, item: Visit) -> datetime.datetime:
        return item.created_at

    def item_updateddate(self, item: Visit) -> datetime.datetime:
        return item.updated_at
