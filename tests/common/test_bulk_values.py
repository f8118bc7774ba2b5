"""common.bulk.insert_values writes what insert() of instances made from the same values writes."""

import pytest

from common import bulk
from tests.factories import OfficialFactory
from visits.models import Meeting, Participant, Visit

pytestmark = pytest.mark.django_db


def _meeting() -> Meeting:
    visit = Visit.objects.create(visitor_name="X", destination_country="FR", kind="working")
    return Meeting.objects.create(visit=visit, country="FR")


def _stored(meeting: Meeting) -> list[tuple]:
    return list(
        meeting.participants.order_by("id").values_list(
            "official_id", "name_as_written", "title_as_written", "country", "role"
        )
    )


def test_rows_are_stored_as_instances_of_the_same_values_would_be():
    official = OfficialFactory()
    rows = [
        {"official_id": official.pk, "name_as_written": "Ana Brnabić", "country": "RS", "role": "host"},
        {"name_as_written": "Nobody", "title_as_written": "Minister"},  # defaults: country, role
        {"name_as_written": "Kaja Kallas", "country": "ee"},  # as insert() of an instance stores it
    ]
    by_values, by_instances = _meeting(), _meeting()
    bulk.insert_values(Participant, [{"meeting_id": by_values.pk, **row} for row in rows])
    bulk.insert(Participant, [Participant(meeting_id=by_instances.pk, **row) for row in rows])
    assert _stored(by_values) == _stored(by_instances)
    assert _stored(by_values)[0] == (official.pk, "Ana Brnabić", "", "RS", "host")
    # Later inserts take ids beyond them (the sequence was advanced).
    later = Participant.objects.create(meeting=by_values, name_as_written="Later")
    assert later.pk > max(by_values.participants.exclude(pk=later.pk).values_list("pk", flat=True))


def test_an_unknown_field_is_refused_and_nothing_is_no_query(django_assert_num_queries):
    with pytest.raises(TypeError):
        bulk.insert_values(Participant, [{"meeting_id": _meeting().pk, "nickname": "X"}])
    with django_assert_num_queries(0):
        bulk.insert_values(Participant, [])
