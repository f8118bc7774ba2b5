"""The article writer: an extraction's records into the database, idempotent, respecting editors."""

import datetime
import hashlib
import logging
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DataError, transaction

from common.models import ReviewState
from common.text import name_key
from orgs.services import organisation_resolve
from people.models import Official, Position
from people.names import Agreement, compare
from people.services import official_resolve, position_record
from visits.models import Evidence, Meeting, Participant, Source, Visit
from visits.nesting import nesting_touch
from visits.services.identity import names_agree, same_meeting, same_participant, same_visit
from visits.services.outcomes import outcomes_write
from visits.services.trips import trips_rebuild
from visits.services.writer_rules import (
    Roster,
    assign_unless_edited,
    droppable,
    fill_blanks,
    meetings_deleted_by_editors,
    participants_owned,
)

log = logging.getLogger(__name__)


@dataclass
class ApplyResult:
    """What an extraction did to the database."""

    visits: list[Visit] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    # Records that could not be written (the rest of the source's records stand), said on the source.
    skipped: list[str] = field(default_factory=list)


@dataclass
class _Person:
    official: Official | None
    title: str
    country: str
    position: Position | None


def _date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _record_key(*parts: Any) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()  # noqa: S324 (an id, not security)


def extraction_apply(
    *, source: Source, extraction: dict, review_state: str = ReviewState.UNREVIEWED
) -> ApplyResult:
    """Write an extraction's records for `source`: idempotent, never overwriting what an editor changed."""
    result = ApplyResult()
    orgs = {}
    for item in extraction.get("organisations") or []:
        org = organisation_resolve(
            name=item.get("name") or "", acronym=item.get("acronym") or "", kind=item.get("kind") or ""
        )
        if org:
            orgs[name_key(item.get("name") or "")] = org
    people: dict[str, _Person] = {}
    for item in extraction.get("officials") or []:
        with _degrade(result, "official", item.get("name")):
            person = _person(item, source=source, orgs=orgs, review_state=review_state)
            if item.get("name"):
                people[name_key(item["name"])] = person
                if person.official:
                    result.officials.append(person.official)
    keys: set[str] = set()
    for item in extraction.get("visits") or []:
        with _degrade(result, "visit", item.get("visitor")):
            visit, key = _apply_visit(
                item, source=source, people=people, orgs=orgs, review_state=review_state, result=result
            )
            if visit:
                keys.add(key)
                result.visits.append(visit)
    for item in extraction.get("meetings") or []:
        with _degrade(result, "meeting", ", ".join(map(str, item.get("participants") or []))):
            meeting, key = _apply_meeting(
                item, source=source, people=people, result=result, review_state=review_state
            )
            if meeting:
                keys.add(key)
                result.meetings.append(meeting)
    _drop_stale(source, keys, result)
    outcomes_write(source=source, outcomes=extraction.get("outcomes") or [], review_state=review_state)
    trips_rebuild(visitors={v.visitor_id for v in result.visits if v.visitor_id})  # onward legs join a trip
    return result


@contextmanager
def _degrade(result: ApplyResult, kind: str, label: object) -> Iterator[None]:
    """One record that cannot be written is skipped (and said so); the source and its other records stand."""
    try:
        with transaction.atomic():
            yield
    except (ValidationError, DataError, ValueError, TypeError, AttributeError) as exc:
        log.warning("Skipped a %s (%s): %s", kind, label, exc)
        result.counts[f"{kind}s skipped"] += 1
        result.skipped.append(f"A {kind} ({str(label)[:80]}) could not be recorded: {type(exc).__name__}.")


def _person(item: dict, *, source: Source, orgs: dict, review_state: str) -> _Person:
    day = source.published
    name, country = (item.get("name") or "").strip(), (item.get("country") or "").upper()
    title = (item.get("title") or "").strip()
    if not name:
        return _Person(None, title, country, None)
    official = official_resolve(name=name, country=country, title=title or None, day=day)
    if official is None:  # a name with no name in it ("H. E."): kept as written where it is used
        return _Person(None, title, country, None)
    if review_state == ReviewState.ACCEPTED and official.review_state == ReviewState.UNREVIEWED:
        official.review_state = review_state  # records an editor enters (the demo) are accepted as a whole
        official.save(update_fields=["review_state", "updated_at"])
    org = None
    if item.get("organisation"):
        org = orgs.get(name_key(item["organisation"])) or organisation_resolve(
            name=item["organisation"], country=country, kind="intergovernmental" if not country else ""
        )
    position = position_record(
        official=official, title=title, country=country, organisation=org, source=source
    )
    return _Person(official, title, country, position)


