"""common.bulk.insert writes what bulk_create_with_history would: the rows, their ids and "+" records.

On PostgreSQL it takes its own path (ids from the sequence, COPY); these tests hold on either database.
"""

import datetime

import pytest

from common import bulk
from people.models import Official
from tests.factories import OfficialFactory
from visits.models import Meeting, Participant, Visit

pytestmark = pytest.mark.django_db


def test_rows_get_ids_stored_values_and_first_history_records():
    before = OfficialFactory()  # the sequence has moved: reserved ids follow it
    officials = [
        Official(name="Ana Brnabić", slug="ana-brnabic", country="RS", name_key="ana brnabic"),
        Official(name="Kaja Kallas", slug="kaja-kallas", country="ee"),
        Official(name="Nobody", slug="nobody", country=""),
    ]
    saved = bulk.insert(Official, officials, history=True)
    assert [o.pk for o in saved] == [o.pk for o in officials]
    assert len({o.pk for o in saved}) == 3 and all(o.pk > before.pk for o in saved)
    assert all(not o._state.adding for o in saved)
    stored = {o.pk: o for o in Official.objects.filter(pk__in=[o.pk for o in saved])}
    assert stored[officials[0].pk].name == "Ana Brnabić"
    assert stored[officials[0].pk].name_key == "ana brnabic"
    assert stored[officials[1].pk].country.code == "EE"
    assert stored[officials[2].pk].country.code is None or stored[officials[2].pk].country == ""
    assert all(o.created_at is not None and o.updated_at is not None for o in stored.values())
    history = list(Official.history.filter(id__in=stored).order_by("id"))
    assert [(h.id, h.history_type, h.history_user_id) for h in history] == [
        (o.pk, "+", None) for o in sorted(saved, key=lambda o: o.pk)
    ]
    assert history[1].country.code == "EE" and history[0].name == "Ana Brnabić"


def test_json_dates_and_foreign_keys_round_trip_and_later_inserts_follow():
    official = OfficialFactory()
    visit = Visit(
        visitor=official,
        visitor_name=official.name,
        origin_country="AZ",
        destination_country="TJ",
        start_date=datetime.date(2024, 5, 1),
        kind="working",
        status="completed",
        edited_fields=["purpose", "kind"],
    )
    bulk.insert(Visit, [visit], history=True)
    meeting = Meeting(visit=visit, date=datetime.date(2024, 5, 2), country="TJ")
    bulk.insert(Meeting, [meeting], history=True)
    bulk.insert(
        Participant, [Participant(meeting=meeting, official=official, name_as_written="X", role="guest")]
    )
    stored = Visit.objects.get(pk=visit.pk)
    assert stored.edited_fields == ["purpose", "kind"]
    assert stored.visitor_id == official.pk and stored.start_date == datetime.date(2024, 5, 1)
    assert stored.history.get().edited_fields == ["purpose", "kind"]
    assert Meeting.objects.get(pk=meeting.pk).participants.get().official_id == official.pk
    # The ORM's own inserts after a bulk insert take ids beyond it (the sequence was advanced).
    assert (
        Visit.objects.create(
            visitor_name="Later", destination_country="TJ", kind="working", status="completed"
        ).pk
        > visit.pk
    )


def test_nothing_to_insert_is_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert bulk.insert(Official, [], history=True) == []
