"""The archive's own lossless export: every visit with its meetings, in the format `ingest` reads back.

Reading records into the importers' plain rows (`VisitRow`), then the JSON reader's inverse
(`tabular.export_json`): what one writes the other reads, so an export ingested into an empty archive gives
the same visits, meetings, participants and bodies.
"""

import json
from collections import defaultdict
from collections.abc import Iterator

from django.db.models import QuerySet

from visits.importers.rows import MeetingRow, PersonRef, VisitRow
from visits.importers.tabular import ARCHIVE_FORMAT, row_to_json
from visits.models import Meeting, Participant, Visit

# A visit without an id of its own (one an article reported) is exported under this scheme with its own
# id, so ingesting the export into the same archive finds it again instead of adding a copy.
ARCHIVE_SCHEME = "archive"
CHUNK = 1000


def _person(name: str, title: str, country: str) -> PersonRef:
    return PersonRef(name=name or None, title=title or None, country=country or None)


def _delegation(text: str) -> list[PersonRef]:
    # Written as "title name; title name" by the import; kept as written, one person per entry.
    return [PersonRef(name=part.strip()) for part in text.split(";") if part.strip()]


def _meetings(visit_ids: list[int]) -> dict[int, list[MeetingRow]]:
    people: dict[int, list[PersonRef]] = defaultdict(list)
    participants = Participant.objects.filter(meeting__visit_id__in=visit_ids).order_by("meeting_id", "id")
    for meeting_id, name, title, country in participants.values_list(
        "meeting_id", "name_as_written", "title_as_written", "country"
    ):
        people[meeting_id].append(_person(name, title, country))
    rows: dict[int, list[MeetingRow]] = defaultdict(list)
    for meeting in Meeting.objects.filter(visit_id__in=visit_ids).order_by("visit_id", "id"):
        rows[meeting.visit_id].append(
            MeetingRow(
                participants=people[meeting.pk],
                date=meeting.date,
                city=meeting.city or None,
                country=meeting.country.code or None,
                name=meeting.name or None,
            )
        )
    return rows


def visit_rows(queryset: QuerySet[Visit] | None = None) -> Iterator[VisitRow]:
    """Each visit as the importers' row, in id order, a chunk of visits (three queries) at a time."""
    queryset = (queryset if queryset is not None else Visit.objects.all()).select_related("visitor")
    queryset = queryset.prefetch_related("organisations").order_by("id")
    last = 0
    while True:
        chunk = list(queryset.filter(id__gt=last)[:CHUNK])
        if not chunk:
            return
        meetings = _meetings([v.pk for v in chunk])
        for visit in chunk:
            visitor_country = visit.visitor.country.code if visit.visitor_id else ""
            visitor = _person(
                visit.visitor_name or (visit.visitor.name if visit.visitor_id else ""),
                visit.visitor_title,
                visitor_country,
            )
            yield VisitRow(
                external_scheme=visit.external_scheme or ARCHIVE_SCHEME,
                external_id=visit.external_id or str(visit.pk),
                visitors=[visitor, *_delegation(visit.delegation)],
                origin_country=visit.origin_country.code or None,
                destination_country=visit.destination_country.code or None,
                destination_city=visit.destination_city or None,
                start_date=visit.start_date,
                end_date=visit.end_date,
                date_precision=visit.start_precision,
                kind=visit.kind,
                status=visit.status,
                purpose=visit.purpose or None,
                summary=visit.summary,
                meetings=meetings.get(visit.pk, []),
                organisations=[org.name for org in visit.organisations.all()],
            )
        last = chunk[-1].pk


def archive_json_chunks(queryset: QuerySet[Visit] | None = None) -> Iterator[str]:
    """The export document as text pieces, one visit at a time (streamed: memory stays flat)."""
    yield '{"format": %s, "visits": [' % json.dumps(ARCHIVE_FORMAT)  # noqa: UP031
    for n, row in enumerate(visit_rows(queryset)):
        yield ("," if n else "") + "\n" + json.dumps(row_to_json(row), ensure_ascii=False)
    yield "\n]}\n"