def _lookup(people: dict[str, _Person], name: str | None) -> _Person | None:
    key = name_key(name or "")
    if not key:
        return None
    if key in people:
        return people[key]
    # "Aliyev" in a visit for "Kamran Aliyev" among the officials: the one the matching rules allow.
    hits = [p for k, p in people.items() if compare(k, key) != Agreement.DIFFERENT]
    return hits[0] if len(hits) == 1 else None


def _apply_visit(
    item: dict, *, source: Source, people: dict, orgs: dict, review_state: str, result: ApplyResult
) -> tuple[Visit | None, str]:
    destination = (item.get("destination_country") or "").upper()
    if not destination:
        return None, ""
    person = _lookup(people, item.get("visitor"))
    visitor_country = (item.get("visitor_country") or (person.country if person else "") or "").upper()
    start, end = _date(item.get("start_date")), _date(item.get("end_date"))
    if person is None and item.get("visitor"):
        official = official_resolve(
            name=item["visitor"], country=visitor_country, day=start or source.published
        )
        person = _Person(official, "", visitor_country, None)
    if start and end and end < start:
        end = None
    visitor = person.official if person else None
    key = _record_key("visit", visitor.pk if visitor else name_key(item.get("visitor") or ""), destination)
    values = {
        "visitor": visitor,
        "visitor_name": (item.get("visitor") or "")[:200],
        "visitor_title": (person.title if person else "")[:200],
        "visitor_position": person.position if person else None,
        "origin_country": visitor_country,
        "destination_country": destination,
        "destination_city": (item.get("destination_city") or "")[:120],
        "start_date": start,
        "end_date": end,
        "kind": item.get("kind") or "unknown",
        "status": item.get("status") or "completed",
        "purpose": (item.get("purpose") or "")[:500],
    }
    evidence = (
        Evidence.objects.filter(source=source, key=key, visit__isnull=False).select_related("visit").first()
    )
    visit = (
        evidence.visit
        if evidence
        else same_visit(
            visitor=visitor,
            name=values["visitor_name"],
            visitor_country=visitor_country,
            destination=destination,
            start=start,
            end=end,
            source=source,
        )
    )
    if visit is None:
        visit = Visit(review_state=review_state, **values)
        visit.full_clean(exclude=["visitor", "visitor_position"])
        visit.save()
        result.counts["visits created"] += 1
    else:
        # Locked and read afresh: an editor's change made meanwhile (and its editor-owned mark) stands.
        visit = Visit.objects.select_for_update().get(pk=visit.pk)
        changed = assign_unless_edited(visit, values if evidence else fill_blanks(visit, values))
        if changed:
            visit.full_clean(exclude=["visitor", "visitor_position"])
            visit.save(update_fields=[*changed, "updated_at"])
            result.counts["visits updated"] += 1
    purpose = values["purpose"].lower()
    for org in orgs.values():
        if purpose and (
            org.name.lower() in purpose or (org.acronym and org.acronym.lower() in purpose.split())
        ):
            visit.organisations.add(org)
    Evidence.objects.update_or_create(
        source=source, visit=visit, defaults={"key": key, "spans": item.get("evidence") or []}
    )
    return visit, key


