"""One visit, one record; one meeting, one record: finding the record another source already reports.

A visit is the same when the destination agrees, the visitors agree (the same official, or names that
people/matching.py says are one person, in any word order) and the dates meet: dated reports start within
VISIT_DAYS of each other or their spans overlap; an undated report counts from its publication date, within
UNDATED_DAYS; a report with neither is the visitor's only visit to that destination, if there is one (and a
dated report joins such a report when it is the only one).

A meeting is the same when it belongs to the same visit, its day agrees (or one report gives none) and it
shares a participant other than the visitor, or one report names nobody but the visitor.
"""

import datetime
from collections.abc import Iterable

from django.db.models import Count, Min, Q

from common.text import name_key
from people.models import Official
from people.names import Agreement, compare
from visits.models import Meeting, Source, Visit

VISIT_DAYS = 3
UNDATED_DAYS = 7


def names_agree(a: str, b: str, *, strict: bool = False) -> bool:
    """One person by two written names: matching's verdict, or the same words reordered (KISHIDA Fumio)."""
    if not a or not b:
        return False
    if one_name(a, b):
        return True
    if strict:
        return False
    return _words_added(a, b) or compare(a, b) == Agreement.COMPATIBLE


def _words_added(a: str, b: str) -> bool:
    # A style or a middle name more ("Paduka Lim Jock Hoi" / "Lim Jock Hoi"): two words at least in common.
    short, long = sorted((set(name_key(a).split()), set(name_key(b).split())), key=len)
    return len(short) >= 2 and short < long


def one_name(a: str, b: str) -> bool:
    """The same name: matching says SAME, or the same words in another order."""
    if not a or not b:
        return False
    return sorted(name_key(a).split()) == sorted(name_key(b).split()) or compare(a, b) == Agreement.SAME


def same_participant(a: str, b: str) -> bool:
    """Within one meeting, two written names of one participant (a style or middle name more is allowed)."""
    return one_name(a, b) or _words_added(a, b)


def _visitor_names(visit: Visit) -> list[str]:
    names = [visit.visitor_name]
    if visit.visitor_id:
        names.append(visit.visitor.name)
    return [n for n in names if n]


def _days(start: datetime.date, end: datetime.date | None) -> tuple[datetime.date, datetime.date]:
    return start, max(end or start, start)


def _dates_meet(
    a: tuple[datetime.date, datetime.date], b: tuple[datetime.date, datetime.date], slack: int
) -> bool:
    gap = datetime.timedelta(days=slack)
    return a[0] - gap <= b[1] and b[0] - gap <= a[1]


def _visitor_agrees(visit: Visit, visitor: Official | None, name: str, country: str) -> bool:
    if visitor and visit.visitor_id == visitor.pk:
        return True
    countries = {country, visit.origin_country.code or ""} - {""}
    strict = len(countries) > 1  # different countries stated: only the very same name will do
    return any(names_agree(name, other, strict=strict) for other in _visitor_names(visit))


def same_visit(
    *,
    visitor: Official | None,
    name: str,
    visitor_country: str,
    destination: str,
    start: datetime.date | None,
    end: datetime.date | None,
    source: Source,
) -> Visit | None:
    """The visit another source already reports (see the module's rule), or None."""
    day = start or source.published
    if not (visitor or name):
        return None
    who = Q(visitor=visitor) if visitor else Q()
    for word in name_key(name).split():
        if len(word) >= 4:
            who |= Q(visitor_name__icontains=word) | Q(visitor__name__icontains=word)
    if not who:
        return None
    candidates = Visit.objects.filter(who, destination_country=destination).exclude(evidence__source=source)
    if day is not None:
        window = datetime.timedelta(days=UNDATED_DAYS + VISIT_DAYS)
        candidates = candidates.filter(
            Q(start_date__range=(day - window, day + window)) | Q(start_date__isnull=True)
        )
    candidates = (
        candidates.select_related("visitor")
        .annotate(first_published=Min("evidence__source__published"))
        .order_by("start_date", "id")
    )
    same_visitor = [v for v in candidates if _visitor_agrees(v, visitor, name, visitor_country)]
    if day is None:
        # Neither a date nor a publication date: only the one visit of this visitor there can be meant.
        return same_visitor[0] if len(same_visitor) == 1 else None
    unanchored = []
    for visit in same_visitor:
        if start and visit.start_date:
            if _dates_meet(_days(start, end), _days(visit.start_date, visit.end_date), VISIT_DAYS):
                return visit
            continue
        theirs = visit.start_date or visit.first_published
        if theirs is None:
            unanchored.append(visit)
        elif abs((theirs - day).days) <= UNDATED_DAYS:
            return visit
    # The other way round: a report with no date at all is this one if it is the visitor's only visit there.
    return unanchored[0] if len(same_visitor) == 1 and unanchored else None


def same_meeting(
    *,
    visit: Visit | None,
    day: datetime.date | None,
    people: Iterable[tuple[int | None, str]],
    source: Source | None = None,
) -> Meeting | None:
    """The meeting of `visit` another source already reports (see the module's rule), or None.

    `people` are the participants this source names, as (official id or None, name as written). Meetings
    only `source` itself reports are other meetings of the same article, never a second report of this one.
    """
    if visit is None:
        return None
    people = list(people)
    guest = {visit.visitor_id} - {None}
    guest_names = _visitor_names(visit)

    def is_guest(official: int | None, name: str) -> bool:
        return (official is not None and official in guest) or any(names_agree(name, g) for g in guest_names)

    others = [(o, n) for o, n in people if not is_guest(o, n)]
    meetings = visit.meetings.prefetch_related("participants").order_by("id")
    if source is not None:
        # Another report's meeting (or one an editor entered), never only this article's own.
        meetings = meetings.annotate(
            elsewhere=Count("evidence", filter=~Q(evidence__source=source)),
            here=Count("evidence", filter=Q(evidence__source=source)),
        ).filter(Q(elsewhere__gt=0) | Q(here=0))
    for meeting in meetings:
        if day and meeting.date and meeting.date != day:
            continue
        theirs = [
            (p.official_id, p.name_as_written)
            for p in meeting.participants.all()
            if not is_guest(p.official_id, p.name_as_written)
        ]
        if not others or not theirs:
            return meeting  # one report names nobody but the visitor: the same day's meeting
        for official, name in others:
            for their_official, their_name in theirs:
                if (official and official == their_official) or names_agree(name, their_name):
                    return meeting
    return None
