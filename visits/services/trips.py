"""Journeys: an official's consecutive visits grouped into trips, legs in order; editors' trips kept."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from common.editing import mark_edited
from common.models import DatePrecision
from common.versioning import data_version_bump
from visits.models import Trip, Visit, VisitStatus

# Two legs belong to one journey when the next starts at most this long after the last one ends:
# the HSG travels give a day or two in the air between capitals ("touch or lie within two days").
GAP = datetime.timedelta(days=2)


@dataclass(frozen=True)
class Leg:
    id: int
    visitor_id: int
    start: datetime.date
    end: datetime.date


@dataclass
class TripsReport:
    trips: int = 0
    legs: int = 0
    created: int = 0
    deleted: int = 0
    kept_by_editors: int = 0

    def __str__(self) -> str:
        return (
            f"{self.trips} trips, {self.legs} legs ({self.created} new, {self.deleted} regrouped, "
            f"{self.kept_by_editors} kept by editors)"
        )


def journeys(legs: Iterable[Leg], *, gap: datetime.timedelta = GAP) -> list[list[Leg]]:
    """Runs of two or more legs of one visitor, each starting within `gap` of the run's end so far."""
    runs: list[list[Leg]] = []
    current: list[Leg] = []
    reach: datetime.date | None = None
    for leg in sorted(legs, key=lambda x: (x.visitor_id, x.start, x.end, x.id)):
        if current and leg.visitor_id == current[0].visitor_id and reach and leg.start <= reach + gap:
            current.append(leg)
            reach = max(reach, leg.end)
            continue
        if len(current) > 1:
            runs.append(current)
        current, reach = [leg], leg.end
    if len(current) > 1:
        runs.append(current)
    return runs


def _candidate_legs(visitors: list[int] | None) -> list[Leg]:
    """Visits that can be legs: a known visitor, day-precise start, not cancelled, not held by an editor."""
    rows = (
        Visit.objects.filter(visitor__isnull=False, start_date__isnull=False)
        .filter(start_precision=DatePrecision.DAY)
        .filter(**({} if visitors is None else {"visitor__in": visitors}))
        .exclude(status=VisitStatus.CANCELLED)
        .exclude(trip__in=Trip.objects.exclude(edited_fields=[]))
        .values_list("id", "visitor_id", "start_date", "end_date", "edited_fields")
        .order_by()
    )
    return [
        Leg(pk, visitor, start, end if end and end >= start else start)
        for pk, visitor, start, end, edited in rows
        if "trip" not in (edited or []) and "leg" not in (edited or [])
    ]


def trips_rebuild(*, visitors: Iterable[int] | None = None) -> TripsReport:
    """Regroup officials' consecutive visits (all, or `visitors`') into trips; editors' trips stay."""
    visitors = None if visitors is None else sorted(set(visitors))
    if visitors == []:
        return TripsReport()  # an article with no known visitor: nothing to regroup
    with transaction.atomic():
        runs = journeys(_candidate_legs(visitors))
        report = TripsReport(kept_by_editors=Trip.objects.exclude(edited_fields=[]).count())
        automatic = Trip.objects.filter(edited_fields=[])
        if visitors is not None:
            automatic = automatic.filter(visitor__in=visitors)
        existing = {}
        for trip_id, visit_id in Visit.objects.filter(trip__in=automatic).values_list("trip_id", "id"):
            existing.setdefault(trip_id, set()).add(visit_id)
        by_legs = {frozenset(ids): trip_id for trip_id, ids in existing.items()}
        wanted: list[tuple[int | None, list[Leg]]] = [
            (by_legs.get(frozenset(leg.id for leg in run)), run) for run in runs
        ]
        kept = {trip_id for trip_id, _ in wanted if trip_id}
        stale = set(existing) - kept
        Visit.objects.filter(trip__in=stale).update(trip=None, leg=None)
        Trip.objects.filter(pk__in=stale).delete()
        report.deleted = len(stale)
        new = [run for trip_id, run in wanted if trip_id is None]
        created = Trip.objects.bulk_create(
            [Trip(visitor_id=run[0].visitor_id, start_date=run[0].start, end_date=_end(run)) for run in new]
        )
        report.created = len(created)
        placed = [(trip_id, run) for trip_id, run in wanted if trip_id] + [
            (trip.pk, run) for trip, run in zip(created, new, strict=True)
        ]
        updates = []
        for trip_id, run in placed:
            for number, leg in enumerate(run, start=1):
                updates.append(Visit(pk=leg.id, trip_id=trip_id, leg=number))
        Visit.objects.bulk_update(updates, ["trip", "leg"], batch_size=500)
        if stale or new or updates:
            data_version_bump()  # bulk writes send no signal: cached answers must see the new trips
        scope = Trip.objects.all() if visitors is None else Trip.objects.filter(visitor__in=visitors)
        report.trips = scope.count()
        report.legs = Visit.objects.filter(trip__in=scope).count()
    return report