def _apply_meeting(
    item: dict, *, source: Source, people: dict, result: ApplyResult, review_state: str
) -> tuple[Meeting | None, str]:
    names = [n for n in item.get("participants") or [] if isinstance(n, str) and n.strip()]
    if not names:
        return None, ""
    country = (item.get("country") or "").upper()
    resolved = []
    for name in names:
        person = _lookup(people, name)
        if person is None:
            official = official_resolve(
                name=name, country="", day=_date(item.get("date")) or source.published
            )
            # Where they were met is not their country (rule 1 of people/matching.py): only what is known.
            person = _Person(
                official, "", official.country.code if official and official.country else "", None
            )
        resolved.append((name, person))
    key = _record_key(
        "meeting",
        sorted(p.official.pk for _, p in resolved if p.official),
        item.get("date"),
        item.get("name") or "",
    )
    visit = _visit_for_meeting(result.visits, resolved, country)
    values = {
        "visit": visit,
        "name": (item.get("name") or "")[:300],
        "date": _date(item.get("date")),
        "city": (item.get("city") or "")[:120],
        "country": country,
        "topics": [str(t)[:200] for t in item.get("topics") or []][:20],
    }
    evidence = Evidence.objects.filter(source=source, key=key, meeting__isnull=False).select_related(
        "meeting"
    )
    meeting = evidence.first().meeting if evidence else None
    if meeting is None:
        meeting = same_meeting(
            visit=visit,
            day=values["date"],
            people=[(getattr(p.official, "pk", None), name) for name, p in resolved],
            source=source,
        )
        if meeting is not None and assign_unless_edited(meeting, fill_blanks(meeting, values)):
            meeting.save()
            result.counts["meetings updated"] += 1
        elif meeting is not None:
            result.counts["meetings unchanged"] += 1
    elif assign_unless_edited(meeting, values):
        meeting.save()
        result.counts["meetings updated"] += 1
    tombstone = (values["date"], name_key(values["name"]))
    if meeting is None and visit is not None and tombstone in meetings_deleted_by_editors(visit.pk):
        result.counts["meetings kept deleted by an editor"] += 1
        return None, key
    if meeting is None:
        meeting = Meeting.objects.create(review_state=review_state, **values)
        result.counts["meetings created"] += 1
    if participants_owned(meeting):
        resolved = []  # an editor touched the meeting: who took part is theirs to say
    roster = Roster(meeting.participants.all(), same_name=same_participant)
    added: list[Participant] = []
    for name, person in resolved:
        official = person.official
        if not roster.admit(getattr(official, "pk", None), name):
            continue
        added.append(
            Participant.objects.create(
                meeting=meeting,
                official=official,
                name_as_written=name[:200],
                title_as_written=person.title[:200],
                country=person.country,
                role=Participant.Role.GUEST
                if visit and visit.visitor_id == getattr(official, "pk", None)
                else Participant.Role.PARTICIPANT,
            )
        )
    if added:
        nesting_touch(record=added[0])  # the meeting and its visit show their participants: once per meeting
    Evidence.objects.update_or_create(
        source=source, meeting=meeting, defaults={"key": key, "spans": item.get("evidence") or []}
    )
    return meeting, key


def _visit_for_meeting(visits: list[Visit], resolved: list, country: str) -> Visit | None:
    """The visit a meeting belongs to: its visitor takes part, or failing that it is in the same country."""
    ids = {p.official.pk for _, p in resolved if p.official}
    for visit in visits:
        if visit.visitor_id in ids and (not country or visit.destination_country == country):
            return visit
    # The visitor named otherwise in the meeting than in the visit (the visit joined another report's record).
    names = [name for name, _ in resolved]
    for visit in visits:
        named = visit.visitor_name and any(names_agree(visit.visitor_name, name) for name in names)
        if named and (not country or visit.destination_country == country):
            return visit
    for visit in visits:
        if country and visit.destination_country == country:
            return visit
    return visits[0] if len(visits) == 1 else None


def _drop_stale(source: Source, keys: set[str], result: ApplyResult) -> None:
    """Records this source no longer supports: unlink them; delete the ones nobody else vouches for."""
    stale = Evidence.objects.filter(source=source).exclude(key__in=keys).select_related("visit", "meeting")
    # Meetings first: a visit keeps standing while a meeting an editor kept still belongs to it.
    for evidence in sorted(stale, key=lambda e: e.visit_id is not None):
        record = evidence.visit or evidence.meeting
        evidence.delete()
        if droppable(record):
            record.delete()
            result.counts["deleted"] += 1
