"""Trips: an official's consecutive visits grouped into journeys; what editors change stays."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import OfficialFactory, VisitFactory
from visits.models import Trip, Visit
from visits.services.trips import Leg, journeys, trip_from_visits, trip_split, trips_join, trips_rebuild

D = datetime.date


def _tour(official, *legs: tuple[str, datetime.date, datetime.date]) -> list[Visit]:
    return [
        VisitFactory(visitor=official, destination_country=c, start_date=s, end_date=e, origin_country="US")
        for c, s, e in legs
    ]


def test_journeys_join_legs_that_touch_or_lie_within_two_days():
    legs = [
        Leg(1, 7, D(2024, 1, 1), D(2024, 1, 2)),
        Leg(2, 7, D(2024, 1, 4), D(2024, 1, 4)),  # two days after the end: same journey
        Leg(3, 7, D(2024, 1, 8), D(2024, 1, 9)),  # four days: a new one, alone
        Leg(4, 8, D(2024, 1, 4), D(2024, 1, 5)),  # another traveller
    ]
    assert [[leg.id for leg in run] for run in journeys(legs)] == [[1, 2]]


@pytest.mark.django_db
def test_consecutive_visits_of_one_official_become_one_trip_in_order():
    rubio = OfficialFactory()
    _tour(
        rubio,
        ("JP", D(2025, 3, 1), D(2025, 3, 2)),
        ("KR", D(2025, 3, 3), D(2025, 3, 4)),
        ("CN", D(2025, 3, 5), D(2025, 3, 6)),
    )
    alone = _tour(rubio, ("FR", D(2025, 4, 1), D(2025, 4, 2)))[0]
    report = trips_rebuild()
    assert (report.trips, report.legs) == (1, 3)
    trip = Trip.objects.get()
    assert [(v.destination_country.code, v.leg) for v in trip.legs.order_by("leg")] == [
        ("JP", 1),
        ("KR", 2),
        ("CN", 3),
    ]
    assert (trip.visitor, trip.start_date, trip.end_date) == (rubio, D(2025, 3, 1), D(2025, 3, 6))
    alone.refresh_from_db()
    assert alone.trip is None


@pytest.mark.django_db
def test_rebuild_twice_changes_nothing_and_a_new_leg_regroups():
    official = OfficialFactory()
    _tour(official, ("JP", D(2025, 3, 1), D(2025, 3, 2)), ("KR", D(2025, 3, 3), D(2025, 3, 4)))
    trips_rebuild()
    first = Trip.objects.get()
    again = trips_rebuild()
    assert (again.created, again.deleted, Trip.objects.get()) == (0, 0, first)
    _tour(official, ("CN", D(2025, 3, 5), D(2025, 3, 6)))
    trips_rebuild()
    assert Trip.objects.get().legs.count() == 3


@pytest.mark.django_db
def test_an_editor_owned_trip_is_kept_on_regrouping():
    official = OfficialFactory()
    japan, korea = _tour(official, ("JP", D(2025, 3, 1), D(2025, 3, 2)), ("KR", D(2025, 3, 3), D(2025, 3, 4)))
    far = _tour(official, ("CN", D(2025, 3, 20), D(2025, 3, 21)))[0]
    trip = trip_from_visits(visits=[japan, korea, far])  # an editor says the three are one journey
    report = trips_rebuild()
    assert report.kept_by_editors == 1
    assert Trip.objects.get() == trip
    assert list(trip.legs.order_by("leg").values_list("pk", flat=True)) == [japan.pk, korea.pk, far.pk]


@pytest.mark.django_db
def test_split_then_join_gives_back_one_trip_in_date_order():
    official = OfficialFactory()
    _tour(
        official,
        ("JP", D(2025, 3, 1), D(2025, 3, 2)),
        ("KR", D(2025, 3, 3), D(2025, 3, 4)),
        ("CN", D(2025, 3, 5), D(2025, 3, 6)),
    )
    trips_rebuild()
    trip = Trip.objects.get()
    later = trip_split(trip=trip, leg=2)
    assert [v.destination_country.code for v in trip.legs.order_by("leg")] == ["JP"]
    assert [v.destination_country.code for v in later.legs.order_by("leg")] == ["KR", "CN"]
    assert later.start_date == D(2025, 3, 3) and trip.end_date == D(2025, 3, 2)
    trips_rebuild()  # both are editor-owned now: regrouping does not undo the split
    assert Trip.objects.count() == 2
    joined = trips_join(trips=[later, trip])
    assert joined == trip and Trip.objects.count() == 1
    assert [v.destination_country.code for v in joined.legs.order_by("leg")] == ["JP", "KR", "CN"]


@pytest.mark.django_db
def test_editor_reorders_legs_in_admin_and_the_trip_becomes_editor_owned(client, editor):
    official = OfficialFactory()
    japan, korea = _tour(official, ("JP", D(2025, 3, 1), D(2025, 3, 2)), ("KR", D(2025, 3, 3), D(2025, 3, 4)))
    trips_rebuild()
    trip = Trip.objects.get()
    client.force_login(editor)
    url = reverse("admin:visits_trip_change", args=[trip.pk])
    assert client.get(url).status_code == 200
    data = {
        "visitor": official.pk,
        "name": "Asia tour",
        "review_state": "accepted",
        "legs-TOTAL_FORMS": 2,
        "legs-INITIAL_FORMS": 2,
        "legs-0-id": japan.pk,
        "legs-0-trip": trip.pk,
        "legs-0-leg": 2,
        "legs-1-id": korea.pk,
        "legs-1-trip": trip.pk,
        "legs-1-leg": 1,
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    trip.refresh_from_db()
    assert "legs" in trip.edited_fields and trip.name == "Asia tour"
    assert list(trip.legs.order_by("leg").values_list("pk", flat=True)) == [korea.pk, japan.pk]
    trips_rebuild()
    assert list(Trip.objects.get().legs.order_by("leg").values_list("pk", flat=True)) == [korea.pk, japan.pk]


@pytest.mark.django_db
def test_editor_takes_a_leg_out_of_a_trip_in_admin(client, editor):
    official = OfficialFactory()
    legs = _tour(
        official,
        ("JP", D(2025, 3, 1), D(2025, 3, 2)),
        ("KR", D(2025, 3, 3), D(2025, 3, 4)),
        ("CN", D(2025, 3, 5), D(2025, 3, 6)),
    )
    trips_rebuild()
    trip = Trip.objects.get()
    client.force_login(editor)
    data = {"visitor": official.pk, "name": "", "review_state": "unreviewed"}
    data.update({"legs-TOTAL_FORMS": 3, "legs-INITIAL_FORMS": 3})
    for i, visit in enumerate(legs):
        data.update({f"legs-{i}-id": visit.pk, f"legs-{i}-trip": trip.pk, f"legs-{i}-leg": i + 1})
    data["legs-2-remove"] = "on"
    response = client.post(reverse("admin:visits_trip_change", args=[trip.pk]), data)
    assert response.status_code == 302
    china = Visit.objects.get(pk=legs[2].pk)
    assert china.trip is None and "trip" in china.edited_fields
    trips_rebuild()
    assert Visit.objects.get(pk=china.pk).trip is None
    assert Trip.objects.get().end_date == D(2025, 3, 4)