def trip_dates_refresh(*, trip: Trip) -> Trip:
    """Set a trip's dates from its legs (after an editor splits, joins or reorders them)."""
    legs = list(trip.legs.order_by("start_date"))
    starts = [v.start_date for v in legs if v.start_date]
    ends = [v.end_date or v.start_date for v in legs if v.end_date or v.start_date]
    trip.start_date = min(starts, default=None)
    trip.end_date = max(ends, default=None)
    trip.save(update_fields=["start_date", "end_date", "updated_at"])
    return trip


def _legs_number(trip: Trip, visits: list[Visit]) -> None:
    for number, visit in enumerate(visits, start=1):
        visit.trip, visit.leg = trip, number
    Visit.objects.bulk_update(visits, ["trip", "leg"])


def trip_split(*, trip: Trip, leg: int) -> Trip:
    """Split a trip before leg `leg`: that leg and the later ones become a new, editor-owned trip."""
    with transaction.atomic():
        legs = list(trip.legs.order_by("leg", "start_date", "id"))
        before, after = legs[: leg - 1], legs[leg - 1 :]
        if not before or not after:
            raise ValueError("A split needs legs on both sides.")
        new = Trip.objects.create(visitor_id=trip.visitor_id, edited_fields=["legs"])
        _legs_number(trip, before)
        _legs_number(new, after)
        mark_edited(trip, ["legs"])
        trip.save(update_fields=["edited_fields", "updated_at"])
        trip_dates_refresh(trip=trip)
        trip_dates_refresh(trip=new)
    return new


def trips_join(*, trips: list[Trip]) -> Trip:
    """Join trips into the earliest one, legs in date order; the joined trip is editor-owned."""
    with transaction.atomic():
        trips = sorted(trips, key=lambda t: (t.start_date or datetime.date.max, t.pk))
        kept, others = trips[0], trips[1:]
        legs = list(
            Visit.objects.filter(trip__in=trips).order_by("start_date", "trip__start_date", "leg", "id")
        )
        _legs_number(kept, legs)
        Trip.objects.filter(pk__in=[t.pk for t in others]).delete()
        mark_edited(kept, ["legs"])
        kept.save(update_fields=["edited_fields", "updated_at"])
        trip_dates_refresh(trip=kept)
    return kept


def _end(run: list[Leg]) -> datetime.date:
    return max(leg.end for leg in run)


def trip_from_visits(*, visits: list[Visit]) -> Trip:
    """One editor-owned trip of these visits, legs in date order; trips they leave keep their other legs."""
    with transaction.atomic():
        ordered = sorted(visits, key=lambda v: (v.start_date or datetime.date.max, v.pk))
        left = {v.trip_id for v in ordered if v.trip_id}
        trip = Trip.objects.create(
            visitor_id=ordered[0].visitor_id if ordered else None, edited_fields=["legs"]
        )
        _legs_number(trip, ordered)
        for old in Trip.objects.filter(pk__in=left):
            remaining = list(old.legs.order_by("leg", "start_date", "id"))
            if len(remaining) < 2:
                old.delete()  # a trip of one leg is no journey
                continue
            _legs_number(old, remaining)
            trip_dates_refresh(trip=old)
        trip_dates_refresh(trip=trip)
    return trip
